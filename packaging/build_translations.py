#!/usr/bin/env python3
"""Build the wizard's translations: resources/i18n/sbq_<lang>.ts (Qt Linguist sources) -> .qm next to them.

    python packaging/build_translations.py            # compile .ts -> .qm (fast; tasks.py runs it before tests)
    python packaging/build_translations.py --update   # first refresh the .ts files from the code (pyside6-lupdate)

The .qm files are build output (gitignored). Uses pyside6-lupdate / pyside6-lrelease from this Python's venv.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
I18N = ROOT / "resources" / "i18n"
SOURCES = ROOT / "wizard"
LANGS = ("nl", "en")  # English is the source language: its .ts holds no translations of its own


def tool(name: str) -> str:
    """The PySide6 wrapper next to the running interpreter, else on PATH."""
    scripts = Path(sys.executable).parent
    for candidate in (scripts / name, scripts / f"{name}.exe"):
        if candidate.exists():
            return str(candidate)
    found = shutil.which(name)
    if found is None:
        raise SystemExit(f"{name} not found: install PySide6-Essentials in this environment")
    return found


def source_files() -> list[str]:
    # Only the GUI translates through Qt; logic layers carry Text(en=..., nl=...) instead.
    files = sorted(str(p.relative_to(ROOT)) for p in (SOURCES / "ui").rglob("*.py"))
    return [*files, str((SOURCES / "app.py").relative_to(ROOT))]


def update() -> None:
    for lang in LANGS:
        ts = I18N / f"sbq_{lang}.ts"
        extra = ["-pluralonly"] if lang == "en" else []
        cmd = [tool("pyside6-lupdate"), *source_files(), "-no-obsolete", "-locations", "none", *extra, "-ts", str(ts)]
        subprocess.run(cmd, cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
        print(f"updated {ts.relative_to(ROOT)}")


def build() -> None:
    for ts in sorted(I18N.glob("sbq_*.ts")):
        qm = ts.with_suffix(".qm")
        result = subprocess.run(
            [tool("pyside6-lrelease"), "-silent", str(ts), "-qm", str(qm)],
            capture_output=True,
            text=True,
            check=False,
        )
        if result.returncode != 0 or not qm.exists():
            sys.stderr.write(result.stdout + result.stderr)
            raise SystemExit(f"lrelease failed for {ts.name}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--update", action="store_true", help="refresh the .ts files from the code first")
    args = parser.parse_args(argv)
    I18N.mkdir(parents=True, exist_ok=True)
    if args.update:
        update()
    build()
    return 0


if __name__ == "__main__":
    sys.exit(main())
