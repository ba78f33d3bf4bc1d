"""The simulator as a real HTTP server: uvicorn on 127.0.0.1 in a background thread."""

from __future__ import annotations

import errno
import logging
import socket
import threading
import time
from types import TracebackType

import uvicorn
from pydantic import SecretStr

from wizard.domain.credentials import ClassicToken
from wizard.domain.environment import AfasEnvironment, parse_environment
from wizard.domain.oauth import OAuthClientCredentials
from wizard.sim import admin_guard
from wizard.sim.app import create_app
from wizard.sim.client import SimAdmin
from wizard.sim.connections import ACCEPT_BATCH, MAX_INCOMPLETE_EVENT, GuardedH11Protocol
from wizard.sim.model import SimEnvironment
from wizard.sim.scenarios import build_scenario

HOST = "127.0.0.1"  # loopback only, never another interface
START_TIMEOUT = 10.0
STOP_TIMEOUT = 5.0
LISTEN_BACKLOG = 128  # connections the kernel queues before accept(); more are dropped (clients retry after 1 s)


class SimulatorStartError(RuntimeError):
    """The server could not start (port in use, or it did not come up in time)."""

    def __init__(self, message: str, port_in_use: bool = False) -> None:
        super().__init__(message)
        self.port_in_use = port_in_use


class SimulatorServer:
    """One simulated AFAS environment served over loopback. `start()` returns once the socket accepts
    connections; `stop()` is quick and idempotent. Usable as a context manager.

    `admin_key` (random per server) is what the /_sim/ admin API asks for; `admin()` is a SimAdmin that sends it."""

    def __init__(
        self,
        scenario: str = "ready",
        port: int = 0,
        state: SimEnvironment | None = None,
        admin_key: str | None = None,
        auth: str | None = None,
    ) -> None:
        """`auth` ("classic", "hybrid", "oauth"): the scenario with its app connector on that Authenticatietype
        (see `build_scenario`); ignored when `state` is given."""
        self.state = state if state is not None else build_scenario(scenario, auth=auth)
        self.admin_key = admin_key or admin_guard.new_key()
        self._requested_port = port
        self._port: int | None = None
        self._server: uvicorn.Server | None = None
        self._thread: threading.Thread | None = None
        self._failure: BaseException | None = None

    # --- addresses ---

    @property
    def port(self) -> int:
        if self._port is None:
            raise RuntimeError("the simulator is not started")
        return self._port

    @property
    def origin(self) -> str:
        return f"http://{HOST}:{self.port}"

    @property
    def base_url(self) -> str:
        return f"{self.origin}/ProfitRestServices"

    @property
    def soap_url(self) -> str:
        return f"{self.origin}/profitservices"

    @property
    def environment(self) -> AfasEnvironment:
        return parse_environment(self.state.env_id, base_url=self.base_url)

    @property
    def token(self) -> ClassicToken | None:
        return self.state.token

    @property
    def oauth_credentials(self) -> OAuthClientCredentials | None:
        """The OAuth client id and secret the scenario's client holds (None until a client secret is created)."""
        return self.state.oauth_credentials

    @property
    def client_id(self) -> str | None:
        credentials = self.oauth_credentials
        return credentials.client_id if credentials else None

    @property
    def client_secret(self) -> SecretStr | None:
        """Secret, like `token`: never print or log it."""
        credentials = self.oauth_credentials
        return credentials.client_secret if credentials else None

    @property
    def token_url(self) -> str:
        return f"{self.base_url}/oauth/token"

    def admin(self, *, timeout: float = 10.0) -> SimAdmin:
        """A client of this server's admin API, with its key."""
        return SimAdmin(self.origin, key=self.admin_key, timeout=timeout)

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    # --- lifecycle ---

    def _bind(self) -> socket.socket:
        # proto=IPPROTO_TCP: asyncio sets TCP_NODELAY on accepted connections only when the listening socket says
        # so; without it every answer on a kept-alive connection waits ~40 ms for a delayed ACK (Nagle).
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM, socket.IPPROTO_TCP)
        try:
            # No SO_REUSEADDR: on Windows it would let two servers share a port. Linux/macOS can still rebind a
            # port left in TIME_WAIT by a client-closed connection, since the server side closes last rarely.
            sock.bind((HOST, self._requested_port))
            sock.listen(LISTEN_BACKLOG)
        except OSError as exc:
            sock.close()
            in_use = exc.errno in (errno.EADDRINUSE, getattr(errno, "WSAEADDRINUSE", -1))
            raise SimulatorStartError(
                f"cannot listen on {HOST}:{self._requested_port}: {exc.strerror or exc}", port_in_use=in_use
            ) from exc
        sock.setblocking(False)
        return sock

    def start(self) -> None:
        if self.running:
            return
        sock = self._bind()
        self._port = sock.getsockname()[1]
        config = uvicorn.Config(
            create_app(self.state, admin_key=self.admin_key, port=self._port),
            host=HOST,
            port=self._port,
            log_level=logging.WARNING,
            log_config=None,  # uvicorn's default config needs a console (sys.stdout.isatty()); use the app's logging
            access_log=False,
            lifespan="off",
            ws="none",
            http=GuardedH11Protocol,  # h11 plus a deadline per request and a cap on open connections
            h11_max_incomplete_event_size=MAX_INCOMPLETE_EVENT,
            backlog=ACCEPT_BATCH,  # asyncio accepts this many per wake-up, before the protocol can make room
            timeout_graceful_shutdown=1,
            timeout_keep_alive=5,
            server_header=False,
        )
        server = uvicorn.Server(config)  # in a non-main thread uvicorn leaves signals alone
        self._server = server
        self._failure = None

        def run() -> None:
            try:
                server.run(sockets=[sock])
            except BaseException as exc:  # reported by start(); never kills the host process
                self._failure = exc
            finally:
                sock.close()

        self._thread = threading.Thread(target=run, name=f"afas-simulator-{self._port}", daemon=True)
        self._thread.start()
        deadline = time.monotonic() + START_TIMEOUT
        while not server.started:
            if not self._thread.is_alive() or time.monotonic() > deadline:
                self.stop()
                raise SimulatorStartError(f"the simulator did not start: {self._failure!r}")
            time.sleep(0.005)
        # asyncio used `backlog` for listen() too: give the kernel's queue its size back, keep the small batch.
        sock.listen(LISTEN_BACKLOG)
        admin_guard.register(self.origin, self.admin_key)

    def stop(self) -> None:
        server, thread = self._server, self._thread
        if server is None or thread is None:
            return
        admin_guard.unregister(self.origin)
        server.should_exit = True
        thread.join(STOP_TIMEOUT)
        if thread.is_alive():
            server.force_exit = True
            thread.join(STOP_TIMEOUT)
        self._server = None
        self._thread = None

    def __enter__(self) -> SimulatorServer:
        self.start()
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.stop()
