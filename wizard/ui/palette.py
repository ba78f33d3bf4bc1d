"""Every colour the GUI draws text in, for the light and the dark system palette, and what keeps it readable there
(WCAG 2.2 AA: 4.5:1 for text; the maths: wizard.desktop.contrast).

The domain says what a status should feel like (a `Tone`); this module says how that looks in each palette. Widgets
that colour text call `set_tone()` / `tinted_sheet()`; `install()` makes the application's own palette readable (the
greyed text of disabled widgets, which Fusion draws near 1.6:1), draws checkbox outlines and focus rings that show in
both palettes, and re-colours toned widgets when the system switches between light and dark.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QEvent, QObject, QRect
from PySide6.QtGui import QColor, QPainter, QPalette, QPen
from PySide6.QtWidgets import QApplication, QProxyStyle, QStyle, QStyleOption, QWidget

from wizard.desktop.contrast import TEXT_MINIMUM, readable_rgb
from wizard.domain.presentation import Tone
from wizard.ui.later import later

NON_TEXT_MINIMUM = 3.0  # WCAG 1.4.11: a control's outline and the focus indicator


@dataclass(frozen=True)
class ToneColours:
    text: str  # on the window
    background: str  # a tint behind text of that tone (a table cell, a banner)


# Each tone in the light and the dark palette; the text reaches 4.5:1 on both its own tint and the window.
TONE_COLOURS: dict[bool, dict[Tone, ToneColours]] = {
    False: {
        Tone.GOOD: ToneColours("#1b6e20", "#e3f6e3"),
        Tone.NOTE: ToneColours("#1f4e79", "#e6eef7"),
        Tone.CAUTION: ToneColours("#8a5300", "#fff4d6"),
        Tone.BAD: ToneColours("#a31515", "#fde2e2"),
        Tone.QUIET: ToneColours("#555555", "#eeeeee"),
    },
    True: {
        Tone.GOOD: ToneColours("#7fd88a", "#1d3a22"),
        Tone.NOTE: ToneColours("#9ccbff", "#1c2e44"),
        Tone.CAUTION: ToneColours("#f2c063", "#3d2f0e"),
        Tone.BAD: ToneColours("#ff9a94", "#4a1c1c"),
        Tone.QUIET: ToneColours("#bdbdbd", "#333333"),
    },
}


@dataclass(frozen=True)
class BannerColours:
    text: str
    background: str
    border: str


# The demo notice (a note) and the fix flow's "the check found … missing" (a problem), light and dark.
BANNERS: dict[bool, dict[Tone, BannerColours]] = {
    False: {
        Tone.CAUTION: BannerColours("#3b2f00", "#fff4ce", "#c8a600"),
        Tone.BAD: BannerColours("#3b0000", "#fde2e2", "#a31515"),
    },
    True: {
        Tone.CAUTION: BannerColours("#fff1c2", "#3a3000", "#c8a600"),
        Tone.BAD: BannerColours("#ffe3e3", "#4a1c1c", "#ff9a94"),
    },
}


def _rgb(colour: QColor) -> tuple[int, int, int]:
    return colour.red(), colour.green(), colour.blue()


def readable_on(background: QColor, colour: QColor, minimum: float = TEXT_MINIMUM) -> QColor:
    """`colour`, with its lightness moved just far enough to reach `minimum` contrast on `background`."""
    r, g, b = readable_rgb(_rgb(background), _rgb(colour), minimum)
    return QColor(r, g, b)


def is_dark(palette: QPalette) -> bool:
    """Dark mode: the window is darker than its text."""
    return (
        palette.color(QPalette.ColorRole.Window).lightness() < palette.color(QPalette.ColorRole.WindowText).lightness()
    )


def tone_ink(palette: QPalette, tone: Tone) -> str:
    """A tone's text colour for this palette, '#rrggbb', made readable on its window whatever the system chose."""
    designed = QColor(TONE_COLOURS[is_dark(palette)][tone].text)
    return readable_on(palette.color(QPalette.ColorRole.Window), designed).name()


def banner(palette: QPalette, tone: Tone) -> BannerColours:
    return BANNERS[is_dark(palette)][tone]


