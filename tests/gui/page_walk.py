"""Walk the demo (or a failing scenario) page by page as the tour does, and look at each page as it is shown: the
contrast of every text against what lies behind it, and whether anything scrolls sideways or is cut off."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path

from PySide6.QtCore import QRect
from PySide6.QtGui import QColor, QPalette, QPixmap
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractScrollArea,
    QApplication,
    QCheckBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QWidget,
)

from wizard.desktop.contrast import contrast_ratio
from wizard.domain.text import Lang
from wizard.ui.frame import WizardWindow
from wizard.ui.tour import Autopilot, Screen

_BACKGROUND = re.compile(r"background(?:-color)?\s*:\s*(#[0-9a-fA-F]{6})")

Look = Callable[[WizardWindow], list[str]]


def _rgb(colour: QColor) -> tuple[int, int, int]:
    return colour.red(), colour.green(), colour.blue()


def background_of(widget: QWidget) -> QColor:
    """What is painted behind `widget`'s text: its own or the nearest ancestor's style-sheet background or filled
    palette background, else the window's."""
    current: QWidget | None = widget
    while current is not None:
        match = _BACKGROUND.search(current.styleSheet())
        if match:
            return QColor(match.group(1))
        if current.autoFillBackground():
            return current.palette().color(current.backgroundRole())
        if current.isWindow():
            break
        current = current.parentWidget()
    top = widget.window()
    return top.palette().color(QPalette.ColorRole.Window)


def _shown(widget: QWidget, window: QWidget) -> bool:
    return widget.isVisibleTo(window) and not widget.visibleRegion().isEmpty()


def _texts(window: QWidget) -> Iterator[tuple[QWidget, str]]:
    for widget in window.findChildren(QWidget):
        if not _shown(widget, window):
            continue
        if (
            (isinstance(widget, QLabel) and widget.text().strip() and widget.pixmap().isNull())
            or (isinstance(widget, QAbstractButton) and widget.text().strip())
            or (isinstance(widget, QLineEdit) and widget.text())
        ):
            yield widget, widget.text()


def contrast_problems(window: QWidget) -> list[str]:
    """Every shown text under 4.5:1 against its background, as '<text>: <fg> on <bg> = <ratio>'."""
    problems = []
    for widget, text in _texts(window):
        palette = widget.palette()
        group = QPalette.ColorGroup.Active if widget.isEnabled() else QPalette.ColorGroup.Disabled
        ink = palette.color(group, widget.foregroundRole())
        if isinstance(widget, QPushButton) and not widget.isFlat():
            behind = palette.color(group, QPalette.ColorRole.Button)
        elif isinstance(widget, QLineEdit):
            behind = palette.color(group, QPalette.ColorRole.Base)
        else:
            behind = background_of(widget)
        ratio = contrast_ratio(_rgb(ink), _rgb(behind))
        if ratio < 4.5:
            problems.append(f"{text[:60]!r}: {ink.name()} on {behind.name()} = {ratio:.2f}")
    return problems


