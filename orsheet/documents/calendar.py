"""Meetings -> an iCalendar (.ics) file members can import or subscribe to.

One VEVENT per meeting, in Europe/Amsterdam time with its VTIMEZONE, so
10:00 stays 10:00 on both sides of the switch to summer time. UIDs are stable:

* a row the year plan generated keeps the UID of its origin (kind code and
  the date the series gave it), so moving the meeting in the sheet updates
  the event in Outlook/Google instead of adding a second one;
* any other row gets kind code + date (``-2``, ``-3`` for a second meeting of
  the same kind on one day).

Cancelled meetings ("geschrapt" in Opmerking) are exported with
STATUS:CANCELLED so calendars remove or strike them. A meeting on a public
holiday or a day off (``days_off``) is exported as TENTATIVE, the reason in
its summary ("OR-vergadering (Tweede Paasdag?)"), so nobody takes it as
confirmed.

SEQUENCE is the number of minutes since 2020 at export time: it only grows,
so calendars that ignore an event whose SEQUENCE did not increase (Google)
take a re-export as the newer version.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date, datetime, timedelta, timezone
from typing import Callable, Iterable
from zoneinfo import ZoneInfo

import icalendar

from orsheet.model import Meeting
from orsheet.schedule import (
    is_cancelled,
    kind_code,
    origin,
    sort_meetings,
    split_marker,
)

TIMEZONE = "Europe/Amsterdam"
PRODID = "-//orsheet//Vergaderingen//NL"
_SEQUENCE_EPOCH = datetime(2020, 1, 1, tzinfo=timezone.utc)


def slug(text: str) -> str:
    """"Ondernemingsraad IMG" -> "ondernemingsraad-img" (for UIDs)."""
    return re.sub(r"[^a-z0-9]+", "-", text.casefold()).strip("-") or "or"


def meeting_uid(meeting: Meeting, organisation: str, taken: set[str] | None = None) -> str:
    key, _ = origin(meeting)
    if key is not None:
        base = f"{key.code.lower()}-{key.date:%Y%m%d}"
    else:
        base = f"{slug(kind_code(meeting.kind))}-{meeting.date:%Y%m%d}"
    uid = f"{base}.{slug(organisation)}@orsheet"
    if taken is not None:
        number = 2
        while uid in taken:
            uid = f"{base}-{number}.{slug(organisation)}@orsheet"
            number += 1
        taken.add(uid)
    return uid


def calendar_bytes(
    meetings: Iterable[Meeting],
    organisation: str,
    agenda_link: Callable[[Meeting], str | None] = lambda meeting: None,
    now: datetime | None = None,
    days_off: Mapping[date, str] | None = None,
) -> bytes:
    """The .ics file for ``meetings``; ``agenda_link`` gives a meeting's agenda URL, if any.

    ``days_off`` (date -> reason: holidays, free periods) marks meetings on those days tentative.
    """
    stamp = (now or datetime.now(timezone.utc)).astimezone(timezone.utc)
    meetings = sort_meetings(meetings)
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", f"Vergaderingen {organisation}")
    calendar.add("x-wr-timezone", TIMEZONE)
    calendar.add_component(amsterdam_vtimezone())
    taken: set[str] = set()
    for meeting in meetings:
        uid = meeting_uid(meeting, organisation, taken)
        reason = (days_off or {}).get(meeting.date, "")
        calendar.add_component(_event(meeting, uid, agenda_link(meeting), stamp, reason))
    return calendar.to_ical()


def amsterdam_vtimezone() -> icalendar.Timezone:
    """Europe/Amsterdam as rules (the EU switch on the last Sundays of March and October).

    Rules rather than a list of transitions: this is the form Outlook and
    Google themselves export, and it stays right for any year.
    """
    zone = icalendar.Timezone()
    zone.add("tzid", TIMEZONE)
    zone.add("x-lic-location", TIMEZONE)
    for kind, name, start, offset_from, offset_to, month in (
        (icalendar.TimezoneDaylight, "CEST", datetime(1970, 3, 29, 2), 1, 2, 3),
        (icalendar.TimezoneStandard, "CET", datetime(1970, 10, 25, 3), 2, 1, 10),
    ):
        part = kind()
        part.add("tzname", name)
        part.add("dtstart", start)
        part.add("tzoffsetfrom", timedelta(hours=offset_from))
        part.add("tzoffsetto", timedelta(hours=offset_to))
        part.add("rrule", {"freq": "yearly", "bymonth": month, "byday": "-1su"})
        zone.add_component(part)
    return zone


# A meeting without an end time (Einde empty) lasts this long in the calendar, as the council's meetings do.
ASSUMED_LENGTH = timedelta(minutes=90)
NO_END_NOTE = "Eindtijd niet ingevuld in de werkmap; hier 1,5 uur gerekend."


def _event(meeting: Meeting, uid: str, link: str | None, stamp: datetime, day_off: str = "") -> icalendar.Event:
    event = icalendar.Event()
    event.add("uid", uid)
    event.add("dtstamp", stamp)
    event.add("sequence", max(0, int((stamp - _SEQUENCE_EPOCH).total_seconds() // 60)))
    cancelled = is_cancelled(meeting)
    if cancelled:
        summary = f"{meeting.kind} (geschrapt)"
    elif day_off:
        summary = f"{meeting.kind} ({day_off}?)"
    else:
        summary = meeting.kind
    event.add("summary", summary)
    zone = ZoneInfo(TIMEZONE)
    if meeting.start is None:
        event.add("dtstart", meeting.date)
        event.add("dtend", meeting.date + timedelta(days=1))
    else:
        start = datetime.combine(meeting.date, meeting.start, zone)
        event.add("dtstart", start)
        if meeting.end is not None and meeting.end != meeting.start:
            # An end before the start is after midnight (23:00-00:30): the next day.
            end_day = meeting.date + timedelta(days=1 if meeting.end < meeting.start else 0)
            event.add("dtend", datetime.combine(end_day, meeting.end, zone))
        else:  # no DTEND would be a meeting of no length (RFC 5545 3.6.1): calendars show 0 minutes
            event.add("duration", ASSUMED_LENGTH)
    if meeting.location:
        event.add("location", meeting.location)
    description = _description(meeting, link)
    if meeting.start is not None and (meeting.end is None or meeting.end == meeting.start):
        description = f"{description}\n{NO_END_NOTE}".strip()
    if day_off and not cancelled:
        description = f"Let op: {day_off}; de vergadering is nog niet bevestigd.\n{description}".strip()
    if description:
        event.add("description", description)
    if link:
        event.add("url", link)
    event.add("status", "CANCELLED" if cancelled else "TENTATIVE" if day_off else "CONFIRMED")
    event.add("transp", "TRANSPARENT" if cancelled else "OPAQUE")
    return event


def _description(meeting: Meeting, link: str | None) -> str:
    lines = []
    remark = split_marker(meeting.remark)[0]
    if remark:
        lines.append(remark)
    if meeting.chair:
        lines.append(f"Voorzitter: {meeting.chair}")
    if meeting.minute_taker:
        lines.append(f"Notulist: {meeting.minute_taker}")
    if meeting.invited:
        lines.append(f"Genodigd: {meeting.invited}")
    if link:
        lines.append(f"Agenda: {link}")
    return "\n".join(lines)
