"""The verification plan and its runner: derived from the manifest, read-only, concurrent, streaming.

Dependency structure: `/metainfo` first (it proves the token and lists what is linked); after it every other
request is independent and they all go out at once, bounded by the client's 6-in-flight limit. Requests that
two checks need (the KnSubject update metainfo) are made once.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import html
import re
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any

import httpx

from wizard.afas.client import AfasClient, ClientSettings, Reply
from wizard.afas.errors import AfasProblem, Problem, classify_exception, classify_reply
from wizard.data import load_manifest
from wizard.domain.credentials import CLASSIC_TOKEN_SUNSET, Credential
from wizard.domain.environment import AfasEnvironment
from wizard.domain.manifest import ConnectorSpec, Manifest
from wizard.domain.redact import redact
from wizard.domain.text import Lang, Text, long_date
from wizard.flow.steps import StepId
from wizard.verify import remedies
from wizard.verify.report import CheckResult, Report, Status

# A probe for a file that cannot exist: 404 then means "the special connector answers, the file is missing".
_NO_SUBJECT = "0/00000000000000000000000000000000"
_NO_REPORT = "00000000-0000-0000-0000-000000000000"
TOKEN_EXPIRY_WARN_DAYS = 60


@dataclass(frozen=True)
class PlannedCheck:
    id: str
    title: Text
    spec: ConnectorSpec | None = None


def _title(spec: ConnectorSpec) -> Text:
    kind = {
        "get": Text(en="GetConnector", nl="GetConnector"),
        "update": Text(en="UpdateConnector", nl="UpdateConnector"),
        "special": Text(en="Connector", nl="Connector"),
    }[spec.kind]
    return kind + Text(en=" {id}: ", nl=" {id}: ").format(id=spec.id) + spec.description


def plan(manifest: Manifest) -> list[PlannedCheck]:
    checks = [PlannedCheck("auth", Text(en="Token and app connector", nl="Token en app connector"))]
    for spec in manifest.get_connectors:
        checks.append(PlannedCheck(f"get:{spec.id}", _title(spec), spec))
        if spec.required_fields:
            checks.append(
                PlannedCheck(
                    f"fields:{spec.id}",
                    Text(
                        en="Fields of {id} (imported definition up to date)", nl="Velden van {id} (import actueel)"
                    ).format(id=spec.id),
                    spec,
                )
            )
    for spec in manifest.update_connectors:
        checks.append(PlannedCheck(f"update:{spec.id}", _title(spec), spec))
    for spec in manifest.special_connectors:
        checks.append(PlannedCheck(f"special:{spec.id}", _title(spec), spec))
    if any(s.required_objects for s in manifest.update_connectors):
        checks.append(PlannedCheck("attachments", Text(en="Ready for attachments", nl="Klaar voor bijlagen")))
    checks.append(PlannedCheck("token-expiry", Text(en="Token expiry date", nl="Vervaldatum van het token")))
    checks.append(PlannedCheck("token-sunset", Text(en="Classic token end of life", nl="Einde klassieke tokens")))
    return checks


def planned_checks(manifest: Manifest | None = None) -> list[tuple[str, Text]]:
    """The ids and titles of every check, before anything runs (the GUI lists them as 'waiting')."""
    return [(c.id, c.title) for c in plan(manifest or load_manifest())]


# -- metainfo parsing (tolerant) --------------------------------------------------------------------------------
def _ids(value: Any) -> set[str]:
    out: set[str] = set()
    if isinstance(value, list):
        for item in value:
            if isinstance(item, dict) and isinstance(item.get("id"), str):
                out.add(item["id"].lower())
            elif isinstance(item, str):
                out.add(item.lower())
    return out


@dataclass
class MetaInfo:
    get_ids: set[str]
    update_ids: set[str]
    # Whether AFAS lists the special connectors at all is UNCONFIRMED (afas-api.md §3.2): None = no list.
    special_ids: set[str] | None
    app_name: str | None
    group: str | None
    envid: str | None
    token_expiry: str | None

    @classmethod
    def parse(cls, body: Any, manifest: Manifest) -> MetaInfo:
        body = body if isinstance(body, dict) else {}
        info = body.get("info") if isinstance(body.get("info"), dict) else {}
        get_ids = _ids(body.get("getConnectors"))
        special_names = {s.id.lower() for s in manifest.special_connectors}
        special: set[str] | None = None
        custom = body.get("customConnectors")
        if isinstance(custom, list):
            special = _ids(custom)
        if get_ids & special_names:  # some environments mix them into getConnectors (UNCONFIRMED)
            special = (special or set()) | (get_ids & special_names)

        def text(key: str) -> str | None:
            value = info.get(key)
            return str(value) if value is not None else None

        return cls(
            get_ids=get_ids,
            update_ids=_ids(body.get("updateConnectors")),
            special_ids=special,
            app_name=text("appName"),
            group=text("group"),
            envid=text("envid"),
            token_expiry=text("tokenExpiry"),
        )


_DUTCH_MONTHS = {
    m: i + 1
    for i, m in enumerate(
        [
            "januari",
            "februari",
            "maart",
            "april",
            "mei",
            "juni",
            "juli",
            "augustus",
            "september",
            "oktober",
            "november",
            "december",
        ]
    )
}


def parse_token_expiry(value: str | None) -> dt.date | str | None:
    """The date in info.tokenExpiry. The format is UNCONFIRMED (afas-api.md §3.2): "0" and "" mean none; ISO
    dates and date-times, d-m-yyyy and Dutch '1 mei 2027' are accepted. Anything else is returned unchanged."""
    if value is None:
        return None
    text = value.strip()
    if text in ("", "0", "null", "0001-01-01T00:00:00", "0001-01-01"):
        return None
    try:
        return dt.datetime.fromisoformat(text.replace("Z", "+00:00")).date()
    except ValueError:
        pass
    match = re.fullmatch(r"(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})(?:\s.*)?", text)
    if match:
        day, month, year = (int(g) for g in match.groups())
        try:
            return dt.date(year, month, day)
        except ValueError:
            return text
    match = re.fullmatch(r"(\d{1,2})\s+([a-z]+)\s+(\d{4})(?:\s.*)?", text.lower())
    if match and match.group(2) in _DUTCH_MONTHS:
        try:
            return dt.date(int(match.group(3)), _DUTCH_MONTHS[match.group(2)], int(match.group(1)))
        except ValueError:
            return text
    return text


# -- the run ------------------------------------------------------------------------------------------------------
class _OutcomeError(Exception):
    """Raised inside a check to finish it with a result (keeps the check functions flat)."""

    def __init__(self, result: dict[str, Any]) -> None:
        super().__init__("outcome")
        self.result = result


@dataclass
class _Run:
    client: AfasClient
    manifest: Manifest
    credential: Credential
    today: dt.date
    meta: MetaInfo | None = None
    app: str = ""
    _calls: dict[str, asyncio.Task[Reply | AfasProblem]] = field(default_factory=dict)

    def call(self, key: str, make: Callable[[], Awaitable[Reply]]) -> asyncio.Task[Reply | AfasProblem]:
        """One request per key, shared by every check that needs it."""
        if key not in self._calls:

            async def run() -> Reply | AfasProblem:
                try:
                    return await make()
                except (httpx.HTTPError, OSError, TimeoutError) as exc:
                    return classify_exception(exc)

            self._calls[key] = asyncio.ensure_future(run())
        return self._calls[key]

    async def get(self, path: str, params: dict[str, str] | None = None) -> Reply | AfasProblem:
        key = path + ("?" + "&".join(f"{k}={v}" for k, v in params.items()) if params else "")
        return await self.call(key, lambda: self.client.get(path, params))


def _problem_fields(problem: AfasProblem) -> dict[str, Any]:
    return {"http_status": problem.status, "log_reference": problem.log_reference, "detail": problem.technical()}


def _impossible(problem: AfasProblem, app: str) -> dict[str, Any]:
    remedy = {
        Problem.FORBIDDEN: remedies.IP_RESTRICTED.format(app=app),
        Problem.MAINTENANCE: remedies.MAINTENANCE,
    }.get(problem.kind, remedies.UNREACHABLE)
    return {
        "status": Status.FAIL,
        "message": problem.message(),
        "remedy": remedy,
        "fix_step": StepId.APP_CONNECTOR if problem.kind is Problem.FORBIDDEN else None,
        "impossible": True,
        **_problem_fields(problem),
    }


def _unrecognised(problem: AfasProblem, app: str) -> dict[str, Any]:
    """An answer we do not recognise is reported as it came: AFAS's own words and the technical detail."""
    if problem.impossible:
        return _impossible(problem, app)
    return {
        "status": Status.FAIL,
        "message": problem.message(),
        "remedy": Text(
            en="Give the technical detail below (with the log reference) to your AFAS administrator or the "
            "SmartBooqing helpdesk.",
            nl="Geef het technische detail hieronder (met de logreferentie) aan uw AFAS-beheerder of de "
            "SmartBooqing-helpdesk.",
        ),
        **_problem_fields(problem),
    }


