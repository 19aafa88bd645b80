"""One orsheet at a time on a workbook: an inter-process lock beside the real file.

:class:`WriteLock` uses the ``filelock`` package (``flock`` on local disks,
its own protocol where a share has none). The lock file
``.orsheet-lock.NAME`` lies beside the real workbook (symbolic links
followed), is hidden (a dot-name; Windows' hidden attribute as well) and is
removed when the last holder lets go. :mod:`.safe_save` holds it from the
read a write is based on until the rename.
"""

from __future__ import annotations

import atexit
import os
import threading
import warnings
from dataclasses import dataclass
from pathlib import Path

from orsheet.errors import WorkbookBusy

__all__ = ["LOCK_TIMEOUT", "LOCK_TIMEOUT_ENV", "WriteLock", "real_path", "release_all", "write_lock_path"]

LOCK_PREFIX = ".orsheet-lock."  # not safe_save's TEMP_PREFIX: stale temporaries are removed, a live lock never is
LOCK_TIMEOUT_ENV = "ORSHEET_LOCK_TIMEOUT"
LOCK_TIMEOUT = 5.0  # seconds a second orsheet waits for the first one to finish saving


def real_path(path: Path) -> Path:
    """The file a path means: symbolic links (and Windows junctions) followed to their target."""
    return Path(os.path.realpath(path))


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
