"""A built-in AFAS Profit simulator: one stateful environment behind AFAS's REST/SOAP surface, on loopback.

    with SimulatorServer("ready") as sim:      # real uvicorn on 127.0.0.1, ephemeral port
        sim.base_url, sim.token, sim.admin().request_log()   # admin() sends the run's admin key
        sim.admin().apply_guide_step(StepId.LINK_CONNECTORS)

    with SimulatorServer("oauth-ready") as sim:  # Authenticatietype OAuth; also "hybrid", "oauth-secret-expired"
        sim.token_url, sim.client_id, sim.client_secret   # the secret is a SecretStr

    app = create_app(build_scenario("fresh"))  # in-process, with httpx.ASGITransport(app)

See docs/simulator.md for endpoints, scenarios, settings and the admin API.
"""

from __future__ import annotations

from wizard.sim.app import create_app
from wizard.sim.client import SimAdmin, SimAdminError
from wizard.sim.guide import GUIDE_STEPS, OAUTH_STEPS, StepDone, apply_guide_step
from wizard.sim.model import ENV_ID, SimEnvironment, SimFaults, SimSettings
from wizard.sim.scenarios import SCENARIOS, UnknownScenarioError, build_scenario
from wizard.sim.server import SimulatorServer, SimulatorStartError

__all__ = [
    "ENV_ID",
    "GUIDE_STEPS",
    "OAUTH_STEPS",
    "SCENARIOS",
    "SimAdmin",
    "SimAdminError",
    "SimEnvironment",
    "SimFaults",
    "SimSettings",
    "SimulatorServer",
    "SimulatorStartError",
    "StepDone",
    "UnknownScenarioError",
    "apply_guide_step",
    "build_scenario",
    "create_app",
]
