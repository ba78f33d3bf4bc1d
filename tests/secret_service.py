"""pytest fixtures for a private, real Secret Service (see wizard/stores/secret_service_session.py).

Missing binaries skip the tests, unless SBQ_REQUIRE_SECRET_SERVICE=1 (.ci/run sets it): then they fail loudly.
"""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest

from wizard.stores.secret_service_session import SecretServiceUnavailableError, private_secret_service


@pytest.fixture(scope="session")
def secret_service_env(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, str]]:
    """HOME, XDG_* and DBUS_SESSION_BUS_ADDRESS of a running, unlocked gnome-keyring for this test session."""
    try:
        with private_secret_service(tmp_path_factory.mktemp("secret-service-home")) as env:
            yield env
    except SecretServiceUnavailableError as exc:
        if os.environ.get("SBQ_REQUIRE_SECRET_SERVICE") == "1":
            pytest.fail(f"a real Secret Service is required here (SBQ_REQUIRE_SECRET_SERVICE=1): {exc}")
        pytest.skip(f"no real Secret Service: {exc}")


@pytest.fixture
def secret_service(secret_service_env: dict[str, str], monkeypatch: pytest.MonkeyPatch) -> object:
    """keyring's SecretService backend, talking to the private bus for the duration of one test."""
    monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", secret_service_env["DBUS_SESSION_BUS_ADDRESS"])
    from keyring.backends.SecretService import Keyring

    return Keyring()
