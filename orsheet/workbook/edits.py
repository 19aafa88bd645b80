"""The one edit semantics every workbook backend applies.

Services describe a write as a list of edits; :func:`apply` checks every edit
against the workbook (all guards, with their Dutch messages, before anything
changes — a live workbook cannot be rolled back) and then hands the backend's
:class:`Engine` its steps in the contract's order:

1. updates (rows as read);
2. moves: the moved rows are copied to the end of the target's table, every
   cell under a header of the source table; a column the target lacks is
   added to the target's table first (reported in :class:`WriteReport`);
3. deletions (``DeleteRows`` rows and moved rows, rows as read), as Excel's
   *Delete table rows*;
4. appends, below the last row of the sheet's table (above a totals row);
5. generated sheets, written whole.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any, Mapping, Protocol, Sequence

from orsheet.errors import CellError, Location, SheetError, WorkbookError
from orsheet.parsing import date_range_problem, dutch_date
from orsheet.schema import MAX_CELL_TEXT, NR

Value = Any


@dataclass(frozen=True)
class UpdateCells:
    """Set some cells of one existing row; other cells keep value and format."""

    sheet: str
    row: int
    values: Mapping[str, Value]


@dataclass(frozen=True)
class AppendRows:
    """Add rows below the last row of the sheet's table, formatted like it."""

    sheet: str
    rows: Sequence[Mapping[str, Value]]


@dataclass(frozen=True)
class DeleteRows:
    """Remove table rows: the cells of the table's columns below move up, with their formatting."""

    sheet: str
    rows: Sequence[int]


@dataclass(frozen=True)
class MoveRows:
    """Move whole table rows to the end of another sheet's table (Acties -> Archief).

    Every cell under a header of the source table goes along (value, format,
    note, hyperlink); ``values`` overrides cells of a moved row by header
    (e.g. its number and "Afgerond op"), keyed by the source row as read.
    """

    sheet: str
    target: str
    rows: Sequence[int]
    values: Mapping[int, Mapping[str, Value]] = field(default_factory=dict)


@dataclass(frozen=True)
class ReplaceSheet:
    """Write a generated sheet (e.g. ``Agenda``) whole, creating it if needed.

    ``rows`` includes the header row. Only for sheets orsheet owns outright:
    nothing a user typed on such a sheet is kept, and a sheet of that name
    that orsheet did not make is refused.
    """

    sheet: str
    rows: Sequence[Sequence[Value]]
    widths: Sequence[float] = ()
    # (header, values) pairs: a drop-down list offered in that column's cells. The file backend
    # writes it (other text stays allowed, as in the template); live, Excel on the desktop and
    # Office.js clients (xlwings Lite) get it, the remote engine's VBA/Office Scripts clients not.
    choices: Sequence[tuple[str, Sequence[str]]] = ()

    def choice_columns(self) -> list[tuple[int, Sequence[str]]]:
        """(1-based column, values) of each drop-down whose header is in the first row (none without data rows)."""
        if len(self.rows) < 2:
            return []
        header = list(self.rows[0])
        return [(header.index(name) + 1, values) for name, values in self.choices if name in header and values]


Edit = UpdateCells | AppendRows | DeleteRows | MoveRows | ReplaceSheet


# -- the Dutch guard messages, one set for every backend ------------------------------


def missing_sheet(sheet: str) -> SheetError:
    return SheetError(f"blad {sheet} ontbreekt in de werkmap", Location(sheet))


def missing_column(sheet: str, header: str) -> SheetError:
    return SheetError(f'kolom "{header}" ontbreekt in rij 1', Location(sheet))


def header_row(sheet: str, row: int) -> CellError:
    return CellError("de kopregel kan niet worden overschreven", Location(sheet, row))


def not_a_row(sheet: str, row: int) -> CellError:
    return CellError(f"rij {row} hoort niet bij de tabel en kan niet worden verplaatst", Location(sheet, row))


def _dutch_count(count: int) -> str:
    return f"{count:,}".replace(",", ".")


