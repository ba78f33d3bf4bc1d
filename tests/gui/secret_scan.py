"""Find a secret anywhere a user, a screen reader, a screenshot or a remote helper could see it."""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QIODevice
from PySide6.QtGui import QAccessible, QAccessibleInterface
from PySide6.QtWidgets import QAbstractButton, QComboBox, QLabel, QLineEdit, QWidget


def widget_strings(root: QWidget) -> list[str]:
    found: list[str] = [root.windowTitle()]
    for w in [root, *root.findChildren(QWidget)]:
        found += [w.toolTip(), w.statusTip(), w.whatsThis(), w.accessibleName(), w.accessibleDescription()]
        if isinstance(w, QLabel | QAbstractButton):
            found.append(w.text())
        elif isinstance(w, QLineEdit):
            found += [w.text(), w.displayText(), w.placeholderText()]
        elif isinstance(w, QComboBox):
            found += [w.itemText(i) for i in range(w.count())]
    return [s for s in found if s]


def accessible_strings(root: QWidget) -> list[str]:
    found: list[str] = []
    roles = (QAccessible.Text.Name, QAccessible.Text.Value, QAccessible.Text.Description)

    def walk(iface: QAccessibleInterface | None, depth: int) -> None:
        if iface is None or depth > 40 or not iface.isValid():
            return
        found.extend(iface.text(role) for role in roles)
        for i in range(iface.childCount()):
            walk(iface.child(i), depth + 1)

    walk(QAccessible.queryAccessibleInterface(root), 0)
    return [s for s in found if s]


def screenshot_bytes(root: QWidget) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    root.grab().save(buffer, "PNG")
    return bytes(data.data())


def leaks(root: QWidget, forms: tuple[str, ...]) -> list[str]:
    """Every place one of `forms` shows up; empty when the secret is nowhere to be seen."""
    hits = [f"widget text: {s[:30]}…" for s in widget_strings(root) if any(f in s for f in forms)]
    hits += [f"accessibility: {s[:30]}…" for s in accessible_strings(root) if any(f in s for f in forms)]
    png = screenshot_bytes(root)
    hits += ["screenshot bytes" for f in forms if f.encode() in png]
    return hits
