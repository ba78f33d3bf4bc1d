"""The token's home: the OS keyring (Windows Credential Manager, macOS Keychain, Secret Service, KWallet).

Never a plaintext fallback: when no keyring works the user is told why and may keep the token for this session
only (SessionSecretStore). A plaintext backend is refused even when keyring's own configuration
(PYTHON_KEYRING_BACKEND, keyringrc.cfg) chose it. Every keyring call runs in a worker thread with a timeout, because
an unlock prompt that nobody answers (a remote session, a locked screen) must not hang the wizard or a helpdesk
script.

Why one module of ~650 lines: the stores, the backend checks (plaintext refused, size limits, read-back) and the
classification of every keyring failure into a message in both languages change together whenever a backend
behaves differently; split, each part would need the others' private details.

One entry per AFAS environment: service SERVICE, user name = AfasEnvironment.key, password = JSON
{"kind": credential.kind, "secret": credential.to_storage()}. The entry holds either credential kind: the classic
token (kind "classic-token", the token's XML) or an OAuth client (kind "oauth-client-credentials", its JSON with
client id, client secret and the secret's expiry date); saving one replaces the other.
"""

from __future__ import annotations

import concurrent.futures
import getpass
import json
import logging
import os
import threading
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from typing import Literal, Protocol, TypeVar

import keyring
import keyring.errors
from keyring.backend import KeyringBackend
from keyring.util import platform_ as keyring_platform

from wizard.domain.credentials import Credential, credential_from_storage
from wizard.domain.errors import InputError, UserFacingError
from wizard.domain.redact import redact
from wizard.domain.text import Text

log = logging.getLogger(__name__)

SERVICE = "SmartBooqing AFAS Setup"
DEFAULT_TIMEOUT = 30.0
# Windows Credential Manager keeps at most 2560 bytes = 1280 UTF-16 code units per secret and answers a larger one
# with the obscure "(1783, 'CredWrite', 'The stub received bad data')" (jaraco/keyring#355, #540).
WINDOWS_MAX_UNITS = 1280
# Elsewhere: no documented limit; anything this large is not a credential of ours.
MAX_UNITS = 16_384
# Kept for callers that only need "the limit that fits everywhere".
MAX_SECRET_CHARS = WINDOWS_MAX_UNITS

ErrorKind = Literal["unavailable", "locked", "timeout", "too-large", "failed"]
T = TypeVar("T")


class SecretStoreError(UserFacingError):
    """A keyring problem in the user's words; `kind` lets the GUI decide (e.g. offer "this session only")."""

    def __init__(self, message: Text, detail: str = "", *, kind: ErrorKind = "failed") -> None:
        super().__init__(message, detail=redact(detail))
        self.kind: ErrorKind = kind

    def __repr__(self) -> str:
        return f"SecretStoreError(kind={self.kind!r}, message={self.message.en!r})"


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


def call_with_timeout(func: Callable[[], T], timeout: float, name: str = "keyring-call") -> T:
    """Run `func` in a worker thread and wait at most `timeout` seconds: its result, its exception, or
    TimeoutError. Python cannot cancel a blocked D-Bus or Win32 call; after a timeout the call is abandoned in its
    thread and the caller is free again. The thread is a daemon, unlike ThreadPoolExecutor's workers, which the
    interpreter joins at exit: a stuck keyring would otherwise hang the process when it ends."""
    future: concurrent.futures.Future[T] = concurrent.futures.Future()

    def run() -> None:
        if not future.set_running_or_notify_cancel():
            return
        try:
            future.set_result(func())
        except BaseException as exc:  # handed to the caller through the future
            future.set_exception(exc)

    threading.Thread(target=run, name=name, daemon=True).start()
    return future.result(timeout)


# -- which backend, in the user's words ---------------------------------------------------------------------------


class BackendFamily(StrEnum):
    WINDOWS = "windows"
    MACOS = "macos"
    SECRET_SERVICE = "secret-service"
    KWALLET = "kwallet"
    NONE = "none"  # keyring.backends.fail / null: nothing is stored anywhere
    OTHER = "other"


def _effective(backend: KeyringBackend) -> KeyringBackend:
    """A ChainerBackend writes to its first (highest-priority) backend: that one is where the token goes."""
    chained = getattr(backend, "backends", None)
    if isinstance(chained, list) and chained and isinstance(chained[0], KeyringBackend):
        return chained[0]
    return backend