def value_problem(value: Value, date1904: bool = False) -> str | None:
    """Why Excel cannot hold ``value`` in a cell (Dutch), or None: text over Excel's 32 767
    characters (Excel cuts it off or refuses the file), a date before the first day of the
    workbook's date system or after 9999 (a negative serial shows as "#####" and blocks reading)."""
    if isinstance(value, str) and len(value) > MAX_CELL_TEXT:
        return (f"de tekst is {_dutch_count(len(value))} tekens lang; Excel bewaart hoogstens "
                f"{_dutch_count(MAX_CELL_TEXT)} tekens in een cel. Maak de tekst korter")
    if isinstance(value, date):
        problem = date_range_problem(value, date1904)
        if problem:
            return f"datum {dutch_date(value)} {problem}"
    return None


def _appended_row(record: Mapping[str, Value], index: int) -> str:
    """How an appended row is named before it has a row number: by its Nr when it has one."""
    number = record.get(NR)
    return f"nieuwe rij {index}" + (f" (actie {number})" if number not in (None, "") else "")


def protected_sheet(sheet: str) -> SheetError:
    return SheetError("dit blad is beveiligd, dus er is niets opgeslagen. Hef in Excel de beveiliging op "
                      "(Controleren > Beveiliging blad opheffen) en voer de opdracht opnieuw uit.", Location(sheet))


def locked_structure(sheet: str) -> SheetError:
    return SheetError("de structuur van de werkmap is beveiligd, dus orsheet kan dit blad niet toevoegen; "
                      "er is niets opgeslagen. Hef in Excel de beveiliging op (Controleren > Werkmap "
                      "beveiligen) en voer de opdracht opnieuw uit.", Location(sheet))


def table_cannot_grow(sheet: str, table: str, other: str, other_ref: str) -> WorkbookError:
    return WorkbookError(
        f"er is niets opgeslagen: de tabel {table} op blad {sheet} kan niet groeien, want de tabel "
        f"{other} ({other_ref}) staat er direct onder. Verplaats de tabel {other} in Excel een "
        "eind naar beneden (of naar een ander blad) en voer de opdracht opnieuw uit."
    )


def table_in_the_way(sheet: str, table: str, other: str, other_ref: str) -> WorkbookError:
    """Live only: Excel cannot delete rows of ``table`` when a table lower down has only some of its columns."""
    return WorkbookError(
        f"er is niets opgeslagen: Excel kan geen rijen uit de tabel {table} op blad {sheet} verwijderen, want de "
        f"tabel {other} ({other_ref}) eronder staat deels in dezelfde kolommen. Verplaats de tabel {other} in "
        "Excel naar kolommen naast de tabel (of naar een ander blad) en voer de opdracht opnieuw uit."
    )


def totals_row_in_the_way(sheet: str, table: str) -> WorkbookError:
    """Live only: rows written below a table's totals row would not become table rows."""
    return WorkbookError(
        f"er is niets opgeslagen: de tabel {table} op blad {sheet} heeft een totaalrij, en Excel zet nieuwe rijen "
        "daaronder, buiten de tabel. Zet de totaalrij uit (Tabelontwerp > Totaalrij), voer de opdracht opnieuw "
        "uit en zet de totaalrij daarna weer aan."
    )


def edited_sheets(edits: Sequence["Edit"]) -> set[str]:
    """Every sheet a write changes or reads before it changes it: each edit's sheet (a sheet to
    replace, for its header: is it orsheet's?) and the target of a MoveRows."""
    return {edit.sheet for edit in edits} | {edit.target for edit in edits if isinstance(edit, MoveRows)}


def foreign_sheet(sheet: str) -> SheetError:
    return SheetError(
        "dit blad is niet door orsheet gemaakt en wordt niet overschreven; "
        f"geef het blad een andere naam als orsheet het blad {sheet} mag maken",
        Location(sheet),
    )


# -- what a backend implements ---------------------------------------------------------


@dataclass(frozen=True)
class Move:
    """One checked move: source rows (as read) and, per row, target column -> value overrides."""

    sheet: str
    target: str
    rows: tuple[int, ...]
    columns: dict[int, int]  # source column -> target column (1-based sheet columns)
    values: dict[int, dict[int, Value]]  # source row -> {target column: value}
    added: tuple[str, ...] = ()  # headers added to the target's table


