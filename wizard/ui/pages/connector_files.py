"""Step 3: save the 7 .gcn files to a folder and show each path as Profit's import dialog will show it."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from wizard.data import screens
from wizard.domain.steps import StepId
from wizard.flow.state import ProfitClient
from wizard.ui.intents import ExportConnectors, OpenFolder, StateEdited
from wizard.ui.pages.base import StepPage
from wizard.ui.pages.fixflow import NextHint
from wizard.ui.widgets import Banner, CopyRow, Level, MessageLine, heading, paragraph


def ask_folder(parent: QWidget, title: str, start: str) -> str:
    """Seam for tests: the folder picker."""
    return QFileDialog.getExistingDirectory(parent, title, start)


class ConnectorFilesPage(StepPage):
    step = StepId.CONNECTOR_FILES

    def build(self) -> None:
        lay = self.layout_
        self.stand_in_banner = Banner()
        lay.addWidget(self.stand_in_banner)
        self.intro = paragraph()
        lay.addWidget(self.intro)
        row = QHBoxLayout()
        self.folder_label = QLabel()
        self.folder_edit = QLineEdit()
        self.folder_label.setBuddy(self.folder_edit)
        self.browse = QPushButton()
        row.addWidget(self.folder_label)
        row.addWidget(self.folder_edit, 1)
        row.addWidget(self.browse)
        lay.addLayout(row)
        self.folder_reason = MessageLine()  # why the suggestion is not Documents
        lay.addWidget(self.folder_reason)
        buttons = QHBoxLayout()
        self.export_button = QPushButton()
        self.open_button = QPushButton()
        buttons.addWidget(self.export_button)
        buttons.addWidget(self.open_button)
        buttons.addStretch(1)
        lay.addLayout(buttons)
        self.files_title = heading()
        self.files_help = paragraph()
        lay.addWidget(self.files_title)
        lay.addWidget(self.files_help)
        self.files_box = QWidget()
        self.files_layout = QVBoxLayout(self.files_box)
        self.files_layout.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.files_box)
        self._rows: list[CopyRow] = []

        self.browse.clicked.connect(self._browse)
        self.export_button.clicked.connect(self._export)
        self.open_button.clicked.connect(lambda: self.send(OpenFolder(self.folder_edit.text())))
        self.folder_edit.textEdited.connect(self._folder_edited)
        self.next_hint = NextHint(self)

    def retranslate(self) -> None:
        n = len(self.machine.manifest.gcn_files)
        self.setTitle(self.tr("SmartBooqing's connector files"))
        self.setSubTitle(self.tr("Save the connector files on this computer, so you can import them into AFAS."))
        self.intro.setText(
            self.tr(
                "SmartBooqing reads your administration through {n} GetConnectors of its own. "
                "Save the {n} <b>.gcn</b> files in a folder; in the next step you import them into AFAS."
            ).format(n=n)
        )
        self.folder_label.setText(self.tr("F&older:"))
        self.folder_edit.setAccessibleName(self.tr("Folder for the connector files"))
        self.browse.setText(self.tr("Bro&wse…"))
        self.browse.setAccessibleName(self.tr("Choose a folder"))
        self.export_button.setText(self.tr("&Save the {n} files").format(n=n))
        self.open_button.setText(self.tr("O&pen the folder"))
        self.files_title.setText(self.tr("Where AFAS will find the files"))
        self._help_text()
        self.stand_in_banner.set_text(
            self.tr(
                "⚠ Development version: these files are stand-ins made for testing, not SmartBooqing's official "
                "connectors. They work with the simulated AFAS only. Do not import them into a real AFAS "
                "environment."
            )
        )
        for row in self._rows:
            row.retranslate()

    def _help_text(self) -> None:
        dialog = screens().import_definitions.title.nl
        if self.machine.state.profit_client is ProfitClient.APP:
            text = self.tr(
                "The Profit app over Remote Desktop shows the drives of this computer as "
                "<b>\\\\Client\\C$\\…</b> in its import dialog. Copy a path below into the file name box of "
                "<b>{dialog}</b>."
            )
        else:
            text = self.tr(
                "In the browser, the import dialog <b>{dialog}</b> opens your browser's own file picker: go to this "
                "folder on this computer. A path below can be pasted into its file name box."
            )
        self.files_help.setText(text.format(dialog=dialog))

    def disabled_reason(self) -> str:
        if not self.busy and not self.machine.state.exported:
            return self.tr("save the files first (the button above)")
        return super().disabled_reason()

    def refresh(self) -> None:
        s = self.machine.state
        self._help_text()
        reason = s.export_folder_reason
        if reason is not None and s.export_folder:
            self.folder_reason.show_message(
                Level.INFO,
                self.tr("Suggested here and not in Documents: {reason}").format(reason=self.text(reason)),
            )
        else:
            self.folder_reason.clear_message()
        why_not = self.disabled_reason()
        self.next_hint.show_reason(why_not + "." if why_not else "")
        if s.export_folder and self.folder_edit.text() != s.export_folder:
            self.folder_edit.setText(s.export_folder)
        self.stand_in_banner.setVisible(self.machine.manifest.has_stand_ins or s.stand_ins)
        self.open_button.setEnabled(s.exported)
        shown = [(row.value, row.caption) for row in self._rows]
        titles = {
            g.file: self.text(self.machine.manifest.name_of(g.connector)) for g in self.machine.manifest.gcn_files
        }
        browser = s.profit_client is ProfitClient.BROWSER and s.export_folder
        wanted = [
            (str(Path(s.export_folder) / name) if browser and s.export_folder else path, titles.get(name, ""))
            for name, path in s.export_files.items()
        ]
        if shown != wanted:
            for row in self._rows:
                row.deleteLater()
            self._rows = [CopyRow(path, caption) for path, caption in wanted]
            for row in self._rows:
                self.files_layout.addWidget(row)
        visible = bool(self._rows) and s.exported
        self.files_title.setVisible(visible)
        self.files_help.setVisible(visible)
        self.files_box.setVisible(visible)

    def _browse(self) -> None:
        folder = ask_folder(self, self.tr("Folder for the connector files"), self.folder_edit.text())
        if folder:
            self.folder_edit.setText(folder)
            self._folder_edited(folder)

    def _folder_edited(self, folder: str) -> None:
        s = self.machine.state
        if folder != s.export_folder:
            s.export_folder = folder or None
            s.export_folder_reason = None  # the user chose: the suggestion's reason no longer applies
            s.exported = False
            self.send(StateEdited())

    def _export(self) -> None:
        folder = self.folder_edit.text().strip()
        if folder:
            self.send(ExportConnectors(folder))
