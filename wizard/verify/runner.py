"""The live verification: a plan derived from the manifest, run concurrently and read-only, streamed as it goes.

Order: /metainfo first (is the token accepted, what does the app connector link?); if that fails there is one clear
result instead of twenty-five failures. Then every other check at once, limited by the client's in-flight cap.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import re
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any

import httpx

from wizard.afas.client import AfasClient, ClientSettings, Reply
from wizard.afas.errors import AfasProblem, Problem, classify_exception, classify_reply
from wizard.domain.credentials import CLASSIC_TOKEN_SUNSET, Credential
from wizard.domain.environment import AfasEnvironment
from wizard.domain.manifest import ConnectorSpec, Manifest, load_manifest
from wizard.domain.text import Lang, Text
from wizard.flow.steps import StepId
from wizard.verify import remedies
from wizard.verify.report import CheckResult, Report, Status

EXPIRY_WARN_DAYS = 30
# A file id that cannot exist: 404 then proves the subject/report connector is linked (AFAS looked for it).
_PROBE_SUBJECT = "subjectconnector/0/00000000000000000000000000000000"
_PROBE_REPORT = "reportconnector/00000000000000000000000000000000"


def _title(spec: ConnectorSpec) -> Text:
    return Text(en=f"{spec.id}: {spec.description.en}", nl=f"{spec.id}: {spec.description.nl}")


AUTH_TITLE = Text(en="Token and app connector", nl="Token en app connector")
ATTACHMENTS_TITLE = Text(en="Invoice documents as attachments", nl="Factuurdocumenten als bijlage")
EXPIRY_TITLE = Text(en="Token validity", nl="Geldigheid van het token")


def planned_checks(manifest: Manifest | None = None) -> list[tuple[str, Text]]:
    """Every check id with its title, before anything runs (the GUI lists them as 'waiting')."""
    m = manifest or load_manifest()
    checks: list[tuple[str, Text]] = [("auth", AUTH_TITLE)]
    checks += [(f"{spec.kind}:{spec.id}", _title(spec)) for spec in m.connectors]
    if any(spec.required_objects for spec in m.update_connectors):
        checks.append(("attachments", ATTACHMENTS_TITLE))
    checks.append(("token-expiry", EXPIRY_TITLE))
    return checks


def _ids(items: object) -> set[str] | None:
    """Connector ids in a /metainfo list; tolerant of {"id": …} objects and bare strings. None when absent."""
    if not isinstance(items, list):
        return None
    found: set[str] = set()
    for item in items:
        value = item.get("id") if isinstance(item, dict) else item
        if isinstance(value, str):
            found.add(value.lower())
    return found


@dataclass
class _Meta:
    get_ids: set[str] | None = None
    update_ids: set[str] | None = None
    custom_ids: set[str] | None = None  # `customConnectors` (OAS example); None when AFAS does not send the key
    info: dict[str, Any] = field(default_factory=dict)


@dataclass
class _Run:
    client: AfasClient
    manifest: Manifest
    env: AfasEnvironment
    credential: Credential
    today: dt.date
    meta: _Meta = field(default_factory=_Meta)
    app: str = ""
    update_bodies: dict[str, asyncio.Future[Any]] = field(default_factory=dict)
    profit_version: str | None = None


def _result(
    check_id: str,
    title: Text,
    status: Status,
    message: Text,
    *,
    remedy: Text | None = None,
    fix_step: StepId | None = None,
    problem: AfasProblem | None = None,
    reply: Reply | None = None,
) -> CheckResult:
    return CheckResult(
        id=check_id,
        title=title,
        status=status,
        message=message,
        remedy=remedy,
        fix_step=fix_step,
        http_status=problem.status if problem else (reply.status if reply else None),
        log_reference=problem.log_reference if problem else None,
        detail=problem.technical() if problem and status is not Status.PASS else "",
        impossible=bool(problem and problem.impossible),
    )


def _problem_result(check_id: str, title: Text, problem: AfasProblem, run: _Run) -> CheckResult:
    """A problem that is not specific to the check: impossible-right-now outcomes or AFAS's message as it came."""
    remedy = {
        Problem.FORBIDDEN: remedies.IP_RESTRICTED.format(app=run.app),
        Problem.MAINTENANCE: remedies.MAINTENANCE,
        Problem.TIMEOUT: remedies.UNREACHABLE,
        Problem.UNREACHABLE: remedies.UNREACHABLE,
        Problem.PROXY: remedies.UNREACHABLE,
    }.get(problem.kind)
    return _result(check_id, title, Status.FAIL, problem.message(), remedy=remedy, problem=problem)


