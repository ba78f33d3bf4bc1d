"""Saving and resuming progress, driven through ProgressController with fake pages and a real store on disk: edits
are written once the user pauses, one write at a time with the newest last, and a saved organisation resumes
where it stopped. The debounce is a QTimer, so these tests need Qt's core application (no window)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from tests.controllers.fakes import Rig, rig
from wizard.domain.environment import parse_environment
from wizard.domain.steps import StepId
from wizard.domain.text import Lang, Text
from wizard.flow.state import WizardState
from wizard.stores.progress import OrganisationProgress, ProgressStore, ProgressStoreError
from wizard.ui.controllers.progress import ProgressController
from wizard.ui.widgets import Level

ENV = parse_environment("O12345AA")
DISK_FULL = Text(en="The disk is full.", nl="De schijf is vol.")


class CountingStore(ProgressStore):
    def __init__(self, folder: Path) -> None:
        super().__init__(folder)
        self.written: list[str] = []

    def save(self, progress: OrganisationProgress) -> OrganisationProgress:
        self.written.append(progress.organisation)
        return super().save(progress)


@pytest.fixture
def store(tmp_path: Path, qapp: QApplication) -> CountingStore:
    return CountingStore(tmp_path / "progress")


def _rig(store: ProgressStore, state: WizardState | None = None) -> tuple[Rig, ProgressController, list[int]]:
    r = rig(state or WizardState(organisation="Bakkerij", environment=ENV), progress=store)
    resumed: list[int] = []
    return r, ProgressController(r.ctx, lambda: resumed.append(1)), resumed


def test_an_edit_is_written_after_the_pause_not_at_once(store: CountingStore) -> None:
    _r, controller, _resumed = _rig(store)
    controller.request()
    controller.request()
    assert store.written == [] and not controller.idle and controller.unsaved()
    controller.flush()  # the pause is over (or the step changed)
    assert store.written == ["Bakkerij"] and controller.idle


def test_one_write_at_a_time_and_the_newest_lands_last(store: CountingStore) -> None:
    r, controller, _resumed = _rig(store)
    r.runner.hold()  # the first write is still in flight
    controller.flush()
    r.state.organisation = "Bakkerij De"
    controller.flush()
    r.state.organisation = "Bakkerij De Vries"
    controller.flush()
    r.runner.release()
    r.runner.release()  # the queued write starts when the first one is done
    assert store.written == ["Bakkerij", "Bakkerij De Vries"]
    saved = store.load(ENV.key)
    assert saved is not None and saved.organisation == "Bakkerij De Vries"


def test_closing_writes_what_changed_since_the_last_write(store: CountingStore) -> None:
    r, controller, _resumed = _rig(store)
    controller.flush()
    r.state.organisation = "Bakkerij De Vries"
    controller.request()
    controller.close(unsaved=controller.unsaved())
    assert store.written == ["Bakkerij", "Bakkerij De Vries"]
    controller.request()
    controller.flush()  # after closing nothing more is written
    assert len(store.written) == 2


def test_the_welcome_page_lists_saved_organisations_and_one_resumes_where_it_stopped(store: CountingStore) -> None:
    earlier, writer, _ = _rig(
        store, WizardState(organisation="Bakkerij De Vries", environment=ENV, exported=True, export_folder="/x")
    )
    earlier.ctx.machine.tick_all(StepId.IMPORT)
    writer.flush()

    r, controller, resumed = _rig(store, WizardState(lang=Lang.NL, demo=False))
    controller.list_saved()
    assert r.page(StepId.WELCOME).told("set_saved") == [([(ENV.key, f"Bakkerij De Vries ({ENV.key})")],)]
    controller.resume(ENV.key)
    assert resumed == [1]
    assert r.state.organisation == "Bakkerij De Vries" and r.state.lang is Lang.NL  # the session keeps its language
    assert r.ctx.machine.current is StepId.APP_CONNECTOR  # the first step not done


def test_progress_that_cannot_be_read_is_said_on_the_welcome_page(store: CountingStore) -> None:
    class Unreadable(CountingStore):
        def load(self, env_key: str) -> OrganisationProgress | None:
            raise ProgressStoreError(DISK_FULL)

    r, controller, resumed = _rig(Unreadable(store.folder))
    controller.resume(ENV.key)
    assert r.page(StepId.WELCOME).messages(Level.ERROR) == [DISK_FULL.en] and resumed == []
