"""The simulator's OAuth side on the wire: token endpoint matrix, Bearer validation, admin operations."""

from __future__ import annotations

import base64
import datetime as dt
from collections.abc import Callable
from typing import Any

import httpx
import pytest

from tests.conftest import FAKE_XML
from tests.oauth.conftest import CLIENT_ID, REST, SECRET, FakeClock, OAuthSim, run
from wizard.afas.challenge import offers_oauth
from wizard.domain.credentials import parse_classic_token
from wizard.sim.oauth import Authorized, Denied, SimOAuth, SimOAuthError, build_oauth
from wizard.verify.oauth_checks import classic_refused_by_oauth

MakeSim = Callable[..., OAuthSim]
CLASSIC = parse_classic_token(FAKE_XML).authorization_header()
FORM = {"grant_type": "client_credentials", "client_id": CLIENT_ID, "client_secret": SECRET}


def _call(sim: OAuthSim, method: str, path: str, **kw: Any) -> httpx.Response:
    async def go() -> httpx.Response:
        async with sim.client() as client:
            return await client.request(method, path, **kw)

    return run(go())


def _token(sim: OAuthSim, **kw: Any) -> httpx.Response:
    kw.setdefault("data", FORM)
    return _call(sim, "POST", f"{REST}/oauth/token", **kw)


def _bearer(sim: OAuthSim) -> str:
    answer = _token(sim)
    assert answer.status_code == 200, answer.text
    return f"Bearer {answer.json()['access_token']}"


def _meta(sim: OAuthSim, authorization: str | None) -> httpx.Response:
    headers = {"Authorization": authorization} if authorization else {}
    return _call(sim, "GET", f"{REST}/metainfo", headers=headers)


def test_profit9_answer_has_a_numeric_expires_in_and_no_refresh_token(make_sim: MakeSim) -> None:
    answer = _token(make_sim())
    body = answer.json()
    assert set(body) == {"access_token", "token_type", "expires_in"}
    assert body["token_type"] == "Bearer" and body["expires_in"] == 3600
    assert answer.headers["Cache-Control"] == "no-store"


@pytest.mark.parametrize(
    ("kw", "status", "error", "description"),
    [
        ({"data": None, "json": FORM}, 400, "invalid_request", "Invalid HTTP request for token endpoint"),
        ({"data": None, "content": b"grant_type=client_credentials&grant_type=client_credentials",
          "headers": {"Content-Type": "application/x-www-form-urlencoded"}}, 400, "invalid_request", None),
        ({"data": {"client_id": CLIENT_ID, "client_secret": SECRET}}, 400, "invalid_request", None),
        ({"data": {**FORM, "grant_type": "password"}}, 400, "unsupported_grant_type", None),
        ({"data": {**FORM, "client_secret": "0BAD5EC0" * 8}}, 400, "invalid_client", "Invalid client credentials"),
        ({"data": {"grant_type": "client_credentials", "client_secret": SECRET}}, 400, "invalid_request", None),
        ({"data": FORM, "headers": {"Authorization": "Basic " + base64.b64encode(
            f"{CLIENT_ID}:{SECRET}".encode()).decode()}}, 400, "invalid_request", None),
        ({"data": {"grant_type": "client_credentials"}, "headers": {"Authorization": "Basic " + base64.b64encode(
            f"{CLIENT_ID}:wrong-secret-value".encode()).decode()}}, 401, "invalid_client", None),
    ],
)  # fmt: skip
def test_the_token_endpoint_error_matrix(
    make_sim: MakeSim, kw: dict[str, Any], status: int, error: str, description: str | None
) -> None:
    answer = _token(make_sim(), **kw)
    assert answer.status_code == status
    body = answer.json()
    assert body["error"] == error
    if description is None:
        assert body.get("error_description") != ""  # omitted or a text, never an empty string or null
    else:
        assert body["error_description"] == description
    if status == 401:
        assert answer.headers["WWW-Authenticate"] == "Basic"


def test_a_get_on_the_token_endpoint_is_invalid_request(make_sim: MakeSim) -> None:
    answer = _call(make_sim(), "GET", f"{REST}/oauth/token")
    assert answer.status_code == 400
    assert answer.json() == {"error": "invalid_request", "error_description": "Invalid HTTP request for token endpoint"}


