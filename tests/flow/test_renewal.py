"""The renewal's own step order in the flow machine, and when the renewal is offered."""

from __future__ import annotations

import datetime as dt

from wizard.data import load_manifest
from wizard.domain.steps import StepId
from wizard.flow.machine import WizardMachine
from wizard.flow.renewal import STAGES, RenewalState, renewal_due
from wizard.flow.state import Mode, WizardState


def test_the_renewal_has_its_own_steps_and_completes_with_its_last_stage() -> None:
    m = WizardMachine(load_manifest(), WizardState(mode=Mode.RENEW))
    assert m.order == (StepId.WELCOME, StepId.ENVIRONMENT, StepId.TOKEN, StepId.RENEW, StepId.DONE)
    m.state.renewal = RenewalState()
    for stage in STAGES[:-1]:
        m.state.renewal.record(stage, True)
    assert not m.is_complete(StepId.RENEW)
    m.state.renewal.record(STAGES[-1], True)
    assert m.is_complete(StepId.RENEW)


def test_the_renewal_is_offered_from_thirty_days_before_the_expiry() -> None:
    today = dt.date(2027, 3, 1)
    assert renewal_due(today + dt.timedelta(days=30), today)
    assert not renewal_due(today + dt.timedelta(days=31), today)
    assert renewal_due(today - dt.timedelta(days=1), today)
    assert not renewal_due(None, today)
