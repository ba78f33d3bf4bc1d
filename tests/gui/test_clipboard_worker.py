"""The secret clipboard and the worker thread, each on its own."""

from __future__ import annotations

import asyncio
import threading

import pytest
from PySide6.QtCore import QThread
from PySide6.QtGui import QGuiApplication

from tests.conftest import FAKE_XML
from wizard.ui.clipboard import SecretClipboard, secret_mime
from wizard.ui.worker import AsyncWorker

pytestmark = pytest.mark.gui


def test_secret_copy_carries_every_platform_hint() -> None:
    data = secret_mime(FAKE_XML)
    assert data.text() == FAKE_XML
    assert bytes(data.data("x-kde-passwordManagerHint").data()) == b"secret"
    win = 'application/x-qt-windows-mime;value="{}"'
    assert data.hasFormat(win.format("ExcludeClipboardContentFromMonitorProcessing"))
    assert bytes(data.data(win.format("CanIncludeInClipboardHistory")).data()) == b"\x00\x00\x00\x00"
    assert data.hasFormat("application/x-nspasteboard-concealed-type")


def test_clipboard_is_cleared_when_it_still_holds_the_secret(qtbot) -> None:
    clip = SecretClipboard(clear_after_ms=50)
    clip.copy(FAKE_XML)
    assert QGuiApplication.clipboard().text() == FAKE_XML
    qtbot.waitUntil(lambda: not clip.pending, timeout=5000)
    assert QGuiApplication.clipboard().text() == ""


def test_clipboard_is_left_alone_when_the_user_copied_something_else(qtbot) -> None:
    clip = SecretClipboard(clear_after_ms=50)
    clip.copy(FAKE_XML)
    QGuiApplication.clipboard().setText("invoice 2026-001")
    qtbot.waitUntil(lambda: not clip.pending, timeout=5000)
    assert QGuiApplication.clipboard().text() == "invoice 2026-001"


def test_clipboard_object_keeps_only_a_hash(qtbot) -> None:
    clip = SecretClipboard()
    clip.copy(FAKE_XML)
    assert FAKE_XML not in repr(vars(clip))
    assert clip.clear_if_unchanged()


def test_worker_runs_off_the_gui_thread_and_answers_on_it(qtbot) -> None:
    worker = AsyncWorker()
    gui_thread = QThread.currentThread()
    seen: dict[str, object] = {}

    async def job(progress):
        seen["worker_thread"] = threading.current_thread().name
        progress("half")
        await asyncio.sleep(0)
        return 42

    def done(result: object) -> None:
        seen["result"] = result
        seen["done_on_gui"] = QThread.currentThread() is gui_thread

    def progressed(value: object) -> None:
        seen["progress_on_gui"] = QThread.currentThread() is gui_thread

    try:
        with qtbot.waitSignal(worker.busy_changed, timeout=5000, check_params_cb=lambda busy: not busy):
            worker.run_async(job, done, lambda e: seen.update(error=e), on_progress=progressed)
        assert seen["result"] == 42
        assert seen["done_on_gui"] is True and seen["progress_on_gui"] is True
        assert seen["worker_thread"] != threading.main_thread().name
    finally:
        worker.shutdown()


def test_worker_delivers_errors_instead_of_raising(qtbot) -> None:
    worker = AsyncWorker()
    errors: list[BaseException] = []

    def boom() -> None:
        raise OSError("disk full")

    try:
        with qtbot.waitSignal(worker.busy_changed, timeout=5000, check_params_cb=lambda busy: not busy):
            worker.run_blocking(boom, lambda _r: None, errors.append)
        assert len(errors) == 1 and isinstance(errors[0], OSError)
    finally:
        worker.shutdown()
