"""How each check status looks, once, for the CLI table, the HTML/JSON report and the GUI: label, symbol, colour."""

from __future__ import annotations

from dataclasses import dataclass

from wizard.domain.checks import Status
from wizard.domain.text import Lang, Text


@dataclass(frozen=True)
class StatusLook:
    label: Text
    symbol: str  # with the label, so the meaning survives colour blindness, greyscale and plain terminals
    colour: str  # text colour on a light background
    background: str  # a light tint for a table cell


STATUS_LOOK: dict[Status, StatusLook] = {
    Status.PASS: StatusLook(Text(en="Passed", nl="In orde"), "✔", "#1b6e20", "#e3f6e3"),
    Status.WARN: StatusLook(Text(en="Warning", nl="Waarschuwing"), "⚠", "#8a5300", "#fff4d6"),
    Status.FAIL: StatusLook(Text(en="Failed", nl="Mislukt"), "✖", "#a31515", "#fde2e2"),
    Status.SKIP: StatusLook(Text(en="Skipped", nl="Overgeslagen"), "–", "#555555", "#eeeeee"),
}

# What needs the reader first: failures, then warnings, then what passed, then what was not checked.
ATTENTION_ORDER: tuple[Status, ...] = (Status.FAIL, Status.WARN, Status.PASS, Status.SKIP)


def status_label(status: Status, lang: Lang) -> str:
    """'✔ Passed' / '✔ In orde': symbol and word, as every surface shows a status."""
    look = STATUS_LOOK[status]
    return f"{look.symbol} {look.label.get(lang)}"


def attention_rank(status: Status) -> int:
    return ATTENTION_ORDER.index(status)
