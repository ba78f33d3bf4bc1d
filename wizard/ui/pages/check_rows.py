"""The check page's parts: one row per check (its status, and what to do when it is not a pass), and one group per
step that fixes something."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QLayout, QPushButton, QVBoxLayout

from wizard.domain.checks import CheckResult, Status
from wizard.domain.presentation import STATUS_LOOK, VERDICT_LOOK, Verdict
from wizard.domain.steps import StepId
from wizard.domain.text import Text
from wizard.ui.pages.status_link import show_linked
from wizard.ui.palette import set_tone
from wizard.ui.widgets import SYMBOL, Level, heading

# Statuses whose sentence stays visible under the row (a pass says nothing new; a skip is folded away).
EXPLAINED = frozenset({Status.FAIL, Status.WARN, Status.MANUAL, Status.INFO})


class CheckRow(QFrame):
    def __init__(self, check_id: str, title: str) -> None:
        super().__init__()
        self.check_id = check_id
        self.setFrameShape(QFrame.Shape.NoFrame)
        v = QVBoxLayout(self)
        v.setContentsMargins(0, 2, 0, 2)
        self.head = QLabel()
        self.head.setWordWrap(True)
        self.head.setTextFormat(Qt.TextFormat.PlainText)
        self.detail = QLabel()
        self.detail.setWordWrap(True)
        self.detail.setTextFormat(Qt.TextFormat.PlainText)  # AFAS's words are untrusted: escaped by show_linked
        self.detail.setIndent(24)
        self.detail.hide()
        v.addWidget(self.head)
        v.addWidget(self.detail)
        self.title = title
        self.status: Status | None = None
        self.waiting()

    def waiting(self) -> None:
        self.status = None
        self.head.setText(f"{SYMBOL[Level.BUSY]} {self.title}")
        self.head.setAccessibleName(self.title)
        self.detail.hide()

    def show_result(self, result: CheckResult, text: Callable[[Text], str]) -> None:
        """The result in the user's language (`text` picks it): status and title, then what to do."""
        status = Status(result.status)
        look = STATUS_LOOK[status]
        self.status = status
        self.title = text(result.title)
        head = f"{look.symbol} {text(look.label)}: {self.title}"
        if result.impossible:
            # Not a defect of the setup: AFAS could not be asked (the panel above says what was tried).
            impossible = VERDICT_LOOK[Verdict.IMPOSSIBLE]
            words = self.tr("Could not be checked now")
            head = f"{impossible.symbol} {words}: {self.title}"
        self.head.setText(head)
        tone = VERDICT_LOOK[Verdict.IMPOSSIBLE].tone if result.impossible else look.tone
        set_tone(self.head, tone if status is not Status.PASS else None)
        lines = [text(result.message)] if status in EXPLAINED or status is Status.SKIP else []
        if result.remedy is not None and status in EXPLAINED:
            words = self.tr("Good to know: {remedy}") if status is Status.INFO else self.tr("What to do: {remedy}")
            lines.append(words.format(remedy=text(result.remedy)))
        reference = result.log_reference
        if reference and status in EXPLAINED:
            # What AFAS support asks for first; shown so the helpdesk can quote it.
            lines.append(self.tr("AFAS log reference: {ref}").format(ref=reference))
        if result.impossible:
            lines = []  # the panel above says once what was tried and what to do
        detail = "\n".join(line for line in lines if line)
        show_linked(self.detail, detail)
        self.detail.setVisible(bool(detail))
        self.head.setAccessibleName(head)
        self.head.setAccessibleDescription(detail)


class FixGroup(QFrame):
    """One step that fixes something: what the check found there, and one button to go there."""

    def __init__(self, step: StepId) -> None:
        super().__init__()
        self.step = step
        self.setFrameShape(QFrame.Shape.StyledPanel)
        v = QVBoxLayout(self)
        v.setContentsMargins(8, 4, 8, 6)
        self.title = heading()
        self.items = QLabel()
        self.items.setWordWrap(True)
        self.items.setTextFormat(Qt.TextFormat.PlainText)
        self.button = QPushButton()
        row = QHBoxLayout()
        row.addWidget(self.button)
        row.addStretch(1)
        v.addWidget(self.title)
        v.addWidget(self.items)
        v.addLayout(row)


def linked_details(rows: QLayout) -> list[QLabel]:
    """The result rows' details that hold a link (afasstatus.nl, the helpdesk's address), top to bottom: they are
    made focusable as results come, so the page puts them in the Tab chain in reading order."""
    items = (rows.itemAt(i) for i in range(rows.count()))
    widgets = (item.widget() for item in items if item is not None)
    return [
        row.detail
        for row in widgets
        if isinstance(row, CheckRow) and row.detail.focusPolicy() & Qt.FocusPolicy.TabFocus
    ]
