"""Every keyring failure as a SecretStoreError in the user's words, in both languages: the classification of
the backends' exceptions (D-Bus, Windows error codes, locked stores) and the messages the stores raise."""

from __future__ import annotations

from typing import Literal

import keyring.errors
from keyring.backend import KeyringBackend

from wizard.domain.errors import UserFacingError
from wizard.domain.redact import redact
from wizard.domain.text import Text
from wizard.stores.keyring_backend import chosen_by, qualified

ErrorKind = Literal["unavailable", "locked", "timeout", "too-large", "failed"]


class SecretStoreError(UserFacingError):
    """A keyring problem in the user's words; `kind` lets the GUI decide (e.g. offer "this session only")."""

    def __init__(self, message: Text, detail: str = "", *, kind: ErrorKind = "failed") -> None:
        super().__init__(message, detail=redact(detail))
        self.kind: ErrorKind = kind

    def __repr__(self) -> str:
        return f"SecretStoreError(kind={self.kind!r}, message={self.message.en!r})"


def refused_error(backend: KeyringBackend, why: Text, suffix: Text) -> SecretStoreError:
    message = Text(
        en="The password store '{n}' is not used for the token: {w}. ",
        nl="De wachtwoordopslag '{n}' wordt niet gebruikt voor het token: {w}. ",
    ).format(n=qualified(backend), w=why)
    return SecretStoreError(message + chosen_by() + suffix, kind="unavailable")


# -- the messages and the classification ------------------------------------------------------------------------

SESSION_ONLY = Text(
    en=" The token was not saved. You can keep it for this session only; it is then gone when the wizard closes.",
    nl=" Het token is niet bewaard. U kunt het alleen voor deze sessie bewaren; het is dan weg zodra de wizard sluit.",
)
# What a failed read or delete means: nothing about saving (the token was not being saved).
_NOT_READ = Text(en=" The saved token could not be read.", nl=" Het bewaarde token kon niet worden gelezen.")
_NOT_DELETED = Text(en=" Nothing was removed.", nl=" Er is niets verwijderd.")
Operation = Literal["save", "load", "delete"]
SUFFIX: dict[str, Text] = {"save": SESSION_ONLY, "load": _NOT_READ, "delete": _NOT_DELETED}

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
TIMEOUT = Text(
    en="The password store did not answer within {s} seconds. Perhaps an unlock prompt is waiting on another "
    "screen (remote session?). Answer it and try again.",
    nl="De wachtwoordopslag antwoordde niet binnen {s} seconden. Misschien wacht er een ontgrendelvraag op een "
    "ander scherm (externe sessie?). Beantwoord die en probeer het opnieuw.",
)
TOO_LARGE = Text(
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
NOT_KEPT = Text(
    en="{where} did not give back what was just saved in it, so it cannot be trusted with the token.",
    nl="{where} gaf niet terug wat er net in werd bewaard, dus het token kan er niet veilig in.",
)
CORRUPT = Text(
    en="The token saved for {env} in {where} is damaged. Create a new user token in AFAS and paste it again.",
    nl="Het bewaarde token voor {env} in {where} is beschadigd. Maak in AFAS een nieuw gebruikerstoken en plak het "
    "opnieuw.",
)
CORRUPT_OAUTH = Text(
    en="The OAuth client id and secret saved for {env} in {where} are damaged. Paste the client id and client "
    "secret again (AFAS shows a secret once: create a new one in the app connector if you no longer have it).",
    nl="De bewaarde OAuth client id en het secret voor {env} in {where} zijn beschadigd. Plak de client id en het "
    "client secret opnieuw (AFAS toont een secret maar één keer: maak een nieuw aan in de app connector als u het "
    "niet meer hebt).",
)
# The kinds this version reads; a newer version may store another (a private-key JWT client, say).
KNOWN_KINDS = ("classic-token", "oauth-client-credentials")
UNKNOWN_KIND = Text(
    en="The secret saved for {env} is of a kind this version does not know ('{k}'); perhaps a newer version saved "
    "it. Update the wizard, or paste the token again.",
    nl="Het bewaarde geheim voor {env} is van een soort die deze versie niet kent ('{k}'); misschien heeft een "
    "nieuwere versie het bewaard. Werk de wizard bij, of plak het token opnieuw.",
)
BAD_KEY = Text(en="No AFAS environment was given.", nl="Er is geen AFAS-omgeving opgegeven.")


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


def classify(exc: BaseException, where: Text, suffix: Text = SESSION_ONLY) -> SecretStoreError:
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
            _TOO_LARGE_1783 + (_IT_NOT_SAVED if suffix is SESSION_ONLY else suffix), detail, kind="too-large"
        )
    locked = per_lang(_LOCKED, where)
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
    failed = per_lang(_FAILED, where, e=type(exc).__name__)
    return SecretStoreError(failed, detail, kind="failed")


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def per_lang(template: Text, where: Text, **values: object) -> Text:
    """Fill {where} with the location in the same language, capitalised at a sentence start."""
    return Text(
        en=template.en.format(where=_capital(where.en) if template.en.startswith("{where}") else where.en, **values),
        nl=template.nl.format(where=_capital(where.nl) if template.nl.startswith("{where}") else where.nl, **values),
    )
