"""One "do this guide step in the simulated AFAS": the scenarios, the admin API and SimAdmin share it."""

from __future__ import annotations

import pytest

from wizard import resources
from wizard.data import load_manifest
from wizard.flow.steps import StepId
from wizard.sim import GUIDE_STEPS, SimAdminError, SimulatorServer, apply_guide_step, build_scenario
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


def test_every_guide_step_is_a_wizard_step_in_the_wizards_order() -> None:
    order = [s.value for s in StepId]
    assert set(GUIDE_STEPS) <= set(order)
    assert list(GUIDE_STEPS) == sorted(GUIDE_STEPS, key=order.index)


def test_the_guide_steps_one_by_one_give_the_ready_scenario() -> None:
    env = build_scenario("fresh")
    for step in GUIDE_STEPS:
        apply_guide_step(env, step)
    assert _setup(env.dump()) == _setup(build_scenario("ready").dump())


def test_a_step_outside_afas_is_refused_with_its_name() -> None:
    with pytest.raises(SimStepError) as refused:
        apply_guide_step(build_scenario("fresh"), StepId.WELCOME.value)
    assert refused.value.code == "no-afas-step"


def test_steps_out_of_order_are_refused_like_afas() -> None:
    with pytest.raises(SimStepError) as refused:
        apply_guide_step(build_scenario("fresh"), "link-connectors")
    assert refused.value.code == "no-app-connector"


@pytest.mark.loopback
def test_sim_admin_does_the_guide_over_loopback_with_the_users_exported_files() -> None:
    exported = {g.file: (resources.connectors_dir() / g.file).read_bytes() for g in MANIFEST.gcn_files}
    with SimulatorServer("fresh") as sim, sim.admin() as admin:
        tokens = []
        for step in GUIDE_STEPS:
            tokens.append(admin.apply_guide_step(step, gcn_files=exported if step == "import" else None))
        assert _setup(admin.state()) == _setup(build_scenario("ready").dump())
        token = tokens[list(GUIDE_STEPS).index("token")]
        assert token is not None and sim.token is not None and token.xml() == sim.token.xml()
        assert [t for t in tokens if t is not None] == [token]  # only the token step returns one
        with pytest.raises(SimAdminError) as refused:
            admin.apply_guide_step("verify")
        assert (refused.value.code, refused.value.status) == ("no-afas-step", 400)
