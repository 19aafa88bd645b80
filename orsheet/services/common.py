"""Helpers every service uses: opening a workbook, loading and checking sheets."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Sequence, TypeVar

from orsheet import model, records, schema
from orsheet.errors import OrsheetError, ProblemList, WorkbookError
from orsheet.workbook.base import AppendRows, Edit, Table, UpdateCells, WorkbookBackend

T = TypeVar("T")


def open_workbook(path: Path | str) -> WorkbookBackend:
    """The file backend on ``path``, after checking it is an orsheet workbook."""
    from orsheet.workbook.openpyxl_backend import FileBackend

    backend = FileBackend(path)
    require_contract(backend)
    return backend


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

    @property
    def last_number(self) -> int:
        return records.last_number_setting(self.settings)


def load_actions(backend: WorkbookBackend) -> ActionBook:
    tables = backend.read([schema.ACTIONS.name, schema.ARCHIVE.name, schema.SETTINGS.name])
    actions, archive, settings = convert_all(
        [
            (records.actions_from_table, tables[schema.ACTIONS.name]),
            (records.actions_from_table, tables[schema.ARCHIVE.name]),
            (records.settings_from_table, tables[schema.SETTINGS.name]),
        ]
    )
    book = ActionBook(actions, archive, settings)
    book.last_number  # a bad "Laatste nummer" is reported before anything is done
    return book


def set_setting(settings: dict[str, model.Setting], key: str, value: object) -> Edit:
    """The edit that stores a setting: update its row, or add the row."""
    setting = settings.get(key)
    if setting is not None and setting.row is not None:
        return UpdateCells(schema.SETTINGS.name, setting.row, {"Waarde": value})
    return AppendRows(schema.SETTINGS.name, [{"Instelling": key, "Waarde": value}])
