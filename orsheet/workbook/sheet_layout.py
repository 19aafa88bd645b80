"""What a worksheet declares beyond its values, as reading and writing both need it.

Its tables (ListObjects) and, for the reader, the cells a value reader cannot see
through (error values, formulas in Nr, negative numbers a date format turns into
a time), read with lxml through the package.

Which rows and columns are the sheet's own table's is :mod:`.table_rule`'s; here
they are read from the table parts. Its totals row is never data.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Iterator

from lxml import etree

from orsheet.errors import column_letter
from orsheet.ooxml.markup import MAIN, TABLE_REL, q
from orsheet.ooxml.package import Package
from orsheet.workbook.refs import split_ref
from orsheet.workbook.table_rule import NO_LIMIT, own_table, row_limit


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

    def set_rows(self, top: int, bottom: int) -> None:
        _, left, _, right = self.bounds
        self.root.set("ref", f"{column_letter(left)}{top}:{column_letter(right)}{bottom}")
        auto_filter = self.root.find(q("autoFilter"))
        if auto_filter is not None:
            auto_filter.set("ref", f"{column_letter(left)}{top}:{column_letter(right)}{bottom - self.totals}")


def sheet_tables(package: Package, sheet_part: str) -> list[TablePart]:
    return [TablePart(p, package.xml(p)) for p in package.related(sheet_part, TABLE_REL) if package.has(p)]


# -- the cells a value reader cannot see through --------------------------------------------------------

_ROOT_PREFIX = re.compile(rb"<(?:([A-Za-z_][\w.-]*):)?worksheet[\s>]")
_MARK_CANDIDATES = etree.XPath("m:sheetData/m:row/m:c[@t='e' or m:f]", namespaces={"m": MAIN})


def may_have_marks(raw: bytes) -> bool:
    """Whether a sheet's cells may hold a formula or an error value: only a filter, so that the many
    sheets with neither need no parse (what is there is then read by lxml, see :func:`cell_marks`).

    Two byte searches through the cells (a regular expression over a 5 MB sheet would cost as
    much as reading it): a formula element under the sheet's own prefix (``<f``, ``<x:f``) and an
    error type as Office writes it (``t="e"``; ``t='e'`` where the sheet quotes that way).
    """
    root = _ROOT_PREFIX.search(raw, 0, 4096)
    if root is None:
        return True  # not the usual shape: let the parser decide
    start, end = raw.find(b"<sheetData", root.end()), raw.rfind(b"sheetData>")
    if start < 0 or end < start:
        return True
    prefix = root.group(1) + b":" if root.group(1) else b""
    single = raw[root.end():raw.find(b">", root.end())].count(b"'") > raw[root.end():raw.find(b">", root.end())].count(b'"')
    error = b"t='e'" if single else b't="e"'
    return raw.find(b"<" + prefix + b"f", start, end) >= 0 or raw.find(error, start, end) >= 0


def _position(cell: etree._Element) -> tuple[int, int]:
    """(row, column) of a cell, also where Excel's optional ``r`` attributes are left out."""
    if cell.get("r"):
        return split_ref(cell.get("r"))
    row = cell.getparent()
    number = int(row.get("r")) if row.get("r") else row.getparent().index(row) + 1
    column = 0
    for sibling in row.iterfind(q("c")):
        column = split_ref(sibling.get("r"))[1] if sibling.get("r") else column + 1
        if sibling is cell:
            break
    return number, column


def cell_marks(root: etree._Element, formula_column: int | None, skip_rows: set[int] = frozenset(),
               columns: tuple[int, int] = (1, 16384)) -> dict[tuple[int, int], str]:
    """What a value reader cannot see: (row, column) -> the error value a cell shows ("#REF!"), or, in
    ``formula_column`` below the header, "=formula" for a cell that is calculated (the formula wins
    over its error). Only cells in ``columns`` (the sheet's table), never the ``skip_rows``."""
    marks: dict[tuple[int, int], str] = {}
    first, last = columns
    for cell in _MARK_CANDIDATES(root):
        row, column = _position(cell)
        if row in skip_rows or not first <= column <= last:
            continue
        formula = cell.find(q("f"))
        if formula is not None and column == formula_column and row > 1:
            marks[(row, column)] = "=" + (formula.text or "")
        elif cell.get("t") == "e":
            marks[(row, column)] = cell.findtext(q("v")) or "#N/A"
    return marks


# A number cell holds a number (no type, or t="n"); a shared string's index or an error is never negative.
_NEGATIVE_NUMBERS = etree.XPath("m:sheetData/m:row/m:c[(not(@t) or @t='n') and starts-with(m:v, '-')]",
                                namespaces={"m": MAIN})


def _number_prefix(raw: bytes) -> bytes | None:
    """``<v>-`` as the sheet writes it (``<x:v>-`` under a prefix); None when the sheet is not of the usual shape."""
    root = _ROOT_PREFIX.search(raw, 0, 4096)
    if root is None:
        return None
    return b"<" + (root.group(1) + b":" if root.group(1) else b"") + b"v>-"


def may_have_negative_numbers(raw: bytes) -> bool:
    """Whether a sheet may hold a negative number: one byte search (most sheets hold none)."""
    needle = _number_prefix(raw)
    return needle is None or needle in raw


def negative_number_cells(root: etree._Element) -> Iterator[tuple[tuple[int, int], etree._Element, float]]:
    """((row, column), cell, value) of every cell holding a negative number."""
    for cell in _NEGATIVE_NUMBERS(root):
        try:
            value = float(cell.findtext(q("v")))
        except ValueError:  # not a number after all: the value reader has its own say
            continue
        if value < 0:  # not "-0" (zero) nor "-nan"
            yield _position(cell), cell, value


def negative_numbers(root: etree._Element) -> dict[tuple[int, int], float]:
    """(row, column) -> the value of every cell holding a negative number.

    No date has a negative serial (Excel shows such a cell as "#####"), yet a value reader that
    goes by the cell's date format (python-calamine) gives it as a time of day (-5 as 00:00,
    -5.5 as 12:00); the reader puts the number back, so that a date column reports it."""
    return {position: value for position, _cell, value in negative_number_cells(root)}


@dataclass(frozen=True)
class SheetLayout:
    """What the sheet's XML declares beyond its values."""

    marks: dict[tuple[int, int], str] = field(default_factory=dict)  # see Table.marks
    totals: frozenset[int] = frozenset()  # rows of the table's totals row: never data
    columns: tuple[int, int] | None = None  # the own table's first and last column (None: no table)
    limit: int = NO_LIMIT  # the first row no longer the table's (another table's top row)


def sheet_layout(package: Package, sheet: str, nr_column: int | None) -> SheetLayout:
    """The layout of one sheet, read through the package with lxml (only where there is something to find)."""
    part = package.sheet_parts().get(sheet)
    if part is None or not package.has(part):
        return SheetLayout()
    tables = sheet_tables(package, part)
    own = own_table(tables, sheet)
    totals = own.totals_rows if own is not None else set().union(*(t.totals_rows for t in tables))
    columns = (own.bounds[1], own.bounds[3]) if own is not None else None
    limit = row_limit(tables, own)
    marks: dict[tuple[int, int], str] = {}
    if may_have_marks(package.get(part)):
        found = cell_marks(package.xml(part), nr_column, totals, columns or (1, 16384))
        marks = {key: mark for key, mark in found.items() if key[0] < limit}
    return SheetLayout(marks, frozenset(totals), columns, limit)
