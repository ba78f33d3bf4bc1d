"""`later`: every call runs once, in order, on the GUI thread; none once its owner is gone; no timer is deleted
(deleting a QTimer through deleteLater crashed PySide6 6.11 now and then, see wizard/ui/later.py) nor piles up."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, QTimer

from wizard.ui.later import later


def test_each_call_runs_once_in_order_and_a_call_may_ask_for_the_next(qtbot: Any) -> None:
    owner = QObject()
    ran: list[str] = []

    def first() -> None:
        ran.append("first")
        later(owner, 0, lambda: ran.append("asked by first"))

    later(owner, 0, first)
    later(owner, 0, lambda: ran.append("second"))
    qtbot.waitUntil(lambda: len(ran) == 3)
    qtbot.wait(20)
    assert ran == ["first", "second", "asked by first"]


def test_nothing_runs_once_the_owner_is_gone(qtbot: Any) -> None:
    owner = QObject()
    witness = QObject()
    ran: list[str] = []
    later(owner, 0, lambda: ran.append("owner's"))
    later(witness, 10, lambda: ran.append("witness's"))
    del owner  # the owner's C++ object goes with its last Python reference, and its timers with it
    qtbot.waitUntil(lambda: ran == ["witness's"])
    qtbot.wait(20)
    assert ran == ["witness's"]


def test_timers_are_reused_not_deleted_or_piled_up(qtbot: Any) -> None:
    owner = QObject()
    ran = [0]
    for _ in range(50):
        later(owner, 0, lambda: ran.__setitem__(0, ran[0] + 1))
        qtbot.waitUntil(lambda: not any(t.isActive() for t in owner.findChildren(QTimer)))
    assert ran[0] == 50
    assert len(owner.findChildren(QTimer)) == 1
