"""The checks of the token and the ordinary connectors, each returning a typed Outcome (special connectors: special.py).

Only reads: an UpdateConnector's metainfo is fetched, the connector itself is never called.
"""

from __future__ import annotations

import datetime as dt

from wizard.afas.errors import AfasProblem, Problem, classify_reply
from wizard.afas.reading import Reply
from wizard.domain.checks import Outcome, Status
from wizard.domain.credentials import CLASSIC_TOKEN_SUNSET
from wizard.domain.manifest import ConnectorSpec
from wizard.domain.oauth import OAuthClientCredentials, with_expiry
from wizard.domain.redact import excerpt
from wizard.domain.steps import StepId
from wizard.domain.text import Text, long_date
from wizard.verify import remedies
from wizard.verify.answers import MetaInfo, field_ids, object_names, parse_token_expiry
from wizard.verify.context import (
    OutcomeError,
    RunContext,
    not_linked,
    problem_of,
    unrecognised,
    usable,
    with_problem,
)
from wizard.verify.oauth_checks import (
    classic_refused_by_oauth,
    classic_sunset_applies,
    secret_expiry_parts,
)

TOKEN_EXPIRY_WARN_DAYS = 60
# An access token lives an hour (expires_in 3600): a tokenExpiry this close is the access token's, not the secret's.
ACCESS_TOKEN_DAYS = 2
DETAIL_LIMIT = 200  # characters of an AFAS answer kept in a report, after redaction


def _is_oauth(run: RunContext) -> bool:
    return isinstance(run.credential, OAuthClientCredentials)


def _rejected(run: RunContext, app: str, reply: Reply | AfasProblem, problem: AfasProblem) -> Outcome:
    """/metainfo answered 401. An OAuth client: AFAS refused the access token it issued. A classic token: the usual
    causes, and, when AFAS's WWW-Authenticate asks for OAuth, plainly: the app connector is switched to OAuth."""
    if _is_oauth(run):
        message = Text(
            en="AFAS refused the access token it had just issued.",
            nl="AFAS weigerde het toegangstoken dat het net had uitgegeven.",
        )
        outcome = Outcome(
            status=Status.FAIL, message=message, remedy=remedies.bearer_rejected(app), fix_step=StepId.APP_CONNECTOR
        )
        return with_problem(outcome, problem)
    switched = classic_refused_by_oauth(reply.headers, app) if isinstance(reply, Reply) else None
    if switched is not None:
        outcome = Outcome(
            status=Status.FAIL,
            message=Text(
                en="AFAS refused the classic token and asks for OAuth instead.",
                nl="AFAS weigert het klassieke token en vraagt in plaats daarvan om OAuth.",
            ),
            remedy=switched,
            # The cause is the app connector's Authenticatietype, set on the app connector step.
            fix_step=StepId.APP_CONNECTOR,
            auth_type=True,
        )
        return with_problem(outcome, problem)
    rejected = Outcome(
        status=Status.FAIL,
        message=Text(
            en="AFAS rejected the token: it is expired, deleted, for another environment or "
            "type, or the app connector is still blocked.",
            nl="AFAS weigert het token: het is verlopen, verwijderd, voor een andere omgeving of "
            "ander type, of de app connector is nog geblokkeerd.",
        ),
        remedy=remedies.token_rejected(app, run.client.env.env_id, remedies.classic_maybe_oauth()),
        # A rejected credential is fixed where it is entered, which says why (issue 20 item 4); the remedy still
        # lists the blocked app connector among the causes.
        fix_step=StepId.TOKEN,
    )
    return with_problem(rejected, problem)


