"""How each check status and the overall outcome look, once, for the CLI table, the HTML/JSON report and the GUI."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING

from wizard.domain.status import Status
from wizard.domain.text import Lang, Text

if TYPE_CHECKING:  # the GUI's status colours load before pydantic (issue 13)
    from wizard.domain.checks import CheckResult


@dataclass(frozen=True)
class StatusLook:
    label: Text
    symbol: str  # with the label, so the meaning survives colour blindness, greyscale and plain terminals
    colour: str  # text colour on a light background
    background: str  # a light tint for a table cell


STATUS_LOOK: dict[Status, StatusLook] = {
    Status.PASS: StatusLook(Text(en="Passed", nl="In orde"), "✔", "#1b6e20", "#e3f6e3"),
    Status.INFO: StatusLook(Text(en="For your information", nl="Ter informatie"), "ℹ", "#1f4e79", "#e6eef7"),
    Status.MANUAL: StatusLook(Text(en="Check yourself", nl="Zelf controleren"), "ℹ", "#1f4e79", "#e6eef7"),
    Status.WARN: StatusLook(Text(en="Warning", nl="Waarschuwing"), "⚠", "#8a5300", "#fff4d6"),
    Status.FAIL: StatusLook(Text(en="Failed", nl="Mislukt"), "✖", "#a31515", "#fde2e2"),
    Status.SKIP: StatusLook(Text(en="Skipped", nl="Overgeslagen"), "–", "#555555", "#eeeeee"),
}

# What needs the reader first: failures, warnings, what to check by hand, notes, what passed, what was not checked.
ATTENTION_ORDER: tuple[Status, ...] = (
    Status.FAIL,
    Status.WARN,
    Status.MANUAL,
    Status.INFO,
    Status.PASS,
    Status.SKIP,
)

# The statuses that leave the setup usable: notes, checks by hand and warnings are said, never an exit code.
USABLE: frozenset[Status] = frozenset({Status.PASS, Status.INFO, Status.MANUAL, Status.WARN, Status.SKIP})


def status_label(status: Status, lang: Lang) -> str:
    """'✔ Passed' / '✔ In orde': symbol and word, as every surface shows a status."""
    look = STATUS_LOOK[status]
    return f"{look.symbol} {look.label.get(lang)}"


def attention_rank(status: Status) -> int:
    return ATTENTION_ORDER.index(status)


class Verdict(StrEnum):
    """The one sentence a verification ends with: everything usable, something missing, or no answer right now."""

    OK = "ok"
    INCOMPLETE = "incomplete"
    IMPOSSIBLE = "impossible"


@dataclass(frozen=True)
class VerdictLook:
    title: Text
    symbol: str
    colour: str
    exit_code: int  # 0 verified, 1 setup defects, 3 verification impossible right now (wizard.cli.common.ExitCode)


VERDICT_LOOK: dict[Verdict, VerdictLook] = {
    Verdict.OK: VerdictLook(Text(en="All in order", nl="Alles in orde"), "✔", "#1b6e20", 0),
    Verdict.INCOMPLETE: VerdictLook(Text(en="Not complete yet", nl="Nog niet compleet"), "✖", "#a31515", 1),
    Verdict.IMPOSSIBLE: VerdictLook(
        Text(en="Cannot check right now", nl="Controle nu niet mogelijk"), "⊘", "#1f4e79", 3
    ),
}


def verdict(checks: Iterable[CheckResult]) -> Verdict:
    """Impossible wins (nothing else could be asked), then any failure; notes and warnings leave it OK."""
    statuses = []
    for check in checks:
        if check.impossible:
            return Verdict.IMPOSSIBLE
        statuses.append(check.status)
    return Verdict.OK if all(s in USABLE for s in statuses) else Verdict.INCOMPLETE


def verdict_label(value: Verdict, lang: Lang) -> str:
    look = VERDICT_LOOK[value]
    return f"{look.symbol} {look.title.get(lang)}"
