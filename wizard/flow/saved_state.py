"""The wizard state's saved form (a progress file's `wizard` part): written and read back, validated by pydantic.

The form is built from WizardState's own declarations (its `PERSISTED` fields, with their types and defaults), so
there is no second list of fields to keep in step. Loaded when progress is read or written, after the first paint.
"""

from __future__ import annotations

import datetime as dt
import typing
from dataclasses import fields
from typing import Any

from pydantic import BaseModel, ValidationError, create_model

from wizard.domain.credentials import ClassicToken
from wizard.domain.environment import AfasEnvironment
from wizard.domain.oauth import OAuthClientCredentials
from wizard.flow import state as state_module
from wizard.flow.migration import MigrationState
from wizard.flow.renewal import RenewalState
from wizard.flow.state import Policy, WizardState, fields_with


def _model() -> type[BaseModel]:
    # The state's annotations name the domain models its module imports for type checkers only: resolve them here.
    names = {
        "dt": dt,
        "AfasEnvironment": AfasEnvironment,
        "MigrationState": MigrationState,
        "RenewalState": RenewalState,
        "ClassicToken": ClassicToken,
        "OAuthClientCredentials": OAuthClientCredentials,
        "AnyCredential": ClassicToken | OAuthClientCredentials,
    }
    hints = typing.get_type_hints(WizardState, globalns=vars(state_module), localns=names)
    persisted = set(fields_with(Policy.PERSISTED))
    spec: dict[str, Any] = {}
    for f in fields(WizardState):
        if f.name in persisted:
            default = f.default_factory() if callable(f.default_factory) else f.default
            spec[f.name] = (hints[f.name], default)
    model: type[BaseModel] = create_model("SavedState", **spec)
    return model


SavedForm = _model()


def save(state: WizardState) -> dict[str, Any]:
    """The saved form as JSON-ready data: the persisted fields, never a secret."""
    data = SavedForm.model_validate({name: getattr(state, name) for name in SavedForm.model_fields}).model_dump(
        mode="json"
    )
    if state.token_storage is not None and not state.token_storage.persistent:
        # A session-only token dies with the process; after a restart it is not stored anywhere.
        data["token_storage"] = None
    return data


def restore(data: dict[str, Any]) -> WizardState:
    """A state from saved data: every saved field when all are valid (unknown keys are ignored), else only the
    valid ones kept when damaged - a damaged file never half-restores a setup."""
    kept = {k: v for k, v in data.items() if k in SavedForm.model_fields}
    try:
        saved = SavedForm.model_validate(kept)
    except ValidationError:
        values: dict[str, Any] = {}
        for key in fields_with(Policy.KEPT_WHEN_DAMAGED):
            if key not in data:
                continue
            try:
                values[key] = getattr(SavedForm.model_validate({key: data[key]}), key)
            except ValidationError:
                continue
        return WizardState(**values)
    return WizardState(**{name: getattr(saved, name) for name in SavedForm.model_fields})
