"""Where things are kept between runs: the token in the OS keyring, progress per organisation on disk. No Qt."""
