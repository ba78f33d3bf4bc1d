"""Per-organisation progress: what a resumed wizard and the helpdesk's list see; never the token, never lost data."""

from __future__ import annotations

import json
import logging
from pathlib import Path

import pytest

from tests.conftest import FAKE_XML
from wizard.domain.credentials import parse_classic_token
from wizard.domain.environment import parse_environment
from wizard.domain.steps import StepId
from wizard.flow.state import TokenStorage, VerificationSummary, WizardState
from wizard.stores.progress import APP_NAME, OrganisationProgress, ProgressStore, ProgressStoreError
from wizard.stores.progress_io import load_progress, progress_list, save_progress

TOKEN = parse_classic_token(FAKE_XML)
ORG = "Café Ünïcode 'De Vries' & Zn. €"


def _state(org: str = ORG, env: str = "O12345AA", base_url: str | None = None) -> WizardState:
    """A half-finished setup in a session where the token exists in memory and in the keyring."""
    state = WizardState(organisation=org, environment=parse_environment(env, base_url=base_url))
    state.exported = True
    state.set_tick(StepId.IMPORT, "gcn:SBQ_BTW.gcn")
    state.set_tick(StepId.LINK_CONNECTORS, "get:SBQ_BTW")
    state.credential = TOKEN
    state.token_storage = TokenStorage(
        persistent=True, location_en="the GNOME keyring (Secret Service)", location_nl="de GNOME-sleutelbos"
    )
    state.verification = VerificationSummary(passed=20, warnings=1, failed=2, skipped=0)
    return state


def _all_file_text(folder: Path) -> str:
    return "".join(p.read_text(encoding="utf-8", errors="replace") for p in folder.rglob("*") if p.is_file())


def test_the_default_folder_is_the_users_data_dir(_isolated_user_dirs: Path) -> None:
    folder = ProgressStore().folder
    assert APP_NAME in str(folder)
    assert folder.is_relative_to(_isolated_user_dirs)


def test_a_wizard_state_round_trips_with_a_typed_summary(tmp_path: Path) -> None:
    store = ProgressStore(tmp_path)
    state = _state()
    save_progress(store, state)
    progress = store.load("O12345")
    assert progress is not None
    assert progress.organisation_name == ORG
    assert (progress.env_id, progress.env_type) == ("O12345AA", "production")
    assert progress.custom_rest_url is None
    assert progress.checklist == {"gcn:SBQ_BTW.gcn": True, "get:SBQ_BTW": True}
    assert progress.completed_steps == {StepId.ENVIRONMENT, StepId.CONNECTOR_FILES, StepId.TOKEN}
    location = progress.token_location
    assert location is not None and location.nl == "de GNOME-sleutelbos"
    assert progress.last_summary is not None and progress.last_summary.failed == 2
    assert progress.last_verified_at is not None
    resumed = load_progress(store, "O12345")
    assert resumed is not None
    assert resumed.organisation == ORG and resumed.ticks == state.ticks and resumed.exported
    assert resumed.credential is None, "a resumed session gets the token from the keyring, not from the file"
    assert progress_list(store) == [("O12345", f"{ORG} (O12345)")]


