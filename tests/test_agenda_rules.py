"""The pure agenda rules: numbering, standard items, clock times, overrun, open actions."""

from __future__ import annotations

from datetime import date, time

import pytest
from hypothesis import given
from hypothesis import strategies as st

from orsheet.agenda import add_minutes, build_agenda, find_meeting, open_actions, same_kind
from orsheet.errors import CellError, SheetError
from orsheet.model import OR_MEETING, OV_MEETING, Action, AgendaItem, Meeting, StandardItem

DAY = date(2023, 10, 12)


def meeting(**changes) -> Meeting:
    values = dict(date=DAY, kind=OR_MEETING, start=time(10, 0), end=time(11, 30), chair="Anna", row=5)
    values.update(changes)
    return Meeting(**values)


def standard() -> list[StandardItem]:
    return [
        StandardItem(OR_MEETING, "begin", 2, "Vaststellen agenda", 5, "Voorzitter", "Ter vaststelling", row=3),
        StandardItem(OR_MEETING, "begin", 1, "Opening", 5, "Voorzitter", row=2),
        StandardItem(OR_MEETING, "eind", 1, "Sluiting", 5, "Voorzitter", row=4),
        StandardItem(OV_MEETING, "begin", 1, "Opening en vaststellen agenda", 10, "Bestuurder", row=5),
    ]


def item(number: str, title: str, minutes: int | None = 10, row: int = 2, **more) -> AgendaItem:
    return AgendaItem(DAY, number, title, minutes, row=row, **more)


def times(agenda) -> list[tuple[str, str, str, int | None]]:
    return [(i.number, i.title, i.start.strftime("%H:%M"), i.minutes) for i in agenda.items]


def test_standard_items_open_and_close_the_meeting_around_its_own_items():
    agenda = build_agenda(meeting(), standard(), [item("3", "O&B", 20)])
    assert times(agenda) == [
        ("1", "Opening", "10:00", 5),
        ("2", "Vaststellen agenda", "10:05", 5),
        ("3", "O&B", "10:10", 20),
        ("4", "Sluiting", "10:30", 5),
    ]


def test_voorzitter_in_a_standard_item_becomes_the_meetings_chair():
    agenda = build_agenda(meeting(), standard(), [item("3", "O&B", 20)])
    assert agenda.items[0].who == "Anna"


def test_parent_without_minutes_starts_at_its_first_sub_item_and_takes_no_time():
    rows = [item("3", "Voorbereiding OV", None, 2), item("3.1", "O&B", 20, 3), item("3.2", "MTO", 15, 4)]
    agenda = build_agenda(meeting(), standard(), rows)
    assert times(agenda)[2:] == [
        ("3", "Voorbereiding OV", "10:10", None),
        ("3.1", "O&B", "10:10", 20),
        ("3.2", "MTO", "10:30", 15),
        ("4", "Sluiting", "10:45", 5),
    ]
    assert [i.is_sub for i in agenda.items[2:5]] == [False, True, True]


def test_sub_items_typed_before_their_parent_are_put_in_number_order():
    rows = [item("3.2", "MTO", 15, 2), item("3.1", "O&B", 20, 3), item("3", "Voorbereiding OV", None, 4)]
    agenda = build_agenda(meeting(), standard(), rows)
    assert [i.number for i in agenda.items] == ["1", "2", "3", "3.1", "3.2", "4"]


def test_item_without_minutes_starts_where_the_previous_ended_and_takes_no_time():
    rows = [item("3", "O&B", 20), item("4", "Rondvraag", None, 3)]
    agenda = build_agenda(meeting(), standard(), rows)
    assert times(agenda)[3:] == [("4", "Rondvraag", "10:30", None), ("5", "Sluiting", "10:30", 5)]


def test_meeting_row_with_a_standard_number_replaces_that_item_and_keeps_empty_cells():
    rows = [item("2", "Vaststellen agenda - met wijziging", None, 2, note="Punt 5.3 vervalt"), item("3", "O&B", 20, 3)]
    agenda = build_agenda(meeting(), standard(), rows)
    second = agenda.items[1]
    assert (second.title, second.minutes, second.who, second.note) == (
        "Vaststellen agenda - met wijziging", 5, "Anna", "Punt 5.3 vervalt")
    assert len(agenda.items) == 4


