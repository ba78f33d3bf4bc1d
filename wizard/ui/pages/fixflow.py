"""The fix flow on a step page: what the last check found missing (a banner naming it, its checklist rows unticked
and marked, focus on the first, "Check again" one click away), and why Next is off, with a way to the check early.

Step pages keep their own checklists; `FixFlow` only marks them, so a page adopts it with a few lines.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QPoint, Qt
from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent
from PySide6.QtWidgets import QCheckBox, QFrame, QHBoxLayout, QLabel, QPushButton, QScrollArea, QVBoxLayout, QWidget

from wizard.data import screens
from wizard.domain.presentation import Tone
from wizard.domain.steps import StepId
from wizard.domain.text import Text
from wizard.ui.intents import GoToStep
from wizard.ui.later import later
from wizard.ui.pages.base import StepPage
from wizard.ui.palette import set_tone
from wizard.ui.widgets import Checklist, paint_banner


def announce(widget: QWidget, text: str, *, urgent: bool = False) -> None:
    """Say `text` to a screen reader now (Qt 6.8+ announcement event), without moving focus."""
    event = QAccessibleAnnouncementEvent(widget, text)
    if urgent:
        event.setPoliteness(QAccessible.AnnouncementPoliteness.Assertive)
    QAccessible.updateAccessibility(event)


def scroll_to(page: QWidget, widget: QWidget) -> None:
    """Scroll the page's scroll area (StepPage has one) so `widget` is in view."""
    area = page.findChild(QScrollArea)
    if area is not None:
        area.ensureWidgetVisible(widget, 20, 40)


def show_both(page: QWidget, first: QWidget, then: QWidget) -> None:
    """Scroll so `first` starts at the top and `then` is in view below it, where both fit (the banner's sentence
    and the item it is about); else `then` alone is brought into view."""
    area = page.findChild(QScrollArea)
    inside = area.widget() if area is not None else None
    if area is None or inside is None:
        return
    top = first.mapTo(inside, QPoint(0, 0)).y()
    bottom = then.mapTo(inside, QPoint(0, then.height())).y()
    if bottom - top <= area.viewport().height():
        area.verticalScrollBar().setValue(max(0, top - 4))
    else:
        scroll_to(page, then)


def focus_in_view(page: QWidget, target: QWidget, heading: QWidget) -> None:
    """Focus `target` once the layout is done, with the page from its top where that shows it; else from `heading`
    down to it (focused before the layout settled, the view followed the button and cut the text above in half)."""
    area = page.findChild(QScrollArea)
    inside = area.widget() if area is not None else None
    if area is None or inside is None:
        return
    layout = inside.layout()
    if layout is not None:
        layout.activate()
    target.setFocus(Qt.FocusReason.OtherFocusReason)
    bottom = target.mapTo(inside, QPoint(0, target.height())).y()
    if bottom + 8 <= area.viewport().height():
        area.verticalScrollBar().setValue(0)
    else:
        show_both(page, heading, target)


def scroll_to_later(page: QWidget, *widgets: QWidget) -> None:
    """`scroll_to` each widget in turn once the layout has placed what was just shown (the last one wins)."""

    def scroll() -> None:
        for widget in widgets:
            if widget.isVisible():
                scroll_to(page, widget)

    later(page, 0, scroll)


def unblock_path(connector_id: str) -> Text:
    """Where AFAS unblocks a definition (connectors/afas.toml getconnector_list; the field is UNCONFIRMED)."""
    g = screens().getconnector_list
    return g.menu.then(g.title, connector_id, g.buttons.definition).text


def manifest_name(page: StepPage, *, files: bool = True) -> Callable[[str], str]:
    """How a checklist item of the connector catalogue is named in a sentence: its description with the id beside
    it; a file to import by its file name first where the user picks files (`files`), then that same name."""
    manifest = page.machine.manifest

    def name(item: str) -> str:
        kind, _, key = item.partition(":")
        gcn = next((g for g in manifest.gcn_files if g.file == key), None) if kind == "gcn" else None
        try:
            if gcn is not None:
                return page.text(manifest.file_name_of(gcn) if files else manifest.name_of(gcn.connector))
            return page.text(manifest.name_of(key))
        except KeyError:
            return key or item

    return name


# A banner names at most this many items; more would bury the sentence (the marked rows below name each one).
NAMED_AT_MOST = 5


def _blocked_field() -> str:
    return screens().getconnector_list.fields.blocked.nl


