from datetime import date, datetime, time

import pytest

from orsheet.errors import CellError, Location
from orsheet.parsing import parse_date, parse_deadline, parse_int, parse_minutes, parse_time, parse_yes_no

HERE = Location("Acties", 12, 6, "Datum")


@pytest.mark.parametrize(
    "typed, expected",
    [
        ("10/26/2023", date(2023, 10, 26)),  # Excel US export, as in the published lists
        ("1/23/2022", date(2022, 1, 23)),
        ("26-10-2023", date(2023, 10, 26)),
        ("26/10/2023", date(2023, 10, 26)),  # a first number above 12 can only be a day
        ("14.09.23", date(2023, 9, 14)),
        ("2023-10-26", date(2023, 10, 26)),
        (45225, date(2023, 10, 26)),  # an Excel serial number
        (datetime(2023, 10, 26, 14, 0), date(2023, 10, 26)),
    ],
)
def test_dates_are_understood_in_the_ways_users_type_them(typed, expected):
    assert parse_date(typed, HERE) == expected


def test_an_impossible_date_is_an_error_naming_the_cell():
    with pytest.raises(CellError) as caught:
        parse_date("31-02-2023", HERE)
    assert str(caught.value) == 'Acties!F12 (Datum): datum "31-02-2023" bestaat niet'


def test_text_in_a_date_column_is_an_error_with_an_example():
    with pytest.raises(CellError, match="is geen datum"):
        parse_date("volgende week", HERE)


@pytest.mark.parametrize("typed", ["eind okt", "na de zomer", "Q1", "31-10", "begin oktober"])
def test_a_free_text_deadline_is_kept_exactly_as_typed(typed):
    deadline = parse_deadline(typed, HERE)
    assert deadline.text == typed and deadline.date is None
    assert deadline.cell_value() == typed


def test_a_dated_deadline_becomes_a_date_whether_typed_us_or_dutch():
    assert parse_deadline("10/9/2023", HERE).date == date(2023, 10, 9)
    assert parse_deadline("31-10-2023", HERE).date == date(2023, 10, 31)
    assert parse_deadline(date(2023, 10, 10), HERE).date == date(2023, 10, 10)


def test_an_impossible_deadline_date_is_kept_as_text_rather_than_lost():
    assert parse_deadline("31-02-2023", HERE).text == "31-02-2023"


@pytest.mark.parametrize("typed, expected", [(325, 325), (325.0, 325), ("325", 325), (" 325 ", 325), ("325,0", 325)])
def test_numbers_are_read_from_numbers_and_numeric_text(typed, expected):
    assert parse_int(typed, HERE) == expected


@pytest.mark.parametrize("typed", ["abc", "3.5", 3.5, "12a", True])
def test_a_non_number_is_an_error_naming_the_cell(typed):
    with pytest.raises(CellError, match="Acties!F12"):
        parse_int(typed, HERE)


def test_minutes_accept_a_unit_and_reject_negative_durations():
    assert parse_minutes("15 m", HERE) == 15
    assert parse_minutes("5 min", HERE) == 5
    assert parse_minutes(None, HERE) is None
    with pytest.raises(CellError, match="negatief"):
        parse_minutes(-5, HERE)
    with pytest.raises(CellError, match="geen geheel getal"):
        parse_minutes("een kwartier", HERE)


@pytest.mark.parametrize("typed", ["10:00", "10.00", "10.00 uur", time(10, 0), 10 / 24])
def test_clock_times_are_understood(typed):
    assert parse_time(typed, HERE) == time(10, 0)


def test_an_impossible_time_is_an_error():
    with pytest.raises(CellError, match="geen tijd"):
        parse_time("25:00", HERE)


def test_yes_no_accepts_dutch_and_rejects_other_text():
    assert parse_yes_no("Ja", HERE) is True
    assert parse_yes_no("", HERE) is False
    with pytest.raises(CellError):
        parse_yes_no("misschien", HERE)
