"""Package boundaries: logic stays free of Qt, pages stay free of network and keyring."""

from __future__ import annotations

import ast
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import wizard

PACKAGE = Path(wizard.__file__).parent
LOGIC = ("domain", "sim", "afas", "verify", "stores", "flow")


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module.split(".")[0])
    return names


def _files(sub: str) -> list[Path]:
    return sorted((PACKAGE / sub).rglob("*.py")) if (PACKAGE / sub).is_dir() else []


@pytest.mark.parametrize("sub", LOGIC)
def test_logic_packages_import_no_qt(sub: str) -> None:
    offenders = [str(p.relative_to(PACKAGE)) for p in _files(sub) if {"PySide6", "shiboken6"} & _imports(p)]
    assert offenders == []


def test_pages_do_not_talk_to_network_or_keyring_directly() -> None:
    pages = _files("ui/pages")
    offenders = [str(p.relative_to(PACKAGE)) for p in pages if {"httpx", "keyring"} & _imports(p)]
    assert offenders == []


def test_domain_does_no_io_libraries() -> None:
    offenders = [str(p.relative_to(PACKAGE)) for p in _files("domain") if {"httpx", "keyring"} & _imports(p)]
    assert offenders == []


def _lint_imports(root: Path) -> subprocess.CompletedProcess[str]:
    exe = Path(sys.executable).with_name("lint-imports")
    return subprocess.run(
        [str(exe), "--no-cache", "--config", str(root / "pyproject.toml")],
        cwd=root,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_the_layer_contracts_hold_and_catch_an_upward_import(tmp_path: Path) -> None:
    """pyproject's [tool.importlinter] contracts pass on the code, and fail once the domain imports the verifier."""
    root = PACKAGE.parent
    kept = _lint_imports(root)
    assert kept.returncode == 0, kept.stdout + kept.stderr
    assert "0 broken" in kept.stdout

    copy = tmp_path / "repo"
    shutil.copytree(PACKAGE, copy / "wizard", ignore=shutil.ignore_patterns("__pycache__", "_data"))
    shutil.copy(root / "pyproject.toml", copy / "pyproject.toml")
    (copy / "wizard" / "domain" / "upward.py").write_text("import wizard.verify\nimport PySide6.QtCore\n")
    env_path = str(copy)
    broken = subprocess.run(
        [str(Path(sys.executable).with_name("lint-imports")), "--no-cache"],
        cwd=copy,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        env={**os.environ, "PYTHONPATH": env_path},
    )
    assert broken.returncode != 0
    assert "wizard.domain.upward -> wizard.verify" in broken.stdout
    assert "wizard.domain.upward -> PySide6" in broken.stdout
