"""Every regular expression the simulator runs on request text takes linear time: each one, and the token parser
that replaced the backtracking one, against 10 KB adversarial strings within 50 ms.

The patterns are found in the source (any `re.<function>("literal", ...)` under wizard/sim) and in the route
table, so a new one is tested without being listed here."""

from __future__ import annotations

import ast
import importlib
import re
import time
from pathlib import Path
from typing import Any

import pytest

import wizard.sim
from wizard.sim import build_scenario, create_app
from wizard.sim.afas_http import token_data

SIZE = 10 * 1024
BUDGET = 0.05  # seconds
_parser: Any = importlib.import_module("re._parser")  # the stdlib's own pattern parser (sre_parse is deprecated)
_RE_FUNCTIONS = {"compile", "search", "match", "fullmatch", "sub", "subn", "findall", "finditer", "split"}


def _flags(node: ast.Call) -> int:
    flags = 0
    for argument in [*node.args[1:], *(k.value for k in node.keywords if k.arg == "flags")]:
        for name in ast.walk(argument):
            if isinstance(name, ast.Attribute) and isinstance(name.value, ast.Name) and name.value.id == "re":
                value = getattr(re, name.attr, 0)
                flags |= value if isinstance(value, int) else 0
    return flags


def _source_patterns() -> list[tuple[str, int]]:
    found = []
    for path in sorted(Path(wizard.sim.__file__).parent.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and isinstance(node.func.value, ast.Name)
                and node.func.value.id == "re"
                and node.func.attr in _RE_FUNCTIONS
                and node.args
                and isinstance(node.args[0], ast.Constant)
                and isinstance(node.args[0].value, str)
            ):
                found.append((node.args[0].value, _flags(node)))
    return found


def _route_patterns() -> list[tuple[str, int]]:
    app = create_app(build_scenario("ready"))
    return sorted({(r.path_regex.pattern, r.path_regex.flags) for r in app.routes if hasattr(r, "path_regex")})


PATTERNS = _source_patterns() + _route_patterns()


def _literals(pattern: str, flags: int) -> list[str]:
    """The pattern's literal runs, in order: the prefixes an attacker types to reach its quantifiers."""
    runs: list[str] = []
    current = ""
    for op, value in _parser.parse(pattern, flags):
        if op == _parser.LITERAL:
            current += chr(value)
        else:
            if current:
                runs.append(current)
            current = ""
    return [*runs, current] if current else runs


def adversarial(pattern: str, flags: int) -> list[str]:
    """10 KB strings that make a backtracking pattern explode: each prefix of its literal runs, then a long run
    of one filler character (or two alternating), without the text that would let it match."""
    literals = _literals(pattern, flags)
    prefixes = ["".join(literals[:i]) for i in range(len(literals) + 1)]
    fillers = [" ", "a", "/", "<", '"', "\t", "0", "\n", " a", "=a", "/a", "<a"]
    return [(prefix + filler * SIZE)[:SIZE] for prefix in prefixes for filler in fillers]


def test_the_simulators_patterns_are_all_found() -> None:
    patterns = {p for p, _ in PATTERNS}
    assert r"/{2,}" in patterns  # app.py: doubled slashes
    assert any("profitrestservices" in p for p in patterns)  # the route table


@pytest.mark.parametrize(("pattern", "flags"), PATTERNS, ids=[p[:40] for p, _ in PATTERNS])
def test_each_pattern_takes_linear_time(pattern: str, flags: int) -> None:
    compiled = re.compile(pattern, flags)
    for text in adversarial(pattern, flags):
        started = time.perf_counter()
        compiled.search(text)
        compiled.match(text)
        assert time.perf_counter() - started < BUDGET, f"{pattern!r} on {text[:60]!r}…"


def test_the_token_parser_takes_linear_time() -> None:
    shape = "<token><version>1</version><data>x</data></token>"
    texts = [(shape[:i] + filler * SIZE)[:SIZE] for i in range(len(shape)) for filler in (" ", "a", "<token>")]
    for text in texts:
        started = time.perf_counter()
        token_data(text)
        assert time.perf_counter() - started < BUDGET, text[:60]


def test_the_token_parser_finds_what_afas_clients_send() -> None:
    assert token_data("<token><version>1</version><data>ABC</data></token>") == "ABC"
    spaced = '<?xml version="1.0"?>\r\n<TOKEN>\n <version>1</version>\n <data> ABC \n</data> </TOKEN>'
    assert token_data(spaced) == "ABC"
    assert token_data("<token><token><version>1</version><data>ABC</data></token>") == "ABC"
    assert token_data("<token><version>1</version><data>ABC</data>") is None
    assert token_data("<token><data>ABC</data></token>") is None
