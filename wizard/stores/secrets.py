"""The token's home: the OS keyring (Windows Credential Manager, macOS Keychain, Secret Service, KWallet).

Never a plaintext fallback: when no keyring works the user is told why and may keep the token for this session
only (SessionSecretStore). A plaintext backend is refused even when keyring's own configuration
(PYTHON_KEYRING_BACKEND, keyringrc.cfg) chose it. Every keyring call runs in a worker thread with a timeout, because
an unlock prompt that nobody answers (a remote session, a locked screen) must not hang the wizard or a helpdesk
script.

The backend facts and refusals live in keyring_backend, the failures and their messages in keyring_errors; the
names the rest of the product uses are imported from here.

One entry per AFAS environment: service SERVICE, user name = AfasEnvironment.key, password = JSON
{"kind": credential.kind, "secret": credential.to_storage()}. The entry holds either credential kind: the classic
token (kind "classic-token", the token's XML) or an OAuth client (kind "oauth-client-credentials", its JSON with
client id, client secret and the secret's expiry date); saving one replaces the other.
"""

from __future__ import annotations

import json
import logging
import threading
import uuid
from collections.abc import Callable
from typing import Protocol, TypeVar

import keyring
import keyring.errors
from keyring.backend import KeyringBackend

from wizard.domain.credentials import Credential, credential_from_storage
from wizard.domain.errors import InputError
from wizard.domain.text import Text
from wizard.stores.keyring_backend import (
    DEFAULT_TIMEOUT,
    BackendFamily,
    BackendInfo,
    backend_family,
    call_with_timeout,
    describe_backend,
    effective,
    location_of,
    refusal,
)
from wizard.stores.keyring_errors import (
    BAD_KEY,
    CORRUPT,
    CORRUPT_OAUTH,
    KNOWN_KINDS,
    NOT_KEPT,
    SUFFIX,
    TIMEOUT,
    TOO_LARGE,
    UNKNOWN_KIND,
    ErrorKind,
    Operation,
    SecretStoreError,
    classify,
    per_lang,
    refused_error,
)

log = logging.getLogger(__name__)

SERVICE = "SmartBooqing AFAS Setup"
# Windows Credential Manager keeps at most 2560 bytes = 1280 UTF-16 code units per secret and answers a larger one
# with the obscure "(1783, 'CredWrite', 'The stub received bad data')" (jaraco/keyring#355, #540).
WINDOWS_MAX_UNITS = 1280
# Elsewhere: no documented limit; anything this large is not a credential of ours.
MAX_UNITS = 16_384
# Kept for callers that only need "the limit that fits everywhere".
MAX_SECRET_CHARS = WINDOWS_MAX_UNITS

T = TypeVar("T")


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


def _payload(credential: Credential) -> str:
    return json.dumps({"kind": credential.kind, "secret": credential.to_storage()})


# -- the stores ---------------------------------------------------------------------------------------------------


