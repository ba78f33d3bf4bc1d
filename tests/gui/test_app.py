"""The composition root: what `sbq-setup` does before and around the window."""

from __future__ import annotations

import argparse

import pytest

from wizard.app import run_gui
from wizard.cli.common import ExitCode
from wizard.desktop.display import has_display


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_no_display_says_so_in_one_line_and_points_to_the_tour(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], lang: str
) -> None:
    monkeypatch.setattr("sys.platform", "linux")
    for var in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"):
        monkeypatch.delenv(var, raising=False)
    assert not has_display()
    code = run_gui(argparse.Namespace(lang=lang, demo=False, tour=None))
    out = capsys.readouterr()
    assert code == ExitCode.BAD_INPUT
    assert out.out == ""
    lines = out.err.strip().splitlines()
    assert len(lines) == 1 and "--demo --tour" in lines[0]


def test_a_display_or_platform_counts(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("sys.platform", "linux")
    for var in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("WAYLAND_DISPLAY", "wayland-0")
    assert has_display()
