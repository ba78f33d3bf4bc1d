"""The Windows installer, run for real under Wine: what a user and a helpdesk notice when it installs, upgrades,
refuses and uninstalls.

One Wine prefix for the module (booting one takes 15-20 s); each test starts from a machine without the product.
The payload's sbq-setup.exe, the running wizard and the user answering a message box are one stand-in program
built with mingw-w64 (tests/packaging/wine/stand_in.c). Message boxes appear on Wine's null display driver, so no
X server is needed. Skips without wine, makensis or mingw-w64, unless SBQ_REQUIRE_WINE=1 (.ci/run sets it): then
it fails. What Wine cannot show (a real standard user's rights, Explorer, SmartScreen) is in packaging/README.md.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass
from pathlib import Path, PureWindowsPath

import pytest

from wizard.desktop import streams
from wizard.desktop.single_instance import MUTEX_NAME
from wizard.stores import progress
from wizard.stores.secrets import SERVICE

ROOT = Path(__file__).resolve().parents[2]
NSI = ROOT / "packaging" / "windows" / "installer.nsi"
STAND_IN_C = Path(__file__).with_name("wine") / "stand_in.c"
REQUIRE_ENV = "SBQ_REQUIRE_WINE"
TOOLS = {
    "wine": "Debian: wine, wine64 and wine32:i386, after dpkg --add-architecture i386",
    "wineserver": "Debian: wine",
    "makensis": "Debian: nsis",
    "i686-w64-mingw32-gcc": "Debian: gcc-mingw-w64-i686-win32",
}

APP = "SmartBooqing AFAS Setup"
UNINSTALL = r"HKEY_CURRENT_USER\Software\Microsoft\Windows\CurrentVersion\Uninstall"
ENTRY = UNINSTALL + r"\SmartBooqingAFASSetup"
APP_KEY = r"HKEY_CURRENT_USER\Software\SmartBooqingAFASSetup"
CREDENTIALS = r"HKEY_CURRENT_USER\Software\Wine\Credential Manager"  # where Wine keeps CredWriteW's credentials
SHORTCUT = {"en": "SmartBooqing AFAS Setup.lnk", "nl": "SmartBooqing AFAS-koppeling.lnk"}
LOCALE = {"en": "en_US.UTF-8", "nl": "nl_NL.UTF-8"}  # Wine takes the Windows language from these, locale or not
EXIT_WIZARD_RUNNING = 2
EXIT_NEWER_INSTALLED = 3
CUSTOM_DIR = r"C:\Apps\SBQ"  # no spaces: NSIS wants /D= unquoted, and wine quotes an argument with spaces


def _unavailable(reason: str) -> None:
    if os.environ.get(REQUIRE_ENV) == "1":
        pytest.fail(f"Wine is required here ({REQUIRE_ENV}=1): {reason}")
    pytest.skip(f"the installer cannot run under Wine here: {reason}")


_VALUE = re.compile(r'^"((?:[^"\\]|\\.)*)"=(?:"((?:[^"\\]|\\.)*)"|dword:([0-9a-f]{8}))$')


def _unescape(text: str) -> str:
    return re.sub(r"\\(.)", r"\1", text)


def _parse_reg(text: str) -> dict[str, dict[str, str | int]]:
    """regedit's export: [key] lines, then "name"="string" or "name"=dword:hex (other value types are skipped)."""
    keys: dict[str, dict[str, str | int]] = {}
    values: dict[str, str | int] | None = None
    for line in text.splitlines():
        if line.startswith("[") and line.endswith("]"):
            values = keys.setdefault(line[1:-1], {})
        elif values is not None and (match := _VALUE.match(line)):
            values[_unescape(match[1])] = _unescape(match[2]) if match[2] is not None else int(match[3], 16)
    return keys


