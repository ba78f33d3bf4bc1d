"""OAuth client credentials on the wire: the httpx.Auth flow that fetches and renews AFAS access tokens, and the
classifier that turns every token-endpoint answer into a typed problem with a remedy (afas-oauth.md §2.1-2.4).

Why one module of ~520 lines: the flow and the classifier share the error type and the screen labels, and the
lead wires both in one place (`auth_for`). The access token and the client secret are secrets: registered with
`wizard.domain.redact` as soon as they exist, never in an exception, a log line or a repr.
"""

from __future__ import annotations

import asyncio
import json
import time
from collections.abc import AsyncGenerator, Callable, Generator
from dataclasses import dataclass
from enum import StrEnum
from typing import Literal

import httpx
from pydantic import SecretStr

from wizard.afas.challenge import is_invalid_token
from wizard.afas.reading import bounded_seconds, decode_json, decode_text, read_bounded, retry_after
from wizard.data import screens
from wizard.domain import redact
from wizard.domain.afas_screens import AfasPath
from wizard.domain.credentials import Credential, HeaderCredential
from wizard.domain.errors import UserFacingError
from wizard.domain.oauth import OAuthClientCredentials
from wizard.domain.text import Text

# Every AFAS label and path comes from connectors/afas.toml (wizard.data.screens()); the OAuth captions there are
# UNCONFIRMED (afas-oauth.md §6.1): only the words AFAS quotes are used.
HELPDESK = "helpdesk@smartbooqing.com"

TOKEN_PATH = "/oauth/token"
FORM = "application/x-www-form-urlencoded"
# Headers of the API request that the token request carries too: AFAS counts partners by IntegrationId (S12).
_COPIED_HEADERS = ("User-Agent", "IntegrationId", "Accept-Language")


def token_url(rest_base_url: str) -> str:
    """`{base}/oauth/token` (afas-oauth.md §1 item 1): the same host as the REST API, so the env type must match."""
    return rest_base_url.rstrip("/") + TOKEN_PATH


@dataclass(frozen=True)
class OAuthSettings:
    # "body" (client_secret_post) works in every Profit version; "basic" is documented, but "From Profit 9" in
    # S1 (afas-oauth.md §2.1): a setting, never the default.
    client_auth: Literal["body", "basic"] = "body"
    renew_margin: float = 60.0  # renew this many seconds before expires_in runs out (there is no refresh token)
    clock: Callable[[], float] = time.monotonic


# --- the token endpoint's answers -----------------------------------------------------------------------------------


class TokenProblem(StrEnum):
    INVALID_CLIENT = "invalid-client"  # unknown or blocked client, wrong/expired/revoked secret (400, or 401+Basic)
    UNAUTHORIZED_CLIENT = "unauthorized-client"  # "The app connector may not use this flow"
    WRONG_ENVIRONMENT = "wrong-environment"  # unauthorized_client "Unknown AppConnector": wrong env host (S13)
    INVALID_REQUEST = "invalid-request"  # the form was refused (two auth methods, Basic before Profit 9?)
    UNSUPPORTED_GRANT = "unsupported-grant-type"
    DPOP_REQUIRED = "dpop-required"  # use_dpop_nonce or token_type DPoP: a public-client app connector
    FORBIDDEN = "forbidden"  # 403: IP restriction (UNCONFIRMED that it gates /oauth/token)
    NO_TOKEN_ENDPOINT = "no-token-endpoint"  # 404: no OAuth on this address
    MAINTENANCE = "maintenance"  # 503
    MALFORMED = "malformed"  # not the JSON AFAS sends
    UNEXPECTED = "unexpected"


_IMPOSSIBLE = {TokenProblem.FORBIDDEN, TokenProblem.MAINTENANCE}

