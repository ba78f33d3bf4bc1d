"""The OAuth auth flow against the simulator's token endpoint: one token per run, renewal, renew-once, shapes."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from urllib.parse import parse_qs

import httpx
import pytest

from tests.conftest import FAKE_XML
from tests.oauth.conftest import CLIENT_ID, REST, SECRET, FakeClock, LoopbackServer, OAuthSim, run
from wizard.afas.client import AfasClient, ClientSettings
from wizard.afas.errors import Problem
from wizard.afas.oauth import AfasAuth, OAuthClientAuth, OAuthTokenError, auth_for
from wizard.afas.token import token_url
from wizard.domain.credentials import parse_classic_token
from wizard.domain.environment import parse_environment
from wizard.verify.remedies import oauth_refused

Auth = Callable[..., OAuthClientAuth]
MakeSim = Callable[..., OAuthSim]


async def _metainfo(client: httpx.AsyncClient) -> httpx.Response:
    return await client.get(f"{REST}/metainfo")


def test_thirty_concurrent_calls_share_one_token_request(make_sim: MakeSim, make_auth: Auth) -> None:
    sim, auth = make_sim(), make_auth()

    async def go() -> list[httpx.Response]:
        async with sim.client(auth) as client:
            return await asyncio.gather(*(_metainfo(client) for _ in range(30)))

    answers = run(go())
    assert [a.status_code for a in answers] == [200] * 30
    assert {a.json()["info"]["scheme"] for a in answers} == {"bearer"}
    assert sim.state.token_requests == 1
    assert auth.token_requests == 1


@pytest.mark.parametrize("profit_version", [8, 9])
def test_the_token_is_kept_for_expires_in_and_renewed_shortly_before(
    make_sim: MakeSim, make_auth: Auth, clock: FakeClock, profit_version: int
) -> None:
    """Profit 8 sends "expires_in": "3600" (a string) and "refresh_token": null; both shapes give a 3600 s life."""
    sim, auth = make_sim(profit_version=profit_version), make_auth(renew_margin=60)

    async def go() -> list[int]:
        statuses = []
        async with sim.client(auth) as client:
            for step in (0, 3000, 539, 2):  # t = 0, 3000, 3539 (still kept), 3541 (within 60 s of 3600: renewed)
                clock.advance(step)
                statuses.append((await _metainfo(client)).status_code)
                if step == 539:
                    assert sim.state.token_requests == 1
        return statuses

    assert run(go()) == [200, 200, 200, 200]
    assert sim.state.token_requests == 2
    # The first token was still valid in the simulator when the flow replaced it: renewal was proactive.
    assert len(sim.state.tokens) == 2


def test_profit8_answer_shape_is_what_the_reference_quotes(make_sim: MakeSim) -> None:
    sim = make_sim(profit_version=8)

    async def go() -> httpx.Response:
        async with sim.client() as client:
            return await client.post(
                f"{REST}/oauth/token",
                data={"grant_type": "client_credentials", "client_id": CLIENT_ID, "client_secret": SECRET},
            )

    body = run(go()).json()
    assert body["refresh_token"] is None
    assert body["expires_in"] == "3600"
    assert body["token_type"] == "Bearer"


def test_a_token_afas_stopped_accepting_is_renewed_once(make_sim: MakeSim, make_auth: Auth) -> None:
    sim, auth = make_sim(), make_auth()

    async def go() -> tuple[int, int, list[str]]:
        async with sim.client(auth) as client:
            first = await _metainfo(client)
            sim.state.revoke_access_tokens()  # AFAS forgets the token: 401 Bearer error="invalid_token"
            second = await _metainfo(client)
            return first.status_code, second.status_code, [f"{r.status_code} {r.url.path}" for r in second.history]

    assert run(go()) == (200, 200, [f"401 {REST}/metainfo", f"200 {REST}/oauth/token"])
    assert sim.state.token_requests == 2


def test_after_one_renewal_a_rejected_token_fails_without_more_token_requests(
    make_sim: MakeSim, make_auth: Auth
) -> None:
    sim, auth = make_sim(), make_auth()
    sim.reject_all_bearer = True

    async def go() -> list[httpx.Response]:
        async with sim.client(auth) as client:
            return [await _metainfo(client), await _metainfo(client), *await asyncio.gather(*(
                _metainfo(client) for _ in range(10)))]  # fmt: skip

    answers = run(go())
    assert {a.status_code for a in answers} == {401}
    assert answers[0].headers["WWW-Authenticate"] == 'Bearer error="invalid_token"'
    assert sim.state.token_requests == 2  # the first token, and one renewal: then it fails


def test_concurrent_rejections_renew_only_once(make_sim: MakeSim, make_auth: Auth) -> None:
    sim, auth = make_sim(), make_auth()

    async def go() -> list[int]:
        async with sim.client(auth) as client:
            await _metainfo(client)
            sim.state.revoke_access_tokens()
            answers = await asyncio.gather(*(_metainfo(client) for _ in range(12)))
            return [a.status_code for a in answers]

    assert run(go()) == [200] * 12
    assert sim.state.token_requests == 2


def _sent_token_requests(sim: OAuthSim, auth: OAuthClientAuth) -> list[httpx.Request]:
    seen: list[httpx.Request] = []

    async def hook(request: httpx.Request) -> None:
        if request.url.path.endswith("/oauth/token"):
            seen.append(request)

    async def go() -> None:
        async with sim.client(auth, event_hooks={"request": [hook]}) as client:
            assert (await _metainfo(client)).status_code == 200

    run(go())
    return seen


def test_by_default_the_secret_goes_in_the_form_body(make_sim: MakeSim, make_auth: Auth) -> None:
    sim = make_sim()
    [request] = _sent_token_requests(sim, make_auth())
    assert request.method == "POST"
    assert request.headers["Content-Type"] == "application/x-www-form-urlencoded"
    assert "Authorization" not in request.headers
    assert parse_qs(request.content.decode()) == {
        "grant_type": ["client_credentials"],
        "client_id": [CLIENT_ID],
        "client_secret": [SECRET],
    }


def test_basic_setting_sends_exactly_one_method_the_basic_header(make_sim: MakeSim, make_auth: Auth) -> None:
    sim = make_sim()
    [request] = _sent_token_requests(sim, make_auth(client_auth="basic"))
    assert request.headers["Authorization"].startswith("Basic ")
    assert parse_qs(request.content.decode()) == {"grant_type": ["client_credentials"]}


def test_a_profit_without_basic_auth_is_classified_as_invalid_request(make_sim: MakeSim, make_auth: Auth) -> None:
    sim = make_sim(profit_version=8, basic_before_profit9="invalid_request")

    async def go() -> None:
        async with sim.client(make_auth(client_auth="basic")) as client:
            await _metainfo(client)

    with pytest.raises(OAuthTokenError) as caught:
        run(go())
    assert caught.value.problem.kind is Problem.INVALID_REQUEST
    assert "--client-auth basic" in oauth_refused(caught.value.problem).en
    # The same Profit accepts the default, the secret in the body.
    assert (
        len(_sent_token_requests(make_sim(profit_version=8, basic_before_profit9="invalid_request"), make_auth())) == 1
    )


def test_a_failed_token_request_is_not_repeated_within_the_run(make_sim: MakeSim, make_auth: Auth) -> None:
    sim, auth = make_sim(), make_auth()
    sim.state.revoke_secret()

    async def go() -> list[BaseException | httpx.Response]:
        async with sim.client(auth) as client:
            return await asyncio.gather(*(_metainfo(client) for _ in range(8)), return_exceptions=True)

    outcomes = run(go())
    assert all(isinstance(o, OAuthTokenError) for o in outcomes)
    assert sim.state.token_requests == 1
    assert sim.resource_calls == 0


def test_auth_for_chooses_the_flow_by_credential(cred: object) -> None:
    base = "https://12345.resttest.afas.online/ProfitRestServices"
    oauth = auth_for(cred, base)  # type: ignore[arg-type]
    assert isinstance(oauth, OAuthClientAuth)
    assert token_url(base + "/") == base + "/oauth/token"
    assert isinstance(auth_for(parse_classic_token(FAKE_XML), base), AfasAuth)


@pytest.mark.loopback
def test_the_afas_client_over_real_loopback_makes_one_token_request_for_thirty_calls(
    make_sim: MakeSim, cred: object
) -> None:
    """The wiring the lead will do (the client choosing `auth_for`), done here by swapping the client's auth."""
    sim = make_sim()
    with LoopbackServer(sim.app) as server:
        env = parse_environment("T12345AA", base_url=f"{server.origin}{REST}")
        auth = auth_for(cred, env.rest_base_url)  # type: ignore[arg-type]

        async def go() -> list[int]:
            async with AfasClient(env, parse_classic_token(FAKE_XML), settings=ClientSettings()) as client:
                client._http.auth = auth  # what AfasClient.__init__ does once wired: auth=auth_for(credential, ...)
                replies = await asyncio.gather(*(client.get("metainfo") for _ in range(30)))
                return [r.status for r in replies]

        assert run(go()) == [200] * 30
    assert sim.state.token_requests == 1
    assert sim.resource_calls == 30