def test_meeting_row_titled_like_a_closing_item_replaces_it():
    rows = [item("3", "O&B", 20), item("4", "Sluiting", 10, 3)]
    agenda = build_agenda(meeting(), standard(), rows)
    assert times(agenda)[-2:] == [("3", "O&B", "10:10", 20), ("4", "Sluiting", "10:30", 10)]


def test_overrun_is_reported_in_minutes_and_no_item_is_cut():
    agenda = build_agenda(meeting(), standard(), [item("3", "O&B", 95)])
    assert (agenda.total_minutes, agenda.available_minutes, agenda.overrun_minutes) == (110, 90, 20)
    assert len(agenda.items) == 4
    assert "20 minuten te lang" in agenda.overrun_message
    assert "110 minuten" in agenda.overrun_message


def test_agenda_that_exactly_fills_the_slot_has_no_overrun_message():
    agenda = build_agenda(meeting(), standard(), [item("3", "O&B", 75)])
    assert (agenda.total_minutes, agenda.overrun_minutes, agenda.overrun_message) == (90, 0, "")


def test_numbering_gap_names_the_nr_cell_of_the_item_after_the_gap():
    with pytest.raises(CellError) as caught:
        build_agenda(meeting(), standard(), [item("3", "O&B", row=2), item("5", "MTO", row=7)])
    assert str(caught.value).startswith("Agendapunten!B7 (Nr): agendapunt 5 sluit niet aan")


def test_sub_item_without_parent_names_its_cell():
    with pytest.raises(CellError) as caught:
        build_agenda(meeting(), standard(), [item("3", "O&B", row=2), item("4.1", "MTO", row=9)])
    assert str(caught.value) == "Agendapunten!B9 (Nr): subpunt 4.1 heeft geen hoofdpunt 4; voeg punt 4 toe"


def test_sub_item_gap_names_its_cell():
    rows = [item("3", "OV", None, 2), item("3.1", "O&B", row=3), item("3.3", "MTO", row=4)]
    with pytest.raises(CellError, match=r"Agendapunten!B4 \(Nr\): subpunt 3.3 sluit niet aan"):
        build_agenda(meeting(), standard(), rows)


def test_duplicate_number_names_the_second_row():
    with pytest.raises(CellError, match=r"Agendapunten!B6 \(Nr\): agendanummer 3 komt twee keer voor \(ook in rij 2\)"):
        build_agenda(meeting(), standard(), [item("3", "O&B", row=2), item("3", "MTO", row=6)])


@pytest.mark.parametrize("text", ["drie", "3.a", "0", ""])
def test_number_that_is_not_an_agenda_number_names_its_cell(text):
    with pytest.raises(CellError, match=r"Agendapunten!B4 \(Nr\)"):
        build_agenda(meeting(), standard(), [item(text, "O&B", row=4)])


def test_dutch_decimal_comma_is_read_as_a_sub_item_number():
    rows = [item("3", "OV", None, 2), item("3,1", "O&B", 20, 3)]
    assert [i.number for i in build_agenda(meeting(), standard(), rows).items][2:4] == ["3", "3.1"]


def test_meeting_without_items_names_its_date_cell():
    other_day = AgendaItem(date(2023, 10, 26), "3", "Elders", 10, row=2)
    with pytest.raises(CellError, match=r"Vergaderingen!A5 \(Datum\): er staan geen agendapunten"):
        build_agenda(meeting(), standard(), [other_day])


def test_meeting_without_begin_time_names_the_begin_cell():
    with pytest.raises(CellError, match=r"Vergaderingen!C5 \(Begin\)"):
        build_agenda(meeting(start=None), standard(), [item("3", "O&B")])


def test_meeting_missing_from_vergaderingen_is_a_dutch_error():
    with pytest.raises(SheetError, match="er staat geen vergadering op 26-10-2023 in Vergaderingen"):
        find_meeting([meeting()], date(2023, 10, 26))


def test_ov_agenda_uses_the_ov_standard_items():
    agenda = build_agenda(meeting(kind=OV_MEETING), standard(), [item("2", "O&B", 30)])
    assert times(agenda) == [("1", "Opening en vaststellen agenda", "10:00", 10), ("2", "O&B", "10:10", 30)]


