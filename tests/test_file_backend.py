"""What only the file backend does: rows typed below a table, locks, changes on disk."""

from __future__ import annotations

import os
from pathlib import Path

import openpyxl
import pytest

from orsheet import schema
from orsheet.errors import WorkbookChanged, WorkbookError, WorkbookLocked
from orsheet.workbook.base import AppendRows, UpdateCells
from orsheet.workbook.file import FileBackend

ACTIES = schema.ACTIONS.name


def type_below_table(path: Path, rows: list[list]) -> None:
    """What a user does in Excel when pasting under a table without extending it."""
    book = openpyxl.load_workbook(path, keep_vba=True)
    sheet = book[ACTIES]
    for offset, values in enumerate(rows):
        for column, value in enumerate(values, start=1):
            sheet.cell(5 + offset, column, value)
    book.save(path)


def test_rows_typed_below_the_table_are_read_and_the_table_grows_to_cover_them(template_copy):
    type_below_table(template_copy, [[341, "Geplakt", "onder de tabel"]])
    backend = FileBackend(template_copy)
    rows = backend.read([ACTIES])[ACTIES].rows
    assert [(r.number, r.values[schema.NR]) for r in rows] == [(5, 341)]
    backend.write([AppendRows(ACTIES, [{schema.NR: 342, schema.ONDERWERP: "Nieuw"}])])
    table = openpyxl.load_workbook(template_copy)[ACTIES].tables[ACTIES]
    assert table.ref == "A1:K6"


def test_a_workbook_open_in_excel_is_never_written(template_copy):
    lock = template_copy.with_name("~$" + template_copy.name)
    lock.write_bytes(b"Excel lock")
    before = (template_copy.read_bytes(), template_copy.stat().st_mtime_ns)
    backend = FileBackend(template_copy)
    with pytest.raises(WorkbookLocked, match="geopend in Excel"):
        backend.write([AppendRows(ACTIES, [{schema.NR: 1}])])
    assert (template_copy.read_bytes(), template_copy.stat().st_mtime_ns) == before


def test_a_workbook_changed_on_disk_after_reading_is_not_overwritten(template_copy):
    backend = FileBackend(template_copy)
    backend.read([ACTIES])
    FileBackend(template_copy).write([AppendRows(ACTIES, [{schema.NR: 1, schema.ONDERWERP: "van een collega"}])])
    os.utime(template_copy, ns=(1, 1))  # make sure the stamp differs even on coarse clocks
    with pytest.raises(WorkbookChanged):
        backend.write([AppendRows(ACTIES, [{schema.NR: 2}])])
    assert [r.values[schema.NR] for r in FileBackend(template_copy).read([ACTIES])[ACTIES].rows] == [1]


def test_every_save_keeps_a_backup_of_the_previous_version(template_copy):
    original = template_copy.read_bytes()
    FileBackend(template_copy).write([UpdateCells(schema.SETTINGS.name, 2, {"Waarde": "Test"})])
    backups = list((template_copy.parent / "backup").iterdir())
    assert len(backups) == 1 and backups[0].read_bytes() == original


def test_a_file_that_is_not_a_workbook_is_refused_with_a_dutch_message(tmp_path):
    fake = tmp_path / "kapot.xlsm"
    fake.write_text("geen zip")
    with pytest.raises(WorkbookError, match="geen geldige Excel-werkmap"):
        FileBackend(fake)
