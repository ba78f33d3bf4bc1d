"""The window fits any screen from 1024x600 up: never larger than the available area, the button row always on it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QRect, QSize
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication

from tests.gui.conftest import WindowFactory
from wizard.domain.steps import StepId
from wizard.domain.text import Lang
from wizard.ui.frame import PREFERRED, Button, fit_rect

pytestmark = pytest.mark.gui

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize(
    ("available", "decoration"),
    [
        (QRect(0, 0, 1024, 560), QSize(16, 40)),  # 1024x600 with a 40 px taskbar
        (QRect(0, 0, 1024, 536), QSize(0, 0)),  # 1280x720 at 125 %, taskbar excluded (logical pixels)
        (QRect(1920, 30, 1366, 738), QSize(16, 40)),  # a second screen, right of the first, panel on top
    ],
)
def test_fit_rect_keeps_window_and_frame_inside_the_available_area(available: QRect, decoration: QSize) -> None:
    client = fit_rect(PREFERRED, available, decoration)
    outer = client.adjusted(-decoration.width() // 2, -(decoration.height() - decoration.width() // 2), 0, 0)
    outer.setRight(client.right() + decoration.width() // 2)
    outer.setBottom(client.bottom() + decoration.width() // 2)
    assert available.contains(outer), (outer, available)
    assert client.width() <= PREFERRED.width() and client.height() <= PREFERRED.height()


def test_fit_rect_leaves_a_large_screen_its_preferred_size_centred() -> None:
    client = fit_rect(PREFERRED, QRect(0, 0, 1920, 1040))
    assert client.size() == PREFERRED
    assert client.center().x() == pytest.approx(960, abs=1)


@pytest.mark.parametrize("lang", [Lang.NL, Lang.EN])
def test_the_window_can_be_as_small_as_a_1280x720_screen_at_125_percent(make_window: WindowFactory, lang: Lang) -> None:
    """1024x536 logical pixels is what 1280x720 at 125 % leaves under a taskbar: no page may ask for more."""
    window = make_window(demo=True, lang=lang)
    room = QSize(1024, 536)
    for step, page in window.pages.items():
        assert page.minimumSizeHint().height() < 400, step
    minimum = window.minimumSizeHint()
    assert minimum.width() <= room.width() and minimum.height() <= room.height(), minimum
    window.resize(room)
    for step in (StepId.WELCOME, StepId.ENVIRONMENT):
        assert window.current_step is step
        next_button = window.button(Button.NEXT)
        bottom = next_button.mapTo(window, next_button.rect().bottomRight()).y()
        assert bottom <= window.height(), (step, bottom, window.height())
        window.next()


def _tour(tmp_path: Path, *extra: str) -> tuple[subprocess.CompletedProcess[str], Path]:
    out = tmp_path / "tour"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    env.pop("QT_SCALE_FACTOR", None)
    script = "import sys; from wizard.app import main; sys.exit(main(sys.argv[1:]))"
    done = subprocess.run(
        [sys.executable, "-c", script, "--demo", "--tour", str(out), "--lang", "nl", *extra],
        env=env,
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
        cwd=ROOT,
    )
    return done, out


@pytest.mark.loopback
def test_a_tour_on_a_1280x720_screen_at_125_percent_fits_the_screen(tmp_path: Path) -> None:
    """One real offscreen run: a virtual screen of 1280x720 physical pixels, Qt scaling 1.25."""
    done, out = _tour(tmp_path, "--size", "1280x720", "--scale", "1.25")
    assert done.returncode == 0, done.stderr
    shots = sorted(out.glob("*.png"))
    assert len(shots) == 10
    for shot in shots:
        image = QImage(str(shot))
        # Physical pixels of the whole window: never more than the screen, and not a small window in a corner.
        assert 1200 <= image.width() <= 1280 and 650 <= image.height() <= 720, (shot.name, image.size())


def test_a_shown_window_opens_fitted_to_its_screen(make_window: WindowFactory) -> None:
    """The offscreen screen (800x800) is narrower than PREFERRED: the window opens already fitted to it."""
    window = make_window()
    window.show()
    available = window.screen().availableGeometry()
    assert available.width() < PREFERRED.width()
    assert available.contains(window.geometry()), (window.geometry(), available)


# The client area a real window manager leaves: the screen (logical pixels) less a 40 px taskbar and the title bar
# and borders (DECORATION_GUESS). Offscreen there is neither, which hid the side panel's scroll bar.
UNDER_A_WINDOW_MANAGER = {
    "1280x720 at 125 %": QSize(1024 - 16, 576 - 40 - 40),
    "1024x600 at 100 %": QSize(1024 - 16, 600 - 40 - 40),
}
# A failed check marks the steps to fix: each then reads "needs attention" on a second line.
AFTER_A_FAILED_CHECK = [StepId.IMPORT, StepId.APP_CONNECTOR, StepId.LINK_CONNECTORS, StepId.DOSSIER]


@pytest.mark.parametrize("screen", list(UNDER_A_WINDOW_MANAGER))
@pytest.mark.parametrize("attention", [False, True], ids=["demo", "failed-check"])
@pytest.mark.parametrize("lang", [Lang.NL, Lang.EN])
def test_the_side_panel_shows_all_steps_without_scrolling_in_a_real_window(
    make_window: WindowFactory, qtbot: Any, screen: str, attention: bool, lang: Lang
) -> None:
    window = make_window(demo=True, lang=lang)
    if attention:
        window.machine.state.attention = list(AFTER_A_FAILED_CHECK)
        window.step_list.refresh()
    window.resize(UNDER_A_WINDOW_MANAGER[screen])
    qtbot.waitUntil(lambda: window.size() == UNDER_A_WINDOW_MANAGER[screen])
    QApplication.processEvents()
    side = window._side
    assert not side.verticalScrollBar().isVisible(), (screen, side.viewport().height())
    viewport = side.viewport()
    assert window.demo_banner is not None
    shown = [window.demo_banner] + [b for b in window.step_list.labels.values() if b.isVisible()]
    assert len(shown) == 11  # the demo notice and all ten steps
    for widget in shown:
        bottom = widget.mapTo(viewport, widget.rect().bottomLeft()).y()
        assert bottom <= viewport.height(), (widget.text() if hasattr(widget, "text") else "demo", bottom)
