"""The workbook file on disk: fast reads, careful writes.

Reads go through python-calamine (about 20x faster than openpyxl on large
sheets). Writes edit only the XML of the parts that change
(:mod:`.xml_writer`) and copy every other part as it is, then replace the
original atomically with a backup (:mod:`.safe_save`). A workbook open in
Excel, or changed on disk since it was read, is never written.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path
from typing import Sequence

from orsheet.errors import Location, SheetError, WorkbookError
from orsheet.ooxml.package import Package
from orsheet.workbook.base import ErrorValue, Row, Table, Value, collector_paused, row_from_values
from orsheet.workbook.edits import Edit, WriteReport
from orsheet.workbook.safe_save import WorkbookFile
from orsheet.ooxml.markup import parse, q, serialize
from orsheet.workbook.sheet_layout import (
    SheetLayout,
    may_have_negative_numbers,
    negative_number_cells,
    negative_numbers,
    sheet_layout,
)
from orsheet.workbook.workbook_check import require_workbook_file

EXCEL_SUFFIXES = (".xlsm", ".xlsx")
_DAMAGED = "Er is niets gewijzigd; zet zo nodig een reservekopie terug uit de map backup."


def _blank(value: Value) -> bool:
    return value is None or value == ""


class FileBackend:
    """An orsheet workbook (.xlsm or .xlsx) on disk."""

    def __init__(self, path: Path | str):
        self.path = Path(path)
        if self.path.suffix.lower() not in EXCEL_SUFFIXES:
            raise WorkbookError(f"{self.path.name} is geen Excel-werkmap (.xlsm of .xlsx)")
        self._package: Package = require_workbook_file(self.path)  # read whole once: the tables and marks
        self._package_stamp = _stamp(self.path)
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
                    grid = _sheet_grid(book, self._current_package(), name, self._negatives(name))
                except Exception:  # calamine's own error types
                    raise WorkbookError(f"{self.path.name} is beschadigd: dit blad kan niet worden gelezen. {_DAMAGED}",
                                        Location(name)) from None
                layout = self._layout(name, grid[0] if grid else [])
                table = _table_from_grid(name, grid, layout)
                _add_marks(table, layout.marks)
                tables[name] = table
        return tables

    def _current_package(self) -> Package:
        stamp = _stamp(self.path)
        if stamp != self._package_stamp:  # changed since the backend was opened: read it again
            self._package, self._package_stamp = Package(self.path), stamp
        return self._package

    def _negatives(self, sheet: str) -> dict[tuple[int, int], float]:
        """:func:`sheet_negatives`, cached per file version."""
        package = self._current_package()
        key = (str(self.path.resolve()), *self._package_stamp, sheet)
        if key not in _NEGATIVES:
            if len(_NEGATIVES) > 64:
                _NEGATIVES.clear()
            _NEGATIVES[key] = sheet_negatives(package, sheet)
        return _NEGATIVES[key]

    def _layout(self, sheet: str, header: list[Value]) -> SheetLayout:
        """The sheet's table, its totals rows and the marks calamine cannot see (cached per file version)."""
        stamp = _stamp(self.path)
        nr = next((i for i, h in enumerate(header, start=1) if isinstance(h, str) and h.strip() == "Nr"), None)
        key = (str(self.path.resolve()), *stamp, sheet, nr)
        if key not in _LAYOUTS:
            if len(_LAYOUTS) > 64:
                _LAYOUTS.clear()
            _LAYOUTS[key] = sheet_layout(self._current_package(), sheet, nr)
        return _LAYOUTS[key]

    # -- writing ---------------------------------------------------------

    def write(self, edits: Sequence[Edit]) -> WriteReport:
        from orsheet.workbook.xml_writer import write_edits

        reports: list[WriteReport] = []
        self._file.save(lambda temp: reports.append(write_edits(self.path, edits, temp)))
        self._book = None
        return reports[0] if reports else WriteReport()


_LAYOUTS: dict[tuple, SheetLayout] = {}
_NEGATIVES: dict[tuple, dict[tuple[int, int], float]] = {}


def _stamp(path: Path) -> tuple[int, int]:
    stat = path.stat()
    return stat.st_mtime_ns, stat.st_size


def _add_marks(table: Table, marks: dict[tuple[int, int], str]) -> None:
    """Marks into the table; an error value (not a formula's) replaces the empty value calamine gives."""
    if not marks:
        return
    table.marks.update(marks)
    by_number = {line.number: line for line in table.rows}
    for (row, column), mark in marks.items():
        line = by_number.get(row)
        if line is not None and mark.startswith("#") and column <= len(table.header) and table.header[column - 1]:
            line.values[table.header[column - 1]] = ErrorValue(mark)


