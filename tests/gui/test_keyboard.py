"""The whole demo with the keyboard alone: Tab in reading order to each control, Space to press it, typing into
fields, Alt+N for Next; the simulated-AFAS buttons too. Every control reached has an accessible name."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractButton, QApplication, QLineEdit, QWidget

from tests.gui.conftest import WindowFactory
from wizard.domain.steps import StepId
from wizard.ui.frame import Button, WizardWindow

pytestmark = [pytest.mark.gui, pytest.mark.loopback]

MAX_TABS = 250


def _focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None, "nothing has the keyboard focus"
    return widget


def _focused_or_none() -> QWidget | None:
    return QApplication.focusWidget()


def _name(widget: QWidget) -> str:
    interface = QAccessible.queryAccessibleInterface(widget)
    return interface.text(QAccessible.Text.Name) if interface is not None else ""


class Keyboard:
    def __init__(self, window: WizardWindow, qtbot: Any) -> None:
        self.window = window
        self.qtbot = qtbot
        self.unnamed: set[str] = set()

    def tab_to(self, target: QWidget) -> None:
        """Tab forward until `target` has the focus, noting every control passed that has no accessible name."""
        for _ in range(MAX_TABS):
            widget = _focused()
            if widget is target:
                return
            if not _name(widget).strip() and not isinstance(widget, QLineEdit):
                self.unnamed.add(f"{self.window.current_step.value}: {type(widget).__name__}")
            QTest.keyClick(widget, Qt.Key.Key_Tab)
        raise AssertionError(f"Tab never reaches {target!r} ({getattr(target, 'text', lambda: '')()!r})")

    def press(self, button: QAbstractButton) -> None:
        self.tab_to(button)
        QTest.keyClick(button, Qt.Key.Key_Space)

    def type_into(self, field: QLineEdit, text: str) -> None:
        self.tab_to(field)
        QTest.keyClicks(field, text)

    def next(self) -> None:
        step = self.window.current_step
        self.qtbot.waitUntil(self.window.button(Button.NEXT).isEnabled, timeout=30_000)
        QTest.keyClick(_focused(), Qt.Key.Key_N, Qt.KeyboardModifier.AltModifier)
        self.qtbot.waitUntil(lambda: self.window.current_step is not step, timeout=5_000)

    def idle(self) -> None:
        self.qtbot.waitUntil(lambda: not self.window.controller.worker.busy, timeout=30_000)


def test_the_demo_walks_to_done_with_the_keyboard_alone(
    make_window: WindowFactory, sim_server: Any, qtbot: Any, tmp_path: Any
) -> None:
    window = make_window(demo=True, sim=sim_server.admin(), demo_environment=sim_server.environment)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    keys = Keyboard(window, qtbot)
    pages: Any = window.pages
    if QApplication.focusWidget() is None:
        window.button(Button.NEXT).setFocus()

    keys.press(pages[StepId.WELCOME].setup_radio)
    keys.next()

    env = pages[StepId.ENVIRONMENT]
    assert _focused() is env.org_edit  # the page starts where the user types
    QTest.keyClicks(env.org_edit, "Bakkerij")
    keys.type_into(env.env_edit, sim_server.environment.env_id)
    keys.next()

    files = pages[StepId.CONNECTOR_FILES]
    files.folder_edit.selectAll()
    keys.type_into(files.folder_edit, str(tmp_path / "files"))
    keys.press(files.export_button)
    keys.idle()
    keys.next()

    def here() -> StepId:  # a call, so a type checker does not carry one assertion's narrowing to the next
        return window.current_step

    for step in (StepId.IMPORT, StepId.APP_CONNECTOR):
        assert window.current_step is step
        page = pages[step]
        if step is StepId.APP_CONNECTOR:
            keys.press(page.oauth_radio)
        keys.press(page.simulate_button)
        keys.idle()
        keys.next()

    # The login details come before linking: with them stored, the link step reads what AFAS has linked.
    assert here() is StepId.TOKEN
    token = pages[StepId.TOKEN]
    keys.press(token.simulate_button)
    keys.idle()
    keys.press(token.store_button)
    keys.idle()
    qtbot.waitUntil(lambda: window.machine.is_complete(StepId.TOKEN), timeout=30_000)
    keys.next()

    assert here() is StepId.LINK_CONNECTORS
    keys.press(pages[StepId.LINK_CONNECTORS].simulate_button)
    keys.idle()
    qtbot.waitUntil(lambda: window.machine.is_complete(StepId.LINK_CONNECTORS), timeout=30_000)
    keys.next()

    dossier = pages[StepId.DOSSIER]
    keys.press(dossier.simulate_button)
    keys.idle()
    keys.next()

    assert here() is StepId.VERIFY
    qtbot.waitUntil(lambda: window.machine.is_complete(StepId.VERIFY), timeout=60_000)
    # The helpdesk dialog by its mnemonic, and away again with Esc, the focus back in the window.
    QTest.keyClick(_focused(), Qt.Key.Key_I, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: getattr(window, "_helpdesk", None) is not None and window._helpdesk.isVisible())
    dialog = window._helpdesk
    qtbot.waitUntil(lambda: _focused_or_none() is not None and _focused().window() is dialog)
    QTest.keyClick(_focused(), Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.button(Button.HELPDESK), timeout=3_000)
    keys.next()
    assert window.current_step.value == StepId.DONE.value
    assert keys.unnamed == set()


def test_shift_tab_goes_back_in_reading_order(make_window: WindowFactory, qtbot: Any) -> None:
    window = make_window()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    page: Any = window.pages[StepId.WELCOME]
    page.setup_radio.setFocus()
    QTest.keyClick(page.setup_radio, Qt.Key.Key_Tab)
    after = _focused()
    assert after is not page.setup_radio
    QTest.keyClick(after, Qt.Key.Key_Backtab)
    assert _focused() is page.setup_radio


def test_a_result_line_is_announced_to_screen_readers(
    make_window: WindowFactory, qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """ "7 files saved" or a validation error is said to a screen reader where it appears, focus staying put."""
    from PySide6.QtGui import QAccessibleAnnouncementEvent

    said: list[str] = []
    real = QAccessible.updateAccessibility

    def record(event: Any) -> None:
        if isinstance(event, QAccessibleAnnouncementEvent):
            said.append(event.message())
        real(event)

    monkeypatch.setattr(QAccessible, "updateAccessibility", record)
    window = make_window()
    window.next()
    page: Any = window.pages[StepId.ENVIRONMENT]
    qtbot.keyClicks(page.env_edit, "O1234AA")
    assert said and said[-1] == page.result.text() and page.result.text().startswith("✖"), said
