"""What a hostile request costs the simulator: an oversized header block or body is refused before it is read,
a crafted token no longer takes seconds, and SOAP takes only a SOAP content type."""

from __future__ import annotations

import base64
import logging
import socket
import time
from collections.abc import AsyncIterator

import pytest

from tests.sim.conftest import REST, Sim
from wizard.sim import limits
from wizard.sim.server import SimulatorServer

SOAP = "/profitservices/appconnectordata.asmx"
EXECUTE = '"urn:Afas.Profit.Services/Execute"'
# Today's parser backtracked on a token document whose data never ends: 4 KB took seconds.
CRAFTED_TOKEN = "<token><version>1</version><data>" + " " * 3000 + "x"


def test_a_crafted_token_header_is_refused_at_once(ready: Sim) -> None:
    header = "AfasToken " + base64.b64encode(CRAFTED_TOKEN.encode()).decode()
    assert 4000 < len(header) < limits.MAX_HEADER_BYTES
    started = time.perf_counter()
    response = ready.get("/metainfo", auth=header)
    assert response.status_code == 401
    assert time.perf_counter() - started < 0.5


def test_a_crafted_token_in_a_soap_body_is_refused_at_once(ready: Sim) -> None:
    body = (
        '<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body>'
        f'<Execute xmlns="urn:Afas.Profit.Services"><token>{CRAFTED_TOKEN.replace("<", "&lt;")}</token>'
        "<dataID>GetXmlSchema</dataID></Execute></soap:Body></soap:Envelope>"
    )
    started = time.perf_counter()
    response = ready.request(
        "POST", SOAP, auth=False, content=body, headers={"SOAPAction": EXECUTE, "Content-Type": "text/xml"}
    )
    assert response.status_code == 500 and b"Token is ongeldig" in response.content
    assert time.perf_counter() - started < 0.5


@pytest.mark.parametrize("media", ["text/plain", "application/x-www-form-urlencoded", ""])
def test_soap_refuses_a_body_a_web_page_could_send_without_asking(ready: Sim, media: str) -> None:
    assert ready.state.token is not None
    response = ready.request(
        "POST",
        SOAP,
        auth=False,
        content=f"<x><token>{ready.state.token.xml().replace('<', '&lt;')}</token></x>",
        headers={"SOAPAction": EXECUTE, "Content-Type": media},
    )
    assert response.status_code == 415


def test_soap_1_2_content_type_is_accepted(ready: Sim) -> None:
    response = ready.request(
        "POST", SOAP, auth=False, content="not xml", headers={"Content-Type": "application/soap+xml; charset=utf-8"}
    )
    assert response.status_code == 500 and b"not valid XML" in response.content


def test_an_oversized_header_block_gets_431_and_one_warning_line(ready: Sim, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.WARNING)
    response = ready.get("/metainfo", headers={"X-Padding": "a" * limits.MAX_HEADER_BYTES})
    assert response.status_code == 431
    assert [(r.levelno, r.exc_info) for r in caplog.records] == [(logging.WARNING, None)]


def test_a_streamed_body_is_refused_once_it_passes_the_cap(ready: Sim, caplog: pytest.LogCaptureFixture) -> None:
    """No Content-Length: the simulator counts the bytes as they come and stops taking them past the cap."""
    caplog.set_level(logging.WARNING)
    chunk = b"x" * 64 * 1024
    sent = 0

    async def endless() -> AsyncIterator[bytes]:
        nonlocal sent
        for _ in range(10 * limits.MAX_OTHER_BODY // len(chunk)):
            sent += 1
            yield chunk

    response = ready.request(
        "POST", SOAP, auth=False, content=endless(), headers={"Content-Type": "text/xml", "SOAPAction": EXECUTE}
    )
    assert response.status_code == 413
    assert sent * len(chunk) <= limits.MAX_OTHER_BODY + 2 * len(chunk)
    assert [(r.levelno, r.exc_info) for r in caplog.records] == [(logging.WARNING, None)]


def test_a_write_over_the_cap_is_counted_and_refused_without_reading_it(ready: Sim) -> None:
    async def never_read() -> AsyncIterator[bytes]:
        for _ in range(1):
            raise AssertionError("the body was read")
        yield b""  # makes this a generator

    response = ready.write(
        "POST",
        "/connectors/KnSubject",
        content=never_read(),
        headers={"Content-Type": "application/json", "Content-Length": str(limits.MAX_REST_WRITE + 1)},
    )
    assert response.status_code == 413
    assert ready.state.writes == 1  # a refused write still shows the client tried to write


def test_an_admin_body_over_the_cap_gets_the_admin_apis_413(ready: Sim) -> None:
    response = ready.admin(
        "POST",
        "faults",
        content=b"{" + b" " * limits.MAX_ADMIN_BODY + b"}",
        headers={"Content-Type": "application/json"},
    )
    assert response.status_code == 413 and response.json()["error"] == "too-large"


@pytest.mark.loopback
def test_a_declared_huge_body_is_refused_before_it_is_sent() -> None:
    """Over a real socket: the 413 comes back while the client has sent only the headers, and the connection
    closes, so the rest is never read."""
    with SimulatorServer("ready") as server, socket.create_connection(("127.0.0.1", server.port), timeout=5) as sock:
        sock.sendall(
            f"POST {REST}/oauth/token HTTP/1.1\r\nHost: 127.0.0.1\r\n"
            "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 1500000000\r\n\r\n".encode()
        )
        answer = b""
        while chunk := sock.recv(4096):
            answer += chunk
    assert answer.startswith(b"HTTP/1.1 413 ")
    assert b"connection: close" in answer.lower()
