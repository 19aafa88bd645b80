"""orsheet: the works council secretary's workbook, driven from Python.

The public API, for people who script orsheet (docs/python-api.md)::

    import orsheet

    book = orsheet.open_workbook("mijn-or.xlsm")
    orsheet.number_actions(book)
    orsheet.close_actions(book, [325, 330])
    orsheet.generate_agenda(book, "mijn-or.xlsm", date(2023, 10, 26))
    orsheet.process_minutes(book, "notulen.docx", None, apply=True)

Each name is the service the CLI command and the Excel button of the same job
run; it is imported on first use, so ``import orsheet`` (and ``orsheet --help``)
stays fast. Errors a user can cause are :class:`OrsheetError` with a Dutch message.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

_EXPORTS = {  # public name -> module that defines it
    "open_workbook": "orsheet.services.common",
    "MemoryBackend": "orsheet.workbook.memory",
    "number_actions": "orsheet.services.actions",
    "close_actions": "orsheet.services.actions",
    "list_actions": "orsheet.services.actions",
    "check_workbook": "orsheet.services.actions",
    "load_agenda": "orsheet.services.agenda",
    "generate_agenda": "orsheet.services.agenda",
    "process_minutes": "orsheet.services.minutes",
    "plan_year": "orsheet.services.schedule",
    "OrsheetError": "orsheet.errors",
}

__all__ = [  # literal, so linters see the re-exports; tests/test_api.py keeps it equal to _EXPORTS
    "MemoryBackend", "OrsheetError", "check_workbook", "close_actions", "generate_agenda", "list_actions",
    "load_agenda", "number_actions", "open_workbook", "plan_year", "process_minutes", "__version__",
]

if TYPE_CHECKING:
    from orsheet.errors import OrsheetError
    from orsheet.services.actions import check_workbook, close_actions, list_actions, number_actions
    from orsheet.services.agenda import generate_agenda, load_agenda
    from orsheet.services.common import open_workbook
    from orsheet.services.minutes import process_minutes
    from orsheet.services.schedule import plan_year
    from orsheet.workbook.memory import MemoryBackend


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'orsheet' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value  # later look-ups skip this function
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
