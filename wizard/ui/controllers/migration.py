"""The move to OAuth: start it, prove each stage with a live check (wizard.verify with each credential), and at the
end replace the classic token in the keyring by the OAuth client. What a proof means is wizard.flow.migration's."""

from __future__ import annotations

from wizard.domain.checks import CheckKind, CheckResult, Status
from wizard.domain.credentials import ClassicToken, Credential
from wizard.domain.oauth import OAuthClientCredentials
from wizard.domain.text import Lang, Text
from wizard.flow.feedback import apply_results
from wizard.flow.migration import MigrationState, Stage, same_app_connector
from wizard.flow.state import AuthKind
from wizard.ui.controllers.context import NO_TOKEN, Context
from wizard.ui.controllers.credential import CredentialController, storage_of
from wizard.ui.widgets import Level
from wizard.ui.worker import Progress
from wizard.verify.oauth_checks import classic_refused_by_oauth
from wizard.verify.report import Report

CHECKING = Text(en="Checking with AFAS…", nl="Controleren bij AFAS…")
NO_CLIENT = Text(
    en="Paste the new client id and client secret first (step 2).",
    nl="Plak eerst de nieuwe client id en het client secret (stap 2).",
)
# What each check showed, in the user's words.
SAID: dict[str, Text] = {
    "classic-works": Text(en="The classic token still works.", nl="Het klassieke token werkt nog."),
    "classic-fails": Text(
        en="AFAS did not accept the classic token: {why}",
        nl="AFAS accepteerde het klassieke token niet: {why}",
    ),
    "client-kept": Text(
        en="Client id {id} kept in memory until the move is complete.",
        nl="Client id {id} bewaard in het geheugen tot de overstap klaar is.",
    ),
    "oauth-ok": Text(
        en="OAuth passes the whole check ({p} passed) and the classic token still works: the app connector is on "
        "Hybride.",
        nl="OAuth doorstaat de hele controle ({p} in orde) en het klassieke token werkt nog: de app connector staat "
        "op Hybride.",
    ),
    "oauth-fails": Text(
        en="OAuth does not pass the check yet: {why}",
        nl="OAuth doorstaat de controle nog niet: {why}",
    ),
    "other-app": Text(
        en="The client id belongs to another app connector ({new}) than the classic token ({old}). Create the secret "
        "in the app connector {old}.",
        nl="De client id hoort bij een andere app connector ({new}) dan het klassieke token ({old}). Maak het secret "
        "aan in de app connector {old}.",
    ),
    "handed-over": Text(en="SmartBooqing has the new login details.", nl="SmartBooqing heeft de nieuwe gegevens."),
    "oauth-still": Text(en="OAuth still works ({p} passed).", nl="OAuth werkt nog steeds ({p} in orde)."),
    "refused": Text(
        en="AFAS refuses the classic token and asks for OAuth: the old token can no longer be used.",
        nl="AFAS weigert het klassieke token en vraagt om OAuth: het oude token is niet meer te gebruiken.",
    ),
    "refused-silently": Text(
        en="AFAS refuses the classic token (without saying why): the old token can no longer be used.",
        nl="AFAS weigert het klassieke token (zonder te zeggen waarom): het oude token is niet meer te gebruiken.",
    ),
    "still-accepted": Text(
        en="AFAS still accepts the classic token: Authenticatietype is not on OAuth yet. Set it and save, then check "
        "again.",
        nl="AFAS accepteert het klassieke token nog: Authenticatietype staat nog niet op OAuth. Zet het om en sla "
        "op, en controleer opnieuw.",
    ),
    "impossible": Text(
        en="Checking is not possible right now: {why}",
        nl="Controleren is nu niet mogelijk: {why}",
    ),
    "forgotten": Text(
        en="The classic token is no longer stored: the client id and secret took its place ({where}).",
        nl="Het klassieke token is niet meer bewaard: de client id en het secret staan op zijn plaats ({where}).",
    ),
}


def auth_result(report: Report) -> CheckResult | None:
    for check in report.checks:
        if check.id.kind is CheckKind.AUTH:
            return check
    return None


def says_oauth(result: CheckResult) -> bool:
    """The refusal carries the OAuth remark: AFAS's answer itself asked for OAuth (not only "maybe OAuth").

    The remark is the remedy wizard.verify gives for that answer, up to the app connector's name (read when needed:
    importing this module must not read the AFAS data)."""
    remark = classic_refused_by_oauth({"WWW-Authenticate": "Bearer"}, "…")
    if remark is None or result.remedy is None:
        return False
    return result.remedy.en.startswith(remark.en.split("(", 1)[0])


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

    def _record(self, stage: Stage, proved: bool, said: Text, level: Level | None = None) -> None:
        ctx = self.ctx
        if ctx.state.migration is not None:
            ctx.state.migration.record(stage, proved)
        ctx.views.migration.stage_result(stage, level or (Level.OK if proved else Level.ERROR), said.get(ctx.lang))
        ctx.changed()

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
        classic = auth_result(classic_report) if classic_report is not None else None
        if classic is not None and classic.impossible:
            self._record(stage, False, SAID["impossible"].format(why=classic.message), Level.WARN)
            return
        if stage is Stage.HYBRID:
            assert classic is not None and classic_report is not None
            if migration.app_connector is None and classic_report.app_connector:
                migration.app_connector = classic_report.app_connector
            if classic.status is Status.PASS:
                self._record(stage, True, SAID["classic-works"])
            else:
                self._record(stage, False, SAID["classic-fails"].format(why=classic.message))
            return
        if stage is Stage.CLASSIC_REFUSED:
            assert classic is not None
            if classic.status is Status.PASS:
                self._record(stage, False, SAID["still-accepted"])
            else:
                self._record(stage, True, SAID["refused"] if says_oauth(classic) else SAID["refused-silently"])
            return
        # VERIFY_OAUTH and SWITCH_OAUTH: the whole check with the new client.
        if oauth_report is None or not oauth_report.ok:
            oauth_auth = auth_result(oauth_report) if oauth_report is not None else None
            why = oauth_auth.message if oauth_auth is not None and oauth_auth.status is not Status.PASS else None
            if why is None and oauth_report is not None:
                why = Text(en=oauth_report.summary(Lang.EN), nl=oauth_report.summary(Lang.NL))
            self._record(stage, False, SAID["oauth-fails"].format(why=why or ""))
            return
        passed = sum(1 for c in oauth_report.checks if c.status is Status.PASS)
        if stage is Stage.VERIFY_OAUTH:
            if not same_app_connector(migration.app_connector, oauth_report.app_connector):
                said = SAID["other-app"].format(new=oauth_report.app_connector, old=migration.app_connector)
                self._record(stage, False, said)
                return
            if classic is None or classic.status is not Status.PASS:
                why = classic.message if classic is not None else Text(en="", nl="")
                self._record(stage, False, SAID["classic-fails"].format(why=why))
                return
            self._record(stage, True, SAID["oauth-ok"].format(p=passed))
            return
        self._record(stage, True, SAID["oauth-still"].format(p=passed))

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