def test_no_form_of_the_token_reaches_any_file_or_log(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    store = ProgressStore(tmp_path)
    for i in range(3):
        save_progress(store, _state(org=f"Org {i}", env=f"O1234{i}AA"))
    (tmp_path / "broken-0000.json").write_text("{", encoding="utf-8")  # a damaged file is set aside, and logged
    store.list()
    text = _all_file_text(tmp_path) + caplog.text
    assert "O12340" in text and "Org 2" in text  # the files are really there
    for form in TOKEN.secret_forms():
        assert form not in text


def test_a_secret_that_slipped_into_the_state_is_refused(tmp_path: Path) -> None:
    store = ProgressStore(tmp_path)
    sneaky = OrganisationProgress.from_wizard("O12345", {"organisation": "A", "notes": f"pasted {FAKE_XML}"})
    with pytest.raises(ProgressStoreError) as err:
        store.save(sneaky)
    assert "contained a secret" in err.value.message.en and "geheim" in err.value.message.nl
    assert list(tmp_path.iterdir()) == []


def test_the_verification_time_moves_only_when_the_outcome_changes(tmp_path: Path) -> None:
    store = ProgressStore(tmp_path)
    state = _state()
    save_progress(store, state)
    first = store.load("O12345")
    state.organisation = "renamed"
    save_progress(store, state)
    second = store.load("O12345")
    state.verification = VerificationSummary(passed=23)
    save_progress(store, state)
    third = store.load("O12345")
    assert first is not None and second is not None and third is not None
    assert second.last_verified_at == first.last_verified_at
    assert third.last_verified_at is not None and first.last_verified_at is not None
    assert third.last_verified_at >= first.last_verified_at
    assert StepId.VERIFY in third.completed_steps and StepId.VERIFY not in first.completed_steps


def test_fifty_organisations_listed_most_recent_first_and_delete_one(tmp_path: Path) -> None:
    store = ProgressStore(tmp_path)
    keys = []
    for i in range(49):
        state = _state(org=f"Organisatie {i} — ëü/\\:*?", env=f"O{30000 + i}AA")
        save_progress(store, state)
        keys.append(f"O{30000 + i}")
    custom = _state(org="On-premise", env="O12345AA", base_url="https://profit.bakkerij-ü.example:8443/")
    save_progress(store, custom)
    assert custom.environment is not None
    keys.append(custom.environment.key)
    listed = store.list()
    assert len(listed) == 50
    assert [p.env_key for p in listed] == list(reversed(keys))
    assert all("/" not in p.name and ":" not in p.name for p in tmp_path.iterdir())
    on_prem = store.load(custom.environment.key)
    assert on_prem is not None and on_prem.custom_rest_url is not None and "bakkerij" in on_prem.custom_rest_url
    assert store.delete(keys[10]) and store.load(keys[10]) is None and not store.delete(keys[10])
    assert len(store.list()) == 49 and store.load(keys[11]) is not None


def test_a_damaged_file_is_kept_aside_with_a_warning_and_never_overwritten(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    store = ProgressStore(tmp_path)
    save_progress(store, _state())
    save_progress(store, _state(org="Other", env="O99999AA"))
    path = next(p for p in tmp_path.glob("*.json") if p.name.startswith("O12345"))
    for damaged in ("{ not json", json.dumps({"organisation": "no env_key"})):
        path.write_text(damaged, encoding="utf-8")
        with caplog.at_level(logging.WARNING):
            assert store.load("O12345") is None
        assert "damaged progress file" in caplog.text
    corrupt = sorted(tmp_path.glob("*.corrupt"))
    assert [p.read_text(encoding="utf-8") for p in corrupt] == [
        "{ not json",
        json.dumps({"organisation": "no env_key"}),
    ]
    assert [p.env_key for p in store.list()] == ["O99999"], "the others are still listed"
    # Damaged again, and this time the wizard saves before anything read it: the damaged file is still kept.
    path.write_text("[1, 2", encoding="utf-8")
    save_progress(store, _state(org="Fresh"))
    assert "[1, 2" in [p.read_text(encoding="utf-8") for p in tmp_path.glob("*.corrupt")]
    fresh = store.load("O12345")
    assert fresh is not None and fresh.organisation == "Fresh"


def test_an_unreadable_entry_is_skipped_and_left_alone(tmp_path: Path) -> None:
    store = ProgressStore(tmp_path)
    save_progress(store, _state(org="Readable", env="O11111AA"))
    blocker = tmp_path / "O22222-0123456789abcdef.json"
    blocker.mkdir()  # reading it fails with an OSError even for root
    assert [p.organisation for p in store.list()] == ["Readable"]
    assert blocker.is_dir() and list(tmp_path.glob("*.corrupt")) == []


def test_an_oversized_file_is_not_read_into_memory(tmp_path: Path) -> None:
    store = ProgressStore(tmp_path)
    save_progress(store, _state())
    path = next(tmp_path.glob("*.json"))
    path.write_bytes(b" " * 2_000_000)
    assert store.load("O12345") is None
    assert len(list(tmp_path.glob("*.corrupt"))) == 1


def test_a_file_from_a_newer_version_still_loads(tmp_path: Path) -> None:
    store = ProgressStore(tmp_path)
    save_progress(store, _state())
    path = next(tmp_path.glob("*.json"))
    data = json.loads(path.read_text(encoding="utf-8"))
    data["schema_version"] = 2
    data["something_new"] = {"x": 1}
    path.write_text(json.dumps(data), encoding="utf-8")
    loaded = store.load("O12345")
    assert loaded is not None and loaded.organisation == ORG


def test_a_folder_that_cannot_be_written_is_a_clear_error(tmp_path: Path) -> None:
    not_a_folder = tmp_path / "file"
    not_a_folder.write_text("x", encoding="utf-8")
    store = ProgressStore(not_a_folder / "progress")  # below a regular file: fails even for root
    with pytest.raises(ProgressStoreError) as err:
        save_progress(store, _state())
    assert ORG in err.value.message.en and "could not be saved" in err.value.message.en
    assert "kon niet worden bewaard" in err.value.message.nl
    assert store.list() == [] and store.load("O12345") is None and store.delete("O12345") is False


def test_a_newer_step_or_a_time_without_zone_does_not_cost_the_file_or_the_list(tmp_path: Path) -> None:
    store = ProgressStore(tmp_path)
    save_progress(store, _state(org="Saved here", env="O11111AA"))
    # Written by a newer version (a step this one does not know) and by hand (a time without a time zone).
    newer = {"env_key": "O22222", "organisation": "Newer", "completed_steps": ["token", "oauth-consent", {"x": 1}]}
    by_hand = {"env_key": "O33333", "organisation": "By hand", "updated_at": "2020-01-01T00:00:00"}
    for data in (newer, by_hand):
        (tmp_path / f"{data['env_key']}-0123456789abcdef.json").write_text(json.dumps(data), encoding="utf-8")
    listed = store.list()
    assert sorted(p.organisation for p in listed) == ["By hand", "Newer", "Saved here"]
    assert listed[-1].organisation == "By hand", "the oldest (2020, read as UTC) is listed last"
    assert next(p for p in listed if p.env_key == "O22222").completed_steps == {StepId.TOKEN}
    assert list(tmp_path.glob("*.corrupt")) == [], "neither file was set aside as damaged"
