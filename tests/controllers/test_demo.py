"""The demo's "do this in the simulated AFAS", driven through DemoController with fake pages and a scripted
simulator: which guide step or OAuth action is asked for, and what the user then sees."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from pydantic import SecretStr

from tests.conftest import FAKE_DATA
from tests.controllers.fakes import MANIFEST, Rig, rig
from wizard.domain.afas_actions import AfasAction, GuideStep
from wizard.domain.credentials import ClassicToken
from wizard.domain.oauth import oauth_client_credentials
from wizard.domain.steps import StepId
from wizard.flow.migration import Stage
from wizard.flow.state import AuthKind, WizardState
from wizard.ui.controllers.demo import DONE, NO_SIMULATOR, STAGE_DONE, DemoController
from wizard.ui.widgets import Level

TOKEN = ClassicToken(data=SecretStr(FAKE_DATA))
CLIENT = oauth_client_credentials("fa4e0000-c11e-4700-8000-00000000fa4e", "0FA4E5EC" * 8, dt.date(2027, 6, 30))


class ScriptedSim:
    """SimAdmin's two guide calls; remembers what it was asked."""

    def __init__(self) -> None:
        self.asked: list[tuple[GuideStep, Any]] = []

    def apply_guide_step(self, step: StepId, gcn_files: Any = None) -> ClassicToken | None:
        self.asked.append((step, gcn_files))
        return TOKEN if step is StepId.TOKEN else None

    def apply_oauth_step(self, step: GuideStep) -> Any:
        self.asked.append((step, None))
        return CLIENT if step is AfasAction.CLIENT_SECRET else None


def _rig(state: WizardState | None = None, sim: ScriptedSim | None = None) -> tuple[Rig, DemoController]:
    r = rig(state or WizardState(demo=True), sim=sim)
    return r, DemoController(r.ctx)


def test_without_the_simulator_the_page_says_it_is_not_running() -> None:
    r, demo = _rig()
    demo.simulate(StepId.LINK_CONNECTORS)
    assert r.page(StepId.LINK_CONNECTORS).messages(Level.ERROR) == [NO_SIMULATOR.en]


def test_a_step_done_in_afas_ticks_its_checklist() -> None:
    sim = ScriptedSim()
    r, demo = _rig(WizardState(demo=True, auth_choice=AuthKind.CLASSIC), sim)
    demo.simulate(StepId.LINK_CONNECTORS)
    assert sim.asked == [(StepId.LINK_CONNECTORS, None)]
    assert not r.ctx.machine.missing(StepId.LINK_CONNECTORS)
    page = r.page(StepId.LINK_CONNECTORS)
    assert page.messages(Level.OK) == [DONE.en] and not page.busy


def test_the_import_imports_exactly_the_files_the_user_exported(tmp_path: Path) -> None:
    for gcn in MANIFEST.gcn_files:
        (tmp_path / gcn.file).write_bytes(gcn.file.encode())
    sim = ScriptedSim()
    _r, demo = _rig(WizardState(demo=True, exported=True, export_folder=str(tmp_path)), sim)
    demo.simulate(StepId.IMPORT)
    ((step, files),) = sim.asked
    assert step is StepId.IMPORT and files == {g.file: g.file.encode() for g in MANIFEST.gcn_files}


def test_the_classic_token_afas_shows_once_is_pasted_into_the_token_page() -> None:
    sim = ScriptedSim()
    r, demo = _rig(WizardState(demo=True, auth_choice=AuthKind.CLASSIC), sim)
    demo.simulate(StepId.TOKEN)
    assert r.page(StepId.TOKEN).told("fill_token") == [(TOKEN.xml(),)]
    assert r.state.token_storage is None  # pasted, not stored: the user stores it


def test_with_oauth_the_steps_are_afas_oauth_actions_and_the_client_is_filled_in() -> None:
    sim = ScriptedSim()
    r, demo = _rig(WizardState(demo=True, auth_choice=AuthKind.OAUTH), sim)
    demo.simulate(StepId.APP_CONNECTOR)
    demo.simulate(StepId.TOKEN)
    assert [step for step, _files in sim.asked] == [AfasAction.APP_CONNECTOR_OAUTH, AfasAction.CLIENT_SECRET]
    assert r.page(StepId.TOKEN).told("fill_client") == [(CLIENT.client_id, CLIENT.secret(), CLIENT.secret_expires)]


def test_each_stage_of_the_move_to_oauth_is_its_afas_action_and_the_page_says_to_check_it() -> None:
    sim = ScriptedSim()
    r, demo = _rig(sim=sim)
    for stage in (Stage.HYBRID, Stage.SECRET, Stage.SWITCH_OAUTH):
        demo.simulate_stage(stage)
    assert [step for step, _files in sim.asked] == [
        AfasAction.SWITCH_TO_HYBRID,
        AfasAction.CLIENT_SECRET,
        AfasAction.SWITCH_TO_OAUTH,
    ]
    page = r.page(StepId.MIGRATE)
    assert [args[1:] for args in page.told("stage_result")] == [(Level.INFO, STAGE_DONE.en)] * 3
    assert page.told("fill_client") == [(CLIENT.client_id, CLIENT.secret(), CLIENT.secret_expires)]
