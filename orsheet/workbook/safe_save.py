"""Saving the council's only workbook without ever leaving it broken.

* :class:`WorkbookFile` is what a backend keeps between reading the workbook
  and saving it: it takes the write lock (:class:`WriteLock`, one orsheet at a
  time) before the read, remembers the file's stamp, and saves through
  :func:`atomic_save` before it lets the lock go. A workbook path that is a
  symbolic link is resolved once: lock, temporary file and backup lie beside
  the real file, which is replaced; the link stays a link.
* :func:`require_workbook_file` refuses, in Dutch, what is not an Excel
  workbook at all (a folder, an empty file, a Word document renamed .xlsm,
  a zip without a workbook part, a password-protected file).
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

import atexit
import os
import re
import shutil
import stat
import tempfile
import threading
import time
import unicodedata
import warnings
import zipfile
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Callable

from orsheet.errors import FileSystemError, WorkbookBusy, WorkbookChanged, WorkbookError, WorkbookLocked, os_error

__all__ = [
    "FileStamp", "WorkbookFile", "WriteLock", "atomic_save", "backup_dir", "backups_of", "ensure_writable",
    "file_stamp", "lock_files", "real_path", "release_all", "require_workbook_file", "write_lock_path",
]

BACKUP_FOLDER = "backup"
TEMP_PREFIX = ".~orsheet-"
LOCK_PREFIX = ".orsheet-lock."  # not TEMP_PREFIX: stale temporaries are removed, a live lock never is
LOCK_TIMEOUT_ENV = "ORSHEET_LOCK_TIMEOUT"
LOCK_TIMEOUT = 5.0  # seconds a second orsheet waits for the first one to finish saving
_ZIP_SUFFIXES = {".xlsx", ".xlsm", ".xltx", ".xltm", ".docx", ".zip"}


@dataclass(frozen=True)
class FileStamp:
    """Enough to notice that a file changed: size and modification time (ns)."""

    size: int
    mtime_ns: int


def file_stamp(path: Path) -> FileStamp:
    info = os.stat(path)
    return FileStamp(info.st_size, info.st_mtime_ns)


def real_path(path: Path) -> Path:
    """The file a path means: symbolic links (and Windows junctions) followed to their target."""
    return Path(os.path.realpath(path))


# -- what is an Excel workbook at all -----------------------------------------------

_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_OFFICE_DOCUMENT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"
_CONTENT_TYPES_NS = "{http://schemas.openxmlformats.org/package/2006/content-types}"
_OTHER_OFFICE_FILES = {"wordprocessingml": "een Word-document", "presentationml": "een PowerPoint-presentatie"}


def require_workbook_file(path: Path) -> None:
    """Raise a Dutch ``WorkbookError`` unless ``path`` is a readable Excel workbook package.

    Cheap checks only (the zip directory, ``[Content_Types].xml`` and the
    package relationships); a workbook damaged inside a sheet is found by
    the reader.
    """
    path = Path(path)
    name = path.name
    if path.is_dir():
        raise WorkbookError(f"{path} is een map, geen Excel-werkmap.")
    if not path.exists():
        raise WorkbookError(f"werkmap {path} niet gevonden")
    try:
        with open(path, "rb") as stream:
            head = stream.read(8)
    except OSError as error:
        raise os_error(error, f"{name} kan niet worden gelezen", outcome="") from None
    if not head:
        raise WorkbookError(f"{name} is leeg (0 bytes) en dus geen Excel-werkmap.{_backup_hint(path)}")
    if head == _OLE_MAGIC:
        raise WorkbookError(
            f"{name} is een Excel-bestand in de oude vorm (.xls) of met een wachtwoord beveiligd; orsheet leest "
            "alleen .xlsm en .xlsx zonder wachtwoord. Sla het in Excel op als .xlsm (zonder wachtwoord)."
        )
    problem = _package_problem(path)
    if problem:
        raise WorkbookError(f"{name} {problem}{_backup_hint(path)}")


def _package_problem(path: Path) -> str | None:
    """What keeps ``path`` from being a workbook package, as the rest of a Dutch sentence."""
    from xml.etree import ElementTree

    try:
        with zipfile.ZipFile(path) as archive:
            names = set(archive.namelist())
            if "[Content_Types].xml" not in names or "_rels/.rels" not in names:
                return "is een zip-bestand, maar geen Excel-werkmap (de onderdelen van een werkmap ontbreken)."
            types = ElementTree.fromstring(archive.read("[Content_Types].xml"))
            relationships = ElementTree.fromstring(archive.read("_rels/.rels"))
    except (zipfile.BadZipFile, OSError, ValueError, ElementTree.ParseError, EOFError, RuntimeError):
        return "is geen geldige Excel-werkmap: beschadigd (onvolledig opgeslagen?) of een ander soort bestand."
    main = next((r.get("Target", "") for r in relationships if r.get("Type") == _OFFICE_DOCUMENT), None)
    if main is None:
        return "is geen Excel-werkmap (er is geen werkmap-onderdeel in het bestand)."
    main = main.lstrip("/")
    overrides = {o.get("PartName", "").lstrip("/"): o.get("ContentType", "") for o in types.iter(f"{_CONTENT_TYPES_NS}Override")}
    content_type = overrides.get(main, "")
    for marker, kind in _OTHER_OFFICE_FILES.items():
        if marker in content_type:
            return f"is {kind}, geen Excel-werkmap (alleen de naam eindigt op {path.suffix})."
    if "spreadsheetml" not in content_type and "ms-excel" not in content_type:
        return "is geen Excel-werkmap (het hoofdonderdeel is geen werkmap)."
    if main not in names:
        return f"is beschadigd: het werkmap-onderdeel {main} ontbreekt."
    return None


def _backup_hint(path: Path) -> str:
    kept = backups_of(path)
    if not kept:
        return ""
    return f" De nieuwste reservekopie is {BACKUP_FOLDER}/{kept[-1].name}."


# -- one writer at a time --------------------------------------------------------------


def write_lock_path(path: Path) -> Path:
    """The hidden lock file beside the real workbook that orsheets use to take turns."""
    real = real_path(path)
    return real.parent / f"{LOCK_PREFIX}{real.name}"


def lock_timeout() -> float:
    try:
        return float(os.environ.get(LOCK_TIMEOUT_ENV, LOCK_TIMEOUT))
    except ValueError:
        return LOCK_TIMEOUT


@dataclass
class _Hold:
    lock: object  # filelock.FileLock
    count: int


_holds: dict[Path, _Hold] = {}
_holds_guard = threading.RLock()


class WriteLock:
    """The inter-process lock on one workbook (``filelock``; local disks and SMB shares).

    Only one orsheet process at a time holds it; a second one waits up to
    ``ORSHEET_LOCK_TIMEOUT`` seconds (default 5) and then stops with
    ``WorkbookBusy``. Within one process the lock is shared (counted), so
    two backends on the same file do not wait for each other. The lock file
    is hidden and removed when the last holder lets go.
    """

    def __init__(self, path: Path, shown_as: str | None = None):
        self.file = write_lock_path(path)
        self.shown_as = shown_as or Path(path).name
        self._hold: _Hold | None = None

    @property
    def held(self) -> bool:
        """Whether this lock is held (:func:`release_all` may have let go of it meanwhile)."""
        return self._hold is not None and _holds.get(self.file) is self._hold

    def acquire(self) -> None:
        if self.held:
            return
        with _holds_guard:
            hold = _holds.get(self.file)
            if hold is None:
                hold = _Hold(self._take(), 0)
                _holds[self.file] = hold
            hold.count += 1
        self._hold = hold

    def _take(self):
        import filelock

        lock = filelock.FileLock(self.file, timeout=lock_timeout(), thread_local=False)
        try:
            with warnings.catch_warnings():  # e.g. "flock not supported ... falling back": fine, not for the user
                warnings.simplefilter("ignore")
                lock.acquire()
        except filelock.Timeout:
            raise WorkbookBusy(
                f"De werkmap {self.shown_as} wordt al bijgewerkt door een andere orsheet; probeer het zo "
                "opnieuw. Er is niets gewijzigd."
            ) from None
        _hide(self.file)
        return lock

    def release(self) -> None:
        if self.held:
            _let_go(self.file)
        self._hold = None

    def __enter__(self) -> "WriteLock":
        self.acquire()
        return self

    def __exit__(self, *exc) -> None:
        self.release()

    def __del__(self) -> None:
        try:
            self.release()
        except Exception:  # noqa: BLE001 - interpreter shutdown
            pass


def _let_go(file: Path, everything: bool = False) -> None:
    """One holder less; the last one removes the lock file and unlocks it."""
    with _holds_guard:
        hold = _holds.get(file)
        if hold is None:
            return
        hold.count = 0 if everything else hold.count - 1
        if hold.count > 0:
            return
        del _holds[file]
        if os.name != "nt":
            # Unlinked while still held: a waiter that opened this inode finds it gone after
            # winning it and tries again on a new file (filelock checks st_nlink), so no two
            # orsheets ever hold "the" lock. On Windows filelock removes the file itself.
            try:
                os.unlink(file)
            except OSError:
                pass
        try:
            hold.lock.release()
        except OSError:
            pass


@atexit.register
def release_all() -> None:
    """Let go of every write lock this process holds (the end of a command, or of the process)."""
    with _holds_guard:
        for file in list(_holds):
            _let_go(file, everything=True)


def _hide(path: Path) -> None:
    """Give the lock file Windows' hidden attribute (its dot-name hides it elsewhere)."""
    if os.name != "nt":
        return
    try:
        import ctypes

        ctypes.windll.kernel32.SetFileAttributesW(str(path), 0x2)  # FILE_ATTRIBUTE_HIDDEN
    except (OSError, AttributeError):
        pass


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
            backup = _keep_backup(real, backups) if real.exists() and backups > 0 else None
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
    if not folder.is_dir():
        if folder.exists():
            raise FileSystemError(
                f"Het opslaan van {path.name} is niet gelukt: {folder} is geen map, dus er kan geen reservekopie "
                "in. Er is niets gewijzigd: de werkmap is nog zoals hij was."
            )
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
