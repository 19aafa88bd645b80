"""Pressing an xlwings Lite button the way xlwings' Wasm runtime does it.

The add-in reads the script's ``include``/``exclude`` from
``custom_scripts_meta``, sends every sheet (an excluded one without values,
tables or shapes, as xlwings' Office.js client does), awaits
``xlwings.server.custom_scripts_call`` and applies ``book.json()``'s actions.
The Excel side is the stand-in of :mod:`tests.excel_support`.
"""

from __future__ import annotations

import asyncio
import copy
import datetime as dt
from pathlib import Path

from tests.excel_support import FakeExcelClient, enable_remote_engine, licensed, payload_from_file

# The registering @script is xlwings.server's, which needs a licence key outside xlwings Lite: import
# orsheet.lite once with the key set, before any test does, or its scripts are not registered.
with licensed():
    import orsheet.lite  # noqa: F401


def script_meta(name: str) -> dict:
    with licensed():
        import xlwings.server

        import orsheet.lite

        return next(m for m in xlwings.server.custom_scripts_meta(orsheet.lite) if m["function_name"] == name)


def payload_for_script(payload: dict, meta: dict) -> dict:
    """What the client sends for this script: excluded sheets keep only their name."""
    include = [s.strip() for s in (meta.get("include") or "").split(",") if s.strip()]
    exclude = [s.strip() for s in (meta.get("exclude") or "").split(",") if s.strip()]
    sent = copy.deepcopy(payload)
    for sheet in sent["sheets"]:
        if (include and sheet["name"] not in include) or sheet["name"] in exclude:
            sheet.update(values=[[]], tables=[], pictures=[])
    return sent


def press_lite(client: FakeExcelClient, name: str, *args, selection: tuple[str, str] | None = None) -> dict:
    """Run script ``name`` (the function name) with form ``args``; apply what it asks Excel to do.

    ``selection`` = (sheet, "A5") is what the secretary selected before
    pressing the button in the task pane. Returns the sent payload's size and the actions.
    """
    import xlwings as xw

    with licensed():
        import orsheet.lite

    if selection is not None:
        sheet, address = selection
        names = [s["name"] for s in client.payload["sheets"]]
        client.payload["book"].update(active_sheet_index=names.index(sheet), selection=address)
    sent = payload_for_script(client.payload, script_meta(name))
    with licensed():
        import xlwings.server

        enable_remote_engine()
        book = xw.Book(json=copy.deepcopy(sent))
        wire = [_on_the_wire(a) for a in args]
        returned = asyncio.run(xlwings.server.custom_scripts_call(
            module=orsheet.lite, script_name=name, typehint_to_value={xw.Book: book}, args=wire))
        actions = returned.json()["actions"]
    client.apply(actions)
    return {"sent": sent, "actions": actions}


def _on_the_wire(value):
    """Form values arrive as JSON: a date as its ISO text."""
    return value.isoformat() if isinstance(value, dt.date) else value


def lite_client(path: Path) -> FakeExcelClient:
    return FakeExcelClient(payload_from_file(path))


def result_text(client: FakeExcelClient) -> str:
    """The result cell on Start after a press."""
    from orsheet.lite_buttons import RESULT_CELL

    start = next(s for s in client.payload["sheets"] if s["name"] == "Start")["values"]
    row, column = int(RESULT_CELL[1:]) - 1, ord(RESULT_CELL[0]) - ord("A")
    return start[row][column] if row < len(start) and column < len(start[row]) else ""


def lite_workbook(path: Path, rows: dict[str, list[dict]] | None = None, *, organisation: str = "") -> Path:
    """A real ``orsheet new --lite`` workbook at ``path`` (.xlsx) holding ``rows`` per sheet."""
    import shutil

    from orsheet import schema
    from orsheet.services.common import load_actions, open_workbook, set_setting
    from orsheet.template_file import lite_template_path
    from orsheet.workbook.base import AppendRows

    shutil.copyfile(lite_template_path(), path)  # what `orsheet new --lite` writes
    backend = open_workbook(path)
    edits = [AppendRows(sheet, sheet_rows) for sheet, sheet_rows in (rows or {}).items()]
    if organisation:
        edits.append(set_setting(load_actions(backend).settings, schema.SETTING_ORGANISATION, organisation))
    if edits:
        backend.write(edits)
    return path


def demo_workbook(path: Path) -> Path:
    """The demo council (orsheet.demo_data) in a --lite workbook, before any button."""
    from orsheet import demo_data

    return lite_workbook(path, demo_data.rows(), organisation=demo_data.ORGANISATION)


def rows_of(payload: dict, sheet: str) -> list[tuple[int, dict]]:
    """Sheet ``sheet`` of a client payload as the live backend reads it: (row, values) per row."""
    import xlwings as xw

    from orsheet.workbook.xlwings_backend import XlwingsBackend

    with licensed():
        enable_remote_engine()
        table = XlwingsBackend(xw.Book(json=copy.deepcopy(payload))).read([sheet])[sheet]
    return [(row.number, row.values) for row in table.rows]
