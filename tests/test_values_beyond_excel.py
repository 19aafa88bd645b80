"""Values already in a workbook that Excel cannot show and orsheet cannot take, read for what they are.

A date-formatted cell holding a negative number (Excel shows "#####") reads through python-calamine
as a time of day (-5 as 00:00); a number past 31-12-9999 as a number; a text over 32 767 characters
(LibreOffice writes it, Excel cuts it off or refuses the file) as it is. Each workbook here is the
demo workbook with one cell changed in the sheet's XML the way Excel writes that cell.
"""

from __future__ import annotations

import re
import shutil
from datetime import date, time
from pathlib import Path

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from orsheet import schema
from orsheet.services.actions import check_workbook
from orsheet.workbook.file import FileBackend
from tests.support.cli import run
from tests.support.demo_book import ACTIES_PART
from tests.support.excel_dialect import excelify
from tests.support.parts import read_parts, replace_in, write_parts

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"


def with_value(path: Path, ref: str, value: str, part: str = ACTIES_PART) -> Path:
    """Cell ``ref`` holding the number ``value``, keeping its style (a date format in Datum)."""
    text = read_parts(path)[part].decode()
    old = re.search(rf'<c r="{ref}"( s="\d+")?[^>]*?(/>|>.*?</c>)', text)
    return replace_in(path, part, old.group(0), f'<c r="{ref}"{old.group(1) or ""}><v>{value}</v></c>')


def acties(path: Path):
    return FileBackend(path).read([schema.ACTIONS.name])[schema.ACTIONS.name]


def messages(path: Path) -> list[str]:
    return [str(p) for p in check_workbook(FileBackend(path))]


# -- item 1: a date serial no date has ------------------------------------------------------------------


def test_calamine_alone_reads_a_negative_serial_in_a_date_cell_as_midnight(demo):
    """The premise of the repair (should python-calamine change, the repair may go)."""
    from python_calamine import CalamineWorkbook

    with_value(demo, "F7", "-5")
    assert re.search(r'<c r="F7" s="\d+"><v>-5</v>', read_parts(demo)[ACTIES_PART].decode())
    assert CalamineWorkbook.from_path(str(demo)).get_sheet_by_name("Acties").to_python()[6][5] == time(0)


@pytest.mark.parametrize("serial", ["-5", "-5.5", "-0.25"])
def test_a_negative_serial_in_a_date_cell_reads_as_its_number_not_as_a_time(demo, serial):
    with_value(demo, "F7", serial)
    value = acties(demo).rows[-1].values[schema.DATUM]
    assert value == float(serial) and not isinstance(value, time)


def test_check_reports_a_negative_date_serial_with_its_cell_and_what_excel_shows(demo):
    with_value(demo, "F7", "-5")
    result = run("check", demo)
    assert result.exit_code == 1
    assert 'Acties!F7 (Datum): "-5" is geen datum (een negatief getal, dat Excel in een datumcel als ##### toont)' \
        in result.output, result.output
    assert "00:00" not in result.output


@pytest.mark.parametrize("command", [["number"], ["close", "--numbers", "203", "--date", "2024-03-01"],
                                     ["actions"], ["overview"]])
def test_every_command_reading_acties_refuses_a_negative_date_serial_and_writes_nothing(demo, command):
    with_value(demo, "F7", "-5")
    before = demo.read_bytes()
    result = run(command[0], demo, *command[1:])
    assert result.exit_code == 1 and "Acties!F7" in result.output and "geen datum" in result.output, result.output
    assert "Traceback" not in result.output
    assert demo.read_bytes() == before


def test_a_serial_past_9999_is_no_date_either(demo):
    with_value(demo, "F7", "3000000")
    assert acties(demo).rows[-1].values[schema.DATUM] == 3_000_000
    assert any('Acties!F7 (Datum): "3000000" is geen datum (een getal voorbij 31-12-9999' in m
               for m in messages(demo)), messages(demo)


@pytest.mark.parametrize("serial", ["-1E+300", "-123456789012345"])
def test_a_far_negative_serial_is_read_without_a_panic_in_the_reader(demo, serial, capfd):
    """python-calamine panics (a Rust panic, past ``except Exception``, with a message on stderr) on a
    date-formatted cell below about -1.07e11; the reader hands it another copy and puts the number back."""
    with_value(demo, "F7", serial)
    assert acties(demo).rows[-1].values[schema.DATUM] == float(serial)
    found = messages(demo)
    assert any("Acties!F7 (Datum)" in m and "negatief getal" in m for m in found), found
    assert "1000000000000000052504760255204420248704468" not in " ".join(found)  # a float's digits, not Excel's
    assert "panicked" not in capfd.readouterr().err


