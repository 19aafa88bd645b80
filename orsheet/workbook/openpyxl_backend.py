"""The workbook file on disk: fast reads, careful writes.

Reads go through python-calamine (about 20x faster than openpyxl on large
sheets). Writes load the file once with openpyxl (keeping the VBA project),
apply the edits, save to a temporary file, restore the parts openpyxl drops
(:mod:`.fidelity`), and replace the original atomically with a backup
(:mod:`.safe_save`). A workbook open in Excel, or changed on disk since it
was read, is never written.
"""

from __future__ import annotations

import copy
from datetime import date, datetime, time
from pathlib import Path
from typing import Sequence

from orsheet import schema
from orsheet.errors import CellError, Location, SheetError, WorkbookError
from orsheet.workbook.base import (
    AppendRows,
    DeleteRows,
    Edit,
    ReplaceSheet,
    Row,
    Table,
    UpdateCells,
    Value,
    collector_paused,
    row_from_values,
)
from orsheet.workbook.fidelity import restore_dropped_parts
from orsheet.workbook.safe_save import WorkbookFile, require_workbook_file

EXCEL_SUFFIXES = (".xlsm", ".xlsx")
_DAMAGED = "Er is niets gewijzigd; zet zo nodig een reservekopie terug uit de map backup."


def _blank(value: Value) -> bool:
    return value is None or value == ""


ENGINES = ("xml", "openpyxl")


class FileBackend:
    """An orsheet workbook (.xlsm or .xlsx) on disk.

    ``engine`` chooses how writes are done: ``"xml"`` (default) edits only the
    changed sheets' XML and copies every other part unchanged; ``"openpyxl"``
    loads and saves the whole workbook with openpyxl and then restores what
    openpyxl drops. Both pass the same contract and fidelity tests.
    """

    def __init__(self, path: Path | str, engine: str = "xml"):
        if engine not in ENGINES:
            raise ValueError(f"unknown engine {engine!r}")
        self.engine = engine
        self.path = Path(path)
        if self.path.suffix.lower() not in EXCEL_SUFFIXES:
            raise WorkbookError(f"{self.path.name} is geen Excel-werkmap (.xlsm of .xlsx)")
        require_workbook_file(self.path)
        self._book = None
        self._file = WorkbookFile(self.path)  # the write lock from the first read to the save, symlinks resolved

    # -- reading ---------------------------------------------------------

    def _calamine(self):
        if self._book is None:
            from python_calamine import CalamineWorkbook

            self._file.reading()
            try:
                self._book = CalamineWorkbook.from_path(str(self.path))
            except Exception:  # calamine raises its own error types, with English text
                raise WorkbookError(f"{self.path.name} is beschadigd en kan niet worden gelezen. {_DAMAGED}") from None
        return self._book

    def sheet_names(self) -> list[str]:
        return list(self._calamine().sheet_names)

    def read(self, sheets: Sequence[str]) -> dict[str, Table]:
        book = self._calamine()
        tables = {}
        with collector_paused():
            for name in sheets:
                if name not in book.sheet_names:
                    raise SheetError(f"blad {name} ontbreekt in de werkmap", Location(name))
                try:
                    grid = book.get_sheet_by_name(name).to_python(skip_empty_area=False)
                except Exception:  # calamine's own error types
                    raise WorkbookError(f"{self.path.name} is beschadigd: dit blad kan niet worden gelezen. {_DAMAGED}",
                                        Location(name)) from None
                tables[name] = _table_from_grid(name, grid)
        return tables

    # -- writing ---------------------------------------------------------

    def write(self, edits: Sequence[Edit]) -> None:
        if self.engine == "xml":
            from orsheet.workbook.xml_writer import write_edits

            self._file.save(lambda temp: write_edits(self.path, edits, temp))
        else:
            self._write_with_openpyxl(edits)
        self._book = None

    def _write_with_openpyxl(self, edits: Sequence[Edit]) -> None:
        import openpyxl

        keep_vba = self.path.suffix.lower() == ".xlsm"
        try:
            book = openpyxl.load_workbook(self.path, keep_vba=keep_vba, keep_links=True, rich_text=True)
        except Exception as error:
            raise WorkbookError(f"{self.path.name} kan niet worden geopend om op te slaan: {error}") from None
        apply_edits(book, edits)

        def write_to(temp: Path) -> None:
            book.save(temp)
            restore_dropped_parts(self.path, temp)

        self._file.save(write_to)


