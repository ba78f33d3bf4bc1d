"""The docs name only what exists (issue 19: README's layout table and docs/ true to the code).

Every repository path and every `wizard.…` name the README, docs/ and the folders' READMEs put in backticks, and
every file they link to or show, must exist, and the module tables must name every module of the packages they
describe: a renamed or deleted module fails here instead of misleading the next maintainer. The packaging README's
start-up history is left out: it records modules that were removed on purpose."""

from __future__ import annotations

import importlib
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
DOCS = [
    ROOT / "README.md",
    *sorted((ROOT / "docs").glob("*.md")),
    ROOT / "connectors" / "README.md",
    ROOT / "packaging" / "README.md",
]
HISTORY = ("## Start-up", "## Cold start")  # sections that describe the past, not the code
TOP = {p.name for p in ROOT.iterdir() if p.name not in ("build", "dist")}
TICKED = re.compile(r"`([^`\n]+)`")
PATH = re.compile(r"[\w.-]+(?:/[\w.*{}-]+)*/?")
DOTTED = re.compile(r"wizard(?:\.\w+)+")


def _current_text(doc: Path) -> str:
    """The doc without its history sections (a section runs to the next heading of the same or a higher level)."""
    kept, skipping = [], False
    for line in doc.read_text(encoding="utf-8").splitlines():
        if line.startswith("## "):
            skipping = line.startswith(HISTORY)
        if not skipping:
            kept.append(line)
    return "\n".join(kept)


def _ticked(doc: Path) -> list[str]:
    return TICKED.findall(_current_text(doc))


def _is_repo_path(token: str, doc: Path) -> bool:
    if not PATH.fullmatch(token) or "/" not in token.rstrip("/") or token.startswith(("/", "{", "..")):
        return False  # an absolute path, a URL template, or outside the repository (AFAS's specs beside it)
    if "/_data/" in token:
        return False  # what the wheel's build hook writes (setup.py), not a source file
    return token.split("/", 1)[0] in TOP or (doc.parent / token.split("/", 1)[0]).exists()


def _exists(token: str, doc: Path) -> bool:
    pattern = token.rstrip("/")
    return any(any(base.glob(pattern)) for base in (ROOT, doc.parent))


@pytest.mark.parametrize("doc", DOCS, ids=lambda d: str(d.relative_to(ROOT)))
def test_every_path_a_doc_names_exists(doc: Path) -> None:
    missing = [t for t in _ticked(doc) if _is_repo_path(t, doc) and not _exists(t, doc)]
    assert missing == []


@pytest.mark.parametrize("doc", DOCS, ids=lambda d: str(d.relative_to(ROOT)))
def test_every_link_and_image_a_doc_shows_exists(doc: Path) -> None:
    targets = re.findall(r"\]\(([^)\s#]+)", _current_text(doc))
    missing = [t for t in targets if "://" not in t and not (doc.parent / t).exists()]
    assert missing == []


def _resolves(dotted: str) -> bool:
    parts = dotted.split(".")
    for cut in range(len(parts), 0, -1):
        try:
            found: object = importlib.import_module(".".join(parts[:cut]))
        except ImportError:
            continue
        for attr in parts[cut:]:
            if not hasattr(found, attr):
                return False
            found = getattr(found, attr)
        return True
    return False


@pytest.mark.parametrize("doc", DOCS, ids=lambda d: str(d.relative_to(ROOT)))
def test_every_wizard_name_a_doc_gives_resolves(doc: Path) -> None:
    names = {m.group(0) for t in _ticked(doc) for m in DOTTED.finditer(t)}
    unresolved = sorted(n for n in names if not _resolves(n))
    assert unresolved == []


def _modules(package: str) -> set[str]:
    return {p.name for p in (ROOT / "wizard" / package).glob("*.py") if p.name != "__init__.py"}


def test_readme_layout_names_every_package() -> None:
    layout = _current_text(ROOT / "README.md").split("## Layout", 1)[1].split("\n## ", 1)[0]
    rows = set(re.findall(r"^\| `(wizard/\w+/?(?:\.py)?)`", layout, re.MULTILINE))
    packages = {f"wizard/{p.parent.name}/" for p in (ROOT / "wizard").glob("*/__init__.py")}
    assert packages <= rows
    assert all((ROOT / row).exists() for row in rows)


def test_the_simulator_guide_names_every_simulator_module() -> None:
    structure = _current_text(ROOT / "docs" / "simulator.md").split("## Structure", 1)[1].split("\n## ", 1)[0]
    assert _modules("sim") <= set(TICKED.findall(structure))


def test_the_verification_guide_names_every_verification_and_afas_module() -> None:
    table = _current_text(ROOT / "docs" / "verification.md").split("## Where the code is", 1)[1].split("\n## ", 1)[0]
    named = {Path(t).name for t in TICKED.findall(table) if t.startswith(("wizard/verify/", "wizard/afas/"))}
    assert _modules("verify") | _modules("afas") <= named
