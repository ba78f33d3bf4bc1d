"""The wizard's language when the user did not choose one: a Dutch Mac started from Finder must get Dutch."""

from __future__ import annotations

import argparse

import pytest

from wizard.desktop.language import pick_lang
from wizard.domain.text import Lang


@pytest.mark.parametrize(
    ("env", "ui", "expected"),
    [
        ({}, ["nl-NL", "en-US"], Lang.NL),  # Finder: no LANG, the Mac's preferred languages decide
        ({}, ["nl-BE"], Lang.NL),
        ({}, ["de-DE", "nl-NL"], Lang.NL),  # the first language we speak
        ({}, ["de-DE", "fr-FR"], Lang.EN),
        ({}, ["en-GB", "nl-NL"], Lang.EN),
        ({}, [], Lang.EN),
        ({"LANG": "en_US.UTF-8"}, ["nl-NL"], Lang.EN),  # a terminal's locale wins, as on the command line
        ({"LC_ALL": "nl_NL.UTF-8", "LANG": "en_US.UTF-8"}, ["en-US"], Lang.NL),
        ({"LANG": ""}, ["nl"], Lang.NL),  # set but empty is not set
    ],
)
def test_pick_lang(env: dict[str, str], ui: list[str], expected: Lang) -> None:
    assert pick_lang(env, ui) is expected


@pytest.mark.gui
def test_the_gui_default_comes_from_qt_when_no_locale_variable_is_set(monkeypatch: pytest.MonkeyPatch) -> None:
    from wizard.ui import startup_error

    for var in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setattr(startup_error, "system_ui_lang", lambda: Lang.NL)
    seen: list[str] = []

    def fake_gui(args: argparse.Namespace) -> int:
        seen.append(args.lang)
        return 0

    assert startup_error.run_gui_or_explain(fake_gui, argparse.Namespace(lang=None, tour=None)) == 0
    assert seen == ["nl"]
    assert startup_error.run_gui_or_explain(fake_gui, argparse.Namespace(lang="en", tour=None)) == 0
    assert seen == ["nl", "en"]  # an explicit --lang is kept
