"""The file backend's write path keeps everything of a workbook with VBA, buttons and a ribbon."""

from __future__ import annotations

import zipfile

import shutil
from pathlib import Path

import openpyxl
import pytest

from orsheet.workbook.base import AppendRows, DeleteRows, ReplaceSheet, UpdateCells
from orsheet.ooxml.checks import describe_parts, package_problems
from orsheet.workbook.file import FileBackend
from orsheet.workbook.safe_save import backups_of
from tests.support.rich_xlsm import DATA_SHEET, START_SHEET, build_rich_xlsm
from tests.test_fidelity import OPAQUE_PARTS, sheet_xml


@pytest.fixture(scope="module")
def rich_original(tmp_path_factory) -> Path:
    return build_rich_xlsm(tmp_path_factory.mktemp("rich") / "rich.xlsm")


@pytest.fixture
def rich(rich_original, tmp_path) -> Path:
    copy = tmp_path / "Actielijst OR.xlsm"
    shutil.copyfile(rich_original, copy)
    return copy


def test_file_backend_write_keeps_vba_buttons_ribbon_and_printer_settings(rich):
    before = describe_parts(rich)
    backend = FileBackend(rich)
    backend.read([DATA_SHEET])
    backend.write(
        [
            UpdateCells(DATA_SHEET, 2, {"Status": "afgerond"}),
            DeleteRows(DATA_SHEET, [3]),
            AppendRows(DATA_SHEET, [{"Nr": 31, "Onderwerp": "Nieuw via orsheet"}]),
        ]
    )
    after = describe_parts(rich)
    assert set(after) == set(before)
    assert all(after[name] == before[name] for name in OPAQUE_PARTS)
    assert package_problems(rich) == []
    root = sheet_xml(rich, START_SHEET)
    assert root.find(".//{*}controls") is not None and root.find("{*}legacyDrawing") is not None
    assert len(backups_of(rich)) == 1


def test_file_backend_write_changes_the_cells_it_was_asked_to_change(rich):
    FileBackend(rich).write([AppendRows(DATA_SHEET, [{"Nr": 31, "Onderwerp": "Nieuw via orsheet"}])])
    sheet = openpyxl.load_workbook(rich)[DATA_SHEET]
    assert sheet["B32"].value == "Nieuw via orsheet"
    assert sheet.tables["Acties"].ref == "A1:E32"


def test_ten_backend_saves_neither_grow_nor_lose_anything(rich):
    backend = FileBackend(rich)
    backend.write([UpdateCells(DATA_SHEET, 2, {"Status": "in behandeling"})])
    first, size = describe_parts(rich), rich.stat().st_size
    for n in range(9):
        backend.write([UpdateCells(DATA_SHEET, 2, {"Status": "in behandeling"})])
    last = describe_parts(rich)
    assert set(last) == set(first)
    assert {name for name in first if first[name] != last[name]} <= {"docProps/core.xml"}
    assert abs(rich.stat().st_size - size) <= 16
    assert len(backups_of(rich)) == 10


def test_a_generated_sheet_is_added_without_losing_anything_or_breaking_the_package(rich):
    before = describe_parts(rich)
    rows = [["Nr", "Onderwerp"], ["1", "Opening"], ["2", "Rondvraag"]]
    FileBackend(rich).write([ReplaceSheet("Agenda", rows, widths=(6, 40))])
    after = describe_parts(rich)
    assert set(before) <= set(after)
    # The VBA project gains the new sheet's document module (as Excel adds one); all else is kept.
    assert all(after[name] == before[name] for name in OPAQUE_PARTS if name != "xl/vbaProject.bin")
    from orsheet.ooxml.vba_sheets import module_names

    with zipfile.ZipFile(rich) as archive:
        added = module_names(archive.read("xl/vbaProject.bin"))[-1].startswith("Sheet")
    assert added
    assert package_problems(rich) == []
    book = openpyxl.load_workbook(rich)
    assert book["Agenda"]["B3"].value == "Rondvraag"
    assert sheet_xml(rich, START_SHEET).find(".//{*}controls") is not None
