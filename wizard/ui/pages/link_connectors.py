"""Step 7: link the manifest's connectors on the app connector's tab for each kind (from wizard.data.screens())."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QLabel

from wizard.data import screens
from wizard.domain.manifest import ConnectorSpec, Kind
from wizard.domain.smartbooqing import HELPDESK_MAIL
from wizard.domain.steps import StepId
from wizard.flow.state import AuthKind
from wizard.ui.illustrations import Illustration
from wizard.ui.intents import StateEdited
from wizard.ui.pages.base import StepPage, step_name
from wizard.ui.pages.fixflow import NAMED_AT_MOST, FixFlow, NextHint, manifest_name, ticked_reason
from wizard.ui.pages.status_link import LinkedMessageLine
from wizard.ui.widgets import Checklist, CopyButton, Level, heading, paragraph

if TYPE_CHECKING:
    from wizard.flow.link_watch import LinkReading

KINDS: tuple[Kind, ...] = ("get", "update", "special")  # in the order of the app connector's tabs


class LinkConnectorsPage(StepPage):
    step = StepId.LINK_CONNECTORS
    simulated = True

    def build(self) -> None:
        self.steps = paragraph()
        self.layout_.addWidget(self.steps)
        # The live check (wizard.flow.link_watch): what AFAS lists now, still missing, or why it cannot tell.
        self.live = LinkedMessageLine()  # AFAS's maintenance names afasstatus.nl: a link
        self.layout_.addWidget(self.live)
        self._reading: LinkReading | None = None
        self._problem = False  # the live check's last word was why it could not read AFAS
        self._paused = False  # ... or that it paused
        self._said = ""  # the reading's words as last said (said again only when they change)
        self.checklist = Checklist()
        self._titles: dict[str, QLabel] = {}
        self._copy: dict[str, tuple[CopyButton, ConnectorSpec]] = {}
        self._sections: list[tuple[Kind, QLabel, Checklist]] = []
        for kind in KINDS:
            title = heading()
            self.layout_.addWidget(title)
            checklist = Checklist()
            for spec in self.machine.manifest.connectors:
                if spec.kind != kind:
                    continue
                button = CopyButton(spec.id, screens().app_connector.tab_for(kind).nl)  # "Copy for GetConnectoren"
                item = f"{spec.kind}:{spec.id}"
                self._copy[item] = (button, spec)
                checklist.add(item, spec.id, button)
            checklist.toggled.connect(self._toggled)
            self.layout_.addWidget(checklist)
            self._sections.append((kind, title, checklist))
        self.note = paragraph()
        self.layout_.addWidget(self.note)
        self.after = paragraph()
        self.layout_.addWidget(self.after)
        self.fix = FixFlow(self, [c for _k, _t, c in self._sections], manifest_name(self))
        self.next_hint = NextHint(self)
        self.illustration = Illustration(self.step)  # placed after the page's own widgets

    def retranslate(self) -> None:
        afas = screens()
        app = afas.app_connector
        self.setTitle(self.tr("Link the connectors to the app connector"))
        self.setSubTitle(self.tr("SmartBooqing can use only the connectors you link here."))
        self.steps.setText(
            self.tr(
                "Open the app connector (<b>{path}</b>, double-click it). On each tab "
                "on the left (<b>{get}</b>, <b>{update}</b>, <b>{special}</b>) click "
                "<b>{new}</b>, select the connectors below and click <b>{finish}</b>."
            ).format(
                path=self.text(afas.app_connector_list.menu.text),
                get=app.tab_for("get").nl,
                update=app.tab_for("update").nl,
                special=app.tab_for("special").nl,
                new=app.buttons.new.nl,
                finish=app.buttons.finish.nl,
            )
        )
        for kind, title, _checklist in self._sections:
            n = sum(1 for c in self.machine.manifest.connectors if c.kind == kind)
            title.setText(self.tr("Tab {tab} ({n})").format(tab=app.tab_for(kind).nl, n=n))
            for item, (button, spec) in self._copy.items():
                if spec.kind == kind:
                    label = f"{spec.id} — {self.text(spec.description)}"
                    if spec.source == "partner":
                        # On its own line: a row as wide as its text, with its button, must fit a 1024 px screen.
                        label += "\n" + self.tr("from a partner (see below the list)")
                    self.fix.set_text(item, label)
                    button.retranslate()
        self.note.setText(
            self.tr(
                "A connector marked 'from a partner' exists only where AFAS or that partner installed it. If one "
                "is missing from your list in AFAS, contact the SmartBooqing helpdesk at {mail}."
            ).format(mail=HELPDESK_MAIL)
        )
        self._show_after()

    def _show_after(self) -> None:
        afas = screens()
        app = afas.app_connector
        after = self.tr(
            "<b>When all are linked:</b> click <b>{ok}</b> (or <b>{save}</b>) to close the app connector, so AFAS "
            "saves it."
        ).format(ok=app.buttons.ok.nl, save=app.buttons.save_close.nl)
        if self.machine.state.auth is AuthKind.CLASSIC:  # an OAuth client has no token user
            after += " " + self.tr(
                "With a user token, SmartBooqing reads as that token's user: it must belong to the app connector's "
                "<b>{group}</b> and have rights on these connectors."
            ).format(group=afas.new_app_connector.fields.user_group.nl)
        self.after.setText(after)

    # -- the live check ----------------------------------------------------------------------------------------
    def _names(self, items: list[str]) -> str:
        name = manifest_name(self)
        return "; ".join(name(item) for item in items)

    def show_live(self, reading: LinkReading | None, problem: str, paused: bool) -> None:
        """What the live check found (a reading), why it could not read AFAS (problem), or that it paused."""
        self._paused = paused
        if paused:
            self.live.show_message(
                Level.INFO,
                self.tr(
                    "The live check paused after 15 minutes without a change. Tick a box or open this step again "
                    "to start it."
                ),
            )
            return
        self._problem = reading is None
        if reading is None:  # impossible right now (maintenance, network): no defect of the setup, so no warning
            self.live.show_message(
                Level.INFO,
                self.tr("The live check could not read AFAS: {problem} It tries again shortly.").format(
                    problem=problem.rstrip(".") + "."
                ),
            )
            return
        self._reading = reading
        self._said = ""
        self._say_reading(reading)

    def _say_reading(self, reading: LinkReading) -> None:
        """The reading in words; again on each refresh, so it follows what the check's banner names meanwhile."""
        total = len(reading.seen) + len(reading.missing)
        named = set(self.fix.found)  # the check's banner names these already: each message once
        if reading.missing and (len(reading.missing) > NAMED_AT_MOST or set(reading.missing) <= named):
            text = self.tr("AFAS lists {seen} of these {total} connectors; the others are not linked yet.").format(
                seen=len(reading.seen), total=total
            )
            level = Level.INFO
        elif reading.missing:
            text = self.tr("AFAS lists {seen} of these {total} connectors; still missing: {names}.").format(
                seen=len(reading.seen), total=total, names=self._names(list(reading.missing))
            )
            level = Level.INFO
        else:
            text = self.tr("AFAS lists all {total} connectors it can show.").format(total=total)
            level = Level.OK
        if reading.unseen:
            text += " " + self.tr(
                "AFAS does not show these over its API, so tick them yourself once they are linked: {names}."
            ).format(names=self._names(list(reading.unseen)))
        if text != self._said:  # a refresh that changes nothing is not announced again
            self._said = text
            self.live.show_message(level, text)

    def _live_hint(self) -> None:
        """Before any reading: say that the list ticks itself, or what it needs for that."""
        if self._reading is not None or self._problem:  # a reading, or why there is none, is said already
            return
        if self.machine.state.token_storage is None:
            self.live.show_message(
                Level.INFO,
                self.tr(
                    "Once the login details are stored (step '{step}'), this list ticks itself as AFAS shows each "
                    "link. Until then, tick each one yourself."
                ).format(step=step_name(StepId.TOKEN)),
            )
        else:
            self.live.show_message(
                Level.INFO,
                self.tr(
                    "The wizard reads AFAS every few seconds and ticks each connector it finds. AFAS shows a link "
                    "once the app connector is saved ({ok})."
                ).format(ok=screens().app_connector.buttons.ok.nl),
            )

    def refresh(self) -> None:
        self._show_after()  # the login kind may have changed since the page was built
        self._live_hint()
        if self._reading is not None and not self._problem and not self._paused:
            self._say_reading(self._reading)
        ticked = self.machine.state.ticked(self.step)
        for _kind, _title, checklist in self._sections:
            checklist.show_ticks(ticked)
        ticks_itself = self.machine.state.token_storage is not None  # the live check runs with stored details
        self.fix.ticks_itself = ticks_itself
        self.fix.refresh()
        self.next_hint.show_reason(ticked_reason(self, ticks_itself=ticks_itself))

    def _toggled(self, item: str, on: bool) -> None:
        self.machine.state.set_tick(self.step, item, on)
        self.send(StateEdited())