async def _check_auth(run: _Run) -> dict[str, Any]:
    reply = await run.get("metainfo")
    app = run.manifest.app_connector.description
    if isinstance(reply, Reply):
        problem = classify_reply(reply)
        if problem is None and not isinstance(reply.json_body, dict):
            problem = AfasProblem(Problem.MALFORMED, status=reply.status, detail="metainfo is not a JSON object")
    else:
        problem = reply
    if problem is not None:
        if problem.kind is Problem.UNAUTHORIZED:
            return {
                "status": Status.FAIL,
                "message": Text(
                    en="AFAS rejected the token (HTTP 401): it is expired, deleted, for another environment or "
                    "type, or the app connector is still blocked.",
                    nl="AFAS weigert het token (HTTP 401): het is verlopen, verwijderd, voor een andere omgeving of "
                    "ander type, of de app connector is nog geblokkeerd.",
                ),
                "remedy": remedies.TOKEN_REJECTED.format(app=app, env=run.client.env.env_id),
                "fix_step": StepId.TOKEN,
                **_problem_fields(problem),
            }
        return _unrecognised(problem, app)
    assert isinstance(reply, Reply)
    meta = MetaInfo.parse(reply.json_body, run.manifest)
    run.meta = meta
    run.app = meta.app_name or app
    message = Text(
        en="Token accepted. App connector '{app}', user group '{group}'.",
        nl="Token geaccepteerd. App connector '{app}', gebruikersgroep '{group}'.",
    ).format(app=meta.app_name or "?", group=meta.group or "?")
    result: dict[str, Any] = {"status": Status.PASS, "message": message, "http_status": reply.status}
    if meta.envid and meta.envid.upper() != run.client.env.env_id.upper():
        result["detail"] = f"metainfo envid {meta.envid}"
    return result


