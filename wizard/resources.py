"""Where the shipped data lives: the bundle folder when frozen, the package's `_data` when installed from a wheel,
the checkout in development.

The wheel's `wizard/_data/` (connectors/*.gcn + *.toml, i18n/*.qm, svg/*.svg) is written at build time by setup.py from
the checkout's connectors/ and resources/i18n/, which stay the single source of truth.
"""

from __future__ import annotations

import os
import sys

TYPE_CHECKING = False  # mypy treats this name as True; `sbq-setup --version` does not import `typing`
if TYPE_CHECKING:
    from pathlib import Path  # made where needed: `sbq-setup --version` asks only is_development_build()
    from typing import Any

PACKAGE_DATA = "_data"


def _root_dir() -> str:
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return str(frozen)
    if not _root:  # asked for every icon: resolved (a system call per folder) once
        _root.append(os.path.dirname(os.path.dirname(os.path.realpath(__file__))))
    return _root[0]


_root: list[str] = []


def root() -> Path:
    from pathlib import Path

    return Path(_root_dir())


_package_data: list[Path | None] = []  # asked for every icon and catalogue: looked up once


def package_data() -> Path | None:
    """The wheel's data folder, or None in a checkout or a frozen bundle (which never have one)."""
    if getattr(sys, "_MEIPASS", None):
        return None
    if not _package_data:
        # A wheel installs as plain files, and for a package of plain files importlib.resources.files("wizard") is
        # the package's folder: this one (tests/packaging/test_wheel.py holds the two equal). Importing
        # importlib.resources' readers took ~5 ms before the first paint (issue 13); a zip import, where the two
        # would differ, is not a layout we ship.
        from pathlib import Path

        data = Path(__file__).resolve().parent / PACKAGE_DATA
        _package_data.append(data if data.is_dir() else None)
    return _package_data[0]


def connectors_dir() -> Path:
    override = os.environ.get("SBQ_CONNECTORS_DIR")
    if override:
        from pathlib import Path

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
    import json

    try:  # os.path and open(), not pathlib: the frozen `sbq-setup --version` reads this (~3 ms, issue 13)
        with open(os.path.join(_root_dir(), "build_info.json"), encoding="utf-8") as file:
            data = json.load(file)
    except (OSError, ValueError):
        return {"development": True, "frozen": bool(getattr(sys, "frozen", False)), "source": "checkout"}
    return data if isinstance(data, dict) else {"development": True}


def is_development_build() -> bool:
    # Cheap first, without pathlib: `sbq-setup --version` asks this.
    if not os.path.isfile(os.path.join(_root_dir(), "build_info.json")):
        return True
    return bool(build_info().get("development", True))
