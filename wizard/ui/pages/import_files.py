"""Step 4: import the files in AFAS's GetConnector list, one tick per file; AFAS's names from wizard.data.screens()."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QPushButton

from wizard.data import screens
from wizard.domain.afas_screens import AfasPath
from wizard.flow.machine import gcn_item
from wizard.flow.steps import StepId
from wizard.ui.intents import StateEdited
from wizard.ui.pages.base import StepPage
from wizard.ui.widgets import Checklist, heading, paragraph


class ImportPage(StepPage):
    step = StepId.IMPORT
    simulated = True

    def build(self) -> None:
        self.steps = paragraph()
        self.layout_.addWidget(self.steps)
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

    def retranslate(self) -> None:
        afas = screens()
        gcn_list, dialog = afas.getconnector_list, afas.import_definitions
        self.setTitle(self.tr("Import the connectors into AFAS"))
        self.setSubTitle(self.tr("Import each file in AFAS Profit and tick it here when AFAS has accepted it."))
        self.steps.setText(
            self.tr(
                "<ol>"
                "<li>In AFAS Profit go to <b>{path}</b>.</li>"
                "<li>Click <b>{action}</b> (Ctrl+5).</li>"
                "<li>In <b>{dialog}</b> click <b>{file}</b>, choose the file (or paste the path "
                "you copy here) and click <b>{finish}</b>.</li>"
                "<li>Repeat for every file below.</li></ol>"
            ).format(
                path=self.text(gcn_list.menu.then(gcn_list.title).text),
                action=self.text(AfasPath().then(gcn_list.buttons.more_actions, gcn_list.buttons.import_action).text),
                dialog=dialog.title.nl,
                file=dialog.buttons.file.nl,
                finish=dialog.buttons.finish.nl,
            )
        )
        self.list_title.setText(self.tr("Imported into AFAS:"))
        for gcn in self.machine.manifest.gcn_files:
            self.checklist.set_text(gcn_item(gcn.file), f"{gcn.file} — {self.text(gcn.title)}")
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

    def refresh(self) -> None:
        s = self.machine.state
        self.checklist.show_ticks(s.ticked(self.step))
        for name, button in self._copy.items():
            button.setEnabled(name in s.export_files)

    def _copy_path(self, name: str) -> None:
        from PySide6.QtGui import QGuiApplication

        path = self.machine.state.export_files.get(name)
        if path:
            QGuiApplication.clipboard().setText(path)

    def _toggled(self, item: str, on: bool) -> None:
        self.machine.state.set_tick(self.step, item, on)
        self.send(StateEdited())
