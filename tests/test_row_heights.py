"""Rows orsheet adds (appends, moved actions) carry no fixed height, so Excel and LibreOffice
fit them to their wrapped text instead of cutting it off at the height of the row above."""

from __future__ import annotations

import shutil
from pathlib import Path

import openpyxl
import pytest
from lxml import etree

from orsheet import schema
from orsheet.ooxml.package import Package
from orsheet.workbook.base import AppendRows, MoveRows, UpdateCells
from orsheet.workbook.file import FileBackend
from tests.minutes_support import DATA

ACTIES, ARCHIEF, BESLUITEN = schema.ACTIONS.name, schema.ARCHIVE.name, schema.DECISIONS.name
LONG = ("Het verslag van de overlegvergadering met de bestuurder over de reorganisatie van de afdeling "
        "bedrijfsvoering doorlezen, de vragen van de achterban verzamelen en een advies voorbereiden")
FIXED = 15.0


@pytest.fixture
def fixed_heights(template_copy) -> Path:
    """The template as a secretary formatted it ahead: every row up to 30 fixed at 15 pt, one action."""
    book = openpyxl.load_workbook(template_copy, keep_vba=True)
    for name in (ACTIES, ARCHIEF):
        sheet = book[name]
        for row in range(1, 31):
            sheet.row_dimensions[row].height = FIXED
    sheet = book[ACTIES]
    sheet.cell(2, 1, 1)
    sheet.cell(2, 2, "Reorganisatie")
    sheet.cell(2, 3, LONG)
    book.save(template_copy)
    return template_copy


def _row(path: Path, sheet: str, number: int) -> etree._Element:
    package = Package(path)
    root = etree.fromstring(package.get(package.sheet_parts()[sheet]))
    return next(r for r in root.iter("{*}row") if r.get("r") == str(number))


def test_an_appended_row_has_no_fixed_height_and_the_rows_before_keep_theirs(fixed_heights):
    assert _row(fixed_heights, ACTIES, 3).get("customHeight") == "1"
    FileBackend(fixed_heights).write([AppendRows(ACTIES, [{schema.NR: 2, schema.ONDERWERP: "Advies", schema.OMSCHRIJVING: LONG}])])
    new = _row(fixed_heights, ACTIES, 3)
    assert new.get("ht") is None and new.get("customHeight") is None
    assert _row(fixed_heights, ACTIES, 2).get("customHeight") == "1"  # the secretary's own row stays as it was


def test_a_row_moved_to_archief_has_no_fixed_height(fixed_heights):
    FileBackend(fixed_heights).write([MoveRows(ACTIES, ARCHIEF, [2], {2: {schema.STATUS: "afgerond"}})])
    moved = _row(fixed_heights, ARCHIEF, 2)
    assert moved.get("ht") is None and moved.get("customHeight") is None
    assert openpyxl.load_workbook(fixed_heights)[ARCHIEF].cell(2, 3).value == LONG


@pytest.mark.libreoffice
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed; CI installs it")
def test_libreoffice_reads_the_appended_row_as_sized_to_its_text_and_the_others_as_fixed(fixed_heights, tmp_path):
    """LibreOffice 7.4's headless conversion does not re-measure rows on load, but it keeps the appended
    row as one of automatic height (sized to its text when shown), the secretary's rows as fixed."""
    from tests.test_libreoffice_reads_our_writes import convert

    FileBackend(fixed_heights).write([AppendRows(ACTIES, [{schema.NR: 2, schema.ONDERWERP: "Advies", schema.OMSCHRIJVING: LONG}])])
    package = Package(convert(fixed_heights, "xlsx", tmp_path / "out"))
    rows = {r.get("r"): r for r in etree.fromstring(package.get(package.sheet_parts()[ACTIES])).iter("{*}row")}
    assert rows["3"].get("customHeight") in ("false", "0")
    assert rows["2"].get("customHeight") in ("true", "1") and rows["4"].get("customHeight") in ("true", "1")


