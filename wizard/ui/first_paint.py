"""An opt-in start-up probe: with `SBQ_FIRST_PAINT_PROBE=1` the wizard prints `SHOWN` on stdout the moment its window
has painted its first frame, and quits.

benchmarks/startup_bench.py times the wizard with it however it is installed (console script, wheel, frozen bundle),
and runs this file's own source in front of a bare PySide6 window for the floor, so both stop at the same moment:
Qt has handled the first expose event, which paints the window into its backing store and flushes it to the screen.
Only the shown window's events are filtered (a filter on the whole application would cost a Python call for every
event of every widget).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QWindow
from PySide6.QtWidgets import QApplication

ENV = "SBQ_FIRST_PAINT_PROBE"


class FirstPaint(QObject):
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Expose and isinstance(watched, QWindow) and watched.isExposed():
            watched.removeEventFilter(self)
            watched.event(event)  # paint and flush now, then say so
            print("SHOWN", flush=True)
            QApplication.quit()
            return True
        return False


def watch(app: QApplication) -> FirstPaint:
    """After the window is shown, before `app.exec()`; keep the returned object alive until then."""
    probe = FirstPaint()
    for window in app.topLevelWindows():
        window.installEventFilter(probe)
    return probe
