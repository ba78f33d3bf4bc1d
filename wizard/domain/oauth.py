"""OAuth client credentials: the AFAS app connector's client id and client secret (afas-oauth.md §1.2, §2.1).

The client-credentials flow replaces the classic token (classic tokens expire 1 May 2027). The secret is held as
`SecretStr` and every string form of it that could leave the process (the secret itself, the form-encoded body
value, the HTTP Basic header) is registered with `wizard.domain.redact` on construction, like `ClassicToken`.

How the AFAS client turns a credential into request authentication lives in `wizard.afas.oauth` (the domain layer
has no httpx); a later private-key-JWT credential (Profit 9) gets its own class here and its own client
authentication there, sharing the token flow.
"""

from __future__ import annotations

import base64
import datetime as dt
import json
import re
from typing import Literal
from urllib.parse import quote_plus

from pydantic import BaseModel, ConfigDict, SecretStr, field_validator

from wizard.domain import redact
from wizard.domain.errors import InputError
from wizard.domain.text import Text

KIND: Literal["oauth-client-credentials"] = "oauth-client-credentials"
# AFAS's example client id is a GUID (36 characters) and its example secret 64 hex (afas-oauth.md S7); neither
# format is documented as a rule, so these bounds only catch what cannot be one.
CLIENT_ID_MAX = 200
SECRET_MIN = 16
SECRET_MAX = 1024
# Characters that sneak in when a value is copied from a mail, a PDF or a remote session.
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"), None)
_BAD_CHAR = re.compile(r"[\s\x00-\x1f\x7f-\x9f]")


def _err(en: str, nl: str, **values: object) -> InputError:
    return InputError(Text(en=en, nl=nl).format(**values))


def _clean(value: str) -> str:
    return value.translate(_INVISIBLE).replace("\u00a0", " ").strip()


def _shown(ch: str) -> Text:
    """How a rejected character is named in a message: spaces and control characters by name, never raw."""
    if ch == " ":
        return Text(en="a space", nl="een spatie")
    return Text(en=repr(ch), nl=repr(ch))


def looks_like_classic_token(value: str) -> bool:
    """A classic token in any form a user copies it: the XML, its Base64 (as in the header), or the header itself."""
    text = value.strip()
    lowered = text.lower()
    return "<token" in lowered or "</data>" in lowered or text.startswith("PHRva2Vu") or lowered.startswith("afastoken")


def check_client_id(value: str) -> str:
    """The client id as AFAS issued it, or InputError: empty, with spaces or control characters, or far too long."""
    cleaned = _clean(value)
    if not cleaned:
        raise _err(
            "The client id is empty. Copy the OAuth client id from the app connector in AFAS.",
            "De client id is leeg. Kopieer de OAuth client id uit de app connector in AFAS.",
        )
    if len(cleaned) > CLIENT_ID_MAX:
        raise _err(
            "The client id has {n} characters; that cannot be an AFAS client id (at most {max}). "
            "Copy only the client id.",
            "De client id heeft {n} tekens; dat kan geen AFAS client id zijn (hoogstens {max}). "
            "Kopieer alleen de client id.",
            n=len(cleaned),
            max=CLIENT_ID_MAX,
        )
    if looks_like_classic_token(cleaned):
        raise _err(
            "This is a classic user token, not a client id. Copy the OAuth client id from the app connector in AFAS.",
            "Dit is een klassiek gebruikerstoken, geen client id. Kopieer de OAuth client id uit de app connector in "
            "AFAS.",
        )
    bad = _BAD_CHAR.search(cleaned)
    if bad:
        if bad.group().isspace() and len(cleaned.split()) == 2:
            raise _err(
                "The client id contains a space: it looks like two values pasted together. Paste only the client id.",
                "De client id bevat een spatie: het lijken twee waarden achter elkaar. Plak alleen de client id.",
            )
        raise _err(
            "The client id may not contain spaces or control characters, but it contains {ch}. "
            "Copy the client id again from the app connector in AFAS.",
            "De client id mag geen spaties of stuurtekens bevatten, maar bevat {ch}. "
            "Kopieer de client id opnieuw uit de app connector in AFAS.",
            ch=_shown(bad.group()),
        )
    return cleaned


def check_client_secret(value: str) -> str:
    """The client secret, or InputError. The message never quotes the secret or any part of it."""
    cleaned = _clean(value)
    if not cleaned:
        raise _err(
            "The client secret is empty. AFAS shows the secret once, when it is created: paste it, or create a "
            "new secret in the app connector.",
            "Het client secret is leeg. AFAS toont het secret één keer, bij het aanmaken: plak het, of maak een "
            "nieuw secret aan in de app connector.",
        )
    if looks_like_classic_token(cleaned):
        raise _err(
            "This is a classic user token (<token>…), not a client secret. Paste the OAuth client secret AFAS shows "
            "for this app connector, or choose the user token if the app connector uses a classic token.",
            "Dit is een klassiek gebruikerstoken (<token>…), geen client secret. Plak het OAuth client secret dat "
            "AFAS bij deze app connector toont, of kies het gebruikerstoken als de app connector een klassiek token "
            "gebruikt.",
        )
    if _BAD_CHAR.search(cleaned):
        raise _err(
            "The client secret contains spaces, line breaks or control characters; part of something else was "
            "copied with it. Copy only the secret.",
            "Het client secret bevat spaties, regeleinden of stuurtekens; er is iets anders meegekopieerd. "
            "Kopieer alleen het secret.",
        )
    if not SECRET_MIN <= len(cleaned) <= SECRET_MAX:
        raise _err(
            "The client secret has {n} characters; that cannot be a whole AFAS client secret. Copy it again.",
            "Het client secret heeft {n} tekens; dat kan geen volledig AFAS client secret zijn. Kopieer het opnieuw.",
            n=len(cleaned),
        )
    return cleaned


