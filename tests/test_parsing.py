from datetime import date, datetime, time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from orsheet.errors import CellError, Location
from orsheet.parsing import (
    UNDECIDED,
    clean_text,
    date_range_problem,
    date_text_problem,
    fast_action_number,
    fast_date,
    fast_deadline,
    fast_required_date,
    parse_action_number,
    parse_date,
    parse_deadline,
    parse_int,
    parse_minutes,
    parse_time,
    parse_yes_no,
)

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


# -- what Excel can hold: dates and action numbers ------------------------------------------


@pytest.mark.parametrize(
    "typed, shown",
    [
        ("07-03-1023", "07-03-1023"),  # typed as text in Datum: once a negative serial, then #####
        ("0001-01-01", "0001-01-01"),
        ("28-02-1900", "28-02-1900"),  # Excel's 1900 leap-year bug: before 01-03-1900 no date comes back as written
        (date(1, 1, 1), "01-01-0001"),
        (datetime(1899, 12, 31, 10, 0), "31-12-1899 10:00"),
    ],
)
def test_a_date_excel_cannot_hold_is_an_error_naming_the_cell(typed, shown):
    with pytest.raises(CellError) as caught:
        parse_date(typed, HERE)
    assert str(caught.value) == (f'Acties!F12 (Datum): datum "{shown}" ligt voor 01-03-1900; '
                                 "eerdere datums bewaart Excel niet betrouwbaar")


def test_the_first_and_last_dates_excel_holds_are_read():
    assert parse_date("01-03-1900", HERE) == date(1900, 3, 1)
    assert parse_date(date(9999, 12, 31), HERE) == date(9999, 12, 31)


def test_a_1904_workbook_starts_its_dates_later_and_no_date_passes_9999():
    assert date_range_problem(date(1904, 1, 1), date1904=True).startswith("ligt voor 02-01-1904")
    assert date_range_problem(date(1904, 1, 2), date1904=True) is None
    assert date_range_problem(date(1903, 1, 1)) is None
    assert date_range_problem(datetime(9999, 12, 31, 23, 59)) is None


def test_a_deadline_before_1900_is_kept_as_text_and_named_by_the_one_date_reader():
    assert parse_deadline("01-01-1023", HERE).text == "01-01-1023"
    assert "ligt voor 01-03-1900" in date_text_problem("01-01-1023", HERE).message
    assert "bestaat niet" in date_text_problem("31-02-2023", HERE).message
    assert date_text_problem("26-10-2023", HERE) is None
    assert date_text_problem("eind okt", HERE) is None


NR = Location("Acties", 5, 1, "Nr")


@pytest.mark.parametrize("typed", [99999999999999999999, "99999999999999999999", 1e20, 1e300, 1_000_000_000, -1e16])
def test_an_action_number_over_nine_digits_is_an_error_naming_the_cell(typed):
    with pytest.raises(CellError) as caught:
        parse_action_number(typed, NR)
    assert str(caught.value).startswith("Acties!A5 (Nr): nummer ")
    assert str(caught.value).endswith("is te groot; een actienummer heeft hoogstens negen cijfers (tot en met 999.999.999)")


@pytest.mark.parametrize("typed, expected", [(999_999_999, 999_999_999), (999_999_999.0, 999_999_999), ("12", 12), (None, None)])
def test_an_action_number_of_at_most_nine_digits_is_read_and_its_fast_path_agrees(typed, expected):
    assert parse_action_number(typed, NR) == expected
    assert fast_action_number(typed) in (expected, UNDECIDED)


def test_the_fast_path_leaves_a_too_large_number_to_the_full_parser():
    assert fast_action_number(1e20) is UNDECIDED
    assert fast_action_number(10**10) is UNDECIDED
    assert fast_date(date(1023, 3, 7)) is UNDECIDED


@pytest.mark.parametrize("typed, reference", [("eind 1023", None), ("Q1 1023", None), ("31-10-1023", None),
                                               ("binnen 10 dagen", date(9999, 12, 31))])
def test_a_deadline_that_would_fall_outside_excels_dates_is_read_as_no_date(typed, reference):
    from orsheet.deadlines import interpret

    assert interpret(typed, reference) is None


cell_values = st.one_of(
    st.none(), st.booleans(), st.text(max_size=12), st.dates(), st.datetimes(),
    st.integers(min_value=-10**25, max_value=10**25), st.floats(allow_nan=False), st.sampled_from([1e20, 1e300, 999_999_999.0]),
)


def _parsed(parse, value):
    try:
        return parse(value, HERE)
    except CellError as error:
        return error.message


@settings(max_examples=400, deadline=None)
@given(value=cell_values)
def test_each_fast_path_gives_what_its_full_parser_gives_or_leaves_it_undecided(value):
    for fast, parse in ((fast_date, parse_date), (fast_action_number, parse_action_number),
                        (fast_required_date, lambda v, where: parse_date(v, where, required=True)),
                        (fast_deadline, parse_deadline)):
        quick = fast(value)
        assert quick is UNDECIDED or quick == _parsed(parse, value), (fast.__name__, value)


def test_a_true_or_false_cell_reads_as_text_the_way_dutch_excel_shows_it():
    assert (clean_text(True), clean_text(False)) == ("WAAR", "ONWAAR")
    assert (clean_text(1.0), clean_text(1)) == ("1", "1")  # a bool is an int in Python; a number is not a bool
