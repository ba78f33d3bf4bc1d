"""Step 5: create the app connector in AFAS and unblock it; AFAS's names come from wizard.data.screens()."""

from __future__ import annotations

from wizard.data import screens
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
        afas = screens()
        new, props = afas.new_app_connector, afas.app_connector
        self.setTitle(self.tr("Create the app connector"))
        self.setSubTitle(self.tr("The app connector is the door through which SmartBooqing reaches your AFAS data."))
        self.steps.setText(
            self.tr(
                "<ol><li>In AFAS Profit go to <b>{path}</b> and click <b>{new}</b>.</li>"
                "<li>Fill in <b>{description}</b> and choose the <b>{group}</b> shown below; click "
                "<b>{ok}</b>.</li>"
                "<li>In the app connector's properties, untick <b>{blocked}</b> and click "
                "<b>{save}</b>.</li></ol>"
            ).format(
                path=self.text(afas.app_connector_list.menu.text),
                new=afas.app_connector_list.buttons.new.nl,
                description=new.fields.description.nl,
                group=new.fields.user_group.nl,
                ok=new.buttons.ok.nl,
                blocked=props.fields.blocked.nl,
                save=props.buttons.save_close.nl,
            )
        )
        self.values_title.setText(self.tr("Values to enter in AFAS:"))
        # AFAS's field names stay Dutch; English readers get the gloss in brackets.
        self.description_row.caption = self.text(new.fields.description.glossed)
        self.group_row.caption = self.text(new.fields.user_group.glossed)
        self.description_row.retranslate()
        self.group_row.retranslate()
        self.list_title.setText(self.tr("Done in AFAS:"))
        self.checklist.set_text(
            "created",
            self.tr("The app connector '{name}' exists, with user group {group}").format(
                name=defaults.description, group=defaults.user_group_nl
            ),
        )
        self.checklist.set_text("unblocked", self.tr("{blocked} is unticked").format(blocked=props.fields.blocked.nl))
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
