"""Step 7: the login details SmartBooqing uses, adapted to the app connector's Authenticatietype.

OAuth: paste the client id and the client secret AFAS shows once, and the secret's expiry date (Profit 9, default 180
days), each checked as it is pasted. Classic: paste the user token. Either way the credential is stored in the
keyring per environment as one entry. Secret fields are password fields and are emptied once stored.
"""

from __future__ import annotations

import datetime as dt

from pydantic import SecretStr
from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QDateEdit,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from wizard.data import screens
from wizard.domain.credentials import parse_classic_token
from wizard.domain.errors import InputError
from wizard.domain.oauth import OAuthClientCredentials, check_client_id, check_client_secret
from wizard.domain.steps import StepId
from wizard.domain.text import Lang
from wizard.flow.state import AuthKind, Mode
from wizard.ui.intents import ClearClipboard, ForgetToken, StateEdited, StoreOAuthClient, StoreToken
from wizard.ui.pages.base import StepPage
from wizard.ui.pages.fixflow import FixFlow
from wizard.ui.widgets import Level, MessageLine, heading, paragraph

# Profit 9: "The validity period is configurable. The default value is 180 days." (afas-oauth.md §1.2)
DEFAULT_SECRET_DAYS = 180


def secret_field(edit: QLineEdit) -> QLineEdit:
    """A password field that never hands the secret on: no echo, no drag, no context-menu copy."""
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    edit.setDragEnabled(False)
    return edit


