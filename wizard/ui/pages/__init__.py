"""One module per wizard step; `build_pages()` gives a registry that builds each page the first time it is asked for.

The coarse start-up deferral for pages: the window shows with the first page, and every other page (and its module)
is built when the wizard moves to it, a controller needs it, or a test or the tour asks for it. The step list needs
no page objects: it comes from the flow.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterator, Mapping

from wizard.domain.steps import StepId
from wizard.flow.machine import ALL_STEPS, WizardMachine
from wizard.ui.pages.base import StepPage

# Each step's page class, by module and name: a page's module is imported when the page is first built.
PAGE_CLASSES: dict[StepId, tuple[str, str]] = {
    StepId.WELCOME: ("wizard.ui.pages.welcome", "WelcomePage"),
    StepId.ENVIRONMENT: ("wizard.ui.pages.environment", "EnvironmentPage"),
    StepId.CONNECTOR_FILES: ("wizard.ui.pages.connector_files", "ConnectorFilesPage"),
    StepId.IMPORT: ("wizard.ui.pages.import_files", "ImportPage"),
    StepId.APP_CONNECTOR: ("wizard.ui.pages.app_connector", "AppConnectorPage"),
    StepId.LINK_CONNECTORS: ("wizard.ui.pages.link_connectors", "LinkConnectorsPage"),
    StepId.TOKEN: ("wizard.ui.pages.token", "TokenPage"),
    StepId.DOSSIER: ("wizard.ui.pages.dossier", "DossierPage"),
    StepId.VERIFY: ("wizard.ui.pages.verify", "VerifyPage"),
    StepId.MIGRATE: ("wizard.ui.pages.migrate", "MigratePage"),
    StepId.RENEW: ("wizard.ui.pages.renew", "RenewPage"),
    StepId.DONE: ("wizard.ui.pages.done", "DonePage"),
}


def build_page(step: StepId, machine: WizardMachine) -> StepPage:
    module, name = PAGE_CLASSES[step]
    page = getattr(importlib.import_module(module), name)(machine)
    assert isinstance(page, StepPage) and page.step is step
    return page


class Pages(Mapping[StepId, StepPage]):
    """Every step's page, built on first access; `on_built` hands each new page to the window (its stack, intents).

    As a Mapping it has every step (iterating builds them all, as a test walking every page expects); `built()`
    lists only the pages that exist so far."""

    def __init__(self, machine: WizardMachine, on_built: Callable[[StepPage], None]) -> None:
        self._machine = machine
        self._on_built = on_built
        self._built: dict[StepId, StepPage] = {}

    def __getitem__(self, step: StepId) -> StepPage:
        page = self._built.get(step)
        if page is None:
            page = self._built[step] = build_page(step, self._machine)
            self._on_built(page)
        return page

    def __iter__(self) -> Iterator[StepId]:
        return iter(ALL_STEPS)

    def __len__(self) -> int:
        return len(ALL_STEPS)

    def built(self) -> list[StepPage]:
        """The pages that exist so far, in the guide's order."""
        return [self._built[step] for step in ALL_STEPS if step in self._built]


def build_pages(machine: WizardMachine, on_built: Callable[[StepPage], None]) -> Pages:
    return Pages(machine, on_built)


__all__ = ["PAGE_CLASSES", "Pages", "StepPage", "build_page", "build_pages"]
