"""The saved form of the wizard's state (a progress file's `wizard` part), validated by pydantic.

`WizardState` itself is a plain class so the window can show before pydantic loads (issue 13, start-up); this model
says what a saved state may hold and is used only when progress is read or written. Its fields are WizardState's
minus `MEMORY_ONLY`, with the same types and defaults (tests/flow/test_machine.py keeps them equal).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from pydantic import BaseModel, Field, ValidationError

from wizard.domain.environment import AfasEnvironment
from wizard.domain.text import Lang
from wizard.flow.migration import MigrationState
from wizard.flow.records import TokenStorage, VerificationSummary
from wizard.flow.state import AuthKind, Mode, ProfitClient
from wizard.flow.steps import StepId

# What a damaged file keeps: the organisation (its name in the "continue" list) and the user's language and mode.
KEPT_WHEN_DAMAGED = ("organisation", "lang", "mode")


class SavedState(BaseModel):
    lang: Lang = Lang.EN
    mode: Mode = Mode.SETUP
    organisation: str = ""
    environment: AfasEnvironment | None = None
    export_folder: str | None = None
    exported: bool = False
    export_files: dict[str, str] = Field(default_factory=dict)
    stand_ins: bool = False
    profit_client: ProfitClient = ProfitClient.BROWSER
    ticks: dict[StepId, list[str]] = Field(default_factory=dict)
    auth_choice: AuthKind | None = None
    token_storage: TokenStorage | None = None
    secret_expires: dt.date | None = None
    migration: MigrationState | None = None
    verification: VerificationSummary | None = None
    attention: list[StepId] = Field(default_factory=list)
    found_missing: dict[StepId, list[str]] = Field(default_factory=dict)


def restore(data: dict[str, Any]) -> dict[str, Any]:
    """WizardState's fields from saved data: every saved field when all are valid (unknown keys are ignored), else
    only the valid ones of `KEPT_WHEN_DAMAGED` - a damaged file never half-restores a setup."""
    kept = {k: v for k, v in data.items() if k in SavedState.model_fields}
    try:
        saved = SavedState.model_validate(kept)
    except ValidationError:
        values: dict[str, Any] = {}
        for key in KEPT_WHEN_DAMAGED:
            if key not in data:
                continue
            try:
                values[key] = getattr(SavedState.model_validate({key: data[key]}), key)
            except ValidationError:
                continue
        return values
    return {name: getattr(saved, name) for name in SavedState.model_fields}