_MESSAGES: dict[TokenProblem, Text] = {
    TokenProblem.INVALID_CLIENT: Text(
        en="AFAS does not accept the client id and client secret", nl="AFAS accepteert de client id en het secret niet"
    ),
    TokenProblem.UNAUTHORIZED_CLIENT: Text(
        en="AFAS says this app connector may not use OAuth client credentials",
        nl="AFAS meldt dat deze app connector geen OAuth client credentials mag gebruiken",
    ),
    TokenProblem.WRONG_ENVIRONMENT: Text(
        en="AFAS does not know this client on this environment ('Unknown AppConnector')",
        nl="AFAS kent deze client niet in deze omgeving ('Unknown AppConnector')",
    ),
    TokenProblem.INVALID_REQUEST: Text(
        en="AFAS refused the token request as invalid", nl="AFAS weigerde de tokenaanvraag als ongeldig"
    ),
    TokenProblem.UNSUPPORTED_GRANT: Text(
        en="AFAS does not offer the client credentials flow here",
        nl="AFAS biedt de client credentials flow hier niet aan",
    ),
    TokenProblem.DPOP_REQUIRED: Text(
        en="AFAS asks for DPoP: the app connector is set up as a public client",
        nl="AFAS vraagt om DPoP: de app connector is ingericht als public client",
    ),
    TokenProblem.FORBIDDEN: Text(
        en="AFAS refused this computer's address at the token endpoint (HTTP 403: IP restriction)",
        nl="AFAS weigert het adres van deze computer bij het token-endpoint (HTTP 403: IP-restrictie)",
    ),
    TokenProblem.NO_TOKEN_ENDPOINT: Text(
        en="This environment has no OAuth token endpoint (HTTP 404)",
        nl="Deze omgeving heeft geen OAuth-token-endpoint (HTTP 404)",
    ),
    TokenProblem.MAINTENANCE: Text(
        en="AFAS is in maintenance; try again later (see afasstatus.nl)",
        nl="AFAS is in onderhoud; probeer het later opnieuw (zie afasstatus.nl)",
    ),
    TokenProblem.MALFORMED: Text(
        en="The token endpoint sent an answer that is not what AFAS sends",
        nl="Het token-endpoint stuurde een antwoord dat AFAS normaal niet stuurt",
    ),
    TokenProblem.UNEXPECTED: Text(
        en="The token endpoint answered unexpectedly", nl="Het token-endpoint antwoordde onverwacht"
    ),
}

_YOUR_APP = Text(en="the SmartBooqing app connector", nl="de app connector voor SmartBooqing")


def app_connector_path(app: str | None) -> AfasPath:
    """The way to the app connector: its list in AFAS's menu, then the app connector (by name, or described)."""
    return screens().app_connector_list.menu.then(app or _YOUR_APP)


def auth_type_path(app: str | None) -> Text:
    """Where the app connector's Authenticatietype is set."""
    return app_connector_path(app).then(screens().app_connector.fields.auth_type).text


def client_secret_path(app: str | None) -> Text:
    """Where the app connector's OAuth client secret is made (which tab is UNCONFIRMED, afas-oauth.md §6.1)."""
    return app_connector_path(app).then(screens().app_connector.fields.client_secret).text


def auth_type_values() -> dict[str, Text]:
    """The Authenticatietype values as a sentence shows them: 'Hybride (Hybrid)' for English readers."""
    types = screens().app_connector.auth_types
    return {"classic": types.classic.glossed, "hybrid": types.hybrid.glossed, "oauth": types.oauth.glossed}


def _auth_type_remedy(app: str | None) -> Text:
    values = auth_type_values()
    return Text(
        en="In AFAS: {path}: choose {oauth} (or {hybrid} while the classic token must keep working), not "
        "'{classic}', and use a client secret as client authentication.",
        nl="In AFAS: {path}: kies {oauth} (of {hybrid} zolang het klassieke token moet blijven werken), "
        "niet '{classic}', en gebruik een client secret als client-authenticatie.",
    ).format(path=auth_type_path(app), **values)


def _new_secret(app: str | None) -> Text:
    return Text(
        en="create a new secret in AFAS ({path}), paste it here and give it to SmartBooqing; then revoke the old one.",
        nl="maak een nieuw secret aan in AFAS ({path}), plak het hier en geef het aan SmartBooqing; trek daarna het "
        "oude in.",
    ).format(path=client_secret_path(app))