def sheet_negatives(package: Package, sheet: str) -> dict[tuple[int, int], float]:
    """(row, column) -> value of the sheet's negative numbers, which calamine gives as times of day
    in a date-formatted cell (:func:`~orsheet.workbook.sheet_layout.negative_numbers`): one byte
    search, and a parse only of a sheet that holds one."""
    part = package.sheet_parts().get(sheet)
    raw = package.get(part) if part is not None and package.has(part) else None
    return negative_numbers(package.xml(part)) if raw and may_have_negative_numbers(raw) else {}


def _sheet_grid(book, package: Package, sheet: str, negatives: dict[tuple[int, int], float]) -> list[list[Value]]:
    """The sheet's values from calamine (A1 at [0][0]), with its negative numbers as the numbers they are.

    Where the sheet holds a number far below any date, calamine reads a copy with those made 0: it
    would panic (a Rust panic, past ``except Exception``, with a message on stderr)."""
    if not all(value >= _FAR_NEGATIVE for value in negatives.values()):
        from python_calamine import CalamineWorkbook

        book = CalamineWorkbook.from_filelike(io.BytesIO(_without_far_negatives(package, sheet)))
    grid = book.get_sheet_by_name(sheet).to_python(skip_empty_area=False)
    for (row, column), value in negatives.items():
        if row <= len(grid) and column <= len(grid[row - 1]):
            grid[row - 1][column - 1] = value
    return grid


def sheet_values(path: Path, sheet: str | int = 0) -> list[list[Value]]:
    """One sheet (by name, or by position) of any .xlsx/.xlsm (an action list to import), read as a
    workbook's sheets are (negative numbers as numbers, no panic); "" for an empty cell."""
    from python_calamine import CalamineWorkbook

    package = Package(path)
    book = CalamineWorkbook.from_path(str(path))
    name = book.sheet_names[sheet] if isinstance(sheet, int) else sheet
    return _sheet_grid(book, package, name, sheet_negatives(package, name))


# python-calamine panics on a date-formatted cell far below any date, about -1.07e11 (chrono's limit
# in milliseconds); a bound well above it.
_FAR_NEGATIVE = -1e10


def _without_far_negatives(package: Package, sheet: str) -> bytes:
    """The workbook with every number below ``_FAR_NEGATIVE`` in ``sheet`` made 0, for calamine."""
    part = package.sheet_parts()[sheet]
    raw = package.get(part)
    root = parse(raw)  # its own tree: the package's stays as it is
    for _position, cell, value in negative_number_cells(root):
        if value < _FAR_NEGATIVE:
            cell.find(q("v")).text = "0"
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED) as archive:
        for name in package.names:
            if package.has(name):
                archive.writestr(name, serialize(root, raw) if name == part else package.get(name))
    return buffer.getvalue()


def _table_from_grid(name: str, grid: list[list[Value]], layout: SheetLayout = SheetLayout()) -> Table:
    """The sheet's rows as a Table: only the own table's columns, from row 2 to the row before
    another table below it, without its totals row (the whole sheet where it has no table)."""
    if not grid:
        return Table(name, [], [])
    left, right = layout.columns or (1, len(grid[0]))
    header = [("" if _blank(h) or column < left else str(h).strip()) for column, h in enumerate(grid[0][:right], start=1)]
    width = len(header)
    # Common case: every column has its own header, so a row is one dict(zip)
    # with calamine's "" for empty cells turned into None (all in C).
    simple = all(header) and len(set(header)) == width
    empty_to_none = {"": None}.get
    totals, blank_before = layout.totals, [""] * (left - 1)
    rows = []
    for number, values in enumerate(grid[1:layout.limit - 1], start=2):
        if layout.columns is not None:
            if len(values) > right:
                values = values[:right]
            if left > 1:
                values = blank_before + values[left - 1:]
        if totals and number in totals:
            continue
        if not values or values[0] == "" or values[0] is None:  # else it cannot be blank
            if values.count("") + values.count(None) == len(values):
                continue  # a blank row
        if simple and len(values) <= width:
            rows.append(Row(number, dict(zip(header, map(empty_to_none, values, values))), {}))
        else:
            rows.append(row_from_values(number, header, values))
    return Table(name, header, rows)
