"""One keyring entry per environment holds either credential kind: an OAuth client with its secret's expiry, or a
classic token; what the user sees when that entry is damaged, and that the client secret leaks nowhere."""

from __future__ import annotations

import datetime as dt
import json
import logging

import keyring
import keyring.errors
import pytest
from keyring.backends import fail

from tests.stores.test_secrets import ENV, TOKEN, MemoryKeyring, Raising
from wizard.domain.oauth import OAuthClientCredentials, oauth_client_credentials
from wizard.stores.secrets import (
    SERVICE,
    KeyringSecretStore,
    SecretStoreError,
)


@pytest.fixture
def store() -> KeyringSecretStore:
    return KeyringSecretStore(MemoryKeyring())


# --- one entry per environment holds either credential kind (issue 10) ---------------------------------------------

OAUTH_ID = "fa4e0000-c11e-4700-8000-00000000fa4e"
OAUTH_SECRET = "5EC0FA4E" * 8  # obviously fake


def _oauth(expires: dt.date | None = dt.date(2027, 6, 1)) -> OAuthClientCredentials:
    return oauth_client_credentials(OAUTH_ID, OAUTH_SECRET, expires)


def test_an_oauth_client_round_trips_with_its_secret_expiry(store: KeyringSecretStore) -> None:
    store.save(ENV, _oauth())
    backend = store.backend
    assert isinstance(backend, MemoryKeyring)
    assert json.loads(backend.items[(SERVICE, ENV)])["kind"] == "oauth-client-credentials"
    loaded = store.load(ENV)
    assert isinstance(loaded, OAuthClientCredentials)
    assert (loaded.client_id, loaded.secret(), loaded.secret_expires) == (OAUTH_ID, OAUTH_SECRET, dt.date(2027, 6, 1))


def test_saving_the_other_kind_replaces_the_entry(store: KeyringSecretStore) -> None:
    store.save(ENV, TOKEN)
    store.save(ENV, _oauth(None))
    loaded = store.load(ENV)
    assert isinstance(loaded, OAuthClientCredentials) and loaded.secret_expires is None
    store.save(ENV, TOKEN)  # and back (a move to OAuth abandoned)
    loaded_again = store.load(ENV)
    assert loaded_again is not None and loaded_again.kind == "classic-token"
    assert len(store.backend.items) == 1  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    "secret",
    [
        "{not json",
        json.dumps({"kind": "oauth-client-credentials", "client_id": OAUTH_ID}),
        json.dumps({"kind": "oauth-client-credentials", "client_id": "a b", "secret": OAUTH_SECRET}),
        json.dumps({"client_id": OAUTH_ID, "secret": OAUTH_SECRET, "expires": "1 mei 2027"}),
    ],
)
def test_a_damaged_oauth_entry_asks_for_the_client_again_without_quoting_it(secret: str) -> None:
    backend = MemoryKeyring()
    backend.items[(SERVICE, ENV)] = json.dumps({"kind": "oauth-client-credentials", "secret": secret})
    with pytest.raises(SecretStoreError) as err:
        KeyringSecretStore(backend).load(ENV)
    message = err.value.message
    assert "damaged" in message.en and "client id and client secret" in message.en
    assert "beschadigd" in message.nl and "client secret" in message.nl
    assert OAUTH_SECRET not in message.en + message.nl + repr(err.value) + err.value.detail


def test_the_client_secret_appears_in_no_error_repr_or_log(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    credential = _oauth()
    store = KeyringSecretStore(MemoryKeyring())
    store.save(ENV, credential)
    texts = [repr(store), repr(store.load(ENV)), str(store.load(ENV))]
    for error in (
        RuntimeError(f"backend echoed {credential.to_storage()}"),
        keyring.errors.KeyringLocked(OAUTH_SECRET),
    ):
        with pytest.raises(SecretStoreError) as err:
            KeyringSecretStore(Raising(error)).save(ENV, credential)
        texts += [str(err.value), repr(err.value), err.value.detail, err.value.message.en, err.value.message.nl]
    shown = "\n".join([*texts, caplog.text])
    for form in (OAUTH_SECRET, *credential.secret_forms()):
        assert form not in shown


@pytest.mark.parametrize(
    ("system", "own", "foreign"),
    [("Windows", "Credential Manager", "GNOME"), ("Darwin", "Keychain", "GNOME"), ("Linux", "GNOME", "Windows")],
)
def test_no_keyring_advice_is_for_the_users_own_system(
    monkeypatch: pytest.MonkeyPatch, system: str, own: str, foreign: str
) -> None:
    """A Windows user is not told to start a GNOME keyring (issue 11): the store's own error says only what fits."""
    import platform

    monkeypatch.setattr(platform, "system", lambda: system)
    store = KeyringSecretStore(fail.Keyring())
    with pytest.raises(SecretStoreError) as err:
        store.save(ENV, TOKEN)
    assert foreign not in err.value.message.en and foreign not in err.value.message.nl
    assert own in err.value.message.en
