"""The probe on saving login details: exactly one request — OAuth: one token request; classic: GET /metainfo — and
a typed verdict the credential page shows at once. Read-only, like all verification.

What AFAS's answers can tell apart decides the verdicts (afas-oauth.md §2.3, afas-api.md §4.2): a wrong client id, a
wrong secret and a blocked app connector all get `invalid_client` ("The client is unknown or blocked, or
authentication failed"), and a classic token gets an empty 401 for each of "wrong", "deleted" and "blocked"; so one
verdict, REFUSED, names those causes in their order. Only WORKS and UNPROVEN are stored.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum

import httpx

from wizard.afas.challenge import offers_oauth
from wizard.afas.client import AfasClient, ClientSettings
from wizard.afas.errors import AfasProblem, Problem, classify_exception, classify_reply
from wizard.afas.reading import Reply
from wizard.data import load_manifest, screens
from wizard.domain.credentials import Credential
from wizard.domain.environment import AfasEnvironment
from wizard.domain.oauth import OAuthClientCredentials
from wizard.domain.steps import StepId
from wizard.domain.text import Lang, Text
from wizard.verify import remedies
from wizard.verify.answers import MetaInfo
from wizard.verify.oauth_checks import secret_expired_on

PROBE_TIMEOUT = 15.0  # seconds for the one request: the user waits for it after clicking "Store securely"


class Verdict(StrEnum):
    WORKS = "works"
    REFUSED = "refused"  # wrong id, secret or token, or (AFAS answers the same) a blocked app connector
    OTHER_KIND = "other-kind"  # the app connector's Authenticatietype accepts only the other credential kind
    UNKNOWN_ENVIRONMENT = "unknown-environment"
    UNPROVEN = "unproven"  # impossible right now (network, TLS, maintenance, an IP restriction): stored, unproven


@dataclass(frozen=True)
class ProbeResult:
    verdict: Verdict
    message: Text  # what AFAS's answer means, in the words of AFAS's screens
    remedy: Text | None = None  # what to do, naming the AFAS screen
    fix_step: StepId | None = None  # where that is fixed, when not on the credential page itself
    app_name: str | None = None  # WORKS with a classic token: the app connector as /metainfo names it
    group: str | None = None
    detail: str = ""  # technical, redacted

    @property
    def works(self) -> bool:
        return self.verdict is Verdict.WORKS

    @property
    def store(self) -> bool:
        """Stored: it works, or nothing could be said right now. A refused credential is not kept."""
        return self.verdict in (Verdict.WORKS, Verdict.UNPROVEN)


def _afas_quote(problem: AfasProblem) -> Text:
    """AFAS's own words, if it gave any (empty otherwise)."""
    if not problem.external_message:
        return Text(en="", nl="")
    return Text(en=" AFAS said: “{m}”.", nl=" AFAS meldde: “{m}”.").format(m=problem.external_message)


def _afas_said(problem: AfasProblem) -> Text:
    return problem.message() + Text(en=".", nl=".") + _afas_quote(problem)


def _unproven(problem: AfasProblem, url: str) -> ProbeResult:
    what = Text(
        en="Stored, but not proven yet: the wizard could not ask AFAS at {url}. {why}",
        nl="Bewaard, maar nog niet bewezen: de wizard kon AFAS niet vragen op {url}. {why}",
    ).format(url=url, why=_afas_said(problem))
    if problem.kind is Problem.MAINTENANCE:
        remedy = remedies.maintenance(problem.retry_after)
    elif problem.kind is Problem.FORBIDDEN:
        remedy = remedies.ip_restricted("")
    elif problem.kind in (Problem.UNREACHABLE, Problem.TIMEOUT, Problem.PROXY, Problem.TLS, Problem.INTERCEPTED):
        remedy = remedies.UNREACHABLE
    else:
        remedy = remedies.UNRECOGNISED
    later = Text(en=" The check at the end tries again.", nl=" De controle aan het eind probeert het opnieuw.")
    return ProbeResult(Verdict.UNPROVEN, what, remedy + later, detail=problem.technical())