class Engine(Protocol):
    """The primitive operations of one backend; :func:`apply` calls them in order."""

    def columns(self, sheet: str) -> dict[str, int] | None:
        """Header -> 1-based sheet column of the sheet's table (row 1); None for a missing sheet."""
        ...

    def has_row(self, sheet: str, row: int) -> bool:
        """Whether ``row`` is a data row of the sheet's table (as read)."""
        ...

    def owned(self, sheet: str) -> bool:
        """Whether ``sheet`` carries orsheet's mark (it generated the sheet)."""
        ...

    # An engine that writes serial numbers itself has ``date1904: bool`` (the workbook's date
    # system); one without it (memory, live Excel converting dates itself) is checked as 1900.

    def set_cells(self, sheet: str, row: int, cells: dict[int, Value]) -> None: ...

    def add_columns(self, sheet: str, headers: Sequence[str]) -> None:
        """Add columns with these headers to the right of the sheet's table."""
        ...

    def move_rows(self, move: Move) -> None:
        """Copy the rows to the end of the target's table (deletion comes later)."""
        ...

    def delete_rows(self, sheet: str, rows: Sequence[int]) -> None: ...

    def append_rows(self, sheet: str, rows: Sequence[dict[int, Value]]) -> None: ...

    def replace_sheet(self, edit: ReplaceSheet) -> None: ...


@dataclass
class WriteReport:
    """What a write did beyond the edits themselves."""

    added_columns: dict[str, list[str]] = field(default_factory=dict)  # target sheet -> headers added
    values_kept: list[str] = field(default_factory=list)  # moved cells whose formula could not go along ("Archief!I5")

    def summary(self) -> str:
        parts = [f"Kolom {', '.join(headers)} toegevoegd aan {sheet}." for sheet, headers in self.added_columns.items()]
        if self.values_kept:
            parts.append(f"Formule niet meeverplaatst, de waarde wel: {', '.join(self.values_kept)}.")
        return " ".join(parts)


@dataclass
class _Plan:
    updates: list[tuple[str, int, dict[int, Value]]] = field(default_factory=list)
    moves: list[Move] = field(default_factory=list)
    deletions: dict[str, list[int]] = field(default_factory=dict)
    appends: list[tuple[str, list[dict[int, Value]]]] = field(default_factory=list)
    replaced: list[ReplaceSheet] = field(default_factory=list)


class _Columns:
    """The header -> column maps the plan needs, including columns a move will add."""

    def __init__(self, engine: Engine):
        self.engine = engine
        self.known: dict[str, dict[str, int]] = {}

    def of(self, sheet: str) -> dict[str, int]:
        if sheet not in self.known:
            columns = self.engine.columns(sheet)
            if columns is None:
                raise missing_sheet(sheet)
            self.known[sheet] = dict(columns)
        return self.known[sheet]

    def cells(self, sheet: str, values: Mapping[str, Value]) -> dict[int, Value]:
        columns = self.of(sheet)
        missing = [h for h in values if h not in columns]
        if missing:
            raise missing_column(sheet, missing[0])
        return {columns[h]: v for h, v in values.items()}

    def add(self, sheet: str, headers: Sequence[str]) -> None:
        columns = self.of(sheet)
        for header in headers:
            columns[header] = max(columns.values(), default=0) + 1