async def check_auth(run: RunContext) -> Outcome:
    """The credential and the app connector: for an OAuth client the token request and /metainfo together (a
    refused token request ends here, through RunContext.call), for a classic token /metainfo alone."""
    app = run.manifest.app_connector.description
    try:
        reply = await run.get("metainfo")
    except OutcomeError as refused:
        return refused.outcome
    problem = problem_of(reply)
    if problem is None and isinstance(reply, Reply) and not isinstance(reply.json_body, dict):
        problem = AfasProblem(Problem.MALFORMED, status=reply.status, detail="metainfo is not a JSON object")
    if problem is not None:
        if problem.kind is Problem.UNAUTHORIZED:
            return _rejected(run, app, reply, problem)
        return unrecognised(problem, app)
    assert isinstance(reply, Reply)
    meta = MetaInfo.parse(reply.json_body, run.manifest)
    run.meta = meta
    run.app = meta.app_name or app
    if _is_oauth(run):
        message = Text(
            en="OAuth client accepted: AFAS issued an access token. App connector '{app}', user group '{group}'.",
            nl="OAuth client id en secret geaccepteerd: AFAS gaf een toegangstoken. App connector '{app}', "
            "gebruikersgroep '{group}'.",
        )
    else:
        message = Text(
            en="Token accepted. App connector '{app}', user group '{group}'.",
            nl="Token geaccepteerd. App connector '{app}', gebruikersgroep '{group}'.",
        )
    message = message.format(app=meta.app_name or "?", group=meta.group or "?")
    detail = ""
    if meta.envid and meta.envid.upper() != run.client.env.env_id.upper():
        detail = f"metainfo envid {excerpt(meta.envid, 40)}"
    return Outcome(status=Status.PASS, message=message, http_status=reply.status, detail=detail)


async def check_get(run: RunContext, spec: ConnectorSpec) -> Outcome:
    if spec.id.lower() not in run.metainfo.get_ids:
        return not_linked(run, spec)
    reply = await run.get(f"connectors/{spec.id}", {"skip": "0", "take": "1"})
    problem = problem_of(reply)
    if problem is not None and problem.kind is Problem.BLOCKED_DEFINITION:
        blocked = Outcome(
            status=Status.FAIL,
            message=Text(
                en="The definition '{name}' ({id}) is blocked in AFAS: SmartBooqing cannot read it. It is there, so "
                "importing it again does not help: unblock it.",
                nl="De definitie '{name}' ({id}) is geblokkeerd in AFAS: SmartBooqing kan hem niet lezen. Hij is er "
                "wel, dus opnieuw importeren helpt niet: hef de blokkering op.",
            ).format(name=spec.description, id=spec.id),
            remedy=remedies.unblock_definition(spec.id),
            fix_step=StepId.IMPORT,
            blocked=True,
        )
        return with_problem(blocked, problem)
    if problem is not None and problem.kind is Problem.FIELD_NOT_FOUND and (gcn := run.manifest.gcn_for(spec.id)):
        outdated = Outcome(
            status=Status.FAIL, message=problem.message(), remedy=remedies.reimport(gcn), fix_step=StepId.IMPORT
        )
        return with_problem(outdated, problem)
    ok = usable(reply, run, spec)
    rows = ok.json_body.get("rows") if isinstance(ok.json_body, dict) else None
    if not isinstance(rows, list):
        malformed = AfasProblem(Problem.MALFORMED, status=ok.status, detail=excerpt(ok.text, DETAIL_LIMIT))
        return unrecognised(malformed, run.app)
    if not rows:
        return Outcome(
            status=Status.WARN,
            message=Text(
                en="{id} is readable but returned no rows.", nl="{id} is leesbaar maar gaf geen regels."
            ).format(id=spec.id),
            remedy=remedies.filter_authorisation(spec.id),
            fix_step=StepId.APP_CONNECTOR,
            http_status=ok.status,
        )
    return Outcome(
        status=Status.PASS,
        message=Text(en="{id} is linked and readable.", nl="{id} is gekoppeld en leesbaar.").format(id=spec.id),
        http_status=ok.status,
    )


async def check_fields(run: RunContext, spec: ConnectorSpec) -> Outcome:
    if spec.id.lower() not in run.metainfo.get_ids:
        return Outcome(
            status=Status.SKIP,
            message=Text(
                en="Not checked: {id} is not linked.", nl="Niet gecontroleerd: {id} is niet gekoppeld."
            ).format(id=spec.id),
        )
    ok = usable(await run.get(f"metainfo/get/{spec.id}"), run, spec)
    present = field_ids(ok.json_body)
    missing = [f for f in spec.required_fields if f.lower() not in present]
    if missing:
        gcn = run.manifest.gcn_for(spec.id)
        return Outcome(
            status=Status.FAIL,
            message=Text(
                en="{id} lacks fields SmartBooqing needs: {fields}.",
                nl="{id} mist velden die SmartBooqing nodig heeft: {fields}.",
            ).format(id=spec.id, fields=", ".join(missing)),
            remedy=remedies.reimport(gcn) if gcn else None,
            fix_step=StepId.IMPORT,
            http_status=ok.status,
        )
    return Outcome(
        status=Status.PASS,
        message=Text(
            en="All {n} fields SmartBooqing needs are present.",
            nl="Alle {n} velden die SmartBooqing nodig heeft zijn er.",
        ).format(n=len(spec.required_fields)),
        http_status=ok.status,
    )