def test_basic_is_accepted_alone(make_sim: MakeSim) -> None:
    header = "Basic " + base64.b64encode(f"{CLIENT_ID}:{SECRET}".encode()).decode()
    answer = _token(make_sim(), data={"grant_type": "client_credentials"}, headers={"Authorization": header})
    assert answer.status_code == 200


def test_access_tokens_expire_after_3600_seconds(make_sim: MakeSim, clock: FakeClock) -> None:
    sim = make_sim()
    bearer = _bearer(sim)
    clock.advance(3599)
    assert _meta(sim, bearer).status_code == 200
    clock.advance(1)
    answer = _meta(sim, bearer)
    assert answer.status_code == 401
    assert answer.headers["WWW-Authenticate"] == 'Bearer error="invalid_token"'


@pytest.mark.parametrize(
    ("auth_type", "classic", "bearer", "nothing"),
    [
        ("classic", "classic", 401, "classic"),
        ("hybrid", "classic", "bearer", 401),
        ("oauth", 401, "bearer", 401),
    ],
)
def test_which_credential_each_authentication_type_accepts(
    make_sim: MakeSim, auth_type: str, classic: object, bearer: object, nothing: object
) -> None:
    sim = make_sim("hybrid")
    bearer_header = _bearer(sim)
    sim.state.set_auth_type(auth_type)
    for header, expected in ((CLASSIC, classic), (bearer_header, bearer), (None, nothing)):
        answer = _meta(sim, header)
        if isinstance(expected, int):
            assert answer.status_code == expected
        else:
            assert answer.json()["info"]["scheme"] == expected


def test_a_classic_token_under_oauth_gets_a_header_that_says_so(make_sim: MakeSim) -> None:
    sim = make_sim("oauth-ready")
    answer = _meta(sim, CLASSIC)
    assert answer.headers["WWW-Authenticate"] == "Bearer, DPoP"
    remedy = classic_refused_by_oauth(answer.headers, app="SmartBooqing")
    assert remedy is not None
    assert "Authenticatietype = OAuth" in remedy.en and "Hybride" in remedy.nl


@pytest.mark.parametrize(("mode", "says_oauth"), [("offer", True), ("explain", True), ("bare", False)])
def test_every_variant_of_refusing_a_classic_token_is_read_right(
    make_sim: MakeSim, mode: str, says_oauth: bool
) -> None:
    sim = make_sim("oauth-ready", classic_under_oauth=mode)
    answer = _meta(sim, CLASSIC)
    assert answer.status_code == 401
    assert offers_oauth(answer.headers) is says_oauth
    assert (classic_refused_by_oauth(answer.headers) is not None) is says_oauth


def test_profit8_offers_only_bearer(make_sim: MakeSim) -> None:
    assert _meta(make_sim("oauth-ready", profit_version=8), None).headers["WWW-Authenticate"] == "Bearer"


@pytest.mark.parametrize(("mode", "has_header"), [("invalid_token", True), ("bare", False)])
def test_a_bearer_token_after_switching_back_to_classic(make_sim: MakeSim, mode: str, has_header: bool) -> None:
    sim = make_sim("hybrid", bearer_under_classic=mode)
    bearer = _bearer(sim)
    sim.state.set_auth_type("classic")
    answer = _meta(sim, bearer)
    assert answer.status_code == 401
    assert ("WWW-Authenticate" in answer.headers) is has_header


def test_rotation_keeps_the_old_secret_working_until_it_is_revoked(make_sim: MakeSim) -> None:
    sim = make_sim()
    old_bearer = _bearer(sim)
    new_secret = sim.state.rotate_secret()
    assert new_secret != SECRET
    assert _token(sim).status_code == 200
    assert _token(sim, data={**FORM, "client_secret": new_secret}).status_code == 200
    assert sim.state.revoke_secret() == 1
    assert _token(sim).json()["error"] == "invalid_client"
    assert _token(sim, data={**FORM, "client_secret": new_secret}).status_code == 200
    assert _meta(sim, old_bearer).status_code == 401  # tokens issued with a revoked secret stop too


def test_a_revocation_that_does_not_take_leaves_the_old_secret_accepted(make_sim: MakeSim) -> None:
    sim = make_sim(revocation_takes=False)
    new_secret = sim.state.rotate_secret()
    sim.state.revoke_secret()
    assert _token(sim).status_code == 200  # the old secret still works: the renewal must say so
    assert _token(sim, data={**FORM, "client_secret": new_secret}).status_code == 200
    assert [s["state"] for s in sim.state.snapshot()["secrets"]] == ["active", "active"]


