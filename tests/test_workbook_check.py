"""The workbook check reads the package through the one package layer: damage in any entry is named in Dutch."""

from __future__ import annotations

import struct
import zipfile
from datetime import date
from pathlib import Path

import click
import pytest

from orsheet.commands._common import DATE
from orsheet.errors import WorkbookError
from orsheet.workbook.workbook_check import require_workbook_file


def damage_entry(path: Path, name: str) -> None:
    """Flip one byte in the middle of ``name``'s compressed data, as a bad disk or a cut-off copy would."""
    with zipfile.ZipFile(path) as archive:
        info = archive.getinfo(name)
    data = bytearray(path.read_bytes())
    name_length, extra_length = struct.unpack("<HH", data[info.header_offset + 26:info.header_offset + 30])
    start = info.header_offset + 30 + name_length + extra_length
    data[start + info.compress_size // 2] ^= 0xFF
    path.write_bytes(bytes(data))


def test_a_damaged_worksheet_entry_is_refused_before_any_reader_sees_it(template_copy: Path):
    with zipfile.ZipFile(template_copy) as archive:
        sheet = next(n for n in archive.namelist() if n.startswith("xl/worksheets/sheet"))
    damage_entry(template_copy, sheet)
    with pytest.raises(WorkbookError, match="is geen geldige Excel-werkmap: beschadigd"):
        require_workbook_file(template_copy)


def test_an_intact_workbook_passes_the_check(template_copy: Path):
    assert require_workbook_file(template_copy).has("xl/workbook.xml")


def test_every_date_option_reads_a_date_as_a_datum_cell_does():
    assert DATE.convert("26.10.2023", None, None) == date(2023, 10, 26)
    assert DATE.convert("2023-10-26", None, None) == date(2023, 10, 26)
    assert DATE.convert("26-10-2023", None, None) == date(2023, 10, 26)
    with pytest.raises(click.BadParameter, match="'volgende week' is geen datum"):
        DATE.convert("volgende week", None, None)
    with pytest.raises(click.BadParameter, match='datum "1899-12-31" ligt voor 01-03-1900'):
        DATE.convert("1899-12-31", None, None)
