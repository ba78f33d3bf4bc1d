"""What a verification run feeds back into the flow: checklist items it proves done or missing, the steps that
need attention, and the summary that decides whether the Verify step is complete."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from wizard.domain.checks import CheckKind, CheckResult, Status
from wizard.domain.steps import StepId
from wizard.domain.text import Text
from wizard.flow.machine import SETUP_ORDER, WizardMachine, gcn_item
from wizard.flow.state import VerificationSummary


def apply_results(machine: WizardMachine, results: Sequence[CheckResult], *, profit_version: str | None = None) -> None:
    """Tick the earlier steps' checklists that verification proves done, so only what is missing remains."""
    state = machine.state
    for result in results:
        if result.status is Status.PASS:
            _tick_from_check(machine, result)
    found = found_missing_in(machine, results)
    for step, items in found.items():
        for item in items:
            state.set_tick(step, item, on=False)  # the check says it is not done, whatever was ticked
    state.found_missing = found
    state.found_blocked = found_missing_in(machine, results, blocked=True)
    state.found_why = reasons_in(machine, results)
    fix_steps = {r.fix_step for r in results if r.status is Status.FAIL and r.fix_step is not None}
    state.attention = [step for step in SETUP_ORDER if step in fix_steps]
    count = {status: sum(1 for r in results if r.status is status) for status in Status}
    state.verification = VerificationSummary(
        passed=count[Status.PASS],
        warnings=count[Status.WARN],
        failed=sum(1 for r in results if r.status is Status.FAIL and not r.impossible),
        skipped=count[Status.SKIP],
        info=count[Status.INFO],
        manual=count[Status.MANUAL],
        impossible=any(r.impossible for r in results),
        could_not_check=sum(1 for r in results if r.impossible),
        checked_at=dt.datetime.now(dt.UTC),
        failing=tuple(r.title for r in results if r.status is Status.FAIL and not r.impossible),
        profit_version=profit_version,
    )


def found_missing_in(
    machine: WizardMachine, results: Sequence[CheckResult], *, blocked: bool = False
) -> dict[StepId, list[str]]:
    """The checklist items failing checks prove missing, per step, in checklist order; `blocked`: instead those
    that are there but blocked in AFAS (a blocked definition was imported: it is never called missing)."""
    found: dict[StepId, set[str]] = {}
    for result in results:
        if result.status is not Status.FAIL or result.fix_step is None or result.impossible:
            continue
        if result.blocked is not blocked:
            continue
        item = item_of(machine, result)
        if item is not None and item in machine.items(result.fix_step):
            found.setdefault(result.fix_step, set()).add(item)
    return {
        step: [item for item in machine.items(step) if item in found[step]] for step in SETUP_ORDER if step in found
    }


def reasons_in(machine: WizardMachine, results: Sequence[CheckResult]) -> dict[StepId, list[Text]]:
    """Per fix step, the messages of failures no checklist item of that step names: why the step was opened."""
    found: dict[StepId, list[Text]] = {}
    missing = found_missing_in(machine, results)
    # Attachments fail when an UpdateConnector carrying them is not linked: that item is marked missing already.
    carriers = {f"{s.kind}:{s.id}" for s in machine.manifest.update_connectors if s.required_objects}
    for result in results:
        if result.status is not Status.FAIL or result.fix_step is None or result.impossible:
            continue
        if item_of(machine, result) in machine.items(result.fix_step):
            continue
        if result.id.kind is CheckKind.ATTACHMENTS and carriers & set(missing.get(result.fix_step, [])):
            continue  # said once: by the marked item
        why = Text(en="The check found: ", nl="De controle vond: ") + result.message
        if result.remedy is not None:
            why += Text(en=" What to do: ", nl=" Wat te doen: ") + result.remedy
        found.setdefault(result.fix_step, []).append(why)
    return found


def note_refusal(machine: WizardMachine, step: StepId, why: Text, remedy: Text | None = None) -> None:
    """AFAS refused login details on storing because of `step` (the app connector's Authenticatietype): that step's
    page says why, and what to do there, when the user is sent there, as after a check."""
    text = (
        Text(
            en="AFAS refused the login details when they were stored. ",
            nl="Bij het bewaren weigerde AFAS de inloggegevens. ",
        )
        + why
    )
    if remedy is not None:
        text += Text(en=" What to do: ", nl=" Wat te doen: ") + remedy
    machine.state.found_why[step] = [text]


def forget_refusal(machine: WizardMachine, step: StepId) -> None:
    """AFAS accepted the login details: what it refused earlier about `step` is stale."""
    machine.state.found_why.pop(step, None)


def item_of(machine: WizardMachine, result: CheckResult) -> str | None:
    """The checklist item a check is about on its fix step, if any."""
    kind, name = result.id.kind, result.id.connector
    if kind is CheckKind.AUTH:
        # A refused login's first cause is a blocked app connector, unless the check names the Authenticatietype:
        # then no box is marked and the fix page says the check's own words (found_why).
        return None if result.auth_type else "unblocked"
    if name is None:
        return None
    try:
        spec = machine.manifest.connector(name)
    except KeyError:
        return None
    if result.fix_step is StepId.IMPORT:
        gcn = machine.manifest.gcn_for(spec.id)
        return gcn_item(gcn.file) if gcn is not None else None
    return f"{spec.kind}:{spec.id}"


def _tick_from_check(machine: WizardMachine, result: CheckResult) -> None:
    state = machine.state
    kind, name = result.id.kind, result.id.connector
    if kind in (CheckKind.GET, CheckKind.UPDATE, CheckKind.SPECIAL) and name:
        try:
            spec = machine.manifest.connector(name)
        except KeyError:
            return
        item = f"{spec.kind}:{spec.id}"
        if item in machine.items(StepId.LINK_CONNECTORS):
            state.set_tick(StepId.LINK_CONNECTORS, item)
        gcn = machine.manifest.gcn_for(spec.id)
        if gcn is not None:
            # A SmartBooqing connector the app connector can read was imported first.
            state.set_tick(StepId.IMPORT, gcn_item(gcn.file))
    elif kind is CheckKind.AUTH:
        # AFAS accepts a token (or issues an OAuth access token) only through an existing, unblocked app
        # connector of the matching Authenticatietype.
        for item in machine.items(StepId.APP_CONNECTOR):
            state.set_tick(StepId.APP_CONNECTOR, item)
    # The dossier item type's destinations cannot be read remotely (the attachments check says so): the
    # Dossier checklist stays the user's to tick.
