"""What start-up loads: the coarse deferrals, as behaviour on sys.modules (the timing is benchmarks/startup_bench.py).

`--version` and `--help` load neither Qt nor the HTTP, model, keyring or simulator stacks; `diagnose` and `verify`
load what they use; the wizard's window is painted with only its first page built and before pydantic, asyncio,
httpx, keyring, the stores, the simulator and the controller load. Small standard-library modules, dataclasses,
typing and PySide's Qt namespace are not guarded: they cost milliseconds nobody feels.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from wizard import __version__

# What the command line never loads before it knows it needs them.
HEAVY = ("PySide6", "httpx", "pydantic", "keyring", "uvicorn", "starlette", "wizard.verify", "wizard.sim", "asyncio")
ROOT = Path(__file__).resolve().parents[2]

_PROBE = """
import sys
before = set(sys.modules)  # what Python's own start loaded (site, an editable install's finder): not ours
from wizard.app import main
try:
    main(sys.argv[1:])
except SystemExit:
    pass
watched = {watched!r}
seen = sorted(m for m in set(sys.modules) - before if m in watched or m.split(".")[0] in watched)
import json  # only now: the probe must not load what it watches
print(json.dumps(seen), file=sys.stderr)
"""


def _loaded(*args: str, watched: tuple[str, ...] = HEAVY) -> set[str]:
    done = subprocess.run(
        [sys.executable, "-c", _PROBE.format(watched=watched), *args],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    return {m if m in watched else m.split(".")[0] for m in json.loads(done.stderr.strip().splitlines()[-1])}


@pytest.mark.parametrize("args", [["--version"], ["--help"], ["--lang", "nl", "--help"], ["verify", "--help"]])
def test_version_and_help_load_no_heavy_stack(args: list[str]) -> None:
    assert _loaded(*args) == set()


SUBCOMMAND_MODULES = (
    "wizard.cli.verify",
    "wizard.cli.export",
    "wizard.cli.simulator",
    "wizard.cli.bundle",
    "wizard.cli.diagnose",
)


@pytest.mark.parametrize(
    ("args", "modules"),
    [(["--version"], set()), (["--help"], set()), (["diagnose", "--help"], {"wizard.cli.diagnose"})],
)
def test_only_the_subcommand_named_on_the_command_line_is_imported(args: list[str], modules: set[str]) -> None:
    """`--help` lists every subcommand from cli/main.py's table; a subcommand's module loads when it is named."""
    assert _loaded(*args, watched=SUBCOMMAND_MODULES) == modules


def test_a_bundles_version_says_whether_it_is_a_release(tmp_path: Path) -> None:
    """The frozen bundle's build_info.json decides "(development build)"; PyInstaller's sys._MEIPASS points to it."""
    (tmp_path / "build_info.json").write_text(json.dumps({"version": "0.1.0", "development": False}), encoding="utf-8")
    program = f"import sys; sys._MEIPASS = {str(tmp_path)!r}; from wizard.app import main; main(['--version'])"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run(
        [sys.executable, "-c", program], capture_output=True, text=True, env=env, timeout=60, check=False
    )
    assert (done.returncode, done.stdout) == (0, f"sbq-setup {__version__}\n")


def test_diagnose_loads_keyring_but_not_qt_http_or_the_simulator() -> None:
    """keyring (the backend) is what it reports; Qt's version comes from the package metadata; nothing for HTTP,
    verification or the simulator."""
    loaded = _loaded("diagnose", "--json")
    assert "keyring" in loaded
    assert loaded.isdisjoint({"PySide6", "httpx", "wizard.verify", "uvicorn", "starlette", "wizard.sim", "asyncio"})


def test_verify_demo_loads_verification_and_simulator_but_not_qt_or_keyring() -> None:
    """The probe can fail: `verify --demo` does load the verification and simulator stacks."""
    loaded = _loaded("verify", "--demo", "--json")
    assert {"httpx", "pydantic", "wizard.verify", "uvicorn", "wizard.sim"} <= loaded
    assert "PySide6" not in loaded  # the command line never pays for Qt
    assert "keyring" not in loaded  # the demo's token comes from the simulator


def test_verify_with_a_token_file_never_loads_the_simulator_or_keyring(tmp_path: Path) -> None:
    loaded = _loaded("verify", "--environment", "O12345AA", "--token-file", str(tmp_path / "missing.xml"))
    assert loaded.isdisjoint({"PySide6", "keyring", "uvicorn", "starlette", "wizard.sim"})


_GUI_PROBE = """
import json, sys
from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QWindow
from PySide6.QtWidgets import QApplication
from wizard.ui.later import later

watched = {watched!r}
report = {{}}

def _seen():
    # A copy first: the worker thread imports while this runs (iterating sys.modules itself raised, and the probe hung).
    return sorted(m for m in list(sys.modules) if m in watched or m.split(".")[0] in watched)

def _after_wiring(tries=0):
    # Right after the first paint the window wires its controller, which reads the saved progress (up to 5 s).
    if "wizard.stores.progress" not in sys.modules and tries < 500:
        later(QApplication.instance(), 10, lambda: _after_wiring(tries + 1))
        return
    report["after"] = {{"modules": _seen()}}
    print(json.dumps(report), file=sys.stderr, flush=True)
    QApplication.instance().quit()

class _FirstPaint(QObject):
    # As benchmarks/startup_bench.py: the moment the first expose has been handled (painted, flushed to the screen).
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Expose and isinstance(obj, QWindow) and obj.isExposed():
            QApplication.instance().removeEventFilter(self)
            obj.event(event)
            built = {{type(w) for w in QApplication.allWidgets() if type(w).__module__.startswith("wizard.")}}
            report["shown"] = {{
                "modules": _seen(),
                # pages are built on first show: only the first page exists
                "pages": sorted(c.__name__ for c in built if c.__name__.endswith("Page")),
            }}
            later(QApplication.instance(), 0, _after_wiring)
            return True
        return False

