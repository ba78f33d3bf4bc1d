"""The windowed exe as a double-click starts it: no stdout, no stderr. The wizard must still run, and speak."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from wizard.desktop.streams import LOG_NAME

pytestmark = [pytest.mark.gui, pytest.mark.loopback]

CANARY = "CA11AB1E-windowed-canary-0000"  # obviously fake; must never reach the log file

# What a frozen windowed exe does before our code runs: Python starts without standard streams.
CHILD = f"""
import logging, sys, threading
sys.stdout = sys.stderr = None
from wizard.domain import redact
redact.register({CANARY!r})
from wizard.app import main
rc = main(sys.argv[1:])
# After start-up every way text leaves the process must land in the log file, redacted.
print("printed", {CANARY!r})
logging.getLogger("wizard.test").warning("logged %s", {CANARY!r})
def boom():
    raise RuntimeError("from a thread: " + {CANARY!r})
t = threading.Thread(target=boom)
t.start()
t.join()
sys.exit(rc)
"""


def _log_file() -> Path:
    # tests/conftest.py points XDG_STATE_HOME at a temporary folder; platformdirs puts logs below it on Linux.
    return Path(os.environ["XDG_STATE_HOME"]) / "sbq-setup" / "log" / LOG_NAME


def _run(*args: str, env_extra: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", **(env_extra or {})}
    return subprocess.run(
        [sys.executable, "-c", CHILD, *args], capture_output=True, text=True, timeout=120, env=env, check=False
    )


def test_the_demo_tour_runs_without_console_and_logs_to_the_user_log_folder(tmp_path: Path) -> None:
    out = tmp_path / "tour"
    result = _run("--demo", "--tour", str(out), "--lang", "en")
    assert result.returncode == 0, result.stdout + result.stderr
    assert len(list(out.glob("*.png"))) == 10
    log = _log_file().read_text(encoding="utf-8")
    assert "sbq-setup" in log.splitlines()[0]  # the header line with the version
    assert "tour passed: 10 screenshots" in log  # what a console would have shown
    assert "printed «redacted»" in log and "logged «redacted»" in log
    assert "RuntimeError: from a thread: «redacted»" in log
    assert CANARY not in log


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        (
            "nl",
            ["SmartBooqing AFAS Setup kan niet starten", "De connectorbundel ontbreekt", "Details voor de helpdesk"],
        ),
        ("en", ["SmartBooqing AFAS Setup cannot start", "The connector bundle is missing", "Details for the helpdesk"]),
    ],
)
def test_a_start_up_failure_shows_a_box_in_the_users_language_naming_the_log_file(
    tmp_path: Path, lang: str, expected: list[str]
) -> None:
    empty = tmp_path / "no-connectors"
    empty.mkdir()
    result = _run(
        "--demo", "--tour", str(tmp_path / "tour"), "--lang", lang, env_extra={"SBQ_CONNECTORS_DIR": str(empty)}
    )
    assert result.returncode == 3  # "impossible right now", as on the command line, not 70
    log_path = _log_file()
    log = log_path.read_text(encoding="utf-8")
    # Written only by the code that finds a visible QMessageBox on screen and closes it (unattended tour).
    box_lines = [line for line in log.splitlines() if "start-up error box shown:" in line]
    assert len(box_lines) == 1, log
    for text in expected:
        assert text in box_lines[0]
    assert str(log_path) in box_lines[0]
    assert "manifest.toml" in log  # the problem itself, for the helpdesk
    assert "Traceback" in log and CANARY not in log
