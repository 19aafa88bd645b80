"""Regenerating the year keeps what the secretary changed by hand."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, time

from hypothesis import given, settings
from hypothesis import strategies as st

from orsheet.model import INFORMAL_MEETING, OR_MEETING, OV_MEETING, Meeting
from orsheet.schedule import Series, merge, propose_year, split_marker
from tests.test_schedule_plan import DEFAULT_SERIES, HOLIDAYS_2024


def sheet_rows(meetings: list[Meeting], first_row: int = 2) -> list[Meeting]:
    """Meetings as they come back from the sheet: with row numbers."""
    return [replace(m, row=first_row + index) for index, m in enumerate(meetings)]


def fresh_sheet() -> list[Meeting]:
    return sheet_rows(propose_year(DEFAULT_SERIES, 2024, HOLIDAYS_2024))


def regenerate(rows: list[Meeting], series: list[Series] = DEFAULT_SERIES, **options):
    return merge(2024, propose_year(series, 2024, HOLIDAYS_2024), rows, **options)


def find(rows: list[Meeting], day: date, kind: str = OR_MEETING) -> Meeting:
    [meeting] = [m for m in rows if m.date == day and m.kind == kind]
    return meeting


def test_first_plan_on_an_empty_sheet_adds_every_meeting():
    changes = regenerate([])
    assert len(changes.added) == 26 + 13 + 13
    assert not changes.updated and not changes.removed


def test_regenerating_an_untouched_plan_changes_nothing():
    rows = fresh_sheet()
    changes = regenerate(rows)
    assert not changes.has_changes
    assert len(changes.unchanged) == len(rows)


def test_moved_meeting_survives_regeneration_and_is_not_proposed_again():
    rows = fresh_sheet()
    moved = find(rows, date(2024, 5, 9))
    rows[rows.index(moved)] = replace(moved, date=date(2024, 5, 16))
    changes = regenerate(rows)
    assert not changes.has_changes
    assert [m.date for m in changes.kept_by_hand] == [date(2024, 5, 16)]
    assert date(2024, 5, 9) not in [m.date for m in changes.resulting_meetings() if m.kind == OR_MEETING]


def test_cancelled_meeting_survives_regeneration():
    rows = fresh_sheet()
    cancelled = find(rows, date(2024, 3, 14), OV_MEETING)
    rows[rows.index(cancelled)] = replace(cancelled, remark="geschrapt " + cancelled.remark)
    changes = regenerate(rows)
    assert not changes.has_changes
    assert split_marker(changes.kept_by_hand[0].remark)[0] == "geschrapt"


def test_cancelled_meeting_whose_marker_was_overwritten_is_not_added_again():
    rows = fresh_sheet()
    cancelled = find(rows, date(2024, 3, 14), OV_MEETING)
    rows[rows.index(cancelled)] = replace(cancelled, remark="geschrapt")
    changes = regenerate(rows)
    assert not changes.has_changes


def test_extra_meeting_survives_regeneration():
    rows = fresh_sheet()
    extra = Meeting(date(2024, 10, 3), OR_MEETING, time(13), time(15), remark="extra overleg speerpunten")
    rows.append(replace(extra, row=100))
    changes = regenerate(rows)
    assert not changes.has_changes
    assert changes.kept_by_hand == [replace(extra, row=100)]


def test_changed_time_survives_regeneration():
    rows = fresh_sheet()
    changed = find(rows, date(2024, 6, 20), INFORMAL_MEETING)
    rows[rows.index(changed)] = replace(changed, start=time(15, 30), end=time(16, 15))
    changes = regenerate(rows)
    assert not changes.has_changes
    assert (changes.kept_by_hand[0].start, changes.kept_by_hand[0].end) == (time(15, 30), time(16, 15))


def test_changed_settings_replace_only_untouched_rows():
    rows = fresh_sheet()
    moved = find(rows, date(2024, 5, 9))
    rows[rows.index(moved)] = replace(moved, date=date(2024, 5, 16))
    later = [replace(DEFAULT_SERIES[0], start=time(9, 30), end=time(11))] + DEFAULT_SERIES[1:]
    changes = regenerate(rows, later)
    assert len(changes.updated) == 25  # every OR row except the moved one
    assert all(c.meeting.start == time(9, 30) and c.meeting.row == c.before.row for c in changes.updated)
    assert [m.date for m in changes.kept_by_hand] == [date(2024, 5, 16)]
    assert not changes.added and not changes.removed


def test_changed_weekday_removes_untouched_rows_and_adds_new_ones():
    rows = fresh_sheet()
    tuesday = [replace(DEFAULT_SERIES[0], weekday=1)] + DEFAULT_SERIES[1:]
    changes = regenerate(rows, tuesday)
    assert len(changes.removed) == 26 and len(changes.added) == 26
    assert all(m.date.weekday() == 1 for m in changes.added)


def test_rows_of_other_years_are_left_alone():
    rows = fresh_sheet() + [Meeting(date(2023, 12, 21), OR_MEETING, time(10), time(11, 30), row=200)]
    changes = regenerate(rows)
    assert not changes.has_changes
    assert all(m.date.year == 2024 for m in changes.resulting_meetings())


def test_manual_row_on_a_planned_date_stands_in_for_the_proposal():
    typed = Meeting(date(2024, 1, 4), OR_MEETING, time(10), time(11, 30), "Vergaderruimte 6.2.02", row=2)
    changes = regenerate([typed])
    assert date(2024, 1, 4) not in [m.date for m in changes.added if m.kind == OR_MEETING]
    assert len(changes.added) == 51


def test_history_before_keep_before_is_not_touched():
    rows = fresh_sheet()
    tuesday = [replace(DEFAULT_SERIES[0], weekday=1)] + DEFAULT_SERIES[1:]
    changes = regenerate(rows, tuesday, keep_before=date(2024, 7, 1))
    assert all(m.date >= date(2024, 7, 1) for m in changes.removed + changes.added)
    assert len(changes.removed) == 13  # Thursday ORs from 4 July on


def test_exact_copy_of_a_generated_row_is_removed_as_a_duplicate():
    rows = fresh_sheet()
    rows.append(replace(rows[0], row=300))
    changes = regenerate(rows)
    assert [m.row for m in changes.removed] == [300]


def test_untouched_row_with_agenda_items_is_kept_when_the_plan_drops_it():
    rows = fresh_sheet()
    tuesday = [replace(DEFAULT_SERIES[0], weekday=1)] + DEFAULT_SERIES[1:]
    changes = regenerate(rows, tuesday, in_use=[date(2024, 1, 18)])
    assert len(changes.removed) == 25
    assert [m.date for m in changes.kept_by_hand] == [date(2024, 1, 18)]
    assert changes.notes == ["do 18-01-2024: OR-vergadering blijft staan: er zijn agendapunten voor deze datum"]

series_strategy = st.builds(
    Series,
    number=st.just(1),
    kind=st.sampled_from([OR_MEETING, OV_MEETING, INFORMAL_MEETING]),
    weekday=st.integers(0, 6),
    first=st.dates(date(2023, 6, 1), date(2024, 12, 31)),
    interval_weeks=st.integers(1, 8),
    start=st.sampled_from([time(9), time(10), time(14)]),
    end=st.sampled_from([time(17)]),
    location=st.sampled_from(["", "Zaal 1"]),
)
edits = st.sampled_from(["move", "cancel", "retime", "chair"])


@settings(max_examples=60, deadline=None)
@given(series=series_strategy, edit=edits, pick=st.integers(0, 1000))
def test_any_single_hand_edit_survives_regeneration_and_nothing_else_changes(series, edit, pick):
    rows = sheet_rows(propose_year([series], 2024, HOLIDAYS_2024))
    assert not merge(2024, propose_year([series], 2024, HOLIDAYS_2024), rows).has_changes
    if not rows:
        return
    index = pick % len(rows)
    row = rows[index]
    rows[index] = {
        "move": replace(row, date=row.date.replace(day=1) if row.date.day != 1 else row.date.replace(day=2)),
        "cancel": replace(row, remark=row.remark + " geschrapt"),
        "retime": replace(row, start=time(8)),
        "chair": replace(row, chair="Voorzitter"),
    }[edit]
    changes = merge(2024, propose_year([series], 2024, HOLIDAYS_2024), rows)
    assert not changes.has_changes
    assert changes.kept_by_hand == [rows[index]]


def test_manual_row_with_kind_in_other_case_still_stands_in_for_the_proposal():
    typed = Meeting(date(2024, 1, 4), "or-vergadering", time(10), time(11, 30), row=2)
    changes = regenerate([typed])
    assert date(2024, 1, 4) not in [m.date for m in changes.added if m.kind == OR_MEETING]


# --- the edges of each rule (what a changed character would move) -------------


def test_rows_of_other_years_before_and_after_this_year_are_all_skipped():
    rows = [Meeting(date(2023, 12, 21), OR_MEETING, time(10), time(11, 30), row=2)] + fresh_sheet()
    changes = regenerate(rows)
    assert not changes.has_changes and len(changes.unchanged) == 52


def test_keep_before_is_exclusive_a_meeting_on_that_day_may_still_change():
    rows = fresh_sheet()
    tuesday = [replace(DEFAULT_SERIES[0], weekday=1)] + DEFAULT_SERIES[1:]
    on_a_tuesday = regenerate(rows, tuesday, keep_before=date(2024, 7, 9))
    assert date(2024, 7, 9) in [m.date for m in on_a_tuesday.added]
    on_a_thursday = regenerate(rows, tuesday, keep_before=date(2024, 7, 4))
    assert date(2024, 7, 4) in [m.date for m in on_a_thursday.removed]


def test_history_rows_are_kept_as_they_are_and_cover_their_origin():
    rows = fresh_sheet()
    moved = find(rows, date(2024, 1, 4))
    rows[rows.index(moved)] = replace(moved, start=time(9))
    manual = Meeting(date(2024, 1, 9), OR_MEETING, time(10), time(11), row=400)
    tuesday = [replace(DEFAULT_SERIES[0], weekday=1, first=date(2024, 1, 9))] + DEFAULT_SERIES[1:]
    changes = regenerate(rows + [manual], tuesday, keep_before=date(2024, 2, 1))
    assert replace(moved, start=time(9)) in changes.kept_by_hand and manual in changes.kept_by_hand
    assert find(rows, date(2024, 1, 18)) in changes.unchanged
    assert date(2024, 1, 9) not in [m.date for m in changes.added]


def test_plan_changes_know_their_year():
    assert regenerate([]).year == 2024


def test_a_manual_row_has_no_origin_and_is_not_untouched():
    from orsheet.schedule import origin

    assert origin(Meeting(date(2024, 1, 4), OR_MEETING, time(10))) == (None, False)


def test_fingerprint_is_six_hex_digits_of_sha1_over_the_cells():
    import hashlib

    from orsheet.schedule import fingerprint

    meeting = Meeting(date(2024, 1, 4), OR_MEETING, time(10), time(11, 30), "Zaal  1", "Anna")
    cells = "\x1f".join(["2024-01-04", OR_MEETING, "10:00", "11:30", "Zaal 1", "Anna", "", "", "notitie"])
    assert fingerprint(meeting, "notitie") == hashlib.sha1(cells.encode()).hexdigest()[:6]
    assert fingerprint(replace(meeting, end=None), "notitie") != fingerprint(meeting, "notitie")


def test_a_remark_without_a_valid_marker_comes_back_trimmed_and_without_origin():
    assert split_marker("  geschrapt ") == ("geschrapt", None, None)
    assert split_marker("") == ("", None, None)
    assert split_marker(None) == ("", None, None)
    assert split_marker("x [jaarplanning OR 31-02-2024 #1a2b3c]") == ("x [jaarplanning OR 31-02-2024 #1a2b3c]", None, None)


def test_meetings_sort_by_date_then_start_with_an_unknown_start_first():
    from orsheet.schedule import sort_meetings

    early = Meeting(date(2024, 1, 4), OR_MEETING, time(0, 30))
    unknown = Meeting(date(2024, 1, 4), OV_MEETING, None)
    assert sort_meetings([early, unknown]) == [unknown, early]


def test_meetings_that_only_touch_do_not_overlap_and_unknown_times_never_do():
    from orsheet.schedule import overlaps

    first = Meeting(date(2024, 1, 4), OR_MEETING, time(10), time(11, 30))
    touching = Meeting(date(2024, 1, 4), OV_MEETING, time(11, 30), time(12))
    assert not overlaps(first, touching) and not overlaps(touching, first)
    assert overlaps(first, replace(touching, start=time(11, 29)))
    assert not overlaps(first, replace(touching, end=None))


def test_two_series_of_one_kind_on_one_day_give_one_meeting_and_the_rest_still_comes():
    every_three = replace(DEFAULT_SERIES[0], number=4, first=date(2024, 1, 4), interval_weeks=3)
    days = [m.date for m in propose_year([DEFAULT_SERIES[0], every_three], 2024, HOLIDAYS_2024)]
    assert len(days) == len(set(days)) == 26 + 18 - 9  # 4 Jan, 15 Feb, ... are on both: one meeting
    assert date(2024, 1, 25) in days


def test_a_series_starting_on_1_january_keeps_that_day():
    from orsheet.schedule import series_dates

    monday = replace(DEFAULT_SERIES[0], weekday=0, first=date(2024, 1, 1), interval_weeks=1)
    assert series_dates(monday, 2024)[0] == date(2024, 1, 1)
    later = replace(monday, first=date(2023, 1, 2))
    assert series_dates(later, 2024)[0] == date(2024, 1, 1)


def test_a_generated_row_moved_into_the_next_year_still_counts_for_its_origin_year():
    rows = fresh_sheet()
    last = find(rows, date(2024, 12, 19))
    rows[rows.index(last)] = replace(last, date=date(2025, 1, 2))
    changes = regenerate(rows)
    assert date(2024, 12, 19) not in [m.date for m in changes.added]
    assert replace(last, date=date(2025, 1, 2)) in changes.kept_by_hand


def test_a_generated_row_moved_into_the_history_still_stands_for_its_origin():
    rows = fresh_sheet()
    july = find(rows, date(2024, 7, 4))
    rows[rows.index(july)] = replace(july, date=date(2024, 6, 27))
    changes = regenerate(rows, keep_before=date(2024, 7, 1))
    assert date(2024, 7, 4) not in [m.date for m in changes.added if m.kind == OR_MEETING]