def backend_family(backend: KeyringBackend) -> BackendFamily:
    name = f"{type(backend).__module__}.{type(backend).__qualname__}".lower()
    if "windows" in name or "winvault" in name:
        return BackendFamily.WINDOWS
    if "macos" in name or "osx" in name:
        return BackendFamily.MACOS
    if "secretservice" in name or "libsecret" in name:
        return BackendFamily.SECRET_SERVICE
    if "kwallet" in name:
        return BackendFamily.KWALLET
    if name.startswith(("keyring.backends.fail.", "keyring.backends.null.")):
        return BackendFamily.NONE
    return BackendFamily.OTHER


_LOCATIONS = {
    BackendFamily.WINDOWS: Text(en="Windows Credential Manager", nl="Windows Referentiebeheer"),
    BackendFamily.MACOS: Text(en="the macOS Keychain", nl="de macOS-sleutelhanger"),
    BackendFamily.SECRET_SERVICE: Text(
        en="the GNOME keyring (Secret Service)", nl="de GNOME-sleutelbos (Secret Service)"
    ),
    BackendFamily.KWALLET: Text(en="KWallet", nl="KWallet"),
    BackendFamily.NONE: Text(en="nowhere (no keyring available)", nl="nergens (geen sleutelbos beschikbaar)"),
}


def _os_user() -> str:
    try:
        return getpass.getuser()
    except (OSError, KeyError, ImportError):  # no login name (e.g. a service account without USERNAME)
        return ""


def _location_of(backend: KeyringBackend) -> Text:
    family = backend_family(backend)
    base = _LOCATIONS.get(family) or Text(en="the keyring '{n}'", nl="de sleutelbos '{n}'").format(
        n=type(backend).__name__
    )
    user = _os_user()
    if family is BackendFamily.NONE or not user:
        return base
    # A helpdesk engineer in a remote or elevated session must see whose store it is (security-and-peers #25).
    return base + Text(en=" of user {u}", nl=" van gebruiker {u}").format(u=user)


@dataclass(frozen=True)
class BackendInfo:
    """The active keyring backend, for the GUI, `sbq-setup diagnose` and `verify` (never a secret)."""

    name: str  # module.Class, for the helpdesk
    family: BackendFamily
    location: Text
    available: bool  # False: saving will fail with kind "unavailable"


_NOT_ANSWERING = Text(en="the password store (not answering)", nl="de wachtwoordopslag (antwoordt niet)")


def describe_backend(backend: KeyringBackend | None = None, timeout: float = DEFAULT_TIMEOUT) -> BackendInfo:
    """Which store a token would go to. keyring's first backend discovery talks to D-Bus, which can hang (a stuck
    session bus): then this answers "not answering" after `timeout` instead of hanging `sbq-setup diagnose`."""
    if backend is None:
        try:
            backend = call_with_timeout(keyring.get_keyring, timeout)
        except TimeoutError:
            return BackendInfo(name="unknown", family=BackendFamily.OTHER, location=_NOT_ANSWERING, available=False)
    chosen = _effective(backend)
    family = backend_family(chosen)
    return BackendInfo(
        name=_qualified(chosen),
        family=family,
        location=_location_of(chosen),
        available=family is not BackendFamily.NONE and refusal(chosen) is None,
    )


# -- backends that are not a secure store ----------------------------------------------------------------------


def _qualified(backend: KeyringBackend) -> str:
    return f"{type(backend).__module__}.{type(backend).__qualname__}"


_PLAIN_FILE = Text(
    en="it keeps secrets in a file ({p}) that anyone who can read your files can read",
    nl="het bewaart geheimen in een bestand ({p}) dat iedereen kan lezen die uw bestanden kan lezen",
)
_PASSWORD_FILE = Text(
    en="it keeps secrets in a file ({p}) protected only by a password typed into this program",
    nl="het bewaart geheimen in een bestand ({p}) dat alleen beschermd is met een wachtwoord dat in dit programma "
    "wordt getypt",
)
_ALT = Text(
    en="it is one of keyrings.alt's alternative stores, which its makers describe as less secure than the OS keyring",
    nl="het is een van de alternatieve opslagen van keyrings.alt, die de makers minder veilig noemen dan de "
    "sleutelbos van het besturingssysteem",
)
_STORES_NOTHING = Text(
    en="it stores nothing (keyring's null backend)", nl="het bewaart niets (de null-backend van keyring)"
)