TONE_PROPERTY = "sbqTone"  # a widget's tone, so it is re-coloured when the palette changes


def set_tone(widget: QWidget, tone: Tone | None, *, extra: str = "") -> None:
    """Colour `widget`'s text in `tone` (None: the palette's own text); `extra` adds declarations ("font-weight:
    bold;"). Re-coloured when the system switches between light and dark."""
    widget.setProperty(TONE_PROPERTY, tone.value if tone is not None else None)
    widget.setProperty(TONE_PROPERTY + "Extra", extra)
    if not widget.property(TONE_PROPERTY + "Watched"):
        # A filter on this widget alone: one on the whole application would run Python for every event of every
        # widget (measured: ~20 ms of the first paint).
        widget.installEventFilter(_tone_watch())
        widget.setProperty(TONE_PROPERTY + "Watched", True)
    _apply_tone(widget)


def _apply_tone(widget: QWidget) -> None:
    value = widget.property(TONE_PROPERTY)
    extra = widget.property(TONE_PROPERTY + "Extra") or ""
    colour = f"color: {tone_ink(widget.palette(), Tone(value))}; " if value else ""
    sheet = (colour + extra).strip()
    if widget.styleSheet() != sheet:
        widget.setStyleSheet(sheet)


def readable_palette(palette: QPalette) -> QPalette:
    """`palette` with disabled and placeholder text moved to 4.5:1 on their backgrounds: greyed-out information (a
    stage still to come, a step not reached yet) stays readable; it still looks greyer than enabled text."""
    fixed = QPalette(palette)
    window = palette.color(QPalette.ColorRole.Window)
    base = palette.color(QPalette.ColorRole.Base)
    button = palette.color(QPalette.ColorRole.Button)
    disabled = QPalette.ColorGroup.Disabled
    for role, background in (
        (QPalette.ColorRole.WindowText, window),
        (QPalette.ColorRole.Text, base),
        (QPalette.ColorRole.ButtonText, button),
    ):
        colour = readable_on(background, palette.color(disabled, role))
        fixed.setColor(disabled, role, readable_on(window, colour))
    for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive, disabled):
        placeholder = readable_on(base, palette.color(group, QPalette.ColorRole.PlaceholderText))
        fixed.setColor(group, QPalette.ColorRole.PlaceholderText, placeholder)
    return fixed


def outline(palette: QPalette) -> QColor:
    """A control's edge (an unticked box): 3:1 on both the window and the box's own fill."""
    edge = readable_on(palette.color(QPalette.ColorRole.Base), palette.color(QPalette.ColorRole.Mid), NON_TEXT_MINIMUM)
    return readable_on(palette.color(QPalette.ColorRole.Window), edge, NON_TEXT_MINIMUM)


def focus_colour(palette: QPalette) -> QColor:
    return readable_on(palette.color(QPalette.ColorRole.Window), palette.color(QPalette.ColorRole.Highlight), 3.0)


class ReadableStyle(QProxyStyle):
    """The platform's style, with checkbox and radio outlines and the focus ring drawn to 3:1 in either palette
    (Fusion's own outline is the window colour darkened a little: invisible on a dark window)."""

    def drawPrimitive(
        self,
        element: QStyle.PrimitiveElement,
        option: QStyleOption,
        painter: QPainter,
        widget: QWidget | None = None,
    ) -> None:
        super().drawPrimitive(element, option, painter, widget)
        rect: QRect = option.rect
        if element in (QStyle.PrimitiveElement.PE_IndicatorCheckBox, QStyle.PrimitiveElement.PE_IndicatorRadioButton):
            painter.save()
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setPen(QPen(outline(option.palette), 1.2))
            painter.setBrush(QColor(0, 0, 0, 0))
            box = rect.adjusted(1, 1, -1, -1)
            if element is QStyle.PrimitiveElement.PE_IndicatorRadioButton:
                painter.drawEllipse(box)
            else:
                painter.drawRoundedRect(box, 2, 2)
            painter.restore()
        elif element is QStyle.PrimitiveElement.PE_FrameFocusRect:
            painter.save()
            painter.setPen(QPen(focus_colour(option.palette), 2))
            painter.setBrush(QColor(0, 0, 0, 0))
            painter.drawRect(rect.adjusted(1, 1, -1, -1))
            painter.restore()


