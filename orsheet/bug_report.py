"""The last resort at the edges: a bug becomes a Dutch message and a log file, never a traceback.

Both edges use it: the command line (``orsheet.cli.run``) and the Excel
buttons (``orsheet.macros``). The technical details go to a log file the
secretary can send along (``ORSHEET_LOG`` chooses another file).

An error Python can no longer raise - a library's file closed by the garbage
collector on a full disk, which Python would print as "Exception ignored in:
... Traceback" - goes to the same log (:func:`late_error_hook`, installed as
``sys.unraisablehook`` by both edges): what the user needs to know was said
already, by the error that came first.
"""

from __future__ import annotations

import os
import tempfile
import traceback
from datetime import datetime
from pathlib import Path

__all__ = ["LOG_ENV", "LOG_NAME", "late_error_hook", "log_path", "log_unraisable", "unexpected_message",
           "write_bug_report"]

LOG_NAME = "orsheet-fouten.log"
LOG_ENV = "ORSHEET_LOG"
UNEXPECTED = (
    "{action} is niet gelukt door een onverwachte fout in orsheet (niet in uw werkmap). Er is niets gewijzigd, "
    "tenzij de melding hieronder anders zegt.\n\n{error}\n\nTechnische details: {log}"
)


def log_path() -> Path:
    return Path(os.environ.get(LOG_ENV) or Path(tempfile.gettempdir()) / LOG_NAME)


def write_bug_report(action: str, error: BaseException, log: Path | None = None) -> Path | None:
    """Append ``error`` with its traceback to ``log`` (default :func:`log_path`); its path, or None
    when it cannot be written."""
    return _append(action, "".join(traceback.format_exception(error)), log)


def _append(action: str, details: str, log: Path | None) -> Path | None:
    path = log or log_path()
    try:
        with path.open("a", encoding="utf-8") as stream:
            stream.write(f"--- {datetime.now():%Y-%m-%d %H:%M:%S} {action}\n")
            stream.write(details)
    except OSError:
        return None
    return path


def log_unraisable(action: str, unraisable, log: Path | None = None) -> Path | None:
    """Write an error Python could not raise (``sys.unraisablehook``'s argument) to the bug log."""
    try:
        where = f"{unraisable.err_msg or 'Exception ignored in'}: {unraisable.object!r}"
    except Exception:  # noqa: BLE001 - a broken __repr__ must not hide the error itself
        where = unraisable.err_msg or "Exception ignored"
    details = "".join(traceback.format_exception(unraisable.exc_type, unraisable.exc_value, unraisable.exc_traceback))
    return _append(f"{action} (achteraf, niet getoond) {where}", details, log)


def late_error_hook(action: str, log: Path | None = None):
    """A ``sys.unraisablehook`` that logs instead of printing "Exception ignored in: ... Traceback"."""

    def hook(unraisable) -> None:
        log_unraisable(action, unraisable, log)

    return hook



def unexpected_message(action: str, error: BaseException, log: Path | None = None) -> str:
    """Log ``error`` and say so in Dutch: what failed, the error in one line, where the details are."""
    path = write_bug_report(action, error, log)
    where = str(path) if path is not None else "(het logbestand kon niet worden geschreven)"
    return UNEXPECTED.format(action=action, error=f"{type(error).__name__}: {error}", log=where)
