"""The /_sim/ admin API: the guide's steps inside AFAS, one call each, plus fault injection and inspection.

JSON in, JSON out. A refused step answers 4xx with {"error": code, "message": ...}. Never returns token data,
except the one response that creates a token (AFAS's "Kopiëren" dialog shows it once, too).
"""

from __future__ import annotations

import dataclasses
import json
from typing import Any

from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import BaseRoute, Route

from wizard.sim import actions
from wizard.sim.model import DEFAULT_USER, SimEnvironment, SimStepError

_STATUS = {
    "unknown-connector": 404,
    "unknown-user": 404,
    "unknown-dossier-type": 404,
    "no-app-connector": 409,
    "no-token": 409,
}


def _refuse(exc: SimStepError) -> JSONResponse:
    message = exc.message.get("en") if isinstance(exc, actions.GcnImportError) else str(exc)
    body: dict[str, Any] = {"error": exc.code, "message": message}
    if isinstance(exc, actions.GcnImportError):
        body["message_nl"] = exc.message.get("nl")
        body["detail"] = exc.detail
    return JSONResponse(body, status_code=_STATUS.get(exc.code, 400))


async def _body(request: Request) -> dict[str, Any]:
    raw = await request.body()
    if not raw:
        return {}
    try:
        data = json.loads(raw)
    except ValueError as exc:
        raise SimStepError("bad-json", str(exc)) from exc
    if not isinstance(data, dict):
        raise SimStepError("bad-json", "expected an object")
    return data


def admin_routes(state: SimEnvironment) -> list[BaseRoute]:
    async def import_gcn(request: Request) -> Response:
        name = request.query_params.get("file_name", "")
        definition = actions.import_gcn(state, name, await request.body())
        return JSONResponse(
            {"connector": definition.id, "guid": definition.guid, "fields": [f.id for f in definition.fields]}
        )

    async def app_connector(request: Request) -> Response:
        body = await _body(request)
        app, created = state.create_app_connector(
            str(body.get("description", "SmartBooqing")), str(body.get("user_group", "Alle Profit-gebruikers"))
        )
        # The API key and environment key are on the app connector's screen (needed for the OTP flow).
        return JSONResponse(
            {"created": created, "blocked": app.blocked, "api_key": app.api_key, "environment_key": app.environment_key}
        )

    async def unblock(_request: Request) -> Response:
        actions.set_blocked(state, False)
        return JSONResponse({"blocked": False})

    async def block(_request: Request) -> Response:
        actions.set_blocked(state, True)
        return JSONResponse({"blocked": True})

    async def link(request: Request) -> Response:
        body = await _body(request)
        canonical = actions.link(state, str(body.get("kind", "")), str(body.get("connector_id", "")))
        return JSONResponse({"linked": canonical})

    async def unlink(request: Request) -> Response:
        body = await _body(request)
        actions.unlink(state, str(body.get("kind", "")), str(body.get("connector_id", "")))
        return JSONResponse({"unlinked": body.get("connector_id")})

    async def user_token(request: Request) -> Response:
        body = await _body(request)
        token = state.create_user_token(str(body.get("user", DEFAULT_USER)), str(body.get("description", "")))
        return JSONResponse(
            {
                "user": token.user,
                "token": f"<token><version>1</version><data>{token.data}</data></token>",
                "expires": token.expires.isoformat() if token.expires else None,
            }
        )

    async def dossier(request: Request) -> Response:
        body = await _body(request)
        type_id = body.get("type_id")
        actions.set_dossier_destinations(
            state,
            str(body.get("purchase_invoice", "")),
            str(body.get("sales_invoice", "")),
            int(type_id) if type_id is not None else None,
        )
        return JSONResponse({"ok": True})

    async def dump(_request: Request) -> Response:
        return JSONResponse(state.dump())

    async def request_log(_request: Request) -> Response:
        with state.lock:
            entries = [dataclasses.asdict(e) for e in state.log]
        return JSONResponse(entries)

    async def reset_log(_request: Request) -> Response:
        with state.lock:
            state.log.clear()
        return JSONResponse({"ok": True})

    async def faults(request: Request) -> Response:
        actions.set_faults(state, **await _body(request))
        return JSONResponse(dataclasses.asdict(state.faults))

    async def settings(request: Request) -> Response:
        actions.set_settings(state, **await _body(request))
        return JSONResponse(dataclasses.asdict(state.settings))

    async def outbox(_request: Request) -> Response:
        with state.lock:
            return JSONResponse(list(state.otp_outbox))

    def guarded(handler: Any) -> Any:
        async def run(request: Request) -> Response:
            try:
                response: Response = await handler(request)
            except SimStepError as exc:
                return _refuse(exc)
            return response

        return run

    table = [
        ("/_sim/import-gcn", import_gcn, "POST"),
        ("/_sim/app-connector", app_connector, "POST"),
        ("/_sim/app-connector/unblock", unblock, "POST"),
        ("/_sim/app-connector/block", block, "POST"),
        ("/_sim/link", link, "POST"),
        ("/_sim/unlink", unlink, "POST"),
        ("/_sim/user-token", user_token, "POST"),
        ("/_sim/dossier-destinations", dossier, "POST"),
        ("/_sim/state", dump, "GET"),
        ("/_sim/log", request_log, "GET"),
        ("/_sim/log", reset_log, "DELETE"),
        ("/_sim/faults", faults, "POST"),
        ("/_sim/settings", settings, "POST"),
        ("/_sim/outbox", outbox, "GET"),
    ]
    return [Route(path, guarded(handler), methods=[method]) for path, handler, method in table]
