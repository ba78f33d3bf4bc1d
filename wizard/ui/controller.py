"""Carries out the pages' intents: the worker thread, the stores, the bundle export and the simulated AFAS.

Pages never touch these; they emit intents and render the machine's state. Every blocking or network call goes
through the AsyncWorker, so the window keeps painting and answering the keyboard.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QUrl, Signal
from PySide6.QtGui import QDesktopServices

from wizard import resources
from wizard.domain.credentials import ClassicToken, Credential, parse_classic_token
from wizard.domain.errors import InputError, UserFacingError
from wizard.domain.text import Lang, Text
from wizard.flow.machine import WizardMachine
from wizard.flow.state import TokenStorage, WizardState
from wizard.flow.steps import StepId
from wizard.ui import intents as i
from wizard.ui.clipboard import SecretClipboard
from wizard.ui.i18n import Translations
from wizard.ui.pages.base import StepPage
from wizard.ui.pages.done import DonePage
from wizard.ui.pages.token import TokenPage
from wizard.ui.pages.verify import VerifyPage
from wizard.ui.pages.welcome import WelcomePage
from wizard.ui.progress_io import load_progress, progress_list, save_progress
from wizard.ui.services import Services
from wizard.ui.widgets import Level
from wizard.ui.worker import AsyncWorker, Progress

log = logging.getLogger(__name__)

NO_TOKEN = Text(
    en="No token is stored for this environment. Go back to the step 'User token' and paste it.",
    nl="Voor deze omgeving is geen token bewaard. Ga terug naar de stap 'Gebruikerstoken' en plak het daar.",
)
NO_SIMULATOR = Text(en="The simulated AFAS is not running.", nl="De gesimuleerde AFAS draait niet.")


class Controller(QObject):
    changed = Signal()  # the state changed: re-render the current page and the step list
    navigate = Signal(object)  # StepId: the frame jumps there (a verification remedy)
    resumed = Signal()  # a saved organisation was loaded: the frame walks to its first open step

    def __init__(
        self,
        machine: WizardMachine,
        services: Services,
        pages: dict[StepId, StepPage],
        translations: Translations | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.machine = machine
        self.services = services
        self.pages = pages
        self.translations = translations
        self.worker = AsyncWorker(self)
        self.clipboard = SecretClipboard(parent=self)
        self.last_report: Any = None
        self._verifying = False
        for page in pages.values():
            page.intent.connect(self.handle)
        self._prefill()

    @property
    def state(self) -> WizardState:
        return self.machine.state

    @property
    def lang(self) -> Lang:
        return self.machine.state.lang

    def _prefill(self) -> None:
        s = self.state
        if s.export_folder is None:
            s.export_folder = str(self.services.default_export_folder)
        if self.services.demo_environment is not None and s.environment is None:
            s.environment = self.services.demo_environment
            s.organisation = s.organisation or "Demo — Bakkerij De Vries B.V."
        welcome = self.pages.get(StepId.WELCOME)
        if isinstance(welcome, WelcomePage) and self.services.progress is not None:
            welcome.set_saved(progress_list(self.services.progress))

    # -- dispatch -------------------------------------------------------------------------------------------
    def handle(self, intent: object) -> None:
        match intent:
            case i.StateEdited():
                self._saved_and_changed()
            case i.ChangeLanguage(lang=lang):
                self.set_language(lang)
            case i.SimulateStep(step=step):
                self._simulate(step)
            case i.ExportConnectors(folder=folder):
                self._export(folder)
            case i.OpenFolder(folder=folder):
                QDesktopServices.openUrl(QUrl.fromLocalFile(folder))
            case i.StoreToken():
                self._store_token(intent)
            case i.ForgetToken():
                self._forget_token()
            case i.ClearClipboard():
                SecretClipboard.clear_now()
            case i.RunVerification():
                self.run_verification()
            case i.SaveReport(path=path):
                self._save_report(path)
            case i.GoToStep(step=step):
                self.navigate.emit(step)
            case i.CopyTokenForPortal():
                self._copy_token()
            case i.ResumeOrganisation(env_key=key):
                self._resume(key)
            case _:
                log.warning("unhandled intent %s", type(intent).__name__)

    def page_entered(self, step: StepId) -> None:
        if step is StepId.TOKEN and self.state.token_storage is None and self.state.environment is not None:
            self._look_for_stored_token()
        self._saved_and_changed()

    # -- helpers ---------------------------------------------------------------------------------------------
    def _saved_and_changed(self) -> None:
        if self.services.progress is not None and self.state.environment is not None:
            try:
                save_progress(self.services.progress, self.state)
            except UserFacingError as exc:
                log.warning("progress not saved: %s", exc.message.en)
        self.changed.emit()

    def _page(self, step: StepId) -> StepPage:
        return self.pages[step]

    def _fail(self, step: StepId, exc: BaseException) -> None:
        page = self._page(step)
        page.set_busy(False)
        page.show_message(Level.ERROR, self._message(exc))

    def _message(self, exc: BaseException) -> str:
        if isinstance(exc, UserFacingError):
            return exc.text(self.lang)
        log.warning("unexpected error: %s", type(exc).__name__, exc_info=exc)
        return (
            Text(
                en="Something went wrong ({kind}). Try again; if it keeps happening, contact the SmartBooqing "
                "helpdesk.",
                nl="Er ging iets mis ({kind}). Probeer het opnieuw; blijft het gebeuren, neem dan contact op met de "
                "SmartBooqing-helpdesk.",
            )
            .format(kind=type(exc).__name__)
            .get(self.lang)
        )

    def set_language(self, lang: Lang) -> None:
        if lang is self.state.lang and self.translations is not None and self.translations.lang is lang:
            return
        self.state.lang = lang
        if self.translations is not None:
            self.translations.install(lang)  # Qt posts LanguageChange: every page retranslates itself
        self._saved_and_changed()

    # -- the demo's simulated AFAS ---------------------------------------------------------------------------
    def _simulate(self, step: StepId) -> None:
        sim = self.services.sim
        page = self._page(step)
        if sim is None:
            page.show_message(Level.ERROR, NO_SIMULATOR.get(self.lang))
            return
        manifest = self.machine.manifest
        folder = Path(self.state.export_folder) if self.state.export_folder and self.state.exported else None

        def work() -> Any:
            if step is StepId.IMPORT:
                for gcn in manifest.gcn_files:
                    path = folder / gcn.file if folder is not None else resources.connectors_dir() / gcn.file
                    sim.import_gcn(gcn.file, path.read_bytes())
            elif step is StepId.APP_CONNECTOR:
                sim.create_app_connector(manifest.app_connector.description, manifest.app_connector.user_group_nl)
                sim.unblock_app_connector()
            elif step is StepId.LINK_CONNECTORS:
                for spec in manifest.connectors:
                    sim.link(spec.kind, spec.id)
            elif step is StepId.TOKEN:
                return sim.create_user_token()
            elif step is StepId.DOSSIER:
                sim.set_dossier_destinations("Optioneel", "Optioneel")
            return None

        def done(result: Any) -> None:
            page.set_busy(False)
            if step is StepId.TOKEN and isinstance(page, TokenPage) and result is not None:
                # As if the user clicked Kopiëren in AFAS and pasted here.
                page.fill_token(result.xml())
            else:
                self.machine.tick_all(step)
                page.show_message(
                    Level.OK,
                    Text(
                        en="Done in the simulated AFAS; the checklist is ticked.",
                        nl="Uitgevoerd in de gesimuleerde AFAS; de lijst is afgevinkt.",
                    ).get(self.lang),
                )
            self._saved_and_changed()

        page.set_busy(True)
        self.worker.run_blocking(work, done, lambda exc: self._fail(step, exc))

    # -- connector files -------------------------------------------------------------------------------------
    def _export(self, folder: str) -> None:
        page = self._page(StepId.CONNECTOR_FILES)
        target = Path(folder).expanduser()

        def done(result: Any) -> None:
            s = self.state
            s.export_folder = str(target)
            s.export_files = {f.name: f.client_path for f in result.files}
            s.stand_ins = bool(result.stand_ins)
            s.exported = True
            page.set_busy(False)
            page.show_message(
                Level.OK,
                Text(en="{n} files saved in {folder}.", nl="{n} bestanden opgeslagen in {folder}.")
                .format(n=len(result.files), folder=target)
                .get(self.lang),
            )
            self._saved_and_changed()

        page.set_busy(True)
        self.worker.run_blocking(lambda: self.services.export(target), done, lambda e: self._fail(page.step, e))

    # -- the token ---------------------------------------------------------------------------------------------
    def _store_token(self, intent: i.StoreToken) -> None:
        page = self._page(StepId.TOKEN)
        env = self.state.environment
        if env is None:
            page.show_message(Level.ERROR, NO_TOKEN.get(self.lang))
            return
        try:
            credential = parse_classic_token(intent.text.get_secret_value())
        except InputError as exc:
            page.show_message(Level.ERROR, exc.text(self.lang))
            return
        store = self.services.session_store if intent.session_only else self.services.secret_store

        def done(_result: object) -> None:
            s = self.state
            s.credential = credential
            location = store.location
            s.token_storage = TokenStorage(
                persistent=bool(store.persistent), location_en=location.en, location_nl=location.nl
            )
            page.set_busy(False)
            if isinstance(page, TokenPage):
                page.token_stored()
            self._saved_and_changed()

        def failed(exc: BaseException) -> None:
            page.set_busy(False)
            kind = getattr(exc, "kind", None)
            if isinstance(page, TokenPage) and kind is not None and not intent.session_only and kind != "too-large":
                page.offer_session_only(self._message(exc))
            else:
                page.show_message(Level.ERROR, self._message(exc))

        page.set_busy(True, Text(en="Storing the token…", nl="Token bewaren…").get(self.lang))
        self.worker.run_blocking(lambda: store.save(env.key, credential), done, failed)

    def _token_store(self) -> Any:
        storage = self.state.token_storage
        if storage is not None and not storage.persistent:
            return self.services.session_store
        return self.services.secret_store

    def _forget_token(self) -> None:
        env = self.state.environment
        store = self._token_store()
        page = self._page(StepId.TOKEN)

        def done(_result: object) -> None:
            self.state.token_storage = None
            self.state.credential = None
            page.set_busy(False)
            self._saved_and_changed()

        page.set_busy(True)
        self.worker.run_blocking(
            lambda: store.delete(env.key) if env is not None else False, done, lambda e: self._fail(StepId.TOKEN, e)
        )

    def _look_for_stored_token(self) -> None:
        """Check-existing and resumed sessions: a token already in the keyring need not be pasted again."""
        env = self.state.environment
        store = self.services.secret_store
        if env is None:
            return

        def done(credential: Credential | None) -> None:
            if credential is not None and self.state.token_storage is None and self.state.environment == env:
                self.state.credential = credential if isinstance(credential, ClassicToken) else None
                loc = store.location
                self.state.token_storage = TokenStorage(
                    persistent=bool(store.persistent), location_en=loc.en, location_nl=loc.nl
                )
                self._saved_and_changed()

        # Not finding one is normal (the user pastes it); a locked keyring shows up when storing.
        self.worker.run_blocking(lambda: store.load(env.key), done, lambda _e: None)

    def _credential_loader(self) -> Callable[[], Awaitable[Credential]]:
        """Capture what is needed on the GUI thread; the returned coroutine loads the token off it if needed."""
        credential = self.state.credential
        env = self.state.environment
        storage = self.state.token_storage
        store = self._token_store()

        async def load() -> Credential:
            if credential is not None:
                return credential
            if env is None or storage is None:
                raise UserFacingError(NO_TOKEN)
            loaded: Credential | None = await asyncio.get_running_loop().run_in_executor(None, store.load, env.key)
            if loaded is None:
                raise UserFacingError(NO_TOKEN)
            return loaded

        return load

    def _copy_token(self) -> None:
        page = self._page(StepId.DONE)

        load = self._credential_loader()

        async def make(_progress: Progress) -> Credential:
            return await load()

        def done(credential: Credential) -> None:
            page.set_busy(False)
            self.clipboard.copy(credential.to_storage())
            if isinstance(page, DonePage):
                page.copied()

        page.set_busy(True)
        self.worker.run_async(make, done, lambda e: self._fail(StepId.DONE, e))

    # -- verification ------------------------------------------------------------------------------------------
    @property
    def verifying(self) -> bool:
        return self._verifying

    def run_verification(self) -> None:
        page = self._page(StepId.VERIFY)
        if self._verifying or not isinstance(page, VerifyPage):
            return
        env = self.state.environment
        if env is None:
            page.failed(NO_TOKEN.get(self.lang))
            return
        lang = self.lang
        verify = self.services.verify_fn()

        load = self._credential_loader()

        async def make(progress: Progress) -> tuple[Credential, Any]:
            credential = await load()
            report = await verify(env, credential, lang=lang, on_result=progress)
            return credential, report

        def done(result: tuple[Credential, Any]) -> None:
            self._verifying = False
            credential, report = result
            if self.state.credential is None and isinstance(credential, ClassicToken):
                self.state.credential = credential
            self.last_report = report
            self.machine.apply_results(report.checks)
            page.finish(report)
            self._saved_and_changed()

        def failed(exc: BaseException) -> None:
            self._verifying = False
            page.failed(self._message(exc))
            self.changed.emit()

        self._verifying = True
        page.begin(self.services.planned_checks())
        self.worker.run_async(make, done, failed, on_progress=page.add_result)

    def _save_report(self, path: str) -> None:
        report = self.last_report
        page = self._page(StepId.VERIFY)
        if report is None:
            return
        lang = self.lang

        def work() -> list[Path]:
            base = Path(path)
            written = []
            for suffix, content in ((".html", report.to_html(lang)), (".json", report.to_json(lang))):
                target = base.with_name(base.name + suffix)
                target.write_text(content, encoding="utf-8")
                written.append(target)
            return written

        def done(paths: list[Path]) -> None:
            page.show_message(
                Level.OK,
                Text(en="Report saved: {files}", nl="Rapport opgeslagen: {files}")
                .format(files=", ".join(str(p) for p in paths))
                .get(self.lang),
            )

        def failed(exc: BaseException) -> None:
            message = (
                Text(en="The report could not be saved: {e}", nl="Het rapport kon niet worden opgeslagen: {e}")
                .format(e=exc.strerror if isinstance(exc, OSError) else type(exc).__name__)
                .get(self.lang)
            )
            page.show_message(Level.ERROR, message)

        self.worker.run_blocking(work, done, failed)

    # -- resume ---------------------------------------------------------------------------------------------------
    def _resume(self, env_key: str) -> None:
        if self.services.progress is None:
            return
        state = load_progress(self.services.progress, env_key)
        if state is None:
            return
        state.lang, state.demo = self.state.lang, self.state.demo
        self.machine.reset(state)
        self.resumed.emit()

    def shutdown(self) -> None:
        self.clipboard.clear_if_unchanged()
        self.worker.shutdown()
