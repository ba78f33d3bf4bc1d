"""The contrast maths as WCAG 2 defines it, and the smallest lightness change that makes a colour readable."""

from __future__ import annotations

import pytest

from wizard.desktop.contrast import contrast_ratio, parse_hex, readable_rgb, relative_luminance, to_hex


def test_the_wcag_reference_values() -> None:
    assert relative_luminance((0, 0, 0)) == 0
    assert relative_luminance((255, 255, 255)) == pytest.approx(1)
    assert contrast_ratio(parse_hex("#000"), parse_hex("#fff")) == pytest.approx(21)
    assert contrast_ratio(parse_hex("#777777"), parse_hex("#ffffff")) == pytest.approx(4.48, abs=0.01)
    assert to_hex(parse_hex("#A31515")) == "#a31515"
    with pytest.raises(ValueError, match="not a #rrggbb"):
        parse_hex("red")


def test_readable_rgb_moves_only_as_far_as_needed() -> None:
    dark, red = parse_hex("#202020"), parse_hex("#a31515")
    fixed = readable_rgb(dark, red)
    assert 4.5 <= contrast_ratio(dark, fixed) < 5.0
    assert fixed[0] > fixed[1] and fixed[0] > fixed[2]  # still red
