"""Small drawings of the AFAS screen for each AFAS step, with the field to change highlighted.

Drawn by us as SVG text at run time from `wizard.data.screens()`, so every AFAS label in a picture is the same one
the page's instructions use (one home for the labels) - never AFAS's screenshots. The labels on the "screen" are
AFAS's Dutch ones (that is what the user sees in Profit); the caption under it speaks the reader's language and
glosses the Dutch label for English readers. `ILLUSTRATED` maps a step to its drawing; base.py shows it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from html import escape
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QRectF, QSize, Qt
from PySide6.QtGui import QFont, QFontMetricsF, QPainter, QPaintEvent
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QLabel, QSizePolicy, QVBoxLayout, QWidget

from wizard.data import load_manifest, screens
from wizard.domain.steps import StepId
from wizard.domain.text import Lang, Text

if TYPE_CHECKING:  # pydantic models: they load with the first drawing, after the first paint
    from wizard.domain.afas_screens import Label

WIDTH, HEIGHT = 520, 250


FONT = "font-family='Segoe UI, Helvetica, Arial, sans-serif'"
INK, MUTED, LINE, PANEL, ACCENT = "#1a1a1a", "#5c5c5c", "#b8b8b8", "#f3f3f3", "#d9480f"
CHAR_WIDTH = 6.6  # average width of a 12 px character: enough to size boxes around labels


CAPTION_ROOM = WIDTH - 24  # inside the caption box, with its margins


def caption_width(value: str, size: int) -> float:
    """How wide `value` is drawn in bold at `size` px with the fonts this machine has (the SVG's family list)."""
    font = QFont(["Segoe UI", "Helvetica", "Arial", "sans-serif"])
    font.setPixelSize(size)
    font.setBold(True)
    return QFontMetricsF(font).horizontalAdvance(value)


def caption_lines(value: str) -> list[str]:
    """`value` on one line at 12 px if it fits, else as two balanced lines (drawn at 11 px)."""
    if caption_width(value, 12) <= CAPTION_ROOM:
        return [value]
    words = value.split(" ")
    splits = [(" ".join(words[:i]), " ".join(words[i:])) for i in range(1, len(words))]
    if not splits:
        return [value]
    best = min(splits, key=lambda pair: max(caption_width(pair[0], 11), caption_width(pair[1], 11)))
    return list(best)


@dataclass
class Drawing:
    """SVG elements in drawing order; `highlight` draws the accent frame that says "change this"."""

    parts: list[str] = field(default_factory=list)

    def rect(self, x: float, y: float, w: float, h: float, *, fill: str = "#ffffff", stroke: str = LINE) -> None:
        self.parts.append(f"<rect x='{x}' y='{y}' width='{w}' height='{h}' rx='3' fill='{fill}' stroke='{stroke}'/>")

    def text(self, x: float, y: float, value: str, *, size: int = 12, colour: str = INK, bold: bool = False) -> None:
        weight = " font-weight='bold'" if bold else ""
        shown = escape(value)
        self.parts.append(f"<text x='{x}' y='{y}' {FONT} font-size='{size}' fill='{colour}'{weight}>{shown}</text>")

    def button(self, x: float, y: float, value: str) -> float:
        """A button sized to its label; returns its width."""
        w = len(value) * CHAR_WIDTH + 18
        self.rect(x, y, w, 22, fill="#ffffff")
        self.text(x + 9, y + 15, value)
        return w

    def checkbox(self, x: float, y: float, label: str, ticked: bool) -> float:
        self.rect(x, y, 13, 13)
        if ticked:
            self.parts.append(f"<path d='M{x + 3} {y + 7} l3 3 l5 -6' fill='none' stroke='{INK}' stroke-width='2'/>")
        self.text(x + 20, y + 11, label)
        return 20 + len(label) * CHAR_WIDTH

    def highlight(self, x: float, y: float, w: float, h: float) -> None:
        self.parts.append(
            f"<rect x='{x - 4}' y='{y - 4}' width='{w + 8}' height='{h + 8}' rx='5' fill='none' "
            f"stroke='{ACCENT}' stroke-width='3'/>"
        )

    def window(self, title: str, breadcrumb: str = "") -> None:
        self.rect(1, 1, WIDTH - 2, HEIGHT - 44, fill="#ffffff", stroke="#8c8c8c")
        self.parts.append(f"<rect x='1' y='1' width='{WIDTH - 2}' height='28' rx='3' fill='#2f5f8f'/>")
        self.text(12, 20, title, size=13, colour="#ffffff", bold=True)
        if breadcrumb:
            self.text(12, 46, breadcrumb, size=11, colour=MUTED)

    def tabs(self, labels: list[Label], active: Label, y: float = 58) -> dict[str, tuple[float, float]]:
        """AFAS's tabs on the left of a properties screen; returns each tab's (y, width) for highlighting."""
        self.rect(10, y - 4, 150, len(labels) * 20 + 6, fill=PANEL)
        where = {}
        for index, label in enumerate(labels):
            top = y + index * 20
            if label == active:
                self.parts.append(f"<rect x='12' y='{top - 2}' width='146' height='19' fill='#dce8f5'/>")
            self.text(20, top + 12, label.nl, bold=label == active)
            where[label.nl] = (top - 2, 146.0)
        return where

    def caption(self, value: str) -> None:
        """The caption box under the screen: one line, or two smaller ones when one would run past the edge."""
        self.parts.append(
            f"<rect x='1' y='{HEIGHT - 36}' width='{WIDTH - 2}' height='34' rx='4' fill='#fff4e8' stroke='{ACCENT}'/>"
        )
        lines = caption_lines("➜ " + value)
        size = 12 if len(lines) == 1 else 11
        for index, line in enumerate(lines):
            y = HEIGHT - 14 if len(lines) == 1 else HEIGHT - 22 + index * 14
            self.text(12, y, line, size=size, colour="#7a2800", bold=True)

    def finish(self, caption: str) -> tuple[str, str]:
        """The caption drawn under the screen; the SVG (described by the caption) and the caption itself."""
        self.caption(caption)
        return self.svg(caption), caption

    def svg(self, description: str) -> str:
        body = "\n  ".join(self.parts)
        return (
            f"<svg xmlns='http://www.w3.org/2000/svg' width='{WIDTH}' height='{HEIGHT}' "
            f"viewBox='0 0 {WIDTH} {HEIGHT}'>\n  <title>{escape(description)}</title>\n  {body}\n</svg>\n"
        )


def _say(label: Label, lang: Lang) -> str:
    """An AFAS label in a caption: Dutch as on screen, with the English gloss for English readers."""
    return label.glossed.get(lang)


def app_connector(lang: Lang) -> tuple[str, str]:
    s = screens().app_connector
    d = Drawing()
    d.window(s.title.nl, s.breadcrumb.nl)
    t = s.tabs
    d.tabs([t.general, t.get, t.update, t.special, t.tokens, t.ip, t.log], t.general)
    # Filled in as the step's text says: the name, and the existing group chosen (an empty box read as "leave it").
    ours = load_manifest().app_connector
    d.text(180, 72, s.fields.description.nl, colour=MUTED)
    d.rect(300, 59, 200, 20)
    d.text(306, 73, ours.description, colour=MUTED)
    d.text(180, 102, s.fields.user_group.nl, colour=MUTED)
    d.rect(300, 89, 200, 20)
    d.text(306, 103, ours.user_group_nl, colour=MUTED)
    width = d.checkbox(180, 124, s.fields.blocked.nl, ticked=False)
    d.highlight(180, 124, width, 13)
    d.button(180, 168, s.buttons.save_close.nl)
    caption = Text(en="Untick {f} and save", nl="Vink {f} uit en sla op").format(f=_say(s.fields.blocked, lang))
    return d.finish(caption.get(lang))


def import_files(lang: Lang) -> tuple[str, str]:
    s = screens().getconnector_list
    dialog = screens().import_definitions
    b = s.buttons
    d = Drawing()
    d.window(s.title.nl, s.breadcrumb.nl)
    x = 12.0
    for label in (b.new, b.definition):
        x += d.button(x, 58, label.nl) + 6
    more = f"{b.more_actions.nl} ▾"
    more_x = x
    more_w = d.button(x, 58, more)
    d.highlight(more_x, 58, more_w, 22)
    menu_w = max(len(b.import_action.nl) * CHAR_WIDTH + 30, more_w)
    d.rect(more_x, 84, menu_w, 26, fill="#ffffff", stroke="#8c8c8c")
    d.text(more_x + 10, 101, b.import_action.nl, bold=True)
    d.highlight(more_x + 2, 86, menu_w - 4, 22)
    # The dialog it opens, to the right: pick the file, then finish.
    # "2. Map" (the whole folder at once) is what the step's text recommends, so it is the one highlighted.
    dx = 250.0
    d.rect(dx, 120, 260, 76, fill=PANEL, stroke="#8c8c8c")
    d.text(dx + 10, 138, dialog.title.nl, size=11, bold=True)
    x = dx + 10
    x += d.button(x, 150, f"1. {dialog.buttons.file.nl}") + 8
    folder_w = d.button(x, 150, f"2. {dialog.buttons.folder.nl}")
    d.highlight(x, 150, folder_w, 22)
    d.button(x + folder_w + 8, 150, dialog.buttons.finish.nl)
    from wizard.domain.afas_screens import AfasPath  # pydantic: after the first paint (this module is before it)

    menu = AfasPath(labels=(b.more_actions, b.import_action)).text.get(lang)  # join_path: the one separator
    caption = Text(
        en="{menu}, {folder} (the folder with the files), then {fin}",
        nl="{menu}, {folder} (de map met de bestanden), dan {fin}",
    ).format(menu=menu, folder=_say(dialog.buttons.folder, lang), fin=_say(dialog.buttons.finish, lang))
    return d.finish(caption.get(lang))


def link_connectors(lang: Lang) -> tuple[str, str]:
    s = screens().app_connector
    t = s.tabs
    d = Drawing()
    d.window(s.title.nl, s.breadcrumb.nl)
    where = d.tabs([t.general, t.get, t.update, t.special, t.tokens, t.ip, t.log], t.get)
    tops = [where[label.nl][0] for label in (t.get, t.update, t.special)]
    d.highlight(12, tops[0], 146, tops[-1] - tops[0] + 19)
    new_w = d.button(180, 56, s.buttons.new.nl)
    d.highlight(180, 56, new_w, 22)
    for row in range(3):
        d.rect(180, 90 + row * 24, 320, 20, fill=PANEL if row % 2 else "#ffffff")
        d.checkbox(186, 93 + row * 24, "SBQ_…", ticked=True)
    d.button(180, 168, s.buttons.finish.nl)
    caption = Text(
        en="On each tab: {new}, tick the connectors, {fin}", nl="Op elk tabblad: {new}, vink de connectoren aan, {fin}"
    ).format(new=_say(s.buttons.new, lang), fin=_say(s.buttons.finish, lang))
    return d.finish(caption.get(lang))


def token(lang: Lang) -> tuple[str, str]:
    app = screens().app_connector
    s = screens().new_user_token
    t = app.tabs
    d = Drawing()
    d.window(app.title.nl, app.breadcrumb.nl)
    d.tabs([t.general, t.get, t.update, t.special, t.tokens, t.ip, t.log], t.tokens)
    d.rect(180, 56, 326, 140, fill=PANEL, stroke="#8c8c8c")
    d.text(190, 76, s.title.nl, bold=True)
    d.text(190, 104, s.fields.description.nl, colour=MUTED)
    d.rect(300, 91, 196, 20)
    d.text(306, 105, "SmartBooqing", colour=MUTED)
    d.rect(190, 122, 306, 22, fill="#ffffff")
    d.text(196, 137, "•••••••••••••••••••••••", colour=MUTED)
    copy_w = d.button(190, 158, s.buttons.copy_token.nl)
    d.highlight(190, 158, copy_w, 22)
    d.button(200 + copy_w, 158, s.buttons.finish.nl)
    caption = Text(
        en="{copy}, paste it in the wizard, then {fin}", nl="{copy}, plak het in de wizard, dan {fin}"
    ).format(copy=_say(s.buttons.copy_token, lang), fin=_say(s.buttons.finish, lang))
    return d.finish(caption.get(lang))


def dossier(lang: Lang) -> tuple[str, str]:
    s = screens().dossier_item_types
    f = s.fields
    d = Drawing()
    d.window(s.title.nl, s.menu.nl)
    tab_w = len(s.tabs.destination.nl) * CHAR_WIDTH + 20
    d.parts.append(f"<rect x='12' y='56' width='{tab_w}' height='22' fill='#dce8f5'/>")
    d.text(22, 71, s.tabs.destination.nl, bold=True)
    for row, relation in enumerate((f.purchase, f.sales)):
        y = 92 + row * 30
        d.text(16, y + 15, relation.nl)
        d.rect(300, y, 150, 22)
        d.text(308, y + 15, f"{f.optional.nl} ▾")
        d.highlight(300, y, 150, 22)
    d.button(16, 160, s.buttons.ok.nl)
    caption = Text(en="Set both to {opt}, then {ok}", nl="Zet beide op {opt}, dan {ok}").format(
        opt=_say(f.optional, lang), ok=_say(s.buttons.ok, lang)
    )
    return d.finish(caption.get(lang))


# Step -> its drawing: (svg text, the caption as one sentence for screen readers).
ILLUSTRATED: dict[StepId, Callable[[Lang], tuple[str, str]]] = {
    StepId.IMPORT: import_files,
    StepId.APP_CONNECTOR: app_connector,
    StepId.LINK_CONNECTORS: link_connectors,
    StepId.TOKEN: token,
    StepId.DOSSIER: dossier,
}


class Illustration(QWidget):
    """The drawing for one step, scaled to fit the page's width (never wider than drawn), with a title above."""

    def __init__(self, step: StepId, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.step = step
        self.caption = ""
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        self.title = QLabel()
        layout.addWidget(self.title)
        self.picture = _Picture()
        layout.addWidget(self.picture, 0, Qt.AlignmentFlag.AlignLeft)

    def show_for(self, lang: Lang, title: str) -> None:
        svg, self.caption = ILLUSTRATED[self.step](lang)
        self.picture.load(QByteArray(svg.encode("utf-8")))
        self.title.setText(title)
        self.picture.setAccessibleName(title)
        self.picture.setAccessibleDescription(self.caption)  # the picture's message, for a screen reader


class _Picture(QWidget):
    """Keeps the drawing's aspect ratio and shrinks with a narrow window instead of forcing it wider."""

    def __init__(self) -> None:
        super().__init__()
        self.renderer = QSvgRenderer(self)
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        self.setMinimumSize(QSize(WIDTH // 2, HEIGHT // 2))
        self.setMaximumSize(QSize(WIDTH, HEIGHT))

    def sizeHint(self) -> QSize:
        return QSize(WIDTH, HEIGHT)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return round(min(width, WIDTH) * HEIGHT / WIDTH)

    def load(self, svg: QByteArray) -> None:
        self.renderer.load(svg)
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        width = min(self.width(), round(self.height() * WIDTH / HEIGHT))
        self.renderer.render(painter, QRectF(0, 0, width, width * HEIGHT / WIDTH))
        painter.end()
