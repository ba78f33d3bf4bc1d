"""The fix flow (issue 11): a failed check's button opens its step showing exactly what is missing, and the check
is one click away from there; Next says why it is off."""

from __future__ import annotations

from typing import Any

import pytest

from tests.gui.conftest import WindowFactory
from tests.gui.test_verify_page import PASS_AUTH, PASS_FI, Check, _ready_state, _t, _walk_to_verify, scripted
from wizard.domain.checks import CheckId, CheckResult, Status
from wizard.domain.environment import parse_environment
from wizard.domain.steps import StepId
from wizard.flow.saved_state import save
from wizard.flow.state import Mode, ProfitClient, WizardState
from wizard.ui.pages.app_connector import AppConnectorPage
from wizard.ui.pages.environment import EnvironmentPage
from wizard.ui.pages.import_files import ImportPage
from wizard.ui.pages.link_connectors import LinkConnectorsPage
from wizard.ui.pages.verify import VerifyPage

pytestmark = pytest.mark.gui


def _not_linked(connector: str, kind: str = "get") -> CheckResult:
    return Check(
        f"{kind}:{connector}",
        "fail",
        _t(f"Connector {connector}"),
        _t(f"{connector} is not linked to the app connector."),
        _t(f"Link {connector}."),
        StepId.LINK_CONNECTORS,
    )


def _at(window: Any) -> StepId:
    """Where the window is now (a call, so a type checker does not carry an earlier answer over)."""
    step: StepId = window.current_step
    return step


MISSING = [_not_linked("Precal_Landen"), _not_linked("DDI_Profit_Kostendragers"), _not_linked("KnSubject", "update")]


def _failing_window(make_window: WindowFactory, qtbot: Any, checks: list[CheckResult]) -> tuple[Any, VerifyPage]:
    window = make_window(
        state=_ready_state(), verify=scripted(checks), planned=lambda m: [(c.id, c.title) for c in checks]
    )
    page = _walk_to_verify(window)
    qtbot.waitUntil(lambda: not page.running and page.verdict is not None, timeout=10_000)
    return window, page


def test_fix_button_opens_the_step_with_the_missing_items_unticked_marked_and_focused(
    make_window: WindowFactory, qtbot
) -> None:
    window, page = _failing_window(make_window, qtbot, [PASS_AUTH, *MISSING, PASS_FI])
    assert list(page.fix_buttons) == [StepId.LINK_CONNECTORS]  # one button for the step, not one per check
    button = page.fix_buttons[StepId.LINK_CONNECTORS]
    qtbot.waitUntil(button.hasFocus, timeout=5_000)  # focus on the first failure
    button.click()
    assert window.current_step is StepId.LINK_CONNECTORS
    link = window.pages[StepId.LINK_CONNECTORS]
    assert isinstance(link, LinkConnectorsPage)
    boxes = {item: box for _k, _t2, checklist in link._sections for item, box in checklist.boxes.items()}
    for item in ("get:Precal_Landen", "get:DDI_Profit_Kostendragers", "update:KnSubject"):
        assert not boxes[item].isChecked(), item  # they were ticked before the check
        assert "missing according to the check" in boxes[item].text()
    assert "missing according to the check" not in boxes["get:SBQ_BTW"].text()
    assert boxes["get:SBQ_BTW"].isChecked()
    banner = link.fix.banner
    assert banner.isVisibleTo(link)
    assert all(name in banner.label.text() for name in ("Precal_Landen", "DDI_Profit_Kostendragers", "KnSubject"))
    qtbot.waitUntil(boxes["get:Precal_Landen"].hasFocus, timeout=5_000)
    # The side list keeps saying the step needs attention while the user is on it.
    assert "needs attention" in window.step_list.labels[StepId.LINK_CONNECTORS].text()
    # Check again is one click away and returns to the check page, which runs the check.
    banner.again.click()
    assert _at(window) is StepId.VERIFY
    qtbot.waitUntil(lambda: not page.running, timeout=10_000)


def test_a_rejected_token_leads_to_its_first_cause(make_window: WindowFactory, qtbot) -> None:
    rejected = Check(
        "auth", "fail", _t("Token"), _t("AFAS rejected the token."), _t("(1) Geblokkeerd"), StepId.APP_CONNECTOR
    )
    window, page = _failing_window(make_window, qtbot, [rejected])
    assert list(page.fix_buttons) == [StepId.APP_CONNECTOR]
    assert window.machine.state.found_missing == {StepId.APP_CONNECTOR: ["unblocked"]}
    page.fix_buttons[StepId.APP_CONNECTOR].click()
    assert _at(window) is StepId.APP_CONNECTOR
    app = window.pages[StepId.APP_CONNECTOR]
    assert isinstance(app, AppConnectorPage)
    # The page says what the check found: Geblokkeerd may still be ticked, marked on its own row and unticked.
    banner = app.fix.banner
    assert banner.isVisibleTo(app)
    assert "Geblokkeerd" in banner.label.text() and "refused" in banner.label.text()
    box = app.checklist.boxes["unblocked"]
    assert not box.isChecked() and "missing according to the check" in box.text()
    assert "missing according to the check" not in app.checklist.boxes["created"].text()
    qtbot.waitUntil(box.hasFocus, timeout=5_000)
    banner.again.click()
    assert _at(window) is StepId.VERIFY
    qtbot.waitUntil(lambda: not page.running, timeout=10_000)