@dataclass(frozen=True)
class TokenFailure:
    """One refused or failed token request. Holds no secret: AFAS's words are redacted and shortened."""

    kind: TokenProblem
    status: int | None
    url: str
    error: str | None = None  # AFAS's `error` code, as sent (untrusted, shortened)
    description: str | None = None  # AFAS's `error_description` (untrusted, redacted, shortened)
    retry_after: float | None = None

    @property
    def impossible(self) -> bool:
        """Verification cannot say anything right now (CLI exit 3), rather than: the setup has a defect."""
        return self.kind in _IMPOSSIBLE

    def message(self) -> Text:
        return _MESSAGES[self.kind]

    def technical(self) -> str:
        parts = [f"POST {self.url}", f"HTTP {self.status}" if self.status else self.kind.value]
        if self.error:
            parts.append(f"error={self.error}")
        if self.description:
            parts.append(f"error_description={self.description!r}")
        return redact.redact("; ".join(parts))

    def remedy(self, app: str | None = None, secret_expired: Text | None = None) -> Text:
        """What to fix in AFAS. `secret_expired`: the long date the user gave for the secret, when it has passed
        (`wizard.verify.oauth_checks.secret_expired_on`)."""
        path = app_connector_path(app)
        a = screens().app_connector
        kind = self.kind
        if kind is TokenProblem.INVALID_CLIENT:
            if secret_expired is not None:
                return Text(
                    en="The client secret expired on {date}: ", nl="Het client secret is verlopen op {date}: "
                ).format(date=secret_expired) + _new_secret(app)
            return Text(
                en="Check, in this order: (1) the client id is the {cid}; (2) the client secret is the current one: "
                "not expired (Profit 9 shows its expiry date in the app connector) and not revoked; (3) the app "
                "connector is not blocked: {general}: untick {blocked}; (4) {auth_type} is {oauth} or {hybrid}; (5) "
                "the environment number and type (O/T/A) are those of this app connector. If unsure, ",
                nl="Controleer in deze volgorde: (1) de client id is de {cid}; (2) het client secret is het huidige: "
                "niet verlopen (Profit 9 toont de vervaldatum in de app connector) en niet ingetrokken; (3) de app "
                "connector is niet geblokkeerd: {general}: vink {blocked} uit; (4) {auth_type} staat op {oauth} of "
                "{hybrid}; (5) omgevingsnummer en -type (O/T/A) zijn die van deze app connector. Twijfel? ",
            ).format(
                cid=path.then(a.fields.client_id).text,
                general=path.then(a.tabs.general).text,
                blocked=a.fields.blocked.nl,
                auth_type=auth_type_path(app),
                **auth_type_values(),
            ) + _new_secret(app)
        if kind is TokenProblem.UNAUTHORIZED_CLIENT:
            # Profit 8 may answer a wrong secret this way too (afas-oauth.md §2.3, UNCONFIRMED): say both.
            return (
                _auth_type_remedy(app)
                + Text(
                    en=" If it already is, the client secret may be wrong or revoked: ",
                    nl=" Staat het daar al op, dan is het client secret mogelijk onjuist of ingetrokken: ",
                )
                + _new_secret(app)
            )
        if kind is TokenProblem.UNSUPPORTED_GRANT:
            return _auth_type_remedy(app)
        if kind is TokenProblem.WRONG_ENVIRONMENT:
            return Text(
                en="The token was requested at {url}. Check the environment number and type (production O, test T, "
                "accept A): they must be those of the environment in which {path} was made.",
                nl="Het token is aangevraagd bij {url}. Controleer het omgevingsnummer en -type (productie O, test T, "
                "accept A): die moeten horen bij de omgeving waarin {path} is gemaakt.",
            ).format(url=self.url, path=path.text)
        if kind is TokenProblem.INVALID_REQUEST:
            return Text(
                en="This Profit version may not accept the client authentication used. Try again with the secret in "
                "the request body (the default, not --client-auth basic); if that fails too, contact {hd}.",
                nl="Deze Profit-versie accepteert de gebruikte client-authenticatie mogelijk niet. Probeer opnieuw met "
                "het secret in de aanvraag (de standaard, niet --client-auth basic); lukt dat ook niet, neem dan "
                "contact op met {hd}.",
            ).format(hd=HELPDESK)
        if kind is TokenProblem.DPOP_REQUIRED:
            return Text(
                en="SmartBooqing's server is a confidential client. In AFAS: {path}: set it up as a confidential "
                "client with a client secret, not as a public client.",
                nl="De server van SmartBooqing is een confidential client. In AFAS: {path}: richt deze in als "
                "confidential client met een client secret, niet als public client.",
            ).format(path=path.text)
        if kind is TokenProblem.FORBIDDEN:
            return Text(
                en="The app connector only accepts certain addresses: {path}. Allow this computer's public address "
                "while you check.",
                nl="De app connector accepteert alleen bepaalde adressen: {path}. Sta het openbare adres van deze "
                "computer toe zolang u controleert.",
            ).format(path=path.then(a.tabs.ip).text)
        if kind is TokenProblem.NO_TOKEN_ENDPOINT:
            return Text(
                en="Check the environment number and type. If they are right, this Profit version does not offer "
                "OAuth yet: set up the app connector with a classic token for now.",
                nl="Controleer omgevingsnummer en -type. Kloppen die, dan biedt deze Profit-versie nog geen OAuth: "
                "richt de app connector voorlopig in met een klassiek token.",
            )
        if kind is TokenProblem.MAINTENANCE:
            return Text(
                en="Try again later; afasstatus.nl shows when maintenance ends.",
                nl="Probeer het later opnieuw; afasstatus.nl toont wanneer het onderhoud klaar is.",
            )
        return Text(
            en="Try again later; if this keeps happening, send the technical details to {hd}.",
            nl="Probeer het later opnieuw; blijft dit gebeuren, stuur dan de technische details naar {hd}.",
        ).format(hd=HELPDESK)


