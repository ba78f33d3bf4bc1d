"""The plan follows the manifest; respx for AFAS answers the simulator does not give; report JSON/HTML/exit codes."""

from __future__ import annotations

import asyncio
import datetime as dt
import json
from typing import Any

import httpx
import pytest
import respx

from tests.conftest import FAKE_XML
from wizard.data import load_manifest
from wizard.domain.checks import CheckId
from wizard.domain.credentials import parse_classic_token
from wizard.domain.environment import parse_environment
from wizard.domain.steps import StepId
from wizard.domain.text import Lang, Text
from wizard.verify import CheckResult, Report, Status, parse_token_expiry, planned_checks, verify

MANIFEST = load_manifest()
ENV = parse_environment("O12345AA")
BASE = ENV.rest_base_url
TOKEN = parse_classic_token(FAKE_XML)


def test_plan_is_derived_from_the_manifest() -> None:
    ids = [i for i, _ in planned_checks(MANIFEST)]
    assert ids[0] == "auth"
    assert {f"get:{s.id}" for s in MANIFEST.get_connectors} <= set(ids)
    assert {f"update:{s.id}" for s in MANIFEST.update_connectors} <= set(ids)
    assert {f"special:{s.id}" for s in MANIFEST.special_connectors} <= set(ids)
    assert {f"fields:{s.id}" for s in MANIFEST.get_connectors if s.required_fields} <= set(ids)
    assert len(ids) == len(set(ids))
    smaller = MANIFEST.model_copy(update={"get_connectors": MANIFEST.get_connectors[:2]})
    assert len(planned_checks(smaller)) == len(ids) - sum(
        1 + bool(s.required_fields) for s in MANIFEST.get_connectors[2:]
    )


# AFAS's GetXmlSchema answer: the DataConnector document travels escaped inside ExecuteResult (afas-api.md §1.3).
SOAP_SCHEMA = (
    '<?xml version="1.0" encoding="utf-8"?><soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/">'
    '<soap:Body><ExecuteResponse xmlns="urn:Afas.Profit.Services"><ExecuteResult>'
    "&lt;AfasDataConnector&gt;&lt;ConnectorData&gt;&lt;Id&gt;KnSubject&lt;/Id&gt;&lt;Schema&gt;x&lt;/Schema&gt;"
    "&lt;/ConnectorData&gt;&lt;/AfasDataConnector&gt;</ExecuteResult></ExecuteResponse></soap:Body></soap:Envelope>"
)


def _metainfo(**info: str) -> dict[str, Any]:
    return {
        "getConnectors": [{"id": s.id, "description": ""} for s in MANIFEST.get_connectors],
        "updateConnectors": [{"id": s.id, "description": ""} for s in MANIFEST.update_connectors],
        "customConnectors": [{"id": s.id} for s in MANIFEST.special_connectors],
        "info": {"envid": "O12345AA", "appName": "SmartBooqing", "group": "G", "tokenExpiry": "0", **info},
    }


def _afas(mock: respx.MockRouter, metainfo: dict[str, Any], rows: list[Any] | None = None) -> None:
    mock.get(f"{BASE}/metainfo").respond(200, json=metainfo)
    fields = {
        s.id: [{"id": f, "fieldId": f, "dataType": "string"} for f in s.required_fields]
        for s in MANIFEST.get_connectors
    }
    for spec in MANIFEST.get_connectors:
        mock.get(f"{BASE}/metainfo/get/{spec.id}").respond(200, json={"name": spec.id, "fields": fields[spec.id]})
        mock.get(f"{BASE}/connectors/{spec.id}").respond(
            200, json={"skip": 0, "take": 1, "rows": [{"a": 1}] if rows is None else rows}
        )
    for spec in MANIFEST.update_connectors:
        objects = [{"name": o, "fields": [], "objects": []} for o in spec.required_objects]
        mock.get(f"{BASE}/metainfo/update/{spec.id}").respond(200, json={"name": spec.id, "objects": objects})
    mock.get(f"{BASE}/profitversion").respond(200, json={"version": "22.22.5"})
    mock.get(url__startswith=f"{BASE}/subjectconnector/").respond(404)
    mock.get(url__startswith=f"{BASE}/reportconnector/").respond(404)
    mock.post(f"{ENV.soap_base_url}/appconnectordata.asmx").respond(200, text=SOAP_SCHEMA)


