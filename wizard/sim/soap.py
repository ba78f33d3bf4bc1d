"""The SOAP DataConnector (afas-api.md §1.3): `POST /profitservices/appconnectordata.asmx`, `Execute` with dataID
GetXmlSchema, answering an UpdateConnector's XSD."""

from __future__ import annotations

import base64
import html
import re
import xml.etree.ElementTree as ET

from starlette.responses import Response

from wizard.sim.afas_http import (
    MESSAGES,
    Call,
    DeniedError,
    authorise,
    empty,
    maintenance,
    token_data,
)
from wizard.sim.limits import warn
from wizard.sim.model import FieldDef, UpdateDefinition, UpdateObject

SOAP_MEDIA_TYPES = ("text/xml", "application/soap+xml")  # SOAP 1.1 and 1.2


async def execute(call: Call) -> Response:
    """Any path under /profitservices: only appconnectordata.asmx exists, and only POST."""
    request, env = call.request, call.env
    service = call.path_param("rest").lower().rsplit("/", 1)[-1]
    action = request.headers.get("soapaction", "").strip('"')
    if not action:
        match = re.search(r'action="([^"]+)"', request.headers.get("content-type", ""))
        action = match.group(1) if match else ""
    call.info.soap_action = action or None
    if service != "appconnectordata.asmx":
        return empty(404)
    if request.method != "POST":
        return empty(405)
    media = request.headers.get("content-type", "").split(";", 1)[0].strip().lower()
    if media not in SOAP_MEDIA_TYPES:
        # A web page may POST text/plain or a form cross-site without asking; a SOAP envelope says it is one.
        warn(request.scope, f"SOAP body of type {media[:60]!r}")
        call.info.note = "not a SOAP content type"
        return empty(415)
    with env.lock:
        in_maintenance = env.faults.maintenance
    if in_maintenance:
        return maintenance(env)
    try:
        envelope = ET.fromstring(await request.body())
    except ET.ParseError:
        return _soap_fault("Client", "The request is not valid XML.")
    values = {_local(e.tag).lower(): (e.text or "") for e in envelope.iter()}
    data_id = values.get("dataid", "")
    call.info.data_id = data_id or None
    if "execute" not in values and not action.lower().endswith("/execute"):
        return _soap_fault("Client", "Unknown method; expected Execute.")
    body_token = None
    if values.get("token"):
        body_token = token_data(html.unescape(values["token"]))
    try:
        # A Bearer token goes in the Authorization header, also for SOAP (afas-oauth.md §2.4).
        authorise(env, request, request.headers.get("authorization"), body_token)
    except DeniedError as denied:
        call.info.note = denied.note
        if denied.response.status_code == 403:
            return denied.response
        fault = _soap_fault("Server", "General message: Token is ongeldig of verlopen.")  # UNCONFIRMED wording
        if "www-authenticate" in denied.response.headers:  # under OAuth: what the REST answer says too
            fault.headers["WWW-Authenticate"] = denied.response.headers["www-authenticate"]
        return fault
    with env.lock:
        app = env.app_connector
        assert app is not None
        if not app.has("special", "GetXMLSchema"):
            call.info.note = "GetXMLSchema not in app connector"
            return _soap_fault(
                "Server", "General message: DataConnector niet ondersteund of de gebruiker is niet geautoriseerd."
            )
        if data_id.lower() != "getxmlschema":
            return _soap_fault("Server", f"General message: Onbekende dataID '{data_id}'.")
        try:
            parameters = ET.fromstring(html.unescape(values.get("parametersxml", "")).strip() or "<x/>")
        except ET.ParseError:
            return _soap_fault("Client", "parametersXml is not valid XML.")
        wanted = (parameters.findtext("UpdateConnectorId") or "").strip()
        encode = (parameters.findtext("EncodeBase64") or "false").strip().lower() == "true"
        call.info.connector = wanted
        update = env.update_definition(wanted)
        if update is None or not app.has("update", update.id):
            return _soap_fault("Server", MESSAGES["update-unsupported"][1])
        schema = xsd(update)
    if encode:
        schema = base64.b64encode(schema.encode("utf-8")).decode("ascii")
    document = (
        '<AfasDataConnector><xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">'
        '<xs:element name="AfasDataConnector"><xs:complexType><xs:choice maxOccurs="unbounded">'
        '<xs:element name="ConnectorData"><xs:complexType><xs:sequence>'
        '<xs:element name="Id" type="xs:string" minOccurs="0"/>'
        '<xs:element name="Schema" type="xs:string" minOccurs="0"/>'
        "</xs:sequence></xs:complexType></xs:element></xs:choice></xs:complexType></xs:element></xs:schema>"
        f"<ConnectorData><Id>{html.escape(update.id)}</Id><Schema>{html.escape(schema, quote=False)}</Schema>"
        "</ConnectorData></AfasDataConnector>"
    )
    return _soap_response(
        f'<ExecuteResponse xmlns="urn:Afas.Profit.Services"><ExecuteResult>{html.escape(document, quote=False)}'
        "</ExecuteResult></ExecuteResponse>"
    )


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


