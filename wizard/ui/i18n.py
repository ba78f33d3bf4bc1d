"""Installing translations: Qt's own qtbase catalogue (Back/Next/Finish/Cancel) and the wizard's .qm files."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from wizard import resources
from wizard.domain.text import Lang

log = logging.getLogger(__name__)


def i18n_dir() -> Path:
    return resources.resources_dir() / "i18n"


class Translations:
    """Owns the installed translators so a language switch replaces them instead of stacking them."""

    def __init__(self, app: QCoreApplication) -> None:
        self._app = app
        self._installed: list[QTranslator] = []
        self.lang: Lang | None = None

    def install(self, lang: Lang) -> bool:
        """Switch to `lang`; returns False when the wizard's own catalogue is missing (English text then)."""
        for translator in self._installed:
            self._app.removeTranslator(translator)
        self._installed = []
        QLocale.setDefault(QLocale(lang.value))
        ok = True
        qtbase = QTranslator(self._app)
        if qtbase.load(
            QLocale(lang.value), "qtbase", "_", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        ):
            self._app.installTranslator(qtbase)
            self._installed.append(qtbase)
        elif lang is not Lang.EN:
            log.warning("Qt's own %s translation was not found; buttons stay English", lang.value)
        own = QTranslator(self._app)
        qm = i18n_dir() / f"sbq_{lang.value}.qm"
        if own.load(str(qm)):
            self._app.installTranslator(own)
            self._installed.append(own)
        elif lang is not Lang.EN:
            log.warning("translation %s is missing; run packaging/build_translations.py", qm.name)
            ok = False
        self.lang = lang
        return ok
