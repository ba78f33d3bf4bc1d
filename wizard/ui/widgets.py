"""Small reusable widgets: status lines that never rely on colour alone, copy buttons that say where the value goes,
checklists, the demo banner, the state icons."""

from __future__ import annotations

import html
from enum import StrEnum

from PySide6.QtCore import QCoreApplication, QEvent, QPoint, QRect, QSize, Qt, Signal
from PySide6.QtGui import (
    QAccessible,
    QAccessibleAnnouncementEvent,
    QColor,
    QGuiApplication,
    QIcon,
    QImage,
    QPainter,
    QPaintEvent,
    QPalette,
    QPixmap,
)
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import (
    QAbstractButton,
    QCheckBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLayout,
    QLayoutItem,
    QPushButton,
    QRadioButton,
    QSizePolicy,
    QStyle,
    QStyleOptionButton,
    QVBoxLayout,
    QWidget,
    QWidgetItem,
)

from wizard import installation
from wizard.domain.presentation import STATUS_LOOK, Status, Tone
from wizard.ui.palette import banner, set_tone


class Level(StrEnum):
    OK = "ok"
    INFO = "info"
    WARN = "warn"
    ERROR = "error"
    BUSY = "busy"


# Symbol + word, so the meaning survives colour blindness, greyscale screenshots and remote sessions.
SYMBOL = {Level.OK: "✔", Level.INFO: "ℹ", Level.WARN: "⚠", Level.ERROR: "✖", Level.BUSY: "…"}


def level_tone(level: Level) -> Tone | None:
    """A message's tone, from the one status table (a note has no check status of its own; busy has no colour)."""
    return {
        Level.OK: STATUS_LOOK[Status.PASS].tone,
        Level.INFO: Tone.NOTE,
        Level.WARN: STATUS_LOOK[Status.WARN].tone,
        Level.ERROR: STATUS_LOOK[Status.FAIL].tone,
        Level.BUSY: None,
    }[level]


def level_word(level: Level) -> str:
    return {
        Level.OK: QCoreApplication.translate("Widgets", "OK"),
        Level.INFO: QCoreApplication.translate("Widgets", "Note"),
        Level.WARN: QCoreApplication.translate("Widgets", "Warning"),
        Level.ERROR: QCoreApplication.translate("Widgets", "Problem"),
        Level.BUSY: QCoreApplication.translate("Widgets", "Busy"),
    }[level]


class MessageLine(QLabel):
    """One status message: symbol, word and text; hidden when empty. A validation line under a field keeps
    `reserve` lines of room while empty, so the buttons below it never move under the pointer when it appears."""

    def __init__(self, parent: QWidget | None = None, *, reserve: int = 0) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.level: Level | None = None
        self.reserve = reserve
        self._reserve_room()
        if not reserve:
            self.hide()  # (never show() here: without a parent yet, that would open it as a window of its own)

    def _reserve_room(self) -> None:
        if self.reserve:
            self.setMinimumHeight(self.reserve * self.fontMetrics().lineSpacing() + 2)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.FontChange:
            self._reserve_room()
        super().changeEvent(event)

    def show_message(self, level: Level, text: str) -> None:
        self.level = level
        word = level_word(level) if level in (Level.WARN, Level.ERROR) else ""
        self.setText(f"{SYMBOL[level]} {word}: {text}" if word else f"{SYMBOL[level]} {text}")
        set_tone(self, level_tone(level))  # readable in the light and the dark palette
        self.setAccessibleName(self.text())
        self.show()
        if level is not Level.BUSY and self.isVisible():  # a result a screen reader says without moving the focus
            event = QAccessibleAnnouncementEvent(self, self.text())
            if level is Level.ERROR:
                event.setPoliteness(QAccessible.AnnouncementPoliteness.Assertive)
            QAccessible.updateAccessibility(event)

    def clear_message(self) -> None:
        self.level = None
        set_tone(self, None)
        self.setText("")
        self.setAccessibleName("")
        self.setVisible(self.reserve > 0)


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