def test_open_actions_are_of_the_meetings_kind_not_done_and_not_newer_than_the_meeting():
    actions = [
        Action(339, "Artikel 24", meeting_kind=OR_MEETING, date=date(2023, 9, 28), row=4),
        Action(133, "Verkiezingen", meeting_kind=OR_MEETING, date=date(2022, 1, 23), status="ON HOLD", row=2),
        Action(336, "MTO", meeting_kind="OV-vergadering", date=date(2023, 9, 14), row=3),
        Action(325, "Overdracht", meeting_kind=OR_MEETING, date=date(2023, 7, 6), status="afgerond", row=5),
        Action(348, "Plek", meeting_kind=OR_MEETING, date=date(2023, 10, 26), row=6),
    ]
    assert [a.number for a in open_actions(actions, meeting())] == [133, 339]
    assert [a.number for a in open_actions(actions, meeting(kind=OV_MEETING))] == [336]


def test_ov_vergadering_in_the_overleg_column_means_the_overlegvergadering():
    assert same_kind("OV-vergadering", OV_MEETING)
    assert not same_kind("OR-vergadering", OV_MEETING)


def test_two_meetings_on_one_day_ask_for_the_kind_naming_the_second_row():
    both = [meeting(row=5), meeting(kind=OV_MEETING, start=time(14), row=6)]
    with pytest.raises(CellError, match=r"Vergaderingen!A6 \(Datum\): er staan 2 vergaderingen op 12-10-2023 "
                                        r"\(OR-vergadering, Overlegvergadering; rijen 5, 6\); kies er één met --kind"):
        find_meeting(both, DAY)
    assert find_meeting(both, DAY, "OV-vergadering").start == time(14)


def test_own_item_without_title_names_the_onderwerp_cell():
    with pytest.raises(CellError, match=r"Agendapunten!C4 \(Onderwerp\): agendapunt 3 heeft geen onderwerp"):
        build_agenda(meeting(), standard(), [item("3", "", row=4)])


@given(st.lists(st.tuples(st.one_of(st.none(), st.integers(0, 60)), st.integers(0, 3)), min_size=1, max_size=12))
def test_each_item_starts_where_the_previous_ended_and_the_total_is_the_sum(shape):
    rows, row = [], 2
    for major, (minutes, subs) in enumerate(shape, start=3):
        rows.append(item(str(major), f"Punt {major}", minutes, row))
        row += 1
        for minor in range(1, subs + 1):
            rows.append(item(f"{major}.{minor}", f"Subpunt {major}.{minor}", 5, row))
            row += 1
    agenda = build_agenda(meeting(start=time(9), end=time(17)), standard(), rows)
    for before, after in zip(agenda.items, agenda.items[1:]):
        assert after.start == add_minutes(before.start, before.minutes or 0)
    assert agenda.total_minutes == sum(i.minutes or 0 for i in agenda.items)
    assert [i.number for i in agenda.items][-1] == str(len(shape) + 3)  # Sluiting closes


# --- the edges of each rule (what a changed character would move) -------------


def test_action_with_afgerond_op_filled_is_not_open_even_without_status_afgerond():
    actions = [Action(339, "Artikel 24", meeting_kind=OR_MEETING, date=date(2023, 9, 28), closed_on=date(2023, 10, 1))]
    assert open_actions(actions, meeting()) == ()


def test_action_agreed_on_the_meeting_day_is_open_on_that_meetings_agenda():
    actions = [Action(348, "Plek", meeting_kind=OR_MEETING, date=DAY)]
    assert [a.number for a in open_actions(actions, meeting())] == [348]


def test_open_actions_are_sorted_by_number_and_unnumbered_ones_last_in_row_order():
    actions = [
        Action(None, "Nieuw b", meeting_kind=OR_MEETING, row=9),
        Action(340, "Later", meeting_kind=OR_MEETING, row=2),
        Action(None, "Nieuw a", meeting_kind=OR_MEETING, row=8),
        Action(339, "Eerder", meeting_kind=OR_MEETING, row=3),
    ]
    assert [a.subject for a in open_actions(actions, meeting())] == ["Eerder", "Later", "Nieuw a", "Nieuw b"]


