"""The window: a header, the step list, the current step's page and the button row, all drawn from the flow machine.

Why not QWizard: QWizard keeps its own page history and decides itself where Next and Back lead, so the flow
machine had to follow it and its jumps and resume were re-implemented here on top of QWizard's history - two owners
of one navigation. This window is a QDialog (for Esc closing it and Next being the default button, as before)
holding a QStackedWidget of pages; it shows `machine.current` and asks the machine for every move (Next, Back, a
jump from a fix button, the step list or "Go to the check", resuming a saved organisation).

Start-up (the coarse deferral): the pages are built when first shown, and the controller - with the stores, the
worker and pydantic - is wired right after the first paint when the app hands over a builder of the services.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import Enum
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QRect, QSize, Qt
from PySide6.QtGui import QCloseEvent, QGuiApplication, QPaintEvent, QPalette
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from wizard.domain.steps import StepId
from wizard.flow.machine import WizardMachine
from wizard.installation import is_development_build
from wizard.ui.i18n import Translations
from wizard.ui.intents import Intent
from wizard.ui.later import later
from wizard.ui.pages import Pages, StepPage, build_pages
from wizard.ui.scroll_anchor import FocusAnchor
from wizard.ui.step_list import StepList
from wizard.ui.widgets import Banner, svg_pixmap

if TYPE_CHECKING:  # loaded when the controller is wired, after the first paint
    from wizard.ui.dispatcher import Controller
    from wizard.ui.services import Services

PREFERRED = QSize(1000, 760)  # roomy where the screen allows; fit_rect shrinks it to any screen from 1024x600
# Title bar and borders the window manager adds around the window, when it has not told us yet (before mapping).
DECORATION_GUESS = QSize(16, 40)


class Button(Enum):
    """The button row, left to right."""

    HELPDESK = "helpdesk"
    CHECK = "check"
    BACK = "back"
    NEXT = "next"
    FINISH = "finish"
    CANCEL = "cancel"


def fit_rect(wanted: QSize, available: QRect, decoration: QSize | None = None) -> QRect:
    """The window's client rectangle: `wanted`, shrunk so window + decoration fits `available`, centred in it."""
    decoration = decoration or QSize(0, 0)
    room = QSize(available.width() - decoration.width(), available.height() - decoration.height())
    size = wanted.boundedTo(room)
    border = decoration.width() // 2  # left and right (and bottom); the title bar makes up the rest on top
    top = decoration.height() - border
    x = available.x() + (available.width() - size.width() - decoration.width()) // 2 + border
    y = available.y() + (available.height() - size.height() - decoration.height()) // 2 + top
    return QRect(x, y, size.width(), size.height())