@dataclass
class Wine:
    """A booted Wine prefix and the compiled installers."""

    prefix: Path
    env: dict[str, str]
    stand_in: Path
    installers: dict[str, Path]

    @property
    def drive_c(self) -> Path:
        return self.prefix / "drive_c"

    @property
    def profile(self) -> Path:
        (user,) = (p for p in (self.drive_c / "users").iterdir() if p.name != "Public")
        return user

    @property
    def local_appdata(self) -> Path:
        return self.profile / "AppData" / "Local"

    @property
    def start_menu(self) -> Path:
        return self.profile / "AppData" / "Roaming" / "Microsoft" / "Windows" / "Start Menu" / "Programs"

    @property
    def default_dir(self) -> Path:
        return self.local_appdata / "Programs" / APP

    def unix(self, windows_path: str) -> Path:
        path = PureWindowsPath(windows_path)
        assert path.drive.upper() == "C:", windows_path
        return self.drive_c.joinpath(*path.parts[1:])

    def windows(self, path: Path) -> str:
        return str(PureWindowsPath("C:\\", *path.relative_to(self.drive_c).parts))

    def _env(self, lang: str, extra: dict[str, str] | None = None) -> dict[str, str]:
        return {**self.env, "LC_ALL": LOCALE[lang], **(extra or {})}

    def run(
        self, *args: str, lang: str = "en", env: dict[str, str] | None = None, timeout: float = 60
    ) -> subprocess.CompletedProcess[str]:
        # Output through files, not pipes: Wine's desktop process, started by the first program that needs it,
        # inherits the pipes and outlives the program, so reading a pipe to its end would wait for the prefix.
        with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
            done = subprocess.run(
                ["wine", *args], env=self._env(lang, env), stdin=subprocess.DEVNULL, stdout=out, stderr=err,
                timeout=timeout, check=False,
            )  # fmt: skip
            out.seek(0)
            err.seek(0)
            text = out.read().decode("utf-8", "replace"), err.read().decode("utf-8", "replace")
        return subprocess.CompletedProcess(done.args, done.returncode, *text)

    def start(self, *args: str, lang: str = "en") -> subprocess.Popen[bytes]:
        """A program that runs while the test goes on (a message box to answer, a mutex to hold)."""
        return subprocess.Popen(
            ["wine", *args], env=self._env(lang), stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )  # fmt: skip

    def install(self, version: str, *args: str, lang: str = "en") -> int:
        return self.run(str(self.installers[version]), "/S", *args, lang=lang).returncode

    def _batch(self, command_line: str) -> str:
        # Exactly this command line, as Windows would run it: wine would quote an argument with spaces, which
        # breaks NSIS's `_?=` (it must come last and unquoted).
        bat = self.drive_c / "sbq-tests" / "run.bat"
        bat.parent.mkdir(exist_ok=True)
        bat.write_bytes(f"@{command_line}\r\n@exit /b %ERRORLEVEL%\r\n".encode("ascii"))
        return self.windows(bat)

    def command_line(self, command_line: str, lang: str = "en") -> int:
        """Runs a Windows command line and waits for it (cmd /c waits for GUI programs too)."""
        return self.run("cmd", "/c", self._batch(command_line), lang=lang).returncode

    def start_command_line(self, command_line: str, lang: str = "en") -> subprocess.Popen[bytes]:
        return self.start("cmd", "/c", self._batch(command_line), lang=lang)

    def answer(self, button: str, lang: str = "en") -> str:
        """Waits for a message box, presses `button` and returns the box's title and text (one line each)."""
        done = self.run(str(self.stand_in), "answer", button, lang=lang)
        assert done.returncode == 0, f"no message box appeared: {done.stdout}{done.stderr}"
        return done.stdout

    def registry(self, key: str = r"HKEY_CURRENT_USER\Software") -> dict[str, dict[str, str | int]]:
        out = self.drive_c / "sbq-tests" / "export.reg"
        out.parent.mkdir(exist_ok=True)
        out.unlink(missing_ok=True)
        done = self.run("regedit", "/E", self.windows(out), key)
        assert done.returncode == 0, done.stderr
        return _parse_reg(out.read_text(encoding="utf-16"))

    def entries(self) -> dict[str, dict[str, str | int]]:
        """The "Apps & features" entries of this product (HKCU), by key."""
        return {
            key: values
            for key, values in self.registry(UNINSTALL).items()
            if key.startswith(UNINSTALL + "\\") and values.get("DisplayName") == APP
        }