# --- the checks -----------------------------------------------------------------------------------------------


async def _check_get(run: _Run, spec: ConnectorSpec) -> CheckResult:
    check_id, title = f"get:{spec.id}", _title(spec)
    gcn = run.manifest.gcn_for(spec.id)
    link_remedy = remedies.link(run.app, spec, gcn)
    not_linked = Text(
        en="{id} is not linked to the app connector.", nl="{id} is niet gekoppeld aan de app connector."
    ).format(id=spec.id)
    if run.meta.get_ids is not None and spec.id.lower() not in run.meta.get_ids:
        return _result(check_id, title, Status.FAIL, not_linked, remedy=link_remedy, fix_step=StepId.LINK_CONNECTORS)
    rows_call = run.client.get(f"connectors/{spec.id}", {"skip": "0", "take": "1"})
    if spec.required_fields:
        rows_reply, fields_reply = await asyncio.gather(rows_call, run.client.get(f"metainfo/get/{spec.id}"))
    else:
        rows_reply, fields_reply = await rows_call, None
    problem = classify_reply(rows_reply)
    if problem is not None:
        if problem.kind is Problem.BLOCKED_DEFINITION:
            message = Text(
                en="The definition of {id} is blocked in AFAS.", nl="De definitie van {id} is geblokkeerd in AFAS."
            ).format(id=spec.id)
            return _result(
                check_id,
                title,
                Status.FAIL,
                message,
                remedy=remedies.unblock_definition(spec.id),
                fix_step=StepId.IMPORT,
                problem=problem,
            )
        if problem.kind in (Problem.NOT_LINKED, Problem.UNAUTHORIZED, Problem.NOT_FOUND):
            return _result(
                check_id,
                title,
                Status.FAIL,
                not_linked,
                remedy=link_remedy,
                fix_step=StepId.LINK_CONNECTORS,
                problem=problem,
            )
        if problem.kind is Problem.FIELD_NOT_FOUND and gcn is not None:
            return _result(
                check_id, title, Status.FAIL, problem.message(), remedy=remedies.reimport(gcn), fix_step=StepId.IMPORT
            )
        return _problem_result(check_id, title, problem, run)
    body = rows_reply.json_body if isinstance(rows_reply.json_body, dict) else {}
    rows = body.get("rows")
    if not isinstance(rows, list):
        problem = AfasProblem(Problem.MALFORMED, status=rows_reply.status, detail="no 'rows' list")
        return _problem_result(check_id, title, problem, run)
    if fields_reply is not None and gcn is not None:
        fields_problem = classify_reply(fields_reply)
        if fields_problem is not None:
            return _problem_result(check_id, title, fields_problem, run)
        fields_body = fields_reply.json_body if isinstance(fields_reply.json_body, dict) else {}
        present = _ids(fields_body.get("fields")) or set()
        missing = [f for f in spec.required_fields if f.lower() not in present]
        if missing:
            message = Text(
                en="{id} lacks fields SmartBooqing needs: {f}.",
                nl="{id} mist velden die SmartBooqing nodig heeft: {f}.",
            ).format(id=spec.id, f=", ".join(missing))
            return _result(
                check_id,
                title,
                Status.FAIL,
                message,
                remedy=remedies.reimport(gcn),
                fix_step=StepId.IMPORT,
                reply=fields_reply,
            )
    if not rows:
        return _result(
            check_id,
            title,
            Status.WARN,
            Text(en="Linked and readable, but it returned no rows.", nl="Gekoppeld en leesbaar, maar zonder regels."),
            remedy=remedies.filter_authorisation(spec.id),
            reply=rows_reply,
        )
    message = Text(en="Linked and readable.", nl="Gekoppeld en leesbaar.")
    if spec.required_fields:
        message = Text(
            en="Linked and readable; all {n} fields SmartBooqing needs are there.",
            nl="Gekoppeld en leesbaar; alle {n} velden die SmartBooqing nodig heeft zijn er.",
        ).format(n=len(spec.required_fields))
    return _result(check_id, title, Status.PASS, message, reply=rows_reply)


