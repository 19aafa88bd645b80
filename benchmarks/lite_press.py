"""One xlwings Lite button press, timed in CPython, next to the same service on the file.

The press is "Afgeronde acties sluiten" on a workbook with 10 actions set to
"afgerond": the payload xlwings Lite sends (only the sheets the script
includes) goes into ``xw.Book(json=...)``, through
``xlwings.server.custom_scripts_call`` to the actions handed back to Excel.
Building the payload is Excel's side and not timed. The floor is the same
service through the file backend (read, rules, one save).
"""

from __future__ import annotations

import contextlib
import copy
import io
import os
import shutil
import statistics
import tempfile
import time
from pathlib import Path

from orsheet import schema


def mark_finished(path: Path, count: int = 10) -> Path:
    """Set Status = afgerond on ``count`` open actions, spread over the list (saved in the file).

    The generated workbook has no Deadline (datum) values yet; the first press of any button
    fills them for every open row. That one-off is taken out first, so both sides time a
    press on a workbook in use.
    """
    from orsheet.workbook.base import UpdateCells
    from orsheet.workbook.file import FileBackend

    from orsheet.services.actions import number_actions

    backend = FileBackend(path)
    number_actions(backend)  # settles the computed Deadline (datum) column, as after any earlier press
    rows = backend.read([schema.ACTIONS.name])[schema.ACTIONS.name].rows
    chosen = rows[:: max(1, len(rows) // count)][:count]
    backend.write([UpdateCells(schema.ACTIONS.name, row.number, {schema.STATUS: "afgerond"}) for row in chosen])
    return path


def press_seconds(payload: dict, repeat: int) -> float:
    import asyncio

    import xlwings as xw

    from tests.excel_support import enable_remote_engine, licensed
    from tests.lite_support import payload_for_script, script_meta

    sent = payload_for_script(payload, script_meta("close_finished_actions"))
    times = []
    with licensed(), tempfile.TemporaryDirectory(prefix="orsheet-lite-bench-") as data:
        os.environ["ORSHEET_LITE_DATA"] = data
        import xlwings.server

        import orsheet.lite

        enable_remote_engine()
        for _ in range(repeat):
            request = copy.deepcopy(sent)  # a fresh request each press, as from Excel
            begin = time.perf_counter()
            with contextlib.redirect_stdout(io.StringIO()):  # the message for xlwings Lite's output pane
                book = asyncio.run(xlwings.server.custom_scripts_call(
                    module=orsheet.lite, script_name="close_finished_actions",
                    typehint_to_value={xw.Book: xw.Book(json=request)}))
                actions = book.json()["actions"]
            times.append(time.perf_counter() - begin)
            assert {"rangeDelete", "deleteTableRow"} & {a["func"] for a in actions}, "the press closed nothing"
        os.environ.pop("ORSHEET_LITE_DATA")
    return statistics.median(times)


def file_seconds(path: Path, folder: Path, repeat: int) -> float:
    from orsheet.services.actions import close_actions
    from orsheet.workbook.file import FileBackend

    times = []
    for number in range(repeat):
        target = folder / f"lite-floor-{number}.xlsm"
        shutil.copyfile(path, target)
        begin = time.perf_counter()
        close_actions(FileBackend(target))
        times.append(time.perf_counter() - begin)
        target.unlink()
    return statistics.median(times)


def measure(path: Path, folder: Path, repeat: int) -> dict:
    """``lite_press_s``, ``lite_file_s`` and their ratio for the workbook at ``path``."""
    from tests.excel_support import payload_from_file

    marked = mark_finished(Path(shutil.copyfile(path, folder / "lite-marked.xlsm")))
    payload = payload_from_file(marked)
    figures = {"lite_press_s": press_seconds(payload, repeat), "lite_file_s": file_seconds(marked, folder, repeat)}
    figures["lite_press_ratio"] = figures["lite_press_s"] / figures["lite_file_s"]
    marked.unlink()
    shutil.rmtree(folder / "backup", ignore_errors=True)
    return figures
