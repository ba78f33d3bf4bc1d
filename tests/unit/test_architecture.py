"""Package boundaries: logic stays free of Qt, pages stay free of network and keyring."""

from __future__ import annotations

import ast
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
