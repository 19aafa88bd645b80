"""What the file path refuses or leaves alone, the live path (xlwings) does too.

On xlwings' remote engine (``xw.Book(json=...)``, what xlwings Lite and xlwings
Server run) with the stand-in for Excel's side of the protocol, on the demo
workbook as the file tests build it (tests/test_write_path_cells.py): Acties
holds 112 (row 2), 187 (row 3), 203, 204, 206, 207 (row 7) in the table A1:K7.
"""

from __future__ import annotations

import copy
from datetime import date
from types import SimpleNamespace

import pytest

from orsheet import schema
from orsheet.errors import OrsheetError
from orsheet.services.actions import close_actions, number_actions
from orsheet.workbook.base import AppendRows
from orsheet.workbook.xlwings_backend import XlwingsBackend
from tests.excel_support import (LICENSE_ENV, FakeExcelClient, RemoteWorkbook, desktop_workbook, enable_remote_engine,
                                 payload_from_file)
from tests.support.cli import run
from tests.support.parts import replace_in
from tests.test_write_path_cells import (ACTIES_PART, ARCHIEF_PART, BUDGET, CODES, FORMULA_CELLS, with_nr,
                                         with_table_below)


ACTIES, ARCHIEF = schema.ACTIONS.name, schema.ARCHIVE.name


@pytest.fixture(autouse=True)
def xlwings_license(monkeypatch):
    monkeypatch.setenv(*LICENSE_ENV)
    enable_remote_engine()


def live(path) -> tuple[FakeExcelClient, RemoteWorkbook]:
    client = FakeExcelClient(payload_from_file(path))
    return client, RemoteWorkbook(client)


def sheet_of(client: FakeExcelClient, name: str) -> dict:
    return next(s for s in client.payload["sheets"] if s["name"] == name)


def cells(client: FakeExcelClient, name: str, columns: str, rows: range) -> list[list]:
    grid = sheet_of(client, name)["values"]
    index = [ord(c) - ord("A") for c in columns]
    return [[grid[r - 1][c] if r - 1 < len(grid) and c < len(grid[r - 1]) else "" for c in index] for r in rows]


def tables(client: FakeExcelClient, name: str) -> dict[str, str]:
    return {t["name"]: t["range_address"] for t in sheet_of(client, name)["tables"]}


# -- a second table below Acties -----------------------------------------------------------------------------


def test_a_table_below_the_actions_is_not_read_live(demo):
    with_table_below(demo, "B10:C12", BUDGET)
    _, workbook = live(demo)
    rows = workbook.read([ACTIES])[ACTIES].rows
    assert [r.number for r in rows] == [2, 3, 4, 5, 6, 7]


def test_numbering_live_leaves_the_table_below_unnumbered_and_writes_nothing(demo):
    with_table_below(demo, "B10:C12", BUDGET)
    client, workbook = live(demo)
    before = copy.deepcopy(client.payload)
    result = number_actions(workbook)
    assert "Alle acties hebben al een nummer" in result.summary()
    assert client.log == [] and client.payload == before


@pytest.mark.parametrize("number", [187, 207])
def test_closing_live_leaves_the_cells_and_the_place_of_the_table_below(demo, number):
    with_table_below(demo, "B10:C12", BUDGET)
    client, workbook = live(demo)
    close_actions(workbook, [number], date(2024, 3, 1))
    assert cells(client, ACTIES, "BC", range(10, 13)) == BUDGET
    assert tables(client, ACTIES) == {"Acties": "A1:K6", "Budget": "B10:C12"}
    assert [r.values[schema.NR] for r in workbook.read([ACTIES])[ACTIES].rows] == \
        [n for n in (112, 187, 203, 204, 206, 207) if n != number]
    archived = workbook.read([ARCHIEF])[ARCHIEF].rows
    assert archived[-1].values[schema.NR] == number
    assert "Post" not in [v for row in sheet_of(client, ARCHIEF)["values"] for v in row]


def test_closing_live_with_a_table_below_that_has_text_in_column_a(demo):
    with_table_below(demo, "A10:B12", CODES, name="Codes")
    client, workbook = live(demo)
    close_actions(workbook, [187], date(2024, 3, 1))
    assert cells(client, ACTIES, "AB", range(10, 13)) == CODES
    assert tables(client, ACTIES) == {"Acties": "A1:K6", "Codes": "A10:B12"}


def test_a_table_beside_the_actions_stays_where_it_is_when_closing_live(demo):
    with_table_below(demo, "M3:N5", BUDGET)
    client, workbook = live(demo)
    close_actions(workbook, [187], date(2024, 3, 1))
    assert cells(client, ACTIES, "MN", range(3, 6)) == BUDGET
    assert tables(client, ACTIES) == {"Acties": "A1:K6", "Budget": "M3:N5"}


