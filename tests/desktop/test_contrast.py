"""Status text stays readable (WCAG >= 4.5:1) on the window background in a light and a dark system palette."""

from __future__ import annotations

import pytest

from wizard.desktop.contrast import contrast_ratio, parse_hex, readable_rgb, relative_luminance, to_hex

LIGHT_WINDOWS = ["#ffffff", "#f0f0f0", "#efefef", "#ececec"]  # Windows 11, Fusion, macOS light
DARK_WINDOWS = ["#202020", "#1e1e1e", "#2d2d2d", "#323232", "#353535"]  # Windows 11 dark, macOS dark, Fusion dark


def test_the_wcag_reference_values() -> None:
    assert relative_luminance((0, 0, 0)) == 0
    assert relative_luminance((255, 255, 255)) == pytest.approx(1)
    assert contrast_ratio(parse_hex("#000"), parse_hex("#fff")) == pytest.approx(21)
    assert contrast_ratio(parse_hex("#777777"), parse_hex("#ffffff")) == pytest.approx(4.48, abs=0.01)
    assert to_hex(parse_hex("#A31515")) == "#a31515"
    with pytest.raises(ValueError, match="not a #rrggbb"):
        parse_hex("red")


def _status_colours() -> list[str]:
    """The one status table every surface draws from (wizard.domain.presentation), plus the GUI's note colour."""
    from wizard.domain.presentation import STATUS_LOOK
    from wizard.ui.widgets import INFO_COLOUR

    return [look.colour for look in STATUS_LOOK.values()] + [INFO_COLOUR]


@pytest.mark.gui
def test_the_gui_status_lines_use_the_shared_table() -> None:
    from wizard.domain.checks import Status
    from wizard.domain.presentation import STATUS_LOOK
    from wizard.ui.widgets import Level, level_colour

    assert level_colour(Level.OK) == STATUS_LOOK[Status.PASS].colour
    assert level_colour(Level.WARN) == STATUS_LOOK[Status.WARN].colour
    assert level_colour(Level.ERROR) == STATUS_LOOK[Status.FAIL].colour


@pytest.mark.gui
@pytest.mark.parametrize("level_name", ["OK", "INFO", "WARN", "ERROR"])
def test_a_status_line_in_the_dark_palette_is_readable(qapp: object, level_name: str) -> None:
    """What a dark-mode user sees: the message line's own colour on the dark window reaches 4.5:1."""
    import re

    from PySide6.QtGui import QPalette

    from wizard.ui.palette import dark_palette
    from wizard.ui.widgets import Level, MessageLine

    line = MessageLine()
    line.setPalette(dark_palette())
    line.show_message(Level[level_name], "text")
    match = re.search(r"color: (#[0-9a-f]{6})", line.styleSheet())
    assert match is not None
    window = dark_palette().color(QPalette.ColorRole.Window).name()
    assert contrast_ratio(parse_hex(window), parse_hex(match.group(1))) >= 4.5


@pytest.mark.gui
def test_the_fixed_status_colours_fail_on_dark_backgrounds() -> None:
    """Why readable_on exists: the colours were chosen for white and are near 2:1 on a dark window."""
    worst = min(contrast_ratio(parse_hex(bg), parse_hex(c)) for bg in DARK_WINDOWS for c in _status_colours())
    assert worst < 3


@pytest.mark.gui
@pytest.mark.parametrize("background", LIGHT_WINDOWS + DARK_WINDOWS)
def test_every_status_colour_is_readable_after_readable_on(background: str) -> None:
    from PySide6.QtGui import QColor

    from wizard.ui.palette import readable_on

    for colour in _status_colours():
        adjusted = readable_on(QColor(background), QColor(colour))
        ratio = contrast_ratio(parse_hex(background), parse_hex(adjusted.name()))
        assert ratio >= 4.5, (colour, background, adjusted.name(), ratio)
        if background in LIGHT_WINDOWS:
            assert adjusted.name() == colour  # already fine on light windows: left exactly as designed


def test_readable_rgb_moves_only_as_far_as_needed() -> None:
    dark, red = parse_hex("#202020"), parse_hex("#a31515")
    fixed = readable_rgb(dark, red)
    assert 4.5 <= contrast_ratio(dark, fixed) < 5.0
    assert fixed[0] > fixed[1] and fixed[0] > fixed[2]  # still red


@pytest.mark.gui
def test_status_colour_uses_the_palettes_window(qapp: object) -> None:
    from PySide6.QtGui import QColor, QPalette

    from wizard.ui.palette import is_dark, status_colour

    palette = QPalette()
    palette.setColor(QPalette.ColorRole.Window, QColor("#1e1e1e"))
    palette.setColor(QPalette.ColorRole.WindowText, QColor("#f0f0f0"))
    assert is_dark(palette)
    adjusted = status_colour(palette, "#1f4e79")
    assert contrast_ratio(parse_hex("#1e1e1e"), parse_hex(adjusted)) >= 4.5
    assert status_colour(palette, "") == ""  # "busy" has no colour of its own
