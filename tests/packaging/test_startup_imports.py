"""What start-up loads (issue 13): behaviour on sys.modules, not timing (the timing is benchmarks/startup_bench.py).

`--version` and `--help` load none of the heavy stacks nor the subcommands' modules; `diagnose` and `verify` load
what they use; the wizard's window shows before the HTTP, simulator and keyring stacks load and with only its first
page built.
"""

from __future__ import annotations

import argparse
import importlib
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from wizard import __version__
from wizard.cli import main as cli_main

HEAVY = ("httpx", "pydantic", "PySide6", "wizard.verify", "keyring", "uvicorn", "starlette", "wizard.sim")
# Standard-library modules that `python -c "import argparse"` does not load and `--version` must not either: each
# is a few ms of a ~13 ms budget.
STDLIB = (
    "logging",
    "dataclasses",
    "inspect",
    "tempfile",
    "typing",
    "threading",
    "json",
    "asyncio",
    "pathlib",
    "shutil",
)
SUBCOMMAND_MODULES = tuple(module for module, _ in cli_main.SUBCOMMANDS.values())
WATCHED = HEAVY + STDLIB + SUBCOMMAND_MODULES
ROOT = Path(__file__).resolve().parents[2]

_PROBE = """
import sys
{bundle}
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


def _loaded(*args: str, env: dict[str, str] | None = None, bundle: Path | None = None) -> set[str]:
    """bundle: run as the frozen program does: sys._MEIPASS (PyInstaller's data folder) points there, and without
    site (-S), whose editable-install finder would load pathlib before the probe starts watching."""
    prelude, flags = (f"sys._MEIPASS = {str(bundle)!r}", ["-S"]) if bundle is not None else ("", [])
    if bundle is not None:
        env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run(
        [sys.executable, *flags, "-c", _PROBE.format(watched=WATCHED, bundle=prelude), *args],
        capture_output=True,
        text=True,
        check=False,
        env=env,
        timeout=120,
    )
    return set(json.loads(done.stderr.strip().splitlines()[-1]))


def _top(modules: set[str]) -> set[str]:
    return {m if m in WATCHED else m.split(".")[0] for m in modules}


@pytest.mark.parametrize("args", [["--version"], ["--help"], ["--lang", "nl", "--help"]])
def test_version_and_help_import_neither_heavy_stacks_nor_subcommands(args: list[str]) -> None:
    assert _loaded(*args) == set()


def test_a_bundles_version_reads_its_build_info_with_json_alone(tmp_path: Path) -> None:
    """The frozen bundle has a build_info.json: `--version` reads it without pathlib (~3 ms of its budget), `--help`
    not at all, and a release build's version says so."""
    (tmp_path / "build_info.json").write_text(json.dumps({"version": "0.1.0", "development": False}), encoding="utf-8")
    assert _top(_loaded("--version", bundle=tmp_path)) == {"json"}
    assert _loaded("--help", bundle=tmp_path) == set()
    program = f"import sys; sys._MEIPASS = {str(tmp_path)!r}; from wizard.app import main; main(['--version'])"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run(
        [sys.executable, "-S", "-c", program], capture_output=True, text=True, env=env, timeout=60, check=False
    )
    assert (done.returncode, done.stdout) == (0, f"sbq-setup {__version__}\n")


def test_help_wraps_at_the_terminal_width_argparse_would_use() -> None:
    """The formatter that spares `--help` importing shutil still wraps at COLUMNS, as argparse's own does."""
    env = {**os.environ, "COLUMNS": "60"}
    done = subprocess.run(
        [sys.executable, "-m", "wizard", "--help"], capture_output=True, text=True, env=env, check=True, timeout=60
    )
    lines = done.stdout.splitlines()
    assert max(len(line) for line in lines) <= 58 < max(len(line) for line in lines) + 10  # 60 - argparse's 2
    wide = subprocess.run(
        [sys.executable, "-m", "wizard", "--help"],
        capture_output=True,
        text=True,
        env={**env, "COLUMNS": "200"},
        check=True,
        timeout=60,
    )
    assert max(len(line) for line in wide.stdout.splitlines()) > 60


def test_a_subcommands_help_imports_that_subcommand_only() -> None:
    assert _top(_loaded("verify", "--help")) - set(STDLIB) == {"wizard.cli.verify"}


def test_diagnose_imports_only_what_it_reports() -> None:
    """Qt (its version), keyring (the backend) and pydantic (through the secret store); nothing for HTTP,
    verification or the simulator."""
    loaded = _top(_loaded("diagnose", "--json"))
    assert {"PySide6", "keyring", "wizard.cli.diagnose"} <= loaded
    assert loaded.isdisjoint({"httpx", "wizard.verify", "uvicorn", "starlette", "wizard.sim", "asyncio"})
    assert loaded.isdisjoint(set(SUBCOMMAND_MODULES) - {"wizard.cli.diagnose"})


def test_verify_demo_imports_verification_and_simulator_but_not_qt_or_keyring() -> None:
    """The probe can fail: `verify --demo` does load the verification and simulator stacks."""
    loaded = _top(_loaded("verify", "--demo", "--json"))
    assert {"httpx", "pydantic", "wizard.verify", "uvicorn", "wizard.sim"} <= loaded
    assert "PySide6" not in loaded  # the command line never pays for Qt
    assert "keyring" not in loaded  # the demo's token comes from the simulator


def test_verify_with_a_token_file_never_imports_the_simulator_or_keyring(tmp_path: Path) -> None:
    loaded = _top(_loaded("verify", "--environment", "O12345AA", "--token-file", str(tmp_path / "missing.xml")))
    assert loaded.isdisjoint({"PySide6", "keyring", "uvicorn", "starlette", "wizard.sim"})


_GUI_PROBE = """
import json, sys
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtGui import QWindow
from PySide6.QtWidgets import QApplication

watched = {watched!r}
report = {{}}

def _seen():
    return sorted(m for m in sys.modules if m in watched or m.split(".")[0] in watched)

def _window():
    return next(w for w in QApplication.instance().topLevelWidgets() if w.isVisible())

def _after_wiring(tries=0):
    window = _window()
    # The controller lists the saved organisations on its worker thread: wait for them (up to 5 s).
    if not (hasattr(window, "controller") and window.pages.welcome.resume_combo.count()) and tries < 500:
        QTimer.singleShot(10, lambda: _after_wiring(tries + 1))
        return
    welcome = window.pages.welcome
    report["after"] = {{
        "modules": _seen(),
        "wired": hasattr(window, "controller"),
        "current": window.current_step.value,
        "saved": [welcome.resume_combo.itemText(i) for i in range(welcome.resume_combo.count())],
        "export_folder": window.machine.state.export_folder,
        "qt_namespace": "Qt" in sys.modules["PySide6.QtCore"].__dict__,
    }}
    print(json.dumps(report), file=sys.stderr, flush=True)
    QApplication.instance().quit()

class _FirstPaint(QObject):
    # As benchmarks/startup_bench.py: the moment the first expose has been handled (painted, flushed to the screen).
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Expose and isinstance(obj, QWindow) and obj.isExposed():
            QApplication.instance().removeEventFilter(self)
            obj.event(event)
            window = _window()
            report["shown"] = {{
                "modules": _seen(),
                "pages": sorted(m for m in sys.modules if m.startswith("wizard.ui.pages.") and not m.endswith(".base")),
                "page_ids": list(window.pageIds()),
                "steps": [b.accessibleName() for b in window.step_list.labels.values() if not b.isHidden()],
                "current": window.current_step.value,
                "wired": hasattr(window, "controller"),
                # PySide builds the ~95 enums of the Qt namespace on first use (wizard.ui.qt_values)
                "qt_namespace": "Qt" in sys.modules["PySide6.QtCore"].__dict__,
            }}
            QTimer.singleShot(0, _after_wiring)
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

# What the first paint must not wait for: the stacks (and the models) only later steps or the controller use.
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
    "wizard.domain.manifest",
    "wizard.ui.controller",
    "wizard.ui.intents",  # sent when the user first does something
    "wizard.ui.illustrations",  # the first page has no drawing
)


def _gui_start(tmp_path: Path, *args: str) -> dict[str, dict[str, object]]:
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
    result: dict[str, dict[str, object]] = json.loads(lines[-1])
    return result


def _save_progress(home: Path, organisation: str) -> str:
    """A saved organisation, where the wizard started with HOME=home looks for it (platformdirs on Linux); the
    label the welcome page's "continue" list shows for it."""
    from wizard.domain.environment import parse_environment
    from wizard.flow.state import WizardState
    from wizard.stores.progress import APP_NAME, ProgressStore
    from wizard.stores.progress_io import save_progress

    env = parse_environment("O12345AA")
    save_progress(
        ProgressStore(home / ".local" / "share" / APP_NAME / "progress"),
        WizardState(organisation=organisation, environment=env),
    )
    return f"{organisation} ({env.key})"


@pytest.mark.skipif(sys.platform != "linux", reason="the saved progress is placed where platformdirs looks on Linux")
@pytest.mark.parametrize("lang", ["en", "nl"])
def test_the_window_is_painted_before_pydantic_and_the_controller_load(tmp_path: Path, lang: str) -> None:
    """At the first paint: the frame, the full step list and the welcome page, and none of pydantic, HTTP, the
    simulator, keyring, asyncio, the stores or the controller. Right after it, the same window as before: the
    controller is wired, the saved organisation is offered on the welcome page, the export folder is filled in."""
    saved = _save_progress(tmp_path, "Bakkerij De Vries")
    start = _gui_start(tmp_path, "--lang", lang)
    shown, after = start["shown"], start["after"]
    assert shown["modules"] == []
    assert shown["wired"] is False
    assert shown["qt_namespace"] is False  # ~20 ms the first paint goes without
    assert shown["current"] == "welcome"
    # Only the first page exists; the step list is complete anyway (it comes from the flow, not from page objects).
    assert shown["pages"] == ["wizard.ui.pages.welcome"]
    assert shown["page_ids"] == [0]
    steps = shown["steps"]
    assert isinstance(steps, list) and len(steps) == 10 and all(steps)  # the setup path's ten steps
    assert after["wired"] is True and after["current"] == "welcome"
    assert after["saved"] == [saved]
    assert after["export_folder"]
    assert after["qt_namespace"] is True  # the probe can tell: the step list's cursors use it once wired
    # The probe can fail: what the first paint goes without is loaded once the controller is wired.
    modules = after["modules"]
    assert isinstance(modules, list)
    assert {"pydantic", "asyncio", "wizard.ui.controller", "wizard.stores.progress"} <= set(modules)
    assert not {"httpx", "keyring", "uvicorn", "wizard.stores.secrets"} & set(modules)  # still on first use


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


# -- the light parser stays equal to what the subcommands register ----------------------------------------------


class _Recorder:
    """Stands in for argparse's subparsers: records the help line each module registers."""

    def __init__(self) -> None:
        self.lines: dict[str, str] = {}
        self._real = argparse.ArgumentParser().add_subparsers()

    def add_parser(self, name: str, **kwargs: object) -> argparse.ArgumentParser:
        self.lines[name] = str(kwargs.get("help"))
        return self._real.add_parser(name, **kwargs)  # type: ignore[arg-type]


def test_the_listed_help_lines_are_the_subcommands_own() -> None:
    for name, (module, line) in cli_main.SUBCOMMANDS.items():
        recorder = _Recorder()
        importlib.import_module(module).register(recorder)
        assert recorder.lines == {name: line}


def test_a_subcommand_parses_exactly_as_its_module_registers_it() -> None:
    args = cli_main.build_parser().parse_args(["verify", "--environment", "O12345AA", "--timeout", "5", "--json"])
    assert (args.environment, args.timeout, args.json) == ("O12345AA", 5.0, True)
    assert args.func is importlib.import_module("wizard.cli.verify").run
    nested = cli_main.build_parser().parse_args(["bundle", "check", "--release"])
    assert nested.release is True


def test_the_verify_token_limit_matches_the_secret_file_reader() -> None:
    from wizard.cli import verify
    from wizard.stores import secret_file

    assert verify.MAX_TOKEN_FILE == secret_file.MAX_SECRET_FILE


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
