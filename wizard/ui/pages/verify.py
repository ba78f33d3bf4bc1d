"""Step 9: the live check. Results appear as they arrive and end in one of three outcomes, said plainly: all in
order, not complete yet (one button per step that fixes something), or cannot check right now (what was tried)."""

from __future__ import annotations

from itertools import pairwise
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from wizard.domain.checks import CheckResult, Status
from wizard.domain.credentials import CLASSIC_TOKEN_SUNSET
from wizard.domain.presentation import STATUS_LOOK, VERDICT_LOOK, Verdict, attention_rank, verdict
from wizard.domain.steps import StepId
from wizard.domain.text import Text, long_date
from wizard.flow.feedback import item_of
from wizard.flow.machine import ALL_STEPS
from wizard.flow.state import AuthKind, Mode
from wizard.ui.intents import GoToStep, RunVerification, SaveReport, StartMigration
from wizard.ui.later import later
from wizard.ui.pages.base import StepPage, step_name
from wizard.ui.pages.check_rows import CheckRow, FixGroup, linked_details
from wizard.ui.pages.fixflow import NAMED_AT_MOST, announce, focus_in_view, manifest_name
from wizard.ui.pages.status_link import show_linked
from wizard.ui.palette import set_tone
from wizard.ui.widgets import Level, MessageLine, heading, paragraph

if TYPE_CHECKING:  # the verification stack (httpx) loads when the check first runs
    from wizard.verify.report import Report

# Statuses that give their step a button in "What to do".
_LEADS_TO_STEP = frozenset({Status.FAIL, Status.WARN, Status.MANUAL})


def ask_report_path(parent: QWidget, title: str, start: str) -> str:
    """Seam for tests: where to save the report (without extension)."""
    path, _ = QFileDialog.getSaveFileName(parent, title, start, "HTML (*.html)")
    return path.removesuffix(".html")