def test_the_expiring_scenario_secret_works_and_ends_in_ten_days(make_sim: MakeSim) -> None:
    sim = make_sim("oauth-secret-expiring")
    [secret] = sim.state.snapshot()["secrets"]
    assert dt.date.fromisoformat(secret["expires"]) - dt.date.today() == dt.timedelta(days=10)
    assert _token(sim).status_code == 200


def test_profit9_secrets_expire_after_the_validity_period(make_sim: MakeSim) -> None:
    sim = make_sim()
    [secret] = sim.state.snapshot()["secrets"]
    created = secret["created"]
    assert secret["expires"] is not None and secret["expires"] > created
    last_day = dt.date.fromisoformat(secret["expires"])
    sim.state.today = lambda: last_day
    assert _token(sim).status_code == 200  # valid through its last day
    sim.state.today = lambda: last_day + dt.timedelta(days=1)
    assert _token(sim).json()["error"] == "invalid_client"


def test_profit8_secrets_have_no_expiry() -> None:
    state = SimOAuth()
    state.settings.profit_version = 8
    state.set_auth_type("oauth")
    state.create_client()
    assert state.snapshot()["secrets"][0]["expires"] is None


@pytest.mark.parametrize(
    ("mode", "expected"), [("zero", "0"), ("access-token", "2030-03-17T18:46:40"), ("secret", "T00:00:00")]
)
def test_token_expiry_under_oauth_variants(make_sim: MakeSim, mode: str, expected: str) -> None:
    sim = make_sim(token_expiry_under_oauth=mode)
    expiry = _meta(sim, _bearer(sim)).json()["info"]["tokenExpiry"]
    assert expiry.endswith(expected) if mode == "secret" else expiry == expected


def test_admin_api_switches_type_and_shows_a_secret_only_when_created() -> None:
    sim = OAuthSim(build_oauth("classic"))

    def admin(path: str, body: dict[str, Any] | None = None) -> httpx.Response:
        return _call(sim, "POST" if body is not None else "GET", f"/_sim/oauth{path}", json=body)

    assert admin("/auth-type", {"auth_type": "OAuth2"}).json()["error"] == "unknown-auth-type"
    assert admin("/auth-type", {"auth_type": "hybrid"}).json()["auth_type_label"] == "Hybride"
    assert admin("/secrets", {}).json()["error"] == "no-client"
    created = admin("/client", {}).json()
    second = admin("/secrets", {"validity_days": 30}).json()["client_secret"]
    shown = admin("").text + admin("/settings", {"settings": {"profit_version": 8}}).text
    for secret in (created["client_secret"], second):
        assert secret not in shown
    snapshot = admin("").json()
    assert snapshot["client_id"] == created["client_id"]
    assert [s["state"] for s in snapshot["secrets"]] == ["active", "active"]
    assert admin("/secrets/revoke", {"id": 1}).json() == {"revoked": 1}
    assert admin("/secrets/expire", {}).json() == {"expired": 2}
    assert [s["state"] for s in admin("").json()["secrets"]] == ["revoked", "expired"]
    assert admin("/settings", {"settings": {"nonsense": 1}}).json()["error"] == "unknown-setting"
    assert admin("/tokens/revoke", {}).json() == {"revoked": 0}


def test_unknown_preset_and_secret_refuse_clearly() -> None:
    with pytest.raises(SimOAuthError):
        build_oauth("nope")
    with pytest.raises(SimOAuthError):
        build_oauth("oauth-ready").revoke_secret(99)


def test_check_authorization_returns_the_token_for_bearer_calls(make_sim: MakeSim) -> None:
    sim = make_sim()
    outcome = sim.state.check_authorization(_bearer(sim))
    assert isinstance(outcome, Authorized) and outcome.token is not None
    assert outcome.token.client_id == CLIENT_ID
    denied = sim.state.check_authorization("Bearer unknown")
    assert isinstance(denied, Denied) and denied.note == "unknown or revoked access token"


def test_blocked_can_follow_the_app_connector(make_sim: MakeSim) -> None:
    sim = make_sim()
    bearer = _bearer(sim)
    app_connector_blocked = [True]
    sim.state.blocked_source = lambda: app_connector_blocked[0]
    assert _meta(sim, bearer).status_code == 401
    assert _token(sim).json()["error"] == "invalid_client"
    app_connector_blocked[0] = False
    assert _meta(sim, bearer).status_code == 200
