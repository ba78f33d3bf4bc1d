"""Run by test_layout.py in a process of its own (QT_SCALE_FACTOR is read when QApplication starts): walk every page
on a screen of the given size and scaling and print what scrolls sideways or is cut off, as JSON.

    python -m tests.gui.layout_probe WIDTH HEIGHT SCALE LANG [SCENARIO | migrate]
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path


def main(argv: list[str]) -> int:
    width, height, scale, lang = int(argv[0]), int(argv[1]), float(argv[2]), argv[3]
    extra = argv[4] if len(argv) > 4 else None
    migrate = extra == "migrate"
    scenario = None if migrate else extra
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from wizard.ui.tour import Screen, prepare_screen

    screen = Screen((width, height), scale)
    prepare_screen(screen)
    from PySide6.QtCore import QEventLoop
    from PySide6.QtWidgets import QApplication

    from tests.gui.page_walk import layout_problems, walk
    from wizard.domain.text import Lang
    from wizard.ui.palette import install

    app = QApplication([])
    install(app)

    def wait(done: Callable[[], bool]) -> None:
        deadline = time.monotonic() + 150
        while not done() and time.monotonic() < deadline:
            app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
            time.sleep(0.005)

    with tempfile.TemporaryDirectory() as folder:
        found = walk(
            layout_problems, Path(folder), screen=screen, scenario=scenario, lang=Lang(lang), migrate=migrate, wait=wait
        )
    print(json.dumps(found))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
