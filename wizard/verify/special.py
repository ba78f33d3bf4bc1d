"""The special connectors (tab Connectoren): each probed read-only as connectors/afas.toml says, by answer kind."""

from __future__ import annotations

import dataclasses
import re

from wizard.afas.errors import AfasProblem, Problem, classify_interception
from wizard.afas.reading import Reply
from wizard.data import afas
from wizard.domain.afas_screens import SpecialProbe
from wizard.domain.checks import Outcome, Status
from wizard.domain.manifest import ConnectorSpec
from wizard.domain.redact import excerpt
from wizard.domain.steps import StepId
from wizard.domain.text import Text
from wizard.verify import remedies
from wizard.verify.answers import parse_soap
from wizard.verify.checks import DETAIL_LIMIT, is_success, refused
from wizard.verify.context import RunContext, impossible, not_linked, unrecognised

# A SOAP fault that names the DataConnector, or says "not supported / not authorised" while the UpdateConnector
# asked about is linked, means GetXMLSchema is missing from the app connector. AFAS's exact wording is UNCONFIRMED.
_DATACONNECTOR = re.compile(r"data\s*connector", re.I)
_REFUSED = re.compile(r"niet ondersteund|not supported|niet geautoriseerd|not authori[sz]ed", re.I)


def _linked(spec: ConnectorSpec, http_status: int | None) -> Outcome:
    return Outcome(
        status=Status.PASS,
        message=Text(en="{id} is linked.", nl="{id} is gekoppeld.").format(id=spec.id),
        http_status=http_status,
    )


def _check_by_hand(run: RunContext, spec: ConnectorSpec) -> Text:
    return Text(en="Check by hand: ", nl="Controleer zelf: ") + remedies.link(run.app, spec, None)


async def check_special(run: RunContext, spec: ConnectorSpec) -> Outcome:
    probe = afas().probe(spec.id)
    listed = None if run.metainfo.special_ids is None else spec.id.lower() in run.metainfo.special_ids
    if probe is not None and probe.answer == "version":
        return await _version(run, spec, probe)
    if probe is not None and probe.answer == "absent-file":
        return await _absent_file(run, spec, probe, listed)
    if probe is not None and probe.answer == "xml-schema":
        return await _xml_schema(run, spec)
    # A special connector we know no probe for: say what /metainfo says, or that it cannot be checked.
    if listed is not None:
        return _linked(spec, None) if listed else not_linked(run, spec)
    return Outcome(
        status=Status.MANUAL,
        message=Text(en="{id} cannot be verified remotely.", nl="{id} is op afstand niet te controleren.").format(
            id=spec.id
        ),
        remedy=_check_by_hand(run, spec),
        fix_step=StepId.LINK_CONNECTORS,
    )


async def _version(run: RunContext, spec: ConnectorSpec, probe: SpecialProbe) -> Outcome:
    reply = await run.get(probe.probe)
    if is_success(reply) and isinstance(reply, Reply) and isinstance(reply.json_body, dict):
        version = excerpt(str(reply.json_body.get("version", "?")), 40)
        return Outcome(
            status=Status.PASS,
            message=Text(en="{id} is linked (Profit {v}).", nl="{id} is gekoppeld (Profit {v}).").format(
                id=spec.id, v=version
            ),
            http_status=reply.status,
            detail=f"profitversion {version}",
            profit_version=version,
        )
    return refused(run, spec, reply)