async def _check_update(run: _Run, spec: ConnectorSpec) -> CheckResult:
    check_id, title = f"update:{spec.id}", _title(spec)
    future = run.update_bodies[spec.id]
    not_linked = Text(
        en="{id} is not linked to the app connector, so SmartBooqing cannot write this to AFAS.",
        nl="{id} is niet gekoppeld aan de app connector, dus SmartBooqing kan dit niet naar AFAS schrijven.",
    ).format(id=spec.id)
    remedy = remedies.link(run.app, spec, None)
    try:
        if run.meta.update_ids is not None and spec.id.lower() not in run.meta.update_ids:
            return _result(check_id, title, Status.FAIL, not_linked, remedy=remedy, fix_step=StepId.LINK_CONNECTORS)
        # Only the metainfo: it proves the UpdateConnector is authorised without writing anything.
        reply = await run.client.get(f"metainfo/update/{spec.id}")
        problem = classify_reply(reply)
        if problem is not None:
            if problem.kind in (Problem.NOT_LINKED, Problem.UNAUTHORIZED, Problem.NOT_FOUND):
                return _result(
                    check_id,
                    title,
                    Status.FAIL,
                    not_linked,
                    remedy=remedy,
                    fix_step=StepId.LINK_CONNECTORS,
                    problem=problem,
                )
            return _problem_result(check_id, title, problem, run)
        future.set_result(reply.json_body)
        return _result(
            check_id,
            title,
            Status.PASS,
            Text(en="Linked and authorised.", nl="Gekoppeld en geautoriseerd."),
            reply=reply,
        )
    finally:
        if not future.done():
            future.set_result(None)


def _object_names(body: object) -> set[str]:
    """Object names anywhere in update metainfo (`objects: [{name, objects}]`; shape partly UNCONFIRMED)."""
    names: set[str] = set()
    stack = [body]
    while stack:
        item = stack.pop()
        if isinstance(item, dict):
            for key in ("name", "id"):
                if isinstance(item.get(key), str):
                    names.add(item[key].lower())
            stack.extend(v for v in item.values() if isinstance(v, list | dict))
        elif isinstance(item, list):
            stack.extend(item)
    return names


async def _check_attachments(run: _Run, spec: ConnectorSpec) -> CheckResult:
    body = await run.update_bodies[spec.id]
    remedy = remedies.ATTACHMENTS.format(path=remedies.APP_PATH.format(app=run.app))
    if body is None:
        message = Text(
            en="Invoice documents cannot be attached: {id} is not available.",
            nl="Factuurdocumenten kunnen niet als bijlage mee: {id} is niet beschikbaar.",
        ).format(id=spec.id)
        return _result("attachments", ATTACHMENTS_TITLE, Status.FAIL, message, remedy=remedy, fix_step=StepId.DOSSIER)
    missing = [name for name in spec.required_objects if name.lower() not in _object_names(body)]
    if missing:
        message = Text(
            en="{id} offers no {o}, so documents cannot be attached.",
            nl="{id} biedt geen {o}, dus documenten kunnen niet als bijlage mee.",
        ).format(id=spec.id, o=", ".join(missing))
        return _result("attachments", ATTACHMENTS_TITLE, Status.FAIL, message, remedy=remedy, fix_step=StepId.DOSSIER)
    return _result(
        "attachments",
        ATTACHMENTS_TITLE,
        Status.PASS,
        Text(
            en="{id} accepts attachments ({o}). The dossier item type's destinations cannot be read remotely: "
            "they are confirmed in the 'Dossier item type' step.",
            nl="{id} accepteert bijlagen ({o}). De bestemmingen van het type dossieritem zijn op afstand niet te "
            "lezen: die bevestigt u in de stap 'Type dossieritem'.",
        ).format(id=spec.id, o=", ".join(spec.required_objects)),
    )


