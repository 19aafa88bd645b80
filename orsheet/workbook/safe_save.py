"""Saving the council's only workbook without ever leaving it broken.

* :func:`ensure_writable` refuses (``WorkbookLocked``, Dutch message) when the
  workbook is open in Excel or LibreOffice (their lock file lies beside it),
  is read-only, or lives in a folder we cannot write to.
* :func:`file_stamp` records size and modification time when the workbook is
  read; pass it to :func:`atomic_save` as ``expected`` and the save refuses
  with ``WorkbookChanged`` when someone saved the file in between.
* :func:`atomic_save` lets ``write_to`` write a complete new version into a
  temporary file in the same folder, checks it opens as a zip, fsyncs it,
  keeps the previous version in ``backup/`` beside the workbook (the newest
  ``backups`` are kept) and only then renames the new file over the old one.
  If anything fails - including ``write_to`` raising or the process being
  killed - the workbook is the old version, complete; a stray temporary file
  is removed (after a kill it stays as a hidden ``.~orsheet-*`` file until a
  later save, an hour or more on, cleans it up).

Typical use in a backend::

    stamp = file_stamp(path)            # when reading
    ...
    atomic_save(path, lambda temp: save_and_restore(temp), expected=stamp)
"""

from __future__ import annotations

import os
import re
import shutil
import stat
import tempfile
import time
import zipfile
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Callable

from orsheet.errors import WorkbookChanged, WorkbookError, WorkbookLocked

__all__ = ["FileStamp", "atomic_save", "backup_dir", "backups_of", "ensure_writable", "file_stamp", "lock_files"]

BACKUP_FOLDER = "backup"
TEMP_PREFIX = ".~orsheet-"
_ZIP_SUFFIXES = {".xlsx", ".xlsm", ".xltx", ".xltm", ".docx", ".zip"}


@dataclass(frozen=True)
class FileStamp:
    """Enough to notice that a file changed: size and modification time (ns)."""

    size: int
    mtime_ns: int


def file_stamp(path: Path) -> FileStamp:
    info = os.stat(path)
    return FileStamp(info.st_size, info.st_mtime_ns)


def lock_files(path: Path) -> list[Path]:
    """Lock files of Office or LibreOffice that exist beside ``path``.

    Excel names its owner file ``~$`` + the full file name; Word drops the
    first one or two characters of long names, so those forms count too, as
    does LibreOffice's ``.~lock.NAME#``. Names are compared case-insensitively
    (Windows shares).
    """
    path = Path(path)
    name = path.name
    wanted = {f"~${name}", f"~${name[1:]}", f"~${name[2:]}", f".~lock.{name}#"}
    wanted = {w.lower() for w in wanted if len(w) > 2 + len(path.suffix)}
    try:
        present = os.listdir(path.parent)
    except OSError:
        return []
    return sorted(path.parent / entry for entry in present if entry.lower() in wanted)


def ensure_writable(path: Path) -> None:
    """Raise ``WorkbookLocked`` unless we may replace ``path`` now."""
    path = Path(path)
    locks = lock_files(path)
    if locks:
        lock = locks[0].name
        raise WorkbookLocked(
            f"De werkmap {path.name} is geopend in Excel of LibreOffice (vergrendelbestand {lock} "
            "staat ernaast). Sluit de werkmap en probeer het opnieuw; er is niets opgeslagen. "
            f"Is de werkmap nergens open, verwijder dan het bestand {lock}."
        )
    if path.exists():
        if not path.is_file():
            raise WorkbookError(f"{path} is geen bestand; er is niets opgeslagen.")
        mode = path.stat().st_mode
        if not mode & stat.S_IWUSR or not os.access(path, os.W_OK):
            raise WorkbookLocked(
                f"De werkmap {path.name} is alleen-lezen; er is niets opgeslagen. Zet 'Alleen-lezen' "
                "uit in de eigenschappen van het bestand en probeer het opnieuw."
            )
    folder = path.parent
    if not os.access(folder, os.W_OK | os.X_OK):
        raise WorkbookLocked(
            f"In de map {folder} mag niet geschreven worden, dus de werkmap {path.name} kan niet veilig "
            "worden opgeslagen; er is niets opgeslagen."
        )


