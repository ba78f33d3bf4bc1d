"""The simulated OAuth side's admin surface: JSON routes that set the Authenticatietype, make clients and secrets,
revoke and expire them, and change settings and faults (behind the admin guard in `admin_api`); `oauth_router`
serves the token endpoint and these routes alone, for the client's fast unit tests."""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Callable
from typing import Any, TypeVar, get_type_hints

from pydantic import TypeAdapter, ValidationError
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import BaseRoute, Route, Router

from wizard.sim.oauth import SimOAuth, SimOAuthError, oauth_routes


async def _json(request: Request) -> dict[str, Any]:
    raw = await request.body()
    if not raw:
        return {}
    try:
        data = json.loads(raw)
    except ValueError as exc:
        raise SimOAuthError("bad-json", str(exc)) from exc
    if not isinstance(data, dict):
        raise SimOAuthError("bad-json", "expected an object")
    return data


T = TypeVar("T")
MAX_VALIDITY_DAYS = 3650


def _opt(body: dict[str, Any], name: str, kind: type[T]) -> T | None:
    """An optional body value of one JSON type (a bool is not an int here)."""
    value = body.get(name)
    if value is None:
        return None
    if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
        raise SimOAuthError("bad-json", f"{name} must be a {kind.__name__}")
    return value


def update_fields(target: Any, values: dict[str, Any]) -> None:
    """Set dataclass fields after checking every value against the field's type (a Literal's choices, bool, int):
    all or nothing. The message names the field, never the value given."""
    known = {f.name for f in dataclasses.fields(target)}
    unknown = sorted(set(values) - known)
    if unknown:
        raise SimOAuthError("unknown-setting", f"unknown: {', '.join(unknown)}")
    hints = get_type_hints(type(target))
    checked: dict[str, Any] = {}
    bad: list[str] = []
    for name, value in values.items():
        try:
            checked[name] = TypeAdapter(hints[name]).validate_python(value, strict=True)
        except ValidationError:
            bad.append(name)
    if bad:
        raise SimOAuthError("bad-setting", f"not an allowed value: {', '.join(sorted(bad))}")
    for name, value in checked.items():
        setattr(target, name, value)


def oauth_admin_routes(source: SimOAuth | Callable[[], SimOAuth], prefix: str = "/_sim/oauth") -> list[BaseRoute]:
    """JSON admin API. Only the two answers that create a secret return it (AFAS shows a secret once, too).
    `source` is the state, or a function that returns the current one (an environment may swap it)."""

    def current() -> SimOAuth:
        return source if isinstance(source, SimOAuth) else source()

    def guarded(handler: Callable[[Request], Any]) -> Callable[[Request], Any]:
        async def run(request: Request) -> Response:
            try:
                return JSONResponse(await handler(request))
            except SimOAuthError as exc:
                return JSONResponse({"error": exc.code, "message": str(exc)}, status_code=400)

        return run

    async def show(request: Request) -> dict[str, Any]:
        return current().snapshot()

    async def auth_type(request: Request) -> dict[str, Any]:
        current().set_auth_type(str((await _json(request)).get("auth_type", "")))
        return current().snapshot()

    async def client(request: Request) -> dict[str, Any]:
        body = await _json(request)
        client_id, secret = current().create_client(_opt(body, "client_id", str), _opt(body, "secret", str))
        return {"client_id": client_id, "client_secret": secret}

    async def new_secret(request: Request) -> dict[str, Any]:
        body = await _json(request)
        days = _opt(body, "validity_days", int)
        if days is not None and not 1 <= days <= MAX_VALIDITY_DAYS:
            raise SimOAuthError("bad-setting", f"validity_days must be 1..{MAX_VALIDITY_DAYS}")
        return {"client_secret": current().create_secret(_opt(body, "secret", str), days)}

    async def revoke(request: Request) -> dict[str, Any]:
        return {"revoked": current().revoke_secret(_opt(await _json(request), "id", int))}

    async def expire(request: Request) -> dict[str, Any]:
        return {"expired": current().expire_secret(_opt(await _json(request), "id", int))}

    async def revoke_tokens(request: Request) -> dict[str, Any]:
        return {"revoked": current().revoke_access_tokens()}

    async def settings(request: Request) -> dict[str, Any]:
        body = await _json(request)
        for part in ("settings", "faults"):
            if not isinstance(body.get(part, {}), dict):
                raise SimOAuthError("bad-json", f"{part} must be an object")
        state = current()
        with state.lock:
            update_fields(state.settings, body.get("settings", {}))
            update_fields(state.faults, body.get("faults", {}))
            if "blocked" in body:
                state.blocked = bool(body["blocked"])
        return state.snapshot()

    return [
        Route(f"{prefix}", guarded(show), methods=["GET"]),
        Route(f"{prefix}/auth-type", guarded(auth_type), methods=["POST"]),
        Route(f"{prefix}/client", guarded(client), methods=["POST"]),
        Route(f"{prefix}/secrets", guarded(new_secret), methods=["POST"]),
        Route(f"{prefix}/secrets/revoke", guarded(revoke), methods=["POST"]),
        Route(f"{prefix}/secrets/expire", guarded(expire), methods=["POST"]),
        Route(f"{prefix}/tokens/revoke", guarded(revoke_tokens), methods=["POST"]),
        Route(f"{prefix}/settings", guarded(settings), methods=["POST"]),
    ]


def oauth_router(state: SimOAuth, prefix: str = "/ProfitRestServices", admin_prefix: str = "/_sim/oauth") -> Router:
    """Both route sets in one Router, e.g. `Mount("", app=oauth_router(state))` or its `.routes` appended."""
    return Router(routes=oauth_routes(state, prefix) + oauth_admin_routes(state, admin_prefix))
