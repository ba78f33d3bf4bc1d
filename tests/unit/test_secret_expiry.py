"""The client secret's expiry date: read as AFAS shows it, never guessed, questioned when unlikely."""

from __future__ import annotations

import datetime as dt

import pytest

from wizard.domain.secret_expiry import parse_day, read_expiry

TODAY = dt.date(2026, 12, 6)


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("01-03-2027", dt.date(2027, 3, 1)),
        ("1-3-2027", dt.date(2027, 3, 1)),
        (" 01/03/2027 ", dt.date(2027, 3, 1)),
        ("01.03.2027", dt.date(2027, 3, 1)),
        ("2027-03-01", dt.date(2027, 3, 1)),
        ("31-02-2027", None),
        ("03-2027", None),
        ("morgen", None),
        ("1" * 10_000, None),
    ],
)
def test_a_typed_date_is_read_day_first_as_afas_shows_it(text: str, day: dt.date | None) -> None:
    assert parse_day(text) == day


def test_nothing_typed_is_not_complete_and_says_nothing() -> None:
    reading = read_expiry("", no_expiry=False, today=TODAY)
    assert not reading.complete and reading.date is None and reading.error is None and reading.question is None


def test_no_expiry_date_ticked_is_complete_without_a_date() -> None:
    reading = read_expiry("rubbish", no_expiry=True, today=TODAY)
    assert reading.complete and reading.date is None and reading.error is None


def test_not_a_date_blocks() -> None:
    reading = read_expiry("31-02-2027", no_expiry=False, today=TODAY)
    assert not reading.complete and reading.error is not None and "1-3-2027" in reading.error.en


@pytest.mark.parametrize(
    ("text", "word"),
    [("05-12-2026", "has passed"), ("07-12-2028", "more than two years"), ("29-02-2028", None), ("06-12-2028", None)],
)
def test_an_unlikely_date_is_questioned_not_refused(text: str, word: str | None) -> None:
    reading = read_expiry(text, no_expiry=False, today=TODAY)
    assert reading.complete and reading.date == parse_day(text)
    if word is None:
        assert reading.question is None
    else:
        assert reading.question is not None and word in reading.question.en
        assert "Is dit de datum die AFAS toont?" in reading.question.nl
