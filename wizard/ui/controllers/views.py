"""What a controller may call on a page: small protocols, so no controller needs to know a page class."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol, runtime_checkable

from wizard.domain.checks import CheckResult
from wizard.domain.steps import StepId
from wizard.domain.text import Text
from wizard.flow import renewal
from wizard.flow.migration import Stage
from wizard.ui.widgets import Level

if TYPE_CHECKING:  # the verification stack (httpx) loads when the check first runs
    from wizard.verify.report import Report


@runtime_checkable
class PageView(Protocol):
    """Every page: a busy state and a message line."""

    def set_busy(self, busy: bool, text: str = "") -> None: ...

    def show_message(self, level: Level, text: str) -> None: ...


@runtime_checkable
class SavedOrganisationsView(Protocol):
    """The welcome page's "continue where you left off" list."""

    def set_saved(self, saved: list[tuple[str, str]]) -> None: ...


@runtime_checkable
class TokenView(PageView, Protocol):
    def fill_token(self, text: str) -> None: ...

    def fill_client(self, client_id: str, secret: str, expires: dt.date | None) -> None: ...

    def token_stored(self) -> None: ...

    def offer_session_only(self, reason: str) -> None: ...

    def show_probe(self, level: Level, text: str, fix: StepId | None = None) -> None: ...


@runtime_checkable
class VerificationView(PageView, Protocol):
    def begin(self, planned: list[tuple[str, Text]]) -> None: ...

    def add_result(self, result: CheckResult) -> None: ...

    def finish(self, report: Report) -> None: ...

    def failed(self, message: str) -> None: ...

    def no_credential(self) -> None: ...


@runtime_checkable
class CopyTokenView(PageView, Protocol):
    """The Done page: the hand-over to the portal, or the report for the helpdesk."""

    def copied(self, secret: bool = True) -> None: ...

    def report_copied(self) -> None: ...


@runtime_checkable
class MigrationView(PageView, Protocol):
    def fill_client(self, client_id: str, secret: str, expires: dt.date | None) -> None: ...

    def stage_result(self, stage: Stage, level: Level, text: str) -> None: ...

    def copied(self, secret: bool = True) -> None: ...


@runtime_checkable
class RenewalView(PageView, Protocol):
    def fill_secret(self, secret: str, expires: dt.date | None) -> None: ...

    def stage_result(self, stage: renewal.Stage, level: Level, text: str) -> None: ...

    def copied(self, secret: bool = True) -> None: ...


@runtime_checkable
class ReminderView(PageView, Protocol):
    """A page that offers "Herinnering in mijn agenda" (the Done page, the renewal's last stage)."""

    def reminder_saved(self, path: str) -> None: ...


@dataclass(frozen=True)
class Views:
    """The pages as the controllers see them. `steps` builds a page when it is first asked for, so a controller
    looks its view up when it needs it (never keeps it from its constructor)."""

    steps: Mapping[StepId, PageView]

    def of(self, step: StepId) -> PageView:
        return self.steps[step]

    @property
    def saved(self) -> SavedOrganisationsView:
        page = self.steps[StepId.WELCOME]
        if not isinstance(page, SavedOrganisationsView):
            raise TypeError(f"{type(page).__name__} is not a SavedOrganisationsView")
        return page

    @property
    def token(self) -> TokenView:
        page = self.steps[StepId.TOKEN]
        if not isinstance(page, TokenView):
            raise TypeError(f"{type(page).__name__} is not a TokenView")
        return page

    @property
    def verification(self) -> VerificationView:
        page = self.steps[StepId.VERIFY]
        if not isinstance(page, VerificationView):
            raise TypeError(f"{type(page).__name__} is not a VerificationView")
        return page

    @property
    def copy_token(self) -> CopyTokenView:
        page = self.steps[StepId.DONE]
        if not isinstance(page, CopyTokenView):
            raise TypeError(f"{type(page).__name__} is not a CopyTokenView")
        return page

    @property
    def renewal(self) -> RenewalView:
        page = self.steps[StepId.RENEW]
        if not isinstance(page, RenewalView):
            raise TypeError(f"{type(page).__name__} is not a RenewalView")
        return page

    def reminder(self, step: StepId) -> ReminderView:
        page = self.steps[step]
        if not isinstance(page, ReminderView):
            raise TypeError(f"{type(page).__name__} is not a ReminderView")
        return page

    @property
    def migration(self) -> MigrationView:
        page = self.steps[StepId.MIGRATE]
        if not isinstance(page, MigrationView):
            raise TypeError(f"{type(page).__name__} is not a MigrationView")
        return page
