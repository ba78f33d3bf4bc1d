"""Esc, Cancel and the close button (issue 20 item 6): nothing entered closes at once; otherwise the wizard asks,
saying that progress is kept and how to resume."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt

from tests.gui.conftest import WindowFactory
from wizard.domain.environment import parse_environment
from wizard.ui.frame import Button

pytestmark = pytest.mark.gui


def _asking(window: Any, answer: bool) -> list[str]:
    asked: list[str] = []

    def ask(question: str) -> bool:
        asked.append(question)
        return answer

    window.ask_to_leave = ask
    return asked


def test_nothing_entered_closes_at_once(make_window: WindowFactory, qtbot: Any) -> None:
    window = make_window()
    asked = _asking(window, answer=False)
    qtbot.keyClick(window, Qt.Key.Key_Escape)
    assert asked == [] and not window.isVisible()


def test_with_something_entered_it_asks_and_says_progress_is_kept(make_window: WindowFactory, qtbot: Any) -> None:
    window = make_window()
    window.machine.state.environment = parse_environment("O12345AA")
    asked = _asking(window, answer=False)
    qtbot.keyClick(window, Qt.Key.Key_Escape)
    assert window.isVisible()  # "Continue": the wizard stays
    window.button(Button.CANCEL).click()
    assert window.isVisible() and len(asked) == 2
    assert "progress is kept" in asked[0] and "continue where you left off" in asked[0]
    _asking(window, answer=True)
    window.button(Button.CANCEL).click()
    assert not window.isVisible()
