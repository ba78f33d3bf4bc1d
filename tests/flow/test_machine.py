"""The wizard flow without widgets: order, branching, completeness, Back, jumps and verification feedback."""

from __future__ import annotations

import pytest
from pydantic import SecretStr

from tests.conftest import FAKE_DATA
from wizard.data import load_manifest
from wizard.domain.checks import CheckId, CheckResult, Status
from wizard.domain.credentials import ClassicToken
from wizard.domain.environment import parse_environment
from wizard.domain.steps import StepId
from wizard.domain.text import Text
from wizard.flow.feedback import apply_results
from wizard.flow.machine import CHECK_ORDER, SETUP_ORDER, WizardMachine, gcn_item
from wizard.flow.saved_state import restore, save
from wizard.flow.state import AuthKind, Mode, TokenStorage, VerificationSummary, WizardState


def result(check: str, status: Status, fix_step: StepId | None = None) -> CheckResult:
    """A real verification result, as wizard.verify hands it to the machine."""
    return CheckResult(
        id=CheckId(check), status=status, title=Text(en=check, nl=check), message=Text(en="", nl=""), fix_step=fix_step
    )


@pytest.fixture
def machine() -> WizardMachine:
    return WizardMachine(load_manifest())


def _fill_environment(m: WizardMachine) -> None:
    m.state.organisation = "Bakkerij De Vries"
    m.state.environment = parse_environment("O12345AA")


def test_setup_path_follows_the_guide_order(machine: WizardMachine) -> None:
    seen = [machine.current]
    while (nxt := machine.next_step()) is not None:
        machine.advance()
        seen.append(nxt)
    assert tuple(seen) == SETUP_ORDER
    assert machine.is_last(StepId.DONE)


def test_check_existing_path_skips_the_setup_steps(machine: WizardMachine) -> None:
    machine.state.mode = Mode.CHECK_EXISTING
    seen = [machine.current]
    while machine.next_step() is not None:
        seen.append(machine.advance())
    assert (
        tuple(seen)
        == CHECK_ORDER
        == (
            StepId.WELCOME,
            StepId.ENVIRONMENT,
            StepId.TOKEN,
            StepId.VERIFY,
            StepId.DONE,
        )
    )


def test_environment_needs_organisation_and_a_parsed_environment(machine: WizardMachine) -> None:
    assert not machine.is_complete(StepId.ENVIRONMENT)
    machine.state.environment = parse_environment("O12345AA")
    assert not machine.is_complete(StepId.ENVIRONMENT)  # no organisation name yet
    machine.state.organisation = "  "
    assert not machine.is_complete(StepId.ENVIRONMENT)
    machine.state.organisation = "Bakkerij De Vries"
    assert machine.is_complete(StepId.ENVIRONMENT)


def test_import_is_complete_only_when_every_file_is_ticked(machine: WizardMachine) -> None:
    files = [g.file for g in machine.manifest.gcn_files]
    assert len(files) == 7
    for name in files[:-1]:
        machine.state.set_tick(StepId.IMPORT, gcn_item(name))
    assert not machine.is_complete(StepId.IMPORT)
    assert machine.missing(StepId.IMPORT) == [gcn_item(files[-1])]
    machine.state.set_tick(StepId.IMPORT, gcn_item(files[-1]))
    assert machine.is_complete(StepId.IMPORT)
    machine.state.set_tick(StepId.IMPORT, gcn_item(files[0]), on=False)
    assert not machine.is_complete(StepId.IMPORT)


def test_link_checklist_covers_all_three_tabs(machine: WizardMachine) -> None:
    items = machine.items(StepId.LINK_CONNECTORS)
    assert "get:SBQ_BTW" in items and "update:FiInvoice" in items and "special:GetXMLSchema" in items
    assert len(items) == len(machine.manifest.connectors)


