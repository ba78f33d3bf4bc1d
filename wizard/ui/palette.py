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