def layout_problems(window: QWidget) -> list[str]:
    """A sideways scroll bar, a vertical one with nothing to scroll, a label whose text does not fit it, or the
    keyboard focus on a control the user cannot see (scrolled away)."""
    problems = []
    for area in window.findChildren(QAbstractScrollArea):
        if not _shown(area, window):
            continue
        horizontal, vertical = area.horizontalScrollBar(), area.verticalScrollBar()
        if horizontal.isVisible() and horizontal.maximum() > 0:
            wide = [w.objectName() or type(w).__name__ for w in _widest(area)]
            problems.append(f"scrolls sideways by {horizontal.maximum()} px: {wide}")
        if vertical.isVisible() and vertical.maximum() == 0:
            problems.append("a vertical scroll bar with nothing to scroll")
        inside = area.widget() if isinstance(area, QScrollArea) else None
        layout = inside.layout() if inside is not None else None
        if vertical.isVisible() and layout is not None:
            room = area.viewport().width()
            need = layout.totalHeightForWidth(room) if layout.hasHeightForWidth() else 0
            if 0 < need <= area.viewport().height():
                problems.append(f"a vertical scroll bar, yet the content fits ({need} <= {area.viewport().height()})")
    focus = QApplication.focusWidget()
    # (A scroll area's own region leaves out its viewport: only a control is measured.)
    if focus is not None and focus.window() is window and not isinstance(focus, QAbstractScrollArea):
        seen = focus.visibleRegion().boundingRect().height()
        if seen < focus.height():
            name = focus.text()[:40] if isinstance(focus, QAbstractButton) else type(focus).__name__
            problems.append(f"the focus is out of view: {name!r} ({seen} of {focus.height()} px shown)")
    for widget in window.findChildren(QWidget):
        if not _shown(widget, window):
            continue
        if isinstance(widget, QLabel) and widget.text().strip() and widget.pixmap().isNull():
            need = widget.heightForWidth(widget.width()) if widget.wordWrap() else widget.sizeHint().height()
            if widget.height() + 1 < need or (not widget.wordWrap() and widget.width() + 1 < widget.sizeHint().width()):
                problems.append(f"label cut off: {widget.text()[:60]!r} {widget.size().toTuple()} needs {need}")
        elif isinstance(widget, (QPushButton, QCheckBox, QRadioButton)) and widget.text().strip():
            hint = widget.sizeHint()
            if widget.hasHeightForWidth():  # it wraps: it needs the height for its width
                if widget.height() + 1 < widget.heightForWidth(widget.width()):
                    problems.append(f"button cut off: {widget.text()[:60]!r} {widget.height()} high")
            elif widget.width() + 1 < hint.width() and "\n" not in widget.text():
                problems.append(f"button cut off: {widget.text()[:60]!r} {widget.width()} < {hint.width()}")
    return problems


def _widest(area: QAbstractScrollArea) -> list[QWidget]:
    room = area.viewport().width()
    inside = area.viewport().findChildren(QWidget)
    return [w for w in inside if w.isVisible() and w.mapTo(area.viewport(), w.rect().topRight()).x() > room][:5]


@contextmanager
def dark_or_light(dark: bool) -> Iterator[None]:
    """The app in the dark (Fusion) palette or its light one for the walk; as it was afterwards."""
    from wizard.ui.palette import install

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    style, palette = app.style().name(), QPalette(app.palette())
    install(app)
    try:
        yield
    finally:
        from wizard.ui.palette import use_style

        use_style(app, style)
        app.setPalette(palette)


def walk(
    look: Look,
    tmp_path: Path,
    *,
    screen: Screen | None = None,
    scenario: str | None = None,
    lang: Lang = Lang.NL,
    migrate: bool = False,
    wait: Callable[[Callable[[], bool]], None],
) -> dict[str, list[str]]:
    """The tour through every page (the failing `scenario`'s fix page too); `look` at each page it photographs.
    Returns the problems per photograph."""
    from wizard.app import build_window

    found: dict[str, list[str]] = {}
    with ExitStack() as stack:
        start = "ready" if migrate else None  # the move to OAuth starts from a working classic setup
        window = build_window(lang=lang, demo=True, stack=stack, scenario=scenario, start=start, defer=False)
        stack.callback(window.shutdown)
        translations = window._translations
        if translations is not None:  # the next test in this process starts in English again
            stack.callback(translations.install, Lang.EN)
        finished: list[int] = []
        lines: list[str] = []
        auth = "classic" if scenario or migrate else None
        autopilot = Autopilot(
            window,
            tmp_path,
            scenario=scenario,
            screen=screen,
            auth=auth,
            migrate=migrate,
            on_line=lines.append,
            on_finish=finished.append,
        )
        real_grab = window.grab

        def grab(rectangle: QRect = QRect(0, 0, -1, -1)) -> QPixmap:  # noqa: B008 (Qt's own default)
            name = f"{len(found) + 1:02d} {window.current_step.value} {window.title.text()}"
            found[name] = look(window)
            return real_grab(rectangle)

        window.grab = grab  # type: ignore[method-assign]
        autopilot.start()
        window.show()
        wait(lambda: bool(finished))
        window.close()
        assert lines, "the tour photographed nothing"
    return found
