"""Shared helpers for the Excel integration tests: build the workbooks once."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from orsheet.excel.package import add_macros
from orsheet.template import build_template


def build_plain_and_macro(folder: Path) -> tuple[Path, Path]:
    """The plain template and the macro workbook built from it, in ``folder``."""
    plain = build_template(folder / "plain.xlsm")
    built = folder / "orsheet.xlsm"
    built.write_bytes(add_macros(plain.read_bytes()))
    return plain, built


def read_parts(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(Path(path).read_bytes())) as archive:
        return {name: archive.read(name) for name in archive.namelist()}
