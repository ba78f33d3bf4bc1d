"""The token's home: the OS keyring (Windows Credential Manager, macOS Keychain, Secret Service, KWallet).

Never a plaintext fallback: when no keyring works the user is told why and may keep the token for this session
only (SessionSecretStore). Every keyring call runs in a worker thread with a timeout, because an unlock prompt
that nobody answers (a remote session, a locked screen) must not hang the wizard or a helpdesk script.
"""

from __future__ import annotations

import json
import logging
import threading
import uuid
from collections.abc import Callable
from typing import Literal, Protocol, TypeVar

import keyring
import keyring.errors
from keyring.backend import KeyringBackend

from wizard.domain.credentials import Credential, credential_from_storage
from wizard.domain.errors import InputError, UserFacingError
from wizard.domain.redact import redact
from wizard.domain.text import Text

log = logging.getLogger(__name__)

SERVICE = "SmartBooqing AFAS Setup"
DEFAULT_TIMEOUT = 30.0
# Windows Credential Manager stores at most 2560 bytes (1280 UTF-16 characters) per secret (jaraco/keyring#540).
MAX_SECRET_CHARS = 1200

ErrorKind = Literal["unavailable", "locked", "timeout", "too-large", "failed"]
T = TypeVar("T")


class SecretStoreError(UserFacingError):
    def __init__(self, message: Text, detail: str = "", *, kind: ErrorKind = "failed") -> None:
        super().__init__(message, detail=redact(detail))
        self.kind = kind


class SecretStore(Protocol):
    @property
    def location(self) -> Text:
        """Where the secret lives, in the user's words."""
        ...

    @property
    def persistent(self) -> bool: ...

    def save(self, env_key: str, credential: Credential) -> None: ...

    def load(self, env_key: str) -> Credential | None: ...

    def delete(self, env_key: str) -> bool: ...

    def self_test(self) -> None: ...


def _location_of(backend: KeyringBackend) -> Text:
    name = f"{type(backend).__module__}.{type(backend).__name__}".lower()
    if "windows" in name:
        return Text(en="Windows Credential Manager", nl="Windows Referentiebeheer")
    if "macos" in name or "osx" in name:
        return Text(en="the macOS Keychain", nl="de macOS-sleutelhanger")
    if "secretservice" in name or "libsecret" in name:
        return Text(en="the desktop keyring (Secret Service)", nl="de sleutelbos van het bureaublad (Secret Service)")
    if "kwallet" in name:
        return Text(en="KWallet", nl="KWallet")
    return Text(en="the keyring '{n}'", nl="de sleutelbos '{n}'").format(n=type(backend).__name__)


_UNAVAILABLE = Text(
    en="No secure password store is available on this computer, so the token cannot be saved. "
    "You can keep it for this session only; it is then gone when the wizard closes.",
    nl="Er is op deze computer geen veilige wachtwoordopslag beschikbaar, dus het token kan niet worden bewaard. "
    "U kunt het alleen voor deze sessie bewaren; het is dan weg zodra de wizard sluit.",
)
_LOCKED = Text(
    en="The password store is locked or the unlock request was cancelled. Unlock it (log in to the desktop "
    "session, or answer the unlock prompt) and try again.",
    nl="De wachtwoordopslag is vergrendeld of het ontgrendelverzoek is geannuleerd. Ontgrendel hem (meld u aan "
    "op het bureaublad, of beantwoord de ontgrendelvraag) en probeer het opnieuw.",
)
_TIMEOUT = Text(
    en="The password store did not answer within {s} seconds. Perhaps an unlock prompt is waiting on another "
    "screen (remote session?). Answer it and try again.",
    nl="De wachtwoordopslag antwoordde niet binnen {s} seconden. Misschien wacht er een ontgrendelvraag op een "
    "ander scherm (externe sessie?). Beantwoord die en probeer het opnieuw.",
)
_TOO_LARGE = Text(
    en="This secret is too large for the password store ({n} characters, at most {m}).",
    nl="Dit geheim is te groot voor de wachtwoordopslag ({n} tekens, hoogstens {m}).",
)
_FAILED = Text(
    en="The password store reported an error: {e}. Try again, or keep the token for this session only.",
    nl="De wachtwoordopslag meldde een fout: {e}. Probeer het opnieuw, of bewaar het token alleen voor deze sessie.",
)
_CORRUPT = Text(
    en="The token saved for {env} is damaged. Create a new user token in AFAS and paste it again.",
    nl="Het bewaarde token voor {env} is beschadigd. Maak in AFAS een nieuw gebruikerstoken en plak het opnieuw.",
)
_SELF_TEST = Text(
    en="The password store does not return what was saved in it. Keep the token for this session only.",
    nl="De wachtwoordopslag geeft niet terug wat erin is bewaard. Bewaar het token alleen voor deze sessie.",
)


