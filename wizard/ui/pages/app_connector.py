"""Step 5: create the app connector (Algemeen > Beheer > App connector > Nieuw) and untick Geblokkeerd."""

from __future__ import annotations

from wizard.flow.steps import StepId
from wizard.ui.intents import StateEdited
from wizard.ui.pages.base import StepPage
from wizard.ui.widgets import Checklist, CopyRow, heading, paragraph


class AppConnectorPage(StepPage):
    step = StepId.APP_CONNECTOR
    simulated = True

    def build(self) -> None:
        defaults = self.machine.manifest.app_connector
        self.steps = paragraph()
        self.layout_.addWidget(self.steps)
        self.values_title = heading()
        self.layout_.addWidget(self.values_title)
        self.description_row = CopyRow(defaults.description)
        self.layout_.addWidget(self.description_row)
        self.group_row = CopyRow(defaults.user_group_nl)
        self.layout_.addWidget(self.group_row)
        self.list_title = heading()
        self.layout_.addWidget(self.list_title)
        self.checklist = Checklist()
        self.checklist.add("created", "")
        self.checklist.add("unblocked", "")
        self.checklist.toggled.connect(self._toggled)
        self.layout_.addWidget(self.checklist)
        self.note = paragraph()
        self.layout_.addWidget(self.note)

    def retranslate(self) -> None:
        defaults = self.machine.manifest.app_connector
        self.setTitle(self.tr("Create the app connector"))
        self.setSubTitle(self.tr("The app connector is the door through which SmartBooqing reaches your AFAS data."))
        self.steps.setText(
            self.tr(
                "<ol><li>In AFAS Profit go to <b>Algemeen › Beheer › App connector</b> and click <b>Nieuw</b>.</li>"
                "<li>Fill in <b>Omschrijving</b> and choose the <b>Gebruikersgroep</b> shown below; click "
                "<b>OK</b>.</li>"
                "<li>In the app connector's properties, untick <b>Geblokkeerd</b> and click "
                "<b>Opslaan en sluiten</b>.</li></ol>"
            )
        )
        self.values_title.setText(self.tr("Values to enter in AFAS:"))
        self.description_row.caption = self.tr("Omschrijving (description)")
        self.group_row.caption = self.tr("Gebruikersgroep (user group)")
        self.description_row.retranslate()
        self.group_row.retranslate()
        self.list_title.setText(self.tr("Done in AFAS:"))
        self.checklist.set_text(
            "created",
            self.tr("The app connector '{name}' exists, with user group {group}").format(
                name=defaults.description, group=defaults.user_group_nl
            ),
        )
        self.checklist.set_text("unblocked", self.tr("Geblokkeerd is unticked"))
        self.note.setText(
            self.tr(
                "Every AFAS organisation needs its own app connector and token. If you manage several "
                "organisations, run this wizard once for each."
            )
        )

    def refresh(self) -> None:
        self.checklist.show_ticks(self.machine.state.ticked(self.step))

    def _toggled(self, item: str, on: bool) -> None:
        self.machine.state.set_tick(self.step, item, on)
        self.send(StateEdited())
