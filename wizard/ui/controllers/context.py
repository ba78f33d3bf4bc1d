"""What every controller shares: the machine, the outside world, the pages, the worker and the error wording."""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any, Protocol, TypeVar

from wizard.domain.errors import UserFacingError
from wizard.domain.text import Lang, Text
from wizard.flow.machine import WizardMachine
from wizard.flow.state import WizardState
from wizard.ui.controllers.views import PageView, Views
from wizard.ui.services import Services
from wizard.ui.widgets import Level
from wizard.ui.worker import Progress

log = logging.getLogger(__name__)
T = TypeVar("T")

NO_TOKEN = Text(
    en="No login details are stored for this environment. Go back to the step 'Login details' and store them.",
    nl="Voor deze omgeving zijn geen inloggegevens bewaard. Ga terug naar de stap 'Inloggegevens' en bewaar ze daar.",
)
UNEXPECTED = Text(
    en="Something unexpected went wrong. Try again; if it keeps happening, contact the SmartBooqing helpdesk.",
    nl="Er ging iets onverwachts mis. Probeer het opnieuw; blijft het gebeuren, neem dan contact op met de "
    "SmartBooqing-helpdesk.",
)


class Runner(Protocol):
    """Where a controller's slow work runs; callbacks come back on the GUI thread. The window's is
    wizard.ui.worker.AsyncWorker (a loop in a QThread); a controller test's runs each job at once."""

    def run_async(
        self,
        make: Callable[[Progress], Awaitable[T]],
        on_done: Callable[[T], None],
        on_error: Callable[[BaseException], None],
        on_progress: Callable[[Any], None] | None = None,
    ) -> int: ...

    def run_blocking(
        self, func: Callable[[], T], on_done: Callable[[T], None], on_error: Callable[[BaseException], None]
    ) -> int: ...


@dataclass
class Context:
    machine: WizardMachine
    services: Services
    views: Views
    worker: Runner
    changed: Callable[[], None]  # the state changed: save progress (debounced) and re-render

    @property
    def state(self) -> WizardState:
        return self.machine.state

    @property
    def lang(self) -> Lang:
        return self.machine.state.lang

    def message(self, exc: BaseException) -> str:
        """What the user reads for a failure: our own wording, or a neutral one (the error's kind goes to the log,
        never on screen: a class name means nothing to a bookkeeper)."""
        if isinstance(exc, UserFacingError):
            return exc.text(self.lang)
        log.warning("unexpected error: %s", type(exc).__name__, exc_info=exc)
        return UNEXPECTED.get(self.lang)

    def fail(self, view: PageView, exc: BaseException) -> None:
        view.set_busy(False)
        view.show_message(Level.ERROR, self.message(exc))
