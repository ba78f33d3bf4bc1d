"""The simulated AFAS REST API: writes (counted, logged, answered like AFAS) and faults (maintenance, malformed
bodies, drops, latency, its own defects)."""

from __future__ import annotations

import base64
import datetime as dt
import re

import httpx
import pytest

from tests.sim.conftest import Sim
from wizard.data import load_manifest
from wizard.sim import actions

MANIFEST = load_manifest()
GET_IDS = [c.id for c in MANIFEST.get_connectors]
UPDATE_IDS = [c.id for c in MANIFEST.update_connectors]
SPECIAL_IDS = [c.id for c in MANIFEST.special_connectors]


def _error_body(response: httpx.Response) -> dict[str, object]:
    body = response.json()
    assert set(body) == {"externalMessage", "errorNumber", "profitLogReference"}
    assert re.fullmatch(r"[0-9A-F]{32}", str(body["profitLogReference"]))
    return dict(body)


# --- writes --------------------------------------------------------------------------------------------------------


def _subject(type_id: int, purchase_invoice: str | None = "INK-1", attachment: bool = True) -> dict[str, object]:
    objects: list[dict[str, object]] = []
    if purchase_invoice:
        objects.append({"KnSubjectLink": {"Element": {"Fields": {"PiUn": 1, "PiTp": 1, "PiId": purchase_invoice}}}})
    if attachment:
        objects.append(
            {"KnSubjectAttachment": {"Element": {"Fields": {"FileName": "f.pdf", "FileStream": "JVBERi0xLjQ="}}}}
        )
    return {"KnSubject": {"Element": {"Fields": {"StId": type_id, "Ds": "Factuur"}, "Objects": objects}}}


def test_writes_are_counted_logged_and_answered_like_afas(ready: Sim) -> None:
    assert ready.state.writes == 0
    ready.get("/metainfo")
    ready.get("/connectors/SBQ_BTW")
    assert ready.state.writes == 0
    created = ready.write("POST", "/connectors/KnSubject", json=_subject(3))
    assert created.status_code == 201
    assert set(created.json()["results"]["KnSubject"]) == {"SbId"}
    assert ready.state.writes == 1
    assert [e.write for e in ready.state.log] == [False, False, True]
    new = ready.state.attachments[-1]
    fetched = ready.get(f"/subjectconnector/{new.subject_id}/{new.file_id}")
    assert base64.b64decode(fetched.json()["filedata"]) == b"%PDF-1.4"
    entry = {"FiEntryPar": {"Element": {"Fields": {"Year": 2026, "Peri": 3, "UnId": 1, "JoCo": "60"}}}}
    booked = ready.write("POST", "/connectors/FiEntries", json=entry)
    assert booked.status_code == 201
    assert set(booked.json()["results"]["FiEntries"]) == {"EnNo", "UnId", "InId"}
    wrong_root = ready.write("POST", "/connectors/FiEntries", json={"FiEntries": {"Element": {}}})
    assert wrong_root.status_code == 500
    assert (
        ready.write("PUT", "/connectors/FiInvoice", json={"FiInvoice": {"Element": {"Fields": {}}}}).status_code == 201
    )
    assert ready.write("DELETE", "/connectors/KnSubject/KnSubject/@SbId/2000").status_code == 200
    assert ready.write("POST", "/connectors/KnSubject", content=b"{not json").status_code == 400
    assert ready.write("POST", "/connectors/KnSubject", auth=False, json=_subject(3)).status_code == 401
    assert ready.state.writes == 7  # every attempt counts, refused ones too


