"""Storing login details, driven through CredentialController with fake pages: AFAS is asked once (a scripted
probe), what works is stored, what AFAS refuses is not, and the secret never reaches a page's text."""

from __future__ import annotations

import asyncio
import datetime as dt
from typing import Any

import pytest
from pydantic import SecretStr

from tests.conftest import FAKE_DATA, FAKE_XML
from tests.controllers.fakes import MemoryKeyring, Rig, rig
from wizard.domain.credentials import ClassicToken, Credential
from wizard.domain.environment import AfasEnvironment, parse_environment
from wizard.domain.oauth import oauth_client_credentials
from wizard.domain.steps import StepId
from wizard.domain.text import Lang, Text
from wizard.flow.state import AuthKind, TokenStorage, WizardState
from wizard.stores.keyring_errors import SecretStoreError
from wizard.ui import intents as i
from wizard.ui.controllers.credential import CredentialController
from wizard.ui.widgets import Level
from wizard.verify.probe import ProbeResult, Verdict

ENV = parse_environment("O12345AA")
CLIENT_ID = "fa4e0000-c11e-4700-8000-00000000fa4e"
SECRET = "0FA4E5EC" * 8  # obviously fake
ACCEPTS = Text(en="AFAS accepts these login details.", nl="AFAS accepteert deze inloggegevens.")
REFUSES = Text(en="AFAS refuses this token.", nl="AFAS weigert dit token.")
UNBLOCK = Text(en="Untick Geblokkeerd on the app connector.", nl="Vink Geblokkeerd uit bij de app connector.")


def answering(*results: ProbeResult) -> tuple[Any, list[Credential]]:
    """A scripted probe: its answers in order, and what it was asked about."""
    asked: list[Credential] = []
    answers = list(results)

    async def probe(env: AfasEnvironment, credential: Credential, *, lang: Lang = Lang.EN) -> ProbeResult:
        assert env == ENV
        asked.append(credential)
        return answers.pop(0)

    return probe, asked


def _controller(r: Rig) -> CredentialController:
    return CredentialController(r.ctx)


def _rig(*results: ProbeResult, **services: Any) -> tuple[Rig, CredentialController, list[Credential]]:
    probe, asked = answering(*results)
    r = rig(WizardState(organisation="Bakkerij", environment=ENV), probe=probe, **services)
    return r, _controller(r), asked


def _storage(r: Rig) -> TokenStorage | None:
    return r.state.token_storage


def _no_secret_shown(r: Rig, *secrets: str) -> None:
    for page in r.pages.values():
        for secret in secrets:
            assert secret not in page.text() and secret.lower() not in page.text()


def test_a_token_afas_accepts_is_stored_and_proves_the_app_connector() -> None:
    r, controller, asked = _rig(ProbeResult(Verdict.WORKS, ACCEPTS))
    controller.store(i.StoreToken(text=SecretStr(FAKE_XML)))
    page = r.page(StepId.TOKEN)
    stored = r.ctx.services.secret_store.load(ENV.key)
    assert isinstance(stored, ClassicToken) and stored.data.get_secret_value() == FAKE_DATA
    assert [type(c) for c in asked] == [ClassicToken]  # AFAS asked once, with the pasted token
    assert page.told("token_stored") == [()]
    assert page.messages(Level.OK) == [ACCEPTS.en]
    assert not page.busy
    assert r.state.auth_choice is AuthKind.CLASSIC and r.state.token_storage is not None
    assert not r.ctx.machine.missing(StepId.APP_CONNECTOR)  # AFAS's yes proves it exists and is unblocked
    assert r.saves
    _no_secret_shown(r, FAKE_DATA)


def test_a_token_afas_refuses_is_not_stored_and_the_page_says_why_and_where_to_fix_it() -> None:
    refused = ProbeResult(Verdict.REFUSED, REFUSES, remedy=UNBLOCK, fix_step=StepId.APP_CONNECTOR)
    r, controller, _asked = _rig(refused)
    controller.store(i.StoreToken(text=SecretStr(FAKE_XML)))
    page = r.page(StepId.TOKEN)
    assert r.ctx.services.secret_store.load(ENV.key) is None
    assert r.state.token_storage is None and r.state.credential is None
    assert page.told("token_stored") == []
    assert page.told("show_probe")[-1] == (Level.ERROR, f"Not stored. {REFUSES.en} {UNBLOCK.en}", StepId.APP_CONNECTOR)
    assert r.ctx.machine.missing(StepId.APP_CONNECTOR)
    _no_secret_shown(r, FAKE_DATA)


def test_when_afas_cannot_be_asked_the_details_are_stored_but_marked_unproven() -> None:
    maintenance = Text(en="AFAS is in maintenance.", nl="AFAS is in onderhoud.")
    r, controller, _asked = _rig(ProbeResult(Verdict.UNPROVEN, maintenance))
    controller.store(i.StoreToken(text=SecretStr(FAKE_XML)))
    page = r.page(StepId.TOKEN)
    assert r.state.token_storage is not None and page.told("token_stored") == [()]
    assert page.messages(Level.INFO)[-1] == maintenance.en  # not a warning: nothing in the setup is wrong
    assert page.messages(Level.WARN) == []
    assert r.ctx.machine.missing(StepId.APP_CONNECTOR)  # not proven: nothing ticked for the user


