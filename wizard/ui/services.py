"""The wizard's outside world, injected by the composition root (wizard/app.py) or by a test."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from wizard.domain.checks import CheckResult
from wizard.domain.credentials import ClassicToken, Credential
from wizard.domain.environment import AfasEnvironment
from wizard.domain.manifest import Manifest
from wizard.domain.text import Lang, Text

if TYPE_CHECKING:  # imported where they are used: the HTTP stack, the simulator and keyring load on first use
    from wizard.domain.bundle import ExportResult
    from wizard.sim import SimAdmin
    from wizard.stores.progress import ProgressStore
    from wizard.stores.secrets import SecretStore
    from wizard.verify.report import Report


def export_connectors(folder: Path) -> ExportResult:
    """wizard.data.bundle.export_connectors, imported when the user exports (tomlkit and the .gcn reader are not
    needed before the window shows: issue 13)."""
    from wizard.data.bundle import export_connectors as export

    return export(folder)


class VerifyFn(Protocol):
    def __call__(
        self,
        env: AfasEnvironment,
        credential: Credential,
        *,
        lang: Lang = ...,
        on_result: Callable[[CheckResult], None] | None = None,
    ) -> Awaitable[Report]: ...


@dataclass
class Services:
    manifest: Manifest
    secret_store: SecretStore  # where "store the token securely" goes (the OS keyring; in the demo: memory)
    session_store: SecretStore  # "keep for this session only"
    default_export_folder: Path
    default_export_reason: Text | None = None  # why that folder is not Documents (wizard.desktop.export_folder)
    progress: ProgressStore | None = None  # None: nothing is remembered (the demo)
    sim: SimAdmin | None = None  # the demo's simulated AFAS
    demo_environment: AfasEnvironment | None = None
    scenario_token: ClassicToken | None = None  # the tour of a scenario: the token the simulated client holds
    export: Callable[[Path], ExportResult] = export_connectors
    verify: VerifyFn | None = None  # None: the real live verification (wizard.verify)
    planned: Callable[[Manifest], list[tuple[str, Text]]] | None = None

    def verify_fn(self) -> VerifyFn:
        if self.verify is not None:
            return self.verify
        from wizard.verify import verify

        return verify

    def planned_checks(self) -> list[tuple[str, Text]]:
        if self.planned is not None:
            return self.planned(self.manifest)
        from wizard.verify import planned_checks

        return list(planned_checks(self.manifest))
