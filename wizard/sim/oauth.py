"""The simulated app connector's OAuth side: its authentication type, its OAuth client and secrets, the token
endpoint with AFAS's error matrix, Bearer access tokens, and the admin operations (afas-oauth.md §1.2-2.4).

Each `SimEnvironment` holds one as `env.oauth` (sharing the environment's lock, date and Geblokkeerd); the REST and
SOAP checks call `check_authorization(header)` before the classic-token check, `rest_oauth` serves the token
endpoint inside AFAS's envelope, and `admin_api` mounts `wizard.sim.oauth_admin`'s routes behind the admin guard.
Behaviour the reference marks UNCONFIRMED is an `OAuthSimSettings` field, each citing its section."""

from __future__ import annotations

import base64
import binascii
import dataclasses
import datetime as dt
import secrets
import threading
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Literal, get_args
from urllib.parse import parse_qsl, unquote_plus

from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import BaseRoute, Route

from wizard.sim.setting import DECIDES, setting

AuthType = Literal["classic", "hybrid", "oauth"]
AUTH_TYPES: tuple[AuthType, ...] = get_args(AuthType)
FORM = "application/x-www-form-urlencoded"
_BAD_FORM = "Invalid HTTP request for token endpoint"  # quoted from S3 (afas-oauth.md §2.1)


@dataclass
class OAuthSimSettings:
    """AFAS's OAuth behaviour per environment; the defaults follow the newest documentation (S1, Profit 9)."""

    # Answer shapes (afas-oauth.md §2.2): 9 = expires_in a number, no refresh_token; 8 = "expires_in": "3600" as a
    # string and "refresh_token": null (S2, S6).
    profit_version: Literal[8, 9] = setting(
        9,
        "the answer shapes: 8 = expires_in as a string and refresh_token null, no secret expiry, WWW-Authenticate "
        "Bearer without DPoP",
    )
    # The captions of "Authenticatietype" (afas-oauth.md §1.1, §6.2): only "Classic token (2)" is seen (S14); the
    # other captions and numbers are UNCONFIRMED.
    auth_type_labels: dict[str, str] = field(
        default_factory=lambda: {"classic": "Classic token (2)", "hybrid": "Hybride", "oauth": "OAuth"},
        metadata={
            DECIDES: 'the Authenticatietype captions (auth_type_label in the state); only "Classic token (2)" is seen'
        },
    )
    # An unknown client (afas-oauth.md §2.3, §6.6): the docs say invalid_client; a practitioner on Profit 8 saw
    # unauthorized_client "Unknown AppConnector" on the wrong environment host (S13). UNCONFIRMED which applies.
    unknown_client_error: Literal["invalid_client", "unauthorized_client"] = setting(
        "invalid_client",
        "an unknown client id: the docs' answer, or what a practitioner saw on the wrong host (\"Unknown "
        'AppConnector")',
    )
    # client_secret_basic before Profit 9 (afas-oauth.md §2.1, §6.5): S1 says "From Profit 9", S3/S4 document it
    # without a version. UNCONFIRMED; "invalid_request" models an older Profit that refuses it.
    basic_before_profit9: Literal["accepted", "invalid_request"] = setting(
        "accepted", "HTTP Basic client authentication on Profit 8"
    )
    # A wrong secret on Profit 8 (afas-oauth.md §2.3): NL S2 says invalid_client applies to a wrong secret only
    # "vanaf Profit 9". UNCONFIRMED what Profit 8 answers.
    wrong_secret_profit8: Literal["invalid_client", "unauthorized_client"] = setting(
        "invalid_client", "the token endpoint's answer to a wrong secret on Profit 8"
    )
    # A token request while the app connector is still on Classic token (afas-oauth.md §1.4): UNCONFIRMED;
    # "The app connector may not use this flow" (unauthorized_client, S3) fits best.
    token_under_classic: Literal["unauthorized_client", "invalid_client"] = setting(
        "unauthorized_client", "the answer to a token request while the type is Classic token"
    )
    # What a classic token gets once the type is OAuth (afas-oauth.md §1.4: "probably 401, not verified"):
    # "offer" = 401 whose WWW-Authenticate offers Bearer (and DPoP from Profit 9) as for no credentials (S1 §2.4);
    # "explain" = the same plus an error_description that says so; "bare" = an empty 401 without the header.
    classic_under_oauth: Literal["offer", "explain", "bare"] = setting(
        "offer",
        "a classic token under OAuth: a 401 offering Bearer (and DPoP), the same with an error_description that "
        "says classic tokens are not accepted, or an empty 401",
    )
    # A Bearer token while the type is Classic (after switching back): nothing documented. UNCONFIRMED.
    bearer_under_classic: Literal["invalid_token", "bare"] = setting(
        "invalid_token", 'a Bearer token under Classic token: a 401 with Bearer error="invalid_token", or empty'
    )
    # info.tokenExpiry of /metainfo under OAuth (afas-oauth.md §2.5, §6.4): "0", the access token's expiry, or the
    # client secret's expiry. UNCONFIRMED.
    token_expiry_under_oauth: Literal["zero", "access-token", "secret"] = setting(
        "zero",
        "/metainfo's info.tokenExpiry under a Bearer token: \"0\", the access token's expiry, or the secret's "
        "expiry date",
    )
    # Whether the app connector's IP restriction also gates /oauth/token (afas-oauth.md §1.4, §6.7): UNCONFIRMED.
    ip_restriction_on_token: bool = setting(
        False,
        "whether the IP restriction also refuses the token request (403); false: the token is issued and the API "
        "calls get the 403",
    )
    access_token_ttl: int = setting(3600, 'the seconds an access token lives ("expires_in": 3600, S1)')
    secret_validity_days: int = setting(180, "the days a new Profit 9 secret is valid (Profit 8 secrets do not expire)")
    # False: "revoke" is clicked but does not take (not saved, or another app connector): the old secret is still
    # accepted. The renewal must notice that and say so (issue 21).
    revocation_takes: bool = setting(
        True,
        "whether revoking a secret takes: false models a revocation that was clicked but did not take (the old "
        "secret is still accepted), which the renewal's last proof must notice",
    )


