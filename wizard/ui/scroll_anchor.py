"""Scroll anchoring on a page: what appears above the focused control after it got the focus (AFAS's reading on the
link step, a banner that wraps once laid out) moves the view with it, and a line appearing under the page does not
hide it; the control stays where the user sees it (as browsers anchor their scrolling)."""

from __future__ import annotations

from PySide6.QtCore import QObject, QPoint
from PySide6.QtWidgets import QApplication, QScrollArea, QWidget
from shiboken6 import isValid

from wizard.ui.later import later


class FocusAnchor(QObject):
    def __init__(self, area: QScrollArea) -> None:
        super().__init__(area)
        self.area = area
        self._focus: QWidget | None = None
        self._y = 0
        # Bound methods, not lambdas: the application outlives this page, and Qt disconnects a dead receiver.
        bar = area.verticalScrollBar()
        bar.rangeChanged.connect(self._range_changed)
        bar.valueChanged.connect(self._note)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._note)

    @classmethod
    def watch(cls, page: QWidget) -> None:
        """Anchor the focus in `page`'s scroll area (a page without one is left alone)."""
        area = page.findChild(QScrollArea)
        if area is not None:
            cls(area)

    def _focused(self) -> QWidget | None:
        """The control with the focus in this area (the window's, so also while another window is active); None
        while the page is being torn down (the focus moves as its widgets go)."""
        if not isValid(self.area):
            return None
        focus = self.area.window().focusWidget()
        inside = self.area.widget()
        return focus if focus is not None and inside is not None and inside.isAncestorOf(focus) else None

    def _y_of(self, widget: QWidget) -> int:
        inside = self.area.widget()
        return widget.mapTo(inside, QPoint(0, 0)).y() if inside is not None else 0

    def _range_changed(self, _low: int, _high: int) -> None:
        later(self, 0, self._follow)  # once laid out; not at all if the page is gone by then

    def _note(self, *_changed: object) -> None:
        self._focus = self._focused()
        if self._focus is not None:
            self._y = self._y_of(self._focus)

    def _follow(self) -> None:
        """After the content or the view changed height (and was laid out): move the view by what the focus
        moved and keep it inside, if it was in view before; the view stays where the user scrolled otherwise."""
        focus = self._focused()
        if focus is None or not focus.isVisible():
            return
        bar = self.area.verticalScrollBar()
        top, room = bar.value(), self.area.viewport().height()
        if focus is not self._focus:  # focused while nothing was noted (e.g. the window was not active)
            self._note()
            if not focus.visibleRegion().isEmpty():
                self.area.ensureWidgetVisible(focus, 20, 20)
            return
        before, self._y = self._y, self._y_of(focus)
        if not top <= before < top + room:
            return
        if self._y != before:
            bar.setValue(top + self._y - before)
        self.area.ensureWidgetVisible(focus, 20, 20)  # the view got shorter (a line appeared under the page)
