"""Step 1: what you need, the language, and the choice between a new setup and checking an existing one."""

from __future__ import annotations

from PySide6.QtWidgets import QButtonGroup, QComboBox, QFormLayout, QHBoxLayout, QLabel, QPushButton

from wizard.domain.steps import StepId
from wizard.domain.text import Lang
from wizard.flow.state import Mode
from wizard.ui.intents import ChangeLanguage, ResumeOrganisation, StateEdited
from wizard.ui.pages.base import StepPage
from wizard.ui.widgets import WrappingRadioButton, heading, paragraph


class WelcomePage(StepPage):
    step = StepId.WELCOME

    def build(self) -> None:
        self.intro = paragraph()
        self.needs_title = heading()
        self.needs = paragraph()
        lay = self.layout_
        lay.addWidget(self.intro)
        lay.addWidget(self.needs_title)
        lay.addWidget(self.needs)

        form = QFormLayout()
        self.lang_label = QLabel()
        self.lang_combo = QComboBox()
        self.lang_combo.addItem("Nederlands", Lang.NL.value)
        self.lang_combo.addItem("English", Lang.EN.value)
        self.lang_label.setBuddy(self.lang_combo)
        self.lang_combo.currentIndexChanged.connect(self._language_chosen)
        form.addRow(self.lang_label, self.lang_combo)
        lay.addLayout(form)

        self.mode_title = heading()
        lay.addWidget(self.mode_title)
        self.setup_radio = WrappingRadioButton()
        self.check_radio = WrappingRadioButton()
        self.modes = QButtonGroup(self)
        self.modes.addButton(self.setup_radio)
        self.modes.addButton(self.check_radio)
        self.renew_radio = WrappingRadioButton()
        self.modes.addButton(self.renew_radio)
        self.check_radio.toggled.connect(self._mode_chosen)
        self.renew_radio.toggled.connect(self._mode_chosen)
        self.setup_radio.toggled.connect(self._mode_chosen)
        lay.addWidget(self.setup_radio)
        lay.addWidget(self.check_radio)
        # The radio's text cannot wrap: what "check" includes goes under it, so the page never scrolls sideways.
        self.check_help = paragraph()
        self.check_help.setContentsMargins(24, 0, 0, 0)
        lay.addWidget(self.check_help)
        lay.addWidget(self.renew_radio)
        self.renew_help = paragraph()
        self.renew_help.setContentsMargins(24, 0, 0, 0)
        lay.addWidget(self.renew_help)

        self.resume_title = heading()
        self.resume_label = QLabel()
        self.resume_combo = QComboBox()
        self.resume_label.setBuddy(self.resume_combo)
        self.resume_button = QPushButton()
        self.resume_button.clicked.connect(self._resume)
        row = QHBoxLayout()
        row.addWidget(self.resume_label)
        row.addWidget(self.resume_combo, 1)
        row.addWidget(self.resume_button)
        lay.addWidget(self.resume_title)
        lay.addLayout(row)
        self.set_saved([])

    def retranslate(self) -> None:
        self.setTitle(self.tr("Connect AFAS Profit to SmartBooqing"))
        self.setSubTitle(
            self.tr("This wizard takes you through every step in AFAS and checks at the end that the connection works.")
        )
        self.intro.setText(
            self.tr(
                "SmartBooqing reads your administration from AFAS Profit and books invoices into it. "
                "For that, AFAS needs SmartBooqing's connectors and an app connector with its login details: an "
                "OAuth client id and client secret (or, in older AFAS versions, a user token)."
            )
        )
        self.needs_title.setText(self.tr("What you need"))
        self.needs.setText(
            self.tr(
                "<ul><li>An AFAS Profit user with administrator rights (you create an app connector and its login "
                "details)."
                "</li><li>About 15 minutes.</li>"
                "<li>AFAS Profit open in your browser or the Profit app, next to this window.</li></ul>"
            )
        )
        self.lang_label.setText(self.tr("&Language:"))
        self.lang_combo.setAccessibleName(self.tr("Language"))
        self.mode_title.setText(self.tr("What do you want to do?"))
        self.setup_radio.setText(self.tr("&Set up a new connection (all steps)"))
        self.check_radio.setText(self.tr("&Check an existing connection"))
        help_text = self.tr(
            "Only the environment, the login details and the check. A connection with a classic token can then "
            "move to OAuth."
        )
        self.check_help.setText(help_text)
        self.check_radio.setAccessibleDescription(help_text)
        self.renew_radio.setText(self.tr("Rene&w the client secret"))
        renew_help = self.tr(
            "A new OAuth client secret before the old one expires: made in AFAS, checked, given to SmartBooqing, "
            "and the old one revoked."
        )
        self.renew_help.setText(renew_help)
        self.renew_radio.setAccessibleDescription(renew_help)
        self.resume_title.setText(self.tr("Continue where you left off"))
        self.resume_label.setText(self.tr("Saved o&rganisation:"))
        self.resume_combo.setAccessibleName(self.tr("Saved organisation"))
        self.resume_button.setText(self.tr("C&ontinue"))

    def refresh(self) -> None:
        s = self.machine.state
        index = self.lang_combo.findData(s.lang.value)
        if index >= 0 and index != self.lang_combo.currentIndex():
            self.lang_combo.blockSignals(True)
            self.lang_combo.setCurrentIndex(index)
            self.lang_combo.blockSignals(False)
        radio = {Mode.CHECK_EXISTING: self.check_radio, Mode.RENEW: self.renew_radio}.get(s.mode, self.setup_radio)
        if not radio.isChecked():
            radio.blockSignals(True)
            radio.setChecked(True)
            radio.blockSignals(False)

    def set_saved(self, saved: list[tuple[str, str]]) -> None:
        """Organisations with saved progress: (env_key, label)."""
        self.resume_combo.clear()
        for key, label in saved:
            self.resume_combo.addItem(label, key)
        for widget in (self.resume_title, self.resume_label, self.resume_combo, self.resume_button):
            widget.setVisible(bool(saved))

    def _language_chosen(self, _index: int) -> None:
        self.send(ChangeLanguage(Lang(self.lang_combo.currentData())))

    def _mode_chosen(self) -> None:
        if not any(r.isChecked() for r in (self.setup_radio, self.check_radio, self.renew_radio)):
            return  # the group's first toggle (off) of a switch: the second one (on) decides
        mode = Mode.SETUP if self.setup_radio.isChecked() else Mode.CHECK_EXISTING
        if self.renew_radio.isChecked():
            mode = Mode.RENEW
        if self.machine.state.mode is not mode:
            self.machine.state.mode = mode
            self.send(StateEdited())

    def _resume(self) -> None:
        key = self.resume_combo.currentData()
        if key:
            self.send(ResumeOrganisation(str(key)))
