"""The AFAS client: headers, keep-alive, bounded 503 retry, no retry on 401/403, 6 in flight, timeouts, proxies."""

from __future__ import annotations

import asyncio
import socket
import ssl
import threading
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
import respx

from tests.conftest import FAKE_XML
from wizard.afas.client import AfasClient, ClientSettings, ssl_context
from wizard.afas.errors import Problem, classify_exception, classify_reply
from wizard.domain.credentials import parse_classic_token
from wizard.domain.environment import parse_environment
from wizard.domain.text import Lang

ENV = parse_environment("O12345AA")
BASE = ENV.rest_base_url
TOKEN = parse_classic_token(FAKE_XML)


def _run(coro: Any) -> Any:
    return asyncio.run(coro)


async def _get(path: str, *, lang: Lang = Lang.EN, settings: ClientSettings | None = None) -> Any:
    async with AfasClient(ENV, TOKEN, lang=lang, settings=settings) as client:
        return await client.get(path)


@pytest.mark.parametrize(("lang", "accept_language"), [(Lang.NL, "nl-nl"), (Lang.EN, "en-us")])
def test_every_request_carries_afas_headers_and_keeps_the_connection(lang: Lang, accept_language: str) -> None:
    with respx.mock() as mock:
        route = mock.get(f"{BASE}/metainfo").respond(200, json={})
        _run(_get("metainfo", lang=lang))
    headers = route.calls.last.request.headers
    assert headers["Authorization"] == TOKEN.authorization_header()
    assert headers["Authorization"].startswith("AfasToken ")
    assert headers["Accept"] == "application/json"
    assert headers["Accept-Language"] == accept_language
    assert headers.get("Connection", "keep-alive").lower() != "close"
    assert "IntegrationId" not in headers  # SmartBooqing's number is not known yet (afas-api.md §10)


def test_integration_id_is_sent_when_configured() -> None:
    with respx.mock() as mock:
        route = mock.get(f"{BASE}/metainfo").respond(200, json={})
        _run(_get("metainfo", settings=ClientSettings(integration_id="12345_678900")))
    assert route.calls.last.request.headers["IntegrationId"] == "12345_678900"


@pytest.mark.parametrize("status", [401, 403])
def test_no_retry_on_401_or_403(status: int) -> None:
    with respx.mock() as mock:
        route = mock.get(f"{BASE}/metainfo").respond(status)
        reply = _run(_get("metainfo"))
    assert reply.status == status
    assert route.call_count == 1


@pytest.mark.parametrize(
    ("retry_after", "expected_wait", "said"),
    # No header: the body's retry_after (7200) applies, capped too. The problem keeps what AFAS said (for the
    # remedy's "back in about ..."), uncapped, the header first as for the wait.
    [("7200", 2.0, 7200), ("1", 1.0, 1), (None, 2.0, 7200), ("Sat, 01 Jan 2000 00:00:00 GMT", 0.0, 0)],
)
def test_503_is_retried_once_honouring_retry_after_up_to_a_cap(
    monkeypatch: pytest.MonkeyPatch, retry_after: str | None, expected_wait: float, said: float
) -> None:
    waits: list[float] = []

    async def fake_sleep(seconds: float) -> None:
        waits.append(seconds)

    monkeypatch.setattr("wizard.afas.client.asyncio.sleep", fake_sleep)
    headers = {"Retry-After": retry_after} if retry_after else {}
    body = {"error": {"code": "503", "message": "maintenance"}, "retry_after": 7200}
    with respx.mock() as mock:
        route = mock.get(f"{BASE}/metainfo").respond(503, json=body, headers=headers)
        reply = _run(_get("metainfo"))
    assert route.call_count == 2
    assert waits == [pytest.approx(expected_wait, abs=0.01)]
    problem = classify_reply(reply)
    assert problem is not None and problem.kind is Problem.MAINTENANCE and problem.retry_after == said


def test_503_then_success_is_a_success(monkeypatch: pytest.MonkeyPatch) -> None:
    waits: list[float] = []

    async def no_sleep(seconds: float) -> None:
        waits.append(seconds)

    monkeypatch.setattr("wizard.afas.client.asyncio.sleep", no_sleep)
    with respx.mock() as mock:
        mock.get(f"{BASE}/metainfo").mock(side_effect=[httpx.Response(503), httpx.Response(200, json={"ok": 1})])
        reply = _run(_get("metainfo"))
    assert reply.status == 200 and reply.json_body == {"ok": 1}
    assert waits == [1.0]  # no Retry-After at all: a short default wait


