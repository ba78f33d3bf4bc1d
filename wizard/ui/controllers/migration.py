"""The move to OAuth: start it, prove each stage with a live check (wizard.verify with each credential; what it
proves is wizard.verify.migration's), and at the end replace the classic token in the keyring by the OAuth client."""

from __future__ import annotations

from wizard.domain.credentials import ClassicToken, Credential
from wizard.domain.oauth import OAuthClientCredentials
from wizard.domain.text import Text
from wizard.flow.feedback import apply_results
from wizard.flow.migration import MigrationState, Stage
from wizard.flow.stages import Verdict
from wizard.flow.state import AuthKind
from wizard.ui.controllers.context import NO_TOKEN, Context
from wizard.ui.controllers.credential import CredentialController, storage_of
from wizard.ui.controllers.stages import show_verdict
from wizard.ui.widgets import Level
from wizard.ui.worker import Progress
from wizard.verify.migration import SAID, judge
from wizard.verify.report import Report

CHECKING = Text(en="Checking with AFAS…", nl="Controleren bij AFAS…")
NO_CLIENT = Text(
    en="Paste the new client id and client secret first (step 2).",
    nl="Plak eerst de nieuwe client id en het client secret (stap 2).",
)


class MigrationController:
    def __init__(self, ctx: Context, credentials: CredentialController) -> None:
        self.ctx = ctx
        self.credentials = credentials

    def start(self, app_connector: str | None) -> None:
        s = self.ctx.state
        if s.migration is None:
            s.migration = MigrationState(app_connector=app_connector)
        self.ctx.changed()

    # -- proofs --------------------------------------------------------------------------------------------------
    def prove(self, stage: Stage) -> None:
        ctx = self.ctx
        s = ctx.state
        page = ctx.views.migration
        migration = s.migration
        if migration is None or not migration.is_open(stage):
            return
        if stage is Stage.SECRET:
            if s.new_client is None:
                page.stage_result(stage, Level.ERROR, NO_CLIENT.get(ctx.lang))
                return
            self._record(stage, True, SAID["client-kept"].format(id=s.new_client.client_id))
            return
        if stage is Stage.HANDOVER:
            self._record(stage, True, SAID["handed-over"])
            return
        if stage is Stage.FORGET_CLASSIC:
            self._forget_classic()
            return
        self._check(stage)

    def _record(self, stage: Stage, proved: bool, said: Text) -> None:
        self._show(Verdict(stage, proved, said))

    def _show(self, verdict: Verdict[Stage]) -> None:
        ctx = self.ctx
        show_verdict(ctx, ctx.state.migration, verdict, ctx.views.migration.stage_result)

    def _check(self, stage: Stage) -> None:
        """Run wizard.verify with the credential(s) this stage is about, off the GUI thread."""
        ctx = self.ctx
        s = ctx.state
        page = ctx.views.migration
        env = s.environment
        new_client = s.new_client
        if env is None:
            page.stage_result(stage, Level.ERROR, NO_TOKEN.get(ctx.lang))
            return
        if stage in (Stage.VERIFY_OAUTH, Stage.SWITCH_OAUTH) and new_client is None:
            # The new client lives in memory only (a restarted wizard lost it): stage 2 opens again.
            self._record(Stage.SECRET, False, NO_CLIENT)
            return
        verify = ctx.services.verify
        load_classic = self.credentials.loader()
        lang = ctx.lang
        wants_classic = stage in (Stage.HYBRID, Stage.VERIFY_OAUTH, Stage.CLASSIC_REFUSED)
        wants_oauth = stage in (Stage.VERIFY_OAUTH, Stage.SWITCH_OAUTH)

        async def run(_progress: Progress) -> tuple[Report | None, Report | None]:
            classic_report: Report | None = None
            oauth_report: Report | None = None
            if wants_oauth and new_client is not None:
                oauth_report = await verify(env, new_client, lang=lang)
            if wants_classic:
                classic: Credential = await load_classic()
                if not isinstance(classic, ClassicToken):
                    raise RuntimeError("the stored credential is not a classic token")
                classic_report = await verify(env, classic, lang=lang)
            return classic_report, oauth_report

        def done(reports: tuple[Report | None, Report | None]) -> None:
            page.set_busy(False)
            classic_report, oauth_report = reports
            if oauth_report is not None:
                apply_results(ctx.machine, oauth_report.checks)
            self._judge(stage, classic_report, oauth_report)

        page.set_busy(True, CHECKING.get(ctx.lang))
        ctx.worker.run_async(run, done, lambda e: ctx.fail(page, e))

    def _judge(self, stage: Stage, classic_report: Report | None, oauth_report: Report | None) -> None:
        migration = self.ctx.state.migration
        if migration is None:
            return
        verdict = judge(stage, migration.app_connector, classic_report, oauth_report)
        if stage is Stage.HYBRID and not verdict.impossible and classic_report is not None:
            # The app connector the classic token reaches; the OAuth client must reach the same one (stage 3).
            migration.app_connector = migration.app_connector or classic_report.app_connector
        self._show(verdict)

    def _forget_classic(self) -> None:
        """Replace the one keyring entry of this environment: the classic token goes, the OAuth client stays."""
        ctx = self.ctx
        s = ctx.state
        page = ctx.views.migration
        env, client = s.environment, s.new_client
        if env is None or client is None:
            self._record(Stage.SECRET, False, NO_CLIENT)  # nothing to store in its place: stage 2 opens again
            return
        store = ctx.services.secret_store

        def work() -> Credential | None:
            store.save(env.key, client)
            if ctx.services.session_store is not store:
                ctx.services.session_store.delete(env.key)  # a session-only classic token goes too
            return store.load(env.key)

        def done(loaded: Credential | None) -> None:
            page.set_busy(False)
            if not isinstance(loaded, OAuthClientCredentials) or loaded.client_id != client.client_id:
                self._record(Stage.FORGET_CLASSIC, False, NO_CLIENT)
                return
            s.credential = client
            s.auth_choice = AuthKind.OAUTH
            s.secret_expires = client.secret_expires
            s.token_storage = storage_of(store)
            s.new_client = None
            self._record(Stage.FORGET_CLASSIC, True, SAID["forgotten"].format(where=store.location))

        page.set_busy(True)
        ctx.worker.run_blocking(work, done, lambda e: ctx.fail(page, e))
