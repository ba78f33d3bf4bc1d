"""Renew the client secret ("Client secret vernieuwen"): seven stages, each proved before the next opens.

New secret in AFAS -> pasted and proved with a token request (the old one still works) -> the whole check -> given to
SmartBooqing -> the old one revoked -> proved refused -> only the new one stored (wizard.flow.renewal). The stage boxes
are the move to OAuth's; only the open stage shows its instructions and buttons.
"""

from __future__ import annotations

import datetime as dt

from pydantic import SecretStr
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QFileDialog, QHBoxLayout, QLineEdit, QPushButton, QWidget

from wizard.data import screens
from wizard.domain.errors import InputError
from wizard.domain.oauth import check_client_secret
from wizard.domain.steps import StepId
from wizard.flow.renewal import AFAS_STAGES, STAGES, Stage, days_left
from wizard.ui.intents import (
    CopyNewSecret,
    PasteNewSecret,
    ProveRenewal,
    SaveReminder,
    SimulateRenewal,
)
from wizard.ui.pages.base import StepPage
from wizard.ui.pages.migrate import StageBox, add_stage_boxes, label_stage_boxes, open_stage_reason
from wizard.ui.pages.oauth_fields import OAuthFields
from wizard.ui.widgets import Level, paragraph


def ask_reminder_path(parent: QWidget, title: str, start: str) -> str:
    """Seam for tests and the tour: where to save the calendar reminder (without extension)."""
    path, _ = QFileDialog.getSaveFileName(parent, title, start, "iCalendar (*.ics)")
    return path.removesuffix(".ics")


