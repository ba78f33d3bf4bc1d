"""The wizard's state: one dataclass whose every field says, next to it, what happens to it (`Policy`).

Persisted fields make up the saved progress (wizard.flow.saved_state builds its form from these declarations);
fields that survive Back are facts about the outside world (what the user did in AFAS, what was stored, what the
check found), the rest are choices that Back undoes; secrets never appear in repr or any saved form.

The domain models in the annotations (pydantic) are imported for type checkers only: the window paints this state
before pydantic loads (the coarse start-up deferral, see wizard.app).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, fields
from enum import Flag, StrEnum, auto
from typing import TYPE_CHECKING, Any, TypeAlias

from wizard.domain.steps import StepId
from wizard.domain.text import Lang, Text

if TYPE_CHECKING:
    from wizard.domain.credentials import ClassicToken
    from wizard.domain.environment import AfasEnvironment
    from wizard.domain.oauth import OAuthClientCredentials
    from wizard.flow.migration import MigrationState
    from wizard.flow.renewal import RenewalState

    # What the wizard holds in memory: one of AFAS's two credentials (private-key JWT would be a third).
    AnyCredential: TypeAlias = ClassicToken | OAuthClientCredentials


class Policy(Flag):
    """What happens to a field. No flag at all (`MEMORY`): lives in this run only and Back undoes it."""

    MEMORY = 0
    PERSISTED = auto()  # in the saved progress file
    SURVIVES_BACK = auto()  # a fact about the outside world: Back keeps the current value
    SECRET = auto()  # never in repr nor in any saved form (implies not persisted)
    KEPT_WHEN_DAMAGED = auto()  # what a damaged progress file still gives back (the "continue" list needs it)


def fields_with(policy: Policy) -> tuple[str, ...]:
    """The names of the fields whose policy includes `policy`, in declaration order."""
    return tuple(name for name, has in _POLICIES.items() if policy in has)


def policy(flags: Policy) -> dict[str, Policy]:
    """A field's metadata: its policy (`policies_of` checks that a secret is neither persisted nor in repr)."""
    return {"policy": flags}


P, BACK, SECRET, DAMAGED = Policy.PERSISTED, Policy.SURVIVES_BACK, Policy.SECRET, Policy.KEPT_WHEN_DAMAGED


class Mode(StrEnum):
    SETUP = "setup"  # the full guide, from the connector files to verification
    CHECK_EXISTING = "check-existing"  # environment, token, verification only
    RENEW = "renew"  # "Client secret vernieuwen": environment, the current secret, the renewal's stages


class AuthKind(StrEnum):
    """The app connector's Authenticatietype as the wizard sets it up (afas-oauth.md §1.1)."""

    OAUTH = "oauth"  # OAuth client id + client secret: every new setup where Profit offers it
    CLASSIC = "classic"  # the classic user token: only where the user's Profit does not offer OAuth yet


class ProfitClient(StrEnum):
    """How the user opens AFAS Profit: it decides which path the import dialog understands."""

    BROWSER = "browser"  # the browser's own file picker reads this computer's disk: the local path
    APP = "app"  # the Profit app over Remote Desktop (RemoteApp): this computer's drives are \\Client\C$\...


@dataclass(frozen=True, kw_only=True)
class TokenStorage:
    """Where the token was stored: shown to the user, saved with the progress (never the token)."""

    persistent: bool
    location_en: str
    location_nl: str

    @property
    def location(self) -> Text:
        return Text(en=self.location_en, nl=self.location_nl)


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
    could_not_check: int = 0  # the checks that were impossible right now: neither passed nor failed
    # For the helpdesk: when the check ran, the titles of the checks that failed, and the Profit version it learned.
    checked_at: dt.datetime | None = None
    failing: tuple[Text, ...] = ()
    profit_version: str | None = None

    @property
    def ok(self) -> bool:
        return self.failed == 0 and not self.impossible and self.passed + self.info + self.manual > 0


