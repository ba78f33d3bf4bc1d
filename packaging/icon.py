"""Draws the application icon with Qt (offscreen), so no binary artwork has to live in the repository."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path


def render(out_dir: Path) -> list[Path]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QRectF, Qt
    from PySide6.QtGui import QColor, QFont, QGuiApplication, QImage, QPainter, QPainterPath

    app = QGuiApplication.instance() or QGuiApplication([])
    out_dir.mkdir(parents=True, exist_ok=True)
    size = 256
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    path = QPainterPath()
    path.addRoundedRect(QRectF(8, 8, size - 16, size - 16), 48, 48)
    painter.fillPath(path, QColor("#1f5fa8"))
    painter.setPen(QColor("white"))
    font = QFont("DejaVu Sans", 96)
    font.setBold(True)
    painter.setFont(font)
    painter.drawText(QRectF(0, 0, size, size * 0.78), Qt.AlignmentFlag.AlignCenter, "SB")
    small = QFont("DejaVu Sans", 34)
    small.setBold(True)
    painter.setFont(small)
    painter.drawText(QRectF(0, size * 0.55, size, size * 0.35), Qt.AlignmentFlag.AlignCenter, "AFAS ✓")
    painter.end()
    written = []
    for name in ("icon.png", "icon.ico"):
        target = out_dir / name
        if not image.save(str(target)):
            print(f"icon: could not write {name} (no Qt image plugin for it)", file=sys.stderr)
            continue
        written.append(target)
    if sys.platform == "darwin" and written:
        # Qt's wheels carry no .icns writer; macOS's own sips converts the PNG for the .app bundle.
        subprocess.run(["sips", "-s", "format", "icns", str(out_dir / "icon.png"), "--out", str(out_dir / "icon.icns")],
                       check=True, capture_output=True)  # fmt: skip
        written.append(out_dir / "icon.icns")
    del app
    return written


if __name__ == "__main__":
    for item in render(Path(sys.argv[1] if len(sys.argv) > 1 else "build")):
        print(item)
