"""Renewing the client secret in the window against the real simulator: the --renew tour end to end (with the
reminder it offers), a revocation that did not take, and the window closed between stages."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
from icalendar import Calendar

from tests.gui.conftest import WindowFactory
from tests.gui.secret_scan import leaks
from wizard.domain.oauth import OAuthClientCredentials, oauth_client_credentials
from wizard.domain.steps import StepId
from wizard.domain.text import Lang
from wizard.flow import saved_state
from wizard.flow.renewal import STAGES, RenewalState, Stage, pending_key
from wizard.flow.state import AuthKind, Mode, TokenStorage, WizardState
from wizard.sim import SimulatorServer
from wizard.stores.secrets import SessionSecretStore
from wizard.ui.pages.renew import RenewPage
from wizard.ui.pages.verify import VerifyPage
from wizard.ui.tour import Autopilot

pytestmark = [pytest.mark.gui, pytest.mark.loopback]


class KeptStore(SessionSecretStore):
    """Stands for the OS keyring: it outlives a closed window (the test keeps the object)."""

    persistent = True


def _held(server: SimulatorServer) -> OAuthClientCredentials:
    held = server.oauth_credentials
    assert held is not None
    return held


def test_the_renew_tour_proves_every_stage_and_saves_the_reminder(
    make_window: WindowFactory, qtbot: Any, tmp_path: Path
) -> None:
    with SimulatorServer(scenario="oauth-secret-expiring") as server:
        old = _held(server)
        store = SessionSecretStore()
        store.save(server.environment.key, old)
        window = make_window(demo=True, sim=server.admin(), demo_environment=server.environment, secret_store=store)
        finished: list[int] = []
        lines: list[str] = []
        Autopilot(window, tmp_path, on_line=lines.append, on_finish=finished.append, renew=True).start()
        qtbot.waitUntil(lambda: bool(finished), timeout=120_000)
        assert finished == [0], lines
        shots = sorted(p.name for p in tmp_path.glob("04-renew-*.png"))
        assert shots == [f"04-renew-{i}-{stage.value}.png" for i, stage in enumerate(STAGES, start=1)]
        new = store.load(server.environment.key)
        assert isinstance(new, OAuthClientCredentials) and new.secret() != old.secret()
        assert store.load(pending_key(server.environment.key)) is None
        states = [s["state"] for s in server.admin().oauth()["secrets"]]
        assert states == ["revoked", "active"]
        [event] = Calendar.from_ical((tmp_path / "reminder.ics").read_bytes()).events
        assert new.secret_expires is not None
        assert event.start == new.secret_expires - dt.timedelta(days=30)
        assert old.secret().encode() not in (tmp_path / "reminder.ics").read_bytes()
        assert leaks(window, new.secret_forms() + old.secret_forms()) == []


def _renewal_window(make_window: WindowFactory, server: SimulatorServer, store: Any, state: WizardState) -> Any:
    window = make_window(
        demo=True, sim=server.admin(), demo_environment=server.environment, secret_store=store, state=state
    )
    window.machine.resume(state)
    window.go_to(StepId.RENEW)
    return window


def _state(server: SimulatorServer, renewal: RenewalState) -> WizardState:
    return WizardState(
        mode=Mode.RENEW,
        demo=True,
        organisation="Bakkerij",
        environment=server.environment,
        auth_choice=AuthKind.OAUTH,
        token_storage=TokenStorage(persistent=True, location_en="keyring", location_nl="sleutelhanger"),
        renewal=renewal,
    )


def _prove(window: Any, qtbot: Any, stage: Stage) -> RenewPage:
    page = window.pages[StepId.RENEW]
    assert isinstance(page, RenewPage)
    qtbot.waitUntil(page.boxes[stage].prove_button.isEnabled, timeout=10_000)
    page.boxes[stage].prove_button.click()
    qtbot.waitUntil(lambda: not window.controller.worker.busy, timeout=60_000)
    return page


def test_a_revocation_that_did_not_take_reopens_stage_five_with_how_to_do_it(
    make_window: WindowFactory, qtbot: Any
) -> None:
    with SimulatorServer(scenario="oauth-ready") as server:
        old = _held(server)
        store = KeptStore()
        store.save(server.environment.key, old)
        admin = server.admin()
        admin.set_oauth_settings(revocation_takes=False)
        new_secret = admin.create_secret().get_secret_value()
        store.save(pending_key(server.environment.key), oauth_client_credentials(old.client_id, new_secret))
        renewal = RenewalState(done=list(STAGES[:4]))  # made, pasted, checked, handed over
        window = _renewal_window(make_window, server, store, _state(server, renewal))
        _prove(window, qtbot, Stage.REVOKE)
        admin.revoke_secret()  # clicked in AFAS, but it did not take
        page = _prove(window, qtbot, Stage.OLD_REFUSED)
        assert window.machine.state.renewal is not None
        assert window.machine.state.renewal.current is Stage.REVOKE
        said = page.boxes[Stage.REVOKE].result.text()
        assert "revocation did not happen" in said and "OLD secret" in said


def test_a_closed_window_resumes_at_the_open_stage_and_finishes(make_window: WindowFactory, qtbot: Any) -> None:
    with SimulatorServer(scenario="oauth-ready") as server:
        old = _held(server)
        store = KeptStore()
        key = server.environment.key
        store.save(key, old)
        admin = server.admin()
        first = _renewal_window(make_window, server, store, _state(server, RenewalState()))
        page = _prove(first, qtbot, Stage.CREATE)
        new_secret = admin.create_secret().get_secret_value()
        first.machine.state.credential = old  # found in the keyring on the credential step
        page.fields.secret_edit.setText(new_secret)
        page = _prove(first, qtbot, Stage.PASTE)
        assert first.machine.state.renewal is not None and first.machine.state.renewal.current is Stage.VERIFY
        saved = json.dumps(saved_state.save(first.machine.state))
        assert new_secret not in saved and old.secret() not in saved
        first.controller.shutdown()  # the window closes: the new secret in memory is gone
        first.close()

        resumed = saved_state.restore(json.loads(saved))
        second = _renewal_window(make_window, server, store, resumed)
        assert second.current_step is StepId.RENEW
        for stage in STAGES[2:4]:
            if stage is Stage.HANDOVER:
                second.pages[StepId.RENEW].handed_over.setChecked(True)
            _prove(second, qtbot, stage)
        _prove(second, qtbot, Stage.REVOKE)
        admin.revoke_secret()
        for stage in STAGES[5:]:
            _prove(second, qtbot, stage)
        assert second.machine.state.renewal is not None and second.machine.state.renewal.complete
        kept = store.load(key)
        assert isinstance(kept, OAuthClientCredentials) and kept.secret() == new_secret
        assert store.load(pending_key(key)) is None


def test_the_expiry_warning_leads_to_the_renewal(make_window: WindowFactory, qtbot: Any) -> None:
    with SimulatorServer(scenario="oauth-secret-expiring") as server:
        held = _held(server)
        store = KeptStore()
        store.save(server.environment.key, held)
        state = _state(server, RenewalState())
        state.mode, state.renewal, state.credential = Mode.CHECK_EXISTING, None, held
        state.secret_expires = held.secret_expires
        window = make_window(
            demo=True, sim=server.admin(), demo_environment=server.environment, secret_store=store, state=state
        )
        window.machine.resume(state)
        window.controller.resumed.emit()
        page = window.pages[StepId.VERIFY]
        assert isinstance(page, VerifyPage)
        qtbot.waitUntil(lambda: StepId.RENEW in page.fix_buttons, timeout=60_000)
        button = page.fix_buttons[StepId.RENEW]
        assert "Renew the secret" in button.text()
        button.click()
        qtbot.waitUntil(lambda: window.current_step is StepId.RENEW, timeout=10_000)
        assert window.machine.state.mode is Mode.RENEW and window.machine.state.renewal is not None
        assert window.machine.state.renewal.current is Stage.CREATE


@pytest.mark.parametrize(
    ("lang", "offset", "says"),
    [
        (Lang.EN, 1, "expires in 1 day."),
        (Lang.EN, 3, "expires in 3 days."),
        (Lang.EN, -1, "expired 1 day ago"),
        (Lang.NL, 1, "verloopt over 1 dag."),
        (Lang.NL, -2, "is 2 dagen geleden verlopen"),
        (Lang.NL, 0, "verloopt vandaag"),
    ],
)
def test_the_renewal_says_how_many_days_in_words_that_agree(
    make_window: WindowFactory, lang: Lang, offset: int, says: str
) -> None:
    state = WizardState(mode=Mode.RENEW, lang=lang, auth_choice=AuthKind.OAUTH, renewal=RenewalState())
    state.secret_expires = dt.date.today() + dt.timedelta(days=offset)
    window = make_window(lang=lang, state=state)
    window.machine.resume(state)
    window.go_to(StepId.RENEW)
    page = window.pages[StepId.RENEW]
    assert isinstance(page, RenewPage)
    assert says in page.intro.text()
    assert "(s)" not in page.intro.text()


@pytest.mark.parametrize("lang", [Lang.EN, Lang.NL])
def test_an_expired_secret_is_not_promised_to_keep_working(make_window: WindowFactory, lang: Lang) -> None:
    # Past its date the old secret works no more: no "AFAS accepts both, SmartBooqing keeps working".
    state = WizardState(mode=Mode.RENEW, lang=lang, auth_choice=AuthKind.OAUTH, renewal=RenewalState())
    state.secret_expires = dt.date.today() - dt.timedelta(days=1)
    window = make_window(lang=lang, state=state)
    window.machine.resume(state)
    window.go_to(StepId.RENEW)
    page = window.pages[StepId.RENEW]
    assert isinstance(page, RenewPage)
    said = f"{page.subTitle()} {page.intro.text()}"
    for promise in ("keeps working", "accepts both", "blijft werken", "zowel het oude"):
        assert promise not in said, said
    assert ("works again" if lang is Lang.EN else "werkt weer") in said
