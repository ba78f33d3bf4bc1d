"""Every token-endpoint answer in the reference becomes a typed problem with a remedy naming the AFAS screen."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable

import httpx
import pytest

from tests.oauth.conftest import CLIENT_ID, ORIGIN, REST, SECRET, OAuthSim, run
from wizard.afas.challenge import parse_challenges
from wizard.afas.errors import AfasProblem, Endpoint, Problem
from wizard.afas.oauth import OAuthClientAuth, OAuthTokenError
from wizard.afas.token import TokenGrant, classify_token_response
from wizard.data import screens
from wizard.domain.oauth import oauth_client_credentials
from wizard.domain.text import Text, long_date
from wizard.verify.oauth_checks import secret_expired_on
from wizard.verify.remedies import oauth_refused

Auth = Callable[..., OAuthClientAuth]
MakeSim = Callable[..., OAuthSim]
URL = f"{ORIGIN}{REST}/oauth/token"


def _failure(sim: OAuthSim, auth: OAuthClientAuth) -> AfasProblem:
    async def go() -> None:
        async with sim.client(auth) as client:
            await client.get(f"{REST}/metainfo")

    with pytest.raises(OAuthTokenError) as caught:
        run(go())
    assert caught.value.message == caught.value.problem.message()
    return caught.value.problem


# (how the simulator is set up, client auth, expected problem, status, words the English remedy must contain)
CASES = {
    "wrong secret": ("wrong-secret", "body", Problem.INVALID_CLIENT, 400, ["OAuth client secret"]),
    "wrong secret, Basic": ("wrong-secret", "basic", Problem.INVALID_CLIENT, 401, ["client secret"]),
    "revoked secret": ("revoked", "body", Problem.INVALID_CLIENT, 400, ["not revoked"]),
    "expired secret": ("expired", "body", Problem.INVALID_CLIENT, 400, ["not expired"]),
    "blocked app connector": ("blocked", "body", Problem.INVALID_CLIENT, 400, ["Geblokkeerd"]),
    "unknown client": ("unknown-client", "body", Problem.INVALID_CLIENT, 400, ["OAuth client id"]),
    "unknown client, wrong host": ("wrong-host", "body", Problem.WRONG_ENVIRONMENT, 400, ["environment number"]),
    "still classic token": ("classic", "body", Problem.UNAUTHORIZED_CLIENT, 400, ["Authenticatietype", "OAuth"]),
    "classic, invalid_client": ("classic-invalid", "body", Problem.INVALID_CLIENT, 400, ["Authenticatietype"]),
    "maintenance": ("maintenance", "body", Problem.MAINTENANCE, 503, ["maintenance is over"]),
    "IP restriction": ("forbidden", "body", Problem.FORBIDDEN, 403, ["IP-restricties"]),
    "captive portal": ("garbage", "body", Problem.MALFORMED, 200, ["helpdesk@smartbooqing.com"]),
    "no token endpoint": ("no-endpoint", "body", Problem.NOT_FOUND, 404, ["classic token"]),
    "Profit 8 without Basic": ("no-basic", "basic", Problem.INVALID_REQUEST, 400, ["--client-auth basic"]),
}  # fmt: skip


def _setup(make_sim: MakeSim, make_auth: Auth, case: str, client_auth: str) -> tuple[OAuthSim, OAuthClientAuth]:
    sim = make_sim("classic" if case.startswith("classic") else "oauth-ready")
    state, secret, client_id, url = sim.state, SECRET, CLIENT_ID, URL
    if case.startswith("classic"):
        state.create_client(CLIENT_ID, SECRET)  # a client exists, the type is still Classic token
        if case == "classic-invalid":
            state.settings.token_under_classic = "invalid_client"
    elif case == "wrong-secret":
        secret = "0BAD5EC0" * 8
    elif case == "revoked":
        state.revoke_secret()
    elif case == "expired":
        state.expire_secret()
    elif case == "blocked":
        state.blocked = True
    elif case in ("unknown-client", "wrong-host"):
        client_id = "fa4e0000-0000-4000-8000-0000000000ff"
        if case == "wrong-host":
            state.settings.unknown_client_error = "unauthorized_client"
    elif case in ("maintenance", "forbidden", "garbage"):
        setattr(state.faults, case, True)
    elif case == "no-endpoint":
        url = f"{ORIGIN}/elsewhere/oauth/token"
    elif case == "no-basic":
        state.settings.profit_version = 8
        state.settings.basic_before_profit9 = "invalid_request"
    cred = oauth_client_credentials(client_id, secret)
    return sim, make_auth(cred, url=url, client_auth=client_auth)


@pytest.mark.parametrize("name", list(CASES))
def test_each_token_endpoint_answer_is_classified_with_its_remedy(
    make_sim: MakeSim, make_auth: Auth, name: str
) -> None:
    case, client_auth, kind, status, words = CASES[name]
    sim, auth = _setup(make_sim, make_auth, case, client_auth)
    failure = _failure(sim, auth)
    assert failure.kind is kind
    assert failure.status == status
    remedy = oauth_refused(failure, app="SmartBooqing")
    for word in words:
        assert word in remedy.en
    assert remedy.nl != remedy.en and remedy.nl
    assert failure.message().nl != failure.message().en
    assert failure.impossible is (kind in (Problem.MAINTENANCE, Problem.FORBIDDEN))
    assert sim.resource_calls == 0  # nothing was asked of AFAS's API without a token


def test_remedies_name_the_app_connector_path_and_fall_back_without_a_name() -> None:
    failure = AfasProblem(
        Problem.UNAUTHORIZED_CLIENT, status=400, endpoint=Endpoint.TOKEN, url=URL, error="unauthorized_client"
    )
    s = screens()
    named = s.app_connector_list.menu.then("SmartBooqing", s.app_connector.fields.auth_type).text
    assert named.en in oauth_refused(failure, "SmartBooqing").en
    described = s.app_connector_list.menu.then(Text(en="?", nl="de app connector voor SmartBooqing")).text
    assert described.nl in oauth_refused(failure).nl
    assert "Hybride" in oauth_refused(failure).nl and "Hybrid" in oauth_refused(failure).en


def test_an_expired_secret_date_the_user_gave_leads_the_remedy(make_sim: MakeSim, make_auth: Auth) -> None:
    cred = oauth_client_credentials(CLIENT_ID, SECRET, dt.date(2027, 3, 1))
    sim = make_sim("oauth-secret-expired")
    failure = _failure(sim, make_auth(cred))
    expired = secret_expired_on(cred, dt.date(2027, 3, 2))
    assert expired == long_date(dt.date(2027, 3, 1))
    remedy = oauth_refused(failure, "SmartBooqing", expired)
    assert remedy.en.startswith("The client secret expired on 1 March 2027: create a new secret")
    assert remedy.nl.startswith("Het client secret is verlopen op 1 maart 2027: maak")
    assert secret_expired_on(cred, dt.date(2027, 3, 1)) is None


def _classify(status: int, body: object, headers: dict[str, str] | None = None) -> TokenGrant | AfasProblem:
    text = body if isinstance(body, str) else json.dumps(body)
    return classify_token_response(status, httpx.Headers(headers or {}), text, url=URL, now=100.0)


@pytest.mark.parametrize(
    ("status", "body", "headers", "kind"),
    [
        (400, {"error": "invalid_request", "error_description": "Invalid HTTP request for token endpoint"}, {},
         Problem.INVALID_REQUEST),
        (400, {"error": "invalid_client", "error_description": "Invalid client credentials"}, {},
         Problem.INVALID_CLIENT),
        (401, {"error": "invalid_client"}, {"WWW-Authenticate": "Basic"}, Problem.INVALID_CLIENT),
        (401, "", {"WWW-Authenticate": "Basic"}, Problem.INVALID_CLIENT),
        (400, {"error": "unauthorized_client", "error_description": "The app connector may not use this flow"}, {},
         Problem.UNAUTHORIZED_CLIENT),
        (400, {"error": "unauthorized_client", "error_description": "Unknown AppConnector"}, {},
         Problem.WRONG_ENVIRONMENT),
        (400, {"error": "unsupported_grant_type"}, {}, Problem.UNSUPPORTED_GRANT),
        (400, {"error": "use_dpop_nonce"}, {"DPoP-Nonce": "n"}, Problem.DPOP_REQUIRED),
        (200, {"access_token": "at-fa4e-0001", "token_type": "DPoP", "expires_in": 3600}, {},
         Problem.DPOP_REQUIRED),
        (400, {"error": "invalid_grant"}, {}, Problem.UNEXPECTED),
        (400, "Bad Request", {}, Problem.MALFORMED),
        (403, "", {}, Problem.FORBIDDEN),
        (404, "<html>Not found</html>", {}, Problem.NOT_FOUND),
        (503, {"error": "temporarily_unavailable"}, {"Retry-After": "30"}, Problem.MAINTENANCE),
        (500, "oops", {}, Problem.UNEXPECTED),
        (302, "", {"Location": "https://login.example"}, Problem.UNEXPECTED),
        (200, "<html>proxy login</html>", {}, Problem.MALFORMED),
        (200, {"token_type": "Bearer", "expires_in": 3600}, {}, Problem.MALFORMED),
        (200, {"access_token": "at-fa4e-0002", "token_type": "Bearer", "expires_in": "soon"}, {},
         Problem.MALFORMED),
        (200, {"access_token": "at-fa4e-0003", "token_type": "Bearer", "expires_in": -5}, {}, Problem.MALFORMED),
    ],
)  # fmt: skip
def test_classifier_covers_the_reference_error_matrix(
    status: int, body: object, headers: dict[str, str], kind: Problem
) -> None:
    result = _classify(status, body, headers)
    assert isinstance(result, AfasProblem)
    assert result.kind is kind
    assert oauth_refused(result).en and oauth_refused(result).nl


def test_the_retry_after_of_a_503_is_kept() -> None:
    result = _classify(503, "", {"Retry-After": "30"})
    assert isinstance(result, AfasProblem) and result.retry_after == 30.0


@pytest.mark.parametrize(
    ("body", "seconds"),
    [
        ({"access_token": "at-fa4e-0004", "token_type": "Bearer", "expires_in": 3600}, 3600.0),
        ({"access_token": "at-fa4e-0005", "refresh_token": None, "token_type": "Bearer", "expires_in": "3600"}, 3600.0),
        ({"access_token": "at-fa4e-0006", "token_type": "bearer", "expires_in": 1800}, 1800.0),
        ({"access_token": "at-fa4e-0007"}, 300.0),  # lenient: short life, so an early renewal
    ],
)
def test_both_success_shapes_give_a_grant(body: dict[str, object], seconds: float) -> None:
    result = _classify(200, body)
    assert isinstance(result, TokenGrant)
    assert result.expires_in == seconds
    assert result.header() == f"Bearer {body['access_token']}"


def test_an_afas_description_is_untrusted_text_shortened_and_without_control_characters() -> None:
    result = _classify(400, {"error": "invalid_client", "error_description": "x\x1b[31m" + "y" * 500})
    assert isinstance(result, AfasProblem)
    assert result.external_message is not None
    assert "\x1b" not in result.external_message and len(result.external_message) == 200
    assert "\x1b" not in result.technical()


def test_www_authenticate_parser_reads_every_shape_afas_sends() -> None:
    assert [c.scheme for c in parse_challenges("Bearer, DPoP")] == ["bearer", "dpop"]
    [bearer] = parse_challenges('Bearer error="invalid_token", error_description="The token expired"')
    assert bearer.params == {"error": "invalid_token", "error_description": "The token expired"}
    both = parse_challenges('Bearer realm="afas", DPoP algs="ES256", Basic')
    assert [(c.scheme, c.params) for c in both] == [
        ("bearer", {"realm": "afas"}),
        ("dpop", {"algs": "ES256"}),
        ("basic", {}),
    ]
    assert parse_challenges(None) == [] and parse_challenges("") == []