def test_a_far_negative_serial_leaves_the_other_cells_as_they_were_read(demo):
    plain = [r.values for r in acties(demo).rows]
    with_value(demo, "F7", "-1E+300")
    read = [r.values for r in acties(demo).rows]
    assert read[:-1] == plain[:-1]
    assert {k: v for k, v in read[-1].items() if k != schema.DATUM} == \
        {k: v for k, v in plain[-1].items() if k != schema.DATUM}


def test_a_negative_serial_in_deadline_is_kept_as_text_and_reported_by_check(demo):
    with_value(demo, "G7", "-3")
    assert acties(demo).rows[-1].values[schema.DEADLINE] == -3
    assert 'Acties!G7 (Deadline): "-3" is geen datum (een negatief getal, dat Excel in een datumcel als ' \
           "##### toont; bewaard als tekst)" in messages(demo)
    listed = run("actions", demo, "--json")
    assert listed.exit_code == 0 and '"deadline": "-3"' in listed.output


def test_a_plain_negative_number_outside_a_date_column_is_no_problem(demo):
    """A negative number in a column orsheet does not read as a date stays what it was for the reader."""
    with_value(demo, "I7", "-5")  # Opmerkingen: text
    assert acties(demo).rows[-1].values[schema.OPMERKINGEN] == -5
    assert messages(demo) == []


def test_a_negative_serial_is_found_in_a_sheet_under_the_x_prefix(demo):
    with_value(demo, "F7", "-5")
    text = read_parts(demo)[ACTIES_PART].decode().replace(f'xmlns="{MAIN}"', f'xmlns:x="{MAIN}"', 1)
    write_parts(demo, {ACTIES_PART: re.sub(r"<(/?)([A-Za-z]+)(?=[\s>/])", r"<\1x:\2", text).encode()})
    assert b"<x:v>-5</x:v>" in read_parts(demo)[ACTIES_PART]
    assert acties(demo).rows[-1].values[schema.DATUM] == -5


def test_a_negative_serial_in_a_1904_workbook_is_no_date(demo):
    replace_in(demo, "xl/workbook.xml", "<workbookPr", '<workbookPr date1904="1"')
    with_value(demo, "F7", "-5")
    assert any("Acties!F7 (Datum)" in m and "negatief getal" in m for m in messages(demo))


def test_a_negative_time_in_vergaderingen_is_no_time(demo):
    sheet = next(p for p, text in read_parts(demo).items()
                 if p.startswith("xl/worksheets/sheet") and b"<t>Begin</t>" in text)
    with_value(demo, "C2", "-0.25", sheet)
    found = messages(demo)
    assert any("Vergaderingen!C2 (Begin)" in m and '"-0.25" is geen tijd' in m for m in found), found


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(serial=st.one_of(st.floats(allow_nan=False, allow_infinity=False), st.integers(-10**12, 3 * 10**6),
                        st.sampled_from([-1e300, -1.07e11, -1.06e11, -0.0, 59, 60, 61, 2_958_465, 2_958_466])))
def test_any_number_in_a_date_cell_reads_as_a_date_a_time_alone_or_the_number_itself(demo_original, tmp_path, serial):
    """Never a time for a number below zero, never a wrong date, never a panic: a date where Excel shows
    one (serial 1 to 31-12-9999), a time of day for a day fraction, else the number as it is."""
    path = with_value(Path(shutil.copyfile(demo_original, tmp_path / "or.xlsm")), "F7", repr(float(serial)))
    value = acties(path).rows[-1].values[schema.DATUM]
    if serial < 0:
        assert value == serial
    elif serial < 1:
        assert isinstance(value, time)
    elif serial <= 2_958_465.999:
        assert isinstance(value, date)
    elif serial < 2_958_466:  # the last millisecond of 9999: calamine gives a date or, rounded past it, the number
        assert isinstance(value, date) or value == serial
    else:
        assert value == serial


# -- item 2: text over 32 767 characters ----------------------------------------------------------------

LONG = "tekst" * 8_000  # 40 000 characters


