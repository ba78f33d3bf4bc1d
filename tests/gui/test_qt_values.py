"""The numbers the first paint sets through Qt's property system are Qt's own, and do what the named enums do."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QScrollArea

from wizard.ui import qt_values
from wizard.ui.widgets import MessageLine, paragraph

pytestmark = pytest.mark.gui


def test_each_number_is_the_enum_it_stands_for() -> None:
    assert Qt.TextFormat.PlainText.value == qt_values.PLAIN_TEXT
    assert Qt.TextFormat.RichText.value == qt_values.RICH_TEXT
    assert Qt.TextInteractionFlag.TextSelectableByMouse.value == qt_values.SELECTABLE_BY_MOUSE
    assert Qt.AlignmentFlag.AlignRight.value == qt_values.ALIGN_RIGHT
    assert Qt.ScrollBarPolicy.ScrollBarAlwaysOff.value == qt_values.SCROLL_BAR_ALWAYS_OFF


def test_the_widgets_get_the_enums_through_their_properties(qapp: QApplication) -> None:
    text = paragraph("<b>bold</b>")
    assert text.textFormat() is Qt.TextFormat.RichText
    assert text.textInteractionFlags() == Qt.TextInteractionFlag.TextSelectableByMouse
    line = MessageLine()
    assert line.textFormat() is Qt.TextFormat.PlainText  # AFAS's words are never read as markup
    label = QLabel()
    qt_values.set_properties(label, alignment=qt_values.ALIGN_RIGHT)
    assert label.alignment() == Qt.AlignmentFlag.AlignRight
    scroll = QScrollArea()
    qt_values.set_properties(scroll, horizontalScrollBarPolicy=qt_values.SCROLL_BAR_ALWAYS_OFF)
    assert scroll.horizontalScrollBarPolicy() is Qt.ScrollBarPolicy.ScrollBarAlwaysOff


def test_a_property_the_widget_does_not_have_is_an_error(qapp: QApplication) -> None:
    with pytest.raises(ValueError, match="textFromat"):
        qt_values.set_properties(QLabel(), textFromat=qt_values.RICH_TEXT)