def test_a_table_partly_under_the_actions_columns_refuses_a_close_live_before_anything_is_written(demo):
    with_table_below(demo, "J10:M12", [["Post", "Bedrag", "Wie", "Wanneer"], ["a", "1", "x", "nu"], ["b", "2", "y", "nu"]])
    client, workbook = live(demo)
    before = copy.deepcopy(client.payload)
    with pytest.raises(OrsheetError, match=r"Excel kan geen rijen uit de tabel Acties .*tabel Budget \(J10:M12\)"):
        close_actions(workbook, [187], date(2024, 3, 1))
    assert client.log == [] and client.payload == before
    assert number_actions(workbook).summary().startswith("Alle acties hebben al een nummer")  # no deletion: fine


def test_the_actions_table_cannot_grow_live_into_the_table_directly_below_it(demo):
    with_table_below(demo, "B8:C10", BUDGET)
    client, workbook = live(demo)
    before = copy.deepcopy(client.payload)
    with pytest.raises(OrsheetError, match=r"niets opgeslagen: de tabel Acties .*tabel Budget \(B8:C10\)"):
        workbook.write([AppendRows(ACTIES, [{schema.ONDERWERP: "Nieuw"}])])
    assert client.log == [] and client.payload == before


def test_archief_cannot_grow_live_into_a_table_below_it_and_nothing_moves(demo):
    archived = len(FakeExcelClient(payload_from_file(demo)).payload["sheets"][2]["values"])
    with_table_below(demo, f"A{archived + 1}:B{archived + 3}", CODES, name="Codes",
                     part="xl/worksheets/sheet3.xml")
    client, workbook = live(demo)
    before = copy.deepcopy(client.payload)
    with pytest.raises(OrsheetError, match=r"tabel Archief .*tabel Codes"):
        close_actions(workbook, [187], date(2024, 3, 1))
    assert client.log == [] and client.payload == before


# -- Excel on the desktop: a protected sheet or structure, a formula in Nr, Excel's own refusal ----------------


def file_says(demo, *args) -> str:
    """What the file path says for this command, on a copy (so the workbook stays as it is)."""
    import shutil

    copy_path = demo.with_name("kopie-" + demo.name)
    shutil.copyfile(demo, copy_path)
    result = run(*args[:1], copy_path, *args[1:])
    assert result.exit_code == 1, result.output
    return result.output


@pytest.mark.parametrize("part, sheet", [(ACTIES_PART, ACTIES), (ARCHIEF_PART, ARCHIEF)])
def test_a_protected_sheet_is_refused_live_with_the_file_paths_message_before_anything_is_written(demo, part, sheet):
    replace_in(demo, part, "</sheetData>", '</sheetData><sheetProtection sheet="1" objects="1" scenarios="1"/>')
    on_file = file_says(demo, "close", "--numbers", "187", "--date", "2024-03-01")
    book = desktop_workbook(demo)
    with pytest.raises(OrsheetError) as refused:
        close_actions(XlwingsBackend(book), [187], date(2024, 3, 1))
    assert str(refused.value).startswith(f"blad {sheet}: dit blad is beveiligd, dus er is niets opgeslagen")
    assert str(refused.value) in on_file
    assert book.apply() == []


def test_the_button_on_a_protected_acties_shows_the_dutch_refusal_and_changes_nothing(demo, monkeypatch):
    import orsheet.macros as macros

    from orsheet.workbook.base import UpdateCells
    from orsheet.workbook.file import FileBackend

    FileBackend(demo).write([UpdateCells(ACTIES, 3, {schema.STATUS: "afgerond"})])  # 187: to close
    replace_in(demo, ACTIES_PART, "</sheetData>", '</sheetData><sheetProtection sheet="1"/>')
    book = desktop_workbook(demo)
    monkeypatch.setattr(macros, "_caller", lambda: book)
    macros.close_finished_actions()
    actions = book.apply()
    assert [a["func"] for a in actions] == ["alert"]
    text = actions[0]["args"][0]
    assert text.startswith("Afgeronde acties sluiten is niet gelukt; er is niets gewijzigd.\n\nblad Acties: dit blad "
                           "is beveiligd") and "Beveiliging blad opheffen" in text


def test_a_protected_sheet_the_write_does_not_touch_blocks_nothing_live(demo):
    replace_in(demo, "xl/worksheets/sheet4.xml", "</sheetData>", '</sheetData><sheetProtection sheet="1"/>')  # Besluiten
    book = desktop_workbook(demo)
    close_actions(XlwingsBackend(book), [187], date(2024, 3, 1))
    book.apply()
    assert 187 not in [r.values[schema.NR] for r in RemoteWorkbook(book.client).read([ACTIES])[ACTIES].rows]


def test_a_locked_workbook_structure_refuses_a_new_sheet_live_with_the_file_paths_message(demo):
    from orsheet.services.overview import overview

    replace_in(demo, "xl/workbook.xml", "<workbookProtection/>", '<workbookProtection lockStructure="1"/>')
    on_file = file_says(demo, "overview", "--sheet")
    book = desktop_workbook(demo)
    with pytest.raises(OrsheetError) as refused:
        overview(XlwingsBackend(book), write_sheet=True)
    assert str(refused.value).startswith("blad Overzicht: de structuur van de werkmap is beveiligd")
    assert str(refused.value) in on_file
    assert book.apply() == []


