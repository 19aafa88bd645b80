"""The macro workbook survives the file backend's saves (VBA, buttons, ribbon, tables, validation).

Fifty saves through the file backend leave the VBA project, the drawing, the
ribbon and the control properties byte-for-byte, and keep the relationships,
button macros, tables and validation that make them work.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from orsheet import schema
from orsheet.build import ribbon
from orsheet.excel.actions import ACTIONS
from orsheet.workbook.base import AppendRows, UpdateCells
from orsheet.workbook.file import FileBackend
from tests.excel_support import build_plain_and_macro
from tests.support.parts import read_parts

SAVES = 50
UNTOUCHED = ("xl/vbaProject.bin", "xl/drawings/vmlDrawing1.vml", ribbon.PART, "xl/ctrlProps/ctrlProp1.xml")


def macro_features(parts: dict[str, bytes]) -> dict[str, object]:
    start = parts["xl/worksheets/sheet1.xml"].decode()
    return {
        "ribbon relationship": ribbon.RELATIONSHIP in parts["_rels/.rels"].decode(),
        "vba relationship": "relationships/vbaProject" in parts["xl/_rels/workbook.xml.rels"].decode(),
        "button macros": re.findall(r'macro="\[0\]!(\w+)"', start),
        "legacy drawing": "<legacyDrawing" in start,
        "tables": sorted(n for n in parts if n.startswith("xl/tables/")),
        "validations": sum(parts[n].count(b"<dataValidation ") for n in parts if n.startswith("xl/worksheets/sheet")),
    }


@pytest.mark.slow
def test_fifty_file_backend_saves_keep_vba_buttons_ribbon_tables_and_validation(tmp_path: Path):
    built = build_plain_and_macro(tmp_path)[1]
    path = tmp_path / "or.xlsm"
    shutil.copyfile(built, path)
    before = read_parts(path)
    FileBackend(path).write([AppendRows(schema.ACTIONS.name, [{schema.NR: 1, schema.ONDERWERP: "Eerste"}])])
    for number in range(2, SAVES + 1):
        FileBackend(path).write([UpdateCells(schema.ACTIONS.name, 2, {schema.OPMERKINGEN: f"opslag {number}"})])
    after = read_parts(path)
    for name in UNTOUCHED:
        assert after.get(name) == before[name], name
    assert macro_features(after) == macro_features(before)
    assert macro_features(after)["button macros"] == [a.macro for a in ACTIONS]
