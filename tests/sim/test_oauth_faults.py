"""Every fault of the simulator happens with OAuth as with the classic token: the same scenario, the same answer,
seen by a client that first gets its access token at the token endpoint (in-process)."""

from __future__ import annotations

import datetime as dt

import httpx
import pytest

from tests.sim.conftest import REST, Sim
from wizard.sim import actions, build_scenario
from wizard.sim.scenarios import BLOCKED_DEFINITION, MISSING_GET, SLOW_LATENCY_MS

AUTHS = ["classic", "oauth"]


def _sim(scenario: str, auth: str) -> Sim:
    return Sim(build_scenario(scenario, auth=None if auth == "classic" else auth))


def _token_request(sim: Sim) -> httpx.Response:
    credentials = sim.state.oauth_credentials
    assert credentials is not None
    form = {
        "grant_type": "client_credentials",
        "client_id": credentials.client_id,
        "client_secret": credentials.secret(),
    }
    return sim.request("POST", f"{REST}/oauth/token", auth=False, data=form)


def _credential(sim: Sim, auth: str) -> tuple[str | None, httpx.Response | None]:
    """(Authorization header, None), or (None, the token endpoint's refusal) when OAuth gets no access token."""
    if auth == "classic":
        assert sim.state.token is not None
        return sim.state.token.authorization_header(), None
    answer = _token_request(sim)
    if answer.status_code != 200:
        return None, answer
    return f"Bearer {answer.json()['access_token']}", None


@pytest.mark.parametrize("auth", AUTHS)
def test_ready_with_either_credential(auth: str) -> None:
    sim = _sim("ready", auth)
    header, refused = _credential(sim, auth)
    assert refused is None and header is not None
    assert sim.get("/metainfo", auth=header).status_code == 200
    assert sim.get("/connectors/SBQ_BTW?skip=0&take=1", auth=header).status_code == 200


@pytest.mark.parametrize("auth", AUTHS)
def test_missing_connectors(auth: str) -> None:
    sim = _sim("missing-connectors", auth)
    header, _ = _credential(sim, auth)
    linked = {c["id"] for c in sim.get("/metainfo", auth=header).json()["getConnectors"]}
    assert not set(MISSING_GET) & linked
    assert sim.get(f"/connectors/{MISSING_GET[0]}", auth=header).status_code == 500


@pytest.mark.parametrize("auth", AUTHS)
def test_the_clients_credential_deleted_in_afas(auth: str) -> None:
    sim = _sim("token-invalid", auth)
    header, refused = _credential(sim, auth)
    if auth == "classic":
        assert sim.get("/metainfo", auth=header).status_code == 401
    else:  # the client secret was revoked: no access token
        assert refused is not None and (refused.status_code, refused.json()["error"]) == (400, "invalid_client")


@pytest.mark.parametrize("auth", AUTHS)
def test_ip_restriction(auth: str) -> None:
    sim = _sim("ip-restricted", auth)
    header, refused = _credential(sim, auth)
    assert refused is None  # by default the restriction gates the API, not the token endpoint (a setting)
    response = sim.get("/metainfo", auth=header)
    assert (response.status_code, response.content) == (403, b"")
    assert sim.state.log[-1].note == "IP restriction"


def test_the_ip_restriction_can_gate_the_token_endpoint_too() -> None:
    sim = _sim("ip-restricted", "oauth")
    actions.set_oauth_settings(sim.state, ip_restriction_on_token=True)
    assert _token_request(sim).status_code == 403
    assert sim.state.log[-1].note == "token request: IP restriction"


@pytest.mark.parametrize("auth", AUTHS)
def test_maintenance(auth: str) -> None:
    sim = _sim("ready", auth)
    header, _ = _credential(sim, auth)
    actions.set_faults(sim.state, maintenance=True)
    response = sim.get("/metainfo", auth=header)
    assert response.status_code == 503 and response.headers["Retry-After"] == "7200"
    if auth == "oauth":  # the token endpoint is down too
        token = _token_request(sim)
        assert token.status_code == 503 and token.headers["Retry-After"] == "7200"
    assert build_scenario("maintenance", auth=None if auth == "classic" else auth).faults.maintenance