def _verify(**kwargs: Any) -> Report:
    return asyncio.run(verify(ENV, TOKEN, manifest=MANIFEST, **kwargs))


def test_respx_baseline_passes() -> None:
    with respx.mock(assert_all_called=False) as mock:
        _afas(mock, _metainfo())
        report = _verify(today=dt.date(2026, 11, 28))
    assert report.exit_code() == 0, [(c.id, c.status, c.message.en) for c in report.checks if c.status != "pass"]


def test_zero_rows_is_a_warning_about_filter_authorisation() -> None:
    with respx.mock(assert_all_called=False) as mock:
        _afas(mock, _metainfo(), rows=[])
        report = _verify()
    check = next(c for c in report.checks if c.id == "get:SBQ_BTW")
    assert check.status is Status.WARN and check.fix_step is StepId.APP_CONNECTOR
    assert "Filterautorisatie" in check.remedy.nl  # type: ignore[union-attr]
    assert report.exit_code() == 0


def test_missing_fields_mean_an_outdated_import_of_the_named_file() -> None:
    with respx.mock(assert_all_called=False) as mock:
        _afas(mock, _metainfo())
        mock.get(f"{BASE}/metainfo/get/SBQ_Transactie").respond(200, json={"fields": [{"id": "AdministrationId"}]})
        report = _verify()
    check = next(c for c in report.checks if c.id == "fields:SBQ_Transactie")
    assert check.status is Status.FAIL and check.fix_step is StepId.IMPORT
    assert "InvoiceNumber" in check.message.en
    gcn = MANIFEST.gcn_for("SBQ_Transactie")
    assert gcn is not None and gcn.file in check.remedy.en  # type: ignore[union-attr]


def test_unrecognised_answer_is_reported_as_it_came() -> None:
    with respx.mock(assert_all_called=False) as mock:
        _afas(mock, _metainfo())
        mock.get(f"{BASE}/connectors/SBQ_BTW").respond(409, text="Something AFAS never documented")
        report = _verify()
    check = next(c for c in report.checks if c.id == "get:SBQ_BTW")
    assert check.status is Status.FAIL and check.http_status == 409
    assert "Something AFAS never documented" in check.detail


def test_overall_deadline_reports_pending_checks_as_timeouts() -> None:
    async def hang(_request: httpx.Request) -> httpx.Response:
        await asyncio.sleep(30)
        return httpx.Response(200)

    with respx.mock(assert_all_called=False) as mock:
        _afas(mock, _metainfo())
        mock.get(f"{BASE}/profitversion").mock(side_effect=hang)
        report = _verify(timeout=0.5)
    check = next(c for c in report.checks if c.id == "special:AppConnectorVersion")
    assert check.status is Status.FAIL and "did not answer in time" in check.message.en
    assert report.exit_code() == 3
    assert len(report.checks) == len(planned_checks(MANIFEST))


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("0", None),
        ("", None),
        (None, None),
        ("2027-05-01", dt.date(2027, 5, 1)),
        ("2027-05-01T00:00:00", dt.date(2027, 5, 1)),
        ("2027-05-01T00:00:00Z", dt.date(2027, 5, 1)),
        ("1-5-2027", dt.date(2027, 5, 1)),
        ("01-05-2027 00:00:00", dt.date(2027, 5, 1)),
        ("1 mei 2027", dt.date(2027, 5, 1)),
        ("soon", "soon"),
    ],
)
def test_token_expiry_formats(value: str | None, expected: object) -> None:
    assert parse_token_expiry(value) == expected


