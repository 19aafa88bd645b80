"""Atomic saves with a backup, and refusal to write a workbook in use.

(Minimal first version; the fidelity branch replaces it with the full one.)
"""

from __future__ import annotations

import os
import shutil
import tempfile
from datetime import datetime
from pathlib import Path
from typing import Callable

from orsheet.errors import WorkbookLocked


def lock_file(path: Path) -> Path:
    return path.with_name("~$" + path.name)


def ensure_writable(path: Path) -> None:
    if lock_file(path).exists():
        raise WorkbookLocked(f"{path.name} is geopend in Excel (vergrendelbestand {lock_file(path).name}); sluit de werkmap en probeer opnieuw. Er is niets opgeslagen.")
    if path.exists() and not os.access(path, os.W_OK):
        raise WorkbookLocked(f"{path.name} is alleen-lezen; er is niets opgeslagen.")


def file_stamp(path: Path) -> tuple[int, int]:
    stat = path.stat()
    return stat.st_size, stat.st_mtime_ns


def atomic_save(path: Path, write_to: Callable[[Path], None], *, backups: int = 10) -> None:
    ensure_writable(path)
    fd, name = tempfile.mkstemp(prefix=".orsheet-", suffix=path.suffix, dir=path.parent)
    os.close(fd)
    temp = Path(name)
    try:
        write_to(temp)
        with open(temp, "rb+") as handle:
            os.fsync(handle.fileno())
        if path.exists():
            folder = path.parent / "backup"
            folder.mkdir(exist_ok=True)
            stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")
            shutil.copy2(path, folder / f"{path.stem} {stamp}{path.suffix}")
            old = sorted(folder.glob(f"{path.stem} *{path.suffix}"))
            for extra in old[:-backups]:
                extra.unlink()
        os.replace(temp, path)
    finally:
        temp.unlink(missing_ok=True)
