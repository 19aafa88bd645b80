"""Reading a live sheet through xlwings: its own table's rows, and what the engine in use can tell
beyond the values; and what Excel's refusal of a change means, in Dutch.

The file backend reads these from the workbook's XML (:mod:`.sheet_layout`, the protection
elements); live, Excel is asked through xlwings, and the engines differ in what they answer:

========================  ==========================  ===================================
                          Excel on Windows / Mac       remote engine (xlwings Lite, Server)
========================  ==========================  ===================================
tables (ListObjects)      yes                          yes (the client sends them)
sheet/book protection     yes (``ProtectContents``,    no: the clients send no protection;
                          ``ProtectStructure``)        Excel refuses the write itself
formulas                  yes, as cheaply as values    only xlwings Lite, asynchronously
                                                       (``await range.get_formula()``)
========================  ==========================  ===================================

Where an engine cannot tell, the answer is ``None`` (unknown), never a guess.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import time
from typing import Any, Iterable

from orsheet import schema
from orsheet.errors import ExcelRefused, Location, column_letter
from orsheet.workbook.base import ERROR_TEXTS, ErrorValue, Row, Table, Value
from orsheet.workbook.table_rule import NO_LIMIT, next_table_below, own_table

NR_HEADER = "Nr"  # the column whose formulas the file backend reports too (sheet_layout.cell_marks)
# What each desktop engine calls the protection flags: Windows (COM) and Mac (appscript) objects.
_SHEET_FLAGS = ("ProtectContents", "protect_contents")
_BOOK_FLAGS = ("ProtectStructure", "protect_structure")


@dataclass(frozen=True)
class LiveTable:
    """One table (ListObject) of a live sheet: the xlwings object and where it is."""

    table: Any
    name: str
    bounds: tuple[int, int, int, int]  # (top, left, bottom, right), 1-based
    totals: int = 0  # rows of its totals row

    @property
    def ref(self) -> str:
        top, left, bottom, right = self.bounds
        return f"{column_letter(left)}{top}:{column_letter(right)}{bottom}"

    @property
    def totals_rows(self) -> set[int]:
        bottom = self.bounds[2]
        return set(range(bottom - self.totals + 1, bottom + 1))


@dataclass(frozen=True)
class LiveLayout:
    """A live sheet's own table (the contract's, see :func:`.sheet_layout.own_table`) and the table
    below it, where its rows end; the same rule the file backend reads from the XML."""

    own: LiveTable | None = None
    below: LiveTable | None = None
    totals: frozenset[int] = frozenset()  # rows of a totals row: never data
    # A table lower down that has some of the own table's columns but not all: Excel's Delete table
    # rows would have to cut through it, which Excel refuses.
    cut_through: LiveTable | None = None

    @property
    def columns(self) -> tuple[int, int] | None:
        """The own table's first and last column (None: no table, the whole row counts)."""
        return (self.own.bounds[1], self.own.bounds[3]) if self.own is not None else None

    @property
    def limit(self) -> int:
        """The first row no longer the own table's: the top of the table below it."""
        return self.below.bounds[0] if self.below is not None else NO_LIMIT


def live_layout(sheet, name: str) -> LiveLayout:
    tables = live_tables(sheet)
    own = own_table(tables, name)
    below = next_table_below(tables, own) if own is not None else None
    totals = own.totals_rows if own is not None else set().union(*(t.totals_rows for t in tables))
    return LiveLayout(own, below, frozenset(totals), _cut_through(tables, own))


def _cut_through(tables: list[LiveTable], own: LiveTable | None) -> LiveTable | None:
    if own is None:
        return None
    top, left, _, right = own.bounds
    return next((t for t in tables if t is not own and t.bounds[0] > top and t.bounds[1] <= right
                 and left <= t.bounds[3] and not left <= t.bounds[1] <= t.bounds[3] <= right), None)


def live_tables(sheet) -> list[LiveTable]:
    """The sheet's tables as the engine reports them (none where it cannot list them)."""
    try:
        tables = list(sheet.tables)
    except (NotImplementedError, AttributeError, KeyError):
        return []
    found = []
    for table in tables:
        area = table.range
        if area is None:
            continue
        rows, columns = area.shape
        top, left = area.row, area.column
        found.append(LiveTable(table, table.name, (top, left, top + rows - 1, left + columns - 1), _totals(table)))
    return found


def _totals(table) -> int:
    try:
        totals = table.totals_row_range
    except (NotImplementedError, AttributeError, KeyError):
        return 0  # an engine that cannot tell: a totals row is then read like any row
    return totals.shape[0] if totals is not None else 0


# -- protection -----------------------------------------------------------------------------------


def sheet_protected(sheet) -> bool | None:
    """Whether Excel protects the sheet's cells; None where the engine cannot tell (the remote engine)."""
    return _flag(sheet.api, _SHEET_FLAGS)


def structure_protected(book) -> bool | None:
    """Whether the workbook's structure is locked (no sheet can be added); None where unknown."""
    return _flag(book.api, _BOOK_FLAGS)


def _flag(api, names: Iterable[str]) -> bool | None:
    if api is None or isinstance(api, dict):  # the remote engine's api is the client's JSON: no protection in it
        return None
    for name in names:
        try:
            value = getattr(api, name)
        except Exception:  # noqa: BLE001 - COM and appscript raise their own types for an unknown property
            continue
        if hasattr(value, "get"):  # appscript: a reference, read with get()
            try:
                value = value.get()
            except Exception:  # noqa: BLE001
                continue
        if isinstance(value, bool) or value in (0, 1, -1):
            return bool(value)
    return None


# -- formulas ---------------------------------------------------------------------------------------


def nr_column(header: list[str]) -> int | None:
    return next((i for i, h in enumerate(header, start=1) if h == NR_HEADER), None)


