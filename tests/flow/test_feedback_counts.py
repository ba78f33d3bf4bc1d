"""What a check run leaves in the state: a check AFAS could not be asked right now is neither passed nor failed."""

from __future__ import annotations

from wizard.data import load_manifest
from wizard.domain.checks import CheckId, CheckResult, Status
from wizard.domain.text import Text
from wizard.flow.feedback import apply_results
from wizard.flow.machine import WizardMachine


def _result(check: str, status: Status, *, impossible: bool = False) -> CheckResult:
    words = Text(en=check, nl=check)
    return CheckResult(id=CheckId(check), status=status, title=words, message=words, impossible=impossible)


def test_an_impossible_check_counts_as_could_not_check_not_as_failed() -> None:
    machine = WizardMachine(load_manifest())
    apply_results(
        machine,
        [_result("auth", Status.PASS), _result("get:SBQ_BTW", Status.FAIL, impossible=True)],
    )
    summary = machine.state.verification
    assert summary is not None
    assert (summary.passed, summary.failed, summary.could_not_check) == (1, 0, 1)
    assert summary.failing == ()  # the helpdesk's "failed checks" name no check that was merely impossible
    assert summary.impossible and not summary.ok
