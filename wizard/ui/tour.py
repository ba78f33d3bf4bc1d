"""`--demo --tour DIR`: an autopilot that walks every page, does each simulated AFAS step, and screenshots it.

`--auth oauth|classic` chooses the credential of a new setup (the app connector step's question); `--migrate`
checks an existing classic connection, then moves it to OAuth stage by stage, one screenshot per stage.

Event-driven (signals and single-shot timers), never a processEvents() loop: each page's action starts work on
the worker thread; when the worker is idle again the page is photographed and Next is pressed.

`--size WxH --scale F` photograph the window as a screen of that many physical pixels at that scaling shows it
(a 1280x720 remote session at 125 %), `--dark` in a dark palette: `prepare_screen()` runs before QApplication.
"""

from __future__ import annotations

import atexit
import json
import logging
import os
import sys
import tempfile
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QSize, QTimer
from PySide6.QtWidgets import QApplication

from wizard.domain.steps import StepId
from wizard.flow import renewal
from wizard.flow.migration import Stage
from wizard.flow.stages import StagedProgress
from wizard.flow.state import AuthKind
from wizard.ui.dispatcher import Controller
from wizard.ui.frame import WizardWindow
from wizard.ui.intents import SaveReminder
from wizard.ui.later import later
from wizard.ui.pages.app_connector import AppConnectorPage
from wizard.ui.pages.connector_files import ConnectorFilesPage
from wizard.ui.pages.done import DonePage
from wizard.ui.pages.migrate import MigratePage, StageBox
from wizard.ui.pages.renew import RenewPage
from wizard.ui.pages.token import TokenPage
from wizard.ui.pages.verify import VerifyPage
from wizard.ui.pages.welcome import WelcomePage
from wizard.ui.palette import dark_palette, use_style

log = logging.getLogger(__name__)

SIZE = QSize(1024, 768)


@dataclass(frozen=True)
class Screen:
    """The screen the tour photographs on: physical pixels, the scaling, light or dark."""

    size: tuple[int, int] | None = None  # None: SIZE on a screen large enough for it
    scale: float | None = None
    dark: bool = False


def prepare_screen(screen: Screen) -> None:
    """Before QApplication exists: the scaling (QT_SCALE_FACTOR) and, on the offscreen platform, a virtual screen of
    the asked size, so the window is clamped to it exactly as on a real one."""
    if screen.scale is not None:
        os.environ["QT_SCALE_FACTOR"] = f"{screen.scale:g}"
    if os.environ.get("QT_QPA_PLATFORM", "") != "offscreen":
        return  # a real display (Xvfb, a desktop) has its own size; a configured offscreen platform stays as it is
    width, height = screen.size or (SIZE.width(), SIZE.height())
    config = {"screens": [{"name": "tour", "x": 0, "y": 0, "width": width, "height": height, "logicalDpi": 96}]}
    handle, name = tempfile.mkstemp(prefix="sbq-tour-screen-", suffix=".json")
    with os.fdopen(handle, "w", encoding="utf-8") as out:
        json.dump(config, out)
    atexit.register(lambda: Path(name).unlink(missing_ok=True))
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={name}"


SETTLE_MS = 80  # let layouts and posted LanguageChange events settle before a screenshot


@dataclass(frozen=True)
class _StagedFlow:
    """How the tour walks a staged flow's page; the move to OAuth and the renewal differ only in these."""

    name: str  # in the line that says where it stopped
    step: StepId
    progress: Callable[[], StagedProgress | None]
    handover: StrEnum  # the stage the user does by hand: copy for the portal, then confirm
    hand_over: Callable[[], None]
    at_end: Callable[[], None] | None = None  # before the finished list is photographed


TIMEOUT_MS = 180_000


