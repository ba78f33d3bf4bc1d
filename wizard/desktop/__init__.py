"""Desktop integration without Qt: the console and log file, language, single instance, export folder, remote
sessions and colour contrast. Each module reads the platform through small, injectable facts so it tests on Linux."""
