"""The side panel's step list: where am I, what is done, what is missing; a reached step is a button to it."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, Qt, Signal
from PySide6.QtGui import QFont, QFontMetrics, QPalette
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

from wizard.domain.steps import StepId
from wizard.flow.machine import ALL_STEPS, WizardMachine
from wizard.ui.pages.base import step_name
from wizard.ui.widgets import StateIcon, state_icon


class StepList(QWidget):
    """An icon (shape, not only colour) + word per step. A step already reached is a button that goes back (or
    forward again) to it; `chosen(step)` says which."""

    chosen = Signal(object)

    def __init__(self, machine: WizardMachine, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.machine = machine
        self.reached: set[StepId] = {StepId.WELCOME}
        self.setMinimumWidth(190)
        layout = QVBoxLayout(self)
        layout.setSpacing(0)
        self.title = QLabel()
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        layout.addWidget(self.title)
        # A step not reachable yet keeps the window's text colour (light or dark): not greyed, it is information.
        # Tight rows: under a window manager's title bar at 1280x720/125 % the ten steps, a demo notice and four
        # "needs attention" lines must fit without a scroll bar.
        self.setStyleSheet(
            "QPushButton { text-align: left; padding: 1px 4px; } QPushButton:disabled { color: palette(window-text); }"
        )
        self.labels: dict[StepId, QPushButton] = {}
        for step in ALL_STEPS:
            button = QPushButton()
            button.setFlat(True)
            button.setCursor(Qt.CursorShape.PointingHandCursor)
            button.clicked.connect(lambda _=False, s=step: self.chosen.emit(s))
            self.labels[step] = button
            layout.addWidget(button)
        layout.addStretch(1)

    def needs_attention(self, step: StepId) -> bool:
        """A step the check says to fix; or the check itself when a step to fix is not in this list (the short
        "check an existing connection" path), so a failed check never reads as "to do"."""
        m = self.machine
        if step in m.state.attention:
            return True
        v = m.state.verification
        return (
            step is StepId.VERIFY
            and v is not None
            and v.failed > 0
            and any(fix not in m.order for fix in m.state.attention)
        )

    def state_of(self, step: StepId) -> tuple[StateIcon, str]:
        m = self.machine
        if step is m.current:
            return StateIcon.CURRENT, QCoreApplication.translate("WizardWindow", "current step")
        if self.needs_attention(step):
            return StateIcon.ATTENTION, QCoreApplication.translate("WizardWindow", "needs attention")
        # Reached first: a step not reached yet needs no completeness (nor the manifest it may read).
        if step in self.reached and step is not StepId.DONE and m.is_complete(step):
            return StateIcon.DONE, QCoreApplication.translate("WizardWindow", "done")
        return StateIcon.TODO, QCoreApplication.translate("WizardWindow", "to do")

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:  # light <-> dark: the step texts follow
            self.refresh()

    def refresh(self) -> None:
        m = self.machine
        self.reached.add(m.current)
        self.title.setText(QCoreApplication.translate("WizardWindow", "Steps"))
        order = m.order
        ratio = self.devicePixelRatioF()
        for step, button in self.labels.items():
            # A detour outside the short path (a fix from the check) shows while on it, without a number: the
            # path keeps its own steps and numbers.
            button.setVisible(step in order or step is m.current)
            icon, word = self.state_of(step)
            number = order.index(step) + 1 if step in order else 0
            text = f"{number}. {step_name(step)}" if number else f"↳ {step_name(step)}"
            if self.needs_attention(step):  # also while on it: it needs attention until the check says it is fixed
                word = QCoreApplication.translate("WizardWindow", "needs attention")
                text += "\n" + word  # in words too: the icon's shape is not everyone's first read
            button.setText(text)
            button.setIcon(state_icon(icon, ratio))
            button.setAccessibleName(f"{text.splitlines()[0]}: {word}")
            # Any step already reached can be opened again; the current one is where the user already is.
            can_open = step in self.reached and step is not m.current
            button.setEnabled(can_open)
            button.setToolTip(QCoreApplication.translate("WizardWindow", "Open this step") if can_open else "")
            font = button.font()
            font.setBold(step is m.current)
            button.setFont(font)
            # Not reachable yet is not "unreadable": a disabled step keeps the window's normal text colour.
            palette = self.palette()
            ink = palette.color(QPalette.ColorGroup.Active, QPalette.ColorRole.WindowText)
            for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive, QPalette.ColorGroup.Disabled):
                palette.setColor(group, QPalette.ColorRole.ButtonText, ink)
            button.setPalette(palette)
        # Wide enough for the longest name in bold (the current step), so no name is cut off in either language.
        bold = QFont(self.font())
        bold.setBold(True)
        longest = max(QFontMetrics(bold).horizontalAdvance(b.text().split("\n")[0]) for b in self.labels.values())
        self.setMinimumWidth(longest + 16 + 40)  # icon, padding and margins