def test_token_and_verify_completeness(machine: WizardMachine) -> None:
    assert not machine.is_complete(StepId.TOKEN)
    machine.state.token_storage = TokenStorage(persistent=True, location_en="keyring", location_nl="sleutelbos")
    assert machine.is_complete(StepId.TOKEN)
    assert not machine.is_complete(StepId.VERIFY)
    apply_results(machine, [result("auth", Status.PASS), result("get:SBQ_BTW", Status.FAIL)])
    assert not machine.is_complete(StepId.VERIFY)
    apply_results(machine, [result("auth", Status.PASS), result("get:SBQ_BTW", Status.WARN)])
    assert machine.is_complete(StepId.VERIFY)


def test_back_restores_choices_but_keeps_what_was_done_in_afas(machine: WizardMachine) -> None:
    _fill_environment(machine)
    machine.advance()  # -> environment
    machine.advance()  # -> connector files
    machine.state.organisation = "Typo BV"  # changed after leaving the environment page ...
    machine.state.set_tick(StepId.IMPORT, gcn_item("SBQ_BTW.gcn"))  # ... and something done in AFAS
    assert machine.back() is StepId.ENVIRONMENT
    assert machine.state.organisation == "Bakkerij De Vries"
    assert gcn_item("SBQ_BTW.gcn") in machine.state.ticked(StepId.IMPORT)
    assert machine.back() is StepId.WELCOME
    assert not machine.can_go_back()
    with pytest.raises(ValueError):
        machine.back()


def test_go_to_a_visited_step_walks_back(machine: WizardMachine) -> None:
    _fill_environment(machine)
    for _ in range(8):
        machine.advance()
    assert machine.current is StepId.VERIFY
    assert machine.go_to(StepId.IMPORT) is StepId.IMPORT
    assert machine.history == (
        StepId.WELCOME,
        StepId.ENVIRONMENT,
        StepId.CONNECTOR_FILES,
    )


def test_go_to_from_check_existing_is_a_detour_that_keeps_the_short_path(machine: WizardMachine) -> None:
    machine.state.mode = Mode.CHECK_EXISTING
    for _ in range(3):
        machine.advance()
    assert machine.current is StepId.VERIFY
    assert machine.go_to(StepId.LINK_CONNECTORS) is StepId.LINK_CONNECTORS
    assert machine.state.mode is Mode.CHECK_EXISTING and StepId.LINK_CONNECTORS not in machine.order
    assert machine.next_step() in SETUP_ORDER  # Next continues in the guide's order, back towards the check
    machine.back()
    assert machine.current is StepId.VERIFY


def test_report_ticks_earlier_checklists(machine: WizardMachine) -> None:
    machine.state.auth_choice = AuthKind.CLASSIC
    apply_results(
        machine,
        [
            result("auth", Status.PASS),
            result("get:SBQ_Transactie", Status.PASS),
            result("get:SBQ_BTW", Status.FAIL),
            result("update:FiInvoice", Status.PASS),
            result("special:GetXMLSchema", Status.PASS),
            result("get:Unknown_Connector", Status.PASS),
            result("attachments", Status.PASS, StepId.DOSSIER),
        ],
    )
    s = machine.state
    assert s.ticked(StepId.APP_CONNECTOR) == {"created", "unblocked"}
    # SBQ_Transactie is defined by a file with another name: the file's checklist item is ticked.
    assert s.ticked(StepId.IMPORT) == {gcn_item("SBQ_Transaction_History.gcn")}
    assert s.ticked(StepId.LINK_CONNECTORS) == {"get:SBQ_Transactie", "update:FiInvoice", "special:GetXMLSchema"}
    # The destinations cannot be read remotely: a passing attachments check leaves the Dossier ticks to the user.
    assert s.ticked(StepId.DOSSIER) == set()
    assert machine.missing(StepId.IMPORT)  # SBQ_BTW failed: still missing
    assert s.verification is not None and s.verification.failed == 1


def test_resume_continues_at_the_first_incomplete_step_with_a_back_history(machine: WizardMachine) -> None:
    machine.advance()  # somewhere in another organisation's setup
    saved = WizardState(organisation="Bakkerij De Vries", environment=parse_environment("O12345AA"))
    saved.exported, saved.export_folder = True, "/tmp/x"
    saved.ticks = {StepId.IMPORT: list(machine.items(StepId.IMPORT))}
    assert machine.resume(saved) is StepId.APP_CONNECTOR
    assert machine.state is saved
    assert machine.history == (StepId.WELCOME, StepId.ENVIRONMENT, StepId.CONNECTOR_FILES, StepId.IMPORT)
    assert machine.back() is StepId.IMPORT


