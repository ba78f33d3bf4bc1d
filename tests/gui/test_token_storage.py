"""Storing the token: keyring, no keyring, session only; and the canary: once stored, the token is nowhere."""

from __future__ import annotations

import base64
import logging

import pytest
from pydantic import SecretStr

from tests.conftest import FAKE_DATA, FAKE_XML
from tests.gui.conftest import WindowFactory, session_store
from tests.gui.secret_scan import leaks, widget_strings
from wizard.domain.credentials import ClassicToken
from wizard.domain.environment import parse_environment
from wizard.domain.steps import StepId
from wizard.flow.state import Mode, TokenStorage, WizardState
from wizard.ui.frame import WizardWindow
from wizard.ui.pages.token import TokenPage

pytestmark = pytest.mark.gui

B64 = base64.b64encode(FAKE_XML.encode()).decode()
FORMS = ClassicToken(data=SecretStr(FAKE_DATA)).secret_forms()


def _at_token_page(make_window: WindowFactory, **services) -> tuple[WizardWindow, TokenPage]:
    state = WizardState(organisation="Bakkerij", environment=parse_environment("O12345AA"), mode=Mode.CHECK_EXISTING)
    window = make_window(state=state, **services)
    window.next()
    window.next()
    page = window.pages[StepId.TOKEN]
    assert isinstance(page, TokenPage) and window.current_step is StepId.TOKEN
    return window, page


def _storage(window: WizardWindow) -> TokenStorage | None:
    return window.machine.state.token_storage


def _store(qtbot, page: TokenPage, pasted: str, button: str = "store_button") -> None:
    page.token_edit.setText(pasted)
    getattr(page, button).click()
    qtbot.waitUntil(lambda: not page.busy, timeout=10_000)


@pytest.mark.parametrize("pasted", [FAKE_XML, FAKE_DATA, FAKE_DATA.lower(), B64, f"AfasToken {B64}"])
def test_once_stored_the_token_is_nowhere_to_be_seen(
    make_window: WindowFactory, qtbot, caplog: pytest.LogCaptureFixture, pasted: str
) -> None:
    caplog.set_level(logging.DEBUG)
    store = session_store()
    window, page = _at_token_page(make_window, secret_store=store)
    page.token_edit.setText(pasted)
    page.show_toggle.click()  # even after the user chose to look at it
    assert any(f in " ".join(widget_strings(window)) for f in FORMS)  # the scan sees it while it is typed
    _store(qtbot, page, pasted)
    assert window.machine.state.token_storage is not None, page.stored.text()
    stored = store.load("O12345")
    assert stored is not None and stored.to_storage().upper() == FAKE_XML.upper()
    assert leaks(window, FORMS) == []
    assert "…AB1E" in page.stored.text().upper()  # only AFAS's own 4-character hint is shown
    assert not any(f in caplog.text for f in FORMS)
    assert page.isComplete()
