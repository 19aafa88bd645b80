"""One error tree for everything a user can get wrong.

Every user error carries a Dutch message; errors about a cell name the sheet,
row and column (``Acties!F12``) so the secretary can go straight to it. Errors
for developers (bugs) stay ordinary Python exceptions in English.
"""

from __future__ import annotations

import errno
import os
from dataclasses import dataclass
from pathlib import Path


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


class WorkbookBusy(WorkbookLocked):
    """Another orsheet is saving this workbook right now (it holds the write lock)."""


class FileSystemError(WorkbookError):
    """The operating system refused a read or write (disk full, no permission, file gone)."""

    outcome = ""  # what the refusal means for the user's files, when the message says it (os_error)


class ExcelRefused(WorkbookError):
    """Excel refused a change halfway through a live write (a workbook open in Excel cannot be
    rolled back): what was written before it stays, and the message says so."""

    outcome = "Wat orsheet daarvoor al had geschreven, blijft staan."


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


# -- the operating system, in Dutch ----------------------------------------------

_OS_REASONS_BY_NAME = {
    "ENOSPC": "de schijf is vol",
    "EDQUOT": "uw opslagruimte (quotum) is vol",
    "EFBIG": "het bestand wordt groter dan deze schijf of dit systeem toestaat",
    "EACCES": "u hebt geen toestemming",
    "EPERM": "u hebt geen toestemming",
    "EROFS": "de schijf is alleen-lezen",
    "ENOENT": "het bestand of de map bestaat niet (meer)",
    "EISDIR": "dit is een map, geen bestand",
    "ENOTDIR": "een deel van het pad is geen map",
    "EEXIST": "er staat al een bestand met die naam",
    "ENOTEMPTY": "de map is niet leeg",
    "EBUSY": "het bestand is in gebruik door een ander programma",
    "ETXTBSY": "het bestand is in gebruik door een ander programma",
    "EIO": "de schijf gaf een lees- of schrijffout",
    "ENAMETOOLONG": "de naam of het pad is te lang",
    "ELOOP": "het pad verwijst in een kring naar zichzelf (snelkoppelingen)",
    "EMFILE": "er zijn te veel bestanden tegelijk open",
    "ENFILE": "er zijn te veel bestanden tegelijk open",
    "EXDEV": "het bestand staat op een andere schijf",
    "ESTALE": "de verbinding met de netwerkmap is verbroken",
    "ETIMEDOUT": "de netwerkmap reageert niet",
    "EHOSTDOWN": "de netwerkmap is niet bereikbaar",
    "ENETUNREACH": "de netwerkmap is niet bereikbaar",
}
# Not every errno exists on every system (EDQUOT, ETXTBSY on Windows).
_OS_REASONS = {getattr(errno, name): text for name, text in _OS_REASONS_BY_NAME.items() if hasattr(errno, name)}
# Windows' own codes where its errno says too little (an invalid name and a lost share both arrive as EINVAL/ENOENT).
_WINDOWS_REASONS = {
    32: "het bestand is geopend in een ander programma",
    33: "een deel van het bestand is vergrendeld",
    53: "de netwerkmap is niet bereikbaar",
    64: "de verbinding met de netwerkmap is verbroken",
    67: "de netwerkmap is niet bereikbaar",
    123: "de naam bevat tekens die Windows niet toestaat",
    206: "de naam of het pad is te lang",
}
_PERMISSION = {errno.EACCES, errno.EPERM}
IN_USE = "het bestand is nog geopend in een ander programma (Word, Excel of een PDF-lezer)"


def os_reason(error: OSError) -> str:
    """What the operating system refused, as a short Dutch phrase (never the system's English text)."""
    winerror = getattr(error, "winerror", None)
    if winerror in _WINDOWS_REASONS:
        return _WINDOWS_REASONS[winerror]
    if error.errno in _OS_REASONS:
        return _OS_REASONS[error.errno]
    if winerror:
        return f"Windows weigerde (foutcode {winerror})"
    code = errno.errorcode.get(error.errno or 0, str(error.errno))
    return f"het besturingssysteem weigerde (foutcode {code})"


def in_use(error: OSError, document: Path) -> bool:
    """Whether a refused write of ``document`` means it is open in another program (Word holds a lock):
    Windows says so itself; elsewhere only a refusal on a file that exists, in a folder we may write to."""
    if getattr(error, "winerror", None) in (32, 33):
        return True
    if error.errno not in _PERMISSION:
        return False
    return document.is_file() and os.access(document.parent, os.W_OK)