def _auth_type_named(value: str) -> Text:
    field = screens().app_connector.fields.auth_type
    return Text(en="{field} ‘{value}’", nl="{field} ‘{value}’").format(field=field.nl, value=value)


def classify_token_outcome(
    outcome: object, credential: OAuthClientCredentials, env: AfasEnvironment, today: dt.date
) -> ProbeResult:
    """A token request's outcome (a grant, or the problem AFAS's answer or the network gave) as a verdict."""
    if not isinstance(outcome, AfasProblem):
        return ProbeResult(
            Verdict.WORKS,
            Text(
                en="AFAS accepts this client id and client secret for environment {env}: it issued an access token.",
                nl="AFAS accepteert deze client id en dit client secret voor omgeving {env}: het gaf een "
                "toegangstoken.",
            ).format(env=env.env_id),
        )
    problem = outcome
    kind = problem.kind
    if problem.impossible or kind in (Problem.MALFORMED, Problem.UNEXPECTED):
        return _unproven(problem, problem.url or env.rest_base_url)
    remedy = remedies.oauth_refused(problem, None, secret_expired_on(credential, today))
    if kind in (Problem.UNAUTHORIZED_CLIENT, Problem.UNSUPPORTED_GRANT, Problem.DPOP_REQUIRED):
        types = screens().app_connector.auth_types
        return ProbeResult(
            Verdict.OTHER_KIND,
            Text(
                en="This app connector does not accept a client id and secret. In its properties, choose {oauth} "
                "(or {hybrid}), not {classic}; or go back and use a user token.",
                nl="Deze app connector accepteert geen client id en secret. Kies in de eigenschappen {oauth} (of "
                "{hybrid}), niet {classic}; of ga terug en gebruik een gebruikerstoken.",
            ).format(
                oauth=_auth_type_named(types.oauth.nl),
                hybrid=types.hybrid.nl,
                classic=types.classic.nl,
            )
            + Text(en=" ", nl=" ")
            + _afas_said(problem),
            remedy,
            StepId.APP_CONNECTOR,
            detail=problem.technical(),
        )
    if kind in (Problem.WRONG_ENVIRONMENT, Problem.NOT_FOUND):
        return ProbeResult(
            Verdict.UNKNOWN_ENVIRONMENT,
            Text(
                en="AFAS does not know this client id in environment {env}. ",
                nl="AFAS kent deze client id niet in omgeving {env}. ",
            ).format(env=env.env_id)
            + _afas_said(problem),
            remedy,
            StepId.ENVIRONMENT,
            detail=problem.technical(),
        )
    expired = secret_expired_on(credential, today)
    if expired is not None and kind is Problem.INVALID_CLIENT:
        # AFAS does not say why; the date the user gave has passed, so that is the cause named (once), and the
        # fix is the renewal (a new secret made, proved, handed over, the old revoked).
        return ProbeResult(
            Verdict.REFUSED,
            Text(
                en="AFAS refuses this client secret: it expired on {date} (the date you entered for it).",
                nl="AFAS weigert dit client secret: het is verlopen op {date} (de datum die u erbij invulde).",
            ).format(date=expired)
            + _afas_quote(problem),
            remedies.renew_expired_secret(None),
            StepId.RENEW,
            detail=problem.technical(),
        )
    return ProbeResult(
        Verdict.REFUSED,
        Text(
            en="AFAS refuses this client id and client secret: one of them is not the one AFAS shows for this app "
            "connector, or the app connector is still blocked.",
            nl="AFAS weigert deze client id en dit client secret: een van beide is niet wat AFAS bij deze app "
            "connector toont, of de app connector is nog geblokkeerd.",
        )
        # The sentence above already says what the problem's own message would: only AFAS's words are added.
        + _afas_quote(problem),
        remedy,
        # A secret past the date AFAS showed is renewed (a new one made, proved, handed over, the old revoked).
        StepId.RENEW if secret_expired_on(credential, today) is not None else None,
        detail=problem.technical(),
    )


