"""A failing check and the dialogs with the keyboard alone: against the simulated AFAS with 24 connectors not
linked, the check is reached with Alt+G, its fix button by Tab and Shift+Tab in reading order and pressed with
Enter; the link step opens on the first missing item and says so to a screen reader; "Check again" (Space) goes
back and, once linked, the check passes and Next reaches Done. Then the leave question on Esc and the helpdesk
dialog, answered with Esc, Enter and mnemonics."""

from __future__ import annotations

from collections.abc import Iterator
from itertools import pairwise
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent, QGuiApplication
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractButton, QApplication, QCheckBox, QLineEdit, QMessageBox, QWidget

from tests.gui.conftest import WindowFactory
from tests.gui.test_accessibility import _mnemonic
from tests.gui.test_keyboard import Keyboard, _focused, _name
from wizard.domain.environment import parse_environment
from wizard.domain.steps import StepId
from wizard.domain.text import Lang
from wizard.flow.state import Mode, TokenStorage, WizardState
from wizard.sim import SimulatorServer
from wizard.ui.frame import Button, WizardWindow
from wizard.ui.later import later
from wizard.ui.pages.link_connectors import LinkConnectorsPage
from wizard.ui.pages.verify import VerifyPage

pytestmark = [pytest.mark.gui, pytest.mark.loopback]


