"""The window shows the flow machine's current step and asks it for every move (wizard.ui.frame)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from tests.gui.conftest import WindowFactory
from wizard.domain.environment import parse_environment
from wizard.domain.steps import StepId
from wizard.ui.frame import Button, WizardWindow


def _shows(window: WizardWindow, step: StepId) -> bool:
    page = window.pages[step]
    return (
        window.machine.current is step
        and window.stack.currentWidget() is page
        and window.title.text() == page.title()
        and window.step_list.labels[step].font().bold()
    )


def test_the_window_shows_where_the_machine_is_after_every_kind_of_move(make_window: WindowFactory, qtbot: Any) -> None:
    window = make_window()
    machine = window.machine
    assert _shows(window, StepId.WELCOME) and not window.button(Button.BACK).isVisible()
    qtbot.mouseClick(window.button(Button.NEXT), Qt.MouseButton.LeftButton)
    assert _shows(window, StepId.ENVIRONMENT)
    machine.state.organisation, machine.state.environment = "Bakkerij", parse_environment("O12345AA")
    window.controller.changed.emit()
    qtbot.mouseClick(window.button(Button.CHECK), Qt.MouseButton.LeftButton)  # a jump forward
    assert _shows(window, StepId.VERIFY) and machine.history == (StepId.WELCOME, StepId.ENVIRONMENT)
    qtbot.mouseClick(window.button(Button.BACK), Qt.MouseButton.LeftButton)  # Back undoes the jump
    assert _shows(window, StepId.ENVIRONMENT)
    qtbot.mouseClick(window.step_list.labels[StepId.WELCOME], Qt.MouseButton.LeftButton)  # the step list
    assert _shows(window, StepId.WELCOME) and not machine.can_go_back()
    window.controller.navigate.emit(StepId.TOKEN)  # a fix button's jump, through the controller
    assert _shows(window, StepId.TOKEN) and list(machine.history) == [StepId.WELCOME]


def test_enter_is_next_and_finish_on_the_last_page_and_esc_closes(make_window: WindowFactory, qtbot: Any) -> None:
    window = make_window()
    qtbot.keyClick(window, Qt.Key.Key_Return)
    assert window.machine.current is StepId.ENVIRONMENT  # Next is the default button
    window.go_to(StepId.DONE)
    assert window.button(Button.FINISH).isVisible() and window.button(Button.FINISH).isDefault()
    assert not window.button(Button.NEXT).isVisible() and not window.button(Button.CANCEL).isVisible()
    qtbot.keyClick(window, Qt.Key.Key_Escape)
    assert not window.isVisible()
