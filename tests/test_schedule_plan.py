"""The year plan: series -> proposed meetings, flags on days off, warnings, overview."""

from __future__ import annotations

from datetime import date, time

from orsheet.model import INFORMAL_MEETING, OR_MEETING, OV_MEETING, Meeting
from orsheet.schedule import Series, origin, propose_year, series_dates, split_marker
from orsheet.schedule_text import overview, overview_text, warnings

HOLIDAYS_2024 = {
    date(2024, 1, 1): "Nieuwjaarsdag",
    date(2024, 3, 29): "Goede vrijdag",
    date(2024, 4, 1): "Tweede paasdag",
    date(2024, 5, 9): "Hemelvaartsdag",
    date(2024, 5, 20): "Tweede pinksterdag",
    date(2024, 12, 25): "Eerste kerstdag",
    date(2024, 12, 26): "Tweede kerstdag",
}
DEFAULT_SERIES = [
    Series(1, OR_MEETING, 3, date(2024, 1, 4), 2, time(10), time(11, 30), "Vergaderruimte 6.2.02"),
    Series(2, OV_MEETING, 3, date(2024, 1, 18), 4, time(14), time(15, 30), "Vergaderruimte 4.3.07"),
    Series(3, INFORMAL_MEETING, 3, date(2024, 1, 4), 4, time(16), time(16, 45), "Vergaderruimte 4.3.07"),
]


def d(text: str) -> date:
    day, month = (int(part) for part in text.split("-"))
    return date(2024, month, day)


EXPECTED_OR = [d(x) for x in (
    "4-1 18-1 1-2 15-2 29-2 14-3 28-3 11-4 25-4 9-5 23-5 6-6 20-6 4-7 18-7 1-8 15-8 29-8 "
    "12-9 26-9 10-10 24-10 7-11 21-11 5-12 19-12"
).split()]  # fmt: skip
EXPECTED_OV = [d(x) for x in "18-1 15-2 14-3 11-4 9-5 6-6 4-7 1-8 29-8 26-9 24-10 21-11 19-12".split()]
EXPECTED_INFORMAL = [d(x) for x in "4-1 1-2 29-2 28-3 25-4 23-5 20-6 18-7 15-8 12-9 10-10 7-11 5-12".split()]


def dates_of(meetings: list[Meeting], kind: str) -> list[date]:
    return [m.date for m in meetings if m.kind == kind]


def test_default_plan_2024_has_or_every_second_thursday_from_4_january():
    plan = propose_year(DEFAULT_SERIES, 2024, HOLIDAYS_2024)
    assert dates_of(plan, OR_MEETING) == EXPECTED_OR
    assert all(m.start == time(10) and m.end == time(11, 30) for m in plan if m.kind == OR_MEETING)


def test_default_plan_2024_alternates_formal_and_informal_overleg_on_or_days():
    plan = propose_year(DEFAULT_SERIES, 2024, HOLIDAYS_2024)
    formal, informal = dates_of(plan, OV_MEETING), dates_of(plan, INFORMAL_MEETING)
    assert formal == EXPECTED_OV
    assert informal == EXPECTED_INFORMAL
    assert set(formal).isdisjoint(informal)
    assert sorted(formal + informal) == EXPECTED_OR  # every OR day has exactly one of the two
    assert all(m.start == time(14) and m.end == time(15, 30) for m in plan if m.kind == OV_MEETING)
    assert all(m.start == time(16) and m.end == time(16, 45) for m in plan if m.kind == INFORMAL_MEETING)


def test_meeting_on_hemelvaartsdag_is_flagged_with_a_suggestion_not_moved():
    plan = propose_year(DEFAULT_SERIES, 2024, HOLIDAYS_2024)
    on_ascension = [m for m in plan if m.date == date(2024, 5, 9)]
    assert [m.kind for m in on_ascension] == [OR_MEETING, OV_MEETING]
    for meeting in on_ascension:
        assert split_marker(meeting.remark)[0] == "Hemelvaartsdag; voorstel: do 16-05-2024"
    flagged = [m.date for m in plan if split_marker(m.remark)[0]]
    assert flagged == [date(2024, 5, 9), date(2024, 5, 9)]