async def _probe_special(run: _Run, spec: ConnectorSpec) -> CheckResult:
    check_id, title = f"special:{spec.id}", _title(spec)
    remedy = remedies.link(run.app, spec, None)
    not_linked = Text(
        en="{id} is not on the app connector's Connectoren tab.", nl="{id} staat niet op het tabblad Connectoren."
    ).format(id=spec.id)
    listed = Text(en="Listed on the app connector.", nl="Staat in de app connector.")
    name = spec.id.lower()
    if spec.id == "AppConnectorVersion":
        reply = await run.client.get("profitversion")
        problem = classify_reply(reply)
        if problem is None and isinstance(reply.json_body, dict) and reply.json_body.get("version"):
            run.profit_version = str(reply.json_body["version"])
            message = Text(en="Profit version {v}.", nl="Profitversie {v}.").format(v=run.profit_version)
            return _result(check_id, title, Status.PASS, message, reply=reply)
    elif spec.id == "GetXMLSchema":
        reply = await run.client.get_xml_schema("KnSubject")
        problem = classify_reply(reply, expect_json=False)
        if problem is None and re.search(r"ConnectorData|schema", reply.text, re.I):
            return _result(
                check_id,
                title,
                Status.PASS,
                Text(en="AFAS returned the XML schema of KnSubject.", nl="AFAS gaf het XML-schema van KnSubject."),
                reply=reply,
            )
        if reply.status == 500 and re.search(r"updateconnector", reply.text, re.I):
            message = Text(
                en="GetXMLSchema answers, but KnSubject is not linked, so no schema came back.",
                nl="GetXMLSchema antwoordt, maar KnSubject is niet gekoppeld, dus er kwam geen schema.",
            )
            kn = run.manifest.connector("KnSubject")
            return _result(
                check_id,
                title,
                Status.FAIL,
                message,
                remedy=remedies.link(run.app, kn, None),
                fix_step=StepId.LINK_CONNECTORS,
                reply=reply,
            )
        if reply.status == 500:  # a SOAP fault: "DataConnector niet ondersteund" (the simulator, UNCONFIRMED wording)
            return _result(
                check_id, title, Status.FAIL, not_linked, remedy=remedy, fix_step=StepId.LINK_CONNECTORS, reply=reply
            )
    else:
        custom = run.meta.custom_ids
        if custom is not None:
            # AFAS lists special connectors in `customConnectors` (OAS example): membership decides.
            status = Status.PASS if name in custom else Status.FAIL
            return _result(
                check_id,
                title,
                status,
                listed if status is Status.PASS else not_linked,
                remedy=None if status is Status.PASS else remedy,
                fix_step=None if status is Status.PASS else StepId.LINK_CONNECTORS,
            )
        if run.meta.get_ids is not None and name in run.meta.get_ids:
            return _result(check_id, title, Status.PASS, listed)
        probe = {"appconnectorsubject": _PROBE_SUBJECT, "appconnectorreport": _PROBE_REPORT}.get(name)
        if probe is None:
            return _result(
                check_id,
                title,
                Status.SKIP,
                Text(
                    en="This connector cannot be verified remotely.",
                    nl="Deze connector is op afstand niet te controleren.",
                ),
            )
        reply = await run.client.get(probe)
        problem = classify_reply(reply)
        if reply.status == 404:
            return _result(
                check_id,
                title,
                Status.PASS,
                Text(en="Linked (AFAS looked up a test file).", nl="Gekoppeld (AFAS zocht een testbestand op)."),
                reply=reply,
            )
    problem = classify_reply(reply, expect_json=spec.id != "GetXMLSchema")
    if problem is not None and problem.kind in (
        Problem.UNAUTHORIZED,
        Problem.FORBIDDEN,
        Problem.NOT_FOUND,
        Problem.NOT_LINKED,
    ):
        return _result(
            check_id, title, Status.FAIL, not_linked, remedy=remedy, fix_step=StepId.LINK_CONNECTORS, problem=problem
        )
    if problem is not None and problem.impossible:
        return _problem_result(check_id, title, problem, run)
    return _result(
        check_id,
        title,
        Status.WARN,
        Text(
            en="Cannot be verified remotely: AFAS answered HTTP {s}. Check that {id} is on the Connectoren tab.",
            nl="Op afstand niet te controleren: AFAS antwoordde HTTP {s}. Controleer of {id} op het tabblad "
            "Connectoren staat.",
        ).format(s=reply.status, id=spec.id),
        remedy=remedy,
        fix_step=StepId.LINK_CONNECTORS,
        problem=problem,
        reply=reply,
    )


def _parse_date(value: object) -> dt.date | None:
    if not isinstance(value, str) or value.strip() in ("", "0"):
        return None  # "0" appears to mean "no expiry" (UNCONFIRMED, afas-api.md §3.2)
    text = value.strip()
    for pattern, order in ((r"(\d{4})-(\d{1,2})-(\d{1,2})", "ymd"), (r"(\d{1,2})-(\d{1,2})-(\d{4})", "dmy")):
        match = re.match(pattern, text)
        if match:
            a, b, c = (int(x) for x in match.groups())
            try:
                return dt.date(a, b, c) if order == "ymd" else dt.date(c, b, a)
            except ValueError:
                return None
    return None