_exec = QApplication.exec
def _run(*_args):
    app = QApplication.instance()
    app._first_paint = _FirstPaint()
    app.installEventFilter(app._first_paint)
    return _exec()

QApplication.exec = _run
from wizard.app import main
main(sys.argv[1:])
"""

# What the first paint must not wait for: the stacks only later steps or the controller use.
FIRST_PAINT_WATCHED = (
    "pydantic",
    "httpx",
    "uvicorn",
    "starlette",
    "keyring",
    "asyncio",
    "wizard.sim",
    "wizard.verify",
    "wizard.stores.secrets",
    "wizard.stores.progress",
    "wizard.ui.dispatcher",
    "wizard.ui.controllers",
)


def _gui_start(tmp_path: Path, *args: str) -> dict[str, dict[str, list[str]]]:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "XDG_DATA_HOME")}
    env.update(QT_QPA_PLATFORM="offscreen", HOME=str(tmp_path), PYTHON_KEYRING_BACKEND="keyring.backends.fail.Keyring")
    done = subprocess.run(
        [sys.executable, "-c", _GUI_PROBE.format(watched=FIRST_PAINT_WATCHED), *args],
        capture_output=True,
        text=True,
        check=False,
        env=env,
        timeout=120,
    )
    lines = [line for line in done.stderr.splitlines() if line.startswith("{")]
    assert lines, done.stderr[-2000:]
    result: dict[str, dict[str, list[str]]] = json.loads(lines[-1])
    return result


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_the_window_is_painted_before_pydantic_the_stores_and_the_controller_load(tmp_path: Path, lang: str) -> None:
    """At the first paint: one page built, and none of pydantic, asyncio, HTTP, the simulator, keyring, the stores or
    the controller loaded. The probe can see them: the controller and the progress store load right after."""
    start = _gui_start(tmp_path, "--lang", lang)
    shown, after = start["shown"], start["after"]
    assert shown["modules"] == []
    assert len(shown["pages"]) == 1, shown["pages"]
    assert {"pydantic", "wizard.stores.progress"} <= set(after["modules"])


def test_the_gui_probe_sees_what_the_demo_loads(tmp_path: Path) -> None:
    """The check above can fail: with --demo the simulator starts before the window."""
    shown = _gui_start(tmp_path, "--demo")["shown"]
    assert isinstance(shown["modules"], list) and "uvicorn" in shown["modules"]


_MISSING_BUNDLE_PROBE = """
import sys
from wizard.ui import startup_error
# As a tour would: the error box closes itself and says in the log that it was on screen.
_show = startup_error.show_failure_box
startup_error.show_failure_box = lambda text, lang, *, unattended: _show(text, lang, unattended=True)
from wizard.app import main
sys.exit(main(sys.argv[1:]))
"""


def test_a_missing_connector_bundle_found_after_the_first_paint_is_the_start_up_error(tmp_path: Path) -> None:
    """The manifest is read right after the window shows: a missing bundle still ends as any start-up error does
    (the box on screen, exit 3, the log naming the file), never a window without a controller."""
    empty = tmp_path / "no-connectors"
    empty.mkdir()
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env.update(QT_QPA_PLATFORM="offscreen", SBQ_CONNECTORS_DIR=str(empty), XDG_STATE_HOME=str(tmp_path / "state"))
    done = subprocess.run(
        [sys.executable, "-c", _MISSING_BUNDLE_PROBE, "--lang", "en"],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )
    assert done.returncode == 3, done.stderr[-2000:]
    # Logged by the code that finds the visible box and closes it (with a console, logging goes to stderr).
    box = [line for line in done.stderr.splitlines() if "start-up error box shown:" in line]
    assert len(box) == 1 and "The connector bundle is missing" in box[0], done.stderr[-2000:]
    log = (tmp_path / "state" / "sbq-setup" / "log" / "sbq-setup.log").read_text(encoding="utf-8")
    assert "manifest.toml" in log  # the problem itself, for the helpdesk


def _offscreen(cmd: list[str], **env: str) -> subprocess.CompletedProcess[str]:
    """A Qt program run offscreen (no display inherited), with `env` on top of this process's environment."""
    full = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    full.update(QT_QPA_PLATFORM="offscreen", **env)
    return subprocess.run(cmd, capture_output=True, text=True, env=full, timeout=120, check=False)


def test_the_first_paint_probe_says_when_the_window_is_on_screen(tmp_path: Path) -> None:
    """What the start-up benchmark times (SBQ_FIRST_PAINT_PROBE=1): one SHOWN line once the window has painted,
    then a normal exit; without the variable the wizard would wait for the user (not run here)."""
    done = _offscreen(
        [sys.executable, "-m", "wizard", "--lang", "nl"],
        HOME=str(tmp_path),
        SBQ_FIRST_PAINT_PROBE="1",
        PYTHON_KEYRING_BACKEND="keyring.backends.fail.Keyring",
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.splitlines().count("SHOWN") == 1


def test_the_benchmarks_floor_uses_the_same_probe_and_shows() -> None:
    from benchmarks.startup_bench import bare_window_program

    program = bare_window_program()
    assert "class FirstPaint" in program  # wizard/ui/first_paint.py's own source, not a copy
    done = _offscreen([sys.executable, "-c", program])
    assert done.returncode == 0 and done.stdout.strip() == "SHOWN", done.stderr[-2000:]
