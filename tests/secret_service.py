"""A private, real Secret Service for tests: its own D-Bus session bus and an unlocked gnome-keyring-daemon.

Never the developer's keyring: HOME and the XDG folders point into a temporary directory. Missing binaries skip
the tests, unless SBQ_REQUIRE_SECRET_SERVICE=1 (.ci/run sets it), which makes them fail loudly instead.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

PASSWORD = "throwaway-test-keyring-password"


def _unavailable(why: str) -> None:
    if os.environ.get("SBQ_REQUIRE_SECRET_SERVICE") == "1":
        pytest.fail(f"a real Secret Service is required here (SBQ_REQUIRE_SECRET_SERVICE=1) but {why}")
    pytest.skip(f"no real Secret Service: {why}")


def _service_ready(address: str) -> bool:
    from jeepney.io.blocking import open_dbus_connection
    from secretstorage import check_service_availability

    try:
        connection = open_dbus_connection(bus=address)
    except OSError:
        return False
    try:
        return bool(check_service_availability(connection))
    finally:
        connection.close()


@pytest.fixture(scope="session")
def secret_service_bus(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The D-Bus address of a running, unlocked Secret Service (gnome-keyring) for this test session."""
    dbus_daemon = shutil.which("dbus-daemon")
    keyring_daemon = shutil.which("gnome-keyring-daemon")
    if not dbus_daemon or not keyring_daemon:
        _unavailable("dbus-daemon or gnome-keyring-daemon is not installed (apt-get install gnome-keyring dbus)")
    assert dbus_daemon and keyring_daemon
    home = tmp_path_factory.mktemp("secret-service-home")
    runtime = home / "run"
    runtime.mkdir(mode=0o700)
    env = {
        **os.environ,
        "HOME": str(home),
        "XDG_DATA_HOME": str(home / "share"),
        "XDG_CONFIG_HOME": str(home / "config"),
        "XDG_RUNTIME_DIR": str(runtime),
    }
    bus = subprocess.Popen(
        [dbus_daemon, "--session", "--nofork", "--nopidfile", "--print-address=1"],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        env=env,
        text=True,
    )
    daemons: list[subprocess.Popen[str]] = [bus]
    try:
        assert bus.stdout is not None
        address = bus.stdout.readline().strip()
        if not address:
            _unavailable("dbus-daemon printed no address")
        env["DBUS_SESSION_BUS_ADDRESS"] = address
        keyring_proc = subprocess.Popen(
            [keyring_daemon, "--foreground", "--unlock", "--components=secrets", "--control-directory", str(runtime)],
            stdin=subprocess.PIPE,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            env=env,
            text=True,
        )
        daemons.append(keyring_proc)
        assert keyring_proc.stdin is not None
        keyring_proc.stdin.write(PASSWORD)  # --unlock reads the login keyring password from stdin until EOF
        keyring_proc.stdin.close()
        deadline = time.monotonic() + 20
        while not _service_ready(address):
            if keyring_proc.poll() is not None or time.monotonic() > deadline:
                _unavailable("gnome-keyring-daemon did not offer the Secret Service on the private bus")
            time.sleep(0.1)
        yield address
    finally:
        for proc in reversed(daemons):
            proc.terminate()
            try:
                proc.wait(timeout=5)
            except subprocess.TimeoutExpired:
                proc.kill()
        if bus.stdout is not None:
            bus.stdout.close()


@pytest.fixture
def secret_service(secret_service_bus: str, monkeypatch: pytest.MonkeyPatch) -> Iterator[object]:
    """keyring's SecretService backend, talking to the private bus for the duration of one test."""
    monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", secret_service_bus)
    from keyring.backends.SecretService import Keyring

    yield Keyring()


__all__ = ["PASSWORD", "Path", "secret_service", "secret_service_bus"]