_OS_ADVICE_BY_NAME = {
    "ENOSPC": "Maak ruimte vrij op de schijf en probeer het opnieuw.",
    "EDQUOT": "Maak ruimte vrij in uw opslag en probeer het opnieuw.",
    "EFBIG": "Kies een andere map (op een andere schijf) en probeer het opnieuw.",
    "EACCES": "Vraag toegang tot de map, of werk met een kopie op een plek waar u mag schrijven.",
    "EPERM": "Vraag toegang tot de map, of werk met een kopie op een plek waar u mag schrijven.",
    "EROFS": "Werk met een kopie op een schijf waarop u mag schrijven.",
    "EBUSY": "Sluit het andere programma en probeer het opnieuw.",
    "ENAMETOOLONG": "Kies een kortere bestandsnaam of een map met een korter pad.",
    "EMFILE": "Sluit andere programma's en probeer het opnieuw.",
    "ESTALE": "Controleer de verbinding met het netwerk en probeer het opnieuw.",
    "ETIMEDOUT": "Controleer de verbinding met het netwerk en probeer het opnieuw.",
    "ENOTDIR": "Waar een map hoort (zoals de map backup) staat een bestand met die naam: geef het een andere naam.",
}
_OS_ADVICE = {getattr(errno, name): text for name, text in _OS_ADVICE_BY_NAME.items() if hasattr(errno, name)}
NOTHING_CHANGED = "Er is niets gewijzigd."


def os_error(error: OSError, failed: str, outcome: str = NOTHING_CHANGED, *,
             document: Path | None = None, name_file: bool = True) -> FileSystemError:
    """``error`` as a Dutch user error on one line: ``failed`` ("Het opslaan van or.xlsm is niet gelukt"),
    why, what it means (``outcome``) and what to do.

    The file the system names is added when ``failed`` does not already name it (and ``name_file``:
    leave it out when that file is a temporary one of ours). ``document`` is the file being
    written: a refusal on it while it exists in a writable folder is reported as the file being
    open in another program (:func:`in_use`).
    """
    where = ""
    if error.filename and name_file:
        name = Path(str(error.filename)).name
        if name and name not in failed:
            where = f" ({error.filename})"
    if document is not None and in_use(error, document):
        reason, advice = IN_USE, "Sluit het bestand en probeer het opnieuw."
    else:
        reason, advice = os_reason(error), _OS_ADVICE.get(error.errno, "")
        if getattr(error, "winerror", None) in (32, 33):
            advice = "Sluit het andere programma en probeer het opnieuw."
    parts = [f"{failed}: {reason}{where}.", outcome, advice]
    refused = FileSystemError(" ".join(part for part in parts if part))
    refused.outcome = outcome
    return refused


# Library errors that mean "this file is damaged or not what it claims to be", by module and class
# name so this module imports none of those libraries.
_DAMAGED_FILE_ERRORS = {
    ("zipfile", "BadZipFile"),
    ("zipfile", "LargeZipFile"),
    ("lxml.etree", "XMLSyntaxError"),
    ("xml.etree.ElementTree", "ParseError"),
    ("python_calamine", "CalamineError"),
    ("docx.opc.exceptions", "PackageNotFoundError"),
    ("openpyxl.utils.exceptions", "InvalidFileException"),
    ("pypdf.errors", "PyPdfError"),
}


def user_error(error: BaseException) -> OrsheetError | None:
    """The user error behind ``error``, or None when it is a bug.

    The boundaries (CLI, Excel buttons) call this for what the code below did
    not translate itself: an ``OrsheetError`` as it is, an ``OSError`` as what
    the system refused, a library's "damaged file" error as a Dutch message.
    """
    if isinstance(error, OrsheetError):
        return error
    if isinstance(error, OSError):
        return os_error(error, "Het lezen of schrijven van een bestand is niet gelukt", outcome="")
    if isinstance(error, UnicodeDecodeError):
        return InputError("een tekstbestand kon niet worden gelezen: het is geen tekst in UTF-8 of Windows-tekens")
    if type(error).__name__ == "PasswordError":
        return WorkbookError("een bestand is met een wachtwoord beveiligd; orsheet kan het niet lezen.")
    for kind in type(error).__mro__:
        if (kind.__module__, kind.__name__) in _DAMAGED_FILE_ERRORS:
            return WorkbookError(
                "een bestand is beschadigd of is niet wat de naam zegt (bijvoorbeeld een hernoemd bestand); "
                "het kon niet worden gelezen."
            )
    return None