@dataclass
class OAuthFaults:
    """Trouble at the token endpoint; all off by default."""

    maintenance: bool = False  # 503
    forbidden: bool = False  # 403, an IP restriction (UNCONFIRMED that it gates /oauth/token, §1.4)
    garbage: bool = False  # 200 with an HTML page (a captive portal or proxy)


@dataclass
class ClientSecret:
    id: int
    value: str = field(repr=False)
    created: dt.date
    expires: dt.date | None = None  # Profit 9 only
    revoked: bool = False

    def state_on(self, day: dt.date) -> Literal["active", "expired", "revoked"]:
        if self.revoked:
            return "revoked"
        return "expired" if self.expires is not None and day > self.expires else "active"


@dataclass
class OAuthClient:
    client_id: str
    secrets: list[ClientSecret] = field(default_factory=list)


@dataclass
class IssuedToken:
    value: str = field(repr=False)
    client_id: str
    secret_id: int
    expires_at: float


@dataclass(frozen=True)
class Authorized:
    """The call may go on. `scheme` "classic": the caller checks the AfasToken as before; "bearer": done here."""

    scheme: Literal["classic", "bearer"]
    token: IssuedToken | None = None


@dataclass(frozen=True)
class Denied:
    status: int
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)
    note: str = ""  # for the request log: why, never a secret

    def response(self) -> Response:
        return Response(self.body, status_code=self.status, headers=self.headers)