class Autopilot(QObject):
    def __init__(
        self,
        window: WizardWindow,
        out_dir: Path,
        *,
        on_line: Callable[[str], None] | None = None,
        on_finish: Callable[[int], None] = QApplication.exit,
        scenario: str | None = None,
        screen: Screen | None = None,
        auth: str | None = None,
        migrate: bool = False,
        renew: bool = False,
    ) -> None:
        super().__init__(window)
        self.window = window
        self.out_dir = out_dir
        # A scenario's simulated AFAS is already set up (with its defect): the tour ticks each step as a user who
        # believes it is done, uses the token the scenario holds, and photographs the failing check and its fix page.
        # "fresh" is AFAS before the guide: its tour walks the whole setup like the demo's, doing every step.
        self.scenario = scenario if scenario != "fresh" else None
        self._scenario_name = scenario
        self._fixing = False
        self.screen = screen or Screen()
        self.auth = AuthKind(auth) if auth else AuthKind.OAUTH
        self.migrate = migrate
        self.renew = renew  # "Client secret vernieuwen" from the welcome page, every stage, the reminder saved
        self._stage_phase = 0
        self.exit_code: int | None = None
        self.shots: list[Path] = []
        self._say = on_line or (lambda line: print(line, flush=True))
        self._on_finish = on_finish
        self._phase = 0
        self._waiting: Callable[[], None] | None = None
        window.controller.worker.busy_changed.connect(self._busy_changed)
        self._deadline = QTimer(self)
        self._deadline.setSingleShot(True)
        self._deadline.timeout.connect(lambda: self._finish(1, "the tour took too long"))

    @property
    def controller(self) -> Controller:
        return self.window.controller

    def start(self) -> None:
        self.out_dir.mkdir(parents=True, exist_ok=True)
        self.window.controller.state.export_folder = str(self.out_dir / "connector-files")
        if self.screen.dark:
            app = QApplication.instance()
            assert isinstance(app, QApplication)
            use_style(app, "Fusion")  # the platform style may ignore the palette; Fusion follows it
            app.setPalette(dark_palette())  # made readable by wizard.ui.palette.install's watch
        if self.screen.size is not None:
            # As a maximised window on that screen: everything the user must reach has to fit in there.
            self.window.resize(self.window.screen().availableGeometry().size())
            self.window.fit_to_screen()
        else:
            self.window.resize(SIZE)
        self._deadline.start(TIMEOUT_MS)
        later(self, 0, self._act)

    # -- waiting without blocking --------------------------------------------------------------------------
    def _when_idle(self, then: Callable[[], None]) -> None:
        if self.controller.worker.busy:
            self._waiting = then
        else:
            later(self, SETTLE_MS, then)

    def _busy_changed(self, busy: bool) -> None:
        if not busy and self._waiting is not None:
            then, self._waiting = self._waiting, None
            later(self, SETTLE_MS, then)

    # -- one page -----------------------------------------------------------------------------------------------
    def _act(self) -> None:
        if self.exit_code is not None:
            return
        step = self.window.current_step
        page = self.window.pages[step]
        if self.scenario and self._scenario_act(step, page):
            self._when_idle(self._shoot)
            return
        if step is StepId.WELCOME and isinstance(page, WelcomePage):
            # As a user would: the mode on the welcome page; the credential on the app connector step.
            (page.check_radio if self.migrate else page.renew_radio if self.renew else page.setup_radio).click()
        elif step is StepId.APP_CONNECTOR and isinstance(page, AppConnectorPage):
            if self._phase == 0:
                self._phase = 1
                (page.oauth_radio if self.auth is AuthKind.OAUTH else page.classic_radio).click()
                later(self, SETTLE_MS, self._act)
                return
            self._phase = 0
            if page.simulate_button is not None:
                page.simulate_button.click()
        elif isinstance(page, MigratePage | RenewPage):
            self._act_staged(page, self._staged(page))
            return
        elif step is StepId.TOKEN and self.renew:
            pass  # the secret in use is found in the (demo's) keyring, as a user's would be
        elif step is StepId.CONNECTOR_FILES and isinstance(page, ConnectorFilesPage):
            page.folder_edit.setText(str(self.out_dir / "connector-files"))
            page.export_button.click()
        elif step is StepId.TOKEN and isinstance(page, TokenPage):
            if self._phase == 0 and page.simulate_button is not None:
                self._phase = 1
                page.simulate_button.click()
                self._when_idle(self._act)  # second phase: store what the simulated AFAS made
                return
            self._phase = 0
            page.store_button.click()
        elif page.simulate_button is not None:
            page.simulate_button.click()
        # VERIFY started by itself on arrival; WELCOME, ENVIRONMENT and DONE need no action in the demo.
        self._when_idle(self._shoot)

    def _shoot(self) -> None:
        if self.exit_code is not None:
            return
        step = self.window.current_step
        page = self.window.pages[step]
        if step is StepId.VERIFY and isinstance(page, VerifyPage) and page.running:
            self._when_idle(self._shoot)
            return
        number = self.window.machine.order.index(step) + 1 if step in self.window.machine.order else 0
        fixing = "-fix" if self._fixing else ""
        path = self.out_dir / f"{number:02d}-{step.value}{fixing}.png"
        if not self.window.grab().save(str(path)):
            self._finish(1, f"could not save {path}")
            return
        self.shots.append(path)
        self._say(f"{path.name}: {page.title()}")
        # A failed check still leads on (to the helpdesk report): the machine, not Next, says whether it passed.
        failed = step is StepId.VERIFY and not self.window.machine.is_complete(StepId.VERIFY)
        if self.scenario and (self._fixing or failed):
            self._scenario_fix(page)
            return
        if step is StepId.DONE:
            s = self.window.machine.state
            ok = s.verification is not None and s.verification.ok
            if ok and self.migrate and s.migration is None and isinstance(page, DonePage):
                page.migrate_button.click()  # the offer a classic connection gets: move to OAuth
                later(self, 0, self._act)
                return
            if self.renew:
                ok = s.renewal is not None and s.renewal.complete
                self._finish(0 if ok else 1, "" if ok else "the renewal did not finish")
                return
            if ok and self.migrate and (s.migration is None or not s.migration.complete):
                self._finish(1, "the move to OAuth did not finish")
                return
            self._finish(0 if ok else 1, "" if ok else "the final verification did not pass")
            return
        if not page.isComplete():
            if isinstance(page, TokenPage) and page.probe.text():  # refused on storing
                self._say(f"AFAS refused the login details: {page.probe.text()}")
                if self.scenario and not self._fixing:
                    # The page that fixes the cause: the probe's button where it names another step, else this one.
                    self._fixing = True
                    if page.probe_fix.isVisible():
                        page.probe_fix.click()
                    self._when_idle(self._shoot)
                    return
                self._finish(1, f"AFAS refused the login details: {page.probe.text()}")
                return
            summary = page.summary.text() if isinstance(page, VerifyPage) else ""
            why = page.message.text() or summary or "no message"
            self._finish(1, f"page '{step.value}' is not complete: {why}")
            return
        self.window.next()
        later(self, 0, self._act)

    # -- a failing scenario -----------------------------------------------------------------------------------
    def _scenario_act(self, step: StepId, page: object) -> bool:
        """Do a step of a scenario's tour; False: the step is done as in the ordinary tour (exporting the files)."""
        if step is StepId.TOKEN and isinstance(page, TokenPage):
            services = self.controller.services
            if self.auth is AuthKind.OAUTH and services.scenario_client is not None:
                client = services.scenario_client
                page.fill_client(client.client_id, client.client_secret.get_secret_value(), client.secret_expires)
            elif self.auth is AuthKind.CLASSIC and services.scenario_token is not None:
                page.fill_token(services.scenario_token.xml())
            else:
                return False
            page.store_button.click()
            return True
        if step is StepId.APP_CONNECTOR and isinstance(page, AppConnectorPage):
            # The scenario's AFAS holds a classic token: the credential step must ask for that kind.
            (page.oauth_radio if self.auth is AuthKind.OAUTH else page.classic_radio).click()
        if self.window.machine.items(step):
            self.window.machine.tick_all(step)  # the user believes it is done in AFAS
            self.controller.changed.emit()
            return True
        return False

    def _scenario_fix(self, page: object) -> None:
        """The check failed: follow its first button to the step that fixes it, photograph that, and end with the
        check's own exit code (1 not complete, 3 cannot check now)."""
        report = self.controller.last_report
        code = report.exit_code() if report is not None else 1
        first = page.first_fix_button() if isinstance(page, VerifyPage) else None
        if not self._fixing and first is not None:
            self._fixing = True
            first.click()
            self._when_idle(self._shoot)
            return
        self._say(f"scenario {self.scenario}: the check ended with exit code {code}")
        self._finish(code, "")

    # -- a staged flow (the move to OAuth, the renewal): each AFAS stage done in the simulated AFAS, every stage
    # -- proved and photographed ---------------------------------------------------------------------------------
    def _staged(self, page: MigratePage | RenewPage) -> _StagedFlow:
        machine = self.window.machine  # the progress is read anew each time: resuming replaces the state record
        if isinstance(page, MigratePage):

            def hand_over_client() -> None:
                page.copy_id_button.click()
                page.copy_secret_button.click()
                page.handed_over.setChecked(True)

            return _StagedFlow(
                "the move to OAuth", StepId.MIGRATE, lambda: machine.state.migration, Stage.HANDOVER, hand_over_client
            )

        def hand_over_secret() -> None:
            page.copy_button.click()
            page.handed_over.setChecked(True)

        def save_reminder() -> None:  # the reminder the finished renewal offers
            page.send(SaveReminder(str(self.out_dir / "reminder"), StepId.RENEW))

        return _StagedFlow(
            "the renewal",
            StepId.RENEW,
            lambda: machine.state.renewal,
            renewal.Stage.HANDOVER,
            hand_over_secret,
            save_reminder,
        )

    def _act_staged(self, page: MigratePage | RenewPage, flow: _StagedFlow) -> None:
        progress = flow.progress()
        stage = progress.current if progress is not None else None
        if progress is None or stage is None:  # every stage proved: photograph the finished list, then on
            if flow.at_end is not None:
                flow.at_end()
            self._when_idle(self._shoot)
            return
        boxes: Mapping[Any, StageBox] = page.boxes  # keyed by the flow's own stages
        box = boxes[stage]
        if self._stage_phase == 0:
            self._stage_phase = 1
            if box.simulate_button is not None:
                box.simulate_button.click()
            elif stage is flow.handover:
                flow.hand_over()
            self._when_idle(lambda: self._act_staged(page, flow))
            return
        # The open stage as the user sees it (what AFAS showed filled in, secrets masked), then its proof.
        self._stage_phase = 0
        number = progress.ORDER.index(stage) + 1
        if not self._save_shot(f"{flow.step.value}-{number}-{stage.value}", page.title()):
            return
        box.prove_button.click()
        self._when_idle(lambda: self._staged_proved(page, flow, stage))

    def _staged_proved(self, page: MigratePage | RenewPage, flow: _StagedFlow, stage: StrEnum) -> None:
        if self.exit_code is not None:
            return
        progress = flow.progress()
        if progress is None or not progress.is_done(stage):
            boxes: Mapping[Any, StageBox] = page.boxes  # keyed by the flow's own stages
            why = boxes[stage].result.text() or page.message.text() or "no message"
            self._finish(1, f"{flow.name} stopped at '{stage.value}': {why}")
            return
        later(self, 0, lambda: self._act_staged(page, flow))

    def _save_shot(self, name: str, title: str) -> bool:
        number = self.window.machine.order.index(self.window.current_step) + 1
        path = self.out_dir / f"{number:02d}-{name}.png"
        if not self.window.grab().save(str(path)):
            self._finish(1, f"could not save {path}")
            return False
        self.shots.append(path)
        self._say(f"{path.name}: {title}")
        return True

    def _finish(self, code: int, problem: str) -> None:
        if self.exit_code is not None:
            return
        self.exit_code = code
        self._deadline.stop()
        if problem:
            print(f"tour failed: {problem}", file=sys.stderr, flush=True)
        elif self._scenario_name:
            self._say(f"tour of scenario {self._scenario_name} done: {len(self.shots)} screenshots in {self.out_dir}")
        else:
            self._say(f"tour passed: {len(self.shots)} screenshots in {self.out_dir}")
        self._on_finish(code)