def _repolish(app: QApplication) -> None:
    """A widget that has a style sheet keeps the palette it was polished with (Qt 6): polish it again, so a flat
    step button or a coloured line does not stay black on a new dark window; toned widgets take the new tone."""
    for widget in app.allWidgets():
        sheet = widget.styleSheet()
        if sheet:
            widget.setStyleSheet("")
            widget.setStyleSheet(sheet)
        if widget.property(TONE_PROPERTY):
            _apply_tone(widget)


class _ToneWatch(QObject):
    """Re-colours a toned widget when its palette changes (light <-> dark)."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.PaletteChange
            and isinstance(watched, QWidget)
            and watched.property(TONE_PROPERTY)
        ):
            _apply_tone(watched)
        return False


_TONE_WATCH: list[_ToneWatch] = []


def _tone_watch() -> _ToneWatch:
    if not _TONE_WATCH:
        _TONE_WATCH.append(_ToneWatch())
    return _TONE_WATCH[0]


class _PaletteWatch(QObject):
    """Keeps the application's palette readable when it changes (the system switched light/dark, or the tour's dark
    palette), and polishes the widgets again. It listens to `paletteChanged` rather than filtering every event of
    the application (Qt 6 documents the signal as obsolete, but it is there in every PySide6 the lock allows)."""

    def __init__(self, app: QApplication) -> None:
        super().__init__(app)
        self._fixing = False
        app.paletteChanged.connect(self._changed)

    def _changed(self, _palette: QPalette) -> None:
        if self._fixing:
            return
        self._fixing = True
        try:
            app = QApplication.instance()
            assert isinstance(app, QApplication)
            wanted = readable_palette(app.palette())
            if wanted != app.palette():
                app.setPalette(wanted)
            _repolish(app)
            later(app, 0, lambda: _repolish(app))  # once every widget has taken the new palette too
        finally:
            self._fixing = False


def use_style(app: QApplication, name: str | None = None) -> None:
    """The style `name` (or the current one) wrapped in ReadableStyle."""
    current = app.style()
    base = name or (current.baseStyle().name() if isinstance(current, ReadableStyle) else current.name())
    app.setStyle(ReadableStyle(base))


def install(app: QApplication, palette: QPalette | None = None) -> None:
    """Readable colours for the whole application: once at start-up (and by the tour with its dark palette)."""
    if not any(isinstance(child, _PaletteWatch) for child in app.children()):
        _PaletteWatch(app)  # a child of the application: it lives as long as the application
        use_style(app)
    app.setPalette(readable_palette(palette or app.palette()))


def dark_palette() -> QPalette:
    """A dark palette like Windows 11's and macOS's dark mode, for the dark tour and tests."""
    palette = QPalette()
    colours = {
        QPalette.ColorRole.Window: "#202020",
        QPalette.ColorRole.WindowText: "#f0f0f0",
        QPalette.ColorRole.Base: "#2b2b2b",
        QPalette.ColorRole.AlternateBase: "#323232",
        QPalette.ColorRole.Text: "#f0f0f0",
        QPalette.ColorRole.Button: "#2d2d2d",
        QPalette.ColorRole.ButtonText: "#f0f0f0",
        QPalette.ColorRole.ToolTipBase: "#2b2b2b",
        QPalette.ColorRole.ToolTipText: "#f0f0f0",
        QPalette.ColorRole.PlaceholderText: "#a0a0a0",
        QPalette.ColorRole.Highlight: "#3a78c2",
        QPalette.ColorRole.HighlightedText: "#ffffff",
        QPalette.ColorRole.Link: "#8cc4ff",
        QPalette.ColorRole.LinkVisited: "#c9a7ff",
        QPalette.ColorRole.BrightText: "#ff6b6b",
        QPalette.ColorRole.Mid: "#8a8a8a",
    }
    for role, colour in colours.items():
        palette.setColor(role, QColor(colour))
    for role in (QPalette.ColorRole.WindowText, QPalette.ColorRole.Text, QPalette.ColorRole.ButtonText):
        palette.setColor(QPalette.ColorGroup.Disabled, role, QColor("#9a9a9a"))
    return palette