def test_check_reports_an_overlong_inline_text_with_its_cell(demo):
    replace_in(demo, ACTIES_PART, "<t>Niet gekozen kandidaten betrekken bij OR-werk</t>", f"<t>{LONG}</t>")
    assert len(acties(demo).rows[0].values[schema.OMSCHRIJVING]) == 40_000
    assert ("Acties!C2 (Omschrijving): de tekst is 40.000 tekens lang; Excel bewaart hoogstens 32.767 tekens "
            "in een cel. Maak de tekst korter") in messages(demo)


def test_check_reports_an_overlong_shared_string_as_excel_writes_text(demo):
    excelify(demo, schema.ACTIONS.name)
    replace_in(demo, "xl/sharedStrings.xml", "Niet gekozen kandidaten betrekken bij OR-werk", LONG)
    result = run("check", demo)
    assert result.exit_code == 1 and "Acties!C2 (Omschrijving): de tekst is 40.000 tekens lang" in result.output


def test_a_text_of_exactly_32767_characters_is_fine(demo):
    replace_in(demo, ACTIES_PART, "<t>Niet gekozen kandidaten betrekken bij OR-werk</t>", f"<t>{'x' * 32_767}</t>")
    assert messages(demo) == []


def test_an_overlong_text_is_reported_together_with_the_other_problems(demo):
    replace_in(demo, ACTIES_PART, "<t>Niet gekozen kandidaten betrekken bij OR-werk</t>", f"<t>{LONG}</t>")
    with_value(demo, "F7", "-5")
    found = messages(demo)
    assert any(m.startswith("Acties!C2") for m in found) and any(m.startswith("Acties!F7") for m in found), found


def test_closing_the_action_with_an_overlong_text_is_refused_naming_its_cell(demo):
    replace_in(demo, ACTIES_PART, "<t>Niet gekozen kandidaten betrekken bij OR-werk</t>", f"<t>{LONG}</t>")
    before = demo.read_bytes()
    result = run("close", demo, "--numbers", "112", "--date", "2024-03-01")
    assert result.exit_code == 1 and "Acties!C2 (Omschrijving): de tekst is 40.000 tekens" in result.output, result.output
    assert demo.read_bytes() == before


# -- the same in an action list to import (an .xlsx that is no orsheet workbook) -------------------------


def import_source(tmp_path: Path, datum: str, deadline: str) -> Path:
    """An old action list made by openpyxl (dates formatted as dates), Datum and Deadline of its one
    action rewritten in the sheet's XML."""
    book = openpyxl.Workbook()
    book.active.append(["Nr", "Onderwerp", "Omschrijving", "Datum", "Deadline"])
    book.active.append([900, "Oud", "Een actie van de oude lijst", date(2023, 1, 5), date(2023, 2, 1)])
    path = tmp_path / "oud.xlsx"
    book.save(path)
    part = "xl/worksheets/sheet1.xml"
    text = read_parts(path)[part].decode()
    for ref, value in (("D2", datum), ("E2", deadline)):
        text = re.sub(rf'(<c r="{ref}"[^>]*><v>)[^<]*', rf"\g<1>{value}", text)
    return write_parts(path, {part: text.encode()})


def test_an_import_source_with_a_negative_date_serial_is_refused_with_its_cell(template_copy, tmp_path):
    before = template_copy.read_bytes()
    result = run("import-actions", template_copy, import_source(tmp_path, "-5", "44958"))
    assert result.exit_code == 1
    assert 'oud.xlsx!D2 (Datum): "-5" is geen datum (een negatief getal' in result.output, result.output
    assert "00:00" not in result.output and template_copy.read_bytes() == before


def test_an_import_source_with_a_far_negative_deadline_is_refused_without_a_panic(template_copy, tmp_path, capfd):
    """In the workbook such a Deadline is kept as text for check to report; imported, it would become
    a text no check sees again, so the import stops at it."""
    before = template_copy.read_bytes()
    result = run("import-actions", template_copy, import_source(tmp_path, "44931", "-1E+300"))
    assert result.exit_code == 1
    assert ('oud.xlsx!E2 (Deadline): "-1e+300" is geen datum (een negatief getal, dat Excel in een datumcel als '
            "##### toont)") in result.output, result.output
    assert "panicked" not in capfd.readouterr().err and template_copy.read_bytes() == before


def test_a_day_fraction_in_a_date_cell_is_reported_as_a_time_not_a_date(demo):
    """Serial 0.5 in a date-formatted cell (Excel shows 00-01-1900) is a time of day alone."""
    with_value(demo, "F7", "0.5")
    assert 'Acties!F7 (Datum): "12:00" is een tijd, geen datum (schrijf bijvoorbeeld 26-10-2023)' in messages(demo)