@pytest.fixture
def said(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """What the wizard announces to a screen reader (QAccessibleAnnouncementEvent), in order."""
    heard: list[str] = []
    real = QAccessible.updateAccessibility

    def record(event: Any) -> None:
        if isinstance(event, QAccessibleAnnouncementEvent):
            heard.append(event.message())
        real(event)

    monkeypatch.setattr(QAccessible, "updateAccessibility", record)
    return heard


@pytest.fixture
def missing_connectors() -> Iterator[SimulatorServer]:
    with SimulatorServer(scenario="missing-connectors") as server:
        yield server


def _tab_cycle(start: QWidget, key: Qt.Key) -> list[QWidget]:
    """The widgets Tab (or Shift+Tab) visits from `start` until it is back there."""
    seen = [start]
    for _ in range(400):
        QTest.keyClick(_focused(), key)
        if _focused() is start:
            return seen
        seen.append(_focused())
    raise AssertionError("the focus never comes back round")


def _in_reading_order(widgets: list[QWidget], window: QWidget) -> list[str]:
    """Where Tab goes up the page or leftwards on one line, as '<before> -> <after>'."""
    wrong = []
    placed = [(w, w.mapTo(window, w.rect().topLeft())) for w in widgets]
    for (a, pa), (b, pb) in pairwise(placed):
        if pb.y() < pa.y() - 2 or (abs(pb.y() - pa.y()) <= 2 and pb.x() < pa.x()):
            wrong.append(f"{_name(a)!r} {pa.toTuple()} -> {_name(b)!r} {pb.toTuple()}")
    return wrong


def test_a_failing_check_is_fixed_and_checked_again_with_the_keyboard_alone(
    make_window: WindowFactory, missing_connectors: SimulatorServer, qtbot: Any, said: list[str]
) -> None:
    server = missing_connectors
    # The user believes every step is done; AFAS lacks the links (the scenario's defect).
    state = WizardState(demo=True, organisation="Bakkerij", environment=server.environment, mode=Mode.SETUP)
    window = make_window(state=state, sim=server.admin(), demo_environment=server.environment)
    m = window.machine
    m.state.exported, m.state.export_folder = True, "/x"
    for step in m.order:
        if m.items(step):
            m.tick_all(step)
    assert server.token is not None
    m.state.credential = server.token
    m.state.token_storage = TokenStorage(persistent=False, location_en="this session", location_nl="deze sessie")
    window.controller.changed.emit()
    window.go_to(StepId.DOSSIER)
    assert window.button(Button.CHECK).isVisible()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.button(Button.NEXT).setFocus()
    keys = Keyboard(window, qtbot)

    QTest.keyClick(_focused(), Qt.Key.Key_G, Qt.KeyboardModifier.AltModifier)  # "Go to the check"
    qtbot.waitUntil(lambda: window.current_step is StepId.VERIFY, timeout=3_000)  # a mnemonic clicks animated
    verify = window.pages[StepId.VERIFY]
    assert isinstance(verify, VerifyPage)
    qtbot.waitUntil(lambda: not verify.running and verify.verdict is not None, timeout=60_000)
    fix = verify.fix_buttons[StepId.LINK_CONNECTORS]
    qtbot.waitUntil(fix.hasFocus, timeout=5_000)  # the focus goes to the first thing to fix
    assert said and "not complete" in said[-1].lower()  # the outcome is said, not only shown

    # Tab goes round the page in reading order; Shift+Tab the same way back; every stop has a name.
    forward = _tab_cycle(fix, Qt.Key.Key_Tab)
    backward = _tab_cycle(fix, Qt.Key.Key_Backtab)
    assert backward == [fix, *reversed(forward[1:])]
    on_page = [w for w in forward if verify.isAncestorOf(w)]
    top = on_page.index(min(on_page, key=lambda w: w.mapTo(window, w.rect().topLeft()).y()))
    assert _in_reading_order(on_page[top:] + on_page[:top], window) == []
    assert [f"{type(w).__name__}" for w in forward if not _name(w) and not isinstance(w, QLineEdit)] == []
    assert window.button(Button.NEXT) in forward and window.button(Button.HELPDESK) in forward
    # Round the window: the steps, then the page, then the button row (a page built late once came after the row).
    row = set(window.buttons.values())
    parts = [1 if verify.isAncestorOf(w) else 2 if w in row else 0 for w in forward]
    first_step = parts.index(0)
    parts = parts[first_step:] + parts[:first_step]
    assert parts == sorted(parts), [_name(w) for w in forward[first_step:] + forward[:first_step]]

    # Enter presses the first fix (the default button while the check fails), not Next.
    QTest.keyClick(_focused(), Qt.Key.Key_Return)
    assert window.current_step is StepId.LINK_CONNECTORS
    link = window.pages[StepId.LINK_CONNECTORS]
    assert isinstance(link, LinkConnectorsPage)
    qtbot.waitUntil(lambda: isinstance(QApplication.focusWidget(), QCheckBox), timeout=5_000)
    first = _focused()
    assert isinstance(first, QCheckBox) and not first.isChecked() and "missing according to the check" in first.text()
    assert said[-1] == link.fix.banner.label.text()  # the banner is said where the focus lands

    # Shift+Tab up to the banner's "Check again" (above the list), Tab down to the simulated AFAS's button.
    for _ in range(200):
        if _focused() is link.fix.banner.again:
            break
        QTest.keyClick(_focused(), Qt.Key.Key_Backtab)
    assert _focused() is link.fix.banner.again
    assert link.simulate_button is not None
    keys.press(link.simulate_button)  # the links made in the simulated AFAS
    qtbot.waitUntil(lambda: window.machine.is_complete(StepId.LINK_CONNECTORS), timeout=30_000)
    for _ in range(200):
        if _focused() is link.fix.banner.again:
            break
        QTest.keyClick(_focused(), Qt.Key.Key_Backtab)
    QTest.keyClick(_focused(), Qt.Key.Key_Space)
    assert window.current_step.value == StepId.VERIFY.value
    # It runs again (it once showed the old results after a detour) and passes; the outcome is said.
    qtbot.waitUntil(lambda: window.machine.is_complete(StepId.VERIFY), timeout=60_000)
    assert said[-1].startswith("All in order"), said[-1]
    keys.next()
    assert window.current_step.value == StepId.DONE.value
    assert keys.unnamed == set()


def _answer_the_question(keys: list[tuple[Qt.Key, Qt.KeyboardModifier]], seen: list[str]) -> None:
    """Once the question box is up (in its own event loop) and has the focus, note where the focus is and the names
    of its buttons, then press `keys` (a box that never gets the focus is closed, so the test fails, not hangs)."""
    tries = [0]
    app = QApplication.instance()
    assert app is not None

    def answer() -> None:
        box = QApplication.activeModalWidget()
        tries[0] += 1
        if not isinstance(box, QMessageBox) or QApplication.activeWindow() is not box:
            if isinstance(box, QMessageBox) and tries[0] > 100:
                box.reject()
            elif isinstance(box, QMessageBox):
                box.activateWindow()
            later(app, 20, answer)
            return
        focus = QApplication.focusWidget()
        seen.append(f"focus: {focus.text()}" if isinstance(focus, QAbstractButton) else f"focus: {focus!r}")
        seen.extend(f"button: {_name(b)}" for b in box.buttons())
        for key, modifier in keys:
            QTest.keyClick(QApplication.focusWidget() or box, key, modifier)

    later(app, 0, answer)


@pytest.mark.parametrize("lang", list(Lang))
def test_the_leave_question_is_answered_with_esc_enter_and_its_mnemonic(
    make_window: WindowFactory, qtbot: Any, lang: Lang
) -> None:
    state = WizardState(lang=lang, organisation="Bakkerij", environment=parse_environment("O12345AA"))
    window = make_window(state=state, lang=lang)
    window.ask_to_leave = window._ask_box  # the real question box, not the fixture's answer
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.next()
    stay, stop = ("&Continue", "&Stop for now") if lang is Lang.EN else ("&Doorgaan", "Nu &stoppen")
    none = Qt.KeyboardModifier.NoModifier

    # Esc asks; the focus is on staying, so Esc and Enter both keep the window and its work.
    for key in (Qt.Key.Key_Escape, Qt.Key.Key_Return):
        seen: list[str] = []
        _answer_the_question([(key, none)], seen)
        QTest.keyClick(_focused(), Qt.Key.Key_Escape)
        window.activateWindow()  # as the window manager does when the box closes
        qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)
        assert seen[0] == f"focus: {stay}", seen
        assert all(line.removeprefix("button: ").strip() for line in seen[1:]) and len(seen) == 3, seen
        assert window.isVisible()
    # The mnemonic of "Stop for now" leaves.
    seen = []
    _answer_the_question([(Qt.Key(ord(stop[stop.index("&") + 1].upper())), Qt.KeyboardModifier.AltModifier)], seen)
    QTest.keyClick(_focused(), Qt.Key.Key_Escape)
    assert seen, "no question was asked"
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=3_000)


