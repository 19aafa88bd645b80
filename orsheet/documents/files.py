"""Putting finished documents on disk: whole or not at all.

* :func:`write_whole` writes bytes built in memory with one plain write. The
  Office libraries (openpyxl, python-docx, docxtpl) leave their zip file open
  when a write to disk fails (a full disk); the garbage collector then closes
  it, fails again outside every handler and Python prints "Exception ignored
  in: ZipFile.__del__ ... Traceback". So they save into memory and only this
  write touches the disk; its error reaches the caller like any other.
* :class:`Staged` writes one or more files beside their final place under a
  hidden temporary name and, on :meth:`Staged.commit`, renames them into
  place: a full disk leaves the old files (or none), never half a file. A
  command that also saves the workbook stages first, saves, then commits, so
  what can fail (the disk) fails before the workbook is changed.
  :func:`write_files` is both steps at once. A file open in Word, Excel or
  LibreOffice (its owner file ``~$…`` or ``.~lock.…#`` beside it) is never
  replaced behind the program's back: staging refuses it in Dutch. With
  ``backups``, the version a commit replaces is kept in ``backup/`` beside it
  (an agenda the secretary edited in Word is never lost).

Both raise the operating system's ``OSError``; the caller says in Dutch what
failed (:func:`orsheet.errors.os_error`).
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from pathlib import Path

from orsheet.errors import NOTHING_CHANGED, FileSystemError
from orsheet.workbook.safe_save import keep_backup, lock_files

TEMPORARY_SUFFIX = ".orsheet-tmp"
EDITABLE_BACKUPS = 5  # replaced versions kept of a document a person may have edited (a Word agenda)


_NOT_IN_FILE_NAMES = re.compile(r'[\\/:*?"<>|\x00-\x1f]+')


def safe_file_part(text: str) -> str:
    """``text`` as part of a file name on every system: \\ / : * ? " < > | and control characters become
    "-" ("OR/MR-overleg" -> "OR-MR-overleg"), no dots or spaces at the ends (Windows drops them)."""
    return _NOT_IN_FILE_NAMES.sub("-", text).strip(" .-") or "-"


def write_whole(path: Path, data: bytes) -> None:
    with open(path, "wb") as stream:
        stream.write(data)


def temporary_beside(path: Path) -> Path:
    """The hidden name a file is written under before it replaces ``path``."""
    return path.with_name(f".{path.name}{TEMPORARY_SUFFIX}")


def refuse_open(path: Path) -> None:
    """Raise a Dutch ``FileSystemError`` when ``path`` is open in an Office program or LibreOffice."""
    locks = lock_files(path)
    if locks:
        refused = FileSystemError(
            f"{path.name} is geopend in Word, Excel of LibreOffice (vergrendelbestand {locks[0].name} staat "
            f"ernaast), dus orsheet vervangt het niet. Sluit het bestand en probeer het opnieuw. {NOTHING_CHANGED}")
        refused.outcome = NOTHING_CHANGED
        raise refused


class Staged:
    """Files written completely under temporary names beside their place, waiting for :meth:`commit`.

    ``backups`` > 0 keeps each replaced file in ``backup/`` beside it, the newest ``backups`` per name
    (:attr:`kept` lists them after the commit).
    """

    def __init__(self, contents: Mapping[Path, bytes], backups: int = 0):
        self._files: list[tuple[Path, Path]] = []
        self._backups = backups
        self.kept: list[Path] = []
        for path in contents:
            refuse_open(path)
        try:
            for path, data in contents.items():
                temporary = temporary_beside(path)
                self._files.append((temporary, path))
                write_whole(temporary, data)
        except BaseException:
            self.discard()
            raise

    def commit(self) -> None:
        """Rename every file into place (a rename within a folder needs no room on the disk)."""
        try:
            while self._files:
                temporary, path = self._files[0]
                if self._backups and path.exists():
                    self.kept.append(keep_backup(path, self._backups))
                os.replace(temporary, path)
                self._files.pop(0)
        except BaseException:
            self.discard()
            raise

    def discard(self) -> None:
        for temporary, _ in self._files:
            remove_quietly(temporary)
        self._files.clear()


def write_files(contents: Mapping[Path, bytes]) -> None:
    """Write every file of ``contents`` completely, then rename them into place."""
    Staged(contents).commit()


def remove_quietly(path: Path) -> None:
    """Remove a temporary file of ours if it is there; a refusal must not hide the error that came first."""
    try:
        path.unlink(missing_ok=True)
    except OSError:
        pass