def refusal(backend: KeyringBackend) -> Text | None:
    """Why this backend is not trusted with the token, or None when it is an OS keyring (or unknown to be unsafe)."""
    module = type(backend).__module__.lower()
    name = type(backend).__qualname__.lower()
    path = getattr(backend, "file_path", None)
    where = str(path) if isinstance(path, str | os.PathLike) else "?"
    if module.startswith("keyring.backends.null"):
        return _STORES_NOTHING  # keyring's fail backend raises NoKeyringError, which _classify already explains
    if module.startswith("keyrings.alt"):
        if "encrypted" in name:
            return _PASSWORD_FILE.format(p=where)
        if "plaintext" in name or path is not None:
            return _PLAIN_FILE.format(p=where)
        return _ALT
    if path is not None:  # a file-backed store of another package (keyrings.cryptfile and the like)
        return _PASSWORD_FILE.format(p=where) if "crypt" in module + name else _PLAIN_FILE.format(p=where)
    return None


def _chosen_by() -> Text:
    """How keyring picked its backend, so the user knows what to change."""
    if os.environ.get("PYTHON_KEYRING_BACKEND"):
        return Text(
            en="It was chosen by the PYTHON_KEYRING_BACKEND environment variable; remove that setting.",
            nl="Deze is gekozen door de omgevingsvariabele PYTHON_KEYRING_BACKEND; verwijder die instelling.",
        )
    try:
        config = os.path.join(keyring_platform.config_root(), "keyringrc.cfg")
    except Exception:  # keyring's config lookup itself failing must not hide the refusal
        config = ""
    if config and os.path.exists(config):
        return Text(
            en="It was chosen in keyring's configuration file {c}; remove the default-keyring line there.",
            nl="Deze is gekozen in het configuratiebestand van keyring, {c}; verwijder daar de regel default-keyring.",
        ).format(c=config)
    return Text(
        en="Install or unlock the operating system's keyring instead.",
        nl="Installeer of ontgrendel in plaats daarvan de sleutelbos van het besturingssysteem.",
    )


def _refused_error(backend: KeyringBackend, why: Text, suffix: Text) -> SecretStoreError:
    message = Text(
        en="The password store '{n}' is not used for the token: {w}. ",
        nl="De wachtwoordopslag '{n}' wordt niet gebruikt voor het token: {w}. ",
    ).format(n=_qualified(backend), w=why)
    return SecretStoreError(message + _chosen_by() + suffix, kind="unavailable")


# -- errors -------------------------------------------------------------------------------------------------------

_SESSION_ONLY = Text(
    en=" The token was not saved. You can keep it for this session only; it is then gone when the wizard closes.",
    nl=" Het token is niet bewaard. U kunt het alleen voor deze sessie bewaren; het is dan weg zodra de wizard sluit.",
)
# What a failed read or delete means: nothing about saving (the token was not being saved).
_NOT_READ = Text(en=" The saved token could not be read.", nl=" Het bewaarde token kon niet worden gelezen.")
_NOT_DELETED = Text(en=" Nothing was removed.", nl=" Er is niets verwijderd.")
Operation = Literal["save", "load", "delete"]
_SUFFIX: dict[str, Text] = {"save": _SESSION_ONLY, "load": _NOT_READ, "delete": _NOT_DELETED}

