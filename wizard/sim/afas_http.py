"""AFAS's HTTP conventions shared by every simulated endpoint: answers, error bodies, token checks, and the
per-call envelope (latency, maintenance, proxy headers, request log).

Wire facts follow afas-api.md; each AFAS route is a `Handler` wrapped once by `afas_endpoint` with the `Gate` it
needs, so no handler repeats the checks AFAS makes before it looks at the path.
"""

from __future__ import annotations

import asyncio
import base64
import binascii
import datetime as dt
import enum
import ipaddress
import json
import logging
import secrets
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import parse_qsl

from starlette.requests import ClientDisconnect, Request
from starlette.responses import Response
from starlette.types import Scope

from wizard.sim.limits import BodyTooLargeError, warn
from wizard.sim.model import AppConnector, LogEntry, SimEnvironment, UserToken
from wizard.sim.oauth import Denied, IssuedToken

log = logging.getLogger(__name__)
MAX_QUERY = 2049  # a longer query string gets 404 (afas-api.md §3.1)
UNEXPECTED = -2147180999
GENERAL = -2147180996
MAX_TOKEN_XML = 4096  # a token document is about 100 characters; a longer one is not looked into
ORIGINAL_PATH = "sim.original_path"  # scope key: the path as the client sent it (routing sees a normalised one)
# Common response headers of AFAS's proxy (OAS component examples, afas-api.md §3).
AFAS_HEADERS = {
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


# --- answers ----------------------------------------------------------------------------------------------------


def json_response(data: Any, status: int = 200) -> Response:
    body = json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    return Response(body, status_code=status, media_type="application/json; charset=utf-8")


def empty(status: int) -> Response:
    return Response(b"", status_code=status)


def error(lang: str, key: str, status: int = 500, x: str = "") -> Response:
    en, nl, number = MESSAGES[key]
    message = (nl if lang == "nl" else en).replace("{x}", x)
    response = json_response(
        {"externalMessage": message, "errorNumber": number, "profitLogReference": secrets.token_hex(16).upper()},
        status,
    )
    # Obsolete but still sent by AFAS: the message again, Base64 (afas-api.md §4.1).
    response.headers["X-PROFIT-ERROR"] = base64.b64encode(message.encode("utf-8")).decode("ascii")
    return response


def maintenance(env: SimEnvironment) -> Response:
    seconds = env.settings.retry_after
    response = json_response(
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


# --- who is calling ---------------------------------------------------------------------------------------------


class DeniedError(Exception):
    def __init__(self, response: Response, note: str) -> None:
        super().__init__(note)
        self.response = response
        self.note = note


def token_from_header(value: str) -> str | None:
    scheme, _, rest = value.strip().partition(" ")
    if scheme.lower() != "afastoken":
        return None
    try:
        decoded = base64.b64decode(rest.strip(), validate=True).decode("utf-8")
    except (binascii.Error, UnicodeDecodeError, ValueError):
        return None  # plain XML in the header: Base64 is mandatory since Profit 7
    return token_data(decoded)


def token_data(document: str) -> str | None:
    """The data of the first `<token><version>…</version><data>…</data></token>` in `document` (tags in any case,
    whitespace between them and around the data allowed), or None. One forward scan per `<token>`, never a
    backtracking regex: the text comes from the network, before authentication."""
    if len(document) > MAX_TOKEN_XML:
        return None
    lower = document.lower()
    start = lower.find("<token>")
    while start != -1:
        data = _token_after(document, lower, start + len("<token>"))
        if data is not None:
            return data
        start = lower.find("<token>", start + 1)
    return None


def _token_after(document: str, lower: str, at: int) -> str | None:
    data = None
    for tag in ("<version>", "</version>", "<data>", "</data>", "</token>"):
        if tag.startswith("</") and tag != "</token>":
            end = lower.find("<", at)  # the element's text: anything but '<'
            if end == -1:
                return None
            if tag == "</data>":
                data = document[at:end].strip()
            at = end
        else:
            while at < len(lower) and lower[at].isspace():
                at += 1
        if not lower.startswith(tag, at):
            return None
        at += len(tag)
    return data


@dataclass(frozen=True)
class Caller:
    """Who a call runs as: a classic token's user, or (Bearer) the user configured on the app connector."""

    user: str
    token: UserToken | None = None  # the classic token
    access: IssuedToken | None = None  # the OAuth access token


def _ip_allowed(app: AppConnector, request: Request) -> bool:
    if not app.ip_restricted:
        return True
    host = request.client.host if request.client else "127.0.0.1"
    try:
        address = ipaddress.ip_address(host)
        return any(address in ipaddress.ip_network(n, strict=False) for n in app.allowed_ips)
    except ValueError:
        return False


def ip_refusal(env: SimEnvironment, request: Request) -> DeniedError | None:
    """The app connector's IP restriction: 403, empty (afas-api.md §4.2; OAuth keeps it, afas-oauth.md §1.4)."""
    with env.lock:
        app = env.app_connector
        if app is not None and not _ip_allowed(app, request):
            return DeniedError(empty(403), "IP restriction")
    return None


def authorise(
    env: SimEnvironment, request: Request, authorization: str | None, body_token: str | None = None
) -> Caller:
    """Who the call runs as, or DeniedError with AFAS's answer: 401 (empty, or with WWW-Authenticate under OAuth)
    or 403 for an IP restriction. The app connector's Authenticatietype decides first (SimOAuth); a classic token
    is then checked as before. `body_token` is the token data of a SOAP body (a classic credential)."""
    # A token in a SOAP body is a classic credential, whatever the (absent) header says.
    scheme_header = authorization or ("AfasToken" if body_token else None)
    outcome = env.oauth.check_authorization(scheme_header)
    if isinstance(outcome, Denied):
        raise DeniedError(outcome.response(), outcome.note)
    with env.lock:
        app = env.app_connector
        if outcome.scheme == "bearer":
            if app is None:
                raise DeniedError(empty(401), "no app connector")
            denied = ip_refusal(env, request)
            if denied is not None:
                raise denied
            return Caller(user=app.user, access=outcome.token)
        token_data = body_token or token_from_header(authorization or "")
        token = env.find_token(token_data) if token_data else None
        if token is None:
            raise DeniedError(empty(401), "unknown token" if token_data else "no or malformed token")
        if not token.valid_on(env.current_date()):
            raise DeniedError(empty(401), "token revoked" if token.revoked else "token expired")
        if app is None:
            raise DeniedError(empty(401), "no app connector")
        if app.blocked:
            raise DeniedError(empty(env.settings.blocked_app_connector), "app connector blocked")
        denied = ip_refusal(env, request)
        if denied is not None:
            raise denied
        return Caller(user=token.user, token=token)


# --- one call ---------------------------------------------------------------------------------------------------


@dataclass
class CallInfo:
    """What the request log records about a call besides method, path and status."""

    note: str = ""
    connector: str | None = None
    data_id: str | None = None
    soap_action: str | None = None
    write: bool = False


@dataclass
class Call:
    request: Request
    env: SimEnvironment
    info: CallInfo = field(default_factory=CallInfo)
    caller: Caller | None = None  # set by Gate.AUTH and Gate.WRITE

    @property
    def lang(self) -> str:
        header = self.request.headers.get("accept-language", "").strip().lower()
        if not header:
            return self.env.settings.language
        first = header.split(",")[0].split(";")[0].strip()
        return "nl" if first.startswith("nl") else "en"

    def path_param(self, name: str) -> str:
        return str(self.request.path_params.get(name, ""))

    def segments(self, name: str = "rest") -> list[str]:
        """A `{name:path}` parameter split into its non-empty segments."""
        return [s for s in self.path_param(name).split("/") if s]

    def params(self) -> dict[str, str]:
        # AFAS documents lower-case parameter names; accept any case.
        return {k.lower(): v for k, v in parse_qsl(self.request.url.query, keep_blank_values=True)}


Handler = Callable[[Call], Awaitable[Response]]


class Gate(enum.Enum):
    """What AFAS checks before it looks at what was asked, in AFAS's order."""

    NONE = "none"  # SOAP and paths outside /ProfitRestServices: the handler decides
    OPEN = "open"  # query length, maintenance (OTP, unknown paths under /ProfitRestServices)
    AUTH = "auth"  # + the token
    WRITE = "write"  # + counted as a write first: the counter proves a client never even tried to write


async def _through_gate(call: Call, gate: Gate, handler: Handler) -> Response:
    env = call.env
    if gate is Gate.NONE:
        return await handler(call)
    if len(call.request.scope.get("query_string", b"")) > MAX_QUERY:
        call.info.note = "query string too long"
        return empty(404)
    if gate is Gate.WRITE:
        call.info.write = True
        with env.lock:
            env.writes += 1
    with env.lock:
        in_maintenance = env.faults.maintenance
    if in_maintenance:
        return maintenance(env)
    if gate is not Gate.OPEN:
        try:
            call.caller = authorise(env, call.request, call.request.headers.get("authorization"))
        except DeniedError as denied:
            call.info.note = denied.note
            return denied.response
    return await handler(call)


def afas_endpoint(env: SimEnvironment, handler: Handler, gate: Gate) -> Callable[[Request], Awaitable[Response]]:
    """A Starlette endpoint: the injected latency, the gate, AFAS's catch-all error, headers and the log entry."""

    async def endpoint(request: Request) -> Response:
        started = time.perf_counter()
        with env.lock:
            latency = env.faults.latency_ms
            malformed = env.faults.malformed_body
        if latency:
            await asyncio.sleep(latency / 1000)
        call = Call(request, env)
        try:
            response = await _through_gate(call, gate, handler)
        except BodyTooLargeError as exc:
            warn(request.scope, str(exc))
            call.info.note = "body too large"
            response = empty(413)
            response.headers["Connection"] = "close"  # the rest of the body is never read
        except ClientDisconnect:
            warn(request.scope, "the client disconnected while sending the body")
            call.info.note = "client disconnected"
            response = empty(400)
        except Exception as exc:  # a simulator defect: answer like AFAS's catch-all, keep the traceback in the log
            log.exception("simulator error on %s %s", request.method, request.url.path)
            call.info.note = f"simulator error: {type(exc).__name__}"
            response = error(call.lang, "unexpected")
        if malformed and response.status_code == 200 and response.media_type and "json" in response.media_type:
            response = Response(b'{"skip":0,"take":100,"rows":[{"', media_type="application/json; charset=utf-8")
            call.info.note = (call.info.note + " malformed body").strip()
        for key, value in AFAS_HEADERS.items():
            response.headers.setdefault(key, value)
        elapsed = int((time.perf_counter() - started) * 1000)
        response.headers["X-AFAS-Proxy-Stats"] = f"init(0ms), before response(0ms), complete({elapsed}ms)"
        record(env, request.scope, response.status_code, call.info, latency_ms=latency)
        return response

    return endpoint


def has_auth(scope: Scope) -> bool:
    return any(k.lower() == b"authorization" for k, _ in scope.get("headers", []))


def record(env: SimEnvironment, scope: Scope, status: int, info: CallInfo, *, latency_ms: int = 0) -> None:
    """Append to the request log: never the Authorization value, nor a body; only what identifies the call."""
    headers = {k.lower(): v for k, v in scope.get("headers", [])}
    integration = headers.get(b"integrationid")
    entry = LogEntry(
        seq=0,
        time=dt.datetime.now(dt.UTC).isoformat(timespec="milliseconds"),
        method=scope.get("method", ""),
        path=scope.get(ORIGINAL_PATH, scope.get("path", "")),
        query=scope.get("query_string", b"").decode("latin-1"),
        status=status,
        has_auth=has_auth(scope),
        integration_id=integration.decode("latin-1") if integration is not None else None,
        soap_action=info.soap_action,
        data_id=info.data_id,
        write=info.write,
        connector=info.connector,
        latency_ms=latency_ms,
        note=info.note,
    )
    with env.lock:
        entry.seq = len(env.log) + 1
        env.log.append(entry)