def test_at_most_six_requests_in_flight() -> None:
    in_flight = 0
    peak = 0

    async def slow(_request: httpx.Request) -> httpx.Response:
        nonlocal in_flight, peak
        in_flight += 1
        peak = max(peak, in_flight)
        await asyncio.sleep(0.02)
        in_flight -= 1
        return httpx.Response(200, json={"rows": []})

    async def many() -> None:
        async with AfasClient(ENV, TOKEN) as client:
            await asyncio.gather(*(client.get(f"connectors/C{i}") for i in range(25)))

    with respx.mock() as mock:
        mock.get(url__startswith=f"{BASE}/connectors/").mock(side_effect=slow)
        _run(many())
    assert peak == 6


def test_redirects_are_not_followed() -> None:
    # A redirect must never carry the token to another host.
    with respx.mock() as mock:
        route = mock.get(f"{BASE}/metainfo").respond(302, headers={"Location": "https://elsewhere.example/"})
        reply = _run(_get("metainfo"))
    assert reply.status == 302 and route.call_count == 1
    problem = classify_reply(reply)
    # Issue 12 item 11 changed the class from UNEXPECTED: a redirect means something else answered for AFAS.
    assert problem is not None and problem.kind is Problem.INTERCEPTED and problem.impossible
    assert "elsewhere.example" in problem.message().en


def test_the_client_has_no_generic_request_method() -> None:
    client = AfasClient(ENV, TOKEN)
    for name in ("post", "put", "patch", "delete", "request", "send"):
        assert not hasattr(client, name)
    _run(client.aclose())


def test_soap_get_xml_schema_sends_the_token_only_in_the_header() -> None:
    with respx.mock() as mock:
        route = mock.post(f"{ENV.soap_base_url}/appconnectordata.asmx").respond(200, text="<ok/>")

        async def go() -> None:
            async with AfasClient(ENV, TOKEN) as client:
                await client.get_xml_schema("KnSubject")

        _run(go())
    request = route.calls.last.request
    body = request.content.decode()
    assert "GetXmlSchema" in body and "KnSubject" in body
    assert "CA11AB1E" not in body
    assert request.headers["SOAPAction"] == '"urn:Afas.Profit.Services/Execute"'
    assert request.headers["Authorization"] == TOKEN.authorization_header()


def test_tls_uses_the_os_trust_store_and_verifies() -> None:
    context = ssl_context()
    assert type(context).__module__.startswith("truststore")
    assert context.verify_mode is ssl.CERT_REQUIRED
    assert context.check_hostname


@pytest.fixture
def silent_server() -> Iterator[int]:
    """A loopback server that accepts connections and never answers."""
    with socket.socket() as server:
        server.bind(("127.0.0.1", 0))
        server.listen(16)
        yield server.getsockname()[1]


def test_a_server_that_never_answers_times_out(silent_server: int) -> None:
    env = parse_environment("O12345AA", base_url=f"http://127.0.0.1:{silent_server}/ProfitRestServices")

    async def go() -> None:
        async with AfasClient(env, TOKEN, settings=ClientSettings(read_timeout=0.3, connect_timeout=0.3)) as client:
            await client.get("metainfo")

    with pytest.raises(httpx.TimeoutException) as caught:
        _run(go())
    assert classify_exception(caught.value).kind is Problem.TIMEOUT


@pytest.fixture
def refusing_proxy() -> Iterator[tuple[int, list[bytes]]]:
    """A loopback HTTP proxy that records each request line and refuses it (407)."""
    seen: list[bytes] = []
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(4)
    server.settimeout(5)

    def serve() -> None:
        try:
            conn, _ = server.accept()
        except OSError:
            return
        with conn:
            data = conn.recv(4096)
            seen.append(data.split(b"\r\n", 1)[0])
            conn.sendall(b"HTTP/1.1 407 Proxy Authentication Required\r\nContent-Length: 0\r\n\r\n")

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    yield server.getsockname()[1], seen
    server.close()
    thread.join(timeout=5)


def test_proxies_come_from_the_environment(
    monkeypatch: pytest.MonkeyPatch, refusing_proxy: tuple[int, list[bytes]]
) -> None:
    port, seen = refusing_proxy
    monkeypatch.setenv("HTTPS_PROXY", f"http://127.0.0.1:{port}")
    monkeypatch.delenv("NO_PROXY", raising=False)
    monkeypatch.delenv("no_proxy", raising=False)
    with pytest.raises(httpx.ProxyError) as caught:
        _run(_get("metainfo"))
    assert seen == [b"CONNECT 12345.rest.afas.online:443 HTTP/1.1"]  # through the proxy, never direct
    assert classify_exception(caught.value).kind is Problem.PROXY