def ensure_unchanged(path: Path, expected: FileStamp) -> None:
    """Raise ``WorkbookChanged`` when ``path`` is no longer what was read."""
    try:
        now = file_stamp(path)
    except FileNotFoundError:
        now = None
    if now != expected:
        raise WorkbookChanged(
            f"De werkmap {Path(path).name} is gewijzigd nadat orsheet hem las (misschien opgeslagen in "
            "Excel); er is niets opgeslagen. Voer de opdracht opnieuw uit."
        )


def atomic_save(
    path: Path,
    write_to: Callable[[Path], None],
    *,
    backups: int = 10,
    expected: FileStamp | None = None,
) -> Path | None:
    """Replace ``path`` by what ``write_to(temp_path)`` writes, all or nothing.

    ``write_to`` receives a fresh path in the same folder with the same
    suffix and must write the complete new file there. Returns the backup of
    the previous version (``None`` for a new file or ``backups=0``).
    """
    path = Path(path)
    ensure_writable(path)
    if expected is not None:
        ensure_unchanged(path, expected)
    handle, name = tempfile.mkstemp(prefix=TEMP_PREFIX, suffix=path.suffix, dir=path.parent)
    os.close(handle)
    temp = Path(name)
    try:
        write_to(temp)
        _check_complete(temp, path)
        _fsync(temp)
        if path.exists():
            shutil.copymode(path, temp)
        if expected is not None:
            ensure_unchanged(path, expected)
        backup = _keep_backup(path, backups) if path.exists() and backups > 0 else None
        os.replace(temp, path)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
    _fsync_folder(path.parent)
    _remove_stale_temporaries(path.parent)
    return backup


def _remove_stale_temporaries(folder: Path, older_than: float = 3600) -> None:
    """Remove what saves killed long ago left behind (a live save takes seconds)."""
    limit = time.time() - older_than
    for stray in folder.glob(TEMP_PREFIX + "*"):
        try:
            if stray.is_file() and stray.stat().st_mtime < limit:
                stray.unlink()
        except OSError:
            pass


def _check_complete(temp: Path, path: Path) -> None:
    if not temp.exists() or temp.stat().st_size == 0:
        raise WorkbookError(f"Het opslaan van {path.name} leverde geen bestand op; er is niets opgeslagen.")
    if path.suffix.lower() in _ZIP_SUFFIXES:
        try:
            with zipfile.ZipFile(temp) as archive:
                archive.getinfo("[Content_Types].xml")
        except (zipfile.BadZipFile, KeyError) as problem:
            raise WorkbookError(
                f"Het opslaan van {path.name} leverde een onbruikbaar bestand op ({problem}); "
                "er is niets opgeslagen."
            ) from problem


def _fsync(path: Path) -> None:
    with open(path, "rb+") as stream:
        os.fsync(stream.fileno())


def _fsync_folder(folder: Path) -> None:
    try:
        handle = os.open(folder, os.O_RDONLY)
    except OSError:  # Windows cannot open folders; NTFS renames are journaled anyway
        return
    try:
        os.fsync(handle)
    except OSError:
        pass
    finally:
        os.close(handle)


def backup_dir(path: Path) -> Path:
    return Path(path).parent / BACKUP_FOLDER


def backups_of(path: Path) -> list[Path]:
    """Backups of ``path``, oldest first."""
    path = Path(path)
    pattern = re.compile(rf"{re.escape(path.stem)}-\d{{8}}-\d{{6}}-\d{{6}}(-\d+)?{re.escape(path.suffix)}")
    folder = backup_dir(path)
    if not folder.is_dir():
        return []
    return sorted(entry for entry in folder.iterdir() if pattern.fullmatch(entry.name))


def _keep_backup(path: Path, keep: int) -> Path:
    """Keep the current version of ``path`` in ``backup/`` and drop old backups."""
    folder = backup_dir(path)
    folder.mkdir(exist_ok=True)
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    target = folder / f"{path.stem}-{stamp}{path.suffix}"
    n = 1
    while target.exists():
        target = folder / f"{path.stem}-{stamp}-{n}{path.suffix}"
        n += 1
    try:
        # A hard link costs nothing; the rename below gives `path` a new inode.
        os.link(path, target)
    except OSError:
        partial = folder / (TEMP_PREFIX + target.name)
        shutil.copy2(path, partial)
        os.replace(partial, target)
    for old in backups_of(path)[:-keep]:
        old.unlink(missing_ok=True)
    return target
