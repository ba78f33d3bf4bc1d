"""Each page as a user meets it: what it shows, what it accepts, when Next becomes possible."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QApplication

from tests.conftest import FAKE_DATA, FAKE_XML
from tests.gui.conftest import WindowFactory
from wizard.domain.environment import parse_environment
from wizard.domain.steps import StepId
from wizard.domain.text import Lang
from wizard.flow.machine import gcn_item
from wizard.flow.state import Mode, WizardState
from wizard.ui.frame import Button, WizardWindow
from wizard.ui.pages.connector_files import ConnectorFilesPage
from wizard.ui.pages.environment import EnvironmentPage
from wizard.ui.pages.import_files import ImportPage
from wizard.ui.pages.token import TokenPage
from wizard.ui.pages.welcome import WelcomePage

pytestmark = pytest.mark.gui


def _next_button(window: WizardWindow) -> str:
    return window.button(Button.NEXT).text()


def _deliver_language_change(window: WizardWindow) -> None:
    # Qt posts LanguageChange; deliver it to every widget now, as the event loop would a moment later.
    QApplication.sendPostedEvents(None, QEvent.Type.LanguageChange)


def test_language_switch_makes_everything_dutch_including_qt_buttons(make_window: WindowFactory) -> None:
    window = make_window()
    page = window.pages[StepId.WELCOME]
    assert isinstance(page, WelcomePage)
    assert _next_button(window).replace("&", "") == "Next >"
    page.lang_combo.setCurrentIndex(page.lang_combo.findData("nl"))
    _deliver_language_change(window)
    assert window.machine.state.lang is Lang.NL
    assert _next_button(window).replace("&", "") == "Volgende >"  # from Qt's own qtbase_nl
    assert window.button(Button.CANCEL).text().replace("&", "") == "Annuleren"
    assert page.title() == "AFAS Profit koppelen aan SmartBooqing"
    assert window.step_list.labels[StepId.TOKEN].text().endswith("Inloggegevens")


def test_dutch_start_has_no_english_left_on_the_pages(make_window: WindowFactory) -> None:
    window = make_window(lang=Lang.NL, demo=True)
    english = ("Copy", "Next", "the ", " and ", "Step", "Folder", "Done")
    for step, page in window.pages.items():
        texts = [page.title(), page.subTitle()]
        from PySide6.QtWidgets import QAbstractButton, QLabel

        texts += [w.text() for w in page.findChildren(QLabel) if w.isVisibleTo(page)]
        texts += [w.text() for w in page.findChildren(QAbstractButton)]
        # Connector ids, file names and descriptions from AFAS are Dutch or proper names; English words are not.
        leaks = [t for t in texts if any(word in t for word in english) and "SBQ_" not in t and "Fi" not in t]
        assert leaks == [], f"{step}: {leaks}"


def test_check_existing_path_skips_setup_steps(make_window: WindowFactory) -> None:
    window = make_window()
    page = window.pages[StepId.WELCOME]
    assert isinstance(page, WelcomePage)
    page.check_radio.setChecked(True)
    assert window.machine.state.mode is Mode.CHECK_EXISTING
    window.next()
    assert window.current_step is StepId.ENVIRONMENT
    env = window.pages[StepId.ENVIRONMENT]
    assert isinstance(env, EnvironmentPage)
    env.org_edit.setText("Bakkerij")
    env.org_edit.textEdited.emit("Bakkerij")
    env.env_edit.setText("O12345AA")
    env.env_edit.textEdited.emit("O12345AA")
    window.next()
    assert window.machine.current is StepId.TOKEN
    assert not window.step_list.labels[StepId.IMPORT].isVisibleTo(window)


def test_environment_page_validates_on_the_spot(make_window: WindowFactory, qtbot) -> None:
    window = make_window()
    window.next()
    page = window.pages[StepId.ENVIRONMENT]
    assert isinstance(page, EnvironmentPage)
    assert not page.isComplete()
    qtbot.keyClicks(page.org_edit, "Bakkerij De Vries")
    qtbot.keyClicks(page.env_edit, "O1234AA")
    assert "4 digits" in page.result.text() and "✖" in page.result.text()
    assert not page.isComplete()
    page.env_edit.clear()
    qtbot.keyClicks(page.env_edit, "t12345ab")
    assert "https://12345.resttest.afas.online/ProfitRestServices" in page.result.text()
    assert page.isComplete()
    page.advanced.setChecked(True)
    qtbot.keyClicks(page.url_edit, "http://profit.example.nl")
    assert "https" in page.result.text() and not page.isComplete()  # plain http only on loopback


def test_connector_files_are_saved_with_paths_and_stand_in_warning(
    make_window: WindowFactory, qtbot, tmp_path: Path
) -> None:
    state = WizardState(organisation="X", environment=parse_environment("O12345AA"))
    window = make_window(state=state)
    window.next()
    window.next()
    page = window.pages[StepId.CONNECTOR_FILES]
    assert isinstance(page, ConnectorFilesPage)
    assert page.stand_in_banner.isVisibleTo(page)  # the shipped bundle holds development stand-ins
    assert "stand-ins" in page.stand_in_banner.label.text()
    target = tmp_path / "export here"
    page.folder_edit.setText(str(target))
    page.folder_edit.textEdited.emit(str(target))
    assert not page.isComplete()
    page.export_button.click()
    qtbot.waitUntil(lambda: window.machine.state.exported, timeout=10_000)
    files = sorted(p.name for p in target.glob("*.gcn"))
    assert len(files) == 7 and "SBQ_BTW.gcn" in files
    assert page.isComplete()
    shown = [row.value for row in page._rows]
    assert str(target / "SBQ_BTW.gcn") in shown  # on Windows this is \\Client\C$\...; here the local path


def test_export_to_an_unwritable_folder_says_so(make_window: WindowFactory, qtbot, tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    state = WizardState(organisation="X", environment=parse_environment("O12345AA"))
    window = make_window(state=state)
    page = window.pages[StepId.CONNECTOR_FILES]
    assert isinstance(page, ConnectorFilesPage)
    window.next()
    window.next()
    page.folder_edit.setText(str(blocker / "sub"))
    page.export_button.click()
    qtbot.waitUntil(lambda: page.message.level is not None and not page.busy, timeout=10_000)
    assert page.message.text().startswith("✖")
    assert not window.machine.state.exported and not page.isComplete()


def test_import_checklist_gates_next(make_window: WindowFactory) -> None:
    state = WizardState(organisation="X", environment=parse_environment("O12345AA"), exported=True, export_folder="/x")
    window = make_window(state=state)
    for _ in range(3):
        window.next()
    page = window.pages[StepId.IMPORT]
    assert isinstance(page, ImportPage)
    assert window.current_step is StepId.IMPORT
    assert "Getconnector beheren uitgebreid" in page.steps.text() and "Importeren" in page.steps.text()
    boxes = list(page.checklist.boxes.values())
    assert len(boxes) == 7
    for box in boxes[:-1]:
        box.click()
    assert not page.isComplete()
    boxes[-1].click()
    assert page.isComplete()
    assert gcn_item("SBQ_BTW.gcn") in window.machine.state.ticked(StepId.IMPORT)


@pytest.mark.parametrize(
    ("pasted", "expected"),
    [
        (FAKE_DATA[:63], "63 characters"),
        (FAKE_DATA + FAKE_DATA, "two tokens"),
        (FAKE_XML.replace("</token>", ""), "incomplete"),
        (f"Token: {FAKE_XML}", "extra text"),
        (FAKE_DATA[:-1] + "G", "'G'"),
    ],
)
def test_token_mistakes_get_specific_messages(make_window: WindowFactory, qtbot, pasted: str, expected: str) -> None:
    state = WizardState(organisation="X", environment=parse_environment("O12345AA"), mode=Mode.CHECK_EXISTING)
    window = make_window(state=state)
    window.next()
    window.next()
    page = window.pages[StepId.TOKEN]
    assert isinstance(page, TokenPage)
    page.token_edit.setText(pasted)
    assert expected in page.validation.text()
    assert page.validation.text().startswith("✖")
    assert not page.store_button.isEnabled()
    page.token_edit.setText(FAKE_XML)
    assert page.store_button.isEnabled() and page.validation.text().startswith("ℹ")  # a form, not proof


def test_token_field_is_masked_with_a_show_toggle(make_window: WindowFactory) -> None:
    window = make_window()
    page = window.pages[StepId.TOKEN]
    assert isinstance(page, TokenPage)
    assert page.token_edit.echoMode() is page.token_edit.EchoMode.Password
    page.show_toggle.click()
    assert page.token_edit.echoMode() is page.token_edit.EchoMode.Normal
    page.show_toggle.click()
    assert page.token_edit.echoMode() is page.token_edit.EchoMode.Password


def test_the_import_needs_one_tick_for_the_folder(make_window: WindowFactory) -> None:
    window = make_window()
    page = window.pages[StepId.IMPORT]
    assert isinstance(page, ImportPage)
    machine = window.machine
    page.refresh()
    assert not machine.is_complete(StepId.IMPORT)
    page.folder_tick.boxes["folder"].click()
    assert machine.is_complete(StepId.IMPORT)  # one box for all seven files
    page.refresh()
    assert all(box.isChecked() for box in page.checklist.boxes.values())
    first = machine.items(StepId.IMPORT)[0]
    page.checklist.boxes[first].click()  # one file turns out not imported
    page.refresh()
    assert not machine.is_complete(StepId.IMPORT) and not page.folder_tick.boxes["folder"].isChecked()


def test_a_folder_with_an_ampersand_or_angle_brackets_is_shown_as_typed(qapp: QApplication) -> None:
    """A folder named after the company ('Jansen & Zn <oud>'): its line shows the path as typed, not as markup."""
    from PySide6.QtGui import QTextDocument

    from wizard.ui.widgets import CopyRow

    path = "/home/jan/Jansen & Zn <oud>/SBQ_BTW.gcn"
    row = CopyRow(path, "Btw-codes (SBQ_BTW)")
    shown = QTextDocument()
    shown.setHtml(row.label.text())
    assert shown.toPlainText() == f"{path} — Btw-codes (SBQ_BTW)"