def test_informeel_actions_are_on_the_agenda_of_the_informeel_overleg():
    actions = [Action(350, "Budget", meeting_kind="informeel", date=date(2023, 9, 1))]
    assert [a.number for a in open_actions(actions, meeting(kind="Informeel overleg"))] == [350]


def test_the_agenda_carries_the_open_actions_of_its_meeting():
    actions = [Action(339, "Artikel 24", meeting_kind=OR_MEETING, date=date(2023, 9, 28)),
               Action(336, "MTO", meeting_kind=OV_MEETING, date=date(2023, 9, 14))]
    agenda = build_agenda(meeting(), standard(), [item("3", "O&B")], actions)
    assert [a.number for a in agenda.actions] == [339]


def test_end_equal_to_begin_is_refused_naming_the_einde_cell():
    with pytest.raises(CellError) as caught:
        build_agenda(meeting(end=time(10, 0)), standard(), [item("3", "O&B")])
    assert str(caught.value) == "Vergaderingen!D5 (Einde): de eindtijd 10:00 ligt niet na de begintijd 10:00"


def test_meeting_without_end_time_has_an_agenda_without_overrun():
    agenda = build_agenda(meeting(end=None), standard(), [item("3", "O&B", 200)])
    assert (agenda.available_minutes, agenda.overrun_minutes, agenda.overrun_message) == (None, 0, "")


def test_overrun_message_is_one_dutch_sentence_with_every_figure():
    agenda = build_agenda(meeting(), standard(), [item("3", "O&B", 95)])
    assert agenda.overrun_message == (
        "Let op: de agenda duurt 110 minuten, maar de vergadering is 90 minuten (10:00–11:30): "
        "20 minuten te lang (tot 11:50)."
    )


def test_clock_times_wrap_past_midnight():
    assert add_minutes(time(23, 50), 20) == time(0, 10)
    assert add_minutes(time(9, 59), 1) == time(10, 0)


def test_meeting_without_items_has_a_whole_dutch_message():
    with pytest.raises(CellError) as caught:
        build_agenda(meeting(), standard(), [])
    assert str(caught.value) == (
        "Vergaderingen!A5 (Datum): er staan geen agendapunten voor de vergadering van 12-10-2023 in "
        "Agendapunten (kolom Vergadering = deze datum)"
    )


def test_missing_meeting_of_a_kind_names_the_kind_and_the_sheet():
    with pytest.raises(SheetError) as caught:
        find_meeting([meeting()], DAY, OV_MEETING)
    assert str(caught.value) == (
        "blad Vergaderingen: er staat geen Overlegvergadering op 12-10-2023 in Vergaderingen; "
        "vul daar eerst een rij in"
    )


def test_two_rows_of_one_meeting_ask_to_remove_the_double_row():
    with pytest.raises(CellError, match=r"rijen 5, 6\); verwijder de dubbele rij$"):
        find_meeting([meeting(row=5), meeting(row=6)], DAY)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", 'het agendanummer ontbreekt bij "O&B" (schrijf bijvoorbeeld 5 of 5.1)'),
        ("0", '"0" is geen agendanummer (schrijf bijvoorbeeld 5 of 5.1)'),
        ("3.0", '"3.0" is geen agendanummer (schrijf bijvoorbeeld 5 of 5.1)'),
        ("3.00", '"3.00" is geen agendanummer (schrijf bijvoorbeeld 5 of 5.1)'),
    ],
)
def test_bad_agenda_numbers_have_their_own_dutch_message(text, message):
    with pytest.raises(CellError) as caught:
        build_agenda(meeting(), standard(), [item("3", "MTO", row=3), item(text, "O&B", row=4)])
    assert str(caught.value) == f"Agendapunten!B4 (Nr): {message}"


def test_item_number_1_replaces_the_first_standard_item_and_later_rows_still_count():
    rows = [item("1", "Opening en mededelingen", 10, 2, purpose="Ter informatie"), item("3", "O&B", 20, 3)]
    agenda = build_agenda(meeting(), standard(), rows)
    assert times(agenda) == [
        ("1", "Opening en mededelingen", "10:00", 10),
        ("2", "Vaststellen agenda", "10:10", 5),
        ("3", "O&B", "10:15", 20),
        ("4", "Sluiting", "10:35", 5),
    ]
    assert [(i.purpose, i.source) for i in agenda.items] == [
        ("Ter informatie", "vergadering"), ("Ter vaststelling", "begin"), ("", "vergadering"), ("", "eind"),
    ]  # fmt: skip