class RenewPage(StepPage):
    step = StepId.RENEW

    def build(self) -> None:
        self.intro = paragraph()
        self.layout_.addWidget(self.intro)
        self.boxes = add_stage_boxes(self, STAGES, AFAS_STAGES, self._prove, SimulateRenewal)
        # Stage 2: the new secret and its expiry (the client id stays what it is).
        self.fields = OAuthFields()
        for widget in (self.fields.id_label, self.fields.id_edit, self.fields.id_check):
            widget.hide()
        self.fields.show_toggle.toggled.connect(self._toggle_secret)
        self.fields.secret_edit.textChanged.connect(self._validate)
        self.boxes[Stage.PASTE].body_layout.addWidget(self.fields)
        # Stage 4: the hand-over.
        handover = self.boxes[Stage.HANDOVER]
        row = QHBoxLayout()
        self.copy_button = QPushButton()
        self.copy_button.clicked.connect(lambda: self.send(CopyNewSecret()))
        row.addWidget(self.copy_button)
        row.addStretch(1)
        handover.body_layout.addLayout(row)
        self.handed_over = QCheckBox()
        handover.body_layout.addWidget(self.handed_over)
        self.handed_over.toggled.connect(lambda _on: self.refresh())
        for box in self.boxes.values():
            box.finish_layout()
        # After the last stage: the calendar reminder of the new secret's expiry.
        self.reminder_button = QPushButton()
        self.reminder_button.clicked.connect(self._save_reminder)
        self.reminder_text = paragraph()
        self.layout_.addWidget(self.reminder_text)
        reminder_row = QHBoxLayout()
        reminder_row.addWidget(self.reminder_button)
        reminder_row.addStretch(1)
        self.layout_.addLayout(reminder_row)
        self._valid = False

    def retranslate(self) -> None:
        afas = screens()
        props = afas.app_connector
        where = self.text(afas.app_connector_list.menu.then(self.machine.manifest.app_connector.description).text)
        secret_label = props.fields.client_secret.nl
        self.setTitle(self.tr("Renew the client secret"))
        s = self.machine.state
        left = days_left(s.secret_expires, dt.date.today())
        expired = left is not None and left < 0
        # Past its date the old secret works no more: nothing keeps working meanwhile, the new one mends it.
        if expired:
            self.setSubTitle(
                self.tr(
                    "A new secret replaces the expired one, checked live at every step; SmartBooqing works again "
                    "once it has it."
                )
            )
        else:
            self.setSubTitle(
                self.tr("A new secret replaces the old one, checked live at every step; SmartBooqing keeps working.")
            )
        if left is None:
            when = self.tr("The wizard does not know when the secret in use expires.")
        elif left < 0:
            # Qt's %n plural forms: "1 day" / "2 days", "1 dag" / "2 dagen".
            when = self.tr("The secret in use expired %n day(s) ago: SmartBooqing cannot reach AFAS now.", "", -left)
        elif left == 0:
            when = self.tr("The secret in use expires today.")
        else:
            when = self.tr("The secret in use expires in %n day(s).", "", left)
        if expired:
            how = self.tr(
                "SmartBooqing works again once it has the new secret. You need an AFAS administrator. Each step "
                "opens when the one before it is checked."
            )
        else:
            how = self.tr(
                "For a while AFAS accepts both the old and the new secret, so SmartBooqing keeps working while you "
                "switch. You need an AFAS administrator. Each step opens when the one before it is checked."
            )
        self.intro.setText(f"{when} {how}")
        texts: dict[Stage, tuple[str, str, str]] = {
            Stage.CREATE: (
                self.tr("Make a new client secret in AFAS"),
                self.tr(
                    "In AFAS open <b>{where}</b> and generate a new <b>{secret}</b> for this app connector. AFAS shows "
                    "it <b>only once</b>: keep AFAS open on that screen. Leave the old secret as it is for now. "
                    "<i>AFAS does not document the exact name of the button for a new secret; it is in the app "
                    "connector's OAuth settings, next to the secret's expiry date.</i>"
                ).format(where=where, secret=secret_label),
                self.tr("I have the new secret on screen"),
            ),
            Stage.PASTE: (
                self.tr("Paste the new secret"),
                self.tr(
                    "Paste the new secret below and type its expiry date exactly as AFAS shows it. The wizard asks "
                    "AFAS for one token with it, and checks that the old secret still works too."
                ),
                self.tr("Check the new secret"),
            ),
            Stage.VERIFY: (
                self.tr("Run the check with the new secret"),
                self.tr("The wizard runs the whole check with the new secret, as SmartBooqing will use it."),
                self.tr("Run the check"),
            ),
            Stage.HANDOVER: (
                self.tr("Give SmartBooqing the new secret"),
                self.tr(
                    "In the SmartBooqing portal, open the AFAS connection of this administration and replace the "
                    "client secret by the new one. The client id stays the same. The secret is cleared from the "
                    "clipboard after 60 seconds."
                ),
                self.tr("Continue"),
            ),
            Stage.REVOKE: (
                self.tr("Revoke the old secret in AFAS"),
                self.tr(
                    "In AFAS open <b>{where}</b> again and revoke the <b>old</b> {secret}: the one with the earlier "
                    "expiry date, not the one you just made. Save."
                ).format(where=where, secret=secret_label),
                self.tr("I revoked the old secret"),
            ),
            Stage.OLD_REFUSED: (
                self.tr("Check that the old secret is refused"),
                self.tr(
                    "The wizard asks AFAS for a token with the old secret. AFAS must now refuse it: then nobody can "
                    "use the old secret any more."
                ),
                self.tr("Check the old secret"),
            ),
            Stage.STORE: (
                self.tr("Keep only the new secret"),
                self.tr(
                    "The wizard replaces the old secret in this computer's safe storage by the new one and its "
                    "expiry date."
                ),
                self.tr("Keep only the new secret"),
            ),
        }
        label_stage_boxes(self.boxes, STAGES, texts)
        f = self.fields
        f.id_edit.setAccessibleName(self.tr("Client id (unchanged)"))  # hidden: the client id stays the same
        f.secret_label.setText(self.tr("New client s&ecret:"))
        f.secret_edit.setAccessibleName(self.tr("New OAuth client secret"))
        f.secret_edit.setPlaceholderText(self.tr("Paste the new client secret here"))
        f.expiry_label.setText(self.tr("Valid &until:"))
        f.name_expiry(self.tr("New client secret valid until"))
        f.no_expiry.setText(self.tr("AFAS shows no e&xpiry date"))
        f.no_expiry.setAccessibleName(self.tr("AFAS shows no expiry date for the new client secret"))
        f.expiry_help.setText(self.tr("The date AFAS shows next to the new secret in the app connector."))
        self._toggle_secret(f.show_toggle.isChecked())
        self.copy_button.setText(self.tr("Copy the new client secret"))
        self.copy_button.setAccessibleName(self.tr("Copy the new client secret for the SmartBooqing portal"))
        self.handed_over.setText(self.tr("&SmartBooqing uses the new client secret (I checked in the portal)"))
        self.handed_over.setAccessibleName(self.tr("SmartBooqing uses the new client secret"))
        self.reminder_text.setText(
            self.tr(
                "Put the next renewal in your calendar: a reminder 30 days before the new secret expires, with an "
                "alarm a week before that."
            )
        )
        self.reminder_button.setText(self.tr("Reminder in my c&alendar…"))
        self.reminder_button.setAccessibleName(self.tr("Save a calendar reminder of the new secret's expiry"))
        self.refresh()

    def _toggle_secret(self, shown: bool) -> None:
        f = self.fields
        f.secret_edit.setEchoMode(QLineEdit.EchoMode.Normal if shown else QLineEdit.EchoMode.Password)
        f.show_toggle.setText(self.tr("Hid&e secret") if shown else self.tr("Sho&w secret"))
        f.show_toggle.setAccessibleName(
            self.tr("Hide the client secret") if shown else self.tr("Show the client secret")
        )

    def refresh(self) -> None:
        s = self.machine.state
        renewal = s.renewal
        for stage, box in self.boxes.items():
            done = renewal is not None and renewal.is_done(stage)
            current = renewal is not None and renewal.is_open(stage)
            symbol, word = (
                ("✔", self.tr("done")) if done else ("▶", self.tr("now")) if current else ("○", self.tr("later"))
            )
            box.head.setText(f"{symbol} {box.title} — {word}")
            box.head.setAccessibleName(f"{box.title}: {word}")
            box.body.setVisible(current)
            box.prove_button.setEnabled(current and not self.busy and self._ready(stage))
            if box.simulate_button is not None:
                box.simulate_button.setEnabled(current and not self.busy)
            box.setEnabled(done or current)
        complete = renewal is not None and renewal.complete
        self.reminder_text.setVisible(complete)
        self.reminder_button.setVisible(complete)
        self.reminder_button.setEnabled(
            complete and not self.busy and renewal is not None and bool(renewal.new_expires)
        )

    def _ready(self, stage: Stage) -> bool:
        if stage is Stage.PASTE:
            return self._valid
        if stage is Stage.HANDOVER:
            return self.handed_over.isChecked()
        return True

    def _validate(self, _text: str = "") -> None:
        """The secret as typed, by the credential's own rules; the line under it says what is wrong (never quoting
        it). The client id is not asked: it stays the same."""
        text, line = self.fields.secret_edit.text(), self.fields.secret_check
        self._valid = False
        if not text.strip():
            line.clear_message()
        else:
            try:
                check_client_secret(text)
            except InputError as exc:
                line.show_message(Level.ERROR, exc.text(self.lang))
            else:
                line.show_message(Level.OK, self.tr("Looks like a client secret."))
                self._valid = True
        self.refresh()

    def _prove(self, stage: Stage) -> None:
        if stage is Stage.PASTE:
            f = self.fields
            self.send(PasteNewSecret(SecretStr(f.secret_edit.text()), f.expires()))
            return
        self.send(ProveRenewal(stage))

    def _save_reminder(self) -> None:
        path = ask_reminder_path(self, self.tr("Save the calendar reminder"), "sbq-afas-reminder")
        if path:
            self.send(SaveReminder(path, self.step))

    # -- what the controller calls -------------------------------------------------------------------------------
    def fill_secret(self, secret: str, expires: dt.date | None) -> None:
        """Demo: what the simulated AFAS showed, as if the user pasted it."""
        self.fields.secret_edit.setText(secret)
        self.fields.no_expiry.setChecked(expires is None)
        if expires is not None:
            self.fields.reset_expiry(expires)

    def stage_result(self, stage: Stage, level: Level, text: str) -> None:
        self.boxes[stage].result.show_message(level, text)
        if stage is Stage.PASTE and level is Level.OK:
            self.fields.clear_secret()  # the secret leaves the widgets once it is kept
            self._valid = False
        self.refresh()

    def set_busy(self, busy: bool, text: str = "") -> None:
        super().set_busy(busy, text)
        self.refresh()

    def copied(self, secret: bool = True) -> None:
        self.boxes[Stage.HANDOVER].result.show_message(
            Level.OK,
            self.tr("The new secret is on the clipboard. It is cleared in 60 seconds, unless you copy something else."),
        )

    def reminder_saved(self, path: str) -> None:
        self.show_message(
            Level.OK,
            self.tr("Reminder saved: {path}. Open it to add it to Outlook, Apple Calendar or Google Calendar.").format(
                path=path
            ),
        )

    def disabled_reason(self) -> str:
        return open_stage_reason(self, self.open_box())

    def open_box(self) -> StageBox | None:
        renewal = self.machine.state.renewal
        current = renewal.current if renewal is not None else None
        return self.boxes[current] if current is not None else None

    def initializePage(self) -> None:
        super().initializePage()
        self.retranslate()
        box = self.open_box()
        if box is not None:
            box.prove_button.setFocus(Qt.FocusReason.OtherFocusReason)
