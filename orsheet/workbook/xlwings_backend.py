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

from dataclasses import dataclass
from datetime import date, time
from typing import Sequence

from orsheet import schema
from orsheet.workbook.base import Table, Value
from orsheet.workbook.edits import (Edit, Move, ReplaceSheet, WriteReport, apply, edited_sheets, locked_structure,
                                    missing_sheet, plan, protected_sheet, table_cannot_grow, table_in_the_way,
                                    totals_row_in_the_way)
from orsheet.ooxml.names import free_name
from orsheet.workbook.excel_values import from_excel, same_value, to_excel
from orsheet.workbook.generated_table import TABLE_STYLE, table_header, table_name_base, table_ref
from orsheet.workbook.xlwings_sheet import (LiveLayout, column_kind, excel_refused, live_layout, live_tables, nr_column,
                                            nr_formulas, own_cells, sheet_protected, structure_protected,
                                            table_from_grid)

OWNED_PREFIX = "_orsheet_blad_"  # the same mark the file backend writes

_FORMATS = {"date": schema.DATE_FORMAT, "time": schema.TIME_FORMAT}
_NO_TABLE_ROW_BEFORE = 2  # an Excel table keeps at least one body row


@dataclass
class _SheetState:
    """One sheet as read at the start of a write (only its own table's cells: not those beside it nor
    of a table below it), and how many rows the write took away and added."""

    name: str
    grid: list[list[Value]]
    layout: LiveLayout = LiveLayout()
    last_row: int = 0  # the last row with any value as read (1 = only the header)
    deleted: int = 0
    appended: int = 0

    def __post_init__(self) -> None:
        self.grid = own_cells(self.grid, self.layout)
        self.last_row = next((n for n in range(len(self.grid), 1, -1) if any(v is not None for v in self.grid[n - 1])), 1)

    @property
    def left(self) -> int:
        return self.layout.columns[0] if self.layout.columns else 1

    @property
    def header(self) -> list[str]:
        return [("" if h is None else str(h).strip()) for h in (self.grid[0] if self.grid else [])]

    @property
    def end(self) -> int:
        """The last row once this write's deletions and additions so far are done."""
        return self.last_row - self.deleted + self.appended

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
    """A workbook open in Excel (or in xlwings' remote engine), for one button press.

    A write reuses the cells the press read of that sheet, so make a new backend
    for each press rather than keeping one while the secretary types.
    """

    def __init__(self, book, formulas: dict[str, dict[tuple[int, int], str]] | None = None):
        self.book = book
        # Grids as last read, handed once to the next write of that sheet: a service reads,
        # computes, then writes, and reading the cells again costs as much as the first read
        # (on the remote engine, xlwings Lite's, most of a button press).
        self._as_read: dict[str, tuple[list[list[Value]], LiveLayout]] = {}
        # Formulas in Nr fetched before the press where the engine reads none itself (xlwings Lite).
        self._formulas = dict(formulas or {})

    def sheet_names(self) -> list[str]:
        return [sheet.name for sheet in self.book.sheets]

    def read(self, sheets: Sequence[str]) -> dict[str, Table]:
        tables = {}
        for name in sheets:
            grid, layout = self._as_read[name] = self._grid(name), live_layout(self._sheet(name), name)
            table = tables[name] = table_from_grid(name, grid, layout)
            table.marks.update(self._nr_marks(name, table, min(len(grid), layout.limit - 1), layout))
        return tables

    def _nr_marks(self, name: str, table: Table, last: int, layout: LiveLayout) -> dict[tuple[int, int], str]:
        """A formula in Nr (rows 2 to ``last``), as the file backend reports it (check's message; never
        numbered over), also in a row that shows nothing else."""
        column = nr_column(table.header)
        if column is None:
            return {}
        found = self._formulas.get(name)
        if found is None:
            found = nr_formulas(self._sheet(name), column, last) or {}  # None: this engine cannot tell
        return {(row, c): mark for (row, c), mark in found.items() if c == column and 2 <= row < layout.limit
                and row not in layout.totals}

    def _sheet(self, name: str):
        if name not in self.sheet_names():
            raise missing_sheet(name)
        return self.book.sheets[name]

    def _grid(self, name: str) -> list[list[Value]]:
        sheet = self._sheet(name)
        last = sheet.used_range.last_cell
        # err_to_str: an error cell (#REF!, #N/A) comes as its text, not as empty (it would be numbered over)
        values = sheet.range((1, 1), (last.row, last.column)).options(ndim=2, err_to_str=True).value
        return [[from_excel(v) for v in row] for row in values]

    def write(self, edits: Sequence[Edit]) -> WriteReport:
        engine = _LiveEngine(self)
        engine.check_room(plan(engine, edits))  # reads and checks everything before Excel changes
        self._refuse_protected(edits)
        with _ScreenUpdatingOff(self.book):
            try:
                report = apply(engine, edits)
                engine.fit_tables()
                engine.fit_new_rows()
            except Exception as error:
                refused = excel_refused(error, [engine.writing] if engine.writing else edited_sheets(edits))
                if refused is None:
                    raise
                raise refused from error
        return report

    def _refuse_protected(self, edits: Sequence[Edit]) -> None:
        """The file backend's refusals of a protected sheet or a locked structure, where the engine
        tells (Excel on Windows and Mac); elsewhere Excel refuses itself (see :func:`excel_refused`)."""
        names = self.sheet_names()
        for sheet in sorted(edited_sheets(edits)):
            if sheet in names:
                if sheet_protected(self.book.sheets[sheet]):
                    raise protected_sheet(sheet)
            elif structure_protected(self.book):
                raise locked_structure(sheet)


