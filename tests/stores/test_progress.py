from __future__ import annotations

import logging
import time

import pytest

from tests.conftest import FAKE_XML
from wizard.domain.credentials import parse_classic_token
from wizard.stores.progress import OrganisationProgress, ProgressStore


def test_progress_round_trips_and_lists_most_recent_first(tmp_path) -> None:
    store = ProgressStore(tmp_path)
    store.save(OrganisationProgress.from_wizard("O11111", {"organisation": "Bakkerij De Vries", "step": "token"}))
    time.sleep(0.01)
    store.save(OrganisationProgress.from_wizard("T22222@127.0.0.1:1", {"organisation": "Café Ünïcode €"}))
    loaded = store.load("O11111")
    assert loaded is not None and loaded.organisation == "Bakkerij De Vries"
    assert loaded.wizard_data()["step"] == "token"
    assert [p.env_key for p in store.list()] == ["T22222@127.0.0.1:1", "O11111"]
    assert store.delete("O11111") and store.load("O11111") is None and not store.delete("O11111")
    assert list(tmp_path.glob("*.tmp")) == []


def test_a_damaged_file_is_set_aside_with_a_warning(tmp_path, caplog: pytest.LogCaptureFixture) -> None:
    store = ProgressStore(tmp_path)
    store.save(OrganisationProgress.from_wizard("O11111", {"organisation": "A"}))
    path = next(tmp_path.glob("*.json"))
    path.write_text("{ not json", encoding="utf-8")
    with caplog.at_level(logging.WARNING):
        assert store.load("O11111") is None
        assert store.list() == []
    assert "damaged progress file" in caplog.text
    assert len(list(tmp_path.glob("*.corrupt"))) == 1


def test_no_form_of_the_token_reaches_the_progress_files(tmp_path) -> None:
    token = parse_classic_token(FAKE_XML)
    store = ProgressStore(tmp_path)
    store.save(OrganisationProgress.from_wizard("O11111", {"organisation": "A", "token_storage": {"persistent": True}}))
    text = "".join(p.read_text(encoding="utf-8") for p in tmp_path.iterdir())
    for form in token.secret_forms():
        assert form not in text
