"""Each named scenario behaves as its name says, seen from a client of the REST API."""

from __future__ import annotations

import pytest

from tests.conftest import FAKE_DATA
from tests.sim.conftest import Sim
from wizard.data import load_manifest
from wizard.sim import SCENARIOS, UnknownScenarioError, build_scenario
from wizard.sim.model import UserToken
from wizard.sim.scenarios import BLOCKED_DEFINITION, MISSING_GET, MISSING_UPDATE, SLOW_LATENCY_MS

MANIFEST = load_manifest()


def test_every_documented_scenario_exists() -> None:
    for name in (
        "fresh",
        "ready",
        "missing-connectors",
        "token-invalid",
        "ip-restricted",
        "maintenance",
        "blocked-definition",
        "slow",
        "oauth-ready",
        "hybrid",
        "oauth-secret-expired",
        "oauth-secret-expiring",
    ):
        assert name in SCENARIOS


def test_unknown_scenario() -> None:
    with pytest.raises(UnknownScenarioError, match="fresh"):
        build_scenario("nope")


def test_fresh_has_nothing_done(make_sim) -> None:
    sim = make_sim("fresh")
    assert sim.state.token is None
    assert sim.state.app_connector is None
    assert all(sim.state.get_definition(g.connector) is None for g in MANIFEST.gcn_files)
    assert sim.state.get_definition("Profit_Subjects") is not None  # standard connectors exist from the start
    assert sim.get("/metainfo").status_code == 401


def test_ready_passes_what_verification_checks(make_sim) -> None:
    sim = make_sim("ready")
    assert sim.get("/profitversion").status_code == 200
    body = sim.get("/metainfo").json()
    assert {c.id for c in MANIFEST.get_connectors} == {c["id"] for c in body["getConnectors"]}
    for spec in MANIFEST.get_connectors:
        assert sim.get(f"/connectors/{spec.id}?skip=0&take=1").status_code == 200
    objects = {o["name"] for o in sim.get("/metainfo/update/KnSubject").json()["objects"]}
    assert "KnSubjectAttachment" in objects
    assert sim.state.writes == 0


def test_missing_connectors(make_sim) -> None:
    sim = make_sim("missing-connectors")
    body = sim.get("/metainfo").json()
    listed = {c["id"] for c in body["getConnectors"]} | {c["id"] for c in body["updateConnectors"]}
    assert not set(MISSING_GET + MISSING_UPDATE) & listed
    assert len(MISSING_GET) == 2
    for connector_id in MISSING_GET:
        assert sim.get(f"/connectors/{connector_id}").status_code == 500
    assert sim.get("/connectors/SBQ_BTW").status_code == 200


@pytest.mark.parametrize(("scenario", "status"), [("token-invalid", 401), ("ip-restricted", 403), ("maintenance", 503)])
def test_scenarios_that_refuse_every_call(make_sim, scenario: str, status: int) -> None:
    sim = make_sim(scenario)
    assert sim.state.token is not None  # the client holds a token; AFAS does not accept it (or is away)
    for path in ("/metainfo", "/profitversion", "/connectors/SBQ_BTW"):
        assert sim.get(path).status_code == status


def test_blocked_definition(make_sim) -> None:
    sim = make_sim("blocked-definition")
    response = sim.get(f"/connectors/{BLOCKED_DEFINITION}")
    assert response.status_code == 500
    assert response.json()["externalMessage"] == "Deze GetConnector (definitie) is geblokkeerd"
    assert sim.get("/connectors/SBQ_BTW").status_code == 200


def test_slow(make_sim) -> None:
    sim = make_sim("slow")
    assert SLOW_LATENCY_MS >= 100
    assert sim.state.faults.latency_ms == SLOW_LATENCY_MS
    assert sim.get("/metainfo").status_code == 200
    assert sim.state.log[-1].latency_ms == SLOW_LATENCY_MS


def test_no_form_of_a_token_reaches_the_log_or_the_state_dump() -> None:
    state = build_scenario("ready")
    import datetime as dt

    state.tokens.append(UserToken("12345.sbq", FAKE_DATA, "canary", dt.datetime(2026, 1, 1)))
    state.client_token = FAKE_DATA
    sim = Sim(state)
    assert sim.state.token is not None
    forms = sim.state.token.secret_forms()
    sim.get("/metainfo", headers={"IntegrationId": "12345_678900"})
    sim.get("/connectors/SBQ_BTW?take=1")
    sim.get(f"/metainfo?token={FAKE_DATA[:8]}")  # a query string is logged as sent; the header never
    text = str(sim.admin("GET", "log").json()) + str(sim.admin("GET", "state").json())
    for form in forms:
        assert form not in text
    assert sim.admin("GET", "log").json()[0]["integration_id"] == "12345_678900"