class _LiveEngine:
    """The edit primitives on a live workbook (see :mod:`.edits`); reads once, writes only what changes."""

    def __init__(self, backend: XlwingsBackend):
        self.backend = backend
        self.book = backend.book
        self.states: dict[str, _SheetState] = {}
        self.writing: str | None = None  # the sheet Excel is changing: the one it refused, if it refuses

    def state(self, sheet: str) -> _SheetState:
        if sheet not in self.states:
            grid, layout = self.backend._as_read.pop(sheet, (None, None))
            if grid is None:
                grid, layout = self.backend._grid(sheet), live_layout(self.backend._sheet(sheet), sheet)
            self.states[sheet] = _SheetState(sheet, grid, layout)
        return self.states[sheet]

    def check_room(self, steps) -> None:
        """Refuse, before anything is written, rows that would reach into a table below the own
        table (in the order of :func:`.edits.apply`: moves in, deletions, appends)."""
        ends: dict[str, int] = {}

        def grow(sheet: str, count: int) -> None:
            state = self.state(sheet)
            if count > 0 and state.layout.own is not None and state.layout.own.totals:
                raise totals_row_in_the_way(sheet, state.layout.own.name)
            ends[sheet] = ends.get(sheet, state.last_row) + count
            if count > 0 and ends[sheet] >= state.layout.limit:
                own, below = state.layout.own, state.layout.below
                raise table_cannot_grow(sheet, own.name, below.name, below.ref)

        for move in steps.moves:
            grow(move.target, len(move.rows))
        for sheet, rows in steps.deletions.items():
            state = self.state(sheet)
            deleted = sum(1 for row in rows if row <= state.last_row)
            if deleted and state.layout.cut_through is not None:
                other = state.layout.cut_through
                raise table_in_the_way(sheet, state.layout.own.name, other.name, other.ref)
            grow(sheet, -deleted)
        for sheet, rows in steps.appends:
            grow(sheet, len(rows))

    def columns(self, sheet: str) -> dict[str, int] | None:
        if sheet not in self.backend.sheet_names():
            return None
        found: dict[str, int] = {}
        for index, header in enumerate(self.state(sheet).header, start=1):
            if header:
                found.setdefault(header, index)
        return found

    def has_row(self, sheet: str, row: int) -> bool:
        state = self.state(sheet)
        return 2 <= row <= state.last_row and any(v is not None for v in state.grid[row - 1])

    def owned(self, sheet: str) -> bool:
        try:
            return any(name.name == OWNED_PREFIX + _name_safe(sheet) for name in self.book.names)
        except (NotImplementedError, AttributeError):
            return False

    def set_cells(self, sheet: str, row: int, cells: dict[int, Value]) -> None:
        state, self.writing = self.state(sheet), sheet
        target = self.book.sheets[sheet]
        for column, value in cells.items():
            if not same_value(state.value(row, column), value):
                target.range((row, column)).value = to_excel(value)
                _set_format(target, sheet, state.header[column - 1], (row, column), (row, column), value)
                state.remember(row, column, value)

    def add_columns(self, sheet: str, headers: Sequence[str]) -> None:
        state, self.writing = self.state(sheet), sheet
        table = _own_table(state)
        for header in headers:
            if table is not None:
                table.columns.add(header)
            else:
                self.book.sheets[sheet].range((1, len(state.header) + 1)).value = header
            state.remember(1, len(state.header) + 1, header)

    def move_rows(self, move: Move) -> None:
        """Cut and paste the rows with Excel itself, per block of adjacent cells that keep their order
        in the target (value, formula, format, note, threaded comment, hyperlink, rich text; formulas
        that refer to them follow), into the mapped target columns, or copy them where the engine cannot
        cut; then write the cells the move decided. The table rows left behind are deleted afterwards
        (:func:`.edits.apply`), as the file backend moves them (``xml_writer.move_rows``, ``notes.move``)."""
        source, target = self.state(move.sheet), self.state(move.target)
        self.writing = move.target
        start = target.end + 1
        book_source, book_target = self.book.sheets[move.sheet], self.book.sheets[move.target]
        at = start
        for first_row, last_row in _in_order_runs(move.rows):  # in the order of move.rows, as the file backend
            for (first, last), to in _column_blocks(move.columns):
                cells = book_source.range((first_row, first), (last_row, last))
                destination = book_target.range((at, to))
                try:
                    cells.move(destination)
                except NotImplementedError:
                    cells.copy(destination)
            at += last_row - first_row + 1
        for offset, row in enumerate(move.rows):
            for column, to in move.columns.items():
                target.remember(start + offset, to, source.value(row, column))
        target.appended += len(move.rows)
        for offset, row in enumerate(move.rows):
            self.set_cells(move.target, start + offset, move.values.get(row, {}))

    def delete_rows(self, sheet: str, rows: Sequence[int]) -> None:
        state, self.writing = self.state(sheet), sheet
        rows = [r for r in rows if r <= state.last_row]
        target = self.book.sheets[sheet]
        table = _own_table(state)
        for first, last in reversed(_in_order_runs(sorted(rows))):  # bottom-most first: nothing to delete moves
            if table is not None:  # Excel's Delete table rows: cells beside the table stay
                for row in range(last, first - 1, -1):
                    table.rows(row - 1).delete()
            else:
                target.range(f"{first}:{last}").delete(shift="up")
        state.deleted += len(rows)
        below = state.layout.below
        if rows and table is not None and below is not None:
            # Deleting table rows moves up every cell below in the table's columns, a table below too;
            # as many empty cells just above it put it back where it was (the file backend leaves it there).
            left, right = state.layout.columns
            top = below.bounds[0] - len(rows)
            target.range((top, left), (below.bounds[0] - 1, right)).insert(
                shift="down", copy_origin="format_from_left_or_above")

    def append_rows(self, sheet: str, rows: Sequence[dict[int, Value]]) -> None:
        state, self.writing = self.state(sheet), sheet
        target = self.book.sheets[sheet]
        width, left = len(state.header), state.left
        start = state.end + 1
        end = start + len(rows) - 1
        target.range((start, left)).value = [[to_excel(r.get(c)) for c in range(left, width + 1)] for r in rows]
        for column, header in enumerate(state.header, start=1):
            kind = column_kind(sheet, header)
            if kind in _FORMATS:
                target.range((start, column), (end, column)).number_format = _FORMATS[kind]
        state.appended += len(rows)

    def replace_sheet(self, edit: ReplaceSheet) -> None:
        self.writing = edit.sheet
        if edit.sheet in self.backend.sheet_names():
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
        if width:
            _generated_look(sheet, width)
            _offer_choices(sheet, len(rows), edit.choice_columns())
            self._generated_table(sheet, rows)
        try:
            if not self.owned(edit.sheet):
                self.book.names.add(OWNED_PREFIX + _name_safe(edit.sheet), f'="{edit.sheet}"')
        except (NotImplementedError, AttributeError):
            pass  # an engine without names: the header row still identifies the sheet

    def _generated_table(self, sheet, rows: list[list[Value]]) -> None:
        """The table the file backend puts over a generated sheet (:func:`.generated.table_header`): the
        one the sheet has fitted to the new rows (clearing the sheet leaves it), else a new one."""
        if table_header(rows) is None:
            return
        area = sheet.range(table_ref(rows))
        existing = [t for t in live_tables(sheet) if t.bounds[:2] == (1, 1)]
        if existing:
            if existing[0].table.range.address != area.address:
                existing[0].table.resize(area)
            return
        taken = [t.name for s in self.book.sheets for t in live_tables(s)]
        try:
            taken += [name.name for name in self.book.names]
        except (NotImplementedError, AttributeError):
            pass
        sheet.tables.add(source=area, name=free_name(table_name_base(sheet.name), taken), has_headers=True,
                         table_style_name=TABLE_STYLE)

    def fit_tables(self) -> None:
        """The own table over its rows once the write added or removed some (only the own table:
        another table beside or below it stays as it is)."""
        for state in self.states.values():
            own = _own_table(state)
            if (state.deleted or state.appended) and own is not None:
                sheet = self.book.sheets[state.name]
                top, left = state.layout.own.bounds[:2]
                target = sheet.range((top, left), (max(state.end, _NO_TABLE_ROW_BEFORE), len(state.header)))
                current = own.range
                if current is not None and current.address != target.address:
                    own.resize(target)

    def fit_new_rows(self) -> None:
        """Let Excel size the rows this write added (appended, moved in) to their wrapped text, as the
        file backend leaves them without a fixed height; the secretary's own rows keep theirs."""
        for state in self.states.values():
            if state.appended:
                first = state.end - state.appended + 1  # deletions are all above: new rows are the last ones
                self.book.sheets[state.name].range(f"{first}:{state.end}").rows.autofit()