def _check_expiry(run: _Run) -> CheckResult:
    expiry = _parse_date(run.meta.info.get("tokenExpiry"))
    remedy = remedies.NEW_TOKEN.format(app=run.app)
    if run.credential.kind == "classic-token" and run.today > CLASSIC_TOKEN_SUNSET:
        message = Text(
            en="Classic AFAS tokens stopped working after 31 August 2027.",
            nl="Klassieke AFAS-tokens werken na 31 augustus 2027 niet meer.",
        )
        return _result(
            "token-expiry", EXPIRY_TITLE, Status.FAIL, message, remedy=remedies.SUNSET, fix_step=StepId.TOKEN
        )
    if expiry is not None:
        days = (expiry - run.today).days
        when = Text(en="The token expires on {d} (in {n} days).", nl="Het token verloopt op {d} (over {n} dagen).")
        message = when.format(d=expiry.isoformat(), n=days)
        if days < 0:
            message = Text(en="The token expired on {d}.", nl="Het token is verlopen op {d}.").format(
                d=expiry.isoformat()
            )
            return _result("token-expiry", EXPIRY_TITLE, Status.FAIL, message, remedy=remedy, fix_step=StepId.TOKEN)
        if days <= EXPIRY_WARN_DAYS:
            return _result("token-expiry", EXPIRY_TITLE, Status.WARN, message, remedy=remedy, fix_step=StepId.TOKEN)
        if run.credential.kind != "classic-token":
            return _result("token-expiry", EXPIRY_TITLE, Status.PASS, message)
        return _result("token-expiry", EXPIRY_TITLE, Status.WARN, message + Text(en=" ", nl=" ") + remedies.SUNSET)
    if run.credential.kind == "classic-token":
        message = Text(
            en="The token has no expiry date of its own, but classic tokens end in 2027.",
            nl="Het token heeft zelf geen vervaldatum, maar klassieke tokens stoppen in 2027.",
        )
        return _result("token-expiry", EXPIRY_TITLE, Status.WARN, message, remedy=remedies.SUNSET)
    return _result("token-expiry", EXPIRY_TITLE, Status.PASS, Text(en="No expiry date.", nl="Geen vervaldatum."))


# --- orchestration --------------------------------------------------------------------------------------------


async def _auth(run: _Run) -> CheckResult:
    reply = await run.client.get("metainfo")
    problem = classify_reply(reply)
    if problem is None and not isinstance(reply.json_body, dict):
        problem = AfasProblem(Problem.MALFORMED, status=reply.status, detail="metainfo is not a JSON object")
    if problem is not None:
        if problem.kind is Problem.UNAUTHORIZED:
            message = Text(en="AFAS rejected the token for {env}.", nl="AFAS weigert het token voor {env}.").format(
                env=run.env.env_id
            )
            remedy = remedies.TOKEN_REJECTED.format(app=run.app, env=run.env.env_id)
            result = _result(
                "auth", AUTH_TITLE, Status.FAIL, message, remedy=remedy, fix_step=StepId.TOKEN, problem=problem
            )
            return result
        result = _problem_result("auth", AUTH_TITLE, problem, run)
        if problem.kind is Problem.FORBIDDEN:
            result = result.model_copy(update={"fix_step": StepId.APP_CONNECTOR})
        return result
    body: dict[str, Any] = reply.json_body
    raw_info = body.get("info")
    info: dict[str, Any] = raw_info if isinstance(raw_info, dict) else {}
    run.meta = _Meta(
        get_ids=_ids(body.get("getConnectors")),
        update_ids=_ids(body.get("updateConnectors")),
        custom_ids=_ids(body.get("customConnectors")),
        info=info,
    )
    run.app = str(info.get("appName") or run.app)
    message = Text(
        en="AFAS accepted the token: app connector '{app}', user group {group}.",
        nl="AFAS accepteert het token: app connector '{app}', gebruikersgroep {group}.",
    ).format(app=run.app, group=info.get("group") or "?")
    return _result("auth", AUTH_TITLE, Status.PASS, message, reply=reply)


async def _timed(check: Awaitable[CheckResult]) -> CheckResult:
    started = time.perf_counter()
    result = await check
    return result.model_copy(update={"duration_ms": int((time.perf_counter() - started) * 1000)})


def _guard(check_id: str, title: Text, run: _Run, check: Awaitable[CheckResult]) -> Awaitable[CheckResult]:
    async def guarded() -> CheckResult:
        try:
            return await _timed(check)
        except httpx.HTTPError as exc:
            return _problem_result(check_id, title, classify_exception(exc), run)

    return guarded()