class OAuthClientCredentials(BaseModel):
    """An app connector's OAuth client: client id, client secret and (Profit 9) the secret's expiry date."""

    model_config = ConfigDict(frozen=True)

    kind: Literal["oauth-client-credentials"] = KIND
    client_id: str
    client_secret: SecretStr
    # Profit 9: "The validity period is configurable. The default value is 180 days." The admin copies the date
    # from the app connector screen; no API exposes it (afas-oauth.md §1.2, UNCONFIRMED that none does).
    secret_expires: dt.date | None = None

    # InputError is not a ValueError, so pydantic lets it through unwrapped: no ValidationError that echoes input.
    @field_validator("client_id")
    @classmethod
    def _valid_id(cls, value: str) -> str:
        return check_client_id(value)

    @field_validator("client_secret")
    @classmethod
    def _valid_secret(cls, value: SecretStr) -> SecretStr:
        return SecretStr(check_client_secret(value.get_secret_value()))

    def model_post_init(self, _context: object) -> None:
        redact.register(*self.secret_forms())

    def secret(self) -> str:
        """The secret in clear, for the token request only."""
        return self.client_secret.get_secret_value()

    def basic_header(self) -> str:
        """`Basic b64(urlenc(id):urlenc(secret))` as AFAS specifies for client_secret_basic (afas-oauth.md §2.1)."""
        pair = f"{quote_plus(self.client_id)}:{quote_plus(self.secret())}"
        return "Basic " + base64.b64encode(pair.encode("utf-8")).decode("ascii")

    def secret_forms(self) -> tuple[str, ...]:
        secret = self.secret()
        basic = self.basic_header()
        return (
            secret,
            quote_plus(secret),
            f"client_secret={quote_plus(secret)}",
            basic,
            basic.removeprefix("Basic "),
            self.to_storage(),
        )

    def to_storage(self) -> str:
        """One keyring entry per environment: {kind, client_id, secret, expires}. Secret."""
        return json.dumps(
            {
                "kind": self.kind,
                "client_id": self.client_id,
                "secret": self.secret(),
                "expires": self.secret_expires.isoformat() if self.secret_expires else None,
            },
            separators=(",", ":"),
        )

    def fingerprint(self) -> str:
        """Safe to show: the client id (not a secret) and the last 4 characters of the secret."""
        return f"{self.client_id} …{self.secret()[-4:]}"


def oauth_client_credentials(
    client_id: str, client_secret: str, secret_expires: dt.date | None = None
) -> OAuthClientCredentials:
    """Validate what the user pasted (InputError with a bilingual message; CLI exit 2) and build the credential."""
    return OAuthClientCredentials(
        client_id=client_id, client_secret=SecretStr(client_secret), secret_expires=secret_expires
    )


def with_expiry(credential: OAuthClientCredentials, secret_expires: dt.date | None) -> OAuthClientCredentials:
    """The same client with another secret expiry date, built anew so its keyring form is registered as a secret
    too (a pydantic model_copy would skip `model_post_init`)."""
    return oauth_client_credentials(credential.client_id, credential.secret(), secret_expires)


def is_oauth_storage(stored: str) -> bool:
    """True when a keyring value was written by `OAuthClientCredentials.to_storage()` (a classic token is XML)."""
    return stored.lstrip().startswith("{")


def parse_oauth_storage(stored: str) -> OAuthClientCredentials:
    """Rebuild the credential from its keyring entry; a damaged entry is an InputError that never quotes it."""
    damaged = _err(
        "The OAuth client id and secret stored in the keyring are damaged. Enter the client id and secret again.",
        "De bewaarde OAuth client id en het secret in de sleutelbos zijn beschadigd. Vul de client id en het secret "
        "opnieuw in.",
    )
    try:
        data = json.loads(stored)
    except (ValueError, RecursionError):  # RecursionError: JSON nested deeper than Python recurses
        raise damaged from None
    if not isinstance(data, dict) or data.get("kind", KIND) != KIND:
        raise damaged
    client_id, secret, expires = data.get("client_id"), data.get("secret"), data.get("expires")
    if not isinstance(client_id, str) or not isinstance(secret, str) or not isinstance(expires, str | None):
        raise damaged
    try:
        day = dt.date.fromisoformat(expires) if expires else None
    except ValueError:
        raise damaged from None
    return oauth_client_credentials(client_id, secret, day)
