"""The Qt binding itself: PySide6 6.12.0 leaks a reference to None on every void call under CPython 3.11,
which aborts a long wizard session with "none_dealloc". This guards the pin in pyproject.toml."""

from __future__ import annotations

import sys

import pytest
from PySide6.QtWidgets import QLabel

pytestmark = pytest.mark.gui


def test_void_qt_calls_keep_none_alive(qtbot) -> None:
    label = QLabel()
    qtbot.addWidget(label)
    label.setText("warm-up")
    before = sys.getrefcount(None)
    for _ in range(1000):
        label.setText("x")  # a void C++ method: must return a new reference to None
    # Other threads may move None's count a little; a leaking binding moves it by ~1000.
    assert abs(sys.getrefcount(None) - before) < 100
