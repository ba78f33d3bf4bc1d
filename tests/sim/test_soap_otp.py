"""SOAP DataConnector (GetXmlSchema) and the OTP token flow, in-process."""

from __future__ import annotations

import base64
import html
import xml.etree.ElementTree as ET

import httpx

from tests.sim.conftest import Sim
from wizard.sim import actions

SOAP_NS = "{http://schemas.xmlsoap.org/soap/envelope/}"
SERVICES_NS = "{urn:Afas.Profit.Services}"
EXECUTE = '"urn:Afas.Profit.Services/Execute"'


def _envelope(update_id: str, token_xml: str | None, encode: bool = False) -> str:
    parameters = (
        f"<DataConnector><UpdateConnectorId>{update_id}</UpdateConnectorId>"
        f"<EncodeBase64>{'true' if encode else 'false'}</EncodeBase64></DataConnector>"
    )
    token = f"<token>{html.escape(token_xml)}</token>" if token_xml else ""
    return (
        '<?xml version="1.0" encoding="utf-8"?>'
        '<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body>'
        f'<Execute xmlns="urn:Afas.Profit.Services">{token}<dataID>GetXmlSchema</dataID>'
        f"<parametersXml>{html.escape(parameters)}</parametersXml></Execute>"
        "</soap:Body></soap:Envelope>"
    )


def _soap(sim: Sim, body: str, headers: dict[str, str] | None = None) -> httpx.Response:
    sent = {"SOAPAction": EXECUTE, "Content-Type": "text/xml; charset=utf-8", **(headers or {})}
    return sim.request("POST", "/profitservices/appconnectordata.asmx", auth=False, headers=sent, content=body)


def _schema(response: httpx.Response) -> tuple[str, str]:
    """(connector id, schema text) from an ExecuteResponse."""
    envelope = ET.fromstring(response.content)
    result = envelope.find(f"{SOAP_NS}Body/{SERVICES_NS}ExecuteResponse/{SERVICES_NS}ExecuteResult")
    assert result is not None and result.text
    document = ET.fromstring(result.text)
    assert document.tag == "AfasDataConnector"
    assert document.find("{http://www.w3.org/2001/XMLSchema}schema") is not None
    return document.findtext("ConnectorData/Id") or "", document.findtext("ConnectorData/Schema") or ""


def _fault(response: httpx.Response) -> str:
    assert response.status_code == 500
    envelope = ET.fromstring(response.content)
    return envelope.findtext(f"{SOAP_NS}Body/{SOAP_NS}Fault/faultstring") or ""


def test_get_xml_schema_with_the_token_in_the_body(ready: Sim) -> None:
    assert ready.state.token is not None
    response = _soap(ready, _envelope("KnSubject", ready.state.token.xml()))
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/xml")
    connector, schema = _schema(response)
    assert connector == "KnSubject"
    xsd = ET.fromstring(schema)
    names = {e.get("name") for e in xsd.iter("{http://www.w3.org/2001/XMLSchema}element")}
    assert {"KnSubject", "KnSubjectAttachment", "KnSubjectLink", "StId", "FileStream"} <= names
    entry = ready.state.log[-1]
    assert (entry.soap_action, entry.data_id, entry.connector) == (EXECUTE.strip('"'), "GetXmlSchema", "KnSubject")


def test_get_xml_schema_with_the_base64_header_and_encoded_schema(ready: Sim) -> None:
    assert ready.state.token is not None
    header = {"Authorization": ready.state.token.authorization_header()}
    response = _soap(ready, _envelope("FiEntries", None, encode=True), header)
    _connector, schema = _schema(response)
    assert b'name="FiEntryPar"' in base64.b64decode(schema)


def test_soap_refusals_are_faults(ready: Sim) -> None:
    assert ready.state.token is not None
    token = ready.state.token.xml()
    assert "Token" in _fault(_soap(ready, _envelope("KnSubject", None)))
    assert "niet ondersteund" in _fault(_soap(ready, _envelope("KnAccount", token)))
    actions.unlink(ready.state, "special", "GetXMLSchema")
    assert "DataConnector niet ondersteund" in _fault(_soap(ready, _envelope("KnSubject", token)))
    assert _fault(_soap(ready, "<not-xml"))
    assert ready.request("POST", "/profitservices/unknown.asmx", auth=False).status_code == 404


def test_soap_in_maintenance(ready: Sim) -> None:
    assert ready.state.token is not None
    actions.set_faults(ready.state, maintenance=True)
    assert _soap(ready, _envelope("KnSubject", ready.state.token.xml())).status_code == 503


def test_otp_flow_issues_a_working_token(make_sim) -> None:
    sim = make_sim("fresh")
    sim.state.create_app_connector("SmartBooqing", "Alle Profit-gebruikers")
    actions.set_blocked(sim.state, False)
    app = sim.state.app_connector
    keys = {"apiKey": app.api_key, "apiToken": app.environment_key}
    requested = sim.write("POST", "/otprequest", auth=False, json={**keys, "userid": "12345.sbq"})
    assert (requested.status_code, requested.content) == (200, b"")
    otp = sim.admin("GET", "outbox").json()[-1]["otp"]
    wrong = sim.write("POST", "/otpvalidation", auth=False, json={**keys, "userId": "12345.sbq", "otp": "00000000"})
    assert wrong.status_code == 204
    valid = sim.write("POST", "/otpvalidation", auth=False, json={**keys, "userId": "sbq@example.invalid", "Otp": otp})
    assert valid.status_code == 200
    token_xml = valid.json()["token"]
    assert token_xml.endswith("\r\n")
    from wizard.domain.credentials import parse_classic_token

    token = parse_classic_token(token_xml.strip())
    assert sim.get("/metainfo", auth=token.authorization_header()).status_code == 200
    bad_key = sim.write("POST", "/otprequest", auth=False, json={"apiKey": "X", "apiToken": "Y", "userId": "a"})
    assert bad_key.status_code == 401
