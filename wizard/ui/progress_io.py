"""Between the wizard's state and the per-organisation progress store (everything but the token)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from wizard.flow.state import WizardState

if TYPE_CHECKING:
    from wizard.stores.progress import ProgressStore


def save_progress(store: ProgressStore, state: WizardState) -> None:
    from wizard.stores.progress import OrganisationProgress

    env = state.environment
    if env is None:
        return
    store.save(OrganisationProgress.from_wizard(env.key, state.persisted()))


def load_progress(store: ProgressStore, env_key: str) -> WizardState | None:
    progress = store.load(env_key)
    if progress is None:
        return None
    data: dict[str, Any] = progress.wizard_data()
    return WizardState.from_persisted(data)


def progress_list(store: ProgressStore) -> list[tuple[str, str]]:
    """(env_key, label) of every saved organisation, for the welcome page's "continue" list."""
    items = []
    for progress in store.list():
        label = f"{progress.organisation or progress.env_key} ({progress.env_key})"
        items.append((progress.env_key, label))
    return items
