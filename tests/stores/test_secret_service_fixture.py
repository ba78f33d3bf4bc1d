"""The private Secret Service harness fails loudly in CI, and the real SecretService backend meets our timeout."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from keyring.backends.SecretService import Keyring

from tests.conftest import FAKE_XML
from tests.secret_service import REQUIRE_ENV, _unavailable, collect_leaked_connections
from tests.secret_service_session import SecretServiceUnavailableError, private_secret_service
from wizard.domain.credentials import parse_classic_token
from wizard.stores.secrets import KeyringSecretStore, SecretStoreError

TOKEN = parse_classic_token(FAKE_XML)


def test_missing_daemons_are_reported_not_half_started(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("shutil.which", lambda _name: None)
    with pytest.raises(SecretServiceUnavailableError, match="not installed"), private_secret_service(tmp_path):
        pass


def test_ci_fails_loudly_where_a_developer_only_skips(monkeypatch: pytest.MonkeyPatch) -> None:
    problem = SecretServiceUnavailableError("gnome-keyring-daemon is not installed")
    monkeypatch.setenv(REQUIRE_ENV, "1")
    with pytest.raises(pytest.fail.Exception, match="required"):
        _unavailable(problem)
    monkeypatch.delenv(REQUIRE_ENV)
    with pytest.raises(pytest.skip.Exception):
        _unavailable(problem)


@pytest.fixture
def silent_bus(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """A D-Bus address whose 'bus' completes the login handshake and then never answers a call: a stuck session
    bus. (One that does not even answer the handshake is caught by jeepney's own 1 s auth timeout; after the
    handshake jeepney waits for ever, as it does for an unlock prompt nobody answers.)"""
    path = tmp_path / "bus"
    server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    server.bind(str(path))
    server.listen()
    held: list[socket.socket] = []
    stop = threading.Event()

    def handshake(connection: socket.socket) -> None:
        """SASL: accept any AUTH, agree to fd passing, then stay silent after BEGIN."""
        pending = b""
        try:
            while b"BEGIN\r\n" not in pending:
                data = connection.recv(1024)
                if not data:
                    return
                pending += data
                while b"\r\n" in pending and not pending.startswith(b"BEGIN"):
                    line, pending = pending.lstrip(b"\0").split(b"\r\n", 1)
                    if line.startswith(b"AUTH"):
                        connection.sendall(b"OK 0123456789abcdef0123456789abcdef\r\n")
                    elif line.startswith(b"NEGOTIATE_UNIX_FD"):
                        connection.sendall(b"AGREE_UNIX_FD\r\n")
                    else:
                        connection.sendall(b"ERROR\r\n")
        except OSError:
            return

    def accept() -> None:
        server.settimeout(0.1)
        while not stop.is_set():
            try:
                connection, _ = server.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            held.append(connection)
            threading.Thread(target=handshake, args=(connection,), daemon=True).start()

    acceptor = threading.Thread(target=accept, daemon=True)
    acceptor.start()
    monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", f"unix:path={path}")
    try:
        yield
    finally:
        stop.set()
        acceptor.join(5)
        for connection in held:
            connection.close()  # the abandoned keyring call now sees EOF and ends
        server.close()
        # The abandoned calls end once they see EOF; on a loaded machine that can take longer than a moment, and a
        # call that ends after this point drops its unclosed D-Bus socket in the middle of some later test.
        for worker in [t for t in threading.enumerate() if t.name in ("keyring-call", "keyring-cleanup")]:
            worker.join(30)
        collect_leaked_connections()


# An abandoned call (the point of these tests) ends in its own thread once the bus closes, dropping its D-Bus socket
# there: that socket's ResourceWarning is expected, not a leak of the product's.
ABANDONED_SOCKET = pytest.mark.filterwarnings(
    "ignore:Exception ignored in. <socket.socket:pytest.PytestUnraisableExceptionWarning",
    "ignore:unclosed <socket.socket:ResourceWarning",
)


@ABANDONED_SOCKET
def test_the_real_secret_service_backend_on_a_hanging_bus_times_out(silent_bus: None) -> None:
    store = KeyringSecretStore(Keyring(), timeout=0.5)
    for call in (lambda: store.save("O12345", TOKEN), lambda: store.load("O12345"), store.self_test):
        with pytest.raises(SecretStoreError) as err:
            call()
        assert err.value.kind == "timeout"
        assert "did not answer within 0.5 seconds" in err.value.message.en
        assert "antwoordde niet binnen 0.5 seconden" in err.value.message.nl


@ABANDONED_SOCKET
def test_describing_the_store_on_a_hanging_bus_answers_instead_of_hanging(silent_bus: None, tmp_path: Path) -> None:
    """`sbq-setup diagnose` on a desktop whose session bus is stuck: keyring's first backend discovery asks the
    Secret Service over D-Bus and would wait for ever. A fresh process, because keyring caches its discovery."""
    probe = (
        "from wizard.stores.secrets import describe_backend; i = describe_backend(timeout=0.5); "
        "print(i.available, i.location.en, i.location.nl, sep='|')"
    )
    env = {**os.environ, "HOME": str(tmp_path), "XDG_CONFIG_HOME": str(tmp_path / "config")}
    env.pop("PYTHON_KEYRING_BACKEND", None)
    done = subprocess.run(
        [sys.executable, "-c", probe], env=env, capture_output=True, text=True, timeout=60, check=True
    )
    assert done.stdout.strip() == "False|the password store (not answering)|de wachtwoordopslag (antwoordt niet)"
