"""REST writes: UpdateConnector POST/PUT/DELETE under `/connectors/{id}[/...]`.

The simulator accepts writes so a demo can "do the step in AFAS"; the verification never sends one, and every
attempt is counted (Gate.WRITE) before anything else is checked.
"""

from __future__ import annotations

import base64
import binascii
import json
import secrets
from typing import Any

from starlette.responses import Response

from wizard.sim.afas_http import Call, empty, error, json_response
from wizard.sim.model import PURCHASE_INVOICE, SALES_INVOICE, Attachment, UpdateDefinition
from wizard.sim.rest_read import unlinked


async def write(call: Call) -> Response:
    """POST/PUT/DELETE /connectors/{id}[/{sub}[/@{key}/{value}]]."""
    request, env, lang = call.request, call.env, call.lang
    rest = call.segments()
    if not rest or request.method == "PATCH":
        return empty(404)
    connector_id = rest[0]
    call.info.connector = connector_id
    with env.lock:
        update = env.update_definition(connector_id)
        app = env.app_connector
        linked = update is not None and app is not None and app.has("update", update.id)
    if update is None or not linked:
        return unlinked(call, "update")
    body = await request.body()  # at most limits.MAX_REST_WRITE: 413 above (SimApp counts it while it arrives)
    if request.method == "DELETE":
        # /connectors/{id}/{element}/@{key}/{value}
        if len(rest) < 4 or not rest[2].startswith("@"):
            return empty(404)
        return empty(200)
    try:
        document = json.loads(body.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        return json_response({"message": "Invalid json"}, 400)  # tim-online saw this body (afas-api.md §4.1)
    if not isinstance(document, dict) or len(document) != 1:
        return error(lang, "root", x=str(list(document)[:1] if isinstance(document, dict) else "?"))
    root_name, payload = next(iter(document.items()))
    # POST /connectors/KnSubject/KnSubjectAttachment still sends the main record's envelope (OAS "Update main
    # record ... and insert subrecord"); the path names which sub-object is inserted.
    if root_name.lower() != update.root.lower():
        return error(lang, "root", x=root_name)
    if len(rest) > 1 and rest[1].lower() not in {o.name.lower() for o in update.objects}:
        return error(lang, "root", x=rest[1])
    with env.lock:
        env.write_bodies.append({"connector": update.id, "method": request.method, "root": root_name})
    if update.id == "KnSubject" and request.method == "POST":
        problem = _check_subject(call, payload)
        if problem is not None:
            return problem
    if request.method == "PUT":
        return empty(201)  # FiInvoice PUT: 201 without a body in AFAS's spec
    return json_response({"results": {update.id: _results(call, update, payload)}}, 201)


def _results(call: Call, update: UpdateDefinition, payload: Any) -> dict[str, Any]:
    fields = _first_element_fields(payload)
    with call.env.lock:
        number = 100000 + call.env.writes
    return {key: str(fields.get(key) or number) for key in update.result_keys}


def _check_subject(call: Call, payload: Any) -> Response | None:
    """AFAS's checks on a new dossier item: known type, attachments allowed, invoice destinations allowed."""
    env, lang = call.env, call.lang
    fields = _first_element_fields(payload)
    objects = _objects(payload)
    try:
        type_id = int(fields.get("StId"))  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return error(lang, "unknown-type")
    with env.lock:
        item_type = env.dossier_types.get(type_id)
        if item_type is None:
            return error(lang, "unknown-type")
        attachments = [f for f in objects.get("knsubjectattachment", []) if isinstance(f, dict)]
        if (attachments or fields.get("FileStream")) and not item_type.link_file:
            return error(lang, "no-attachments", x=item_type.description)
        for link in objects.get("knsubjectlink", []):
            if not isinstance(link, dict):
                continue
            wanted = []
            if link.get("PiId") or str(link.get("SfTp")) == "12":
                wanted.append(PURCHASE_INVOICE)
            if link.get("SiId") or str(link.get("SfTp")) == "13":
                wanted.append(SALES_INVOICE)
            for destination in wanted:
                if item_type.destinations.get(destination, "Niet toegestaan") == "Niet toegestaan":
                    return error(lang, "destination")
        subject_id = 2000 + len(env.attachments)
        for attachment in attachments:
            try:
                data = base64.b64decode(str(attachment.get("FileStream", "")), validate=False)
            except (binascii.Error, ValueError):
                data = b""
            env.attachments.append(
                Attachment(
                    subject_id,
                    secrets.token_hex(16).upper(),
                    str(attachment.get("FileName", "bijlage")),
                    "application/octet-stream",
                    data,
                )
            )
    return None


def _first_element_fields(payload: Any) -> dict[str, Any]:
    element = payload.get("Element") if isinstance(payload, dict) else None
    if isinstance(element, list):
        element = element[0] if element else None
    fields = element.get("Fields") if isinstance(element, dict) else None
    return fields if isinstance(fields, dict) else {}


def _objects(payload: Any) -> dict[str, list[Any]]:
    """Sub-object name (lower case) -> list of their Fields dicts; Objects may be a list or one object."""
    element = payload.get("Element") if isinstance(payload, dict) else None
    if isinstance(element, list):
        element = element[0] if element else None
    raw = element.get("Objects") if isinstance(element, dict) else None
    items = raw if isinstance(raw, list) else [raw] if isinstance(raw, dict) else []
    out: dict[str, list[Any]] = {}
    for item in items:
        if not isinstance(item, dict):
            continue
        for name, value in item.items():
            elements = value.get("Element") if isinstance(value, dict) else None
            if isinstance(elements, dict):
                elements = [elements]
            for element_item in elements or []:
                if isinstance(element_item, dict):
                    out.setdefault(name.lower(), []).append(element_item.get("Fields", {}))
    return out
