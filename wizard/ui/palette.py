"""Status colours that stay readable in the system's light or dark palette (the maths: wizard.desktop.contrast)."""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette

from wizard.desktop.contrast import TEXT_MINIMUM, readable_rgb


def _rgb(colour: QColor) -> tuple[int, int, int]:
    return colour.red(), colour.green(), colour.blue()


def readable_on(background: QColor, colour: QColor, minimum: float = TEXT_MINIMUM) -> QColor:
    """`colour`, with its lightness moved just far enough to reach `minimum` contrast on `background`."""
    r, g, b = readable_rgb(_rgb(background), _rgb(colour), minimum)
    return QColor(r, g, b)


def status_colour(palette: QPalette, colour: str) -> str:
    """A '#rrggbb' status colour made readable on the palette's window background, for a style sheet."""
    if not colour:
        return colour
    return readable_on(palette.color(QPalette.ColorRole.Window), QColor(colour)).name()


def is_dark(palette: QPalette) -> bool:
    """Dark mode: the window is darker than its text."""
    return (
        palette.color(QPalette.ColorRole.Window).lightness() < palette.color(QPalette.ColorRole.WindowText).lightness()
    )


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
    }
    for role, colour in colours.items():
        palette.setColor(role, QColor(colour))
    for role in (QPalette.ColorRole.WindowText, QPalette.ColorRole.Text, QPalette.ColorRole.ButtonText):
        palette.setColor(QPalette.ColorGroup.Disabled, role, QColor("#8a8a8a"))
    return palette
