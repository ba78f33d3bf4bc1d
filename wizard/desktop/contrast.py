"""Colour contrast as WCAG 2 defines it, and the smallest lightness change that makes text readable.

The wizard's status colours were chosen for a white window; Windows 11 and macOS follow the system's dark mode,
where the same red and blue reach only about 2:1. WCAG asks 4.5:1 for normal text.
"""

from __future__ import annotations

import colorsys
import string

RGB = tuple[int, int, int]
TEXT_MINIMUM = 4.5  # WCAG 2.x success criterion 1.4.3, normal-size text


def parse_hex(colour: str) -> RGB:
    """'#1b6e20' or '#abc' -> (r, g, b) in 0..255."""
    digits = colour.strip().removeprefix("#")
    if len(digits) == 3:
        digits = "".join(c * 2 for c in digits)
    if len(digits) != 6 or any(c not in string.hexdigits for c in digits):
        raise ValueError(f"not a #rrggbb colour: {colour!r}")
    value = int(digits, 16)
    return (value >> 16) & 0xFF, (value >> 8) & 0xFF, value & 0xFF


def to_hex(rgb: RGB) -> str:
    return "#{:02x}{:02x}{:02x}".format(*rgb)


def _linear(channel: int) -> float:
    c = channel / 255
    return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4


def relative_luminance(rgb: RGB) -> float:
    r, g, b = rgb
    return 0.2126 * _linear(r) + 0.7152 * _linear(g) + 0.0722 * _linear(b)


def contrast_ratio(first: RGB, second: RGB) -> float:
    light, dark = sorted((relative_luminance(first), relative_luminance(second)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def readable_rgb(background: RGB, colour: RGB, minimum: float = TEXT_MINIMUM) -> RGB:
    """`colour` itself when it is readable on `background`; otherwise the same hue and saturation, made darker on
    a light background or lighter on a dark one, by the smallest step that reaches `minimum` (black or white as
    the limit)."""
    if contrast_ratio(background, colour) >= minimum:
        return colour
    hue, lightness, saturation = colorsys.rgb_to_hls(*(c / 255 for c in colour))
    # Move away from the background: whichever of black and white contrasts more with it is the direction.
    darken = contrast_ratio(background, (0, 0, 0)) >= contrast_ratio(background, (255, 255, 255))
    step = -0.01 if darken else 0.01
    candidate = colour
    for _ in range(101):
        lightness = min(1.0, max(0.0, lightness + step))
        r, g, b = colorsys.hls_to_rgb(hue, lightness, saturation)
        candidate = (round(r * 255), round(g * 255), round(b * 255))
        if contrast_ratio(background, candidate) >= minimum or lightness in (0.0, 1.0):
            break
    return candidate
