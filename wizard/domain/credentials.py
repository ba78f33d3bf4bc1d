"""AFAS credentials: the classic user token here, OAuth client credentials in `wizard.domain.oauth`. The
`Credential` protocol is what the rest of the product depends on (kind, secret forms, keyring storage); only a
`HeaderCredential` (the classic token) has a fixed `Authorization` header. An OAuth client first exchanges its secret
for an access token: `wizard.afas.oauth.auth_for` picks the request authentication per credential.

Room for private-key JWT (Profit 9, afas-oauth.md §2.7): a `PrivateKeyJwtClient` model in wizard/domain/oauth.py
(client id and key id; the private key stays on SmartBooqing's server, so its `secret_forms()` hold nothing a desktop
has), a kind of its own recognised by `credential_from_storage`, and a branch in `auth_for` that reuses the token flow
(`OAuthClientAuth`) with a client assertion in place of the secret. Nothing else changes.

A token is parsed leniently (what people actually paste) and held as `SecretStr`, so `repr`, logs and
exceptions never show it. Every form of the secret is registered with `wizard.domain.redact`.
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import html
import re
import string
from typing import Literal, Protocol, runtime_checkable

from pydantic import BaseModel, ConfigDict, SecretStr

from wizard.domain import redact
from wizard.domain.errors import InputError
from wizard.domain.oauth import is_oauth_storage, parse_oauth_storage
from wizard.domain.text import Text

# AFAS timeline (afas-api.md §0): classic tokens get an expiry of 1 May 2027 and stop working after 31 Aug 2027.
CLASSIC_TOKEN_EXPIRY = dt.date(2027, 5, 1)
CLASSIC_TOKEN_SUNSET = dt.date(2027, 8, 31)

DATA_LENGTH = 64
_HEX = re.compile(r"^[0-9A-Fa-f]+$")
_SPACES = re.compile(r"\s+")
_TOKEN_TAG = re.compile(r"<token>", re.IGNORECASE)
_VERSION = re.compile(r"[0-9]{1,9}")
_BASE64 = re.compile(r"[A-Za-z0-9+/]+={0,2}")
_XML = re.compile(
    r"<token>\s*<version>\s*(?P<version>[^<]*?)\s*</version>\s*<data>\s*(?P<data>[^<]*?)\s*</data>\s*</token>",
    re.IGNORECASE | re.DOTALL,
)
# Characters that sneak in when a token is copied from a mail, a PDF or a remote session.
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"), None)


@runtime_checkable
class Credential(Protocol):
    """What the product needs from any credential: its kind, every form of its secret, its keyring form."""

    @property
    def kind(self) -> str:
        """A stable name of the credential type, e.g. 'classic-token'; stored next to the secret."""
        ...

    def secret_forms(self) -> tuple[str, ...]:
        """Every string form of the secret, for redaction and for leak tests."""
        ...

    def to_storage(self) -> str:
        """The string kept in the OS keyring. Secret."""
        ...


@runtime_checkable
class HeaderCredential(Credential, Protocol):
    """A credential sent as it is, in one fixed `Authorization` header (the classic AfasToken)."""

    def authorization_header(self) -> str:
        """The full `Authorization` header value. Secret."""
        ...


class ClassicToken(BaseModel):
    """An AFAS classic user token: `<token><version>1</version><data>64 hex</data></token>`."""

    model_config = ConfigDict(frozen=True)

    kind: Literal["classic-token"] = "classic-token"
    version: int = 1
    data: SecretStr

    def model_post_init(self, _context: object) -> None:
        redact.register(*self.secret_forms())

    def xml(self) -> str:
        return f"<token><version>{self.version}</version><data>{self.data.get_secret_value()}</data></token>"

    def header_token(self) -> str:
        return base64.b64encode(self.xml().encode("utf-8")).decode("ascii")

    def authorization_header(self) -> str:
        return f"AfasToken {self.header_token()}"

    def secret_forms(self) -> tuple[str, ...]:
        data = self.data.get_secret_value()
        return (self.xml(), data, data.upper(), data.lower(), self.header_token())

    def to_storage(self) -> str:
        return self.xml()

    def fingerprint(self) -> str:
        """Safe to show: the last 4 characters of the data, as AFAS's token list helps to recognise it."""
        return "…" + self.data.get_secret_value()[-4:]


def _err(en: str, nl: str, **values: object) -> InputError:
    return InputError(Text(en=en, nl=nl).format(**values))


def _normalise(text: str) -> str:
    value = text.translate(_INVISIBLE).replace("\u00a0", " ")
    # HTML-escaped tags (copied from a web page or a mail's source), possibly escaped twice.
    for _ in range(2):
        if "&lt;" in value.lower() or "&amp;" in value.lower():
            value = html.unescape(value)
    return value.strip()


