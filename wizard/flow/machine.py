"""The wizard's navigation as a pure-Python machine: step order, branching, completeness, Back history, jumps.

It alone owns where the wizard is: the window shows `current` and asks this machine for every move (Next, Back, a
jump, resuming); nothing here knows about widgets, so the whole flow is tested without a display.

The window is drawn from this machine before pydantic loads (the coarse start-up deferral, see wizard.app): the
manifest may be handed over as a loader that runs on first use. What a verification run ticks and flags is
wizard.flow.feedback's.
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from wizard.domain.steps import StepId
from wizard.flow.state import AuthKind, Mode, Policy, WizardState, fields_with

if TYPE_CHECKING:  # a pydantic model: the manifest loads after the first paint (see `manifest`)
    from wizard.domain.manifest import Manifest

SETUP_ORDER: tuple[StepId, ...] = (
    StepId.WELCOME,
    StepId.ENVIRONMENT,
    StepId.CONNECTOR_FILES,
    StepId.IMPORT,
    StepId.APP_CONNECTOR,
    # The login details right after the app connector exists, not after linking as the PDF guide has it: AFAS makes
    # the token or the OAuth client as soon as the app connector is saved (and shows the secret only then), and a
    # stored credential lets the link step read /metainfo and tick the links itself.
    StepId.TOKEN,
    StepId.LINK_CONNECTORS,
    StepId.DOSSIER,
    StepId.VERIFY,
    StepId.DONE,
)
CHECK_ORDER: tuple[StepId, ...] = (StepId.WELCOME, StepId.ENVIRONMENT, StepId.TOKEN, StepId.VERIFY, StepId.DONE)
# "Check an existing connection" that found a classic token and chose "move to OAuth" (the Done page offers it).
MIGRATE_ORDER: tuple[StepId, ...] = (*CHECK_ORDER[:-1], StepId.MIGRATE, StepId.DONE)
# "Client secret vernieuwen": the environment, the secret in use now (from the keyring, or pasted), the stages.
RENEW_ORDER: tuple[StepId, ...] = (StepId.WELCOME, StepId.ENVIRONMENT, StepId.TOKEN, StepId.RENEW, StepId.DONE)
# Every step once, for page ids and the step list.
ALL_STEPS: tuple[StepId, ...] = (*SETUP_ORDER[:-1], StepId.MIGRATE, StepId.RENEW, StepId.DONE)

SURVIVING = fields_with(Policy.SURVIVES_BACK)

# Checklist item ids of the steps whose completeness is "every item ticked".
APP_CONNECTOR_ITEMS = ("created", "unblocked")
# With OAuth the "Nieuw" dialog's Authenticatietype is one more thing to get right (afas-oauth.md §1.1).
APP_CONNECTOR_OAUTH_ITEMS = ("created", "auth-type", "unblocked")
DOSSIER_ITEMS = ("purchase", "sales")


def gcn_item(file_name: str) -> str:
    return f"gcn:{file_name}"


class WizardMachine:
    def __init__(self, manifest: Manifest | Callable[[], Manifest], state: WizardState | None = None) -> None:
        """`manifest`: the manifest, or what loads it when it is first needed (a checklist, a check's item)."""
        self._manifest = manifest
        self.state = state or WizardState()
        self.current: StepId = StepId.WELCOME
        self._history: list[tuple[StepId, WizardState]] = []

    @property
    def manifest(self) -> Manifest:
        if callable(self._manifest):
            self._manifest = self._manifest()
        return self._manifest

    # -- order and completeness ------------------------------------------------------------------------------
    @property
    def order(self) -> tuple[StepId, ...]:
        if self.state.mode is Mode.RENEW:
            return RENEW_ORDER
        if self.state.mode is Mode.CHECK_EXISTING:
            return MIGRATE_ORDER if self.state.migration is not None else CHECK_ORDER
        return SETUP_ORDER

    def items(self, step: StepId) -> tuple[str, ...]:
        """The checklist of a step: what the user must tick (or verification must prove) before moving on."""
        m = self.manifest
        if step is StepId.IMPORT:
            return tuple(gcn_item(g.file) for g in m.gcn_files)
        if step is StepId.APP_CONNECTOR:
            return APP_CONNECTOR_OAUTH_ITEMS if self.state.auth is AuthKind.OAUTH else APP_CONNECTOR_ITEMS
        if step is StepId.LINK_CONNECTORS:
            return tuple(f"{c.kind}:{c.id}" for c in m.connectors)
        if step is StepId.DOSSIER:
            return DOSSIER_ITEMS
        return ()

    def missing(self, step: StepId) -> list[str]:
        ticked = self.state.ticked(step)
        return [item for item in self.items(step) if item not in ticked]

    def is_complete(self, step: StepId) -> bool:
        s = self.state
        if step is StepId.WELCOME:
            return True
        if step is StepId.ENVIRONMENT:
            return s.environment is not None and bool(s.organisation.strip())
        if step is StepId.CONNECTOR_FILES:
            return s.exported and s.export_folder is not None
        if step is StepId.TOKEN:
            return s.token_storage is not None
        if step is StepId.VERIFY:
            return s.verification is not None and s.verification.ok
        if step is StepId.MIGRATE:
            return s.migration is not None and s.migration.complete
        if step is StepId.RENEW:
            return s.renewal is not None and s.renewal.complete
        if step is StepId.DONE:
            return True
        if step is StepId.APP_CONNECTOR:
            # Only "it exists" is the user's word: its Authenticatietype and Geblokkeerd are proven by the very next
            # step (storing the credential asks AFAS, which ticks them) and by the final check, not by a hand tick.
            return APP_CONNECTOR_ITEMS[0] in s.ticked(step) and not s.found_missing.get(step)
        return not self.missing(step)

    def may_leave(self, step: StepId) -> bool:
        """Whether Next is allowed: completeness, except that a finished check that failed still leads on, to the
        Done page's "report for the helpdesk" instead of a dead end (issue 11 item 6)."""
        if step is StepId.VERIFY:
            return self.state.verification is not None
        return self.is_complete(step)

    def is_last(self, step: StepId) -> bool:
        return step is self.order[-1]

    def next_step(self, step: StepId | None = None) -> StepId | None:
        """Where Next leads from `step` (default: the current one); None on the last page."""
        here = self.current if step is None else step
        order = self.order
        if here not in order:
            # Reached by a jump from the other mode's path: continue in the full order.
            order = SETUP_ORDER
        index = order.index(here)
        return order[index + 1] if index + 1 < len(order) else None

    def first_incomplete(self) -> StepId:
        """Where a resumed session should continue: the first step not yet complete."""
        for step in self.order:
            if not self.is_complete(step):
                return step
        return self.order[-1]

    # -- moving: the only place the current step and the Back history change ---------------------------------
    def advance(self) -> StepId:
        """Next: go to the next step; the state as it was is pushed so Back can restore it."""
        target = self.next_step()
        if target is None:
            raise ValueError(f"{self.current} is the last step")
        return self._move_to(target)

    def _move_to(self, step: StepId) -> StepId:
        self._history.append((self.current, copy.deepcopy(self.state)))
        self.current = step
        return step

    def can_go_back(self) -> bool:
        return bool(self._history)

    def back(self) -> StepId:
        """Return to the previous step with the state as it was there, except the fields whose policy is to survive
        Back (wizard.flow.state): what the user did in AFAS, what was stored, what the check found."""
        if not self._history:
            raise ValueError("no earlier step")
        step, snapshot = self._history.pop()
        for name in SURVIVING:
            setattr(snapshot, name, getattr(self.state, name))
        self.state = snapshot
        self.current = step
        return step

    @property
    def history(self) -> tuple[StepId, ...]:
        return tuple(step for step, _ in self._history)

    def go_to(self, step: StepId) -> StepId:
        """Jump to `step` (a fix button, the step list, "Go to the check"): back through the history if visited,
        else forward to it, pushing the current step so Back returns here."""
        if step is self.current:
            return step
        if step in self.history:
            while self.current is not step:
                self.back()
            return step
        # A remedy outside the short "check existing" path is a detour: that path keeps its own steps and numbers.
        return self._move_to(step)

    def resume(self, state: WizardState) -> StepId:
        """Continue a saved organisation: start over with `state` and walk forward to its first incomplete step
        (everything done: the check, to check again), building a history so Back works after resuming."""
        self.state = state
        self.current = StepId.WELCOME
        self._history = []
        target = self.first_incomplete()
        if target is StepId.DONE:
            target = StepId.VERIFY
        while self.current is not target and self.next_step() is not None:
            self.advance()
        return self.current

    def tick_all(self, step: StepId, items: Iterable[str] | None = None) -> None:
        for item in self.items(step) if items is None else items:
            self.state.set_tick(step, item)