@pytest.mark.parametrize("auth", AUTHS)
def test_blocked_definition(auth: str) -> None:
    sim = _sim("blocked-definition", auth)
    header, _ = _credential(sim, auth)
    assert sim.get(f"/connectors/{BLOCKED_DEFINITION}", auth=header).status_code == 500


@pytest.mark.parametrize("auth", AUTHS)
def test_slow_delays_every_call_including_the_token_request(auth: str) -> None:
    sim = _sim("slow", auth)
    header, _ = _credential(sim, auth)
    assert sim.get("/metainfo", auth=header).status_code == 200
    assert {e.latency_ms for e in sim.state.log} == {SLOW_LATENCY_MS}
    assert len(sim.state.log) == (1 if auth == "classic" else 2)


@pytest.mark.parametrize("auth", AUTHS)
def test_dropped_connection(auth: str) -> None:
    sim = _sim("ready", auth)
    header, _ = _credential(sim, auth)
    actions.set_faults(sim.state, drop_connection=True)
    with pytest.raises(httpx.RemoteProtocolError):
        sim.get("/metainfo", auth=header)
    if auth == "oauth":
        with pytest.raises(httpx.RemoteProtocolError):
            _token_request(sim)


@pytest.mark.parametrize("auth", AUTHS)
def test_malformed_body(auth: str) -> None:
    sim = _sim("ready", auth)
    header, _ = _credential(sim, auth)
    actions.set_faults(sim.state, malformed_body=True)
    response = sim.get("/metainfo", auth=header)
    assert response.status_code == 200
    with pytest.raises(ValueError):
        response.json()
    if auth == "oauth":
        with pytest.raises(ValueError):
            _token_request(sim).json()


@pytest.mark.parametrize("auth", AUTHS)
def test_blocked_app_connector(auth: str) -> None:
    sim = _sim("ready", auth)
    header, _ = _credential(sim, auth)
    actions.set_faults(sim.state, app_blocked=True)
    assert sim.get("/metainfo", auth=header).status_code == 401
    if auth == "oauth":  # "The client is unknown or blocked" (afas-oauth.md §2.3)
        assert _token_request(sim).json()["error"] == "invalid_client"


@pytest.mark.parametrize("auth", AUTHS)
def test_an_expired_credential(auth: str) -> None:
    sim = _sim("ready", auth)
    header, _ = _credential(sim, auth)
    if auth == "classic":
        actions.set_faults(sim.state, token_expired=True)
    else:  # an access token lives 3600 s
        issued = sim.state.oauth.clock()
        sim.state.oauth.clock = lambda: issued + 3600
    response = sim.get("/metainfo", auth=header)
    assert response.status_code == 401
    if auth == "oauth":
        assert response.headers["WWW-Authenticate"] == 'Bearer error="invalid_token"'
        assert sim.state.log[-1].note == "access token expired"


@pytest.mark.parametrize("auth", AUTHS)
def test_unlinked_connector_setting(auth: str) -> None:
    sim = _sim("missing-connectors", auth)
    header, _ = _credential(sim, auth)
    actions.set_settings(sim.state, unlinked_get=401)
    assert sim.get(f"/connectors/{MISSING_GET[0]}", auth=header).status_code == 401


def test_the_oauth_secret_expiry_follows_the_environments_date() -> None:
    sim = _sim("ready", "oauth")
    credentials = sim.state.oauth_credentials
    assert credentials is not None and credentials.secret_expires is not None
    sim.state.today = credentials.secret_expires + dt.timedelta(days=1)
    assert _token_request(sim).json()["error"] == "invalid_client"
