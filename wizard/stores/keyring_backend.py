"""Which keyring backend the token would go to, in the user's words, and which backends are refused (plaintext
files, keyrings.alt, the null backend) even when keyring's own configuration chose them. `call_with_timeout` bounds
every keyring call: an unlock prompt that nobody answers must not hang the wizard or a helpdesk script."""

from __future__ import annotations

import concurrent.futures
import getpass
import os
import threading
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from typing import TypeVar

import keyring
from keyring.backend import KeyringBackend
from keyring.util import platform_ as keyring_platform

from wizard.domain.text import Text

DEFAULT_TIMEOUT = 30.0
T = TypeVar("T")


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


def effective(backend: KeyringBackend) -> KeyringBackend:
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


def location_of(backend: KeyringBackend) -> Text:
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
    chosen = effective(backend)
    family = backend_family(chosen)
    return BackendInfo(
        name=qualified(chosen),
        family=family,
        location=location_of(chosen),
        available=family is not BackendFamily.NONE and refusal(chosen) is None,
    )


# -- backends that are not a secure store ----------------------------------------------------------------------


def qualified(backend: KeyringBackend) -> str:
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
        return _STORES_NOTHING  # keyring's fail backend raises NoKeyringError, which classify already explains
    if module.startswith("keyrings.alt"):
        if "encrypted" in name:
            return _PASSWORD_FILE.format(p=where)
        if "plaintext" in name or path is not None:
            return _PLAIN_FILE.format(p=where)
        return _ALT
    if path is not None:  # a file-backed store of another package (keyrings.cryptfile and the like)
        return _PASSWORD_FILE.format(p=where) if "crypt" in module + name else _PLAIN_FILE.format(p=where)
    return None


def chosen_by() -> Text:
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