class SimOAuthError(Exception):
    """An admin operation that cannot be done in this state (like AFAS greying out a button)."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code


@dataclass
class SimOAuth:
    """One app connector's OAuth state. Mutate only under `lock` (the server thread reads it concurrently)."""

    auth_type: AuthType = "classic"
    blocked: bool = False  # the app connector's Geblokkeerd, when no `blocked_source` says it
    # When mounted in the full simulator: reads AppConnector.blocked, so there is one source of truth.
    blocked_source: Callable[[], bool] | None = field(default=None, repr=False)
    client: OAuthClient | None = None
    settings: OAuthSimSettings = field(default_factory=OAuthSimSettings)
    faults: OAuthFaults = field(default_factory=OAuthFaults)
    clock: Callable[[], float] = field(default=time.time, repr=False)
    today: Callable[[], dt.date] = field(default=dt.date.today, repr=False)
    tokens: dict[str, IssuedToken] = field(default_factory=dict, repr=False)
    token_requests: int = 0
    # The secret the scenario's client holds: the newest one created (like SimEnvironment.client_token).
    held_secret: str | None = field(default=None, repr=False)
    lock: threading.RLock = field(default_factory=threading.RLock, repr=False, compare=False)

    def is_blocked(self) -> bool:
        return self.blocked_source() if self.blocked_source is not None else self.blocked

    # --- admin operations (the customer's administrator in Profit) ---

    def set_auth_type(self, auth_type: str) -> None:
        if auth_type not in AUTH_TYPES:
            raise SimOAuthError("unknown-auth-type", f"authentication type must be one of {', '.join(AUTH_TYPES)}")
        with self.lock:
            self.auth_type = auth_type

    def create_client(self, client_id: str | None = None, secret: str | None = None) -> tuple[str, str]:
        """Profit issues a client id and a first secret (shown once). Returns both; a second call keeps the id."""
        with self.lock:
            if self.client is None:
                self.client = OAuthClient(client_id or str(uuid.uuid4()))
            return self.client.client_id, self.create_secret(secret)

    def create_secret(self, value: str | None = None, validity_days: int | None = None) -> str:
        """A new secret, shown once. Older secrets stay valid until revoked: AFAS's rotation is new secret ->
        update the integration -> verify -> revoke the old one (S1, afas-oauth.md §1.2)."""
        with self.lock:
            if self.client is None:
                raise SimOAuthError("no-client", "the app connector has no OAuth client yet")
            day = self.today()
            days = validity_days if validity_days is not None else self.settings.secret_validity_days
            expires = day + dt.timedelta(days=days) if self.settings.profit_version >= 9 else None
            new_id = max((s.id for s in self.client.secrets), default=0) + 1
            secret = value or secrets.token_hex(32).upper()  # S7's example secret is 64 uppercase hex
            self.client.secrets.append(ClientSecret(new_id, secret, day, expires))
            self.held_secret = secret
            return secret

    def rotate_secret(self) -> str:
        """Step 1 of a rotation: a new secret next to the old one (revoke the old one with `revoke_secret`)."""
        return self.create_secret()

    def _secret(self, secret_id: int | None) -> ClientSecret:
        if self.client is None or not self.client.secrets:
            raise SimOAuthError("no-secret", "the app connector has no client secret")
        if secret_id is None:  # the oldest one still active: what a rotation revokes
            day = self.today()
            active = [s for s in self.client.secrets if s.state_on(day) == "active"]
            return (active or self.client.secrets)[0]
        for secret in self.client.secrets:
            if secret.id == secret_id:
                return secret
        raise SimOAuthError("unknown-secret", f"no client secret {secret_id}")

    def revoke_secret(self, secret_id: int | None = None) -> int:
        """Revoke one secret (default: the oldest active one); tokens issued with it stop working too."""
        with self.lock:
            secret = self._secret(secret_id)
            if not self.settings.revocation_takes:
                return secret.id
            secret.revoked = True
            self.tokens = {k: t for k, t in self.tokens.items() if t.secret_id != secret.id}
            return secret.id

    def expire_secret(self, secret_id: int | None = None, in_days: int = -1) -> int:
        """Let a secret's validity end yesterday (the "oauth-secret-expired" scenario), or in `in_days` days
        ("oauth-secret-expiring")."""
        with self.lock:
            secret = self._secret(secret_id)
            secret.expires = self.today() + dt.timedelta(days=in_days)
            return secret.id

    def revoke_access_tokens(self) -> int:
        """Forget every issued access token: the next call gets 401 Bearer error="invalid_token"."""
        with self.lock:
            count = len(self.tokens)
            self.tokens.clear()
            return count

    def held(self) -> tuple[str, str, dt.date | None] | None:
        """(client id, secret, the secret's expiry) the scenario's client holds; None before a secret exists."""
        with self.lock:
            if self.client is None or self.held_secret is None:
                return None
            expires = next((s.expires for s in self.client.secrets if s.value == self.held_secret), None)
            return self.client.client_id, self.held_secret, expires

    def snapshot(self) -> dict[str, Any]:
        """What the admin API shows: never a secret or an access token."""
        with self.lock:
            day = self.today()
            client = self.client
            return {
                "auth_type": self.auth_type,
                "auth_type_label": self.settings.auth_type_labels.get(self.auth_type, self.auth_type),
                "blocked": self.is_blocked(),
                "client_id": client.client_id if client else None,
                "secrets": [
                    {
                        "id": s.id,
                        "created": s.created.isoformat(),
                        "expires": s.expires.isoformat() if s.expires else None,
                        "state": s.state_on(day),
                        "ends_with": s.value[-4:],
                    }
                    for s in (client.secrets if client else [])
                ],
                "access_tokens": len(self.tokens),
                "token_requests": self.token_requests,
                "settings": dataclasses.asdict(self.settings),
                "faults": dataclasses.asdict(self.faults),
            }

    # --- the resource side: what REST and SOAP routes call ---

    def _offer(self) -> dict[str, str]:
        # "No credentials sent: Profit offers both Bearer and DPoP, without an error code" (S1, Profit 9).
        return {"WWW-Authenticate": "Bearer, DPoP" if self.settings.profit_version >= 9 else "Bearer"}

    def check_authorization(self, header: str | None) -> Authorized | Denied:
        """Decide on the Authorization header before the classic-token check. Authorized("classic") means: the
        app connector accepts classic tokens, check it as before (an unknown or missing token is still 401)."""
        scheme, _, value = (header or "").strip().partition(" ")
        scheme = scheme.lower()
        with self.lock:
            if scheme == "bearer":
                return self._check_bearer(value.strip())
            if self.auth_type == "classic" or (self.auth_type == "hybrid" and scheme):
                return Authorized("classic")
            if scheme == "afastoken":
                mode = self.settings.classic_under_oauth
                note = "classic token: app connector accepts OAuth only"
                if mode == "bare":
                    return Denied(401, note=note)
                headers = self._offer()
                if mode == "explain":
                    headers["WWW-Authenticate"] = (
                        'Bearer error="invalid_request", error_description="Classic tokens are not accepted: '
                        'this app connector uses OAuth"'
                    )
                return Denied(401, headers=headers, note=note)
            return Denied(401, headers=self._offer(), note="no OAuth credentials")

    def _check_bearer(self, value: str) -> Authorized | Denied:
        rejected = {"WWW-Authenticate": 'Bearer error="invalid_token"'}  # S1, S3 (afas-oauth.md §2.4)
        if self.auth_type == "classic":
            if self.settings.bearer_under_classic == "bare":
                return Denied(401, note="bearer token: app connector accepts classic tokens only")
            return Denied(401, headers=rejected, note="bearer token: app connector accepts classic tokens only")
        token = self.tokens.get(value)
        if token is None:
            return Denied(401, headers=rejected, note="unknown or revoked access token")
        if self.clock() >= token.expires_at:
            del self.tokens[value]
            return Denied(401, headers=rejected, note="access token expired")
        if self.is_blocked():  # UNCONFIRMED what a blocked app connector answers to a Bearer call
            return Denied(401, headers=rejected, note="app connector blocked")
        return Authorized("bearer", token)

    def token_expiry(self, token: IssuedToken) -> str:
        """info.tokenExpiry of /metainfo for a Bearer call, per `token_expiry_under_oauth`."""
        mode = self.settings.token_expiry_under_oauth
        if mode == "access-token":
            moment = dt.datetime.fromtimestamp(token.expires_at, dt.UTC)
            return moment.strftime("%Y-%m-%dT%H:%M:%S")
        if mode == "secret" and self.client is not None:
            for secret in self.client.secrets:
                if secret.id == token.secret_id and secret.expires is not None:
                    return f"{secret.expires.isoformat()}T00:00:00"
        return "0"

    # --- the token endpoint ---

    async def token_endpoint(self, request: Request) -> Response:
        """POST {base}/oauth/token, client credentials only (the authorization-code flow is not simulated)."""
        media = request.headers.get("content-type", "").split(";", maxsplit=1)[0].strip().lower()
        # Only a form POST is read; anything else gets AFAS's invalid_request without its body looked at.
        body = await request.body() if request.method.upper() == "POST" and media == FORM else b""
        return self.answer_token_request(
            request.method, request.headers.get("content-type", ""), request.headers.get("authorization"), body
        )

    def answer_token_request(self, method: str, content_type: str, authorization: str | None, body: bytes) -> Response:
        with self.lock:
            self.token_requests += 1
            if self.faults.maintenance:
                return JSONResponse({"error": "temporarily_unavailable"}, status_code=503, headers={"Retry-After": "5"})
            if self.faults.forbidden:
                return Response(b"", status_code=403)
            if self.faults.garbage:
                return Response(b"<html><body>Sign in to the network</body></html>", media_type="text/html")
            return self._grant(method, content_type, authorization, body)

    def _error(self, error: str, description: str | None = None, status: int = 400, basic: bool = False) -> Response:
        payload = {"error": error}
        if description:  # "Profit omits error_description if there is no description" (S1)
            payload["error_description"] = description
        headers = {"Cache-Control": "no-store"}
        if basic and error == "invalid_client":
            # "Failed Basic authentication returns HTTP 401 with WWW-Authenticate: Basic" (S1)
            return JSONResponse(payload, status_code=401, headers=headers | {"WWW-Authenticate": "Basic"})
        return JSONResponse(payload, status_code=status, headers=headers)

    def _grant(self, method: str, content_type: str, authorization: str | None, body: bytes) -> Response:
        if method.upper() != "POST" or content_type.split(";", maxsplit=1)[0].strip().lower() != FORM:
            return self._error("invalid_request", _BAD_FORM)
        try:
            pairs = parse_qsl(body.decode("utf-8"), keep_blank_values=True, strict_parsing=bool(body))
        except (UnicodeDecodeError, ValueError):
            return self._error("invalid_request", _BAD_FORM)
        names = [name for name, _ in pairs]
        if len(names) != len(set(names)):
            return self._error("invalid_request", "A parameter is included more than once")
        form = dict(pairs)
        grant_type = form.get("grant_type")
        if not grant_type:
            return self._error("invalid_request", "grant_type is missing")
        if grant_type != "client_credentials":
            return self._error("unsupported_grant_type")
        basic = self._basic(authorization)
        if basic is not None:
            if self.settings.profit_version < 9 and self.settings.basic_before_profit9 == "invalid_request":
                return self._error("invalid_request")
            if basic == ("", ""):
                return self._error("invalid_client", "Invalid client credentials", basic=True)
            if "client_secret" in form or "client_assertion" in form or form.get("client_id", basic[0]) != basic[0]:
                return self._error("invalid_request", "Send exactly one client authentication method")
            client_id, secret = basic
        else:
            if "client_assertion" in form:  # private_key_jwt is not simulated: this client uses a secret
                return self._error("invalid_client", "Invalid client credentials")
            client_id, secret = form.get("client_id", ""), form.get("client_secret", "")
            if not client_id:
                return self._error("invalid_request", "client_id is missing")
        return self._authenticate(client_id, secret, basic is not None)

    @staticmethod
    def _basic(authorization: str | None) -> tuple[str, str] | None:
        scheme, _, value = (authorization or "").strip().partition(" ")
        if scheme.lower() != "basic":
            return None
        try:
            decoded = base64.b64decode(value.strip(), validate=True).decode("utf-8")
        except (binascii.Error, UnicodeDecodeError, ValueError):
            return ("", "")
        client_id, sep, secret = decoded.partition(":")
        return (unquote_plus(client_id), unquote_plus(secret)) if sep else ("", "")

    def _authenticate(self, client_id: str, secret: str, basic: bool) -> Response:
        client = self.client
        if client is None or not secrets.compare_digest(client.client_id.encode(), client_id.encode()):
            if self.settings.unknown_client_error == "unauthorized_client":
                return self._error("unauthorized_client", "Unknown AppConnector")  # S13's words (Profit 8)
            return self._error("invalid_client", "Invalid client credentials", basic=basic)
        if self.auth_type == "classic":
            if self.settings.token_under_classic == "unauthorized_client":
                return self._error("unauthorized_client", "The app connector may not use this flow")
            return self._error("invalid_client", "Invalid client credentials", basic=basic)
        if self.is_blocked():  # "The client is unknown or blocked, or authentication failed" (S3)
            return self._error("invalid_client", "Invalid client credentials", basic=basic)
        day = self.today()
        match = next((s for s in client.secrets if secrets.compare_digest(s.value.encode(), secret.encode())), None)
        if match is None or match.state_on(day) != "active":
            if self.settings.profit_version < 9 and self.settings.wrong_secret_profit8 == "unauthorized_client":
                return self._error("unauthorized_client")
            return self._error("invalid_client", "Invalid client credentials", basic=basic)
        return self._issue(client, match)

    def _issue(self, client: OAuthClient, secret: ClientSecret) -> Response:
        value = secrets.token_urlsafe(48)  # opaque (afas-oauth.md §2.2: treat the token as opaque)
        ttl = self.settings.access_token_ttl
        self.tokens[value] = IssuedToken(value, client.client_id, secret.id, self.clock() + ttl)
        payload: dict[str, Any]
        if self.settings.profit_version >= 9:
            payload = {"access_token": value, "token_type": "Bearer", "expires_in": ttl}
        else:  # S2's example: refresh_token null, expires_in a string
            payload = {"access_token": value, "refresh_token": None, "token_type": "Bearer", "expires_in": str(ttl)}
        return JSONResponse(payload, headers={"Cache-Control": "no-store", "Pragma": "no-cache"})