async def verify(
    env: AfasEnvironment,
    credential: Credential,
    *,
    lang: Lang = Lang.EN,
    manifest: Manifest | None = None,
    transport: httpx.AsyncBaseTransport | None = None,
    timeout: float = 60.0,
    on_result: Callable[[CheckResult], None] | None = None,
    settings: ClientSettings | None = None,
    today: dt.date | None = None,
) -> Report:
    """Run every check; `on_result` sees each result as it arrives. Sends only reads."""
    m = manifest or load_manifest()
    planned = planned_checks(m)
    titles = dict(planned)
    results: dict[str, CheckResult] = {}
    started = time.perf_counter()

    def emit(result: CheckResult) -> None:
        results[result.id] = result
        if on_result is not None:
            on_result(result)

    client = AfasClient(env, credential, lang=lang, settings=settings, transport=transport)
    run = _Run(client, m, env, credential, today or dt.date.today(), app=m.app_connector.description)
    deadline = started + timeout
    try:
        try:
            auth = await asyncio.wait_for(_guard("auth", AUTH_TITLE, run, _auth(run)), timeout)
        except TimeoutError:
            auth = _problem_result("auth", AUTH_TITLE, AfasProblem(Problem.TIMEOUT, detail=f"{timeout:g} s"), run)
        emit(auth)
        if auth.status is Status.FAIL:
            reason = (
                Text(
                    en="Not checked: AFAS cannot be checked right now.",
                    nl="Niet gecontroleerd: AFAS is nu niet te controleren.",
                )
                if auth.impossible
                else Text(
                    en="Not checked until AFAS accepts the token.",
                    nl="Niet gecontroleerd tot AFAS het token accepteert.",
                )
            )
            for check_id, title in planned[1:]:
                emit(CheckResult(id=check_id, title=title, status=Status.SKIP, message=reason))
        else:
            await _run_all(run, m, titles, emit, deadline)
    finally:
        await client.aclose()
    return Report(
        environment=env.env_id,
        base_url=env.rest_base_url,
        duration_ms=int((time.perf_counter() - started) * 1000),
        checks=[results[check_id] for check_id, _ in planned if check_id in results],
        app_connector=run.app if auth.status is not Status.FAIL else None,
        user_group=str(run.meta.info.get("group")) if run.meta.info.get("group") else None,
        profit_version=run.profit_version,
    )


async def _run_all(
    run: _Run, m: Manifest, titles: dict[str, Text], emit: Callable[[CheckResult], None], deadline: float
) -> None:
    loop = asyncio.get_running_loop()
    run.update_bodies = {spec.id: loop.create_future() for spec in m.update_connectors}
    jobs: dict[str, Awaitable[CheckResult]] = {}
    for spec in m.get_connectors:
        jobs[f"get:{spec.id}"] = _check_get(run, spec)
    for spec in m.update_connectors:
        jobs[f"update:{spec.id}"] = _check_update(run, spec)
    for spec in m.special_connectors:
        jobs[f"special:{spec.id}"] = _probe_special(run, spec)
    for spec in m.update_connectors:
        if spec.required_objects:
            jobs["attachments"] = _check_attachments(run, spec)
    tasks = {asyncio.ensure_future(_guard(cid, titles[cid], run, job)): cid for cid, job in jobs.items()}
    pending = set(tasks)
    while pending:
        remaining = deadline - time.perf_counter()
        if remaining <= 0:
            break
        done, pending = await asyncio.wait(pending, timeout=remaining, return_when=asyncio.FIRST_COMPLETED)
        for task in done:
            emit(task.result())
    for task in pending:
        task.cancel()
        cid = tasks[task]
        late = AfasProblem(Problem.TIMEOUT, detail="overall deadline")
        emit(_problem_result(cid, titles[cid], late, run))
    emit(_check_expiry(run))


async def verify_stream(
    env: AfasEnvironment, credential: Credential, **kwargs: Any
) -> AsyncIterator[CheckResult | Report]:
    """The same run as an async iterator: each CheckResult as it arrives, then the Report."""
    queue: asyncio.Queue[CheckResult | Report] = asyncio.Queue()
    task = asyncio.ensure_future(verify(env, credential, on_result=queue.put_nowait, **kwargs))
    while not (task.done() and queue.empty()):
        getter = asyncio.ensure_future(queue.get())
        await asyncio.wait({getter, task}, return_when=asyncio.FIRST_COMPLETED)
        if getter.done():
            yield getter.result()
        else:
            getter.cancel()
    yield task.result()
