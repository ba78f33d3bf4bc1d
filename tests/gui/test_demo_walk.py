"""The whole demo, as a newcomer or a helpdesk trainee walks it: real simulator, real verification, real tour."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtGui import QImage

from tests.gui.conftest import WindowFactory
from tests.gui.secret_scan import leaks
from wizard.domain.steps import StepId
from wizard.domain.text import Lang
from wizard.ui.tour import Autopilot

pytestmark = [pytest.mark.gui, pytest.mark.loopback]

EXPECTED = [
    "01-welcome.png",
    "02-environment.png",
    "03-connector-files.png",
    "04-import.png",
    "05-app-connector.png",
    "06-token.png",
    "07-link-connectors.png",
    "08-dossier.png",
    "09-verify.png",
    "10-done.png",
]


def _check_screenshots(folder: Path) -> None:
    shots = sorted(p.name for p in folder.glob("*.png"))
    assert shots == EXPECTED
    for name in shots:
        image = QImage(str(folder / name))
        assert image.width() >= 800 and image.height() >= 600, name


def test_full_demo_walk_against_the_real_simulator(
    make_window: WindowFactory, sim_server: Any, qtbot, tmp_path: Path
) -> None:
    admin = sim_server.admin()
    window = make_window(demo=True, sim=admin, demo_environment=sim_server.environment)
    assert "DEMO" in window.windowTitle()
    finished: list[int] = []
    lines: list[str] = []
    autopilot = Autopilot(window, tmp_path / "tour", on_line=lines.append, on_finish=finished.append)
    autopilot.start()
    qtbot.waitUntil(lambda: bool(finished), timeout=90_000)
    assert finished == [0], lines
    _check_screenshots(tmp_path / "tour")
    assert window.current_step is StepId.DONE
    state = admin.state()
    connector = state["app_connector"]
    assert connector is not None and connector["blocked"] is False
    assert "SBQ_BTW" in connector["get_connectors"] and "FiInvoice" in connector["update_connectors"]
    assert state["writes"] == 0  # the verification only read
    credential = window.machine.state.credential
    assert credential is not None
    assert leaks(window, credential.secret_forms()) == []


def test_tour_command_passes_offscreen_without_a_display(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    out = tmp_path / "shots"
    result = subprocess.run(
        [sys.executable, "-m", "wizard", "--demo", "--tour", str(out), "--lang", Lang.NL.value],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    _check_screenshots(out)
