"""One contract, every backend: the same tests run on each engine."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest

from orsheet import schema
from orsheet.errors import OrsheetError, SheetError
from orsheet.template import template_path
from orsheet.workbook.base import AppendRows, DeleteRows, ReplaceSheet, UpdateCells, WorkbookBackend
from orsheet.workbook.memory import MemoryBackend
from orsheet.workbook.openpyxl_backend import FileBackend

ACTIES = schema.ACTIONS.name


def make_memory(tmp_path: Path) -> WorkbookBackend:
    return MemoryBackend.new()


def make_file(engine: str):
    def make(tmp_path: Path) -> WorkbookBackend:
        path = tmp_path / "contract.xlsm"
        shutil.copyfile(template_path(), path)
        return FileBackend(path, engine=engine)

    return make


BACKENDS = {"memory": make_memory, "file-xml": make_file("xml"), "file-openpyxl": make_file("openpyxl")}


@pytest.fixture(params=sorted(BACKENDS))
def backend(request, tmp_path) -> WorkbookBackend:
    return BACKENDS[request.param](tmp_path)


def reread(backend: WorkbookBackend) -> WorkbookBackend:
    """A fresh view of the same workbook (the file backend re-opens the file)."""
    return FileBackend(backend.path, engine=backend.engine) if isinstance(backend, FileBackend) else backend


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
