"""Step 6: the login details SmartBooqing uses, adapted to the app connector's Authenticatietype.

OAuth: paste the client id and the client secret AFAS shows once, and the secret's expiry date (Profit 9, default 180
days), each checked for form as it is pasted (wizard.ui.pages.oauth_fields). Classic: paste the user token. "Store
securely" asks AFAS once (wizard.verify.probe) and shows its answer; what works, or what cannot be asked right now,
is stored in the keyring per environment as one entry. Secret fields are password fields, emptied once stored.
"""

from __future__ import annotations

import datetime as dt

from pydantic import SecretStr
from PySide6.QtWidgets import (
    QButtonGroup,
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
from wizard.domain.oauth import OAuthClientCredentials
from wizard.domain.steps import StepId
from wizard.domain.text import long_date
from wizard.flow.state import AuthKind, Mode
from wizard.ui.illustrations import Illustration
from wizard.ui.intents import ClearClipboard, ForgetToken, GoToStep, StateEdited, StoreOAuthClient, StoreToken
from wizard.ui.pages.base import StepPage, step_name
from wizard.ui.pages.fixflow import FixFlow, scroll_to_later
from wizard.ui.pages.oauth_fields import OAuthFields, secret_field
from wizard.ui.pages.status_link import LinkedMessageLine
from wizard.ui.widgets import Level, MessageLine, heading, paragraph


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
        self.classic_radio.toggled.connect(self._kind_chosen)
        self.layout_.addWidget(self.kind_box)
        self.steps = paragraph()
        self.layout_.addWidget(self.steps)
        self.order_note = paragraph()  # why this step comes before linking, unlike the PDF guide
        self.layout_.addWidget(self.order_note)
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
        self.validation = MessageLine(reserve=2)
        self.layout_.addWidget(self.validation)
        self.store_help = paragraph()
        self.layout_.addWidget(self.store_help)
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
        self.probe = LinkedMessageLine()  # what AFAS said to these details when they were stored (afasstatus.nl a link)
        self.layout_.addWidget(self.probe)
        self.probe_fix = QPushButton()
        self.probe_fix.hide()
        self._probe_fix: StepId | None = None
        self.probe_fix.clicked.connect(self._go_fix)
        fix_row = QHBoxLayout()
        fix_row.addWidget(self.probe_fix)
        fix_row.addStretch(1)
        self.layout_.addLayout(fix_row)
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
        self.oauth.expiry_edited.connect(self._validate)
        self.store_button.clicked.connect(self._store)
        self.session_button.clicked.connect(self._store_session)
        self.replace_button.clicked.connect(lambda: self.send(ForgetToken()))
        self.clear_button.clicked.connect(self._clear_clipboard)
        self.session_button.hide()
        self._valid = False
        self.illustration = Illustration(self.step)  # placed after the page's own widgets

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
            admin = f"{env.number}.admin" if env is not None else self.tr("your environment number and .admin")
            self.setTitle(self.tr("Create and store the user token"))
            self.setSubTitle(self.tr("The token lets SmartBooqing log in to the app connector as one AFAS user."))
            self.steps.setText(
                self.tr(
                    "<ol><li>In the app connector, open the tab <b>{tab}</b> and click <b>{new}</b>.</li>"
                    "<li>Choose the AFAS user SmartBooqing works as. That user must belong to the app connector's "
                    "user group (<b>{group}</b>) and have rights on the connectors you link in the next step ({get}, "
                    "{update}, {special}); rights are set in <b>{rights}</b>. Usually that is the environment's "
                    "administrator user: <b>{admin}</b>. Fill in an <b>{description}</b> (for example "
                    "SmartBooqing) and click <b>{next}</b>.</li>"
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
        self.order_note.setText(
            self.tr(
                "The wizard asks for the login details now: AFAS can make them as soon as the app connector "
                "exists, and with them stored the next step sees each link you make in AFAS and ticks it for you."
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
            self.tr(
                "Type the date exactly as AFAS shows it with the secret. Older Profit versions (before Profit 9) "
                "show no expiry date: then tick the box."
            )
        )
        self._toggle_shown()
        self.store_help.setText(
            self.tr(
                "<b>Store securely</b> first asks AFAS once whether these details work. Details AFAS refuses are not "
                "stored; details that cannot be checked right now are stored and checked again at the end."
            )
        )
        self.probe_fix.setText(
            self.tr("Go to step '{step}'").format(step=step_name(self._probe_fix or StepId.APP_CONNECTOR))
        )
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

    def disabled_reason(self) -> str:
        if self.busy or self.isComplete():
            return super().disabled_reason()
        if self.undecided:
            return self.tr("choose above how SmartBooqing logs in")
        store = self.store_button.text().replace("&", "")
        if self.probe.level is Level.ERROR:  # the user did press it: AFAS refused what was pasted
            if self._probe_fix is not None:
                return self.tr("AFAS refused these details: fix the cause in step '{step}' (the button above)").format(
                    step=step_name(self._probe_fix)
                )
            return self.tr("AFAS refused these details: correct them as said above, then press '{store}' again").format(
                store=store
            )
        if self.is_oauth:
            return self.tr("paste the client id and client secret, then press '{store}'").format(store=store)
        return self.tr("paste the token, then press '{store}'").format(store=store)

    @property
    def undecided(self) -> bool:
        """Checking an existing connection with nothing stored here (yet): the user says which kind it uses; the
        page does not guess (a stored entry, once found, decides)."""
        s = self.machine.state
        return (
            s.mode is Mode.CHECK_EXISTING and s.auth_choice is None and s.credential is None and s.token_storage is None
        )

    def refresh(self) -> None:
        s = self.machine.state
        self.fix.refresh()
        oauth = self.is_oauth
        undecided = self.undecided
        self.kind_box.setVisible(s.mode is Mode.CHECK_EXISTING and s.migration is None)
        self.order_note.setVisible(s.mode is Mode.SETUP)
        self.kinds.setExclusive(not undecided)  # an exclusive group cannot show both unchecked
        for radio, on in (
            (self.oauth_radio, oauth and not undecided),
            (self.classic_radio, not oauth and not undecided),
        ):
            if radio.isChecked() != on:
                radio.blockSignals(True)
                radio.setChecked(on)
                radio.blockSignals(False)
        self.kinds.setExclusive(True)
        self.steps.setVisible(not undecided)
        self.oauth.setVisible(oauth and not undecided)
        self.classic.setVisible(not oauth and not undecided)
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
                        date=self.text(long_date(credential.secret_expires))
                    )
            else:
                text = self.tr("Token for {env} stored ({where}).").format(where=where, env=env)
                fingerprint = credential.fingerprint() if credential is not None else ""
                if fingerprint:
                    text += " " + self.tr("It ends in {end}.").format(end=fingerprint)
            # The last check said AFAS refuses them (the fix banner above says why): stored is no longer "fine".
            refused = bool(s.found_why.get(StepId.TOKEN))
            if refused:
                text += " " + self.tr("The last check says AFAS refuses them: replace them with what AFAS shows now.")
                if self.probe.level is Level.OK:  # an earlier "AFAS accepts them" is stale now
                    self.show_probe(Level.INFO, "")
            self.stored.show_message(Level.WARN if refused else Level.OK, text)
        else:
            if self.stored.level is Level.OK:
                self.stored.clear_message()
            if self.probe.level in (Level.OK, Level.WARN):  # about details no longer stored: never stale
                self.show_probe(Level.INFO, "")
        for widget in (self.token_edit, self.show_toggle, self.oauth, self.kind_box):
            widget.setEnabled(not stored)
        self.store_button.setVisible(not stored and not undecided)
        self.store_help.setVisible(not stored and not undecided)
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
        if not (self.oauth_radio.isChecked() or self.classic_radio.isChecked()):
            return
        kind = AuthKind.OAUTH if self.oauth_radio.isChecked() else AuthKind.CLASSIC
        s = self.machine.state
        if s.auth_choice is kind or (s.auth is kind and not self.undecided):
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
        if self.machine.state.token_storage is None:
            self.show_probe(Level.INFO, "")  # AFAS's answer was about what the fields held before this edit
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
        self.validation.show_message(
            Level.INFO, self.tr("This has the form of an AFAS token. Storing it asks AFAS whether it works.")
        )
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

    def show_probe(self, level: Level, text: str, fix: StepId | None = None) -> None:
        """AFAS's answer to the one request made on storing (empty: clear it while a new request is made); `fix`:
        the step where its cause is fixed, offered as a button."""
        self._probe_fix = fix
        if fix is not None:
            self.probe_fix.setText(self.tr("Go to step '{step}'").format(step=step_name(fix)))
        self.probe_fix.setVisible(fix is not None)
        if text:
            self.probe.show_message(level, text)
            if level is Level.ERROR:  # no line about the form beside AFAS's refusal
                self.validation.clear_message()
            scroll_to_later(self, self.probe, self.probe_fix)  # AFAS's answer (and its button) in view
        else:
            self.probe.clear_message()
        self.completeChanged.emit()  # why Next is off follows AFAS's answer

    def _go_fix(self) -> None:
        if self._probe_fix is not None:
            self.send(GoToStep(self._probe_fix))

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
