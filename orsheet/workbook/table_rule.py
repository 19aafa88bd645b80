"""Which rows and columns of a sheet are its table's: one rule for the file and the live backend.

A sheet's *own* table is the one the sheet contract names (``Acties`` on the
Acties sheet), else the first table with its header in row 1. Its rows end
where another table that shares its columns begins (rows typed directly below
the table belong to it; a second table below it never does). The file backend
applies it to the table parts of the XML (:mod:`.sheet_layout`), the live one
to the tables Excel reports (:mod:`.xlwings_sheet`); this module imports
nothing beyond the schema, so xlwings Lite (Pyodide) needs no XML library for it.
"""

from __future__ import annotations

from typing import Protocol, Sequence, TypeVar

from orsheet import schema

NO_LIMIT = 1 << 30  # a row number below every real row


class TableArea(Protocol):
    """Where a table is, as a file's table part or a live workbook's table tells it."""

    @property
    def name(self) -> str: ...

    @property
    def bounds(self) -> tuple[int, int, int, int]: ...


Area = TypeVar("Area", bound=TableArea)


def own_table(tables: Sequence[Area], sheet: str) -> Area | None:
    """The sheet's own table: the contract's table name, else the first table with its header in row 1."""
    at_top = [t for t in tables if t.bounds[0] == 1]
    spec = schema.BY_NAME.get(sheet)
    named = [t for t in at_top if spec and t.name == spec.table]
    return (named or at_top or [None])[0]


def next_table_below(tables: Sequence[Area], own: Area) -> Area | None:
    """The nearest other table below ``own`` that shares some of its columns (its rows end there)."""
    top, left, _, right = own.bounds
    below = [t for t in tables if t is not own and t.bounds[0] > top and t.bounds[1] <= right and left <= t.bounds[3]]
    return min(below, key=lambda t: t.bounds[0], default=None)


def row_limit(tables: Sequence[TableArea], own: TableArea | None) -> int:
    """The first row that is no longer the own table's: the next table's top row (or none)."""
    if own is None:
        return NO_LIMIT
    other = next_table_below(tables, own)
    return other.bounds[0] if other is not None else NO_LIMIT