def _check_data(data: str) -> str:
    compact = _SPACES.sub("", data)
    if not compact:
        raise _err("The token's data part is empty.", "Het data-deel van het token is leeg.")
    if not _HEX.match(compact):
        bad = next(ch for ch in compact if ch not in string.hexdigits)
        raise _err(
            "The token's data may contain only the characters 0-9 and A-F, but it contains '{ch}'. "
            "Copy the token again with AFAS's Kopiëren button.",
            "De data van het token mag alleen de tekens 0-9 en A-F bevatten, maar bevat '{ch}'. "
            "Kopieer het token opnieuw met de knop Kopiëren in AFAS.",
            ch=bad if bad.isprintable() else repr(bad),
        )
    if len(compact) == 2 * DATA_LENGTH:
        raise _err(
            "This looks like two tokens pasted together (128 characters). Paste one token.",
            "Dit lijken twee tokens achter elkaar (128 tekens). Plak één token.",
        )
    if len(compact) != DATA_LENGTH:
        # AFAS help pages show shorter placeholder data, but every real token seen is 64 hex (afas-api.md §2.1).
        raise _err(
            "The token's data has {n} characters; an AFAS token has exactly 64. Part of it is missing "
            "or something extra was copied.",
            "De data van het token heeft {n} tekens; een AFAS-token heeft er precies 64. Er ontbreekt "
            "een stuk of er is iets extra meegekopieerd.",
            n=len(compact),
        )
    return compact


def _from_xml(value: str) -> ClassicToken:
    if len(_TOKEN_TAG.findall(value)) > 1:
        raise _err(
            "Two tokens were pasted. Paste one token.",
            "Er zijn twee tokens geplakt. Plak één token.",
        )
    match = _XML.search(value)
    if not match:
        raise _err(
            "The token is incomplete: part of it is missing. Copy the whole token again with AFAS's Kopiëren button.",
            "Het token is onvolledig: er ontbreekt een deel. Kopieer het hele token opnieuw met de knop Kopiëren "
            "in AFAS.",
        )
    rest = (value[: match.start()] + value[match.end() :]).strip()
    if rest:
        raise _err(
            "There is extra text around the token. Paste only the token.",
            "Er staat extra tekst rond het token. Plak alleen het token.",
        )
    version_text = match.group("version")
    # ASCII digits, and few: isdigit() accepts '²' and '٣', and int() of 5000 digits raises (Python's digit limit).
    if not _VERSION.fullmatch(version_text):
        raise _err(
            "The token's version '{v}' is not a number AFAS uses (expected 1).",
            "De versie '{v}' van het token is geen getal dat AFAS gebruikt (verwacht 1).",
            v=redact.excerpt(version_text, 10),
        )
    return ClassicToken(version=int(version_text), data=SecretStr(_check_data(match.group("data"))))


def parse_classic_token(text: str) -> ClassicToken:
    """Accept the XML form, the 64-hex data part alone, or the Base64 of the XML (optionally after 'AfasToken ')."""
    value = _normalise(text)
    if not value:
        raise _err(
            "The token is empty. Paste the token that AFAS showed when you created it.",
            "Het token is leeg. Plak het token dat AFAS toonde toen u het aanmaakte.",
        )
    if "<" in value or ">" in value:
        return _from_xml(value)
    compact = _SPACES.sub("", value)
    if compact.lower().startswith("afastoken"):
        compact = compact[len("afastoken") :]
    # Hex before Base64: 64 hex characters are also valid Base64, and must never be mistaken for it.
    if _HEX.match(compact):
        return ClassicToken(data=SecretStr(_check_data(compact)))
    if _BASE64.fullmatch(compact) and len(compact) % 4 == 0 and len(compact) >= 24:
        try:
            decoded = base64.b64decode(compact, validate=True).decode("utf-8")
        except (binascii.Error, UnicodeDecodeError):
            decoded = ""
        if "<token>" in decoded.lower():
            return _from_xml(_normalise(decoded))
    if len(value.split()) > 1 and all(_HEX.match(part) for part in value.split()):
        raise _err(
            "This looks like two tokens pasted together. Paste one token.",
            "Dit lijken twee tokens achter elkaar. Plak één token.",
        )
    return ClassicToken(data=SecretStr(_check_data(compact)))


def credential_from_storage(stored: str) -> Credential:
    """Rebuild a credential from what `to_storage()` put in the keyring: an OAuth client (JSON) or a classic token
    (XML, or the bare data typed in by hand). A damaged entry is an InputError that never quotes it."""
    if is_oauth_storage(stored):
        return parse_oauth_storage(stored)
    return parse_classic_token(stored)
