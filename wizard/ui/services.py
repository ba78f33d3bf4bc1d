"""The wizard's outside world, injected by the composition root (wizard/app.py) or by a test."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from wizard.data.bundle import export_connectors
from wizard.domain.bundle import ExportResult
from wizard.domain.checks import CheckResult
from wizard.domain.credentials import ClassicToken, Credential
from wizard.domain.environment import AfasEnvironment
from wizard.domain.manifest import Manifest
from wizard.domain.oauth import OAuthClientCredentials
from wizard.domain.text import Lang, Text

if TYPE_CHECKING:  # the composition root (wizard.app) builds these: the simulator only for the demo
    from wizard.sim import SimAdmin
    from wizard.stores.progress import ProgressStore
    from wizard.stores.secrets import SecretStore
    from wizard.verify.probe import ProbeResult
    from wizard.verify.report import Report


class VerifyFn(Protocol):
    def __call__(
        self,
        env: AfasEnvironment,
        credential: Credential,
        *,
        lang: Lang = ...,
        on_result: Callable[[CheckResult], None] | None = None,
    ) -> Awaitable[Report]: ...


class ProbeFn(Protocol):
    def __call__(self, env: AfasEnvironment, credential: Credential, *, lang: Lang = ...) -> Awaitable[ProbeResult]: ...


async def probe_afas(env: AfasEnvironment, credential: Credential, *, lang: Lang = Lang.EN) -> ProbeResult:
    """The one request made when login details are stored (wizard.verify.probe; imported on first use: httpx and
    pydantic load after the first paint)."""
    from wizard.verify.probe import probe

    return await probe(env, credential, lang=lang)


@dataclass(kw_only=True)
class Services:
    manifest: Manifest
    secret_store: SecretStore  # where "store the token securely" goes (the OS keyring; in the demo: memory)
    session_store: SecretStore  # "keep for this session only"
    default_export_folder: Path
    verify: VerifyFn  # the live verification (wizard.verify.verify; a test's scripted one)
    planned: Callable[[Manifest], Sequence[tuple[str, Text]]]  # what it will check, listed before it starts
    default_export_reason: Text | None = None  # why that folder is not Documents (wizard.desktop.export_folder)
    progress: ProgressStore | None = None  # None: nothing is remembered (the demo)
    sim: SimAdmin | None = None  # the demo's simulated AFAS
    demo_environment: AfasEnvironment | None = None
    scenario_token: ClassicToken | None = None  # the tour of a scenario: the token the simulated client holds
    scenario_client: OAuthClientCredentials | None = None  # ... and its OAuth client (`--auth oauth`)
    export: Callable[[Path], ExportResult] = export_connectors
    probe: ProbeFn = probe_afas  # storing login details asks AFAS once (a test's scripted one)
