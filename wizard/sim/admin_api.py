"""The /_sim/ admin API: the guide's steps inside AFAS, one call each, plus fault injection and inspection.

JSON in (`application/json` only), JSON out. Every call passes `AdminAccess` first (key, Host, Origin; see
admin_guard.py). Bodies are validated with pydantic: a wrong type or an out-of-range value is 422, a refused step
4xx `{"error": code, "message": ...}`, never a 500 with a traceback. Never returns token data, except the answers
that create a token (AFAS's "Kopiëren" dialog shows it once, too).
"""

from __future__ import annotations

import base64
import binascii
import dataclasses
import datetime as dt
import json
import logging
from collections.abc import Awaitable, Callable
from typing import Annotated, Any, TypeVar

from pydantic import BaseModel, ConfigDict, Field, StrictBool, StrictInt, StrictStr, ValidationError
from starlette.requests import ClientDisconnect, Request
from starlette.responses import JSONResponse, Response
from starlette.routing import BaseRoute, Route

from wizard.sim import actions
from wizard.sim.admin_guard import AdminAccess, refuse
from wizard.sim.guide import apply_guide_step, parse_guide_step
from wizard.sim.limits import BodyTooLargeError, warn
from wizard.sim.model import DEFAULT_USER, MAX_LATENCY_MS, SimEnvironment, SimStepError
from wizard.sim.oauth_admin import oauth_admin_routes

log = logging.getLogger(__name__)
_STATUS = {
    "unknown-connector": 404,
    "unknown-user": 404,
    "unknown-dossier-type": 404,
    "no-app-connector": 409,
    "no-token": 409,
    "classic-auth-type": 409,
}
_FORM_TYPES = ("text/plain", "application/x-www-form-urlencoded", "multipart/form-data")
Name = Annotated[StrictStr, Field(max_length=200)]


class _Body(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)


class AppConnectorBody(_Body):
    description: Name = "SmartBooqing"
    user_group: Name = "Alle Profit-gebruikers"


class LinkBody(_Body):
    kind: Name = ""
    connector_id: Name = ""


class UserTokenBody(_Body):
    user: Name = DEFAULT_USER
    description: Name = ""


class DossierBody(_Body):
    purchase_invoice: Name = ""
    sales_invoice: Name = ""
    type_id: StrictInt | None = None


class GuideStepBody(_Body):
    step: Name  # a wizard step id or an AFAS action (wizard.sim.guide.parse_guide_step)
    gcn_files: dict[Name, StrictStr] | None = None  # file name -> Base64: the .gcn files the user exported


class FaultsBody(_Body):
    latency_ms: Annotated[StrictInt, Field(ge=0, le=MAX_LATENCY_MS)] = 0
    maintenance: StrictBool = False
    drop_connection: StrictBool = False
    malformed_body: StrictBool = False
    ip_restricted: StrictBool = False
    app_blocked: StrictBool = False
    token_expired: StrictBool = False
    token_expires_on: Annotated[dt.date | None, Field(strict=False)] = None  # an ISO date in JSON
    token_revoked: StrictBool = False
    blocked_definitions: list[Name] = Field(default_factory=list, max_length=100)
    auth_type: Name = "classic"
    token_validity_days: Annotated[StrictInt, Field(ge=1, le=3650)] | None = None


class SettingsBody(_Body):
    # Lax numbers: "401" is accepted for 401, as before; the allowed values are checked by actions.set_settings.
    model_config = ConfigDict(extra="forbid", strict=False)
    language: StrictStr = "nl"
    profit_version: Name = ""
    unlinked_get: int = 500
    unlinked_update: int = 500
    specials_in_metainfo: StrictStr = "custom"
    unlinked_special: int = 401
    blocked_app_connector: int = 401
    token_expiry_style: StrictStr = "date"
    primary_key_as: StrictStr = "bool"
    subject_types_readable: StrictStr = "linked"
    subject_type_destinations: StrictBool = False
    retry_after: Annotated[int, Field(ge=0, le=86_400)] = 7200


B = TypeVar("B", bound=_Body)


class _RefusedError(Exception):
    def __init__(self, response: Response) -> None:
        super().__init__(response.status_code)
        self.response = response


def _refuse_step(exc: SimStepError) -> JSONResponse:
    message = exc.message.get("en") if isinstance(exc, actions.GcnImportError) else str(exc)
    body: dict[str, Any] = {"error": exc.code, "message": message}
    if isinstance(exc, actions.GcnImportError):
        body["message_nl"] = exc.message.get("nl")
        body["detail"] = exc.detail
    return JSONResponse(body, status_code=_STATUS.get(exc.code, 400))


