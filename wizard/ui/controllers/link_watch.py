"""The QTimer adapter of the link step's live check (wizard.flow.link_watch decides when; wizard.verify.link_reader
makes the request): ticks what AFAS lists while the step is on screen, with a stored credential only."""

from __future__ import annotations

import time
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING, Protocol, runtime_checkable

from PySide6.QtCore import QObject, QTimer

from wizard.domain.credentials import Credential
from wizard.domain.environment import AfasEnvironment
from wizard.domain.manifest import Manifest
from wizard.domain.steps import StepId
from wizard.flow.link_watch import LinkReading, LinkWatch
from wizard.ui.controllers.context import Context
from wizard.ui.worker import Progress

if TYPE_CHECKING:
    from wizard.afas.errors import AfasProblem


@runtime_checkable
class LinkView(Protocol):
    def show_live(self, reading: LinkReading | None, problem: str, paused: bool) -> None: ...


class LinkReader(Protocol):
    """One AFAS connection that reads what the app connector lists (wizard.verify.link_reader.LinkReader)."""

    async def read(self) -> LinkReading | AfasProblem: ...

    async def close(self) -> None: ...


ReaderFactory = Callable[[AfasEnvironment, Credential, Manifest], LinkReader]


def afas_reader(env: AfasEnvironment, credential: Credential, manifest: Manifest) -> LinkReader:
    from wizard.verify.link_reader import LinkReader  # httpx and pydantic after the first paint

    return LinkReader(env, credential, manifest)


class LinkWatchController(QObject):
    def __init__(
        self,
        ctx: Context,
        loader: Callable[[], Callable[[], Awaitable[Credential]]],
        parent: QObject | None = None,
        reader: ReaderFactory = afas_reader,
        clock: Callable[[], float] = time.monotonic,
    ):
        super().__init__(parent)
        self.ctx = ctx
        self._make_reader = reader  # a test's scripted AFAS; else a real request per reading
        self._loader = loader  # the stored credential, loaded off the GUI thread (CredentialController.loader)
        self.watch = LinkWatch(clock)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self._tick)
        self._reader: LinkReader | None = None
        self._reader_key: object = None

    def _view(self) -> LinkView | None:
        page = self.ctx.views.steps.get(StepId.LINK_CONNECTORS)
        return page if isinstance(page, LinkView) else None

    def page_entered(self, step: StepId) -> None:
        """The dispatcher tells every step change: the watch runs only while the link step is on screen."""
        if step is StepId.LINK_CONNECTORS and self.ctx.state.token_storage is not None:
            self.watch.show()
            self._schedule()
        else:
            self.watch.hide()
            self.timer.stop()
            self._close_reader()  # no connection is kept open for a page not on screen

    def activity(self) -> None:
        """A tick by hand: the user is at work, so the idle time starts again."""
        if self.watch.visible:
            self.watch.activity()
            self._schedule()

    def _schedule(self) -> None:
        wait = self.watch.wait()
        if wait is None:
            self.timer.stop()
            view = self._view()
            if self.watch.stopped and view is not None:
                view.show_live(None, "", paused=True)
            return
        self.timer.start(int(wait * 1000))

    def _current_reader(self) -> LinkReader | None:
        """One reader (one AFAS client, one access token) per environment and stored credential."""
        s = self.ctx.state
        key = (s.environment, id(s.credential), s.token_storage)
        if self._reader is not None and key != self._reader_key:
            self._close_reader()
        return self._reader if key == self._reader_key else None

    def _close_reader(self) -> None:
        reader, self._reader = self._reader, None
        self._reader_key = None
        if reader is not None:
            self.ctx.worker.run_async(lambda _p: reader.close(), lambda _r: None, lambda _e: None)

    def _tick(self) -> None:
        s = self.ctx.state
        env = s.environment
        if env is None or s.token_storage is None or not self.watch.begin():
            self._schedule()
            return
        reader = self._current_reader()
        key = (s.environment, id(s.credential), s.token_storage)
        load = self._loader()

        async def read(_progress: Progress) -> tuple[LinkReader, LinkReading | AfasProblem]:
            nonlocal reader
            if reader is None:
                reader = self._make_reader(env, await load(), self.ctx.machine.manifest)
            return reader, await reader.read()

        def done(result: tuple[LinkReader, LinkReading | AfasProblem]) -> None:
            used, outcome = result
            self._reader, self._reader_key = used, key
            if not self.watch.visible:  # the page was left while AFAS answered: nothing to show, nothing kept
                self.watch.done(ok=True)
                self._close_reader()
                return
            self._apply(outcome)

        def failed(exc: BaseException) -> None:
            self.watch.done(ok=False)
            view = self._view()
            if view is not None:
                view.show_live(None, self.ctx.message(exc), paused=False)
            self._schedule()

        self.ctx.worker.run_async(read, done, failed)

    def _apply(self, outcome: LinkReading | AfasProblem) -> None:
        view = self._view()
        if not isinstance(outcome, LinkReading):
            self.watch.done(ok=False)
            if view is not None:
                view.show_live(None, outcome.message().get(self.ctx.lang), paused=False)
            self._schedule()
            return
        s = self.ctx.state
        new = outcome.seen - s.ticked(StepId.LINK_CONNECTORS)
        for item in new:  # ticks what AFAS lists; never unticks (the final check has the last word)
            s.set_tick(StepId.LINK_CONNECTORS, item)
        self.watch.done(ok=True, changed=bool(new))
        if new:
            self.ctx.changed()
        if view is not None:
            view.show_live(outcome, "", paused=False)
        self._schedule()

    def shutdown(self) -> None:
        self.timer.stop()
        self.watch.hide()
        self._close_reader()
