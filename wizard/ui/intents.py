"""What a page asks for. Pages emit these; the controller carries them out (worker thread, stores, simulator).

Plain dataclasses: an intent lives for one dispatch, so nothing is gained by freezing it (a frozen dataclass costs
twice as much to define, and the first page imports all of them)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from wizard.domain.steps import StepId
from wizard.domain.text import Lang

if TYPE_CHECKING:  # annotations only: the pages send these before pydantic loads (after the first paint)
    from pydantic import SecretStr

    from wizard.flow import renewal
    from wizard.flow.migration import Stage


@dataclass
class StateEdited:
    """The page wrote user input into the state: save progress, re-check completeness."""


@dataclass
class ChangeLanguage:
    lang: Lang


@dataclass
class SimulateStep:
    """Demo: do this step in the simulated AFAS through its admin API."""

    step: StepId


@dataclass
class ExportConnectors:
    folder: str


@dataclass
class OpenFolder:
    folder: str


@dataclass
class StoreToken:
    text: SecretStr
    session_only: bool = False


@dataclass
class StoreOAuthClient:
    """The client id and client secret the user pasted, and the secret's expiry date AFAS shows (None: none shown).

    `for_migration`: keep it in memory as the new client of a move to OAuth; the keyring entry changes at the end."""

    client_id: str
    secret: SecretStr
    expires: dt.date | None
    session_only: bool = False
    for_migration: bool = False


@dataclass
class ForgetToken:
    """Delete the stored token of this environment (to paste a new one)."""


@dataclass
class ClearClipboard:
    pass


@dataclass
class RunVerification:
    pass


@dataclass
class SaveReport:
    path: str  # without extension: .html and .json are written next to each other


@dataclass
class GoToStep:
    step: StepId


@dataclass
class CopyTokenForPortal:
    """The secret part for the portal: the classic token, or the OAuth client secret (cleared after 60 s)."""


@dataclass
class CopyClientIdForPortal:
    """The OAuth client id (not a secret) for the portal."""


@dataclass
class CopyHelpdeskReport:
    """The last check's report as text on the clipboard, for a mail to the helpdesk."""


@dataclass
class SaveHelpdeskReport:
    path: str  # without extension: .html, .json and .txt are written next to each other


@dataclass
class StartMigration:
    """Check-existing found a classic token: move this connection to OAuth (the Done page offers it)."""


@dataclass
class ProveStage:
    """Run the live check that proves a stage of the move to OAuth (or record the user's confirmation)."""

    stage: Stage


@dataclass
class SimulateStage:
    """Demo: do a stage of the move to OAuth in the simulated AFAS."""

    stage: Stage


@dataclass
class StartRenewal:
    """ "Client secret vernieuwen" (the welcome page, the expiry warning, the fix of an expired or revoked secret)."""


@dataclass
class PasteNewSecret:
    """The renewal's new client secret and its expiry as AFAS shows it (None: AFAS shows no date)."""

    secret: SecretStr
    expires: dt.date | None


@dataclass
class ProveRenewal:
    """Run the live check that proves a stage of the renewal (or record the user's confirmation)."""

    stage: renewal.Stage


@dataclass
class SimulateRenewal:
    """Demo: do a stage of the renewal (new secret, revoke the old one) in the simulated AFAS."""

    stage: renewal.Stage


@dataclass
class CopyNewSecret:
    """The renewal's new secret for the SmartBooqing portal, as a secret (cleared after 60 s)."""


@dataclass
class SaveReminder:
    """Write the calendar reminder (.ics) of the next deadline: the secret's expiry or the classic token's end."""

    path: str
    step: StepId  # the page that offered it (the Done page, the renewal): where the result is shown


@dataclass
class ResumeOrganisation:
    env_key: str


Intent = (
    StateEdited
    | ChangeLanguage
    | SimulateStep
    | ExportConnectors
    | OpenFolder
    | StoreToken
    | StoreOAuthClient
    | ForgetToken
    | ClearClipboard
    | RunVerification
    | SaveReport
    | GoToStep
    | CopyTokenForPortal
    | CopyClientIdForPortal
    | CopyHelpdeskReport
    | SaveHelpdeskReport
    | StartMigration
    | ProveStage
    | SimulateStage
    | StartRenewal
    | PasteNewSecret
    | ProveRenewal
    | SimulateRenewal
    | CopyNewSecret
    | SaveReminder
    | ResumeOrganisation
)
