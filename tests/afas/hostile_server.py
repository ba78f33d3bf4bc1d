"""A hostile HTTP server on loopback, for the hardening tests (issue 12): everything a portal, a broken gateway or
a malicious host could send back. Real sockets, so the client's streaming, decoding and timeouts are what is tested.

The first path segment chooses the behaviour, so one server serves whole verification runs in any mode (or the
second, after /any/, for a client whose base URL is /any and whose request path names the mode):
  /redirect/...        302 to another host
  /html/...            200 with a captive portal's HTML page
  /echojson-N/...      500 with AFAS's JSON error shape, the request's Authorization header at offset N of the message
  /echotext-N/...      418 text/plain, the Authorization header at offset N of the body
  /drip/...            200 whose body arrives one byte every 0.2 s, never ending
  /bomb/...            200, Content-Encoding gzip: 200 KB on the wire, 200 MB inflated
  /big/...             200 with a 50 MB JSON body
  /retry-<name>/...    503 with a malformed Retry-After (or retry_after NaN in the body), then the same again
  /escape/...          500 whose externalMessage holds terminal escape sequences faking a passed check
  /deep/...            200 with JSON nested far deeper than Python's recursion limit
  /idna/...            200 JSON declared as `charset=idna` (a codec that raises on ordinary text)
  /challenge/...       401 whose WWW-Authenticate holds a 60 KB run of spaces
  /tok-<name>/...      an OAuth token endpoint answering TOKEN_ANSWERS[name] to POST .../oauth/token; every GET is a
                       200 `{}`, or for tok-quotes /metainfo naming the Authorization header as app connector and user
                       group, or for tok-challenge a 401 whose WWW-Authenticate holds a 60 KB run of spaces
"""

from __future__ import annotations

import json
import socket
import threading
import time
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import ClassVar

import pytest

ESCAPE_MESSAGE = "\x1b[2J\x1b[H\x1b[32m✔ all checks passed\x1b[0m\r\n\x9b2J\u202egnissap"
RETRY_AFTER = {
    "bad-date": "Wed, 99 Foo 2024 99:99:99 GMT",
    "arabic-digit": "\u0663",  # '٣' passes str.isdigit()
    "huge": "9" * 400,
    "negative": "-5",
    "float": "1e999",
    "superscript": "\u00b2",  # '²' passes str.isdigit(), float() refuses it
}


def _bomb() -> bytes:
    # 200 MB of zeros: about 200 KB gzipped. Compressed in 1 MB steps, so building it costs no 200 MB either.
    packer = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    zeros = b"\0" * (1024 * 1024)
    return b"".join(packer.compress(zeros) for _ in range(200)) + packer.flush()


DEEP_JSON = b"[" * 100_000 + b"]" * 100_000
IDNA_LABEL = "a" * 100  # longer than a DNS label: the idna codec raises UnicodeError on it
LONG_CHALLENGE = "Bearer" + " " * 60_000 + "x"
# Access tokens no header can carry, or whose escaped form is not their own: each with a distinctive run (K7K7…,
# Q8Q8…) that must appear in no output.
CRLF_TOKEN = "K7" * 16 + "\r\nX-Injected: 1"
QUOTED_TOKEN = 'Q8"<&>\\' + "Q8" * 16
_GOOD = {"token_type": "Bearer", "expires_in": 3600}


def _token(access_token: object, **extra: object) -> bytes:
    return json.dumps({"access_token": access_token, **_GOOD, **extra}, ensure_ascii=False).encode()


# name -> (status, body, headers) of the token endpoint's answer.
TOKEN_ANSWERS: dict[str, tuple[int, bytes, dict[str, str]]] = {
    "bomb": (200, b"", {"Content-Encoding": "gzip"}),  # the body is the bomb
    "deep": (200, DEEP_JSON, {}),
    "idna": (200, _token("T" * 40, note=IDNA_LABEL), {"Content-Type": "application/json; charset=idna"}),
    "expires-superscript": (200, _token("T" * 40, expires_in="\u00b2"), {}),
    "expires-huge": (200, b'{"access_token": "' + b"T" * 40 + b'", "expires_in": ' + b"9" * 400 + b"}", {}),
    "expires-tiny": (200, _token("T" * 40, expires_in=1e-300), {}),
    "nonascii": (200, _token("T\u00f6k\u00e9n" + "T" * 40), {}),
    "crlf": (200, _token(CRLF_TOKEN), {}),
    "retry-superscript": (503, b"{}", {"Retry-After": "\u00b2"}),
    "quotes": (200, _token(QUOTED_TOKEN), {}),
    "challenge": (200, _token("T" * 40), {}),
}


# Built once, before any test measures memory (tracemalloc counts the server's thread too).
BIG_BODY = b'{"rows": "' + b"a" * (50 * 1024 * 1024) + b'"}'


class _QuietServer(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request: object, client_address: object) -> None:
        return None  # the client hanging up on a bomb or a drip is the point of the test, not an error


