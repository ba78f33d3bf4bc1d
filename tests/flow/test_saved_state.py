"""WizardState is a plain class (the window paints before pydantic loads); its saved form is SavedState's."""

from __future__ import annotations

import datetime as dt

import pytest

from wizard.domain.environment import parse_environment
from wizard.domain.text import Lang, Text
from wizard.flow.migration import MigrationState, Stage
from wizard.flow.records import TokenStorage, VerificationSummary
from wizard.flow.saved_state import SavedState
from wizard.flow.state import (
    MEMORY_ONLY,
    AuthKind,
    Mode,
    ProfitClient,
    WizardState,
)
from wizard.flow.steps import StepId


def test_the_saved_form_has_every_field_but_the_memory_only_ones_with_the_same_defaults() -> None:
    fields = set(WizardState.FIELDS)
    assert set(SavedState.model_fields) == fields - MEMORY_ONLY
    assert WizardState().persisted() == SavedState().model_dump(mode="json")


def _everything_set() -> WizardState:
    state = WizardState(
        lang=Lang.NL,
        mode=Mode.CHECK_EXISTING,
        demo=True,
        organisation="Bakkerij",
        environment=parse_environment("T12345AB"),
        export_folder="/x",
        exported=True,
        export_files={"SBQ_BTW.gcn": r"\\Client\C$\x\SBQ_BTW.gcn"},
        stand_ins=True,
        profit_client=ProfitClient.APP,
        export_folder_reason=Text(en="network", nl="netwerk"),
        ticks={StepId.IMPORT: ["gcn:SBQ_BTW.gcn"]},
        auth_choice=AuthKind.CLASSIC,
        token_storage=TokenStorage(persistent=True, location_en="keyring", location_nl="sleutelbos"),
        secret_expires=dt.date(2027, 5, 28),
        migration=MigrationState(done=[Stage.HYBRID], app_connector="SmartBooqing"),
        verification=VerificationSummary(passed=3, failed=1, impossible=True),
        attention=[StepId.LINK_CONNECTORS],
        found_missing={StepId.LINK_CONNECTORS: ["get:SBQ_BTW"]},
    )
    # Every field differs from its default, so the round trip below checks each one.
    for name in WizardState.FIELDS:
        if name not in ("credential", "new_client"):
            assert getattr(state, name) != getattr(WizardState(), name), name
    return state


def test_every_saved_field_comes_back_and_the_memory_only_ones_do_not() -> None:
    state = _everything_set()
    back = WizardState.from_persisted(state.persisted())
    for name in SavedState.model_fields:
        assert getattr(back, name) == getattr(state, name), name
    assert back.demo is False and back.export_folder_reason is None


def test_the_saved_form_is_json_data() -> None:
    data = _everything_set().persisted()
    assert data["lang"] == "nl" and data["secret_expires"] == "2027-05-28"
    assert data["ticks"] == {"import": ["gcn:SBQ_BTW.gcn"]}
    assert data["token_storage"] == {"persistent": True, "location_en": "keyring", "location_nl": "sleutelbos"}
    assert data["migration"] == {"done": ["hybrid"], "app_connector": "SmartBooqing"}


def test_a_damaged_field_keeps_only_organisation_language_and_mode() -> None:
    data = _everything_set().persisted()
    data["verification"] = {"passed": "many"}
    back = WizardState.from_persisted(data)
    assert (back.organisation, back.lang, back.mode) == ("Bakkerij", Lang.NL, Mode.CHECK_EXISTING)
    assert back.environment is None and back.ticks == {} and back.token_storage is None


def test_fields_are_keyword_only_as_before() -> None:
    with pytest.raises(TypeError):
        WizardState(Lang.NL)  # type: ignore[call-arg]
