"""Small reusable widgets: status lines that never rely on colour alone, copy rows, checklists, the demo banner."""

from __future__ import annotations

from enum import StrEnum

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)


class Level(StrEnum):
    OK = "ok"
    INFO = "info"
    WARN = "warn"
    ERROR = "error"
    BUSY = "busy"


# Symbol + word, so the meaning survives colour blindness, greyscale screenshots and remote sessions.
SYMBOL = {Level.OK: "✔", Level.INFO: "ℹ", Level.WARN: "⚠", Level.ERROR: "✖", Level.BUSY: "…"}
_COLOUR = {Level.OK: "#1b6e20", Level.INFO: "#1f4e79", Level.WARN: "#8a5300", Level.ERROR: "#a31515", Level.BUSY: ""}


def level_word(level: Level) -> str:
    return {
        Level.OK: QCoreApplication.translate("Widgets", "OK"),
        Level.INFO: QCoreApplication.translate("Widgets", "Note"),
        Level.WARN: QCoreApplication.translate("Widgets", "Warning"),
        Level.ERROR: QCoreApplication.translate("Widgets", "Problem"),
        Level.BUSY: QCoreApplication.translate("Widgets", "Busy"),
    }[level]


class MessageLine(QLabel):
    """One status message: symbol, word and text; hidden when empty."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.level: Level | None = None
        self.hide()

    def show_message(self, level: Level, text: str) -> None:
        self.level = level
        word = level_word(level) if level in (Level.WARN, Level.ERROR) else ""
        self.setText(f"{SYMBOL[level]} {word}: {text}" if word else f"{SYMBOL[level]} {text}")
        colour = _COLOUR[level]
        self.setStyleSheet(f"color: {colour};" if colour else "")
        self.setAccessibleName(self.text())
        self.show()

    def clear_message(self) -> None:
        self.level = None
        self.setText("")
        self.setAccessibleName("")
        self.hide()


def heading(text: str = "") -> QLabel:
    label = QLabel(text)
    font = label.font()
    font.setBold(True)
    label.setFont(font)
    label.setWordWrap(True)
    return label


def paragraph(text: str = "") -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.RichText)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
    return label


class CopyRow(QWidget):
    """A value the user must type or find in AFAS, with a button that copies it."""

    copied = Signal(str)

    def __init__(self, value: str, caption: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.value = value
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.label = QLabel()
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.label.setWordWrap(True)
        self.button = QPushButton()
        self.button.clicked.connect(self._copy)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.button, 0, Qt.AlignmentFlag.AlignTop)
        self.caption = caption
        self.retranslate()

    def retranslate(self) -> None:
        shown = f"<code>{self.value}</code>" + (f" — {self.caption}" if self.caption else "")
        self.label.setText(shown)
        self.button.setText(QCoreApplication.translate("Widgets", "Copy"))
        self.button.setAccessibleName(QCoreApplication.translate("Widgets", "Copy {value}").format(value=self.value))

    def _copy(self) -> None:
        QGuiApplication.clipboard().setText(self.value)
        self.copied.emit(self.value)


class Checklist(QWidget):
    """Checkboxes keyed by item id; `toggled(item, on)` when the user ticks one."""

    toggled = Signal(str, bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(2)
        self.boxes: dict[str, QCheckBox] = {}
        self.rows: dict[str, QWidget] = {}

    def add(self, item: str, text: str, extra: QWidget | None = None) -> QCheckBox:
        box = QCheckBox(text)
        box.setAccessibleName(text)
        box.toggled.connect(lambda on, i=item: self.toggled.emit(i, on))
        if extra is None:
            self._layout.addWidget(box)
            self.rows[item] = box
        else:
            row = QWidget()
            h = QHBoxLayout(row)
            h.setContentsMargins(0, 0, 0, 0)
            h.addWidget(box, 1)
            h.addWidget(extra, 0)
            self._layout.addWidget(row)
            self.rows[item] = row
        self.boxes[item] = box
        return box

    def set_text(self, item: str, text: str) -> None:
        self.boxes[item].setText(text)
        self.boxes[item].setAccessibleName(text)

    def show_ticks(self, ticked: set[str]) -> None:
        for item, box in self.boxes.items():
            if box.isChecked() != (item in ticked):
                box.blockSignals(True)
                box.setChecked(item in ticked)
                box.blockSignals(False)


class Banner(QFrame):
    """A framed notice across the page (demo mode, stand-in files)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet("Banner { background: #fff4ce; border: 1px solid #c8a600; }")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.label.setStyleSheet("color: #3b2f00;")
        layout.addWidget(self.label)

    def set_text(self, text: str) -> None:
        self.label.setText(text)
        self.label.setAccessibleName(text)