def formula_marks(formulas, column: int, first_row: int = 2) -> dict[tuple[int, int], str]:
    """(row, column) -> "=formula" for each cell of one column whose formula text starts with "="
    (Excel gives a constant as its text, an empty cell as "")."""
    if isinstance(formulas, str):
        formulas = [formulas]
    marks = {}
    for offset, cell in enumerate(formulas):
        if isinstance(cell, (list, tuple)):
            cell = cell[0] if cell else ""
        if isinstance(cell, str) and cell.startswith("=") and len(cell) > 1:
            marks[(first_row + offset, column)] = cell
    return marks


def nr_formulas(sheet, column: int | None, last_row: int) -> dict[tuple[int, int], str] | None:
    """The formulas in Nr below the header (rows 2 to ``last_row``); None where the engine reads
    no formulas synchronously (the remote engine: xlwings Lite fetches them before, see lite.py)."""
    if column is None or last_row < 2:
        return {}
    try:
        formulas = sheet.range((2, column), (last_row, column)).formula
    except NotImplementedError:
        return None
    return formula_marks(formulas, column)


async def fetch_nr_formulas(book, sheets) -> dict[str, dict[tuple[int, int], str]]:
    """The formulas in Nr of ``sheets``, fetched from Excel where only an asynchronous read can
    (xlwings Lite: ``await range.get_formula()``, one round trip per sheet); {} on an engine
    without it (it raises NotImplementedError there), so the backend then asks synchronously."""
    found: dict[str, dict[tuple[int, int], str]] = {}
    names = [sheet.name for sheet in book.sheets]
    for name in sheets:
        if name not in names:
            continue
        sheet = book.sheets[name]
        last = sheet.used_range.last_cell
        header = sheet.range((1, 1), (1, last.column)).options(ndim=1).value
        column = nr_column(["" if h is None else str(h).strip() for h in header])
        if column is None or last.row < 2:
            continue
        try:
            formulas = await sheet.range((2, column), (last.row, column)).options(ndim=2).get_formula()
        except NotImplementedError:
            return {}
        found[name] = formula_marks(formulas, column)
    return found


# -- the own table's rows ----------------------------------------------------------------------------------


def own_cells(grid: list[list[Value]], layout: LiveLayout) -> list[list[Value]]:
    """The grid without what is not the own table's: the rows from a table below it on, the cells
    left and right of its columns (kept as None, so columns keep their numbers)."""
    rows = grid[:layout.limit - 1]
    if layout.columns is None:
        return rows
    left, right = layout.columns
    return [[None] * min(left - 1, len(row)) + row[left - 1:right] for row in rows]


def table_from_grid(name: str, grid: list[list[Value]], layout: LiveLayout = LiveLayout()) -> Table:
    grid = own_cells(grid, layout)
    if not grid:
        return Table(name, [], [])
    header = [("" if h is None else str(h).strip()) for h in grid[0]]
    rows = []
    marks: dict[tuple[int, int], str] = {}
    for number, values in enumerate(grid[1:], start=2):
        if number in layout.totals or all(v is None for v in values):
            continue
        for column, value in enumerate(values, start=1):
            if isinstance(value, str) and value in ERROR_TEXTS:  # reported by check as the file backend does
                marks[(number, column)] = value
                values = [ErrorValue(v) if i == column - 1 else v for i, v in enumerate(values)]
        rows.append(Row(number, {h: _typed(name, h, v) for h, v in zip(header, values) if h}))
    table = Table(name, header, rows)
    table.marks.update(marks)
    return table


def _typed(sheet: str, header: str, value: Value) -> Value:
    # Office.js clients send a time cell as its day fraction; COM sends a time.
    if isinstance(value, float) and 0 <= value < 1 and column_kind(sheet, header) == "time":  # cheap test first
        seconds = round(value * 86400)
        return time(seconds // 3600, seconds % 3600 // 60, seconds % 60)
    return value


def column_kind(sheet: str, header: str) -> str | None:
    spec = schema.BY_NAME.get(sheet)
    try:
        return spec.column(header).kind if spec else None
    except KeyError:
        return None


# -- Excel's refusals ------------------------------------------------------------------------------------


# What Excel raises through each engine when it refuses a change: COM (Windows), AppleScript (Mac),
# Office.js through Pyodide (xlwings Lite); by module and class name, so no engine is imported here.
_EXCEL_ERRORS = {("pywintypes", "com_error"), ("appscript.reference", "CommandError"), ("pyodide.ffi", "JsException")}


def excel_refused(error: BaseException, sheets=()) -> ExcelRefused | None:
    """Excel's refusal of a change (a protected sheet or cell, a locked structure, ...) as a Dutch
    error, or None when ``error`` is not Excel's. Its own text is English or in Office's language,
    so it is not shown."""
    if not any((kind.__module__, kind.__name__) in _EXCEL_ERRORS for kind in type(error).__mro__):
        return None
    sheets = sorted(sheets)
    one = len(sheets) == 1  # then the location names the sheet
    where = "" if one or not sheets else " op blad " + " of ".join([", ".join(sheets[:-1]), sheets[-1]])
    it, which = ("het blad", "het blad") if one or not sheets else ("die bladen", "een van die bladen")
    return ExcelRefused(
        f"Excel heeft een wijziging{where} geweigerd, dus orsheet is halverwege gestopt. {ExcelRefused.outcome} "
        f"Controleer {it}, of ga terug naar de vorige versie (sluit de werkmap zonder op te slaan, of kies Bestand "
        f"> Info > Versiegeschiedenis). Is {which} beveiligd? Hef dan in Excel de beveiliging op (Controleren > "
        "Beveiliging blad opheffen) en voer de opdracht opnieuw uit.", Location(sheets[0]) if one else None)
