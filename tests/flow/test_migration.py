"""The move to OAuth as a flow: stages open in AFAS's order, a failed proof reopens, the path and completeness."""

from __future__ import annotations

import datetime as dt

import pytest
from pydantic import SecretStr

from tests.conftest import FAKE_DATA
from wizard.data import load_manifest
from wizard.domain.credentials import ClassicToken
from wizard.domain.oauth import oauth_client_credentials
from wizard.domain.steps import StepId
from wizard.flow.machine import CHECK_ORDER, MIGRATE_ORDER, WizardMachine
from wizard.flow.migration import STAGES, MigrationState, Stage, same_app_connector
from wizard.flow.saved_state import restore, save
from wizard.flow.state import AuthKind, Mode, VerificationSummary, WizardState

CLIENT_ID = "0c0ffee0-1111-2222-3333-444455556666"
SECRET = "5EC2E7" * 8  # an obvious fake


def test_stages_open_one_after_another_in_afas_order() -> None:
    m = MigrationState()
    assert m.current is Stage.HYBRID and m.is_open(Stage.HYBRID) and not m.is_open(Stage.SECRET)
    m.record(Stage.SECRET, True)  # not open yet: nothing happens
    assert m.done == []
    for stage in STAGES:
        m.record(stage, True)
    assert m.complete and m.current is None


def test_a_failed_proof_reopens_that_stage_and_everything_after_it() -> None:
    m = MigrationState(done=list(STAGES[:5]))
    m.record(Stage.VERIFY_OAUTH, False)  # e.g. OAuth stopped working
    assert m.done == [Stage.HYBRID, Stage.SECRET] and m.current is Stage.VERIFY_OAUTH


def test_a_failed_proof_of_the_open_stage_keeps_what_was_proved() -> None:
    m = MigrationState(done=[Stage.HYBRID])
    m.record(Stage.SECRET, False)
    assert m.done == [Stage.HYBRID]


@pytest.mark.parametrize(
    ("before", "after", "same"),
    [("SmartBooqing", "smartbooqing ", True), ("SmartBooqing", "Other", False), (None, "Other", True), ("A", "", True)],
)
def test_same_app_connector_unless_appname_says_otherwise(before: str | None, after: str, same: bool) -> None:
    assert same_app_connector(before, after) is same


def test_the_move_adds_its_step_between_the_check_and_done() -> None:
    machine = WizardMachine(load_manifest(), WizardState(mode=Mode.CHECK_EXISTING))
    assert machine.order == CHECK_ORDER
    machine.state.migration = MigrationState()
    assert machine.order == MIGRATE_ORDER
    assert machine.next_step(StepId.VERIFY) is StepId.MIGRATE and machine.next_step(StepId.MIGRATE) is StepId.DONE
    assert not machine.is_complete(StepId.MIGRATE)
    machine.state.migration = MigrationState(done=list(STAGES))
    assert machine.is_complete(StepId.MIGRATE)


def test_a_failed_check_leads_on_to_the_helpdesk_report_but_stays_incomplete() -> None:
    machine = WizardMachine(load_manifest())
    assert not machine.may_leave(StepId.VERIFY)  # not checked yet
    machine.state.verification = VerificationSummary(passed=30, failed=2)
    assert machine.may_leave(StepId.VERIFY) and not machine.is_complete(StepId.VERIFY)


def test_the_credential_kind_follows_choice_then_credential_then_mode() -> None:
    state = WizardState()
    seen = [state.auth]  # a new setup: OAuth
    state.mode = Mode.CHECK_EXISTING
    seen.append(state.auth)  # an existing connection predates OAuth
    state.credential = oauth_client_credentials(CLIENT_ID, SECRET)
    seen.append(state.auth)  # the credential found says which
    state.auth_choice = AuthKind.CLASSIC
    seen.append(state.auth)  # the user's answer wins
    assert seen == [AuthKind.OAUTH, AuthKind.CLASSIC, AuthKind.OAUTH, AuthKind.CLASSIC]


def test_oauth_app_connector_checklist_has_the_authenticatietype() -> None:
    machine = WizardMachine(load_manifest())
    assert "auth-type" in machine.items(StepId.APP_CONNECTOR)
    machine.state.auth_choice = AuthKind.CLASSIC
    assert machine.items(StepId.APP_CONNECTOR) == ("created", "unblocked")


def test_saved_progress_keeps_the_expiry_and_the_move_but_no_secret() -> None:
    state = WizardState(mode=Mode.CHECK_EXISTING, secret_expires=dt.date(2027, 5, 28))
    state.credential = ClassicToken(data=SecretStr(FAKE_DATA))
    state.new_client = oauth_client_credentials(CLIENT_ID, SECRET, dt.date(2027, 5, 28))
    state.migration = MigrationState(done=[Stage.HYBRID, Stage.SECRET], app_connector="SmartBooqing")
    saved = save(state)
    text = repr(saved)
    assert SECRET not in text and FAKE_DATA not in text and CLIENT_ID not in text
    again = restore(saved)
    assert again.secret_expires == dt.date(2027, 5, 28)
    assert again.migration is not None and again.migration.done == [Stage.HYBRID, Stage.SECRET]
    assert again.new_client is None and again.credential is None


def test_back_keeps_what_happened_in_afas_during_the_move() -> None:
    machine = WizardMachine(load_manifest(), WizardState(mode=Mode.CHECK_EXISTING))
    machine.state.migration = MigrationState()
    machine.advance()
    machine.state.migration.record(Stage.HYBRID, True)
    machine.state.secret_expires = dt.date(2027, 1, 1)
    machine.back()
    assert machine.state.migration is not None and machine.state.migration.done == [Stage.HYBRID]
    assert machine.state.secret_expires == dt.date(2027, 1, 1)
