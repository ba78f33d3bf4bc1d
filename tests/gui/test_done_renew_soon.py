"""Done with a client secret that expires within a calendar reminder's lead (30 days): a reminder would fall in
the past, so Done says how soon it expires and offers the renewal instead (issue 20, the screenshots looked at:
'oauth-secret-expiring' ended on a reminder 30 days before a date 10 days away)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from tests.gui.conftest import WindowFactory
from tests.gui.test_oauth_pages import (
    CLIENT_ID,
    PASS_AUTH,
    SECRET,
    _at,
    _check_mode_state,
    _report,
    _stored,
    _verify_returning,
)
from wizard.domain.oauth import oauth_client_credentials
from wizard.domain.steps import StepId
from wizard.domain.text import long_date
from wizard.ui.pages.done import DonePage

pytestmark = pytest.mark.gui


def _done(make_window: WindowFactory, qtbot: Any, days_left: int) -> tuple[Any, DonePage]:
    expires = dt.date.today() + dt.timedelta(days=days_left)
    state = _stored(_check_mode_state(), oauth_client_credentials(CLIENT_ID, SECRET, expires))
    state.secret_expires = expires
    window = make_window(state=state, verify=_verify_returning(_report(PASS_AUTH)), planned=lambda m: [])
    qtbot.waitUntil(_at(window, StepId.VERIFY).isComplete, timeout=10_000)
    page = _at(window, StepId.DONE)
    assert isinstance(page, DonePage)
    return window, page


def test_a_secret_expiring_in_ten_days_is_renewed_now_not_put_in_the_calendar(
    make_window: WindowFactory, qtbot: Any
) -> None:
    window, page = _done(make_window, qtbot, 10)
    assert "in 10 days" in page.reminder_text.text()
    assert not page.reminder_button.isVisibleTo(page)
    assert page.renew_button.isVisibleTo(page)
    page.renew_button.click()
    assert window.current_step is StepId.RENEW


def test_a_secret_valid_for_months_gets_the_calendar_reminder(make_window: WindowFactory, qtbot: Any) -> None:
    _window, page = _done(make_window, qtbot, 150)
    assert page.reminder_button.isVisibleTo(page) and not page.renew_button.isVisibleTo(page)
    assert "a reminder 30 days before" in page.reminder_text.text()


def test_the_calendar_line_names_the_date_it_is_for(make_window: WindowFactory, qtbot: Any) -> None:
    """Once 'Put the next deadline in your calendar' with no date beside it: which deadline, the user asked."""
    _window, page = _done(make_window, qtbot, 150)
    expires = dt.date.today() + dt.timedelta(days=150)
    assert long_date(expires).en in page.reminder_text.text()