class FixBanner(QFrame):
    """ "The check found 3 missing: …" with the button that checks again."""

    def __init__(self, parent: QWidget | None = None, *, mnemonic: bool = True) -> None:
        super().__init__(parent)
        self.mnemonic = mnemonic
        self.setObjectName("FixBanner")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        paint_banner(self, self.label, Tone.BAD)
        row = QHBoxLayout()
        self.again = QPushButton()
        row.addWidget(self.again)
        row.addStretch(1)
        layout.addWidget(self.label)
        layout.addLayout(row)
        self._name_button()
        self.hide()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.PaletteChange:  # light <-> dark
            paint_banner(self, self.label, Tone.BAD)
        super().changeEvent(event)

    def _name_button(self) -> None:
        text = QCoreApplication.translate("FixFlow", "Check &again")
        # Where the page already uses that letter (the credential page), the button goes without a shortcut.
        self.again.setText(text if self.mnemonic else text.replace("&", ""))
        self.again.setAccessibleName(
            QCoreApplication.translate("FixFlow", "Check again: run the check and go back to its results")
        )

    def show_names(self, names: list[str], *, ticks_itself: bool = False) -> None:
        if len(names) > NAMED_AT_MOST:
            text = QCoreApplication.translate(
                "FixFlow", "✖ The check found {n} missing here. They are unticked and marked below."
            ).format(n=len(names))
        else:
            text = QCoreApplication.translate(
                "FixFlow", "✖ The check found {n} missing here: {names}. They are unticked and marked below."
            ).format(n=len(names), names="; ".join(names))
        if ticks_itself:  # the link step reads AFAS itself while it is on screen
            then = QCoreApplication.translate(
                "FixFlow", "Do them in AFAS: this list ticks each one as AFAS shows it. Then check again."
            )
        else:
            then = QCoreApplication.translate("FixFlow", "Do them in AFAS, tick them, then check again.")
        self.show_text(f"{text} {then}")

    def show_text(self, text: str) -> None:
        self.label.setText(text)
        self.label.setAccessibleName(text)
        self._name_button()
        self.show()


class FixFlow(QObject):
    """Marks the page's checklist items the last check found missing; focuses the first when the page shows."""

    def __init__(
        self,
        page: StepPage,
        checklists: list[Checklist],
        name_of: Callable[[str], str],
        explain: Callable[[list[str]], str] | None = None,
        *,
        mnemonic: bool = True,
    ) -> None:
        """`explain(found)`, if given, says the banner's text itself: for items whose names alone say too little
        (the app connector's "unblocked" when AFAS refused the login)."""
        super().__init__(page)
        self.page = page
        self.checklists = checklists
        self.name_of = name_of
        self.explain = explain
        self.ticks_itself = False  # the page reads AFAS and ticks what it finds (the link step, once logged in)
        self.base: dict[str, str] = {}
        self.banner = FixBanner(mnemonic=mnemonic)
        page.layout_.insertWidget(0, self.banner)
        self.banner.again.clicked.connect(lambda: page.send(GoToStep(StepId.VERIFY)))
        page.installEventFilter(self)

    @property
    def found(self) -> list[str]:
        return list(self.page.machine.state.found_missing.get(self.page.step, []))

    @property
    def blocked(self) -> list[str]:
        """Items the check found there but blocked in AFAS: marked as blocked, never as missing."""
        return list(self.page.machine.state.found_blocked.get(self.page.step, []))

    @property
    def why(self) -> list[Text]:
        """What the check found wrong on this step that no checklist item names (a rejected credential)."""
        return list(self.page.machine.state.found_why.get(self.page.step, []))

    def _blocked_text(self, blocked: list[str]) -> str:
        """One line per blocked item: its description with the id beside it, and where AFAS unblocks it."""
        manifest = self.page.machine.manifest
        lines = []
        for item in blocked:
            gcn = next((g for g in manifest.gcn_files if f"gcn:{g.file}" == item), None)
            connector_id = gcn.connector if gcn is not None else item.partition(":")[2]
            try:
                name = self.page.text(manifest.name_of(connector_id))
            except KeyError:
                name = connector_id
            lines.append(
                QCoreApplication.translate(
                    "FixFlow",
                    "✖ The check found the definition {name} blocked in AFAS. It was imported, so importing it again "
                    "does not help: unblock it. In AFAS: {path}: untick {blocked} and save, then check again.",
                ).format(name=name, path=self.page.text(unblock_path(connector_id)), blocked=_blocked_field())
            )
        return "\n".join(lines)

    def _box(self, item: str) -> QCheckBox | None:
        for checklist in self.checklists:
            if item in checklist.boxes:
                return checklist.boxes[item]
        return None

    def set_text(self, item: str, text: str) -> None:
        """The item's own label; the mark is added by `refresh` while the check says it is missing."""
        self.base[item] = text
        self._apply(item, item in self.found)

    def _apply(self, item: str, missing: bool, blocked: bool = False) -> None:
        box = self._box(item)
        if box is None:
            return
        base = self.base.get(item, box.text())
        # On its own line: the row stays as narrow as the page, so nothing scrolls sideways.
        if blocked:
            mark = QCoreApplication.translate("FixFlow", "blocked in AFAS according to the check")
        else:
            mark = QCoreApplication.translate("FixFlow", "missing according to the check")
        marked = missing or blocked
        text = f"{base}\n✖ {mark}" if marked else base
        box.setText(text)
        box.setAccessibleName(text)
        set_tone(box, Tone.BAD if marked else None, extra="font-weight: bold;" if marked else "")

    def refresh(self) -> None:
        found, blocked = self.found, self.blocked
        for checklist in self.checklists:
            for item in checklist.boxes:
                self._apply(item, item in found, item in blocked)
        if found and self.explain is not None:
            self.banner.show_text(self.explain(found))
        elif found:
            self.banner.show_names([self.name_of(item) for item in found], ticks_itself=self.ticks_itself)
        if blocked:
            text = self._blocked_text(blocked)
            self.banner.show_text(f"{self.banner.label.text()}\n{text}" if found else text)
        why = self.why
        if why:
            # Each reason says where it comes from: the check, or AFAS's answer when the details were stored.
            text = "\n".join(f"✖ {self.page.text(reason)}" for reason in why)
            self.banner.show_text(f"{self.banner.label.text()}\n{text}" if found or blocked else text)
        if not found and not blocked and not why:
            self.banner.hide()
        # "Check again" only where a check can run: after a refusal on storing nothing is stored yet.
        self.banner.again.setVisible(self.page.machine.state.token_storage is not None)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.page and event.type() == QEvent.Type.Show and (self.found or self.blocked):
            later(self.page, 0, self.focus_first)
        return False

    def focus_first(self) -> None:
        """Arriving with something missing: the first missing item gets focus, in view, and the banner is said.
        Only blocked items: nothing to tick here (the fix is in AFAS), so the banner saying where is in view and
        its "Check again" has the focus."""
        if not self.page.isVisible():
            return
        found = self.found
        if not found and self.blocked:
            scroll_to(self.page, self.banner)
            self.banner.again.setFocus(Qt.FocusReason.OtherFocusReason)
            announce(self.page, self.banner.label.text())
            return
        box = self._box(found[0]) if found else None
        if box is None:
            return
        show_both(self.page, self.banner, box)
        box.setFocus(Qt.FocusReason.OtherFocusReason)
        announce(self.page, self.banner.label.text())


