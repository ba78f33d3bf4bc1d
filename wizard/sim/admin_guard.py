"""Who may use the /_sim/ admin API: a caller on this computer that knows the run's key, not a web page.

A web page open in a browser on the same computer can send requests to 127.0.0.1, and with DNS rebinding read
the answers under its own host name. So every admin call must (in this order):
- name a loopback host in `Host` (127.0.0.1, localhost, [::1]) with the bound port - a rebound name is refused;
- carry no `Origin`, or exactly the simulator's own origin;
- carry the per-run key in `X-Sim-Key` (401 without it, 403 when wrong): a page cannot read it, and the custom
  header alone forces a CORS preflight, which the simulator never grants.
"""

from __future__ import annotations

import secrets
import threading
from dataclasses import dataclass

from starlette.requests import Request
from starlette.responses import JSONResponse

KEY_HEADER = "X-Sim-Key"
LOOPBACK_NAMES = frozenset({"127.0.0.1", "localhost", "::1"})
# Keys of the simulators this process runs, by origin: SimAdmin(origin) without a key finds its server's key.
_RUNNING: dict[str, str] = {}
_RUNNING_LOCK = threading.Lock()


def new_key() -> str:
    return secrets.token_urlsafe(24)


def register(origin: str, key: str) -> None:
    with _RUNNING_LOCK:
        _RUNNING[origin.rstrip("/")] = key


def unregister(origin: str) -> None:
    with _RUNNING_LOCK:
        _RUNNING.pop(origin.rstrip("/"), None)


def key_for(origin: str) -> str | None:
    """The admin key of a simulator started in this process at `origin`, if any."""
    with _RUNNING_LOCK:
        return _RUNNING.get(origin.rstrip("/"))


def refuse(status: int, code: str, message: str, *, close: bool = False) -> JSONResponse:
    """The admin API's JSON refusal; `close`: the rest of the request is not read, so the connection goes."""
    headers = {"Connection": "close"} if close else None
    return JSONResponse({"error": code, "message": message}, status_code=status, headers=headers)


def _split_host(value: str) -> tuple[str, int] | None:
    """(host, port) of a Host header; None when it is not host[:port]."""
    value = value.strip().lower()
    if value.startswith("["):  # [::1]:8765
        host, _, rest = value[1:].partition("]")
        port_text = rest[1:] if rest.startswith(":") else ("" if not rest else "x")
    else:
        host, _, port_text = value.partition(":")
    if not host:
        return None
    if not port_text:
        return host, 80
    if not (port_text.isascii() and port_text.isdigit()) or len(port_text) > 5:
        return None
    return host, int(port_text)


@dataclass(frozen=True)
class AdminAccess:
    """The rules for one served app. `port` is the bound port; None in-process (no socket), any port then."""

    key: str
    port: int | None = None

    def refusal(self, request: Request) -> JSONResponse | None:
        """None when the call may go ahead; otherwise the 4xx answer."""
        host_header = request.headers.get("host", "")
        parsed = _split_host(host_header)
        if parsed is None or parsed[0] not in LOOPBACK_NAMES or (self.port is not None and parsed[1] != self.port):
            return refuse(403, "bad-host", "The admin API answers only on this computer's loopback address.")
        origin = request.headers.get("origin")
        if origin is not None and origin.strip().lower() != f"http://{host_header.strip().lower()}":
            return refuse(403, "cross-origin", "The admin API refuses requests from other sites.")
        if request.headers.get("sec-fetch-site", "").lower() in ("cross-site", "same-site"):
            return refuse(403, "cross-origin", "The admin API refuses requests from other sites.")
        given = request.headers.get(KEY_HEADER)
        if not given:
            return refuse(401, "no-key", f"Send the key printed at the simulator's start in {KEY_HEADER}.")
        if not secrets.compare_digest(given.encode("utf-8", "replace"), self.key.encode("utf-8")):
            return refuse(403, "bad-key", f"The {KEY_HEADER} key is not this simulator's.")
        return None
