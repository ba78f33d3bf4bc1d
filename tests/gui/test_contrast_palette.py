"""Every colour pair the GUI draws text in reaches 4.5:1 (outlines and focus rings 3:1), in the light and the dark
palette, on the window backgrounds the systems use."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QCheckBox

from wizard.desktop.contrast import contrast_ratio, parse_hex
from wizard.domain.presentation import Tone
from wizard.ui.palette import (
    BANNERS,
    TONE_COLOURS,
    dark_palette,
    focus_colour,
    outline,
    readable_on,
    readable_palette,
    set_tone,
    tone_ink,
)

pytestmark = pytest.mark.gui

WINDOWS = {
    False: ["#ffffff", "#f0f0f0", "#efefef", "#ececec"],  # Windows 11, Fusion, macOS light
    True: ["#202020", "#1e1e1e", "#2d2d2d", "#323232", "#353535"],  # Windows 11 dark, macOS dark, Fusion dark
}


def _ratio(first: str | QColor, second: str | QColor) -> float:
    a = QColor(first) if isinstance(first, str) else first
    b = QColor(second) if isinstance(second, str) else second
    return contrast_ratio(parse_hex(a.name()), parse_hex(b.name()))


@pytest.mark.parametrize("dark", [False, True], ids=["light", "dark"])
def test_each_tone_is_readable_on_its_tint_and_on_every_window(dark: bool) -> None:
    for tone, look in TONE_COLOURS[dark].items():
        assert _ratio(look.text, look.background) >= 4.5, tone
        for window in WINDOWS[dark]:
            assert _ratio(look.text, window) >= 4.5, (tone, window)


@pytest.mark.parametrize("dark", [False, True], ids=["light", "dark"])
def test_banner_text_is_readable_on_the_banner(dark: bool) -> None:
    for tone, look in BANNERS[dark].items():
        assert _ratio(look.text, look.background) >= 4.5, tone


def _system(window: str, text: str) -> QPalette:
    palette = QPalette()
    palette.setColor(QPalette.ColorRole.Window, QColor(window))
    palette.setColor(QPalette.ColorRole.WindowText, QColor(text))
    return palette


@pytest.mark.parametrize("window", WINDOWS[False] + WINDOWS[True])
def test_a_tone_follows_whatever_window_the_system_chose(qapp: QApplication, window: str) -> None:
    dark = window in WINDOWS[True]
    palette = _system(window, "#f0f0f0" if dark else "#000000")
    for tone in Tone:
        assert _ratio(tone_ink(palette, tone), window) >= 4.5, tone


@pytest.mark.parametrize("name", ["light", "dark"])
def test_greyed_text_outlines_and_focus_are_readable(qapp: QApplication, name: str) -> None:
    """Upcoming migration stages, steps not reached yet and disabled fields stay readable; an unticked box and
    the focus ring stand out from the window (3:1)."""
    from PySide6.QtWidgets import QStyleFactory

    style = QStyleFactory.create("Fusion")
    system = dark_palette() if name == "dark" else style.standardPalette()
    palette = readable_palette(system)
    disabled = QPalette.ColorGroup.Disabled
    window = palette.color(QPalette.ColorRole.Window)
    for role, behind in (
        (QPalette.ColorRole.WindowText, QPalette.ColorRole.Window),
        (QPalette.ColorRole.Text, QPalette.ColorRole.Base),
        (QPalette.ColorRole.ButtonText, QPalette.ColorRole.Button),
        (QPalette.ColorRole.ButtonText, QPalette.ColorRole.Window),
    ):
        assert _ratio(palette.color(disabled, role), palette.color(disabled, behind)) >= 4.5, role
    assert _ratio(palette.color(QPalette.ColorRole.PlaceholderText), palette.color(QPalette.ColorRole.Base)) >= 4.5
    assert (
        _ratio(outline(palette), window) >= 3 and _ratio(outline(palette), palette.color(QPalette.ColorRole.Base)) >= 3
    )
    assert _ratio(focus_colour(palette), window) >= 3
    if name == "light":  # what Fusion alone gives
        assert _ratio(system.color(disabled, QPalette.ColorRole.WindowText), window) < 4.5


def test_readable_on_leaves_a_readable_colour_alone(qapp: QApplication) -> None:
    assert readable_on(QColor("#ffffff"), QColor("#a31515")).name() == "#a31515"
    assert _ratio(readable_on(QColor("#202020"), QColor("#a31515")), "#202020") >= 4.5


def test_a_toned_widget_follows_a_switch_to_dark(qapp: QApplication, qtbot: Any) -> None:
    """The system switches to dark while a red line shows: it turns into the dark palette's red."""
    from wizard.ui.palette import install

    original = QPalette(qapp.palette())
    install(qapp)
    box = QCheckBox("Precal_Landen")
    set_tone(box, Tone.BAD, extra="font-weight: bold;")
    assert TONE_COLOURS[False][Tone.BAD].text in box.styleSheet()
    try:
        qapp.setPalette(dark_palette())
        qtbot.waitUntil(lambda: TONE_COLOURS[True][Tone.BAD].text in box.styleSheet())
        assert "font-weight: bold;" in box.styleSheet()
    finally:
        qapp.setPalette(original)