# -- the live backend (VBA buttons, xlwings Lite): Excel is asked to autofit the new rows ---------------


@pytest.fixture
def excel(monkeypatch, tmp_path):
    """The OR action list of 28 Sept 2023 in the template, in the stand-in for Excel."""
    from tests.excel_support import LICENSE_ENV, FakeExcelClient, enable_remote_engine, payload_from_file
    from tests.minutes_support import file_workbook

    monkeypatch.setenv(*LICENSE_ENV)
    monkeypatch.setattr("tempfile.tempdir", None)
    monkeypatch.setenv("TMPDIR", str(tmp_path))
    enable_remote_engine()
    client = FakeExcelClient(payload_from_file(file_workbook(tmp_path, "2023-09-28")))
    client.payload["book"]["name"] = str(tmp_path / "or.xlsm")  # the remote engine's fullname
    return client


def _numbers(client, sheet: str) -> list:
    from tests.excel_support import sheet_values

    values = sheet_values(client, sheet)
    nr = values[0].index(schema.NR)
    return [row[nr] if len(row) > nr else "" for row in values]  # index = row number - 1


def _autofitted(client) -> dict[str, set]:
    """The numbers of the actions in the rows Excel was asked to autofit, per sheet."""
    fitted: dict[str, set] = {}
    for sheet, first, last, axis in client.autofits:
        assert axis == "rows", "only row heights are fitted, column widths stay the secretary's"
        numbers = _numbers(client, sheet)
        fitted.setdefault(sheet, set()).update(numbers[row - 1] for row in range(first, last + 1))
    return fitted


def test_voorstel_toepassen_asks_excel_to_autofit_exactly_the_new_and_archived_rows(excel, monkeypatch):
    import orsheet.macros as m
    from tests.excel_support import press_button

    press_button(excel, monkeypatch, m.process_minutes, str(DATA / "notulen-2023-10-12.txt"))
    assert excel.autofits == []  # the Voorstel sheet is generated whole, the action list is not touched
    sheets = (ACTIES, ARCHIEF, BESLUITEN)
    before = {sheet: set(_numbers(excel, sheet)) for sheet in sheets}

    press_button(excel, monkeypatch, m.apply_proposal)
    added = {sheet: set(_numbers(excel, sheet)) - before[sheet] for sheet in sheets}
    assert added[ACTIES] == {341, 342, 343, 344, 345} and added[ARCHIEF] == {325, 330, 338, 340}
    assert added[BESLUITEN]  # the decisions of the minutes
    assert _autofitted(excel) == added  # and not the Voorstel sheet, nor any row that was there


def test_a_write_that_adds_no_rows_asks_excel_to_autofit_nothing(excel):
    from tests.excel_support import RemoteWorkbook

    book = RemoteWorkbook(excel)
    first = book.read([ACTIES])[ACTIES].rows[0]
    book.write([UpdateCells(ACTIES, first.number, {schema.STATUS: "loopt"})])
    assert excel.autofits == []
    assert excel.log  # the update itself did reach Excel


def test_afgeronde_acties_archiveren_asks_excel_to_autofit_only_the_archived_rows(excel, monkeypatch):
    import orsheet.macros as m
    from tests.excel_support import press_button, sheet_values

    acties = sheet_values(excel, ACTIES)
    status, nr = acties[0].index(schema.STATUS), acties[0].index(schema.NR)
    finished = [row for row in acties[1:] if row[nr] != ""][:2]
    for row in finished:
        row[status] = "afgerond"
    numbers = {row[nr] for row in finished}  # now: Excel's Delete table rows reuses the row lists
    before = set(_numbers(excel, ARCHIEF))

    press_button(excel, monkeypatch, m.close_finished_actions)
    assert set(_numbers(excel, ARCHIEF)) - before == numbers
    assert _autofitted(excel) == {ARCHIEF: numbers}  # Acties only lost rows
