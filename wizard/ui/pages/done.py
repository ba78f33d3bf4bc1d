"""The last step: hand the login details to the SmartBooqing portal, or, while checks fail, a report for the helpdesk.

Passed: the primary action copies what the portal asks for (client id, then the client secret as a secret; or the
classic token), cleared from the clipboard after 60 s. A classic connection found by "check an existing connection"
is offered the move to OAuth. Failed: "Report for the helpdesk" (copy and save) instead of a dead end (issue 11).
"""

from __future__ import annotations

import datetime as dt
import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QPushButton, QVBoxLayout

from wizard.data import screens
from wizard.domain.checks import Status
from wizard.domain.credentials import CLASSIC_TOKEN_EXPIRY, CLASSIC_TOKEN_SUNSET
from wizard.domain.oauth import OAuthClientCredentials
from wizard.domain.presentation import ATTENTION_ORDER, STATUS_LOOK, VERDICT_LOOK, Verdict
from wizard.domain.reminder import LEAD_DAYS
from wizard.domain.smartbooqing import HELPDESK_MAIL, PORTAL_URL
from wizard.domain.steps import StepId
from wizard.domain.text import long_date
from wizard.flow.renewal import next_reminder
from wizard.flow.state import AuthKind, Mode, VerificationSummary
from wizard.ui.intents import (
    CopyClientIdForPortal,
    CopyHelpdeskReport,
    CopyTokenForPortal,
    GoToStep,
    SaveHelpdeskReport,
    SaveReminder,
    StartMigration,
    StartRenewal,
)
from wizard.ui.pages.base import StepPage
from wizard.ui.pages.renew import ask_reminder_path
from wizard.ui.pages.verify import ask_report_path
from wizard.ui.widgets import Level, heading, paragraph
from wizard.verify.report import IMPOSSIBLE_LABEL

# The SmartBooqing site (the domain of its helpdesk address). UNCONFIRMED: the portal's own sign-in address is not
# in the guide; SmartBooqing to confirm before release.


def primary(button: QPushButton) -> QPushButton:
    """The page's one essential action: larger and bold, so it is not a small grey button among others."""
    font = button.font()
    font.setBold(True)
    font.setPointSizeF(font.pointSizeF() * 1.1)
    button.setFont(font)
    button.setMinimumHeight(36)
    return button


def link(url: str, text: str) -> str:
    return f'<a href="{html.escape(url, quote=True)}">{html.escape(text)}</a>'


