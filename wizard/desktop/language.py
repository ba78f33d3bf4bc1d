"""The wizard's default language on a desktop: the environment when it says, otherwise the system's UI languages.

Launched from Finder (or Explorer) there is no LANG, and Python's locale then says nothing useful: a Dutch Mac
would get English. Qt's `QLocale.system().uiLanguages()` reads the user's preferred languages on every platform;
the caller passes that list in, so this stays free of Qt.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from wizard.domain.text import Lang

LOCALE_VARS = ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE")  # the order wizard.domain.text.system_lang reads


def _lang_of(tag: str) -> Lang | None:
    code = tag.strip().lower().replace("_", "-")
    if code.startswith(("nl-", "dutch")) or code == "nl":
        return Lang.NL
    if code.startswith("en-") or code == "en":
        return Lang.EN
    return None


def pick_lang(env: Mapping[str, str], ui_languages: Sequence[str]) -> Lang:
    """The first locale variable that is set decides (as on the command line); otherwise the first of the user's
    UI languages that is Dutch or English; otherwise English."""
    for var in LOCALE_VARS:
        value = env.get(var, "")
        if value:
            return Lang.NL if value.lower().startswith("nl") else Lang.EN
    for tag in ui_languages:
        lang = _lang_of(tag)
        if lang is not None:
            return lang
    return Lang.EN
