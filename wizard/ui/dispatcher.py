"""Carries out the pages' intents by a table from intent type to the controller that owns it.

Pages never touch the worker, the stores, the bundle export or the simulated AFAS; they emit intents and render
the machine's state. Each concern has its own small controller in wizard/ui/controllers/; this one builds them,
dispatches, and owns what the window listens to (changed, navigate, resumed).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

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
from wizard.ui.controllers.migration import MigrationController
from wizard.ui.controllers.progress import ProgressController
from wizard.ui.controllers.verification import VerificationController
from wizard.ui.controllers.views import Views
from wizard.ui.i18n import Translations
from wizard.ui.services import Services
from wizard.ui.worker import AsyncWorker

log = logging.getLogger(__name__)

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
        self.helpdesk = HelpdeskController(self.ctx, lambda: self.verification.last_report)
        self.files = FilesController(self.ctx)
        self._handlers: dict[type[Any], Callable[[Any], None]] = {
            i.StateEdited: lambda _: self._state_changed(),
            i.ChangeLanguage: lambda it: self.set_language(it.lang),
            i.SimulateStep: lambda it: self.demo.simulate(it.step),
            i.ExportConnectors: lambda it: self.files.export(it.folder),
            i.OpenFolder: lambda it: self.files.open_folder(it.folder),
            i.StoreToken: self.credentials.store,
            i.StoreOAuthClient: self.credentials.store_oauth,
            i.ForgetToken: lambda _: self.credentials.forget(),
            i.ClearClipboard: lambda _: self.credentials.clear_clipboard(),
            i.CopyTokenForPortal: lambda _: self.credentials.copy_for_portal(),
            i.CopyClientIdForPortal: lambda _: self.credentials.copy_client_id(),
            i.CopyHelpdeskReport: lambda _: self.helpdesk.copy(),
            i.SaveHelpdeskReport: lambda it: self.helpdesk.save(it.path),
            i.StartMigration: lambda _: self._start_migration(),
            i.ProveStage: lambda it: self.migration.prove(it.stage),
            i.SimulateStage: lambda it: self.demo.simulate_stage(it.stage),
            i.RunVerification: lambda _: self.verification.run(),
            i.SaveReport: lambda it: self.verification.save_report(it.path),
            i.GoToStep: lambda it: self.navigate.emit(it.step),
            i.ResumeOrganisation: lambda it: self.progress.resume(it.env_key),
        }
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
    def last_report(self) -> Any:
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

    # -- dispatch -------------------------------------------------------------------------------------------
    def handle(self, intent: object) -> None:
        handler = self._handlers.get(type(intent))
        if handler is None:
            log.warning("unhandled intent %s", type(intent).__name__)
            return
        handler(intent)

    def page_entered(self, step: StepId) -> None:
        if step is StepId.TOKEN and self.state.token_storage is None and self.state.environment is not None:
            self.credentials.look_for_stored()
        self.progress.flush()  # a step change writes at once, not after the pause
        self.changed.emit()

    def _start_migration(self) -> None:
        """From the Done page: back to the check, then on to the move (Done is the last page until then)."""
        report = self.verification.last_report
        self.migration.start(getattr(report, "app_connector", None))
        self.navigate.emit(StepId.VERIFY)
        self.navigate.emit(StepId.MIGRATE)

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
        self.worker.shutdown()  # waits for a write in flight
        self.progress.close(unsaved)
