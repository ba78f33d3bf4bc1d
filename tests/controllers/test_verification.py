"""The live check, driven through VerificationController with a fake page and a scripted verification: results
reach the page as they arrive, earlier steps are ticked by what passed, failures are worded for the user."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from pydantic import SecretStr

from tests.conftest import FAKE_DATA
from tests.controllers.fakes import Rig, rig
from wizard.domain.checks import CheckId, CheckResult, Status
from wizard.domain.credentials import ClassicToken, Credential
from wizard.domain.environment import AfasEnvironment, parse_environment
from wizard.domain.errors import UserFacingError
from wizard.domain.steps import StepId
from wizard.domain.text import Lang, Text
from wizard.flow.state import TokenStorage, WizardState
from wizard.ui.controllers.context import NO_TOKEN, UNEXPECTED
from wizard.ui.controllers.credential import CredentialController
from wizard.ui.controllers.verification import VerificationController
from wizard.ui.widgets import Level
from wizard.verify.report import Report

ENV = parse_environment("O12345AA")
TOKEN = ClassicToken(data=SecretStr(FAKE_DATA))
AUTH = CheckResult(
    id=CheckId("auth"), status=Status.PASS, title=Text(en="Login", nl="Inloggen"), message=Text(en="ok", nl="ok")
)
BTW = CheckResult(
    id=CheckId("get:SBQ_BTW"),
    status=Status.FAIL,
    title=Text(en="GetConnector SBQ_BTW", nl="GetConnector SBQ_BTW"),
    message=Text(en="SBQ_BTW is not linked.", nl="SBQ_BTW is niet gekoppeld."),
    fix_step=StepId.LINK_CONNECTORS,
)
TRANSACTIE = CheckResult(
    id=CheckId("get:SBQ_Transactie"),
    status=Status.PASS,
    title=Text(en="GetConnector SBQ_Transactie", nl="GetConnector SBQ_Transactie"),
    message=Text(en="ok", nl="ok"),
)
PLANNED = [("auth", Text(en="Login", nl="Inloggen")), ("get:SBQ_BTW", Text(en="SBQ_BTW", nl="SBQ_BTW"))]


def scripted(*checks: CheckResult, raises: BaseException | None = None) -> tuple[Any, list[Credential]]:
    used: list[Credential] = []

    async def verify(env: AfasEnvironment, credential: Credential, *, lang: Lang = Lang.EN, on_result: Any = None):
        used.append(credential)
        if raises is not None:
            raise raises
        for check in checks:
            on_result(check)
        return Report(environment=env.key, base_url="https://12345.rest.afas.online", checks=list(checks))

    return verify, used


def _rig(verify: Any, state: WizardState | None = None, **services: Any) -> tuple[Rig, VerificationController]:
    state = state or WizardState(organisation="Bakkerij", environment=ENV, credential=TOKEN)
    r = rig(state, verify=verify, planned=lambda _m: PLANNED, **services)
    return r, VerificationController(r.ctx, CredentialController(r.ctx))


def test_results_reach_the_page_as_they_arrive_and_what_passed_ticks_the_earlier_steps() -> None:
    """A helpdesk engineer resuming a half-finished setup sees only what is missing."""
    verify, used = scripted(AUTH, BTW, TRANSACTIE)
    r, controller = _rig(verify)
    controller.run()
    page = r.page(StepId.VERIFY)
    assert [name for name, _args in page.calls] == ["begin", "add_result", "add_result", "add_result", "finish"]
    assert page.told("begin") == [(PLANNED,)]
    assert [args[0] for args in page.told("add_result")] == [AUTH, BTW, TRANSACTIE]
    assert used == [TOKEN]
    ticked = r.state.ticked
    assert ticked(StepId.APP_CONNECTOR) == {"created", "unblocked"}  # the login passed: the app connector works
    assert "get:SBQ_Transactie" in ticked(StepId.LINK_CONNECTORS)
    assert "gcn:SBQ_Transaction_History.gcn" in ticked(StepId.IMPORT)  # what it reads was imported first
    assert r.ctx.machine.missing(StepId.IMPORT)  # the other files are still open
    assert r.state.attention == [StepId.LINK_CONNECTORS]  # where the failure is fixed
    assert controller.last_report is page.told("finish")[0][0] and not controller.running


def test_without_login_details_the_page_says_so_and_nothing_runs() -> None:
    verify, used = scripted(AUTH)
    r, controller = _rig(verify, WizardState(organisation="Bakkerij", environment=ENV))
    controller.run()
    assert r.page(StepId.VERIFY).calls == [("no_credential", ())] and used == []


def test_without_an_environment_the_page_says_where_to_go() -> None:
    verify, used = scripted(AUTH)
    r, controller = _rig(verify, WizardState(credential=TOKEN))
    controller.run()
    assert r.page(StepId.VERIFY).told("failed") == [(NO_TOKEN.en,)] and used == []


def test_a_credential_kept_in_the_keyring_is_loaded_for_the_check() -> None:
    verify, used = scripted(AUTH)
    state = WizardState(
        environment=ENV, token_storage=TokenStorage(persistent=True, location_en="keyring", location_nl="sleutelbos")
    )
    r, controller = _rig(verify, state)
    r.ctx.services.secret_store.save(ENV.key, TOKEN)
    controller.run()
    assert used == [TOKEN] and r.state.credential == TOKEN


@pytest.mark.parametrize(
    ("error", "shown"),
    [
        (UserFacingError(Text(en="AFAS is in maintenance.", nl="AFAS is in onderhoud.")), "AFAS is in maintenance."),
        (RuntimeError(f"token {FAKE_DATA} rejected"), UNEXPECTED.en),  # never the exception's own words
    ],
)
def test_a_check_that_cannot_run_says_why_in_the_users_words_and_may_run_again(
    error: BaseException, shown: str
) -> None:
    verify, used = scripted(raises=error)
    r, controller = _rig(verify)
    controller.run()
    page = r.page(StepId.VERIFY)
    assert page.told("failed") == [(shown,)]
    assert FAKE_DATA not in page.text()
    controller.run()
    assert len(used) == 2  # not stuck "running"


def test_the_report_is_saved_as_html_and_json_and_the_page_names_the_files(tmp_path: Path) -> None:
    verify, _used = scripted(AUTH, BTW)
    r, controller = _rig(verify)
    controller.run()
    controller.save_report(str(tmp_path / "report"))
    html, js = tmp_path / "report.html", tmp_path / "report.json"
    assert json.loads(js.read_text(encoding="utf-8"))["environment"] == ENV.key and "SBQ_BTW" in html.read_text()
    assert r.page(StepId.VERIFY).told("show_message") == [(Level.OK, f"Report saved: {html}, {js}")]


def test_a_report_that_cannot_be_written_says_why(tmp_path: Path) -> None:
    verify, _used = scripted(AUTH)
    r, controller = _rig(verify)
    controller.run()
    controller.save_report(str(tmp_path / "no such folder" / "report"))
    ((level, text),) = r.page(StepId.VERIFY).told("show_message")
    assert level is Level.ERROR and text == "The report could not be saved: No such file or directory"
