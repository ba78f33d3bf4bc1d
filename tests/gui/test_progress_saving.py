"""Progress is written after a pause in typing, off the GUI thread, and the last value is on disk after closing."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from tests.gui.conftest import WindowFactory
from wizard.domain.environment import parse_environment
from wizard.domain.steps import StepId
from wizard.flow.state import WizardState
from wizard.stores.progress import OrganisationProgress, ProgressStore
from wizard.ui.frame import WizardWindow
from wizard.ui.pages.environment import EnvironmentPage

pytestmark = pytest.mark.gui

TYPED = "Bakkerij De Vries B.V"  # 21 characters: one edit per keystroke


class CountingStore(ProgressStore):
    """A real store on disk that remembers which thread wrote each time."""

    def __init__(self, folder: Path) -> None:
        super().__init__(folder)
        self.writers: list[str] = []

    def save(self, progress: OrganisationProgress) -> OrganisationProgress:
        self.writers.append(threading.current_thread().name)
        return super().save(progress)


def _on_environment_page(
    make_window: WindowFactory, qtbot, store: CountingStore
) -> tuple[WizardWindow, EnvironmentPage]:
    state = WizardState(environment=parse_environment("O12345AA"))
    window = make_window(state=state, progress=store)
    window.next()
    page = window.pages[StepId.ENVIRONMENT]
    assert isinstance(page, EnvironmentPage) and window.current_step is StepId.ENVIRONMENT
    controller = window.controller
    qtbot.waitUntil(lambda: controller.progress.idle and not controller.worker.busy, timeout=15_000)
    store.writers.clear()  # the step change wrote once; count only what typing causes
    page.org_edit.clear()
    return window, page


def test_typing_a_name_writes_once_after_the_pause_and_not_on_the_gui_thread(
    make_window: WindowFactory, qtbot, tmp_path: Path
) -> None:
    store = CountingStore(tmp_path / "progress")
    window, page = _on_environment_page(make_window, qtbot, store)
    qtbot.keyClicks(page.org_edit, TYPED)
    assert window.machine.state.organisation == TYPED
    controller = window.controller
    qtbot.waitUntil(lambda: controller.progress.idle and not controller.worker.busy, timeout=15_000)
    assert 1 <= len(store.writers) <= 2, store.writers
    assert threading.main_thread().name not in store.writers
    saved = store.load("O12345")
    assert saved is not None and saved.organisation == TYPED


def test_closing_right_after_typing_keeps_the_last_value(make_window: WindowFactory, qtbot, tmp_path: Path) -> None:
    store = CountingStore(tmp_path / "progress")
    window, page = _on_environment_page(make_window, qtbot, store)
    qtbot.keyClicks(page.org_edit, TYPED)
    window.close()  # before the pause is over
    assert len(store.writers) <= 2, store.writers
    saved = ProgressStore(tmp_path / "progress").load("O12345")
    assert saved is not None and saved.organisation == TYPED
