from __future__ import annotations

import json
import logging
import threading

import keyring.errors
import pytest
from keyring.backend import KeyringBackend
from keyring.backends import fail
from keyring.compat import properties

from tests.conftest import FAKE_DATA, FAKE_XML
from wizard.domain.credentials import parse_classic_token
from wizard.domain.environment import parse_environment
from wizard.stores.secrets import (
    SERVICE,
    KeyringSecretStore,
    SecretStoreError,
    SessionSecretStore,
)

TOKEN = parse_classic_token(FAKE_XML)
ENV = parse_environment("O12345AA").key


class MemoryKeyring(KeyringBackend):
    """Test-only backend. Its priority raises so keyring never picks it as a default (platform-trials §3c)."""

    @properties.classproperty
    def priority(cls) -> float:  # noqa: N805 (keyring.compat classproperty)
        raise RuntimeError("test-only backend; install it explicitly")

    def __init__(self) -> None:
        super().__init__()
        self.items: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.items.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.items[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        if self.items.pop((service, username), None) is None:
            raise keyring.errors.PasswordDeleteError("not found")


class Raising(MemoryKeyring):
    def __init__(self, error: Exception) -> None:
        super().__init__()
        self.error = error

    def set_password(self, service: str, username: str, password: str) -> None:
        raise self.error

    def get_password(self, service: str, username: str) -> str | None:
        raise self.error


class Blocking(MemoryKeyring):
    """An unlock prompt nobody answers."""

    def __init__(self) -> None:
        super().__init__()
        self.release = threading.Event()

    def set_password(self, service: str, username: str, password: str) -> None:
        self.release.wait(10)


def _assert_no_secret(text: str) -> None:
    for form in TOKEN.secret_forms():
        assert form not in text


def test_round_trip_keeps_kind_and_token() -> None:
    backend = MemoryKeyring()
    store = KeyringSecretStore(backend)
    store.save(ENV, TOKEN)
    stored = json.loads(backend.items[(SERVICE, ENV)])
    assert stored["kind"] == "classic-token"
    loaded = store.load(ENV)
    assert loaded is not None and loaded.authorization_header() == TOKEN.authorization_header()
    assert store.load("O99999") is None
    assert store.delete(ENV) is True and store.delete(ENV) is False


def test_a_bare_token_entry_is_tolerated_and_a_corrupt_one_is_a_clear_error() -> None:
    backend = MemoryKeyring()
    store = KeyringSecretStore(backend)
    backend.items[(SERVICE, ENV)] = FAKE_DATA
    assert store.load(ENV) is not None
    backend.items[(SERVICE, ENV)] = json.dumps({"kind": "classic-token", "secret": "garbage"})
    with pytest.raises(SecretStoreError) as err:
        store.load(ENV)
    assert "new user token" in err.value.message.en and "nieuw gebruikerstoken" in err.value.message.nl


def test_fifty_organisations_do_not_collide_and_delete_one_leaves_the_rest() -> None:
    store = KeyringSecretStore(MemoryKeyring())
    keys = [parse_environment(f"{p}{10000 + i}AA").key for i in range(17) for p in "OTA"][:50]
    keys[-1] = parse_environment("O12345AA", base_url="https://profit.bakkerij-ü.example/").key
    tokens = {key: parse_classic_token(f"{i:064X}") for i, key in enumerate(keys)}
    for key, token in tokens.items():
        store.save(key, token)
    assert store.delete(keys[3])
    for key, token in tokens.items():
        loaded = store.load(key)
        if key == keys[3]:
            assert loaded is None
        else:
            assert loaded is not None and loaded.to_storage() == token.to_storage()


@pytest.mark.parametrize(
    ("error", "kind"),
    [
        (keyring.errors.NoKeyringError("No recommended backend was available"), "unavailable"),
        (keyring.errors.InitError("Failed to create the collection: Prompt dismissed.."), "locked"),
        (keyring.errors.KeyringLocked("Failed to unlock the collection!"), "locked"),
        (keyring.errors.PasswordSetError("(1783, 'CredWrite', 'The stub received bad data')"), "too-large"),
        (RuntimeError("something else"), "failed"),
    ],
)
def test_keyring_errors_become_specific_messages(error: Exception, kind: str) -> None:
    store = KeyringSecretStore(Raising(error))
    with pytest.raises(SecretStoreError) as err:
        store.save(ENV, TOKEN)
    assert err.value.kind == kind
    assert err.value.message.en and err.value.message.nl and err.value.message.en != err.value.message.nl
    _assert_no_secret(str(err.value) + err.value.detail + err.value.message.nl)


def test_no_keyring_at_all_is_reported_never_a_plaintext_file(tmp_path) -> None:
    store = KeyringSecretStore(fail.Keyring())
    with pytest.raises(SecretStoreError) as err:
        store.save(ENV, TOKEN)
    assert err.value.kind == "unavailable"
    assert "session only" in err.value.message.en
    home_files = [p for p in tmp_path.parent.rglob("*") if p.is_file()]
    assert not any(FAKE_DATA in p.read_text(errors="ignore") for p in home_files)


def test_a_hanging_keyring_times_out_instead_of_freezing() -> None:
    backend = Blocking()
    store = KeyringSecretStore(backend, timeout=0.3)
    with pytest.raises(SecretStoreError) as err:
        store.save(ENV, TOKEN)
    backend.release.set()
    assert err.value.kind == "timeout"
    assert "0.3 seconds" in err.value.message.en


def test_a_secret_too_large_for_windows_is_refused_before_the_call() -> None:
    class Huge:
        kind = "oauth-client"

        def authorization_header(self) -> str:
            return "Bearer x"

        def secret_forms(self) -> tuple[str, ...]:
            return ()

        def to_storage(self) -> str:
            return "x" * 5000

    backend = MemoryKeyring()
    with pytest.raises(SecretStoreError) as err:
        KeyringSecretStore(backend, max_units=1280).save(ENV, Huge())
    assert err.value.kind == "too-large" and backend.items == {}


def test_self_test_writes_reads_and_removes_a_dummy_entry() -> None:
    backend = MemoryKeyring()
    KeyringSecretStore(backend).self_test()
    assert backend.items == {}

    class Forgetful(MemoryKeyring):
        def get_password(self, service: str, username: str) -> str | None:
            return "something else"

    with pytest.raises(SecretStoreError):
        KeyringSecretStore(Forgetful()).self_test()


def test_session_store_lives_in_memory_only() -> None:
    store = SessionSecretStore()
    assert store.persistent is False and "session" in store.location.en
    store.save(ENV, TOKEN)
    assert store.load(ENV) == TOKEN
    assert store.delete(ENV) and store.load(ENV) is None


def test_secret_never_in_logs_or_reprs(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    store = KeyringSecretStore(MemoryKeyring())
    store.save(ENV, TOKEN)
    store.load(ENV)
    with pytest.raises(SecretStoreError) as err:
        KeyringSecretStore(Raising(RuntimeError(f"backend echoed {FAKE_XML}"))).save(ENV, TOKEN)
    _assert_no_secret(caplog.text + repr(store) + err.value.detail + str(err.value))


@pytest.mark.secret_service
def test_real_secret_service_round_trip_and_many_organisations(secret_service) -> None:
    store = KeyringSecretStore(secret_service, timeout=10)
    assert "Secret Service" in store.location.en
    store.self_test()
    keys = [parse_environment(f"O{20000 + i}AA").key for i in range(50)]
    for i, key in enumerate(keys):
        store.save(key, parse_classic_token(f"{i:064X}"))
    store.save(keys[0], TOKEN)  # overwrite
    assert store.delete(keys[1])
    loaded = store.load(keys[0])
    assert loaded is not None and loaded.to_storage() == TOKEN.to_storage()
    assert store.load(keys[1]) is None
    last = store.load(keys[49])
    assert last is not None and last.to_storage().endswith(f"{49:064X}</data></token>")
    for key in keys:
        store.delete(key)
