"""The simulated AFAS as one ASGI app: the route table, AFAS's case-insensitive paths, and dropped connections.

Each concern has its module: REST reads (rest_read), writes (rest_write), special connectors (special), SOAP and
the XSD (soap), OTP (otp), the admin API (admin_api, admin_guard); afas_http holds what AFAS checks on every call.
Paths under /ProfitRestServices and /profitservices match case-insensitively, like AFAS's IIS front end: done once
here, for every AFAS route, together with collapsing doubled and trailing slashes.
"""

from __future__ import annotations

import asyncio
import re
from typing import Any

import httpx
from starlette.applications import Starlette
from starlette.responses import Response
from starlette.routing import BaseRoute, Route
from starlette.types import Receive, Scope, Send

from wizard.sim import limits, otp, rest_oauth, rest_read, rest_write, soap
from wizard.sim.admin_api import admin_routes
from wizard.sim.admin_guard import AdminAccess, new_key
from wizard.sim.afas_http import MESSAGES, ORIGINAL_PATH, CallInfo, Gate, Handler, afas_endpoint, record
from wizard.sim.model import SimEnvironment
from wizard.sim.special import REQUIRED as SPECIAL_HEADS
from wizard.sim.special import special

REST = "/profitrestservices"
ALL_METHODS = ["GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS"]
WRITE_METHODS = ["POST", "PUT", "DELETE", "PATCH"]
# Path heads AFAS knows: any other shape under them still needs a valid token before the 404.
KNOWN_HEADS = ("metainfo", "connectors", *SPECIAL_HEADS)
_SLASHES = re.compile(r"/{2,}")


def _afas_table() -> list[tuple[str, Handler, list[str], Gate]]:
    """Every AFAS endpoint, first match wins: (path, handler, methods, what is checked before the handler)."""
    table: list[tuple[str, Handler, list[str], Gate]] = [
        (f"{REST}/metainfo", rest_read.metainfo, ["GET"], Gate.AUTH),
        (f"{REST}/metainfo/{{kind}}/{{connector}}", rest_read.connector_metainfo, ["GET"], Gate.AUTH),
        (f"{REST}/connectors/{{connector}}", rest_read.rows, ["GET"], Gate.AUTH),
        (f"{REST}/connectors", rest_write.write, WRITE_METHODS, Gate.WRITE),
        (f"{REST}/connectors/{{rest:path}}", rest_write.write, WRITE_METHODS, Gate.WRITE),
        (f"{REST}/otprequest", otp.otp("otprequest"), ["POST"], Gate.OPEN),
        (f"{REST}/otpvalidation", otp.otp("otpvalidation"), ["POST"], Gate.OPEN),
        # Every method: a GET (or anything but a form POST) gets the token endpoint's invalid_request, not a 404.
        (f"{REST}/oauth/token", rest_oauth.token, ALL_METHODS, Gate.OPEN),
    ]
    for head in SPECIAL_HEADS:
        table.append((f"{REST}/{head}", special(head), ["GET"], Gate.AUTH))
        table.append((f"{REST}/{head}/{{rest:path}}", special(head), ["GET"], Gate.AUTH))
    for head in KNOWN_HEADS:
        table.append((f"{REST}/{head}", rest_read.not_found, ALL_METHODS, Gate.AUTH))
        table.append((f"{REST}/{head}/{{rest:path}}", rest_read.not_found, ALL_METHODS, Gate.AUTH))
    table += [
        (REST, rest_read.not_found, ALL_METHODS, Gate.OPEN),
        (f"{REST}/{{rest:path}}", rest_read.not_found, ALL_METHODS, Gate.OPEN),
        ("/profitservices/{rest:path}", soap.execute, ALL_METHODS, Gate.NONE),
        ("/{rest:path}", rest_read.not_found, ALL_METHODS, Gate.NONE),
    ]
    return table


def _afas_routes(env: SimEnvironment) -> list[BaseRoute]:
    routes: list[BaseRoute] = []
    for path, handler, methods, gate in _afas_table():
        route = Route(path, afas_endpoint(env, handler, gate), methods=methods)
        # AFAS ignores case in paths: one flag on the compiled pattern instead of lower-casing path parameters
        # (file ids and names in them are compared exactly).
        route.path_regex = re.compile(route.path_regex.pattern, re.IGNORECASE)
        routes.append(route)
    return routes


class SimApp(Starlette):
    """Starlette plus the path normalising for AFAS routes and one thing middleware cannot do: drop the TCP
    connection without any response."""

    def __init__(self, state: SimEnvironment, access: AdminAccess, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.sim_state = state
        self.admin_access = access

    @property
    def admin_key(self) -> str:
        return self.admin_access.key

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            if limits.header_bytes(scope) > limits.MAX_HEADER_BYTES:
                limits.warn(scope, "header block too large")
                if not scope["path"].startswith("/_sim"):  # the request log is AFAS traffic only
                    record(self.sim_state, scope, 431, CallInfo(note="header block too large"))
                await _closing(Response(b"", status_code=431))(scope, receive, send)
                return
            receive = limits.capped_receive(receive, limits.body_cap(scope["path"]), limits.declared_length(scope))
        if scope["type"] == "http" and not scope["path"].startswith("/_sim"):
            path = scope["path"]
            normal = _SLASHES.sub("/", path)
            normal = normal.rstrip("/") or "/"
            scope = {**scope, "path": normal, ORIGINAL_PATH: path}
            with self.sim_state.lock:
                drop = self.sim_state.faults.drop_connection
                latency = self.sim_state.faults.latency_ms
            if drop:
                if latency:
                    await asyncio.sleep(latency / 1000)
                info = CallInfo(note="connection dropped")
                record(self.sim_state, scope, 0, info, latency_ms=latency)
                await _drop_connection(send)
                return
        await super().__call__(scope, receive, send)


def _closing(response: Response) -> Response:
    # The rest of a refused request is never read: the connection goes, instead of waiting for it.
    response.headers["Connection"] = "close"
    return response


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


def create_app(state: SimEnvironment, *, admin_key: str | None = None, port: int | None = None) -> SimApp:
    """The ASGI application for one environment; use with httpx.ASGITransport or SimulatorServer.

    `admin_key` is the /_sim/ key (a random one when None: read it back as `app.admin_key`); `port` is the bound
    port the admin API insists on in `Host` (None in-process)."""
    access = AdminAccess(admin_key or new_key(), port)
    return SimApp(
        state,
        access,
        routes=[*admin_routes(state, access), *_afas_routes(state)],
    )


__all__ = ["MESSAGES", "SimApp", "create_app"]
