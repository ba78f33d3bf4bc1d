"""Where the shipped data lives: the checkout in development, the bundle folder when frozen by PyInstaller."""

from __future__ import annotations

import os
import sys
from pathlib import Path


def root() -> Path:
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen)
    return Path(__file__).resolve().parent.parent


def connectors_dir() -> Path:
    override = os.environ.get("SBQ_CONNECTORS_DIR")
    return Path(override) if override else root() / "connectors"


def resources_dir() -> Path:
    return root() / "resources"
