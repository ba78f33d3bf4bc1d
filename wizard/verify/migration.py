"""The live proofs of the move to OAuth (wizard.flow.migration's stages), Qt-free: what the whole check with the
classic token and with the new OAuth client showed, as a `Verdict` (wizard.flow.stages) per stage. The desktop
controller runs the checks on its worker thread and shows the verdict."""

from __future__ import annotations

from wizard.domain.checks import CheckKind, CheckResult, Status
from wizard.domain.text import Lang, Text
from wizard.flow.migration import Stage, same_app_connector
from wizard.flow.stages import Verdict
from wizard.verify.oauth_checks import classic_refused_by_oauth
from wizard.verify.report import Report

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


def judge(
    stage: Stage, app_connector: str | None, classic_report: Report | None, oauth_report: Report | None
) -> Verdict[Stage]:
    """What the check(s) of `stage` prove. `app_connector` is the one the classic token reached (stage 1); the
    OAuth client must reach the same one."""
    classic = auth_result(classic_report) if classic_report is not None else None
    if classic is not None and classic.impossible:
        return Verdict.not_now(stage, classic.message)
    if stage is Stage.HYBRID:
        if classic is not None and classic.status is Status.PASS:
            return Verdict(stage, True, SAID["classic-works"])
        return Verdict(stage, False, SAID["classic-fails"].format(why=_why(classic)))
    if stage is Stage.CLASSIC_REFUSED:
        if classic is None or classic.status is Status.PASS:
            return Verdict(stage, False, SAID["still-accepted"])
        return Verdict(stage, True, SAID["refused"] if says_oauth(classic) else SAID["refused-silently"])
    # VERIFY_OAUTH and SWITCH_OAUTH: the whole check with the new client.
    if oauth_report is None or not oauth_report.ok:
        oauth_auth = auth_result(oauth_report) if oauth_report is not None else None
        why = oauth_auth.message if oauth_auth is not None and oauth_auth.status is not Status.PASS else None
        if why is None and oauth_report is not None:
            why = Text(en=oauth_report.summary(Lang.EN), nl=oauth_report.summary(Lang.NL))
        return Verdict(stage, False, SAID["oauth-fails"].format(why=why or ""))
    passed = sum(1 for c in oauth_report.checks if c.status is Status.PASS)
    if stage is Stage.VERIFY_OAUTH:
        if not same_app_connector(app_connector, oauth_report.app_connector):
            return Verdict(stage, False, SAID["other-app"].format(new=oauth_report.app_connector, old=app_connector))
        if classic is None or classic.status is not Status.PASS:
            return Verdict(stage, False, SAID["classic-fails"].format(why=_why(classic)))
        return Verdict(stage, True, SAID["oauth-ok"].format(p=passed))
    return Verdict(stage, True, SAID["oauth-still"].format(p=passed))


def _why(result: CheckResult | None) -> Text:
    return result.message if result is not None else Text(en="", nl="")
