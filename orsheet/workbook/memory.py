"""An in-memory workbook: a fake backend for fast tests (not a mock).

It behaves like the file backend from a service's point of view: the same
tables, the same edit semantics, all-or-nothing writes.
"""

from __future__ import annotations

import copy
from typing import Iterable, Mapping, Sequence

from orsheet import schema
from orsheet.errors import Location, SheetError
from orsheet.workbook.base import Table, Value, row_from_values
from orsheet.workbook.edits import Edit, Move, ReplaceSheet, WriteReport, apply


def _blank(value: Value) -> bool:
    return value is None or value == ""


class MemoryBackend:
    """Sheets as lists of rows; row 0 is the header row (sheet row 1)."""

    def __init__(self, sheets: Mapping[str, Sequence[Sequence[Value]]]):
        self.sheets: dict[str, list[list[Value]]] = {name: [list(r) for r in rows] for name, rows in sheets.items()}
        self.writes = 0  # how many successful writes happened (tests use it to prove "nothing written")
        self.owned: set[str] = set()  # generated sheets orsheet made (the file's mark, in memory)

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

    def write(self, edits: Sequence[Edit]) -> WriteReport:
        staged = _Engine(copy.deepcopy(self.sheets), set(self.owned))
        report = apply(staged, edits)
        self.sheets, self.owned = staged.sheets, staged.owned_sheets
        self.writes += 1
        return report

    def value(self, sheet: str, row: int, header: str) -> Value:
        """One cell's value (test convenience)."""
        grid = self.sheets[sheet]
        return grid[row - 1][grid[0].index(header)]


class _Engine:
    """The edit primitives on plain grids (see :mod:`.edits`)."""

    def __init__(self, sheets: dict[str, list[list[Value]]], owned: set[str]):
        self.sheets = sheets
        self.owned_sheets = owned

    def columns(self, sheet: str) -> dict[str, int] | None:
        if sheet not in self.sheets:
            return None
        grid = self.sheets[sheet]
        found: dict[str, int] = {}
        for index, header in enumerate(grid[0] if grid else [], start=1):
            if not _blank(header):
                found.setdefault(str(header).strip(), index)
        return found

    def has_row(self, sheet: str, row: int) -> bool:
        grid = self.sheets[sheet]
        return 2 <= row <= len(grid) and not all(_blank(v) for v in grid[row - 1])

    def owned(self, sheet: str) -> bool:
        return sheet in self.owned_sheets

    def set_cells(self, sheet: str, row: int, cells: dict[int, Value]) -> None:
        for column, value in cells.items():
            _set(self.sheets[sheet], row, column - 1, value)

    def add_columns(self, sheet: str, headers: Sequence[str]) -> None:
        grid = self.sheets[sheet]
        last = max(self.columns(sheet).values(), default=0)
        for offset, header in enumerate(headers, start=1):
            _set(grid, 1, last + offset - 1, header)

    def move_rows(self, move: Move) -> None:
        source = self.sheets[move.sheet]
        rows = []
        for row in move.rows:
            line = source[row - 1]
            cells = {move.columns[c]: line[c - 1] for c in move.columns if c <= len(line)}
            rows.append({**cells, **move.values.get(row, {})})
        self.append_rows(move.target, rows)

    def delete_rows(self, sheet: str, rows: Sequence[int]) -> None:
        grid = self.sheets[sheet]
        for row in sorted(set(rows), reverse=True):
            if 2 <= row <= len(grid):
                del grid[row - 1]

    def append_rows(self, sheet: str, rows: Sequence[dict[int, Value]]) -> None:
        grid = self.sheets[sheet]
        last = max((i for i, r in enumerate(grid, start=1) if i == 1 or not all(_blank(v) for v in r)), default=1)
        for offset, cells in enumerate(rows, start=1):
            self.set_cells(sheet, last + offset, cells)

    def replace_sheet(self, edit: ReplaceSheet) -> None:
        self.sheets[edit.sheet] = [list(r) for r in edit.rows]
        self.owned_sheets.add(edit.sheet)


def _set(grid: list[list[Value]], row: int, column: int, value: Value) -> None:
    while len(grid) < row:
        grid.append([None] * len(grid[0]))
    line = grid[row - 1]
    while len(line) <= column:
        line.append(None)
    line[column] = value
