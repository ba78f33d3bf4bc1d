"""The OAuth pages as a user meets them: the Authenticatietype question, the credential step, Done's hand-over and
helpdesk report, and the move to OAuth refusing to go on until AFAS really refuses the classic token."""

from __future__ import annotations

import asyncio
import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from pydantic import SecretStr
from PySide6.QtGui import QGuiApplication

from tests.conftest import FAKE_DATA, FAKE_XML
from tests.gui.conftest import WindowFactory, session_store
from tests.gui.secret_scan import leaks
from wizard.domain.afas_actions import AfasAction
from wizard.domain.checks import CheckId, CheckResult, Status
from wizard.domain.credentials import ClassicToken
from wizard.domain.environment import parse_environment
from wizard.domain.oauth import OAuthClientCredentials, oauth_client_credentials
from wizard.domain.smartbooqing import PORTAL_URL
from wizard.domain.steps import StepId
from wizard.domain.text import Lang, Text
from wizard.flow.migration import MigrationState, Stage
from wizard.flow.state import AuthKind, Mode, TokenStorage, WizardState
from wizard.sim import SimulatorServer
from wizard.ui.clipboard import SECRET_HINTS
from wizard.ui.frame import WizardWindow
from wizard.ui.pages import done as done_module
from wizard.ui.pages.app_connector import AppConnectorPage
from wizard.ui.pages.done import DonePage
from wizard.ui.pages.migrate import MigratePage
from wizard.ui.pages.token import TokenPage
from wizard.verify import Report

pytestmark = pytest.mark.gui

CLIENT_ID = "0c0ffee0-1111-2222-3333-444455556666"
SECRET = "5EC2E7" * 8  # an obvious fake, 48 characters


def _t(text: str) -> Text:
    return Text(en=text, nl=text)


def _check_mode_state() -> WizardState:
    return WizardState(organisation="Bakkerij", environment=parse_environment("O12345AA"), mode=Mode.CHECK_EXISTING)


def _at(window: WizardWindow, step: StepId) -> Any:
    while window.current_step is not step:
        window.next()
    return window.pages[step]


def test_credential_step_checks_each_value_as_pasted_and_stores_one_entry_with_its_expiry(
    make_window: WindowFactory, qtbot: Any
) -> None:
    window = make_window(state=_check_mode_state())
    page = _at(window, StepId.TOKEN)
    assert isinstance(page, TokenPage)
    # An existing connection with nothing stored here: the user says which kind it uses, the page does not guess.
    assert not page.classic.isVisibleTo(page) and not page.oauth.isVisibleTo(page)
    assert not (page.oauth_radio.isChecked() or page.classic_radio.isChecked())
    page.oauth_radio.click()
    assert window.machine.state.auth is AuthKind.OAUTH
    assert page.oauth.isVisibleTo(page) and not page.classic.isVisibleTo(page)
    assert page.title() == "Paste the client id and client secret"

    page.oauth.id_edit.setText(f"{CLIENT_ID} {SECRET}")
    assert "two values pasted together" in page.oauth.id_check.text()
    page.oauth.id_edit.setText("abc")
    assert page.oauth.id_check.text() == ""  # a right form is no proof: no green tick, AFAS is asked on storing
    page.oauth.secret_edit.setText(FAKE_XML)
    assert "classic user token" in page.oauth.secret_check.text() and FAKE_DATA not in page.oauth.secret_check.text()
    page.oauth.id_edit.setText(CLIENT_ID)
    page.oauth.secret_edit.setText(SECRET[:7])
    assert "7 characters" in page.oauth.secret_check.text() and SECRET[:7] not in page.oauth.secret_check.text()
    assert not page.store_button.isEnabled()
    page.oauth.secret_edit.setText(SECRET)
    assert page.oauth.secret_edit.echoMode() is page.oauth.secret_edit.EchoMode.Password
    # The expiry date is what AFAS shows, never a guess: empty until typed, picked or "no expiry date" ticked.
    assert page.oauth.expiry_edit.text() == "" and not page.store_button.isEnabled()
    page.oauth.expiry_edit.setText("31-02-2027")
    assert "not a date" in page.oauth.expiry_check.text() and not page.store_button.isEnabled()
    page.oauth.no_expiry.setChecked(True)
    assert page.store_button.isEnabled()
    page.oauth.no_expiry.setChecked(False)
    page.oauth.expiry_edit.setText("01-03-2027")
    assert page.store_button.isEnabled() and "Valid until 1 March 2027" in page.oauth.expiry_check.text()
    page.store_button.click()
    qtbot.waitUntil(lambda: window.machine.state.token_storage is not None, timeout=10_000)

    stored = window.controller.services.secret_store.load("O12345")
    assert isinstance(stored, OAuthClientCredentials)
    assert (stored.client_id, stored.secret(), stored.secret_expires) == (CLIENT_ID, SECRET, dt.date(2027, 3, 1))
    assert window.machine.state.secret_expires == dt.date(2027, 3, 1)
    assert page.oauth.secret_edit.text() == "" and page.oauth.id_edit.text() == ""
    assert "Valid until 1 March 2027" in page.stored.text()
    assert leaks(window, stored.secret_forms()) == []