class OAuthTokenError(UserFacingError):
    """The token request failed; raised out of `client.send()`. Carries no secret, only the classified failure."""

    def __init__(self, failure: TokenFailure) -> None:
        super().__init__(failure.message(), detail=failure.technical())
        self.failure = failure


@dataclass(frozen=True)
class TokenGrant:
    access_token: SecretStr
    expires_in: float
    obtained_at: float
    after_rejection: bool = False  # fetched because AFAS rejected the previous token: no second renewal

    def header(self) -> str:
        return f"Bearer {self.access_token.get_secret_value()}"


# C0 and C1 control characters become spaces in AFAS's words: they are shown in one line of a message.
_CONTROLS = {c: " " for c in [*range(0x20), *range(0x7F, 0xA0)]}


def _short(value: object, limit: int = 200) -> str | None:
    if not isinstance(value, str):
        return None
    return redact.excerpt(value, limit).translate(_CONTROLS)  # redacted before it is changed or cut


def _expires_in(value: object) -> float | None:
    """A number (Profit 9) or a numeric string (Profit 8: "3600", afas-oauth.md §2.2), at most a day; None when it
    is neither or not positive."""
    seconds = bounded_seconds(value)
    return seconds if seconds else None


# Renewal happens this long after a token was issued at the earliest, whatever expires_in says: a lifetime of 1e-300
# would otherwise ask for a new token before every call.
MIN_LIFETIME = 60.0
# A valid header value, as RFC 6750's b64token and every opaque token AFAS sends are: visible ASCII, no spaces.
_TOKEN_CHARS = frozenset(chr(c) for c in range(0x21, 0x7F))


# Lenient where AFAS's docs disagree: a missing expires_in gets a short life, so renewal happens early (UNCONFIRMED
# that AFAS ever omits it).
_DEFAULT_EXPIRES_IN = 300.0
_ERRORS = {
    "invalid_client": TokenProblem.INVALID_CLIENT,
    "unauthorized_client": TokenProblem.UNAUTHORIZED_CLIENT,
    "invalid_request": TokenProblem.INVALID_REQUEST,
    "unsupported_grant_type": TokenProblem.UNSUPPORTED_GRANT,
    "use_dpop_nonce": TokenProblem.DPOP_REQUIRED,
}


