"""What the fix pages say, as a bookkeeper reads them (issue 20, the screenshots looked at): the link step that
ticks itself does not ask for ticks by hand, names each missing connector once, and does not bury its sentence
under 24 names; a warning alone on the check is something to do soon, not something to check yourself; the
expiry check is about the login details of either kind."""

from __future__ import annotations

from typing import Any

import pytest

from tests.gui.conftest import WindowFactory
from tests.gui.test_fix_flow import _failing_window
from tests.gui.test_verify_page import PASS_AUTH, _impossible, _ready_state, _run, _t
from wizard.domain.checks import CheckId, CheckResult, Status
from wizard.domain.steps import StepId
from wizard.flow.link_watch import LinkReading
from wizard.ui.frame import WizardWindow
from wizard.ui.pages.import_files import ImportPage
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


def test_the_live_reading_follows_the_banner_when_the_check_names_them_later(make_window: WindowFactory) -> None:
    window, page = _link_page(make_window, [])
    items = set(window.machine.items(StepId.LINK_CONNECTORS))
    page.show_live(LinkReading(frozenset(items - set(FOUND)), tuple(FOUND), ()), "", paused=False)
    assert "Precal_Landen" in page.live.text()  # nothing names them yet: the reading does
    window.machine.state.found_missing = {StepId.LINK_CONNECTORS: FOUND}  # then the check ran, and failed
    page.refresh()
    assert "Precal_Landen" in page.fix.banner.label.text()
    assert "Precal_Landen" not in page.live.text()  # said once, by the banner


def test_a_blocked_definition_puts_the_banner_and_check_again_first(make_window: WindowFactory, qtbot: Any) -> None:
    # Nothing to tick for a blocked definition (it was imported): the fix is in AFAS, as the banner says.
    blocked = CheckResult(
        id=CheckId("get:SBQ_Transactie"),
        status=Status.FAIL,
        title=_t("GetConnector SBQ_Transactie"),
        message=_t("The definition is blocked in AFAS."),
        fix_step=StepId.IMPORT,
        blocked=True,
    )
    window, page = _failing_window(make_window, qtbot, [PASS_AUTH, blocked])
    page.fix_buttons[StepId.IMPORT].click()
    imports = window.pages[StepId.IMPORT]
    assert isinstance(imports, ImportPage)
    qtbot.waitUntil(imports.fix.banner.again.hasFocus, timeout=5_000)
    assert not imports.fix.banner.visibleRegion().isEmpty()


def test_attachments_failing_for_an_unlinked_knsubject_is_said_once_on_the_link_step(
    make_window: WindowFactory, qtbot: Any
) -> None:
    unlinked = CheckResult(
        id=CheckId("update:KnSubject"),
        status=Status.FAIL,
        title=_t("UpdateConnector KnSubject"),
        message=_t("KnSubject is not linked to the app connector."),
        fix_step=StepId.LINK_CONNECTORS,
    )
    attachments = CheckResult(
        id=CheckId("attachments"),
        status=Status.FAIL,
        title=_t("Ready for attachments"),
        message=_t("Documents cannot be attached: KnSubject is not linked."),
        fix_step=StepId.LINK_CONNECTORS,
    )
    window, page = _failing_window(make_window, qtbot, [PASS_AUTH, unlinked, attachments])
    page.fix_buttons[StepId.LINK_CONNECTORS].click()
    link = window.pages[StepId.LINK_CONNECTORS]
    assert isinstance(link, LinkConnectorsPage)
    banner = link.fix.banner.label.text()
    assert "(KnSubject)" in banner  # the marked item
    assert "Documents cannot be attached" not in banner  # its consequence, not a second sentence


def test_the_checks_not_done_unfold_from_a_line_that_looks_unfoldable(make_window: WindowFactory, qtbot: Any) -> None:
    skipped = [
        CheckResult(id=CheckId(f"get:C{i}"), status=Status.SKIP, title=_t(f"C{i}"), message=_t("-")) for i in range(3)
    ]
    page = _run(make_window, qtbot, [_impossible("auth"), *skipped])
    toggle = page.skipped_toggle
    assert toggle.text().startswith("▸ ") and "3 checks" in toggle.accessibleName()  # flat: the arrow says it opens
    toggle.click()
    assert toggle.text().startswith("▾ ")
