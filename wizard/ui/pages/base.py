"""The page contract: render the machine's state, write user input back, emit intents; never do I/O.

Shared by every page: the scrolling body, the message line, the demo box, the place of the step's AFAS illustration
(a page that shows its AFAS screen sets `self.illustration` in build(); the welcome page, first on screen, loads no
drawing code) and `disabled_reason()`, which the window shows next to a greyed-out Next.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from PySide6.QtCore import QCoreApplication, QEvent, QSize, Qt, Signal
from PySide6.QtWidgets import QFrame, QLabel, QPushButton, QScrollArea, QVBoxLayout, QWidget

from wizard.domain.steps import StepId
from wizard.domain.text import Text
from wizard.flow.machine import WizardMachine
from wizard.ui.intents import Intent, SimulateStep
from wizard.ui.widgets import Level, MessageLine, heading, paragraph

if TYPE_CHECKING:
    from wizard.ui.illustrations import Illustration


class _Body(QWidget):
    """A page's scrolling body: as tall as its wrapped text needs at the width it has. QScrollArea otherwise
    reserves the height the text needs at the page's narrowest width and shows a scroll bar with nothing below."""

    def minimumSizeHint(self) -> QSize:
        hint = super().minimumSizeHint()
        layout, viewport = self.layout(), self.parentWidget()
        if layout is None or viewport is None or not layout.hasHeightForWidth():
            return hint
        return QSize(hint.width(), layout.totalHeightForWidth(max(hint.width(), viewport.width())))


