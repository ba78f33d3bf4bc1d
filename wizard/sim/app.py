"""The HTTP face of the simulated environment: AFAS's REST and SOAP surface, plus the /_sim/ admin API.

Wire facts (paths, status codes, bodies, headers) follow afas-api.md; where AFAS behaviour is UNCONFIRMED the
answer is chosen by `SimSettings` (see wizard/sim/model.py). Paths under /ProfitRestServices match
case-insensitively, like AFAS's IIS front end.
"""

from __future__ import annotations

import asyncio
import base64
import binascii
import datetime as dt
import html
import ipaddress
import json
import logging
import re
import secrets
import time
import xml.etree.ElementTree as ET
from typing import Any
from urllib.parse import parse_qsl

import httpx
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route
from starlette.types import Receive, Scope, Send

from wizard.sim import query
from wizard.sim.admin_api import admin_routes
from wizard.sim.catalog import subject_type_destination_fields
from wizard.sim.data import rows_for
from wizard.sim.model import (
    PURCHASE_INVOICE,
    SALES_INVOICE,
    Attachment,
    FieldDef,
    GetDefinition,
    LogEntry,
    SimEnvironment,
    UpdateDefinition,
    UpdateObject,
    UserToken,
)

log = logging.getLogger(__name__)
MAX_QUERY = 2049  # a longer query string gets 404 (afas-api.md §3.1)
MAX_BODY = 75 * 1024 * 1024  # 413 above 75 MB (afas-api.md §3.6)
UNEXPECTED = -2147180999
GENERAL = -2147180996
_TOKEN_XML = re.compile(r"<token>\s*<version>[^<]*</version>\s*<data>\s*([^<]*?)\s*</data>\s*</token>", re.I | re.S)
_METHODS = ["GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS"]
# Common response headers of AFAS's proxy (OAS component examples, afas-api.md §3).
_AFAS_HEADERS = {
    "Cache-Control": "no-store, no-cache",
    "Strict-Transport-Security": "max-age=31536000",
    "X-AFAS-Proxy-Version": "4.3.0.0",
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "deny",
    "Access-Control-Allow-Headers": "Content-Type, Accept, Authorization, OnlineSessionId, Accept-Language",
}

# (en, nl, errorNumber) of AFAS's documented messages (afas-api.md §4.2).
MESSAGES: dict[str, tuple[str, str, int]] = {
    "unexpected": ("An unexpected error has occurred.", "Er is een onverwachte fout opgetreden.", UNEXPECTED),
    "field": ("Connector field '{x}' not found", "Connector-veld '{x}' niet gevonden", UNEXPECTED),
    "get-unsupported": (
        "GetConnector not supported for this app or the user is not authorized",
        "GetConnector niet ondersteund voor deze app of de gebruiker is niet geautoriseerd",
        GENERAL,
    ),
    "update-unsupported": (
        "General message: This UpdateConnector is not supported or the user is not authorized.",
        "General message: Deze UpdateConnector wordt niet ondersteund of de gebruiker is niet geautoriseerd.",
        GENERAL,
    ),
    "special-unsupported": (
        "This connector is not supported for this app or the user is not authorized",
        "Deze connector wordt niet ondersteund voor deze app of de gebruiker is niet geautoriseerd",
        GENERAL,
    ),
    "blocked": ("This GetConnector (definition) is blocked", "Deze GetConnector (definitie) is geblokkeerd", GENERAL),
    "destination": (
        "This destination is not valid for this type of dossier item",
        "Deze bestemming is niet geldig voor dit type dossieritem",
        GENERAL,
    ),
    # Not documented word for word; worded like AFAS's validation messages.
    "no-attachments": (
        "Attachments are not allowed for dossier item type '{x}'.",
        "Bij type dossieritem '{x}' kunnen geen bijlagen worden toegevoegd.",
        GENERAL,
    ),
    "unknown-type": (
        "The entered value for 'Dossier item type' does not exist.",
        "De ingevulde waarde bij 'Type dossieritem' bestaat niet.",
        -2147220469,
    ),
    "root": (
        "General message: Invalid message: element '{x}' was not expected.",
        "General message: Ongeldig bericht: element '{x}' werd niet verwacht.",
        GENERAL,
    ),
}


