"""uvicorn's h11 protocol with the two limits it lacks: a deadline for reading each request and a cap on open
connections.

uvicorn times out an idle kept-alive connection, but not one that trickles its request line and headers a byte at
a time: a thousand of those held the simulator forever, and once they used up the process's file descriptors the
accept loop logged a traceback per attempt. Here each request must arrive whole within `REQUEST_READ_TIMEOUT`,
and beyond `MAX_CONNECTIONS` open ones the connection that has waited longest for its request is closed, each
with one warning line.
"""

from __future__ import annotations

import asyncio
import logging

import h11
from uvicorn.protocols.http.h11_impl import H11Protocol

log = logging.getLogger(__name__)

REQUEST_READ_TIMEOUT = 10.0  # seconds for a request's line, headers and body; the wizard's take milliseconds
MAX_CONNECTIONS = 100  # open at once; the wizard uses a handful
ACCEPT_BATCH = 8  # connections asyncio accepts in one go: how far the count can pass MAX_CONNECTIONS
MAX_INCOMPLETE_EVENT = 64 * 1024  # h11's cap on a request head still arriving (limits.MAX_HEADER_BYTES is less)

_REQUEST_IN = (h11.DONE, h11.MUST_CLOSE, h11.CLOSED, h11.ERROR)  # the client has sent all it will send


class GuardedH11Protocol(H11Protocol):
    """Pass as `uvicorn.Config(http=GuardedH11Protocol, h11_max_incomplete_event_size=MAX_INCOMPLETE_EVENT)`."""

    _read_deadline: asyncio.TimerHandle | None = None  # set while waiting for a request
    _waiting_since = 0.0

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        super().connection_made(transport)
        self._arm_read_deadline()
        if len(self.connections) > MAX_CONNECTIONS:
            self._make_room()

    def _make_room(self) -> None:
        # The connection that has waited longest for its request goes, so a flood of slow connections never
        # keeps a real client out; one whose request is being answered is never closed.
        waiting = [c for c in self.connections if isinstance(c, GuardedH11Protocol) and c._read_deadline is not None]
        victim = min(waiting, key=lambda c: c._waiting_since) if waiting else self
        log.warning("simulator closed a waiting connection: %d connections open", len(self.connections))
        victim._cancel_read_deadline()
        victim.transport.abort()

    def data_received(self, data: bytes) -> None:
        super().data_received(data)
        if self.conn.their_state in _REQUEST_IN:
            self._cancel_read_deadline()  # the whole request is in; the handler has all the time it needs

    def on_response_complete(self) -> None:
        super().on_response_complete()  # may already take in a pipelined request
        if not self.transport.is_closing() and self.conn.their_state not in _REQUEST_IN:
            self._arm_read_deadline()  # the next request on this connection gets its own deadline

    def connection_lost(self, exc: Exception | None) -> None:
        self._cancel_read_deadline()
        super().connection_lost(exc)

    def _arm_read_deadline(self) -> None:
        self._cancel_read_deadline()
        self._waiting_since = self.loop.time()
        self._read_deadline = self.loop.call_later(REQUEST_READ_TIMEOUT, self._read_timed_out)

    def _cancel_read_deadline(self) -> None:
        if self._read_deadline is not None:
            self._read_deadline.cancel()
            self._read_deadline = None

    def _read_timed_out(self) -> None:
        self._read_deadline = None
        if self.transport.is_closing() or self.conn.their_state in _REQUEST_IN:
            return
        if self.conn.their_state is h11.IDLE and not self.conn.trailing_data[0]:
            self.transport.close()  # an idle kept-alive connection: uvicorn's keep-alive timeout, no warning
            return
        log.warning("simulator closed a connection that sent no whole request in %g s", REQUEST_READ_TIMEOUT)
        self.transport.abort()
