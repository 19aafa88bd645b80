"""An in-memory workbook: a fake backend for fast tests (not a mock).

It behaves like the file backend from a service's point of view: the same
tables, the same edit semantics, all-or-nothing writes.
"""

from __future__ import annotations

import copy
from typing import Iterable, Mapping, Sequence

from orsheet import schema
from orsheet.errors import CellError, Location, SheetError
from orsheet.workbook.base import AppendRows, DeleteRows, Edit, ReplaceSheet, Table, UpdateCells, Value, row_from_values


def _blank(value: Value) -> bool:
    return value is None or value == ""


class MemoryBackend:
    """Sheets as lists of rows; row 0 is the header row (sheet row 1)."""

    def __init__(self, sheets: Mapping[str, Sequence[Sequence[Value]]]):
        self.sheets: dict[str, list[list[Value]]] = {name: [list(r) for r in rows] for name, rows in sheets.items()}
        self.writes = 0  # how many successful writes happened (tests use it to prove "nothing written")

    @classmethod
    def new(cls, rows: Mapping[str, Iterable[Mapping[str, Value]]] | None = None) -> "MemoryBackend":
        """An empty orsheet workbook (default settings), optionally with rows."""
        sheets: dict[str, list[list[Value]]] = {s.name: [list(s.headers)] for s in schema.SHEETS}
        sheets[schema.SETTINGS.name] += [[k, v] for k, v in schema.DEFAULT_SETTINGS]
        backend = cls(sheets)
        for name, records in (rows or {}).items():
            header = backend.sheets[name][0]
            backend.sheets[name] += [[record.get(h) for h in header] for record in records]
        return backend

    def sheet_names(self) -> list[str]:
        return list(self.sheets)

    def read(self, sheets: Sequence[str]) -> dict[str, Table]:
        tables = {}
        for name in sheets:
            if name not in self.sheets:
                raise SheetError(f"blad {name} ontbreekt in de werkmap", Location(name))
            grid = self.sheets[name]
            header = [("" if h is None else str(h).strip()) for h in (grid[0] if grid else [])]
            rows = []
            for index, values in enumerate(grid[1:], start=2):
                if all(_blank(v) for v in values):
                    continue
                rows.append(row_from_values(index, header, values))
            tables[name] = Table(name, header, rows)
        return tables

    def write(self, edits: Sequence[Edit]) -> None:
        staged = copy.deepcopy(self.sheets)
        _apply(staged, edits)
        self.sheets = staged
        self.writes += 1

    def value(self, sheet: str, row: int, header: str) -> Value:
        """One cell's value (test convenience)."""
        grid = self.sheets[sheet]
        return grid[row - 1][grid[0].index(header)]


def _column(grid: list[list[Value]], sheet: str, header: str) -> int:
    try:
        return grid[0].index(header)
    except ValueError:
        raise SheetError(f'kolom "{header}" ontbreekt', Location(sheet)) from None


def _set(grid: list[list[Value]], row: int, column: int, value: Value) -> None:
    while len(grid) < row:
        grid.append([None] * len(grid[0]))
    line = grid[row - 1]
    while len(line) <= column:
        line.append(None)
    line[column] = value


def _apply(sheets: dict[str, list[list[Value]]], edits: Sequence[Edit]) -> None:
    ordered = (
        [e for e in edits if isinstance(e, UpdateCells)]
        + [e for e in edits if isinstance(e, DeleteRows)]
        + [e for e in edits if isinstance(e, (AppendRows, ReplaceSheet))]
    )
    for edit in ordered:
        if isinstance(edit, ReplaceSheet):
            sheets[edit.sheet] = [list(r) for r in edit.rows]
            continue
        if edit.sheet not in sheets:
            raise SheetError(f"blad {edit.sheet} ontbreekt in de werkmap", Location(edit.sheet))
        grid = sheets[edit.sheet]
        if isinstance(edit, UpdateCells):
            if edit.row < 2:
                raise CellError("de kopregel kan niet worden overschreven", Location(edit.sheet, edit.row))
            for header, value in edit.values.items():
                _set(grid, edit.row, _column(grid, edit.sheet, header), value)
        elif isinstance(edit, DeleteRows):
            for row in sorted(set(edit.rows), reverse=True):
                if 2 <= row <= len(grid):
                    del grid[row - 1]
        elif isinstance(edit, AppendRows):
            last = max((i for i, r in enumerate(grid, start=1) if i == 1 or not all(_blank(v) for v in r)), default=1)
            for offset, record in enumerate(edit.rows, start=1):
                for header, value in record.items():
                    _set(grid, last + offset, _column(grid, edit.sheet, header), value)
