"""About and "Info for the helpdesk": version and build, and the facts `sbq-setup diagnose` prints, with a copy button
and an export of everything (facts, last report, log) as one zip.

The facts come from wizard.stores.diagnostics and the zip from wizard.stores.helpdesk_export (Qt-free, the same as
`sbq-setup diagnose --json` and `--export`); the keyring's first discovery can take a moment, so the dialog is built
only when the user opens it.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QFontDatabase, QFontMetricsF, QGuiApplication, QTextBlockFormat, QTextCursor
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from wizard import __version__, installation
from wizard.domain.smartbooqing import HELPDESK_MAIL
from wizard.domain.steps import StepId
from wizard.flow.state import WizardState
from wizard.stores.diagnostics import as_text, build_text, helpdesk_facts, session_of
from wizard.stores.helpdesk_export import ReportFiles, write_export
from wizard.ui.pages.base import step_name
from wizard.ui.widgets import Level, MessageLine, svg_pixmap

if TYPE_CHECKING:  # the verification stack (httpx) loads when the check first runs
    from wizard.verify.report import Report


def version_line(state: WizardState) -> str:
    """'Version 0.4.0 (development build)': shown in the About box and the helpdesk panel's first line."""
    build = build_text(installation.build_info(), state.lang)
    line = QCoreApplication.translate("Helpdesk", "Version {version} ({build})")
    return line.format(version=__version__, build=build)


class HelpdeskDialog(QDialog):
    """About this program + the helpdesk facts as plain text the user can copy into an e-mail."""

    def __init__(
        self,
        state: WizardState,
        parent: QWidget | None = None,
        *,
        current: StepId | None = None,
        last_report: Callable[[], Report | None] = lambda: None,
    ) -> None:
        super().__init__(parent)
        self.state = state
        self.session = session_of(state, current, step_name(current) if current is not None else "")
        self._last_report = last_report
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
                "Questions? Mail the SmartBooqing helpdesk at <a href='mailto:{mail}'>{mail}</a> and paste the "
                "info below.",
            ).format(mail=HELPDESK_MAIL)
        )
        top.addWidget(about, 1)
        layout.addLayout(top)
        self.facts_title = QLabel(
            QCoreApplication.translate("Helpdesk", "Info for the helpdesk (no passwords or tokens):")
        )
        layout.addWidget(self.facts_title)
        self.facts = QTextEdit()
        self.facts.setReadOnly(True)
        self.facts.setAcceptRichText(False)
        self.facts.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))  # the labels line up
        self.facts.setAccessibleName(QCoreApplication.translate("Helpdesk", "Info for the helpdesk"))
        self.facts_title.setBuddy(self.facts)
        facts = helpdesk_facts(state.lang, self.session)
        self.facts.setPlainText(as_text(facts, state.lang))
        self._hang(max((len(f.label.get(state.lang)) for f in facts), default=0) + 2)
        layout.addWidget(self.facts, 1)
        self.copied = MessageLine()
        layout.addWidget(self.copied)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.copy_button = buttons.addButton(
            QCoreApplication.translate("Helpdesk", "Co&py info"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.copy_button.setAccessibleName(QCoreApplication.translate("Helpdesk", "Copy the info for the helpdesk"))
        self.copy_button.clicked.connect(self.copy)
        self.export_button = buttons.addButton(
            QCoreApplication.translate("Helpdesk", "&Export for the helpdesk…"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.export_button.setAccessibleName(
            QCoreApplication.translate("Helpdesk", "Export the info, the last report and the log as one zip file")
        )
        self.export_button.clicked.connect(self.ask_export)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(680, 460)  # fits 1024x600 at 125 %

    def _hang(self, column: int) -> None:
        """A long value wraps under itself, not under the labels: each line hangs at the values' column."""
        margin = QFontMetricsF(self.facts.font()).horizontalAdvance(" " * column)
        hanging = QTextBlockFormat()
        hanging.setLeftMargin(margin)
        hanging.setTextIndent(-margin)
        cursor = QTextCursor(self.facts.document())
        cursor.select(QTextCursor.SelectionType.Document)
        cursor.mergeBlockFormat(hanging)

    def copy(self) -> None:
        QGuiApplication.clipboard().setText(self.facts.toPlainText())
        self.copied.show_message(Level.OK, QCoreApplication.translate("Helpdesk", "Copied: paste it into your e-mail."))

    def ask_export(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self,
            QCoreApplication.translate("Helpdesk", "Export for the helpdesk"),
            str(Path.home() / "sbq-setup-helpdesk.zip"),
            QCoreApplication.translate("Helpdesk", "Zip files (*.zip)"),
        )
        if path:
            self.export_to(Path(path))

    def export_to(self, path: Path) -> None:
        """Write the zip: a few small files, so at once; the message says where, or why not."""
        report = self._last_report()
        lang = self.state.lang
        files = ReportFiles(html=report.to_html(lang), json=report.to_json(lang)) if report is not None else None
        try:
            written = write_export(path, lang, self.session, files)
        except OSError as exc:
            reason = exc.strerror or type(exc).__name__
            line = QCoreApplication.translate("Helpdesk", "The export could not be written: {reason}")
            self.copied.show_message(Level.ERROR, line.format(reason=reason))
            return
        line = QCoreApplication.translate("Helpdesk", "Saved: {path}. Attach this file to your e-mail.")
        self.copied.show_message(Level.OK, line.format(path=written))
