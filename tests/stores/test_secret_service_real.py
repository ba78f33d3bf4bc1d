"""The store against a REAL Secret Service: a private D-Bus bus + gnome-keyring-daemon (tests/secret_service.py).

Skipped where the daemons are not installed, except in CI (SBQ_REQUIRE_SECRET_SERVICE=1), where they must run.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path
from typing import Any

import keyring
import pytest
from keyring.backend import KeyringBackend

from tests.conftest import FAKE_DATA, FAKE_XML
from tests.secret_service import collect_leaked_connections
from wizard.domain.credentials import HeaderCredential, parse_classic_token
from wizard.domain.environment import parse_environment
from wizard.stores.secrets import SERVICE, BackendFamily, KeyringSecretStore, SecretStoreError, default_secret_store

pytestmark = pytest.mark.secret_service

TOKEN = parse_classic_token(FAKE_XML)


# keyring's SecretService backend leaves its D-Bus connection open when the collection is locked (it raises before
# its `closing(...)`); the store lets go of it at once, and the suite turns that ResourceWarning into an error.
KEYRING_LEAKS_A_SOCKET = pytest.mark.filterwarnings("ignore:unclosed:ResourceWarning")


@pytest.fixture
def store(secret_service: KeyringBackend) -> Iterator[KeyringSecretStore]:
    store = KeyringSecretStore(secret_service, timeout=10)
    yield store
    # The daemon lives for the whole test session: leave it empty for the next test.
    _clear(secret_service)


def _items(backend: KeyringBackend) -> list[Any]:
    import secretstorage

    with closing(secretstorage.dbus_init()) as bus:
        collection = secretstorage.get_default_collection(bus)
        return list(collection.search_items({"service": SERVICE}))


def _clear(backend: KeyringBackend) -> None:
    import secretstorage

    with closing(secretstorage.dbus_init()) as bus:
        for item in secretstorage.get_default_collection(bus).search_items({"service": SERVICE}):
            item.delete()


def test_round_trip_through_the_real_daemon(store: KeyringSecretStore, secret_service: KeyringBackend) -> None:
    assert store.location.en.startswith("the GNOME keyring (Secret Service)")
    assert store.location.nl.startswith("de GNOME-sleutelbos (Secret Service)")
    store.self_test()
    assert _items(secret_service) == [], "the self-test leaves no entry behind"
    env = parse_environment("O12345AA").key
    store.save(env, TOKEN)
    # A fresh store object (as after a restart of the wizard) finds it again.
    loaded = KeyringSecretStore(secret_service, timeout=10).load(env)
    assert isinstance(loaded, HeaderCredential) and loaded.authorization_header() == TOKEN.authorization_header()
    assert store.delete(env) is True and store.load(env) is None and store.delete(env) is False


def test_fifty_organisations_overwrite_and_delete_one(
    store: KeyringSecretStore, secret_service: KeyringBackend
) -> None:
    keys = [parse_environment(f"O{20000 + i}AA").key for i in range(47)]
    keys.append(parse_environment("T12345AA", base_url="https://profit.bakkerij-ü.example/").key)
    keys += ["O12345@café-ünïcode.example", "O12345 (Bakkerij 'De Vries' & Zn.) €"]
    assert len(set(keys)) == 50
    for i, key in enumerate(keys):
        store.save(key, parse_classic_token(f"{i:064X}"))
    store.save(keys[0], TOKEN)  # overwrite: one entry, the newest token
    assert len(_items(secret_service)) == 50
    assert store.delete(keys[1])
    assert len(_items(secret_service)) == 49
    for i, key in enumerate(keys):
        loaded = store.load(key)
        if i == 1:
            assert loaded is None
        elif i == 0:
            assert loaded is not None and loaded.to_storage() == FAKE_XML
        else:
            assert loaded is not None and loaded.to_storage() == parse_classic_token(f"{i:064X}").to_storage()


def test_a_damaged_real_entry_is_a_clear_error(store: KeyringSecretStore, secret_service: KeyringBackend) -> None:
    secret_service.set_password(SERVICE, "O12345", json.dumps({"kind": "classic-token", "secret": "not a token"}))
    with pytest.raises(SecretStoreError) as err:
        store.load("O12345")
    assert err.value.kind == "failed" and "damaged" in err.value.message.en


def test_default_store_finds_the_secret_service(secret_service_as_default: KeyringBackend) -> None:
    store = default_secret_store(timeout=10)
    assert store.location.en.startswith("the GNOME keyring")
    store.save("O12345", TOKEN)
    try:
        assert keyring.get_password(SERVICE, "O12345") == json.dumps({"kind": "classic-token", "secret": FAKE_XML})
    finally:
        assert store.delete("O12345")


def test_the_token_is_not_on_disk_in_plain_text(
    store: KeyringSecretStore, secret_service_env: dict[str, str], secret_service: KeyringBackend
) -> None:
    store.save("O12345", TOKEN)
    home = Path(secret_service_env["HOME"])
    files = [p for p in home.rglob("*") if p.is_file()]
    assert any(p.name.endswith(".keyring") for p in files), "gnome-keyring wrote its encrypted file"
    for path in files:
        content = path.read_bytes()
        for form in TOKEN.secret_forms():
            assert form.encode() not in content, path
    assert FAKE_DATA  # (the hex form is among secret_forms)


@KEYRING_LEAKS_A_SOCKET
def test_a_keyring_that_was_never_unlocked_is_reported_as_locked(
    locked_secret_service: tuple[KeyringBackend, Path],
) -> None:
    backend, home = locked_secret_service
    store = KeyringSecretStore(backend, timeout=10)
    assert describe_family(store) is BackendFamily.SECRET_SERVICE
    for call in (lambda: store.save("O12345", TOKEN), lambda: store.load("O12345"), store.self_test):
        with pytest.raises(SecretStoreError) as err:
            call()
        # gnome-keyring answers "Prompt dismissed" when nobody can show the unlock/create prompt.
        assert err.value.kind == "locked", err.value.detail
        assert "unlock" in err.value.message.en and "ontgrendel" in err.value.message.nl
    for path in (p for p in home.rglob("*") if p.is_file()):
        assert FAKE_DATA.encode() not in path.read_bytes()


@KEYRING_LEAKS_A_SOCKET
def test_a_collection_locked_later_is_reported_as_locked(
    secret_service_env: dict[str, str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The screen-lock case: the keyring worked, then got locked, and nobody answers the unlock prompt.
    Its own daemon (the session-wide one stays unlocked for the other tests); the session fixture only proves
    the daemons are installed."""
    import secretstorage
    from keyring.backends.SecretService import Keyring

    from tests.secret_service_session import private_secret_service

    with private_secret_service(tmp_path / "home") as env:
        monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", env["DBUS_SESSION_BUS_ADDRESS"])
        store = KeyringSecretStore(Keyring(), timeout=10)
        store.save("O12345", TOKEN)
        with closing(secretstorage.dbus_init()) as bus:
            secretstorage.get_default_collection(bus).lock()
        for call in (lambda: store.load("O12345"), lambda: store.save("O12345", TOKEN), lambda: store.delete("O12345")):
            with pytest.raises(SecretStoreError) as err:
                call()
            assert err.value.kind == "locked", err.value.detail
            assert "is locked" in err.value.message.en
        del err
        collect_leaked_connections()


def describe_family(store: KeyringSecretStore) -> BackendFamily:
    from wizard.stores.secrets import describe_backend

    return describe_backend(store.backend).family