@dataclass(kw_only=True)
class WizardState:
    """What the user chose and did."""

    lang: Lang = field(default=Lang.EN, metadata=policy(P | BACK | DAMAGED))
    mode: Mode = field(default=Mode.SETUP, metadata=policy(P | DAMAGED))
    demo: bool = field(default=False, metadata=policy(Policy.MEMORY))  # a property of this run
    organisation: str = field(default="", metadata=policy(P | DAMAGED))
    environment: AfasEnvironment | None = field(default=None, metadata=policy(P))
    export_folder: str | None = field(default=None, metadata=policy(P | BACK))
    exported: bool = field(default=False, metadata=policy(P | BACK))
    # File name -> the path as Profit's import dialog shows it (\\Client\C$\...), for the copy buttons.
    export_files: dict[str, str] = field(default_factory=dict, metadata=policy(P | BACK))
    stand_ins: bool = field(default=False, metadata=policy(P | BACK))
    profit_client: ProfitClient = field(default=ProfitClient.BROWSER, metadata=policy(P))
    # Why the suggested folder is not Documents (network, OneDrive, blocked): a fact about this computer.
    export_folder_reason: Text | None = field(default=None, metadata=policy(Policy.MEMORY))
    # Checklist ticks per step, e.g. IMPORT: ["gcn:SBQ_BTW.gcn"], LINK_CONNECTORS: ["get:SBQ_BTW", ...].
    ticks: dict[StepId, list[str]] = field(default_factory=dict, metadata=policy(P | BACK))
    # The Authenticatietype the user's "Nieuw" dialog offers; None: not chosen (see `auth`).
    auth_choice: AuthKind | None = field(default=None, metadata=policy(P | BACK))
    token_storage: TokenStorage | None = field(default=None, metadata=policy(P | BACK))
    # The client secret's expiry date as AFAS shows it (Profit 9; default 180 days): remembered to warn in time.
    secret_expires: dt.date | None = field(default=None, metadata=policy(P | BACK))
    # Moving an existing classic connection to OAuth (check-existing mode only); None: not offered or not chosen.
    migration: MigrationState | None = field(default=None, metadata=policy(P | BACK))
    # Renewing the client secret: which stages are proved and the new secret's expiry (never the secret itself).
    renewal: RenewalState | None = field(default=None, metadata=policy(P | BACK))
    verification: VerificationSummary | None = field(default=None, metadata=policy(P | BACK))
    # Steps a failing check of the last verification points back to: shown as "needs attention".
    attention: list[StepId] = field(default_factory=list, metadata=policy(P | BACK))
    # Per step, the checklist items the last verification found missing ("missing according to the check").
    found_missing: dict[StepId, list[str]] = field(default_factory=dict, metadata=policy(P | BACK))
    # Per step, the items the last verification found there but blocked in AFAS (to unblock, not to redo).
    found_blocked: dict[StepId, list[str]] = field(default_factory=dict, metadata=policy(P | BACK))
    # Per step, what the last verification found wrong there that no checklist item names (a rejected credential):
    # the fix page says why it was opened.
    found_why: dict[StepId, list[Text]] = field(default_factory=dict, metadata=policy(BACK))
    credential: AnyCredential | None = field(default=None, repr=False, metadata=policy(SECRET | BACK))
    # While moving to OAuth: the new client, until it replaces the classic token in the keyring. It exists in AFAS
    # once created, so Back keeps it like the move's stages.
    new_client: OAuthClientCredentials | None = field(default=None, repr=False, metadata=policy(SECRET | BACK))

    @property
    def auth(self) -> AuthKind:
        """What the credential step asks for: the user's choice, else the kind of a credential already found, else
        OAuth for a new setup and the classic token for an existing connection (every one made before OAuth)."""
        if self.auth_choice is not None:
            return self.auth_choice
        if self.credential is not None:
            return AuthKind.OAUTH if self.credential.kind == "oauth-client-credentials" else AuthKind.CLASSIC
        return AuthKind.OAUTH if self.mode is Mode.SETUP or self.mode is Mode.RENEW else AuthKind.CLASSIC

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


def policies_of(cls: type[Any]) -> dict[str, Policy]:
    """Each field's policy by name; TypeError for a field without one or a secret that would be saved or shown."""
    policies: dict[str, Policy] = {}
    for f in fields(cls):
        flags = f.metadata.get("policy")
        if not isinstance(flags, Policy):
            raise TypeError(f"field {f.name} declares no policy")
        if Policy.SECRET in flags and (Policy.PERSISTED in flags or f.repr):
            raise TypeError(f"secret field {f.name} must be neither persisted nor in repr")
        policies[f.name] = flags
    return policies


_POLICIES = policies_of(WizardState)
