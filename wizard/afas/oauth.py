"""OAuth client credentials on the wire: the httpx.Auth flow that fetches, keeps and renews AFAS access tokens
(afas-oauth.md §2.1-2.4), and `auth_for`, the one place a credential becomes request authentication. The client
secret is a secret: never in an exception, a log line or a repr.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncGenerator, Callable, Generator
from dataclasses import dataclass
from typing import Literal

import httpx

from wizard.afas.challenge import is_invalid_token
from wizard.afas.errors import AfasProblem
from wizard.afas.reading import decode_text, read_bounded
from wizard.afas.token import TokenGrant, classify_token_response, token_url
from wizard.domain.credentials import Credential, HeaderCredential
from wizard.domain.errors import UserFacingError
from wizard.domain.oauth import OAuthClientCredentials

FORM = "application/x-www-form-urlencoded"
# Headers of the API request that the token request carries too: AFAS counts partners by IntegrationId (S12).
_COPIED_HEADERS = ("User-Agent", "IntegrationId", "Accept-Language")


@dataclass(frozen=True)
class OAuthSettings:
    # "body" (client_secret_post) works in every Profit version; "basic" is documented, but "From Profit 9" in
    # S1 (afas-oauth.md §2.1): a setting, never the default.
    client_auth: Literal["body", "basic"] = "body"
    renew_margin: float = 60.0  # renew this many seconds before expires_in runs out (there is no refresh token)
    clock: Callable[[], float] = time.monotonic


class OAuthTokenError(UserFacingError):
    """The token request failed; raised out of `client.send()`. Carries no secret, only the classified problem."""

    def __init__(self, problem: AfasProblem) -> None:
        super().__init__(problem.message(), detail=problem.technical())
        self.problem = problem


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
        self._failure: AfasProblem | None = None
        self._alock: asyncio.Lock | None = None
        self.token_requests = 0  # for tests and the benchmark: one per run is the goal

    def __repr__(self) -> str:
        return f"OAuthClientAuth(client_id={self._credential.client_id!r}, url={self._url!r})"

    def _usable(self) -> TokenGrant | None:
        grant = self._grant
        if grant is None:
            return None
        margin = min(self._settings.renew_margin, grant.expires_in / 2)
        if self._settings.clock() >= grant.obtained_at + grant.expires_in - margin:
            return None
        return grant

    @property
    def url(self) -> str:
        return self._url

    def token_request(self, original: httpx.Request) -> httpx.Request:
        """The token request alone (the credential step's probe sends it without calling the API)."""
        return self._token_request(original)

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

    def _accept(self, response: httpx.Response, content: bytes, *, after_rejection: bool) -> TokenGrant:
        text = decode_text(content, response.charset_encoding)
        result = classify_token_response(
            response.status_code, response.headers, text, url=self._url, now=self._settings.clock()
        )
        if isinstance(result, AfasProblem):
            self._failure = result
            raise OAuthTokenError(result)
        grant = TokenGrant(result.access_token, result.expires_in, result.obtained_at, after_rejection)
        self._grant = grant
        return grant

    @staticmethod
    def _apply(request: httpx.Request, grant: TokenGrant) -> httpx.Request:
        request.headers["Authorization"] = grant.header()
        return request

    async def async_auth_flow(self, request: httpx.Request) -> AsyncGenerator[httpx.Request, httpx.Response]:
        if self._alock is None:
            self._alock = asyncio.Lock()
        async with self._alock:
            grant = self._usable()
            if grant is None:
                answer = yield self._token_request(request)
                grant = self._accept(answer, await read_bounded(answer), after_rejection=False)
        response = yield self._apply(request, grant)
        if grant.after_rejection or not is_invalid_token(response):
            return
        async with self._alock:
            current = self._usable()
            if current is None or current is grant:  # nobody renewed meanwhile: renew once
                answer = yield self._token_request(request)
                current = self._accept(answer, await read_bounded(answer), after_rejection=True)
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
