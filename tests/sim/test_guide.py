"""One "do this guide step in the simulated AFAS": the scenarios, the admin API and SimAdmin share it."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from tests.sim.conftest import Sim
from wizard import installation
from wizard.data import load_manifest
from wizard.domain.afas_actions import AfasAction
from wizard.domain.steps import StepId
from wizard.sim import GUIDE_STEPS, SimAdminError, SimulatorServer, apply_guide_step, build_scenario
from wizard.sim.guide import MIGRATION, OAUTH_GUIDE, parse_guide_step
from wizard.sim.model import SimStepError

MANIFEST = load_manifest()


def _setup(dump: dict[str, object]) -> dict[str, object]:
    """The part of the state the guide changes (not tokens' dates or the request count)."""
    app = dump["app_connector"]
    assert isinstance(app, dict)
    definitions = dump["get_definitions"]
    assert isinstance(definitions, list)
    return {
        "imported": sorted(d["imported_from"] for d in definitions if d["imported_from"]),
        "links": {k: sorted(app[k]) for k in ("get_connectors", "update_connectors", "special_connectors")},
        "blocked": app["blocked"],
        "dossier": dump["dossier_types"],
        "has_token": dump["has_client_token"],
    }


def test_the_guide_steps_come_in_the_wizards_order() -> None:
    order = list(StepId)
    assert list(GUIDE_STEPS) == sorted(GUIDE_STEPS, key=order.index)


def test_the_guide_steps_one_by_one_give_the_ready_scenario() -> None:
    env = build_scenario("fresh")
    for step in GUIDE_STEPS:
        apply_guide_step(env, step)
    assert _setup(env.dump()) == _setup(build_scenario("ready").dump())


def test_a_step_outside_afas_is_refused_with_its_name() -> None:
    with pytest.raises(SimStepError) as refused:
        apply_guide_step(build_scenario("fresh"), StepId.WELCOME)
    assert refused.value.code == "no-afas-step"


def test_steps_out_of_order_are_refused_like_afas() -> None:
    with pytest.raises(SimStepError) as refused:
        apply_guide_step(build_scenario("fresh"), StepId.LINK_CONNECTORS)
    assert refused.value.code == "no-app-connector"


@pytest.mark.loopback
def test_sim_admin_does_the_guide_over_loopback_with_the_users_exported_files() -> None:
    exported = {g.file: (installation.connectors_dir() / g.file).read_bytes() for g in MANIFEST.gcn_files}
    with SimulatorServer("fresh") as sim, sim.admin() as admin:
        tokens = []
        for step in GUIDE_STEPS:
            tokens.append(admin.apply_guide_step(step, gcn_files=exported if step is StepId.IMPORT else None))
        assert _setup(admin.state()) == _setup(build_scenario("ready").dump())
        token = tokens[list(GUIDE_STEPS).index(StepId.TOKEN)]
        assert token is not None and sim.token is not None and token.xml() == sim.token.xml()
        assert [t for t in tokens if t is not None] == [token]  # only the token step returns one
        with pytest.raises(SimAdminError) as refused:
            admin.apply_guide_step(StepId.VERIFY)
        assert (refused.value.code, refused.value.status) == ("no-afas-step", 400)


def test_the_oauth_guide_sets_up_an_app_connector_that_accepts_only_oauth() -> None:
    env = build_scenario("fresh")
    done = [apply_guide_step(env, step) for step in OAUTH_GUIDE]
    credentials = [d.oauth for d in done if d.oauth is not None]
    assert [d.step for d in done if d.oauth is not None] == [AfasAction.CLIENT_SECRET]  # only that step shows a secret
    assert credentials == [env.oauth_credentials]
    assert env.token is None and env.oauth.auth_type == "oauth"
    ready = build_scenario("oauth-ready")
    setup, expected = _setup(env.dump()), _setup(ready.dump())
    assert {**setup, "has_token": True} == expected  # oauth-ready is `ready` plus OAuth: it still has a token
    assert env.dump()["app_connector"]["auth_type"] == ready.dump()["app_connector"]["auth_type"] == "oauth"


def test_the_migration_moves_a_classic_setup_to_oauth() -> None:
    env = build_scenario("ready")
    assert env.oauth.auth_type == "classic" and env.oauth_credentials is None
    with pytest.raises(SimStepError) as classic:
        apply_guide_step(env, AfasAction.CLIENT_SECRET)  # AFAS offers no OAuth client under Classic token
    assert classic.value.code == "classic-auth-type"
    seen = []
    for step in MIGRATION:
        done = apply_guide_step(env, step)
        seen.append((done.step, env.oauth.auth_type, done.oauth is not None))
    assert seen == [
        (AfasAction.SWITCH_TO_HYBRID, "hybrid", False),
        (AfasAction.CLIENT_SECRET, "hybrid", True),
        (AfasAction.SWITCH_TO_OAUTH, "oauth", False),
    ]
    assert env.token is not None  # the classic token still exists in AFAS; it is refused from now on


@pytest.mark.loopback
def test_sim_admin_does_the_oauth_steps_over_loopback() -> None:
    with SimulatorServer("fresh") as sim, sim.admin() as admin:
        results = {step: admin.apply_oauth_step(step) for step in OAUTH_GUIDE}
        credentials = results[AfasAction.CLIENT_SECRET]
        assert credentials is not None and credentials == sim.oauth_credentials
        assert credentials.secret_expires is not None
        assert [s for s, r in results.items() if r is not None] == [AfasAction.CLIENT_SECRET]
        assert admin.oauth()["auth_type"] == "oauth"


@pytest.mark.parametrize("name", ["bogus", "Token", "client_secret", ""])
def test_a_name_that_is_no_step_is_a_400_that_lists_the_steps(make_sim: Callable[[str], Sim], name: str) -> None:
    sim = make_sim("fresh")
    answer = sim.admin("POST", "guide-step", json={"step": name})
    assert answer.status_code == 400, answer.text
    body = answer.json()
    assert body["error"] == "unknown-step"
    assert "import" in body["message"] and "client-secret" in body["message"]
    assert not name or name not in body["message"]  # the name sent is not echoed
    assert sim.state.app_connector is None  # nothing happened in AFAS


def test_the_wire_names_are_the_steps_and_actions() -> None:
    assert parse_guide_step("client-secret") is AfasAction.CLIENT_SECRET
    assert parse_guide_step("token") is StepId.TOKEN
    assert parse_guide_step("verify") is StepId.VERIFY  # a step, refused later as "no-afas-step"
