"""The demo workbook as ``orsheet demo`` leaves it, without its documents: a real file to change one part of."""

from __future__ import annotations

import shutil
from pathlib import Path

from orsheet import demo_data, schema
from orsheet.services.actions import close_actions, number_actions
from orsheet.services.common import load_actions, set_setting
from orsheet.template_file import template_path
from orsheet.workbook.base import AppendRows
from orsheet.workbook.file import FileBackend

ACTIES_PART = "xl/worksheets/sheet2.xml"
ARCHIEF_PART = "xl/worksheets/sheet3.xml"


def build_demo(path: Path) -> Path:
    """The demo's rows, numbered, 201 and 205 closed. Acties holds 112 (row 2), 187 (row 3), 203, 204,
    206, 207 (row 7) in the table A1:K7."""
    shutil.copyfile(template_path(), path)
    backend = FileBackend(path)
    edits = [AppendRows(sheet, rows) for sheet, rows in demo_data.rows().items()]
    edits.append(set_setting(load_actions(backend).settings, schema.SETTING_ORGANISATION, demo_data.ORGANISATION))
    backend.write(edits)
    number_actions(FileBackend(path))
    close_actions(FileBackend(path), demo_data.CLOSE_NUMBERS, demo_data.CLOSE_DATE)
    return path