def test_knsubject_rules_destination_and_linkfile(ready: Sim) -> None:
    lang = {"Accept-Language": "en-us"}
    actions.set_dossier_destinations(ready.state, "Niet toegestaan", "Optioneel", type_id=3)
    refused = ready.write("POST", "/connectors/KnSubject", json=_subject(3), headers=lang)
    assert refused.status_code == 500
    assert _error_body(refused)["externalMessage"] == "This destination is not valid for this type of dossier item"
    no_files = ready.write("POST", "/connectors/KnSubject", json=_subject(5, purchase_invoice=None), headers=lang)
    assert no_files.status_code == 500
    assert "Attachments are not allowed" in str(_error_body(no_files)["externalMessage"])
    unknown = ready.write("POST", "/connectors/KnSubject", json=_subject(99), headers=lang)
    assert unknown.status_code == 500
    assert ready.write("POST", "/connectors/KnSubject", json=_subject(4)).status_code == 201
    sub = ready.write("POST", "/connectors/KnSubject/KnSubjectAttachment", json=_subject(4, purchase_invoice=None))
    assert sub.status_code == 201
    assert ready.write("POST", "/connectors/KnSubject/KnNothing", json=_subject(4)).status_code == 500


def test_write_to_an_unlinked_update_connector(make_sim) -> None:
    sim = make_sim("missing-connectors")
    response = sim.write("POST", "/connectors/KnSubject", json=_subject(3))
    assert response.status_code == 500
    assert sim.state.writes == 1


# --- faults --------------------------------------------------------------------------------------------------------


def test_maintenance_answers_503_with_retry_after(ready: Sim) -> None:
    actions.set_faults(ready.state, maintenance=True)
    for response in (ready.get("/metainfo"), ready.get("/metainfo", auth=False), ready.get("/connectors/SBQ_BTW")):
        assert response.status_code == 503
        assert response.headers["Retry-After"] == "7200"
        assert response.json() == {
            "error": {
                "code": "503",
                "message": "Service temporarily unavailable due to scheduled maintenance. "
                "Please check afasstatus.nl for details.",
            },
            "retry_after": 7200,
        }


def test_malformed_body_is_a_200_that_is_not_json(ready: Sim) -> None:
    actions.set_faults(ready.state, malformed_body=True)
    response = ready.get("/connectors/SBQ_BTW")
    assert response.status_code == 200
    with pytest.raises(ValueError):
        response.json()
    assert ready.get("/metainfo", auth=False).status_code == 401  # errors stay as they are


def test_dropped_connection_in_process_looks_like_httpx_sees_a_drop(ready: Sim) -> None:
    actions.set_faults(ready.state, drop_connection=True)
    with pytest.raises(httpx.RemoteProtocolError):
        ready.get("/metainfo")
    assert ready.state.log[-1].note == "connection dropped"
    actions.set_faults(ready.state, drop_connection=False)
    assert ready.get("/metainfo").status_code == 200


def test_latency_fault_is_applied_per_request_and_logged(ready: Sim) -> None:
    actions.set_faults(ready.state, latency_ms=20)
    assert ready.get("/metainfo").status_code == 200
    actions.set_faults(ready.state, latency_ms=0)
    assert ready.get("/metainfo").status_code == 200
    assert [e.latency_ms for e in ready.state.log] == [20, 0]


def test_a_simulator_defect_still_answers_like_afas_and_is_logged(
    ready: Sim, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    from wizard.sim import rest_read

    def broken(*_args: object) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr(rest_read, "rows_for", broken)
    response = ready.get("/connectors/SBQ_BTW")
    assert response.status_code == 500
    assert _error_body(response)["errorNumber"] == -2147180999
    assert ready.state.log[-1].note == "simulator error: RuntimeError"
    assert "simulator error" in caplog.text


def test_app_connector_auth_type_and_token_validity(ready: Sim) -> None:
    actions.set_faults(ready.state, auth_type="hybrid")
    assert ready.get("/metainfo").status_code == 200
    actions.set_faults(ready.state, auth_type="oauth")
    assert ready.get("/metainfo").status_code == 401
    actions.set_faults(ready.state, auth_type="classic", token_validity_days=30)
    ready.state.today = dt.date(2026, 12, 1)
    token = ready.state.create_user_token("12345.sbq")
    assert token.expires == dt.date(2026, 12, 31)
    assert ready.get("/metainfo").json()["info"]["tokenExpiry"] == "2026-12-31T00:00:00"