async def check_update(run: RunContext, spec: ConnectorSpec) -> Outcome:
    if spec.id.lower() not in run.metainfo.update_ids:
        return not_linked(run, spec)
    # Only the metainfo: an UpdateConnector is never called, so nothing can be written.
    ok = usable(await run.get(f"metainfo/update/{spec.id}"), run, spec)
    return Outcome(
        status=Status.PASS,
        message=Text(en="{id} is linked and authorised.", nl="{id} is gekoppeld en geautoriseerd.").format(id=spec.id),
        http_status=ok.status,
    )


async def check_attachments(run: RunContext) -> Outcome:
    missing: list[str] = []
    for spec in run.manifest.update_connectors:
        if not spec.required_objects:
            continue
        if spec.id.lower() not in run.metainfo.update_ids:
            return Outcome(
                status=Status.FAIL,
                message=Text(
                    en="Documents cannot be attached: {id} is not linked.",
                    nl="Documenten kunnen niet als bijlage mee: {id} is niet gekoppeld.",
                ).format(id=spec.id),
                remedy=remedies.attachments(run.app, spec.id),
                fix_step=StepId.LINK_CONNECTORS,
            )
        ok = usable(await run.get(f"metainfo/update/{spec.id}"), run, spec)
        names = object_names(ok.json_body)
        missing += [f"{spec.id}/{o}" for o in spec.required_objects if o.lower() not in names]
    if missing:
        first = next(s for s in run.manifest.update_connectors if s.required_objects)
        return Outcome(
            status=Status.FAIL,
            message=Text(en="AFAS does not offer {what}.", nl="AFAS biedt {what} niet aan.").format(
                what=", ".join(missing)
            ),
            remedy=remedies.attachments(run.app, first.id),
            fix_step=StepId.LINK_CONNECTORS,
        )
    # The dossier item type's destinations cannot be read remotely: the user confirms them on the Dossier step,
    # so this is a check to do by hand (never a green tick), pointing there.
    return Outcome(
        status=Status.MANUAL,
        message=Text(
            # What was read (the connectors that carry attachments) apart from what only the user can see.
            en="AFAS offers what attachments need ({ids} with its parts). The dossier item type's destinations "
            "(Optioneel) cannot be read remotely: check them once by hand.",
            nl="AFAS biedt wat bijlagen nodig hebben ({ids} met zijn onderdelen). De bestemmingen van het type "
            "dossieritem (Optioneel) zijn op afstand niet te lezen: controleer ze eenmalig zelf.",
        ).format(ids=", ".join(s.id for s in run.manifest.update_connectors if s.required_objects)),
        fix_step=StepId.DOSSIER,
    )


async def check_token_expiry(run: RunContext) -> Outcome:
    if isinstance(run.credential, OAuthClientCredentials):
        return _secret_expiry(run, run.credential)
    raw = run.metainfo.token_expiry
    shown = f"tokenExpiry {excerpt(raw, 40)!r}" if raw is not None else "tokenExpiry None"
    parsed = parse_token_expiry(raw)
    if parsed is None:
        return Outcome(
            status=Status.PASS,
            message=Text(
                en="AFAS reports no expiry date for this token.", nl="AFAS meldt geen vervaldatum voor dit token."
            ),
            detail=shown,
        )
    if isinstance(parsed, str):
        return Outcome(
            status=Status.SKIP,
            message=Text(
                en="AFAS reported an expiry date in a form we do not recognise: {v}.",
                nl="AFAS meldde een vervaldatum in een vorm die we niet herkennen: {v}.",
            ).format(v=excerpt(parsed, 40)),
            detail=shown,
        )
    days = (parsed - run.today).days
    if days <= TOKEN_EXPIRY_WARN_DAYS:
        return Outcome(
            status=Status.WARN,
            message=Text(
                en="The token expires on {d} (in {n} days); after that SmartBooqing cannot reach AFAS.",
                nl="Het token verloopt op {d} (over {n} dagen); daarna kan SmartBooqing AFAS niet meer bereiken.",
            ).format(d=long_date(parsed), n=max(days, 0)),
            remedy=remedies.new_token(run.app),
            fix_step=StepId.TOKEN,
            detail=shown,
        )
    return Outcome(
        status=Status.PASS,
        message=Text(en="The token is valid until {d}.", nl="Het token is geldig tot {d}.").format(d=long_date(parsed)),
        detail=shown,
    )


