"""Every simulated scenario × credential kind, toured in-process against the real simulator: the tour ends with the
check's exit code and its first fix button opens the step that fixes the cause (issue 20 items 4 and 9)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.gui.conftest import WindowFactory
from wizard.domain.steps import StepId
from wizard.sim import SimulatorServer
from wizard.sim.scenarios import SCENARIOS
from wizard.ui.tour import Autopilot

pytestmark = [pytest.mark.gui, pytest.mark.loopback]

# scenario: (exit code, the step its first fix opens) per credential kind; None: no fix button at all.
CLASSIC, OAUTH = "classic", "oauth"
EXPECTED: dict[str, dict[str, tuple[int, StepId | None]]] = {
    "fresh": {CLASSIC: (0, None), OAUTH: (0, None)},
    "ready": {CLASSIC: (0, None), OAUTH: (0, None)},
    "slow": {CLASSIC: (0, None), OAUTH: (0, None)},
    "hybrid": {CLASSIC: (0, None), OAUTH: (0, None)},
    "missing-connectors": {CLASSIC: (1, StepId.LINK_CONNECTORS), OAUTH: (1, StepId.LINK_CONNECTORS)},
    "token-invalid": {CLASSIC: (1, StepId.TOKEN), OAUTH: (1, StepId.TOKEN)},
    "blocked-definition": {CLASSIC: (1, StepId.IMPORT), OAUTH: (1, StepId.IMPORT)},
    # Impossible from this computer: no step is to blame, no fix button, exit 3.
    "ip-restricted": {CLASSIC: (3, None), OAUTH: (3, None)},
    "maintenance": {CLASSIC: (3, None), OAUTH: (3, None)},
    # A classic token against an app connector on Authenticatietype OAuth: the app connector's field is the cause.
    "oauth-ready": {CLASSIC: (1, StepId.APP_CONNECTOR), OAUTH: (0, None)},
    # A secret past its expiry date: renewed (storing it is refused, and the refusal leads to the renewal).
    "oauth-secret-expired": {CLASSIC: (1, StepId.APP_CONNECTOR), OAUTH: (1, StepId.RENEW)},
    # Expiring in 10 days: it still works; the check warns and offers the renewal, nothing fails.
    "oauth-secret-expiring": {CLASSIC: (1, StepId.APP_CONNECTOR), OAUTH: (0, None)},
}


def test_the_matrix_names_every_scenario() -> None:
    assert set(EXPECTED) == set(SCENARIOS)


@pytest.mark.parametrize("auth", [CLASSIC, OAUTH])
@pytest.mark.parametrize("scenario", list(EXPECTED))
def test_scenario_tour_ends_with_its_exit_code_on_the_page_that_fixes_it(
    make_window: WindowFactory, qtbot: Any, tmp_path: Path, scenario: str, auth: str
) -> None:
    code, fix_step = EXPECTED[scenario][auth]
    preset = "oauth" if auth == OAUTH and scenario != "fresh" else None
    with SimulatorServer(scenario=scenario, auth=preset) as server:
        window = make_window(
            demo=True,
            sim=server.admin(),
            demo_environment=server.environment,
            scenario_token=server.token if scenario != "fresh" else None,
            scenario_client=server.oauth_credentials if scenario != "fresh" else None,
        )
        finished: list[int] = []
        lines: list[str] = []
        autopilot = Autopilot(
            window, tmp_path, on_line=lines.append, on_finish=finished.append, scenario=scenario, auth=auth
        )
        autopilot.start()
        qtbot.waitUntil(lambda: bool(finished), timeout=60_000)
    assert finished == [code], lines
    shots = sorted(p.name for p in tmp_path.glob("*-fix.png"))
    if fix_step is None:
        assert shots == [], lines
        assert window.current_step in (StepId.VERIFY, StepId.DONE)
    else:
        assert window.current_step is fix_step, lines
        assert len(shots) == 1 and shots[0].endswith(f"-{fix_step.value}-fix.png")
    if code == 3:  # impossible now: no step is blamed
        assert window.machine.state.attention == []
