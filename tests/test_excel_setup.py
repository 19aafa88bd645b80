"""`orsheet setup-excel`: the interpreter goes into xlwings.conf, nothing else changes."""

from __future__ import annotations

import shutil
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner

from orsheet.cli import main
from orsheet.errors import InputError
from orsheet.excel import conf_sheet
from orsheet.excel.setup import current_platform, default_interpreter, setup_excel
from tests.excel_support import build_plain_and_macro
from tests.support.parts import read_parts

CONF_PART = "xl/worksheets/sheet10.xml"


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> tuple[Path, Path]:
    return build_plain_and_macro(tmp_path_factory.mktemp("setup"))


@pytest.fixture
def workbook(built, tmp_path) -> Path:
    path = tmp_path / "or.xlsm"
    shutil.copyfile(built[1], path)
    return path


def conf_values(path: Path) -> dict[str, object]:
    sheet = openpyxl.load_workbook(path)[conf_sheet.SHEET_NAME]
    return {row[0]: row[1] for row in sheet.iter_rows(max_col=2, values_only=True) if row[0]}


def run(*args: str):
    return CliRunner().invoke(main, list(args))


def test_setup_excel_writes_the_windows_interpreter_into_xlwings_conf(workbook):
    result = run("setup-excel", str(workbook), "--platform", "win", "--interpreter", r"C:\Python312\pythonw.exe")
    assert result.exit_code == 0, result.output
    assert conf_values(workbook)[conf_sheet.INTERPRETER_WIN] == r"C:\Python312\pythonw.exe"
    assert "Interpreter_Win" in result.output


def test_setup_excel_changes_no_other_part_of_the_workbook(workbook):
    before = read_parts(workbook)
    setup_excel(workbook, platform="mac", interpreter="/usr/local/bin/python3")
    after = read_parts(workbook)
    assert sorted(before) == sorted(after)
    assert [n for n in before if before[n] != after[n]] == [CONF_PART]


def test_running_setup_excel_twice_updates_the_same_cell(workbook):
    setup_excel(workbook, platform="win", interpreter="C:/eerste/python.exe")
    setup_excel(workbook, platform="win", interpreter="C:/tweede/python.exe", pythonpath="C:/orsheet")
    values = conf_values(workbook)
    assert values[conf_sheet.INTERPRETER_WIN] == "C:/tweede/python.exe"
    assert values["PYTHONPATH"] == "C:/orsheet"
    assert list(values).count(conf_sheet.INTERPRETER_WIN) == 1
    assert list(values)[: len(conf_sheet.SETTINGS)] == [key for key, _ in conf_sheet.SETTINGS]


def test_on_windows_the_windowless_python_next_to_this_one_is_preferred(tmp_path):
    (tmp_path / "python.exe").write_bytes(b"")
    (tmp_path / "pythonw.exe").write_bytes(b"")
    assert default_interpreter("win", str(tmp_path / "python.exe")) == str(tmp_path / "pythonw.exe")
    assert default_interpreter("mac", str(tmp_path / "python.exe")) == str(tmp_path / "python.exe")


def test_a_computer_without_excel_must_name_the_platform_in_dutch():
    with pytest.raises(InputError, match="--platform win of --platform mac"):
        current_platform("linux")
    assert current_platform("win32") == "win" and current_platform("darwin") == "mac"


def test_a_workbook_without_xlwings_conf_gets_a_dutch_error_and_is_not_written(built, tmp_path):
    plain = tmp_path / "plain.xlsm"
    shutil.copyfile(built[0], plain)
    before = plain.read_bytes()
    result = run("setup-excel", str(plain), "--platform", "win", "--interpreter", "python.exe")
    assert result.exit_code == 1
    assert "heeft geen blad xlwings.conf" in result.output
    assert plain.read_bytes() == before


def test_a_workbook_open_in_excel_is_not_written(workbook):
    (workbook.parent / f"~${workbook.name}").write_bytes(b"")
    before = workbook.read_bytes()
    result = run("setup-excel", str(workbook), "--platform", "win", "--json")
    assert result.exit_code == 1
    assert '"error"' in result.output and "geopend in Excel" in result.output
    assert workbook.read_bytes() == before
