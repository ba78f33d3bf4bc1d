"""Every text on every page reaches 4.5:1 against what is behind it, in the dark and the light palette, in the demo
and on a failing check's fix page (the red rows, the banner, the hint under the page)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.gui.page_walk import contrast_problems, dark_or_light, walk
from wizard.ui.tour import Screen

pytestmark = [pytest.mark.gui, pytest.mark.loopback]


@pytest.mark.parametrize("dark", [True, False], ids=["dark", "light"])
@pytest.mark.parametrize("scenario", [None, "missing-connectors", "migrate"], ids=["demo", "missing", "migrate"])
def test_every_text_on_every_page_is_readable(qapp: Any, qtbot: Any, tmp_path: Path, dark: bool, scenario: str) -> None:
    """ "migrate": the move to OAuth, whose stages still to come are greyed yet must stay readable."""
    with dark_or_light(dark):
        found = walk(
            contrast_problems,
            tmp_path,
            screen=Screen(dark=dark),
            scenario=None if scenario == "migrate" else scenario,
            migrate=scenario == "migrate",
            wait=lambda done: qtbot.waitUntil(done, timeout=120_000),
        )
    assert len(found) >= 8
    assert {page: problems for page, problems in found.items() if problems} == {}
