"""The window: a thin QWizard whose page order comes from the flow machine, plus a step list for the helpdesk."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QRect, QSize, QTimer, Signal
from PySide6.QtGui import (
    QCloseEvent,
    QFont,
    QFontMetrics,
    QGuiApplication,
    QIcon,
    QPaintEvent,
    QPalette,
    QShowEvent,
)
from PySide6.QtWidgets import QFrame, QLabel, QPushButton, QScrollArea, QVBoxLayout, QWidget, QWizard

from wizard.flow.machine import WizardMachine
from wizard.flow.steps import StepId
from wizard.installation import is_development_build
from wizard.ui.i18n import Translations
from wizard.ui.pages import PAGE_ID, STEP_OF, Pages, StepPage, build_pages
from wizard.ui.pages.base import step_name
from wizard.ui.qt_values import SCROLL_BAR_ALWAYS_OFF, set_properties
from wizard.ui.widgets import Banner, StateIcon, state_icon, svg_pixmap

if TYPE_CHECKING:  # the controller and the services load after the first paint when the app defers them (issue 13)
    from wizard.ui.controller import Controller
    from wizard.ui.services import Services

PREFERRED = QSize(1000, 760)  # roomy where the screen allows; fit_rect shrinks it to any screen from 1024x600
# Title bar and borders the window manager adds around the window, when it has not told us yet (before mapping).
DECORATION_GUESS = QSize(16, 40)
HELPDESK_BUTTON = QWizard.WizardButton.CustomButton1
CHECK_BUTTON = QWizard.WizardButton.CustomButton2


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


class StepList(QWidget):
    """Where am I, what is done, what is missing: an icon (shape, not only colour) + word per step. A step already
    reached is a button that goes back (or forward again) to it; `chosen(step)` says which."""

    chosen = Signal(object)

    def __init__(self, machine: WizardMachine, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.machine = machine
        self.reached: set[StepId] = {StepId.WELCOME}
        self.setMinimumWidth(190)
        self._layout = QVBoxLayout(self)
        self._layout.setSpacing(0)
        self.title = QLabel()
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        self._layout.addWidget(self.title)
        # One style sheet for all the step buttons: one per button was parsed and polished eleven times (start-up).
        self.setStyleSheet("QPushButton { text-align: left; padding: 3px 4px; }")
        self.labels: dict[StepId, QPushButton] = {}
        for step in PAGE_ID:
            button = QPushButton()
            button.setFlat(True)
            button.clicked.connect(lambda _=False, s=step: self.chosen.emit(s))
            self.labels[step] = button
            self._layout.addWidget(button)
        self._layout.addStretch(1)  # the steps at the top (a stretch rather than Qt.AlignTop: wizard.ui.qt_values)
        # No refresh() here: the window's retranslate() fills the list once the window is complete (start-up).

    def set_cursors(self) -> None:
        """A pointing hand over the steps: set after the first paint (the cursor needs the `Qt` enums, see
        wizard.ui.qt_values), long before a mouse reaches them."""
        from PySide6.QtCore import Qt

        for button in self.labels.values():
            button.setCursor(Qt.CursorShape.PointingHandCursor)

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
        self.title.setText(QCoreApplication.translate("WizardWindow", "Steps"))
        order = m.order
        ratio = self.devicePixelRatioF()
        drawn: dict[StateIcon, QIcon] = {}  # four kinds of icon for eleven steps: each drawn once (start-up)
        for step, button in self.labels.items():
            button.setVisible(step in order)
            icon, word = self.state_of(step)
            number = order.index(step) + 1 if step in order else 0
            text = f"{number}. {step_name(step)}"
            if self.needs_attention(step):  # also while on it: it needs attention until the check says it is fixed
                word = QCoreApplication.translate("WizardWindow", "needs attention")
                text += "\n" + word  # in words too: the icon's shape is not everyone's first read
            button.setText(text)
            if icon not in drawn:
                drawn[icon] = state_icon(icon, ratio)
            button.setIcon(drawn[icon])
            button.setAccessibleName(f"{number}. {step_name(step)}: {word}")
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


class WizardWindow(QWizard):
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
        after the first paint (`start_error` then holds what went wrong, and the window closes). Issue 13: the
        controller's imports (pydantic, asyncio, the stores) took longer than the whole start-up budget."""
        super().__init__(parent)
        self.machine = machine
        self._translations = translations
        self._services = services
        self._wired = False
        self._wire_scheduled = False
        self.start_error: Exception | None = None
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.setOption(QWizard.WizardOption.NoCancelButtonOnLastPage, True)
        # Pages are built when first shown (validateCurrentPage) or asked for; only the first one before the window
        # shows (issue 13: start-up). The controllers hold stand-ins that build a page if they ever call it first.
        self.pages: Pages = build_pages(machine, self._add_page)
        self.pages.ensure(StepId.WELCOME)  # the window shows with its first page
        self.setStartId(PAGE_ID[StepId.WELCOME])

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
        # The side panel scrolls too: on a 1024x600 screen at 125 % the step list and the banner would not fit.
        side_scroll = QScrollArea()
        side_scroll.setWidgetResizable(True)
        side_scroll.setFrameShape(QFrame.Shape.NoFrame)
        set_properties(side_scroll, horizontalScrollBarPolicy=SCROLL_BAR_ALWAYS_OFF)
        side_scroll.setWidget(side)
        self._side_panel = side
        self._side = side_scroll  # keep the Python wrapper alive: PySide would otherwise delete it under Qt
        self.setSideWidget(side_scroll)

        # The header: every page has a title and subtitle; the product's mark sits at its right.
        self.setPixmap(QWizard.WizardPixmap.LogoPixmap, svg_pixmap("mark", 48, self.devicePixelRatioF()))
        # The button row: "Info for the helpdesk" on the left, "Go to the check" next to Back / Next.
        self.setOption(QWizard.WizardOption.HaveCustomButton1, True)
        self.setOption(QWizard.WizardOption.HaveCustomButton2, True)
        self.setButtonLayout(
            [
                HELPDESK_BUTTON,
                QWizard.WizardButton.Stretch,
                CHECK_BUTTON,
                QWizard.WizardButton.BackButton,
                QWizard.WizardButton.NextButton,
                QWizard.WizardButton.FinishButton,
                QWizard.WizardButton.CancelButton,
            ]
        )
        self.customButtonClicked.connect(self._custom_button)

        self.currentIdChanged.connect(self._on_current_changed)
        self.retranslate()
        self._fitted = False
        self.resize(PREFERRED)
        if not callable(services):
            self.wire()

    # -- the controller: at once, or right after the first paint -------------------------------------------------
    def wire(self) -> Controller:
        """Build the controller and connect it (once); returns it."""
        if self._wired:
            return self.controller
        from wizard.ui.controller import Controller
        from wizard.ui.controllers.views import Views

        services = self._services() if callable(self._services) else self._services
        self._services = services
        views = Views(
            steps=self.pages,
            saved=self.pages.on_first_use(StepId.WELCOME),
            token=self.pages.on_first_use(StepId.TOKEN),
            verification=self.pages.on_first_use(StepId.VERIFY),
            copy_token=self.pages.on_first_use(StepId.DONE),
            migration=self.pages.on_first_use(StepId.MIGRATE),
        )
        self.controller = Controller(self.machine, services, views, self._translations, self)
        self._wired = True
        self.step_list.set_cursors()
        self.controller.changed.connect(self._on_changed)
        self.controller.navigate.connect(self.go_to)
        self.controller.resumed.connect(self.resume)
        if self.currentId() >= 0:  # the window was shown before: the controller enters the page it shows
            self.controller.page_entered(self.current_step)
        return self.controller

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if not self._wired and not self._wire_scheduled:
            self._wire_scheduled = True
            QTimer.singleShot(0, self._wire_after_paint)  # once the painted window is on screen

    def _wire_after_paint(self) -> None:
        try:
            self.wire()
        except Exception as exc:  # e.g. a missing connector bundle: the app explains it (wizard.ui.startup_error)
            self.start_error = exc
            self.close()

    # -- fitting the screen ----------------------------------------------------------------------------------------
    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._fitted:
            self._fitted = True
            self.fit_to_screen()

    def fit_to_screen(self) -> None:
        """Never larger than the screen's available area (taskbar excluded), whatever size was asked for."""
        screen = self.screen()
        decoration = self.frameGeometry().size() - self.geometry().size()
        if decoration.isEmpty() and QGuiApplication.platformName() not in ("offscreen", "minimal"):
            decoration = DECORATION_GUESS  # not mapped yet: the window manager has not said
        self.setGeometry(fit_rect(self.size().expandedTo(PREFERRED), screen.availableGeometry(), decoration))

    def _add_page(self, page: StepPage) -> None:
        """A page was just built: QWizard shows it from now on, and its intents go to the controller."""
        self.setPage(PAGE_ID[page.step], page)
        page.intent.connect(self._dispatch)
        page.completeChanged.connect(self._update_next_reason)

    def _dispatch(self, intent: object) -> None:
        self.wire().handle(intent)

    def validateCurrentPage(self) -> bool:
        """QWizard moves only to a page it has: build the next one now (Next, a jump, resuming)."""
        if not super().validateCurrentPage():
            return False
        target = self.nextId()
        if target in STEP_OF:
            self.pages.ensure(STEP_OF[target])
        return True

    def retranslate(self) -> None:
        title = QCoreApplication.translate("WizardWindow", "SmartBooqing AFAS Setup")
        if self.machine.state.demo:
            title += " — " + QCoreApplication.translate("WizardWindow", "DEMO with a simulated AFAS")
        if is_development_build():  # stand-in .gcn files or a source checkout: never mistaken for a release
            title += " (" + QCoreApplication.translate("WizardWindow", "development build") + ")"
        self.setWindowTitle(title)
        # Our own texts for QWizard's buttons: Qt's Dutch catalogue gives Terug and Vol&tooien the same Alt+T.
        for which, text in (
            (QWizard.WizardButton.BackButton, QCoreApplication.translate("WizardWindow", "< &Back")),
            (QWizard.WizardButton.NextButton, QCoreApplication.translate("WizardWindow", "&Next >")),
            (QWizard.WizardButton.FinishButton, QCoreApplication.translate("WizardWindow", "&Finish")),
            (QWizard.WizardButton.CancelButton, QCoreApplication.translate("WizardWindow", "Cancel")),
            (HELPDESK_BUTTON, QCoreApplication.translate("WizardWindow", "&Info for the helpdesk")),
            (CHECK_BUTTON, QCoreApplication.translate("WizardWindow", "&Go to the check")),
        ):
            self.setButtonText(which, text)
        self.button(HELPDESK_BUTTON).setToolTip(
            QCoreApplication.translate("WizardWindow", "Version, build and facts to send to the helpdesk")
        )
        self.button(CHECK_BUTTON).setToolTip(
            QCoreApplication.translate("WizardWindow", "The check shows what is still missing")
        )
        if self.demo_banner is not None:
            self.demo_banner.set_text(
                QCoreApplication.translate(
                    "WizardWindow",
                    "DEMO: nothing here touches a real AFAS environment. The AFAS steps happen in a simulated "
                    "AFAS on this computer.",
                )
            )
        self.step_list.refresh()
        self._side.setMinimumWidth(self._side_panel.minimumSizeHint().width() + 12)
        self._update_buttons()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
            # QWizard translates its Back/Next/Finish texts only when its style is set: set it again.
            style = self.wizardStyle()
            other = QWizard.WizardStyle.ClassicStyle
            self.setWizardStyle(other if style != other else QWizard.WizardStyle.ModernStyle)
            self.setWizardStyle(style)
        super().changeEvent(event)

    @property
    def current_step(self) -> StepId:
        return STEP_OF[self.currentId()]

    def _on_current_changed(self, page_id: int) -> None:
        if page_id < 0:
            return
        step = STEP_OF[page_id]
        self.machine.enter(step)
        self.step_list.reached.add(step)
        if self._wired:  # else wire() enters it
            self.controller.page_entered(step)
        self._update_buttons()

    def _on_changed(self) -> None:
        self.step_list.refresh()
        page = self.currentPage()
        if isinstance(page, StepPage):
            page.state_changed()
        self._update_buttons()

    # -- the button row ----------------------------------------------------------------------------------------------
    def _update_buttons(self) -> None:
        """'Go to the check' on the setup steps once the environment is known (the check needs it), and Next's
        tooltip saying why it is greyed out."""
        if self.currentId() < 0:
            return
        order = self.machine.order
        step = self.current_step
        before_check = StepId.VERIFY in order and step in order and order.index(step) < order.index(StepId.VERIFY)
        wanted = before_check and step is not StepId.WELCOME and self.machine.state.environment is not None
        self.button(CHECK_BUTTON).setVisible(wanted)
        self._update_next_reason()

    def _update_next_reason(self) -> None:
        page = self.currentPage()
        if not isinstance(page, StepPage):
            return
        reason = page.disabled_reason()
        self.button(QWizard.WizardButton.NextButton).setToolTip(reason)
        self.button(QWizard.WizardButton.NextButton).setAccessibleDescription(reason)

    def _custom_button(self, which: int) -> None:
        if which == HELPDESK_BUTTON.value:
            self.show_helpdesk()
        elif which == CHECK_BUTTON.value:
            self.go_to(StepId.VERIFY)

    def show_helpdesk(self) -> None:
        from wizard.ui.helpdesk import HelpdeskDialog  # built on demand: the keyring lookup may take a moment

        dialog = HelpdeskDialog(self.machine.state, self)
        self._helpdesk = dialog  # for tests and the tour
        dialog.open()

    def go_to(self, step: StepId) -> None:
        """Jump to a step (a verification remedy): back through the history, or forward past the order."""
        target = PAGE_ID[step]
        if target in self.visitedIds():
            while self.currentId() != target and self.currentId() != self.startId():
                self.back()
        else:
            self.machine.request_jump(step)
            self.next()

    def resume(self) -> None:
        """A saved organisation was loaded: walk forward to its first step that is not complete."""
        self.restart()
        self.machine.reset(self.machine.state)
        target = self.machine.first_incomplete()
        if target is StepId.DONE:
            target = StepId.VERIFY  # everything was done: resuming means checking again
        for page in self.pages.built():  # a page built later renders the state when it is first shown
            page.refresh()
        guard = len(PAGE_ID)
        while self.current_step is not target and guard > 0:
            self.next()
            guard -= 1
        self._on_changed()

    def shutdown(self) -> None:
        """Stop the controller's worker and save (nothing to do if it was never wired)."""
        if self._wired:
            self.controller.shutdown()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.shutdown()
        super().closeEvent(event)

    def done(self, result: int) -> None:
        self.shutdown()
        super().done(result)
