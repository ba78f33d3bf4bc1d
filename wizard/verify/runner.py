"""The runner: /metainfo first (it proves the token and lists what is linked), then every other check at once,
bounded by the client's in-flight limit and one overall deadline; results stream out as they are known."""

from __future__ import annotations

import asyncio
import dataclasses
import datetime as dt
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from typing import Literal

import httpx

from wizard.afas.client import AfasClient, ClientSettings
from wizard.afas.errors import AfasProblem, Problem
from wizard.data import load_manifest
from wizard.domain.checks import CheckKind, CheckResult, Outcome, Status
from wizard.domain.credentials import Credential
from wizard.domain.environment import AfasEnvironment
from wizard.domain.manifest import Manifest
from wizard.domain.oauth import OAuthClientCredentials
from wizard.domain.redact import redact
from wizard.domain.text import Lang, Text
from wizard.verify import checks
from wizard.verify.context import DECODER_ERRORS, OutcomeError, RunContext, impossible, malformed, unrecognised
from wizard.verify.plan import PlannedCheck, plan
from wizard.verify.report import Report
from wizard.verify.special import check_special


def _runner(run: RunContext, check: PlannedCheck) -> Callable[[], Awaitable[Outcome]]:
    spec, kind = check.spec, check.id.kind
    if kind in (CheckKind.GET, CheckKind.FIELDS, CheckKind.UPDATE, CheckKind.SPECIAL):
        if spec is None:
            raise ValueError(f"{check.id} has no connector")
        per_connector = {
            CheckKind.GET: checks.check_get,
            CheckKind.FIELDS: checks.check_fields,
            CheckKind.UPDATE: checks.check_update,
            CheckKind.SPECIAL: check_special,
        }[kind]
        return lambda: per_connector(run, spec)
    whole = {
        CheckKind.ATTACHMENTS: checks.check_attachments,
        CheckKind.TOKEN_EXPIRY: checks.check_token_expiry,
        CheckKind.TOKEN_SUNSET: checks.check_token_sunset,
    }.get(kind)
    if whole is None:
        raise ValueError(str(check.id))
    return lambda: whole(run)


def _clean(text: Text | None) -> Text | None:
    # Defence in depth: texts may quote AFAS, which may quote anything.
    return Text(en=redact(text.en), nl=redact(text.nl)) if text is not None else None


def _result(check: PlannedCheck, outcome: Outcome, started: float) -> CheckResult:
    cleaned = dataclasses.replace(
        outcome,
        message=_clean(outcome.message) or outcome.message,
        remedy=_clean(outcome.remedy),
        detail=redact(outcome.detail),
    )
    return CheckResult.of(check.id, check.title, cleaned, int((time.perf_counter() - started) * 1000))


def _skipped(check: PlannedCheck, why: Text) -> CheckResult:
    return CheckResult.of(check.id, check.title, Outcome(status=Status.SKIP, message=why))


@dataclasses.dataclass
class Facts:
    """What /metainfo told about the app connector, for the report's header."""

    app_connector: str | None = None
    user_group: str | None = None


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
    facts: Facts | None = None,
    client_auth: Literal["body", "basic"] = "body",
) -> AsyncIterator[CheckResult]:
    """Every check's result as soon as it is known (the async-iterator form of `verify`)."""
    manifest = manifest or load_manifest()
    planned = plan(manifest)
    settings = settings or ClientSettings(
        read_timeout=min(30.0, timeout), connect_timeout=min(10.0, timeout), client_auth=client_auth
    )
    deadline = time.monotonic() + timeout
    async with AfasClient(env, credential, lang=lang, settings=settings, transport=transport) as client:
        run = RunContext(client, manifest, credential, today or dt.date.today())
        started = time.perf_counter()
        try:
            async with asyncio.timeout(timeout):
                auth = await checks.check_auth(run)
        except DECODER_ERRORS as exc:
            auth = unrecognised(malformed(exc), "")
        except TimeoutError:
            auth = impossible(AfasProblem(Problem.TIMEOUT, detail=f"no answer within {timeout:g} s"), "")
        auth_result = _result(planned[0], auth, started)
        if facts is not None and run.meta is not None:
            facts.app_connector, facts.user_group = run.meta.app_name, run.meta.group  # redacted when read
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
                if not isinstance(credential, OAuthClientCredentials)
                else Text(
                    en="Not checked: AFAS did not accept the OAuth client id and secret.",
                    nl="Niet gecontroleerd: AFAS accepteerde de OAuth client id en het secret niet.",
                )
            )
            for check in planned[1:]:
                yield _skipped(check, why)
            return

        async def one(check: PlannedCheck) -> CheckResult:
            begun = time.perf_counter()
            try:
                outcome = await _runner(run, check)()
            except OutcomeError as finished:
                outcome = finished.outcome
            except DECODER_ERRORS as exc:  # a part of an answer the check read did not decode
                outcome = unrecognised(malformed(exc), run.app)
            return _result(check, outcome, begun)

        tasks = {asyncio.ensure_future(one(c)): c for c in planned[1:]}
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
            run.cancel()
        late = AfasProblem(Problem.TIMEOUT, detail=f"no answer within the overall deadline of {timeout:g} s")
        for task in sorted(pending, key=lambda t: planned.index(tasks[t])):
            yield _result(tasks[task], impossible(late, run.app), started)


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
    client_auth: Literal["body", "basic"] = "body",
) -> Report:
    """Verify a customer's AFAS setup, read-only, with any `Credential`: a classic token, or an OAuth client (one
    token request, then Bearer; `client_auth` says how the secret is sent unless `settings` say it). `on_result`
    gets each check as it finishes."""
    manifest = manifest or load_manifest()
    order = {c.id: i for i, c in enumerate(plan(manifest))}
    started = time.perf_counter()
    report = Report(environment=env.env_id, base_url=env.rest_base_url)
    results: list[CheckResult] = []
    facts = Facts()
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
        client_auth=client_auth,
    ):
        results.append(result)
        if on_result is not None:
            on_result(result)
    report.checks = sorted(results, key=lambda r: order.get(r.id, len(order)))
    report.duration_ms = int((time.perf_counter() - started) * 1000)
    report.app_connector = facts.app_connector
    report.user_group = facts.user_group
    report.profit_version = next((c.profit_version for c in results if c.profit_version), None)
    return report
