"""AFAS refuses login details on storing because of the app connector (its Authenticatietype): the page its
button opens says why the user is there; once AFAS accepts the details, that reason is gone (issue 20 items 2
and 4)."""

from __future__ import annotations

from typing import Any

import pytest

from tests.conftest import FAKE_XML as TOKEN
from tests.gui.conftest import WindowFactory
from wizard.domain.environment import parse_environment
from wizard.domain.steps import StepId
from wizard.domain.text import Text
from wizard.flow.state import AuthKind, WizardState
from wizard.ui.pages.app_connector import AppConnectorPage
from wizard.ui.pages.token import TokenPage
from wizard.verify.probe import ProbeResult, Verdict

pytestmark = pytest.mark.gui

WHY = Text(
    en="This app connector accepts only OAuth (Authenticatietype 'OAuth'): a user token is refused.",
    nl="Deze app connector accepteert alleen OAuth (Authenticatietype 'OAuth'): een gebruikerstoken wordt geweigerd.",
)


def test_the_app_connector_page_says_why_afas_refused_the_token(make_window: WindowFactory, qtbot: Any) -> None:
    answers = [
        ProbeResult(Verdict.OTHER_KIND, WHY, Text(en="Choose Hybride.", nl="Kies Hybride."), StepId.APP_CONNECTOR),
        ProbeResult(Verdict.WORKS, Text(en="AFAS accepts them.", nl="AFAS accepteert ze.")),
    ]

    async def probe(_env: Any, _credential: Any, *, lang: Any) -> ProbeResult:
        return answers.pop(0)

    state = WizardState(
        organisation="Bakkerij", environment=parse_environment("O12345AA"), auth_choice=AuthKind.CLASSIC
    )
    window = make_window(state=state, probe=probe)
    window.go_to(StepId.TOKEN)
    page = window.pages[StepId.TOKEN]
    assert isinstance(page, TokenPage)
    page.fill_token(TOKEN)
    page.store_button.click()
    qtbot.waitUntil(page.probe_fix.isVisible, timeout=10_000)
    # Above Next: not "paste the token, then press 'Store securely'" - the user just did.
    reason = page.disabled_reason()
    assert "AFAS refused these details" in reason and "paste" not in reason and "App connector" in reason

    page.probe_fix.click()
    assert window.current_step is StepId.APP_CONNECTOR
    app = window.pages[StepId.APP_CONNECTOR]
    assert isinstance(app, AppConnectorPage)
    banner = app.fix.banner
    assert banner.isVisible() and WHY.en in banner.label.text()
    # Where the reason comes from: the answer on storing, not a check that never ran.
    assert "when they were stored" in banner.label.text() and "The check found" not in banner.label.text()
    assert "What to do: Choose Hybride." in banner.label.text()  # the page the fix opens says what to do there
    # Nothing is stored, so no check can run: no "Check again" that would only say so.
    assert not banner.again.isVisibleTo(banner)
    assert app.classic_note.text() == ""  # no "your AFAS does not offer OAuth yet" beside "accepts only OAuth"

    window.go_to(StepId.TOKEN)  # the user changed the Authenticatietype in AFAS and stores again
    page.fill_token(TOKEN)
    page.store_button.click()
    qtbot.waitUntil(lambda: window.machine.state.token_storage is not None, timeout=10_000)
    window.go_to(StepId.APP_CONNECTOR)
    assert not banner.isVisible()  # AFAS accepted the token: the refusal is stale
    assert "Profit 9" in app.classic_note.text()  # a classic token it is: its end dates are said again
