from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.gui.conftest import WindowFactory
from wizard import installation
from wizard.domain.text import Lang


def test_a_checkout_says_development_build_in_the_title(make_window: WindowFactory) -> None:
    window = make_window(demo=True, lang=Lang.NL)
    assert "ontwikkelversie" in window.windowTitle() and "DEMO" in window.windowTitle()


def test_a_release_bundle_does_not(make_window: WindowFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("wizard.ui.frame.is_development_build", lambda: False)
    window = make_window(lang=Lang.EN)
    assert window.windowTitle() == "SmartBooqing AFAS Setup"


def test_build_info_decides_development_or_release(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(installation, "root", lambda: tmp_path)
    assert installation.is_development_build()  # no build_info.json: a source checkout
    (tmp_path / "build_info.json").write_text(json.dumps({"version": "0.1.0", "development": False}))
    assert not installation.is_development_build()
    (tmp_path / "build_info.json").write_text("{ damaged")
    assert installation.is_development_build()  # when in doubt, never claim to be a release
