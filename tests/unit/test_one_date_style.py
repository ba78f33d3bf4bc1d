"""Issue 22 item 4: a date reads '1 mei 2027' wherever the user meets it, not 2027-05-01 or 01-05-2027."""

from __future__ import annotations

import datetime as dt

from wizard.flow.renewal import SecretExpiry


def test_the_secret_expiry_line_reads_as_a_long_date() -> None:
    for today in (dt.date(2027, 4, 1), dt.date(2027, 4, 28), dt.date(2027, 6, 1)):  # ok, urgent, expired
        said = SecretExpiry(dt.date(2027, 5, 1), today).message()
        assert "1 mei 2027" in said.nl and "1 May 2027" in said.en
        assert "2027-05-01" not in said.nl + said.en and "01-05-2027" not in said.nl