def test_resuming_a_finished_setup_opens_the_check(machine: WizardMachine) -> None:
    saved = WizardState(mode=Mode.CHECK_EXISTING, organisation="X", environment=parse_environment("O12345AA"))
    saved.token_storage = TokenStorage(persistent=True, location_en="keyring", location_nl="sleutelbos")
    saved.verification = VerificationSummary(passed=5)
    assert machine.resume(saved) is StepId.VERIFY


def test_a_jump_forward_is_undone_by_back(machine: WizardMachine) -> None:
    _fill_environment(machine)
    machine.advance()
    assert machine.go_to(StepId.VERIFY) is StepId.VERIFY  # "Go to the check" from the environment page
    assert machine.next_step() is StepId.DONE
    assert machine.back() is StepId.ENVIRONMENT


def test_a_jump_to_the_current_step_changes_nothing(machine: WizardMachine) -> None:
    machine.advance()
    assert machine.go_to(StepId.ENVIRONMENT) is StepId.ENVIRONMENT
    assert machine.history == (StepId.WELCOME,)


def test_persisted_state_never_holds_the_token() -> None:
    state = WizardState(organisation="X", environment=parse_environment("T12345AB"))
    state.credential = ClassicToken(data=SecretStr(FAKE_DATA))
    state.token_storage = TokenStorage(persistent=True, location_en="Secret Service", location_nl="Secret Service")
    data = save(state)
    assert FAKE_DATA not in str(data) and FAKE_DATA not in repr(state)
    assert "credential" not in data
    back = restore(data)
    assert back.environment == state.environment and back.token_storage == state.token_storage
    assert back.credential is None


def test_session_only_token_is_not_remembered_as_stored() -> None:
    state = WizardState(token_storage=TokenStorage(persistent=False, location_en="session", location_nl="sessie"))
    assert restore(save(state)).token_storage is None


def test_damaged_progress_falls_back_to_defaults() -> None:
    state = restore({"organisation": "Bakkerij", "ticks": "not a dict", "mode": "nonsense"})
    assert state.organisation == "Bakkerij"
    assert state.mode is Mode.SETUP and state.ticks == {}


def test_failing_checks_mark_their_steps_for_attention_until_fixed(machine: WizardMachine) -> None:
    apply_results(
        machine,
        [
            result("get:SBQ_BTW", Status.FAIL, StepId.LINK_CONNECTORS),
            result("auth", Status.PASS),
            result("token-expiry", Status.WARN, StepId.TOKEN),  # a warning points somewhere but needs no attention
            result("attachments", Status.PASS, StepId.DOSSIER),
        ],
    )
    assert machine.state.attention == [StepId.LINK_CONNECTORS]
    apply_results(machine, [result("get:SBQ_BTW", Status.PASS)])
    assert machine.state.attention == []


def test_check_ids_round_trip_and_reject_what_no_check_emits() -> None:
    check = CheckId("get:SBQ_BTW")
    assert (check.kind, check.connector, str(check)) == ("get", "SBQ_BTW", "get:SBQ_BTW")
    assert CheckId.of(check.kind, "SBQ_BTW") == check
    for bad in ("dossier", "get", "auth:SBQ_BTW"):
        with pytest.raises(ValueError):
            CheckId(bad)


def test_the_app_connector_step_needs_only_the_users_word_that_it_exists(machine: WizardMachine) -> None:
    """Its Authenticatietype and Geblokkeerd are proven by the next step's request, not ticked by hand."""
    assert not machine.is_complete(StepId.APP_CONNECTOR)
    machine.state.set_tick(StepId.APP_CONNECTOR, "created")
    assert machine.is_complete(StepId.APP_CONNECTOR)
    machine.state.found_missing = {StepId.APP_CONNECTOR: ["unblocked"]}  # the check says otherwise
    assert not machine.is_complete(StepId.APP_CONNECTOR)