class DonePage(StepPage):
    step = StepId.DONE

    def build(self) -> None:
        lay = self.layout_
        # -- passed: the hand-over ---------------------------------------------------------------------------
        self.handover = QFrame()
        self.handover.setFrameShape(QFrame.Shape.StyledPanel)
        box = QVBoxLayout(self.handover)
        self.handover_title = heading()
        self.handover_steps = paragraph()
        self.handover_steps.setOpenExternalLinks(True)
        self.handover_steps.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        box.addWidget(self.handover_title)
        box.addWidget(self.handover_steps)
        row = QHBoxLayout()
        self.copy_id_button = primary(QPushButton())
        self.copy_id_button.clicked.connect(lambda: self.send(CopyClientIdForPortal()))
        self.copy_button = primary(QPushButton())
        self.copy_button.clicked.connect(lambda: self.send(CopyTokenForPortal()))
        row.addWidget(self.copy_id_button)
        row.addWidget(self.copy_button)
        row.addStretch(1)
        box.addLayout(row)
        lay.addWidget(self.handover)
        # -- failed: the report for the helpdesk ------------------------------------------------------------------
        self.report_box = QFrame()
        self.report_box.setFrameShape(QFrame.Shape.StyledPanel)
        rbox = QVBoxLayout(self.report_box)
        self.report_title = heading()
        self.report_text = paragraph()
        self.report_text.setOpenExternalLinks(True)
        self.report_text.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        rbox.addWidget(self.report_title)
        rbox.addWidget(self.report_text)
        rrow = QHBoxLayout()
        self.copy_report_button = primary(QPushButton())
        self.copy_report_button.clicked.connect(lambda: self.send(CopyHelpdeskReport()))
        self.save_report_button = QPushButton()
        self.save_report_button.clicked.connect(self._save_report)
        self.back_to_check = QPushButton()
        self.back_to_check.clicked.connect(lambda: self.send(GoToStep(StepId.VERIFY)))
        for widget in (self.copy_report_button, self.save_report_button, self.back_to_check):
            rrow.addWidget(widget)
        rrow.addStretch(1)
        rbox.addLayout(rrow)
        lay.addWidget(self.report_box)
        # -- both ---------------------------------------------------------------------------------------------------
        self.summary_title = heading()
        self.summary = paragraph()
        self.next_title = heading()
        self.next_steps = paragraph()
        self.next_steps.setOpenExternalLinks(True)
        self.next_steps.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        for label in (self.summary_title, self.summary, self.next_title, self.next_steps):
            lay.addWidget(label)
        # -- a classic connection: the move to OAuth ---------------------------------------------------------------
        self.migrate_box = QFrame()
        self.migrate_box.setFrameShape(QFrame.Shape.StyledPanel)
        mbox = QVBoxLayout(self.migrate_box)
        self.migrate_title = heading()
        self.migrate_text = paragraph()
        self.migrate_button = QPushButton()
        self.migrate_button.clicked.connect(lambda: self.send(StartMigration()))
        mbox.addWidget(self.migrate_title)
        mbox.addWidget(self.migrate_text)
        mrow = QHBoxLayout()
        mrow.addWidget(self.migrate_button)
        mrow.addStretch(1)
        mbox.addLayout(mrow)
        # At the top, above the hand-over: where a classic connection is shown, the way to OAuth is seen first.
        lay.insertWidget(lay.indexOf(self.handover), self.migrate_box)
        self.sunset = paragraph()
        lay.addWidget(self.sunset)
        # -- the next deadline in the user's calendar (the secret's expiry, or the classic tokens' end) ----------
        self.reminder_text = paragraph()
        self.reminder_button = QPushButton()
        self.reminder_button.clicked.connect(self._save_reminder)
        # A secret expiring within the reminder's lead: a reminder would lie in the past, so the renewal is offered.
        self.renew_button = QPushButton()
        self.renew_button.clicked.connect(lambda: self.send(StartRenewal()))
        lay.addWidget(self.reminder_text)
        rem_row = QHBoxLayout()
        rem_row.addWidget(self.reminder_button)
        rem_row.addWidget(self.renew_button)
        rem_row.addStretch(1)
        lay.addLayout(rem_row)

    # -- what to show ----------------------------------------------------------------------------------------------
    @property
    def passed(self) -> bool:
        v = self.machine.state.verification
        return v is not None and v.ok

    @property
    def is_oauth(self) -> bool:
        return self.machine.state.auth is AuthKind.OAUTH

    @property
    def renewed(self) -> bool:
        s = self.machine.state
        return s.mode is Mode.RENEW and s.renewal is not None and s.renewal.complete

    @property
    def renew_within(self) -> int | None:
        """Days until the client secret expires, when that is within a reminder's lead (and not just renewed)."""
        s = self.machine.state
        reminder = next_reminder(s)
        if not self.is_oauth or self.renewed or reminder is None:
            return None
        left = (reminder.day - dt.date.today()).days
        return left if left <= LEAD_DAYS else None

    @property
    def offers_migration(self) -> bool:
        s = self.machine.state
        return self.passed and s.mode is Mode.CHECK_EXISTING and not self.is_oauth and s.migration is None

    def retranslate(self) -> None:
        props = screens().app_connector
        portal = link(PORTAL_URL, self.tr("SmartBooqing portal"))
        mail = link(f"mailto:{HELPDESK_MAIL}", HELPDESK_MAIL)
        moved = self.machine.state.migration is not None and self.machine.state.migration.complete
        if self.passed and moved:
            self.setTitle(self.tr("Done: this connection now uses OAuth"))
            self.setSubTitle(
                self.tr("SmartBooqing uses the new client id and secret; AFAS refuses the classic token from now on.")
            )
        elif self.passed:
            self.setTitle(self.tr("Done: AFAS is ready for SmartBooqing"))
            self.setSubTitle(
                self.tr("The new client secret is in use and the old one is revoked.")
                if self.renewed
                else self.tr("The check found no problems. One last step happens in the SmartBooqing portal.")
            )
        else:
            self.setTitle(self.tr("Not finished yet: report for the helpdesk"))
            self.setSubTitle(
                self.tr("The check still finds problems. Fix them with the steps, or send this report to the helpdesk.")
            )
        renewed = self.renewed
        self.handover_title.setText(
            self.tr("The new login details (SmartBooqing received them during the move)")
            if moved
            else self.tr("The new client secret (SmartBooqing received it during the renewal)")
            if renewed
            else self.tr("Give SmartBooqing the login details")
        )
        soon = self.renew_within
        self.renew_button.setText(self.tr("Rene&w the client secret now"))
        reminder = next_reminder(self.machine.state)
        self.reminder_text.setText(
            self.tr(
                "The client secret expires on {date}, in {n} days: too soon for a calendar reminder. Renew it now; "
                "AFAS accepts the old and the new secret side by side while SmartBooqing switches."
            ).format(date=self.text(long_date(reminder.day)), n=max(soon, 0))
            if soon is not None and reminder is not None
            else self.tr(
                "Put the client secret's expiry date, {date}, in your calendar: a reminder 30 days before, with an "
                "alarm a week earlier."
            ).format(date=self.text(long_date(reminder.day)))
            if self.is_oauth and reminder is not None
            else self.tr(
                "Put the move to OAuth in your calendar: classic tokens expire on {date}. A reminder 30 days before, "
                "with an alarm a week earlier."
            ).format(date=self.text(long_date(reminder.day if reminder is not None else CLASSIC_TOKEN_EXPIRY)))
        )
        self.reminder_button.setText(self.tr("Reminder in my c&alendar…"))
        self.reminder_button.setAccessibleName(self.tr("Save a calendar reminder of the next deadline"))
        if moved:
            # What is true after the move: the portal already has the client (stage 4), the classic token is gone.
            self.handover_steps.setText(
                self.tr(
                    "You confirmed in the {portal} that this administration uses the new client id, and the wizard "
                    "proved that AFAS now refuses the classic token. There is nothing more to do in the portal. "
                    "Should SmartBooqing ask for the login details again, copy them here."
                ).format(portal=portal)
            )
            self.copy_button.setText(self.tr("&Copy the client secret"))
            self.copy_button.setAccessibleName(self.tr("Copy the client secret for the SmartBooqing portal"))
            self.copy_id_button.setText(self.tr("Copy the client i&d"))
            self.copy_id_button.setAccessibleName(self.tr("Copy the client id for the SmartBooqing portal"))
        elif self.is_oauth:
            self.handover_steps.setText(
                self.tr(
                    "<ol><li>Open the {portal} and create the administration (or open it).</li>"
                    "<li>Where the portal asks for the <b>{client_id}</b>, click <b>Copy the client id</b> and "
                    "paste it.</li>"
                    "<li>Where it asks for the <b>{client_secret}</b>, click <b>Copy the client secret</b> and paste "
                    "it. The clipboard is cleared after 60 seconds.</li></ol>"
                ).format(
                    portal=portal, client_id=props.fields.client_id.nl, client_secret=props.fields.client_secret.nl
                )
            )
            self.copy_button.setText(self.tr("&Copy the client secret"))
            self.copy_button.setAccessibleName(self.tr("Copy the client secret for the SmartBooqing portal"))
            self.copy_id_button.setText(self.tr("Copy the client i&d"))
            self.copy_id_button.setAccessibleName(self.tr("Copy the client id for the SmartBooqing portal"))
        else:
            self.handover_steps.setText(
                self.tr(
                    "<ol><li>Open the {portal} and create the administration (or open it).</li>"
                    "<li>When the portal asks for the AFAS token, click <b>Copy the token</b> and paste it there. "
                    "The clipboard is cleared after 60 seconds.</li></ol>"
                ).format(portal=portal)
            )
            self.copy_button.setText(self.tr("&Copy the token"))
            self.copy_button.setAccessibleName(self.tr("Copy the token for the SmartBooqing portal"))
        self.report_title.setText(self.tr("Report for the helpdesk"))
        self.report_text.setText(
            self.tr(
                "Copy the report and paste it into a mail to {mail}, or save it and attach the file. It contains "
                "the check's results, never your client secret or token."
            ).format(mail=mail)
        )
        self.copy_report_button.setText(self.tr("Copy the &report"))
        self.copy_report_button.setAccessibleName(self.tr("Copy the report for the helpdesk"))
        self.save_report_button.setText(self.tr("&Save the report…"))
        self.save_report_button.setAccessibleName(self.tr("Save the report for the helpdesk as a file"))
        self.back_to_check.setText(self.tr("Back to the c&heck"))
        self.summary_title.setText(self.tr("Summary"))
        self.next_title.setText(self.tr("What happens next"))
        self.next_steps.setText(
            self.tr(
                "SmartBooqing then reads your ledger accounts, VAT codes, creditors and debtors from AFAS. "
                "Questions? Mail {mail}."
            ).format(mail=mail)
            if self.passed
            else self.tr("Questions? Mail {mail}.").format(mail=mail)
        )
        self.migrate_title.setText(self.tr("Move to OAuth"))
        self.migrate_text.setText(
            self.tr(
                "This connection still uses a classic token. AFAS ends classic tokens on {expiry}; app connectors "
                "that still use them stop after {sunset}. If your AFAS offers {field} <b>{hybrid}</b>, you can "
                "move this connection to OAuth now, step by step, without interrupting SmartBooqing."
            ).format(
                expiry=self.text(long_date(CLASSIC_TOKEN_EXPIRY)),
                sunset=self.text(long_date(CLASSIC_TOKEN_SUNSET)),
                field=props.fields.auth_type.nl,
                hybrid=props.auth_types.hybrid.nl,
            )
        )
        self.migrate_button.setText(self.tr("&Move to OAuth now"))
        self.sunset.setText(
            self.tr(
                "Good to know: AFAS ends classic tokens on {expiry}; app connectors that still use them stop after "
                "{sunset}. SmartBooqing will tell you in time how to switch."
            ).format(
                expiry=self.text(long_date(CLASSIC_TOKEN_EXPIRY)), sunset=self.text(long_date(CLASSIC_TOKEN_SUNSET))
            )
        )

    def refresh(self) -> None:
        s = self.machine.state
        self.retranslate()  # the title follows the outcome and the credential
        passed = self.passed
        # After a renewal SmartBooqing already has the new secret (stage 4): nothing is left to hand over.
        self.handover.setVisible(passed and not self.renewed)
        self.report_box.setVisible(not passed)
        self.copy_id_button.setVisible(self.is_oauth)
        self.migrate_box.setVisible(self.offers_migration)
        self.sunset.setVisible(passed and not self.is_oauth and not self.offers_migration)
        remind = passed and next_reminder(s) is not None
        soon = self.renew_within is not None
        self.reminder_text.setVisible(remind)
        self.reminder_button.setVisible(remind and not soon)
        self.renew_button.setVisible(remind and soon)
        rows: list[tuple[str, str]] = [
            (self.tr("Organisation"), s.organisation),
            (self.tr("Environment"), s.environment.env_id if s.environment else "—"),
        ]
        if self.is_oauth:
            rows.append((self.tr("Login with"), self.tr("OAuth client id and client secret")))
            held = s.credential.secret_expires if isinstance(s.credential, OAuthClientCredentials) else None
            expires = held or s.secret_expires
            if expires is not None:
                rows.append((self.tr("Client secret valid until"), self.text(long_date(expires))))
        else:
            rows.append((self.tr("Login with"), self.tr("Classic user token")))
        if s.token_storage is not None:
            rows.append((self.tr("Stored in"), self.text(s.token_storage.location)))
        v = s.verification
        if v is not None:
            rows.append((self.tr("Check"), self._verdict_line(v)))
            rows.append((self.tr("Results"), self._count_line(v)))
        self.summary.setText(
            "<table>"
            + "".join(
                f"<tr><td>{html.escape(k)}:&nbsp;&nbsp;</td><td><b>{html.escape(val)}</b></td></tr>" for k, val in rows
            )
            + "</table>"
        )
        self.copy_button.setEnabled(s.token_storage is not None)
        self.copy_id_button.setEnabled(s.token_storage is not None)

    def _verdict_line(self, v: VerificationSummary) -> str:
        """The check page's own outcome words ("✔ Alles in orde"), so both pages say the same."""
        outcome = Verdict.IMPOSSIBLE if v.impossible else Verdict.INCOMPLETE if v.failed else Verdict.OK
        look = VERDICT_LOOK[outcome]
        return f"{look.symbol} {self.text(look.title)}"

    def _count_line(self, v: VerificationSummary) -> str:
        """Every status that occurred, in the check page's order and words (presentation.py is the one table); words
        only: in a line of counts the symbols read as stray letters ("Results: i Check yourself: 1")."""
        counts = {
            Status.PASS: v.passed,
            Status.INFO: v.info,
            Status.MANUAL: v.manual,
            Status.WARN: v.warnings,
            Status.FAIL: v.failed,
            Status.SKIP: v.skipped,
        }
        parts = [
            f"{self.text(STATUS_LOOK[status].label)}: {counts[status]}" for status in ATTENTION_ORDER if counts[status]
        ]
        if v.could_not_check:  # impossible right now is no failure of the setup (issue 20 item 5)
            parts.append(f"{self.text(IMPOSSIBLE_LABEL)}: {v.could_not_check}")
        return ", ".join(parts)

    def copied(self, secret: bool = True) -> None:
        if not secret:
            self.show_message(Level.OK, self.tr("The client id is on the clipboard."))
        elif self.is_oauth:
            self.show_message(
                Level.OK,
                self.tr(
                    "The client secret is on the clipboard. It is cleared in 60 seconds, unless you copy something "
                    "else."
                ),
            )
        else:
            self.show_message(
                Level.OK,
                self.tr("The token is on the clipboard. It is cleared in 60 seconds, unless you copy something else."),
            )

    def report_copied(self) -> None:
        self.show_message(Level.OK, self.tr("The report is on the clipboard: paste it into your mail."))

    def _save_reminder(self) -> None:
        path = ask_reminder_path(self, self.tr("Save the calendar reminder"), "sbq-afas-reminder")
        if path:
            self.send(SaveReminder(path, self.step))

    def reminder_saved(self, path: str) -> None:
        self.show_message(
            Level.OK,
            self.tr("Reminder saved: {path}. Open it to add it to Outlook, Apple Calendar or Google Calendar.").format(
                path=path
            ),
        )

    def _save_report(self) -> None:
        path = ask_report_path(self, self.tr("Save the report for the helpdesk"), "sbq-afas-report")
        if path:
            self.send(SaveHelpdeskReport(path))
