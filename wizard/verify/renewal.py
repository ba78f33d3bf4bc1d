"""The live proofs of the client secret's renewal (wizard.flow.renewal's stages), Qt-free: token requests with the
new and the old secret, the whole check with the new one, and the keyring swap at the end. The desktop controller
runs these on its worker thread; a test runs them against the simulator directly.

Each proof returns a `Verdict` (wizard.flow.stages); `Verdict.apply` records it (an impossible check records
nothing: it says nothing about AFAS's setup).
"""

from __future__ import annotations

from typing import Protocol

import httpx

from wizard.afas.client import AfasClient, ClientSettings
from wizard.afas.errors import IMPOSSIBLE, AfasProblem, Problem, classify_exception
from wizard.domain.checks import Status
from wizard.domain.credentials import Credential
from wizard.domain.environment import AfasEnvironment
from wizard.domain.oauth import OAuthClientCredentials
from wizard.domain.text import Lang, Text, long_date
from wizard.flow.renewal import Stage, pending_key
from wizard.flow.stages import Verdict
from wizard.verify.report import Report

SAID: dict[str, Text] = {
    "both-work": Text(
        en="AFAS gives a token for the new secret, and still for the old one: both are valid now.",
        nl="AFAS geeft een token voor het nieuwe secret, en nog steeds voor het oude: beide zijn nu geldig.",
    ),
    "new-fails": Text(
        en="AFAS gives no token for the new secret: {why} Check that you copied the whole secret of this app "
        "connector, and paste it again.",
        nl="AFAS geeft geen token voor het nieuwe secret: {why} Controleer of u het hele secret van deze app "
        "connector hebt gekopieerd, en plak het opnieuw.",
    ),
    "same-secret": Text(
        en="This is the secret in use now, not a new one. Generate a new secret in AFAS and paste that one.",
        nl="Dit is het secret dat nu in gebruik is, geen nieuw. Maak in AFAS een nieuw secret aan en plak dat.",
    ),
    "old-fails-early": Text(
        en="The new secret works, but the old one no longer does: {why} SmartBooqing may have stopped. Continue "
        "quickly: run the check, then give SmartBooqing the new secret.",
        nl="Het nieuwe secret werkt, maar het oude niet meer: {why} SmartBooqing kan gestopt zijn. Ga snel verder: "
        "voer de controle uit en geef SmartBooqing daarna het nieuwe secret.",
    ),
    "check-ok": Text(
        en="The whole check passes with the new secret ({p} passed).",
        nl="De hele controle slaagt met het nieuwe secret ({p} in orde).",
    ),
    "check-fails": Text(
        en="The check does not pass with the new secret: {why}",
        nl="De controle slaagt niet met het nieuwe secret: {why}",
    ),
    "handed-over": Text(
        en="SmartBooqing uses the new secret (confirmed in the SmartBooqing portal).",
        nl="SmartBooqing gebruikt het nieuwe secret (bevestigd in het SmartBooqing-portaal).",
    ),
    "revoked": Text(en="You revoked the old secret in AFAS.", nl="U hebt het oude secret ingetrokken in AFAS."),
    "old-refused": Text(
        en="AFAS refuses the old secret: nobody can use it any more.",
        nl="AFAS weigert het oude secret: niemand kan het nog gebruiken.",
    ),
    "not-revoked": Text(
        en="AFAS still accepts the old secret: the revocation did not happen. In AFAS open the app connector "
        "again, revoke the OLD secret (the one with the earlier expiry date, not the new one) and save. Then "
        "check again.",
        nl="AFAS accepteert het oude secret nog: het intrekken is niet gelukt. Open in AFAS de app connector "
        "opnieuw, trek het OUDE secret in (dat met de eerdere vervaldatum, niet het nieuwe) en sla op. "
        "Controleer daarna opnieuw.",
    ),
    "old-other": Text(
        en="AFAS refused the old secret, but not as a revoked secret: {why}",
        nl="AFAS weigerde het oude secret, maar niet als ingetrokken secret: {why}",
    ),
    "stored": Text(
        en="Only the new secret is stored ({where}), valid until {until}.",
        nl="Alleen het nieuwe secret is bewaard ({where}), geldig tot {until}.",
    ),
    "no-expiry": Text(en="no date shown by AFAS", nl="AFAS toont geen datum"),
    "not-stored": Text(
        en="The password store did not keep the new secret. Try again.",
        nl="De wachtwoordopslag heeft het nieuwe secret niet bewaard. Probeer het opnieuw.",
    ),
    "lost": Text(
        en="The new secret is no longer known to the wizard. Generate another new secret in AFAS and paste it.",
        nl="De wizard kent het nieuwe secret niet meer. Maak in AFAS nog een nieuw secret aan en plak het.",
    ),
}


