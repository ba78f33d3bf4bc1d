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

from wizard.cli import main as cli_main
from wizard.domain.steps import StepId

HEAVY = ("httpx", "pydantic", "PySide6", "wizard.verify", "keyring", "uvicorn", "starlette", "wizard.sim")
# Standard-library modules that `python -c "import argparse"` does not load and `--version` must not either: each
# is a few ms of a ~13 ms budget.
STDLIB = ("logging", "dataclasses", "inspect", "tempfile", "typing", "threading", "json", "asyncio")
SUBCOMMAND_MODULES = tuple(module for module, _ in cli_main.SUBCOMMANDS.values())
WATCHED = HEAVY + STDLIB + SUBCOMMAND_MODULES

_PROBE = """
import sys
from wizard.app import main
try:
    main(sys.argv[1:])
except SystemExit:
    pass
watched = {watched!r}
seen = sorted(m for m in sys.modules if m in watched or m.split(".")[0] in watched)
import json  # only now: the probe must not load what it watches
print(json.dumps(seen), file=sys.stderr)
"""


def _loaded(*args: str, env: dict[str, str] | None = None) -> set[str]:
    done = subprocess.run(
        [sys.executable, "-c", _PROBE.format(watched=WATCHED), *args],
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


def test_a_subcommands_help_imports_that_subcommand_only() -> None:
    assert _top(_loaded("verify", "--help")) == {"wizard.cli.verify"}


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
from PySide6.QtWidgets import QApplication
from wizard.flow.steps import StepId

def _at_show(*_args):
    # Called where the wizard enters its event loop: the window has been shown with its first page.
    window = next(w for w in QApplication.instance().topLevelWidgets() if w.isVisible())
    watched = {watched!r}
    print(json.dumps({{
        "modules": sorted(m for m in sys.modules if m in watched or m.split(".")[0] in watched),
        "pages": sorted(m for m in sys.modules if m.startswith("wizard.ui.pages.") and m != "wizard.ui.pages.base"),
        "page_ids": list(window.pageIds()),
        "steps": [label.accessibleName() for label in window.step_list.labels.values()],
        "current": window.current_step.value,
    }}), file=sys.stderr)
    return 0

QApplication.exec = _at_show
from wizard.app import main
main(sys.argv[1:])
"""


def _gui_start(tmp_path: Path, *args: str) -> dict[str, object]:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env.update(QT_QPA_PLATFORM="offscreen", HOME=str(tmp_path), PYTHON_KEYRING_BACKEND="keyring.backends.fail.Keyring")
    watched = ("httpx", "uvicorn", "starlette", "keyring", "wizard.sim", "wizard.verify", "wizard.stores.secrets")
    done = subprocess.run(
        [sys.executable, "-c", _GUI_PROBE.format(watched=watched), *args],
        capture_output=True,
        text=True,
        check=False,
        env=env,
        timeout=120,
    )
    lines = [line for line in done.stderr.splitlines() if line.startswith("{")]
    assert lines, done.stderr[-2000:]
    result: dict[str, object] = json.loads(lines[-1])
    return result


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_the_window_shows_before_the_http_simulator_and_keyring_stacks_load(tmp_path: Path, lang: str) -> None:
    start = _gui_start(tmp_path, "--lang", lang)
    assert start["modules"] == []
    assert start["current"] == "welcome"
    # Only the first page exists; the step list is complete anyway (it comes from the flow, not from page objects).
    assert start["pages"] == ["wizard.ui.pages.welcome"]
    assert start["page_ids"] == [0]
    steps = start["steps"]
    assert isinstance(steps, list) and len(steps) == len(StepId) and all(steps)  # every step, the move included


def test_the_gui_probe_sees_what_the_demo_loads(tmp_path: Path) -> None:
    """The check above can fail: with --demo the simulator starts before the window."""
    start = _gui_start(tmp_path, "--demo")
    assert isinstance(start["modules"], list) and "uvicorn" in start["modules"]


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
