"""Saving and resuming an organisation's progress, off the GUI thread and debounced.

Typing fires an edit per keystroke; writing (with fsync) on each one costs the GUI thread and the disk for
nothing. Edits restart a short timer; a step change or closing the window writes at once. At most one write is
in flight, so an older snapshot never lands after a newer one.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer

from wizard.domain.errors import UserFacingError
from wizard.domain.steps import StepId
from wizard.flow.state import WizardState
from wizard.stores.progress import ProgressStore
from wizard.stores.progress_io import Snapshot, load_progress, progress_list, save_snapshot, snapshot
from wizard.ui.controllers.context import Context

log = logging.getLogger(__name__)

DEBOUNCE_MS = 500


class ProgressController:
    def __init__(self, ctx: Context, resumed: Callable[[], None], parent: QObject | None = None) -> None:
        self.ctx = ctx
        self.store: ProgressStore | None = ctx.services.progress
        self._resumed = resumed
        self._timer = QTimer(parent)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self.flush)
        self._writing = False
        self._queued: Snapshot | None = None  # taken while a write was in flight: written right after it
        self._closed = False

    @property
    def idle(self) -> bool:
        """Nothing waits to be written (the debounce timer is off and no write is in flight)."""
        return not self._timer.isActive() and not self._writing and self._queued is None

    def list_saved(self) -> None:
        """Fill the welcome page's "continue" list without reading files on the GUI thread."""
        store = self.store
        if store is None:
            return

        def failed(exc: BaseException) -> None:
            log.warning("saved progress not listed: %s", type(exc).__name__)

        self.ctx.worker.run_blocking(lambda: progress_list(store), self.ctx.views.saved.set_saved, failed)

    def request(self) -> None:
        """An edit: write once the user pauses."""
        if self.store is not None and not self._closed and self.ctx.state.environment is not None:
            self._timer.start()  # restarts a running timer: the burst of keystrokes becomes one write

    def flush(self) -> None:
        """Write now (off the GUI thread): a step change, or the pause after an edit."""
        self._timer.stop()
        if self.store is None or self._closed:
            return
        taken = snapshot(self.ctx.state)
        if taken is None:
            return
        if self._writing:
            self._queued = taken
        else:
            self._write(taken)

    def _write(self, taken: Snapshot) -> None:
        store = self.store
        assert store is not None
        self._writing = True

        def done(_result: object) -> None:
            self._writing = False
            queued, self._queued = self._queued, None
            if queued is not None and not self._closed:
                self._write(queued)

        def failed(exc: BaseException) -> None:
            done(None)
            text = exc.message.en if isinstance(exc, UserFacingError) else type(exc).__name__
            log.warning("progress not saved: %s", text)

        self.ctx.worker.run_blocking(lambda: save_snapshot(store, taken), done, failed)

    def unsaved(self) -> bool:
        return self._timer.isActive() or self._queued is not None

    def close(self, unsaved: bool) -> None:
        """After the worker stopped (its last write finished): write what the user changed since, if anything.

        The worker's loop is gone by now, and the process may exit right after: this one write runs here.
        """
        self._timer.stop()
        self._closed = True
        self._queued = None
        if unsaved and self.store is not None:
            taken = snapshot(self.ctx.state)
            if taken is not None:
                try:
                    save_snapshot(self.store, taken)
                except UserFacingError as exc:
                    log.warning("progress not saved: %s", exc.message.en)

    def resume(self, env_key: str) -> None:
        store = self.store
        if store is None:
            return

        def done(state: WizardState | None) -> None:
            if state is None:
                return
            state.lang, state.demo = self.ctx.state.lang, self.ctx.state.demo
            self.ctx.machine.resume(state)
            self._resumed()

        welcome = self.ctx.views.of(StepId.WELCOME)
        self.ctx.worker.run_blocking(lambda: load_progress(store, env_key), done, lambda e: self.ctx.fail(welcome, e))
