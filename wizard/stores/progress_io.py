"""Between the wizard's state and the per-organisation progress store (everything but the token).

No Qt here: the GUI captures a snapshot on its own thread and writes it from the worker thread.
"""

from __future__ import annotations

from typing import Any

from wizard.flow.saved_state import restore, save
from wizard.flow.state import WizardState
from wizard.stores.progress import OrganisationProgress, ProgressStore

Snapshot = tuple[str, dict[str, Any]]  # (env_key, wizard.flow.saved_state.save(state))


def snapshot(state: WizardState) -> Snapshot | None:
    """What to save, taken at once so later edits on the GUI thread cannot change it mid-write."""
    env = state.environment
    if env is None:
        return None
    return env.key, save(state)


def save_snapshot(store: ProgressStore, taken: Snapshot) -> None:
    env_key, data = taken
    store.save(OrganisationProgress.from_wizard(env_key, data))


def save_progress(store: ProgressStore, state: WizardState) -> None:
    taken = snapshot(state)
    if taken is not None:
        save_snapshot(store, taken)


def load_progress(store: ProgressStore, env_key: str) -> WizardState | None:
    progress = store.load(env_key)
    if progress is None:
        return None
    data: dict[str, Any] = progress.wizard_data()
    return restore(data)


def progress_list(store: ProgressStore) -> list[tuple[str, str]]:
    """(env_key, label) of every saved organisation, for the welcome page's "continue" list."""
    items = []
    for progress in store.list():
        label = f"{progress.organisation or progress.env_key} ({progress.env_key})"
        items.append((progress.env_key, label))
    return items
