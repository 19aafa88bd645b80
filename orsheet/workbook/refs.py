"""Cell references that follow their cells when table rows move.

A :class:`RowChange` describes one step of a write on one sheet, the way
Excel's *Delete table rows* and *Insert table rows* work: only the cells in
the table's columns (the *band*) move; rows of the band are removed (or moved
to another sheet's table) and the rows below move up, or rows are opened
above the totals row and the rows below move down.

:func:`rewrite_formula` applies a change to every reference in a formula,
found with openpyxl's formula tokenizer (a formula is never parsed with
regular expressions here; only a single reference token is split). A
reference to a cell that disappears is reported, never replaced by ``#REF!``.
Structured references (``Acties[[#This Row],[Datum]]``), names, whole
columns and whole rows need no change.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from orsheet.errors import column_letter

_CELL = re.compile(r"^(\$?)([A-Za-z]{1,3})(\$?)(\d+)$")
_DIGITS = "0123456789"


def column_index(letters: str) -> int:
    index = 0
    for char in letters.upper():
        index = index * 26 + ord(char) - 64
    return index


def split_ref(ref: str) -> tuple[int, int]:
    """"C12" -> (12, 3)."""
    letters = ref.rstrip(_DIGITS)
    return int(ref[len(letters):]), column_index(letters.lstrip("$").rstrip("$"))


def quote_sheet(name: str) -> str:
    if re.fullmatch(r"[A-Za-z_][A-Za-z0-9_.]*", name) and not _CELL.match(name):
        return name
    return "'" + name.replace("'", "''") + "'"


class Lost(Exception):
    """A reference whose cells disappear."""


@dataclass
class RowChange:
    """One step on one sheet's band of columns (``first``..``last``)."""

    sheet: str
    first: int
    last: int
    removed: list[int] = field(default_factory=list)  # rows as before, sorted
    moved: dict[int, tuple[str, int, dict[int, int]]] = field(default_factory=dict)  # row -> (sheet, row, columns)
    insert_at: int = 0  # rows opened before this row (0: none) ...
    inserted: int = 0  # ... this many
    bottom: int = 1 << 30  # the last row whose cells move (below it: another table, which stays)

    def in_band(self, column: int) -> bool:
        return self.first <= column <= self.last

    def row(self, row: int) -> int | None:
        """Where a row of the band goes (None: removed)."""
        if row > self.bottom:
            return row
        if self.inserted:
            return row + self.inserted if row >= self.insert_at else row
        index = bisect.bisect_left(self.removed, row)
        if index < len(self.removed) and self.removed[index] == row:
            return None
        return row - index

    def span(self, top: int, bottom: int) -> tuple[int, int] | None:
        """Where a range of rows goes (None: every row of it removed)."""
        if self.inserted:
            return self.row(top), self.row(bottom)
        if bottom > self.bottom:  # reaches below the rows that move: only its top follows
            return self.row(top) or top - bisect.bisect_left(self.removed, top), bottom
        new_top = top - bisect.bisect_left(self.removed, top)
        new_bottom = bottom - bisect.bisect_right(self.removed, bottom)
        return (new_top, new_bottom) if new_bottom >= new_top else None

    @property
    def affects_from(self) -> int:
        """The first row whose cells change place."""
        if self.inserted:
            return self.insert_at
        return self.removed[0] if self.removed else 1 << 30

    # -- one reference ---------------------------------------------------------------

    def cell(self, sheet: str, ref: str) -> tuple[str, str]:
        """(sheet, ref) after the change for a single cell ``ref`` such as ``$C$6``."""
        match = _CELL.match(ref)
        if not match or sheet != self.sheet:
            return sheet, ref
        dollar_col, letters, dollar_row, digits = match.groups()
        row, column = int(digits), column_index(letters)
        if not self.in_band(column) or row < self.affects_from or row > self.bottom:
            return sheet, ref
        if row in self.moved:
            target, target_row, columns = self.moved[row]
            if column not in columns:
                raise Lost(ref)
            return target, f"{dollar_col}{column_letter(columns[column])}{dollar_row}{target_row}"
        new = self.row(row)
        if new is None:
            raise Lost(ref)
        return sheet, f"{dollar_col}{letters}{dollar_row}{new}"

    def area(self, sheet: str, ref: str) -> tuple[str, str]:
        """(sheet, ref) after the change for a cell or a range ``A2:K50``."""
        if ":" not in ref:
            return self.cell(sheet, ref)
        start, _, end = ref.partition(":")
        first, last = _CELL.match(start), _CELL.match(end)
        if not first or not last or sheet != self.sheet:
            return sheet, ref  # whole columns or rows: no row to follow
        top, bottom = int(first.group(4)), int(last.group(4))
        left, right = column_index(first.group(2)), column_index(last.group(2))
        if bottom < self.affects_from or top > self.bottom or not (self.in_band(left) and self.in_band(right)):
            return sheet, ref  # above the change, or beside the table's columns
        if top == bottom and top in self.moved:  # one whole row of the table: it goes along
            target, new_sheet_start = self.cell(sheet, start)
            _, new_end = self.cell(sheet, end)
            return target, f"{new_sheet_start}:{new_end}"
        span = self.span(top, bottom)
        if span is None:
            raise Lost(ref)
        return sheet, f"{_with_row(first, span[0])}:{_with_row(last, span[1])}"


