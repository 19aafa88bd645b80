"""Appending to a long sheet parses only its first and last rows (Package.xml_window); the rows
between are written back as their very bytes, and the result is the XML a whole parse gives."""

from __future__ import annotations

import shutil
from pathlib import Path

import openpyxl
import pytest
from lxml import etree

from orsheet.ooxml import opc
from orsheet.ooxml.package import Package
from orsheet.workbook.base import AppendRows, UpdateCells
from orsheet.workbook.file import FileBackend
from tests.support.rich_xlsm import DATA_SHEET, build_rich_xlsm

NEW_ROWS = [{"Nr": 31, "Onderwerp": "Nieuw via orsheet"}, {"Nr": 32, "Onderwerp": "Nog een\nmet twee regels"}]


@pytest.fixture(scope="module")
def long_original(tmp_path_factory) -> Path:
    return build_rich_xlsm(tmp_path_factory.mktemp("window") / "lang.xlsm", rows=60)


def _copy(source: Path, folder: Path, name: str) -> Path:
    target = folder / name
    shutil.copyfile(source, target)
    return target


def _part_bytes(path: Path, sheet: str) -> bytes:
    package = Package(path)
    return package.get(package.sheet_parts()[sheet])


def _canonical(data: bytes) -> bytes:
    return etree.tostring(etree.fromstring(data), method="c14n")


def test_appending_through_a_window_writes_the_same_sheet_as_parsing_it_whole(long_original, tmp_path, monkeypatch):
    windowed = _copy(long_original, tmp_path, "venster.xlsm")
    FileBackend(windowed).write([AppendRows(DATA_SHEET, NEW_ROWS)])
    whole = _copy(long_original, tmp_path, "heel.xlsm")
    with monkeypatch.context() as patch:
        patch.setattr(opc, "_split_rows", lambda raw, keep: None)
        FileBackend(whole).write([AppendRows(DATA_SHEET, NEW_ROWS)])
    assert _canonical(_part_bytes(windowed, DATA_SHEET)) == _canonical(_part_bytes(whole, DATA_SHEET))
    sheet = openpyxl.load_workbook(windowed)[DATA_SHEET]
    assert [sheet.cell(row, 2).value for row in (62, 63)] == ["Nieuw via orsheet", "Nog een\nmet twee regels"]
    assert sheet.tables["Acties"].ref.endswith("63")


def test_rows_an_append_does_not_touch_keep_their_bytes(long_original, tmp_path):
    before = _part_bytes(long_original, DATA_SHEET)
    path = _copy(long_original, tmp_path, "lang.xlsm")
    FileBackend(path).write([AppendRows(DATA_SHEET, NEW_ROWS)])
    after = _part_bytes(path, DATA_SHEET)
    start, end = before.index(b'<row r="3"'), before.index(b'<row r="50"')
    assert before[start:end] in after
    assert b"orsheet:rows" not in after


def test_an_edit_between_the_first_and_last_rows_parses_the_whole_sheet(long_original, tmp_path):
    path = _copy(long_original, tmp_path, "lang.xlsm")
    FileBackend(path).write([UpdateCells(DATA_SHEET, 30, {"Onderwerp": "Midden"}), AppendRows(DATA_SHEET, NEW_ROWS)])
    sheet = openpyxl.load_workbook(path)[DATA_SHEET]
    assert sheet.cell(30, 2).value == "Midden"
    assert sheet.cell(62, 2).value == "Nieuw via orsheet"
    assert sheet.cell(29, 2).value is not None and sheet.cell(31, 2).value is not None


def test_a_window_that_is_not_changed_saves_the_part_as_it_came(long_original):
    package = Package(long_original)
    part = package.sheet_parts()[DATA_SHEET]
    root, window = package.xml_window(part)
    assert window and b"orsheet:rows" in etree.tostring(root)
    assert package.get(part) == _part_bytes(long_original, DATA_SHEET)
    assert _canonical(etree.tostring(package.widen(part))) == _canonical(_part_bytes(long_original, DATA_SHEET))