def test_standard_items_carry_their_purpose_and_no_note_and_an_own_row_keeps_its_cells():
    rows = [item("3", "O&B", 20, 3, who="Werkgroep", purpose="Ter bespreking", note="Zie bijlage")]
    agenda = build_agenda(meeting(), standard(), rows)
    second, own = agenda.items[1], agenda.items[2]
    assert (second.purpose, second.note, second.source) == ("Ter vaststelling", "", "begin")
    assert (own.who, own.purpose, own.note, own.source) == ("Werkgroep", "Ter bespreking", "Zie bijlage", "vergadering")


def test_a_row_replacing_a_standard_item_keeps_its_own_purpose():
    rows = [item("2", "Agenda", None, 2, purpose="Ter besluitvorming"), item("3", "O&B", 20, 3)]
    assert build_agenda(meeting(), standard(), rows).items[1].purpose == "Ter besluitvorming"


def test_closing_items_follow_in_their_volgorde():
    items = standard() + [StandardItem(OR_MEETING, "eind", 0, "Rondvraag", 5, "Voorzitter", row=6)]
    agenda = build_agenda(meeting(), items, [item("3", "O&B", 20)])
    assert [(i.number, i.title) for i in agenda.items][-2:] == [("4", "Rondvraag"), ("5", "Sluiting")]


def test_a_closing_item_typed_with_a_gap_names_its_own_row():
    with pytest.raises(CellError) as caught:
        build_agenda(meeting(), standard(), [item("3", "O&B", 20, 2), item("9", "Sluiting", 5, 8)])
    assert str(caught.value).startswith("Agendapunten!B8 (Nr): agendapunt 9 sluit niet aan")


def test_rows_are_read_in_sheet_order_so_the_later_row_is_the_duplicate():
    with pytest.raises(CellError, match=r"Agendapunten!B6 \(Nr\): agendanummer 3 komt twee keer voor \(ook in rij 2\)"):
        build_agenda(meeting(), standard(), [item("3", "MTO", row=6), item("3", "O&B", row=2)])


@pytest.mark.parametrize(
    ("who", "meeting_changes", "shown"),
    [
        ("Secretaris", {"minute_taker": "Bram"}, "Bram"),
        ("notulist", {"minute_taker": "Bram"}, "Bram"),
        ("Notulist", {"minute_taker": ""}, "Notulist"),
        ("Voorzitter", {"chair": ""}, "Voorzitter"),
        ("Bestuurder", {"minute_taker": "Bram", "chair": "Anna"}, "Bestuurder"),
    ],
)
def test_voorzitter_and_notulist_in_a_standard_item_become_this_meetings_people(who, meeting_changes, shown):
    items = [StandardItem(OR_MEETING, "begin", 1, "Opening", 5, who, row=2)]
    agenda = build_agenda(meeting(**meeting_changes), items, [item("2", "O&B")])
    assert agenda.items[0].who == shown


def test_a_row_replacing_a_standard_item_may_name_another_person():
    rows = [item("1", "Opening", None, 2, who="Bram"), item("3", "O&B", 20, 3)]
    assert build_agenda(meeting(), standard(), rows).items[0].who == "Bram"


def test_a_closing_item_typed_before_other_rows_still_lets_them_through():
    rows = [item("4", "Sluiting", 10, 2), item("3", "O&B", 20, 3)]
    assert times(build_agenda(meeting(), standard(), rows))[-2:] == [("3", "O&B", "10:10", 20), ("4", "Sluiting", "10:30", 10)]


def test_missing_begin_time_has_a_whole_dutch_message():
    with pytest.raises(CellError) as caught:
        build_agenda(meeting(start=None), standard(), [item("3", "O&B")])
    assert str(caught.value) == (
        "Vergaderingen!C5 (Begin): de begintijd van de vergadering van 12-10-2023 ontbreekt (vul bijvoorbeeld 10:00 in)"
    )
