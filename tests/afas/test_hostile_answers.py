"""The client and the classifier against a hostile server on loopback (issue 12 items 2, 3, 4, 7, 11): nothing leaks,
nothing hangs, nothing grows without bound."""

from __future__ import annotations

import asyncio
import base64
import time
import tracemalloc
from collections.abc import Awaitable
from typing import TypeVar

import httpx
import pytest

from tests.afas.hostile_server import RETRY_AFTER, HostileServer
from tests.afas.recording_proxy import RecordingProxy
from wizard.afas.client import AfasClient, ClientSettings
from wizard.afas.errors import AfasProblem, Problem, classify_exception, classify_reply
from wizard.afas.reading import AnswerTooLarge, Reply, retry_after
from wizard.domain.credentials import ClassicToken, parse_classic_token
from wizard.domain.environment import parse_environment
from wizard.domain.oauth import oauth_client_credentials

T = TypeVar("T")
# Not the suite's FAKE token: its forms are registered only when this module's token is made.
ECHO_DATA = "5EC0DE5EC0DE5EC0DE5EC0DE5EC0DE5EC0DE5EC0DE5EC0DE5EC0DE5EC0DE5EC0"
ECHO_TOKEN = parse_classic_token(ECHO_DATA)


def _run(coro: Awaitable[T]) -> T:
    async def bounded() -> T:
        return await asyncio.wait_for(coro, 30)  # a hang fails the test instead of the suite

    return asyncio.run(bounded())


def _client(server: HostileServer, settings: ClientSettings | None = None) -> AfasClient:
    env = parse_environment("O12345AA", base_url=f"{server.base}/any")
    return AfasClient(env, ECHO_TOKEN, settings=settings)


def _fragments(token: ClassicToken, size: int = 16) -> set[str]:
    """Every piece of `size` characters of every form of the token: any of them in an output is a leak."""
    forms = [*token.secret_forms(), token.authorization_header()]
    return {form[i : i + size] for form in forms for i in range(len(form) - size + 1)}


def _leaks(text: str, fragments: set[str], size: int = 16) -> list[str]:
    return [text[i : i + size] for i in range(len(text) - size + 1) if text[i : i + size] in fragments]


def _outputs(problem: AfasProblem) -> str:
    return " | ".join([problem.message().en, problem.message().nl, problem.technical(), repr(problem)])


def test_an_echoed_token_never_leaks_a_fragment_whatever_the_cut(hostile_server: HostileServer) -> None:
    # Item 2: AFAS (or a gateway) quoting the Authorization header, placed so every cut position falls inside it.
    fragments = _fragments(ECHO_TOKEN)

    async def sweep() -> list[str]:
        found: list[str] = []
        async with _client(hostile_server) as client:
            for mode, offsets in (("echotext", range(0, 340)), ("echojson", range(0, 520, 3))):
                for offset in offsets:
                    reply = await client.get(f"{mode}-{offset}/metainfo")
                    problem = classify_reply(reply)
                    assert problem is not None
                    found += [f"{mode}-{offset}: {leak}" for leak in _leaks(_outputs(problem), fragments)]
        return found

    assert _run(sweep()) == []


@pytest.mark.parametrize("mode", ["redirect", "html"])
def test_a_redirect_or_a_web_page_is_someone_else_answering(hostile_server: HostileServer, mode: str) -> None:
    # Item 11: classified as "something between this computer and AFAS", impossible right now, naming the host.
    async def ask() -> Reply:
        async with _client(hostile_server) as client:
            return await client.get(f"{mode}/metainfo")

    problem = classify_reply(_run(ask()))
    assert problem is not None and problem.kind is Problem.INTERCEPTED and problem.impossible
    assert "Something between this computer and AFAS" in problem.message().en
    assert "Iets tussen deze computer en AFAS" in problem.message().nl
    if mode == "redirect":
        assert "portal.hostile.invalid" in problem.message().en and "portal.hostile.invalid" in problem.message().nl


def test_a_gzip_bomb_costs_a_few_megabytes_not_hundreds(hostile_server: HostileServer) -> None:
    # Item 7: 200 KB on the wire, 200 MB inflated. Reading stops at the cap, inflating in bounded steps.
    async def ask() -> BaseException | Reply:
        async with _client(hostile_server) as client:
            try:
                return await client.get("bomb/metainfo")
            except httpx.HTTPError as exc:
                return exc

    tracemalloc.start()
    try:
        outcome = _run(ask())
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert isinstance(outcome, AnswerTooLarge)
    assert classify_exception(outcome).kind is Problem.MALFORMED
    assert peak < 16 * 1024 * 1024, f"peak {peak / 1e6:.1f} MB"


