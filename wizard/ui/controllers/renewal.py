"""Renewing the client secret: start it, prove each stage on the worker thread with wizard.verify.renewal, keep the
new secret waiting in the password store (AFAS shows it once), copy it for the portal, do the demo's AFAS stages in
the simulator, and save the calendar reminder. What a proof means is wizard.flow.renewal's."""

from __future__ import annotations

import asyncio
import datetime as dt
from pathlib import Path

from wizard.data.local_file import write_local_file
from wizard.domain.credentials import Credential
from wizard.domain.errors import InputError, UserFacingError
from wizard.domain.oauth import OAuthClientCredentials, oauth_client_credentials
from wizard.domain.reminder import ics
from wizard.domain.steps import StepId
from wizard.domain.text import Text
from wizard.flow.feedback import apply_results
from wizard.flow.renewal import NEEDS_NEW_SECRET, RenewalState, Stage, next_reminder
from wizard.flow.stages import Verdict
from wizard.flow.state import AuthKind, Mode
from wizard.ui import intents as i
from wizard.ui.controllers.context import NO_TOKEN, Context
from wizard.ui.controllers.credential import CredentialController, storage_of
from wizard.ui.controllers.stages import show_verdict
from wizard.ui.widgets import Level
from wizard.ui.worker import Progress
from wizard.verify.renewal import (
    SAID,
    judge_check,
    judge_old_refused,
    judge_paste,
    keep_pending,
    pending,
    store_new,
    try_token,
)
from wizard.verify.report import Report

CHECKING = Text(en="Checking with AFAS…", nl="Controleren bij AFAS…")
NOT_OAUTH = Text(
    en="The connection in use is not an OAuth client id and secret: there is no client secret to renew. Go back to "
    "the step 'Login details' and check the stored one.",
    nl="De koppeling gebruikt geen OAuth client id en secret: er is geen client secret om te vernieuwen. Ga terug "
    "naar de stap 'Inloggegevens' en controleer wat daar bewaard is.",
)
CONFIRMED = {
    Stage.CREATE: Text(en="You made a new secret in AFAS.", nl="U hebt een nieuw secret aangemaakt in AFAS."),
    Stage.HANDOVER: SAID["handed-over"],
    Stage.REVOKE: SAID["revoked"],
}
SIMULATED = Text(
    en="Done in the simulated AFAS. Now click the button next to it.",
    nl="Uitgevoerd in de gesimuleerde AFAS. Klik nu op de knop ernaast.",
)
NO_SIMULATOR = Text(en="The simulated AFAS is not running.", nl="De gesimuleerde AFAS draait niet.")
NO_DATE = Text(
    en="There is no date to be reminded of: AFAS shows no expiry date for this secret.",
    nl="Er is geen datum om aan te herinneren: AFAS toont geen vervaldatum voor dit secret.",
)
SAVED = Text(en="Reminder saved: {path}", nl="Herinnering bewaard: {path}")