# --- presets for the scenarios "oauth-ready", "hybrid", "oauth-secret-expired", "oauth-secret-expiring" ------------

PRESETS = ("classic", "oauth-ready", "hybrid", "oauth-secret-expired", "oauth-secret-expiring")
EXPIRING_IN_DAYS = 10  # "oauth-secret-expiring": inside the 30-day warning, so the renewal is offered


def build_oauth(preset: str = "oauth-ready", *, client_id: str | None = None, secret: str | None = None) -> SimOAuth:
    """A SimOAuth in one of the scenario states; `client_id`/`secret` fix the values (tests), else random."""
    if preset not in PRESETS:
        raise SimOAuthError("unknown-preset", f"preset must be one of {', '.join(PRESETS)}")
    state = SimOAuth()
    if preset == "classic":
        return state
    state.set_auth_type("hybrid" if preset == "hybrid" else "oauth")
    state.create_client(client_id, secret)
    if preset == "oauth-secret-expired":
        state.expire_secret()
    elif preset == "oauth-secret-expiring":
        state.expire_secret(in_days=EXPIRING_IN_DAYS)
    return state


# --- routes -----------------------------------------------------------------------------------------------------------


def oauth_routes(state: SimOAuth, prefix: str = "/ProfitRestServices") -> list[BaseRoute]:
    """The token endpoint. GET is routed too, so it can get AFAS's invalid_request instead of a 405."""
    return [Route(f"{prefix}/oauth/token", state.token_endpoint, methods=["GET", "POST", "PUT"])]
