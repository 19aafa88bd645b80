"""One contract, every backend: the same tests run on each engine."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest

from orsheet import schema
from orsheet.errors import OrsheetError, SheetError
from orsheet.template_file import template_path
from orsheet.workbook.base import AppendRows, DeleteRows, MoveRows, ReplaceSheet, UpdateCells, WorkbookBackend
from orsheet.workbook.memory import MemoryBackend
from orsheet.workbook.file import FileBackend
from tests.support.parts import template_with_1904_dates

ACTIES = schema.ACTIONS.name
ARCHIEF = schema.ARCHIVE.name


def make_memory(tmp_path: Path) -> WorkbookBackend:
    return MemoryBackend.new()


def make_file(tmp_path: Path) -> WorkbookBackend:
    path = tmp_path / "contract.xlsm"
    shutil.copyfile(template_path(), path)
    return FileBackend(path)


def make_remote(tmp_path: Path) -> WorkbookBackend:
    # The xlwings live backend on xlwings' remote engine (see tests/excel_support.py).
    from tests.excel_support import remote_workbook

    return remote_workbook(template_path())


BACKENDS = {
    "memory": make_memory,
    "file": make_file,
    "xlwings-remote": make_remote,
}


@pytest.fixture(params=sorted(BACKENDS))
def backend(request, tmp_path) -> WorkbookBackend:
    return BACKENDS[request.param](tmp_path)


def reread(backend: WorkbookBackend) -> WorkbookBackend:
    """A fresh view of the same workbook (the file backend re-opens the file)."""
    return FileBackend(backend.path) if isinstance(backend, FileBackend) else backend


def action_row(nr, subject, **extra):
    return {schema.NR: nr, schema.ONDERWERP: subject, **extra}


def test_every_contract_sheet_is_present_in_workbook_order(backend):
    assert backend.sheet_names()[: len(schema.SHEETS)] == [s.name for s in schema.SHEETS]


def test_a_new_workbook_reads_the_contract_headers_and_no_action_rows(backend):
    table = backend.read([ACTIES])[ACTIES]
    assert table.header == list(schema.ACTIONS.headers)
    assert table.rows == []


def test_reading_a_missing_sheet_is_a_sheet_error(backend):
    with pytest.raises(SheetError, match="Bestaatniet"):
        backend.read(["Bestaatniet"])


def test_appended_rows_come_back_in_order_with_their_row_numbers_and_dates(backend):
    backend.write([AppendRows(ACTIES, [action_row(1, "Eerste", Datum=date(2023, 9, 14)), action_row(2, "Tweede")])])
    rows = reread(backend).read([ACTIES])[ACTIES].rows
    assert [r.number for r in rows] == [2, 3]
    assert [r.values[schema.ONDERWERP] for r in rows] == ["Eerste", "Tweede"]
    assert rows[0].values[schema.DATUM] == date(2023, 9, 14)


def test_updates_use_rows_as_read_and_run_before_deletions(backend):
    backend.write([AppendRows(ACTIES, [action_row(n, f"Actie {n}") for n in (1, 2, 3)])])
    backend = reread(backend)
    backend.write([DeleteRows(ACTIES, [2]), UpdateCells(ACTIES, 4, {schema.STATUS: "ON HOLD"})])
    rows = reread(backend).read([ACTIES])[ACTIES].rows
    assert [(r.values[schema.NR], r.values.get(schema.STATUS)) for r in rows] == [(2, None), (3, "ON HOLD")]


def test_a_failing_edit_writes_nothing_at_all(backend):
    before = backend.read([ACTIES])[ACTIES].rows
    with pytest.raises(OrsheetError):
        backend.write([AppendRows(ACTIES, [action_row(1, "Eerste")]), UpdateCells(ACTIES, 2, {"Geen kolom": 1})])
    assert reread(backend).read([ACTIES])[ACTIES].rows == before


def test_replace_sheet_creates_a_generated_sheet_and_overwrites_it_whole(backend):
    backend.write([ReplaceSheet("Agenda", [["Tijd", "Omschrijving"], ["10:00", "Opening"], ["10:05", "Agenda"]])])
    backend = reread(backend)
    backend.write([ReplaceSheet("Agenda", [["Tijd", "Omschrijving"], ["14:00", "Opening"]])])
    table = reread(backend).read(["Agenda"])["Agenda"]
    assert table.header == ["Tijd", "Omschrijving"]
    assert [r.values["Omschrijving"] for r in table.rows] == ["Opening"]


def test_text_that_looks_like_a_formula_is_stored_as_text(backend):
    backend.write([AppendRows(ACTIES, [action_row(1, "=HYPERLINK(\"http://x\")")])])
    assert reread(backend).read([ACTIES])[ACTIES].rows[0].values[schema.ONDERWERP] == '=HYPERLINK("http://x")'


# -- moving rows (close, minutes): the whole row goes ---------------------------------------

PRIORITY = "Prioriteit"  # a column the secretary added to the Acties table


def workbook_with_user_column(tmp_path: Path) -> Path:
    """The template with a "Prioriteit" column added to the Acties table, and three actions."""
    import openpyxl
    from openpyxl.worksheet.table import TableColumn

    book = openpyxl.load_workbook(template_path(), keep_vba=True)
    sheet = book[ACTIES]
    table = sheet.tables[ACTIES]
    column = len(schema.ACTIONS.headers) + 1
    sheet.cell(1, column).value = PRIORITY
    for row, (nr, priority) in enumerate(((1, "hoog"), (2, "laag"), (3, "midden")), start=2):
        sheet.cell(row, 1).value = nr
        sheet.cell(row, 2).value = f"Actie {nr}"
        sheet.cell(row, column).value = priority
    from openpyxl.utils import get_column_letter

    table.ref = f"A1:{get_column_letter(column)}4"
    table.autoFilter.ref = table.ref
    table.tableColumns.append(TableColumn(id=column, name=PRIORITY))
    path = tmp_path / "eigen-kolom.xlsm"
    book.save(path)
    return path


def backend_on(kind: str, path: Path) -> WorkbookBackend:
    if kind == "file":
        return FileBackend(path)
    if kind == "xlwings-remote":
        from tests.excel_support import remote_workbook

        return remote_workbook(path)
    import openpyxl

    book = openpyxl.load_workbook(path)
    return MemoryBackend({s.title: [list(r) for r in s.iter_rows(values_only=True)] for s in book.worksheets})


@pytest.fixture(params=sorted(BACKENDS))
def with_priority(request, tmp_path) -> WorkbookBackend:
    return backend_on(request.param, workbook_with_user_column(tmp_path))


def test_moved_rows_carry_every_cell_and_the_target_gains_the_missing_column(with_priority):
    backend = with_priority
    report = backend.write([MoveRows(ACTIES, ARCHIEF, [3], {3: {schema.AFGEROND_OP: date(2024, 5, 1)}})])
    assert report.added_columns == {ARCHIEF: [PRIORITY]}
    assert "Prioriteit" in report.summary() and "Archief" in report.summary()
    tables = reread(backend).read([ACTIES, ARCHIEF])
    moved = tables[ARCHIEF].rows
    assert [(r.values[schema.NR], r.values[schema.ONDERWERP], r.values[PRIORITY]) for r in moved] == [(2, "Actie 2", "laag")]
    assert moved[0].values[schema.AFGEROND_OP] == date(2024, 5, 1)
    assert [(r.values[schema.NR], r.values[PRIORITY]) for r in tables[ACTIES].rows] == [(1, "hoog"), (3, "midden")]


def test_moving_several_rows_keeps_their_order_and_updates_run_on_rows_as_read(with_priority):
    backend = with_priority
    backend.write([
        UpdateCells(ACTIES, 4, {schema.STATUS: "ON HOLD"}),
        MoveRows(ACTIES, ARCHIEF, [4, 2]),
    ])
    tables = reread(backend).read([ACTIES, ARCHIEF])
    assert [(r.values[schema.NR], r.values.get(schema.STATUS)) for r in tables[ARCHIEF].rows] == [(3, "ON HOLD"), (1, None)]
    assert [r.values[schema.NR] for r in tables[ACTIES].rows] == [2]


def test_moving_the_header_row_or_a_row_without_an_action_writes_nothing(with_priority):
    backend = with_priority
    before = backend.read([ACTIES, ARCHIEF])
    with pytest.raises(OrsheetError, match="kopregel"):
        backend.write([MoveRows(ACTIES, ARCHIEF, [1])])
    with pytest.raises(OrsheetError, match="rij 40"):
        backend.write([UpdateCells(ACTIES, 2, {schema.STATUS: "x"}), MoveRows(ACTIES, ARCHIEF, [40])])
    assert reread(backend).read([ACTIES, ARCHIEF]) == before


def test_a_move_override_for_a_column_nobody_has_is_refused_with_the_shared_message(with_priority):
    with pytest.raises(SheetError, match='kolom "Geen kolom" ontbreekt in rij 1'):
        with_priority.write([MoveRows(ACTIES, ARCHIEF, [2], {2: {"Geen kolom": 1}})])


def test_a_sheet_orsheet_generated_stays_its_own_and_is_written_again_whatever_its_header(backend):
    backend.write([ReplaceSheet("Overzicht", [["Mijn eigen", "lijst"], ["a", "b"]])])  # orsheet's: made by it
    backend = reread(backend)
    backend.write([ReplaceSheet("Overzicht", [["Nr", "Onderwerp"], [1, "x"]])])  # still orsheet's: it made it
    assert reread(backend).read(["Overzicht"])["Overzicht"].header == ["Nr", "Onderwerp"]


def test_a_sheet_orsheet_did_not_make_is_refused_with_its_name(with_priority):
    backend = with_priority
    with pytest.raises(SheetError, match="^blad Acties: dit blad is niet door orsheet gemaakt"):
        backend.write([ReplaceSheet(ACTIES, [["Tijd", "Omschrijving"]])])
    assert reread(backend).read([ACTIES])[ACTIES].rows[0].values[schema.NR] == 1


# -- error values: check reports them with their cell on every backend that reads a workbook file ----------


def workbook_with_errors(tmp_path: Path) -> Path:
    """The template with an error value in Nr (#REF!) and one in Omschrijving (#N/A), beside a sound action."""
    import openpyxl

    book = openpyxl.load_workbook(template_path(), keep_vba=True)
    sheet = book[ACTIES]
    sheet.cell(2, 1).value, sheet.cell(2, 2).value = 1, "Goed"
    sheet.cell(3, 1).value, sheet.cell(3, 2).value = "#REF!", "Kapot nummer"
    sheet.cell(4, 1).value, sheet.cell(4, 2).value, sheet.cell(4, 3).value = 2, "Kapotte tekst", "#N/A"
    path = tmp_path / "fouten.xlsm"
    book.save(path)
    return path


@pytest.mark.parametrize("kind", ["file", "xlwings-remote"])
def test_error_values_are_reported_by_check_with_their_cell(kind, tmp_path):
    from orsheet.services.actions import check_workbook

    problems = check_workbook(backend_on(kind, workbook_with_errors(tmp_path)))
    where = sorted((p.location.sheet, p.location.row, p.location.column) for p in problems)
    assert (ACTIES, 3, 1) in where and (ACTIES, 4, 3) in where
    assert any("#N/A" in str(p) for p in problems)
    again = tmp_path / "again"
    again.mkdir()
    assert backend_on(kind, workbook_with_errors(again)).read([ACTIES])[ACTIES].marks == {(3, 1): "#REF!", (4, 3): "#N/A"}


# -- what an Excel cell can hold: refused before anything is written, on every backend -------

LONG_TEXT = "x" * 32_768  # Excel holds 32 767 characters in a cell


def test_text_longer_than_an_excel_cell_holds_is_refused_with_its_cell_and_nothing_is_written(backend):
    backend.write([AppendRows(ACTIES, [action_row(1, "Eerste")])])
    backend = reread(backend)
    before = backend.read([ACTIES])[ACTIES].rows
    with pytest.raises(OrsheetError) as refused:
        backend.write([UpdateCells(ACTIES, 2, {schema.STATUS: "open"}),
                       UpdateCells(ACTIES, 2, {schema.OMSCHRIJVING: LONG_TEXT})])
    assert str(refused.value).startswith("Acties!C2 (Omschrijving): de tekst is 32.768 tekens lang; "
                                         "Excel bewaart hoogstens 32.767 tekens in een cel")
    assert reread(backend).read([ACTIES])[ACTIES].rows == before


def test_an_appended_row_with_too_long_a_text_is_named_by_its_number_and_column(backend):
    with pytest.raises(OrsheetError) as refused:
        backend.write([AppendRows(ACTIES, [action_row(7, "Eerste"), action_row(8, "Tweede", Omschrijving=LONG_TEXT)])])
    assert str(refused.value).startswith("blad Acties: nieuwe rij 2 (actie 8), kolom Omschrijving: de tekst is 32.768")
    assert reread(backend).read([ACTIES])[ACTIES].rows == []


def test_text_of_exactly_the_excel_limit_is_written_whole(backend):
    text = "y" * 32_767
    backend.write([AppendRows(ACTIES, [action_row(1, "Lang", Omschrijving=text)])])
    assert reread(backend).read([ACTIES])[ACTIES].rows[0].values[schema.OMSCHRIJVING] == text


def test_a_date_before_1900_is_never_written_as_a_negative_serial(with_priority):
    backend = with_priority
    before = backend.read([ACTIES, ARCHIEF])
    with pytest.raises(OrsheetError, match=r"Acties!J3 \(Afgerond op\): datum 01-01-0001 ligt voor 01-03-1900; "
                                           "eerdere datums bewaart Excel niet betrouwbaar"):
        backend.write([MoveRows(ACTIES, ARCHIEF, [3], {3: {schema.AFGEROND_OP: date(1, 1, 1)}})])
    with pytest.raises(OrsheetError, match=r"Acties!F2 \(Datum\): datum 28-02-1900 ligt voor 01-03-1900"):
        backend.write([UpdateCells(ACTIES, 2, {schema.DATUM: date(1900, 2, 28)})])
    assert reread(backend).read([ACTIES, ARCHIEF]) == before
    backend.write([UpdateCells(ACTIES, 2, {schema.DATUM: date(1900, 3, 1)}),
                   UpdateCells(ACTIES, 3, {schema.DATUM: date(9999, 12, 31)})])
    rows = reread(backend).read([ACTIES])[ACTIES].rows
    assert [r.values[schema.DATUM] for r in rows[:2]] == [date(1900, 3, 1), date(9999, 12, 31)]


def test_a_1904_workbook_refuses_a_date_before_1904_and_keeps_one_after(tmp_path):
    path = template_with_1904_dates(tmp_path / "mac.xlsm")
    before = path.read_bytes()
    with pytest.raises(OrsheetError, match="datum 01-01-1904 ligt voor 02-01-1904; eerdere datums bewaart Excel "
                                           "in een werkmap met het datumsysteem 1904 niet betrouwbaar"):
        FileBackend(path).write([AppendRows(ACTIES, [action_row(1, "x", Datum=date(1904, 1, 1))])])
    assert path.read_bytes() == before
    FileBackend(path).write([AppendRows(ACTIES, [action_row(1, "x", Datum=date(1904, 1, 2))])])
    assert FileBackend(path).read([ACTIES])[ACTIES].rows[0].values[schema.DATUM] == date(1904, 1, 2)
