"""A recording HTTP proxy on loopback (issue 12): it answers nothing useful (502), but remembers the request line of
every connection that reached it, so a test can prove what did, and did not, go through a proxy."""

from __future__ import annotations

import socketserver
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import ClassVar

import pytest


@dataclass
class RecordingProxy:
    url: str
    seen: list[str] = field(default_factory=list)  # "CONNECT host:443 HTTP/1.1", "GET http://... HTTP/1.1"


class _Handler(socketserver.StreamRequestHandler):
    seen: ClassVar[list[str]] = []

    def handle(self) -> None:
        line = self.rfile.readline(65536).decode("latin-1").strip()
        if not line:
            return
        self.seen.append(line)
        while self.rfile.readline(65536) not in (b"\r\n", b"\n", b""):
            pass
        self.wfile.write(b"HTTP/1.1 502 Bad Gateway\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")


@pytest.fixture
def recording_proxy(monkeypatch: pytest.MonkeyPatch) -> Iterator[RecordingProxy]:
    """A proxy set in every variable httpx reads (HTTP_PROXY, HTTPS_PROXY, ALL_PROXY), and no NO_PROXY."""
    seen: list[str] = []
    handler = type("Handler", (_Handler,), {"seen": seen})
    server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, name="recording-proxy", daemon=True).start()
    url = f"http://127.0.0.1:{server.server_address[1]}"
    for name in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY"):
        monkeypatch.setenv(name, url)
        monkeypatch.setenv(name.lower(), url)
    for name in ("NO_PROXY", "no_proxy"):
        monkeypatch.delenv(name, raising=False)
    try:
        yield RecordingProxy(url=url, seen=seen)
    finally:
        server.shutdown()
        server.server_close()