def _compile(out: Path, version: str, payload: Path) -> Path:
    done = subprocess.run(
        ["makensis", "-V2", "-WX", f"-DVERSION={version}", f"-DPAYLOAD={payload}", f"-DOUTFILE={out}", "installer.nsi"],
        cwd=NSI.parent,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    return out


def _payload(folder: Path, version: str, stand_in: Path, module: str) -> Path:
    """What PyInstaller's one-folder build looks like, in miniature; `module` is a version-specific file."""
    (folder / "_internal").mkdir(parents=True)
    shutil.copy(stand_in, folder / "sbq-setup.exe")
    shutil.copy(stand_in, folder / "sbq-setup-cli.exe")
    (folder / "_internal" / "version.txt").write_text(version)
    (folder / "_internal" / module).write_bytes(b"MZ" + bytes(2000))
    return folder


@pytest.fixture(scope="module")
def wine_prefix(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Wine]:
    missing = [f"{tool} ({hint})" for tool, hint in TOOLS.items() if shutil.which(tool) is None]
    if missing:
        _unavailable("missing " + ", ".join(missing))
    work = tmp_path_factory.mktemp("wine")
    stand_in = work / "stand_in.exe"
    subprocess.run(
        ["i686-w64-mingw32-gcc", "-municode", "-Os", "-s", "-o", stand_in, STAND_IN_C, "-ladvapi32"], check=True
    )
    installers = {
        "1.2.3": _compile(work / "1.2.3.exe", "1.2.3", _payload(work / "p123", "1.2.3", stand_in, "old_module.pyd")),
        "1.2.4": _compile(work / "1.2.4.exe", "1.2.4", _payload(work / "p124", "1.2.4", stand_in, "new_module.pyd")),
    }
    (work / "home").mkdir()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("WINE", "XDG_", "LC_", "DISPLAY", "WAYLAND"))}
    env |= {
        "HOME": str(work / "home"),  # Wine links Documents, Desktop, ... to $HOME: not the developer's
        "WINEPREFIX": str(work / "prefix"),
        "WINEDEBUG": "-all",
        # No Linux menu entries for the shortcuts; no Mono/Gecko installs (slow, and nothing here needs them).
        "WINEDLLOVERRIDES": "winemenubuilder.exe=d;mscoree=d;mshtml=d",
    }
    wine = Wine(work / "prefix", env, stand_in, installers)
    try:
        boot = subprocess.run(["wineboot", "-i"], env=env, capture_output=True, text=True, timeout=120, check=False)
        if boot.returncode != 0:
            _unavailable(f"wineboot failed: {boot.stderr[-500:]}")
        probe = wine.run(str(stand_in), "--probe")
        if probe.returncode != 2:  # the stand-in's "unknown command": a 32-bit program ran
            _unavailable(f"wine cannot run a 32-bit program (wine32:i386 missing?): {probe.stderr[-500:]}")
        # Windows without a screen: message boxes exist (and can be answered) without an X server.
        wine.run("reg", "add", r"HKEY_CURRENT_USER\Software\Wine\Drivers", "/v", "Graphics", "/d", "null", "/f")
        # Keeps wineserver and Wine's services running between the tests' programs: restarting them costs 1-2 s
        # per program.
        with _holding(wine, "sbq-tests.keep-wine-running"):
            yield wine
    finally:
        subprocess.run(["wineserver", "-k"], env=env, check=False, timeout=60)
        shutil.rmtree(wine.prefix, ignore_errors=True)  # 1.3 GB of Windows DLLs; pytest keeps its last 3 temp dirs