class CopyButton(QPushButton):
    """Copies `value`; when `where` is given (an AFAS label such as the tab 'GetConnectoren') the button says where
    the value goes: "Copy for GetConnectoren". Its accessible name holds the value, so 24 of them are not alike."""

    copied = Signal(str)

    def __init__(self, value: str, where: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.value = value
        self.where = where
        self.clicked.connect(self._copy)
        self.retranslate()

    def set_where(self, where: str) -> None:
        self.where = where
        self.retranslate()

    def retranslate(self) -> None:
        if self.where:
            self.setText(QCoreApplication.translate("Widgets", "Copy for {where}").format(where=self.where))
            self.setAccessibleName(
                QCoreApplication.translate("Widgets", "Copy {value} for {where}").format(
                    value=self.value, where=self.where
                )
            )
            self.setToolTip(
                QCoreApplication.translate("Widgets", "Copies {value}; paste it in AFAS at {where}").format(
                    value=self.value, where=self.where
                )
            )
        else:
            self.setText(QCoreApplication.translate("Widgets", "Copy"))
            self.setAccessibleName(QCoreApplication.translate("Widgets", "Copy {value}").format(value=self.value))
            self.setToolTip("")

    def _copy(self) -> None:
        QGuiApplication.clipboard().setText(self.value)
        self.copied.emit(self.value)


class CopyRow(QWidget):
    """A value the user must type or find in AFAS, with a button that copies it (and says where it goes)."""

    copied = Signal(str)

    def __init__(self, value: str, caption: str = "", parent: QWidget | None = None, *, where: str = "") -> None:
        super().__init__(parent)
        self.value = value
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.label = QLabel()
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.label.setWordWrap(True)
        self.button = CopyButton(value, where)
        self.button.copied.connect(self.copied)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.button, 0, Qt.AlignmentFlag.AlignTop)
        self.caption = caption
        self.retranslate()

    def set_where(self, where: str) -> None:
        self.button.set_where(where)

    def retranslate(self) -> None:
        # A path is the user's folder ("Jansen & Zn", "<oud>"): shown as typed, never read as markup.
        value, caption = html.escape(self.value), html.escape(self.caption)
        shown = f"<code>{value}</code>" + (f" — {caption}" if caption else "")
        self.label.setText(shown)
        self.button.retranslate()


_WRAP = Qt.TextFlag.TextWordWrap | Qt.TextFlag.TextShowMnemonic | Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop


