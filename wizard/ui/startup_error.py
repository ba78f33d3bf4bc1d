"""When the wizard cannot start, say so in a window: a double-clicked program has no console to print to.

Wraps the composition root (`wizard.app.run_gui`): holds the installer's mutex while the wizard runs, picks the
language from the system's UI languages when none was given, and turns any exception escaping it into a message
box in the user's language that names the log file. The exception is re-raised afterwards, so the command line's
exit codes and one-line messages stay as they were.
"""

from __future__ import annotations

import argparse
import logging
import os
from collections.abc import Callable
from pathlib import Path

from wizard.domain.errors import UserFacingError
from wizard.domain.redact import redact
from wizard.domain.text import Lang, Text

log = logging.getLogger(__name__)

TITLE = Text(en="SmartBooqing AFAS Setup cannot start", nl="SmartBooqing AFAS Setup kan niet starten")
INTERNAL = Text(
    en="An internal error occurred ({kind}). Please report this to the SmartBooqing helpdesk.",
    nl="Er is een interne fout opgetreden ({kind}). Meld dit aan de SmartBooqing-helpdesk.",
)
SEE_LOG = Text(
    en="Details for the helpdesk are in this file:\n{path}",
    nl="Details voor de helpdesk staan in dit bestand:\n{path}",
)
NO_LOG = Text(en="No log file could be written.", nl="Er kon geen logbestand worden geschreven.")
UNATTENDED_CLOSE_MS = 300  # the tour runs unattended: its box closes itself so nothing waits for a click


def system_ui_lang() -> Lang:
    """The default language for the wizard: LC_ALL/LC_MESSAGES/LANG/LANGUAGE if set, else the system's UI
    languages as Qt reads them (a Mac started from Finder has no LANG)."""
    from PySide6.QtCore import QLocale

    from wizard.desktop.language import pick_lang

    return pick_lang(os.environ, QLocale.system().uiLanguages())


def failure_text(exc: BaseException, lang: Lang, log_path: Path | None) -> str:
    if isinstance(exc, UserFacingError):
        body = exc.message.get(lang)
    else:
        body = INTERNAL.format(kind=type(exc).__name__).get(lang)
    where = SEE_LOG.format(path=log_path).get(lang) if log_path else NO_LOG.get(lang)
    return redact(f"{body}\n\n{where}")


def _close_shown_box() -> None:
    """Close the box the user would see, and say in the log that there was one (tests read that line)."""
    from PySide6.QtWidgets import QApplication, QMessageBox

    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, QMessageBox) and widget.isVisible():
            log.warning("start-up error box shown: %s | %s", widget.windowTitle(), widget.text().replace("\n", " "))
            widget.done(0)


def show_failure_box(text: str, lang: Lang, *, unattended: bool) -> bool:
    """A modal message box; False when there is no display to show it on."""
    from wizard.desktop.display import has_display

    if not has_display():
        return False
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication, QMessageBox

    from wizard.ui.later import later

    app = QApplication.instance() or QApplication(["sbq-setup"])
    assert isinstance(app, QApplication)
    box = QMessageBox(QMessageBox.Icon.Critical, TITLE.get(lang), text, QMessageBox.StandardButton.Ok)
    box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)  # the path can be copied
    if unattended:
        later(box, UNATTENDED_CLOSE_MS, _close_shown_box)
    box.exec()
    return True


def run_gui_or_explain(run_gui: Callable[[argparse.Namespace], int], args: argparse.Namespace) -> int:
    from wizard.desktop.single_instance import hold_running_mutex
    from wizard.desktop.streams import record_failure

    if not getattr(args, "lang", None):
        args.lang = system_ui_lang().value
    lang = Lang(args.lang)
    with hold_running_mutex():
        try:
            return run_gui(args)
        except Exception as exc:
            path = record_failure(exc)
            try:
                show_failure_box(failure_text(exc, lang, path), lang, unattended=bool(getattr(args, "tour", None)))
            except Exception:  # the box is a courtesy; the original failure is what must reach the caller
                log.exception("could not show the start-up error box")
            raise