def _generated_look(sheet, width: int) -> None:
    """The look of a generated sheet, as far as the engine can: a bold header row that stays in view."""
    sheet.range((1, 1), (1, width)).font.bold = True
    try:
        sheet.freeze_panes.freeze_at("1:1")
    except (NotImplementedError, AttributeError):
        pass  # an engine without panes (the remote engine before Office.js 1.7)


def _offer_choices(sheet, height: int, wanted) -> None:
    """The drop-down lists the file backend writes, rows 2 to ``height`` (Toepassen: ja/nee).

    Excel on the desktop and Office.js clients (xlwings Lite) have data validation; the
    VBA and Office Scripts clients of the remote engine do not, and there the typed text
    is read as before.
    """
    for column, values in wanted:
        try:
            sheet.range((2, column), (height, column)).data_validation.set_list(list(values))
        except (NotImplementedError, AttributeError):
            return  # a client without data validation


def _own_table(state: _SheetState):
    """The xlwings table of the sheet's own table (the contract's, header in row 1), if any."""
    return state.layout.own.table if state.layout.own is not None else None


def _name_safe(sheet: str) -> str:
    return "".join(c if c.isalnum() else "_" for c in sheet)


def _in_order_runs(rows: Sequence[int]) -> list[tuple[int, int]]:
    """Rows as runs (first, last) of consecutive rows, in their given order."""
    runs: list[tuple[int, int]] = []
    for row in rows:
        if runs and row == runs[-1][1] + 1:
            runs[-1] = (runs[-1][0], row)
        else:
            runs.append((row, row))
    return runs


def _column_blocks(columns: dict[int, int]) -> list[tuple[tuple[int, int], int]]:
    """Source columns -> target columns as blocks ((first, last) source column, first target column):
    adjacent source columns whose target columns are adjacent in the same order move as one block."""
    blocks: list[list[int]] = []  # [first, last, first target]
    for column in sorted(columns):
        if blocks and column == blocks[-1][1] + 1 and columns[column] == blocks[-1][2] + column - blocks[-1][0]:
            blocks[-1][1] = column
        else:
            blocks.append([column, column, columns[column]])
    return [((first, last), to) for first, last, to in blocks]


def _set_format(sheet, sheet_name: str, header: str, first, last, value: Value) -> None:
    kind = column_kind(sheet_name, header)
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
