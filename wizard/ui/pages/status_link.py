"""AFAS's status page and the SmartBooqing helpdesk's address as real links wherever a message names them
(maintenance, impossible right now, "contact the helpdesk"): clickable, reachable with Tab and opened with Enter,
and named for a screen reader. Every other character stays plain text."""

from __future__ import annotations

import html
import re

from PySide6.QtCore import QCoreApplication, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QLabel

from wizard.domain.smartbooqing import HELPDESK_MAIL
from wizard.ui.widgets import Level, MessageLine

STATUS_URL = "https://afasstatus.nl"
HELPDESK = HELPDESK_MAIL
# Fixed words only (linear time on AFAS's text too): the status page, and the helpdesk's address as a mail link.
_LINK = re.compile(rf"\b(afasstatus\.nl|{re.escape(HELPDESK)})\b")


def names_status_page(text: str) -> bool:
    return _LINK.search(text) is not None


def _href(word: str) -> str:
    return STATUS_URL if word == "afasstatus.nl" else f"mailto:{word}"


def linked(text: str) -> str:
    """Plain text as rich text: escaped, line breaks kept, AFAS's status page and the helpdesk address links."""
    escaped = html.escape(text).replace("\n", "<br>")
    return _LINK.sub(lambda m: f'<a href="{_href(m.group(1))}">{m.group(1)}</a>', escaped)


def open_link(url: str) -> None:
    """Seam for tests: open a link of a message in the browser."""
    QDesktopServices.openUrl(QUrl(url))


def _follow(url: str) -> None:
    open_link(url)  # looked up at each click: the test seam can stand in for it


def show_linked(label: QLabel, text: str) -> None:
    """Put `text` in `label`; where it names afasstatus.nl, that is a link a keyboard reaches (Tab, then Enter)."""
    label.setAccessibleName(text)
    if not names_status_page(text):
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        label.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        label.setAccessibleDescription("")
        label.setText(text)
        return
    label.setTextFormat(Qt.TextFormat.RichText)
    label.setTextInteractionFlags(
        Qt.TextInteractionFlag.TextSelectableByMouse
        | Qt.TextInteractionFlag.LinksAccessibleByMouse
        | Qt.TextInteractionFlag.LinksAccessibleByKeyboard
    )
    label.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
    words = []
    if "afasstatus.nl" in text:
        words.append(
            QCoreApplication.translate(
                "StatusLink",
                "Contains a link to afasstatus.nl, AFAS's page about faults and maintenance: Enter opens it.",
            )
        )
    if HELPDESK in text:
        words.append(
            QCoreApplication.translate(
                "StatusLink", "Contains the helpdesk's e-mail address as a link: Enter starts an e-mail to it."
            )
        )
    label.setAccessibleDescription(" ".join(words))
    if not label.property("opens_links"):  # connected once, whatever it shows later
        label.setOpenExternalLinks(False)
        label.linkActivated.connect(_follow)
        label.setProperty("opens_links", True)
    label.setText(linked(text))


class LinkedMessageLine(MessageLine):
    """A MessageLine whose afasstatus.nl is a link (the symbol, word and text as MessageLine shows them)."""

    def show_message(self, level: Level, text: str) -> None:
        super().show_message(level, text)
        show_linked(self, self.text())

    def clear_message(self) -> None:
        super().clear_message()
        show_linked(self, "")
