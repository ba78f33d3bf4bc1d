"""Where the shipped data lives: the checkout in development, the bundle folder when frozen by PyInstaller."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import Any


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


def build_info() -> dict[str, Any]:
    """What packaging/build.py baked into a bundle; from a source checkout this is a development build."""
    try:
        data = json.loads((root() / "build_info.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {"development": True, "frozen": bool(getattr(sys, "frozen", False)), "source": "checkout"}
    return data if isinstance(data, dict) else {"development": True}


def is_development_build() -> bool:
    return bool(build_info().get("development", True))
