"""pytest fixtures for a private, real Secret Service (see tests/secret_service_session.py).

Registered suite-wide through `pytest_plugins` in tests/conftest.py (pytest only honours it in the root conftest).
The daemons get a temporary HOME/XDG and their own D-Bus bus: a developer's real keyring is never touched.
Missing binaries skip the tests, unless SBQ_REQUIRE_SECRET_SERVICE=1 (.ci/run sets it): then they fail loudly.
"""

from __future__ import annotations

import gc
import os
import warnings
from collections.abc import Iterator
from pathlib import Path

import keyring
import pytest
from keyring.backend import KeyringBackend

from tests.secret_service_session import SecretServiceUnavailableError, private_secret_service

REQUIRE_ENV = "SBQ_REQUIRE_SECRET_SERVICE"


def _unavailable(exc: Exception) -> None:
    if os.environ.get(REQUIRE_ENV) == "1":
        pytest.fail(f"a real Secret Service is required here ({REQUIRE_ENV}=1): {exc}")
    pytest.skip(f"no real Secret Service: {exc}")


def collect_leaked_connections() -> None:
    """keyring's SecretService backend raises on a locked collection before closing its D-Bus connection; the
    sockets sit in reference cycles until the next GC, which may fall in an unrelated test and (with
    filterwarnings=error) fail it. Collect them here, where the leak is expected."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ResourceWarning)
        gc.collect()


@pytest.fixture(scope="session")
def secret_service_env(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, str]]:
    """HOME, XDG_* and DBUS_SESSION_BUS_ADDRESS of a running, unlocked gnome-keyring for this test session."""
    try:
        with private_secret_service(tmp_path_factory.mktemp("secret-service-home")) as env:
            yield env
    except SecretServiceUnavailableError as exc:
        _unavailable(exc)


@pytest.fixture
def secret_service(secret_service_env: dict[str, str], monkeypatch: pytest.MonkeyPatch) -> KeyringBackend:
    """keyring's SecretService backend, talking to the private bus for the duration of one test."""
    monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", secret_service_env["DBUS_SESSION_BUS_ADDRESS"])
    from keyring.backends.SecretService import Keyring

    return Keyring()


@pytest.fixture
def secret_service_as_default(secret_service: KeyringBackend) -> Iterator[KeyringBackend]:
    """The private Secret Service as keyring's default backend (for code that calls default_secret_store())."""
    previous = keyring.get_keyring()
    keyring.set_keyring(secret_service)
    try:
        yield secret_service
    finally:
        keyring.set_keyring(previous)


@pytest.fixture
def locked_secret_service(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[tuple[KeyringBackend, Path]]:
    """A second, private gnome-keyring that was never unlocked: every call meets a dismissed unlock prompt.
    Yields the backend and the daemon's HOME (to look for plaintext on disk)."""
    home = tmp_path / "locked-home"
    try:
        with private_secret_service(home, unlock=False) as env:
            monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", env["DBUS_SESSION_BUS_ADDRESS"])
            from keyring.backends.SecretService import Keyring

            try:
                yield Keyring(), home
            finally:
                collect_leaked_connections()
    except SecretServiceUnavailableError as exc:
        _unavailable(exc)