def _not_linked(run: _Run, spec: ConnectorSpec) -> dict[str, Any]:
    return {
        "status": Status.FAIL,
        "message": Text(
            en="{id} is not linked to the app connector.", nl="{id} is niet gekoppeld aan de app connector."
        ).format(id=spec.id),
        "remedy": remedies.link(run.app, spec, run.manifest.gcn_for(spec.id)),
        "fix_step": StepId.LINK_CONNECTORS,
    }


def _reply_or_raise(reply: Reply | AfasProblem, run: _Run, spec: ConnectorSpec | None = None) -> Reply:
    """The usable reply, or finish the check with the classified problem."""
    problem = reply if isinstance(reply, AfasProblem) else classify_reply(reply)
    if problem is None:
        assert isinstance(reply, Reply)
        return reply
    if spec is not None and problem.kind in (Problem.NOT_LINKED, Problem.UNAUTHORIZED):
        raise _OutcomeError({**_not_linked(run, spec), **_problem_fields(problem)})
    raise _OutcomeError(_unrecognised(problem, run.app))


async def _check_get(run: _Run, spec: ConnectorSpec) -> dict[str, Any]:
    assert run.meta is not None
    if spec.id.lower() not in run.meta.get_ids:
        return _not_linked(run, spec)
    reply = await run.get(f"connectors/{spec.id}", {"skip": "0", "take": "1"})
    problem = reply if isinstance(reply, AfasProblem) else classify_reply(reply)
    if problem is not None and problem.kind is Problem.BLOCKED_DEFINITION:
        return {
            "status": Status.FAIL,
            "message": Text(
                en="The definition of {id} is blocked in AFAS: SmartBooqing cannot read it.",
                nl="De definitie van {id} is geblokkeerd in AFAS: SmartBooqing kan hem niet lezen.",
            ).format(id=spec.id),
            "remedy": remedies.unblock_definition(spec.id),
            "fix_step": StepId.IMPORT,
            **_problem_fields(problem),
        }
    if problem is not None and problem.kind is Problem.FIELD_NOT_FOUND and (gcn := run.manifest.gcn_for(spec.id)):
        return {
            "status": Status.FAIL,
            "message": problem.message(),
            "remedy": remedies.reimport(gcn),
            "fix_step": StepId.IMPORT,
            **_problem_fields(problem),
        }
    ok = _reply_or_raise(reply, run, spec)
    body = ok.json_body if isinstance(ok.json_body, dict) else {}
    rows = body.get("rows")
    if not isinstance(rows, list):
        return _unrecognised(AfasProblem(Problem.MALFORMED, status=ok.status, detail=redact(ok.text[:200])), run.app)
    if not rows:
        return {
            "status": Status.WARN,
            "message": Text(
                en="{id} is readable but returned no rows.", nl="{id} is leesbaar maar gaf geen regels."
            ).format(id=spec.id),
            "remedy": remedies.filter_authorisation(spec.id),
            "fix_step": StepId.APP_CONNECTOR,
            "http_status": ok.status,
        }
    return {
        "status": Status.PASS,
        "message": Text(en="{id} is linked and readable.", nl="{id} is gekoppeld en leesbaar.").format(id=spec.id),
        "http_status": ok.status,
    }