def test_a_gzip_bomb_from_the_token_endpoint_costs_no_more_than_one_from_the_api(hostile_server: HostileServer) -> None:
    # Issue 23 item 2: the token answer was read with httpx's own decoder and no cap (4 MB of gzip: 4.29 GB).
    async def ask() -> BaseException | Reply:
        env = parse_environment("O12345AA", base_url=f"{hostile_server.base}/tok-bomb/ProfitRestServices")
        credential = oauth_client_credentials("b0mb0000-c11e-4700-8000-000000000023", "B0MB5EC0" * 8)
        async with AfasClient(env, credential) as client:
            try:
                return await client.get("metainfo")
            except httpx.HTTPError as exc:
                return exc

    tracemalloc.start()
    try:
        outcome = _run(ask())
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert isinstance(outcome, AnswerTooLarge)
    assert peak < 16 * 1024 * 1024, f"peak {peak / 1e6:.1f} MB"


def test_a_50_mb_answer_is_cut_off_at_the_cap(hostile_server: HostileServer) -> None:
    async def ask() -> BaseException | Reply:
        async with _client(hostile_server) as client:
            try:
                return await client.get("big/metainfo")
            except httpx.HTTPError as exc:
                return exc

    tracemalloc.start()
    try:
        outcome = _run(ask())
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert isinstance(outcome, AnswerTooLarge)
    assert peak < 16 * 1024 * 1024, f"peak {peak / 1e6:.1f} MB"


@pytest.mark.parametrize("name", [*RETRY_AFTER, "nan"])
def test_a_malformed_retry_after_is_a_short_bounded_wait(hostile_server: HostileServer, name: str) -> None:
    # Item 4: an invalid date or a non-ASCII digit was an internal error; NaN in the body waited forever.
    async def ask() -> Reply:
        async with _client(hostile_server, ClientSettings(retry_503_cap=0.5)) as client:
            return await client.get(f"retry-{name}/metainfo")

    started = time.monotonic()
    reply = _run(ask())
    assert time.monotonic() - started < 5
    assert reply.status == 503
    problem = classify_reply(reply)
    assert problem is not None and problem.kind is Problem.MAINTENANCE
    assert problem.retry_after is None or 0 <= problem.retry_after <= 24 * 3600


@pytest.mark.parametrize(
    ("header", "body", "expected"),
    [
        ("120", None, 120.0),
        ("\u0663", None, None),
        ("\u00b2", None, None),
        ("9" * 5000, None, None),
        ("Wed, 99 Foo 2024 99:99:99 GMT", None, None),
        ("", {"retry_after": float("nan")}, None),
        ("", {"retry_after": float("inf")}, None),
        ("", {"retry_after": 10**400}, 24 * 3600.0),
        ("", {"retry_after": -3}, 0.0),
        ("", {"retry_after": True}, None),
    ],
)
def test_retry_after_is_finite_and_bounded(header: str, body: object, expected: float | None) -> None:
    headers = httpx.Headers([(b"Retry-After", header.encode())] if header else [])
    assert retry_after(headers, body) == expected


def test_a_server_that_drips_is_cut_off_by_the_answer_deadline(hostile_server: HostileServer) -> None:
    # One byte every 0.2 s never trips a per-read timeout; the whole answer is bounded by connect + read timeout.
    async def ask() -> BaseException | Reply:
        async with _client(hostile_server, ClientSettings(connect_timeout=1, read_timeout=1)) as client:
            try:
                return await client.get("drip/metainfo")
            except (httpx.HTTPError, TimeoutError) as exc:
                return exc

    started = time.monotonic()
    outcome = _run(ask())
    assert time.monotonic() - started < 6
    assert isinstance(outcome, BaseException) and classify_exception(outcome).kind is Problem.TIMEOUT


def test_loopback_never_goes_through_the_proxy(hostile_server: HostileServer, recording_proxy: RecordingProxy) -> None:
    # Item 3: HTTP_PROXY/ALL_PROXY set, no NO_PROXY: the token must not travel to the proxy for 127.0.0.1.
    async def ask() -> Reply:
        async with _client(hostile_server) as client:
            return await client.get("html/metainfo")

    reply = _run(ask())
    assert reply.status == 200
    assert recording_proxy.seen == []


def test_a_real_afas_host_keeps_the_environments_proxy(recording_proxy: RecordingProxy) -> None:
    # Corporate networks need their proxy for AFAS itself: a CONNECT for the AFAS host reaches it (and fails there).
    async def ask() -> BaseException | Reply:
        async with AfasClient(parse_environment("O12345AA"), ECHO_TOKEN) as client:
            try:
                return await client.get("metainfo")
            except httpx.HTTPError as exc:
                return exc

    outcome = _run(ask())
    assert isinstance(outcome, httpx.ProxyError) and classify_exception(outcome).kind is Problem.PROXY
    assert recording_proxy.seen == ["CONNECT 12345.rest.afas.online:443 HTTP/1.1"]


def test_the_echo_server_really_received_the_token(hostile_server: HostileServer) -> None:
    # Guards the leak test above: it proves something only if the secret did reach the server's echo.
    async def ask() -> Reply:
        async with _client(hostile_server) as client:
            return await client.get("echotext-0/metainfo")

    reply = _run(ask())
    header = base64.b64encode(ECHO_TOKEN.xml().encode()).decode()
    assert header in reply.text
