"""Typed deadlines ("eind okt", "Q1", "31-10") read as dates relative to the action's Datum."""

from __future__ import annotations

from datetime import date

import pytest

from orsheet.deadlines import deadline_date, interpret
from orsheet.model import Deadline

SEPT_14 = date(2023, 9, 14)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("eind okt", date(2023, 10, 31)),
        ("Eind oktober", date(2023, 10, 31)),
        ("einde okt.", date(2023, 10, 31)),
        ("eind van oktober", date(2023, 10, 31)),
        ("begin oktober", date(2023, 10, 10)),
        ("medio november", date(2023, 11, 15)),
        ("half nov", date(2023, 11, 15)),
        ("oktober", date(2023, 10, 31)),
        ("in november", date(2023, 11, 30)),
        ("oktober/november", date(2023, 11, 30)),
        ("uiterlijk eind december", date(2023, 12, 31)),
        ("31-10", date(2023, 10, 31)),
        ("31/10", date(2023, 10, 31)),
        ("1-11-2023", date(2023, 11, 1)),
        ("1-11-23", date(2023, 11, 1)),
        ("2023-10-09", date(2023, 10, 9)),
        ("31 oktober", date(2023, 10, 31)),
        ("3 okt", date(2023, 10, 3)),
        ("voor 31-10", date(2023, 10, 31)),
        ("Q4", date(2023, 12, 31)),
        ("q1", date(2024, 3, 31)),
        ("Q1 2024", date(2024, 3, 31)),
        ("1e kwartaal", date(2024, 3, 31)),
        ("derde kwartaal 2024", date(2024, 9, 30)),
        ("week 43", date(2023, 10, 27)),
        ("wk 2", date(2024, 1, 12)),
        ("na de zomer", date(2024, 9, 10)),
        ("voor de zomer", date(2024, 6, 30)),
        ("voor de kerst", date(2023, 12, 24)),
        ("eind dit jaar", date(2023, 12, 31)),
        ("eind 2024", date(2024, 12, 31)),
        ("volgende week", date(2023, 9, 22)),
        ("binnen 2 weken", date(2023, 9, 28)),
        ("volgende maand", date(2023, 10, 31)),
        ("begin volgend jaar", date(2024, 1, 10)),
        ("eind volgend jaar", date(2024, 12, 31)),
    ],
)
def test_typed_deadline_is_read_relative_to_action_date(text, expected):
    assert interpret(text, SEPT_14) == expected


def test_eind_okt_after_october_means_next_year():
    assert interpret("eind okt", date(2023, 11, 2)) == date(2024, 10, 31)


def test_day_month_already_past_rolls_to_next_year():
    assert interpret("31-10", date(2023, 11, 5)) == date(2024, 10, 31)


def test_na_de_zomer_typed_in_spring_means_this_september():
    assert interpret("na de zomer", date(2023, 4, 3)) == date(2023, 9, 10)


def test_month_of_the_action_itself_is_this_year():
    assert interpret("eind sept", SEPT_14) == date(2023, 9, 30)


@pytest.mark.parametrize("text", ["31-02", "30-02-2024", "32-10", "15-13", "week 60"])
def test_impossible_dates_are_not_understood(text):
    assert interpret(text, SEPT_14) is None


@pytest.mark.parametrize("text", ["z.s.m.", "doorlopend", "n.v.t.", "", "   ", "?", "eind okt misschien", "Piet"])
def test_unclear_text_is_not_understood(text):
    assert interpret(text, SEPT_14) is None


def test_without_action_date_only_texts_with_a_year_are_read():
    assert interpret("eind okt", None) is None
    assert interpret("eind okt 2023", None) == date(2023, 10, 31)
    assert interpret("31-10-2023", None) == date(2023, 10, 31)


def test_deadline_with_a_real_date_keeps_that_date():
    deadline = Deadline(date(2023, 10, 9), "")
    assert deadline_date(deadline, SEPT_14) == date(2023, 10, 9)


def test_deadline_text_is_interpreted_and_left_unchanged():
    deadline = Deadline(None, "eind okt")
    assert deadline_date(deadline, date(2023, 9, 28)) == date(2023, 10, 31)
    assert deadline.text == "eind okt"