async def _check_fields(run: _Run, spec: ConnectorSpec) -> dict[str, Any]:
    assert run.meta is not None
    if spec.id.lower() not in run.meta.get_ids:
        return {
            "status": Status.SKIP,
            "message": Text(
                en="Not checked: {id} is not linked.", nl="Niet gecontroleerd: {id} is niet gekoppeld."
            ).format(id=spec.id),
        }
    ok = _reply_or_raise(await run.get(f"metainfo/get/{spec.id}"), run, spec)
    body = ok.json_body if isinstance(ok.json_body, dict) else {}
    present = {str(f.get("id", "")).lower() for f in body.get("fields") or [] if isinstance(f, dict)}
    missing = [f for f in spec.required_fields if f.lower() not in present]
    if missing:
        gcn = run.manifest.gcn_for(spec.id)
        return {
            "status": Status.FAIL,
            "message": Text(
                en="{id} lacks fields SmartBooqing needs: {fields}.",
                nl="{id} mist velden die SmartBooqing nodig heeft: {fields}.",
            ).format(id=spec.id, fields=", ".join(missing)),
            "remedy": remedies.reimport(gcn) if gcn else None,
            "fix_step": StepId.IMPORT,
            "http_status": ok.status,
        }
    return {
        "status": Status.PASS,
        "message": Text(
            en="All {n} fields SmartBooqing needs are present.",
            nl="Alle {n} velden die SmartBooqing nodig heeft zijn er.",
        ).format(n=len(spec.required_fields)),
        "http_status": ok.status,
    }


async def _check_update(run: _Run, spec: ConnectorSpec) -> dict[str, Any]:
    assert run.meta is not None
    if spec.id.lower() not in run.meta.update_ids:
        return _not_linked(run, spec)
    # Only the metainfo: an UpdateConnector is never called, so nothing can be written.
    ok = _reply_or_raise(await run.get(f"metainfo/update/{spec.id}"), run, spec)
    return {
        "status": Status.PASS,
        "message": Text(en="{id} is linked and authorised.", nl="{id} is gekoppeld en geautoriseerd.").format(
            id=spec.id
        ),
        "http_status": ok.status,
    }