class VerifyPage(StepPage):
    step = StepId.VERIFY

    def build(self) -> None:
        self.intro = paragraph()
        self.layout_.addWidget(self.intro)
        self.outcome = QLabel()
        self.outcome.setTextFormat(Qt.TextFormat.PlainText)
        font = self.outcome.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.35)
        self.outcome.setFont(font)
        self.outcome.hide()
        self.layout_.addWidget(self.outcome)
        self.summary = MessageLine()
        self.layout_.addWidget(self.summary)
        # "Cannot check right now": what was tried and what went wrong, instead of 34 skipped rows.
        self.tried = QLabel()
        self.tried.setWordWrap(True)  # its afasstatus.nl a link (show_linked); every other character escaped
        self.tried.hide()
        self.layout_.addWidget(self.tried)
        # A classic connection that passed: the way to OAuth right here, next to the ℹ note, not below the fold.
        self.migrate_box = QFrame()
        self.migrate_box.setFrameShape(QFrame.Shape.StyledPanel)
        mrow = QHBoxLayout(self.migrate_box)
        self.migrate_text = QLabel()
        self.migrate_text.setWordWrap(True)
        self.migrate_button = QPushButton()
        self.migrate_button.clicked.connect(lambda: self.send(StartMigration()))
        mrow.addWidget(self.migrate_text, 1)
        mrow.addWidget(self.migrate_button)
        self.migrate_box.hide()
        self.layout_.addWidget(self.migrate_box)
        self.todo_title = heading()
        self.todo_title.hide()
        self.layout_.addWidget(self.todo_title)
        self.groups_box = QWidget()
        self.groups_layout = QVBoxLayout(self.groups_box)
        self.groups_layout.setContentsMargins(0, 0, 0, 0)
        self.layout_.addWidget(self.groups_box)
        buttons = QHBoxLayout()
        self.again_button = QPushButton()
        self.save_button = QPushButton()
        buttons.addWidget(self.again_button)
        buttons.addWidget(self.save_button)
        buttons.addStretch(1)
        self.layout_.addLayout(buttons)
        self.rows_title = heading()
        self.layout_.addWidget(self.rows_title)
        self.rows_box = QWidget()
        self.rows_layout = QVBoxLayout(self.rows_box)
        self.rows_layout.setContentsMargins(0, 0, 0, 0)
        self.layout_.addWidget(self.rows_box)
        self.skipped_toggle = QPushButton()
        self.skipped_toggle.setCheckable(True)
        self.skipped_toggle.setFlat(True)
        self.skipped_toggle.hide()
        self.skipped_toggle.toggled.connect(self._show_skipped)
        self.layout_.addWidget(self.skipped_toggle, 0, Qt.AlignmentFlag.AlignLeft)
        self.rows: dict[str, CheckRow] = {}
        self.results: dict[str, CheckResult] = {}
        self.fix_buttons: dict[StepId, QPushButton] = {}
        self._groups: list[FixGroup] = []
        self.verdict: Verdict | None = None
        self.running = False
        self.again_button.clicked.connect(lambda: self.send(RunVerification()))
        self.save_button.clicked.connect(self._save)
        self.save_button.setEnabled(False)

    def retranslate(self) -> None:
        self.setTitle(self.tr("Check the connection"))
        self.setSubTitle(self.tr("The wizard now checks every step live in your AFAS environment."))
        self.intro.setText(
            self.tr(
                "The check only reads from AFAS; it never changes anything. When something is missing, a button "
                "takes you to the step that fixes it."
            )
        )
        self.again_button.setText(self.tr("Check &again"))
        self.save_button.setText(self.tr("Sa&ve the report…"))
        self.migrate_text.setText(
            self.tr("ℹ This connection uses a classic token, which AFAS stops accepting after {date}.").format(
                date=self.text(long_date(CLASSIC_TOKEN_SUNSET))
            )
        )
        self.migrate_button.setText(self.tr("&Move to OAuth"))
        self._name_todo()
        self.rows_title.setText(self.tr("Every check"))
        self._fold_skipped()
        for check_id, result in self.results.items():
            self._render(self.rows[check_id], result)
        for row in self.rows.values():
            if row.check_id not in self.results:
                row.waiting()
        if self.verdict is not None and not self.running:
            self._show_outcome(announce_it=False)

    def initializePage(self) -> None:
        super().initializePage()
        # Arriving here starts the check; "check again" repeats it.
        self.send(RunVerification())

    # -- a run --------------------------------------------------------------------------------------------------
    def begin(self, planned: list[tuple[str, Text]]) -> None:
        self.running = True
        self.verdict = None
        self.results.clear()
        for row in self.rows.values():
            row.deleteLater()
        self.rows = {}
        self._clear_groups()
        self.outcome.hide()
        self.tried.hide()
        self.migrate_box.hide()
        self.skipped_toggle.hide()
        self.skipped_toggle.setChecked(False)
        for check_id, title in planned:
            self._new_row(check_id, self.text(title))
        self.summary.show_message(Level.BUSY, self.tr("Checking {n} items…").format(n=len(planned)))
        self.again_button.setEnabled(False)
        self.save_button.setEnabled(False)
        self.completeChanged.emit()

    def _new_row(self, check_id: str, title: str) -> CheckRow:
        row = CheckRow(check_id, title)
        self.rows[check_id] = row
        self.rows_layout.addWidget(row)
        return row

    def add_result(self, result: CheckResult) -> None:
        row = self.rows.get(result.id)
        if row is None:
            row = self._new_row(result.id, self.text(result.title))
        self.results[result.id] = result
        self._render(row, result)

    def _render(self, row: CheckRow, result: CheckResult) -> None:
        row.show_result(result, self.text)
        if row.status is Status.SKIP and not self.running:
            row.setVisible(self.skipped_toggle.isChecked())

    def finish(self, report: Report) -> None:
        self.running = False
        for check in report.checks:
            if check.id not in self.results:
                self.add_result(check)
        self.verdict = verdict(report.checks)

        # What needs the reader first: failures, warnings, checks by hand, notes, passes; skipped ones last.
        def rank(row: CheckRow) -> int:
            result = self.results.get(row.check_id)
            return attention_rank(Status(result.status)) if result is not None else len(Status)

        for index, row in enumerate(sorted(self.rows.values(), key=rank)):
            self.rows_layout.insertWidget(index, row)
        self._build_groups()
        self._fold_skipped()
        self._show_outcome(announce_it=True)
        s = self.machine.state
        self.migrate_box.setVisible(
            self.verdict is Verdict.OK
            and s.mode is Mode.CHECK_EXISTING
            and s.auth is AuthKind.CLASSIC
            and s.migration is None
        )
        self.again_button.setEnabled(True)
        self.save_button.setEnabled(True)
        self.completeChanged.emit()
        self._focus_first()

    def no_credential(self) -> None:
        """Arrived without stored login details: say so, with one button to the step where they are stored, and
        no list of checks that cannot start."""
        self.running = False
        self.verdict = None
        self.results.clear()
        for row in self.rows.values():
            row.deleteLater()
        self.rows = {}
        self._clear_groups()
        self.outcome.hide()
        self.tried.hide()
        self.skipped_toggle.hide()
        step = StepId.TOKEN
        title, _fix, go_words = self._step_words(step)
        text = self.tr(
            "No login details are stored for this environment yet, so the check cannot start. Store them in "
            "'{step}', then come back."
        ).format(step=step_name(step))
        self.summary.show_message(Level.ERROR, text)
        group = FixGroup(step)
        group.title.setText(title)
        group.items.hide()
        group.button.setText("&" + go_words)
        group.button.clicked.connect(lambda _=False: self.send(GoToStep(step)))
        self.groups_layout.addWidget(group)
        group.show()
        self._groups = [group]
        self.fix_buttons[step] = group.button
        self.again_button.setEnabled(True)
        announce(self, text, urgent=True)
        self.completeChanged.emit()
        if self.isVisible():
            group.button.setFocus(Qt.FocusReason.OtherFocusReason)

    def failed(self, message: str) -> None:
        self.running = False
        self.summary.show_message(Level.ERROR, message)
        announce(self, message, urgent=True)
        self.again_button.setEnabled(True)
        self.completeChanged.emit()

    # -- the outcome -------------------------------------------------------------------------------------------
    def _counts(self) -> dict[Status, int]:
        counts = dict.fromkeys(Status, 0)
        for result in self.results.values():
            counts[Status(result.status)] += 1
        return counts

    def _show_outcome(self, *, announce_it: bool) -> None:
        outcome = self.verdict
        if outcome is None:
            return
        look = VERDICT_LOOK[outcome]
        title = f"{look.symbol} {self.text(look.title)}"
        self.outcome.setText(title)
        set_tone(self.outcome, look.tone)
        self.outcome.show()
        counts, total = self._counts(), len(self.results)
        self.tried.hide()
        if outcome is Verdict.OK:
            ok = counts[Status.PASS]
            text = self.tr("All {n} checks passed.").format(n=total) if ok == total else ""
            if not text:
                # Separate numbers that add up to the total: passed, to check yourself, for your information.
                text = self.tr("{ok} of {n} checks passed.").format(ok=ok, n=total)
                extras = (
                    (Status.MANUAL, self.tr("{n} to check yourself")),
                    (Status.INFO, self.tr("{n} for your information")),
                    (Status.WARN, self.tr("{n} with a warning")),
                )
                said = [words.format(n=counts[s]) for s, words in extras if counts[s]]
                if said:
                    text += " " + self.tr("See below: {items}.").format(items=", ".join(said))
            self.summary.show_message(Level.OK, text)
        elif outcome is Verdict.INCOMPLETE:
            text = self.tr(
                "{bad} of {n} checks failed. Each button below takes you to the step that fixes it; then check again."
            ).format(bad=counts[Status.FAIL], n=total)
            self.summary.show_message(Level.ERROR, text)
        else:
            cause = next((r for r in self.results.values() if r.impossible), None)
            env = self.machine.state.environment
            url = env.rest_base_url if env is not None else "?"
            if cause is not None and cause.http_status is not None:  # AFAS answered, but cannot be asked now
                text = self.tr(
                    "AFAS at {url} could not be checked right now, so this says nothing about your setup. {n} checks "
                    "were not done."
                ).format(url=url, n=counts[Status.SKIP])
            else:
                text = self.tr(
                    "Could not reach AFAS at {url}, so this says nothing about your setup. {n} checks were not done."
                ).format(url=url, n=counts[Status.SKIP])
            self.summary.show_message(Level.INFO, text)
            if cause is not None:
                lines = [self.tr("What went wrong: {what}").format(what=self.text(cause.message))]
                if cause.detail:
                    lines.append(self.tr("Technical detail: {detail}").format(detail=cause.detail))
                if cause.remedy is not None:
                    lines.append(self.tr("What to do: {remedy}").format(remedy=self.text(cause.remedy)))
                show_linked(self.tried, "\n".join(lines))
                self.tried.show()
        self.outcome.setAccessibleName(f"{self.text(look.title)}. {text}")
        if announce_it:
            announce(self, f"{self.text(look.title)}. {text}", urgent=outcome is Verdict.INCOMPLETE)

    def _step_number(self, step: StepId) -> int:
        """The step's number on this path; 0 for a step outside it (check-existing's detours have no number)."""
        order = self.machine.order
        return order.index(step) + 1 if step in order else 0

    def _step_words(self, step: StepId) -> tuple[str, str, str]:
        """A fix group's title, its button, and the button's accessible name: 'Step 4: Import', or for a step
        outside this path its name alone, so no number clashes with the step list."""
        number, name = self._step_number(step), step_name(step)
        if number:
            return (
                self.tr("Step {n}: {step}").format(n=number, step=name),
                self.tr("Fix in step {n}: {step}").format(n=number, step=name),
                self.tr("Go to step {n}: {step}").format(n=number, step=name),
            )
        return (
            self.tr("Setup step: {step}").format(step=name),
            self.tr("Fix: {step}").format(step=name),
            self.tr("Go to: {step}").format(step=name),
        )

    def _clear_groups(self) -> None:
        for group in self._groups:
            group.deleteLater()
        self._groups = []
        self.fix_buttons = {}
        self.todo_title.hide()

    def _build_groups(self) -> None:
        """One group per step that fixes something, in the guide's order, each with one button."""
        self._clear_groups()
        by_step: dict[StepId, list[CheckResult]] = {}
        for result in self.results.values():
            if Status(result.status) in _LEADS_TO_STEP and result.fix_step is not None:
                by_step.setdefault(StepId(result.fix_step), []).append(result)
        found = self.machine.state.found_missing
        name = manifest_name(self, files=False)  # the files' names belong where the user picks them
        for step in ALL_STEPS:
            results = by_step.get(step)
            if not results:
                continue
            group = FixGroup(step)
            failing = [r for r in results if Status(r.status) is Status.FAIL]
            title, fix_words, go_words = self._step_words(step)
            group.title.setText(title)
            # Connector and file items have names a user recognises; others (the app connector's "unblocked")
            # are said by their check's own sentence.
            missing = [item for item in found.get(step, []) if ":" in item]
            lines = []
            if len(missing) > NAMED_AT_MOST:  # a list of 24 buries the button: the step marks each one
                lines.append(
                    self.tr("{n} missing according to the check; that step marks each one.").format(n=len(missing))
                )
            elif missing:
                names = "; ".join(name(item) for item in missing)
                lines.append(self.tr("Missing according to the check: {items}").format(items=names))
            for result in results:
                if Status(result.status) is Status.FAIL and item_of(self.machine, result) in missing:
                    continue  # already named in the line above
                lines.append(f"{STATUS_LOOK[Status(result.status)].symbol} {self.text(result.message)}")
            show_linked(group.items, "\n".join(dict.fromkeys(lines)))
            if failing:
                group.button.setText(fix_words)
                group.button.setAccessibleName(
                    self.tr("{button} ({count} missing or wrong)").format(
                        button=fix_words, count=len(missing) or len(failing)
                    )
                )
            else:
                group.button.setText(go_words)
                group.button.setAccessibleName(self.tr("{button} (to check yourself)").format(button=go_words))
            group.button.clicked.connect(lambda _=False, s=step: self.send(GoToStep(s)))
            self.groups_layout.addWidget(group)
            group.show()  # now, not when the event loop gets to it: focus may go to its button at once
            self._groups.append(group)
            self.fix_buttons[step] = group.button
        # Failing steps first, so the first button is the first thing to fix.
        self._groups.sort(key=lambda g: (g.step not in self.machine.state.attention, ALL_STEPS.index(g.step)))
        for index, group in enumerate(self._groups):
            self.groups_layout.insertWidget(index, group)
        # Tab reads the fix buttons (made now, so last in the focus chain) before what lies below them.
        # So do the rows' links (afasstatus.nl, the helpdesk's address), made focusable as their results came.
        links = linked_details(self.rows_layout)
        order = [g.button for g in self._groups[-1:]] + [self.again_button, self.save_button, *links]
        order.append(self.skipped_toggle)
        for after, below in pairwise(order if self._groups else []):
            QWidget.setTabOrder(after, below)
        for index, group in enumerate(self._groups):
            # Alt+F: the first thing to fix (one mnemonic, never shared by two buttons).
            group.button.setText(("&" if index == 0 else "") + group.button.text().lstrip("&"))
        self._name_todo()
        self.todo_title.setVisible(bool(self._groups))

    def _name_todo(self) -> None:
        """ "What to do" only while something fails; otherwise what is left: a warning to act on soon (a secret
        that expires), or only checks by hand."""
        fails = any(step in self.machine.state.attention for step in self.fix_buttons)
        warns = any(Status(r.status) is Status.WARN and r.fix_step is not None for r in self.results.values())
        if fails:
            self.todo_title.setText(self.tr("What to do"))
        elif warns:
            self.todo_title.setText(self.tr("To do soon"))
        else:
            self.todo_title.setText(self.tr("To check yourself"))

    def default_button(self) -> QPushButton | None:
        """While anything fails (or the check cannot start), Enter is the first fix, and Next is not highlighted."""
        if not self.running and (self.verdict is Verdict.INCOMPLETE or (self.verdict is None and self._groups)):
            return self.first_fix_button()
        return None

    def first_fix_button(self) -> QPushButton | None:
        """The button of the first thing to fix (the step the focus goes to), if the check found anything."""
        return self._groups[0].button if self._groups else None

    def _fold_skipped(self) -> None:
        """Checks not done say nothing about the setup: one line that unfolds them, not a wall of rows."""
        skipped = [row for row in self.rows.values() if row.status is Status.SKIP]
        for row in skipped:
            row.setVisible(self.skipped_toggle.isChecked())
        # A flat button reads as a sentence: the triangle says it unfolds (and that it is unfolded).
        arrow = "▾" if self.skipped_toggle.isChecked() else "▸"
        words = self.tr("Show the {n} checks that were not done").format(n=len(skipped))
        self.skipped_toggle.setText(f"{arrow} {words}")
        self.skipped_toggle.setAccessibleName(words)
        self.skipped_toggle.setVisible(bool(skipped) and not self.running)

    def _show_skipped(self, on: bool) -> None:
        for row in self.rows.values():
            if row.status is Status.SKIP:
                row.setVisible(on)
        self._fold_skipped()

    def _focus_first(self) -> None:
        """Focus goes where the user acts next: the first fix button, else "check again" when AFAS was not asked."""
        target: QWidget | None = None
        if self._groups and self.verdict is Verdict.INCOMPLETE:
            target = self._groups[0].button
        elif self.verdict is Verdict.IMPOSSIBLE:
            target = self.again_button
        if target is not None and self.isVisible():
            # Once the layout has placed the results: focused and scrolled before, the view followed the button
            # (FocusAnchor) as the summary above it wrapped, and cut the intro's first line in half.
            later(self, 0, lambda: self._focus_in_view(target))

    def _focus_in_view(self, target: QWidget) -> None:
        if target.isVisible():
            focus_in_view(self, target, self.outcome)

    def isComplete(self) -> bool:
        return not self.running and super().isComplete()

    def disabled_reason(self) -> str:
        if self.running:
            return self.tr("wait until the check is finished")
        s = self.machine.state
        if not self.busy and s.verification is None:
            if s.credential is None and s.token_storage is None:  # the check cannot start (no_credential)
                return self.tr("store the login details first (the button above)")
            return self.tr("run the check with '{again}'").format(again=self.again_button.text().replace("&", ""))
        return super().disabled_reason()

    def _save(self) -> None:
        org = self.machine.state.organisation or "afas"
        path = ask_report_path(self, self.tr("Save the report"), f"sbq-check-{org}")
        if path:
            self.send(SaveReport(path))
