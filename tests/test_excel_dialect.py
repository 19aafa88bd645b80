"""Closing actions on a workbook in Excel's own dialect changes only what it means to change."""

from __future__ import annotations

import shutil
import subprocess
import zipfile
from datetime import date
from pathlib import Path

import openpyxl
import pytest
from lxml import etree
from openpyxl.cell.rich_text import CellRichText, TextBlock
from openpyxl.cell.text import InlineFont
from openpyxl.chart import BarChart, Reference
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.table import TableColumn

from orsheet.services.actions import close_actions
from orsheet.workbook.file import FileBackend
from tests.support.excel_dialect import excelify
from tests.support.parts import read_parts
from tests.test_write_path import ACTIES, USER_COLUMN, build_edited_workbook

DOUBLE = USER_COLUMN + 1  # a calculated column: =A2*2 filled down (one shared formula)
LETTER = get_column_letter(DOUBLE)


def build_excel_workbook(path: Path) -> Path:
    build_edited_workbook(path)
    book = openpyxl.load_workbook(path, keep_vba=True, rich_text=True)
    sheet = book[ACTIES]
    sheet.cell(1, DOUBLE).value = "Dubbel"
    for row in range(2, 7):
        sheet.cell(row, DOUBLE).value = f"=A{row}*2"
    table = sheet.tables[ACTIES]
    table.ref = f"A1:{LETTER}6"
    table.autoFilter.ref = table.ref
    table.tableColumns.append(TableColumn(id=DOUBLE, name="Dubbel"))
    notes = book["Notities"]
    notes["B1"] = CellRichText([TextBlock(InlineFont(b=True), "Vet"), " en gewoon"])
    chart = BarChart()
    chart.add_data(Reference(sheet, min_col=1, min_row=2, max_row=6))
    notes.add_chart(chart, "D2")
    book.save(path)
    return excelify(path, ACTIES, shared_column=LETTER, threaded_cell="B4")


@pytest.fixture(scope="module")
def excel_original(tmp_path_factory) -> Path:
    return build_excel_workbook(tmp_path_factory.mktemp("excel") / "excel.xlsm")


@pytest.fixture
def excel_book(excel_original, tmp_path) -> Path:
    return Path(shutil.copyfile(excel_original, tmp_path / "excel.xlsm"))


def compression(path: Path) -> dict[str, tuple[int, int, int]]:
    """Per entry: how it is compressed, its compressed size and CRC (equal for an entry copied as stored)."""
    with zipfile.ZipFile(path) as archive:
        return {i.filename: (i.compress_type, i.compress_size, i.CRC) for i in archive.infolist()}


def test_closing_changes_only_the_parts_it_must_and_copies_the_rest_as_they_were(excel_book):
    before, kinds = read_parts(excel_book), compression(excel_book)
    close_actions(FileBackend(excel_book), [2], date(2024, 3, 1))
    after = read_parts(excel_book)
    changed = {n for n in before if n in after and before[n] != after[n]}
    assert "xl/calcChain.xml" not in after  # rows moved: dropped, with fullCalcOnLoad (docs/saving.md)
    assert b'fullCalcOnLoad="1"' in after["xl/workbook.xml"]
    unchanged = {n for n in before if n not in changed and n != "xl/calcChain.xml"}
    for name in ("xl/sharedStrings.xml", "xl/vbaProject.bin", "xl/persons/person.xml", "xl/theme/theme1.xml"):
        assert name in unchanged, name
    assert all(compression(excel_book)[n] == kinds[n] for n in unchanged)
    assert changed <= {
        "xl/workbook.xml", "xl/_rels/workbook.xml.rels", "[Content_Types].xml", "xl/styles.xml",
        *(n for n in before if n.startswith(("xl/worksheets/sheet", "xl/tables/", "xl/comments", "xl/drawings/vml", "xl/drawings/commentsDrawing",
                                            "xl/threadedComments/", "xl/charts/", "xl/worksheets/_rels/")))}


