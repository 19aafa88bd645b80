"""The Dutch vocabulary: months, weekdays, two-digit years and every name of a meeting kind."""

from __future__ import annotations

from datetime import date, time

import pytest

from orsheet.dutch import (
    INFORMAL_MEETING,
    MEETING_KINDS,
    OR_MEETING,
    OV_MEETING,
    canonical_kind,
    clock_time,
    full_year,
    kind_code,
    long_date,
    month_number,
    same_kind,
    short_day,
    weekday_number,
)


@pytest.mark.parametrize(
    ("typed", "kind"),
    [
        ("OR", OR_MEETING), ("or-vergadering", OR_MEETING), ("OR-Vergadering", OR_MEETING),
        ("OV", OV_MEETING), ("OV-vergadering", OV_MEETING), ("Overlegvergadering", OV_MEETING),
        ("overleg vergadering", OV_MEETING), ("formeel overleg", OV_MEETING), ("formele overleg", OV_MEETING),
        ("informeel", INFORMAL_MEETING), ("Informeel overleg", INFORMAL_MEETING), ("IO", INFORMAL_MEETING),
        ("informeel OV", INFORMAL_MEETING), ("  Informeel   Overleg ", INFORMAL_MEETING),
    ],
)  # fmt: skip
def test_every_name_the_settings_and_seeds_use_means_its_canonical_kind(typed, kind):
    assert canonical_kind(typed) == kind


def test_an_unknown_kind_has_no_canonical_name():
    assert canonical_kind("Werkgroep ICT") is None
    assert canonical_kind("") is None


def test_informeel_is_the_same_kind_as_informeel_overleg():
    assert same_kind("informeel", "Informeel overleg")


def test_ov_vergadering_is_the_same_kind_as_overlegvergadering_but_not_as_the_or():
    assert same_kind("OV-vergadering", OV_MEETING)
    assert not same_kind("OV-vergadering", OR_MEETING)
    assert not same_kind("informeel", OV_MEETING)


def test_unknown_kinds_compare_as_folded_text():
    assert same_kind("Werkgroep ICT", "werkgroep  ict")
    assert not same_kind("Werkgroep ICT", "Werkgroep HR")
    assert not same_kind("", OR_MEETING)


def test_kind_codes_are_two_letters_and_unknown_kinds_stay_as_typed():
    assert [kind_code(kind) for kind in MEETING_KINDS] == ["OR", "OV", "IO"]
    assert kind_code("ov-vergadering") == "OV"
    assert kind_code(" Werkgroep ICT ") == "Werkgroep ICT"


@pytest.mark.parametrize(
    ("word", "number"),
    [("januari", 1), ("jan", 1), ("Feb.", 2), ("febr", 2), ("mrt", 3), ("maart", 3), ("mei", 5), ("sept", 9),
     ("okt", 10), ("Oktober", 10), ("oct", 10), ("dec", 12)],
)  # fmt: skip
def test_months_are_known_by_name_and_abbreviation(word, number):
    assert month_number(word) == number


def test_a_word_that_is_no_month_has_no_number():
    assert month_number("kerst") is None
    assert month_number("OktX") is None


def test_dates_are_written_the_dutch_way():
    assert long_date(date(2023, 9, 14)) == "14 september 2023"
    assert long_date(date(2024, 3, 1)) == "1 maart 2024"
    assert short_day(date(2023, 9, 14)) == "do 14-09-2023"
    assert short_day(date(2023, 9, 17)) == "zo 17-09-2023"
    assert clock_time(time(9, 5)) == "09:05"
    assert clock_time(None) == ""


@pytest.mark.parametrize(
    ("typed", "number"), [("ma", 0), ("Di.", 1), ("woensdag", 2), ("do", 3), ("vrij", 4), ("za", 5), ("zondag", 6)]
)
def test_weekdays_are_known_by_abbreviation_and_name(typed, number):
    assert weekday_number(typed) == number


def test_one_letter_or_a_non_weekday_is_no_weekday():
    assert weekday_number("d") is None
    assert weekday_number("DoX") is None
    assert weekday_number("dag") is None


def test_two_digit_years_are_this_century_and_four_digits_stay():
    assert full_year("24") == 2024
    assert full_year(99) == 2099
    assert full_year("00") == 2000
    assert full_year("2023") == 2023
    assert full_year(1999) == 1999
    assert full_year(100) == 100