def numbering_refused_live(demo) -> str:
    """Number on the desktop live path: refused, nothing asked of Excel, the same problem line as on the file."""
    on_file = file_says(demo, "number")
    book = desktop_workbook(demo)
    with pytest.raises(OrsheetError) as refused:
        number_actions(XlwingsBackend(book))
    assert book.apply() == []
    assert str(refused.value).splitlines()[-1] in on_file
    return str(refused.value)


@pytest.mark.parametrize("kind", sorted(FORMULA_CELLS))
def test_a_formula_in_nr_is_refused_live_with_checks_message_and_nothing_is_numbered_over(demo, kind):
    with_nr(demo, FORMULA_CELLS[kind])
    assert "Acties!A3 (Nr): Nr wordt berekend met een formule" in numbering_refused_live(demo)


def test_a_formula_in_nr_that_shows_nothing_below_the_last_action_is_refused_live_as_on_a_file(demo):
    replace_in(demo, ACTIES_PART, "</sheetData>", '<row r="8"><c r="A8" t="str"><f>IF(TRUE,"",1)</f><v></v></c></row>'
                                                  "</sheetData>")
    assert 'Acties!A8 (Nr): Nr wordt berekend met een formule (=IF(TRUE,"",1))' in numbering_refused_live(demo)


def test_a_formula_in_nr_of_a_table_below_the_actions_is_not_the_actions(demo):
    with_table_below(demo, "A10:B12", [["Nr", "Wat"], ["1", "x"], ["2", "y"]], name="Lijst")
    replace_in(demo, ACTIES_PART, '<c r="A11" t="inlineStr"><is><t>1</t></is></c>', '<c r="A11"><f>1+0</f><v>1</v></c>')
    book = desktop_workbook(demo)
    assert number_actions(XlwingsBackend(book)).summary().startswith("Alle acties hebben al een nummer")


def test_when_excel_refuses_a_change_halfway_the_button_says_so_in_dutch_and_what_stays(demo):
    import orsheet.macros as macros

    book = desktop_workbook(demo, refuse_writes_on={ARCHIEF})  # protected in a way Excel does not report

    def work() -> str:
        return close_actions(XlwingsBackend(book), [187], date(2024, 3, 1)).summary()

    text, failed = macros.outcome("Afgeronde acties sluiten", work)
    assert failed
    assert text.startswith("Afgeronde acties sluiten is niet gelukt.\n\nblad Archief: Excel heeft een wijziging geweigerd")
    assert "Wat orsheet daarvoor al had geschreven, blijft staan" in text and "er is niets gewijzigd" not in text
    assert "beveiligd blad" not in text and "Uitzondering" not in text  # Excel's own words are not shown


# -- the probes: what each engine answers ----------------------------------------------------------------------


class Reference:
    """An appscript reference (Excel for Mac): read with get()."""

    def __init__(self, value):
        self.value = value

    def get(self):
        return self.value


@pytest.mark.parametrize("sheet_api, book_api, expected", [
    ({"name": "Acties", "values": [[]]}, {"book": {}, "sheets": []}, None),  # the remote engine: the client's JSON
    (SimpleNamespace(ProtectContents=True), SimpleNamespace(ProtectStructure=True), True),  # COM (Windows)
    (SimpleNamespace(ProtectContents=False), SimpleNamespace(ProtectStructure=False), False),
    (SimpleNamespace(protect_contents=Reference(True)), SimpleNamespace(protect_structure=Reference(True)), True),  # Mac
    (SimpleNamespace(), SimpleNamespace(), None),  # an engine that has neither
])
def test_protection_is_read_where_the_engine_tells_and_unknown_elsewhere(sheet_api, book_api, expected):
    from orsheet.workbook.xlwings_sheet import sheet_protected, structure_protected

    assert sheet_protected(SimpleNamespace(api=sheet_api)) is expected
    assert structure_protected(SimpleNamespace(api=book_api)) is expected


def test_only_excels_own_errors_become_a_dutch_refusal():
    from orsheet.workbook.xlwings_sheet import excel_refused
    from tests.excel_support import ExcelComError

    CommandError = type("CommandError", (Exception,), {"__module__": "appscript.reference"})
    for error in (ExcelComError(-2147352567, "Uitzondering opgetreden.", None, None), CommandError("-50")):
        refused = excel_refused(error, ["Archief", "Acties"])
        assert refused is not None and "Excel heeft een wijziging op blad Acties of Archief geweigerd" in str(refused)
    assert excel_refused(TypeError("a bug of ours"), ["Acties"]) is None
    assert excel_refused(NotImplementedError("not on this engine"), ["Acties"]) is None
