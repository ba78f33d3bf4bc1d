"""The token: store it (keyring or this session only), find a stored one, forget it, copy it for the portal."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from wizard.domain.credentials import ClassicToken, Credential, parse_classic_token
from wizard.domain.errors import InputError, UserFacingError
from wizard.domain.text import Text
from wizard.flow.state import TokenStorage
from wizard.ui import intents as i
from wizard.ui.clipboard import SecretClipboard
from wizard.ui.controllers.context import NO_TOKEN, Context
from wizard.ui.widgets import Level
from wizard.ui.worker import Progress

if TYPE_CHECKING:
    from wizard.stores.secrets import SecretStore

STORING = Text(en="Storing the token…", nl="Token bewaren…")


def _storage_of(store: SecretStore) -> TokenStorage:
    location = store.location
    return TokenStorage(persistent=bool(store.persistent), location_en=location.en, location_nl=location.nl)


class CredentialController:
    def __init__(self, ctx: Context, parent: QObject) -> None:
        self.ctx = ctx
        self.clipboard = SecretClipboard(parent=parent)

    def _token_store(self) -> SecretStore:
        storage = self.ctx.state.token_storage
        if storage is not None and not storage.persistent:
            return self.ctx.services.session_store
        return self.ctx.services.secret_store

    def store(self, intent: i.StoreToken) -> None:
        ctx = self.ctx
        page = ctx.views.token
        env = ctx.state.environment
        if env is None:
            page.show_message(Level.ERROR, NO_TOKEN.get(ctx.lang))
            return
        try:
            credential = parse_classic_token(intent.text.get_secret_value())
        except InputError as exc:
            page.show_message(Level.ERROR, exc.text(ctx.lang))
            return
        store = ctx.services.session_store if intent.session_only else ctx.services.secret_store

        def done(_result: object) -> None:
            ctx.state.credential = credential
            ctx.state.token_storage = _storage_of(store)
            page.set_busy(False)
            page.token_stored()
            ctx.changed()

        def failed(exc: BaseException) -> None:
            page.set_busy(False)
            kind = getattr(exc, "kind", None)  # a keyring failure says which; "too-large" has no session remedy
            if kind is not None and not intent.session_only and kind != "too-large":
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
                ctx.state.credential = credential if isinstance(credential, ClassicToken) else None
                ctx.state.token_storage = _storage_of(store)
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

    def copy_for_portal(self) -> None:
        page = self.ctx.views.copy_token
        load = self.loader()

        async def make(_progress: Progress) -> Credential:
            return await load()

        def done(credential: Credential) -> None:
            page.set_busy(False)
            self.clipboard.copy(credential.to_storage())
            page.copied()

        page.set_busy(True)
        self.ctx.worker.run_async(make, done, lambda e: self.ctx.fail(page, e))

    @staticmethod
    def clear_clipboard() -> None:
        SecretClipboard.clear_now()

    def shutdown(self) -> None:
        self.clipboard.clear_if_unchanged()