@pytest.fixture
def machine(wine_prefix: Wine) -> Wine:
    """The prefix without the product, its data or its credential, whatever an earlier test left."""
    wine = wine_prefix
    cleanup = wine.drive_c / "sbq-tests" / "clean.reg"
    cleanup.parent.mkdir(exist_ok=True)
    keys = "".join(f"[-{key}]\r\n\r\n" for key in (ENTRY, APP_KEY, CREDENTIALS))
    cleanup.write_text("Windows Registry Editor Version 5.00\r\n\r\n" + keys, encoding="utf-16")
    assert wine.run("regedit", "/S", wine.windows(cleanup)).returncode == 0
    for folder in (wine.default_dir, wine.unix(CUSTOM_DIR), *_user_data(wine)):
        shutil.rmtree(folder, ignore_errors=True)
    for name in SHORTCUT.values():
        (wine.start_menu / name).unlink(missing_ok=True)
    return wine


def _user_data(wine: Wine) -> list[Path]:
    """Where the wizard keeps progress and logs on Windows (platformdirs: %LOCALAPPDATA%\\<author>\\<app>)."""
    return [
        wine.local_appdata / progress.APP_NAME / "progress",
        wine.local_appdata / streams.APP_AUTHOR / streams.APP_NAME / "Logs",
    ]


def _write_user_data(wine: Wine) -> list[Path]:
    files = []
    for folder, name in zip(_user_data(wine), ("progress.json", streams.LOG_NAME), strict=True):
        folder.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text("kept")
        files.append(folder / name)
    return files


def _installed_version(folder: Path) -> str:
    return (folder / "_internal" / "version.txt").read_text()


@contextmanager
def _holding(wine: Wine, mutex: str) -> Iterator[None]:
    """A Windows process holding a named mutex until the block ends (it lets go when its stdin closes)."""
    holder = subprocess.Popen(
        ["wine", str(wine.stand_in), "hold", mutex], env=wine.env, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
    )  # fmt: skip
    assert holder.stdin is not None and holder.stdout is not None
    try:
        assert holder.stdout.readline().strip() == b"held"
        yield
    finally:
        holder.stdin.close()
        holder.stdout.close()  # not read to its end: Wine's desktop process may hold it open
        holder.wait(timeout=30)


def _wizard_running(wine: Wine) -> AbstractContextManager[None]:
    return _holding(wine, MUTEX_NAME)  # as the running wizard does


def _wait_until(condition: Callable[[], bool], what: str, seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"not within {seconds} s: {what}")
        time.sleep(0.2)


# --- install -----------------------------------------------------------------------------------------------------


def test_silent_install_puts_program_and_uninstall_entry_in_the_users_profile(machine: Wine) -> None:
    assert machine.install("1.2.3") == 0
    folder = machine.default_dir
    assert {p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file()} == {
        "sbq-setup.exe",
        "sbq-setup-cli.exe",
        "uninstall.exe",
        "_internal/version.txt",
        "_internal/old_module.pyd",
    }
    (entry,) = machine.entries().values()
    windows_dir = machine.windows(folder)
    assert entry["DisplayVersion"] == "1.2.3"
    assert entry["Publisher"] == "SmartBooqing"
    assert entry["InstallLocation"] == windows_dir
    assert entry["QuietUninstallString"] == f'"{windows_dir}\\uninstall.exe" /S'
    assert entry["UninstallString"] == f'"{windows_dir}\\uninstall.exe"'
    # "Apps & features" shows this size: the installed files, in KB.
    assert entry["EstimatedSize"] == sum(p.stat().st_size for p in folder.rglob("*") if p.is_file()) // 1024


