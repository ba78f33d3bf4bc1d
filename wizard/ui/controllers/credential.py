"""The credential (OAuth client or classic token): store it as one keyring entry per environment (or for this
session only), find a stored one, forget it, copy it for the portal (the secret part as a secret)."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QGuiApplication

from wizard.domain.credentials import ClassicToken, Credential, parse_classic_token
from wizard.domain.errors import InputError, UserFacingError
from wizard.domain.oauth import OAuthClientCredentials, oauth_client_credentials
from wizard.domain.steps import StepId
from wizard.domain.text import Text
from wizard.flow.feedback import forget_refusal, note_refusal
from wizard.flow.state import AuthKind, TokenStorage
from wizard.ui import intents as i
from wizard.ui.clipboard import SecretClipboard
from wizard.ui.controllers.context import NO_TOKEN, Context
from wizard.ui.controllers.views import CopyTokenView, MigrationView
from wizard.ui.widgets import Level
from wizard.ui.worker import Progress

if TYPE_CHECKING:
    from wizard.stores.secrets import SecretStore
    from wizard.verify.probe import ProbeResult

CopyView = CopyTokenView | MigrationView
AnyCredential = ClassicToken | OAuthClientCredentials  # what the wizard holds in memory (WizardState.credential)
STORING = Text(en="Storing securely…", nl="Veilig bewaren…")
ASKING = Text(en="Asking AFAS whether these login details work…", nl="AFAS vragen of deze inloggegevens werken…")
NOT_STORED = Text(en="Not stored.", nl="Niet bewaard.")


def held(credential: Credential | None) -> AnyCredential | None:
    """The credential kinds the wizard keeps in memory (a stored entry of another kind is not held)."""
    return credential if isinstance(credential, AnyCredential) else None


def storage_of(store: SecretStore) -> TokenStorage:
    location = store.location
    return TokenStorage(persistent=bool(store.persistent), location_en=location.en, location_nl=location.nl)


class CredentialController:
    def __init__(self, ctx: Context, parent: QObject | None = None) -> None:
        self.ctx = ctx
        self.clipboard = SecretClipboard(parent=parent)

    def _token_store(self) -> SecretStore:
        storage = self.ctx.state.token_storage
        if storage is not None and not storage.persistent:
            return self.ctx.services.session_store
        return self.ctx.services.secret_store

    def store(self, intent: i.StoreToken) -> None:
        page = self.ctx.views.token
        try:
            credential = parse_classic_token(intent.text.get_secret_value())
        except InputError as exc:
            page.show_message(Level.ERROR, exc.text(self.ctx.lang))
            return
        self._save(credential, intent.session_only)

    def store_oauth(self, intent: i.StoreOAuthClient) -> None:
        ctx = self.ctx
        page = ctx.views.migration if intent.for_migration else ctx.views.token
        try:
            client = oauth_client_credentials(intent.client_id, intent.secret.get_secret_value(), intent.expires)
        except InputError as exc:  # never quotes the secret
            page.show_message(Level.ERROR, exc.text(ctx.lang))
            return
        ctx.state.secret_expires = intent.expires
        if intent.for_migration:
            # Memory only until the move is proved; the keyring entry still holds the classic token.
            ctx.state.new_client = client
            ctx.changed()
            return
        self._save(client, intent.session_only)

    def _save(self, credential: AnyCredential, session_only: bool) -> None:
        """Ask AFAS once (wizard.verify.probe), then store what works or what could not be asked now; a refused
        credential is not stored and the page says why, with the fields as they were."""
        ctx = self.ctx
        page = ctx.views.token
        env = ctx.state.environment
        if env is None:
            page.show_message(Level.ERROR, NO_TOKEN.get(ctx.lang))
            return
        probe = ctx.services.probe
        lang = ctx.lang

        async def ask(_progress: Progress) -> ProbeResult:
            return await probe(env, credential, lang=lang)

        def answered(result: ProbeResult) -> None:
            page.set_busy(False)
            if ctx.state.environment != env:  # the environment changed meanwhile: the answer is about another one
                return
            if result.store:
                self._store(credential, session_only, result)
                return
            text = result.message.get(ctx.lang)
            if result.remedy is not None:
                text += " " + result.remedy.get(ctx.lang)
            if result.fix_step is not None and result.fix_step is not StepId.TOKEN:  # that page says why, too
                note_refusal(ctx.machine, result.fix_step, result.message, result.remedy)
            page.show_probe(Level.ERROR, NOT_STORED.get(ctx.lang) + " " + text, result.fix_step)

        def failed(exc: BaseException) -> None:
            page.set_busy(False)
            page.show_message(Level.ERROR, ctx.message(exc))

        page.show_probe(Level.INFO, "")
        page.set_busy(True, ASKING.get(ctx.lang))
        ctx.worker.run_async(ask, answered, failed)

    def _store(self, credential: AnyCredential, session_only: bool, probed: ProbeResult) -> None:
        ctx = self.ctx
        page = ctx.views.token
        env = ctx.state.environment
        if env is None:
            return
        store = ctx.services.session_store if session_only else ctx.services.secret_store

        def done(_result: object) -> None:
            ctx.state.credential = credential
            ctx.state.auth_choice = (
                AuthKind.OAUTH if isinstance(credential, OAuthClientCredentials) else AuthKind.CLASSIC
            )
            ctx.state.token_storage = storage_of(store)
            page.set_busy(False)
            page.token_stored()
            text = probed.message.get(ctx.lang)
            if probed.remedy is not None:
                text += " " + probed.remedy.get(ctx.lang)
            # Impossible right now is no defect of the setup: information, not a warning (issue 20 item 4).
            page.show_probe(Level.OK if probed.works else Level.INFO, text)
            if probed.works:  # AFAS accepted it: the app connector exists, is unblocked, on the right type
                ctx.machine.tick_all(StepId.APP_CONNECTOR)
                forget_refusal(ctx.machine, StepId.APP_CONNECTOR)
            ctx.changed()

        def failed(exc: BaseException) -> None:
            page.set_busy(False)
            kind = getattr(exc, "kind", None)  # a keyring failure says which; "too-large" has no session remedy
            if kind is not None and not session_only and kind != "too-large":
                page.offer_session_only(ctx.message(exc))
            else:
                page.show_message(Level.ERROR, ctx.message(exc))

        page.set_busy(True, STORING.get(ctx.lang))
        ctx.worker.run_blocking(lambda: store.save(env.key, credential), done, failed)

    def forget(self) -> None:
        ctx = self.ctx
        env = ctx.state.environment
        store = self._token_store()
        page = ctx.views.token

        def done(_result: object) -> None:
            ctx.state.token_storage = None
            ctx.state.credential = None
            page.set_busy(False)
            ctx.changed()

        page.set_busy(True)
        ctx.worker.run_blocking(
            lambda: store.delete(env.key) if env is not None else False, done, lambda e: ctx.fail(page, e)
        )

    def look_for_stored(self) -> None:
        """Check-existing and resumed sessions: a token already in the keyring need not be pasted again."""
        ctx = self.ctx
        env = ctx.state.environment
        store = ctx.services.secret_store
        if env is None:
            return

        def done(credential: Credential | None) -> None:
            if credential is not None and ctx.state.token_storage is None and ctx.state.environment == env:
                ctx.state.credential = held(credential)
                if isinstance(credential, OAuthClientCredentials):
                    ctx.state.auth_choice = AuthKind.OAUTH
                    ctx.state.secret_expires = credential.secret_expires
                elif isinstance(credential, ClassicToken):
                    ctx.state.auth_choice = AuthKind.CLASSIC
                ctx.state.token_storage = storage_of(store)
                ctx.changed()

        # Not finding one is normal (the user pastes it); a locked keyring shows up when storing.
        ctx.worker.run_blocking(lambda: store.load(env.key), done, lambda _e: None)

    def loader(self) -> Callable[[], Awaitable[Credential]]:
        """Capture what is needed on the GUI thread; the returned coroutine loads the token off it if needed."""
        credential = self.ctx.state.credential
        env = self.ctx.state.environment
        storage = self.ctx.state.token_storage
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

    def _portal_source(self) -> tuple[CopyView, Callable[[], Awaitable[Credential]]]:
        """During a move to OAuth the portal gets the new client (memory only until the end); else the stored one."""
        ctx = self.ctx
        new_client = ctx.state.new_client
        if ctx.state.migration is not None and new_client is not None:

            async def fresh() -> Credential:
                return new_client

            return ctx.views.migration, fresh
        return ctx.views.copy_token, self.loader()

    def copy_for_portal(self) -> None:
        """The secret part for the portal: the OAuth client secret alone, or the classic token's XML."""
        page, load = self._portal_source()

        async def make(_progress: Progress) -> Credential:
            return await load()

        def done(credential: Credential) -> None:
            page.set_busy(False)
            if isinstance(credential, OAuthClientCredentials):
                self.clipboard.copy(credential.secret())
            else:
                self.clipboard.copy(credential.to_storage())
            page.copied(secret=True)

        page.set_busy(True)
        self.ctx.worker.run_async(make, done, lambda e: self.ctx.fail(page, e))

    def copy_client_id(self) -> None:
        """The client id is not a secret: a plain copy, not cleared (the user may paste it more than once)."""
        page, load = self._portal_source()

        async def make(_progress: Progress) -> Credential:
            return await load()

        def done(credential: Credential) -> None:
            page.set_busy(False)
            if isinstance(credential, OAuthClientCredentials):
                QGuiApplication.clipboard().setText(credential.client_id)
                page.copied(secret=False)

        page.set_busy(True)
        self.ctx.worker.run_async(make, done, lambda e: self.ctx.fail(page, e))

    @staticmethod
    def clear_clipboard() -> None:
        SecretClipboard.clear_now()

    def shutdown(self) -> None:
        self.clipboard.clear_if_unchanged()