async def _check_attachments(run: _Run) -> dict[str, Any]:
    assert run.meta is not None
    missing: list[str] = []
    for spec in run.manifest.update_connectors:
        if not spec.required_objects:
            continue
        if spec.id.lower() not in run.meta.update_ids:
            return {
                "status": Status.FAIL,
                "message": Text(
                    en="Documents cannot be attached: {id} is not linked.",
                    nl="Documenten kunnen niet als bijlage mee: {id} is niet gekoppeld.",
                ).format(id=spec.id),
                "remedy": remedies.ATTACHMENTS.format(path=remedies.APP_PATH.format(app=run.app)),
                "fix_step": StepId.LINK_CONNECTORS,
            }
        ok = _reply_or_raise(await run.get(f"metainfo/update/{spec.id}"), run, spec)
        body = ok.json_body if isinstance(ok.json_body, dict) else {}
        names = {str(o.get("name", "")).lower() for o in body.get("objects") or [] if isinstance(o, dict)}
        missing += [f"{spec.id}/{o}" for o in spec.required_objects if o.lower() not in names]
    if missing:
        return {
            "status": Status.FAIL,
            "message": Text(en="AFAS does not offer {what}.", nl="AFAS biedt {what} niet aan.").format(
                what=", ".join(missing)
            ),
            "remedy": remedies.ATTACHMENTS.format(path=remedies.APP_PATH.format(app=run.app)),
            "fix_step": StepId.LINK_CONNECTORS,
        }
    return {
        "status": Status.PASS,
        "message": Text(
            en="Attachments can be sent. The dossier item type's destinations (Optioneel) cannot be verified "
            "remotely: check them once by hand.",
            nl="Bijlagen kunnen worden meegestuurd. De bestemmingen van het type dossieritem (Optioneel) zijn op "
            "afstand niet te controleren: controleer ze eenmalig zelf.",
        ),
        "fix_step": StepId.DOSSIER,
    }


_SOAP_FAULT = re.compile(r"<faultstring>(.*?)</faultstring>", re.S | re.I)


def _linked_message(spec: ConnectorSpec) -> Text:
    return Text(en="{id} is linked.", nl="{id} is gekoppeld.").format(id=spec.id)


