"""Carries out the pages' intents: each intent type goes to the controller that owns it.

Pages never touch the worker, the stores, the bundle export or the simulated AFAS; they emit intents and render
the machine's state. Each concern has its own small controller in wizard/ui/controllers/; this one builds them,
dispatches, and owns what the window listens to (changed, navigate, resumed).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, assert_never

from PySide6.QtCore import QObject, Signal

from wizard.domain.steps import StepId
from wizard.domain.text import Lang
from wizard.flow.machine import WizardMachine
from wizard.flow.state import WizardState
from wizard.ui import intents as i
from wizard.ui.clipboard import SecretClipboard
from wizard.ui.controllers.context import Context
from wizard.ui.controllers.credential import CredentialController
from wizard.ui.controllers.demo import DemoController
from wizard.ui.controllers.files import FilesController
from wizard.ui.controllers.helpdesk_report import HelpdeskController
from wizard.ui.controllers.link_watch import LinkWatchController
from wizard.ui.controllers.migration import MigrationController
from wizard.ui.controllers.progress import ProgressController
from wizard.ui.controllers.renewal import RenewalController
from wizard.ui.controllers.verification import VerificationController
from wizard.ui.controllers.views import Views
from wizard.ui.i18n import Translations
from wizard.ui.services import Services
from wizard.ui.worker import AsyncWorker

if TYPE_CHECKING:  # the verification stack (httpx) loads when the check first runs
    from wizard.verify.report import Report

DEMO_ORGANISATION = "Demo — Bakkerij De Vries B.V."


class Controller(QObject):
    changed = Signal()  # the state changed: re-render the current page and the step list
    navigate = Signal(object)  # StepId: the frame jumps there (a verification remedy)
    resumed = Signal()  # a saved organisation was loaded: the frame walks to its first open step

    def __init__(
        self,
        machine: WizardMachine,
        services: Services,
        views: Views,
        translations: Translations | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.machine = machine
        self.services = services
        self.translations = translations
        self.worker = AsyncWorker(self)
        self.ctx = Context(machine, services, views, self.worker, self._state_changed)
        self.progress = ProgressController(self.ctx, self.resumed.emit, self)
        self.credentials = CredentialController(self.ctx, self)
        self.verification = VerificationController(self.ctx, self.credentials)
        self.demo = DemoController(self.ctx)
        self.migration = MigrationController(self.ctx, self.credentials)
        self.renewal = RenewalController(self.ctx, self.credentials)
        self.helpdesk = HelpdeskController(self.ctx, lambda: self.verification.last_report)
        self.files = FilesController(self.ctx)
        self.link_watch = LinkWatchController(self.ctx, self.credentials.loader, self)
        self._shut_down = False
        self._prefill()
        self.progress.list_saved()

    @property
    def state(self) -> WizardState:
        return self.machine.state

    @property
    def lang(self) -> Lang:
        return self.machine.state.lang

    @property
    def clipboard(self) -> SecretClipboard:
        return self.credentials.clipboard

    @property
    def last_report(self) -> Report | None:
        return self.verification.last_report

    @property
    def verifying(self) -> bool:
        return self.verification.running

    def _prefill(self) -> None:
        s = self.state
        if s.export_folder is None:
            s.export_folder = str(self.services.default_export_folder)
        if self.services.demo_environment is not None and s.environment is None:
            s.environment = self.services.demo_environment
            s.organisation = s.organisation or DEMO_ORGANISATION

    # -- dispatch ---------------------------------------------------------------------------------------------
    def handle(self, intent: i.Intent) -> None:
        """Carry out what a page asked for, by the controller that owns it."""
        match intent:
            case i.StateEdited():
                self.link_watch.activity()
                self._state_changed()
            case i.ChangeLanguage(lang=lang):
                self.set_language(lang)
            case i.SimulateStep(step=step):
                self.demo.simulate(step)
            case i.ExportConnectors(folder=folder):
                self.files.export(folder)
            case i.OpenFolder(folder=folder):
                self.files.open_folder(folder)
            case i.StoreToken():
                self.credentials.store(intent)
            case i.StoreOAuthClient():
                self.credentials.store_oauth(intent)
            case i.ForgetToken():
                self.credentials.forget()
            case i.ClearClipboard():
                self.credentials.clear_clipboard()
            case i.CopyTokenForPortal():
                self.credentials.copy_for_portal()
            case i.CopyClientIdForPortal():
                self.credentials.copy_client_id()
            case i.CopyHelpdeskReport():
                self.helpdesk.copy()
            case i.SaveHelpdeskReport(path=path):
                self.helpdesk.save(path)
            case i.StartMigration():
                self._start_migration()
            case i.ProveStage(stage=stage):
                self.migration.prove(stage)
            case i.SimulateStage(stage=stage):
                self.demo.simulate_stage(stage)
            case i.StartRenewal():
                self._start_renewal()
            case i.PasteNewSecret():
                self.renewal.paste(intent)
            case i.ProveRenewal(stage=renewal_stage):
                self.renewal.prove(renewal_stage)
            case i.SimulateRenewal(stage=renewal_stage):
                self.renewal.simulate(renewal_stage)
            case i.CopyNewSecret():
                self.renewal.copy_new_secret()
            case i.SaveReminder(path=path, step=step):
                self.renewal.save_reminder(path, step)
            case i.RunVerification():
                self.verification.run()
            case i.SaveReport(path=path):
                self.verification.save_report(path)
            case i.GoToStep(step=StepId.RENEW):
                self._start_renewal()  # the expiry warning's fix: the renewal has its own steps
            case i.GoToStep(step=step):
                self.navigate.emit(step)
            case i.ResumeOrganisation(env_key=env_key):
                self.progress.resume(env_key)
            case _:
                assert_never(intent)

    def page_entered(self, step: StepId) -> None:
        if step is StepId.TOKEN and self.state.token_storage is None and self.state.environment is not None:
            self.credentials.look_for_stored()
        if step is StepId.RENEW and self.state.renewal is None:
            self.renewal.start()  # chosen on the welcome page
        self.link_watch.page_entered(step)
        self.progress.flush()  # a step change writes at once, not after the pause
        self.changed.emit()

    def _start_migration(self) -> None:
        """From the Done page: back to the check, then on to the move (Done is the last page until then)."""
        report = self.verification.last_report
        self.migration.start(report.app_connector if report is not None else None)
        self.navigate.emit(StepId.VERIFY)
        self.navigate.emit(StepId.MIGRATE)

    def _start_renewal(self) -> None:
        """From the expiry warning or the fix of an expired or revoked secret: the renewal's own steps (the
        environment and the secret in use are known after a check, so its stages open at once)."""
        self.renewal.start()
        self.navigate.emit(StepId.RENEW)

    def _state_changed(self) -> None:
        self.progress.request()
        self.changed.emit()

    def set_language(self, lang: Lang) -> None:
        if lang is self.state.lang and self.translations is not None and self.translations.lang is lang:
            return
        self.state.lang = lang
        if self.translations is not None:
            self.translations.install(lang)  # Qt posts LanguageChange: every page retranslates itself
        self._state_changed()

    def run_verification(self) -> None:
        self.verification.run()

    def shutdown(self) -> None:
        """Called on close (and again by the app and tests): only the first call does anything."""
        if self._shut_down:
            return
        self._shut_down = True
        unsaved = self.progress.unsaved()
        self.credentials.shutdown()
        self.link_watch.shutdown()
        self.worker.shutdown()  # waits for a write in flight
        self.progress.close(unsaved)
