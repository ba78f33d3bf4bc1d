"""Step 2: which AFAS environment (and, for the helpdesk's list, which organisation)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from wizard.domain.environment import ENV_HELP, EnvType, parse_environment
from wizard.domain.errors import InputError
from wizard.domain.steps import StepId
from wizard.flow.state import ProfitClient
from wizard.ui.intents import StateEdited
from wizard.ui.pages.base import StepPage
from wizard.ui.pages.fixflow import NextHint
from wizard.ui.widgets import Level, MessageLine, paragraph


def _with_help(field: QWidget, help_label: QLabel) -> QWidget:
    """A field with its explanation right under it (a separate form row leaves odd gaps)."""
    box = QWidget()
    v = QVBoxLayout(box)
    v.setContentsMargins(0, 0, 0, 0)
    v.setSpacing(2)
    v.addWidget(field)
    v.addWidget(help_label)
    return box


class EnvironmentPage(StepPage):
    step = StepId.ENVIRONMENT

    def build(self) -> None:
        form = QFormLayout()
        self.org_label = QLabel()
        self.org_edit = QLineEdit()
        self.org_label.setBuddy(self.org_edit)
        self.org_help = paragraph()
        form.addRow(self.org_label, _with_help(self.org_edit, self.org_help))

        self.env_label = QLabel()
        self.env_edit = QLineEdit()
        self.env_edit.setPlaceholderText("O12345AA")
        self.env_label.setBuddy(self.env_edit)
        self.env_help = paragraph()
        form.addRow(self.env_label, _with_help(self.env_edit, self.env_help))

        self.type_label = QLabel()
        self.type_combo = QComboBox()
        for env_type in EnvType:
            self.type_combo.addItem("", env_type.value)
        self.type_label.setBuddy(self.type_combo)
        form.addRow(self.type_label, self.type_combo)

        self.advanced = QCheckBox()
        form.addRow("", self.advanced)
        self.url_label = QLabel()
        self.url_edit = QLineEdit()
        self.url_edit.setPlaceholderText("https://profit.example.nl/ProfitRestServices")
        self.url_label.setBuddy(self.url_edit)
        form.addRow(self.url_label, self.url_edit)
        self.layout_.addLayout(form)
        self.result = MessageLine()
        self.layout_.addWidget(self.result)

        # How the user opens Profit decides which file paths the import step shows.
        self.client_label = QLabel()
        self.client_label.setWordWrap(True)
        self.client_browser = QRadioButton()
        self.client_app = QRadioButton()
        self.client_group = QButtonGroup(self)
        self.client_group.addButton(self.client_browser)
        self.client_group.addButton(self.client_app)
        self.client_help = paragraph()
        self.layout_.addWidget(self.client_label)
        self.layout_.addWidget(self.client_browser)
        self.layout_.addWidget(self.client_app)
        self.layout_.addWidget(self.client_help)
        self.client_browser.toggled.connect(self._client_chosen)
        self.client_app.toggled.connect(self._client_chosen)
        self.next_hint = NextHint(self)

        self.org_edit.textEdited.connect(self._edited)
        self.env_edit.textEdited.connect(self._edited)
        self.url_edit.textEdited.connect(self._edited)
        self.type_combo.currentIndexChanged.connect(self._edited)
        self.advanced.toggled.connect(self._advanced_toggled)
        self._show_url(False)

    def retranslate(self) -> None:
        self.setTitle(self.tr("Your AFAS environment"))
        self.setSubTitle(self.tr("Which AFAS Profit environment should SmartBooqing connect to?"))
        self.org_label.setText(self.tr("&Organisation name:"))
        self.org_edit.setAccessibleName(self.tr("Organisation name"))
        self.org_edit.setPlaceholderText(self.tr("e.g. Bakery De Vries Ltd"))
        self.org_help.setText(self.tr("For your own overview and the helpdesk's. It is not sent to AFAS."))
        self.env_label.setText(self.tr("&Environment:"))
        self.env_edit.setAccessibleName(self.tr("AFAS environment"))
        self.env_help.setText(self.text(ENV_HELP))
        self.type_label.setText(self.tr("&Type:"))
        self.type_combo.setAccessibleName(self.tr("Environment type"))
        for index in range(self.type_combo.count()):
            self.type_combo.setItemText(index, self.text(EnvType(self.type_combo.itemData(index)).label))
        self.advanced.setText(self.tr("&Advanced: AFAS Profit runs on your own server"))
        self.advanced.setAccessibleName(self.tr("AFAS Profit runs on your own server"))
        self.url_label.setText(self.tr("&Server address:"))
        self.url_edit.setAccessibleName(self.tr("Address of your own AFAS Profit server"))
        self.client_label.setText(self.tr("How do you open AFAS Profit?"))
        self.client_browser.setText(self.tr("In a &web browser"))
        self.client_app.setText(self.tr("As the Profit a&pp over Remote Desktop"))
        self.client_help.setText(
            self.tr(
                "This decides which file paths the import step shows: the browser reads the folders of this "
                "computer; the Profit app over Remote Desktop sees them as \\\\Client\\C$\\…"
            )
        )
        self._show_reason()

    def refresh(self) -> None:
        s = self.machine.state
        chosen = self.client_app if s.profit_client is ProfitClient.APP else self.client_browser
        if not chosen.isChecked():
            chosen.blockSignals(True)
            chosen.setChecked(True)
            chosen.blockSignals(False)
        if self.org_edit.text() != s.organisation:
            self.org_edit.setText(s.organisation)
        env = s.environment
        if env is not None and not self.env_edit.text():
            # Filling the fields from the state must not write half-filled fields back into it.
            self._filling = True
            try:
                self.env_edit.setText(env.env_id)
                self.type_combo.setCurrentIndex(max(0, self.type_combo.findData(env.type.value)))
                if env.custom_rest_url:
                    self.url_edit.setText(env.custom_rest_url)
                    self.advanced.setChecked(True)
            finally:
                self._filling = False
        self._show_result()

    def initializePage(self) -> None:
        super().initializePage()
        self.org_edit.setFocus()  # keyboard users start typing right away

    def _show_url(self, on: bool) -> None:
        self.url_label.setVisible(on)
        self.url_edit.setVisible(on)

    def _advanced_toggled(self, on: bool) -> None:
        self._show_url(on)
        if self._filling:
            return
        self._edited()

    _filling = False

    def _edited(self, *_args: object) -> None:
        if self._filling:
            return
        s = self.machine.state
        s.organisation = self.org_edit.text()  # stripped where it is used: stripping here eats typed spaces
        raw = self.env_edit.text()
        url = self.url_edit.text().strip() if self.advanced.isChecked() else ""
        self._error = ""
        try:
            env_type = EnvType(self.type_combo.currentData()) if raw.strip().isdigit() else None
            s.environment = parse_environment(raw, env_type, base_url=url or None) if raw.strip() else None
        except InputError as exc:
            s.environment = None
            self._error = exc.text(self.lang)
        self._show_result()
        self.send(StateEdited())

    _error = ""

    def _show_result(self) -> None:
        env = self.machine.state.environment
        if self._error:
            self.result.show_message(Level.ERROR, self._error)
        elif env is not None:
            self.result.show_message(
                Level.OK,
                self.tr("Environment {env}; SmartBooqing will use {url}").format(env=env.env_id, url=env.rest_base_url),
            )
        else:
            self.result.clear_message()
        by_number = self.env_edit.text().strip().isdigit()
        if env is not None and not by_number:  # the greyed box shows the type the id says (A80462AA: acceptance)
            self.type_combo.blockSignals(True)
            self.type_combo.setCurrentIndex(max(0, self.type_combo.findData(env.type.value)))
            self.type_combo.blockSignals(False)
        self.type_label.setEnabled(by_number)
        self.type_combo.setEnabled(by_number)
        self._show_reason()

    def _show_reason(self) -> None:
        # The check needs the environment: no way there early from here.
        reason = self.disabled_reason()
        self.next_hint.show_reason(reason + "." if reason else "", may_check=False)

    def disabled_reason(self) -> str:
        """Why Next is off, in the order of the fields."""
        if self.busy:
            return super().disabled_reason()
        s = self.machine.state
        reasons = []
        if not s.organisation.strip():
            reasons.append(self.tr("fill in a name for the organisation"))
        if s.environment is None:
            reasons.append(
                self.tr("correct the AFAS environment") if self._error else self.tr("fill in the AFAS environment")
            )
        return "; ".join(reasons)

    def _client_chosen(self, on: bool) -> None:
        if not on:
            return
        client = ProfitClient.APP if self.client_app.isChecked() else ProfitClient.BROWSER
        if client is not self.machine.state.profit_client:
            self.machine.state.profit_client = client
            self.send(StateEdited())