def test_suggestion_skips_a_day_off_a_week_later():
    series = [Series(1, OR_MEETING, 2, date(2024, 12, 25), 52, time(10), time(11))]
    days_off = {date(2024, 12, 25): "Eerste kerstdag", date(2025, 1, 1): "Nieuwjaarsdag"}
    [meeting] = propose_year(series, 2024, days_off)
    assert split_marker(meeting.remark)[0] == "Eerste kerstdag; voorstel: wo 08-01-2025"


def test_generated_meetings_carry_an_untouched_plan_marker():
    plan = propose_year(DEFAULT_SERIES, 2024, HOLIDAYS_2024)
    first = plan[0]
    assert first.remark.startswith("[jaarplanning OR 04-01-2024 #")
    key, untouched = origin(first)
    assert (key.code, key.date, untouched) == ("OR", date(2024, 1, 4), True)


def test_series_continues_its_rhythm_into_the_next_year():
    assert series_dates(DEFAULT_SERIES[0], 2025)[:3] == [date(2025, 1, 2), date(2025, 1, 16), date(2025, 1, 30)]
    assert series_dates(DEFAULT_SERIES[1], 2025)[0] == date(2025, 1, 16)


def test_first_date_not_on_the_weekday_starts_on_the_next_such_weekday():
    series = Series(1, OR_MEETING, 1, date(2024, 1, 4), 1, time(10), time(11))  # dinsdag, from a Thursday
    assert series_dates(series, 2024)[:2] == [date(2024, 1, 9), date(2024, 1, 16)]


def test_series_gives_nothing_in_a_year_before_its_first_date():
    assert series_dates(DEFAULT_SERIES[0], 2023) == []


def test_overlapping_meetings_are_warned_about():
    meetings = [
        Meeting(date(2024, 3, 14), OR_MEETING, time(10), time(11, 30)),
        Meeting(date(2024, 3, 14), INFORMAL_MEETING, time(11), time(12)),
    ]
    assert warnings(meetings, {}) == [
        "do 14-03-2024: OR-vergadering (10:00–11:30) overlapt met Informeel overleg (11:00–12:00)"
    ]


def test_ov_not_on_an_or_day_is_warned_about():
    meetings = [
        Meeting(date(2024, 3, 14), OR_MEETING, time(10), time(11, 30)),
        Meeting(date(2024, 3, 21), OV_MEETING, time(14), time(15, 30)),
    ]
    assert warnings(meetings, {}) == ["do 21-03-2024: Overlegvergadering valt niet op een dag met een OR-vergadering"]


def test_cancelled_meetings_raise_no_warnings():
    meetings = [
        Meeting(date(2024, 3, 14), OR_MEETING, time(10), time(11, 30), remark="geschrapt"),
        Meeting(date(2024, 3, 14), OV_MEETING, time(11), time(12), remark="Geschrapt wegens ziekte"),
    ]
    assert warnings(meetings, {date(2024, 3, 14): "vrije dag"}) == []


def test_default_plan_2024_warns_only_about_hemelvaartsdag():
    plan = propose_year(DEFAULT_SERIES, 2024, HOLIDAYS_2024)
    assert warnings(plan, HOLIDAYS_2024) == [
        "do 09-05-2024: OR-vergadering valt op Hemelvaartsdag",
        "do 09-05-2024: Overlegvergadering valt op Hemelvaartsdag",
    ]


def test_overview_lists_meetings_per_month_in_dutch():
    plan = propose_year(DEFAULT_SERIES, 2024, HOLIDAYS_2024)
    months = overview(plan, HOLIDAYS_2024)
    assert list(months)[:3] == ["januari 2024", "februari 2024", "maart 2024"]
    assert len(months) == 12
    assert months["mei 2024"][0] == (
        "do 09-05-2024  10:00–11:30  OR-vergadering, Vergaderruimte 6.2.02  ! Hemelvaartsdag"
    )
    text = overview_text(2024, plan, HOLIDAYS_2024)
    assert text.startswith("Jaarplanning 2024\n\njanuari 2024\n  do 04-01-2024  10:00–11:30")
    assert "Let op:\n  - do 09-05-2024: OR-vergadering valt op Hemelvaartsdag" in text
