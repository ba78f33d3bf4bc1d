"""Installing translations: Qt's own qtbase catalogue (Back/Next/Finish/Cancel) and the wizard's .qm files."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMessageBox

from wizard import installation
from wizard.domain.errors import UserFacingError
from wizard.domain.text import Lang, Text

log = logging.getLogger(__name__)

_MISSING_EN = (
    "The wizard's {name_en} text ({file}) could not be loaded from {folder}: this installation is incomplete. "
    "Reinstall SmartBooqing AFAS Setup, or start it in the other language (--lang {other})."
)
_MISSING_NL = (
    "De {name_nl} tekst van de wizard ({file}) kon niet worden geladen uit {folder}: deze installatie is "
    "onvolledig. Installeer SmartBooqing AFAS Setup opnieuw, of start in de andere taal (--lang {other})."
)
_NAMES = {Lang.NL: ("Dutch", "Nederlandse"), Lang.EN: ("English", "Engelse")}


def i18n_dir() -> Path:
    return installation.i18n_dir()


class TranslationMissingError(UserFacingError):
    """The chosen language's catalogue cannot be loaded. Said in both languages: the chosen one is unavailable."""

    def __init__(self, lang: Lang, qm: Path) -> None:
        name_en, name_nl = _NAMES[lang]
        other = Lang.EN.value if lang is Lang.NL else Lang.NL.value
        values = {"name_en": name_en, "name_nl": name_nl, "file": qm.name, "folder": str(qm.parent), "other": other}
        en, nl = _MISSING_EN.format(**values), _MISSING_NL.format(**values)
        super().__init__(Text(en=f"{en}\n{nl}", nl=f"{nl}\n{en}"), detail="")
        self.lang = lang
        self.qm = qm


def missing_box(exc: TranslationMissingError) -> QMessageBox:
    box = QMessageBox(QMessageBox.Icon.Critical, "SmartBooqing AFAS Setup", exc.text(exc.lang))
    box.setStandardButtons(QMessageBox.StandardButton.Close)
    return box


class Translations:
    """Owns the installed translators so a language switch replaces them instead of stacking them."""

    def __init__(self, app: QCoreApplication) -> None:
        self._app = app
        self._installed: list[QTranslator] = []
        self.lang: Lang | None = None

    def install(self, lang: Lang) -> None:
        """Switch to `lang`. Raises TranslationMissingError (nothing changed) when the wizard's catalogue cannot load:
        a user who chose Dutch must never silently get English."""
        own = QTranslator(self._app)
        qm = i18n_dir() / f"sbq_{lang.value}.qm"
        if not own.load(str(qm)):
            raise TranslationMissingError(lang, qm)
        for translator in self._installed:
            self._app.removeTranslator(translator)
        self._installed = []
        QLocale.setDefault(QLocale(lang.value))
        qtbase = QTranslator(self._app)
        if qtbase.load(
            QLocale(lang.value), "qtbase", "_", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        ):
            self._app.installTranslator(qtbase)
            self._installed.append(qtbase)
        elif lang is not Lang.EN:  # Qt's own catalogue: only its standard buttons stay English
            log.warning("Qt's own %s translation was not found; buttons stay English", lang.value)
        self._app.installTranslator(own)
        self._installed.append(own)
        self.lang = lang

    def install_at_start(self, lang: Lang) -> None:
        """`install`, and on a missing catalogue also a message box (the stderr line alone is invisible to someone
        who double-clicked); the caller's error handling then exits with its exit code."""
        try:
            self.install(lang)
        except TranslationMissingError as exc:
            if QGuiApplication.platformName() not in ("offscreen", "minimal"):
                missing_box(exc).exec()
            raise
