"""Helpers every service uses: opening a workbook, loading and checking sheets."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Callable, Sequence, TypeVar

from orsheet import model, records, schema
from orsheet.deadlines import deadline_date
from orsheet.errors import OrsheetError, ProblemList, WorkbookError
from orsheet.workbook.base import AppendRows, DeleteRows, Edit, MoveRows, Table, UpdateCells, WorkbookBackend

T = TypeVar("T")


def open_workbook(path: Path | str) -> WorkbookBackend:
    """The file backend on ``path``, after checking it is an orsheet workbook."""
    from orsheet.workbook.file import FileBackend

    backend = FileBackend(path)
    require_contract(backend)
    return backend


def create_workbook(path: Path, shipped: Path) -> None:
    """Put a copy of the shipped workbook at ``path`` like every save: refused while ``path`` is open in
    Excel (nothing written), the file it replaces kept in backup/, all or nothing."""
    import shutil

    from orsheet.workbook.safe_save import atomic_save

    path.parent.mkdir(parents=True, exist_ok=True)
    atomic_save(path, lambda temp: shutil.copyfile(shipped, temp))


def require_contract(backend: WorkbookBackend) -> None:
    names = set(backend.sheet_names())
    missing = [s.name for s in schema.SHEETS if s.required and s.table and s.name not in names]
    if len(missing) == len([s for s in schema.SHEETS if s.required and s.table]):
        raise WorkbookError("dit is geen orsheet-werkmap: de bladen Acties, Archief, Besluiten enz. ontbreken")
    if missing:
        raise WorkbookError("blad " + ", ".join(missing) + " ontbreekt in de werkmap")


def convert_all(jobs: Sequence[tuple[Callable[[Table], T], Table]]) -> list[T]:
    """Convert several tables, reporting the problems of all of them together."""
    results, problems = [], []
    for convert, table in jobs:
        try:
            results.append(convert(table))
        except ProblemList as many:
            problems.extend(many.problems)
            results.append(None)
        except OrsheetError as error:
            problems.append(error)
            results.append(None)
    if problems:
        raise ProblemList(problems)
    return results


@dataclass
class ActionBook:
    """The action list as read: open actions, archive, settings."""

    actions: list[model.Action]
    archive: list[model.Action]
    settings: dict[str, model.Setting]
    tables: dict[str, Table] = field(default_factory=dict)  # the sheets as read (Acties, Archief, ...)
    warnings: list[str] = field(default_factory=list)  # read as shown: a formula in Nr (records.calculated_note)

    @property
    def last_number(self) -> int:
        return records.last_number_setting(self.settings)


def load_actions(backend: WorkbookBackend, shown: bool = False) -> ActionBook:
    """Acties, Archief and Instellingen. A formula in Nr stops the command, unless it only shows the
    actions (``shown``): then the book carries the one warning about it (docs/workbook.md)."""
    tables = backend.read([schema.ACTIONS.name, schema.ARCHIVE.name, schema.SETTINGS.name])
    read = records.shown_actions_from_table if shown else records.actions_from_table
    actions, archive, settings = convert_all(
        [
            (read, tables[schema.ACTIONS.name]),
            (read, tables[schema.ARCHIVE.name]),
            (records.settings_from_table, tables[schema.SETTINGS.name]),
        ]
    )
    note = records.calculated_note([tables[schema.ACTIONS.name], tables[schema.ARCHIVE.name]]) if shown else ""
    book = ActionBook(actions, archive, settings, tables, [note] if note else [])
    records.last_number_setting(settings)  # a bad "Laatste nummer" stops the command before anything is done
    return book


def archive_move(closed: Sequence[model.Action]) -> MoveRows:
    """The edit that moves closed actions from Acties to Archief: their whole rows, with the cells orsheet knows
    (number, "Afgerond op", ...) as the closing decided them."""
    return MoveRows(schema.ACTIONS.name, schema.ARCHIVE.name, [a.row for a in closed],
                    {a.row: records.action_to_cells(a) for a in closed})


def set_setting(settings: dict[str, model.Setting], key: str, value: object) -> Edit:
    """The edit that stores a setting: update its row, or add the row."""
    setting = settings.get(key)
    if setting is not None and setting.row is not None:
        return UpdateCells(schema.SETTINGS.name, setting.row, {"Waarde": value})
    return AppendRows(schema.SETTINGS.name, [{"Instelling": key, "Waarde": value}])


def with_deadline_dates(book: ActionBook, edits: Sequence[Edit]) -> list[Edit]:
    """``edits`` with the computed column Deadline (datum) kept up to date, in the same save.

    The one place that decides which rows get their computed deadline:

    * rows appended to Acties or Archief carry it (``records.action_to_cells``
      fills it);
    * every Acties row that stays, whose stored value is not the date its
      Deadline means (a new row, a deadline changed by hand, a value typed over
      it), gets it refreshed; an unreadable deadline leaves the cell empty.

    A workbook made before the column existed (no such header) is left as it
    was: the value is simply not written.
    """
    has_column = {
        name: schema.DEADLINE_DATE in book.tables[name].header
        for name in (schema.ACTIONS.name, schema.ARCHIVE.name) if name in book.tables
    }
    out: list[Edit] = []
    updates: dict[tuple[str, int], int] = {}  # (sheet, row) -> index of its UpdateCells in out
    for edit in edits:
        if isinstance(edit, AppendRows) and has_column.get(edit.sheet) is False:
            edit = AppendRows(edit.sheet, [{k: v for k, v in r.items() if k != schema.DEADLINE_DATE} for r in edit.rows])
        if isinstance(edit, MoveRows) and not has_column.get(edit.sheet) and not has_column.get(edit.target):
            values = {row: {k: v for k, v in cells.items() if k != schema.DEADLINE_DATE} for row, cells in edit.values.items()}
            edit = MoveRows(edit.sheet, edit.target, edit.rows, values)
        if isinstance(edit, UpdateCells):
            updates[(edit.sheet, edit.row)] = len(out)
        out.append(edit)
    if has_column.get(schema.ACTIONS.name):
        for row, value in _stale_deadline_dates(book, _deleted_rows(edits, schema.ACTIONS.name)):
            index = updates.get((schema.ACTIONS.name, row))
            if index is None:
                out.append(UpdateCells(schema.ACTIONS.name, row, {schema.DEADLINE_DATE: value}))
            else:  # one edit per row: merged with the row's other changes (its new Nr)
                out[index] = UpdateCells(schema.ACTIONS.name, row, {**out[index].values, schema.DEADLINE_DATE: value})
    return out


def _deleted_rows(edits: Sequence[Edit], sheet: str) -> set[int]:
    return {row for e in edits if isinstance(e, (DeleteRows, MoveRows)) and e.sheet == sheet for row in e.rows}


def _stale_deadline_dates(book: ActionBook, skip: set[int]) -> list[tuple[int, date | None]]:
    """(row, date) for every Acties row whose stored Deadline (datum) is out of date.

    A row that holds no action any more (its cells cleared by hand) loses its
    date too, so Excel does not mark an empty row as overdue.
    """
    wanted = {a.row: deadline_date(a.deadline, a.date) for a in book.actions if a.row is not None}
    stale = []
    for row in book.tables[schema.ACTIONS.name].rows:
        if row.number in skip:
            continue
        value = wanted.get(row.number)
        if not _same_date(row.values.get(schema.DEADLINE_DATE), value):
            stale.append((row.number, value))
    return stale


def _same_date(value: object, wanted: date | None) -> bool:
    """Whether a stored cell already holds ``wanted`` (a real date, or empty for None)."""
    if isinstance(value, datetime):
        value = value.date() if value.time() == datetime.min.time() else value
    if wanted is None:
        return value is None or (isinstance(value, str) and not value.strip())
    return type(value) is date and value == wanted
