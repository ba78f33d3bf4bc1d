"""One module per wizard step; `build_pages()` builds them, `PageSet.in_order()` lists them in the guide's order."""

from __future__ import annotations

from dataclasses import dataclass

from wizard.flow.machine import WizardMachine
from wizard.ui.pages.app_connector import AppConnectorPage
from wizard.ui.pages.base import PAGE_ID, STEP_OF, StepPage
from wizard.ui.pages.connector_files import ConnectorFilesPage
from wizard.ui.pages.done import DonePage
from wizard.ui.pages.dossier import DossierPage
from wizard.ui.pages.environment import EnvironmentPage
from wizard.ui.pages.import_files import ImportPage
from wizard.ui.pages.link_connectors import LinkConnectorsPage
from wizard.ui.pages.migrate import MigratePage
from wizard.ui.pages.token import TokenPage
from wizard.ui.pages.verify import VerifyPage
from wizard.ui.pages.welcome import WelcomePage


@dataclass(frozen=True)
class PageSet:
    """Every page under its own type, so the window hands each controller the page it needs without a type test."""

    welcome: WelcomePage
    environment: EnvironmentPage
    connector_files: ConnectorFilesPage
    import_files: ImportPage
    app_connector: AppConnectorPage
    link_connectors: LinkConnectorsPage
    token: TokenPage
    dossier: DossierPage
    verify: VerifyPage
    migrate: MigratePage
    done: DonePage

    def in_order(self) -> list[StepPage]:
        return [
            self.welcome,
            self.environment,
            self.connector_files,
            self.import_files,
            self.app_connector,
            self.link_connectors,
            self.token,
            self.dossier,
            self.verify,
            self.migrate,
            self.done,
        ]


def build_pages(machine: WizardMachine) -> PageSet:
    return PageSet(
        WelcomePage(machine),
        EnvironmentPage(machine),
        ConnectorFilesPage(machine),
        ImportPage(machine),
        AppConnectorPage(machine),
        LinkConnectorsPage(machine),
        TokenPage(machine),
        DossierPage(machine),
        VerifyPage(machine),
        MigratePage(machine),
        DonePage(machine),
    )


__all__ = ["PAGE_ID", "STEP_OF", "PageSet", "StepPage", "build_pages"]