class WizardWindow(QDialog):
    controller: Controller

    def __init__(
        self,
        machine: WizardMachine,
        services: Services | Callable[[], Services],
        translations: Translations | None = None,
        parent: QWidget | None = None,
    ) -> None:
        """`services`: the services, or what builds them. Given a builder, the window shows with its frame, step
        list and first page, and the controller (the stores, the worker, the saved organisations) is wired right
        after the first paint (`start_error` then holds what went wrong, and the window closes)."""
        super().__init__(parent)
        self.machine = machine
        self._translations = translations
        self._services = services
        self._wired = False
        self._wire_scheduled = False
        self._shown: StepId | None = None  # the step whose page is on screen
        self.start_error: Exception | None = None
        # Esc, Cancel and the window's close button ask this before work is left behind (tests answer for the user).
        self.ask_to_leave: Callable[[str], bool] = self._ask_box
        self._quitting = False
        self.setWindowFlag(Qt.WindowType.WindowMinMaxButtonsHint, True)
        self.pages: Pages = build_pages(machine, self._add_page)

        # The header: the page's title and subtitle, the product's mark at its right.
        header = QFrame()
        header.setAutoFillBackground(True)
        header.setBackgroundRole(QPalette.ColorRole.Base)
        header_layout = QHBoxLayout(header)
        titles = QVBoxLayout()
        self.title = QLabel()
        font = self.title.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.25)
        self.title.setFont(font)
        self.title.setWordWrap(True)
        self.subtitle = QLabel()
        self.subtitle.setWordWrap(True)
        titles.addWidget(self.title)
        titles.addWidget(self.subtitle)
        header_layout.addLayout(titles, 1)
        self.mark = QLabel()
        self.mark.setPixmap(svg_pixmap("mark", 48, self.devicePixelRatioF()))
        header_layout.addWidget(self.mark, 0, Qt.AlignmentFlag.AlignTop)

        # The side panel: the demo banner and the step list; it scrolls too, for a 1024x600 screen at 125 %.
        side = QWidget()
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 8, 0)
        self.demo_banner: Banner | None = None
        if machine.state.demo:
            self.demo_banner = Banner()
            side_layout.addWidget(self.demo_banner)
        self.step_list = StepList(machine)
        self.step_list.chosen.connect(self.go_to)
        side_layout.addWidget(self.step_list)
        side_layout.addStretch(1)
        self._side = QScrollArea()
        self._side.setWidgetResizable(True)
        self._side.setFrameShape(QFrame.Shape.NoFrame)
        self._side.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._side.setWidget(side)
        self._side_panel = side

        self.stack = QStackedWidget()
        middle = QHBoxLayout()
        middle.addWidget(self._side)
        middle.addWidget(self.stack, 1)

        # The button row: "Info for the helpdesk" on the left, "Go to the check" next to Back / Next.
        self.buttons = {which: QPushButton() for which in Button}
        row = QHBoxLayout()
        row.addWidget(self.buttons[Button.HELPDESK])
        row.addStretch(1)
        for which in (Button.CHECK, Button.BACK, Button.NEXT, Button.FINISH, Button.CANCEL):
            row.addWidget(self.buttons[which])
        for button in self.buttons.values():
            button.setAutoDefault(False)  # Enter means Next (or Finish), whichever button has the focus
        self.buttons[Button.HELPDESK].clicked.connect(self.show_helpdesk)
        self.buttons[Button.CHECK].clicked.connect(lambda: self.go_to(StepId.VERIFY))
        self.buttons[Button.BACK].clicked.connect(self.back)
        self.buttons[Button.NEXT].clicked.connect(self.next)
        self.buttons[Button.FINISH].clicked.connect(self.accept)
        self.buttons[Button.CANCEL].clicked.connect(self.reject)

        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)
        outer.addWidget(header)
        outer.addWidget(_rule())
        body = QVBoxLayout()
        body.setContentsMargins(11, 11, 11, 11)
        body.addLayout(middle, 1)
        body.addWidget(_rule())
        body.addLayout(row)
        outer.addLayout(body, 1)

        self._show_current(entered=True)  # the window shows with its first page
        self.retranslate()
        self._fitted = False
        self.resize(PREFERRED)
        if not callable(services):
            self.wire()

    def button(self, which: Button) -> QPushButton:
        return self.buttons[which]

    # -- the controller: at once, or right after the first paint -------------------------------------------------
    def wire(self) -> Controller:
        """Build the controller and connect it (once); returns it."""
        if self._wired:
            return self.controller
        from wizard.ui.controllers.views import Views  # the coarse deferral: pydantic, asyncio, the stores
        from wizard.ui.dispatcher import Controller

        services = self._services() if callable(self._services) else self._services
        self._services = services
        self.controller = Controller(self.machine, services, Views(self.pages), self._translations, self)
        self._wired = True
        self.controller.changed.connect(self._on_changed)
        self.controller.navigate.connect(self.go_to)
        self.controller.resumed.connect(self._resumed)
        self.controller.page_entered(self.machine.current)
        return self.controller

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if not self._wired and not self._wire_scheduled:
            self._wire_scheduled = True
            later(self, 0, self._wire_after_paint)  # once the painted window is on screen

    def _wire_after_paint(self) -> None:
        try:
            self.wire()
        except Exception as exc:  # e.g. a missing connector bundle: the app explains it (wizard.ui.startup_error)
            self.start_error = exc
            self.close()

    # -- fitting the screen ----------------------------------------------------------------------------------------
    def setVisible(self, visible: bool) -> None:
        # Fitted once, when first shown, before Qt lays the window out for it (fitted in showEvent, the whole window
        # was laid out a second time on a screen smaller than PREFERRED).
        if visible and not self._fitted:
            self._fitted = True
            self.fit_to_screen()
        super().setVisible(visible)

    def fit_to_screen(self) -> None:
        """Never larger than the screen's available area (taskbar excluded), whatever size was asked for."""
        screen = self.screen()
        decoration = self.frameGeometry().size() - self.geometry().size()
        if decoration.isEmpty() and QGuiApplication.platformName() not in ("offscreen", "minimal"):
            decoration = DECORATION_GUESS  # not on screen yet: the window manager has not said
        self.setGeometry(fit_rect(self.size().expandedTo(PREFERRED), screen.availableGeometry(), decoration))

    # -- pages -----------------------------------------------------------------------------------------------------
    def _add_page(self, page: StepPage) -> None:
        """A page was just built: the stack holds it from now on, and its intents go to the controller."""
        self.stack.addWidget(page)
        FocusAnchor.watch(page)  # a line appearing above the focused control keeps it in view
        page.intent.connect(self._dispatch)
        page.completeChanged.connect(self._update_buttons)
        page.header_changed.connect(self._update_header)

    def _dispatch(self, intent: Intent) -> None:
        self.wire().handle(intent)

    @property
    def current_step(self) -> StepId:
        return self.machine.current

    def current_page(self) -> StepPage:
        return self.pages[self.machine.current]

    # -- moving: the machine decides, the window shows machine.current ---------------------------------------------
    def next(self) -> None:
        if self.machine.next_step() is not None:
            self.machine.advance()
            self._show_current(entered=True)

    def back(self) -> None:
        if self.machine.can_go_back():
            self.machine.back()
            self._show_current(entered=False)

    def go_to(self, step: StepId) -> None:
        """A jump (a fix button, the step list, "Go to the check"): back through the history or forward to it."""
        if step is self.machine.current:
            return
        # The check runs again on arrival, also back through the history (after a fix reached by a detour).
        forward = step not in self.machine.history or step is StepId.VERIFY
        self.machine.go_to(step)
        self._show_current(entered=forward)

    def _resumed(self) -> None:
        """The controller resumed a saved organisation (the machine walked to its first open step)."""
        self.step_list.reached = {StepId.WELCOME, *self.machine.history}
        for page in self.pages.built():  # a page built later renders the state when it is first shown
            page.refresh()
        self._show_current(entered=True)

    def _show_current(self, *, entered: bool) -> None:
        """Show the machine's current step. `entered`: reached going forward, so the page starts fresh (its
        message cleared); going back keeps what it showed."""
        step = self.machine.current
        page = self.pages[step]
        changed = step is not self._shown
        self._shown = step
        self.stack.setCurrentWidget(page)
        if entered:
            page.initializePage()
        self.step_list.reached.add(step)
        self._update_header()
        if changed and self._wired:
            self.controller.page_entered(step)  # emits changed: the step list and the page re-render
        else:
            self._on_changed()

    def _on_changed(self) -> None:
        self.step_list.refresh()
        page = self.current_page()
        page.state_changed()
        self._update_buttons()
        self._tab_through_page_before_buttons()
        self._keep_the_focus()

    def _keep_the_focus(self) -> None:
        """The control with the focus went away (its page left, the check's rows rebuilt): the keyboard lands on
        what Enter does (Next, Finish or the page's own default), else on the page; never on nothing."""
        if not self.isActiveWindow() or QApplication.focusWidget() is not None:
            return
        page = self.current_page()
        candidates = [page.default_button(), self.buttons[Button.NEXT], self.buttons[Button.FINISH]]
        target = next((b for b in candidates if b is not None and b.isVisible() and b.isEnabled()), page)
        target.setFocus(Qt.FocusReason.OtherFocusReason)

    def _tab_through_page_before_buttons(self) -> None:
        """Tab reads the steps, the page, then the button row. A page is built when first shown (and the check adds
        rows as results come), and a new control joins the end of the window's focus chain: the row moves there."""
        order = (Button.HELPDESK, Button.CHECK, Button.BACK, Button.NEXT, Button.FINISH, Button.CANCEL)
        row = [self.buttons[which] for which in order]
        last = self.previousInFocusChain()
        while last is not None and last in row:
            last = last.previousInFocusChain()
        if last is None:
            return
        for button in row:
            QWidget.setTabOrder(last, button)
            last = button

    def _update_header(self) -> None:
        page = self.current_page()
        self.title.setText(page.title())
        self.subtitle.setText(page.subTitle())
        self.subtitle.setVisible(bool(page.subTitle()))

    # -- the button row ----------------------------------------------------------------------------------------------
    def _update_buttons(self) -> None:
        """Back, Next or Finish and Cancel as the machine says; 'Go to the check' on the setup steps once the
        environment is known (the check needs it); Next's tooltip saying why it is greyed out."""
        m = self.machine
        step = m.current
        page = self.current_page()
        last = m.is_last(step)
        complete = page.isComplete()
        b = self.buttons
        b[Button.BACK].setVisible(step is not StepId.WELCOME)
        b[Button.BACK].setEnabled(m.can_go_back())
        b[Button.NEXT].setVisible(not last)
        b[Button.NEXT].setEnabled(complete and not last)
        b[Button.FINISH].setVisible(last)
        b[Button.FINISH].setEnabled(complete)
        b[Button.CANCEL].setVisible(not last)
        # A page may make its own button the default (the check's first fix while anything fails): then Enter
        # means that, and Next is not highlighted.
        own = page.default_button()
        b[Button.FINISH if last else Button.NEXT].setDefault(own is None)
        b[Button.NEXT if last else Button.FINISH].setDefault(False)
        if own is not None:
            own.setDefault(True)
        order = m.order
        before_check = StepId.VERIFY in order and step in order and order.index(step) < order.index(StepId.VERIFY)
        b[Button.CHECK].setVisible(before_check and step is not StepId.WELCOME and m.state.environment is not None)
        reason = page.disabled_reason()
        reason = reason[:1].upper() + reason[1:]  # on its own in the tooltip, not after "Next is not possible yet:"
        b[Button.NEXT].setToolTip(reason)
        b[Button.NEXT].setAccessibleDescription(reason)

    def show_helpdesk(self) -> None:
        from wizard.ui.helpdesk_dialog import HelpdeskDialog  # built on demand: the keyring lookup may take a moment

        report = self.controller.last_report if hasattr(self, "controller") else None
        dialog = HelpdeskDialog(self.machine.state, self, current=self.machine.current, last_report=lambda: report)
        self._helpdesk = dialog  # for tests and the tour
        dialog.finished.connect(self._back_from_helpdesk)
        dialog.open()

    def _back_from_helpdesk(self) -> None:
        """Keyboard users land where they were, on the button that opened it (not on nothing)."""
        self.activateWindow()
        self.buttons[Button.HELPDESK].setFocus(Qt.FocusReason.PopupFocusReason)

    # -- texts -------------------------------------------------------------------------------------------------------
    def retranslate(self) -> None:
        title = QCoreApplication.translate("WizardWindow", "SmartBooqing AFAS Setup")
        if self.machine.state.demo:
            title += " — " + QCoreApplication.translate("WizardWindow", "DEMO with a simulated AFAS")
        if is_development_build():  # stand-in .gcn files or a source checkout: never mistaken for a release
            title += " (" + QCoreApplication.translate("WizardWindow", "development build") + ")"
        self.setWindowTitle(title)
        # Our own mnemonics: Qt's Dutch catalogue gives Terug and Vol&tooien the same Alt+T.
        for which, text in (
            (Button.BACK, QCoreApplication.translate("WizardWindow", "< &Back")),
            (Button.NEXT, QCoreApplication.translate("WizardWindow", "&Next >")),
            (Button.FINISH, QCoreApplication.translate("WizardWindow", "&Finish")),
            (Button.CANCEL, QCoreApplication.translate("WizardWindow", "Cancel")),
            (Button.HELPDESK, QCoreApplication.translate("WizardWindow", "&Info for the helpdesk")),
            (Button.CHECK, QCoreApplication.translate("WizardWindow", "&Go to the check")),
        ):
            self.buttons[which].setText(text)
        self.buttons[Button.HELPDESK].setToolTip(
            QCoreApplication.translate("WizardWindow", "Version, build and facts to send to the helpdesk")
        )
        self.buttons[Button.CHECK].setToolTip(
            QCoreApplication.translate("WizardWindow", "The check shows what is still missing")
        )
        if self.demo_banner is not None:
            # Short, above the steps (two lines at the panel's width); the whole sentence on hover and for a screen
            # reader.
            self.demo_banner.set_text(
                QCoreApplication.translate("WizardWindow", "DEMO: a simulated AFAS. Your real AFAS is not touched.")
            )
            full = QCoreApplication.translate(
                "WizardWindow",
                "DEMO: nothing here touches a real AFAS environment. The AFAS steps happen in a simulated "
                "AFAS on this computer.",
            )
            self.demo_banner.setToolTip(full)
            self.demo_banner.label.setAccessibleDescription(full)
        self.step_list.refresh()
        self._side.setAccessibleName(QCoreApplication.translate("WizardWindow", "Steps"))  # it takes Tab focus
        self._side.setMinimumWidth(self._side_panel.minimumSizeHint().width() + 12)
        self._update_header()
        self._update_buttons()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # -- closing -----------------------------------------------------------------------------------------------------
    def shutdown(self) -> None:
        """Stop the controller's worker and save (nothing to do if it was never wired)."""
        if self._wired:
            self.controller.shutdown()

    def entered_something(self) -> bool:
        """Whether leaving now leaves work behind: anything the user entered, ticked, stored or started."""
        s = self.machine.state
        if self.machine.is_last(self.machine.current):
            return False  # the setup is done: nothing is lost by closing
        # The demo starts with its simulated environment filled in: that is not the user's work.
        environment = s.environment is not None and not s.demo
        return bool(
            environment or s.organisation or any(s.ticks.values()) or s.token_storage is not None or s.migration
        )

    def leave_question(self) -> str:
        """What Esc and Cancel ask: progress is kept and how to resume (the demo keeps nothing)."""
        if self.machine.state.demo:
            return QCoreApplication.translate(
                "WizardWindow", "Stop the demo? Nothing of the demo is kept; start it again to see it from the start."
            )
        return QCoreApplication.translate(
            "WizardWindow",
            "Stop for now? Your progress is kept on this computer (stored login details stay in its safe storage). "
            "Start SmartBooqing AFAS Setup again and choose your organisation to continue where you left off.",
        )

    def _ask_box(self, question: str) -> bool:
        """Ask before leaving, in a message box (`ask_to_leave`; tests replace it)."""
        box = QMessageBox(QMessageBox.Icon.Question, self.windowTitle(), question, parent=self)
        stop = box.addButton(
            QCoreApplication.translate("WizardWindow", "&Stop for now"), QMessageBox.ButtonRole.AcceptRole
        )
        stay = box.addButton(QCoreApplication.translate("WizardWindow", "&Continue"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(stay)
        box.setEscapeButton(stay)
        box.exec()
        return box.clickedButton() is stop

    def reject(self) -> None:
        """Esc, Cancel and the close button: close at once when nothing was entered, otherwise ask first."""
        if not self._quitting and self.entered_something() and not self.ask_to_leave(self.leave_question()):
            return
        super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        # The application quitting (a tour, a probe, the session ending) closes without a question; only the
        # user's own close button (a spontaneous event) asks.
        self._quitting = not event.spontaneous()
        try:
            super().closeEvent(event)  # QDialog: reject(), which may ask and keep the window open
        finally:
            self._quitting = False
        if event.isAccepted():
            self.shutdown()

    def done(self, result: int) -> None:
        self.shutdown()
        super().done(result)


def _rule() -> QFrame:
    line = QFrame()
    line.setFrameShape(QFrame.Shape.HLine)
    line.setFrameShadow(QFrame.Shadow.Sunken)
    return line
