"""A workbook's package parts in tests: read them, rewrite some, make variants of the template."""

from __future__ import annotations

import io
import shutil
import zipfile
from pathlib import Path

from orsheet.template_file import template_path


def read_parts(path: Path) -> dict[str, bytes]:
    """Every part by name (read from the bytes, so the file is not held open)."""
    with zipfile.ZipFile(io.BytesIO(Path(path).read_bytes())) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def write_parts(path: Path, changed: dict[str, bytes]) -> Path:
    """Rewrite ``path`` with some parts replaced (the others as they were)."""
    every = read_parts(path) | changed
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in every.items():
            archive.writestr(name, data)
    return path


def replace_in(path: Path, part: str, old: str, new: str) -> Path:
    """Replace the first ``old`` in one part (which must hold it)."""
    text = read_parts(path)[part].decode()
    assert old in text, (part, old)
    return write_parts(path, {part: text.replace(old, new, 1).encode()})


def template_with_1904_dates(path: Path) -> Path:
    """The template at ``path``, declaring the 1904 date system as a Mac workbook may."""
    shutil.copyfile(template_path(), path)
    return replace_in(path, "xl/workbook.xml", "<workbookPr", '<workbookPr date1904="1"')
