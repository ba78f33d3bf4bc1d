"""Putting the token on the clipboard as carefully as the platform allows (security-and-peers.md B5).

The copy is marked as a secret for clipboard managers (KDE, Windows history/cloud clipboard, macOS) and is
cleared after a delay only if the clipboard still holds it, so something the user copied since is never wiped.
"""

from __future__ import annotations

import hashlib

from PySide6.QtCore import QByteArray, QMimeData, QObject, QTimer, Slot
from PySide6.QtGui import QClipboard, QGuiApplication

CLEAR_AFTER_MS = 60_000

# The Qt spelling of the Windows clipboard formats CopyQ and KeePassXC honour.
_WIN = 'application/x-qt-windows-mime;value="{}"'
SECRET_HINTS: dict[str, bytes] = {
    "x-kde-passwordManagerHint": b"secret",
    _WIN.format("ExcludeClipboardContentFromMonitorProcessing"): b"\x01\x00\x00\x00",
    _WIN.format("CanIncludeInClipboardHistory"): b"\x00\x00\x00\x00",  # DWORD 0
    _WIN.format("CanUploadToCloudClipboard"): b"\x00\x00\x00\x00",  # DWORD 0
    "application/x-nspasteboard-concealed-type": b"secret",
}


def secret_mime(text: str) -> QMimeData:
    data = QMimeData()
    data.setText(text)
    for fmt, value in SECRET_HINTS.items():
        data.setData(fmt, QByteArray(value))
    return data


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


class SecretClipboard(QObject):
    """Copies a secret with hints and clears it later, but only if it is still what the clipboard holds."""

    def __init__(self, clear_after_ms: int = CLEAR_AFTER_MS, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._digest: str | None = None  # a hash, so this object never keeps the secret itself
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(clear_after_ms)
        self._timer.timeout.connect(self.clear_if_unchanged)

    @property
    def pending(self) -> bool:
        return self._timer.isActive()

    @staticmethod
    def _clipboard() -> QClipboard:
        return QGuiApplication.clipboard()

    def copy(self, secret: str) -> None:
        self._clipboard().setMimeData(secret_mime(secret))
        self._digest = _digest(secret)
        self._timer.start()

    @Slot()
    def clear_if_unchanged(self) -> bool:
        """Clear the clipboard when it still holds our secret; return whether it did."""
        self._timer.stop()
        digest, self._digest = self._digest, None
        if digest is None:
            return False
        if _digest(self._clipboard().text()) != digest:
            return False
        self._clipboard().clear()
        return True

    @staticmethod
    def clear_now() -> None:
        """The user asked: clear whatever is on the clipboard (e.g. the token AFAS's Kopiëren button put there)."""
        QGuiApplication.clipboard().clear()