async def _check_special(run: _Run, spec: ConnectorSpec) -> dict[str, Any]:
    assert run.meta is not None
    listed = None if run.meta.special_ids is None else spec.id.lower() in run.meta.special_ids
    name = spec.id.lower()
    if name == "appconnectorversion":
        reply = await run.get("profitversion")
        if isinstance(reply, Reply) and classify_reply(reply) is None and isinstance(reply.json_body, dict):
            version = str(reply.json_body.get("version", "?"))
            return {
                "status": Status.PASS,
                "message": Text(en="{id} is linked (Profit {v}).", nl="{id} is gekoppeld (Profit {v}).").format(
                    id=spec.id, v=version
                ),
                "http_status": reply.status,
                "detail": f"profitversion {version}",
            }
        return _special_refused(run, spec, reply)
    if name in ("appconnectorsubject", "appconnectorreport"):
        path = f"subjectconnector/{_NO_SUBJECT}" if name == "appconnectorsubject" else f"reportconnector/{_NO_REPORT}"
        reply = await run.get(path)
        if isinstance(reply, Reply) and (reply.status == 404 or 200 <= reply.status < 300):
            if listed is False:
                return {**_not_linked(run, spec), "http_status": reply.status}
            if listed is None and reply.status == 404:
                # AFAS's answer for a probe against an unlinked special connector is UNCONFIRMED; a 404 may
                # mean either, so without a listing in /metainfo we say so honestly.
                return {
                    "status": Status.WARN,
                    "message": Text(
                        en="{id} cannot be verified remotely: AFAS answered 'not found', which it also may for an "
                        "unlinked connector.",
                        nl="{id} is op afstand niet te controleren: AFAS antwoordde 'niet gevonden', wat ook bij een "
                        "niet-gekoppelde connector kan.",
                    ).format(id=spec.id),
                    "remedy": Text(en="Check by hand: ", nl="Controleer zelf: ") + remedies.link(run.app, spec, None),
                    "fix_step": StepId.LINK_CONNECTORS,
                    "http_status": reply.status,
                }
            return {"status": Status.PASS, "message": _linked_message(spec), "http_status": reply.status}
        return _special_refused(run, spec, reply)
    if name == "getxmlschema":
        target = next((s for s in run.manifest.update_connectors if s.required_objects), None)
        target = target or (run.manifest.update_connectors[0] if run.manifest.update_connectors else None)
        if target is None:
            return {
                "status": Status.SKIP,
                "message": Text(en="No UpdateConnector to ask for.", nl="Geen UpdateConnector om te vragen."),
            }
        reply = await run.call(f"soap:{target.id}", lambda: run.client.get_xml_schema(target.id))
        if isinstance(reply, AfasProblem):
            return _unrecognised(reply, run.app)
        if reply.status == 200 and "ConnectorData" in html.unescape(reply.text):
            return {"status": Status.PASS, "message": _linked_message(spec), "http_status": reply.status}
        fault = _SOAP_FAULT.search(reply.text)
        fault_text = html.unescape(fault.group(1)) if fault else ""
        if fault and re.search(r"dataconnector", fault_text, re.I):
            return {**_not_linked(run, spec), "http_status": reply.status, "detail": redact(fault_text[:200])}
        if fault and target.id.lower() not in run.meta.update_ids:
            return {
                "status": Status.SKIP,
                "message": Text(
                    en="Not checked: AFAS needs {u} linked to answer for {id}.",
                    nl="Niet gecontroleerd: AFAS heeft {u} gekoppeld nodig om voor {id} te antwoorden.",
                ).format(u=target.id, id=spec.id),
                "fix_step": StepId.LINK_CONNECTORS,
                "http_status": reply.status,
                "detail": redact(fault_text[:200]),
            }
        if reply.status == 403:
            return _impossible(AfasProblem(Problem.FORBIDDEN, status=403), run.app)
        if reply.status == 503:
            return _impossible(AfasProblem(Problem.MAINTENANCE, status=503), run.app)
        return _unrecognised(
            AfasProblem(
                Problem.UNEXPECTED,
                status=reply.status,
                external_message=fault_text or None,
                detail=redact(reply.text[:200]),
            ),
            run.app,
        )
    # A special connector we know no probe for: say so instead of guessing.
    if listed is not None:
        return {
            "status": Status.PASS if listed else Status.FAIL,
            "message": _linked_message(spec) if listed else _not_linked(run, spec)["message"],
            "remedy": None if listed else remedies.link(run.app, spec, None),
            "fix_step": None if listed else StepId.LINK_CONNECTORS,
        }
    return {
        "status": Status.SKIP,
        "message": Text(en="{id} cannot be verified remotely.", nl="{id} is op afstand niet te controleren.").format(
            id=spec.id
        ),
        "remedy": Text(en="Check by hand: ", nl="Controleer zelf: ") + remedies.link(run.app, spec, None),
        "fix_step": StepId.LINK_CONNECTORS,
    }


def _special_refused(run: _Run, spec: ConnectorSpec, reply: Reply | AfasProblem) -> dict[str, Any]:
    problem = reply if isinstance(reply, AfasProblem) else classify_reply(reply)
    if problem is None:
        problem = AfasProblem(Problem.MALFORMED, status=getattr(reply, "status", None))
    # After /metainfo succeeded, 401/403/500 'niet ondersteund' on a special connector mean: not on the
    # Connectoren tab (the status AFAS uses is UNCONFIRMED, so all three are read the same way).
    if problem.kind in (Problem.UNAUTHORIZED, Problem.FORBIDDEN, Problem.NOT_LINKED, Problem.NOT_FOUND):
        return {**_not_linked(run, spec), **_problem_fields(problem)}
    return _unrecognised(problem, run.app)


