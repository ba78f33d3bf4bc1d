"""The Dutch a bookkeeper reads: AFAS's own words, no developer words or HTTP codes on screen (they belong in the
report's technical detail), nothing that points to the PDF guide, one date style."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.gui.conftest import WindowFactory
from wizard.domain.steps import StepId
from wizard.domain.text import Lang
from wizard.ui.pages.environment import EnvironmentPage

pytestmark = pytest.mark.gui

ROOT = Path(__file__).resolve().parents[2]

# Words a bookkeeper should not meet (case-insensitive), with why.
AVOID = {
    r"on-premise": "say 'op een eigen server'",
    r"REST-adres": "say what it is: the server's address",
    r"token-endpoint": "developer word",
    r"\baanroep": "developer word",
    r"fair use": "English jargon",
    r"\bHTTP \d{3}": "a status code belongs in the technical detail",
    r"handleiding": "the wizard replaces the PDF guide",
    r"12345\.admin": "the PDF guide's example",
    r"A = accept\b|accept A\)": "AFAS says acceptatie",
    r"staat ertussen": "unclear",
    r"\d\d-\d\d-\d{4}": "dates read '1 mei 2027'",
    r"\(voor Profit \d": "'voor' reads as 'for': say 'vóór'",
    r"\bDPoP\b": "OAuth jargon: say what to set in AFAS",
    r"client credentials": "OAuth jargon: say 'OAuth client id en secret'",
    r"\b(public|confidential) client": "OAuth jargon: say what kind of app it is",
    r"\bflow\b": "OAuth jargon",
    r"\b[A-Z][a-z]+[A-Z]\w*(Error|Exception)\b": "a class name belongs in the log",
    r"OAuth-client\b": "say 'OAuth client id en secret', AFAS's words",
    r"tokenExpiry|invalid_client|unauthorized_client": "AFAS's codes belong in the technical detail",
}

# The English a user reads: the same developer words and codes, for the words that are no English jargon.
AVOID_EN = {
    r"\bHTTP \d{3}": "a status code belongs in the technical detail",
    r"\bDPoP\b": "OAuth jargon: say what to set in AFAS",
    r"client credentials flow": "OAuth jargon",
    r"\b(public|confidential) client": "OAuth jargon: say what kind of app it is",
    r"token[- ]endpoint": "developer word",
    r"\b[A-Z][a-z]+[A-Z]\w*(Error|Exception)\b": "a class name belongs in the log",
    r"\b(the|see the|in the) (PDF )?(guide|manual)\b": "the wizard replaces the PDF guide",
    r"\b(earlier|previous|old) instructions\b": "the wizard replaces the PDF guide",
    r"on-premise": "say 'on your own server'",
    r"REST address": "say what it is: the server's address",
}


def _texts(lang: str) -> list[tuple[str, str]]:
    """Every text in `lang` ("nl" or "en") a user reads: the catalogue's translations (nl) or source strings (en),
    and every nl=/en= text in the Qt-free layers (the simulator's AFAS messages excepted: they imitate AFAS)."""
    catalogue = (ROOT / "resources" / "i18n" / "sbq_nl.ts").read_text(encoding="utf-8")
    tag = "translation" if lang == "nl" else "source"
    found = [("sbq_nl.ts", t) for t in re.findall(rf"<{tag}>(.*?)</{tag}>", catalogue, re.S)]
    for path in (ROOT / "wizard").rglob("*.py"):
        if "sim" in path.relative_to(ROOT / "wizard").parts:
            continue
        source = path.read_text(encoding="utf-8")
        for match in re.finditer(rf'\b{lang}=((?:\s*f?"(?:[^"\\]|\\.)*")+)', source):
            text = "".join(re.findall(r'"((?:[^"\\]|\\.)*)"', match.group(1)))
            found.append((str(path.relative_to(ROOT)), text))
    return found


def _problems(texts: list[tuple[str, str]], avoid: dict[str, str]) -> list[str]:
    return [
        f"{where}: {why}: {text[:90]!r}"
        for where, text in texts
        for pattern, why in avoid.items()
        if re.search(pattern, text, re.I if "[A-Z]" not in pattern else 0)
    ]


def test_no_developer_words_codes_or_guide_references_in_dutch() -> None:
    texts = _texts("nl")
    assert len(texts) > 300
    assert _problems(texts, AVOID) == []


def test_no_developer_words_codes_or_class_names_in_english() -> None:
    texts = _texts("en")
    assert len(texts) > 300
    assert _problems(texts, AVOID_EN) == []


def test_an_unexpected_error_names_no_class(make_window: WindowFactory) -> None:
    """Once "Er ging iets mis (SimAdminError)": the kind of error goes to the log, never on screen."""

    class SimAdminError(RuntimeError):
        pass

    window = make_window(lang=Lang.NL)
    said = window.controller.ctx.message(SimAdminError("boom"))
    assert said.startswith("Er ging iets onverwachts mis")
    assert "SimAdminError" not in said and "boom" not in said


def test_the_greyed_type_box_says_what_the_environment_id_says(make_window: WindowFactory, qtbot) -> None:
    """A80462AA is an acceptance environment: the greyed Type box must not say Productie."""
    window = make_window(lang=Lang.NL)
    window.next()
    page = window.pages[StepId.ENVIRONMENT]
    assert isinstance(page, EnvironmentPage)
    qtbot.keyClicks(page.env_edit, "A80462AA")
    assert not page.type_combo.isEnabled()
    assert page.type_combo.currentText() == "Acceptatie"
    page.env_edit.clear()
    qtbot.keyClicks(page.env_edit, "T80462AA")
    assert page.type_combo.currentText() == "Test"