def _table_from_grid(name: str, grid: list[list[Value]]) -> Table:
    if not grid:
        return Table(name, [], [])
    header = [("" if _blank(h) else str(h).strip()) for h in grid[0]]
    width = len(header)
    # Common case: every column has its own header, so a row is one dict(zip)
    # with calamine's "" for empty cells turned into None (all in C).
    simple = all(header) and len(set(header)) == width
    empty_to_none = {"": None}.get
    rows = []
    for number, values in enumerate(grid[1:], start=2):
        if not values or values[0] == "" or values[0] is None:  # else it cannot be blank
            if values.count("") + values.count(None) == len(values):
                continue  # a blank row
        if simple and len(values) <= width:
            rows.append(Row(number, dict(zip(header, map(empty_to_none, values, values))), {}))
        else:
            rows.append(row_from_values(number, header, values))
    return Table(name, header, rows)


# -- applying edits to an openpyxl workbook ---------------------------------


def apply_edits(book, edits: Sequence[Edit]) -> None:
    """Apply edits in the contract's order: updates, deletions, appends."""
    touched: set[str] = set()
    for kind in (UpdateCells, DeleteRows, (AppendRows, ReplaceSheet)):
        for edit in edits:
            if isinstance(edit, kind):
                _apply_one(book, edit)
                touched.add(edit.sheet)
    for name in touched:
        if name in book.sheetnames:
            _fit_tables(book[name])


def _sheet(book, name: str):
    if name not in book.sheetnames:
        raise SheetError(f"blad {name} ontbreekt in de werkmap", Location(name))
    return book[name]


def _apply_one(book, edit: Edit) -> None:
    if isinstance(edit, ReplaceSheet):
        _replace_sheet(book, edit)
        return
    sheet = _sheet(book, edit.sheet)
    columns = _header_columns(sheet)
    if isinstance(edit, UpdateCells):
        if edit.row < 2:
            raise CellError("de kopregel kan niet worden overschreven", Location(edit.sheet, edit.row))
        for header, value in edit.values.items():
            _write_cell(sheet.cell(edit.row, _column(columns, edit.sheet, header)), value)
    elif isinstance(edit, DeleteRows):
        for row in sorted(set(edit.rows), reverse=True):
            if row >= 2:
                sheet.delete_rows(row)
    elif isinstance(edit, AppendRows):
        last = last_data_row(sheet)
        model_row = last if last >= 2 else 2
        for offset, record in enumerate(edit.rows, start=1):
            row = last + offset
            for header, value in record.items():
                column = _column(columns, edit.sheet, header)
                cell = sheet.cell(row, column)
                if row != model_row:
                    _copy_style(sheet.cell(model_row, column), cell)
                _write_cell(cell, value)


def _header_columns(sheet) -> dict[str, int]:
    columns = {}
    for cell in next(sheet.iter_rows(min_row=1, max_row=1), ()):
        if not _blank(cell.value):
            columns.setdefault(str(cell.value).strip(), cell.column)
    return columns


def _column(columns: dict[str, int], sheet: str, header: str) -> int:
    if header not in columns:
        raise SheetError(f'kolom "{header}" ontbreekt in rij 1', Location(sheet))
    return columns[header]


def last_data_row(sheet) -> int:
    """The last row with any value (1 when only the header row has values)."""
    for row in range(sheet.max_row, 1, -1):
        if any(not _blank(c.value) for c in sheet[row]):
            return row
    return 1


def _copy_style(source, target) -> None:
    if source.has_style:
        target._style = copy.copy(source._style)  # the whole style array: font, fill, format, alignment


def _write_cell(cell, value: Value) -> None:
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    if isinstance(value, str):
        value = ILLEGAL_CHARACTERS_RE.sub("", value)
    cell.value = value
    if isinstance(value, str) and value.startswith("="):
        cell.data_type = "s"  # text the user typed stays text, never becomes a formula
    if isinstance(value, datetime):
        cell.number_format = "dd-mm-yyyy hh:mm"
    elif isinstance(value, date):
        cell.number_format = schema.DATE_FORMAT
    elif isinstance(value, time):
        cell.number_format = schema.TIME_FORMAT


def _replace_sheet(book, edit: ReplaceSheet) -> None:
    if edit.sheet in book.sheetnames:
        sheet = book[edit.sheet]
        sheet.delete_rows(1, sheet.max_row)
    else:
        sheet = book.create_sheet(edit.sheet)
    for number, row in enumerate(edit.rows, start=1):
        for column, value in enumerate(row, start=1):
            _write_cell(sheet.cell(number, column), value)
    from openpyxl.utils import get_column_letter

    for index, width in enumerate(edit.widths, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width


def _fit_tables(sheet) -> None:
    """Make each table on the sheet cover all its rows (typed-below rows too)."""
    from openpyxl.utils.cell import range_boundaries, get_column_letter

    for table in sheet.tables.values():
        min_col, min_row, max_col, _ = range_boundaries(table.ref)
        last = max(last_data_row(sheet), min_row + 1)
        table.ref = f"{get_column_letter(min_col)}{min_row}:{get_column_letter(max_col)}{last}"
        if table.autoFilter is not None:
            table.autoFilter.ref = table.ref
