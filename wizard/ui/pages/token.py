"""Step 7: create the user token in AFAS, paste it, validate it on the spot, store it securely."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QPushButton

from wizard.data import screens
from wizard.domain.credentials import parse_classic_token
from wizard.domain.errors import InputError
from wizard.flow.steps import StepId
from wizard.ui.intents import ClearClipboard, ForgetToken, StoreToken
from wizard.ui.pages.base import StepPage
from wizard.ui.widgets import Level, MessageLine, heading, paragraph


class TokenPage(StepPage):
    step = StepId.TOKEN
    simulated = True

    def build(self) -> None:
        self.steps = paragraph()
        self.layout_.addWidget(self.steps)
        row = QHBoxLayout()
        self.token_label = QLabel()
        self.token_edit = QLineEdit()
        self.token_edit.setEchoMode(QLineEdit.EchoMode.Password)
        # No undo history, drag or context-menu copy of the secret.
        self.token_edit.setDragEnabled(False)
        self.token_label.setBuddy(self.token_edit)
        self.show_toggle = QPushButton()
        self.show_toggle.setCheckable(True)
        self.show_toggle.toggled.connect(self._toggle_shown)
        row.addWidget(self.token_label)
        row.addWidget(self.token_edit, 1)
        row.addWidget(self.show_toggle)
        self.layout_.addLayout(row)
        self.validation = MessageLine()
        self.layout_.addWidget(self.validation)
        buttons = QHBoxLayout()
        self.store_button = QPushButton()
        self.session_button = QPushButton()
        self.replace_button = QPushButton()
        buttons.addWidget(self.store_button)
        buttons.addWidget(self.session_button)
        buttons.addWidget(self.replace_button)
        buttons.addStretch(1)
        self.layout_.addLayout(buttons)
        self.stored = MessageLine()
        self.layout_.addWidget(self.stored)
        self.clipboard_title = heading()
        self.clipboard_help = paragraph()
        self.clear_button = QPushButton()
        self.layout_.addWidget(self.clipboard_title)
        self.layout_.addWidget(self.clipboard_help)
        clear_row = QHBoxLayout()
        clear_row.addWidget(self.clear_button)
        clear_row.addStretch(1)
        self.layout_.addLayout(clear_row)

        self.token_edit.textChanged.connect(self._validate)
        self.token_edit.returnPressed.connect(self._store)
        self.store_button.clicked.connect(self._store)
        self.session_button.clicked.connect(self._store_session)
        self.replace_button.clicked.connect(lambda: self.send(ForgetToken()))
        self.clear_button.clicked.connect(self._clear_clipboard)
        self.session_button.hide()
        self._valid = False

    def retranslate(self) -> None:
        afas = screens()
        dialog = afas.new_user_token
        self.setTitle(self.tr("Create and store the user token"))
        self.setSubTitle(self.tr("The token lets SmartBooqing log in to the app connector as one AFAS user."))
        self.steps.setText(
            self.tr(
                "<ol><li>In the app connector, open the tab <b>{tab}</b> and click <b>{new}</b>.</li>"
                "<li>Choose the AFAS user SmartBooqing works as, fill in an <b>{description}</b> and click "
                "<b>{next}</b>.</li>"
                "<li>Click <b>{copy}</b> and paste the token below. AFAS shows the token only once.</li></ol>"
            ).format(
                tab=afas.app_connector.tabs.tokens.nl,
                new=afas.app_connector.buttons.new.nl,
                description=dialog.fields.description.nl,
                next=dialog.buttons.next.nl,
                copy=dialog.buttons.copy_token.nl,
            )
        )
        self.token_label.setText(self.tr("User &token:"))
        self.token_edit.setAccessibleName(self.tr("User token"))
        self.token_edit.setPlaceholderText(self.tr("Paste the token here"))
        self._toggle_shown(self.show_toggle.isChecked())
        self.store_button.setText(self.tr("&Store the token securely"))
        self.session_button.setText(self.tr("&Keep for this session only"))
        self.replace_button.setText(self.tr("&Replace the stored token"))
        self.clipboard_title.setText(self.tr("Clipboard"))
        self.clipboard_help.setText(
            self.tr(
                "The token may still be on your clipboard, and in a remote session also on the other computer's. "
                "Clear it once the token is stored."
            )
        )
        self.clear_button.setText(self.tr("C&lear the clipboard"))

    def _toggle_shown(self, shown: bool) -> None:
        mode = QLineEdit.EchoMode.Normal if shown else QLineEdit.EchoMode.Password
        self.token_edit.setEchoMode(mode)
        self.show_toggle.setText(self.tr("&Hide") if shown else self.tr("S&how"))
        self.show_toggle.setAccessibleName(self.tr("Show the token") if not shown else self.tr("Hide the token"))

    def refresh(self) -> None:
        s = self.machine.state
        stored = s.token_storage is not None
        env = s.environment.env_id if s.environment else ""
        if stored and s.token_storage is not None:
            fingerprint = s.credential.fingerprint() if s.credential is not None else ""
            text = self.tr("Token for {env} stored ({where}).").format(
                where=self.text(s.token_storage.location), env=env
            )
            if fingerprint:
                text += " " + self.tr("It ends in {end}.").format(end=fingerprint)
            self.stored.show_message(Level.OK, text)
        elif self.stored.level is Level.OK:
            self.stored.clear_message()
        self.token_edit.setEnabled(not stored)
        self.show_toggle.setEnabled(not stored)
        self.store_button.setVisible(not stored)
        self.store_button.setEnabled(self._valid and not self.busy)
        self.replace_button.setVisible(stored)
        if stored:
            self.session_button.hide()

    def initializePage(self) -> None:
        super().initializePage()
        if self.token_edit.isEnabled():
            self.token_edit.setFocus()

    def fill_token(self, text: str) -> None:
        """Demo: put the token the simulated AFAS made into the field, as if the user pasted it."""
        self.token_edit.setText(text)

    def _validate(self, text: str) -> None:
        self.session_button.hide()
        if not text.strip():
            self._valid = False
            self.validation.clear_message()
        else:
            try:
                parse_classic_token(text)
            except InputError as exc:
                self._valid = False
                self.validation.show_message(Level.ERROR, exc.text(self.lang))
            else:
                self._valid = True
                self.validation.show_message(Level.OK, self.tr("This is a valid AFAS token."))
        self.refresh()

    def _secret(self) -> StoreToken:
        from pydantic import SecretStr

        return StoreToken(SecretStr(self.token_edit.text()))

    def _store(self) -> None:
        if self._valid and not self.busy:
            self.send(self._secret())

    def _store_session(self) -> None:
        if self._valid and not self.busy:
            self.send(StoreToken(self._secret().text, session_only=True))

    def token_stored(self) -> None:
        """After storing, the secret leaves every widget: nothing on screen, in a screenshot or a11y tree."""
        self.token_edit.clear()
        self.show_toggle.setChecked(False)
        self.validation.clear_message()
        self._valid = False
        self.refresh()

    def offer_session_only(self, reason: str) -> None:
        self.stored.show_message(
            Level.ERROR,
            reason
            + " "
            + self.tr(
                "The token is never written to a plain file. You can keep it for this session only: the check "
                "works, but you will have to paste it again next time."
            ),
        )
        self.session_button.show()

    def _clear_clipboard(self) -> None:
        self.send(ClearClipboard())
        self.show_message(Level.OK, self.tr("The clipboard is empty."))
