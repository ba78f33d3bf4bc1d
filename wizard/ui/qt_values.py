"""Qt enum values as plain numbers, for the widgets of the window's first paint.

PySide builds all ~95 enums of the `Qt` namespace the first time any of them is touched: ~20 ms, a fifth of a bare
window's start-up (issue 13). So the few settings the first page, the step list and the frame need before the window
shows go through Qt's property system, `QObject.setProperty(name, number)`, which Qt turns into the property's enum.
Everything later uses `Qt` as usual. tests/gui/test_qt_values.py holds each number equal to PySide's enum and checks
that the first paint leaves `Qt` untouched.
"""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from PySide6.QtCore import QObject

PLAIN_TEXT = 0  # Qt.TextFormat.PlainText
RICH_TEXT = 1  # Qt.TextFormat.RichText
SELECTABLE_BY_MOUSE = 1  # Qt.TextInteractionFlag.TextSelectableByMouse
ALIGN_RIGHT = 0x2  # Qt.AlignmentFlag.AlignRight
SCROLL_BAR_ALWAYS_OFF = 1  # Qt.ScrollBarPolicy.ScrollBarAlwaysOff


def set_properties(widget: QObject, **values: int) -> None:
    """Set Qt properties by name; a name the widget does not declare is an error (setProperty would quietly add a
    dynamic property instead)."""
    for name, value in values.items():
        if not widget.setProperty(name, value):
            raise ValueError(f"{type(widget).__name__} has no Qt property {name!r}")
