"""The OAuth client's fields, shared by the credential step and the move to OAuth: client id, client secret (a
password field) and the secret's expiry date as AFAS shows it, each checked as it is typed or pasted."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QCalendarWidget,
    QCheckBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QWidget,
    QWidgetAction,
)

from wizard.domain.errors import InputError
from wizard.domain.oauth import check_client_id, check_client_secret
from wizard.domain.secret_expiry import VALID_UNTIL, ExpiryReading, read_expiry
from wizard.domain.text import Lang, long_date
from wizard.ui.widgets import Level, MessageLine, paragraph


def secret_field(edit: QLineEdit) -> QLineEdit:
    """A password field that never hands the secret on: no echo, no drag, no context-menu copy."""
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    edit.setDragEnabled(False)
    return edit


class OAuthFields(QWidget):
    """Client id, client secret (hidden) and the secret's expiry date, each validated as it is typed or pasted. The
    date starts empty: the user types or picks what AFAS shows, or ticks that AFAS shows none (never a guess that
    would be left as it is)."""

    expiry_edited = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        self.id_label = QLabel()
        self.id_edit = QLineEdit()
        self.id_label.setBuddy(self.id_edit)
        self.id_check = MessageLine(reserve=2)
        self.secret_label = QLabel()
        self.secret_edit = secret_field(QLineEdit())
        self.secret_label.setBuddy(self.secret_edit)
        self.show_toggle = QPushButton()
        self.show_toggle.setCheckable(True)
        self.secret_check = MessageLine(reserve=2)
        self.expiry_label = QLabel()
        self.expiry_edit = QLineEdit()
        self.expiry_edit.setMaxLength(40)
        self.expiry_label.setBuddy(self.expiry_edit)
        self.expiry_pick = QPushButton()
        self.expiry_pick.clicked.connect(self._open_calendar)
        self._calendar: tuple[QMenu, QCalendarWidget] | None = None  # made when first opened (Qt's own, unnamed
        # buttons would otherwise sit in every page's accessibility tree)
        self.no_expiry = QCheckBox()
        self.expiry_check = MessageLine(reserve=1)
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
        row.addWidget(self.expiry_pick)
        row.addWidget(self.no_expiry)
        row.addStretch(1)
        grid.addLayout(row, 4, 1, 1, 2)
        grid.addWidget(self.expiry_check, 5, 1, 1, 2)
        grid.addWidget(self.expiry_help, 6, 1, 1, 2)
        grid.setColumnStretch(1, 1)
        self.no_expiry.toggled.connect(self._no_expiry_toggled)
        self.expiry_edit.textChanged.connect(lambda _t: self.expiry_edited.emit())

    def _no_expiry_toggled(self, on: bool) -> None:
        self.expiry_edit.setEnabled(not on)
        self.expiry_pick.setEnabled(not on)
        self.expiry_edited.emit()

    def _open_calendar(self) -> None:
        if self._calendar is None:
            menu = QMenu()  # a popup of its own, not a child of the page
            calendar = QCalendarWidget()
            calendar.clicked.connect(self._picked)
            holder = QWidgetAction(menu)
            holder.setDefaultWidget(calendar)
            menu.addAction(holder)
            self._calendar = (menu, calendar)
        menu, calendar = self._calendar
        day = self.reading().date
        if day is not None:
            calendar.setSelectedDate(QDate(day.year, day.month, day.day))
        menu.popup(self.expiry_pick.mapToGlobal(self.expiry_pick.rect().bottomLeft()))

    def _picked(self, day: QDate) -> None:
        self.expiry_edit.setText(day.toString("dd-MM-yyyy"))
        if self._calendar is not None:
            self._calendar[0].close()

    def name_expiry(self, name: str) -> None:
        """The date field, its calendar button and its placeholder, in the user's language."""
        self.expiry_edit.setAccessibleName(name)
        self.expiry_edit.setPlaceholderText(self.tr("dd-mm-yyyy"))
        self.expiry_pick.setText(self.tr("Calendar"))
        self.expiry_pick.setAccessibleName(self.tr("Pick the date AFAS shows from a calendar"))

    def reset_expiry(self, remembered: dt.date | None) -> None:
        """The date remembered for this client (the one AFAS showed), else empty: never a guess."""
        self.expiry_edit.setText(remembered.strftime("%d-%m-%Y") if remembered is not None else "")

    def reading(self) -> ExpiryReading:
        return read_expiry(self.expiry_edit.text(), self.no_expiry.isChecked(), dt.date.today())

    def expires(self) -> dt.date | None:
        return self.reading().date

    def validate(self, lang: Lang | str) -> bool:
        """Check the client id and secret as typed (OAuthClientCredentials' rules); a line under each says what is
        wrong, never quoting the secret. True when both look right."""
        ok = True
        # A right shape is no proof (AFAS's client ids have no documented form): no green tick here. Storing asks
        # AFAS, and its answer is what the page shows (wizard.verify.probe).
        for edit, line, check in (
            (self.id_edit, self.id_check, check_client_id),
            (self.secret_edit, self.secret_check, check_client_secret),
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
                line.clear_message()
        return self._validate_expiry(lang) and ok

    def _validate_expiry(self, lang: Lang | str) -> bool:
        """A date that is not one blocks; one in the past or far ahead is only questioned (AFAS may show it)."""
        reading = self.reading()
        if reading.error is not None:
            self.expiry_check.show_message(Level.ERROR, reading.error.get(lang))
        elif reading.question is not None:
            self.expiry_check.show_message(Level.WARN, reading.question.get(lang))
        elif reading.date is not None:
            self.expiry_check.show_message(Level.OK, VALID_UNTIL.format(date=long_date(reading.date)).get(lang))
        else:
            self.expiry_check.clear_message()
        return reading.complete

    def clear_secret(self) -> None:
        self.id_edit.clear()
        self.secret_edit.clear()
        self.show_toggle.setChecked(False)
        self.id_check.clear_message()
        self.secret_check.clear_message()
        self.expiry_check.clear_message()
