"""Step 5: create the app connector, following AFAS's "Nieuw" dialog screen by screen, Authenticatietype included.

OAuth for every new setup; the classic token only where the user's Profit does not offer OAuth yet, which the user
tells us by what their dialog shows (afas-oauth.md §1.1). AFAS's names come from wizard.data.screens().
"""

from __future__ import annotations

from PySide6.QtWidgets import QButtonGroup

from wizard.data import screens
from wizard.domain.credentials import CLASSIC_TOKEN_EXPIRY, CLASSIC_TOKEN_SUNSET
from wizard.domain.steps import StepId
from wizard.domain.text import long_date
from wizard.flow.state import AuthKind
from wizard.ui.illustrations import Illustration
from wizard.ui.intents import StateEdited
from wizard.ui.pages.base import StepPage, step_name
from wizard.ui.pages.fixflow import FixFlow
from wizard.ui.widgets import Checklist, CopyRow, Level, MessageLine, WrappingRadioButton, heading, paragraph


class AppConnectorPage(StepPage):
    step = StepId.APP_CONNECTOR
    simulated = True

    def build(self) -> None:
        defaults = self.machine.manifest.app_connector
        lay = self.layout_
        # Screen 1: the list, and the question what the "Nieuw" dialog offers.
        self.open_title = heading()
        self.open_steps = paragraph()
        lay.addWidget(self.open_title)
        lay.addWidget(self.open_steps)
        self.oauth_radio = WrappingRadioButton()
        self.classic_radio = WrappingRadioButton()
        self.auth_choice = QButtonGroup(self)
        self.auth_choice.addButton(self.oauth_radio)
        self.auth_choice.addButton(self.classic_radio)
        self.oauth_radio.toggled.connect(self._auth_chosen)
        lay.addWidget(self.oauth_radio)
        lay.addWidget(self.classic_radio)
        self.classic_note = MessageLine()
        lay.addWidget(self.classic_note)
        # Screen 2: the "Nieuw" dialog's fields.
        self.dialog_title = heading()
        self.dialog_steps = paragraph()
        lay.addWidget(self.dialog_title)
        lay.addWidget(self.dialog_steps)
        self.description_row = CopyRow(defaults.description)
        lay.addWidget(self.description_row)
        self.group_row = CopyRow(defaults.user_group_nl)
        lay.addWidget(self.group_row)
        self.dialog_after = paragraph()
        lay.addWidget(self.dialog_after)
        # Screen 3: the app connector's properties.
        self.props_title = heading()
        self.props_steps = paragraph()
        lay.addWidget(self.props_title)
        lay.addWidget(self.props_steps)
        self.list_title = heading()
        lay.addWidget(self.list_title)
        self.checklist = Checklist()
        self.checklist.add("created", "")
        self.checklist.add("auth-type", "")
        self.checklist.add("unblocked", "")
        self.checklist.toggled.connect(self._toggled)
        lay.addWidget(self.checklist)
        self.note = paragraph()
        lay.addWidget(self.note)
        # A refused login's first cause is on this page (Geblokkeerd): the check's finding is shown here.
        self.fix = FixFlow(self, [self.checklist], lambda item: item, explain=self._explain_refused)
        self.illustration = Illustration(self.step)  # placed after the page's own widgets

    def _explain_refused(self, _found: list[str]) -> str:
        props = screens().app_connector
        kinds = props.auth_types
        return self.tr(
            "✖ The check could not log in: AFAS refused the login details. The most likely cause is here: "
            "'{blocked}' is still ticked, or the app connector cannot be used (not saved, deleted, or '{field}' is "
            "not '{value}'). Open the app connector in AFAS ({path}), untick '{blocked}', click '{save}', tick it "
            "below and check again. If all of this is right, the login details themselves may be wrong: see step "
            "'{token_step}'."
        ).format(
            blocked=props.fields.blocked.nl,
            field=props.fields.auth_type.nl,
            value=kinds.oauth.nl if self.oauth else kinds.classic.nl,
            path=self.text(screens().app_connector_list.menu.text),
            save=props.buttons.save_close.nl,
            token_step=step_name(StepId.TOKEN),
        )

    @property
    def oauth(self) -> bool:
        return self.machine.state.auth is AuthKind.OAUTH

    def retranslate(self) -> None:
        defaults = self.machine.manifest.app_connector
        afas = screens()
        listing, new, props = afas.app_connector_list, afas.new_app_connector, afas.app_connector
        kinds = props.auth_types
        auth_field = new.fields.auth_type.nl
        chosen = kinds.oauth.nl if self.oauth else kinds.classic.nl
        self.setTitle(self.tr("Create the app connector"))
        self.setSubTitle(self.tr("The app connector is the door through which SmartBooqing reaches your AFAS data."))

        self.open_title.setText(self.tr("1. Open the dialog '{title}'").format(title=new.title.nl))
        self.open_steps.setText(
            self.tr(
                "In AFAS Profit go to <b>{path}</b> and click <b>{new}</b>. The dialog <b>{title}</b> opens. "
                "Open the list of the field <b>{field}</b>: which choices does it show?"
            ).format(
                path=self.text(listing.menu.text),
                new=listing.buttons.new.nl,
                title=new.title.nl,
                field=auth_field,
            )
        )
        self.oauth_radio.setText(
            self.tr("&{oauth} is one of the choices (recommended: every new connection uses it)").format(
                oauth=kinds.oauth.nl
            )
        )
        self.oauth_radio.setAccessibleName(
            self.tr("{field}: {oauth} is offered").format(field=auth_field, oauth=kinds.oauth.nl)
        )
        self.classic_radio.setText(
            self.tr("Only &{classic}, or there is no field {field}").format(classic=kinds.classic.nl, field=auth_field)
        )
        self.classic_radio.setAccessibleName(
            self.tr("{field}: only {classic} is offered").format(field=auth_field, classic=kinds.classic.nl)
        )

        self.dialog_title.setText(self.tr("2. Fill in the dialog '{title}'").format(title=new.title.nl))
        rows = [
            self.tr("<li><b>{field}</b>: the name below.</li>").format(field=new.fields.description.nl),
            self.tr("<li><b>{field}</b>: choose <b>{value}</b>.</li>").format(field=auth_field, value=chosen),
        ]
        if self.oauth:
            rows.append(
                self.tr("<li><b>{field}</b>: leave it unticked if it is shown; OAuth needs no user token.</li>").format(
                    field=new.fields.generate_token.nl
                )
            )
        else:
            rows.append(
                self.tr(
                    "<li><b>{field}</b>: leave it unticked; you create the token in the next step, '{token_step}'. "
                    "(Ticked anyway? Then the dialog shows a token at its end: copy it, you paste it in the next "
                    "step.)</li>"
                ).format(field=new.fields.generate_token.nl, token_step=step_name(StepId.TOKEN))
            )
        rows.append(
            self.tr(
                "<li><b>{new_group}</b> and <b>{new_user}</b>, if the dialog asks: leave them off and choose the "
                "existing <b>{group}</b> shown below.</li>"
            ).format(
                new_group=new.fields.new_user_group.nl,
                new_user=new.fields.new_user.nl,
                group=new.fields.user_group.nl,
            )
        )
        self.dialog_steps.setText("<ul>" + "".join(rows) + "</ul>")
        # AFAS's field names stay Dutch; English readers get the gloss in brackets.
        self.description_row.caption = self.text(new.fields.description.glossed)
        self.group_row.caption = self.text(new.fields.user_group.glossed)
        self.description_row.retranslate()
        self.group_row.retranslate()
        self.dialog_after.setText(
            self.tr(
                "Then click <b>{ok}</b>. If the dialog offers <b>{next}</b> and walks on to screens for <b>{get}</b> "
                "and <b>{update}</b>, skip them: click <b>{finish}</b> as soon as it is offered. You link the "
                "connectors two steps later, where the wizard sees each link itself once the login details are "
                "stored. Already linked some in the dialog? Fine: that step will find them."
            ).format(
                ok=new.buttons.ok.nl,
                next=new.buttons.next.nl,
                finish=new.buttons.finish.nl,
                get=props.tabs.get.nl,
                update=props.tabs.update.nl,
            )
        )

        self.props_title.setText(
            self.tr("3. In the app connector's properties ('{title}')").format(title=props.title.nl)
        )
        self.props_steps.setText(
            self.tr(
                "<ol><li>On the tab <b>{tab}</b>, check that <b>{field}</b> shows <b>{value}</b>.</li>"
                "<li>Untick <b>{blocked}</b> (AFAS blocks every new app connector) and click <b>{save}</b>.</li>"
                "</ol>"
            ).format(
                tab=props.tabs.general.nl,
                field=props.fields.auth_type.nl,
                value=chosen,
                blocked=props.fields.blocked.nl,
                save=props.buttons.save_close.nl,
            )
        )
        self.list_title.setText(
            self.tr(
                "Done in AFAS (tick the first; the others are ticked when AFAS accepts the login details in the "
                "next step):"
            )
        )
        self.fix.set_text(
            "created",
            self.tr("The app connector '{name}' exists, with user group {group}").format(
                name=defaults.description, group=defaults.user_group_nl
            ),
        )
        self.fix.set_text(
            "auth-type", self.tr("{field} is {value}").format(field=props.fields.auth_type.nl, value=kinds.oauth.nl)
        )
        self.fix.set_text("unblocked", self.tr("{blocked} is unticked").format(blocked=props.fields.blocked.nl))
        if self.oauth:
            note = self.tr(
                "Every AFAS organisation needs its own app connector, with its own client id and client secret. "
                "If you manage several organisations, run this wizard once for each."
            )
        else:
            note = self.tr(
                "Every AFAS organisation needs its own app connector and token. If you manage several "
                "organisations, run this wizard once for each."
            )
        self.note.setText(note)
        self._show_classic_note()

    def _show_classic_note(self) -> None:
        # While the banner says why AFAS refused the details (e.g. "accepts only OAuth"), "your AFAS does not offer
        # OAuth yet" would contradict it.
        if self.oauth or self.fix.why:
            self.classic_note.clear_message()
            return
        self.classic_note.show_message(
            Level.WARN,
            self.tr(
                "Your AFAS does not offer OAuth yet, so this wizard sets up a classic user token. AFAS ends classic "
                "tokens on {expiry} and stops such app connectors after {sunset}. Once your AFAS offers OAuth "
                "(Profit 9), run this wizard again with 'Check an existing connection' to move over."
            ).format(
                expiry=self.text(long_date(CLASSIC_TOKEN_EXPIRY)), sunset=self.text(long_date(CLASSIC_TOKEN_SUNSET))
            ),
        )

    def refresh(self) -> None:
        radio = self.oauth_radio if self.oauth else self.classic_radio
        if not radio.isChecked():
            radio.blockSignals(True)
            radio.setChecked(True)
            radio.blockSignals(False)
        self.checklist.rows["auth-type"].setVisible(self.oauth)
        self.checklist.show_ticks(self.machine.state.ticked(self.step))
        self.fix.refresh()
        self._show_classic_note()

    def disabled_reason(self) -> str:
        created = self.checklist.boxes["created"]
        if self.busy or self.isComplete() or created.isChecked():
            return super().disabled_reason()
        return self.tr("tick '{item}' once AFAS shows the app connector").format(item=created.accessibleName())

    def _auth_chosen(self) -> None:
        auth = AuthKind.OAUTH if self.oauth_radio.isChecked() else AuthKind.CLASSIC
        s = self.machine.state
        if s.auth is auth:
            return
        s.auth_choice = auth
        if s.token_storage is None:
            s.credential = None  # nothing stored yet: the credential step asks for the other kind
        self.retranslate()
        self.send(StateEdited())

    def _toggled(self, item: str, on: bool) -> None:
        self.machine.state.set_tick(self.step, item, on)
        self.send(StateEdited())