def test_every_deadline_in_the_seed_action_lists_is_understood():
    from tests.support.seeds import load_case

    case = load_case("actielijsten.json")
    entries = [e for lists in (case["or_lists"], case["ov_lists"]) for entries in lists.values() for e in entries]
    typed = {(e["deadline"], e["datum"]) for e in entries if e["deadline"]}
    assert typed  # the seeds do carry deadlines
    for text, datum in typed:
        assert interpret(text, date.fromisoformat(datum)) is not None, text
    assert interpret("eind okt", date(2023, 9, 28)) == date(2023, 10, 31)


# --- the edges of each rule (what a changed character would move) -------------

THURSDAY = date(2023, 9, 14)  # SEPT_14 is a Thursday: "deze week" is Friday the 15th


@pytest.mark.parametrize(
    ("text", "reference", "expected"),
    [
        ("Q1 24", SEPT_14, date(2024, 3, 31)),  # two-digit year: 2024, not 1924
        ("eind okt '24", SEPT_14, date(2024, 10, 31)),
        ("31 okt 24", SEPT_14, date(2024, 10, 31)),
        ("week 2 2025", SEPT_14, date(2025, 1, 10)),
        ("na de zomer 2025", SEPT_14, date(2025, 9, 10)),
        ("14-09", SEPT_14, SEPT_14),  # typed on the day itself: that day, not next year
        ("14 sept", SEPT_14, SEPT_14),
        ("13-09", SEPT_14, date(2024, 9, 13)),
        ("1-1", SEPT_14, date(2024, 1, 1)),
        ("31-12", SEPT_14, date(2023, 12, 31)),
        ("binnen 10 dagen", SEPT_14, date(2023, 9, 24)),
        ("over 1 dag", SEPT_14, date(2023, 9, 15)),
        ("binnen 3 weken", SEPT_14, date(2023, 10, 5)),
        ("binnen 2 maanden", date(2023, 12, 31), date(2024, 2, 29)),  # no 31 February: the month's last day
        ("binnen 2 maanden", date(2023, 8, 31), date(2023, 10, 31)),
        ("over 1 maand", date(2023, 1, 30), date(2023, 2, 28)),
        ("binnen 14 maanden", SEPT_14, date(2024, 11, 14)),
        ("na de kerst", date(2023, 12, 1), date(2024, 1, 10)),
        ("na de kerst", date(2024, 1, 5), date(2024, 1, 10)),
        ("na nieuwjaar", date(2023, 12, 1), date(2024, 1, 10)),
        ("voor kerst", SEPT_14, date(2023, 12, 24)),
        ("deze week", SEPT_14, date(2023, 9, 15)),
        ("eind deze week", SEPT_14, date(2023, 9, 15)),
        ("eind volgende week", SEPT_14, date(2023, 9, 22)),
        ("volgend jaar", SEPT_14, date(2024, 12, 31)),
        ("medio volgend jaar", SEPT_14, date(2024, 6, 30)),
        ("eind volgende maand", SEPT_14, date(2023, 10, 31)),
        ("volgende maand", date(2023, 12, 5), date(2024, 1, 31)),
        ("volgende maand", date(2023, 11, 5), date(2023, 12, 31)),
        ("begin 2024", SEPT_14, date(2024, 1, 10)),
        ("einde 2024", SEPT_14, date(2024, 12, 31)),
        ("medio 2024", SEPT_14, date(2024, 6, 30)),
        ("halverwege november", SEPT_14, date(2023, 11, 15)),
        ("midden november", SEPT_14, date(2023, 11, 15)),
        ("voor 3 okt", SEPT_14, date(2023, 10, 3)),
        ("eind\u00a0okt", SEPT_14, date(2023, 10, 31)),
        ("1-12", SEPT_14, date(2023, 12, 1)),
        ("15-01-2024", SEPT_14, date(2024, 1, 15)),
    ],
)  # fmt: skip
def test_each_rule_lands_on_exactly_its_day(text, reference, expected):
    assert interpret(text, reference) == expected


@pytest.mark.parametrize("text", ["1-0", "1-13", "1-0-2024", "eind okt extra", "binnen dagen"])
def test_a_month_outside_1_to_12_or_extra_words_are_not_understood(text):
    assert interpret(text, SEPT_14) is None


def test_relative_deadlines_need_the_action_date():
    assert interpret("binnen 10 dagen", None) is None
    assert interpret("volgende week", None) is None
