"""The .ics export: parses with icalendar, stable UIDs, correct times across DST."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, time, timedelta, timezone

import icalendar

from orsheet.documents.calendar import calendar_bytes
from orsheet.model import OR_MEETING, Meeting
from orsheet.schedule import propose_year
from tests.test_schedule_plan import DEFAULT_SERIES, HOLIDAYS_2024

NOW = datetime(2024, 1, 2, 9, 0, tzinfo=timezone.utc)


def events(data: bytes) -> list[icalendar.Event]:
    return list(icalendar.Calendar.from_ical(data).walk("VEVENT"))


def plan() -> list[Meeting]:
    return propose_year(DEFAULT_SERIES, 2024, HOLIDAYS_2024)


def test_calendar_has_one_event_per_meeting_and_a_vtimezone():
    data = calendar_bytes(plan(), "Ondernemingsraad", now=NOW)
    calendar = icalendar.Calendar.from_ical(data)
    assert len(events(data)) == 52
    [zone] = calendar.walk("VTIMEZONE")
    assert str(zone["TZID"]) == "Europe/Amsterdam"
    first = events(data)[0]
    assert str(first["SUMMARY"]) == OR_MEETING
    assert str(first["LOCATION"]) == "Vergaderruimte 6.2.02"
    assert str(first["UID"]) == "or-20240104.ondernemingsraad@orsheet"


def test_reexport_keeps_the_same_uids_even_for_a_moved_meeting():
    meetings = plan()
    before = [str(e["UID"]) for e in events(calendar_bytes(meetings, "OR", now=NOW))]
    moved = [replace(m, date=m.date + timedelta(days=7)) if m.date == date(2024, 5, 9) else m for m in meetings]
    after = [str(e["UID"]) for e in events(calendar_bytes(moved, "OR", now=NOW + timedelta(days=30)))]
    assert sorted(before) == sorted(after)
    assert len(set(before)) == len(before)


def test_times_are_amsterdam_wall_clock_on_both_sides_of_the_dst_change():
    data = calendar_bytes(plan(), "OR", now=NOW)
    starts = {e.decoded("DTSTART"): e for e in events(data)}
    winter = datetime(2024, 3, 28, 10, 0)  # the last OR before 31 March 2024
    summer = datetime(2024, 4, 11, 10, 0)
    by_naive = {start.replace(tzinfo=None): start for start in starts}
    assert by_naive[winter].utcoffset() == timedelta(hours=1)
    assert by_naive[summer].utcoffset() == timedelta(hours=2)
    assert by_naive[winter].astimezone(timezone.utc).hour == 9
    assert by_naive[summer].astimezone(timezone.utc).hour == 8
    assert b"DTSTART;TZID=Europe/Amsterdam:20240411T100000" in data


def test_cancelled_meeting_is_exported_as_cancelled():
    meeting = Meeting(date(2024, 3, 14), OR_MEETING, time(10), time(11, 30), remark="geschrapt")
    [event] = events(calendar_bytes([meeting], "OR", now=NOW))
    assert str(event["STATUS"]) == "CANCELLED"


def test_description_has_the_agenda_link_when_an_agenda_exists():
    meetings = [
        Meeting(date(2024, 3, 14), OR_MEETING, time(10), time(11, 30), chair="Voorzitter A"),
        Meeting(date(2024, 3, 28), OR_MEETING, time(10), time(11, 30)),
    ]
    links = {date(2024, 3, 14): "file:///T:/OR/Agenda%27s/agenda.docx"}
    with_agenda, without = events(calendar_bytes(meetings, "OR", lambda m: links.get(m.date), now=NOW))
    assert str(with_agenda["DESCRIPTION"]) == "Voorzitter: Voorzitter A\nAgenda: file:///T:/OR/Agenda%27s/agenda.docx"
    assert "DESCRIPTION" not in without


def test_plan_marker_does_not_leak_into_the_description():
    [event] = [e for e in events(calendar_bytes(plan(), "OR", now=NOW)) if "DESCRIPTION" in e][:1]
    assert str(event["DESCRIPTION"]) == "Hemelvaartsdag; voorstel: do 16-05-2024"


def test_two_manual_meetings_of_one_kind_on_one_day_get_different_uids():
    meetings = [
        Meeting(date(2024, 3, 14), OR_MEETING, time(10), time(11)),
        Meeting(date(2024, 3, 14), OR_MEETING, time(13), time(14)),
    ]
    uids = [str(e["UID"]) for e in events(calendar_bytes(meetings, "OR", now=NOW))]
    assert uids == ["or-20240314.or@orsheet", "or-20240314-2.or@orsheet"]


def test_vtimezone_rules_give_the_amsterdam_offsets_around_31_march_2024():
    calendar = icalendar.Calendar.from_ical(calendar_bytes(plan(), "OR", now=NOW))
    [zone] = calendar.walk("VTIMEZONE")
    tz = zone.to_tz()
    assert tz.utcoffset(datetime(2024, 3, 28, 10)) == timedelta(hours=1)
    assert tz.utcoffset(datetime(2024, 4, 11, 10)) == timedelta(hours=2)
    assert tz.utcoffset(datetime(2024, 10, 31, 10)) == timedelta(hours=1)


def test_a_later_export_has_a_higher_sequence_so_calendars_take_the_update():
    first = events(calendar_bytes(plan(), "OR", now=NOW))[0]
    later = events(calendar_bytes(plan(), "OR", now=NOW + timedelta(hours=1)))[0]
    assert str(first["UID"]) == str(later["UID"])
    assert int(later["SEQUENCE"]) == int(first["SEQUENCE"]) + 60


def test_a_meeting_past_midnight_ends_the_next_day():
    meeting = Meeting(date(2024, 4, 4), "Informeel overleg", time(23), time(0, 30))
    [event] = events(calendar_bytes([meeting], "OR", now=NOW))
    assert event.decoded("DTEND") - event.decoded("DTSTART") == timedelta(minutes=90)
    assert event.decoded("DTEND").date() == date(2024, 4, 5)


def test_a_meeting_without_an_end_lasts_an_hour_and_a_half_and_says_so():
    """Without DTEND (or DURATION) a timed event lasts no time at all (RFC 5545 3.6.1)."""
    meeting = Meeting(date(2024, 3, 14), OR_MEETING, time(19, 30), None)
    [event] = events(calendar_bytes([meeting], "OR", now=NOW))
    assert "DTEND" not in event and event.decoded("DURATION") == timedelta(minutes=90)
    assert str(event["DESCRIPTION"]).endswith("Eindtijd niet ingevuld in de werkmap; hier 1,5 uur gerekend.")


def test_a_meeting_with_an_end_has_no_note_about_it():
    meeting = Meeting(date(2024, 3, 14), OR_MEETING, time(10), time(11, 30))
    [event] = events(calendar_bytes([meeting], "OR", now=NOW))
    assert event.decoded("DTEND") - event.decoded("DTSTART") == timedelta(minutes=90)
    assert "Eindtijd" not in str(event.get("DESCRIPTION", ""))