def test_the_helpdesk_dialog_works_with_the_keyboard_alone(
    make_window: WindowFactory, qtbot: Any, said: list[str]
) -> None:
    window: WizardWindow = make_window(demo=True)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.button(Button.NEXT).setFocus()
    QTest.keyClick(_focused(), Qt.Key.Key_I, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: getattr(window, "_helpdesk", None) is not None and window._helpdesk.isVisible())
    dialog = window._helpdesk
    qtbot.waitUntil(lambda: _focused().window() is dialog)
    stops = _tab_cycle(_focused(), Qt.Key.Key_Tab)
    assert {dialog.copy_button, dialog.export_button, dialog.facts} <= set(stops)
    assert [type(w).__name__ for w in stops if not _name(w)] == []
    keys = [_mnemonic(b.text()) for b in dialog.findChildren(QAbstractButton)]
    assert "p" in keys and len([k for k in keys if k]) == len({k for k in keys if k})  # one key, one button
    # Alt+P copies the facts and says so; Enter closes, the focus back on the button that opened it.
    QGuiApplication.clipboard().clear()
    QTest.keyClick(_focused(), Qt.Key.Key_P, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: QGuiApplication.clipboard().text() == dialog.facts.toPlainText(), timeout=3_000)
    assert said and said[-1] == dialog.copied.text()
    dialog.copy_button.setFocus()  # Enter on a focused button presses that button: from the text, it closes
    dialog.facts.setFocus()
    QTest.keyClick(_focused(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=3_000)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.button(Button.HELPDESK), timeout=3_000)
