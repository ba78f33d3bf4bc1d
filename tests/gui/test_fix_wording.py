"""What the fix pages say, as a bookkeeper reads them (issue 20, the screenshots looked at): the link step that
ticks itself does not ask for ticks by hand, names each missing connector once, and does not bury its sentence
under 24 names; a warning alone on the check is something to do soon, not something to check yourself; the
expiry check is about the login details of either kind."""

from __future__ import annotations

from typing import Any

import pytest

from tests.gui.conftest import WindowFactory
from tests.gui.test_verify_page import PASS_AUTH, _ready_state, _run, _t
from wizard.domain.checks import CheckId, CheckResult, Status
from wizard.domain.steps import StepId
from wizard.flow.link_watch import LinkReading
from wizard.ui.frame import WizardWindow
from wizard.ui.pages.link_connectors import LinkConnectorsPage
from wizard.verify.plan import planned_checks

pytestmark = pytest.mark.gui

FOUND = ["get:Precal_Landen", "get:DDI_Profit_Kostendragers", "update:KnSubject"]


def _link_page(make_window: WindowFactory, found: list[str]) -> tuple[WizardWindow, LinkConnectorsPage]:
    state = _ready_state()  # login details stored: the live check runs on this step
    window = make_window(state=state)
    items = window.machine.items(StepId.LINK_CONNECTORS)
    window.machine.tick_all(StepId.LINK_CONNECTORS, [i for i in items if i not in found])
    state.found_missing = {StepId.LINK_CONNECTORS: found}
    window.go_to(StepId.LINK_CONNECTORS)
    page = window.pages[StepId.LINK_CONNECTORS]
    assert isinstance(page, LinkConnectorsPage)
    page.refresh()
    return window, page


def test_the_link_step_that_ticks_itself_does_not_ask_for_ticks(make_window: WindowFactory) -> None:
    window, page = _link_page(make_window, FOUND)
    banner, hint = page.fix.banner.label.text(), page.next_hint.label.text()
    assert "ticks each one as AFAS shows it" in banner and "tick them" not in banner
    assert "ticks each one as AFAS shows it" in hint and "Tick each one" not in hint
    # Each missing connector by its one name (description, id beside it), once on the page: the banner names them,
    # so the live reading only counts.
    assert "Countries (Precal) (Precal_Landen)" in banner
    items = set(window.machine.items(StepId.LINK_CONNECTORS))
    page.show_live(LinkReading(frozenset(items - set(FOUND)), tuple(FOUND), ()), "", paused=False)
    assert "Precal_Landen" not in page.live.text() and "21 of these 24" in page.live.text()


def test_a_link_step_without_stored_login_still_asks_for_ticks(make_window: WindowFactory) -> None:
    window, page = _link_page(make_window, FOUND)
    window.machine.state.token_storage = None
    page.refresh()
    assert "tick them" in page.fix.banner.label.text()
    assert "Tick each one" in page.next_hint.label.text()


def test_with_every_link_missing_the_banner_counts_instead_of_listing(make_window: WindowFactory) -> None:
    probe_window = make_window(state=_ready_state())
    every = list(probe_window.machine.items(StepId.LINK_CONNECTORS))
    _window, page = _link_page(make_window, every)
    text = page.fix.banner.label.text()
    assert f"found {len(every)} missing here." in text
    assert "Precal_Landen" not in text  # the marked rows below name each one


def test_a_warning_alone_is_to_do_soon_not_to_check_yourself(make_window: WindowFactory, qtbot: Any) -> None:
    expiring = CheckResult(
        id=CheckId("token-expiry"),
        status=Status.WARN,
        title=_t("Expiry date of the login details"),
        message=_t("The client secret expires in 10 days."),
        fix_step=StepId.RENEW,
    )
    page = _run(make_window, qtbot, [PASS_AUTH, expiring])
    assert page.outcome.text() == "✔ All in order"
    assert page.todo_title.text() == "To do soon"


def test_the_expiry_check_is_named_for_either_kind_of_login_details() -> None:
    titles = [title.en for _id, title in planned_checks()]
    assert "Expiry date of the login details" in titles
    assert not any("Token expiry" in t for t in titles)  # with OAuth it is the client secret's
