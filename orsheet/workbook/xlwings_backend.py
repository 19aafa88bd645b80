"""The live workbook in Excel, through xlwings: what the buttons work on.

Works on any ``xw.Book``: the calling book of a button (Windows/Mac, COM or
AppleScript) and xlwings' remote engine (``xw.Book(json=...)``). In the remote
engine writes are queued as actions and reads keep returning the values of
the request, so this backend always works read -> compute -> write: ``write``
reads what it needs and checks every edit before it changes anything (a live
workbook cannot be rolled back), then writes only the cells and rows that
change, so formatting the secretary applied by hand stays.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time
from typing import Any, Sequence

from orsheet import schema
from orsheet.errors import CellError, Location, SheetError
from orsheet.workbook.base import AppendRows, DeleteRows, Edit, ReplaceSheet, Row, Table, UpdateCells, Value

_TIME_ONLY_DAYS = (date(1899, 12, 30), date(1899, 12, 31))  # Excel's day 0 and day 1
_BOOLEAN_WORDS = {"true", "false", "waar", "onwaar"}
_FORMATS = {"date": schema.DATE_FORMAT, "time": schema.TIME_FORMAT}
_NO_TABLE_ROW_BEFORE = 2  # an Excel table keeps at least one body row


def from_excel(value: Any) -> Value:
    """Excel's value as the other backends give it: ints, dates and times, None for empty."""
    if value is None or value == "":
        return None
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, datetime):
        if value.date() in _TIME_ONLY_DAYS:
            return value.time()
        if value.time() == time(0):
            return value.date()
    return value


def to_excel(value: Value) -> Any:
    """A value as Excel must receive it so that it stays what it is."""
    if isinstance(value, str):
        # Excel turns typed-looking text into formulas, numbers, dates or booleans ("6.1",
        # "10:00", "=x"); a leading apostrophe keeps it text and is not part of the value.
        if value and (value[0] in "=+-@'" or value[0].isdigit() or value.casefold() in _BOOLEAN_WORDS):
            return "'" + value
        return value
    if isinstance(value, time):
        return (value.hour * 3600 + value.minute * 60 + value.second) / 86400
    return value


def _same(old: Value, new: Value) -> bool:
    old, new = from_excel(old), from_excel(new)
    if _is_number(old) and _is_number(new):
        return old == new
    return type(old) is type(new) and old == new


def _is_number(value: Value) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


@dataclass
class _SheetState:
    """One sheet as read at the start of a write, and what the write will do to it."""

    name: str
    grid: list[list[Value]]
    deleted: list[int] = field(default_factory=list)
    appended: list[list[Value]] = field(default_factory=list)

    @property
    def header(self) -> list[str]:
        return [("" if h is None else str(h).strip()) for h in (self.grid[0] if self.grid else [])]

    def column(self, header: str) -> int:
        try:
            return self.header.index(header) + 1
        except ValueError:
            raise SheetError(f'kolom "{header}" ontbreekt', Location(self.name)) from None

    @property
    def last_row(self) -> int:
        """The last row with any value (1 = only the header)."""
        for number in range(len(self.grid), 1, -1):
            if any(v is not None for v in self.grid[number - 1]):
                return number
        return 1

    def remember(self, row: int, column: int, value: Value) -> None:
        """What a cell holds after this write put ``value`` in it (for later edits of the same cell)."""
        while len(self.grid) < row:
            self.grid.append([])
        line = self.grid[row - 1]
        line.extend([None] * (column - len(line)))
        line[column - 1] = value

    def value(self, row: int, column: int) -> Value:
        if row > len(self.grid) or column > len(self.grid[row - 1]):
            return None
        return self.grid[row - 1][column - 1]


