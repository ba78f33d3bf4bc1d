"""Plain-Python stand-ins for what a controller talks to: pages (the protocols of wizard.ui.controllers.views) that
write down what they were told to show, and a runner that does each job at once (no thread, no window)."""

from __future__ import annotations

import asyncio
import datetime as dt
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from wizard.data import load_manifest
from wizard.domain.checks import CheckResult
from wizard.domain.steps import StepId
from wizard.domain.text import Text
from wizard.flow.link_watch import LinkReading
from wizard.flow.machine import WizardMachine
from wizard.flow.state import WizardState
from wizard.stores.secrets import SessionSecretStore
from wizard.ui.controllers.context import Context
from wizard.ui.controllers.views import Views
from wizard.ui.services import Services
from wizard.ui.widgets import Level
from wizard.ui.worker import Progress

MANIFEST = load_manifest()


class MemoryKeyring(SessionSecretStore):
    """The OS keyring as the controllers see it: persistent, named; kept in memory here."""

    persistent = True
    location = Text(en="in the keyring (test)", nl="in de sleutelbos (test)")


class Runner:
    """Runs each job as soon as it is handed over; `hold()` keeps them until `release()` (an answer that comes
    later, e.g. after the user changed something)."""

    def __init__(self) -> None:
        self.held: list[Callable[[], None]] | None = None

    def hold(self) -> None:
        self.held = []

    def release(self) -> None:
        jobs, self.held = self.held or [], None
        for job in jobs:
            job()

    def run_async(
        self,
        make: Callable[[Progress], Awaitable[Any]],
        on_done: Callable[[Any], None],
        on_error: Callable[[BaseException], None],
        on_progress: Callable[[Any], None] | None = None,
    ) -> int:
        def progress(value: object) -> None:
            if on_progress is not None:
                on_progress(value)

        async def run() -> Any:
            return await make(progress)

        return self.run_blocking(lambda: asyncio.run(run()), on_done, on_error)

    def run_blocking(
        self, func: Callable[[], Any], on_done: Callable[[Any], None], on_error: Callable[[BaseException], None]
    ) -> int:
        def job() -> None:
            try:
                result = func()
            except Exception as exc:
                on_error(exc)
            else:
                on_done(result)

        self._start(job)
        return 0

    def _start(self, job: Callable[[], None]) -> None:
        if self.held is not None:
            self.held.append(job)
        else:
            job()


@dataclass
class Page:
    """Every page protocol at once; `calls` is what the page was told, in order."""

    calls: list[tuple[str, tuple[Any, ...]]] = field(default_factory=list)
    busy: bool = False

    def _told(self, name: str, *args: Any) -> None:
        self.calls.append((name, args))

    def told(self, name: str) -> list[tuple[Any, ...]]:
        return [args for n, args in self.calls if n == name]

    def messages(self, level: Level | None = None) -> list[str]:
        """The message lines shown (show_message and show_probe), optionally of one level."""
        shown = [(a[0], a[1]) for n, a in self.calls if n in ("show_message", "show_probe") and a[1]]
        return [text for lvl, text in shown if level is None or lvl is level]

    def text(self) -> str:
        """Everything handed to the page as text, for a secret that must never be there."""
        return "\n".join(repr(args) for _name, args in self.calls)

    # PageView
    def set_busy(self, busy: bool, text: str = "") -> None:
        self.busy = busy
        self._told("set_busy", busy, text)

    def show_message(self, level: Level, text: str) -> None:
        self._told("show_message", level, text)

    # SavedOrganisationsView
    def set_saved(self, saved: list[tuple[str, str]]) -> None:
        self._told("set_saved", saved)

    # TokenView
    def fill_token(self, text: str) -> None:
        self._told("fill_token", text)

    def fill_client(self, client_id: str, secret: str, expires: dt.date | None) -> None:
        self._told("fill_client", client_id, secret, expires)

    def token_stored(self) -> None:
        self._told("token_stored")

    def offer_session_only(self, reason: str) -> None:
        self._told("offer_session_only", reason)

    def show_probe(self, level: Level, text: str, fix: StepId | None = None) -> None:
        self._told("show_probe", level, text, fix)

    # VerificationView
    def begin(self, planned: list[tuple[str, Text]]) -> None:
        self._told("begin", planned)

    def add_result(self, result: CheckResult) -> None:
        self._told("add_result", result)

    def finish(self, report: Any) -> None:
        self._told("finish", report)

    def failed(self, message: str) -> None:
        self._told("failed", message)

    def no_credential(self) -> None:
        self._told("no_credential")

    # CopyTokenView, MigrationView, RenewalView, ReminderView
    def copied(self, secret: bool = True) -> None:
        self._told("copied", secret)

    def report_copied(self) -> None:
        self._told("report_copied")

    def stage_result(self, stage: Any, level: Level, text: str) -> None:
        self._told("stage_result", stage, level, text)

    def fill_secret(self, secret: str, expires: dt.date | None) -> None:
        self._told("fill_secret", secret, expires)

    def reminder_saved(self, path: str) -> None:
        self._told("reminder_saved", path)

    # the link step's live line
    def show_live(self, reading: LinkReading | None, problem: str, paused: bool) -> None:
        self._told("show_live", reading, problem, paused)


async def not_verified(*_args: Any, **_kwargs: Any) -> Any:
    raise AssertionError("this test does not verify")


async def not_probed(*_args: Any, **_kwargs: Any) -> Any:
    raise AssertionError("this test does not ask AFAS")


@dataclass
class Rig:
    """A controller's world: the machine, the pages (one fake per step), the runner, and how often it saved."""

    ctx: Context
    pages: dict[StepId, Page]
    runner: Runner
    saves: list[int]

    def page(self, step: StepId) -> Page:
        return self.pages[step]

    @property
    def state(self) -> WizardState:
        return self.ctx.state


def rig(state: WizardState | None = None, tmp_path: Path | None = None, **services: Any) -> Rig:
    pages = {step: Page() for step in StepId}
    runner = Runner()
    saves: list[int] = []
    kwargs: dict[str, Any] = {
        "manifest": MANIFEST,
        "secret_store": MemoryKeyring(),
        "session_store": SessionSecretStore(),
        "default_export_folder": (tmp_path or Path("/nonexistent")) / "connectors",
        "verify": not_verified,
        "planned": lambda _m: [],
        "probe": not_probed,
    }
    kwargs.update(services)
    machine = WizardMachine(MANIFEST, state or WizardState())
    ctx = Context(machine, Services(**kwargs), Views(steps=pages), runner, lambda: saves.append(1))
    return Rig(ctx, pages, runner, saves)
