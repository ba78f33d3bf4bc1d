"""Screen readers, keyboards and remote sessions: every input named, reachable by Tab, status not by colour alone."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QLabel,
    QLineEdit,
    QWidget,
)

from tests.gui.conftest import WindowFactory
from wizard.domain.steps import StepId
from wizard.domain.text import Lang
from wizard.ui.pages.welcome import WelcomePage
from wizard.ui.widgets import Level, MessageLine

pytestmark = pytest.mark.gui

INPUTS = (QLineEdit, QComboBox, QAbstractButton)


def _name(widget: QWidget) -> str:
    iface = QAccessible.queryAccessibleInterface(widget)
    assert iface is not None
    return iface.text(QAccessible.Text.Name).strip()


def _inputs(root: QWidget) -> list[QWidget]:
    return [w for w in root.findChildren(QWidget) if isinstance(w, INPUTS)]


@pytest.mark.parametrize("lang", [Lang.EN, Lang.NL])
def test_every_input_on_every_page_has_an_accessible_name(make_window: WindowFactory, lang: Lang) -> None:
    window = make_window(demo=True, lang=lang)
    unnamed = []
    for step, page in window.pages.items():
        for widget in _inputs(page):
            if not _name(widget):
                unnamed.append(f"{step.value}: {type(widget).__name__} {widget.objectName()!r}")
    assert unnamed == []
    assert all(_name(b) for b in _inputs(window) if b.isVisible())  # Back/Next/Cancel too


def test_accessibility_walk_fails_on_an_unnamed_input(make_window: WindowFactory) -> None:
    """The walk above has teeth: an input without label or name is reported."""
    window = make_window()
    page = window.pages[StepId.ENVIRONMENT]
    stray = QLineEdit(page.body)
    assert _name(stray) == ""
    assert stray in _inputs(page)


def test_every_input_is_reachable_by_keyboard(make_window: WindowFactory) -> None:
    window = make_window(demo=True)
    unreachable = [
        f"{step.value}: {type(w).__name__} {_name(w)!r}"
        for step, page in window.pages.items()
        for w in _inputs(page)
        if not (w.focusPolicy() & Qt.FocusPolicy.TabFocus)
    ]
    assert unreachable == []


@pytest.mark.parametrize("lang", [Lang.EN, Lang.NL])
def test_no_two_controls_on_a_page_share_a_keyboard_shortcut(make_window: WindowFactory, lang: Lang) -> None:
    window = make_window(demo=True, lang=lang)
    # The wizard's own Back / Next / Finish mnemonics: < &Back, &Next >, &Finish; < &Terug, &Volgende >, &Voltooien.
    reserved = {"b", "n", "f"} if lang is Lang.EN else {"t", "v"}
    clashes = []
    for step, page in window.pages.items():
        seen: dict[str, str] = {}
        texts = [w.text() for w in page.findChildren(QAbstractButton)]
        # Field labels carry the mnemonics (QLabel.buddy() on a buddy-less label trips a PySide refcount bug).
        texts += [w.text() for w in page.findChildren(QLabel) if "&" in w.text() and "<" not in w.text()]
        for text in texts:
            match = re.search(r"&(\w)", text)
            if not match:
                continue
            key = match.group(1).lower()
            if key in seen or key in reserved:
                clashes.append(f"{step.value}: {text!r} vs {seen.get(key, 'wizard button')!r}")
            seen[key] = text
    assert clashes == [], "\n".join(clashes)


def test_status_is_never_colour_alone(qtbot) -> None:
    line = MessageLine()
    qtbot.addWidget(line)
    for level, symbol in ((Level.OK, "✔"), (Level.WARN, "⚠"), (Level.ERROR, "✖")):
        line.show_message(level, "text")
        assert line.text().startswith(symbol)
    line.show_message(Level.ERROR, "x")
    assert "Problem" in line.text()


def test_text_follows_the_system_font(make_window: WindowFactory, qapp) -> None:
    font = qapp.font()
    bigger = type(font)(font)
    bigger.setPointSizeF(font.pointSizeF() * 1.5)
    qapp.setFont(bigger)
    try:
        window = make_window()
        page = window.pages[StepId.WELCOME]
        assert isinstance(page, WelcomePage)
        assert page.intro.font().pointSizeF() == pytest.approx(bigger.pointSizeF())
        headings = page.needs_title
        assert headings.font().pointSizeF() == pytest.approx(bigger.pointSizeF())  # bold, never a fixed size
    finally:
        qapp.setFont(font)


def _mnemonic(text: str) -> str | None:
    match = re.search(r"&([^&\s])", text.replace("&&", ""))
    return match.group(1).lower() if match else None


def _window_buttons_on(window, step: StepId) -> list[QAbstractButton]:
    """The button row as it shows on `step`: Back, Next or Finish, Cancel, the helpdesk and the check button."""
    from wizard.ui.frame import Button

    order = window.machine.order
    which = [Button.HELPDESK]
    if step is not order[0]:
        which.append(Button.BACK)
    if step is order[-1]:
        which.append(Button.FINISH)
    else:
        which += [Button.NEXT, Button.CANCEL]
    # A page off the current path (the move to OAuth in setup mode) shows the middle row.
    if step in order and order.index(step) < order.index(StepId.VERIFY) and step is not order[0]:
        which.append(Button.CHECK)
    return [window.button(b) for b in which]


@pytest.mark.parametrize("lang", [Lang.EN, Lang.NL])
def test_no_mnemonic_is_used_twice_on_any_page_with_the_button_row(make_window: WindowFactory, lang: Lang) -> None:
    """Every page in either language, with the buttons of the row that shows on it (Terug / Voltooien on Done)."""
    window = make_window(demo=True, lang=lang)
    clashes = []
    for step, page in window.pages.items():
        texts = [b.text() for b in _window_buttons_on(window, step)]
        texts += [b.text() for b in page.findChildren(QAbstractButton) if not b.isHidden()]
        texts += [w.text() for w in page.findChildren(QLabel) if "&" in w.text() and "<" not in w.text()]
        seen: dict[str, str] = {}
        for text in texts:
            key = _mnemonic(text)
            if key is None:
                continue
            if key in seen:
                clashes.append(f"{lang.value} {step.value}: {text!r} and {seen[key]!r} share Alt+{key.upper()}")
            seen[key] = text
    assert clashes == [], "\n".join(clashes)


def test_the_dutch_done_page_has_distinct_keys_for_terug_and_voltooien(make_window: WindowFactory) -> None:
    from wizard.ui.frame import Button

    window = make_window(lang=Lang.NL)
    back = _mnemonic(window.button(Button.BACK).text())
    finish = _mnemonic(window.button(Button.FINISH).text())
    assert back == "t" and finish == "v"


def test_the_mnemonic_walk_sees_a_clash(make_window: WindowFactory) -> None:
    """The walk above has teeth: two buttons with the same key on one page are found."""
    from PySide6.QtWidgets import QPushButton

    window = make_window()
    page = window.pages[StepId.WELCOME]
    first, second = QPushButton("&Open", page.body), QPushButton("&Other", page.body)
    keys = [_mnemonic(b.text()) for b in page.findChildren(QAbstractButton) if b in (first, second)]
    assert keys == ["o", "o"]