_NO_DBUS = Text(
    en="The desktop keyring (Secret Service) cannot be reached: this session has no D-Bus connection to it "
    "(an SSH or headless session?). Run the wizard inside a desktop session.",
    nl="De sleutelbos van het bureaublad (Secret Service) is niet bereikbaar: deze sessie heeft er geen D-Bus-"
    "verbinding mee (een SSH- of headless-sessie?). Start de wizard binnen een bureaubladsessie.",
)
_NETWORK_LOGON = Text(
    en="Windows Credential Manager does not work in this kind of logon (a network or SSH session, error 1312). "
    "Run the wizard at the computer itself or in a Remote Desktop session.",
    nl="Windows Referentiebeheer werkt niet bij dit soort aanmelding (een netwerk- of SSH-sessie, fout 1312). "
    "Start de wizard op de computer zelf of in een Extern bureaublad-sessie.",
)
_LOCKED = Text(
    en="{where} is locked, or the request to unlock it was cancelled. Unlock it (answer the unlock prompt, or log "
    "in to the desktop session) and try again.",
    nl="{where} is vergrendeld, of het verzoek om te ontgrendelen is geannuleerd. Ontgrendel de opslag (beantwoord "
    "de ontgrendelvraag, of meld u aan op het bureaublad) en probeer het opnieuw.",
)
_TIMEOUT = Text(
    en="The password store did not answer within {s} seconds. Perhaps an unlock prompt is waiting on another "
    "screen (remote session?). Answer it and try again.",
    nl="De wachtwoordopslag antwoordde niet binnen {s} seconden. Misschien wacht er een ontgrendelvraag op een "
    "ander scherm (externe sessie?). Beantwoord die en probeer het opnieuw.",
)
_TOO_LARGE = Text(
    en="This secret is too large for {where} ({n} characters, at most {m}). It was not saved.",
    nl="Dit geheim is te groot voor {where} ({n} tekens, hoogstens {m}). Het is niet bewaard.",
)
_TOO_LARGE_1783 = Text(
    en="Windows Credential Manager refused the secret as too large (error 1783, 'the stub received bad data').",
    nl="Windows Referentiebeheer weigerde het geheim omdat het te groot is (fout 1783, 'the stub received bad data').",
)
_IT_NOT_SAVED = Text(en=" It was not saved.", nl=" Het is niet bewaard.")
_FAILED = Text(
    en="{where} reported an error ({e}). Try again; if it keeps happening, contact the SmartBooqing helpdesk.",
    nl="{where} meldde een fout ({e}). Probeer het opnieuw; blijft het gebeuren, neem dan contact op met de "
    "SmartBooqing-helpdesk.",
)
_NOT_KEPT = Text(
    en="{where} did not give back what was just saved in it, so it cannot be trusted with the token.",
    nl="{where} gaf niet terug wat er net in werd bewaard, dus het token kan er niet veilig in.",
)
_CORRUPT = Text(
    en="The token saved for {env} in {where} is damaged. Create a new user token in AFAS and paste it again.",
    nl="Het bewaarde token voor {env} in {where} is beschadigd. Maak in AFAS een nieuw gebruikerstoken en plak het "
    "opnieuw.",
)
_CORRUPT_OAUTH = Text(
    en="The OAuth client saved for {env} in {where} is damaged. Paste the client id and client secret again (AFAS "
    "shows a secret once: create a new one in the app connector if you no longer have it).",
    nl="De bewaarde OAuth-client voor {env} in {where} is beschadigd. Plak de client id en het client secret opnieuw "
    "(AFAS toont een secret één keer: maak een nieuw aan in de app connector als u het niet meer hebt).",
)
# The kinds this version reads; a newer version may store another (a private-key JWT client, say).
KNOWN_KINDS = ("classic-token", "oauth-client-credentials")
_UNKNOWN_KIND = Text(
    en="The secret saved for {env} is of a kind this version does not know ('{k}'); perhaps a newer version saved "
    "it. Update the wizard, or paste the token again.",
    nl="Het bewaarde geheim voor {env} is van een soort die deze versie niet kent ('{k}'); misschien heeft een "
    "nieuwere versie het bewaard. Werk de wizard bij, of plak het token opnieuw.",
)
_BAD_KEY = Text(en="No AFAS environment was given.", nl="Er is geen AFAS-omgeving opgegeven.")


def _names(exc: BaseException) -> set[str]:
    """Class names in the exception's MRO and cause chain: matches secretstorage/jeepney/pywin32 errors by name,
    without importing platform-specific modules."""
    names: set[str] = set()
    seen: BaseException | None = exc
    for _ in range(5):
        if seen is None:
            break
        names.update(cls.__name__ for cls in type(seen).__mro__)
        seen = seen.__cause__ or seen.__context__
    return names


def _winerror(exc: BaseException) -> int | None:
    seen: BaseException | None = exc
    for _ in range(5):
        if seen is None:
            return None
        code = getattr(seen, "winerror", None)
        if isinstance(code, int):
            return code
        args = getattr(seen, "args", ())
        if args and isinstance(args[0], int) and "error" in type(seen).__name__.lower():
            return args[0]  # pywintypes.error(1783, 'CredWrite', '...') from win32ctypes
        seen = seen.__cause__ or seen.__context__
    return None


