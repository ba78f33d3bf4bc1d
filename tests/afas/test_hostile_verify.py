"""`sbq-setup verify` against hostile answers, as a user runs it (issue 23 items 1, 2, 4, 6, 7): each run ends within
--timeout plus a few seconds, under 300 MB, with exit 1 (the setup is not usable) or 3 (cannot check now) — never the
internal error's 70 — and no secret from an answer reaches any output, JSON and HTML reports included."""

from __future__ import annotations

import asyncio
import gc
import json
import time
import tracemalloc
import warnings
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from tests.afas.hostile_server import CRLF_TOKEN, QUOTED_TOKEN, HostileServer
from tests.conftest import FAKE_XML
from wizard.cli.main import main

TIMEOUT = 5
CLIENT_ID = "h0571e00-c11e-4700-8000-000000000023"
CLIENT_SECRET = "H0571LE5" * 8  # obviously fake


@dataclass
class Run:
    code: int
    report: dict[str, Any]
    html: str
    err: str


Verify = Callable[[str, str], Run]


@pytest.fixture
def verify(hostile_server: HostileServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: Any) -> Verify:
    """One in-process `sbq-setup verify --json --html` against a hostile mode, with a classic token or an OAuth
    client."""

    def run(mode: str, auth: str) -> Run:
        if auth == "classic":
            monkeypatch.setenv("SBQ_AFAS_TOKEN", FAKE_XML)
        else:
            monkeypatch.setenv("SBQ_AFAS_CLIENT_ID", CLIENT_ID)
            monkeypatch.setenv("SBQ_AFAS_CLIENT_SECRET", CLIENT_SECRET)
        html = tmp_path / "report.html"
        argv = ["verify", "--environment", "O12345AA", "--base-url", f"{hostile_server.base}/{mode}/ProfitRestServices"]
        argv += ["--timeout", str(TIMEOUT), "--json", "--html", str(html), "--lang", "en"]
        code = main(argv)
        out = capsys.readouterr()
        return Run(code, json.loads(out.out), html.read_text(encoding="utf-8") if html.exists() else "", out.err)

    return run


CASES = [
    ("deep", "classic"),  # RecursionError
    ("idna", "classic"),  # UnicodeError
    ("retry-superscript", "classic"),  # ValueError
    ("challenge", "classic"),  # the cubic WWW-Authenticate regex
    ("tok-bomb", "oauth"),  # the token answer read without a cap
    ("tok-deep", "oauth"),
    ("tok-idna", "oauth"),
    ("tok-expires-superscript", "oauth"),  # ValueError
    ("tok-expires-huge", "oauth"),  # OverflowError
    ("tok-expires-tiny", "oauth"),
    ("tok-nonascii", "oauth"),  # UnicodeEncodeError
    ("tok-crlf", "oauth"),
    ("tok-retry-superscript", "oauth"),
    ("tok-quotes", "oauth"),
    ("tok-challenge", "oauth"),
]


@pytest.mark.parametrize(("mode", "auth"), CASES)
def test_verify_against_a_hostile_answer_ends_in_time_small_and_with_exit_1_or_3(
    verify: Verify, mode: str, auth: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    loop_errors: list[dict[str, Any]] = []
    real_handler = asyncio.BaseEventLoop.default_exception_handler

    def record(loop: asyncio.AbstractEventLoop, context: dict[str, Any]) -> None:
        loop_errors.append(context)  # "Task exception was never retrieved" arrives here
        real_handler(loop, context)  # type: ignore[arg-type]

    monkeypatch.setattr(asyncio.BaseEventLoop, "default_exception_handler", record)
    tracemalloc.start()
    started = time.monotonic()
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", ResourceWarning)
            run = verify(mode, auth)
            gc.collect()  # a task left with an unretrieved exception reports itself when collected
        elapsed = time.monotonic() - started
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert run.code in (1, 3), run.err
    assert elapsed < TIMEOUT + 3
    assert peak < 300 * 1024 * 1024, f"peak {peak / 1e6:.0f} MB"
    assert loop_errors == []
    assert "Traceback" not in run.err and "Internal error" not in run.err
    assert len(run.report["checks"]) > 1  # every check has its result, not only the one that met the bad answer


@pytest.mark.parametrize("mode", ["tok-crlf", "tok-nonascii", "tok-expires-superscript", "tok-deep", "tok-bomb"])
def test_a_token_answer_no_request_can_use_is_a_malformed_token_answer(verify: Verify, mode: str) -> None:
    # Item 6: a CR/LF access token was "could not be reached" (exit 3); it is the token endpoint's malformed answer.
    run = verify(mode, "oauth")
    auth = run.report["checks"][0]
    assert run.code == 1
    assert auth["status"] == "fail"
    assert "not what AFAS" in auth["message"]
    assert "could not be reached" not in json.dumps(run.report)


@pytest.mark.parametrize(("mode", "needle"), [("tok-crlf", "K7K7K7K7"), ("tok-quotes", "Q8Q8Q8Q8")])
def test_an_access_token_is_in_no_report_whatever_escaping_does_to_it(verify: Verify, mode: str, needle: str) -> None:
    # Items 6 and 7: the token (with CR/LF, or with quotes that JSON and HTML escape) echoed by AFAS as the app
    # connector's name and user group is masked in the JSON report, the HTML report and the text.
    assert needle in CRLF_TOKEN + QUOTED_TOKEN
    run = verify(mode, "oauth")
    for output in (json.dumps(run.report, ensure_ascii=False), run.html, run.err):
        assert needle not in output
    assert run.html  # the HTML report was written
    if mode == "tok-quotes":
        assert run.report["app_connector"] == "app «redacted» end"
        assert run.report["user_group"] == "group «redacted» end"


def test_a_tiny_token_lifetime_is_treated_as_a_minute(verify: Verify, hostile_server: HostileServer) -> None:
    # Item 9: expires_in 1e-300 made the flow fetch a new token before every call.
    before = len(hostile_server.requests)
    verify("tok-expires-tiny", "oauth")
    posts = [r for r in hostile_server.requests[before:] if r[0] == "POST" and r[1].endswith("/oauth/token")]
    assert len(posts) == 1