class OAuthFields(QWidget):
    """Client id, client secret (hidden) and the secret's expiry date, each validated as it is typed or pasted."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        self.id_label = QLabel()
        self.id_edit = QLineEdit()
        self.id_label.setBuddy(self.id_edit)
        self.id_check = MessageLine()
        self.secret_label = QLabel()
        self.secret_edit = secret_field(QLineEdit())
        self.secret_label.setBuddy(self.secret_edit)
        self.show_toggle = QPushButton()
        self.show_toggle.setCheckable(True)
        self.secret_check = MessageLine()
        self.expiry_label = QLabel()
        self.expiry_edit = QDateEdit()
        self.expiry_edit.setCalendarPopup(True)
        self.expiry_edit.setDisplayFormat("dd-MM-yyyy")
        self.expiry_label.setBuddy(self.expiry_edit)
        self.no_expiry = QCheckBox()
        self.expiry_help = paragraph()
        grid.addWidget(self.id_label, 0, 0)
        grid.addWidget(self.id_edit, 0, 1, 1, 2)
        grid.addWidget(self.id_check, 1, 1, 1, 2)
        grid.addWidget(self.secret_label, 2, 0)
        grid.addWidget(self.secret_edit, 2, 1)
        grid.addWidget(self.show_toggle, 2, 2)
        grid.addWidget(self.secret_check, 3, 1, 1, 2)
        grid.addWidget(self.expiry_label, 4, 0)
        row = QHBoxLayout()
        row.addWidget(self.expiry_edit)
        row.addWidget(self.no_expiry)
        row.addStretch(1)
        grid.addLayout(row, 4, 1, 1, 2)
        grid.addWidget(self.expiry_help, 5, 1, 1, 2)
        grid.setColumnStretch(1, 1)
        self.reset_expiry(None)
        self.no_expiry.toggled.connect(lambda on: self.expiry_edit.setEnabled(not on))

    def name_expiry(self, name: str) -> None:
        """The date field and the line edit inside it: a screen reader announces the same name for both."""
        self.expiry_edit.setAccessibleName(name)
        inner = self.expiry_edit.findChild(QLineEdit)
        if inner is not None:
            inner.setAccessibleName(name)

    def reset_expiry(self, remembered: dt.date | None) -> None:
        day = remembered or dt.date.today() + dt.timedelta(days=DEFAULT_SECRET_DAYS)
        self.expiry_edit.setDate(QDate(day.year, day.month, day.day))

    def expires(self) -> dt.date | None:
        if self.no_expiry.isChecked():
            return None
        day = self.expiry_edit.date()
        return dt.date(day.year(), day.month(), day.day())

    def validate(self, lang: Lang | str) -> bool:
        """Check the client id and secret as typed (OAuthClientCredentials' rules); a line under each says what is
        wrong, never quoting the secret. True when both look right."""
        ok = True
        for edit, line, check, good in (
            (self.id_edit, self.id_check, check_client_id, self.tr("Looks like a client id.")),
            (self.secret_edit, self.secret_check, check_client_secret, self.tr("Looks like a client secret.")),
        ):
            if not edit.text().strip():
                line.clear_message()
                ok = False
                continue
            try:
                check(edit.text())
            except InputError as exc:  # the message never quotes the secret
                line.show_message(Level.ERROR, exc.text(lang))
                ok = False
            else:
                line.show_message(Level.OK, good)
        return ok

    def clear_secret(self) -> None:
        self.id_edit.clear()
        self.secret_edit.clear()
        self.show_toggle.setChecked(False)
        self.id_check.clear_message()
        self.secret_check.clear_message()


class TokenPage(StepPage):
    step = StepId.TOKEN
    simulated = True

    def build(self) -> None:
        # Opened by a fix from the check: the banner says what the check found wrong with the credential.
        self.fix = FixFlow(self, [], lambda item: item, mnemonic=False)  # Alt+R is "Bewaarde gegevens vervangen"
        # An existing connection: which kind of login does SmartBooqing use? (A new setup decided on step 5.)
        self.kind_box = QWidget()
        kind = QVBoxLayout(self.kind_box)
        kind.setContentsMargins(0, 0, 0, 0)
        self.kind_title = heading()
        self.oauth_radio = QRadioButton()
        self.classic_radio = QRadioButton()
        self.kinds = QButtonGroup(self)
        for widget in (self.kind_title, self.oauth_radio, self.classic_radio):
            kind.addWidget(widget)
        self.kinds.addButton(self.oauth_radio)
        self.kinds.addButton(self.classic_radio)
        self.oauth_radio.toggled.connect(self._kind_chosen)
        self.layout_.addWidget(self.kind_box)
        self.steps = paragraph()
        self.layout_.addWidget(self.steps)
        # OAuth: client id, client secret, expiry.
        self.oauth = OAuthFields()
        self.oauth.show_toggle.toggled.connect(self._toggle_shown)
        self.layout_.addWidget(self.oauth)
        # Classic: the user token.
        self.classic = QWidget()
        row = QHBoxLayout(self.classic)
        row.setContentsMargins(0, 0, 0, 0)
        self.token_label = QLabel()
        self.token_edit = secret_field(QLineEdit())
        self.token_label.setBuddy(self.token_edit)
        self.show_toggle = QPushButton()
        self.show_toggle.setCheckable(True)
        self.show_toggle.toggled.connect(self._toggle_shown)
        row.addWidget(self.token_label)
        row.addWidget(self.token_edit, 1)
        row.addWidget(self.show_toggle)
        self.layout_.addWidget(self.classic)
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
        self.oauth.id_edit.textChanged.connect(self._validate)
        self.oauth.secret_edit.textChanged.connect(self._validate)
        self.oauth.secret_edit.returnPressed.connect(self._store)
        self.store_button.clicked.connect(self._store)
        self.session_button.clicked.connect(self._store_session)
        self.replace_button.clicked.connect(lambda: self.send(ForgetToken()))
        self.clear_button.clicked.connect(self._clear_clipboard)
        self.session_button.hide()
        self._valid = False

    @property
    def is_oauth(self) -> bool:
        return self.machine.state.auth is AuthKind.OAUTH

    def retranslate(self) -> None:
        afas = screens()
        props = afas.app_connector
        if self.is_oauth:
            self.setTitle(self.tr("Paste the client id and client secret"))
            self.setSubTitle(self.tr("With these two values SmartBooqing logs in to the app connector through OAuth."))
            self.steps.setText(
                self.tr(
                    "<ol><li>When the app connector is saved with {field} <b>{oauth}</b>, AFAS shows the "
                    "<b>{client_id}</b> and the <b>{client_secret}</b>.</li>"
                    "<li>Copy each one and paste it below. AFAS shows the secret <b>only once</b>: paste it before "
                    "you close that screen.</li>"
                    "<li>Fill in the date until which the secret is valid, as AFAS shows it (normally 180 days from "
                    "today). The wizard remembers it, so you are warned in time to create a new secret.</li></ol>"
                ).format(
                    field=props.fields.auth_type.nl,
                    oauth=props.auth_types.oauth.nl,
                    client_id=props.fields.client_id.nl,
                    client_secret=props.fields.client_secret.nl,
                )
            )
        else:
            dialog = afas.new_user_token
            env = self.machine.state.environment
            admin = f"{env.number}.admin" if env is not None else "12345.admin"
            self.setTitle(self.tr("Create and store the user token"))
            self.setSubTitle(self.tr("The token lets SmartBooqing log in to the app connector as one AFAS user."))
            self.steps.setText(
                self.tr(
                    "<ol><li>In the app connector, open the tab <b>{tab}</b> and click <b>{new}</b>.</li>"
                    "<li>Choose the AFAS user SmartBooqing works as. That user must belong to the app connector's "
                    "user group (<b>{group}</b>) and have rights on the connectors you linked ({get}, {update}, "
                    "{special}); rights are set in <b>{rights}</b>. The guide uses the environment's administrator "
                    "user, such as <b>{admin}</b>. Fill in an <b>{description}</b> (for example SmartBooqing) and "
                    "click <b>{next}</b>.</li>"
                    "<li>Click <b>{copy}</b> and paste the token below. AFAS shows the token only once.</li>"
                    "<li>Then click <b>{finish}</b> in AFAS. After that AFAS cannot show this token again, so paste "
                    "it here first.</li></ol>"
                ).format(
                    tab=props.tabs.tokens.nl,
                    new=props.buttons.new.nl,
                    group=self.machine.manifest.app_connector.user_group_nl,
                    get=props.tab_for("get").nl,
                    update=props.tab_for("update").nl,
                    special=props.tab_for("special").nl,
                    rights=self.text(afas.authorisation_tool.menu.text),
                    admin=admin,
                    description=dialog.fields.description.nl,
                    next=dialog.buttons.next.nl,
                    copy=dialog.buttons.copy_token.nl,
                    finish=dialog.buttons.finish.nl,
                )
            )
        self.kind_title.setText(self.tr("How does SmartBooqing log in to this app connector?"))
        self.oauth_radio.setText(
            self.tr("With a client id and client secret ({field} {oauth} or {hybrid})").format(
                field=props.fields.auth_type.nl, oauth=props.auth_types.oauth.nl, hybrid=props.auth_types.hybrid.nl
            )
        )
        self.classic_radio.setText(
            self.tr("With a user token ({field} {classic})").format(
                field=props.fields.auth_type.nl, classic=props.auth_types.classic.nl
            )
        )
        self.token_label.setText(self.tr("User &token:"))
        self.token_edit.setAccessibleName(self.tr("User token"))
        self.token_edit.setPlaceholderText(self.tr("Paste the token here"))
        o = self.oauth
        o.id_label.setText(self.tr("Client i&d:"))
        o.id_edit.setAccessibleName(self.tr("OAuth client id"))
        o.id_edit.setPlaceholderText(self.tr("Paste the client id here"))
        o.secret_label.setText(self.tr("Client s&ecret:"))
        o.secret_edit.setAccessibleName(self.tr("OAuth client secret"))
        o.secret_edit.setPlaceholderText(self.tr("Paste the client secret here"))
        o.expiry_label.setText(self.tr("Secret valid &until:"))
        o.name_expiry(self.tr("Client secret valid until"))
        o.no_expiry.setText(self.tr("AFAS shows no e&xpiry date"))
        o.no_expiry.setAccessibleName(self.tr("AFAS shows no expiry date for the client secret"))
        o.expiry_help.setText(
            self.tr("Older Profit versions (before Profit 9) show no expiry date: then tick the box.")
        )
        self._toggle_shown()
        self.store_button.setText(self.tr("&Store securely"))
        self.session_button.setText(self.tr("&Keep for this session only"))
        self.replace_button.setText(self.tr("&Replace what is stored"))
        self.clipboard_title.setText(self.tr("Clipboard"))
        self.clipboard_help.setText(
            self.tr(
                "What you pasted may still be on your clipboard, and in a remote session also on the other "
                "computer's. Clear it once it is stored."
            )
        )
        self.clear_button.setText(self.tr("C&lear the clipboard"))

    def _toggle_shown(self, _shown: bool = False) -> None:
        """Each secret field follows its own Show/Hide button."""
        pairs = (
            (self.token_edit, self.show_toggle, self.tr("Show the token"), self.tr("Hide the token")),
            (
                self.oauth.secret_edit,
                self.oauth.show_toggle,
                self.tr("Show the client secret"),
                self.tr("Hide the client secret"),
            ),
        )
        for edit, toggle, show_name, hide_name in pairs:
            on = toggle.isChecked()
            edit.setEchoMode(QLineEdit.EchoMode.Normal if on else QLineEdit.EchoMode.Password)
            if toggle is self.show_toggle:
                toggle.setText(self.tr("&Hide") if on else self.tr("S&how"))
            else:  # its own shortcut: both buttons exist on this page, one of them hidden
                toggle.setText(self.tr("Hid&e secret") if on else self.tr("Sho&w secret"))
            toggle.setAccessibleName(hide_name if on else show_name)

    def refresh(self) -> None:
        s = self.machine.state
        self.fix.refresh()
        oauth = self.is_oauth
        self.kind_box.setVisible(s.mode is Mode.CHECK_EXISTING and s.migration is None)
        radio = self.oauth_radio if oauth else self.classic_radio
        if not radio.isChecked():
            radio.blockSignals(True)
            radio.setChecked(True)
            radio.blockSignals(False)
        self.oauth.setVisible(oauth)
        self.classic.setVisible(not oauth)
        if self.illustration is not None:  # the drawing is AFAS's "Nieuwe gebruikerstoken": a classic token's
            self.illustration.setVisible(not oauth)
        stored = s.token_storage is not None
        env = s.environment.env_id if s.environment else ""
        if stored and s.token_storage is not None:
            where = self.text(s.token_storage.location)
            credential = s.credential
            if isinstance(credential, OAuthClientCredentials):
                text = self.tr("Client id and client secret for {env} stored ({where}).").format(where=where, env=env)
                text += " " + self.tr("Client id {id}; the secret ends in {end}.").format(
                    id=credential.client_id, end=credential.secret()[-4:]
                )
                if credential.secret_expires is not None:
                    text += " " + self.tr("Valid until {date}.").format(
                        date=credential.secret_expires.strftime("%d-%m-%Y")
                    )
            else:
                text = self.tr("Token for {env} stored ({where}).").format(where=where, env=env)
                fingerprint = credential.fingerprint() if credential is not None else ""
                if fingerprint:
                    text += " " + self.tr("It ends in {end}.").format(end=fingerprint)
            self.stored.show_message(Level.OK, text)
        elif self.stored.level is Level.OK:
            self.stored.clear_message()
        for widget in (self.token_edit, self.show_toggle, self.oauth, self.kind_box):
            widget.setEnabled(not stored)
        self.store_button.setVisible(not stored)
        self.store_button.setEnabled(self._valid and not self.busy)
        self.replace_button.setVisible(stored)
        if stored:
            self.session_button.hide()

    def initializePage(self) -> None:
        super().initializePage()
        self.oauth.reset_expiry(self.machine.state.secret_expires)
        first = self.oauth.id_edit if self.is_oauth else self.token_edit
        if first.isEnabled():
            first.setFocus()

    def state_changed(self) -> None:
        # The Authenticatietype may have changed on the app connector step: the texts follow it.
        self.retranslate()
        super().state_changed()

    def _kind_chosen(self) -> None:
        kind = AuthKind.OAUTH if self.oauth_radio.isChecked() else AuthKind.CLASSIC
        s = self.machine.state
        if s.auth is kind:
            return
        s.auth_choice = kind
        self.retranslate()
        self._validate()
        self.send(StateEdited())

    # -- filling and checking ------------------------------------------------------------------------------------
    def fill_token(self, text: str) -> None:
        """Demo: put the token the simulated AFAS made into the field, as if the user pasted it."""
        self.token_edit.setText(text)

    def fill_client(self, client_id: str, secret: str, expires: dt.date | None) -> None:
        """Demo: what the simulated AFAS showed, as if the user pasted it (the secret stays a password field)."""
        self.oauth.id_edit.setText(client_id)
        self.oauth.secret_edit.setText(secret)
        self.oauth.no_expiry.setChecked(expires is None)
        if expires is not None:
            self.oauth.reset_expiry(expires)

    def _validate(self, _text: str = "") -> None:
        self.session_button.hide()
        if self.is_oauth:
            self._valid = self._validate_oauth()
        else:
            self._valid = self._validate_classic(self.token_edit.text())
        self.refresh()

    def _validate_classic(self, text: str) -> bool:
        if not text.strip():
            self.validation.clear_message()
            return False
        try:
            parse_classic_token(text)
        except InputError as exc:
            self.validation.show_message(Level.ERROR, exc.text(self.lang))
            return False
        self.validation.show_message(Level.OK, self.tr("This is a valid AFAS token."))
        return True

    def _validate_oauth(self) -> bool:
        self.validation.clear_message()
        return self.oauth.validate(self.lang)

    # -- storing ------------------------------------------------------------------------------------------------
    def _intent(self, session_only: bool) -> StoreToken | StoreOAuthClient:
        if self.is_oauth:
            return StoreOAuthClient(
                self.oauth.id_edit.text(),
                SecretStr(self.oauth.secret_edit.text()),
                self.oauth.expires(),
                session_only=session_only,
            )
        return StoreToken(SecretStr(self.token_edit.text()), session_only=session_only)

    def _store(self) -> None:
        if self._valid and not self.busy:
            self.send(self._intent(session_only=False))

    def _store_session(self) -> None:
        if self._valid and not self.busy:
            self.send(self._intent(session_only=True))

    def token_stored(self) -> None:
        """After storing, the secret leaves every widget: nothing on screen, in a screenshot or a11y tree."""
        self.token_edit.clear()
        self.show_toggle.setChecked(False)
        self.oauth.clear_secret()
        self.validation.clear_message()
        self._valid = False
        self.refresh()

    def offer_session_only(self, reason: str) -> None:
        self.stored.show_message(
            Level.ERROR,
            reason
            + " "
            + self.tr(
                "It is never written to a plain file. You can keep it for this session only: the check works, but "
                "you will have to paste it again next time."
            ),
        )
        self.session_button.show()

    def _clear_clipboard(self) -> None:
        self.send(ClearClipboard())
        self.show_message(Level.OK, self.tr("The clipboard is empty."))
