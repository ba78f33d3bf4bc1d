#!/usr/bin/env python3
"""Developer entry point (standard library only): builds .venv from the lock, runs
the demo, the suite, the lock and the translations.

python3 tasks.py demo [ARGS]  the wizard against the built-in AFAS simulator
                              (ARGS go to sbq-setup --demo, e.g. --lang nl)
python3 tasks.py test [ARGS]  the whole suite: ruff, mypy, import contracts and
                              pytest (ARGS go to pytest, e.g. -k token)
python3 tasks.py lock         re-resolve requirements/dev.lock after editing
                              pyproject.toml (packaging's: packaging/lock.py)
python3 tasks.py i18n         update the .ts sources from the code and rebuild
                              the .qm files
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
LOCK = ROOT / "requirements" / "dev.lock"
STAMP = VENV / ".sbq-installed"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PY = BIN / ("python.exe" if os.name == "nt" else "python")


def _run(*cmd: str | Path, check: bool = True, cwd: Path | None = ROOT) -> int:
    print("+", " ".join(str(c) for c in cmd), flush=True)
    return subprocess.run([str(c) for c in cmd], cwd=cwd, check=check).returncode


def ensure_venv() -> None:
    """Create .venv and install the locked requirements; cheap when nothing changed."""
    wanted = hashlib.sha256(LOCK.read_bytes() + (ROOT / "pyproject.toml").read_bytes()).hexdigest()
    if STAMP.exists() and STAMP.read_text() == wanted and PY.exists():
        return
    if not PY.exists():
        print(f"Creating {VENV} ...", flush=True)
        venv.EnvBuilder(with_pip=True).create(VENV)
    _run(PY, "-m", "pip", "install", "--quiet", "--upgrade", "pip")
    _run(PY, "-m", "pip", "install", "--quiet", "--require-hashes", "-r", LOCK)
    _run(PY, "-m", "pip", "install", "--quiet", "--no-deps", "-e", ".")
    STAMP.write_text(wanted)


def build_translations() -> None:
    """Compile resources/i18n/*.ts to .qm (the .qm files are build output, not committed)."""
    script = ROOT / "packaging" / "build_translations.py"
    if script.exists():
        _run(PY, script)


def cmd_demo(args: list[str]) -> int:
    ensure_venv()
    build_translations()
    # In the caller's folder: `--tour DIR` is theirs, and a hint the wizard prints (the command to start it again)
    # must be a path that works there.
    return _run(BIN / "sbq-setup", "--demo", *args, check=False, cwd=None)


def cmd_test(args: list[str]) -> int:
    ensure_venv()
    build_translations()
    if _run(BIN / "ruff", "check", ".", check=False) != 0:
        return 1
    if _run(BIN / "ruff", "format", "--check", ".", check=False) != 0:
        print("ruff format would change files: run .venv/bin/ruff format .", file=sys.stderr)
        return 1
    typed = [p for p in ("wizard", "tests", "packaging", "benchmarks", "tasks.py", "setup.py") if (ROOT / p).exists()]
    if _run(BIN / "mypy", *typed, check=False) != 0:
        return 1
    # The package layering (pyproject [tool.importlinter]): a lower layer importing a higher one fails the suite.
    if _run(BIN / "lint-imports", "--no-cache", check=False) != 0:
        return 1
    code = _run(PY, "-m", "pytest", *args, check=False)
    if code == 5:
        print("pytest collected no tests: the suite is broken, not green.", file=sys.stderr)
        return 1
    return code


def cmd_lock(_args: list[str]) -> int:
    ensure_venv()
    return _run(
        BIN / "uv", "pip", "compile", "pyproject.toml", "--extra", "dev", "--universal",
        "--python-version", "3.11", "--generate-hashes", "--no-emit-index-url", "--no-header",
        "--quiet", "-o", LOCK,
    )  # fmt: skip


def cmd_i18n(_args: list[str]) -> int:
    ensure_venv()
    script = ROOT / "packaging" / "build_translations.py"
    return _run(PY, script, "--update", check=False)


COMMANDS = {"demo": cmd_demo, "test": cmd_test, "lock": cmd_lock, "i18n": cmd_i18n}


def main() -> int:
    if len(sys.argv) >= 2 and sys.argv[1] in ("-h", "--help"):
        print(__doc__)
        return 0
    if len(sys.argv) < 2 or sys.argv[1] not in COMMANDS:
        said = f"unknown command {sys.argv[1]!r}" if len(sys.argv) >= 2 else "no command given"
        print(f"tasks.py: {said}; choose one of: {', '.join(COMMANDS)}\n{__doc__}", file=sys.stderr)
        return 2
    return COMMANDS[sys.argv[1]](sys.argv[2:])


if __name__ == "__main__":
    sys.exit(main())