class XlwingsBackend:
    """A workbook open in Excel (or in xlwings' remote engine)."""

    def __init__(self, book):
        self.book = book

    def sheet_names(self) -> list[str]:
        return [sheet.name for sheet in self.book.sheets]

    def read(self, sheets: Sequence[str]) -> dict[str, Table]:
        return {name: _table(name, self._grid(name)) for name in sheets}

    def _sheet(self, name: str):
        if name not in self.sheet_names():
            raise SheetError(f"blad {name} ontbreekt in de werkmap", Location(name))
        return self.book.sheets[name]

    def _grid(self, name: str) -> list[list[Value]]:
        sheet = self._sheet(name)
        last = sheet.used_range.last_cell
        values = sheet.range((1, 1), (last.row, last.column)).options(ndim=2).value
        return [[from_excel(v) for v in row] for row in values]

    def write(self, edits: Sequence[Edit]) -> None:
        states = self._plan(edits)  # reads and checks everything first
        with _ScreenUpdatingOff(self.book):
            for edit in edits:
                if isinstance(edit, UpdateCells):
                    self._update(states[edit.sheet], edit)
            for state in states.values():
                self._delete(state)
            for state in states.values():
                self._append(state)
            for edit in edits:
                if isinstance(edit, ReplaceSheet):
                    self._replace(edit)

    # -- planning: read and check, change nothing -----------------------------------------

    def _plan(self, edits: Sequence[Edit]) -> dict[str, _SheetState]:
        states: dict[str, _SheetState] = {}
        for edit in edits:
            if isinstance(edit, ReplaceSheet):
                continue
            if edit.sheet not in states:
                states[edit.sheet] = _SheetState(edit.sheet, self._grid(edit.sheet))
            state = states[edit.sheet]
            if isinstance(edit, UpdateCells):
                if edit.row < 2:
                    raise CellError("de kopregel kan niet worden overschreven", Location(edit.sheet, edit.row))
                for header in edit.values:
                    state.column(header)
            elif isinstance(edit, DeleteRows):
                state.deleted += [r for r in edit.rows if 2 <= r <= state.last_row and r not in state.deleted]
            elif isinstance(edit, AppendRows):
                for record in edit.rows:
                    columns = {state.column(h): v for h, v in record.items()}
                    state.appended.append([columns.get(c) for c in range(1, len(state.header) + 1)])
        return states

    # -- writing ---------------------------------------------------------------------------------

    def _update(self, state: _SheetState, edit: UpdateCells) -> None:
        sheet = self.book.sheets[state.name]
        for header, value in edit.values.items():
            column = state.column(header)
            if not _same(state.value(edit.row, column), value):
                sheet.range((edit.row, column)).value = to_excel(value)
                _set_format(sheet, state.name, header, (edit.row, column), (edit.row, column), value)
                state.remember(edit.row, column, value)

    def _delete(self, state: _SheetState) -> None:
        if not state.deleted:
            return
        sheet = self.book.sheets[state.name]
        for first, last in _runs(sorted(state.deleted, reverse=True)):
            sheet.range(f"{first}:{last}").delete(shift="up")
        if not state.appended:
            self._fit_tables(sheet, state.last_row - len(state.deleted), len(state.header))

    def _append(self, state: _SheetState) -> None:
        if not state.appended:
            return
        sheet = self.book.sheets[state.name]
        start = state.last_row - len(state.deleted) + 1
        end = start + len(state.appended) - 1
        sheet.range((start, 1)).value = [[to_excel(v) for v in row] for row in state.appended]
        for column, header in enumerate(state.header, start=1):
            kind = _kind(state.name, header)
            if kind in _FORMATS:
                sheet.range((start, column), (end, column)).number_format = _FORMATS[kind]
        self._fit_tables(sheet, end, len(state.header))

    def _fit_tables(self, sheet, last_row: int, columns: int) -> None:
        for table in sheet.tables:
            target = sheet.range((1, 1), (max(last_row, _NO_TABLE_ROW_BEFORE), columns))
            current = table.range
            if current is not None and current.row == 1 and current.address != target.address:
                table.resize(target)

    def _replace(self, edit: ReplaceSheet) -> None:
        if edit.sheet in self.sheet_names():
            sheet = self.book.sheets[edit.sheet]
            sheet.clear()
        else:
            sheet = self.book.sheets.add(edit.sheet, after=self.book.sheets[len(self.book.sheets) - 1])
        rows = [list(r) for r in edit.rows]
        width = max((len(r) for r in rows), default=0)
        if width:
            sheet.range((1, 1)).value = [[to_excel(v) for v in r] + [None] * (width - len(r)) for r in rows]
        for column, size in enumerate(edit.widths, start=1):
            sheet.range((1, column)).column_width = size


def _table(name: str, grid: list[list[Value]]) -> Table:
    if not grid:
        return Table(name, [], [])
    header = [("" if h is None else str(h).strip()) for h in grid[0]]
    rows = []
    for number, values in enumerate(grid[1:], start=2):
        if all(v is None for v in values):
            continue
        rows.append(Row(number, {h: _typed(name, h, v) for h, v in zip(header, values) if h}))
    return Table(name, header, rows)


def _typed(sheet: str, header: str, value: Value) -> Value:
    # Office.js clients send a time cell as its day fraction; COM sends a time.
    if isinstance(value, float) and 0 <= value < 1 and _kind(sheet, header) == "time":  # cheap test first
        seconds = round(value * 86400)
        return time(seconds // 3600, seconds % 3600 // 60, seconds % 60)
    return value


def _runs(rows_descending: list[int]) -> list[tuple[int, int]]:
    """Contiguous runs (first, last), bottom-most first, so earlier deletions move nothing still to delete."""
    runs: list[tuple[int, int]] = []
    for row in rows_descending:
        if runs and runs[-1][0] == row + 1:
            runs[-1] = (row, runs[-1][1])
        else:
            runs.append((row, row))
    return runs


def _kind(sheet: str, header: str) -> str | None:
    spec = schema.BY_NAME.get(sheet)
    try:
        return spec.column(header).kind if spec else None
    except KeyError:
        return None


def _set_format(sheet, sheet_name: str, header: str, first, last, value: Value) -> None:
    kind = _kind(sheet_name, header)
    if kind in _FORMATS and isinstance(value, (date, time)):
        sheet.range(first, last).number_format = _FORMATS[kind]


class _ScreenUpdatingOff:
    """Excel redraws after every cell otherwise; not every engine has the setting."""

    def __init__(self, book):
        self.app = book.app
        self.before: bool | None = None

    def __enter__(self) -> None:
        try:
            self.before = self.app.screen_updating
            self.app.screen_updating = False
        except (NotImplementedError, AttributeError):
            self.before = None

    def __exit__(self, *exc: object) -> None:
        if self.before is not None:
            self.app.screen_updating = self.before
