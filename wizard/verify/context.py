"""What every check shares during one run: the client, the manifest, /metainfo once read, requests made once, and
the outcomes several checks give alike (not linked, impossible right now, an answer we do not recognise)."""

from __future__ import annotations

import asyncio
import dataclasses
import datetime as dt
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field

import httpx

from wizard.afas.client import AfasClient
from wizard.afas.errors import AfasProblem, Problem, classify_exception, classify_reply
from wizard.afas.oauth import OAuthTokenError
from wizard.afas.reading import Reply
from wizard.domain.checks import Outcome, Status
from wizard.domain.credentials import Credential
from wizard.domain.manifest import ConnectorSpec, Manifest
from wizard.domain.redact import excerpt
from wizard.domain.steps import StepId
from wizard.domain.text import Text
from wizard.verify import remedies
from wizard.verify.answers import MetaInfo
from wizard.verify.oauth_checks import token_refused

# What a decoder of untrusted text raises (UnicodeError is a ValueError): never more than a malformed answer.
DECODER_ERRORS = (ValueError, RecursionError, OverflowError)


def malformed(exc: BaseException) -> AfasProblem:
    return AfasProblem(Problem.MALFORMED, detail=excerpt(f"{type(exc).__name__}: {exc}", 200))


class OutcomeError(Exception):
    """Raised inside a check to finish it with an outcome (keeps the check functions flat)."""

    def __init__(self, outcome: Outcome) -> None:
        super().__init__("outcome")
        self.outcome = outcome


@dataclass
class RunContext:
    client: AfasClient
    manifest: Manifest
    credential: Credential
    today: dt.date
    meta: MetaInfo | None = None
    app: str = ""
    calls: dict[str, asyncio.Task[Reply | AfasProblem]] = field(default_factory=dict)

    @property
    def metainfo(self) -> MetaInfo:
        """/metainfo as the auth check read it; every other check runs only after it passed."""
        if self.meta is None:
            raise RuntimeError("a check ran before /metainfo was read")
        return self.meta

    def call(self, key: str, make: Callable[[], Awaitable[Reply]]) -> asyncio.Task[Reply | AfasProblem]:
        """One request per key, shared by every check that needs it."""
        if key not in self.calls:

            async def run() -> Reply | AfasProblem:
                try:
                    return await make()
                except (httpx.HTTPError, OSError, TimeoutError) as exc:
                    return classify_exception(exc)
                except DECODER_ERRORS as exc:
                    # Whatever part of an answer did not decode (a number, a charset, JSON nested too deep): this
                    # request's answer is malformed; the run and the other checks go on.
                    return malformed(exc)
                except OAuthTokenError as exc:
                    # No access token: every check waiting for this request ends with the token request's outcome
                    # (the flow asks once per run, so the others get the same failure without a new request).
                    app = self.app or self.manifest.app_connector.description
                    raise OutcomeError(token_refused(exc.problem, self.credential, self.today, app)) from None

            self.calls[key] = asyncio.ensure_future(run())
        return self.calls[key]

    async def get(self, path: str, params: dict[str, str] | None = None) -> Reply | AfasProblem:
        key = path + ("?" + "&".join(f"{k}={v}" for k, v in params.items()) if params else "")
        return await self.call(key, lambda: self.client.get(path, params))

    def cancel(self) -> None:
        for call in self.calls.values():
            call.cancel()


def with_problem(outcome: Outcome, problem: AfasProblem) -> Outcome:
    """The outcome with the problem's technical facts (status, AFAS's log reference, detail) attached."""
    return dataclasses.replace(
        outcome, http_status=problem.status, log_reference=problem.log_reference, detail=problem.technical()
    )


def impossible(problem: AfasProblem, app: str) -> Outcome:
    remedy = {
        Problem.FORBIDDEN: remedies.ip_restricted(app),
        Problem.MAINTENANCE: remedies.maintenance(problem.retry_after),
    }.get(problem.kind, remedies.UNREACHABLE)
    outcome = Outcome(
        status=Status.FAIL,
        message=problem.message(),
        remedy=remedy,
        impossible=True,  # no defect of the setup, so no step to fix (issue 20 item 4)
    )
    return with_problem(outcome, problem)


def unrecognised(problem: AfasProblem, app: str) -> Outcome:
    """An answer we do not recognise is reported as it came: AFAS's own words and the technical detail."""
    if problem.impossible:
        return impossible(problem, app)
    return with_problem(Outcome(status=Status.FAIL, message=problem.message(), remedy=remedies.UNRECOGNISED), problem)


def not_linked(run: RunContext, spec: ConnectorSpec, afas_said: str = "") -> Outcome:
    message = Text(
        en="{id} is not linked to the app connector.", nl="{id} is niet gekoppeld aan de app connector."
    ).format(id=spec.id)
    if afas_said:
        message += Text(en=" AFAS said: “{m}”.", nl=" AFAS meldde: “{m}”.").format(m=afas_said)
    return Outcome(
        status=Status.FAIL,
        message=message,
        remedy=remedies.link(run.app, spec, run.manifest.gcn_for(spec.id)),
        fix_step=StepId.LINK_CONNECTORS,
    )


def problem_of(reply: Reply | AfasProblem) -> AfasProblem | None:
    return reply if isinstance(reply, AfasProblem) else classify_reply(reply)


def usable(reply: Reply | AfasProblem, run: RunContext, spec: ConnectorSpec | None = None) -> Reply:
    """The usable reply, or finish the check with the classified problem."""
    problem = problem_of(reply)
    if problem is None and isinstance(reply, Reply):
        return reply
    assert problem is not None
    if spec is not None and problem.kind in (Problem.NOT_LINKED, Problem.UNAUTHORIZED):
        raise OutcomeError(with_problem(not_linked(run, spec), problem))
    raise OutcomeError(unrecognised(problem, run.app))
