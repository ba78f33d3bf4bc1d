"""Step 8: the dossier item type must allow attachments (destination optional), confirmed by the user."""

from __future__ import annotations

from wizard.data import screens
from wizard.domain.steps import StepId
from wizard.ui.illustrations import Illustration
from wizard.ui.intents import StateEdited
from wizard.ui.pages.base import StepPage
from wizard.ui.pages.fixflow import FixFlow, NextHint, ticked_reason
from wizard.ui.widgets import Checklist, heading, paragraph


class DossierPage(StepPage):
    step = StepId.DOSSIER
    simulated = True

    def build(self) -> None:
        self.intro = paragraph()
        self.steps = paragraph()
        self.layout_.addWidget(self.intro)
        self.layout_.addWidget(self.steps)
        self.list_title = heading()
        self.layout_.addWidget(self.list_title)
        self.checklist = Checklist()
        self.checklist.add("purchase", "")
        self.checklist.add("sales", "")
        self.checklist.toggled.connect(self._toggled)
        self.layout_.addWidget(self.checklist)
        self.note = paragraph()
        self.layout_.addWidget(self.note)
        self.fix = FixFlow(self, [self.checklist], lambda item: self.checklist.boxes[item].text())
        self.next_hint = NextHint(self)
        self.illustration = Illustration(self.step)  # placed after the page's own widgets

    def retranslate(self) -> None:
        dossier = screens().dossier_item_types
        fields = dossier.fields
        self.setTitle(self.tr("Allow invoice documents as attachments"))
        self.setSubTitle(self.tr("SmartBooqing attaches the invoice document to the booking as a dossier item."))
        self.intro.setText(
            self.tr(
                "AFAS accepts the attachment only if the dossier item type allows it for purchase and sales "
                "invoices. Check this setting once per AFAS organisation."
            )
        )
        self.steps.setText(
            self.tr(
                "<ol><li>In AFAS Profit go to <b>{path}</b>.</li>"
                "<li>Find the type your invoice documents are filed as. Only a type with <b>Link file</b> "
                "ticked in the list can carry a document, for example {types}. Not sure "
                "which one? Check each of these.</li>"
                "<li>Open its properties and go to the tab <b>{tab}</b>.</li>"
                "<li>Set the destination to <b>{optional}</b> for <b>{purchase}</b> and for "
                "<b>{sales}</b>, then click <b>{ok}</b>.</li></ol>"
            ).format(
                path=self.text(dossier.menu.text),
                types=", ".join(f"<b>{t.name}</b> ({t.id})" for t in dossier.examples if t.link_file) or "–",
                tab=dossier.tabs.destination.nl,
                optional=fields.optional.nl,
                purchase=fields.purchase.nl,
                sales=fields.sales.nl,
                ok=dossier.buttons.ok.nl,
            )
        )
        self.list_title.setText(self.tr("Checked in AFAS:"))
        for item, relation in (("purchase", fields.purchase), ("sales", fields.sales)):
            self.fix.set_text(item, f"{relation.nl}: {fields.optional.nl}")  # AFAS's words, untranslated
        self.note.setText(
            self.tr(
                "ℹ The check cannot read this setting from AFAS, so it shows it as <b>Check yourself</b>: only "
                "your ticks here say it is done. Not allowed yet? Then SmartBooqing can book the invoice, but "
                "cannot attach the document."
            )
        )

    def refresh(self) -> None:
        self.checklist.show_ticks(self.machine.state.ticked(self.step))
        self.fix.refresh()
        self.next_hint.show_reason(ticked_reason(self))

    def _toggled(self, item: str, on: bool) -> None:
        self.machine.state.set_tick(self.step, item, on)
        self.send(StateEdited())
