"""The window: a thin QWizard whose page order comes from the flow machine, plus a step list for the helpdesk."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QSize, Qt
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget, QWizard

from wizard.flow.machine import WizardMachine
from wizard.flow.steps import StepId
from wizard.resources import is_development_build
from wizard.ui.controller import Controller
from wizard.ui.controllers.views import Views
from wizard.ui.i18n import Translations
from wizard.ui.pages import PAGE_ID, STEP_OF, StepPage, build_pages
from wizard.ui.pages.base import step_name
from wizard.ui.services import Services
from wizard.ui.widgets import Banner


class StepList(QWidget):
    """Where am I, what is done, what is missing: symbol + word per step (readable without colour)."""

    def __init__(self, machine: WizardMachine, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.machine = machine
        self.setMinimumWidth(200)
        self._layout = QVBoxLayout(self)
        self._layout.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.title = QLabel()
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        self._layout.addWidget(self.title)
        self.labels: dict[StepId, QLabel] = {}
        for step in PAGE_ID:
            label = QLabel()
            label.setWordWrap(True)
            self.labels[step] = label
            self._layout.addWidget(label)
        self.refresh()

    def refresh(self) -> None:
        m = self.machine
        self.title.setText(QCoreApplication.translate("WizardWindow", "Steps"))
        order = m.order
        for step, label in self.labels.items():
            label.setVisible(step in order)
            if step is m.current:
                symbol, word = "▶", QCoreApplication.translate("WizardWindow", "current step")
            elif step in m.state.attention:
                symbol, word = "✖", QCoreApplication.translate("WizardWindow", "needs attention")
            elif m.is_complete(step) and step is not StepId.DONE:
                symbol, word = "✔", QCoreApplication.translate("WizardWindow", "done")
            else:
                symbol, word = "○", QCoreApplication.translate("WizardWindow", "to do")
            number = order.index(step) + 1 if step in order else 0
            text = f"{symbol} {number}. {step_name(step)}"
            if step in m.state.attention and step is not m.current:
                text += f" — {word}"
            label.setText(text)
            label.setAccessibleName(f"{number}. {step_name(step)}: {word}")
            font = label.font()
            font.setBold(step is m.current)
            label.setFont(font)


class WizardWindow(QWizard):
    def __init__(
        self,
        machine: WizardMachine,
        services: Services,
        translations: Translations | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.machine = machine
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.setOption(QWizard.WizardOption.NoCancelButtonOnLastPage, True)
        pages = build_pages(machine)
        self.pages: dict[StepId, StepPage] = {}
        for page in pages.in_order():
            self.pages[page.step] = page
            self.setPage(PAGE_ID[page.step], page)
        self.setStartId(PAGE_ID[StepId.WELCOME])
        views = Views(
            steps=self.pages,
            saved=pages.welcome,
            token=pages.token,
            verification=pages.verify,
            copy_token=pages.done,
            migration=pages.migrate,
        )
        self.controller = Controller(machine, services, views, translations, self)
        for page in self.pages.values():
            page.intent.connect(self.controller.handle)

        side = QWidget()
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 8, 0)
        self.demo_banner: Banner | None = None
        if machine.state.demo:
            self.demo_banner = Banner()
            side_layout.addWidget(self.demo_banner)
        self.step_list = StepList(machine)
        side_layout.addWidget(self.step_list)
        side_layout.addStretch(1)
        self._side = side  # keep the Python wrapper alive: PySide would otherwise delete it under Qt
        self.setSideWidget(side)

        self.currentIdChanged.connect(self._on_current_changed)
        self.controller.changed.connect(self._on_changed)
        self.controller.navigate.connect(self.go_to)
        self.controller.resumed.connect(self.resume)
        self.retranslate()
        self.resize(self.sizeHint().expandedTo(QSize(1000, 760)))

    def retranslate(self) -> None:
        title = QCoreApplication.translate("WizardWindow", "SmartBooqing AFAS Setup")
        if self.machine.state.demo:
            title += " — " + QCoreApplication.translate("WizardWindow", "DEMO with a simulated AFAS")
        if is_development_build():  # stand-in .gcn files or a source checkout: never mistaken for a release
            title += " (" + QCoreApplication.translate("WizardWindow", "development build") + ")"
        self.setWindowTitle(title)
        if self.demo_banner is not None:
            self.demo_banner.set_text(
                QCoreApplication.translate(
                    "WizardWindow",
                    "DEMO: nothing here touches a real AFAS environment. The AFAS steps happen in a simulated "
                    "AFAS on this computer.",
                )
            )
        self.step_list.refresh()

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
        self.controller.page_entered(step)

    def _on_changed(self) -> None:
        self.step_list.refresh()
        page = self.currentPage()
        if isinstance(page, StepPage):
            page.state_changed()

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
        for page in self.pages.values():
            page.refresh()
        guard = len(PAGE_ID)
        while self.current_step is not target and guard > 0:
            self.next()
            guard -= 1
        self._on_changed()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.controller.shutdown()
        super().closeEvent(event)

    def done(self, result: int) -> None:
        self.controller.shutdown()
        super().done(result)
