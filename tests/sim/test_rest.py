"""The REST surface in-process: shapes, status codes, error bodies, headers, queries, as afas-api.md documents."""

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


# --- /metainfo ---------------------------------------------------------------------------------------------------


def test_metainfo_lists_exactly_the_linked_connectors_and_the_session(ready: Sim) -> None:
    response = ready.get("/metainfo")
    assert response.status_code == 200
    body = response.json()
    assert sorted(c["id"] for c in body["getConnectors"]) == sorted(GET_IDS)
    assert sorted(c["id"] for c in body["updateConnectors"]) == sorted(UPDATE_IDS)
    assert sorted(c["id"] for c in body["customConnectors"]) == sorted(SPECIAL_IDS)
    assert body["info"] == {
        "envid": "O12345AA",
        "appName": "SmartBooqing",
        "group": "Alle Profit-gebruikers (12345.SBQ)",
        "tokenExpiry": "0",
    }
    assert all(c["description"] for c in body["getConnectors"])


@pytest.mark.parametrize(
    ("where", "in_custom", "in_get"), [("custom", True, False), ("none", False, False), ("get", False, True)]
)
def test_special_connectors_in_metainfo_follow_the_setting(
    ready: Sim, where: str, in_custom: bool, in_get: bool
) -> None:
    actions.set_settings(ready.state, specials_in_metainfo=where)
    body = ready.get("/metainfo").json()
    assert ("customConnectors" in body) is in_custom
    assert ("AppConnectorVersion" in {c["id"] for c in body["getConnectors"]}) is in_get


def test_paths_match_case_insensitively(ready: Sim) -> None:
    assert ready.request("GET", "/profitrestservices/METAINFO").status_code == 200
    rows = ready.request("GET", "/PROFITRESTSERVICES/Connectors/sbq_btw?take=1")
    assert rows.status_code == 200
    assert len(rows.json()["rows"]) == 1
    assert ready.request("GET", "/ProfitRestServices/nonsense").status_code == 404
    assert ready.request("GET", "/other/metainfo").status_code == 404


@pytest.mark.parametrize("connector_id", GET_IDS)
def test_every_linked_get_connector_has_metainfo_and_believable_rows(ready: Sim, connector_id: str) -> None:
    meta = ready.get(f"/metainfo/get/{connector_id}")
    assert meta.status_code == 200
    body = meta.json()
    assert body["name"] == connector_id
    field_ids = [f["id"] for f in body["fields"]]
    assert field_ids
    for field in body["fields"]:
        assert set(field) == {
            "id",
            "fieldId",
            "dataType",
            "label",
            "length",
            "controlType",
            "decimals",
            "decimalsFieldId",
        }
        assert field["dataType"] in {"string", "int", "decimal", "date", "boolean", "blob"}
    assert set(MANIFEST.connector(connector_id).required_fields) <= set(field_ids)
    rows = ready.get(f"/connectors/{connector_id}").json()["rows"]
    assert rows, f"{connector_id} returns no rows"
    assert all(list(row) == field_ids for row in rows)
    assert any(value is not None for row in rows for value in row.values())


def test_metainfo_update_knsubject_has_attachment_and_link_objects(ready: Sim) -> None:
    body = ready.get("/metainfo/update/KnSubject").json()
    assert body["name"] == "KnSubject"
    assert {"KnSubjectAttachment", "KnSubjectLink"} <= {o["name"] for o in body["objects"]}
    st_id = next(f for f in body["fields"] if f["fieldId"] == "StId")
    assert st_id["mandatory"] is True
    assert "decimalFieldId" in st_id  # sic: the update metainfo spelling
    assert {f["fieldId"]: f["primaryKey"] for f in body["fields"]}["SbId"] is True


def test_primary_key_can_be_a_string_like_dutchgrit_expects(ready: Sim) -> None:
    actions.set_settings(ready.state, primary_key_as="string")
    fields = ready.get("/metainfo/update/KnSubject").json()["fields"]
    assert {f["fieldId"]: f["primaryKey"] for f in fields}["SbId"] == "true"
    assert {f["fieldId"]: f["primaryKey"] for f in fields}["StId"] == "false"


