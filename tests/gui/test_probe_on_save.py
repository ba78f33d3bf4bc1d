"""Storing login details asks AFAS once (the real simulator on loopback) and the page says what AFAS answered; a
refused credential is not stored, and no answer outlives the details it was about (issue 20 item 2)."""

from __future__ import annotations

from typing import Any

import pytest

from tests.gui.conftest import WindowFactory
from wizard.domain.steps import StepId
from wizard.flow.state import Mode, WizardState
from wizard.sim import SimulatorServer
from wizard.ui.frame import WizardWindow
from wizard.ui.pages.token import TokenPage
from wizard.ui.services import probe_afas

pytestmark = [pytest.mark.gui, pytest.mark.loopback]

WRONG_SECRET = "0BAD5EC2" * 8  # obviously fake


def _token_page(make_window: WindowFactory, server: SimulatorServer) -> tuple[WizardWindow, TokenPage]:
    state = WizardState(organisation="Bakkerij", environment=server.environment, mode=Mode.CHECK_EXISTING)
    window = make_window(state=state, probe=probe_afas)
    while window.current_step is not StepId.TOKEN:
        window.next()
    page = window.pages[StepId.TOKEN]
    assert isinstance(page, TokenPage)
    return window, page


def _stored(window: WizardWindow) -> bool:
    return window.machine.state.token_storage is not None


def _store(qtbot: Any, window: WizardWindow, page: TokenPage) -> None:
    assert page.store_button.isEnabled()
    page.store_button.click()
    qtbot.waitUntil(lambda: not page.busy and not window.controller.worker.busy, timeout=30_000)


def test_oauth_refused_then_stored_then_replaced_never_shows_a_stale_answer(
    make_window: WindowFactory, qtbot: Any
) -> None:
    with SimulatorServer(scenario="ready", auth="oauth") as server:
        right = server.oauth_credentials
        assert right is not None
        window, page = _token_page(make_window, server)
        page.oauth_radio.click()
        page.oauth.id_edit.setText(right.client_id)
        page.oauth.secret_edit.setText(WRONG_SECRET)
        page.oauth.no_expiry.setChecked(True)
        _store(qtbot, window, page)
        assert not _stored(window)  # refused: not stored
        assert page.probe.text().startswith("✖") and "Not stored" in page.probe.text()
        assert "refuses this client id and client secret" in page.probe.text()
        assert WRONG_SECRET not in page.probe.text()
        assert "correct them as said above" in page.disabled_reason()  # why Next is off: not "paste … then press"

        page.oauth.secret_edit.setText(right.secret())
        assert page.probe.text() == ""  # the answer was about what the field held before
        assert "AFAS refused" not in page.disabled_reason()
        _store(qtbot, window, page)
        assert _stored(window)
        assert page.probe.text().startswith("✔") and "AFAS accepts this client id" in page.probe.text()
        # Proven by AFAS's answer: the app connector exists, is unblocked and on OAuth; no hand tick needed.
        assert not window.machine.missing(StepId.APP_CONNECTOR)

        page.replace_button.click()
        qtbot.waitUntil(lambda: not _stored(window), timeout=10_000)
        assert page.probe.text() == "" and page.stored.text() == ""  # no green line about what is gone
        assert window.machine.state.credential is None  # nothing old left for the check to use


def test_classic_token_on_an_oauth_only_app_connector_names_the_authenticatietype(
    make_window: WindowFactory, qtbot: Any
) -> None:
    with SimulatorServer(scenario="ready", auth="oauth") as server:
        assert server.token is not None
        window, page = _token_page(make_window, server)
        page.classic_radio.click()
        page.token_edit.setText(server.token.to_storage())
        _store(qtbot, window, page)
        assert not _stored(window)
        assert "accepts only OAuth (Authenticatietype ‘OAuth’)" in page.probe.text()
        # Said once, then what to do on storing (not the check's "verify with the OAuth client id instead").
        assert "no longer accepts classic tokens" not in page.probe.text()
        assert "store its client id and client secret" in page.probe.text()
        assert page.validation.text() == ""  # no line about the token's form beside AFAS's refusal
        assert page.probe_fix.isVisibleTo(page) and "App connector" in page.probe_fix.text()
        page.probe_fix.click()
        assert window.current_step is StepId.APP_CONNECTOR


def test_maintenance_stores_the_details_marked_unproven(make_window: WindowFactory, qtbot: Any) -> None:
    with SimulatorServer(scenario="maintenance") as server:
        assert server.token is not None
        window, page = _token_page(make_window, server)
        page.classic_radio.click()
        page.token_edit.setText(server.token.to_storage())
        _store(qtbot, window, page)
        assert _stored(window)
        assert page.probe.text().startswith("ℹ") and "Stored, but not proven yet" in page.probe.text()
        assert "maintenance" in page.probe.text()
