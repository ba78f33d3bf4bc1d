"""A private, real Secret Service: its own D-Bus session bus and an unlocked gnome-keyring-daemon.

For the test suite and the packaged app's smoke check, which must prove the real keyring path without ever
touching a user's keyring: HOME and the XDG folders point into a folder the caller owns. Linux only.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

PASSWORD = "throwaway-test-keyring-password"


class SecretServiceUnavailableError(RuntimeError):
    """dbus-daemon or gnome-keyring-daemon is missing or did not come up."""


def _ready(address: str) -> bool:
    """The service answers AND its default collection exists unlocked (it answers a moment before that)."""
    from jeepney.io.blocking import open_dbus_connection
    from secretstorage import check_service_availability, get_default_collection
    from secretstorage.exceptions import SecretStorageException

    try:
        connection = open_dbus_connection(bus=address)
    except OSError:
        return False
    try:
        if not check_service_availability(connection):
            return False
        return not get_default_collection(connection).is_locked()
    except SecretStorageException:
        return False
    finally:
        connection.close()


def _stop(proc: subprocess.Popen[str]) -> None:
    proc.terminate()
    try:
        proc.wait(timeout=5)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()


@contextmanager
def private_secret_service(home: Path, timeout: float = 20.0) -> Iterator[dict[str, str]]:
    """Yield the environment variables (HOME, XDG_*, DBUS_SESSION_BUS_ADDRESS) of a running, unlocked keyring."""
    dbus_daemon = shutil.which("dbus-daemon")
    keyring_daemon = shutil.which("gnome-keyring-daemon")
    if not dbus_daemon or not keyring_daemon:
        raise SecretServiceUnavailableError("dbus-daemon or gnome-keyring-daemon is not installed")
    runtime = home / "run"
    runtime.mkdir(mode=0o700, parents=True, exist_ok=True)
    env = {
        "HOME": str(home),
        "XDG_DATA_HOME": str(home / "share"),
        "XDG_CONFIG_HOME": str(home / "config"),
        "XDG_RUNTIME_DIR": str(runtime),
    }
    full = {**os.environ, **env}
    bus = subprocess.Popen(
        [dbus_daemon, "--session", "--nofork", "--nopidfile", "--print-address=1"],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        env=full,
        text=True,
    )
    started = [bus]
    try:
        assert bus.stdout is not None
        address = bus.stdout.readline().strip()
        if not address:
            raise SecretServiceUnavailableError("dbus-daemon printed no address")
        env["DBUS_SESSION_BUS_ADDRESS"] = full["DBUS_SESSION_BUS_ADDRESS"] = address
        daemon = subprocess.Popen(
            [keyring_daemon, "--foreground", "--unlock", "--components=secrets", "--control-directory", str(runtime)],
            stdin=subprocess.PIPE,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            env=full,
            text=True,
        )
        started.append(daemon)
        assert daemon.stdin is not None
        daemon.stdin.write(PASSWORD)  # --unlock reads the login keyring's password from stdin until EOF
        daemon.stdin.close()
        deadline = time.monotonic() + timeout
        while not _ready(address):
            if daemon.poll() is not None or time.monotonic() > deadline:
                raise SecretServiceUnavailableError("gnome-keyring-daemon did not offer the Secret Service")
            time.sleep(0.1)
        yield env
    finally:
        for proc in reversed(started):
            _stop(proc)
        if bus.stdout is not None:
            bus.stdout.close()