def _secret_expiry(run: RunContext, credential: OAuthClientCredentials) -> Outcome:
    """An OAuth client's expiry is its secret's: the date the user copied from the app connector (no API exposes
    it, afas-oauth.md §1.2). What `info.tokenExpiry` means under OAuth is UNCONFIRMED (§6.4: "0", the access
    token's expiry, or the secret's): it is shown in the detail, and a date further than the access token's hour
    is offered as the secret's when the user gave none."""
    raw = run.metainfo.token_expiry
    shown = f"tokenExpiry {excerpt(raw, 40)!r}" if raw is not None else "tokenExpiry None"
    parts = secret_expiry_parts(credential, run.today, run.app)
    if parts is not None:
        # The fix is the renewal ("Client secret vernieuwen"), not pasting the same secret again.
        return Outcome(status=Status.WARN, message=parts[0], remedy=parts[1], fix_step=StepId.RENEW, detail=shown)
    if credential.secret_expires is not None:
        return Outcome(
            status=Status.PASS,
            message=Text(
                en="The client secret is valid until {d} (the date given for it).",
                nl="Het client secret is geldig tot {d} (de opgegeven datum).",
            ).format(d=long_date(credential.secret_expires)),
            detail=shown,
        )
    parsed = parse_token_expiry(raw)
    if isinstance(parsed, dt.date) and (parsed - run.today).days > ACCESS_TOKEN_DAYS:
        parts = secret_expiry_parts(with_expiry(credential, parsed), run.today, run.app)
        if parts is not None:
            return Outcome(status=Status.WARN, message=parts[0], remedy=parts[1], fix_step=StepId.RENEW, detail=shown)
        return Outcome(
            status=Status.PASS,
            message=Text(
                en="AFAS reports {d} as the expiry date; when logging in with OAuth this is probably the client "
                "secret's.",
                nl="AFAS meldt {d} als vervaldatum; bij inloggen met OAuth is dat waarschijnlijk die van het client "
                "secret.",
            ).format(d=long_date(parsed)),
            detail=shown,
        )
    return Outcome(
        status=Status.PASS,
        message=Text(
            en="No expiry date is known for the client secret. Profit 9 shows it in the app connector: enter it "
            "with the client secret (on the command line: --secret-expires) so a warning comes in time.",
            nl="Er is geen vervaldatum bekend voor het client secret. Profit 9 toont die in de app connector: vul "
            "die in bij het client secret (op de opdrachtregel: --secret-expires), zodat er op tijd een "
            "waarschuwing komt.",
        ),
        detail=shown,
    )


async def check_token_sunset(run: RunContext) -> Outcome:
    if not classic_sunset_applies(run.credential):
        return Outcome(
            status=Status.PASS,
            message=Text(
                en="Not a classic token: the end of classic tokens does not affect a login with an OAuth client "
                "id and secret.",
                nl="Geen klassiek token: het einde van klassieke tokens geldt niet voor inloggen met een OAuth "
                "client id en secret.",
            ),
        )
    left = (CLASSIC_TOKEN_SUNSET - run.today).days
    # Information, not a warning: nothing is wrong today and nothing is to be done yet.
    return Outcome(
        status=Status.INFO,
        message=Text(
            en="Classic AFAS tokens stop working after {d} ({n} days from now).",
            nl="Klassieke AFAS-tokens werken na {d} niet meer (over {n} dagen).",
        ).format(d=long_date(CLASSIC_TOKEN_SUNSET), n=max(left, 0)),
        remedy=remedies.SUNSET,
    )


def refused(run: RunContext, spec: ConnectorSpec, reply: Reply | AfasProblem) -> Outcome:
    """A special connector's REST probe refused. After /metainfo succeeded, 401/403/404/500 'niet ondersteund'
    mean: not on the Connectoren tab (which status AFAS uses is UNCONFIRMED, so all are read the same way)."""
    problem = problem_of(reply) or AfasProblem(
        Problem.MALFORMED, status=reply.status if isinstance(reply, Reply) else None
    )
    if problem.kind in (Problem.UNAUTHORIZED, Problem.FORBIDDEN, Problem.NOT_LINKED, Problem.NOT_FOUND):
        return with_problem(not_linked(run, spec), problem)
    return unrecognised(problem, run.app)


def is_success(reply: Reply | AfasProblem) -> bool:
    return isinstance(reply, Reply) and classify_reply(reply) is None
