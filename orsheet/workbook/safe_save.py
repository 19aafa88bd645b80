"""Saving the council's only workbook without ever leaving it broken.

* :class:`WorkbookFile` is what a backend keeps between reading the workbook
  and saving it: it takes the write lock (:class:`WriteLock`, one orsheet at a
  time, :mod:`.write_lock`) before the read, remembers the file's stamp, and
  saves through :func:`atomic_save` before it lets the lock go. A workbook
  path that is a symbolic link is resolved once: lock, temporary file and
  backup lie beside the real file, which is replaced; the link stays a link.
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
  later save, an hour or more on, cleans it up). What the operating system
  refuses on the way (disk full, no permission, read-only ``backup/``, the
  file gone) becomes a Dutch ``FileSystemError`` saying nothing was changed.

Typical use in a backend::

    self.file = WorkbookFile(path)
    self.file.reading()                 # before every read: lock, stamp
    ...
    self.file.save(lambda temp: write_new_version(temp))   # check, backup, rename, unlock
"""

from __future__ import annotations

import errno
import os
import re
import shutil
import stat
import tempfile
import time
import unicodedata
import zipfile
import zlib
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Callable

from orsheet.errors import FileSystemError, WorkbookBusy, WorkbookChanged, WorkbookError, WorkbookLocked, os_error
from orsheet.workbook.write_lock import WriteLock, real_path

__all__ = [
    "FileStamp", "WorkbookFile", "atomic_save", "backup_dir", "backups_of", "ensure_writable", "file_stamp",
    "keep_backup", "lock_files",
]

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


class WorkbookFile:
    """A workbook on disk as a backend uses it: read under the write lock, saved safely.

    Call :meth:`reading` before each read of the file and :meth:`save` to
    replace it; the lock taken for the read is held until the save has
    renamed the new version into place (or :meth:`release`). In a folder
    where nobody may write (a read-only share) reading needs no lock.
    """

    def __init__(self, path: Path):
        self.path = Path(path)
        self.real = real_path(self.path)
        self.stamp: FileStamp | None = None
        self._lock = WriteLock(self.real, shown_as=self.path.name)

    def reading(self) -> FileStamp:
        """Take the lock (when the folder allows it) and remember the file as it is now."""
        try:
            self._lock.acquire()
        except WorkbookBusy:
            raise
        except OSError:
            pass  # cannot create the lock file: nobody can save here either, ensure_writable says so
        try:
            self.stamp = file_stamp(self.real)
        except OSError as error:
            self._lock.release()
            raise os_error(error, f"{self.path.name} kan niet worden gelezen", outcome="") from None
        return self.stamp

    def save(self, write_to: Callable[[Path], None], *, backups: int = 10) -> Path | None:
        """:func:`atomic_save` under the lock, against the stamp of the last read; then unlock."""
        ensure_writable(self.path)  # before the lock: its Dutch message says why better than the lock file can
        try:
            self._lock.acquire()
            backup = atomic_save(self.path, write_to, backups=backups, expected=self.stamp, target=self.real)
            self.stamp = file_stamp(self.real)
        except OSError as error:
            raise os_error(error, f"Het opslaan van {self.path.name} is niet gelukt") from None
        finally:
            self._lock.release()
        return backup

    def release(self) -> None:
        self._lock.release()


def _same_name(name: str) -> str:
    """A file name as compared: NFC (macOS may store NFD) and case-folded (Windows shares)."""
    return unicodedata.normalize("NFC", name).casefold()


