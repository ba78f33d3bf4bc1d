"""SOAP faults from GetXMLSchema are classified with a remedy; AFAS's text is redacted before it is shortened."""

from __future__ import annotations

import asyncio
import datetime as dt
from typing import Any
from xml.sax.saxutils import escape

import httpx
import pytest
import respx

from tests.conftest import FAKE_DATA, FAKE_XML
from tests.verify.conftest import by_id, run_verify
from wizard.data import load_manifest
from wizard.domain.checks import Status
from wizard.domain.credentials import parse_classic_token
from wizard.domain.environment import parse_environment
from wizard.domain.redact import MASK, excerpt
from wizard.domain.steps import StepId
from wizard.domain.text import Lang
from wizard.verify import Report, verify
from wizard.verify.answers import parse_soap

MANIFEST = load_manifest()
ENV = parse_environment("O12345AA")
BASE = ENV.rest_base_url
SOAP = f"{ENV.soap_base_url}/appconnectordata.asmx"


def _envelope(body: str) -> str:
    return (
        '<?xml version="1.0" encoding="utf-8"?><soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/">'
        f"<soap:Body>{body}</soap:Body></soap:Envelope>"
    )


def _fault(message: str) -> str:
    return _envelope(
        f"<soap:Fault><faultcode>soap:Server</faultcode><faultstring>{escape(message)}</faultstring></soap:Fault>"
    )


def _metainfo(**info: str) -> dict[str, Any]:
    return {
        "getConnectors": [{"id": s.id} for s in MANIFEST.get_connectors],
        "updateConnectors": [{"id": s.id} for s in MANIFEST.update_connectors],
        "customConnectors": [{"id": s.id} for s in MANIFEST.special_connectors],
        "info": {"envid": "O12345AA", "appName": "SmartBooqing", "group": "G", "tokenExpiry": "0", **info},
    }


def _afas(mock: respx.MockRouter, *, metainfo: dict[str, Any], rows: Any, soap: httpx.Response) -> None:
    """An AFAS where everything is linked; `rows` is what every GetConnector answers, `soap` what GetXmlSchema does."""
    mock.get(f"{BASE}/metainfo").respond(200, json=metainfo)
    for spec in MANIFEST.get_connectors:
        fields = [{"id": f} for f in spec.required_fields]
        mock.get(f"{BASE}/metainfo/get/{spec.id}").respond(200, json={"fields": fields})
        mock.get(f"{BASE}/connectors/{spec.id}").respond(200, json=rows)
    for spec in MANIFEST.update_connectors:
        objects = [{"name": o} for o in spec.required_objects]
        mock.get(f"{BASE}/metainfo/update/{spec.id}").respond(200, json={"objects": objects})
    mock.get(f"{BASE}/profitversion").respond(200, json={"version": "22.22.5"})
    mock.get(url__regex=rf"{BASE}/(subject|report)connector/.*").respond(404)
    mock.post(SOAP).mock(return_value=soap)


def _verify(**kwargs: Any) -> Report:
    return asyncio.run(verify(ENV, parse_classic_token(FAKE_XML), today=dt.date(2026, 11, 28), **kwargs))


# --- SOAP faults (issue 12, item 16) --------------------------------------------------------------------------


def test_soap_fault_from_the_simulator_names_the_link_and_keeps_afas_words(sim_factory: Any) -> None:
    server, admin = sim_factory("ready")
    admin.unlink("special", "GetXMLSchema")
    check = by_id(run_verify(server))["special:GetXMLSchema"]
    assert check.status is Status.FAIL and check.fix_step is StepId.LINK_CONNECTORS
    assert check.remedy is not None
    assert "Algemeen › Beheer › App connector › SmartBooqing › Connectoren › Nieuw › GetXMLSchema" in check.remedy.en
    # AFAS's own words are kept (the simulator's wording for a missing DataConnector).
    assert "DataConnector niet ondersteund" in check.message.en and "DataConnector niet ondersteund" in check.detail
    assert "answered unexpectedly" not in check.message.en


@pytest.mark.parametrize(
    "wording",
    [
        "General message: Connector niet ondersteund of de gebruiker is niet geautoriseerd.",
        "General message: Something went wrong in Profit.",
    ],
)
def test_any_soap_fault_names_the_link_to_add(wording: str) -> None:
    """AFAS's wording for an unlinked GetXMLSchema is UNCONFIRMED: whatever the fault says, the remedy names the
    connector and its tab, and AFAS's message is quoted (respx: the simulator has one wording only)."""
    with respx.mock(assert_all_called=False) as mock:
        _afas(mock, metainfo=_metainfo(), rows={"rows": [{"x": 1}]}, soap=httpx.Response(500, text=_fault(wording)))
        check = by_id(_verify())["special:GetXMLSchema"]
    assert check.status is Status.FAIL and check.fix_step is StepId.LINK_CONNECTORS
    assert check.remedy is not None and "Connectoren › Nieuw › GetXMLSchema" in check.remedy.nl
    assert wording.split(": ", 1)[1].rstrip(".") in check.message.en
    assert not check.impossible