def test_the_dialog_question_decides_what_the_credential_step_asks(make_window: WindowFactory) -> None:
    window = make_window()
    page = window.pages[StepId.APP_CONNECTOR]
    token = window.pages[StepId.TOKEN]
    assert isinstance(page, AppConnectorPage) and isinstance(token, TokenPage)
    page.refresh()
    assert page.oauth_radio.isChecked() and "choose <b>OAuth</b>" in page.dialog_steps.text()
    assert page.checklist.rows["auth-type"].isVisibleTo(page)
    page.classic_radio.click()
    page.refresh()
    token.refresh()
    assert window.machine.state.auth is AuthKind.CLASSIC
    assert "choose <b>Classic token</b>" in page.dialog_steps.text()
    assert not page.checklist.rows["auth-type"].isVisibleTo(page)
    assert "does not offer OAuth yet" in page.classic_note.text() and "31 August 2027" in page.classic_note.text()
    assert token.classic.isVisibleTo(token) and not token.oauth.isVisibleTo(token)
    assert window.machine.items(StepId.APP_CONNECTOR) == ("created", "unblocked")


def _verify_returning(report: Report) -> Any:
    async def verify(env: Any, credential: Any, *, lang: Lang = Lang.EN, on_result: Any = None) -> Report:
        for check in report.checks:
            if on_result is not None:
                on_result(check)
            await asyncio.sleep(0)
        return report

    return verify


def _report(*checks: CheckResult) -> Report:
    return Report(
        environment="O12345AA", base_url="https://12345.rest.afas.online/ProfitRestServices", checks=list(checks)
    )


PASS_AUTH = CheckResult(id=CheckId("auth"), status=Status.PASS, title=_t("Login"), message=_t("Accepted."))
FAIL_BTW = CheckResult(
    id=CheckId("get:SBQ_BTW"),
    status=Status.FAIL,
    title=_t("GetConnector SBQ_BTW"),
    message=_t("SBQ_BTW is not linked."),
    remedy=_t("Link SBQ_BTW on the tab GetConnectoren."),
    fix_step=StepId.LINK_CONNECTORS,
)


def _stored(state: WizardState, credential: Any) -> WizardState:
    state.credential = credential
    state.token_storage = TokenStorage(persistent=False, location_en="memory", location_nl="geheugen")
    return state


def test_done_hands_the_client_id_and_the_secret_to_the_portal(make_window: WindowFactory, qtbot: Any) -> None:
    client = oauth_client_credentials(CLIENT_ID, SECRET, dt.date(2027, 5, 28))
    state = _stored(_check_mode_state(), client)
    window = make_window(state=state, verify=_verify_returning(_report(PASS_AUTH)), planned=lambda m: [])
    verify_page = _at(window, StepId.VERIFY)
    qtbot.waitUntil(verify_page.isComplete, timeout=10_000)
    page = _at(window, StepId.DONE)
    assert isinstance(page, DonePage)
    assert page.handover.isVisibleTo(page) and not page.report_box.isVisibleTo(page)
    assert f'href="{PORTAL_URL}"' in page.handover_steps.text() and "mailto:helpdesk@" in page.next_steps.text()
    assert page.copy_button.font().bold() and page.copy_id_button.isVisibleTo(page)
    assert not page.migrate_box.isVisibleTo(page)  # OAuth already: nothing to move
    assert "28 May 2027" in page.summary.text()

    page.copy_id_button.click()
    qtbot.waitUntil(lambda: QGuiApplication.clipboard().text() == CLIENT_ID, timeout=10_000)
    page.copy_button.click()
    qtbot.waitUntil(lambda: QGuiApplication.clipboard().text() == SECRET, timeout=10_000)
    mime = QGuiApplication.clipboard().mimeData()
    assert all(mime.hasFormat(fmt) for fmt in SECRET_HINTS if not fmt.startswith("application/x-qt-windows"))
    assert window.controller.clipboard.pending  # cleared after 60 s unless the user copies something else
    window.controller.clipboard.clear_if_unchanged()
    assert QGuiApplication.clipboard().text() == ""