def test_labels_and_descriptions_follow_accept_language(ready: Sim) -> None:
    nl = ready.get("/metainfo/get/SBQ_BTW", headers={"Accept-Language": "nl-nl"}).json()
    en = ready.get("/metainfo/get/SBQ_BTW", headers={"Accept-Language": "en-us"}).json()
    assert nl["fields"][1]["label"] == "Btw-code"
    assert en["fields"][1]["label"] == "VAT code"
    assert ready.get("/metainfo/get/SBQ_BTW").json()["description"] == nl["description"]  # environment language


# --- errors and headers ------------------------------------------------------------------------------------------


def test_error_messages_follow_accept_language_and_default_to_the_environment_language(ready: Sim) -> None:
    path = "/connectors/SBQ_BTW?filterfieldids=Nope&filtervalues=1&operatortypes=1"
    nl = ready.get(path)
    assert nl.status_code == 500
    assert _error_body(nl)["externalMessage"] == "Connector-veld 'Nope' niet gevonden"
    en = ready.get(path, headers={"Accept-Language": "en-US,en;q=0.9"})
    assert _error_body(en)["externalMessage"] == "Connector field 'Nope' not found"
    assert base64.b64decode(en.headers["X-PROFIT-ERROR"]).decode() == "Connector field 'Nope' not found"
    actions.set_settings(ready.state, language="en")
    assert _error_body(ready.get(path))["externalMessage"] == "Connector field 'Nope' not found"


def test_afas_headers_on_success_and_on_401(ready: Sim) -> None:
    for response in (ready.get("/metainfo"), ready.get("/metainfo", auth=False)):
        assert response.headers["Cache-Control"] == "no-store, no-cache"
        assert response.headers["X-Content-Type-Options"] == "nosniff"
        assert response.headers["X-Frame-Options"] == "deny"
        assert response.headers["X-AFAS-Proxy-Version"]
    assert ready.get("/metainfo").headers["content-type"].startswith("application/json")


def _b64(text: str) -> str:
    return base64.b64encode(text.encode()).decode()


@pytest.mark.parametrize(
    "header",
    [
        None,
        "AfasToken",
        "AfasToken not-base64!!",
        f"AfasToken {_b64('<token><version>1</version><data>' + 'AB' * 32 + '</data></token>')}",  # unknown
        "AfasToken <token><version>1</version><data>x</data></token>",  # XML without Base64 (before Profit 7)
        f"Bearer {_b64('x' * 40)}",
    ],
)
def test_missing_unknown_or_malformed_tokens_get_an_empty_401(ready: Sim, header: str | None) -> None:
    response = ready.get("/metainfo", auth=header if header is not None else False)
    assert response.status_code == 401
    assert response.content == b""


def test_the_xml_of_the_real_token_without_base64_is_refused(ready: Sim) -> None:
    assert ready.state.token is not None
    assert ready.get("/metainfo", auth=f"AfasToken {ready.state.token.xml()}").status_code == 401


def test_expired_and_revoked_tokens_get_401_and_expiry_shows_in_metainfo(ready: Sim) -> None:
    ready.state.today = dt.date(2027, 4, 1)
    actions.set_faults(ready.state, token_expires_on="2027-05-01")
    assert ready.get("/metainfo").json()["info"]["tokenExpiry"] == "2027-05-01T00:00:00"
    actions.set_settings(ready.state, token_expiry_style="zero")
    assert ready.get("/metainfo").json()["info"]["tokenExpiry"] == "0"
    ready.state.today = dt.date(2027, 5, 2)
    assert ready.get("/metainfo").status_code == 401
    actions.set_faults(ready.state, token_expires_on=None)
    assert ready.get("/metainfo").status_code == 200
    actions.set_faults(ready.state, token_expired=True)
    assert ready.get("/metainfo").status_code == 401
    actions.set_faults(ready.state, token_expired=False, token_revoked=True)
    assert ready.get("/metainfo").status_code == 401


