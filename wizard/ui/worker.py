"""Off-GUI-thread work: an asyncio event loop in a QThread; results come back to the GUI thread as Qt signals.

QtAsyncio cannot open sockets (platform-trials.md §7), and a `processEvents()` busy loop freezes input; a private
loop in a worker thread keeps the window responsive. Blocking calls (keyring, the simulator's sync admin client,
file export) run in the loop's default executor, so one slow keyring never blocks verification either.
"""

from __future__ import annotations

import asyncio
import logging
import threading
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any, TypeVar

from PySide6.QtCore import QCoreApplication, QObject, QThread, Signal, Slot

log = logging.getLogger(__name__)

Progress = Callable[[object], None]
T = TypeVar("T")


@dataclass
class _Job:
    on_done: Callable[[Any], None]
    on_error: Callable[[BaseException], None]
    on_progress: Callable[[Any], None] | None


class _LoopThread(QThread):
    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("sbq-async-worker")
        self.loop: asyncio.AbstractEventLoop | None = None
        self.ready = threading.Event()

    def run(self) -> None:
        loop = asyncio.new_event_loop()
        asyncio.set_event_loop(loop)
        self.loop = loop
        self.ready.set()
        try:
            loop.run_forever()
        finally:
            pending = asyncio.all_tasks(loop)
            for task in pending:
                task.cancel()
            if pending:
                loop.run_until_complete(asyncio.gather(*pending, return_exceptions=True))
            loop.run_until_complete(loop.shutdown_default_executor())
            loop.close()


class AsyncWorker(QObject):
    """Run coroutines and blocking calls off the GUI thread; callbacks always run on the GUI thread."""

    _finished = Signal(int, object, object)  # job id, result, error
    _progressed = Signal(int, object)
    busy_changed = Signal(bool)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._thread = _LoopThread()
        self._jobs: dict[int, _Job] = {}
        self._next_id = 0
        # Emitted from the worker thread, delivered queued to this object's (the GUI) thread.
        self._finished.connect(self._on_finished)
        self._progressed.connect(self._on_progress)
        self._thread.start()
        self._thread.ready.wait(10)
        app = QCoreApplication.instance()
        if app is not None:
            # A QThread destroyed while running aborts the process: stop the loop before Qt tears down.
            app.aboutToQuit.connect(self.shutdown)

    @property
    def busy(self) -> bool:
        return bool(self._jobs)

    def run_async(
        self,
        make: Callable[[Progress], Awaitable[T]],
        on_done: Callable[[T], None],
        on_error: Callable[[BaseException], None],
        on_progress: Callable[[Any], None] | None = None,
    ) -> int:
        """Start `make(progress)` on the worker loop; `progress(x)` may be called from that loop at any time."""
        loop = self._thread.loop
        if loop is None or not self._thread.isRunning():
            raise RuntimeError("worker loop is not running")
        job_id = self._next_id
        self._next_id += 1
        was_busy = self.busy
        self._jobs[job_id] = _Job(on_done, on_error, on_progress)

        def progress(value: object) -> None:
            self._progressed.emit(job_id, value)

        async def wrapper() -> None:
            try:
                result = await make(progress)
            except Exception as exc:  # delivered to on_error in the GUI thread
                self._finished.emit(job_id, None, exc)
            else:
                self._finished.emit(job_id, result, None)

        asyncio.run_coroutine_threadsafe(wrapper(), loop)
        if not was_busy:
            self.busy_changed.emit(True)
        return job_id

    def run_blocking(
        self,
        func: Callable[[], T],
        on_done: Callable[[T], None],
        on_error: Callable[[BaseException], None],
    ) -> int:
        """Run a blocking call (keyring, simulator admin, file export) in the worker loop's thread pool."""

        async def make(_progress: Progress) -> T:
            return await asyncio.get_running_loop().run_in_executor(None, func)

        return self.run_async(make, on_done, on_error)

    @Slot(int, object, object)
    def _on_finished(self, job_id: int, result: object, error: object) -> None:
        job = self._jobs.pop(job_id, None)
        if job is None:
            return
        try:
            if isinstance(error, BaseException):
                job.on_error(error)
            else:
                job.on_done(result)
        finally:
            if not self._jobs:
                self.busy_changed.emit(False)

    @Slot(int, object)
    def _on_progress(self, job_id: int, value: object) -> None:
        job = self._jobs.get(job_id)
        if job is not None and job.on_progress is not None:
            job.on_progress(value)

    def shutdown(self) -> None:
        loop = self._thread.loop
        if loop is not None and self._thread.isRunning():
            loop.call_soon_threadsafe(loop.stop)
            self._thread.wait(15000)
        self._jobs.clear()
