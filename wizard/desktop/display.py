"""Whether this process can open a window at all (no Qt: decided before Qt is imported)."""

from __future__ import annotations

import os
import sys


def has_display() -> bool:
    """Qt aborts the process on Linux without a display; decide before it gets the chance."""
    if not sys.platform.startswith("linux"):
        return True
    return any(os.environ.get(var) for var in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"))
