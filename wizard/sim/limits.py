"""What the simulator accepts from a request before any handler looks at it: the size of the header block and of
the body, counted while they arrive, so an oversized request costs neither memory nor time.

The body cap depends on the route: AFAS's 75 MB for REST writes (afas-api.md §3.6), the admin API's 5 MB (seven
.gcn files), 1 MB for everything else (SOAP, OTP, the token endpoint). The count is kept on the bytes as they
arrive: a missing or false Content-Length changes nothing.
"""

from __future__ import annotations

import logging

from starlette.types import Message, Receive, Scope

log = logging.getLogger(__name__)

MAX_HEADER_BYTES = 16 * 1024  # the whole header block, like http.sys's MaxRequestBytes in front of AFAS
MAX_REST_WRITE = 75 * 1024 * 1024  # 413 above 75 MB (afas-api.md §3.6)
MAX_ADMIN_BODY = 5 * 1024 * 1024  # a .gcn is a few KB; the guide-step call carries seven of them
MAX_OTHER_BODY = 1024 * 1024  # SOAP envelopes, OTP and token requests are a few hundred bytes


class BodyTooLargeError(Exception):
    """The request body is over the route's cap; raised by `receive` before the excess is kept."""

    def __init__(self, cap: int) -> None:
        super().__init__(f"request body over {cap} bytes")
        self.cap = cap


def body_cap(path: str) -> int:
    lowered = path.lower()
    if lowered.startswith("/_sim/"):
        return MAX_ADMIN_BODY
    if lowered.startswith("/profitrestservices/connectors"):
        return MAX_REST_WRITE
    return MAX_OTHER_BODY


def header_bytes(scope: Scope) -> int:
    return sum(len(name) + len(value) + 4 for name, value in scope.get("headers", []))


def declared_length(scope: Scope) -> int | None:
    """The Content-Length header as a number; None when absent or not a plain number."""
    for name, value in scope.get("headers", []):
        if name.lower() == b"content-length":
            text = value.strip()
            return int(text) if text.isdigit() and len(text) < 20 else None
    return None


def capped_receive(receive: Receive, cap: int, declared: int | None) -> Receive:
    """`receive` that raises BodyTooLargeError once the body passes `cap`: at once when Content-Length says so,
    otherwise as soon as the bytes received so far do."""
    received = 0

    async def guarded() -> Message:
        nonlocal received
        if declared is not None and declared > cap:
            raise BodyTooLargeError(cap)
        message = await receive()
        if message["type"] == "http.request":
            received += len(message.get("body", b""))
            if received > cap:
                raise BodyTooLargeError(cap)
        return message

    return guarded


def warn(scope: Scope, reason: str) -> None:
    """One line per refused request: never a traceback, never a header value or body."""
    log.warning("simulator refused %s %.200r: %s", scope.get("method", "?"), scope.get("path", ""), reason)