def _classify(exc: BaseException) -> SecretStoreError:
    detail = f"{type(exc).__name__}: {exc}"
    if isinstance(exc, keyring.errors.NoKeyringError):
        return SecretStoreError(_UNAVAILABLE, detail, kind="unavailable")
    if isinstance(exc, keyring.errors.KeyringLocked):
        return SecretStoreError(_LOCKED, detail, kind="locked")
    text = str(exc).lower()
    if isinstance(exc, keyring.errors.InitError):
        if "prompt dismissed" in text or "locked" in text or "unlock" in text:
            return SecretStoreError(_LOCKED, detail, kind="locked")
        return SecretStoreError(_UNAVAILABLE, detail, kind="unavailable")
    if "1783" in text or "stub received bad data" in text:
        return SecretStoreError(_TOO_LARGE.format(n="?", m=MAX_SECRET_CHARS), detail, kind="too-large")
    if "dbus" in text or "secret service" in text or "secretservice" in text:
        return SecretStoreError(_UNAVAILABLE, detail, kind="unavailable")
    return SecretStoreError(_FAILED.format(e=type(exc).__name__), detail, kind="failed")


class KeyringSecretStore:
    """One keyring entry per AFAS environment: service SERVICE, user name = AfasEnvironment.key."""

    persistent = True

    def __init__(self, backend: KeyringBackend | None = None, timeout: float = DEFAULT_TIMEOUT) -> None:
        self._backend = backend
        self._timeout = timeout

    @property
    def backend(self) -> KeyringBackend:
        return self._backend if self._backend is not None else keyring.get_keyring()

    @property
    def location(self) -> Text:
        return _location_of(self.backend)

    def _call(self, func: Callable[[], T]) -> T:
        """Run one keyring call in a daemon thread; give up after the timeout (the thread is abandoned)."""
        box: dict[str, object] = {}

        def run() -> None:
            try:
                box["value"] = func()
            except BaseException as exc:  # re-raised in the caller's thread below
                box["error"] = exc

        worker = threading.Thread(target=run, name="keyring-call", daemon=True)
        worker.start()
        worker.join(self._timeout)
        if worker.is_alive():
            raise SecretStoreError(_TIMEOUT.format(s=f"{self._timeout:g}"), kind="timeout")
        if "error" in box:
            error = box["error"]
            assert isinstance(error, BaseException)
            if isinstance(error, SecretStoreError):
                raise error
            raise _classify(error) from None
        return box["value"]  # type: ignore[return-value]

    def save(self, env_key: str, credential: Credential) -> None:
        payload = json.dumps({"kind": credential.kind, "secret": credential.to_storage()})
        if len(payload) > MAX_SECRET_CHARS:
            raise SecretStoreError(_TOO_LARGE.format(n=len(payload), m=MAX_SECRET_CHARS), kind="too-large")
        backend = self.backend
        self._call(lambda: backend.set_password(SERVICE, env_key, payload))

    def load(self, env_key: str) -> Credential | None:
        backend = self.backend
        stored = self._call(lambda: backend.get_password(SERVICE, env_key))
        if stored is None:
            return None
        try:
            data = json.loads(stored)
            secret = data["secret"] if isinstance(data, dict) else stored
        except (ValueError, KeyError, TypeError):
            secret = stored  # tolerate an entry holding the bare token
        try:
            return credential_from_storage(str(secret))
        except InputError:
            raise SecretStoreError(_CORRUPT.format(env=env_key), kind="failed") from None

    def delete(self, env_key: str) -> bool:
        backend = self.backend

        def remove() -> bool:
            try:
                backend.delete_password(SERVICE, env_key)
            except keyring.errors.PasswordDeleteError:
                return False
            return True

        return self._call(remove)

    def self_test(self) -> None:
        """Write, read back, compare and delete a unique dummy entry before a real token is entrusted to it."""
        backend = self.backend
        probe_user = f"self-test-{uuid.uuid4().hex}"
        probe_value = f"probe-{uuid.uuid4().hex}-€"
        try:
            self._call(lambda: backend.set_password(SERVICE, probe_user, probe_value))
            if self._call(lambda: backend.get_password(SERVICE, probe_user)) != probe_value:
                raise SecretStoreError(_SELF_TEST, kind="failed")
        finally:
            try:
                self._call(lambda: backend.delete_password(SERVICE, probe_user))
            except (SecretStoreError, keyring.errors.KeyringError):
                log.debug("self-test entry could not be removed")


class SessionSecretStore:
    """Memory only, for 'keep for this session only' and for the demo; gone when the process ends."""

    persistent = False
    location = Text(en="in memory, for this session only", nl="in het geheugen, alleen voor deze sessie")

    def __init__(self) -> None:
        self._items: dict[str, Credential] = {}
        self._lock = threading.Lock()

    def save(self, env_key: str, credential: Credential) -> None:
        with self._lock:
            self._items[env_key] = credential

    def load(self, env_key: str) -> Credential | None:
        with self._lock:
            return self._items.get(env_key)

    def delete(self, env_key: str) -> bool:
        with self._lock:
            return self._items.pop(env_key, None) is not None

    def self_test(self) -> None:
        return None


def default_secret_store() -> KeyringSecretStore:
    return KeyringSecretStore()