def test_a_pasted_text_that_is_no_token_is_refused_without_asking_afas_or_quoting_it() -> None:
    r, controller, asked = _rig()
    pasted = "my password is " + FAKE_DATA[:20]
    controller.store(i.StoreToken(text=SecretStr(pasted)))
    page = r.page(StepId.TOKEN)
    assert asked == [] and r.state.token_storage is None
    assert len(page.messages(Level.ERROR)) == 1
    _no_secret_shown(r, pasted, FAKE_DATA[:20])


def test_an_answer_about_an_environment_the_user_has_since_changed_is_dropped() -> None:
    r, controller, _asked = _rig(ProbeResult(Verdict.WORKS, ACCEPTS))
    r.runner.hold()
    controller.store(i.StoreToken(text=SecretStr(FAKE_XML)))
    assert r.page(StepId.TOKEN).busy  # asking AFAS
    r.state.environment = parse_environment("O99999AA")
    r.runner.release()
    page = r.page(StepId.TOKEN)
    assert not page.busy
    assert r.state.token_storage is None and page.told("token_stored") == []
    assert page.messages() == []  # no line about the other environment


UNAVAILABLE = Text(en="The keyring is not available.", nl="De sleutelbos is er niet.")


class LockedKeyring(MemoryKeyring):
    def save(self, env_key: str, credential: Credential) -> None:
        raise SecretStoreError(
            Text(en="The keyring is not available.", nl="De sleutelbos is er niet."), kind="unavailable"
        )


def test_no_keyring_offers_this_session_only_and_that_keeps_the_details_in_memory() -> None:
    works = ProbeResult(Verdict.WORKS, ACCEPTS)
    r, controller, _asked = _rig(works, works, secret_store=LockedKeyring())
    controller.store(i.StoreToken(text=SecretStr(FAKE_XML)))
    page = r.page(StepId.TOKEN)
    assert page.told("offer_session_only") == [("The keyring is not available.",)]
    assert _storage(r) is None

    controller.store(i.StoreToken(text=SecretStr(FAKE_XML), session_only=True))
    storage = _storage(r)
    assert storage is not None and not storage.persistent
    assert r.ctx.services.session_store.load(ENV.key) is not None
    _no_secret_shown(r, FAKE_DATA)


def test_an_oauth_client_is_stored_with_its_expiry_and_the_secret_is_never_shown() -> None:
    r, controller, asked = _rig(ProbeResult(Verdict.WORKS, ACCEPTS))
    expires = dt.date(2027, 6, 30)
    controller.store_oauth(i.StoreOAuthClient(client_id=CLIENT_ID, secret=SecretStr(SECRET), expires=expires))
    stored = r.ctx.services.secret_store.load(ENV.key)
    assert stored == oauth_client_credentials(CLIENT_ID, SECRET, expires) == asked[0]
    assert r.state.auth_choice is AuthKind.OAUTH and r.state.secret_expires == expires
    _no_secret_shown(r, SECRET)


def test_a_new_client_for_the_move_to_oauth_stays_in_memory_until_the_move_is_proved() -> None:
    r, controller, asked = _rig()
    controller.store_oauth(
        i.StoreOAuthClient(client_id=CLIENT_ID, secret=SecretStr(SECRET), expires=None, for_migration=True)
    )
    assert asked == []  # the migration's own stages prove it
    assert r.ctx.services.secret_store.load(ENV.key) is None
    assert r.state.new_client == oauth_client_credentials(CLIENT_ID, SECRET)


def test_forget_removes_the_stored_details_and_the_check_has_nothing_old_to_use() -> None:
    r, controller, _asked = _rig(ProbeResult(Verdict.WORKS, ACCEPTS))
    controller.store(i.StoreToken(text=SecretStr(FAKE_XML)))
    assert _storage(r) is not None
    controller.forget()
    assert r.ctx.services.secret_store.load(ENV.key) is None
    assert r.state.credential is None and _storage(r) is None


def test_a_client_already_in_the_keyring_is_found_and_need_not_be_pasted_again() -> None:
    r, controller, _asked = _rig()
    client = oauth_client_credentials(CLIENT_ID, SECRET, dt.date(2027, 1, 31))
    r.ctx.services.secret_store.save(ENV.key, client)
    controller.look_for_stored()
    assert r.state.credential == client and r.state.auth_choice is AuthKind.OAUTH
    assert r.state.secret_expires == dt.date(2027, 1, 31) and r.state.token_storage is not None
    _no_secret_shown(r, SECRET)


@pytest.mark.parametrize("stored", [False, True])
def test_the_check_loads_the_credential_from_where_it_was_kept(stored: bool) -> None:
    r, controller, _asked = _rig(ProbeResult(Verdict.WORKS, ACCEPTS))
    controller.store(i.StoreToken(text=SecretStr(FAKE_XML)))
    if stored:
        r.state.credential = None  # a later session: only the keyring entry
    load = controller.loader()

    async def check() -> Credential:  # what the verification does with it, off the GUI thread
        return await load()

    loaded = asyncio.run(check())
    assert isinstance(loaded, ClassicToken) and loaded.data.get_secret_value() == FAKE_DATA