async def try_token(
    env: AfasEnvironment,
    credential: OAuthClientCredentials,
    *,
    transport: httpx.AsyncBaseTransport | None = None,
    settings: ClientSettings | None = None,
) -> AfasProblem | None:
    """One token request with `credential`: None when AFAS issues a token, else the problem (never raised)."""
    async with AfasClient(env, credential, settings=settings, transport=transport) as client:
        try:
            outcome = await client.request_token()
        except Exception as exc:  # network, TLS, a too-large answer: one problem type
            return classify_exception(exc)
    return outcome if isinstance(outcome, AfasProblem) else None


def _impossible(stage: Stage, problem: AfasProblem) -> Verdict[Stage] | None:
    if problem.kind in IMPOSSIBLE:
        return Verdict.not_now(stage, problem.message())
    return None


def judge_paste(
    new: OAuthClientCredentials,
    old: OAuthClientCredentials,
    new_answer: AfasProblem | None,
    old_answer: AfasProblem | None,
) -> Verdict[Stage]:
    """Stage 2: the new secret gets a token while the old one still does (AFAS's overlap of two secrets)."""
    if new.secret() == old.secret():
        return Verdict(Stage.PASTE, False, SAID["same-secret"])
    if new_answer is not None:
        return _impossible(Stage.PASTE, new_answer) or Verdict(
            Stage.PASTE, False, SAID["new-fails"].format(why=new_answer.message())
        )
    if old_answer is not None:
        # Proved all the same: the new secret works, and the way on (check, hand over) is what repairs it.
        return _impossible(Stage.PASTE, old_answer) or Verdict(
            Stage.PASTE, True, SAID["old-fails-early"].format(why=old_answer.message())
        )
    return Verdict(Stage.PASTE, True, SAID["both-work"])


def judge_check(report: Report) -> Verdict[Stage]:
    """Stage 3: the whole check with the new secret."""
    passed = sum(1 for c in report.checks if c.status is Status.PASS)
    if report.ok:
        return Verdict(Stage.VERIFY, True, SAID["check-ok"].format(p=passed))
    why = Text(en=report.summary(Lang.EN), nl=report.summary(Lang.NL))
    return Verdict(Stage.VERIFY, False, SAID["check-fails"].format(why=why), impossible=report.impossible)


def judge_old_refused(old_answer: AfasProblem | None) -> Verdict[Stage]:
    """Stage 6: a token request with the old secret answers invalid_client. Still accepted: the revocation did not
    happen, so stage 5 opens again with how to do it."""
    if old_answer is None:
        return Verdict(Stage.REVOKE, False, SAID["not-revoked"])
    if old_answer.kind is Problem.INVALID_CLIENT:
        return Verdict(Stage.OLD_REFUSED, True, SAID["old-refused"])
    return _impossible(Stage.OLD_REFUSED, old_answer) or Verdict(
        Stage.OLD_REFUSED, False, SAID["old-other"].format(why=old_answer.message())
    )


class Store(Protocol):
    """The part of wizard.stores.secrets.SecretStore the renewal uses."""

    @property
    def location(self) -> Text: ...

    def save(self, env_key: str, credential: Credential) -> None: ...

    def load(self, env_key: str) -> Credential | None: ...

    def delete(self, env_key: str) -> bool: ...


def keep_pending(store: Store, env_key: str, new: OAuthClientCredentials) -> None:
    """The new secret waits in the password store (AFAS shows it once): a closed window does not lose it."""
    store.save(pending_key(env_key), new)


def pending(store: Store, env_key: str) -> OAuthClientCredentials | None:
    found = store.load(pending_key(env_key))
    return found if isinstance(found, OAuthClientCredentials) else None


def store_new(store: Store, env_key: str, new: OAuthClientCredentials) -> Verdict[Stage]:
    """Stage 7: the environment's one entry becomes the new secret with its expiry; the waiting copy goes."""
    store.save(env_key, new)
    store.delete(pending_key(env_key))
    loaded = store.load(env_key)
    if not isinstance(loaded, OAuthClientCredentials) or loaded.secret() != new.secret():
        return Verdict(Stage.STORE, False, SAID["not-stored"])
    until = long_date(loaded.secret_expires) if loaded.secret_expires is not None else SAID["no-expiry"]
    return Verdict(Stage.STORE, True, SAID["stored"].format(where=store.location, until=until))
