"""Every regular expression of the AFAS client, the verification and the domain finishes in linear time on hostile
input (issue 23 item 1): a pattern with nested or adjacent optional quantifiers over untrusted text holds the GIL for
seconds to minutes on a 10 KB header or body, so no deadline can fire and the window freezes.

The module-level patterns are found by walking the packages, so a new one is covered without a word here; the
functions below run the few patterns written inline, and the hand-written header parsers that replaced patterns.
"""

from __future__ import annotations

import contextlib
import importlib
import json
import pkgutil
import re
import time
from collections.abc import Callable, Iterator

import httpx
import pytest

import wizard.afas
import wizard.domain
import wizard.verify
from wizard.afas.challenge import parse_challenges
from wizard.afas.errors import classify_reply
from wizard.afas.reading import Reply, decode_json, retry_after
from wizard.domain.credentials import parse_classic_token
from wizard.domain.environment import parse_environment
from wizard.domain.errors import InputError
from wizard.domain.redact import for_terminal, json_for_terminal, secret_like
from wizard.verify.answers import parse_soap, parse_token_expiry

SIZE = 10 * 1024
BUDGET = 0.050  # seconds; a linear pattern needs well under 1 ms here, a cubic one seconds to minutes

# Runs that make backtracking patterns explode: separators, quotes, escapes, and the starts of what they look for.
_ATOMS = [
    " ", "\t", '"', "'", ",", "\\", "=", ";", "a", "A", "0", "9", "-", "/", "+", ".", "<", "&", "\r\n", "é", "²",
    " ,", ", ", " =", "= ", 'a="', 'a=" ', '\\"', "a=", "a ", "a=a,", '"\\', "0-", "1 ", "1-1-", "1 mei ",
    "<token>", "&lt;token&gt;", "field '", "veld'", "<html", "\x1b[", "data connector ", "not ", "Bearer ",
]  # fmt: skip
# 1 KB first: a super-linear pattern fails there in a second or two instead of running for minutes at 10 KB.
ADVERSARIAL = [
    (atom * (size // len(atom) + 1))[:size] + end for size in (1024, SIZE) for atom in _ATOMS for end in ("", "\x00")
]


def _patterns() -> Iterator[tuple[str, re.Pattern[str] | re.Pattern[bytes]]]:
    for package in (wizard.afas, wizard.verify, wizard.domain):
        for info in pkgutil.walk_packages(package.__path__, package.__name__ + "."):
            module = importlib.import_module(info.name)
            for name, value in vars(module).items():
                if isinstance(value, re.Pattern):
                    yield f"{info.name}.{name}", value


PATTERNS = dict(_patterns())


def _ok(call: Callable[[], object]) -> None:
    with contextlib.suppress(InputError):  # a clear message for bad input is fine; the time it took is measured
        call()


def _timed(call: Callable[[], object]) -> float:
    """The fastest of up to three runs: one slow run on a busy machine is not a slow pattern."""
    best = float("inf")
    for _ in range(3):
        started = time.perf_counter()
        _ok(call)
        best = min(best, time.perf_counter() - started)
        if best < BUDGET or best > 20 * BUDGET:  # fast, or too slow for any machine's bad moment
            break
    return best


def _slow(calls: Callable[[str], list[Callable[[], object]]]) -> list[str]:
    """The first input on which a call takes the budget or longer (one is enough, and the next could take minutes)."""
    for text in ADVERSARIAL:
        for call in calls(text):
            seconds = _timed(call)
            if seconds >= BUDGET:
                return [f"{len(text)} characters of {text[:12]!r}…: {seconds * 1000:.0f} ms"]
    return []


def test_the_walk_finds_the_patterns_it_is_meant_to_cover() -> None:
    # Guards the test itself: an empty walk would pass everything.
    assert "wizard.afas.errors._FIELD" in PATTERNS and "wizard.domain.redact._TOKEN_XML" in PATTERNS
    assert len(PATTERNS) >= 15


@pytest.mark.parametrize("name", sorted(PATTERNS))
def test_every_pattern_is_linear_on_10_kb_of_hostile_text(name: str) -> None:
    pattern = PATTERNS[name]

    def calls(text: str) -> list[Callable[[], object]]:
        subject: str | bytes = text.encode("utf-8") if isinstance(pattern.pattern, bytes) else text
        return [
            lambda: pattern.search(subject),  # type: ignore[arg-type]
            lambda: pattern.match(subject),  # type: ignore[arg-type]
            lambda: pattern.fullmatch(subject),  # type: ignore[arg-type]
            lambda: list(pattern.finditer(subject)),  # type: ignore[arg-type]
        ]

    assert _slow(calls) == []


def _reply(text: str) -> Reply:
    headers = httpx.Headers({"Content-Type": "application/json", "X-PROFIT-ERROR": "x"})
    ok, body = decode_json(text)
    return Reply(status=500, headers=headers, text=text, elapsed_ms=1, url_path="/x", json_body=body, json_ok=ok)


# The parsers of untrusted text: headers, AFAS's answers, and what a user pastes or types.
PARSERS: dict[str, Callable[[str], object]] = {
    "WWW-Authenticate": parse_challenges,
    "Retry-After": lambda text: retry_after(httpx.Headers([(b"Retry-After", text.encode("utf-8"))]), None),
    "tokenExpiry": parse_token_expiry,
    "SOAP envelope": parse_soap,
    "externalMessage": lambda text: classify_reply(_reply(json.dumps({"externalMessage": text}))),
    "error body": lambda text: classify_reply(_reply(text)),
    "secret_like": secret_like,
    "for_terminal": for_terminal,
    "json_for_terminal": json_for_terminal,
    "classic token": parse_classic_token,
    "environment": parse_environment,
    "custom URL": lambda text: parse_environment("O12345AA", base_url=f"https://afas.example.nl:{text}/x"),
}


@pytest.mark.parametrize("name", sorted(PARSERS))
def test_every_parser_of_untrusted_text_is_linear(name: str) -> None:
    parse = PARSERS[name]
    assert _slow(lambda text: [lambda: parse(text)]) == []