def test_rich_text_in_shared_strings_survives_a_close(excel_book):
    close_actions(FileBackend(excel_book), [2], date(2024, 3, 1))
    strings = read_parts(excel_book)["xl/sharedStrings.xml"]
    assert b"<r><rPr><b" in strings and b"<t>Vet</t></r>" in strings


def test_a_threaded_comment_follows_its_action(excel_book):
    close_actions(FileBackend(excel_book), [2], date(2024, 3, 1))
    threads = etree.fromstring(read_parts(excel_book)["xl/threadedComments/threadedComment1.xml"])
    assert [c.get("ref") for c in threads] == ["B3"]


def test_a_shared_calculated_column_keeps_a_formula_for_its_own_row_in_every_cell(excel_book):
    close_actions(FileBackend(excel_book), [2], date(2024, 3, 1))
    sheet = openpyxl.load_workbook(excel_book)[ACTIES]
    assert [sheet[f"{LETTER}{r}"].value for r in range(2, 6)] == [f"=A{r}*2" for r in range(2, 6)]


def test_a_chart_over_the_action_numbers_follows_the_rows(excel_book):
    close_actions(FileBackend(excel_book), [2], date(2024, 3, 1))
    chart = next(data for name, data in read_parts(excel_book).items() if name.startswith("xl/charts/chart"))
    assert b"'Acties'!$A$2:$A$5" in chart


def test_excels_namespaces_and_revision_ids_are_kept_on_the_edited_sheet(excel_book):
    from orsheet.ooxml.package import Package

    close_actions(FileBackend(excel_book), [2], date(2024, 3, 1))
    sheet = read_parts(excel_book)[Package(excel_book).sheet_parts()[ACTIES]]
    assert b'mc:Ignorable="x14ac xr"' in sheet and b"xr:uid=" in sheet and b'x14ac:dyDescent="0.3"' in sheet


@pytest.mark.libreoffice
@pytest.mark.slow
def test_libreoffice_recalculates_the_same_values_after_a_close(excel_book, tmp_path):
    if shutil.which("soffice") is None:
        pytest.skip("LibreOffice (soffice) is not installed")
    close_actions(FileBackend(excel_book), [2], date(2024, 3, 1))
    out = tmp_path / "lo"
    subprocess.run(["soffice", f"-env:UserInstallation=file://{tmp_path}/profile", "--headless", "--convert-to", "xlsx",
                    "--outdir", str(out), str(excel_book)], check=True, capture_output=True, timeout=120)
    book = openpyxl.load_workbook(out / "excel.xlsx", data_only=True)
    acties, notes = book[ACTIES], book["Notities"]
    assert [acties[f"{LETTER}{r}"].value for r in range(2, 6)] == [2, 6, 8, 10]
    assert notes["A1"].value == "Onderwerp 4"
    assert notes["A2"].value == 1 + 3 + 4 + 5


def test_a_closed_actions_threaded_comment_goes_with_it_to_archief(excel_book):
    from orsheet.ooxml.checks import package_problems

    close_actions(FileBackend(excel_book), [3], date(2024, 3, 1))
    threads = {n: etree.fromstring(d) for n, d in read_parts(excel_book).items() if n.startswith("xl/threadedComments/")}
    refs = sorted(c.get("ref") for root in threads.values() for c in root)
    assert refs == ["B2"] and len(threads) == 2  # Acties' part is empty now, Archief has its own
    assert package_problems(excel_book) == []


def test_the_workbook_after_closing_moving_notes_and_links_is_valid_open_xml(excel_book, tmp_path):
    from tests.support.ooxml_validate import ooxml_errors

    before = set(ooxml_errors(excel_book))
    close_actions(FileBackend(excel_book), [3, 4], date(2024, 3, 1))
    assert set(ooxml_errors(excel_book)) - before == set()
