"""Canary tests: the client secret and the access token never show in exceptions, logs or reprs."""

from __future__ import annotations

import asyncio
import json
import logging
import traceback
from collections.abc import Callable

import httpx
import pytest
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

from tests.oauth.conftest import CLIENT_ID, REST, SECRET, LoopbackServer, OAuthSim, run
from wizard.afas.oauth import OAuthClientAuth, OAuthSettings, OAuthTokenError
from wizard.domain.oauth import oauth_client_credentials
from wizard.verify.remedies import oauth_refused

Auth = Callable[..., OAuthClientAuth]
MakeSim = Callable[..., OAuthSim]


def _everything_shown(exc: BaseException | None, *objects: object) -> str:
    parts = [repr(o) for o in objects] + [str(o) for o in objects]
    if exc is not None:
        parts += [str(exc), repr(exc), "".join(traceback.format_exception(exc))]
        if isinstance(exc, OAuthTokenError):
            problem = exc.problem
            parts += [exc.detail, exc.text("en"), exc.text("nl"), repr(problem), problem.technical()]
            parts += [oauth_refused(problem).en, oauth_refused(problem).nl]
    return "\n".join(parts)


@pytest.mark.loopback
def test_a_whole_run_over_loopback_logs_neither_secret_nor_access_token(
    make_sim: MakeSim, make_auth: Auth, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)  # httpx and httpcore log every request and response header at DEBUG
    sim = make_sim()
    with LoopbackServer(sim.app) as server:
        auth = make_auth(url=f"{server.origin}{REST}/oauth/token")

        async def go() -> list[httpx.Response]:
            async with httpx.AsyncClient(base_url=server.origin, auth=auth) as client:
                answers = list(await asyncio.gather(*(client.get(f"{REST}/metainfo") for _ in range(5))))
                sim.state.revoke_access_tokens()
                answers.append(await client.get(f"{REST}/metainfo"))  # renewed once: a second access token
                logging.getLogger("sbq.test").debug("answers %r, auth %r", answers, auth)
                return answers

        answers = run(go())
    assert [a.status_code for a in answers] == [200] * 6
    access_tokens = [h.removeprefix("Bearer ") for h in (a.request.headers["Authorization"] for a in answers)]
    assert len(set(access_tokens)) == 2
    assert "HTTP Request: POST" in caplog.text  # the log did capture the token requests
    shown = caplog.text + _everything_shown(None, auth, sim.state, sim.state.snapshot(), *answers)
    for canary in (SECRET, *access_tokens):
        assert canary not in shown


def test_a_refused_secret_is_in_no_exception_text(make_sim: MakeSim, make_auth: Auth) -> None:
    sim = make_sim()
    sim.state.revoke_secret()

    async def go() -> None:
        async with sim.client(make_auth()) as client:
            await client.get(f"{REST}/metainfo")

    with pytest.raises(OAuthTokenError) as caught:
        run(go())
    assert SECRET not in _everything_shown(caught.value)


@pytest.mark.parametrize("client_auth", ["body", "basic"])
def test_a_token_endpoint_that_echoes_the_credentials_is_redacted(client_auth: str, clock: object) -> None:
    """An error_description quoting what was sent (a proxy or a buggy endpoint) never reaches the user verbatim."""
    issued = "at-canary-0FA4E5EC-issued-token-value"
    calls = 0

    async def echo(request: Request) -> JSONResponse:
        nonlocal calls
        calls += 1
        if calls == 1:
            return JSONResponse({"access_token": issued, "token_type": "Bearer", "expires_in": 3600})
        sent = (await request.body()).decode() + " " + request.headers.get("authorization", "")
        text = f"bad request: {sent} (previous token {issued})"
        return JSONResponse({"error": "invalid_client", "error_description": text}, status_code=400)

    async def reject(request: Request) -> JSONResponse:
        return JSONResponse({}, status_code=401, headers={"WWW-Authenticate": 'Bearer error="invalid_token"'})

    app = Starlette(routes=[Route(f"{REST}/oauth/token", echo, methods=["POST"]), Route(f"{REST}/metainfo", reject)])
    cred = oauth_client_credentials(CLIENT_ID, SECRET)
    auth = OAuthClientAuth(cred, f"http://echo.test{REST}/oauth/token", OAuthSettings(client_auth=client_auth))  # type: ignore[arg-type]

    async def go() -> None:
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://echo.test", auth=auth) as client:
            await client.get(f"{REST}/metainfo")

    with pytest.raises(OAuthTokenError) as caught:
        run(go())
    assert caught.value.problem.external_message is not None
    assert "«redacted»" in caught.value.problem.external_message
    shown = _everything_shown(caught.value, auth, cred)
    for canary in (SECRET, issued, cred.basic_header().removeprefix("Basic ")):
        assert canary not in shown
    assert json.dumps(SECRET) not in shown