def test_blocked_app_connector_gets_401_and_ip_restriction_403(ready: Sim) -> None:
    actions.set_blocked(ready.state, True)
    blocked = ready.get("/metainfo")
    assert (blocked.status_code, blocked.content) == (401, b"")
    actions.set_blocked(ready.state, False)
    actions.set_faults(ready.state, ip_restricted=True)
    restricted = ready.get("/metainfo")
    assert (restricted.status_code, restricted.content) == (403, b"")
    assert ready.state.app_connector is not None
    ready.state.app_connector.allowed_ips.append("127.0.0.0/8")
    assert ready.get("/metainfo").status_code == 200


def test_long_query_string_gets_404(ready: Sim) -> None:
    at_limit = "x=" + "1" * 2047  # 2049 characters after the "?"
    assert ready.get(f"/connectors/SBQ_BTW?{at_limit}").status_code == 200
    assert ready.get(f"/connectors/SBQ_BTW?{at_limit}1").status_code == 404


# --- unlinked connectors: every UNCONFIRMED variant -----------------------------------------------------------


@pytest.mark.parametrize("connector_id", ["Precal_Landen", "Does_Not_Exist"])
def test_unlinked_or_unknown_get_connector_default_is_the_documented_500_body(make_sim, connector_id: str) -> None:
    sim = make_sim("missing-connectors")
    for path in (f"/connectors/{connector_id}", f"/metainfo/get/{connector_id}"):
        response = sim.get(path)
        assert response.status_code == 500
        assert _error_body(response)["externalMessage"] == (
            "GetConnector niet ondersteund voor deze app of de gebruiker is niet geautoriseerd"
        )


def test_unlinked_get_connector_can_be_a_401(make_sim) -> None:
    sim = make_sim("missing-connectors")
    actions.set_settings(sim.state, unlinked_get=401)
    response = sim.get("/connectors/Precal_Landen")
    assert (response.status_code, response.content) == (401, b"")


@pytest.mark.parametrize(("status", "empty"), [(500, False), (401, True)])
def test_unlinked_update_connector_metainfo(make_sim, status: int, empty: bool) -> None:
    sim = make_sim("missing-connectors")
    actions.set_settings(sim.state, unlinked_update=status)
    response = sim.get("/metainfo/update/KnSubject")
    assert response.status_code == status
    assert (response.content == b"") is empty
    if not empty:
        assert "UpdateConnector wordt niet ondersteund" in str(_error_body(response)["externalMessage"])


@pytest.mark.parametrize("status", [401, 403, 404, 500])
def test_unlinked_special_connector_probe_follows_the_setting(ready: Sim, status: int) -> None:
    actions.unlink(ready.state, "special", "AppConnectorVersion")
    actions.set_settings(ready.state, unlinked_special=status)
    response = ready.get("/profitversion")
    assert response.status_code == status
    if status == 500:
        _error_body(response)
    else:
        assert response.content == b""


# --- GetConnector queries ---------------------------------------------------------------------------------------


def _rows(sim: Sim, query: str, connector: str = "SBQ_BTW") -> list[dict[str, object]]:
    response = sim.get(f"/connectors/{connector}?{query}")
    assert response.status_code == 200, response.text
    rows: list[dict[str, object]] = response.json()["rows"]
    return rows