def classify_metainfo(reply: Reply | AfasProblem, env: AfasEnvironment) -> ProbeResult:
    """GET /metainfo with a classic token (an answer, or the problem the network gave) as a verdict."""
    url = f"{env.rest_base_url}/metainfo"
    problem = reply if isinstance(reply, AfasProblem) else classify_reply(reply)
    if problem is None and isinstance(reply, Reply):
        meta = MetaInfo.parse(reply.json_body, load_manifest())
        text = Text(en="AFAS accepts this token", nl="AFAS accepteert dit token")
        if meta.app_name:
            text += Text(en=": app connector “{app}”", nl=": app connector “{app}”").format(app=meta.app_name)
        if meta.group:
            text += Text(en=", user group “{group}”", nl=", gebruikersgroep “{group}”").format(group=meta.group)
        text += Text(en=", environment {env}.", nl=", omgeving {env}.").format(env=meta.envid or env.env_id)
        return ProbeResult(Verdict.WORKS, text, app_name=meta.app_name, group=meta.group)
    assert problem is not None
    if problem.kind is Problem.UNAUTHORIZED:
        headers = reply.headers if isinstance(reply, Reply) else httpx.Headers()
        if offers_oauth(headers):
            oauth = screens().app_connector.auth_types.oauth.nl
            return ProbeResult(
                Verdict.OTHER_KIND,
                Text(
                    # The fact only: what to do (client id and secret, or Hybride) is the remedy below.
                    en="This app connector accepts only OAuth ({field}): it refuses a user token.",
                    nl="Deze app connector accepteert alleen OAuth ({field}): een gebruikerstoken wordt geweigerd.",
                ).format(field=_auth_type_named(oauth)),
                remedies.classic_refused_use_oauth(),
                StepId.APP_CONNECTOR,
                detail=problem.technical(),
            )
        return ProbeResult(
            Verdict.REFUSED,
            Text(
                en="AFAS refuses this token: it was not made for this app connector, was deleted, or "
                "the app connector is still blocked.",
                nl="AFAS weigert dit token: het is niet voor deze app connector gemaakt, is verwijderd, "
                "of de app connector is nog geblokkeerd.",
            ),
            remedies.token_rejected("", env.env_id, remedies.classic_maybe_oauth()),
            detail=problem.technical(),
        )
    if problem.kind is Problem.NOT_FOUND:
        return ProbeResult(
            Verdict.UNKNOWN_ENVIRONMENT,
            Text(
                en="AFAS does not know environment {env} at {url}.",
                nl="AFAS kent omgeving {env} niet op {url}.",
            ).format(env=env.env_id, url=url),
            Text(
                en="Check the environment number and type (production O, test T, acceptance A).",
                nl="Controleer het omgevingsnummer en -type (productie O, test T, acceptatie A).",
            ),
            StepId.ENVIRONMENT,
            detail=problem.technical(),
        )
    return _unproven(problem, url)


async def probe(
    env: AfasEnvironment,
    credential: Credential,
    *,
    lang: Lang = Lang.EN,
    transport: httpx.AsyncBaseTransport | None = None,
    today: dt.date | None = None,
) -> ProbeResult:
    """The one request, with the same client (TLS, proxies, size caps) as the full check."""
    settings = ClientSettings(connect_timeout=10.0, read_timeout=PROBE_TIMEOUT - 10.0, retry_503_attempts=0)
    async with AfasClient(env, credential, lang=lang, settings=settings, transport=transport) as client:
        if isinstance(credential, OAuthClientCredentials):
            try:
                outcome: object = await client.request_token()
            except Exception as exc:  # network, TLS, a too-large answer: one problem type
                outcome = classify_exception(exc)
            return classify_token_outcome(outcome, credential, env, today or dt.date.today())
        try:
            reply: Reply | AfasProblem = await client.get("metainfo")
        except Exception as exc:
            reply = classify_exception(exc)
        return classify_metainfo(reply, env)
