"""A private, real Secret Service: its own D-Bus session bus and a gnome-keyring-daemon (unlocked by default).

For the test suite and the packaged app's smoke check, which must prove the real keyring path without ever
touching a user's keyring: HOME and the XDG folders point into a folder the caller owns. Linux only.

The bus has its own configuration WITHOUT service activation: with the system's session config, the first client
call could D-Bus-activate a second, locked gnome-keyring-daemon (/usr/share/dbus-1/services/
org.freedesktop.secrets.service) before ours claimed the name; ours then exits and every call fails "locked".
Readiness therefore means "our daemon owns the name and (when unlocked) the default collection is open".
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

PASSWORD = "throwaway-test-keyring-password"
BUS_NAME = "org.freedesktop.secrets"

_BUS_CONFIG = """<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <listen>unix:tmpdir={tmpdir}</listen>
  <auth>EXTERNAL</auth>
  <policy context="default">
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
</busconfig>
"""


class SecretServiceUnavailableError(RuntimeError):
    """dbus-daemon or gnome-keyring-daemon is missing or did not come up."""


def _ready(address: str, unlocked: bool) -> bool:
    from jeepney import DBusAddress, new_method_call
    from jeepney.io.blocking import open_dbus_connection

    try:
        connection = open_dbus_connection(bus=address)
    except OSError:
        return False
    try:
        bus = DBusAddress("/org/freedesktop/DBus", bus_name="org.freedesktop.DBus", interface="org.freedesktop.DBus")
        reply = connection.send_and_get_reply(new_method_call(bus, "NameHasOwner", "s", (BUS_NAME,)), timeout=5)
        if not reply.body[0]:
            return False
        if not unlocked:
            return True
        import secretstorage

        try:
            return not secretstorage.get_default_collection(connection).is_locked()
        except secretstorage.exceptions.SecretStorageException:
            return False  # the login keyring is still being created/unlocked from the piped password
    finally:
        connection.close()


def _stop(proc: subprocess.Popen[str]) -> None:
    if proc.poll() is not None:
        return
    proc.terminate()
    try:
        proc.wait(timeout=5)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()


@contextmanager
def private_secret_service(home: Path, timeout: float = 20.0, *, unlock: bool = True) -> Iterator[dict[str, str]]:
    """Yield the environment variables (HOME, XDG_*, DBUS_SESSION_BUS_ADDRESS) of a running gnome-keyring.

    unlock=True: the login keyring is created/unlocked with a throwaway password (usable store).
    unlock=False: the daemon runs but nothing is unlocked, as on a desktop whose unlock prompt was dismissed.
    """
    dbus_daemon = shutil.which("dbus-daemon")
    keyring_daemon = shutil.which("gnome-keyring-daemon")
    if not dbus_daemon or not keyring_daemon:
        raise SecretServiceUnavailableError("dbus-daemon or gnome-keyring-daemon is not installed")
    runtime = home / "run"
    runtime.mkdir(mode=0o700, parents=True, exist_ok=True)
    config = home / "session-bus.conf"
    config.write_text(_BUS_CONFIG.format(tmpdir=tempfile.gettempdir()), encoding="utf-8")
    env = {
        "HOME": str(home),
        "XDG_DATA_HOME": str(home / "share"),
        "XDG_CONFIG_HOME": str(home / "config"),
        "XDG_RUNTIME_DIR": str(runtime),
    }
    full = {**os.environ, **env}
    full.pop("DBUS_SESSION_BUS_ADDRESS", None)  # never let the daemons reach the developer's own session bus
    bus = subprocess.Popen(
        [dbus_daemon, f"--config-file={config}", "--nofork", "--nopidfile", "--print-address=1"],
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
        command = [keyring_daemon, "--foreground", "--components=secrets", "--control-directory", str(runtime)]
        if unlock:
            command.insert(2, "--unlock")
        daemon = subprocess.Popen(
            command,
            stdin=subprocess.PIPE,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            env=full,
            text=True,
        )
        started.append(daemon)
        assert daemon.stdin is not None
        if unlock:
            daemon.stdin.write(PASSWORD)  # --unlock reads the login keyring's password from stdin until EOF
        daemon.stdin.close()
        deadline = time.monotonic() + timeout
        while not _ready(address, unlock):
            if daemon.poll() is not None:
                raise SecretServiceUnavailableError(f"gnome-keyring-daemon exited with code {daemon.returncode}")
            if time.monotonic() > deadline:
                raise SecretServiceUnavailableError(f"gnome-keyring-daemon was not ready within {timeout:g} s")
            time.sleep(0.05)
        yield env
    finally:
        for proc in reversed(started):
            _stop(proc)
        if bus.stdout is not None:
            bus.stdout.close()