def test_paging_defaults_and_quirks(ready: Sim) -> None:
    everything = ready.get("/connectors/SBQ_Grootboekrekeningen").json()
    assert (everything["skip"], everything["take"]) == (0, 100)
    total = len(everything["rows"])
    page = ready.get("/connectors/SBQ_Grootboekrekeningen?skip=2&take=3").json()
    assert (page["skip"], page["take"]) == (2, 3)
    assert page["rows"] == everything["rows"][2:5]
    assert len(_rows(ready, "skip=-1&take=-1", "SBQ_Grootboekrekeningen")) == total
    assert len(_rows(ready, "skip=0&take=0", "SBQ_Grootboekrekeningen")) == 1  # PracticalAfas: take=0 gives 1 row
    assert _rows(ready, "skip=abc&take=2", "SBQ_Grootboekrekeningen") == everything["rows"][:2]
    unexpected = ready.get("/connectors/SBQ_Grootboekrekeningen?skip=2&take=-1")
    assert unexpected.status_code == 500
    body = _error_body(unexpected)
    assert body["errorNumber"] == -2147180999
    assert body["externalMessage"] == "Er is een onverwachte fout opgetreden."


def test_filter_operators(ready: Sim) -> None:
    equal = _rows(ready, "filterfieldids=VatCode&filtervalues=1&operatortypes=1")
    assert equal and {r["VatCode"] for r in equal} == {"1"}
    both = _rows(ready, "filterfieldids=VatCode,AdministrationId&filtervalues=1,2&operatortypes=1,1")
    assert [(r["VatCode"], r["AdministrationId"]) for r in both] == [("1", 2)]
    either = _rows(ready, "filterfieldids=VatCode;VatCode&filtervalues=1;2&operatortypes=1;1")
    assert {r["VatCode"] for r in either} == {"1", "2"}
    assert len(either) == 4
    contains = _rows(ready, "filterfieldids=Description&filtervalues=%25laag%25&operatortypes=6")
    assert {r["Description"] for r in contains} == {"Btw laag"}
    higher = _rows(ready, "filterfieldids=VatPercentage&filtervalues=9&operatortypes=4")
    assert {r["VatPercentage"] for r in higher} == {21.0}
    not_equal = _rows(ready, "filterfieldids=VatCode&filtervalues=0&operatortypes=7")
    assert "0" not in {r["VatCode"] for r in not_equal}
    starts = _rows(ready, "filterfieldids=Description&filtervalues=Btw&operatortypes=10")
    assert all(str(r["Description"]).startswith("Btw") for r in starts)
    empty = _rows(ready, "filterfieldids=VatAccount&filtervalues=&operatortypes=8")
    filled = _rows(ready, "filterfieldids=VatAccount&filtervalues=&operatortypes=9")
    assert empty and filled
    assert all(r["VatAccount"] is None for r in empty) and all(r["VatAccount"] for r in filled)
    assert len(empty) + len(filled) == len(_rows(ready, ""))


def test_filterjson(ready: Sim) -> None:
    import json
    from urllib.parse import quote

    document = {
        "Filters": {
            "Filter": [
                {
                    "@FilterId": "Filter 1",
                    "Field": [
                        {"@FieldId": "VatCode", "@OperatorType": "1", "#text": "2"},
                        {"@FieldId": "AdministrationId", "@OperatorType": "1", "#text": "1"},
                    ],
                }
            ]
        }
    }
    rows = _rows(ready, "filterjson=" + quote(json.dumps(document)))
    assert [(r["VatCode"], r["AdministrationId"]) for r in rows] == [("2", 1)]


def test_malformed_filters_are_unexpected_errors(ready: Sim) -> None:
    for query in (
        "filterfieldids=VatCode,Description&filtervalues=1&operatortypes=1,1",
        "filterfieldids=VatCode&filtervalues=1&operatortypes=99",
        "filterjson=%7Bnot-json",
    ):
        response = ready.get(f"/connectors/SBQ_BTW?{query}")
        assert response.status_code == 500
        assert _error_body(response)["errorNumber"] == -2147180999


def test_order_by_with_descending_prefix(ready: Sim) -> None:
    rows = _rows(ready, "orderbyfieldids=-VatPercentage,VatCode")
    percentages = [float(str(r["VatPercentage"])) for r in rows]
    assert percentages == sorted(percentages, reverse=True)
    assert ready.get("/connectors/SBQ_BTW?orderbyfieldids=Nope").status_code == 500