def _classify(exc: BaseException, where: Text, suffix: Text = _SESSION_ONLY) -> SecretStoreError:
    """Name the cause and what to do; never a plaintext fallback. `suffix` says what the failure means for the
    operation that failed (a save offers "this session only"; a read must not say anything about saving)."""
    detail = f"{type(exc).__name__}: {exc}"
    text = str(exc).lower()
    names = _names(exc)
    code = _winerror(exc)

    if isinstance(exc, keyring.errors.NoKeyringError):
        from wizard.stores.keyring_help import no_keyring_message  # advice for this OS only (issue 11 item 7)

        return SecretStoreError(no_keyring_message() + suffix, detail, kind="unavailable")
    if code == 1312 or "logon session does not exist" in text:
        return SecretStoreError(_NETWORK_LOGON + suffix, detail, kind="unavailable")
    if code == 1783 or "stub received bad data" in text:
        return SecretStoreError(
            _TOO_LARGE_1783 + (_IT_NOT_SAVED if suffix is _SESSION_ONLY else suffix), detail, kind="too-large"
        )
    locked = _per_lang(_LOCKED, where)
    if (
        isinstance(exc, keyring.errors.KeyringLocked)
        or names & {"LockedException", "PromptDismissedException", "KeychainDenied", "SecAuthFailure"}
        or "prompt dismissed" in text
        or "cancelled by user" in text
        or "canceled by user" in text
    ):
        return SecretStoreError(locked + suffix, detail, kind="locked")
    if isinstance(exc, keyring.errors.InitError) or names & {"SecretServiceNotAvailableException"}:
        if "lock" in text:
            return SecretStoreError(locked + suffix, detail, kind="locked")
        return SecretStoreError(_NO_DBUS + suffix, detail, kind="unavailable")
    if (
        "dbus" in text
        or "d-bus" in text
        or "secret service" in text
        or "secretservice" in text
        or "DBusErrorResponse" in names
    ):
        return SecretStoreError(_NO_DBUS + suffix, detail, kind="unavailable")
    failed = _per_lang(_FAILED, where, e=type(exc).__name__)
    return SecretStoreError(failed, detail, kind="failed")


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def _per_lang(template: Text, where: Text, **values: object) -> Text:
    """Fill {where} with the location in the same language, capitalised at a sentence start."""
    return Text(
        en=template.en.format(where=_capital(where.en) if template.en.startswith("{where}") else where.en, **values),
        nl=template.nl.format(where=_capital(where.nl) if template.nl.startswith("{where}") else where.nl, **values),
    )


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
        return _location_of(_effective(self.backend))

    def max_units(self) -> int:
        """Largest stored entry in UTF-16 code units (what Windows counts)."""
        return self._limit_for(self.backend)

    def _limit_for(self, backend: KeyringBackend) -> int:
        if self._max_units is not None:
            return self._max_units
        family = backend_family(_effective(backend))
        return WINDOWS_MAX_UNITS if family is BackendFamily.WINDOWS else MAX_UNITS

    def _call(self, func: Callable[[KeyringBackend], T], operation: Operation = "save") -> T:
        """One keyring call in a worker thread, bounded by the timeout, its errors in the user's words."""
        suffix = _SUFFIX[operation]

        def run() -> T:
            # Resolved in the worker too: keyring's first backend discovery talks to D-Bus and can block as well.
            backend = self.backend
            why = refusal(_effective(backend))
            if why is not None:
                raise _refused_error(_effective(backend), why, suffix)
            return func(backend)

        try:
            return call_with_timeout(run, self._timeout)
        except TimeoutError:
            raise SecretStoreError(_TIMEOUT.format(s=f"{self._timeout:g}"), kind="timeout") from None
        except SecretStoreError:
            raise
        except Exception as error:
            classified = _classify(error, self._safe_location(), suffix)
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
            raise SecretStoreError(_BAD_KEY, kind="failed")

    def save(self, env_key: str, credential: Credential) -> None:
        """Store the credential and read it back: a store that silently drops writes must not look like success."""
        self._check_key(env_key)

        def write(backend: KeyringBackend) -> bool:
            payload = _payload(credential)  # built in the worker: the caller's frame keeps only the masked credential
            units = len(payload.encode("utf-16-le")) // 2
            limit = self._limit_for(backend)
            if units > limit:
                # Refused before the keyring sees it: Windows would answer with the obscure error 1783.
                where = _location_of(_effective(backend))
                raise SecretStoreError(_per_lang(_TOO_LARGE, where, n=units, m=limit), kind="too-large")
            backend.set_password(SERVICE, env_key, payload)
            return backend.get_password(SERVICE, env_key) == payload

        if not self._call(write):
            raise SecretStoreError(_per_lang(_NOT_KEPT, self._safe_location()), kind="failed")

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
                message = _UNKNOWN_KIND.format(env=env_key, k=kind[:40])
                raise SecretStoreError(message, kind="failed") from None
            raise SecretStoreError(self._corrupt(env_key, kind), kind="failed") from None
        if kind is not None and kind != credential.kind:
            raise SecretStoreError(_UNKNOWN_KIND.format(env=env_key, k=str(kind)[:40]), kind="failed")
        return credential

    def _corrupt(self, env_key: str, kind: object) -> Text:
        """A damaged entry, in the words of what it held (never quoting it)."""
        template = _CORRUPT_OAUTH if kind == "oauth-client-credentials" else _CORRUPT
        return _per_lang(template, self._safe_location(), env=env_key)

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
                raise SecretStoreError(_per_lang(_NOT_KEPT, self._safe_location()), kind="failed")
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
