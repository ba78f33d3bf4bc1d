"""The simulator's OAuth routes in a tiny Starlette app with one protected resource, in-process or on loopback."""

from __future__ import annotations

import asyncio
import logging
import socket
import threading
import time
from collections.abc import Callable, Coroutine, Iterator
from typing import Any, TypeVar

import httpx
import pytest
import uvicorn
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from wizard.afas.oauth import OAuthClientAuth, OAuthSettings
from wizard.domain.oauth import OAuthClientCredentials, oauth_client_credentials
from wizard.sim.oauth import Denied, SimOAuth, build_oauth
from wizard.sim.oauth_admin import oauth_router

# Obviously fake OAuth values (never a real-looking credential); long and distinctive, so a leak test finds them.
CLIENT_ID = "fa4e0000-c11e-4700-8000-00000000fa4e"
SECRET = "0FA4E5EC" * 8
ORIGIN = "http://sim.test"
REST = "/ProfitRestServices"
TOKEN_URL = f"{ORIGIN}{REST}/oauth/token"
T = TypeVar("T")


class FakeClock:
    """Seconds that pass only when a test says so; shared by the simulator and the auth flow."""

    def __init__(self, start: float = 1_900_000_000.0) -> None:
        self.now = start

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


class OAuthSim:
    """SimOAuth behind Starlette: the token endpoint, the admin API, and `GET /metainfo` guarded like the REST
    routes will be (check_authorization first; Authorized("classic") is answered 200 here, the classic check
    itself is the existing simulator's)."""

    def __init__(self, state: SimOAuth) -> None:
        self.state = state
        self.resource_calls = 0
        self.reject_all_bearer = False  # a resource server that refuses every token (for "renew once, then fail")

        async def metainfo(request: Request) -> Response:
            self.resource_calls += 1
            await asyncio.sleep(0)  # let concurrent calls interleave
            outcome = state.check_authorization(request.headers.get("authorization"))
            if isinstance(outcome, Denied):
                return outcome.response()
            if self.reject_all_bearer and outcome.scheme == "bearer":
                return Response(status_code=401, headers={"WWW-Authenticate": 'Bearer error="invalid_token"'})
            expiry = state.token_expiry(outcome.token) if outcome.token else "0"
            return JSONResponse({"info": {"scheme": outcome.scheme, "tokenExpiry": expiry}})

        async def token(request: Request) -> Response:
            await asyncio.sleep(0.001)  # a real round trip: concurrent calls get to run while the token is fetched
            return await state.token_endpoint(request)

        router = oauth_router(state)
        routes = [Route(f"{REST}/oauth/token", token, methods=["GET", "POST"]), *router.routes]
        self.app = Starlette(routes=[*routes, Route(f"{REST}/metainfo", metainfo)])

    def transport(self) -> httpx.ASGITransport:
        return httpx.ASGITransport(app=self.app, client=("127.0.0.1", 50000))

    def client(self, auth: httpx.Auth | None = None, **kw: Any) -> httpx.AsyncClient:
        return httpx.AsyncClient(transport=self.transport(), base_url=ORIGIN, auth=auth, **kw)


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def make_sim(clock: FakeClock) -> Callable[..., OAuthSim]:
    def make(preset: str = "oauth-ready", **settings: Any) -> OAuthSim:
        state = build_oauth(preset, client_id=CLIENT_ID, secret=SECRET)
        state.clock = clock
        for name, value in settings.items():
            setattr(state.settings, name, value)
        return OAuthSim(state)

    return make


@pytest.fixture
def cred() -> OAuthClientCredentials:
    return oauth_client_credentials(CLIENT_ID, SECRET)


@pytest.fixture
def make_auth(cred: OAuthClientCredentials, clock: FakeClock) -> Callable[..., OAuthClientAuth]:
    def make(credential: OAuthClientCredentials | None = None, url: str = TOKEN_URL, **kw: Any) -> OAuthClientAuth:
        return OAuthClientAuth(credential or cred, url, OAuthSettings(clock=clock, **kw))

    return make


def run(coro: Coroutine[Any, Any, T]) -> T:
    return asyncio.run(coro)


class LoopbackServer:
    """uvicorn on 127.0.0.1, an ephemeral port, in a background thread."""

    def __init__(self, app: Starlette) -> None:
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM, socket.IPPROTO_TCP)
        sock.bind(("127.0.0.1", 0))
        sock.listen(64)
        self.port = sock.getsockname()[1]
        config = uvicorn.Config(app, log_level=logging.WARNING, access_log=False, lifespan="off", ws="none", http="h11")
        self._server = uvicorn.Server(config)
        self._sock = sock
        self._thread = threading.Thread(target=self._server.run, kwargs={"sockets": [sock]}, daemon=True)

    @property
    def origin(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def __enter__(self) -> LoopbackServer:
        self._thread.start()
        deadline = time.monotonic() + 10
        while not self._server.started:
            assert time.monotonic() < deadline, "the loopback server did not start"
            time.sleep(0.005)
        return self

    def __exit__(self, *exc: object) -> None:
        self._server.should_exit = True
        self._thread.join(5)
        self._sock.close()


@pytest.fixture
def loopback(make_sim: Callable[..., OAuthSim]) -> Iterator[tuple[OAuthSim, LoopbackServer]]:
    sim = make_sim("oauth-ready")
    with LoopbackServer(sim.app) as server:
        yield sim, server