def test_fix_buttons_have_unique_accessible_names(make_window: WindowFactory, qtbot) -> None:
    fields = Check(
        "fields:SBQ_BTW", "fail", _t("Fields"), _t("SBQ_BTW lacks fields."), _t("Import again."), StepId.IMPORT
    )
    _window, page = _failing_window(make_window, qtbot, [PASS_AUTH, fields, *MISSING])
    names = [button.accessibleName() for button in page.fix_buttons.values()]
    assert len(names) == 2 and len(set(names)) == 2
    assert any("Import into AFAS" in n for n in names) and any("Link connectors (3" in n for n in names)


def test_next_says_why_it_is_off_and_offers_the_check_early(make_window: WindowFactory) -> None:
    state = _ready_state()
    state.exported, state.export_folder = True, "/x"
    window = make_window(state=state)
    while window.current_step is not StepId.LINK_CONNECTORS:
        window.next()
    page = window.pages[StepId.LINK_CONNECTORS]
    assert isinstance(page, LinkConnectorsPage)
    boxes = [box for _k, _t2, checklist in page._sections for box in checklist.boxes.values()]
    for box in boxes[:3]:
        box.click()
    hint = page.next_hint
    assert not page.isComplete()
    assert hint.isVisibleTo(page) and f"3 of {len(boxes)} ticked" in hint.label.text()
    assert "go to the check now" in hint.label.text()  # a token is stored: the check can show what is missing
    assert not page.next_reason.isVisibleTo(page)  # told once, not again above Next
    from wizard.ui.frame import Button

    check = window.button(Button.CHECK)
    assert check.isVisibleTo(window)  # the way there: the button row's "Go to the check"
    check.click()
    assert _at(window) is StepId.VERIFY


def test_environment_next_reason_names_the_empty_field(make_window: WindowFactory, qtbot) -> None:
    window = make_window()
    window.next()
    page = window.pages[StepId.ENVIRONMENT]
    assert isinstance(page, EnvironmentPage)
    assert "fill in a name" in page.next_hint.label.text()
    qtbot.keyClicks(page.org_edit, "Bakkerij")
    assert "fill in a name" not in page.next_hint.label.text()
    qtbot.keyClicks(page.env_edit, "O12345AA")
    assert not page.next_hint.isVisibleTo(page)


def test_how_profit_is_opened_decides_the_import_paths(make_window: WindowFactory, tmp_path: Any) -> None:
    folder = tmp_path / "files"
    state = WizardState(
        organisation="X",
        environment=parse_environment("O12345AA"),
        exported=True,
        export_folder=str(folder),
        export_files={"SBQ_BTW.gcn": "\\\\Client\\C$\\files\\SBQ_BTW.gcn"},
    )
    window = make_window(state=state)
    page = window.pages[StepId.IMPORT]
    assert isinstance(page, ImportPage)
    assert page.path_of("SBQ_BTW.gcn") == str(folder / "SBQ_BTW.gcn")  # the browser reads the local disk
    assert "Map" in page.steps.text()  # the whole folder at once
    env = window.pages[StepId.ENVIRONMENT]
    assert isinstance(env, EnvironmentPage)
    env.client_app.click()
    assert window.machine.state.profit_client is ProfitClient.APP
    assert page.path_of("SBQ_BTW.gcn") == "\\\\Client\\C$\\files\\SBQ_BTW.gcn"
    assert "profit_client" in save(window.machine.state)  # remembered with the progress


def test_while_a_check_fails_enter_is_the_first_fix_not_next(make_window: WindowFactory, qtbot) -> None:
    from wizard.ui.frame import Button

    window, page = _failing_window(make_window, qtbot, [PASS_AUTH, *MISSING, PASS_FI])
    first = page.first_fix_button()
    assert first is not None and first.isDefault()
    assert not window.button(Button.NEXT).isDefault()
    assert page.todo_title.text() == "What to do"