class KeyringSecretStore:
    """One keyring entry per AFAS environment: service SERVICE, user name = AfasEnvironment.key."""

    persistent = True

    def __init__(
        self,
        backend: KeyringBackend | None = None,
        timeout: float = DEFAULT_TIMEOUT,
        *,
        max_units: int | None = None,
    ) -> None:
        self._backend = backend
        self._timeout = timeout
        self._max_units = max_units

    def __repr__(self) -> str:
        # Without resolving keyring's default: that may talk to D-Bus, and a repr must never block.
        backend = type(self._backend).__name__ if self._backend is not None else "default"
        return f"KeyringSecretStore(backend={backend}, timeout={self._timeout:g})"

    @property
    def backend(self) -> KeyringBackend:
        return self._backend if self._backend is not None else keyring.get_keyring()

    @property
    def location(self) -> Text:
        return location_of(effective(self.backend))

    def max_units(self) -> int:
        """Largest stored entry in UTF-16 code units (what Windows counts)."""
        return self._limit_for(self.backend)

    def _limit_for(self, backend: KeyringBackend) -> int:
        if self._max_units is not None:
            return self._max_units
        family = backend_family(effective(backend))
        return WINDOWS_MAX_UNITS if family is BackendFamily.WINDOWS else MAX_UNITS

    def _call(self, func: Callable[[KeyringBackend], T], operation: Operation = "save") -> T:
        """One keyring call in a worker thread, bounded by the timeout, its errors in the user's words."""
        suffix = SUFFIX[operation]

        def run() -> T:
            # Resolved in the worker too: keyring's first backend discovery talks to D-Bus and can block as well.
            backend = self.backend
            why = refusal(effective(backend))
            if why is not None:
                raise refused_error(effective(backend), why, suffix)
            return func(backend)

        try:
            return call_with_timeout(run, self._timeout)
        except TimeoutError:
            raise SecretStoreError(TIMEOUT.format(s=f"{self._timeout:g}"), kind="timeout") from None
        except SecretStoreError:
            raise
        except Exception as error:
            classified = classify(error, self._safe_location(), suffix)
            # Let go of the keyring call's frames now: they hold the secret (and, for SecretService, an open D-Bus
            # connection that keyring does not close when it raises); a crash reporter must not find them.
            error.__traceback__ = None
            del error
            raise classified from None

    def _safe_location(self) -> Text:
        try:
            return self.location
        except Exception:  # an error message must not fail while naming the store
            return Text(en="the password store", nl="de wachtwoordopslag")

    @staticmethod
    def _check_key(env_key: str) -> None:
        if not isinstance(env_key, str) or not env_key.strip():
            raise SecretStoreError(BAD_KEY, kind="failed")

    def save(self, env_key: str, credential: Credential) -> None:
        """Store the credential and read it back: a store that silently drops writes must not look like success."""
        self._check_key(env_key)

        def write(backend: KeyringBackend) -> bool:
            payload = _payload(credential)  # built in the worker: the caller's frame keeps only the masked credential
            units = len(payload.encode("utf-16-le")) // 2
            limit = self._limit_for(backend)
            if units > limit:
                # Refused before the keyring sees it: Windows would answer with the obscure error 1783.
                where = location_of(effective(backend))
                raise SecretStoreError(per_lang(TOO_LARGE, where, n=units, m=limit), kind="too-large")
            backend.set_password(SERVICE, env_key, payload)
            return backend.get_password(SERVICE, env_key) == payload

        if not self._call(write):
            raise SecretStoreError(per_lang(NOT_KEPT, self._safe_location()), kind="failed")

    def load(self, env_key: str) -> Credential | None:
        """The stored credential, re-validated; None when nothing is stored; SecretStoreError when damaged."""
        self._check_key(env_key)
        stored = self._call(lambda backend: backend.get_password(SERVICE, env_key), "load")
        if stored is None:
            return None
        if len(stored) > MAX_UNITS:  # no entry of ours is this large: not worth decoding
            raise SecretStoreError(self._corrupt(env_key, None), kind="failed")
        kind: object = None
        try:
            data = json.loads(stored)
        except (ValueError, RecursionError):  # RecursionError: JSON nested deeper than the parser's stack
            data = None
        if isinstance(data, dict):
            kind, secret = data.get("kind"), data.get("secret")
            if not isinstance(secret, str):
                raise SecretStoreError(self._corrupt(env_key, kind), kind="failed")
        else:
            secret = stored  # tolerate an entry holding the bare token (typed in by hand, or an early version)
        try:
            credential = credential_from_storage(secret)
        except (InputError, RecursionError):  # the OAuth client's JSON may be nested as deep as the entry
            if isinstance(kind, str) and kind not in KNOWN_KINDS:
                message = UNKNOWN_KIND.format(env=env_key, k=kind[:40])
                raise SecretStoreError(message, kind="failed") from None
            raise SecretStoreError(self._corrupt(env_key, kind), kind="failed") from None
        if kind is not None and kind != credential.kind:
            raise SecretStoreError(UNKNOWN_KIND.format(env=env_key, k=str(kind)[:40]), kind="failed")
        return credential

    def _corrupt(self, env_key: str, kind: object) -> Text:
        """A damaged entry, in the words of what it held (never quoting it)."""
        template = CORRUPT_OAUTH if kind == "oauth-client-credentials" else CORRUPT
        return per_lang(template, self._safe_location(), env=env_key)

    def delete(self, env_key: str) -> bool:
        """True when an entry was removed, False when there was none."""
        self._check_key(env_key)

        def remove(backend: KeyringBackend) -> bool:
            try:
                backend.delete_password(SERVICE, env_key)
            except keyring.errors.PasswordDeleteError:
                # "Not found" is worded differently per backend, and KWallet uses the same error for a cancelled
                # unlock: look again to tell them apart.
                if backend.get_password(SERVICE, env_key) is None:
                    return False
                raise
            return True

        return self._call(remove, "delete")

    def self_test(self) -> None:
        """Write, read back, compare and delete a unique dummy entry before a real token is entrusted to it
        (Git Credential Manager's CredentialStoreDiagnostic does the same)."""
        probe_user = f"self-test-{uuid.uuid4().hex}"
        probe_value = f"probe-{uuid.uuid4().hex}-€ü"
        timed_out = False

        def write_and_read(backend: KeyringBackend) -> bool:
            backend.set_password(SERVICE, probe_user, probe_value)
            return backend.get_password(SERVICE, probe_user) == probe_value

        try:
            if not self._call(write_and_read):
                raise SecretStoreError(per_lang(NOT_KEPT, self._safe_location()), kind="failed")
        except SecretStoreError as exc:
            timed_out = exc.kind == "timeout"
            raise
        finally:
            self._remove_probe(probe_user, wait=not timed_out)

    def _remove_probe(self, probe_user: str, *, wait: bool) -> None:
        def remove(backend: KeyringBackend) -> None:
            try:
                backend.delete_password(SERVICE, probe_user)
            except keyring.errors.KeyringError:
                log.debug("self-test entry was not there to remove")

        if not wait:
            # The store is stuck on a prompt: a second wait of the full timeout helps nobody. Remove it later.
            backend = self.backend
            threading.Thread(target=lambda: _quietly(remove, backend), name="keyring-cleanup", daemon=True).start()
            return
        try:
            self._call(remove, "delete")
        except SecretStoreError as exc:
            log.debug("self-test entry could not be removed: %s", exc.kind)


