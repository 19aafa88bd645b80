"""The tables (ListObjects) of one worksheet, as reading and writing both need them.

A sheet's *own* table is the one the sheet contract names (``Acties`` on the
Acties sheet), else the first table with its header in row 1. Its rows are
the rows of the sheet's data: from row 2 down to the last row before another
table that shares its columns (rows typed directly below the table belong to
it; a second table below it never does), never its totals row.
"""

from __future__ import annotations

from dataclasses import dataclass

from lxml import etree

from orsheet import schema
from orsheet.errors import column_letter
from orsheet.ooxml.markup import TABLE_REL, q
from orsheet.ooxml.package import Package
from orsheet.workbook.refs import split_ref

NO_LIMIT = 1 << 30  # a row number below every real row


@dataclass
class TablePart:
    """One table part of a sheet."""

    part: str
    root: etree._Element

    @property
    def name(self) -> str:
        return self.root.get("displayName") or self.root.get("name") or self.part.rsplit("/", 1)[-1]

    @property
    def bounds(self) -> tuple[int, int, int, int]:
        """(top, left, bottom, right), 1-based."""
        first, _, last = self.root.get("ref").partition(":")
        last = last or first
        (top, left), (bottom, right) = split_ref(first.replace("$", "")), split_ref(last.replace("$", ""))
        return top, left, bottom, right

    @property
    def ref(self) -> str:
        return self.root.get("ref")

    @property
    def totals(self) -> int:
        return int(self.root.get("totalsRowCount", "0") or 0)

    @property
    def totals_rows(self) -> set[int]:
        bottom = self.bounds[2]
        return set(range(bottom - self.totals + 1, bottom + 1))

    def shares_columns(self, left: int, right: int) -> bool:
        _, own_left, _, own_right = self.bounds
        return own_left <= right and left <= own_right

    def set_rows(self, top: int, bottom: int) -> None:
        _, left, _, right = self.bounds
        self.root.set("ref", f"{column_letter(left)}{top}:{column_letter(right)}{bottom}")
        auto_filter = self.root.find(q("autoFilter"))
        if auto_filter is not None:
            auto_filter.set("ref", f"{column_letter(left)}{top}:{column_letter(right)}{bottom - self.totals}")


def sheet_tables(package: Package, sheet_part: str) -> list[TablePart]:
    return [TablePart(p, package.xml(p)) for p in package.related(sheet_part, TABLE_REL) if package.has(p)]


def own_table(tables: list[TablePart], sheet: str) -> TablePart | None:
    """The sheet's own table: the contract's table name, else the first table with its header in row 1."""
    at_top = [t for t in tables if t.bounds[0] == 1]
    spec = schema.BY_NAME.get(sheet)
    named = [t for t in at_top if spec and t.root.get("name") == spec.table]
    return (named or at_top or [None])[0]


def next_table_below(tables: list[TablePart], own: TablePart) -> TablePart | None:
    """The nearest other table below ``own`` that shares some of its columns (its rows end there)."""
    top, left, bottom, right = own.bounds
    below = [t for t in tables if t is not own and t.bounds[0] > top and t.shares_columns(left, right)]
    return min(below, key=lambda t: t.bounds[0], default=None)


def row_limit(tables: list[TablePart], own: TablePart | None) -> int:
    """The first row that is no longer the own table's: the next table's top row (or none)."""
    if own is None:
        return NO_LIMIT
    other = next_table_below(tables, own)
    return other.bounds[0] if other is not None else NO_LIMIT