class StepPage(QWidget):
    step: ClassVar[StepId]
    # Steps the user does inside AFAS get a "do this step in the simulated AFAS" button in demo mode.
    simulated: ClassVar[bool] = False
    # A page with a fuller hint under its body (fixflow.NextHint) says why Next is off there, not above Next too.
    says_why_next_is_off = False
    # How its AFAS screen looks: a page that shows it sets this in build(); it is placed after the page's widgets.
    illustration: Illustration | None = None

    intent = Signal(object)
    completeChanged = Signal()  # whether Next may be pressed may have changed  # noqa: N815 (Qt's own name for it)
    header_changed = Signal()  # the title or subtitle changed

    def __init__(self, machine: WizardMachine, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.machine = machine
        self.busy = False
        self._title = ""
        self._subtitle = ""
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        self._scroll = scroll  # in the Tab order (arrow keys scroll it): a screen reader names it after the step
        self.body = _Body()
        self.layout_ = QVBoxLayout(self.body)
        scroll.setWidget(self.body)
        outer.addWidget(scroll, 1)
        self.message = MessageLine()
        outer.addWidget(self.message)
        # Right above Next: why it is greyed out (a page's disabled_reason()), never a silent grey button.
        self.next_reason = QLabel()
        self.next_reason.setWordWrap(True)
        self.next_reason.setTextFormat(Qt.TextFormat.PlainText)
        self.next_reason.setAlignment(Qt.AlignmentFlag.AlignRight)
        # Inset like the page's text above it, not flush against the window's edge.
        margins = self.layout_.contentsMargins()
        self.next_reason.setContentsMargins(margins.left(), 2, margins.right(), 2)
        self.next_reason.hide()
        outer.addWidget(self.next_reason)
        self.completeChanged.connect(self.show_next_reason)
        self.simulate_button: QPushButton | None = None
        self.simulate_help = paragraph()
        self.build()
        if self.illustration is not None:
            self.layout_.addWidget(self.illustration)
        if self.simulated and machine.state.demo:
            box = QFrame()
            box.setFrameShape(QFrame.Shape.StyledPanel)
            v = QVBoxLayout(box)
            self.simulate_title = heading()
            v.addWidget(self.simulate_title)
            v.addWidget(self.simulate_help)
            self.simulate_button = QPushButton()
            self.simulate_button.clicked.connect(self._simulate)
            v.addWidget(self.simulate_button, 0, Qt.AlignmentFlag.AlignLeft)
            self.layout_.addWidget(box)
        self.layout_.addStretch(1)
        self._retranslate_all()

    # -- the contract -----------------------------------------------------------------------------------------
    def build(self) -> None:
        """Create the widgets (texts are set in retranslate)."""

    def retranslate(self) -> None:
        """Set every user-visible text through tr(); called again when the language changes."""

    def refresh(self) -> None:
        """Render the machine's state into the widgets."""

    def default_button(self) -> QPushButton | None:
        """The page's own button that Enter presses instead of Next (None: Next, or Finish, is the default)."""
        return None

    def disabled_reason(self) -> str:
        """Why Next is greyed out: what to do, in a few lower-case words that follow "Next is not possible yet:"
        ("fill in a name"); "" when it is not.

        The default covers busy pages and checklist steps ("3 of 24 ticked; tick ..."); a page with other conditions
        overrides it and may fall back to `super().disabled_reason()`."""
        if self.busy:
            return QCoreApplication.translate("StepPage", "wait until this is finished")
        if self.isComplete():
            return ""
        items = self.machine.items(self.step)
        missing = self.machine.missing(self.step)
        if items and missing:
            return QCoreApplication.translate(
                "StepPage", "{done} of {total} ticked; tick the others once they are done in AFAS"
            ).format(done=len(items) - len(missing), total=len(items))
        return QCoreApplication.translate("StepPage", "this step is not finished yet")

    # -- shared behaviour --------------------------------------------------------------------------------------
    @property
    def lang(self) -> str:
        return self.machine.state.lang.value

    def text(self, message: Text) -> str:
        return message.get(self.machine.state.lang)

    def send(self, intent: Intent) -> None:
        self.intent.emit(intent)

    def _simulate(self) -> None:
        self.send(SimulateStep(self.step))

    def _retranslate_all(self) -> None:
        self.retranslate()
        self._scroll.setAccessibleName(step_name(self.step))
        if self.illustration is not None:
            title = QCoreApplication.translate("StepPage", "In AFAS it looks like this:")
            self.illustration.show_for(self.machine.state.lang, title)
        if self.simulate_button is not None:
            self.simulate_title.setText(self.tr("Demo"))
            self.simulate_help.setText(
                self.tr(
                    "In this demo there is no real AFAS. The button below does this step for you in the "
                    "simulated AFAS, exactly as you would do it by hand."
                )
            )
            self.simulate_button.setText(self.tr("Do this step in the simulated AFAS"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate_all()
            self.refresh()
            self.show_next_reason()
        super().changeEvent(event)

    # -- the header the window shows above the page -------------------------------------------------------------
    def setTitle(self, text: str) -> None:
        self._title = text
        self.header_changed.emit()

    def setSubTitle(self, text: str) -> None:
        self._subtitle = text
        self.header_changed.emit()

    def title(self) -> str:
        return self._title

    def subTitle(self) -> str:
        return self._subtitle

    def initializePage(self) -> None:
        """The window shows this page, reached going forward (Next, a jump ahead, resuming)."""
        self.message.clear_message()
        self.refresh()
        self.show_next_reason()

    def show_next_reason(self) -> None:
        reason = "" if self.machine.is_last(self.step) or self.says_why_next_is_off else self.disabled_reason()
        if reason:
            text = QCoreApplication.translate("StepPage", "Next is not possible yet: {reason}").format(reason=reason)
            self.next_reason.setText(text)
            self.next_reason.setAccessibleName(text)
        self.next_reason.setVisible(bool(reason))

    def isComplete(self) -> bool:
        return not self.busy and self.machine.may_leave(self.step)

    def set_busy(self, busy: bool, text: str = "") -> None:
        self.busy = busy
        if self.simulate_button is not None:
            self.simulate_button.setEnabled(not busy)
        if busy:
            self.message.show_message(Level.BUSY, text or self.tr("Please wait…"))
        elif self.message.level is Level.BUSY:
            self.message.clear_message()
        self.completeChanged.emit()

    def show_message(self, level: Level, text: str) -> None:
        self.message.show_message(level, text)

    def state_changed(self) -> None:
        self.refresh()
        self.completeChanged.emit()


def step_name(step: StepId) -> str:
    """The short name of a step, for the side panel and for "go to step" buttons."""
    names = {
        StepId.WELCOME: QCoreApplication.translate("Steps", "Welcome"),
        StepId.ENVIRONMENT: QCoreApplication.translate("Steps", "AFAS environment"),
        StepId.CONNECTOR_FILES: QCoreApplication.translate("Steps", "Connector files"),
        StepId.IMPORT: QCoreApplication.translate("Steps", "Import into AFAS"),
        StepId.APP_CONNECTOR: QCoreApplication.translate("Steps", "App connector"),
        StepId.LINK_CONNECTORS: QCoreApplication.translate("Steps", "Link connectors"),
        StepId.TOKEN: QCoreApplication.translate("Steps", "Login details"),
        StepId.DOSSIER: QCoreApplication.translate("Steps", "Attachments"),
        StepId.VERIFY: QCoreApplication.translate("Steps", "Check"),
        StepId.MIGRATE: QCoreApplication.translate("Steps", "Move to OAuth"),
        StepId.RENEW: QCoreApplication.translate("Steps", "Renew the secret"),
        StepId.DONE: QCoreApplication.translate("Steps", "Done"),
    }
    return names[step]
