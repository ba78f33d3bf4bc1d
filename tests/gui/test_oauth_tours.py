"""The OAuth, classic and move-to-OAuth tours against the real simulator: each ends verified, with the credential
the path sets up stored, and no secret of it on the screen."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from tests.gui.conftest import WindowFactory
from tests.gui.secret_scan import leaks
from wizard.domain.credentials import ClassicToken
from wizard.domain.oauth import OAuthClientCredentials
from wizard.domain.steps import StepId
from wizard.domain.text import Lang
from wizard.flow.migration import STAGES
from wizard.sim import SimulatorServer
from wizard.stores.secrets import SessionSecretStore
from wizard.ui.tour import Autopilot

pytestmark = [pytest.mark.gui, pytest.mark.loopback]


def _tour(make_window: WindowFactory, qtbot: Any, server: Any, out: Path, **options: Any) -> tuple[Any, list[str]]:
    store = SessionSecretStore()
    window = make_window(demo=True, sim=server.admin(), demo_environment=server.environment, secret_store=store)
    finished: list[int] = []
    lines: list[str] = []
    autopilot = Autopilot(window, out, on_line=lines.append, on_finish=finished.append, **options)
    autopilot.start()
    qtbot.waitUntil(lambda: bool(finished), timeout=120_000)
    assert finished == [0], lines
    assert window.current_step is StepId.DONE
    return window, sorted(p.name for p in out.glob("*.png"))


def test_oauth_tour_stores_the_client_with_its_expiry_and_never_shows_the_secret(
    make_window: WindowFactory, sim_server: Any, qtbot: Any, tmp_path: Path
) -> None:
    window, shots = _tour(make_window, qtbot, sim_server, tmp_path / "oauth", auth="oauth")
    assert "06-token.png" in shots and "10-done.png" in shots
    credential = window.machine.state.credential
    assert isinstance(credential, OAuthClientCredentials)
    assert credential.secret_expires is not None  # the date AFAS showed, remembered
    assert window.machine.state.secret_expires == credential.secret_expires
    assert sim_server.admin().oauth()["auth_type"] == "oauth"
    assert window.machine.state.verification is not None and window.machine.state.verification.warnings == 0
    assert leaks(window, credential.secret_forms()) == []


def test_classic_tour_is_for_a_profit_without_oauth(
    make_window: WindowFactory, sim_server: Any, qtbot: Any, tmp_path: Path
) -> None:
    window, _shots = _tour(make_window, qtbot, sim_server, tmp_path / "classic", auth="classic")
    assert isinstance(window.machine.state.credential, ClassicToken)
    assert sim_server.admin().oauth()["auth_type"] == "classic"


def test_migrate_tour_proves_every_stage_and_leaves_only_the_oauth_client(
    make_window: WindowFactory, qtbot: Any, tmp_path: Path
) -> None:
    with SimulatorServer(scenario="ready") as server:
        window, shots = _tour(make_window, qtbot, server, tmp_path / "migrate", migrate=True)
        migration = window.machine.state.migration
        assert migration is not None and migration.complete
        stage_shots = [s for s in shots if s.startswith("05-migrate-")]
        assert stage_shots == [f"05-migrate-{i}-{stage.value}.png" for i, stage in enumerate(STAGES, start=1)]
        assert server.admin().oauth()["auth_type"] == "oauth"
        client = window.machine.state.credential
        assert isinstance(client, OAuthClientCredentials)
        stored = window.controller.services.secret_store.load(server.environment.key)
        assert isinstance(stored, OAuthClientCredentials) and stored.client_id == client.client_id
        assert window.machine.state.new_client is None
        assert leaks(window, client.secret_forms()) == []


@pytest.mark.parametrize("options", [["--auth", "classic"], ["--migrate"]])
def test_tour_commands_pass_in_dutch(tmp_path: Path, options: list[str]) -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    out = tmp_path / "shots"
    command = [sys.executable, "-m", "wizard", "--demo", "--tour", str(out), "--lang", Lang.NL.value, *options]
    result = subprocess.run(command, capture_output=True, text=True, timeout=180, env=env, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Traceback" not in result.stderr


def test_a_failing_scenarios_tour_photographs_the_page_that_fixes_it(tmp_path: Path) -> None:
    """The scenario's AFAS refuses the classic token the tour pastes: storing it asks AFAS once (issue 20 item 2),
    so the credential step itself says so, is photographed as the page that fixes it, and the tour ends with exit
    code 1."""
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    out = tmp_path / "shots"
    command = [sys.executable, "-m", "wizard", "--demo", "--tour", str(out), "--scenario", "token-invalid"]
    result = subprocess.run(command, capture_output=True, text=True, timeout=180, env=env, check=False)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    assert (out / "06-token.png").exists() and not (out / "09-verify.png").exists(), result.stdout
    assert (out / "06-token-fix.png").exists(), result.stdout  # the page that fixes it: the credential step
    assert "AFAS refused the login details" in result.stdout + result.stderr