async def _absent_file(run: RunContext, spec: ConnectorSpec, probe: SpecialProbe, listed: bool | None) -> Outcome:
    reply = await run.get(probe.probe)
    if isinstance(reply, Reply) and (reply.status == 404 or 200 <= reply.status < 300):
        if listed is False:
            return dataclasses.replace(not_linked(run, spec), http_status=reply.status)
        if listed is None and reply.status == 404:
            # AFAS's answer for a probe against an unlinked special connector is UNCONFIRMED; a 404 may mean
            # either, so without a listing in /metainfo we say so honestly.
            return Outcome(
                status=Status.MANUAL,
                message=Text(
                    en="{id} cannot be verified remotely: AFAS answered 'not found', which it also may for an "
                    "unlinked connector.",
                    nl="{id} is op afstand niet te controleren: AFAS antwoordde 'niet gevonden', wat ook bij een "
                    "niet-gekoppelde connector kan.",
                ).format(id=spec.id),
                remedy=_check_by_hand(run, spec),
                fix_step=StepId.LINK_CONNECTORS,
                http_status=reply.status,
            )
        return _linked(spec, reply.status)
    return refused(run, spec, reply)


async def _xml_schema(run: RunContext, spec: ConnectorSpec) -> Outcome:
    updates = run.manifest.update_connectors
    target = next((s for s in updates if s.required_objects), updates[0] if updates else None)
    if target is None:
        return Outcome(
            status=Status.SKIP,
            message=Text(en="No UpdateConnector to ask for.", nl="Geen UpdateConnector om te vragen."),
        )
    reply = await run.call(f"soap:{target.id}", lambda: run.client.get_xml_schema(target.id))
    if isinstance(reply, AfasProblem):
        return unrecognised(reply, run.app)
    intercepted = classify_interception(reply)  # a portal or redirect answering for AFAS: say so, parse nothing
    if intercepted is not None:
        return impossible(intercepted, run.app)
    answer = parse_soap(reply.text)
    if reply.status == 200 and answer.has_connector_data:
        return _linked(spec, reply.status)
    if answer.fault is not None:
        return _soap_fault(run, spec, target, reply, answer.fault)
    if reply.status == 403:
        return impossible(AfasProblem(Problem.FORBIDDEN, status=403), run.app)
    if reply.status == 503:
        return impossible(AfasProblem(Problem.MAINTENANCE, status=503), run.app)
    return unrecognised(
        AfasProblem(Problem.UNEXPECTED, status=reply.status, detail=excerpt(reply.text, DETAIL_LIMIT)), run.app
    )


def _soap_fault(run: RunContext, spec: ConnectorSpec, target: ConnectorSpec, reply: Reply, fault: str) -> Outcome:
    """Classify a SOAP fault; AFAS's words are kept, redacted and shortened, as untrusted text."""
    said = excerpt(fault, DETAIL_LIMIT)
    detail = f"HTTP {reply.status}; SOAP fault: {said}"
    target_linked = target.id.lower() in run.metainfo.update_ids
    if _DATACONNECTOR.search(fault) or (target_linked and _REFUSED.search(fault)):
        outcome = not_linked(run, spec, afas_said=said)
        return dataclasses.replace(outcome, http_status=reply.status, detail=detail)
    if not target_linked:
        return Outcome(
            status=Status.SKIP,
            message=Text(
                en="Not checked: AFAS needs {u} linked to answer for {id}.",
                nl="Niet gecontroleerd: AFAS heeft {u} gekoppeld nodig om voor {id} te antwoorden.",
            ).format(u=target.id, id=spec.id),
            fix_step=StepId.LINK_CONNECTORS,
            http_status=reply.status,
            detail=detail,
        )
    # Any other fault: quote AFAS and still name the link, the usual cause (issue 12, item 16).
    return Outcome(
        status=Status.FAIL,
        message=Text(
            en="AFAS refused the XML schema request for {id}: “{m}”",
            nl="AFAS weigerde de XML-schema-aanvraag voor {id}: “{m}”",
        ).format(id=spec.id, m=said),
        remedy=Text(en="If it is not linked yet: ", nl="Als hij nog niet gekoppeld is: ")
        + remedies.link(run.app, spec, None)
        + Text(en=" Otherwise: ", nl=" Anders: ")
        + remedies.UNRECOGNISED,
        fix_step=StepId.LINK_CONNECTORS,
        http_status=reply.status,
        detail=detail,
    )