def classify_token_response(
    status: int, headers: httpx.Headers, text: str, *, url: str, now: float
) -> TokenGrant | TokenFailure:
    """Every token-endpoint answer in afas-oauth.md §2.2-2.3 becomes a grant or a typed failure."""
    body = decode_json(text)[1]
    data = body if isinstance(body, dict) else {}
    error = _short(data.get("error"), 60)
    description = _short(data.get("error_description"))

    def fail(kind: TokenProblem, retry_after: float | None = None) -> TokenFailure:
        return TokenFailure(kind, status, url, error=error, description=description, retry_after=retry_after)

    if status == 200:
        token = data.get("access_token")
        if not isinstance(token, str) or not token.strip():
            return fail(TokenProblem.MALFORMED)
        token = token.strip()
        # Before anything else could show it, in every form an output may give it (escaped in JSON or a repr).
        redact.register(token, f"Bearer {token}", json.dumps(token)[1:-1], repr(token)[1:-1])
        if not set(token) <= _TOKEN_CHARS:  # CR/LF or non-ASCII: not a header value, so no request can carry it
            return fail(TokenProblem.MALFORMED)
        token_type = data.get("token_type", "Bearer")
        if isinstance(token_type, str) and token_type.lower() == "dpop":
            return fail(TokenProblem.DPOP_REQUIRED)
        if not isinstance(token_type, str) or token_type.lower() != "bearer":
            return fail(TokenProblem.MALFORMED)
        seconds = _expires_in(data.get("expires_in"))
        if seconds is None and "expires_in" in data:
            return fail(TokenProblem.MALFORMED)
        # refresh_token: null (Profit 8) or absent (Profit 9); the client-credentials flow has none to use.
        return TokenGrant(SecretStr(token), max(seconds or _DEFAULT_EXPIRES_IN, MIN_LIFETIME), now)
    if error == "unauthorized_client" and description and "unknown appconnector" in description.lower():
        return fail(TokenProblem.WRONG_ENVIRONMENT)
    if error in _ERRORS:
        return fail(_ERRORS[error])
    if status == 401:  # failed Basic authentication: 401 + WWW-Authenticate: Basic (S1), with or without a body
        return fail(TokenProblem.INVALID_CLIENT)
    if status == 403:
        return fail(TokenProblem.FORBIDDEN)
    if status == 404:
        return fail(TokenProblem.NO_TOKEN_ENDPOINT)
    if status == 503:
        return fail(TokenProblem.MAINTENANCE, retry_after(headers, data))
    if 200 <= status < 300 or (status == 400 and not error):
        return fail(TokenProblem.MALFORMED)
    return fail(TokenProblem.UNEXPECTED)


# --- the auth flow --------------------------------------------------------------------------------------------------