_XSD_TYPES = {
    "string": "xsd:string",
    "int": "xsd:long",
    "decimal": "xsd:decimal",
    "date": "xsd:date",
    "boolean": "xsd:boolean",
    "blob": "xsd:base64Binary",
}


def _xsd_element(name: str, fields: list[FieldDef], objects: list[UpdateObject]) -> str:
    parts = [
        f'<xsd:element name="{name}"><xsd:complexType><xsd:sequence>'
        '<xsd:element name="Element" maxOccurs="unbounded"><xsd:complexType><xsd:sequence>'
        '<xsd:element name="Fields" minOccurs="0"><xsd:complexType><xsd:sequence>'
    ]
    for f in fields:
        occurs = "" if f.mandatory else ' minOccurs="0"'
        parts.append(f"<!--{html.escape(f.label_nl)}-->")
        parts.append(f'<xsd:element name="{f.id}"{occurs} type="{_XSD_TYPES[f.data_type]}"/>')
    parts.append('</xsd:sequence><xsd:attribute name="Action" type="AFASRowAction"/></xsd:complexType></xsd:element>')
    if objects:
        parts.append('<xsd:element name="Objects" minOccurs="0"><xsd:complexType><xsd:sequence>')
        parts.extend(_xsd_element(o.name, o.fields, o.objects) for o in objects)
        parts.append("</xsd:sequence></xsd:complexType></xsd:element>")
    parts.append("</xsd:sequence></xsd:complexType></xsd:element></xsd:sequence></xsd:complexType></xsd:element>")
    return "".join(parts)


def xsd(update: UpdateDefinition) -> str:
    """The XSD AFAS's GetXmlSchema returns for an UpdateConnector (its fields and nested objects)."""
    return (
        '<xsd:schema xmlns:xsd="http://www.w3.org/2001/XMLSchema">'
        '<xsd:simpleType name="AFASRowAction"><xsd:restriction base="xsd:string">'
        '<xsd:enumeration value="insert"/><xsd:enumeration value="update"/><xsd:enumeration value="delete"/>'
        "</xsd:restriction></xsd:simpleType>"
        + _xsd_element(update.root, update.fields, update.objects)
        + "</xsd:schema>"
    )


def _soap_envelope(body: str) -> str:
    return (
        '<?xml version="1.0" encoding="utf-8"?><soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/" '
        'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:xsd="http://www.w3.org/2001/XMLSchema">'
        f"<soap:Body>{body}</soap:Body></soap:Envelope>"
    )


def _soap_response(body: str) -> Response:
    return Response(_soap_envelope(body).encode("utf-8"), media_type="text/xml; charset=utf-8")


def _soap_fault(code: str, message: str) -> Response:
    body = (
        f"<soap:Fault><faultcode>soap:{code}</faultcode><faultstring>{html.escape(message)}</faultstring></soap:Fault>"
    )
    return Response(_soap_envelope(body).encode("utf-8"), status_code=500, media_type="text/xml; charset=utf-8")
