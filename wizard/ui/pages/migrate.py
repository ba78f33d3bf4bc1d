"""Move an existing classic connection to OAuth: seven stages, each proved by a live check before the next opens.

Hybride -> client secret -> OAuth verified while the classic token still works -> SmartBooqing gets the new
credentials -> OAuth -> the classic token is refused -> the classic token leaves the keyring (wizard.flow.migration).
Only the open stage shows its instructions and buttons; proved ones keep a one-line result.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Collection, Mapping, Sequence
from enum import StrEnum
from typing import TypeVar

from pydantic import SecretStr
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QFrame, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from wizard.data import screens
from wizard.domain.steps import StepId
from wizard.flow.migration import AFAS_STAGES, STAGES, Stage
from wizard.ui.intents import (
    CopyClientIdForPortal,
    CopyTokenForPortal,
    Intent,
    ProveStage,
    SimulateStage,
    StoreOAuthClient,
)
from wizard.ui.pages.base import StepPage
from wizard.ui.pages.oauth_fields import OAuthFields
from wizard.ui.widgets import ButtonRow, Level, MessageLine, WrappingCheckBox, paragraph

S = TypeVar("S", bound=StrEnum)  # a flow's stage enum (migration.Stage, renewal.Stage)


class StageBox(QFrame):
    """One stage: a heading with its state (symbol and word), and, while it is the open stage, what to do."""

    def __init__(self, stage: StrEnum, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.stage = stage
        self.title = ""  # "2. Create the client secret", set by the page in the reader's language
        self.setFrameShape(QFrame.Shape.StyledPanel)
        v = QVBoxLayout(self)
        v.setContentsMargins(8, 4, 8, 4)
        self.head = QLabel()
        self.head.setWordWrap(True)
        font = self.head.font()
        font.setBold(True)
        self.head.setFont(font)
        v.addWidget(self.head)
        self.body = QWidget()
        self.body_layout = QVBoxLayout(self.body)
        self.body_layout.setContentsMargins(0, 0, 0, 0)
        self.text = paragraph()
        self.body_layout.addWidget(self.text)
        v.addWidget(self.body)
        self.buttons = ButtonRow()
        self.prove_button = QPushButton()
        self.simulate_button: QPushButton | None = None
        self.buttons.addWidget(self.prove_button)
        self.buttons.addStretch(1)
        self.result = MessageLine()
        v.addWidget(self.result)

    def finish_layout(self) -> None:
        self.body_layout.addLayout(self.buttons)


def open_stage_reason(page: StepPage, box: StageBox | None) -> str:
    """Why Next is off on a staged page: the stage to finish, by its number and name ("finish 2. Create ...")."""
    if page.busy or page.isComplete() or box is None:
        return StepPage.disabled_reason(page)
    return QCoreApplication.translate("StageBox", "finish stage '{stage}' first").format(stage=box.title)


def add_stage_boxes(
    page: StepPage,
    stages: Sequence[S],
    afas_stages: Collection[S],
    prove: Callable[[S], None],
    simulate: Callable[[S], Intent],
) -> dict[S, StageBox]:
    """One box per stage on `page` (the move to OAuth, the secret's renewal): each proves its stage; in the demo, a
    stage done in AFAS also gets a button that does it in the simulated AFAS (`simulate` makes that intent)."""
    boxes: dict[S, StageBox] = {}
    for stage in stages:
        box = StageBox(stage)
        box.prove_button.clicked.connect(lambda _=False, st=stage: prove(st))
        if stage in afas_stages and page.machine.state.demo:
            box.simulate_button = QPushButton()
            box.simulate_button.clicked.connect(lambda _=False, st=stage: page.send(simulate(st)))
            box.buttons.insertWidget(0, box.simulate_button)
        boxes[stage] = box
        page.layout_.addWidget(box)
    return boxes


def label_stage_boxes(boxes: dict[S, StageBox], stages: Sequence[S], texts: Mapping[S, tuple[str, str, str]]) -> None:
    """Number and word each stage's box: `texts` gives its (title, text, button) in the user's language."""
    for number, stage in enumerate(stages, start=1):
        box = boxes[stage]
        title, text, button = texts[stage]
        box.title = f"{number}. {title}"
        box.text.setText(text)
        box.prove_button.setText(button)
        box.prove_button.setAccessibleName(f"{number}. {button}")
        if box.simulate_button is not None:
            box.simulate_button.setText(QCoreApplication.translate("StageBox", "Do this step in the simulated AFAS"))
            box.simulate_button.setAccessibleName(
                QCoreApplication.translate("StageBox", "Step {n}: do it in the simulated AFAS").format(n=number)
            )


class MigratePage(StepPage):
    step = StepId.MIGRATE

    def build(self) -> None:
        self.intro = paragraph()
        self.layout_.addWidget(self.intro)
        self.boxes = add_stage_boxes(self, STAGES, AFAS_STAGES, self._prove, SimulateStage)
        # Stage 2: the new client's fields (the same checks as the credential step).
        self.client = OAuthFields()
        self.client.show_toggle.toggled.connect(self._toggle_secret)
        self.client.id_edit.textChanged.connect(self._validate)
        self.client.secret_edit.textChanged.connect(self._validate)
        self.client.expiry_edited.connect(self._validate)
        self.boxes[Stage.SECRET].body_layout.addWidget(self.client)
        # Stage 4: the hand-over.
        handover = self.boxes[Stage.HANDOVER]
        row = ButtonRow()
        self.copy_id_button = QPushButton()
        self.copy_id_button.clicked.connect(lambda: self.send(CopyClientIdForPortal()))
        self.copy_secret_button = QPushButton()
        self.copy_secret_button.clicked.connect(lambda: self.send(CopyTokenForPortal()))
        row.addWidget(self.copy_id_button)
        row.addWidget(self.copy_secret_button)
        row.addStretch(1)
        handover.body_layout.addLayout(row)
        self.handed_over = WrappingCheckBox()
        handover.body_layout.addWidget(self.handed_over)
        self.handed_over.toggled.connect(lambda _on: self.refresh())
        for box in self.boxes.values():
            box.finish_layout()
        self._valid = False

    def retranslate(self) -> None:
        afas = screens()
        props = afas.app_connector
        kinds = props.auth_types
        app = self.machine.state.migration.app_connector if self.machine.state.migration else None
        where = self.text(
            afas.app_connector_list.menu.then(app or self.machine.manifest.app_connector.description).text
        )
        field, general = props.fields.auth_type.nl, props.tabs.general.nl
        self.setTitle(self.tr("Move to OAuth"))
        self.setSubTitle(
            self.tr(
                "Step by step from the classic token to OAuth, checked live at every step; SmartBooqing keeps working."
            )
        )
        self.intro.setText(
            self.tr(
                "You keep the same app connector: its connectors and IP restrictions stay as they are. Each step "
                "opens when the one before it is checked. You need AFAS Profit 9 or later, where {field} offers "
                "<b>{hybrid}</b>."
            ).format(field=field, hybrid=kinds.hybrid.nl)
        )
        texts: dict[Stage, tuple[str, str, str]] = {
            Stage.HYBRID: (
                self.tr("Set the app connector to {hybrid}").format(hybrid=kinds.hybrid.nl),
                self.tr(
                    "In AFAS open <b>{where}</b>. On the tab <b>{tab}</b> set <b>{field}</b> to <b>{hybrid}</b> and "
                    "save. With {hybrid}, AFAS accepts the classic token and OAuth side by side."
                ).format(where=where, tab=general, field=field, hybrid=kinds.hybrid.nl),
                self.tr("Check that the classic token still works"),
            ),
            Stage.SECRET: (
                self.tr("Create the client secret"),
                self.tr(
                    "In the same app connector AFAS now shows the <b>{client_id}</b>. Create the "
                    "<b>{client_secret}</b>: AFAS shows it <b>only once</b>. Paste both below, with the date until "
                    "which the secret is valid."
                ).format(client_id=props.fields.client_id.nl, client_secret=props.fields.client_secret.nl),
                self.tr("Use this client id and secret"),
            ),
            Stage.VERIFY_OAUTH: (
                self.tr("Check OAuth while the classic token still works"),
                self.tr(
                    "The wizard runs the whole check with the client id and secret, and checks that the classic "
                    "token still works: together they prove that the app connector is on {hybrid}."
                ).format(hybrid=kinds.hybrid.nl),
                self.tr("Run the check"),
            ),
            Stage.HANDOVER: (
                self.tr("Give SmartBooqing the new client id and secret"),
                self.tr(
                    "In the SmartBooqing portal, replace the AFAS token of this administration by the client id and "
                    "the client secret. The secret is cleared from the clipboard after 60 seconds.<br><b>Why this "
                    "must be done first:</b> the next stage sets the app connector to {oauth}; from then on AFAS "
                    "refuses the classic token, and SmartBooqing stops reading AFAS until it uses the new client id "
                    "and secret. So before you go on, open the portal and confirm that this administration now shows "
                    "the new client id."
                ).format(oauth=kinds.oauth.nl),
                self.tr("Continue"),
            ),
            Stage.SWITCH_OAUTH: (
                self.tr("Set the app connector to {oauth}").format(oauth=kinds.oauth.nl),
                self.tr(
                    "In AFAS open <b>{where}</b> again. On the tab <b>{tab}</b> set <b>{field}</b> to <b>{oauth}</b> "
                    "and save. From then on AFAS accepts only OAuth."
                ).format(where=where, tab=general, field=field, oauth=kinds.oauth.nl),
                self.tr("Check that OAuth still works"),
            ),
            Stage.CLASSIC_REFUSED: (
                self.tr("Check that the classic token is refused"),
                self.tr(
                    "The wizard logs in once more with the classic token. AFAS must now refuse it and ask for OAuth: "
                    "then nobody can use the old token any more."
                ),
                self.tr("Check the classic token"),
            ),
            Stage.FORGET_CLASSIC: (
                self.tr("Forget the classic token"),
                self.tr(
                    "The wizard replaces the classic token in this computer's safe storage by the client id and "
                    "secret. In AFAS you may delete the old user token on the tab <b>{tab}</b>."
                ).format(tab=props.tabs.tokens.nl),
                self.tr("Forget the classic token"),
            ),
        }
        label_stage_boxes(self.boxes, STAGES, texts)
        c = self.client
        c.id_label.setText(self.tr("Client i&d:"))
        c.id_edit.setAccessibleName(self.tr("New OAuth client id"))
        c.id_edit.setPlaceholderText(self.tr("Paste the client id here"))
        c.secret_label.setText(self.tr("Client s&ecret:"))
        c.secret_edit.setAccessibleName(self.tr("New OAuth client secret"))
        c.secret_edit.setPlaceholderText(self.tr("Paste the client secret here"))
        c.expiry_label.setText(self.tr("Secret valid &until:"))
        c.name_expiry(self.tr("Client secret valid until"))
        c.no_expiry.setText(self.tr("AFAS shows no e&xpiry date"))
        c.no_expiry.setAccessibleName(self.tr("AFAS shows no expiry date for the client secret"))
        c.expiry_help.setText(self.tr("Profit fills in 180 days from today unless your administrator chose otherwise."))
        self._toggle_secret(c.show_toggle.isChecked())
        self.copy_id_button.setText(self.tr("Copy the client id"))
        self.copy_id_button.setAccessibleName(self.tr("Copy the new client id for the SmartBooqing portal"))
        self.copy_secret_button.setText(self.tr("Copy the client secret"))
        self.copy_secret_button.setAccessibleName(self.tr("Copy the new client secret for the SmartBooqing portal"))
        self.handed_over.setText(
            self.tr("I see in the SmartBooqing p&ortal that this administration uses the new client id")
        )
        self.handed_over.setAccessibleName(
            self.tr("I see in the SmartBooqing portal that this administration uses the new client id")
        )
        self.refresh()

    def _toggle_secret(self, shown: bool) -> None:
        c = self.client
        c.secret_edit.setEchoMode(QLineEdit.EchoMode.Normal if shown else QLineEdit.EchoMode.Password)
        c.show_toggle.setText(self.tr("Hid&e secret") if shown else self.tr("Sho&w secret"))
        c.show_toggle.setAccessibleName(
            self.tr("Hide the client secret") if shown else self.tr("Show the client secret")
        )

    def refresh(self) -> None:
        migration = self.machine.state.migration
        for stage, box in self.boxes.items():
            done = migration is not None and migration.is_done(stage)
            current = migration is not None and migration.is_open(stage)
            symbol, word = (
                ("✔", self.tr("done")) if done else ("▶", self.tr("now")) if current else ("○", self.tr("later"))
            )
            title = box.title
            box.head.setText(f"{symbol} {title} — {word}")
            box.head.setAccessibleName(f"{title}: {word}")
            box.body.setVisible(current)
            box.prove_button.setEnabled(current and not self.busy and self._ready(stage))
            if box.simulate_button is not None:
                box.simulate_button.setEnabled(current and not self.busy)
            box.setEnabled(done or current)
        s = self.machine.state
        self.copy_id_button.setEnabled(s.new_client is not None)
        self.copy_secret_button.setEnabled(s.new_client is not None)

    def _ready(self, stage: Stage) -> bool:
        if stage is Stage.SECRET:
            return self._valid
        if stage is Stage.HANDOVER:
            return self.handed_over.isChecked()
        return True

    def _validate(self, _text: str = "") -> None:
        ok = self.client.validate(self.lang)
        self._valid = ok
        self.refresh()

    def _prove(self, stage: Stage) -> None:
        if stage is Stage.SECRET:
            c = self.client
            self.send(
                StoreOAuthClient(c.id_edit.text(), SecretStr(c.secret_edit.text()), c.expires(), for_migration=True)
            )
        self.send(ProveStage(stage))

    # -- what the controller calls -------------------------------------------------------------------------------
    def fill_client(self, client_id: str, secret: str, expires: dt.date | None) -> None:
        """Demo: what the simulated AFAS showed, as if the user pasted it."""
        self.client.id_edit.setText(client_id)
        self.client.secret_edit.setText(secret)
        self.client.no_expiry.setChecked(expires is None)
        if expires is not None:
            self.client.reset_expiry(expires)

    def stage_result(self, stage: Stage, level: Level, text: str) -> None:
        self.boxes[stage].result.show_message(level, text)
        if stage is Stage.SECRET and level is Level.OK:
            self.client.clear_secret()  # the secret leaves the widgets once it is kept
        self.refresh()

    def set_busy(self, busy: bool, text: str = "") -> None:
        super().set_busy(busy, text)
        self.refresh()  # the open stage's buttons follow the busy state

    def copied(self, secret: bool = True) -> None:
        if secret:
            text = self.tr(
                "The client secret is on the clipboard. It is cleared in 60 seconds, unless you copy something else."
            )
        else:
            text = self.tr("The client id is on the clipboard.")
        self.boxes[Stage.HANDOVER].result.show_message(Level.OK, text)

    def disabled_reason(self) -> str:
        return open_stage_reason(self, self.open_box())

    def open_box(self) -> StageBox | None:
        migration = self.machine.state.migration
        current = migration.current if migration is not None else None
        return self.boxes[current] if current is not None else None

    def initializePage(self) -> None:
        super().initializePage()
        self.retranslate()
        box = self.open_box()
        if box is not None:
            box.prove_button.setFocus(Qt.FocusReason.OtherFocusReason)
