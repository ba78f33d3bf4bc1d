"""The OAuth token endpoint (afas-oauth.md §2.1-2.3): where it is, and what its answer gives — an access token with
its lifetime, or a problem of the one AFAS problem type (wizard.afas.errors). The access token is a secret: registered
with `wizard.domain.redact` as soon as it is read, in every form an output could give it.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

import httpx
from pydantic import SecretStr

from wizard.afas.errors import AfasProblem, Endpoint, Problem
from wizard.afas.reading import bounded_seconds, decode_json, retry_after
from wizard.domain import redact

TOKEN_PATH = "/oauth/token"


def token_url(rest_base_url: str) -> str:
    """`{base}/oauth/token` (afas-oauth.md §1 item 1): the same host as the REST API, so the env type must match."""
    return rest_base_url.rstrip("/") + TOKEN_PATH


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
    "invalid_client": Problem.INVALID_CLIENT,
    "unauthorized_client": Problem.UNAUTHORIZED_CLIENT,
    "invalid_request": Problem.INVALID_REQUEST,
    "unsupported_grant_type": Problem.UNSUPPORTED_GRANT,
    "use_dpop_nonce": Problem.DPOP_REQUIRED,
}


def classify_token_response(
    status: int, headers: httpx.Headers, text: str, *, url: str, now: float
) -> TokenGrant | AfasProblem:
    """Every token-endpoint answer in afas-oauth.md §2.2-2.3 becomes a grant or a problem."""
    body = decode_json(text)[1]
    data = body if isinstance(body, dict) else {}
    error = _short(data.get("error"), 60)
    description = _short(data.get("error_description"))

    def fail(kind: Problem, retry_after: float | None = None) -> AfasProblem:
        return AfasProblem(
            kind,
            status=status,
            external_message=description,
            retry_after=retry_after,
            endpoint=Endpoint.TOKEN,
            url=url,
            error=error,
        )

    if status == 200:
        token = data.get("access_token")
        if not isinstance(token, str) or not token.strip():
            return fail(Problem.MALFORMED)
        token = token.strip()
        # Before anything else could show it, in every form an output may give it (escaped in JSON or a repr).
        redact.register(token, f"Bearer {token}", json.dumps(token)[1:-1], repr(token)[1:-1])
        if not set(token) <= _TOKEN_CHARS:  # CR/LF or non-ASCII: not a header value, so no request can carry it
            return fail(Problem.MALFORMED)
        token_type = data.get("token_type", "Bearer")
        if isinstance(token_type, str) and token_type.lower() == "dpop":
            return fail(Problem.DPOP_REQUIRED)
        if not isinstance(token_type, str) or token_type.lower() != "bearer":
            return fail(Problem.MALFORMED)
        seconds = _expires_in(data.get("expires_in"))
        if seconds is None and "expires_in" in data:
            return fail(Problem.MALFORMED)
        # refresh_token: null (Profit 8) or absent (Profit 9); the client-credentials flow has none to use.
        return TokenGrant(SecretStr(token), max(seconds or _DEFAULT_EXPIRES_IN, MIN_LIFETIME), now)
    if error == "unauthorized_client" and description and "unknown appconnector" in description.lower():
        return fail(Problem.WRONG_ENVIRONMENT)
    if error in _ERRORS:
        return fail(_ERRORS[error])
    if status == 401:  # failed Basic authentication: 401 + WWW-Authenticate: Basic (S1), with or without a body
        return fail(Problem.INVALID_CLIENT)
    if status == 403:
        return fail(Problem.FORBIDDEN)
    if status == 404:
        return fail(Problem.NOT_FOUND)
    if status == 503:
        return fail(Problem.MAINTENANCE, retry_after(headers, data))
    if 200 <= status < 300 or (status == 400 and not error):
        return fail(Problem.MALFORMED)
    return fail(Problem.UNEXPECTED)
