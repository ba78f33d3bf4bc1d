"""The calendar reminder parsed back with icalendar: the event's day, its alarm, its words, and no secret."""

from __future__ import annotations

import datetime as dt

from icalendar import Calendar

from wizard.domain.environment import parse_environment
from wizard.domain.oauth import oauth_client_credentials
from wizard.domain.reminder import Deadline, Reminder, classic_reminder, ics
from wizard.domain.text import Lang
from wizard.flow.renewal import next_reminder
from wizard.flow.state import WizardState

NOW = dt.datetime(2027, 1, 5, 9, 30, tzinfo=dt.UTC)
CANARY = "CANARY0SECRET0" * 4


def _event(data: bytes) -> tuple[Calendar, object]:
    cal = Calendar.from_ical(data)
    [event] = cal.walk("VEVENT")
    return cal, event


def test_the_secret_reminder_is_an_all_day_event_a_month_ahead_with_an_alarm_a_week_before() -> None:
    reminder = Reminder(Deadline.SECRET, dt.date(2027, 6, 30), "Bakkerij", "O12345AA")
    data = ics(reminder, Lang.NL, NOW)
    cal, event = _event(data)
    assert str(cal["version"]) == "2.0" and "SmartBooqing" in str(cal["prodid"])
    assert event["dtstart"].dt == dt.date(2027, 5, 31)  # type: ignore[index]
    assert event["dtend"].dt == dt.date(2027, 6, 1)  # type: ignore[index]
    assert event["dtstamp"].dt == NOW  # type: ignore[index]
    [alarm] = event.walk("VALARM")  # type: ignore[attr-defined]
    assert alarm["trigger"].dt == dt.timedelta(days=-7)
    assert str(alarm["action"]) == "DISPLAY"
    text = str(event["description"])  # type: ignore[index]
    assert "30 juni 2027" in text and "Client secret vernieuwen" in text and "sbq-setup" in text
    assert "Bakkerij" in str(event["summary"])  # type: ignore[index]


def test_the_same_reminder_keeps_its_uid_so_a_second_import_updates_it() -> None:
    reminder = Reminder(Deadline.SECRET, dt.date(2027, 6, 30), "Bakkerij", "O12345AA")
    later = NOW + dt.timedelta(days=3)
    first, second = _event(ics(reminder, Lang.EN, NOW))[1], _event(ics(reminder, Lang.EN, later))[1]
    assert str(first["uid"]) == str(second["uid"])  # type: ignore[index]


def test_a_classic_connection_is_reminded_of_the_move_before_1_may_2027() -> None:
    _cal, event = _event(ics(classic_reminder("Bakkerij", "O12345AA"), Lang.EN, NOW))
    assert event["dtstart"].dt == dt.date(2027, 4, 1)  # type: ignore[index]
    assert "Move to OAuth" in str(event["description"])  # type: ignore[index]


def test_nothing_secret_reaches_the_file() -> None:
    env = parse_environment("12345", "production")
    credential = oauth_client_credentials("9b2f0c1e-canary-client", CANARY, dt.date(2027, 6, 30))
    state = WizardState(organisation="Bakkerij", environment=env, credential=credential)
    state.secret_expires = credential.secret_expires
    reminder = next_reminder(state)
    assert reminder is not None and reminder.day == dt.date(2027, 6, 30)
    data = ics(reminder, Lang.EN, NOW) + ics(reminder, Lang.NL, NOW)
    assert CANARY.encode() not in data and b"canary" not in data.lower()
