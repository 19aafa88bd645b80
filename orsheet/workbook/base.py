"""The one interface every workbook backend implements.

A backend moves raw cell values between a workbook and Python; it knows no
rule and no model object. Services work read -> compute -> write:

* :meth:`WorkbookBackend.read` returns the named sheets as :class:`Table`
  objects (header row plus every non-empty row below it, including rows typed
  or pasted below an Excel table's range);
* :meth:`WorkbookBackend.write` applies a list of edits in one go (all or
  nothing), with the one edit semantics of :mod:`.edits` (the order, the
  guards and their messages). Row numbers in edits are sheet rows *as read*.

Values are plain Python: ``str``, ``int``, ``float``, ``bool``,
``datetime.date``, ``datetime.datetime``, ``datetime.time`` or ``None``.
"""

from __future__ import annotations

import gc
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Iterator, Protocol, Sequence, runtime_checkable

from orsheet.workbook.edits import (  # noqa: F401  (the edits are part of the interface)
    AppendRows,
    DeleteRows,
    Edit,
    MoveRows,
    ReplaceSheet,
    UpdateCells,
    Value,
    WriteReport,
)


class ErrorValue(str):
    """An error value Excel shows in a cell (``#REF!``, ``#N/A``, ``#WAARDE!``): never a usable value."""


# The error values a live workbook hands over as text (English as xlwings gives them, Dutch as a Dutch Excel shows them).
ERROR_TEXTS = frozenset({"#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A", "#DATA!", "#SPILL!",
                         "#CALC!", "#GETTING_DATA", "#LEEG!", "#DEEL/0!", "#WAARDE!", "#VERW!", "#NAAM?", "#GETAL!",
                         "#N/B"})


@dataclass
class Row:
    number: int  # 1-based sheet row
    values: dict[str, Value]  # by header text
    unnamed: dict[int, Value] = field(default_factory=dict)  # 1-based column -> value, where row 1 is empty

    def get(self, header: str, default: Value = None) -> Value:
        return self.values.get(header, default)


def row_from_values(number: int, header: Sequence[str], values: Sequence[Value]) -> Row:
    """A Row from one sheet row's values; blanks become None."""
    named: dict[str, Value] = {}
    unnamed: dict[int, Value] = {}
    for index, value in enumerate(values, start=1):
        value = None if value == "" else value
        name = header[index - 1] if index <= len(header) else ""
        if name:
            named.setdefault(name, value)
        elif value is not None:
            unnamed[index] = value
    return Row(number, named, unnamed)


@contextmanager
def collector_paused() -> Iterator[None]:
    """Pause Python's cycle collector while building many objects at once.

    Reading a large workbook creates ~100 000 rows, dicts and model objects
    that form no reference cycles; the collector would otherwise scan them
    again and again (about a third of the read time). Memory is still freed
    by reference counting; the previous collector state is restored.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


@dataclass
class Table:
    sheet: str
    header: list[str]  # as found in row 1, in sheet order; "" for an empty header cell
    rows: list[Row] = field(default_factory=list)
    # Cells whose value is not what it seems: (row, column) -> "#REF!" (an error value) or "=A2+1" (a
    # formula in a column that must hold typed values). Backends that know fill it; ``check`` reports it.
    marks: dict[tuple[int, int], str] = field(default_factory=dict)

    def column_index(self, header: str) -> int | None:
        """1-based column of ``header``, or None when the sheet lacks it."""
        try:
            return self.header.index(header) + 1
        except ValueError:
            return None


@runtime_checkable
class WorkbookBackend(Protocol):
    """What services need from a workbook, whatever engine holds it."""

    def sheet_names(self) -> list[str]:
        """All sheet names, in workbook order."""
        ...

    def read(self, sheets: Sequence[str]) -> dict[str, Table]:
        """Read the named sheets; a missing sheet raises ``SheetError``."""
        ...

    def write(self, edits: Sequence[Edit]) -> WriteReport:
        """Apply all edits at once, or none (raising ``OrsheetError``)."""
        ...
