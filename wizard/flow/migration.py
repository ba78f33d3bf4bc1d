"""Moving an existing classic connection to OAuth, as stages the wizard proves one by one (afas-oauth.md §1.4).

AFAS (Profit 9): keep the same app connector; set Authenticatietype Classic token -> Hybride (both accepted), create
the client secret, verify OAuth, move the integration over, set OAuth (classic refused). The wizard adds the proofs:
each stage is done only when a live check (or, for the hand-over, the user's confirmation) shows it. Pure Python:
the controller runs the checks and reports what they showed with `record`.
"""

from __future__ import annotations

from enum import StrEnum
from typing import ClassVar

from pydantic import Field

from wizard.flow.stages import StagedProgress


class Stage(StrEnum):
    HYBRID = "hybrid"  # the administrator sets Authenticatietype to Hybride; the classic token still works
    SECRET = "secret"  # the administrator creates the client secret; the user pastes client id, secret, expiry
    VERIFY_OAUTH = "verify-oauth"  # OAuth passes the whole check while the classic token still works (= Hybride)
    HANDOVER = "handover"  # SmartBooqing gets the new client id and secret (the user confirms: no API for it)
    SWITCH_OAUTH = "switch-oauth"  # the administrator sets Authenticatietype to OAuth; OAuth still passes
    CLASSIC_REFUSED = "classic-refused"  # AFAS now refuses the classic token, saying it wants OAuth
    FORGET_CLASSIC = "forget-classic"  # the keyring entry holds the OAuth client; the classic token is gone


STAGES: tuple[Stage, ...] = tuple(Stage)
# Stages with something to do inside AFAS: the demo offers "do this step in the simulated AFAS" for these.
AFAS_STAGES: frozenset[Stage] = frozenset({Stage.HYBRID, Stage.SECRET, Stage.SWITCH_OAUTH})


class MigrationState(StagedProgress):
    """Which stages are proved, and what the first check saw (to prove later that it is the same app connector)."""

    ORDER: ClassVar[tuple[Stage, ...]] = STAGES

    done: list[Stage] = Field(default_factory=list)
    # /metainfo's appName with the classic token; the OAuth check must see the same one.
    app_connector: str | None = None


def same_app_connector(before: str | None, after: str | None) -> bool:
    """The OAuth check reaches the app connector the classic token used (AFAS keeps it when switching the type).

    Unknown on either side (an older Profit without appName) counts as the same: nothing says otherwise."""
    if not before or not after:
        return True
    return before.strip().casefold() == after.strip().casefold()