def test_dutch_token_expiry_near_gives_the_sharper_warning() -> None:
    with respx.mock(assert_all_called=False) as mock:
        _afas(mock, _metainfo(tokenExpiry="15-12-2026"))
        report = _verify(today=dt.date(2026, 11, 28))
    check = next(c for c in report.checks if c.id == "token-expiry")
    assert check.status is Status.WARN and "17" in check.message.en
    assert next(c for c in report.checks if c.id == "token-sunset").status is Status.INFO


def _report(*statuses: Status, impossible: bool = False) -> Report:
    checks = [
        CheckResult(
            id=CheckId(f"get:C{i}"),
            status=s,
            title=Text(en="T <b>", nl="T <b>"),
            message=Text(en="<script>alert(1)</script>", nl="<script>"),
            remedy=Text(en="R & S", nl="R & S"),
            impossible=impossible,
        )
        for i, s in enumerate(statuses)
    ]
    return Report(environment="O12345AA", base_url=BASE, checks=checks, duration_ms=5)


def test_exit_codes() -> None:
    assert _report(Status.PASS, Status.WARN, Status.SKIP).exit_code() == 0
    assert _report(Status.PASS, Status.FAIL).exit_code() == 1
    assert _report(Status.FAIL, impossible=True).exit_code() == 3


def test_json_shape() -> None:
    data = json.loads(_report(Status.PASS, Status.FAIL).to_json(Lang.NL))
    assert {"environment", "checks", "summary", "duration_ms"} <= set(data)
    assert data["summary"]["fail"] == 1 and data["summary"]["pass"] == 1
    assert data["checks"][1]["status"] == "fail"
    assert data["checks"][1]["remedy"] == "R & S"


def test_html_escapes_everything_and_is_self_contained() -> None:
    page = _report(Status.FAIL).to_html(Lang.EN)
    assert "<script>" not in page and "&lt;script&gt;" in page
    assert "R &amp; S" in page
    assert "http://" not in page.replace(BASE, "") and "<link" not in page


def test_three_outcomes_said_plainly_with_exit_codes_kept() -> None:
    ok = _report(Status.PASS, Status.INFO, Status.MANUAL)
    assert ok.exit_code() == 0 and ok.ok  # a note and a check by hand are not defects
    assert ok.summary(Lang.NL).startswith("Alles in orde")
    assert "1 zelf te controleren" in ok.summary(Lang.NL) and "1 ter informatie" in ok.summary(Lang.NL)
    assert "warning" not in ok.summary(Lang.EN)
    incomplete = _report(Status.PASS, Status.FAIL)
    assert incomplete.summary(Lang.NL).startswith("Nog niet compleet")
    impossible = _report(Status.FAIL, impossible=True)
    impossible.checks += [
        CheckResult(id=CheckId("get:X"), status=Status.SKIP, title=Text(en="X", nl="X"), message=Text(en="-", nl="-"))
    ]
    said = impossible.summary(Lang.NL)
    assert said.startswith("Controle nu niet mogelijk") and BASE in said and "mislukt" not in said
    data = json.loads(impossible.to_json(Lang.EN))
    assert data["summary"]["verdict"] == "impossible" and data["summary"]["exit_code"] == 3
    assert json.loads(ok.to_json(Lang.EN))["summary"]["info"] == 1


def test_html_folds_the_skipped_rows_and_labels_notes() -> None:
    report = _report(Status.FAIL, impossible=True)
    report.checks += [
        CheckResult(
            id=CheckId(f"get:S{i}"), status=Status.SKIP, title=Text(en="S", nl="S"), message=Text(en="-", nl="-")
        )
        for i in range(3)
    ]
    page = report.to_html(Lang.EN)
    assert "<details><summary>3 checks not done</summary>" in page
    assert "Cannot check right now" in page
    assert "ℹ For your information" in _report(Status.INFO).to_html(Lang.EN)
