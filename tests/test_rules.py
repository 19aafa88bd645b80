from datetime import date

import pytest

from orsheet.errors import CellError, ProblemList
from orsheet.model import Action
from orsheet.rules import assign_numbers, done_problems, next_number, numbering_problems, plan_close


def action(number, row, status="", **kwargs):
    return Action(number=number, row=row, status=status, **kwargs)


def test_next_number_follows_the_highest_number_in_either_sheet_or_setting():
    actions = [action(345, 2)]
    archive = [action(347, 2)]  # an OV action, archived: the OR list must skip it
    assert next_number(actions, archive, 0) == 348
    assert next_number(actions, archive, 400) == 401


def test_new_actions_are_numbered_in_sheet_order_from_the_global_sequence():
    actions = [action(339, 2), action(None, 3), action(345, 4), action(None, 5)]
    assigned = assign_numbers(actions, [action(347, 2)], 0)
    assert [(n.row, n.number) for n in assigned] == [(3, 348), (5, 349)]


def test_duplicate_numbers_are_reported_with_both_cells_and_nothing_is_numbered():
    actions = [action(330, 2), action(None, 3)]
    archive = [action(330, 7)]
    with pytest.raises(ProblemList) as caught:
        assign_numbers(actions, archive, 0)
    message = str(caught.value)
    assert "Archief!A7" in message and "Acties!A2" in message and "twee keer" in message


def test_zero_and_negative_numbers_are_reported():
    problems = numbering_problems([action(-3, 4), action(0, 5)], [])
    assert [str(p.location) for p in problems] == ["Acties!A4 (Nr)", "Acties!A5 (Nr)"]


def test_closing_takes_named_numbers_and_every_action_marked_afgerond():
    actions = [action(325, 2), action(330, 3), action(332, 4, status="Afgerond"), action(333, 5)]
    plan = plan_close(actions, [], [325, 330], date(2023, 10, 12))
    assert [a.number for a in plan.closed] == [325, 330, 332]
    assert all(a.status == "afgerond" and a.closed_on == date(2023, 10, 12) for a in plan.closed)


def test_closing_keeps_a_closing_date_the_secretary_typed():
    actions = [action(325, 2, status="afgerond", closed_on=date(2023, 10, 1))]
    assert plan_close(actions, [], [], date(2023, 10, 12)).closed[0].closed_on == date(2023, 10, 1)


def test_closing_an_unknown_or_archived_number_closes_nothing_and_says_why():
    actions = [action(325, 2)]
    archive = [action(301, 9, closed_on=date(2023, 6, 1))]
    with pytest.raises(ProblemList) as caught:
        plan_close(actions, archive, [325, 301, 999], date(2023, 10, 12))
    text = str(caught.value)
    assert "actie 301 is al afgerond op 01-06-2023" in text
    assert "actie 999 bestaat niet" in text


def test_without_any_number_or_setting_the_first_action_gets_number_1():
    assert next_number([], []) == 1
    assert [n.number for n in assign_numbers([action(None, 2)], [])] == [1]


def test_a_highest_number_in_the_setting_alone_is_followed():
    assert [n.number for n in assign_numbers([action(None, 2)], [], 400)] == [401]


def test_broken_numbering_is_refused_with_one_dutch_message_listing_every_problem():
    with pytest.raises(ProblemList) as caught:
        assign_numbers([action(0, 2), action(5, 3), action(5, 4)], [])
    assert str(caught.value) == (
        "De actienummers bevatten fouten; los die eerst op (2):\n"
        "- Acties!A2 (Nr): nummer 0 is geen geldig actienummer (moet 1 of hoger zijn)\n"
        "- Acties!A4 (Nr): nummer 5 komt twee keer voor (ook in Acties!A3 (Nr))"
    )


def test_number_1_is_valid_and_problems_after_an_unnumbered_row_are_still_found():
    problems = numbering_problems([action(1, 2), action(None, 3), action(1, 4)], [action(-1, 2)])
    assert [str(p) for p in problems] == [
        "Acties!A4 (Nr): nummer 1 komt twee keer voor (ook in Acties!A2 (Nr))",
        "Archief!A2 (Nr): nummer -1 is geen geldig actienummer (moet 1 of hoger zijn)",
    ]


