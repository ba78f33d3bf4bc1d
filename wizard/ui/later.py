"""`later(owner, ms, call)`: call a function on the GUI thread after `ms` milliseconds (0: once the events already
queued are handled), unless `owner` is gone by then.

Use it instead of `QTimer.singleShot(ms, [context,] callable)`. With PySide6 6.11 a QTimer that Python has touched
and Qt deletes through `deleteLater` - which is what that overload does after the timer fired - sometimes has its
Python side freed first; Shiboken then reads the freed object while Qt deletes the timer. It crashed about 1 in 30
demo tours of the move to OAuth with SIGSEGV in `Shiboken::BindingManager::releaseWrapper` (gdb: the wrapper, a
`PySide6.QtCore.QTimer`, had reference count 0), and the same with our own timers deleted that way (8 in 120).
So no timer is deleted here: each owner keeps its timers as children and reuses an idle one; they go with the owner.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, QTimer


class _Later(QTimer):
    def __init__(self, owner: QObject) -> None:
        super().__init__(owner)
        self.setSingleShot(True)
        self.call: Callable[[], object] | None = None
        self.timeout.connect(self._fire)

    def _fire(self) -> None:
        call, self.call = self.call, None  # idle again before the call, which may ask for another
        if call is not None:
            call()


def later(owner: QObject, ms: int, call: Callable[[], object]) -> None:
    idle = (t for t in owner.findChildren(_Later, options=Qt.FindChildOption.FindDirectChildrenOnly) if t.call is None)
    timer = next(idle, None) or _Later(owner)
    timer.call = call
    timer.start(ms)
