"""With all 24 links missing, the check's page and the link step its first fix opens fit the screen at 1024x600
(100 % and 125 %) and 1280x720 at 125 %: nothing scrolls sideways, no label or button is cut off, and the fix
banner's first sentence is in view with the focused item (issue 20, the layout case of 24 missing connectors)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.gui.probe_run import run_probe

pytestmark = [pytest.mark.gui, pytest.mark.loopback]

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize(
    ("width", "height", "scale", "lang"),
    [(1024, 600, 1.0, "nl"), (1024, 600, 1.25, "nl"), (1024, 600, 1.25, "en"), (1280, 720, 1.25, "nl")],
)
def test_every_link_missing_fits_the_screen(width: int, height: int, scale: float, lang: str) -> None:
    found = run_probe("tests.gui.many_missing_probe", str(width), str(height), str(scale), lang)
    assert found.pop("missing") == ["24"]  # the case is the one asked for: every link missing
    assert set(found) == {"verify (24 missing)", "link-connectors"}
    assert {page: problems for page, problems in found.items() if problems} == {}
