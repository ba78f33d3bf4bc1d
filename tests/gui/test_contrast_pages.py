"""Every text on every page reaches 4.5:1 against what is behind it, in the dark and the light palette, in Dutch and
English, in the demo and on a failing check's fix page (the red rows, the banner, the hint under the page)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.gui.page_walk import contrast_problems, dark_or_light, walk
from wizard.domain.text import Lang
from wizard.ui.tour import Screen

pytestmark = [pytest.mark.gui, pytest.mark.loopback]


WALKS = [(lang, scenario) for lang in Lang for scenario in (None, "missing-connectors")] + [(Lang.NL, "migrate")]


@pytest.mark.parametrize("dark", [True, False], ids=["dark", "light"])
@pytest.mark.parametrize(
    ("lang", "scenario"), WALKS, ids=[f"{lang.value}-{scenario or 'demo'}" for lang, scenario in WALKS]
)
def test_every_text_on_every_page_is_readable(  # noqa: PLR0917 (pytest's fixtures and parameters)
    qapp: Any, qtbot: Any, tmp_path: Path, dark: bool, scenario: str, lang: Lang
) -> None:
    """ "migrate": the move to OAuth, whose stages still to come are greyed yet must stay readable."""
    with dark_or_light(dark):
        found = walk(
            contrast_problems,
            tmp_path,
            screen=Screen(dark=dark),
            lang=lang,
            scenario=None if scenario == "migrate" else scenario,
            migrate=scenario == "migrate",
            wait=lambda done: qtbot.waitUntil(done, timeout=120_000),
        )
    assert len(found) >= 8
    assert {page: problems for page, problems in found.items() if problems} == {}
