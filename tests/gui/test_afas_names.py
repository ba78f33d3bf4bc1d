"""The pages name AFAS's screens as AFAS spells them (connectors/afas.toml), in Dutch and in English."""

from __future__ import annotations

import pytest

from tests.gui.conftest import WindowFactory
from wizard.domain.steps import StepId
from wizard.domain.text import Lang
from wizard.ui.pages.import_files import ImportPage
from wizard.ui.pages.link_connectors import LinkConnectorsPage

pytestmark = pytest.mark.gui

GETCONNECTOR = "Algemeen › Uitvoer › Beheer › GetConnector › Getconnector beheren uitgebreid"


@pytest.mark.parametrize("lang", [Lang.NL, Lang.EN])
def test_import_step_leads_to_the_getconnector_list_through_uitvoer(make_window: WindowFactory, lang: Lang) -> None:
    window = make_window(lang=lang)
    page = window.pages[StepId.IMPORT]
    assert isinstance(page, ImportPage)
    page.retranslate()
    text = page.steps.text()
    assert GETCONNECTOR in text  # AFAS's Dutch labels in both languages: the screens are Dutch
    assert "Algemeen › Beheer › GetConnector" not in text  # the old, wrong path
    assert "Meer acties › Importeren" in text and "{" not in text


def test_link_step_names_the_app_connector_tabs(make_window: WindowFactory) -> None:
    window = make_window(lang=Lang.EN)
    page = window.pages[StepId.LINK_CONNECTORS]
    assert isinstance(page, LinkConnectorsPage)
    page.retranslate()
    titles = [title.text() for _kind, title, _list in page._sections]
    assert [t.split(" (")[0] for t in titles] == ["Tab GetConnectoren", "Tab UpdateConnectoren", "Tab Connectoren"]
    assert "Algemeen › Beheer › App connector" in page.steps.text()