def test_a_blocked_definition_is_called_blocked_with_where_to_unblock_it(make_window: WindowFactory, qtbot) -> None:
    blocked = CheckResult(
        id=CheckId("get:SBQ_Transactie"),
        status=Status.FAIL,
        title=_t("GetConnector SBQ_Transactie"),
        message=_t("The definition is blocked in AFAS."),
        fix_step=StepId.IMPORT,
        blocked=True,
    )
    window, page = _failing_window(make_window, qtbot, [PASS_AUTH, blocked, PASS_FI])
    page.fix_buttons[StepId.IMPORT].click()
    assert _at(window) is StepId.IMPORT
    imports = window.pages[StepId.IMPORT]
    assert isinstance(imports, ImportPage)
    box = imports.checklist.boxes["gcn:SBQ_Transaction_History.gcn"]
    assert box.isChecked()  # it was imported: the check does not untick it
    assert "blocked in AFAS" in box.text() and "missing" not in box.text()
    banner = imports.fix.banner.label.text()
    # Named as the check's row names it: the definition, with its description and id.
    assert "the definition Transaction history (invoices already booked) (SBQ_Transactie) blocked" in banner
    assert "Geblokkeerd" in banner and "missing" not in banner


def test_the_check_without_stored_login_details_says_so_with_one_button_to_them(
    make_window: WindowFactory, qtbot
) -> None:
    state = _ready_state()
    state.credential, state.token_storage = None, None
    window = make_window(state=state, verify=scripted([PASS_AUTH]), planned=lambda m: [("auth", _t("Auth"))])
    page = _walk_to_verify(window)
    assert "No login details are stored" in page.summary.text()
    assert page.rows == {}  # no list of checks that cannot start
    assert list(page.fix_buttons) == [StepId.TOKEN]
    button = page.fix_buttons[StepId.TOKEN]
    assert "Login details" in button.text() and button.isDefault()
    button.click()
    assert _at(window) is StepId.TOKEN


def test_check_existing_keeps_its_own_numbers_when_a_fix_lies_outside_its_path(
    make_window: WindowFactory, qtbot
) -> None:
    state = _ready_state()
    state.mode = Mode.CHECK_EXISTING
    checks = [PASS_AUTH, *MISSING, PASS_FI]
    window = make_window(state=state, verify=scripted(checks), planned=lambda m: [(c.id, c.title) for c in checks])
    window.go_to(StepId.VERIFY)
    page = window.pages[StepId.VERIFY]
    assert isinstance(page, VerifyPage)
    qtbot.waitUntil(lambda: not page.running and page.verdict is not None, timeout=10_000)
    button = page.fix_buttons[StepId.LINK_CONNECTORS]
    assert "Step" not in button.text() and "Link connectors" in button.text()  # no "Step 6" on a 5-step path
    shown = [s for s, b in window.step_list.labels.items() if b.isVisibleTo(window.step_list)]
    button.click()
    assert _at(window) is StepId.LINK_CONNECTORS and window.machine.state.mode is Mode.CHECK_EXISTING
    now = [s for s, b in window.step_list.labels.items() if b.isVisibleTo(window.step_list)]
    assert len(now) == len(shown) + 1  # only the detour itself is added, never the whole setup
    assert window.step_list.labels[StepId.LINK_CONNECTORS].text().startswith("↳ ")  # the detour, unnumbered


def test_a_rejected_credential_opens_the_credential_step_saying_why(make_window: WindowFactory, qtbot) -> None:
    rejected = Check(
        "auth", "fail", _t("Login"), _t("AFAS rejected the token (HTTP 401)."), _t("Make a new token."), StepId.TOKEN
    )
    window, page = _failing_window(make_window, qtbot, [rejected])
    page.fix_buttons[StepId.TOKEN].click()
    assert _at(window) is StepId.TOKEN
    banner = window.pages[StepId.TOKEN].fix.banner
    assert banner.isVisibleTo(window.pages[StepId.TOKEN])
    assert "AFAS rejected the token (HTTP 401)." in banner.label.text() and "Make a new token." in banner.label.text()


def test_a_rejected_credential_is_not_shown_as_stored_and_fine(make_window: WindowFactory, qtbot) -> None:
    # Issue 20: the fix opened the credential page with the old green "stored" line still beside the check's banner.
    from wizard.ui.pages.token import TokenPage
    from wizard.ui.widgets import Level

    rejected = Check("auth", "fail", _t("Token"), _t("AFAS rejected the token."), _t("Replace it."), StepId.TOKEN)
    window, page = _failing_window(make_window, qtbot, [rejected])
    page.fix_buttons[StepId.TOKEN].click()
    assert _at(window) is StepId.TOKEN
    token = window.pages[StepId.TOKEN]
    assert isinstance(token, TokenPage)
    assert token.fix.banner.isVisibleTo(token)
    assert token.stored.text(), "the stored details are still named"
    assert token.stored.level is not Level.OK
    assert "refuses" in token.stored.text()
