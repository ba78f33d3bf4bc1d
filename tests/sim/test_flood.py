"""A flood of slow connections on a real socket: the simulator keeps answering real requests, closes requests that
never arrive whole, and logs one short line per refusal instead of tracebacks."""

from __future__ import annotations

import logging
import os
import socket
import sys
import time
from collections.abc import Iterator

import httpx
import pytest

from wizard.sim import connections
from wizard.sim.server import SimulatorServer

pytestmark = pytest.mark.loopback

SLOW = 200  # twice the connection cap; far below the process's file-descriptor limit


@pytest.fixture
def server() -> Iterator[SimulatorServer]:
    with SimulatorServer("ready") as running:
        yield running


@pytest.fixture
def tight_fd_limit() -> Iterator[None]:
    """Room for the slow clients, the server's capped share and a few more, not for a server side per client: the
    1,100-connection flood ran the process out of file descriptors, so this one must too if nothing caps it."""
    if not sys.platform.startswith("linux"):
        pytest.skip("counts this process's descriptors in /proc")
    import resource

    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    in_use = len(os.listdir("/proc/self/fd"))
    resource.setrlimit(resource.RLIMIT_NOFILE, (in_use + SLOW + connections.MAX_CONNECTIONS + 40, hard))
    try:
        yield
    finally:
        resource.setrlimit(resource.RLIMIT_NOFILE, (soft, hard))


def _slow_clients(port: int, count: int) -> list[socket.socket]:
    """Connections that start a request and never finish its headers."""
    opened: list[socket.socket] = []
    try:
        for _ in range(count):
            opened.append(socket.create_connection(("127.0.0.1", port), timeout=5))
            opened[-1].sendall(b"GET /ProfitRestServices/metainfo HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ")
    except OSError:
        for sock in opened:
            sock.close()
        raise
    return opened


def _closed_by_server(sock: socket.socket) -> bool:
    try:
        return sock.recv(1024) == b""
    except ConnectionResetError:
        return True
    except TimeoutError:
        return False


def test_a_real_request_is_answered_while_slow_connections_flood_the_simulator(
    server: SimulatorServer, tight_fd_limit: None, caplog: pytest.LogCaptureFixture
) -> None:
    assert server.token is not None
    caplog.set_level(logging.WARNING)
    slow = _slow_clients(server.port, SLOW)
    try:
        started = time.monotonic()
        answer = httpx.get(
            f"{server.base_url}/metainfo",
            headers={"Authorization": server.token.authorization_header()},
            timeout=5,
        )
        assert answer.status_code == 200
        assert time.monotonic() - started < 3
    finally:
        for sock in slow:
            sock.close()
    # One short line per closed connection, no traceback: the log stays small.
    assert len(caplog.records) <= SLOW
    assert all(record.exc_info is None for record in caplog.records)
    assert sum(len(record.getMessage()) for record in caplog.records) < 100 * SLOW


def test_a_request_that_never_arrives_whole_is_closed_after_the_read_deadline(
    server: SimulatorServer, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.setattr(connections, "REQUEST_READ_TIMEOUT", 0.5)
    caplog.set_level(logging.WARNING)
    (slow,) = _slow_clients(server.port, 1)
    with slow:
        slow.settimeout(5)
        started = time.monotonic()
        assert _closed_by_server(slow)
        assert time.monotonic() - started < 3
    assert [r.getMessage() for r in caplog.records if r.name == connections.__name__] == [
        "simulator closed a connection that sent no whole request in 0.5 s"
    ]


def test_the_read_deadline_never_cuts_off_a_slow_answer(
    server: SimulatorServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The deadline covers reading the request only: an answer that takes longer (latency injected) still comes,
    also for the next request on the same kept-alive connection."""
    assert server.token is not None
    monkeypatch.setattr(connections, "REQUEST_READ_TIMEOUT", 0.3)
    with server.admin() as admin:
        admin.set_faults(latency_ms=800)
    headers = {"Authorization": server.token.authorization_header()}
    with httpx.Client(base_url=server.base_url, headers=headers, timeout=5) as client:
        assert [client.get("/metainfo").status_code for _ in range(2)] == [200, 200]