def test_blocked_definition_gets_the_blocked_message(ready: Sim) -> None:
    actions.set_faults(ready.state, blocked_definitions=["SBQ_BTW"])
    response = ready.get("/connectors/SBQ_BTW", headers={"Accept-Language": "en-us"})
    assert response.status_code == 500
    assert _error_body(response)["externalMessage"] == "This GetConnector (definition) is blocked"
    assert ready.get("/metainfo/get/SBQ_BTW").status_code == 200
    actions.set_faults(ready.state, blocked_definitions=[])
    assert ready.get("/connectors/SBQ_BTW").status_code == 200


# --- special connectors ------------------------------------------------------------------------------------------


def test_profitversion(ready: Sim) -> None:
    response = ready.get("/profitversion")
    assert response.status_code == 200
    assert re.fullmatch(r"\d+(\.\d+)+", response.json()["version"])


def test_subject_connector_path_and_query_forms(ready: Sim) -> None:
    attachment = ready.state.attachments[0]
    by_path = ready.get(f"/subjectconnector/{attachment.subject_id}/{attachment.file_id}")
    by_query = ready.get(f"/SubjectConnector?SubjectId={attachment.subject_id}&FileId={attachment.file_id}")
    for response in (by_path, by_query):
        assert response.status_code == 200
        body = response.json()
        assert body["filename"] == attachment.filename
        assert body["mimetype"] == "application/pdf"
        assert base64.b64decode(body["filedata"]).startswith(b"%PDF")
    assert ready.get(f"/subjectconnector/{attachment.subject_id}/00000000000000000000000000000000").status_code == 404
    file = ready.get(f"/fileconnector/{attachment.file_id}/{attachment.filename.replace('_', '_5f')}")
    assert file.status_code == 200
    actions.unlink(ready.state, "special", "AppConnectorSubject")
    assert ready.get(f"/subjectconnector/{attachment.subject_id}/{attachment.file_id}").status_code == 401


def test_report_connector(ready: Sim) -> None:
    guid = next(iter(ready.state.reports))
    response = ready.get(f"/reportconnector/{guid}")
    assert response.status_code == 200
    assert response.json()["mimetype"] == "application/pdf"
    assert base64.b64decode(response.json()["filedata"]).startswith(b"%PDF")
    assert ready.get("/reportconnector/00000000000000000000000000000000").status_code == 404
    actions.unlink(ready.state, "special", "AppConnectorReport")
    assert ready.get(f"/reportconnector/{guid}").status_code == 401


# --- dossier item types -------------------------------------------------------------------------------------------


def test_subject_types_are_readable_only_when_linked_unless_set_otherwise(ready: Sim) -> None:
    assert ready.get("/connectors/Profit_SubjectTypes").status_code == 500
    actions.set_settings(ready.state, subject_types_readable="always")
    rows = _rows(ready, "filterfieldids=LinkFile&filtervalues=true&operatortypes=1", "Profit_SubjectTypes")
    assert rows and all(r["LinkFile"] is True for r in rows)
    assert "DestPurchaseInvoice" not in rows[0]  # not an AFAS field
    actions.set_settings(ready.state, subject_types_readable="linked", subject_type_destinations=True)
    actions.link(ready.state, "get", "Profit_SubjectTypes")
    rows = _rows(ready, "filterfieldids=SubjectTypeId&filtervalues=3&operatortypes=1", "Profit_SubjectTypes")
    assert rows[0]["DestPurchaseInvoice"] == "Optioneel"
    actions.set_dossier_destinations(ready.state, "Niet toegestaan", "Verplicht", type_id=3)
    rows = _rows(ready, "filterfieldids=SubjectTypeId&filtervalues=3&operatortypes=1", "Profit_SubjectTypes")
    assert (rows[0]["DestPurchaseInvoice"], rows[0]["DestSalesInvoice"]) == ("Niet toegestaan", "Verplicht")
