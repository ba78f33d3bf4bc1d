"""Every bilingual pair has the same {placeholders} in English and Dutch, as Qt Linguist checks a .ts file's
translations: a name missing on one side shows a raw "{n}" to that reader, an extra one raises KeyError in format()."""

from __future__ import annotations

import ast
import dataclasses
import importlib
import pkgutil
import string
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

from pydantic import BaseModel

import wizard
from wizard.data import afas, load_manifest

PACKAGE = Path(wizard.__file__).parent
QT_FREE_SKIP = ("wizard.ui", "wizard.app", "wizard.__main__")  # Qt pages translate with tr(), not Text


def placeholders(template: str) -> set[str] | str:
    """The names a template's {fields} use, or why it is not a valid template."""
    try:
        return {name.split(".")[0].split("[")[0] for _, name, _, _ in string.Formatter().parse(template) if name}
    except ValueError as exc:
        return f"not a template: {exc}"


def mismatch(en: str, nl: str) -> str | None:
    en_names, nl_names = placeholders(en), placeholders(nl)
    return None if en_names == nl_names else f"en {en_names} != nl {nl_names}"


def _literal_pairs(path: Path) -> Iterator[tuple[int, str, str]]:
    """Every Text(en="...", nl="...") written with string literals in one source file."""
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "Text":
            args = {k.arg: k.value for k in node.keywords}
            en, nl = args.get("en"), args.get("nl")
            if isinstance(en, ast.Constant) and isinstance(nl, ast.Constant):
                yield node.lineno, str(en.value), str(nl.value)


def test_every_text_written_in_the_source_has_the_same_placeholders() -> None:
    found, wrong = 0, []
    for path in sorted(PACKAGE.rglob("*.py")):
        for line, en, nl in _literal_pairs(path):
            found += 1
            if problem := mismatch(en, nl):
                wrong.append(f"{path.relative_to(PACKAGE.parent)}:{line}: {problem}")
    assert found > 300  # the walk sees the package's messages
    assert not wrong, "\n".join(wrong)


def _modules() -> Iterator[ModuleType]:
    for info in pkgutil.walk_packages([str(PACKAGE)], "wizard."):
        if not info.name.startswith(QT_FREE_SKIP):
            yield importlib.import_module(info.name)


def _pairs(value: object, where: str, seen: set[int]) -> Iterator[tuple[str, str, str]]:
    """(where, en, nl) for every pair inside value: Text and AFAS labels (en/nl), a model's X_en/X_nl fields, and
    whatever containers, dataclasses and models hold them."""
    if id(value) in seen or isinstance(value, (str, bytes, int, float, type, ModuleType)) or value is None:
        return
    seen.add(id(value))
    en, nl = getattr(value, "en", None), getattr(value, "nl", None)
    if isinstance(en, str) and isinstance(nl, str):
        yield where, en, nl
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _pairs(item, f"{where}[{key!r}]", seen)
    elif isinstance(value, (list, tuple, set, frozenset)):
        for index, item in enumerate(value):
            yield from _pairs(item, f"{where}[{index}]", seen)
    elif isinstance(value, BaseModel):
        fields = {name: getattr(value, name) for name in type(value).model_fields}
        for name, item in fields.items():
            if name.endswith("_en") and isinstance(fields.get(name[:-3] + "_nl"), str):
                yield f"{where}.{name[:-3]}", item, fields[name[:-3] + "_nl"]
            yield from _pairs(item, f"{where}.{name}", seen)
    elif dataclasses.is_dataclass(value):
        for field in dataclasses.fields(value):
            yield from _pairs(getattr(value, field.name), f"{where}.{field.name}", seen)


def test_every_text_the_modules_and_the_shipped_data_hold_has_the_same_placeholders() -> None:
    """Module-level constants of every Qt-free module (tables of messages included), and the pairs the product
    reads from connectors/manifest.toml and connectors/afas.toml."""
    seen: set[int] = set()
    pairs = [pair for module in _modules() for pair in _pairs(vars(module), module.__name__, seen)]
    pairs += _pairs(load_manifest(), "manifest.toml", seen)
    pairs += _pairs(afas(), "afas.toml", seen)
    assert len(pairs) > 150  # the walk reaches into the modules and the data
    wrong = [f"{where}: {problem}" for where, en, nl in pairs if (problem := mismatch(en, nl))]
    assert not wrong, "\n".join(wrong)
