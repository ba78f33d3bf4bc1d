"""What each stage of the move to OAuth proves (wizard.verify.migration.judge), from the reports of the whole check
with the classic token and with the new OAuth client, in the words the user reads."""

from __future__ import annotations

from wizard.domain.checks import CheckId, CheckResult, Status
from wizard.domain.text import Text
from wizard.flow.migration import MigrationState, Stage
from wizard.verify import remedies
from wizard.verify.migration import judge
from wizard.verify.report import Report

ACCEPTED = Text(en="AFAS accepted the token.", nl="AFAS accepteerde het token.")
REFUSED = Text(en="AFAS refused the token.", nl="AFAS weigerde het token.")


def _report(status: Status, message: Text = ACCEPTED, *, app: str | None = "SmartBooqing", **auth: object) -> Report:
    check = CheckResult(
        id=CheckId("auth"), status=status, title=Text(en="Login", nl="Inloggen"), message=message, **auth
    )
    return Report(environment="O12345AA", base_url="https://12345.rest.afas.online", checks=[check], app_connector=app)


PASS = _report(Status.PASS)


def test_hybride_is_proved_while_the_classic_token_still_works() -> None:
    assert judge(Stage.HYBRID, None, PASS, None).proved
    refused = judge(Stage.HYBRID, None, _report(Status.FAIL, REFUSED), None)
    assert not refused.proved and refused.said.en == f"AFAS did not accept the classic token: {REFUSED.en}"


def test_a_check_afas_could_not_answer_proves_nothing_and_reopens_nothing() -> None:
    migration = MigrationState(done=[Stage.HYBRID, Stage.SECRET])
    maintenance = Text(en="AFAS is in maintenance.", nl="AFAS is in onderhoud.")
    verdict = judge(Stage.VERIFY_OAUTH, None, _report(Status.FAIL, maintenance, impossible=True), PASS)
    assert verdict.impossible and "not possible right now: AFAS is in maintenance." in verdict.said.en
    verdict.apply(migration)
    assert migration.done == [Stage.HYBRID, Stage.SECRET]


def test_oauth_must_reach_the_app_connector_the_classic_token_used() -> None:
    other = judge(Stage.VERIFY_OAUTH, "SmartBooqing", PASS, _report(Status.PASS, app="Other"))
    assert not other.proved and "another app connector (Other) than the classic token (SmartBooqing)" in other.said.en
    same = judge(Stage.VERIFY_OAUTH, "smartbooqing ", PASS, PASS)
    assert same.proved and "(1 passed)" in same.said.en and "Hybride" in same.said.en


def test_oauth_that_fails_says_afas_answer() -> None:
    verdict = judge(Stage.SWITCH_OAUTH, None, None, _report(Status.FAIL, REFUSED))
    assert not verdict.proved and verdict.said.en == f"OAuth does not pass the check yet: {REFUSED.en}"


def test_the_classic_token_must_be_refused_after_the_switch() -> None:
    still = judge(Stage.CLASSIC_REFUSED, None, PASS, None)
    assert not still.proved and "still accepts the classic token" in still.said.en
    asked = _report(Status.FAIL, REFUSED, remedy=remedies.switched_to_oauth("SmartBooqing"))
    assert "asks for OAuth" in judge(Stage.CLASSIC_REFUSED, None, asked, None).said.en
    silent = judge(Stage.CLASSIC_REFUSED, None, _report(Status.FAIL, REFUSED), None)
    assert silent.proved and "without saying why" in silent.said.en
