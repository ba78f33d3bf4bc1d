"""The calendar reminder of a connection's next deadline, as an iCalendar file (RFC 5545, written by `icalendar`)
that Outlook, Apple Calendar and Google Calendar import.

Two deadlines: the OAuth client secret's expiry (AFAS's advice: plan the renewal well before it, afas-oauth.md
§1.2), and, for a classic-token connection, the classic tokens' end on 1 May 2027 (§1 item 12). One all-day event
30 days before, with an alarm 7 days before the event, saying what to do and how to open the wizard's renewal.
Nothing secret goes in: only the organisation, the environment and dates.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum

from icalendar import Alarm, Calendar, Event

from wizard.domain.credentials import CLASSIC_TOKEN_EXPIRY
from wizard.domain.text import Lang, Text, long_date

PRODID = "-//SmartBooqing//AFAS Setup//EN"
LEAD_DAYS = 30  # the event: this many days before the deadline (the verification warns from then on too)
ALARM_DAYS = 7  # the alarm: this many days before the event


class Deadline(StrEnum):
    SECRET = "secret"  # the OAuth client secret expires
    CLASSIC = "classic"  # classic tokens stop working: move to OAuth


@dataclass(frozen=True)
class Reminder:
    deadline: Deadline
    day: dt.date  # the deadline itself: the secret's last valid day, or 1 May 2027
    organisation: str
    environment: str  # AFAS's environment id, e.g. O12345AA

    @property
    def event_day(self) -> dt.date:
        return self.day - dt.timedelta(days=LEAD_DAYS)

    @property
    def uid(self) -> str:
        """The same reminder exported twice updates the calendar entry instead of adding a second one."""
        return f"sbq-{self.deadline.value}-{self.environment}-{self.day.isoformat()}@setup.smartbooqing.invalid"


def classic_reminder(organisation: str, environment: str) -> Reminder:
    return Reminder(Deadline.CLASSIC, CLASSIC_TOKEN_EXPIRY, organisation, environment)


_SUMMARY = {
    Deadline.SECRET: Text(
        en="Renew the AFAS client secret for SmartBooqing ({org})",
        nl="AFAS client secret voor SmartBooqing vernieuwen ({org})",
    ),
    Deadline.CLASSIC: Text(
        en="Move the AFAS connection of SmartBooqing to OAuth ({org})",
        nl="AFAS-koppeling van SmartBooqing overzetten naar OAuth ({org})",
    ),
}
_DESCRIPTION = {
    Deadline.SECRET: Text(
        en="The OAuth client secret of the AFAS app connector for SmartBooqing ({org}, environment {env}) expires on "
        "{day}. After that SmartBooqing can no longer read from or book into AFAS.\n\nWhat to do: open the "
        'SmartBooqing AFAS Setup wizard (sbq-setup), choose "Renew the client secret" and follow the steps: a new '
        "secret in AFAS, check it, give it to SmartBooqing, revoke the old one. About 15 minutes; you need an AFAS "
        "administrator.",
        nl="Het OAuth client secret van de AFAS app connector voor SmartBooqing ({org}, omgeving {env}) verloopt op "
        "{day}. Daarna kan SmartBooqing niet meer lezen uit of boeken in AFAS.\n\nWat te doen: open de wizard "
        'SmartBooqing AFAS Setup (sbq-setup), kies "Client secret vernieuwen" en volg de stappen: een nieuw secret '
        "in AFAS, controleren, aan SmartBooqing geven, het oude intrekken. Ongeveer 15 minuten; u hebt een "
        "AFAS-beheerder nodig.",
    ),
    Deadline.CLASSIC: Text(
        en="AFAS stops accepting classic tokens on {day}. The SmartBooqing connection ({org}, environment {env}) "
        'still uses one.\n\nWhat to do: open the SmartBooqing AFAS Setup wizard (sbq-setup), choose "Check an '
        'existing connection" and then "Move to OAuth". About 20 minutes; you need an AFAS administrator and '
        "AFAS Profit 9.",
        nl="AFAS accepteert vanaf {day} geen klassieke tokens meer. De SmartBooqing-koppeling ({org}, omgeving {env}) "
        'gebruikt er nog een.\n\nWat te doen: open de wizard SmartBooqing AFAS Setup (sbq-setup), kies "Een '
        'bestaande koppeling controleren" en daarna "Overstappen op OAuth". Ongeveer 20 minuten; u hebt een '
        "AFAS-beheerder en AFAS Profit 9 nodig.",
    ),
}


def ics(reminder: Reminder, lang: Lang, now: dt.datetime) -> bytes:
    """The iCalendar file: one all-day event `LEAD_DAYS` before the deadline, an alarm `ALARM_DAYS` before it."""
    values = {"org": reminder.organisation or reminder.environment, "env": reminder.environment}
    summary = _SUMMARY[reminder.deadline].format(**values).get(lang)
    description = _DESCRIPTION[reminder.deadline].format(**values, day=long_date(reminder.day)).get(lang)
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    event = Event()
    event.add("uid", reminder.uid)
    event.add("dtstamp", now.astimezone(dt.UTC))
    event.add("dtstart", reminder.event_day)  # a date: an all-day event, the same day in every time zone
    event.add("dtend", reminder.event_day + dt.timedelta(days=1))
    event.add("summary", summary)
    event.add("description", description)
    event.add("transp", "TRANSPARENT")  # a reminder, not a meeting: the day stays free
    alarm = Alarm()
    alarm.add("action", "DISPLAY")
    alarm.add("description", summary)
    alarm.add("trigger", dt.timedelta(days=-ALARM_DAYS))  # relative to the event's start
    event.add_component(alarm)
    cal.add_component(event)
    return bytes(cal.to_ical())
