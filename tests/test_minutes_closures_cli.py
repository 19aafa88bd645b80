"""Review 2's A5 and A6 through the CLI on a real .xlsm: a Dutch message, exit 1, nothing written.

The rules are pinned in tests/test_minutes_closures_guard.py (which mutmut runs: it needs no template).
"""

from __future__ import annotations

from datetime import date

from orsheet import schema
from orsheet.dutch import OV_MEETING
from orsheet.workbook.base import AppendRows
from orsheet.workbook.file import FileBackend
from tests.minutes_support import file_workbook
from tests.support.cli import run

TEXT = "Notulen OR 9 november 2023\n\n4. Actielijst\n\nActie 325 is afgerond.\n"
SEP_14 = date(2023, 9, 14)


def minutes_file(tmp_path, text: str, name: str = "notulen.txt"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_minutes_cli_with_nul_text_exits_1_with_the_message_and_writes_nothing(tmp_path):
    workbook = file_workbook(tmp_path, "2023-09-28")
    before = workbook.read_bytes()
    path = tmp_path / "zonder-bom.txt"
    path.write_bytes(TEXT.encode("utf-16-le"))
    result = run("minutes", workbook, path, "--meeting", "2023-11-09", "--apply")
    assert result.exit_code == 1 and "zonder-bom.txt kan niet worden gelezen" in result.output
    assert "Traceback" not in result.output and workbook.read_bytes() == before


# ------------------------------------------------------- A6: two meetings on the minutes' date


def test_minutes_cli_for_a_day_with_two_meetings_exits_1_naming_both_and_writes_nothing(tmp_path):
    workbook = file_workbook(tmp_path, "2023-09-28")
    FileBackend(workbook).write([AppendRows(schema.MEETINGS.name, [
        {schema.DATUM: SEP_14, "Soort": "OR-vergadering"}, {schema.DATUM: SEP_14, "Soort": OV_MEETING}])])
    before = workbook.read_bytes()
    minutes = minutes_file(tmp_path, "Notulen 14-09-2023\n\n1. Werkdruk\n\n(actie: Frank stuurt de cijfers)\n")
    result = run("minutes", workbook, minutes, "--apply")
    assert result.exit_code == 1 and "Fout:" in result.output
    assert "OR-vergadering, Overlegvergadering" in result.output and "--kind" in result.output
    assert workbook.read_bytes() == before
    assert run("minutes", workbook, minutes, "--kind", "OV").exit_code == 0
