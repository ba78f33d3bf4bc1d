"""In-process access to a simulated environment: a synchronous facade over httpx's ASGI transport."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import Any

import httpx
import pytest

from wizard.sim import SimEnvironment, build_scenario, create_app
from wizard.sim.admin_guard import KEY_HEADER

REST = "/ProfitRestServices"


class Sim:
    """One environment plus an HTTP caller; `auth=True` sends the scenario client's token."""

    def __init__(self, state: SimEnvironment) -> None:
        self.state = state
        self.app = create_app(state)

    def request(
        self, method: str, path: str, *, auth: bool | str = True, headers: dict[str, str] | None = None, **kw: Any
    ) -> httpx.Response:
        sent = dict(headers or {})
        if auth is True and self.state.token is not None:
            sent["Authorization"] = self.state.token.authorization_header()
        elif isinstance(auth, str):
            sent["Authorization"] = auth

        async def go() -> httpx.Response:
            transport = httpx.ASGITransport(app=self.app, client=("127.0.0.1", 50000))
            async with httpx.AsyncClient(transport=transport, base_url="http://127.0.0.1") as client:
                return await client.request(method, path, headers=sent, **kw)

        return asyncio.run(go())

    def get(self, path: str, **kw: Any) -> httpx.Response:
        return self.request("GET", f"{REST}{path}", **kw)

    def write(self, method: str, path: str, **kw: Any) -> httpx.Response:
        return self.request(method, f"{REST}{path}", **kw)

    def admin(self, method: str, path: str, *, headers: dict[str, str] | None = None, **kw: Any) -> httpx.Response:
        """An admin call with the app's key (unless `headers` gives X-Sim-Key itself)."""
        sent = {KEY_HEADER: self.app.admin_key, **(headers or {})}
        return self.request(method, f"/_sim/{path}", auth=False, headers=sent, **kw)


@pytest.fixture
def make_sim() -> Callable[[str], Sim]:
    def make(scenario: str = "ready") -> Sim:
        return Sim(build_scenario(scenario))

    return make


@pytest.fixture
def ready() -> Sim:
    return Sim(build_scenario("ready"))