class RenewalController:
    def __init__(self, ctx: Context, credentials: CredentialController) -> None:
        self.ctx = ctx
        self.credentials = credentials

    def start(self) -> None:
        """ "Client secret vernieuwen": its own step order; the progress of an earlier renewal is kept."""
        s = self.ctx.state
        s.mode = Mode.RENEW
        s.auth_choice = AuthKind.OAUTH
        if s.renewal is None or s.renewal.complete:
            s.renewal = RenewalState()
        self.ctx.changed()

    # -- the new secret --------------------------------------------------------------------------------------------
    def paste(self, intent: i.PasteNewSecret) -> None:
        """Build the new credential (the client id stays: only the secret is new) and prove stage 2 with it."""
        ctx = self.ctx
        s = ctx.state
        page = ctx.views.renewal
        old = s.credential
        if not isinstance(old, OAuthClientCredentials):
            page.stage_result(Stage.PASTE, Level.ERROR, NOT_OAUTH.get(ctx.lang))
            return
        try:
            new = oauth_client_credentials(old.client_id, intent.secret.get_secret_value(), intent.expires)
        except InputError as exc:  # never quotes the secret
            page.stage_result(Stage.PASTE, Level.ERROR, exc.text(ctx.lang))
            return
        s.new_client = new
        if s.renewal is not None:
            s.renewal.new_expires = intent.expires
        self.prove(Stage.PASTE)

    # -- proofs ----------------------------------------------------------------------------------------------------
    def prove(self, stage: Stage) -> None:
        ctx = self.ctx
        renewal = ctx.state.renewal
        if renewal is None or not renewal.is_open(stage):
            return
        if stage in CONFIRMED:  # what the user did in AFAS or the portal: their word (the next stage proves it)
            self._show(Verdict(stage, True, CONFIRMED[stage]))
            return
        env = ctx.state.environment
        if env is None:
            ctx.views.renewal.stage_result(stage, Level.ERROR, NO_TOKEN.get(ctx.lang))
            return
        store = ctx.services.secret_store
        held = ctx.state.new_client
        load_old = self.credentials.loader()
        verify = ctx.services.verify
        lang = ctx.lang

        async def new_secret() -> OAuthClientCredentials | None:
            if held is not None or stage not in NEEDS_NEW_SECRET:
                return held
            return await asyncio.get_running_loop().run_in_executor(None, pending, store, env.key)

        async def old_secret() -> OAuthClientCredentials:
            old: Credential = await load_old()
            if not isinstance(old, OAuthClientCredentials):
                raise UserFacingError(NOT_OAUTH)
            return old

        async def run(_progress: Progress) -> tuple[Verdict[Stage], Report | None, OAuthClientCredentials | None]:
            new = await new_secret()
            if new is None and stage in NEEDS_NEW_SECRET:
                return Verdict(Stage.PASTE, False, SAID["lost"]), None, None  # the window closed before it was kept
            assert new is not None or stage is Stage.OLD_REFUSED
            if stage is Stage.PASTE and new is not None:
                old = await old_secret()
                verdict = judge_paste(new, old, await try_token(env, new), await try_token(env, old))
                if verdict.proved:
                    await asyncio.get_running_loop().run_in_executor(None, keep_pending, store, env.key, new)
                return verdict, None, new
            if stage is Stage.VERIFY and new is not None:
                report = await verify(env, new, lang=lang)
                return judge_check(report), report, new
            if stage is Stage.OLD_REFUSED:
                return judge_old_refused(await try_token(env, await old_secret())), None, new
            assert new is not None
            verdict = await asyncio.get_running_loop().run_in_executor(None, store_new, store, env.key, new)
            return verdict, None, new

        def done(result: tuple[Verdict[Stage], Report | None, OAuthClientCredentials | None]) -> None:
            verdict, report, new = result
            ctx.views.renewal.set_busy(False)
            ctx.state.new_client = new
            if report is not None:
                apply_results(ctx.machine, report.checks)
            if verdict.stage is Stage.STORE and verdict.proved and new is not None:
                s = ctx.state
                s.credential = new
                s.secret_expires = new.secret_expires
                s.token_storage = storage_of(store)
                s.new_client = None
            self._show(verdict)

        page = ctx.views.renewal
        page.set_busy(True, CHECKING.get(ctx.lang))
        ctx.worker.run_async(run, done, lambda e: ctx.fail(page, e))

    def _show(self, verdict: Verdict[Stage]) -> None:
        ctx = self.ctx
        show_verdict(ctx, ctx.state.renewal, verdict, ctx.views.renewal.stage_result)

    # -- the hand-over -----------------------------------------------------------------------------------------------
    def copy_new_secret(self) -> None:
        ctx = self.ctx
        page = ctx.views.renewal
        env, held = ctx.state.environment, ctx.state.new_client
        store = ctx.services.secret_store

        def find() -> OAuthClientCredentials | None:
            return held if held is not None or env is None else pending(store, env.key)

        def done(new: OAuthClientCredentials | None) -> None:
            page.set_busy(False)
            if new is None:
                page.stage_result(Stage.HANDOVER, Level.ERROR, SAID["lost"].get(ctx.lang))
                return
            self.credentials.clipboard.copy(new.secret())
            page.copied(secret=True)

        page.set_busy(True)
        ctx.worker.run_blocking(find, done, lambda e: ctx.fail(page, e))

    # -- the demo's AFAS ---------------------------------------------------------------------------------------------
    def simulate(self, stage: Stage) -> None:
        """Make a new secret (stage 1) or revoke the old one (stage 5) in the simulated AFAS."""
        ctx = self.ctx
        sim = ctx.services.sim
        page = ctx.views.renewal
        if sim is None or stage not in (Stage.CREATE, Stage.REVOKE):
            page.stage_result(stage, Level.ERROR, NO_SIMULATOR.get(ctx.lang))
            return

        def work() -> tuple[str, dt.date | None] | None:
            if stage is Stage.REVOKE:
                sim.revoke_secret()
                return None
            secret = sim.create_secret().get_secret_value()
            newest = max(sim.oauth()["secrets"], key=lambda x: int(x["id"]))
            expires = newest.get("expires")
            return secret, dt.date.fromisoformat(expires) if expires else None

        def done(made: tuple[str, dt.date | None] | None) -> None:
            page.set_busy(False)
            if made is not None:
                page.fill_secret(*made)
            page.stage_result(stage, Level.INFO, SIMULATED.get(ctx.lang))

        page.set_busy(True)
        ctx.worker.run_blocking(work, done, lambda e: ctx.fail(page, e))

    # -- the calendar reminder ---------------------------------------------------------------------------------------
    def save_reminder(self, path: str, step: StepId) -> None:
        ctx = self.ctx
        page = ctx.views.reminder(step)
        reminder = next_reminder(ctx.state)
        if reminder is None:
            page.show_message(Level.WARN, NO_DATE.get(ctx.lang))
            return
        target = Path(path).with_suffix(".ics")
        data = ics(reminder, ctx.lang, dt.datetime.now(dt.UTC))

        def done(_result: None) -> None:
            page.set_busy(False)
            page.reminder_saved(str(target))

        page.set_busy(True)
        ctx.worker.run_blocking(lambda: write_local_file(target, data), done, lambda e: ctx.fail(page, e))
