"""The wizard's state as a plain typed class: what the user chose and did, never a secret when persisted.

The in-memory credential (a classic token or an OAuth client; `credential`, left out of every saved form) rides along
so the Done page can copy it for the portal; what is saved per organisation is only *whether* it is stored, *where*,
which kind it is, and the client secret's expiry date (a date AFAS shows, not a secret).

Not a pydantic model: the window reads this state for its first paint, and importing pydantic and building the model
took more than the whole start-up budget (issue 13). The saved form is validated by pydantic when it is read or
written (`wizard.flow.saved_state`), which is after the window is on screen.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum
from typing import TYPE_CHECKING, Any

from wizard.domain.text import Lang, Text
from wizard.flow.steps import StepId

if TYPE_CHECKING:
    from typing import TypeAlias

    from wizard.domain.credentials import ClassicToken
    from wizard.domain.environment import AfasEnvironment
    from wizard.domain.oauth import OAuthClientCredentials
    from wizard.flow.migration import MigrationState

    # What the wizard holds in memory: one of AFAS's two credentials (private-key JWT would be a third).
    AnyCredential: TypeAlias = ClassicToken | OAuthClientCredentials


def __getattr__(name: str) -> Any:
    # `AnyCredential` at run time (an importer's annotations only) without loading the credential models now.
    if name == "AnyCredential":
        from wizard.domain.credentials import ClassicToken
        from wizard.domain.oauth import OAuthClientCredentials

        return ClassicToken | OAuthClientCredentials
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


class Mode(StrEnum):
    SETUP = "setup"  # the full guide, from the connector files to verification
    CHECK_EXISTING = "check-existing"  # environment, token, verification only


class AuthKind(StrEnum):
    """The app connector's Authenticatietype as the wizard sets it up (afas-oauth.md §1.1)."""

    OAUTH = "oauth"  # OAuth client id + client secret: every new setup where Profit offers it
    CLASSIC = "classic"  # the classic user token: only where the user's Profit does not offer OAuth yet


@dataclass(frozen=True, kw_only=True)
class TokenStorage:
    """Where the token was stored: shown to the user, saved with the progress (never the token)."""

    persistent: bool
    location_en: str
    location_nl: str

    @property
    def location(self) -> Text:
        return Text(en=self.location_en, nl=self.location_nl)


class ProfitClient(StrEnum):
    """How the user opens AFAS Profit: it decides which path the import dialog understands."""

    BROWSER = "browser"  # the browser's own file picker reads this computer's disk: the local path
    APP = "app"  # the Profit app over Remote Desktop (RemoteApp): this computer's drives are \\Client\C$\...


@dataclass(frozen=True, kw_only=True)
class VerificationSummary:
    """The outcome of the last verification run, enough to decide whether the Verify step is complete."""

    passed: int = 0
    warnings: int = 0
    failed: int = 0
    skipped: int = 0
    info: int = 0  # notes (the classic-token sunset): passed, said as information
    manual: int = 0  # what cannot be verified remotely: the user checks it by hand
    impossible: bool = False  # AFAS could not be asked right now (403, 503, network, TLS): says nothing of the setup

    @property
    def ok(self) -> bool:
        return self.failed == 0 and not self.impossible and self.passed + self.info + self.manual > 0


# Never saved: the credentials (secrets), the demo flag (a property of the run) and a fact about this computer.
MEMORY_ONLY = frozenset({"credential", "new_client", "demo", "export_folder_reason"})


@dataclass(kw_only=True)
class WizardState:
    lang: Lang = Lang.EN
    mode: Mode = Mode.SETUP
    demo: bool = False
    organisation: str = ""
    environment: AfasEnvironment | None = None
    export_folder: str | None = None
    exported: bool = False
    # File name -> the path as Profit's import dialog shows it (\\Client\C$\...), for the copy buttons.
    export_files: dict[str, str] = field(default_factory=dict)
    stand_ins: bool = False
    profit_client: ProfitClient = ProfitClient.BROWSER
    # Why the suggested folder is not Documents (network, OneDrive, blocked): a fact about this computer, not saved.
    export_folder_reason: Text | None = None
    # Checklist ticks per step, e.g. IMPORT: ["gcn:SBQ_BTW.gcn"], LINK_CONNECTORS: ["get:SBQ_BTW", ...].
    ticks: dict[StepId, list[str]] = field(default_factory=dict)
    # The Authenticatietype the user's "Nieuw" dialog offers and the credential step asks for; None: not chosen
    # (see `auth`).
    auth_choice: AuthKind | None = None
    token_storage: TokenStorage | None = None
    # The client secret's expiry date as AFAS shows it (Profit 9; default 180 days): remembered to warn in time.
    secret_expires: dt.date | None = None
    # Moving an existing classic connection to OAuth (check-existing mode only); None: not offered or not chosen.
    migration: MigrationState | None = None
    verification: VerificationSummary | None = None
    # Steps a failing check of the last verification points back to: shown as "needs attention".
    attention: list[StepId] = field(default_factory=list)
    # Per step, the checklist items the last verification found missing ("missing according to the check").
    found_missing: dict[StepId, list[str]] = field(default_factory=dict)
    # Memory only: left out of every saved form, hidden from repr.
    credential: AnyCredential | None = field(default=None, repr=False)
    # Memory only, while moving to OAuth: the new client, until it replaces the classic token in the keyring.
    new_client: OAuthClientCredentials | None = field(default=None, repr=False)

    @property
    def auth(self) -> AuthKind:
        """What the credential step asks for: the user's choice, else OAuth for a new setup and the classic token
        for an existing connection (every connection made before OAuth uses one)."""
        if self.auth_choice is not None:
            return self.auth_choice
        if self.credential is not None:  # a credential already found (a resumed or checked connection) decides
            from wizard.domain.oauth import OAuthClientCredentials  # loaded already: a credential exists

            return AuthKind.OAUTH if isinstance(self.credential, OAuthClientCredentials) else AuthKind.CLASSIC
        return AuthKind.CLASSIC if self.mode is Mode.CHECK_EXISTING else AuthKind.OAUTH

    # -- checklist helpers ------------------------------------------------------------------------------------
    def ticked(self, step: StepId) -> set[str]:
        return set(self.ticks.get(step, []))

    def set_tick(self, step: StepId, item: str, on: bool = True) -> None:
        items = self.ticked(step)
        if on:
            items.add(item)
        else:
            items.discard(item)
        self.ticks = {**self.ticks, step: sorted(items)}

    # -- persistence (everything but the token) ---------------------------------------------------------------
    def persisted(self) -> dict[str, Any]:
        """The saved form, as JSON-ready data (validated by `wizard.flow.saved_state.SavedState`)."""
        from wizard.flow.saved_state import SavedState

        data = SavedState.model_validate({name: getattr(self, name) for name in SavedState.model_fields}).model_dump(
            mode="json"
        )
        if self.token_storage is not None and not self.token_storage.persistent:
            # A session-only token dies with the process; after a restart it is not stored anywhere.
            data["token_storage"] = None
        return data

    @classmethod
    def from_persisted(cls, data: dict[str, Any]) -> WizardState:
        """Rebuild from saved progress; unknown or damaged fields fall back to defaults instead of failing."""
        from wizard.flow.saved_state import restore

        return cls(**restore(data))