def _with_row(match: re.Match, row: int) -> str:
    dollar_col, letters, dollar_row, _ = match.groups()
    return f"{dollar_col}{letters}{dollar_row}{row}"


def _split_sheet(operand: str) -> tuple[str | None, str]:
    """``'Mijn blad'!A1`` -> ("Mijn blad", "A1"); ``A1`` -> (None, "A1")."""
    if "!" not in operand:
        return None, operand
    prefix, _, ref = operand.rpartition("!")
    if prefix.startswith("'") and prefix.endswith("'"):
        prefix = prefix[1:-1].replace("''", "'")
    return prefix, ref


def rewrite_formula(formula: str, home: str | None, change: RowChange, relative_fixed: bool = False) -> str:
    """``formula`` (without "=") with every reference following ``change``.

    ``home`` is the sheet the formula lives on (None for defined names and
    charts, whose references always name their sheet). With ``relative_fixed``
    (validation and conditional formatting) references without a ``$`` before
    the row are offsets from the range they apply to, and stay as they are.
    Raises :class:`Lost` for a reference to a cell that disappears.
    """
    if change.sheet not in formula and home != change.sheet:
        return formula  # cannot refer to the changed sheet
    # Imported here: importing openpyxl costs about 0.3 s (it loads numpy when
    # present), which every read and every press would pay for formulas that
    # only need the tokenizer when rows move.
    from openpyxl.formula import Tokenizer

    tokens = Tokenizer("=" + formula)
    changed = False
    for token in tokens.items:
        if token.type != "OPERAND" or token.subtype != "RANGE" or "[" in token.value:
            continue
        named, ref = _split_sheet(token.value)
        sheet = named or home
        if sheet is None or (relative_fixed and named is None and not _has_absolute_row(ref)):
            continue
        if "!" in ref:  # Sheet1!A1:Sheet1!B2 and other rarities: left alone
            continue
        new_sheet, new_ref = change.area(sheet, ref)
        if (new_sheet, new_ref) == (sheet, ref):
            continue
        prefix = token.value.rpartition("!")[0] + "!" if named is not None and new_sheet == sheet else ""
        if new_sheet != sheet or (named is None and new_sheet != home):
            prefix = quote_sheet(new_sheet) + "!"
        token.value = prefix + new_ref
        changed = True
    return tokens.render()[1:] if changed else formula


def qualify(formula: str, sheet: str) -> str:
    """``formula`` (without "=") with every reference that names no sheet given ``sheet``: the formula
    of a cell cut from ``sheet`` and pasted elsewhere still points at the cells it pointed at."""
    from openpyxl.formula import Tokenizer  # lazily: see rewrite_formula

    tokens = Tokenizer("=" + formula)
    changed = False
    for token in tokens.items:
        if token.type == "OPERAND" and token.subtype == "RANGE" and "!" not in token.value and "[" not in token.value:
            if _CELL.match(token.value.partition(":")[0]) or re.fullmatch(r"\$?[A-Za-z]{1,3}:\$?[A-Za-z]{1,3}|\$?\d+:\$?\d+",
                                                                          token.value):
                token.value = quote_sheet(sheet) + "!" + token.value
                changed = True
    return tokens.render()[1:] if changed else formula


def _has_absolute_row(ref: str) -> bool:
    return all(_CELL.match(part) and _CELL.match(part).group(3) == "$" for part in ref.split(":") if part)


def shift_sqref(sqref: str, change: RowChange, sheet: str) -> str | None:
    """A list of ranges (``A2:K50 M3``) on ``sheet`` after the change; None when nothing is left.

    Ranges follow the band like references do; a cell or range whose rows are
    all removed drops out of the list (the formatting or rule went with them).
    """
    parts = []
    for part in sqref.split():
        try:
            new_sheet, new = change.area(sheet, part)
        except Lost:
            continue
        if new_sheet == sheet:
            parts.append(new)
    return " ".join(parts) or None


def grow_sqref(sqref: str, columns: tuple[int, int], rows: tuple[int, int], new_last: int) -> str:
    """``sqref`` after a table grew at its end: what Excel's table expansion does to formatting and rules.

    A range inside the table's ``columns`` that covers its data ``rows`` (first, last) down to the last
    one reaches the new last row; every other range (a single cell, part of a column, beside the
    table, whole columns) stays as it is.
    """
    parts = []
    for part in sqref.split():
        start, _, end = part.partition(":")
        first, last = _CELL.match(start), _CELL.match(end or start)
        if first and last and int(first.group(4)) <= rows[0] and int(last.group(4)) == rows[1] \
                and columns[0] <= column_index(first.group(2)) <= column_index(last.group(2)) <= columns[1]:
            part = f"{start}:{_with_row(last, new_last)}"
        parts.append(part)
    return " ".join(parts)