def test_closing_refuses_with_the_whole_dutch_message():
    archive = [action(301, 9, closed_on=date(2023, 6, 1)), action(302, 10)]
    with pytest.raises(ProblemList) as caught:
        plan_close([action(325, 2)], archive, [301, 302, 999], date(2023, 10, 12))
    assert str(caught.value) == (
        "Niets gesloten (3):\n"
        "- actie 301 is al afgerond op 01-06-2023 en staat in Archief (rij 9)\n"
        "- actie 302 is al afgerond en staat in Archief (rij 10)\n"
        "- actie 999 bestaat niet in Acties"
    )


# --- one rule for "done" (model.Action.is_done) and the rows where Status and Afgerond op disagree ---


@pytest.mark.parametrize("status, closed_on, done", [
    ("afgerond", None, True),
    (" Afgerond ", None, True),  # as typed: case and spaces do not matter
    ("", date(2023, 10, 21), True),  # typing the date is saying it is done
    ("in behandeling", date(2023, 10, 21), True),
    ("in behandeling", None, False),
    ("ON HOLD", None, False),
    ("", None, False),
    ("afgerond?", None, False),
])
def test_an_action_is_done_by_status_afgerond_or_by_a_date_in_afgerond_op(status, closed_on, done):
    assert action(204, 6, status, closed_on=closed_on).is_done is done


def test_done_before_a_day_needs_a_date_before_that_day():
    done = action(204, 6, closed_on=date(2023, 10, 21))
    assert done.done_before(date(2023, 10, 22)) and not done.done_before(date(2023, 10, 21))
    assert not action(201, 4, "afgerond").done_before(date(2099, 1, 1))  # no date: nobody knows when


def test_closing_takes_an_action_with_only_afgerond_op_filled_and_keeps_its_date():
    actions = [action(203, 5), action(204, 6, closed_on=date(2023, 10, 21)), action(205, 7, "in behandeling")]
    closed = plan_close(actions, [], [], date(2023, 10, 26)).closed
    assert [(a.number, a.status, a.closed_on) for a in closed] == [(204, "afgerond", date(2023, 10, 21))]


def test_a_date_in_afgerond_op_next_to_another_status_is_pointed_out_at_the_status_cell():
    problems = done_problems([action(204, 6, closed_on=date(2023, 10, 21)),
                              action(187, 3, "in behandeling", closed_on=date(2023, 9, 1))], [])
    assert [str(p) for p in problems] == [
        'Acties!H6 (Status): Afgerond op is ingevuld (21-10-2023), maar Status is leeg; de actie telt als afgerond '
        'en gaat bij sluiten naar Archief (zet Status op "afgerond", of maak Afgerond op leeg als ze nog loopt)',
        'Acties!H3 (Status): Afgerond op is ingevuld (01-09-2023), maar Status is "in behandeling"; de actie telt als '
        'afgerond en gaat bij sluiten naar Archief (zet Status op "afgerond", of maak Afgerond op leeg als ze nog loopt)',
    ]


def test_status_afgerond_with_or_without_its_date_is_the_usual_way_and_no_problem():
    acties = [action(201, 4, "afgerond"), action(202, 5, "Afgerond", closed_on=date(2023, 10, 1)), action(203, 6)]
    assert done_problems(acties, [action(190, 2, "afgerond", closed_on=date(2023, 6, 1))]) == []


def test_an_archived_action_without_afgerond_op_is_pointed_out_at_that_cell():
    problems = done_problems([], [action(190, 2, "afgerond", closed_on=date(2023, 6, 1)), action(191, 3, "afgerond")])
    assert [str(p) for p in problems] == [
        "Archief!J3 (Afgerond op): de actie staat in Archief, maar Afgerond op is leeg; vul de datum in waarop ze is "
        "afgerond (zonder datum toont de Woo-lijst haar in elke periode)"
    ]


def test_the_last_nine_digit_number_is_given_and_the_one_after_it_is_refused_at_the_nr_cell():
    assert [n.number for n in assign_numbers([action(None, 2)], [], 999_999_998)] == [999_999_999]
    with pytest.raises(CellError) as caught:
        assign_numbers([action(None, 2), action(None, 3)], [], 999_999_998)
    assert str(caught.value) == ("Acties!A3 (Nr): het volgende actienummer (1000000000) heeft meer dan negen cijfers; "
                                 "geef deze actie zelf een vrij nummer")
