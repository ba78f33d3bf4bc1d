"""The link step's live check, driven through LinkWatchController with a fake page, a scripted AFAS and a clock the
test moves: what AFAS lists is ticked while the step is on screen, nothing is asked off it, problems are worded
for the user. The schedule is a QTimer, so these tests need Qt's core application (no window); the timer's
firing is the test's `fire()`."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from pydantic import SecretStr
from PySide6.QtWidgets import QApplication

from tests.conftest import FAKE_DATA
from tests.controllers.fakes import MANIFEST, Page, Rig, rig
from wizard.afas.errors import AfasProblem, Problem
from wizard.domain.credentials import ClassicToken, Credential
from wizard.domain.environment import AfasEnvironment, parse_environment
from wizard.domain.manifest import Manifest
from wizard.domain.steps import StepId
from wizard.flow.link_watch import LinkReading
from wizard.flow.state import TokenStorage, WizardState
from wizard.ui.controllers.link_watch import LinkWatchController

ENV = parse_environment("O12345AA")
TOKEN = ClassicToken(data=SecretStr(FAKE_DATA))
ITEMS = [f"{c.kind}:{c.id}" for c in MANIFEST.connectors]
A, B = ITEMS[0], ITEMS[1]


def reading(*seen: str) -> LinkReading:
    return LinkReading(seen=frozenset(seen), missing=tuple(i for i in ITEMS if i not in seen), unseen=())


class ScriptedAfas:
    """AFAS's /metainfo answers in order; counts the connections made and closed."""

    def __init__(self, *answers: LinkReading | AfasProblem) -> None:
        self.answers = list(answers)
        self.made = 0
        self.closed = 0

    def __call__(self, env: AfasEnvironment, credential: Credential, manifest: Manifest) -> ScriptedAfas:
        assert env == ENV and credential == TOKEN
        self.made += 1
        return self

    async def read(self) -> LinkReading | AfasProblem:
        return self.answers.pop(0)

    async def close(self) -> None:
        self.closed += 1


class Clock:
    now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock(qapp: QApplication) -> Clock:
    return Clock()


def _rig(afas: ScriptedAfas, clock: Clock, *, stored: bool = True) -> tuple[Rig, LinkWatchController, Page]:
    storage = TokenStorage(persistent=True, location_en="keyring", location_nl="sleutelbos") if stored else None
    r = rig(WizardState(environment=ENV, credential=TOKEN, token_storage=storage))

    def loader():  # CredentialController.loader: the stored credential
        async def load() -> Credential:
            return TOKEN

        return load

    controller = LinkWatchController(r.ctx, loader, None, reader=afas, clock=clock)
    return r, controller, r.page(StepId.LINK_CONNECTORS)


@pytest.fixture
def stop() -> Iterator[list[LinkWatchController]]:
    made: list[LinkWatchController] = []
    yield made
    for controller in made:
        controller.shutdown()


def fire(controller: LinkWatchController) -> None:
    """The timer's time has come."""
    assert controller.timer.isActive()
    controller.timer.timeout.emit()


def test_what_afas_lists_is_ticked_and_never_unticked(clock: Clock, stop: list[LinkWatchController]) -> None:
    afas = ScriptedAfas(reading(A, B), reading(A))
    r, controller, page = _rig(afas, clock)
    stop.append(controller)
    controller.page_entered(StepId.LINK_CONNECTORS)
    fire(controller)
    assert r.state.ticked(StepId.LINK_CONNECTORS) == {A, B}
    assert page.told("show_live") == [(reading(A, B), "", False)]
    assert r.saves
    assert controller.timer.interval() == 3000  # the next reading in 3 s, not at once
    clock.now += 3
    fire(controller)
    assert r.state.ticked(StepId.LINK_CONNECTORS) == {A, B}  # B is no longer listed: the final check decides
    assert afas.made == 1  # one connection for the whole watch


def test_nothing_is_asked_without_a_stored_credential(clock: Clock, stop: list[LinkWatchController]) -> None:
    afas = ScriptedAfas()
    _r, controller, _page = _rig(afas, clock, stored=False)
    stop.append(controller)
    controller.page_entered(StepId.LINK_CONNECTORS)
    assert not controller.timer.isActive() and afas.made == 0


def test_leaving_the_step_stops_the_reading_and_closes_the_connection(
    clock: Clock, stop: list[LinkWatchController]
) -> None:
    afas = ScriptedAfas(reading(A))
    _r, controller, _page = _rig(afas, clock)
    stop.append(controller)
    controller.page_entered(StepId.LINK_CONNECTORS)
    fire(controller)
    controller.page_entered(StepId.DOSSIER)
    assert not controller.timer.isActive() and afas.closed == 1


def test_an_answer_that_comes_after_the_step_was_left_ticks_nothing(
    clock: Clock, stop: list[LinkWatchController]
) -> None:
    afas = ScriptedAfas(reading(A, B))
    r, controller, page = _rig(afas, clock)
    stop.append(controller)
    controller.page_entered(StepId.LINK_CONNECTORS)
    r.runner.hold()
    fire(controller)
    controller.page_entered(StepId.DOSSIER)
    r.runner.release()
    assert r.state.ticked(StepId.LINK_CONNECTORS) == set() and page.told("show_live") == []
    assert afas.closed == 1


def test_a_problem_is_said_in_the_users_words_and_the_next_try_waits_longer(
    clock: Clock, stop: list[LinkWatchController]
) -> None:
    problem = AfasProblem(kind=Problem.UNAUTHORIZED)
    afas = ScriptedAfas(problem)
    r, controller, page = _rig(afas, clock)
    stop.append(controller)
    controller.page_entered(StepId.LINK_CONNECTORS)
    fire(controller)
    assert page.told("show_live") == [(None, problem.message().en, False)]
    assert r.state.ticked(StepId.LINK_CONNECTORS) == set()
    assert controller.timer.interval() == 6000  # backs off: 3 s doubled


def test_after_a_quarter_of_an_hour_without_change_the_page_says_the_watch_paused(
    clock: Clock, stop: list[LinkWatchController]
) -> None:
    afas = ScriptedAfas(reading(A), reading(A))
    _r, controller, page = _rig(afas, clock)
    stop.append(controller)
    controller.page_entered(StepId.LINK_CONNECTORS)
    fire(controller)
    clock.now += 15 * 60
    fire(controller)
    assert page.told("show_live")[-1] == (None, "", True)
    assert not controller.timer.isActive() and len(afas.answers) == 1  # no request after the pause
    controller.activity()  # the user ticks something by hand: the watch starts again
    assert controller.timer.isActive()
