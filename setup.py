"""Build hook: puts the connector bundle and the compiled translations into the wheel as package data.

The repository's connectors/ and resources/i18n/*.ts stay the single source of truth; nothing generated is
committed. A wheel gets wizard/_data/connectors/ (*.gcn, *.toml) and wizard/_data/i18n/*.qm (pyside6-lrelease
at build time, hence PySide6-Essentials in [build-system] requires) and wizard/_data/svg/*.svg (the mark and state
icons); wizard/installation.py finds them through
importlib.resources. An editable install compiles the .qm files next to their .ts sources instead (gitignored),
so `pip install -e .` alone also gives a wizard in both languages.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

ROOT = Path(__file__).resolve().parent
CONNECTORS = ROOT / "connectors"
I18N = ROOT / "resources" / "i18n"
SVG = ROOT / "resources" / "svg"
BUNDLE_PATTERNS = ("*.gcn", "*.toml")  # by pattern: any data file added beside manifest.toml ships too


def _lrelease() -> str:
    """pyside6-lrelease of the build environment (next to its Python), else from PATH."""
    scripts = Path(sys.executable).parent
    for candidate in (scripts / "pyside6-lrelease", scripts / "pyside6-lrelease.exe"):
        if candidate.exists():
            return str(candidate)
    found = shutil.which("pyside6-lrelease")
    if found is None:
        raise SystemExit("pyside6-lrelease not found: the build needs PySide6-Essentials (see [build-system])")
    return found


def compile_translations(target: Path) -> list[Path]:
    """Every resources/i18n/sbq_*.ts -> target/sbq_*.qm; a failure stops the build (no silent English)."""
    target.mkdir(parents=True, exist_ok=True)
    sources = sorted(I18N.glob("sbq_*.ts"))
    if not sources:
        raise SystemExit(f"no translations found in {I18N}")
    written = []
    for ts in sources:
        qm = target / ts.with_suffix(".qm").name
        done = subprocess.run(
            [_lrelease(), "-silent", str(ts), "-qm", str(qm)], capture_output=True, text=True, check=False
        )
        if done.returncode != 0 or not qm.is_file():
            raise SystemExit(f"pyside6-lrelease failed for {ts.name}:\n{done.stdout}{done.stderr}")
        written.append(qm)
    return written


def copy_connectors(target: Path) -> list[Path]:
    target.mkdir(parents=True, exist_ok=True)
    files = sorted(p for pattern in BUNDLE_PATTERNS for p in CONNECTORS.glob(pattern) if p.is_file())
    if not any(p.name == "manifest.toml" for p in files):
        raise SystemExit(f"{CONNECTORS / 'manifest.toml'} is missing: the wheel would not work")
    return [Path(shutil.copy2(p, target / p.name)) for p in files]


def copy_svg(target: Path) -> list[Path]:
    """The product's mark and state icons (resources/svg/*.svg): the window loads them at run time."""
    target.mkdir(parents=True, exist_ok=True)
    files = sorted(p for p in SVG.glob("*.svg") if p.is_file())
    if not files:
        raise SystemExit(f"no SVG files found in {SVG}: the wizard would have no icons")
    return [Path(shutil.copy2(p, target / p.name)) for p in files]


class BuildPyWithData(build_py):
    """build_py, plus the connector bundle and the .qm files (see the module docstring)."""

    def run(self) -> None:
        super().run()
        if self.editable_mode:
            compile_translations(I18N)  # the checkout itself is the data folder of an editable install
            return
        data = Path(self.build_lib) / "wizard" / "_data"
        compile_translations(data / "i18n")
        copy_connectors(data / "connectors")
        copy_svg(data / "svg")


setup(cmdclass={"build_py": BuildPyWithData})
