"""The wizard's state as a plain typed class: what the user chose and did, never a secret when persisted.

The in-memory credential (a classic token or an OAuth client; `credential`, left out of every saved form) rides along
so the Done page can copy it for the portal; what is saved per organisation is only *whether* it is stored, *where*,
which kind it is, and the client secret's expiry date (a date AFAS shows, not a secret).

Not a pydantic model (nor a dataclass): the window reads this state for its first paint, and importing pydantic and
building the model took more than the whole start-up budget (issue 13). The saved form is validated by pydantic when
it is read or written (`wizard.flow.saved_state`), which is after the window is on screen.
"""

from __future__ import annotations

from enum import StrEnum
from typing import TYPE_CHECKING, Any, ClassVar

from wizard.domain.text import Lang, Text
from wizard.flow.steps import StepId

if TYPE_CHECKING:
    import datetime as dt
    from typing import TypeAlias

    from wizard.domain.credentials import ClassicToken
    from wizard.domain.environment import AfasEnvironment
    from wizard.domain.oauth import OAuthClientCredentials
    from wizard.flow.migration import MigrationState
    from wizard.flow.records import TokenStorage, VerificationSummary

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


class ProfitClient(StrEnum):
    """How the user opens AFAS Profit: it decides which path the import dialog understands."""

    BROWSER = "browser"  # the browser's own file picker reads this computer's disk: the local path
    APP = "app"  # the Profit app over Remote Desktop (RemoteApp): this computer's drives are \\Client\C$\...


# Never saved: the credentials (secrets), the demo flag (a property of the run) and a fact about this computer.
MEMORY_ONLY = frozenset({"credential", "new_client", "demo", "export_folder_reason"})


class WizardState:
    """What the user chose and did. Written out by hand rather than as a dataclass: building the dataclass (and
    importing `dataclasses`) was ~7 ms of a start-up budget of tens (issue 13); `FIELDS` is what equality, repr and
    the saved form (tests/flow/test_saved_state.py) go over."""

    FIELDS: ClassVar[tuple[str, ...]] = (
        "lang",
        "mode",
        "demo",
        "organisation",
        "environment",
        "export_folder",
        "exported",
        "export_files",
        "stand_ins",
        "profit_client",
        "export_folder_reason",
        "ticks",
        "auth_choice",
        "token_storage",
        "secret_expires",
        "migration",
        "verification",
        "attention",
        "found_missing",
        "credential",
        "new_client",
    )
    SECRET: ClassVar[frozenset[str]] = frozenset({"credential", "new_client"})  # never in repr
    __hash__ = None  # type: ignore[assignment]  # mutable: not a dict key (as a dataclass with eq)

    def __init__(
        self,
        *,
        lang: Lang = Lang.EN,
        mode: Mode = Mode.SETUP,
        demo: bool = False,
        organisation: str = "",
        environment: AfasEnvironment | None = None,
        export_folder: str | None = None,
        exported: bool = False,
        export_files: dict[str, str] | None = None,
        stand_ins: bool = False,
        profit_client: ProfitClient = ProfitClient.BROWSER,
        export_folder_reason: Text | None = None,
        ticks: dict[StepId, list[str]] | None = None,
        auth_choice: AuthKind | None = None,
        token_storage: TokenStorage | None = None,
        secret_expires: dt.date | None = None,
        migration: MigrationState | None = None,
        verification: VerificationSummary | None = None,
        attention: list[StepId] | None = None,
        found_missing: dict[StepId, list[str]] | None = None,
        credential: AnyCredential | None = None,
        new_client: OAuthClientCredentials | None = None,
    ) -> None:
        self.lang = lang
        self.mode = mode
        self.demo = demo
        self.organisation = organisation
        self.environment = environment
        self.export_folder = export_folder
        self.exported = exported
        # File name -> the path as Profit's import dialog shows it (\\Client\C$\...), for the copy buttons.
        self.export_files: dict[str, str] = {} if export_files is None else export_files
        self.stand_ins = stand_ins
        self.profit_client = profit_client
        # Why the suggested folder is not Documents (network, OneDrive, blocked): a fact about this computer, not saved.
        self.export_folder_reason = export_folder_reason
        # Checklist ticks per step, e.g. IMPORT: ["gcn:SBQ_BTW.gcn"], LINK_CONNECTORS: ["get:SBQ_BTW", ...].
        self.ticks: dict[StepId, list[str]] = {} if ticks is None else ticks
        # The Authenticatietype the user's "Nieuw" dialog offers and the credential step asks for; None: not chosen
        # (see `auth`).
        self.auth_choice = auth_choice
        self.token_storage = token_storage
        # The client secret's expiry date as AFAS shows it (Profit 9; default 180 days): remembered to warn in time.
        self.secret_expires = secret_expires
        # Moving an existing classic connection to OAuth (check-existing mode only); None: not offered or not chosen.
        self.migration = migration
        self.verification = verification
        # Steps a failing check of the last verification points back to: shown as "needs attention".
        self.attention: list[StepId] = [] if attention is None else attention
        # Per step, the checklist items the last verification found missing ("missing according to the check").
        self.found_missing: dict[StepId, list[str]] = {} if found_missing is None else found_missing
        # Memory only: left out of every saved form, hidden from repr.
        self.credential = credential
        # Memory only, while moving to OAuth: the new client, until it replaces the classic token in the keyring.
        self.new_client = new_client

    def __eq__(self, other: object) -> bool:
        if type(other) is not type(self):
            return NotImplemented
        return all(getattr(self, name) == getattr(other, name) for name in self.FIELDS)

    def __repr__(self) -> str:
        shown = ", ".join(f"{name}={getattr(self, name)!r}" for name in self.FIELDS if name not in self.SECRET)
        return f"WizardState({shown})"

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
