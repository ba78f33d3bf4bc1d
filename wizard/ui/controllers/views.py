"""What a controller may call on a page: small protocols, so no controller needs to know a page class."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from wizard.domain.checks import CheckResult
from wizard.domain.steps import StepId
from wizard.domain.text import Text
from wizard.flow.migration import Stage
from wizard.ui.widgets import Level

if TYPE_CHECKING:  # the verification stack (httpx) loads when the check first runs
    from wizard.verify.report import Report


class PageView(Protocol):
    """Every page: a busy state and a message line."""

    def set_busy(self, busy: bool, text: str = "") -> None: ...

    def show_message(self, level: Level, text: str) -> None: ...


class SavedOrganisationsView(Protocol):
    """The welcome page's "continue where you left off" list."""

    def set_saved(self, saved: list[tuple[str, str]]) -> None: ...


class TokenView(PageView, Protocol):
    def fill_token(self, text: str) -> None: ...

    def fill_client(self, client_id: str, secret: str, expires: dt.date | None) -> None: ...

    def token_stored(self) -> None: ...

    def offer_session_only(self, reason: str) -> None: ...


class VerificationView(PageView, Protocol):
    def begin(self, planned: list[tuple[str, Text]]) -> None: ...

    def add_result(self, result: CheckResult) -> None: ...

    def finish(self, report: Report) -> None: ...

    def failed(self, message: str) -> None: ...


class CopyTokenView(PageView, Protocol):
    """The Done page: the hand-over to the portal, or the report for the helpdesk."""

    def copied(self, secret: bool = True) -> None: ...

    def report_copied(self) -> None: ...


class MigrationView(PageView, Protocol):
    def fill_client(self, client_id: str, secret: str, expires: dt.date | None) -> None: ...

    def stage_result(self, stage: Stage, level: Level, text: str) -> None: ...

    def copied(self, secret: bool = True) -> None: ...


@dataclass(frozen=True)
class Views:
    """The pages as the controllers see them; the window fills this in from its concrete pages."""

    steps: Mapping[StepId, PageView]
    saved: SavedOrganisationsView
    token: TokenView
    verification: VerificationView
    copy_token: CopyTokenView
    migration: MigrationView

    def of(self, step: StepId) -> PageView:
        return self.steps[step]
