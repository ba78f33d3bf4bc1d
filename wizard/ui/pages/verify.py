"""Step 9: the live check. Results appear as they arrive; a failing check links to the step that fixes it."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QFileDialog, QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from wizard.domain.checks import Status
from wizard.domain.presentation import STATUS_LOOK, attention_rank
from wizard.domain.text import Text
from wizard.flow.steps import StepId
from wizard.ui.intents import GoToStep, RunVerification, SaveReport
from wizard.ui.pages.base import StepPage, step_name
from wizard.ui.widgets import SYMBOL, Level, MessageLine, paragraph

_LEVEL = {Status.PASS: Level.OK, Status.WARN: Level.WARN, Status.FAIL: Level.ERROR, Status.SKIP: Level.INFO}


def ask_report_path(parent: QWidget, title: str, start: str) -> str:
    """Seam for tests: where to save the report (without extension)."""
    path, _ = QFileDialog.getSaveFileName(parent, title, start, "HTML (*.html)")
    return path.removesuffix(".html")


class CheckRow(QFrame):
    def __init__(self, check_id: str, title: str) -> None:
        super().__init__()
        self.check_id = check_id
        self.setFrameShape(QFrame.Shape.NoFrame)
        v = QVBoxLayout(self)
        v.setContentsMargins(0, 2, 0, 2)
        self.head = QLabel()
        self.head.setWordWrap(True)
        self.detail = QLabel()
        self.detail.setWordWrap(True)
        self.detail.setIndent(24)
        self.detail.hide()
        self.fix = QPushButton()
        self.fix.hide()
        h = QHBoxLayout()
        h.setContentsMargins(24, 0, 0, 0)
        h.addWidget(self.fix)
        h.addStretch(1)
        v.addWidget(self.head)
        v.addWidget(self.detail)
        v.addLayout(h)
        self.title = title
        self.fix_step: StepId | None = None
        self.waiting()

    def waiting(self) -> None:
        self.head.setText(f"{SYMBOL[Level.BUSY]} {self.title}")
        self.head.setAccessibleName(self.title)
        self.detail.hide()
        self.fix.hide()


class VerifyPage(StepPage):
    step = StepId.VERIFY

    def build(self) -> None:
        self.intro = paragraph()
        self.layout_.addWidget(self.intro)
        self.summary = MessageLine()
        self.layout_.addWidget(self.summary)
        buttons = QHBoxLayout()
        self.again_button = QPushButton()
        self.save_button = QPushButton()
        buttons.addWidget(self.again_button)
        buttons.addWidget(self.save_button)
        buttons.addStretch(1)
        self.layout_.addLayout(buttons)
        self.rows_box = QWidget()
        self.rows_layout = QVBoxLayout(self.rows_box)
        self.rows_layout.setContentsMargins(0, 0, 0, 0)
        self.layout_.addWidget(self.rows_box)
        self.rows: dict[str, CheckRow] = {}
        self.results: dict[str, Any] = {}
        self.running = False
        self.again_button.clicked.connect(lambda: self.send(RunVerification()))
        self.save_button.clicked.connect(self._save)
        self.save_button.setEnabled(False)

    def retranslate(self) -> None:
        self.setTitle(self.tr("Check the connection"))
        self.setSubTitle(self.tr("The wizard now checks every step live in your AFAS environment."))
        self.intro.setText(
            self.tr(
                "The check only reads from AFAS; it never changes anything. A failing check says what is wrong "
                "and takes you to the step that fixes it."
            )
        )
        self.again_button.setText(self.tr("Check &again"))
        self.save_button.setText(self.tr("Sa&ve the report…"))
        for check_id, result in self.results.items():
            self._render(self.rows[check_id], result)
        for row in self.rows.values():
            if row.check_id not in self.results:
                row.waiting()

    def initializePage(self) -> None:
        super().initializePage()
        # Arriving here starts the check; "check again" repeats it.
        self.send(RunVerification())

    def begin(self, planned: list[tuple[str, Text]]) -> None:
        self.running = True
        self.results.clear()
        for row in self.rows.values():
            row.deleteLater()
        self.rows = {}
        for check_id, title in planned:
            row = self._new_row(check_id, self.text(title))
        self.summary.show_message(Level.BUSY, self.tr("Checking {n} items…").format(n=len(planned)))
        self.again_button.setEnabled(False)
        self.save_button.setEnabled(False)
        self.completeChanged.emit()

    def _new_row(self, check_id: str, title: str) -> CheckRow:
        row = CheckRow(check_id, title)
        row.fix.clicked.connect(lambda _=False, r=row: self._go_fix(r))
        self.rows[check_id] = row
        self.rows_layout.addWidget(row)
        return row

    def _go_fix(self, row: CheckRow) -> None:
        if row.fix_step is not None:
            self.send(GoToStep(StepId(row.fix_step)))

    def add_result(self, result: Any) -> None:
        row = self.rows.get(result.id)
        if row is None:
            row = self._new_row(result.id, self.text(result.title))
        self.results[result.id] = result
        self._render(row, result)

    def _render(self, row: CheckRow, result: Any) -> None:
        status = Status(result.status)
        level = _LEVEL[status]
        look = STATUS_LOOK[status]
        row.title = self.text(result.title)
        head = f"{look.symbol} {self.text(look.label)}: {row.title}"
        row.head.setText(head)
        row.head.setAccessibleName(head)
        lines = [self.text(result.message)]
        if result.remedy is not None and level is not Level.OK:
            lines.append(self.tr("What to do: {remedy}").format(remedy=self.text(result.remedy)))
        reference = getattr(result, "log_reference", None)
        if reference and level is not Level.OK:
            # What AFAS support asks for first; shown so the helpdesk can quote it.
            lines.append(self.tr("AFAS log reference: {ref}").format(ref=reference))
        row.detail.setText("\n".join(line for line in lines if line))
        row.detail.setVisible(level is not Level.OK and bool(row.detail.text()))
        row.fix_step = result.fix_step if level in (Level.ERROR, Level.WARN) else None
        if row.fix_step is not None:
            step = StepId(row.fix_step)
            row.fix.setText(self.tr("Go to step: {step}").format(step=step_name(step)))
            row.fix.show()
        else:
            row.fix.hide()

    def finish(self, report: Any) -> None:
        self.running = False
        for check in report.checks:
            if check.id not in self.results:
                self.add_result(check)

        # What is missing first: a helpdesk engineer sees the failures without scrolling.
        def rank(row: CheckRow) -> int:
            result = self.results.get(row.check_id)
            # Failures, then warnings, then the rest in plan order (a stable sort keeps it).
            return min(attention_rank(Status(result.status)), 2) if result is not None else 2

        ranked = sorted(self.rows.values(), key=rank)
        for index, row in enumerate(ranked):
            self.rows_layout.insertWidget(index, row)
        v = self.machine.state.verification
        total = len(report.checks)
        if v is not None and v.ok:
            text = self.tr("All {n} checks passed.").format(n=total) if not v.warnings else ""
            if v.warnings:
                text = self.tr("{ok} of {n} checks passed, {w} with a warning.").format(
                    ok=v.passed, n=total, w=v.warnings
                )
            self.summary.show_message(Level.OK if not v.warnings else Level.WARN, text)
        elif v is not None:
            self.summary.show_message(
                Level.ERROR,
                self.tr("{bad} of {n} checks failed. Fix them with the buttons below, then check again.").format(
                    bad=v.failed, n=total
                ),
            )
        self.again_button.setEnabled(True)
        self.save_button.setEnabled(True)
        self.completeChanged.emit()

    def failed(self, message: str) -> None:
        self.running = False
        self.summary.show_message(Level.ERROR, message)
        self.again_button.setEnabled(True)
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return not self.running and super().isComplete()

    def _save(self) -> None:
        org = self.machine.state.organisation or "afas"
        path = ask_report_path(self, self.tr("Save the report"), f"sbq-check-{org}")
        if path:
            self.send(SaveReport(path))
