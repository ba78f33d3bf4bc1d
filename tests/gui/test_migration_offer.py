"""The way to OAuth where a classic connection is shown (issue 20 item 8): beside the check's ℹ note, and at the top
of Done, not below the fold."""

from __future__ import annotations

from typing import Any

import pytest

from tests.gui.conftest import WindowFactory
from tests.gui.test_verify_page import PASS_AUTH, PASS_FI, _ready_state, scripted
from wizard.domain.credentials import CLASSIC_TOKEN_EXPIRY, CLASSIC_TOKEN_SUNSET
from wizard.domain.steps import StepId
from wizard.domain.text import long_date
from wizard.flow.state import Mode
from wizard.ui.pages.done import DonePage
from wizard.ui.pages.verify import VerifyPage

pytestmark = pytest.mark.gui


def _checked_classic(make_window: WindowFactory, qtbot: Any) -> tuple[Any, VerifyPage]:
    state = _ready_state()
    state.mode = Mode.CHECK_EXISTING
    checks = [PASS_AUTH, PASS_FI]
    window = make_window(state=state, verify=scripted(checks), planned=lambda m: [(c.id, c.title) for c in checks])
    window.go_to(StepId.VERIFY)
    page = window.pages[StepId.VERIFY]
    assert isinstance(page, VerifyPage)
    qtbot.waitUntil(lambda: not page.running and page.verdict is not None, timeout=10_000)
    return window, page


def test_a_classic_connection_that_passed_is_offered_oauth_on_the_check_itself(
    make_window: WindowFactory, qtbot: Any
) -> None:
    window, page = _checked_classic(make_window, qtbot)
    assert page.migrate_box.isVisibleTo(page) and "classic token" in page.migrate_text.text()
    page.migrate_button.click()
    assert window.current_step is StepId.MIGRATE


def test_done_shows_the_offer_above_the_hand_over(make_window: WindowFactory, qtbot: Any) -> None:
    window, _page = _checked_classic(make_window, qtbot)
    window.next()
    done = window.pages[StepId.DONE]
    assert isinstance(done, DonePage) and window.current_step is StepId.DONE
    assert done.migrate_box.isVisibleTo(done)
    layout = done.layout_
    assert layout.indexOf(done.migrate_box) < layout.indexOf(done.handover)


def test_done_says_which_date_the_classic_reminder_is_for(make_window: WindowFactory, qtbot: Any) -> None:
    """Once 'AFAS stops accepting this kind of token after 31 August 2027' above 'a reminder 30 days before AFAS
    stops accepting classic tokens', whose calendar file is for 1 May 2027: both lines name the date they mean."""
    window, _page = _checked_classic(make_window, qtbot)
    window.next()
    done = window.pages[StepId.DONE]
    assert isinstance(done, DonePage)
    assert done.reminder_text.isVisibleTo(done)
    assert long_date(CLASSIC_TOKEN_EXPIRY).en in done.reminder_text.text()
    assert long_date(CLASSIC_TOKEN_EXPIRY).en in done.sunset.text()
    assert long_date(CLASSIC_TOKEN_SUNSET).en in done.sunset.text()