@dataclass
class HostileServer:
    base: str  # http://127.0.0.1:PORT
    requests: list[tuple[str, str, dict[str, str]]] = field(default_factory=list)

    def url(self, mode: str, path: str = "/ProfitRestServices") -> str:
        return f"{self.base}/{mode}{path}"


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "hostile"
    bomb: ClassVar[bytes] = b""
    record: ClassVar[list[tuple[str, str, dict[str, str]]]] = []

    def log_message(self, format: str, *args: object) -> None:
        return None

    def setup(self) -> None:
        super().setup()
        # Headers and body go out in separate writes: without NODELAY each answer waits for a delayed ACK (40 ms).
        self.connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)

    def _send(self, status: int, body: bytes, headers: dict[str, str] | None = None) -> None:
        self.send_response(status)
        for key, value in {"Content-Length": str(len(body)), **(headers or {})}.items():
            self.send_header(key, value)
        self.end_headers()
        self.wfile.write(body)

    def _raw_header(self, name: str, value: str) -> None:
        # send_header encodes latin-1; a hostile server sends whatever bytes it likes.
        self._headers_buffer.append(f"{name}: ".encode() + value.encode("utf-8") + b"\r\n")  # type: ignore[attr-defined]

    def do_POST(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        self.rfile.read(length)
        self.do_GET()

    def do_GET(self) -> None:
        self.record.append((self.command, self.path, dict(self.headers.items())))
        segments = self.path.lstrip("/").split("/")
        mode = segments[1] if segments[0] == "any" and len(segments) > 1 else segments[0]
        auth = self.headers.get("Authorization", "")
        if mode == "redirect":
            self._send(302, b"", {"Location": "https://portal.hostile.invalid/login?next=afas"})
        elif mode == "html":
            page = b"<!DOCTYPE html><html><head><title>Guest Wi-Fi</title></head><body>Please log in</body></html>"
            self._send(200, page, {"Content-Type": "text/html; charset=utf-8"})
        elif mode.startswith("echojson-"):
            offset = int(mode.split("-", 1)[1])
            message = "x" * offset + auth + " y"
            error = {"externalMessage": message, "errorNumber": -1, "profitLogReference": "L" * 32}
            self._send(500, json.dumps(error).encode(), {"Content-Type": "application/json"})
        elif mode.startswith("echotext-"):
            offset = int(mode.split("-", 1)[1])
            self._send(418, ("x" * offset + auth + " y" * 40).encode(), {"Content-Type": "text/plain"})
        elif mode == "drip":
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", "1000000")
            self.end_headers()
            try:
                for _ in range(600):
                    self.wfile.write(b" ")
                    self.wfile.flush()
                    time.sleep(0.2)
            except OSError:
                return
        elif mode == "bomb":
            self._send(200, self.bomb, {"Content-Type": "application/json", "Content-Encoding": "gzip"})
        elif mode == "big":
            self._send(200, BIG_BODY, {"Content-Type": "application/json"})
        elif mode.startswith("retry-"):
            name = mode.split("-", 1)[1]
            body = b'{"retry_after": NaN}' if name == "nan" else b"{}"
            self.send_response(503)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            if name in RETRY_AFTER:
                self._raw_header("Retry-After", RETRY_AFTER[name])
            self.end_headers()
            self.wfile.write(body)
        elif mode == "deep":
            self._send(200, DEEP_JSON, {"Content-Type": "application/json"})
        elif mode == "idna":
            body = json.dumps({"info": {"appName": IDNA_LABEL}}).encode()
            self._send(200, body, {"Content-Type": "application/json; charset=idna"})
        elif mode == "challenge" or (mode == "tok-challenge" and self.command == "GET"):
            self._send(401, b"", {"WWW-Authenticate": LONG_CHALLENGE})
        elif mode.startswith("tok-"):
            self._token_endpoint(mode.split("-", 1)[1], auth)
        elif mode == "escape":
            error = {"externalMessage": ESCAPE_MESSAGE, "errorNumber": -1}
            self._send(500, json.dumps(error, ensure_ascii=False).encode(), {"Content-Type": "application/json"})
        else:
            self._send(404, b"unknown mode")

    def _token_endpoint(self, name: str, auth: str) -> None:
        if self.command == "POST" and self.path.endswith("/oauth/token"):
            status, body, headers = TOKEN_ANSWERS[name]
            headers = {"Content-Type": "application/json; charset=utf-8", **headers}
            self.send_response(status)
            for key, value in headers.items():
                self._raw_header(key, value)
            body = self.bomb if name == "bomb" else body
            self._raw_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
        elif name == "quotes" and self.path.endswith("/metainfo"):
            info = {"info": {"appName": f"app {auth} end", "group": f"group {auth} end", "envid": "O12345AA"}}
            self._send(200, json.dumps(info).encode(), {"Content-Type": "application/json"})
        else:
            self._send(200, b"{}", {"Content-Type": "application/json"})


@pytest.fixture(scope="session")
def hostile_server() -> Iterator[HostileServer]:
    requests: list[tuple[str, str, dict[str, str]]] = []
    handler = type("Handler", (_Handler,), {"bomb": _bomb(), "record": requests})
    server = _QuietServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, name="hostile-server", daemon=True)
    thread.start()
    try:
        yield HostileServer(base=f"http://127.0.0.1:{server.server_address[1]}", requests=requests)
    finally:
        server.shutdown()
        server.server_close()
