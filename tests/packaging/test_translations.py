"""A language the user chose that cannot be loaded is an error they see, in both languages, never silent English."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication

from wizard import installation
from wizard.app import main
from wizard.domain.text import Lang
from wizard.ui.i18n import TranslationMissingError, Translations, missing_box

pytestmark = pytest.mark.gui


@pytest.fixture
def no_catalogues(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    empty = tmp_path / "i18n"
    empty.mkdir()
    monkeypatch.setattr(installation, "i18n_dir", lambda: empty)
    return empty


def test_the_shipped_catalogues_load_in_both_languages(qapp: QApplication) -> None:
    translations = Translations(qapp)
    try:
        translations.install(Lang.NL)
        assert QCoreApplication.translate("WizardWindow", "Steps") != "Steps"  # Dutch text, not the source
        translations.install(Lang.EN)
        assert QCoreApplication.translate("WizardWindow", "Steps") == "Steps"
    finally:
        translations.install(Lang.EN)


def test_a_missing_catalogue_raises_and_keeps_the_current_language(qapp: QApplication, monkeypatch) -> None:
    translations = Translations(qapp)
    translations.install(Lang.NL)
    try:
        dutch = QCoreApplication.translate("WizardWindow", "Steps")
        monkeypatch.setattr(installation, "i18n_dir", lambda: Path("/nonexistent-sbq-i18n"))
        with pytest.raises(TranslationMissingError) as caught:
            translations.install(Lang.EN)
        assert translations.lang is Lang.NL  # nothing half-switched
        assert QCoreApplication.translate("WizardWindow", "Steps") == dutch
        assert "sbq_en.qm" in caught.value.text(Lang.EN)
    finally:
        monkeypatch.undo()
        translations.install(Lang.EN)


def test_the_message_box_says_it_in_dutch_and_english(qapp: QApplication, no_catalogues: Path) -> None:
    with pytest.raises(TranslationMissingError) as caught:
        Translations(qapp).install(Lang.NL)
    box = missing_box(caught.value)
    text = box.text()
    assert "could not be loaded" in text and "kon niet worden geladen" in text
    assert "sbq_nl.qm" in text and str(no_catalogues) in text and "--lang en" in text


def test_the_wizard_in_an_unloadable_language_exits_3_with_a_message(
    qapp: QApplication, no_catalogues: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(["--demo", "--tour", str(tmp_path / "tour"), "--lang", "nl"])
    err = capsys.readouterr().err
    assert code == 3
    assert "kon niet worden geladen" in err and "could not be loaded" in err
    assert "Traceback" not in err
    assert not (tmp_path / "tour").exists() or not list((tmp_path / "tour").iterdir())