async def _check_token_expiry(run: _Run) -> dict[str, Any]:
    assert run.meta is not None
    parsed = parse_token_expiry(run.meta.token_expiry)
    app = run.app
    if parsed is None:
        return {
            "status": Status.PASS,
            "message": Text(
                en="AFAS reports no expiry date for this token.", nl="AFAS meldt geen vervaldatum voor dit token."
            ),
            "detail": f"tokenExpiry {run.meta.token_expiry!r}",
        }
    if isinstance(parsed, str):
        return {
            "status": Status.SKIP,
            "message": Text(
                en="AFAS reported an expiry date in a form we do not recognise: {v}.",
                nl="AFAS meldde een vervaldatum in een vorm die we niet herkennen: {v}.",
            ).format(v=redact(parsed[:40])),
            "detail": f"tokenExpiry {redact(parsed[:40])!r}",
        }
    days = (parsed - run.today).days
    if days <= TOKEN_EXPIRY_WARN_DAYS:
        return {
            "status": Status.WARN,
            "message": Text(
                en="The token expires on {d} (in {n} days); after that SmartBooqing cannot reach AFAS.",
                nl="Het token verloopt op {d} (over {n} dagen); daarna kan SmartBooqing AFAS niet meer bereiken.",
            ).format(d=long_date(parsed), n=max(days, 0)),
            "remedy": remedies.NEW_TOKEN.format(app=app),
            "fix_step": StepId.TOKEN,
            "detail": f"tokenExpiry {run.meta.token_expiry!r}",
        }
    return {
        "status": Status.PASS,
        "message": Text(en="The token is valid until {d}.", nl="Het token is geldig tot {d}.").format(
            d=long_date(parsed)
        ),
        "detail": f"tokenExpiry {run.meta.token_expiry!r}",
    }


async def _check_token_sunset(run: _Run) -> dict[str, Any]:
    if run.credential.kind != "classic-token":
        return {"status": Status.PASS, "message": Text(en="Not a classic token.", nl="Geen klassiek token.")}
    left = (CLASSIC_TOKEN_SUNSET - run.today).days
    return {
        "status": Status.WARN,
        "message": Text(
            en="Classic AFAS tokens stop working after {d} ({n} days from now).",
            nl="Klassieke AFAS-tokens werken na {d} niet meer (over {n} dagen).",
        ).format(d=long_date(CLASSIC_TOKEN_SUNSET), n=max(left, 0)),
        "remedy": remedies.SUNSET,
        "fix_step": None,
    }


def _runner(run: _Run, check: PlannedCheck) -> Callable[[], Awaitable[dict[str, Any]]]:
    spec = check.spec
    kind = check.id.partition(":")[0]
    if kind == "get" and spec:
        return lambda: _check_get(run, spec)
    if kind == "fields" and spec:
        return lambda: _check_fields(run, spec)
    if kind == "update" and spec:
        return lambda: _check_update(run, spec)
    if kind == "special" and spec:
        return lambda: _check_special(run, spec)
    if kind == "attachments":
        return lambda: _check_attachments(run)
    if kind == "token-expiry":
        return lambda: _check_token_expiry(run)
    if kind == "token-sunset":
        return lambda: _check_token_sunset(run)
    raise ValueError(check.id)


def _result(check: PlannedCheck, fields: dict[str, Any], started: float) -> CheckResult:
    data: dict[str, Any] = {
        "id": check.id,
        "title": check.title,
        "duration_ms": int((time.perf_counter() - started) * 1000),
        **fields,
    }
    data["detail"] = redact(str(data.get("detail") or ""))
    for key in ("message", "remedy"):  # defence in depth: texts may quote AFAS, which may quote anything
        value = data.get(key)
        if isinstance(value, Text):
            data[key] = Text(en=redact(value.en), nl=redact(value.nl))
    return CheckResult(**data)


def _skipped(check: PlannedCheck, why: Text) -> CheckResult:
    return CheckResult(id=check.id, status=Status.SKIP, title=check.title, message=why)