class SimApp(Starlette):
    """Starlette plus one thing middleware cannot do: drop the TCP connection without any response."""

    def __init__(self, state: SimEnvironment, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.sim_state = state

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and not scope["path"].startswith("/_sim"):
            with self.sim_state.lock:
                drop = self.sim_state.faults.drop_connection
                latency = self.sim_state.faults.latency_ms
            if drop:
                if latency:
                    await asyncio.sleep(latency / 1000)
                _log(self.sim_state, scope, 0, has_auth=_has_auth(scope), latency_ms=latency, note="connection dropped")
                await _drop_connection(send)
                return
        await super().__call__(scope, receive, send)


def _has_auth(scope: Scope) -> bool:
    return any(k.lower() == b"authorization" for k, _ in scope.get("headers", []))


async def _drop_connection(send: Send) -> None:
    # uvicorn passes its RequestResponseCycle.send: close its transport, so the client sees the socket close
    # before any byte of a response. In-process (httpx's ASGITransport) there is no socket: raise what httpx
    # raises for a real drop.
    cycle = getattr(send, "__self__", None)
    transport = getattr(cycle, "transport", None)
    if transport is None:
        raise httpx.RemoteProtocolError("Server disconnected without sending a response.")
    transport.close()
    if cycle is not None and hasattr(cycle, "disconnected"):
        cycle.disconnected = True  # so uvicorn does not try to answer with its own 500


def _log(
    state: SimEnvironment,
    scope: Scope,
    status: int,
    *,
    has_auth: bool,
    integration_id: str | None = None,
    soap_action: str | None = None,
    data_id: str | None = None,
    write: bool = False,
    connector: str | None = None,
    latency_ms: int = 0,
    note: str = "",
) -> None:
    # Never the Authorization value, nor a body: only what identifies the call.
    entry = LogEntry(
        seq=0,
        time=dt.datetime.now(dt.UTC).isoformat(timespec="milliseconds"),
        method=scope.get("method", ""),
        path=scope.get("path", ""),
        query=scope.get("query_string", b"").decode("latin-1"),
        status=status,
        has_auth=has_auth,
        integration_id=integration_id,
        soap_action=soap_action,
        data_id=data_id,
        write=write,
        connector=connector,
        latency_ms=latency_ms,
        note=note,
    )
    with state.lock:
        entry.seq = len(state.log) + 1
        state.log.append(entry)


# --- helpers ----------------------------------------------------------------------------------------------------


def _lang(request: Request, state: SimEnvironment) -> str:
    header = request.headers.get("accept-language", "").strip().lower()
    if not header:
        return state.settings.language
    first = header.split(",")[0].split(";")[0].strip()
    return "nl" if first.startswith("nl") else "en"


def _json(data: Any, status: int = 200) -> Response:
    body = json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    return Response(body, status_code=status, media_type="application/json; charset=utf-8")


def _empty(status: int) -> Response:
    return Response(b"", status_code=status)


def _error(lang: str, key: str, status: int = 500, x: str = "") -> Response:
    en, nl, number = MESSAGES[key]
    message = (nl if lang == "nl" else en).replace("{x}", x)
    response = _json(
        {"externalMessage": message, "errorNumber": number, "profitLogReference": secrets.token_hex(16).upper()},
        status,
    )
    # Obsolete but still sent by AFAS: the message again, Base64 (afas-api.md §4.1).
    response.headers["X-PROFIT-ERROR"] = base64.b64encode(message.encode("utf-8")).decode("ascii")
    return response


def _maintenance(state: SimEnvironment) -> Response:
    seconds = state.settings.retry_after
    response = _json(
        {
            "error": {
                "code": "503",
                "message": "Service temporarily unavailable due to scheduled maintenance. "
                "Please check afasstatus.nl for details.",
            },
            "retry_after": seconds,
        },
        503,
    )
    response.headers["Retry-After"] = str(seconds)
    return response


def _params(request: Request) -> dict[str, str]:
    # AFAS documents lower-case parameter names; accept any case.
    return {k.lower(): v for k, v in parse_qsl(request.url.query, keep_blank_values=True)}


class _DeniedError(Exception):
    def __init__(self, response: Response, note: str) -> None:
        super().__init__(note)
        self.response = response
        self.note = note


def _token_from_header(value: str) -> str | None:
    scheme, _, rest = value.strip().partition(" ")
    if scheme.lower() != "afastoken":
        return None
    try:
        decoded = base64.b64decode(rest.strip(), validate=True).decode("utf-8")
    except (binascii.Error, UnicodeDecodeError, ValueError):
        return None  # plain XML in the header: Base64 is mandatory since Profit 7
    match = _TOKEN_XML.search(decoded)
    return match.group(1) if match else None


def _authorise(state: SimEnvironment, request: Request, token_data: str | None) -> UserToken:
    """The token's user, or _DeniedError with AFAS's answer: 401 (empty) or 403 for an IP restriction."""
    with state.lock:
        token = state.find_token(token_data) if token_data else None
        if token is None:
            raise _DeniedError(_empty(401), "unknown token" if token_data else "no or malformed token")
        if not token.valid_on(state.current_date()):
            raise _DeniedError(_empty(401), "token revoked" if token.revoked else "token expired")
        app = state.app_connector
        if app is None:
            raise _DeniedError(_empty(401), "no app connector")
        if app.blocked:
            raise _DeniedError(_empty(state.settings.blocked_app_connector), "app connector blocked")
        if app.auth_type == "oauth":  # switched to OAuth only: classic tokens no longer accepted (afas-api.md §0)
            raise _DeniedError(_empty(401), "app connector accepts OAuth only")
        if app.ip_restricted:
            host = request.client.host if request.client else "127.0.0.1"
            try:
                address = ipaddress.ip_address(host)
                allowed = any(address in ipaddress.ip_network(n, strict=False) for n in app.allowed_ips)
            except ValueError:
                allowed = False
            if not allowed:
                raise _DeniedError(_empty(403), "IP restriction")
        return token


def _token_expiry(state: SimEnvironment, token: UserToken) -> str:
    if token.expires is None or state.settings.token_expiry_style == "zero":
        return "0"  # "0" appears to mean: no expiry (UNCONFIRMED)
    return f"{token.expires.isoformat()}T00:00:00"


# --- the REST surface -------------------------------------------------------------------------------------------


class Rest:
    def __init__(self, state: SimEnvironment) -> None:
        self.state = state

    async def __call__(self, request: Request) -> Response:
        started = time.perf_counter()
        state = self.state
        with state.lock:
            latency = state.faults.latency_ms
            malformed = state.faults.malformed_body
        if latency:
            await asyncio.sleep(latency / 1000)
        info: dict[str, Any] = {}
        try:
            response = await self.dispatch(request, info)
        except Exception as exc:  # a simulator defect: answer like AFAS's catch-all, keep the traceback in the log
            log.exception("simulator error on %s %s", request.method, request.url.path)
            info["note"] = f"simulator error: {type(exc).__name__}"
            response = _error(_lang(request, state), "unexpected")
        if malformed and response.status_code == 200 and response.media_type and "json" in response.media_type:
            response = Response(b'{"skip":0,"take":100,"rows":[{"', media_type="application/json; charset=utf-8")
            info["note"] = (info.get("note", "") + " malformed body").strip()
        for key, value in _AFAS_HEADERS.items():
            response.headers.setdefault(key, value)
        elapsed = int((time.perf_counter() - started) * 1000)
        response.headers["X-AFAS-Proxy-Stats"] = f"init(0ms), before response(0ms), complete({elapsed}ms)"
        _log(
            state,
            request.scope,
            response.status_code,
            has_auth="authorization" in request.headers,
            integration_id=request.headers.get("integrationid"),
            soap_action=info.get("soap_action"),
            data_id=info.get("data_id"),
            write=bool(info.get("write")),
            connector=info.get("connector"),
            latency_ms=latency,
            note=info.get("note", ""),
        )
        return response

    async def dispatch(self, request: Request, info: dict[str, Any]) -> Response:
        path = request.url.path
        lower = path.lower()
        if lower.startswith("/profitservices/"):
            return await self.soap(request, info)
        if not (lower == "/profitrestservices" or lower.startswith("/profitrestservices/")):
            return _empty(404)
        if len(request.scope.get("query_string", b"")) > MAX_QUERY:
            info["note"] = "query string too long"
            return _empty(404)
        segments = [s for s in path.split("/")[2:] if s]
        head = segments[0].lower() if segments else ""
        method = request.method
        if head == "connectors" and method in ("POST", "PUT", "DELETE", "PATCH"):
            # Counted before anything else: the counter proves a client never even tried to write.
            info["write"] = True
            with self.state.lock:
                self.state.writes += 1
        with self.state.lock:
            maintenance = self.state.faults.maintenance
        if maintenance:
            return _maintenance(self.state)
        lang = _lang(request, self.state)
        if head in ("otprequest", "otpvalidation") and method == "POST":
            return await self.otp(request, head, info)
        if head not in (
            "metainfo",
            "connectors",
            "profitversion",
            "subjectconnector",
            "fileconnector",
            "reportconnector",
            "imageconnector",
        ):
            return _empty(404)
        try:
            token = _authorise(self.state, request, _token_from_header(request.headers.get("authorization", "")))
        except _DeniedError as denied:
            info["note"] = denied.note
            return denied.response
        rest = segments[1:]
        if head == "metainfo" and method == "GET":
            return self.metainfo(rest, lang, token, info)
        if head == "connectors" and rest:
            info["connector"] = rest[0]
            if method == "GET" and len(rest) == 1:
                return self.get_rows(request, rest[0], lang, info)
            if method in ("POST", "PUT", "DELETE"):
                return await self.update(request, rest, lang, info)
            return _empty(404)
        if method != "GET":
            return _empty(404)
        return self.special(request, head, rest, lang, info)

    # --- metainfo ---

    def _linked_get(self, connector_id: str) -> GetDefinition | None:
        state = self.state
        definition = state.get_definition(connector_id)
        app = state.app_connector
        if definition is None or app is None:
            return None
        if app.has("get", definition.id):
            return definition
        if definition.id.lower() == "profit_subjecttypes" and state.settings.subject_types_readable == "always":
            return definition
        return None

    def _unlinked(self, kind: str, lang: str, info: dict[str, Any]) -> Response:
        settings = self.state.settings
        info["note"] = f"{kind} connector not in app connector"
        status = settings.unlinked_get if kind == "get" else settings.unlinked_update
        if status == 401:
            return _empty(401)
        return _error(lang, f"{kind}-unsupported")

    def _extra_fields(self, definition: GetDefinition) -> list[FieldDef]:
        if definition.id.lower() == "profit_subjecttypes" and self.state.settings.subject_type_destinations:
            return subject_type_destination_fields()
        return []

    def metainfo(self, rest: list[str], lang: str, token: UserToken, info: dict[str, Any]) -> Response:
        state = self.state
        with state.lock:
            app = state.app_connector
            assert app is not None  # _authorise checked it
            if not rest:
                gets = [d for c in app.get_connectors if (d := state.get_definition(c))]
                updates = [u for c in app.update_connectors if (u := state.update_definition(c))]
                get_list = [{"id": d.id, "description": d.description(lang)} for d in gets]
                specials = [{"id": s, "description": s} for s in app.special_connectors]
                where = state.settings.specials_in_metainfo
                if where == "get":
                    get_list += specials
                body: dict[str, Any] = {
                    "updateConnectors": [{"id": u.id, "description": u.description(lang)} for u in updates],
                    "getConnectors": get_list,
                }
                if where == "custom":
                    body["customConnectors"] = specials
                return _json(
                    {
                        **body,
                        "info": {
                            "envid": state.env_id,
                            "appName": app.description,
                            "group": f"{app.user_group} ({token.user.upper()})",
                            "tokenExpiry": _token_expiry(state, token),
                        },
                    }
                )
            if len(rest) != 2:
                return _empty(404)
            kind, connector_id = rest[0].lower(), rest[1]
            info["connector"] = connector_id
            if kind == "get":
                definition = self._linked_get(connector_id)
                if definition is None:
                    return self._unlinked("get", lang, info)
                fields = definition.fields + self._extra_fields(definition)
                return _json(
                    {
                        "name": definition.id,
                        "description": definition.description(lang),
                        "fields": [
                            {
                                "id": f.id,
                                "fieldId": f.code or f"U{n:03d}",
                                "dataType": f.data_type,
                                "label": f.label(lang),
                                "length": f.length,
                                "controlType": f.control_type,
                                "decimals": f.decimals,
                                "decimalsFieldId": "",
                            }
                            for n, f in enumerate(fields, start=1)
                        ],
                    }
                )
            if kind == "update":
                update = state.update_definition(connector_id)
                if update is None or not app.has("update", update.id):
                    return self._unlinked("update", lang, info)
                return _json(self._update_meta(update, lang))
            return _empty(404)

    def _update_field(self, f: FieldDef, lang: str) -> dict[str, Any]:
        primary: bool | str = f.primary_key
        if self.state.settings.primary_key_as == "string":
            primary = "true" if f.primary_key else "false"
        return {
            "fieldId": f.id,
            "primaryKey": primary,
            "dataType": f.data_type,
            "label": f.label(lang),
            "mandatory": f.mandatory,
            "length": f.length,
            "controlType": f.control_type,
            "decimals": f.decimals,
            "decimalFieldId": "",  # sic: update metainfo says decimalFieldId, get metainfo decimalsFieldId
            "notzero": False,
            "values": [],
        }

    def _update_object(self, obj: UpdateObject, lang: str) -> dict[str, Any]:
        return {
            "name": obj.name,
            "fields": [self._update_field(f, lang) for f in obj.fields],
            "objects": [self._update_object(o, lang) for o in obj.objects],
        }

    def _update_meta(self, update: UpdateDefinition, lang: str) -> dict[str, Any]:
        return {
            "name": update.id,
            "id": update.id,
            "description": update.description(lang),
            "fields": [self._update_field(f, lang) for f in update.fields],
            "objects": [self._update_object(o, lang) for o in update.objects],
        }

    # --- GetConnector rows ---

    def get_rows(self, request: Request, connector_id: str, lang: str, info: dict[str, Any]) -> Response:
        state = self.state
        with state.lock:
            definition = self._linked_get(connector_id)
            if definition is None:
                return self._unlinked("get", lang, info)
            if definition.blocked:
                info["note"] = "definition blocked"
                return _error(lang, "blocked")
            extra = self._extra_fields(definition)
            rows = query.project(definition, rows_for(state, definition.rows), extra)
            fields = definition.fields + extra
        try:
            skip, take, page = query.run(rows, fields, _params(request))
        except query.QueryError as exc:
            info["note"] = str(exc)
            return _error(lang, exc.kind, x=exc.field_id)
        return _json({"skip": skip, "take": take, "rows": page})

    # --- UpdateConnectors (writes) ---

    async def update(self, request: Request, rest: list[str], lang: str, info: dict[str, Any]) -> Response:
        state = self.state
        connector_id = rest[0]
        with state.lock:
            update = state.update_definition(connector_id)
            app = state.app_connector
            linked = update is not None and app is not None and app.has("update", update.id)
        if update is None or not linked:
            return self._unlinked("update", lang, info)
        body = await request.body()
        if len(body) > MAX_BODY:
            return _empty(413)
        if request.method == "DELETE":
            # /connectors/{id}/{element}/@{key}/{value}
            if len(rest) < 4 or not rest[2].startswith("@"):
                return _empty(404)
            return _empty(200)
        try:
            document = json.loads(body.decode("utf-8"))
        except (UnicodeDecodeError, ValueError):
            return _json({"message": "Invalid json"}, 400)  # tim-online saw this body (afas-api.md §4.1)
        if not isinstance(document, dict) or len(document) != 1:
            return _error(lang, "root", x=str(list(document)[:1] if isinstance(document, dict) else "?"))
        root_name, payload = next(iter(document.items()))
        # POST /connectors/KnSubject/KnSubjectAttachment still sends the main record's envelope (OAS "Update main
        # record ... and insert subrecord"); the path names which sub-object is inserted.
        if root_name.lower() != update.root.lower():
            return _error(lang, "root", x=root_name)
        if len(rest) > 1 and rest[1].lower() not in {o.name.lower() for o in update.objects}:
            return _error(lang, "root", x=rest[1])
        with state.lock:
            state.write_bodies.append({"connector": update.id, "method": request.method, "root": root_name})
        if update.id == "KnSubject" and request.method == "POST":
            problem = self._check_subject(payload, lang)
            if problem is not None:
                return problem
        if request.method == "PUT":
            return _empty(201)  # FiInvoice PUT: 201 without a body in AFAS's spec
        return _json({"results": {update.id: self._results(update, payload)}}, 201)

    def _results(self, update: UpdateDefinition, payload: Any) -> dict[str, Any]:
        fields = _first_element_fields(payload)
        with self.state.lock:
            number = 100000 + self.state.writes
        out: dict[str, Any] = {}
        for key in update.result_keys:
            out[key] = str(fields.get(key) or number)
        return out

    def _check_subject(self, payload: Any, lang: str) -> Response | None:
        fields = _first_element_fields(payload)
        objects = _objects(payload)
        state = self.state
        try:
            type_id = int(fields.get("StId"))  # type: ignore[arg-type]
        except (TypeError, ValueError):
            return _error(lang, "unknown-type")
        with state.lock:
            item_type = state.dossier_types.get(type_id)
            if item_type is None:
                return _error(lang, "unknown-type")
            attachments = [f for f in objects.get("knsubjectattachment", []) if isinstance(f, dict)]
            if (attachments or fields.get("FileStream")) and not item_type.link_file:
                return _error(lang, "no-attachments", x=item_type.description)
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
                        return _error(lang, "destination")
            subject_id = 2000 + len(state.attachments)
            for attachment in attachments:
                try:
                    data = base64.b64decode(str(attachment.get("FileStream", "")), validate=False)
                except (binascii.Error, ValueError):
                    data = b""
                state.attachments.append(
                    Attachment(
                        subject_id,
                        secrets.token_hex(16).upper(),
                        str(attachment.get("FileName", "bijlage")),
                        "application/octet-stream",
                        data,
                    )
                )
        return None

    # --- special connectors ---

    def special(self, request: Request, head: str, rest: list[str], lang: str, info: dict[str, Any]) -> Response:
        required = {
            "profitversion": "AppConnectorVersion",
            "subjectconnector": "AppConnectorSubject",
            "fileconnector": "AppConnectorSubject",
            "reportconnector": "AppConnectorReport",
            "imageconnector": "",
        }[head]
        info["connector"] = required or head
        state = self.state
        with state.lock:
            app = state.app_connector
            assert app is not None
            if required and not app.has("special", required):
                info["note"] = f"{required} not in app connector"
                status = state.settings.unlinked_special
                return _error(lang, "special-unsupported") if status == 500 else _empty(status)
            if head == "profitversion":
                return _json({"version": state.settings.profit_version}) if not rest else _empty(404)
            if head in ("subjectconnector", "fileconnector"):
                params = _params(request)
                if head == "subjectconnector":
                    subject, file_id = (
                        ([*rest, "", ""])[:2] if rest else (params.get("subjectid", ""), params.get("fileid", ""))
                    )
                    found = next(
                        (a for a in state.attachments if str(a.subject_id) == subject and a.file_id == file_id), None
                    )
                else:
                    file_id, name = (
                        ([*rest, "", ""])[:2] if rest else (params.get("fileid", ""), params.get("filename", ""))
                    )
                    name = name.replace("_5f", "_")
                    found = next((a for a in state.attachments if a.file_id == file_id and a.filename == name), None)
                if found is None:
                    return _empty(404)
                return _json(
                    {
                        "filename": found.filename,
                        "mimetype": found.mimetype,
                        "filedata": base64.b64encode(found.data).decode("ascii"),
                    }
                )
            if head == "reportconnector":
                guid = rest[0] if rest else ""
                if guid.upper() not in state.reports:
                    return _empty(404)
                pdf = b"%PDF-1.4\n% " + state.reports[guid.upper()].encode("utf-8") + b"\n%%EOF\n"
                return _json({"filedata": base64.b64encode(pdf).decode("ascii"), "mimetype": "application/pdf"})
            return _empty(404)  # imageconnector: no images in this environment

    # --- OTP (afas-api.md §2.3) ---

    async def otp(self, request: Request, head: str, info: dict[str, Any]) -> Response:
        try:
            document = json.loads((await request.body()).decode("utf-8"))
        except (UnicodeDecodeError, ValueError):
            return _json({"message": "Invalid json"}, 400)
        if not isinstance(document, dict):
            return _json({"message": "Invalid json"}, 400)
        fields = {str(k).lower(): str(v) for k, v in document.items()}  # apiKey/apikey, userId/userid, Otp/otp
        state = self.state
        with state.lock:
            app = state.app_connector
            if (
                app is None
                or not secrets.compare_digest(fields.get("apikey", ""), app.api_key)
                or not secrets.compare_digest(fields.get("apitoken", ""), app.environment_key)
            ):
                info["note"] = "wrong API key or environment key"
                return _empty(401)
            wanted = fields.get("userid", "").lower()
            user = next((u for u in state.users.values() if wanted in (u.id.lower(), u.email.lower())), None)
            if head == "otprequest":
                if user is not None:
                    otp = f"{secrets.randbelow(10**8):08d}"
                    state.otp_outbox.append(
                        {"user": user.id, "email": user.email, "otp": otp, "subject": app.description}
                    )
                return Response(b"", status_code=200)  # the OTP goes by e-mail, never in the response
            given = fields.get("otp", "")
            mail = next(
                (m for m in reversed(state.otp_outbox) if user and m["user"] == user.id and m["otp"] == given), None
            )
            if mail is None or user is None:
                info["note"] = "invalid OTP"
                return Response(b"", status_code=204)  # dutchgrit treats 204 as an invalid OTP (UNCONFIRMED)
            state.otp_outbox.remove(mail)
            token = state.create_user_token(user.id, "OTP")
            xml = f"<token><version>1</version><data>{token.data}</data></token>"
        return _json({"token": xml + "\r\n"})  # the trailing CRLF is AFAS's (afas-api.md §2.3)

    # --- SOAP DataConnector (afas-api.md §1.3) ---

    async def soap(self, request: Request, info: dict[str, Any]) -> Response:
        service = request.url.path.lower().rsplit("/", 1)[-1]
        action = request.headers.get("soapaction", "").strip('"')
        if not action:
            match = re.search(r'action="([^"]+)"', request.headers.get("content-type", ""))
            action = match.group(1) if match else ""
        info["soap_action"] = action or None
        if service != "appconnectordata.asmx":
            return _empty(404)
        if request.method != "POST":
            return _empty(405)
        with self.state.lock:
            maintenance = self.state.faults.maintenance
        if maintenance:
            return _maintenance(self.state)
        try:
            envelope = ET.fromstring(await request.body())
        except ET.ParseError:
            return _soap_fault("Client", "The request is not valid XML.")
        values = {_local(e.tag).lower(): (e.text or "") for e in envelope.iter()}
        data_id = values.get("dataid", "")
        info["data_id"] = data_id or None
        if "execute" not in values and not action.lower().endswith("/execute"):
            return _soap_fault("Client", "Unknown method; expected Execute.")
        token_data = None
        if values.get("token"):
            match = _TOKEN_XML.search(html.unescape(values["token"]))
            token_data = match.group(1) if match else None
        if token_data is None and request.headers.get("authorization"):
            token_data = _token_from_header(request.headers["authorization"])
        try:
            _authorise(self.state, request, token_data)
        except _DeniedError as denied:
            info["note"] = denied.note
            if denied.response.status_code == 403:
                return denied.response
            return _soap_fault("Server", "General message: Token is ongeldig of verlopen.")  # UNCONFIRMED wording
        state = self.state
        with state.lock:
            app = state.app_connector
            assert app is not None
            if not app.has("special", "GetXMLSchema"):
                info["note"] = "GetXMLSchema not in app connector"
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
            info["connector"] = wanted
            update = state.update_definition(wanted)
            if update is None or not app.has("update", update.id):
                return _soap_fault("Server", MESSAGES["update-unsupported"][1])
            schema = _xsd(update)
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


def _xsd(update: UpdateDefinition) -> str:
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


def create_app(state: SimEnvironment) -> Starlette:
    """The ASGI application for one environment; use with httpx.ASGITransport or SimulatorServer."""
    rest = Rest(state)

    async def endpoint(request: Request) -> Response:  # a plain function: Starlette treats objects as raw ASGI
        return await rest(request)

    routes = [*admin_routes(state), Route("/{path:path}", endpoint, methods=_METHODS)]
    return SimApp(state, routes=routes)


__all__ = ["MESSAGES", "SimApp", "create_app"]
