"""A check's status and the verification's verdict: what they are, how they rank and how they look, once, for the CLI
table, the HTML/JSON report and the GUI. Pydantic-free, so a page can show a status before the models load."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING

from wizard.domain.text import Lang, Text

if TYPE_CHECKING:
    from wizard.domain.checks import CheckResult


class Status(StrEnum):
    PASS = "pass"
    INFO = "info"  # passed, with something worth knowing (the classic-token sunset): a note, never a defect
    MANUAL = "manual"  # cannot be verified remotely: the user checks it by hand (its message says what)
    WARN = "warn"
    FAIL = "fail"
    SKIP = "skip"


class Tone(StrEnum):
    """What a status or verdict should feel like; each surface (the GUI's palette, the HTML report) colours it."""

    GOOD = "good"
    NOTE = "note"
    CAUTION = "caution"
    BAD = "bad"
    QUIET = "quiet"


@dataclass(frozen=True)
class StatusLook:
    label: Text
    symbol: str  # with the label, so the meaning survives colour blindness, greyscale and plain terminals
    tone: Tone  # each surface colours it: wizard/ui/palette.py for the GUI, the HTML report's own style


STATUS_LOOK: dict[Status, StatusLook] = {
    Status.PASS: StatusLook(Text(en="Passed", nl="In orde"), "✔", Tone.GOOD),
    Status.INFO: StatusLook(Text(en="For your information", nl="Ter informatie"), "ℹ", Tone.NOTE),
    Status.MANUAL: StatusLook(Text(en="Check yourself", nl="Zelf controleren"), "ℹ", Tone.NOTE),
    Status.WARN: StatusLook(Text(en="Warning", nl="Waarschuwing"), "⚠", Tone.CAUTION),
    Status.FAIL: StatusLook(Text(en="Failed", nl="Mislukt"), "✖", Tone.BAD),
    Status.SKIP: StatusLook(Text(en="Skipped", nl="Overgeslagen"), "–", Tone.QUIET),
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
    tone: Tone
    exit_code: int  # 0 verified, 1 setup defects, 3 verification impossible right now (wizard.cli.common.ExitCode)


VERDICT_LOOK: dict[Verdict, VerdictLook] = {
    Verdict.OK: VerdictLook(Text(en="All in order", nl="Alles in orde"), "✔", Tone.GOOD, 0),
    Verdict.INCOMPLETE: VerdictLook(Text(en="Not complete yet", nl="Nog niet compleet"), "✖", Tone.BAD, 1),
    Verdict.IMPOSSIBLE: VerdictLook(
        Text(en="Cannot check right now", nl="Controle nu niet mogelijk"), "⊘", Tone.NOTE, 3
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


def count_parts(counts: dict[str, int], lang: Lang) -> str:
    """ "33 passed, 1 to check yourself, 1 for your information": the separate numbers that sum to the total."""
    words = (
        ("pass", Text(en="{n} passed", nl="{n} in orde")),
        ("fail", Text(en="{n} failed", nl="{n} mislukt")),
        ("could_not_check", Text(en="{n} could not be checked now", nl="{n} nu niet te controleren")),
        ("warn", Text(en="{n} with a warning", nl="{n} met een waarschuwing")),
        ("manual", Text(en="{n} to check yourself", nl="{n} zelf te controleren")),
        ("info", Text(en="{n} for your information", nl="{n} ter informatie")),
        ("skip", Text(en="{n} not done", nl="{n} niet gedaan")),
    )
    return ", ".join(text.format(n=counts[key]).get(lang) for key, text in words if counts.get(key))
