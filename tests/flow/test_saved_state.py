"""The state's field policies, one test each: persisted, survives Back, secret, memory only, kept when damaged."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, fields
from typing import Any

import pytest
from pydantic import SecretStr

from tests.conftest import FAKE_DATA
from wizard.data import load_manifest
from wizard.domain.credentials import ClassicToken
from wizard.domain.environment import parse_environment
from wizard.domain.steps import StepId
from wizard.domain.text import Lang, Text
from wizard.flow import renewal
from wizard.flow.machine import WizardMachine
from wizard.flow.migration import MigrationState, Stage
from wizard.flow.saved_state import restore, save
from wizard.flow.state import (
    AuthKind,
    Mode,
    Policy,
    ProfitClient,
    TokenStorage,
    VerificationSummary,
    WizardState,
    fields_with,
    policies_of,
    policy,
)

CLASSIC = ClassicToken(data=SecretStr(FAKE_DATA))


def _values() -> dict[str, Any]:
    """A value for every field, each different from the field's default."""
    return {
        "lang": Lang.NL,
        "mode": Mode.CHECK_EXISTING,
        "demo": True,
        "organisation": "Bakkerij",
        "environment": parse_environment("T12345AB"),
        "export_folder": "/x",
        "exported": True,
        "export_files": {"SBQ_BTW.gcn": r"\\Client\C$\x\SBQ_BTW.gcn"},
        "stand_ins": True,
        "profit_client": ProfitClient.APP,
        "export_folder_reason": Text(en="network", nl="netwerk"),
        "ticks": {StepId.IMPORT: ["gcn:SBQ_BTW.gcn"]},
        "auth_choice": AuthKind.CLASSIC,
        "token_storage": TokenStorage(persistent=True, location_en="keyring", location_nl="sleutelbos"),
        "secret_expires": dt.date(2027, 5, 28),
        "migration": MigrationState(done=[Stage.HYBRID], app_connector="SmartBooqing"),
        "renewal": renewal.RenewalState(done=[renewal.Stage.CREATE], new_expires=dt.date(2027, 6, 1)),
        "verification": VerificationSummary(passed=3, failed=1, impossible=True),
        "attention": [StepId.LINK_CONNECTORS],
        "found_missing": {StepId.LINK_CONNECTORS: ["get:SBQ_BTW"]},
        "found_blocked": {StepId.IMPORT: ["gcn:SBQ_Transaction_History.gcn"]},
        "found_why": {StepId.TOKEN: [Text(en="rejected", nl="geweigerd")]},
        "credential": CLASSIC,
        "new_client": None,  # set where a test needs it: building one registers its secret for redaction
    }


def _everything_set() -> WizardState:
    state = WizardState(**_values())
    for f in fields(WizardState):
        if f.name != "new_client":
            assert getattr(state, f.name) != getattr(WizardState(), f.name), f.name  # the tests below see each one
    return state


def test_persisted_fields_come_back_from_the_saved_form() -> None:
    state = _everything_set()
    back = restore(save(state))
    for name in fields_with(Policy.PERSISTED):
        assert getattr(back, name) == getattr(state, name), name


def test_memory_only_fields_are_not_saved_and_start_fresh() -> None:
    state = _everything_set()
    data = save(state)
    back = restore(data)
    assert "demo" not in data and "export_folder_reason" not in data
    assert back.demo is False and back.export_folder_reason is None


def test_secrets_are_never_in_the_saved_form_nor_in_repr() -> None:
    state = _everything_set()
    data = save(state)
    assert "credential" not in data and FAKE_DATA not in str(data)
    assert FAKE_DATA not in repr(state) and "credential" not in repr(state)
    assert restore(data).credential is None


