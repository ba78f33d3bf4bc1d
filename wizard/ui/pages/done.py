"""Step 10: summary, copy the token for the SmartBooqing portal (as a secret), and what happens next."""

from __future__ import annotations

import html

from PySide6.QtWidgets import QHBoxLayout, QPushButton

from wizard.domain.checks import Status
from wizard.domain.credentials import CLASSIC_TOKEN_SUNSET
from wizard.domain.presentation import STATUS_LOOK
from wizard.flow.steps import StepId
from wizard.ui.intents import CopyTokenForPortal
from wizard.ui.pages.base import StepPage
from wizard.ui.widgets import Level, heading, paragraph


class DonePage(StepPage):
    step = StepId.DONE

    def build(self) -> None:
        self.summary_title = heading()
        self.summary = paragraph()
        self.next_title = heading()
        self.next_steps = paragraph()
        self.copy_button = QPushButton()
        self.copy_button.clicked.connect(lambda: self.send(CopyTokenForPortal()))
        self.sunset = paragraph()
        for widget in (self.summary_title, self.summary, self.next_title, self.next_steps):
            self.layout_.addWidget(widget)
        row = QHBoxLayout()
        row.addWidget(self.copy_button)
        row.addStretch(1)
        self.layout_.addLayout(row)
        self.layout_.addWidget(self.sunset)
        self.setFinalPage(True)

    def retranslate(self) -> None:
        self.setTitle(self.tr("Done: AFAS is ready for SmartBooqing"))
        self.setSubTitle(self.tr("The check found no errors. One last step happens in the SmartBooqing portal."))
        self.summary_title.setText(self.tr("Summary"))
        self.next_title.setText(self.tr("What happens next"))
        self.next_steps.setText(
            self.tr(
                "<ol><li>Log in to the SmartBooqing portal and create the administration.</li>"
                "<li>When the portal asks for the AFAS token, click <b>Copy the token for the portal</b> below and "
                "paste it there. The clipboard is cleared after 60 seconds.</li>"
                "<li>SmartBooqing then reads your ledger accounts, VAT codes, creditors and debtors from AFAS.</li>"
                "</ol>Questions? Mail support@smartbooqing.com."
            )
        )
        self.copy_button.setText(self.tr("&Copy the token for the portal"))
        self.sunset.setText(
            self.tr(
                "Good to know: AFAS stops accepting this kind of token after {date}. SmartBooqing will tell you in "
                "time how to switch."
            ).format(date=CLASSIC_TOKEN_SUNSET.strftime("%d-%m-%Y"))
        )

    def refresh(self) -> None:
        s = self.machine.state
        rows: list[tuple[str, str]] = [
            (self.tr("Organisation"), s.organisation),
            (self.tr("Environment"), s.environment.env_id if s.environment else "—"),
        ]
        if s.token_storage is not None:
            rows.append((self.tr("Token stored in"), self.text(s.token_storage.location)))
        v = s.verification
        if v is not None:
            counts = ((Status.PASS, v.passed), (Status.WARN, v.warnings), (Status.FAIL, v.failed))
            line = ", ".join(
                f"{STATUS_LOOK[status].symbol} {self.text(STATUS_LOOK[status].label)}: {n}" for status, n in counts
            )
            rows.append((self.tr("Check"), line))
        self.summary.setText(
            "<table>"
            + "".join(
                f"<tr><td>{html.escape(k)}:&nbsp;&nbsp;</td><td><b>{html.escape(val)}</b></td></tr>" for k, val in rows
            )
            + "</table>"
        )
        self.copy_button.setEnabled(s.token_storage is not None)

    def copied(self) -> None:
        self.show_message(
            Level.OK,
            self.tr("The token is on the clipboard. It is cleared in 60 seconds, unless you copy something else."),
        )