async def _raw(request: Request, *, json_only: bool) -> bytes:
    media = request.headers.get("content-type", "").split(";")[0].strip().lower()
    raw = await request.body()  # at most limits.MAX_ADMIN_BODY: 413 above (SimApp counts it while it arrives)
    if media in _FORM_TYPES or (json_only and raw and media != "application/json"):
        # A browser may send the first three cross-site without asking; JSON must say it is JSON.
        raise _RefusedError(refuse(415, "unsupported-media-type", "Send the body as application/json."))
    return raw


async def _body(request: Request, model: type[B], unknown: str = "unknown-field") -> tuple[B, set[str]]:
    """The validated body and the names the caller set. An unknown name keeps its old 400 code."""
    raw = await _raw(request, json_only=True)
    try:
        data = json.loads(raw) if raw else {}
    except ValueError as exc:
        raise SimStepError("bad-json", str(exc)) from exc
    if not isinstance(data, dict):
        raise SimStepError("bad-json", "expected an object")
    extra = sorted(set(data) - set(model.model_fields))
    if extra:
        raise SimStepError(unknown, ", ".join(extra))
    return model.model_validate(data), set(data)


def _invalid(exc: ValidationError) -> JSONResponse:
    # Never the input values: they may be anything; the location and the rule are enough.
    detail = [{"field": ".".join(str(p) for p in e["loc"]), "problem": e["msg"]} for e in exc.errors()]
    return JSONResponse({"error": "invalid-input", "message": "The request body is not valid.", "detail": detail}, 422)


def _json_only(endpoint: Callable[..., Any]) -> Callable[[Request], Awaitable[Response]]:
    async def run(request: Request) -> Response:
        await _raw(request, json_only=True)  # refuses forms and non-JSON bodies (415) and huge ones (413)
        response: Response = await endpoint(request)
        return response

    return run