def _quietly(func: Callable[[KeyringBackend], None], backend: KeyringBackend) -> None:
    try:
        func(backend)
    except Exception as exc:  # a background cleanup has nobody to report to but the log
        log.debug("self-test cleanup failed: %s", type(exc).__name__)


class SessionSecretStore:
    """Memory only, for 'keep for this session only' and for the demo; gone when the process ends."""

    persistent = False
    location = Text(en="in memory, for this session only", nl="in het geheugen, alleen voor deze sessie")

    def __init__(self) -> None:
        self._items: dict[str, Credential] = {}
        self._lock = threading.Lock()

    def __repr__(self) -> str:
        with self._lock:
            return f"SessionSecretStore({len(self._items)} entries)"

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


def default_secret_store(timeout: float = DEFAULT_TIMEOUT) -> KeyringSecretStore:
    """The OS keyring that keyring picks (PYTHON_KEYRING_BACKEND and keyringrc.cfg are honoured)."""
    return KeyringSecretStore(timeout=timeout)


__all__ = [  # the names the rest of the product imports from here, wherever they are defined
    "DEFAULT_TIMEOUT",
    "MAX_SECRET_CHARS",
    "SERVICE",
    "WINDOWS_MAX_UNITS",
    "BackendFamily",
    "BackendInfo",
    "ErrorKind",
    "KeyringSecretStore",
    "SecretStore",
    "SecretStoreError",
    "SessionSecretStore",
    "call_with_timeout",
    "default_secret_store",
    "describe_backend",
    "refusal",
]
