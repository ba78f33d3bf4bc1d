"""About and "Info for the helpdesk": version and build, and the facts `sbq-setup diagnose` prints, with a copy button.

The facts come from wizard.stores.diagnostics (one Qt-free function for both); the keyring's first discovery can take
a moment, so the dialog is built only when the user opens it.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QFontDatabase, QGuiApplication
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QHBoxLayout, QLabel, QPlainTextEdit, QVBoxLayout, QWidget

from wizard import __version__, installation
from wizard.flow.state import WizardState
from wizard.stores.diagnostics import Session, as_text, build_text, helpdesk_facts, result_text
from wizard.ui.widgets import Level, MessageLine, svg_pixmap


def session_of(state: WizardState) -> Session:
    """What the wizard knows now, in the reader's language (never the token)."""
    summary = state.verification
    result = ""
    if summary is not None:
        result = result_text(summary.passed, summary.warnings, summary.failed, summary.skipped, state.lang)
    environment = state.environment.env_id if state.environment is not None else ""
    if state.environment is not None and state.environment.custom_rest_url:
        environment = state.environment.key
    return Session(organisation=state.organisation, environment=environment, last_result=result)


def version_line(state: WizardState) -> str:
    """'Version 0.4.0 (development build)': shown in the About box and the helpdesk panel's first line."""
    build = build_text(installation.build_info(), state.lang)
    line = QCoreApplication.translate("Helpdesk", "Version {version} ({build})")
    return line.format(version=__version__, build=build)


class HelpdeskDialog(QDialog):
    """About this program + the helpdesk facts as plain text the user can copy into an e-mail."""

    def __init__(self, state: WizardState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(QCoreApplication.translate("Helpdesk", "About and info for the helpdesk"))
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        mark = QLabel()
        mark.setPixmap(svg_pixmap("mark", 48, self.devicePixelRatioF()))
        mark.setAccessibleName(QCoreApplication.translate("Helpdesk", "SmartBooqing mark"))
        top.addWidget(mark, 0, Qt.AlignmentFlag.AlignTop)
        about = QLabel()
        about.setWordWrap(True)
        about.setTextFormat(Qt.TextFormat.RichText)
        about.setOpenExternalLinks(True)
        about.setText(
            "<b>SmartBooqing AFAS Setup</b><br>"
            + version_line(state)
            + "<br>"
            + QCoreApplication.translate(
                "Helpdesk",
                "Questions? Mail the SmartBooqing helpdesk at "
                "<a href='mailto:helpdesk@smartbooqing.com'>helpdesk@smartbooqing.com</a> and paste the info below.",
            )
        )
        top.addWidget(about, 1)
        layout.addLayout(top)
        self.facts_title = QLabel(
            QCoreApplication.translate("Helpdesk", "Info for the helpdesk (no passwords or tokens):")
        )
        layout.addWidget(self.facts_title)
        self.facts = QPlainTextEdit()
        self.facts.setReadOnly(True)
        self.facts.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))  # the labels line up
        self.facts.setAccessibleName(QCoreApplication.translate("Helpdesk", "Info for the helpdesk"))
        self.facts_title.setBuddy(self.facts)
        self.facts.setPlainText(self.text_for(state))
        layout.addWidget(self.facts, 1)
        self.copied = MessageLine()
        layout.addWidget(self.copied)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.copy_button = buttons.addButton(
            QCoreApplication.translate("Helpdesk", "Copy info"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.copy_button.setAccessibleName(QCoreApplication.translate("Helpdesk", "Copy the info for the helpdesk"))
        self.copy_button.clicked.connect(self.copy)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(560, 420)

    @staticmethod
    def text_for(state: WizardState) -> str:
        return as_text(helpdesk_facts(state.lang, session_of(state)), state.lang)

    def copy(self) -> None:
        QGuiApplication.clipboard().setText(self.facts.toPlainText())
        self.copied.show_message(Level.OK, QCoreApplication.translate("Helpdesk", "Copied: paste it into your e-mail."))
