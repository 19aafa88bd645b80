"""One error tree for everything a user can get wrong.

Every user error carries a Dutch message; errors about a cell name the sheet,
row and column (``Acties!F12``) so the secretary can go straight to it. Errors
for developers (bugs) stay ordinary Python exceptions in English.
"""

from __future__ import annotations

from dataclasses import dataclass



def column_letter(index: int) -> str:
    """1 -> A, 27 -> AA (Excel's column names)."""
    letters = ""
    while index > 0:
        index, rest = divmod(index - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


@dataclass(slots=True)
class Location:
    """A place in the workbook: a sheet, optionally a row and a column header."""

    sheet: str
    row: int | None = None
    column: int | None = None  # 1-based column index
    header: str | None = None

    def __str__(self) -> str:
        if self.row is None:
            return f"blad {self.sheet}"
        if self.column is None:
            return f"{self.sheet}!rij {self.row}"
        cell = f"{self.sheet}!{column_letter(self.column)}{self.row}"
        return f"{cell} ({self.header})" if self.header else cell


class OrsheetError(Exception):
    """A problem the user can fix; the message is Dutch and shown as is."""

    exit_code = 1

    def __init__(self, message: str, location: Location | None = None):
        self.message = message
        self.location = location
        super().__init__(str(self))

    def __str__(self) -> str:
        return f"{self.location}: {self.message}" if self.location else self.message

    def to_dict(self) -> dict:
        data: dict = {"message": str(self)}
        if self.location is not None:
            data["sheet"] = self.location.sheet
            data["row"] = self.location.row
            data["column"] = self.location.header
        return data


class CellError(OrsheetError):
    """A value in one cell that cannot be used."""


class SheetError(OrsheetError):
    """A sheet or table is missing or has the wrong shape."""


class WorkbookError(OrsheetError):
    """The workbook file itself cannot be used (not found, not ours, corrupt)."""


class WorkbookLocked(WorkbookError):
    """The workbook is open in Excel or read-only: we write nothing."""


class WorkbookChanged(WorkbookError):
    """The file changed on disk between reading and writing."""


class InputError(OrsheetError):
    """A command-line argument or input file that cannot be used."""


MAX_SHOWN = 50


class ProblemList(OrsheetError):
    """Several problems at once (e.g. from ``orsheet check``); all are listed."""

    def __init__(self, problems: list[OrsheetError], intro: str = "De werkmap bevat fouten"):
        self.problems = list(problems)
        shown = self.problems[:MAX_SHOWN]
        lines = [f"{intro} ({len(self.problems)}):"] + [f"- {p}" for p in shown]
        if len(self.problems) > len(shown):
            lines.append(f"- ... en nog {len(self.problems) - len(shown)} (orsheet check --json toont ze allemaal)")
        super().__init__("\n".join(lines))

    def to_dict(self) -> dict:
        return {"message": self.message, "problems": [p.to_dict() for p in self.problems]}
