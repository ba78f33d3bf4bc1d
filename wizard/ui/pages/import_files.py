"""Step 4: import the files in AFAS's GetConnector list: one tick for the folder, or one per file.

The paths shown depend on how the user opens Profit (chosen on the environment page): the browser's file picker
reads this computer's disk; the Profit app over Remote Desktop shows this computer's drives as \\\\Client\\C$\\...
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QLabel, QPushButton

from wizard.data import screens
from wizard.domain.afas_screens import AfasPath
from wizard.domain.steps import StepId
from wizard.flow.machine import gcn_item
from wizard.flow.state import ProfitClient
from wizard.ui.illustrations import Illustration
from wizard.ui.intents import StateEdited
from wizard.ui.pages.base import StepPage
from wizard.ui.pages.fixflow import FixFlow, NextHint, manifest_name, ticked_reason
from wizard.ui.widgets import Checklist, heading, paragraph

FOLDER = "folder"  # the one tick that stands for every file (not a checklist item of the machine's)


def folder_of(dialog_path: str) -> str:
    """The folder part of a path as the import dialog shows it (\\\\Client\\C$\\... or a local path)."""
    cut = max(dialog_path.rfind("\\"), dialog_path.rfind("/"))
    return dialog_path[:cut] if cut > 0 else dialog_path


class ImportPage(StepPage):
    step = StepId.IMPORT
    simulated = True

    def build(self) -> None:
        self.steps = paragraph()
        self.layout_.addWidget(self.steps)
        self.folder_label = QLabel()
        self.folder_label.setWordWrap(True)
        self.folder_copy = QPushButton()
        self.folder_copy.clicked.connect(lambda: QGuiApplication.clipboard().setText(self._folder_path()))
        self.layout_.addWidget(self.folder_label)
        self.layout_.addWidget(self.folder_copy, 0, Qt.AlignmentFlag.AlignLeft)  # a button, not a bar across
        # One tick for the folder (AFAS's "Map" imports every file at once); the files below for one at a time.
        self.folder_tick = Checklist()
        self.folder_tick.add(FOLDER, "")
        self.folder_tick.toggled.connect(self._folder_toggled)
        self.layout_.addWidget(self.folder_tick)
        self.list_title = heading()
        self.layout_.addWidget(self.list_title)
        self.checklist = Checklist()
        self._copy: dict[str, QPushButton] = {}
        for gcn in self.machine.manifest.gcn_files:
            button = QPushButton()
            button.clicked.connect(lambda _=False, f=gcn.file: self._copy_path(f))
            self._copy[gcn.file] = button
            self.checklist.add(gcn_item(gcn.file), gcn.file, button)
        self.checklist.toggled.connect(self._toggled)
        self.layout_.addWidget(self.checklist)
        self.note = paragraph()
        self.layout_.addWidget(self.note)
        self.fix = FixFlow(self, [self.checklist], manifest_name(self))
        self.next_hint = NextHint(self)
        self.illustration = Illustration(self.step)  # placed after the page's own widgets

    def retranslate(self) -> None:
        afas = screens()
        gcn_list, dialog = afas.getconnector_list, afas.import_definitions
        self.setTitle(self.tr("Import the connectors into AFAS"))
        self.setSubTitle(self.tr("Import the files in AFAS Profit and tick here when AFAS has accepted them."))
        self.steps.setText(
            self.tr(
                "<ol>"
                "<li>In AFAS Profit go to <b>{path}</b>.</li>"
                "<li>Click <b>{action}</b> (Ctrl+5).</li>"
                "<li>In <b>{dialog}</b> click <b>{folder}</b> and choose the folder below: AFAS imports all "
                "{n} files at once. (Or click <b>{file}</b> for one file at a time.)</li>"
                "<li>Click <b>{finish}</b>.</li></ol>"
            ).format(
                path=self.text(gcn_list.menu.then(gcn_list.title).text),
                action=self.text(AfasPath().then(gcn_list.buttons.more_actions, gcn_list.buttons.import_action).text),
                dialog=dialog.title.nl,
                folder=dialog.buttons.folder.nl,
                file=dialog.buttons.file.nl,
                finish=dialog.buttons.finish.nl,
                n=len(self.machine.manifest.gcn_files),
            )
        )
        self.folder_copy.setText(QCoreApplication.translate("Widgets", "Copy the folder"))
        self.folder_copy.setAccessibleName(self.tr("Copy the folder path for the import dialog"))
        self.folder_tick.set_text(
            FOLDER,
            self.tr("All {n} files are imported (with {folder})").format(
                n=len(self.machine.manifest.gcn_files), folder=dialog.buttons.folder.nl
            ),
        )
        self.list_title.setText(self.tr("Or tick each file imported one at a time:"))
        for gcn in self.machine.manifest.gcn_files:
            self.fix.set_text(gcn_item(gcn.file), self.text(self.machine.manifest.file_name_of(gcn)))
            self._copy[gcn.file].setText(QCoreApplication.translate("Widgets", "Copy path"))
            self._copy[gcn.file].setAccessibleName(
                QCoreApplication.translate("Widgets", "Copy path of {value}").format(value=gcn.file)
            )
        self.note.setText(
            self.tr(
                "Afterwards the list in <b>{list}</b> shows connectors starting with "
                "<b>SBQ_</b>, such as SBQ_BTW and SBQ_Crediteuren."
            ).format(list=gcn_list.title.nl)
        )
        self._show_folder()

    # -- paths as the import dialog understands them --------------------------------------------------------------
    def path_of(self, name: str) -> str:
        """The path to paste: local for the browser, as the Profit app shows it (\\\\Client\\C$\\...) for the app."""
        s = self.machine.state
        if s.profit_client is ProfitClient.APP and name in s.export_files:
            return s.export_files[name]
        if s.export_folder:
            return str(Path(s.export_folder) / name)
        return s.export_files.get(name, "")

    def _folder_path(self) -> str:
        s = self.machine.state
        if s.profit_client is ProfitClient.APP and s.export_files:
            return folder_of(next(iter(s.export_files.values())))
        return s.export_folder or ""

    def _show_folder(self) -> None:
        s = self.machine.state
        folder = self._folder_path()
        how = (
            self.tr("You open Profit as the app over Remote Desktop: it sees this computer's drives as \\\\Client.")
            if s.profit_client is ProfitClient.APP
            else self.tr("You open Profit in your browser, so its file picker shows this computer's own folders.")
        )
        self.folder_label.setText(
            self.tr("The folder with the files: {folder}").format(folder=f"<code>{folder}</code>" if folder else "–")
            + "<br>"
            + how
            + " "
            + self.tr("(Change this in step 2.)")
        )
        self.folder_copy.setEnabled(bool(folder) and s.exported)

    def refresh(self) -> None:
        s = self.machine.state
        ticked = s.ticked(self.step)
        self.checklist.show_ticks(ticked)
        self.folder_tick.show_ticks({FOLDER} if not self.machine.missing(self.step) else set())
        for name, button in self._copy.items():
            button.setEnabled(s.exported and bool(self.path_of(name)))
        self._show_folder()
        self.fix.refresh()
        self.next_hint.show_reason(ticked_reason(self))

    def _copy_path(self, name: str) -> None:
        path = self.path_of(name)
        if path:
            QGuiApplication.clipboard().setText(path)

    def _folder_toggled(self, _item: str, on: bool) -> None:
        for item in self.machine.items(self.step):
            self.machine.state.set_tick(self.step, item, on)
        self.send(StateEdited())

    def _toggled(self, item: str, on: bool) -> None:
        self.machine.state.set_tick(self.step, item, on)
        self.send(StateEdited())