def lock_files(path: Path) -> list[Path]:
    """Lock files of Office or LibreOffice that exist beside ``path`` (and beside its real file).

    Excel names its owner file ``~$`` + the full file name; Word drops the
    first one or two characters of long names, so those forms count too, as
    does LibreOffice's ``.~lock.NAME#``. Names are compared case-insensitively
    (Windows shares) and in one Unicode form (macOS may write ``é`` as ``e``
    plus an accent). A workbook opened through a symbolic link has its lock
    file beside the link, so both places are looked at.
    """
    path = Path(path)
    found: list[Path] = []
    for place in dict.fromkeys([path, real_path(path)]):
        name = unicodedata.normalize("NFC", place.name)
        wanted = {f"~${name}", f"~${name[1:]}", f"~${name[2:]}", f".~lock.{name}#"}
        wanted = {_same_name(w) for w in wanted if len(w) > 2 + len(place.suffix)}
        try:
            present = os.listdir(place.parent)
        except OSError:
            continue
        found += [place.parent / entry for entry in present if _same_name(entry) in wanted]
    return sorted(dict.fromkeys(found))


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
    real = real_path(path)
    if real.exists():
        if not real.is_file():
            raise WorkbookError(f"{path} is geen bestand; er is niets opgeslagen.")
        mode = real.stat().st_mode
        if not mode & stat.S_IWUSR or not os.access(real, os.W_OK):
            raise WorkbookLocked(
                f"De werkmap {path.name} is alleen-lezen; er is niets opgeslagen. Zet 'Alleen-lezen' "
                "uit in de eigenschappen van het bestand en probeer het opnieuw."
            )
    folder = real.parent
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
        raise WorkbookChanged(
            f"De werkmap {Path(path).name} bestaat niet meer (verplaatst, hernoemd of verwijderd nadat orsheet "
            "hem las); er is niets opgeslagen."
        ) from None
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
    target: Path | None = None,
) -> Path | None:
    """Replace ``path`` by what ``write_to(temp_path)`` writes, all or nothing.

    ``write_to`` receives a fresh path in the same folder with the same
    suffix and must write the complete new file there. Returns the backup of
    the previous version (``None`` for a new file or ``backups=0``).

    ``path`` may be a symbolic link: the file replaced is its ``target``
    (``real_path(path)`` unless given, so a caller resolves once), with the
    temporary file and the backup beside it. The write lock is held from the
    last check until the rename. What the system refuses becomes a Dutch
    ``FileSystemError``; the workbook is then unchanged.
    """
    path = Path(path)
    real = Path(target) if target is not None else real_path(path)
    ensure_writable(path)
    lock = WriteLock(real, shown_as=path.name)
    try:
        lock.acquire()
    except OSError as error:
        raise _save_error(error, path, "bij de vergrendeling voor andere orsheets") from None
    with lock:
        if expected is not None:
            ensure_unchanged(real, expected)
        step = "bij het schrijven van de nieuwe versie"
        try:
            handle, name = tempfile.mkstemp(prefix=TEMP_PREFIX, suffix=real.suffix, dir=real.parent)
        except OSError as error:
            raise _save_error(error, path, step) from None
        os.close(handle)
        temp = Path(name)
        try:
            write_to(temp)
            _check_complete(temp, path)
            _fsync(temp)
            if real.exists():
                shutil.copymode(real, temp)
            if expected is not None:
                ensure_unchanged(real, expected)
            step = f"bij de reservekopie in de map {BACKUP_FOLDER}"
            backup = keep_backup(real, backups) if real.exists() and backups > 0 else None
            step = "bij het vervangen van de werkmap"
            os.replace(temp, real)
        except OSError as error:
            temp.unlink(missing_ok=True)
            raise _save_error(error, path, step) from None
        except BaseException:
            temp.unlink(missing_ok=True)
            raise
    _fsync_folder(real.parent)
    _remove_stale_temporaries(real.parent)
    return backup


def _save_error(error: OSError, path: Path, step: str) -> FileSystemError:
    """What the system refused during a save, where, and that the workbook is as it was."""
    return os_error(error, f"Het opslaan van {path.name} is niet gelukt ({step})",
                    outcome="Er is niets gewijzigd: de werkmap is nog zoals hij was.")


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
        from orsheet.ooxml.opc import CONTENT_TYPES
        from orsheet.ooxml.package import Package

        try:
            complete = Package(temp).has(CONTENT_TYPES)  # every entry read back: a truncated one shows here
            problem = None if complete else f"{CONTENT_TYPES} ontbreekt"
        except (zipfile.BadZipFile, EOFError, zlib.error) as error:
            problem = error
        if problem is not None:
            raise WorkbookError(
                f"Het opslaan van {path.name} leverde een onbruikbaar bestand op ({problem}); "
                "er is niets opgeslagen."
            )


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


def keep_backup(path: Path, keep: int) -> Path:
    """Keep the current version of ``path`` in ``backup/`` beside it and drop all but the ``keep`` newest.

    Used for the workbook and for documents orsheet replaces (an agenda edited in Word); raises the
    system's ``OSError`` (a file named backup: ENOTDIR) for the caller to say in Dutch.
    """
    folder = backup_dir(path)
    if not folder.is_dir():
        if folder.exists():
            raise NotADirectoryError(errno.ENOTDIR, os.strerror(errno.ENOTDIR), str(folder))
        folder.mkdir()
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
        try:
            old.unlink(missing_ok=True)
        except OSError:
            pass  # an old backup that stays is no reason to refuse the save
    return target