class NextHint(QWidget):
    """Under the page, above the buttons: why Next is off and, when a credential is stored, that the check may come
    early (through the button row's "Go to the check"). It replaces the page's one-line reason above Next, so the
    reader is told once."""

    def __init__(self, page: StepPage) -> None:
        super().__init__()
        self.page = page
        page.says_why_next_is_off = True
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 2, 0, 0)
        self.label = QLabel()
        self.label.setWordWrap(True)
        layout.addWidget(self.label, 1)
        outer = page.layout()
        if outer is not None:
            outer.addWidget(self)
        self.hide()

    def show_reason(self, reason: str, *, may_check: bool | None = None) -> None:
        """Show why Next is off (empty: Next is on, hide). The check early only where it can run: a token is stored
        (`may_check` overrides that, e.g. where the environment the check needs is still missing)."""
        if not reason:
            self.hide()
            return
        if may_check is None:
            may_check = self.page.machine.state.token_storage is not None
        text = QCoreApplication.translate("FixFlow", "Next is not possible yet: {reason}").format(reason=reason)
        if may_check:
            text += " " + QCoreApplication.translate(
                "FixFlow", "You may also go to the check now: it shows what is still missing."
            )
        self.label.setText(text)
        self.label.setAccessibleName(text)
        self.show()


def ticked_reason(page: StepPage, *, ticks_itself: bool = False) -> str:
    """ "3 of 24 ticked": why a checklist step is not complete yet; `ticks_itself`: the page ticks what AFAS shows,
    so the user is not told to tick by hand."""
    machine = page.machine
    items = machine.items(page.step)
    missing = machine.missing(page.step)
    if not missing:
        return ""
    if ticks_itself:
        return QCoreApplication.translate(
            "FixFlow", "{done} of {total} ticked. Do the others in AFAS: this list ticks each one as AFAS shows it."
        ).format(done=len(items) - len(missing), total=len(items))
    return QCoreApplication.translate(
        "FixFlow", "{done} of {total} ticked. Tick each one when it is done in AFAS."
    ).format(done=len(items) - len(missing), total=len(items))