def test_what_survives_back_is_kept_and_every_other_field_is_undone() -> None:
    machine = WizardMachine(load_manifest())
    machine.advance()
    before = WizardState(**{name: getattr(machine.state, name) for name in _values()})
    for name, value in _values().items():  # everything changes on the next page
        setattr(machine.state, name, value)
    changed = WizardState(**{name: getattr(machine.state, name) for name in _values()})
    machine.back()
    for name in _values():
        expected = changed if name in fields_with(Policy.SURVIVES_BACK) else before
        assert getattr(machine.state, name) == getattr(expected, name), name


def test_back_keeps_the_exported_files_with_their_import_paths() -> None:
    """Regression: after exporting and going Back to the environment page, Next showed the connector-files page
    with no file rows and the import page with local paths instead of the Client-drive paths a Remote Desktop
    user needs, while `exported` and the folder said the files were saved."""
    machine = WizardMachine(load_manifest())
    for _ in range(2):
        machine.advance()
    assert machine.current is StepId.CONNECTOR_FILES
    files = {"SBQ_BTW.gcn": r"\\Client\C$\Users\an\Documents\SmartBooqing\SBQ_BTW.gcn"}
    machine.state.exported, machine.state.export_folder = True, r"C:\Users\an\Documents\SmartBooqing"
    machine.state.export_files = dict(files)
    assert machine.back() is StepId.ENVIRONMENT
    assert machine.state.exported and machine.state.export_files == files


def test_a_damaged_field_keeps_only_organisation_language_and_mode() -> None:
    data = save(_everything_set())
    data["verification"] = {"passed": "many"}
    back = restore(data)
    assert (back.organisation, back.lang, back.mode) == ("Bakkerij", Lang.NL, Mode.CHECK_EXISTING)
    assert back.environment is None and back.ticks == {} and back.token_storage is None


def test_a_saved_file_of_an_earlier_version_still_loads() -> None:
    """What users' progress files hold today (JSON of the persisted fields), with a key this version dropped."""
    data = {
        "lang": "nl",
        "mode": "setup",
        "organisation": "Bakkerij",
        "environment": {"number": "12345", "type": "production", "suffix": "AA", "custom_rest_url": None},
        "exported": True,
        "export_folder": "/x",
        "export_files": {"SBQ_BTW.gcn": "/x/SBQ_BTW.gcn"},
        "ticks": {"import": ["gcn:SBQ_BTW.gcn"]},
        "token_storage": {"persistent": True, "location_en": "keyring", "location_nl": "sleutelbos"},
        "verification": {"passed": 3, "warnings": 0, "failed": 0, "skipped": 0, "info": 0, "manual": 0},
        "attention": [],
        "retired_field": 1,
    }
    state = restore(data)
    assert state.environment == parse_environment("O12345AA")
    assert state.export_files == {"SBQ_BTW.gcn": "/x/SBQ_BTW.gcn"}
    assert state.ticked(StepId.IMPORT) == {"gcn:SBQ_BTW.gcn"}
    assert state.verification is not None and state.verification.ok


def test_the_saved_form_is_json_data() -> None:
    data = save(_everything_set())
    assert data["lang"] == "nl" and data["secret_expires"] == "2027-05-28"
    assert data["ticks"] == {"import": ["gcn:SBQ_BTW.gcn"]}
    assert data["token_storage"] == {"persistent": True, "location_en": "keyring", "location_nl": "sleutelbos"}
    assert data["migration"] == {"done": ["hybrid"], "app_connector": "SmartBooqing"}


def test_a_secret_field_that_would_be_saved_or_shown_is_refused() -> None:
    @dataclass
    class Saved:
        token: str = field(default="", repr=False, metadata=policy(Policy.SECRET | Policy.PERSISTED))

    @dataclass
    class Shown:
        token: str = field(default="", metadata=policy(Policy.SECRET))

    for leaky in (Saved, Shown):
        with pytest.raises(TypeError):
            policies_of(leaky)


def test_fields_are_keyword_only() -> None:
    with pytest.raises(TypeError):
        WizardState(Lang.NL)  # type: ignore[call-arg]