def admin_routes(env: SimEnvironment, access: AdminAccess) -> list[BaseRoute]:
    async def import_gcn(request: Request) -> Response:
        name = request.query_params.get("file_name", "")
        definition = actions.import_gcn(env, name, await _raw(request, json_only=False))
        return JSONResponse(
            {"connector": definition.id, "guid": definition.guid, "fields": [f.id for f in definition.fields]}
        )

    async def app_connector(request: Request) -> Response:
        body, _ = await _body(request, AppConnectorBody)
        app, created = env.create_app_connector(body.description, body.user_group)
        # The API key and environment key are on the app connector's screen (needed for the OTP flow).
        return JSONResponse(
            {"created": created, "blocked": app.blocked, "api_key": app.api_key, "environment_key": app.environment_key}
        )

    async def unblock(request: Request) -> Response:
        await _body(request, _Body)
        actions.set_blocked(env, False)
        return JSONResponse({"blocked": False})

    async def block(request: Request) -> Response:
        await _body(request, _Body)
        actions.set_blocked(env, True)
        return JSONResponse({"blocked": True})

    async def link(request: Request) -> Response:
        body, _ = await _body(request, LinkBody)
        return JSONResponse({"linked": actions.link(env, body.kind, body.connector_id)})

    async def unlink(request: Request) -> Response:
        body, _ = await _body(request, LinkBody)
        actions.unlink(env, body.kind, body.connector_id)
        return JSONResponse({"unlinked": body.connector_id})

    async def user_token(request: Request) -> Response:
        body, _ = await _body(request, UserTokenBody)
        token = env.create_user_token(body.user, body.description)
        return JSONResponse(
            {
                "user": token.user,
                "token": f"<token><version>1</version><data>{token.data}</data></token>",
                "expires": token.expires.isoformat() if token.expires else None,
            }
        )

    async def dossier(request: Request) -> Response:
        body, _ = await _body(request, DossierBody)
        actions.set_dossier_destinations(env, body.purchase_invoice, body.sales_invoice, body.type_id)
        return JSONResponse({"ok": True})

    async def guide_step(request: Request) -> Response:
        body, _ = await _body(request, GuideStepBody)
        step = parse_guide_step(body.step)  # 400 unknown-step for a name that is no step
        files = None
        if body.gcn_files is not None:
            try:
                files = {n: base64.b64decode(v, validate=True) for n, v in body.gcn_files.items()}
            except (binascii.Error, ValueError) as exc:
                raise SimStepError("bad-file", "gcn_files values must be Base64") from exc
        done = apply_guide_step(env, step, files=files)
        oauth = done.oauth
        return JSONResponse(
            {
                "step": done.step,
                "token": done.token.xml() if done.token else None,
                # Only the step that creates a client secret returns it (AFAS shows it once, too).
                "client_id": oauth.client_id if oauth else None,
                "client_secret": oauth.secret() if oauth else None,
                "secret_expires": oauth.secret_expires.isoformat() if oauth and oauth.secret_expires else None,
            }
        )

    async def dump(_request: Request) -> Response:
        return JSONResponse(env.dump())

    async def request_log(_request: Request) -> Response:
        with env.lock:
            entries = [dataclasses.asdict(e) for e in env.log]
        return JSONResponse(entries)

    async def reset_log(_request: Request) -> Response:
        with env.lock:
            env.log.clear()
        return JSONResponse({"ok": True})

    async def faults(request: Request) -> Response:
        body, given = await _body(request, FaultsBody, "unknown-fault")
        actions.set_faults(env, **body.model_dump(include=given))
        return JSONResponse(dataclasses.asdict(env.faults))

    async def settings(request: Request) -> Response:
        body, given = await _body(request, SettingsBody, "unknown-setting")
        actions.set_settings(env, **body.model_dump(include=given))
        return JSONResponse(dataclasses.asdict(env.settings))

    async def outbox(_request: Request) -> Response:
        with env.lock:
            return JSONResponse(list(env.otp_outbox))

    async def not_found(_request: Request) -> Response:
        return refuse(404, "not-found", "No such admin call.")

    def guarded(handler: Callable[[Request], Awaitable[Response]]) -> Callable[[Request], Awaitable[Response]]:
        async def run(request: Request) -> Response:
            refused = access.refusal(request)
            if refused is not None:
                return refused
            try:
                return await handler(request)
            except _RefusedError as exc:
                return exc.response
            except BodyTooLargeError as exc:
                warn(request.scope, str(exc))
                return refuse(413, "too-large", "The body is too large.", close=True)
            except ClientDisconnect:
                warn(request.scope, "the client disconnected while sending the body")
                return refuse(400, "disconnected", "The body did not arrive.", close=True)
            except ValidationError as exc:
                return _invalid(exc)
            except SimStepError as exc:
                return _refuse_step(exc)
            except Exception:  # a simulator defect: logged here, never sent to the caller
                log.exception("admin call %s %s failed", request.method, request.url.path)
                return refuse(500, "internal", "The simulator failed; see its log.")

        return run

    table: list[tuple[str, Callable[[Request], Awaitable[Response]], list[str]]] = [
        ("/_sim/import-gcn", import_gcn, ["POST"]),
        ("/_sim/app-connector", app_connector, ["POST"]),
        ("/_sim/app-connector/unblock", unblock, ["POST"]),
        ("/_sim/app-connector/block", block, ["POST"]),
        ("/_sim/link", link, ["POST"]),
        ("/_sim/unlink", unlink, ["POST"]),
        ("/_sim/user-token", user_token, ["POST"]),
        ("/_sim/dossier-destinations", dossier, ["POST"]),
        ("/_sim/guide-step", guide_step, ["POST"]),
        ("/_sim/state", dump, ["GET"]),
        ("/_sim/log", request_log, ["GET"]),
        ("/_sim/log", reset_log, ["DELETE"]),
        ("/_sim/faults", faults, ["POST"]),
        ("/_sim/settings", settings, ["POST"]),
        ("/_sim/outbox", outbox, ["GET"]),
    ]
    routes: list[BaseRoute] = [Route(path, guarded(handler), methods=methods) for path, handler, methods in table]
    # /_sim/oauth/*: the app connector's Authenticatietype and OAuth client (wizard.sim.oauth), behind the same guard
    # and the same JSON-only rule; the environment's current SimOAuth is looked up per call.
    for route in oauth_admin_routes(lambda: env.oauth):
        assert isinstance(route, Route)
        routes.append(Route(route.path, guarded(_json_only(route.endpoint)), methods=route.methods))
    # Anything else under /_sim (also a known path with another method): checked first, then 404 JSON.
    everything = ["GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS"]
    routes.append(Route("/_sim/{rest:path}", guarded(not_found), methods=everything))
    return routes
