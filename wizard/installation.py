"""This installation: where its shipped files are (the bundle folder when frozen, the package's `_data` when installed
from a wheel, the checkout in development) and whether it is a development build.

The wheel's `wizard/_data/` (connectors/*.gcn + *.toml, i18n/*.qm, svg/*.svg) is written at build time by setup.py from
the checkout's connectors/ and resources/, which stay the single source of truth.
"""

from __future__ import annotations

import json
import os
import sys
from functools import cache
from pathlib import Path
from typing import Any

PACKAGE_DATA = "_data"


def root() -> Path:
    """The bundle folder when frozen (PyInstaller's sys._MEIPASS), else the checkout holding this package."""
    frozen = getattr(sys, "_MEIPASS", None)
    return Path(frozen) if frozen else _checkout()


@cache
def _checkout() -> Path:
    return Path(__file__).resolve().parent.parent


@cache
def _wheel_data() -> Path | None:
    # Installed from a wheel, the package is plain files: importlib.resources.files("wizard") is this folder
    # (tests/packaging/test_wheel.py holds the two equal).
    data = Path(__file__).resolve().parent / PACKAGE_DATA
    return data if data.is_dir() else None


def package_data() -> Path | None:
    """The wheel's data folder, or None in a checkout or a frozen bundle (which never have one)."""
    return None if getattr(sys, "_MEIPASS", None) else _wheel_data()


def connectors_dir() -> Path:
    override = os.environ.get("SBQ_CONNECTORS_DIR")
    if override:
        return Path(override)
    data = package_data()
    return data / "connectors" if data is not None else root() / "connectors"


def resources_dir() -> Path:
    return root() / "resources"


def i18n_dir() -> Path:
    """The compiled translations (sbq_<lang>.qm)."""
    data = package_data()
    return data / "i18n" if data is not None else resources_dir() / "i18n"


def svg_dir() -> Path:
    """The product's mark, the state icons (resources/svg in a checkout and a bundle, _data/svg in a wheel)."""
    data = package_data()
    return data / "svg" if data is not None else resources_dir() / "svg"


def build_info() -> dict[str, Any]:
    """What packaging/build.py baked into a bundle; from a source checkout or a wheel this is a development build."""
    if package_data() is not None:  # pip/pipx: nothing beside the package is ours to read
        return {"development": True, "frozen": False, "source": "package"}
    try:
        data = json.loads((root() / "build_info.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {"development": True, "frozen": bool(getattr(sys, "frozen", False)), "source": "checkout"}
    return data if isinstance(data, dict) else {"development": True}


def is_development_build() -> bool:
    return bool(build_info().get("development", True))
