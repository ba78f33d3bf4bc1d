"""The link step ticks itself against the simulator while it is on screen (issue 20 item 3)."""

from __future__ import annotations

from typing import Any

import pytest

from tests.gui.conftest import WindowFactory
from wizard.domain.steps import StepId
from wizard.flow.state import AuthKind, TokenStorage, WizardState
from wizard.sim import SimulatorServer
from wizard.ui.pages.link_connectors import LinkConnectorsPage

pytestmark = [pytest.mark.gui, pytest.mark.loopback]

MISSING = {"get:Precal_Landen", "get:DDI_Profit_Kostendragers", "update:KnSubject"}  # the scenario's


def test_the_link_step_ticks_what_afas_lists_and_names_what_is_missing(make_window: WindowFactory, qtbot: Any) -> None:
    with SimulatorServer(scenario="missing-connectors") as server:
        state = WizardState(
            organisation="Bakkerij",
            environment=server.environment,
            credential=server.token,
            auth_choice=AuthKind.CLASSIC,
            token_storage=TokenStorage(persistent=False, location_en="memory", location_nl="geheugen"),
        )
        admin = server.admin()
        window = make_window(state=state)
        page = window.pages[StepId.LINK_CONNECTORS]
        assert isinstance(page, LinkConnectorsPage)
        machine = window.machine
        items = set(machine.items(StepId.LINK_CONNECTORS))
        admin.reset_log()
        window.go_to(StepId.LINK_CONNECTORS)
        qtbot.waitUntil(lambda: "still missing" in page.live.text(), timeout=15_000)
        assert machine.state.ticked(StepId.LINK_CONNECTORS) == items - MISSING  # no box ticked by hand
        assert "Precal_Landen" in page.live.text() and "KnSubject" in page.live.text()

        admin.link("get", "Precal_Landen")
        admin.link("get", "DDI_Profit_Kostendragers")
        admin.link("update", "KnSubject")  # as the user does in AFAS, while the step is on screen
        qtbot.waitUntil(lambda: not machine.missing(StepId.LINK_CONNECTORS), timeout=15_000)
        qtbot.waitUntil(lambda: page.live.text().startswith("✔"), timeout=15_000)
        assert machine.is_complete(StepId.LINK_CONNECTORS)

        # Read-only: only /metainfo was asked. (That leaving the step stops the reading and closes the connection:
        # tests/controllers/test_link_watch.py.)
        log = admin.request_log()
        assert log and all(e["method"] == "GET" and e["path"].lower().endswith("/metainfo") for e in log)