def test_needs_no_administrator_rights_and_writes_nothing_machine_wide(machine: Wine) -> None:
    # Windows reads the manifest to decide on a UAC prompt: asInvoker means none. (Wine itself does not enforce
    # rights, so what follows shows nothing needs them: every write lands in the user's own profile and HKCU.)
    manifest = re.search(rb"<assembly .*?</assembly>", machine.installers["1.2.3"].read_bytes(), re.S)
    assert manifest and b'<requestedExecutionLevel level="asInvoker"' in manifest[0]
    assert b"<dpiAware" in manifest[0] and b">true</dpiAware>" in manifest[0]  # sharp text on a 150 % display
    before = {p for p in machine.drive_c.rglob("*") if not p.is_relative_to(machine.profile)}
    assert machine.install("1.2.3") == 0
    after = {p for p in machine.drive_c.rglob("*") if not p.is_relative_to(machine.profile)}
    assert sorted(str(p) for p in after - before if "sbq-tests" not in p.parts) == []
    hklm = machine.registry(r"HKEY_LOCAL_MACHINE\Software")
    assert not [key for key, values in hklm.items() if "SmartBooqing" in key or APP in values.values()]


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_the_start_menu_shortcut_is_named_in_the_system_language_and_starts_the_program(
    machine: Wine, lang: str
) -> None:
    assert machine.install("1.2.3", lang=lang) == 0
    shortcuts = sorted(p.name for p in machine.start_menu.glob("SmartBooqing*.lnk"))
    assert shortcuts == [SHORTCUT[lang]]
    # Start it the way Explorer does; the stand-in program writes where it runs from and in which folder.
    report = machine.drive_c / "sbq-tests" / "started.txt"
    report.parent.mkdir(exist_ok=True)
    report.unlink(missing_ok=True)
    shortcut = machine.windows(machine.start_menu / SHORTCUT[lang])
    started = machine.run("start", shortcut, env={"SBQ_STAND_IN_REPORT": machine.windows(report)})
    assert started.returncode == 0, started.stderr
    _wait_until(lambda: report.exists() and report.read_bytes().count(b"\n") == 2, "the program started")
    working_folder, program = report.read_text(encoding="utf-8").splitlines()
    assert program == machine.windows(machine.default_dir / "sbq-setup.exe")
    assert working_folder == machine.windows(machine.default_dir)


@pytest.mark.parametrize(
    ("lang", "caption", "title", "stop"),
    [
        ("en", f"{APP} installation", f"Welcome to the installation of {APP}", f"stop installing {APP}?"),
        ("nl", f"{APP}-installatie", f"Welkom bij de {APP}-installatiewizard", f"de {APP}-installatie wilt afsluiten?"),
    ],
)
def test_the_interactive_installer_speaks_the_system_language_and_cancels_cleanly(
    machine: Wine, lang: str, caption: str, title: str, stop: str
) -> None:
    with machine.start(str(machine.installers["1.2.3"]), lang=lang) as installer:
        page = machine.run(str(machine.stand_in), "page", lang=lang).stdout.splitlines()  # then presses Cancel
        question = machine.answer("yes", lang=lang).splitlines()
        assert installer.wait(timeout=30) == 1  # NSIS: cancelled by the user
    assert page[0] == caption and title in page
    assert question[0] == caption and stop in question[1]
    assert not [line for line in page + question if "Setup Setup" in line]  # NSIS's English default did that
    assert not machine.default_dir.exists()


# --- upgrade, reinstall, downgrade ---------------------------------------------------------------------------------


def test_upgrade_replaces_the_program_in_place_and_keeps_the_users_data(machine: Wine) -> None:
    assert machine.install("1.2.3") == 0
    data = _write_user_data(machine)
    # The user switched Windows to Dutch in between: still one shortcut, now with the Dutch name.
    assert machine.install("1.2.4", lang="nl") == 0
    (entry,) = machine.entries().values()
    assert entry["DisplayVersion"] == "1.2.4"
    assert _installed_version(machine.default_dir) == "1.2.4"
    assert not (machine.default_dir / "_internal" / "old_module.pyd").exists()  # dropped from 1.2.4's payload
    assert (machine.default_dir / "_internal" / "new_module.pyd").exists()
    assert sorted(p.name for p in machine.start_menu.glob("SmartBooqing*.lnk")) == [SHORTCUT["nl"]]
    assert all(path.read_text() == "kept" for path in data)


def test_upgrade_finds_a_folder_the_user_chose(machine: Wine) -> None:
    assert machine.install("1.2.3", f"/D={CUSTOM_DIR}") == 0
    assert machine.install("1.2.4") == 0
    assert _installed_version(machine.unix(CUSTOM_DIR)) == "1.2.4"
    assert not machine.default_dir.exists()
    (entry,) = machine.entries().values()
    assert entry["InstallLocation"] == CUSTOM_DIR


