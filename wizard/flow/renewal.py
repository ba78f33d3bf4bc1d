"""Renewing the OAuth client secret, as stages the wizard proves one by one (afas-oauth.md §1.2, "Secret rotation").

AFAS (Profit 9): generate a new secret -> give it to the integrating application -> verify that tokens can be
requested with it -> revoke the old one. The wizard adds a proof to each: the new secret gets a token while the old
one still does, the whole check passes with it, the old one is refused after the revocation, and the keyring ends up
holding only the new one. Pure Python: the controller runs the checks and reports what they showed with `record`.

Resuming: only this progress and the new secret's expiry are saved. The new secret itself waits in the password store
under `pending_key` (never in the progress file), because AFAS shows it only once.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum
from typing import ClassVar

from pydantic import Field

from wizard.domain.reminder import Deadline, Reminder, classic_reminder
from wizard.domain.text import Lang, Text, long_date
from wizard.flow.stages import StagedProgress
from wizard.flow.state import AuthKind, WizardState


class Stage(StrEnum):
    CREATE = "create"  # the administrator generates a new client secret in the app connector
    PASTE = "paste"  # the user pastes it with its expiry; a token request with it works, and still with the old one
    VERIFY = "verify"  # the whole check passes with the new secret
    HANDOVER = "handover"  # SmartBooqing gets the new secret (the user confirms in the portal: no API for it)
    REVOKE = "revoke"  # the administrator revokes the old secret in AFAS (proved by the next stage)
    OLD_REFUSED = "old-refused"  # a token request with the old secret answers invalid_client
    STORE = "store"  # the keyring entry holds only the new secret and its expiry


STAGES: tuple[Stage, ...] = tuple(Stage)
# Stages with something to do inside AFAS: the demo offers "do this step in the simulated AFAS" for these.
AFAS_STAGES: frozenset[Stage] = frozenset({Stage.CREATE, Stage.REVOKE})
# Stages whose proof needs the new secret (in memory, or waiting in the password store after a restart).
NEEDS_NEW_SECRET: frozenset[Stage] = frozenset({Stage.PASTE, Stage.VERIFY, Stage.HANDOVER, Stage.STORE})
# The verification's expiry warning starts this many days ahead; the renewal is offered from then on.
WARN_DAYS = 30


class RenewalState(StagedProgress):
    """Which stages are proved, and the new secret's expiry as AFAS shows it (None: AFAS shows no date)."""

    ORDER: ClassVar[tuple[Stage, ...]] = STAGES

    done: list[Stage] = Field(default_factory=list)
    new_expires: dt.date | None = None


def pending_key(env_key: str) -> str:
    """Where the new secret waits in the password store until it replaces the old one (stage 7)."""
    return f"{env_key}#renewal"


def days_left(expires: dt.date | None, today: dt.date) -> int | None:
    """Days until the secret's last valid day; negative once it has passed; None when AFAS shows no date."""
    return None if expires is None else (expires - today).days


def renewal_due(expires: dt.date | None, today: dt.date) -> bool:
    """Whether the renewal should be offered: the secret expires within `WARN_DAYS` days, or already has."""
    left = days_left(expires, today)
    return left is not None and left <= WARN_DAYS


def next_reminder(state: WizardState) -> Reminder | None:
    """The deadline a calendar reminder is for: the client secret's expiry (the renewed one once the renewal has
    a date), or, for a classic token, the end of classic tokens; None when there is no date to remind of."""
    env = state.environment
    if env is None:
        return None
    if state.auth is AuthKind.CLASSIC:
        return classic_reminder(state.organisation, env.env_id)
    expires = state.renewal.new_expires if state.renewal is not None and state.renewal.complete else None
    expires = expires or state.secret_expires
    if expires is None:
        return None
    return Reminder(Deadline.SECRET, expires, state.organisation, env.env_id)


URGENT_DAYS = 7  # the second warning: renew this week


@dataclass(frozen=True)
class SecretExpiry:
    """The client secret's expiry as `verify` reports it: the date, the days left, and how urgent the renewal is."""

    expires: dt.date | None
    today: dt.date

    @property
    def days_left(self) -> int | None:
        return days_left(self.expires, self.today)

    @property
    def level(self) -> str:
        """ "unknown" (no date), "ok", "soon" (≤ 30 days), "urgent" (≤ 7 days) or "expired"."""
        left = self.days_left
        if left is None:
            return "unknown"
        if left < 0:
            return "expired"
        return "urgent" if left <= URGENT_DAYS else "soon" if left <= WARN_DAYS else "ok"

    def message(self) -> Text:
        left = self.days_left
        if self.expires is None or left is None:
            return Text(
                en="Client secret: no expiry date known (give it with --secret-expires, as AFAS shows it).",
                nl="Client secret: geen vervaldatum bekend (geef die op met --secret-expires, zoals AFAS die toont).",
            )
        day = long_date(self.expires)
        if left < 0:
            return Text(
                en="Client secret: expired on {d}. Renew it: sbq-setup, then 'Renew the client secret'.",
                nl="Client secret: verlopen op {d}. Vernieuw het: sbq-setup, dan 'Client secret vernieuwen'.",
            ).format(d=day)
        said = Text(
            en="Client secret: valid until {d}, {n} days left.", nl="Client secret: geldig tot {d}, nog {n} dagen."
        )
        if left <= URGENT_DAYS:
            said = said + Text(
                en=" Renew it this week: sbq-setup, then 'Renew the client secret'.",
                nl=" Vernieuw het deze week: sbq-setup, dan 'Client secret vernieuwen'.",
            )
        elif left <= WARN_DAYS:
            said = said + Text(
                en=" Plan the renewal: sbq-setup, then 'Renew the client secret'.",
                nl=" Plan de vernieuwing: sbq-setup, dan 'Client secret vernieuwen'.",
            )
        return said.format(d=day, n=left)

    def as_dict(self, lang: Lang) -> dict[str, object]:
        return {
            "expires": self.expires.isoformat() if self.expires else None,
            "days_left": self.days_left,
            "level": self.level,
            "message": self.message().get(lang),
        }