class _Wrapping:
    """A checkbox or radio button whose text wraps like a paragraph instead of widening the page (a long connector
    name, a translated option): Qt's own draw their text on one line, so 24 of them scroll sideways at 1024x600."""

    _indicator = QStyle.PrimitiveElement.PE_IndicatorCheckBox
    _indicator_rect = QStyle.SubElement.SE_CheckBoxIndicator

    def _setup(self: QAbstractButton) -> None:  # type: ignore[misc]
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)

    def _option(self) -> QStyleOptionButton:
        option = QStyleOptionButton()
        self.initStyleOption(option)  # type: ignore[attr-defined]
        return option

    def _indent(self) -> int:
        widget: QAbstractButton = self  # type: ignore[assignment]
        option = self._option()
        box = widget.style().subElementRect(self._indicator_rect, option, widget)
        return box.width() + widget.style().pixelMetric(QStyle.PixelMetric.PM_CheckBoxLabelSpacing, option, widget) + 2

    def _shown_text(self) -> str:
        widget: QAbstractButton = self  # type: ignore[assignment]
        return widget.text().replace("&&", "\0").replace("&", "").replace("\0", "&")

    def _text_rect(self, width: int) -> QRect:
        widget: QAbstractButton = self  # type: ignore[assignment]
        room = max(1, width - self._indent())
        return widget.fontMetrics().boundingRect(QRect(0, 0, room, 100_000), int(_WRAP), widget.text())

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        widget: QAbstractButton = self  # type: ignore[assignment]
        indicator = widget.style().pixelMetric(QStyle.PixelMetric.PM_IndicatorHeight, self._option(), widget)
        return max(indicator, self._text_rect(width).height()) + 4

    def sizeHint(self) -> QSize:
        width = self._indent() + min(self._text_rect(100_000).width(), 420) + 2
        return QSize(width, self.heightForWidth(width))

    def minimumSizeHint(self) -> QSize:
        widget: QAbstractButton = self  # type: ignore[assignment]
        words = self._shown_text().split() or [""]
        width = self._indent() + max(widget.fontMetrics().horizontalAdvance(w) for w in words) + 2
        # The height at the preferred width, as QLabel does: at the narrowest width a layout would reserve a
        # word per line and scroll a page that has nothing to scroll.
        return QSize(min(width, 240), self.heightForWidth(self.sizeHint().width()))

    def hitButton(self, pos: QPoint) -> bool:
        widget: QAbstractButton = self  # type: ignore[assignment]
        return widget.rect().contains(pos)

    def paintEvent(self, event: QPaintEvent) -> None:
        widget: QAbstractButton = self  # type: ignore[assignment]
        painter = QPainter(widget)
        option = self._option()
        style = widget.style()
        text = self._text_rect(widget.width()).translated(self._indent(), 2)
        box = style.subElementRect(self._indicator_rect, option, widget)
        line = widget.fontMetrics().height()
        box.moveTop(2 + max(0, (line - box.height()) // 2))  # beside the first line, not the middle of five
        option.rect = box
        style.drawPrimitive(self._indicator, option, painter, widget)
        group = QPalette.ColorGroup.Active if widget.isEnabled() else QPalette.ColorGroup.Disabled
        painter.setPen(widget.palette().color(group, widget.foregroundRole()))
        painter.drawText(text.adjusted(0, 0, 2, 0), int(_WRAP), widget.text())  # the mnemonic underlined
        if widget.hasFocus():
            focus = QStyleOptionButton()
            focus.initFrom(widget)
            focus.rect = text.adjusted(-2, -1, 2, 1)
            style.drawPrimitive(QStyle.PrimitiveElement.PE_FrameFocusRect, focus, painter, widget)
        painter.end()


class WrappingCheckBox(_Wrapping, QCheckBox):
    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self._setup()


class WrappingRadioButton(_Wrapping, QRadioButton):
    _indicator = QStyle.PrimitiveElement.PE_IndicatorRadioButton
    _indicator_rect = QStyle.SubElement.SE_RadioButtonIndicator

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self._setup()


class ButtonRow(QLayout):
    """Buttons side by side while they fit, the next one on a new line when they do not (a German or Dutch label,
    125 % scaling): a row of buttons never makes the page scroll sideways."""

    def __init__(self, parent: QWidget | None = None, spacing: int = 6) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self.setContentsMargins(0, 0, 0, 0)
        self.setSpacing(spacing)

    def addItem(self, item: QLayoutItem) -> None:
        self._items.append(item)

    def insertWidget(self, index: int, widget: QWidget) -> None:
        self.addChildWidget(widget)
        self.addItem(QWidgetItem(widget))
        self._items.insert(index, self._items.pop())
        self.invalidate()

    def addStretch(self, _stretch: int = 0) -> None:
        """A row is already left-aligned; kept so it reads like QHBoxLayout."""

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._place(QRect(0, 0, width, 0), move=False)

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        self._place(rect, move=True)

    def sizeHint(self) -> QSize:
        shown = [i.sizeHint() for i in self._items if not i.isEmpty()]
        width = sum(s.width() for s in shown) + self.spacing() * max(0, len(shown) - 1)
        return QSize(width, max((s.height() for s in shown), default=0))

    def minimumSize(self) -> QSize:
        shown = [i.minimumSize() for i in self._items if not i.isEmpty()]
        return QSize(max((s.width() for s in shown), default=0), max((s.height() for s in shown), default=0))

    def _place(self, rect: QRect, *, move: bool) -> int:
        x, y, line = rect.x(), rect.y(), 0
        for item in self._items:
            if item.isEmpty():
                continue
            hint = item.sizeHint()
            if x > rect.x() and x + hint.width() > rect.right() + 1:
                x, y, line = rect.x(), y + line + self.spacing(), 0
            if move:
                item.setGeometry(QRect(QPoint(x, y), hint))
            x += hint.width() + self.spacing()
            line = max(line, hint.height())
        return y + line - rect.y()


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
        box = WrappingCheckBox(text)
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


def paint_banner(frame: QFrame, label: QLabel, tone: Tone) -> None:
    """A framed notice's tint, border and text in `tone`, for the current palette (light or dark)."""
    look = banner(frame.palette(), tone)
    name = frame.objectName() or type(frame).__name__
    sheets = (
        (frame, f"#{name} {{ background: {look.background}; border: 1px solid {look.border}; }}"),
        (label, f"color: {look.text};"),
    )
    if not frame.objectName():
        frame.setObjectName(name)
    for widget, sheet in sheets:
        if widget.styleSheet() != sheet:
            widget.setStyleSheet(sheet)


class Banner(QFrame):
    """A framed notice across the page (demo mode, stand-in files)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        self.label = QLabel()
        self.label.setWordWrap(True)
        layout.addWidget(self.label)
        self._colour()

    def _colour(self) -> None:
        paint_banner(self, self.label, Tone.CAUTION)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.PaletteChange:  # light <-> dark
            self._colour()
        super().changeEvent(event)

    def set_text(self, text: str) -> None:
        self.label.setText(text)
        self.label.setAccessibleName(text)


class StateIcon(StrEnum):
    """The step list's states, drawn as our own SVGs in resources/svg (shape differs, not only colour)."""

    CURRENT = "current"
    DONE = "done"
    ATTENTION = "attention"
    TODO = "todo"


def svg_path(name: str) -> str:
    return str(installation.svg_dir() / f"{name}.svg")


def svg_pixmap(name: str, size: int, ratio: float = 1.0) -> QPixmap:
    """resources/svg/<name>.svg drawn at `size` logical pixels (sharp at `ratio`, the screen's device pixel ratio).
    Drawn with QSvgRenderer rather than QIcon's SVG plugin, which the desktop bundle leaves out."""
    side = max(1, round(size * ratio))
    image = QImage(side, side, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(QColor(0, 0, 0, 0))
    painter = QPainter(image)
    QSvgRenderer(svg_path(name)).render(painter)
    painter.end()
    pixmap = QPixmap.fromImage(image)
    pixmap.setDevicePixelRatio(ratio)
    return pixmap


def state_icon(state: StateIcon, ratio: float = 1.0) -> QIcon:
    """The state's icon, the same when its step button is disabled (Qt would grey it: "current" would look "to do")."""
    pixmap = svg_pixmap(f"state-{state.value}", 16, ratio)
    icon = QIcon()
    icon.addPixmap(pixmap, QIcon.Mode.Normal)
    icon.addPixmap(pixmap, QIcon.Mode.Disabled)
    return icon