def test_installing_the_same_version_again_repairs_it(machine: Wine) -> None:
    assert machine.install("1.2.3") == 0
    (machine.default_dir / "sbq-setup.exe").unlink()  # e.g. quarantined by a virus scanner
    assert machine.install("1.2.3") == 0
    assert (machine.default_dir / "sbq-setup.exe").exists()
    assert len(machine.entries()) == 1


def test_an_older_version_does_not_replace_a_newer_one_unless_the_user_says_so(machine: Wine) -> None:
    assert machine.install("1.2.4") == 0
    assert machine.install("1.2.3") == EXIT_NEWER_INSTALLED  # silent: a stale deployment changes nothing
    assert _installed_version(machine.default_dir) == "1.2.4"
    assert machine.entries()[ENTRY]["DisplayVersion"] == "1.2.4"
    with machine.start(str(machine.installers["1.2.3"])) as installer:
        text = machine.answer("no")
        assert installer.wait(timeout=30) == EXIT_NEWER_INSTALLED
    assert "Version 1.2.4 of SmartBooqing AFAS Setup is already installed; this is the older version 1.2.3" in text
    assert _installed_version(machine.default_dir) == "1.2.4"


# --- while the wizard runs -----------------------------------------------------------------------------------------


def test_install_refuses_while_the_wizard_runs(machine: Wine) -> None:
    with _wizard_running(machine):
        assert machine.install("1.2.3") == EXIT_WIZARD_RUNNING
        with machine.start(str(machine.installers["1.2.3"]), lang="nl") as installer:
            text = machine.answer("cancel", lang="nl")
            assert installer.wait(timeout=30) == EXIT_WIZARD_RUNNING
    assert "SmartBooqing AFAS Setup is nog geopend. Sluit het venster van de wizard" in text
    assert not machine.default_dir.exists()
    assert machine.entries() == {}


def test_uninstall_refuses_while_the_wizard_runs(machine: Wine) -> None:
    assert machine.install("1.2.3") == 0
    folder = machine.windows(machine.default_dir)
    # `_?=` runs the uninstaller in place, so its exit code is the answer; without it, NSIS's uninstaller copies
    # itself to %TEMP%, starts the copy and returns 0 at once (packaging/README.md).
    in_place = f'"{folder}\\uninstall.exe" /S _?={folder}'
    with _wizard_running(machine):
        assert machine.command_line(in_place) == EXIT_WIZARD_RUNNING
        with machine.start_command_line(in_place.replace(" /S ", " ")) as uninstaller:
            text = machine.answer("cancel")
            assert uninstaller.wait(timeout=30) == EXIT_WIZARD_RUNNING
    assert "SmartBooqing AFAS Setup is still open. Close the wizard's window, then choose Retry" in text
    assert (machine.default_dir / "sbq-setup.exe").exists()
    assert machine.entries()[ENTRY]["DisplayVersion"] == "1.2.3"


# --- uninstall -----------------------------------------------------------------------------------------------------


def test_silent_uninstall_removes_the_program_and_keeps_the_users_data_and_credential(machine: Wine) -> None:
    assert machine.install("1.2.3", lang="nl") == 0
    data = _write_user_data(machine)
    assert machine.run(str(machine.stand_in), "cred-write", SERVICE).returncode == 0
    quiet = machine.entries()[ENTRY]["QuietUninstallString"]
    assert isinstance(quiet, str)
    # What "Apps & features" or a helpdesk script runs, here on an English system (the shortcut is Dutch).
    assert machine.command_line(quiet, lang="en") == 0
    # NSIS's uninstaller copies itself to %TEMP%, starts the copy and returns; the copy's last step removes this.
    _wait_until(lambda: APP_KEY not in machine.registry(), "the uninstaller finished")
    assert not machine.default_dir.exists()
    assert list(machine.start_menu.glob("SmartBooqing*.lnk")) == []
    assert ENTRY not in machine.registry()
    assert all(path.read_text() == "kept" for path in data)
    assert machine.run(str(machine.stand_in), "cred-read", SERVICE).returncode == 0