@pytest.mark.parametrize(
    "answer",
    [
        httpx.Response(
            200, text="<html><body>Log in to the guest network</body></html>", headers={"Content-Type": "text/html"}
        ),
        httpx.Response(302, headers={"Location": "https://portal.example.net/login"}),
    ],
    ids=["portal-page", "redirect"],
)
def test_a_portal_answering_the_soap_call_is_impossible_not_a_missing_link(answer: httpx.Response) -> None:
    """Issue 12 item 11 on the SOAP path: a page or redirect instead of AFAS's XML means 'cannot check from here',
    not 'link GetXMLSchema'."""
    with respx.mock(assert_all_called=False) as mock:
        _afas(mock, metainfo=_metainfo(), rows={"rows": [{"x": 1}]}, soap=answer)
        check = by_id(_verify())["special:GetXMLSchema"]
    assert check.status is Status.FAIL and check.impossible
    assert "answered instead" in check.message.en
    assert check.fix_step is not StepId.LINK_CONNECTORS


def test_soap_answers_are_parsed_as_xml() -> None:
    fault = parse_soap(_fault("Token <b>ongeldig</b> & verlopen"))
    assert fault.parsed and fault.fault == "Token <b>ongeldig</b> & verlopen" and fault.fault_code == "soap:Server"
    schema = _envelope(
        '<ExecuteResponse xmlns="urn:Afas.Profit.Services"><ExecuteResult>'
        "&lt;AfasDataConnector&gt;&lt;ConnectorData&gt;&lt;Id&gt;KnSubject&lt;/Id&gt;&lt;/ConnectorData&gt;"
        "&lt;/AfasDataConnector&gt;</ExecuteResult></ExecuteResponse>"
    )
    assert parse_soap(schema).has_connector_data
    # The word alone is not a schema, and a page that is not XML is not an answer at all.
    assert not parse_soap(
        _envelope("<ExecuteResponse><ExecuteResult>ConnectorData</ExecuteResult></ExecuteResponse>")
    ).has_connector_data
    assert not parse_soap("<html><body>Proxy login</body>").parsed
    bomb = '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaaaaaaaa">]><x>&a;&a;</x>'
    assert not parse_soap(bomb).parsed  # defusedxml refuses entity declarations


# --- Redact before shortening (issue 12, item 2) ----------------------------------------------------------------


def _fragments(secret: str, length: int = 12) -> set[str]:
    return {secret[i : i + length] for i in range(len(secret) - length + 1)}


# Every length the client and the checks cut AFAS's words to (errors.py MESSAGE_LIMIT/DETAIL_LIMIT, the excerpts of
# bodies, log references, hosts, descriptions).
LIMITS = (40, 60, 80, 100, 120, 200, 300, 500)


def test_excerpt_redacts_before_it_cuts_at_every_offset_and_length() -> None:
    parse_classic_token(FAKE_XML)  # registers the token's forms with the redactor
    fragments = _fragments(FAKE_DATA)
    leaks = []
    for limit in LIMITS:
        for offset in range(limit + len(FAKE_DATA) + 2):
            text = "x" * offset + FAKE_DATA + " tail"
            cut = excerpt(text, limit)
            assert len(cut) <= limit
            leaks += [(limit, offset) for f in fragments if f in cut]
            if offset + len(MASK) < limit:  # the quote is within the excerpt: there, masked
                assert MASK in cut, (limit, offset)
    assert leaks == []


def test_an_answer_quoting_the_token_leaks_no_fragment_into_reports() -> None:
    """End to end, once: a hostile or echoing AFAS quotes the token in a connector's body, a SOAP fault and the token
    expiry; the JSON and HTML reports show it masked. (Every offset and cut length: the sweep above.)"""
    quoted = "q" * 100 + FAKE_DATA + " end"
    with respx.mock(assert_all_called=False) as mock:
        _afas(
            mock,
            metainfo=_metainfo(tokenExpiry=quoted),
            rows={"message": quoted},  # JSON without rows: reported as an answer we do not recognise
            soap=httpx.Response(500, text=_fault(quoted)),
        )
        report = _verify()
    for lang in Lang:
        for text in (report.to_json(lang), report.to_html(lang)):
            assert [f for f in _fragments(FAKE_DATA) if f in text] == []
            assert MASK in text
