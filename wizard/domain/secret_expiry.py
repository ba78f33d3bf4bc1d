"""The client secret's expiry date as the user types it from AFAS's screen: read, never guessed, and questioned when
it cannot well be what AFAS shows (a date in the past, or more than two years ahead) without refusing it."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from wizard.domain.text import Text, long_date

MAX_TEXT = 40  # a date is ten characters; anything longer is not one (and is not parsed)
_DAY_FIRST = re.compile(r"(\d{1,2})[-./ ](\d{1,2})[-./ ](\d{4})")  # 01-03-2027 as AFAS shows it, or 1/3/2027
_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")

NOT_A_DATE = Text(
    en="This is not a date. Type it as AFAS shows it: day, month and year (for 1 March 2027: 1-3-2027), or pick it "
    "from the calendar.",
    nl="Dit is geen datum. Typ hem zoals AFAS hem toont: dag, maand en jaar (voor 1 maart 2027: 1-3-2027), of kies "
    "hem in de kalender.",
)
IN_THE_PAST = Text(
    en="{date} has passed: a secret that has expired no longer works. Is this the date AFAS shows?",
    nl="{date} is voorbij: een verlopen secret werkt niet meer. Is dit de datum die AFAS toont?",
)
FAR_AHEAD = Text(
    en="{date} is more than two years ahead; AFAS normally sets 180 days. Is this the date AFAS shows?",
    nl="{date} ligt meer dan twee jaar vooruit; AFAS stelt normaal 180 dagen in. Is dit de datum die AFAS toont?",
)
VALID_UNTIL = Text(en="Valid until {date}.", nl="Geldig tot {date}.")


@dataclass(frozen=True, slots=True)
class ExpiryReading:
    """What the expiry field says. `complete`: the credential may be stored (a date, or "AFAS shows no expiry date"
    ticked); `error` blocks, `question` only asks the user to look again."""

    date: dt.date | None = None
    complete: bool = False
    error: Text | None = None
    question: Text | None = None


def parse_day(text: str) -> dt.date | None:
    """01-03-2027, 1-3-2027, 01/03/2027, 01.03.2027 or 2027-03-01; None for anything else."""
    text = text.strip()
    if len(text) > MAX_TEXT:
        return None
    if match := _ISO.fullmatch(text):
        year, month, day = (int(g) for g in match.groups())
    elif match := _DAY_FIRST.fullmatch(text):
        day, month, year = (int(g) for g in match.groups())
    else:
        return None
    try:
        return dt.date(year, month, day)
    except ValueError:  # 31-02-2027
        return None


def two_years_after(day: dt.date) -> dt.date:
    try:
        return day.replace(year=day.year + 2)
    except ValueError:  # 29 February
        return day.replace(year=day.year + 2, day=28)


def read_expiry(text: str, no_expiry: bool, today: dt.date) -> ExpiryReading:
    if no_expiry:
        return ExpiryReading(complete=True)
    if not text.strip():
        return ExpiryReading()  # nothing typed yet: not complete, and nothing to say
    day = parse_day(text)
    if day is None:
        return ExpiryReading(error=NOT_A_DATE)
    question = None
    if day < today:
        question = IN_THE_PAST.format(date=long_date(day))
    elif day > two_years_after(today):
        question = FAR_AHEAD.format(date=long_date(day))
    return ExpiryReading(date=day, complete=True, question=question)