def test_failing_checks_lead_to_a_report_for_the_helpdesk_not_a_dead_end(
    make_window: WindowFactory, qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    state = _stored(_check_mode_state(), ClassicToken(data=SecretStr(FAKE_DATA)))
    window = make_window(state=state, verify=_verify_returning(_report(PASS_AUTH, FAIL_BTW)), planned=lambda m: [])
    verify_page = _at(window, StepId.VERIFY)
    qtbot.waitUntil(verify_page.isComplete, timeout=10_000)  # Next leads on, to the report
    page = _at(window, StepId.DONE)
    assert isinstance(page, DonePage)
    assert page.title() == "Not finished yet: report for the helpdesk"
    assert page.report_box.isVisibleTo(page) and not page.handover.isVisibleTo(page)
    assert not page.migrate_box.isVisibleTo(page)  # fix the setup before moving it
    page.copy_report_button.click()
    text = QGuiApplication.clipboard().text()
    assert "✖ Failed: GetConnector SBQ_BTW" in text and "Link SBQ_BTW on the tab GetConnectoren." in text
    assert "Organisation: Bakkerij" in text and FAKE_DATA not in text and FAKE_XML not in text
    monkeypatch.setattr(done_module, "ask_report_path", lambda *a: str(tmp_path / "report"))
    page.save_report_button.click()
    qtbot.waitUntil((tmp_path / "report.txt").exists, timeout=10_000)
    assert (tmp_path / "report.html").exists() and (tmp_path / "report.json").exists()
    page.back_to_check.click()
    assert window.current_step is StepId.VERIFY


def _idle(window: WizardWindow, qtbot: Any) -> None:
    qtbot.waitUntil(lambda: not window.controller.worker.busy, timeout=60_000)


@pytest.mark.loopback
def test_the_move_waits_until_afas_really_refuses_the_classic_token(make_window: WindowFactory, qtbot: Any) -> None:
    with SimulatorServer(scenario="ready") as server:
        state = _stored(_check_mode_state(), server.token)
        state.environment = server.environment
        state.demo = True
        state.migration = MigrationState()
        window = make_window(state=state, demo=True, sim=server.admin(), demo_environment=server.environment)
        page = window.pages[StepId.MIGRATE]
        assert isinstance(page, MigratePage)
        controller = window.controller

        def do(stage: Stage, simulate: bool = False) -> None:
            if simulate:
                controller.demo.simulate_stage(stage)
                _idle(window, qtbot)
            page._prove(stage)
            _idle(window, qtbot)

        do(Stage.HYBRID, simulate=True)
        do(Stage.SECRET, simulate=True)
        assert page.client.secret_edit.text() == ""  # kept in memory, gone from the widget
        do(Stage.VERIFY_OAUTH)
        assert "on Hybride" in page.boxes[Stage.VERIFY_OAUTH].result.text()
        page.handed_over.setChecked(True)
        do(Stage.HANDOVER)
        do(Stage.SWITCH_OAUTH)  # OAuth works under Hybride too; only the next proof can tell
        do(Stage.CLASSIC_REFUSED)
        migration = window.machine.state.migration
        assert migration is not None and migration.current is Stage.CLASSIC_REFUSED
        assert "still accepts the classic token" in page.boxes[Stage.CLASSIC_REFUSED].result.text()
        server.admin().apply_oauth_step(AfasAction.SWITCH_TO_OAUTH)
        do(Stage.CLASSIC_REFUSED)
        assert "asks for OAuth" in page.boxes[Stage.CLASSIC_REFUSED].result.text()
        do(Stage.FORGET_CLASSIC)
        assert migration.complete and window.machine.is_complete(StepId.MIGRATE)
        assert isinstance(controller.services.secret_store.load(server.environment.key), OAuthClientCredentials)
        assert window.machine.state.auth is AuthKind.OAUTH


def test_a_restarted_wizard_asks_for_the_new_client_again_instead_of_losing_the_move(
    make_window: WindowFactory,
) -> None:
    state = _stored(_check_mode_state(), ClassicToken(data=SecretStr(FAKE_DATA)))
    state.migration = MigrationState(done=[Stage.HYBRID, Stage.SECRET, Stage.VERIFY_OAUTH, Stage.HANDOVER])
    window = make_window(state=state)  # the client secret was kept in memory only: gone after a restart
    page = window.pages[StepId.MIGRATE]
    assert isinstance(page, MigratePage)
    page._prove(Stage.SWITCH_OAUTH)
    assert state.migration.current is Stage.SECRET
    assert "Paste the new client id and client secret first" in page.boxes[Stage.SECRET].result.text()


def test_done_counts_every_status_in_the_check_pages_words(make_window: WindowFactory, qtbot: Any) -> None:
    client = oauth_client_credentials(CLIENT_ID, SECRET, dt.date(2027, 5, 28))
    state = _stored(_check_mode_state(), client)
    manual = CheckResult(
        id=CheckId("attachments"), status=Status.MANUAL, title=_t("Attachments"), message=_t("Check it yourself.")
    )
    note = CheckResult(id=CheckId("token-sunset"), status=Status.INFO, title=_t("Token"), message=_t("A note."))
    window = make_window(state=state, verify=_verify_returning(_report(PASS_AUTH, manual, note)), planned=lambda m: [])
    verify_page = _at(window, StepId.VERIFY)
    qtbot.waitUntil(verify_page.isComplete, timeout=10_000)
    page = _at(window, StepId.DONE)
    assert isinstance(page, DonePage)
    text = page.summary.text()
    # Not only passed/warning/failed: the note and the check by hand are counted, as the check page names them.
    assert "✔ All in order" in text
    assert "Check yourself: 1" in text and "For your information: 1" in text and "Passed: 1" in text
    assert "Warning" not in text and "Failed" not in text
    assert "ℹ" not in text.split("Results")[1]  # no stray "i" in the counts


def test_check_mode_step_list_says_the_check_needs_attention_when_it_fails(
    make_window: WindowFactory, qtbot: Any
) -> None:
    state = _stored(_check_mode_state(), ClassicToken(data=SecretStr(FAKE_DATA)))
    window = make_window(state=state, verify=_verify_returning(_report(PASS_AUTH, FAIL_BTW)), planned=lambda m: [])
    verify_page = _at(window, StepId.VERIFY)
    qtbot.waitUntil(verify_page.isComplete, timeout=10_000)
    labels = window.step_list.labels
    assert not labels[StepId.LINK_CONNECTORS].isVisible()  # the step to fix is not on this short path
    _at(window, StepId.DONE)
    window.step_list.refresh()
    # Not "to do": the check failed and its fix is elsewhere, so the check step is the one that needs attention.
    assert "needs attention" in labels[StepId.VERIFY].text()
    assert "needs attention" in labels[StepId.VERIFY].accessibleName()


def test_an_unlikely_expiry_date_is_questioned_but_may_be_stored(make_window: WindowFactory) -> None:
    window = make_window(state=_check_mode_state())
    page = _at(window, StepId.TOKEN)
    assert isinstance(page, TokenPage)
    page.oauth_radio.click()
    page.oauth.id_edit.setText(CLIENT_ID)
    page.oauth.secret_edit.setText(SECRET)
    page.oauth.expiry_edit.setText("01-01-2020")
    assert "has passed" in page.oauth.expiry_check.text() and page.store_button.isEnabled()
    far = dt.date.today() + dt.timedelta(days=3 * 365)
    page.oauth.expiry_edit.setText(far.strftime("%d-%m-%Y"))
    assert "more than two years ahead" in page.oauth.expiry_check.text() and page.store_button.isEnabled()


def test_checking_an_existing_connection_starts_on_the_kind_that_is_stored(
    make_window: WindowFactory, qtbot: Any
) -> None:
    store = session_store()
    store.save("O12345", oauth_client_credentials(CLIENT_ID, SECRET, dt.date(2027, 3, 1)))
    window = make_window(state=_check_mode_state(), secret_store=store)
    page = _at(window, StepId.TOKEN)
    assert isinstance(page, TokenPage)
    qtbot.waitUntil(lambda: window.machine.state.token_storage is not None, timeout=10_000)
    assert page.oauth_radio.isChecked() and page.oauth.isVisibleTo(page) and not page.classic.isVisibleTo(page)
    assert page.title() == "Paste the client id and client secret"
    assert "Client id and client secret for O12345AA stored" in page.stored.text()


@pytest.mark.parametrize(("auth", "says_token_user"), [(AuthKind.OAUTH, False), (AuthKind.CLASSIC, True)])
def test_the_link_step_speaks_of_a_token_user_only_for_a_classic_token(
    make_window: WindowFactory, auth: AuthKind, says_token_user: bool
) -> None:
    window = make_window(lang=Lang.NL, state=WizardState(lang=Lang.NL, auth_choice=auth))
    window.go_to(StepId.LINK_CONNECTORS)
    after = window.pages[StepId.LINK_CONNECTORS].after.text()  # type: ignore[attr-defined]
    assert "Als alles gekoppeld is" in after
    assert ("gebruikerstoken" in after) is says_token_user