class OAuthClientAuth(httpx.Auth):
    """Client credentials -> `Authorization: Bearer`. One token request however many calls start at once (a lock
    around fetching); renewed `renew_margin` seconds before it expires; after a 401 `Bearer error="invalid_token"`
    renewed once, and the retried call's answer is final. A failed token request raises OAuthTokenError, and the
    same failure is raised again without a new request for the rest of the run (one AfasClient = one run)."""

    def __init__(self, credential: OAuthClientCredentials, url: str, settings: OAuthSettings | None = None) -> None:
        self._credential = credential
        self._url = url
        self._settings = settings or OAuthSettings()
        self._grant: TokenGrant | None = None
        self._failure: TokenFailure | None = None
        self._alock: asyncio.Lock | None = None
        self.token_requests = 0  # for tests and the benchmark: one per run is the goal

    def __repr__(self) -> str:
        return f"OAuthClientAuth(client_id={self._credential.client_id!r}, url={self._url!r})"

    # -- helpers shared by both flows --

    def _usable(self) -> TokenGrant | None:
        grant = self._grant
        if grant is None:
            return None
        margin = min(self._settings.renew_margin, grant.expires_in / 2)
        if self._settings.clock() >= grant.obtained_at + grant.expires_in - margin:
            return None
        return grant

    def _token_request(self, original: httpx.Request) -> httpx.Request:
        if self._failure is not None:
            raise OAuthTokenError(self._failure)
        self.token_requests += 1
        form = {"grant_type": "client_credentials"}
        headers = {"Accept": "application/json", "Content-Type": FORM}
        for name in _COPIED_HEADERS:
            if name in original.headers:
                headers[name] = original.headers[name]
        if self._settings.client_auth == "basic":
            headers["Authorization"] = self._credential.basic_header()  # exactly one method: nothing in the body
        else:
            form["client_id"] = self._credential.client_id
            form["client_secret"] = self._credential.secret()
        return httpx.Request("POST", self._url, data=form, headers=headers)

    def _accept(self, response: httpx.Response, *, after_rejection: bool) -> TokenGrant:
        text = decode_text(response.content, response.charset_encoding)
        result = classify_token_response(
            response.status_code, response.headers, text, url=self._url, now=self._settings.clock()
        )
        if isinstance(result, TokenFailure):
            self._failure = result
            raise OAuthTokenError(result)
        grant = TokenGrant(result.access_token, result.expires_in, result.obtained_at, after_rejection)
        self._grant = grant
        return grant

    @staticmethod
    def _apply(request: httpx.Request, grant: TokenGrant) -> httpx.Request:
        request.headers["Authorization"] = grant.header()
        return request

    def reset(self) -> None:
        """Forget the token and any failure (a new run with the same auth object)."""
        self._grant = None
        self._failure = None

    # -- async (the AFAS client) --

    async def async_auth_flow(self, request: httpx.Request) -> AsyncGenerator[httpx.Request, httpx.Response]:
        if self._alock is None:
            self._alock = asyncio.Lock()
        async with self._alock:
            grant = self._usable()
            if grant is None:
                answer = yield self._token_request(request)
                await read_bounded(answer)
                await answer.aread()  # the bounded copy: `content` for _accept
                grant = self._accept(answer, after_rejection=False)
        response = yield self._apply(request, grant)
        if grant.after_rejection or not is_invalid_token(response):
            return
        async with self._alock:
            current = self._usable()
            if current is None or current is grant:  # nobody renewed meanwhile: renew once
                answer = yield self._token_request(request)
                await read_bounded(answer)
                await answer.aread()  # the bounded copy: `content` for _accept
                current = self._accept(answer, after_rejection=True)
        yield self._apply(request, current)  # httpx reads and keeps the rejected answer in `history`

    def sync_auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        raise TypeError("OAuthClientAuth works with httpx.AsyncClient only (the AFAS client)")


class AfasAuth(httpx.Auth):
    """A credential with a fixed header (the classic token): the same `Authorization` on every request."""

    def __init__(self, credential: HeaderCredential) -> None:
        self._credential = credential

    def __repr__(self) -> str:
        return f"AfasAuth(kind={self._credential.kind!r})"

    def auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        request.headers["Authorization"] = self._credential.authorization_header()
        yield request


def auth_for(credential: Credential, rest_base_url: str, settings: OAuthSettings | None = None) -> httpx.Auth:
    """The one place the AFAS client chooses how a credential authenticates: OAuth client credentials get the
    token flow at `{rest base}/oauth/token`; a credential with a fixed header (the classic token) gets AfasAuth.
    A later private-key JWT credential (Profit 9) adds a branch here that reuses OAuthClientAuth, with a signed
    client assertion in the token request's form in place of the client secret."""
    if isinstance(credential, OAuthClientCredentials):
        return OAuthClientAuth(credential, token_url(rest_base_url), settings)
    if isinstance(credential, HeaderCredential):
        return AfasAuth(credential)
    raise TypeError(f"no request authentication for credential kind {credential.kind!r}")
