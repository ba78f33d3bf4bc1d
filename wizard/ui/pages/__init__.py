"""One module per wizard step; `all_pages()` builds them in the guide's order."""

from __future__ import annotations

from wizard.flow.machine import WizardMachine
from wizard.ui.pages.app_connector import AppConnectorPage
from wizard.ui.pages.base import PAGE_ID, STEP_OF, StepPage
from wizard.ui.pages.connector_files import ConnectorFilesPage
from wizard.ui.pages.done import DonePage
from wizard.ui.pages.dossier import DossierPage
from wizard.ui.pages.environment import EnvironmentPage
from wizard.ui.pages.import_files import ImportPage
from wizard.ui.pages.link_connectors import LinkConnectorsPage
from wizard.ui.pages.token import TokenPage
from wizard.ui.pages.verify import VerifyPage
from wizard.ui.pages.welcome import WelcomePage

PAGE_CLASSES: tuple[type[StepPage], ...] = (
    WelcomePage,
    EnvironmentPage,
    ConnectorFilesPage,
    ImportPage,
    AppConnectorPage,
    LinkConnectorsPage,
    TokenPage,
    DossierPage,
    VerifyPage,
    DonePage,
)


def all_pages(machine: WizardMachine) -> list[StepPage]:
    return [cls(machine) for cls in PAGE_CLASSES]


__all__ = ["PAGE_CLASSES", "PAGE_ID", "STEP_OF", "StepPage", "all_pages"]