async def run_checks(
    env: AfasEnvironment,
    credential: Credential,
    *,
    lang: Lang = Lang.EN,
    manifest: Manifest | None = None,
    transport: httpx.AsyncBaseTransport | None = None,
    timeout: float = 30.0,
    settings: ClientSettings | None = None,
    today: dt.date | None = None,
    facts: dict[str, str] | None = None,
) -> AsyncIterator[CheckResult]:
    """Every check's result as soon as it is known (the async-iterator form of `verify`)."""
    manifest = manifest or load_manifest()
    checks = plan(manifest)
    settings = settings or ClientSettings(read_timeout=min(30.0, timeout), connect_timeout=min(10.0, timeout))
    deadline = time.monotonic() + timeout
    async with AfasClient(env, credential, lang=lang, settings=settings, transport=transport) as client:
        run = _Run(client, manifest, credential, today or dt.date.today())
        started = time.perf_counter()
        auth_check = checks[0]
        try:
            async with asyncio.timeout(timeout):
                auth = await _check_auth(run)
        except TimeoutError:
            auth = _impossible(AfasProblem(Problem.TIMEOUT, detail=f"no answer within {timeout:g} s"), "")
        auth_result = _result(auth_check, auth, started)
        if facts is not None and run.meta is not None:
            facts.update({k: v for k, v in (("app_connector", run.meta.app_name), ("user_group", run.meta.group)) if v})
        yield auth_result
        if auth_result.status is not Status.PASS:
            why = (
                Text(
                    en="Not checked: verification is not possible right now.",
                    nl="Niet gecontroleerd: controleren is nu niet mogelijk.",
                )
                if auth_result.impossible
                else Text(
                    en="Not checked: AFAS did not accept the token.",
                    nl="Niet gecontroleerd: AFAS accepteerde het token niet.",
                )
            )
            for check in checks[1:]:
                yield _skipped(check, why)
            return

        async def one(check: PlannedCheck) -> CheckResult:
            begun = time.perf_counter()
            try:
                fields = await _runner(run, check)()
            except _OutcomeError as outcome:
                fields = outcome.result
            return _result(check, fields, begun)

        tasks = {asyncio.ensure_future(one(c)): c for c in checks[1:]}
        pending = set(tasks)
        try:
            while pending:
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    break
                done, pending = await asyncio.wait(pending, timeout=remaining, return_when=asyncio.FIRST_COMPLETED)
                for task in done:
                    yield task.result()
        finally:
            for task in pending:
                task.cancel()
            for call in run._calls.values():
                call.cancel()
        late = AfasProblem(Problem.TIMEOUT, detail=f"no answer within the overall deadline of {timeout:g} s")
        for task in sorted(pending, key=lambda t: checks.index(tasks[t])):
            yield _result(tasks[task], _impossible(late, run.app), started)


async def verify(
    env: AfasEnvironment,
    credential: Credential,
    *,
    lang: Lang = Lang.EN,
    manifest: Manifest | None = None,
    transport: httpx.AsyncBaseTransport | None = None,
    timeout: float = 30.0,
    on_result: Callable[[CheckResult], None] | None = None,
    settings: ClientSettings | None = None,
    today: dt.date | None = None,
) -> Report:
    """Verify a customer's AFAS setup, read-only. `on_result` gets each check as it finishes."""
    manifest = manifest or load_manifest()
    order = {c.id: i for i, c in enumerate(plan(manifest))}
    started = time.perf_counter()
    report = Report(environment=env.env_id, base_url=env.rest_base_url)
    results: list[CheckResult] = []
    facts: dict[str, str] = {}
    async for result in run_checks(
        env,
        credential,
        lang=lang,
        manifest=manifest,
        transport=transport,
        timeout=timeout,
        settings=settings,
        today=today,
        facts=facts,
    ):
        results.append(result)
        if on_result is not None:
            on_result(result)
    report.checks = sorted(results, key=lambda r: order.get(r.id, len(order)))
    report.duration_ms = int((time.perf_counter() - started) * 1000)
    report.app_connector = facts.get("app_connector")
    report.user_group = facts.get("user_group")
    version = next((c.detail for c in results if c.id == "special:AppConnectorVersion" and c.status is Status.PASS), "")
    report.profit_version = version.removeprefix("profitversion ") or None
    return report