def plan(engine: Engine, edits: Sequence[Edit]) -> _Plan:
    """Check every edit and resolve headers to columns; raise before anything is written."""
    columns = _Columns(engine)
    result = _Plan()
    date1904 = bool(getattr(engine, "date1904", False))  # see Engine
    for edit in edits:
        match edit:
            case UpdateCells(sheet=sheet, row=row, values=values):
                if row < 2:
                    raise header_row(sheet, row)
                cells = columns.cells(sheet, values)
                _check_cells(cells, date1904, lambda column, header: Location(sheet, row, column, header), values)
                result.updates.append((sheet, row, cells))
            case MoveRows():
                move = _plan_move(engine, columns, edit)
                source = columns.of(edit.sheet)
                for row, values in edit.values.items():
                    _check_cells(move.values.get(row, {}), date1904,
                                 lambda column, header: Location(edit.sheet, row, source.get(header), header), values)
                result.moves.append(move)
                _delete(result, edit.sheet, edit.rows)
            case DeleteRows(sheet=sheet, rows=rows):
                columns.of(sheet)
                _delete(result, sheet, rows)
            case AppendRows(sheet=sheet, rows=rows):
                appended = []
                for index, record in enumerate(rows, start=1):
                    cells = columns.cells(sheet, record)
                    _check_appended(sheet, record, index, date1904)
                    appended.append(cells)
                result.appends.append((sheet, appended))
            case ReplaceSheet(sheet=sheet):
                if not _may_replace(engine, edit):
                    raise foreign_sheet(sheet)
                _check_grid(edit, date1904)
                result.replaced.append(edit)
            case _:
                raise TypeError(f"not an edit: {edit!r}")
    return result


def _check_cells(cells: Mapping[int, Value], date1904: bool, where, values: Mapping[str, Value]) -> None:
    """Refuse a value Excel cannot hold, at ``where(column, header)``."""
    headers = dict(zip(cells, values))
    for column, value in cells.items():
        problem = value_problem(value, date1904)
        if problem:
            raise CellError(problem, where(column, headers.get(column)))


def _check_appended(sheet: str, record: Mapping[str, Value], index: int, date1904: bool) -> None:
    for header, value in record.items():
        problem = value_problem(value, date1904)
        if problem:
            raise CellError(f"{_appended_row(record, index)}, kolom {header}: {problem}", Location(sheet))


def _check_grid(edit: ReplaceSheet, date1904: bool) -> None:
    for row, values in enumerate(edit.rows, start=1):
        for column, value in enumerate(values, start=1):
            problem = value_problem(value, date1904)
            if problem:
                raise CellError(problem, Location(edit.sheet, row, column))


def _may_replace(engine: Engine, edit: ReplaceSheet) -> bool:
    """A missing sheet, one orsheet marked as its own, or (made before the mark existed) one
    whose header row is exactly the one orsheet writes there."""
    existing = engine.columns(edit.sheet)
    if existing is None or engine.owned(edit.sheet):
        return True
    header = [str(v).strip() for v in (edit.rows[0] if edit.rows else ()) if v not in (None, "")]
    return bool(header) and list(existing) == header


def _delete(result: _Plan, sheet: str, rows: Sequence[int]) -> None:
    for row in rows:
        if row < 2:
            raise header_row(sheet, row)
    result.deletions[sheet] = sorted(set(result.deletions.get(sheet, [])) | set(rows))


def _plan_move(engine: Engine, columns: _Columns, edit: MoveRows) -> Move:
    source = columns.of(edit.sheet)
    target = columns.of(edit.target)
    for row in edit.rows:
        if row < 2:
            raise header_row(edit.sheet, row)
        if not engine.has_row(edit.sheet, row):
            raise not_a_row(edit.sheet, row)
    added = tuple(h for h in source if h not in target)
    columns.add(edit.target, added)
    mapping = {column: target[header] for header, column in source.items()}
    values = {row: columns.cells(edit.target, edit.values.get(row, {})) for row in edit.rows}
    return Move(edit.sheet, edit.target, tuple(edit.rows), mapping, values, added)


def apply(engine: Engine, edits: Sequence[Edit]) -> WriteReport:
    """Check all edits, then run them on ``engine`` in the contract's order."""
    steps = plan(engine, edits)
    report = WriteReport()
    for sheet, row, cells in steps.updates:
        engine.set_cells(sheet, row, cells)
    for move in steps.moves:
        if move.added:
            engine.add_columns(move.target, move.added)
            report.added_columns.setdefault(move.target, []).extend(move.added)
        engine.move_rows(move)
    for sheet, rows in steps.deletions.items():
        engine.delete_rows(sheet, rows)
    for sheet, rows in steps.appends:
        if rows:
            engine.append_rows(sheet, rows)
    for edit in steps.replaced:
        engine.replace_sheet(edit)
    return report
