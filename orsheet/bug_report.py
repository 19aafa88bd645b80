"""The last resort at the edges: a bug becomes a Dutch message and a log file, never a traceback.

Both edges use it: the command line (``orsheet.cli.run``) and the Excel
buttons (``orsheet.macros``). The technical details go to a log file the
secretary can send along (``ORSHEET_LOG`` chooses another file).
"""

from __future__ import annotations

import os
import tempfile
import traceback
from datetime import datetime
from pathlib import Path

__all__ = ["LOG_ENV", "LOG_NAME", "log_path", "unexpected_message", "write_bug_report"]

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
    path = log or log_path()
    try:
        with path.open("a", encoding="utf-8") as stream:
            stream.write(f"--- {datetime.now():%Y-%m-%d %H:%M:%S} {action}\n")
            stream.write("".join(traceback.format_exception(error)))
    except OSError:
        return None
    return path


def unexpected_message(action: str, error: BaseException, log: Path | None = None) -> str:
    """Log ``error`` and say so in Dutch: what failed, the error in one line, where the details are."""
    path = write_bug_report(action, error, log)
    where = str(path) if path is not None else "(het logbestand kon niet worden geschreven)"
    return UNEXPECTED.format(action=action, error=f"{type(error).__name__}: {error}", log=where)
