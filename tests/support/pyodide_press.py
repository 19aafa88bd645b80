# Runs inside Pyodide (tests/test_lite_pyodide.py): press xlwings Lite scripts the way its runtime does.
# input.json: {"presses": [[script name, payload as sent, {options}], ...]}; the result: JSON with the actions of each.
# Options: "formulas" {sheet: {cell: "=..."}} the add-in reports, "refuse" {code, message}: Excel refuses the changes,
# "no_range_data": the add-in cannot fetch formulas (an older one).
import json
import os
import sys

os.environ["XLWINGS_LICENSE_KEY"] = "noncommercial"  # xlwings' remote engine outside xlwings Lite itself
os.environ["ORSHEET_LITE_DATA"] = "/tmp/data"
os.makedirs("/tmp/data", exist_ok=True)

import xlwings as xw  # noqa: E402
import xlwings.server  # noqa: E402

import orsheet.lite  # noqa: E402

import js  # noqa: E402 - the JS side: tests/support/pyodide_run.mjs's stand-in for xlwings Lite's add-in
from pyodide.ffi import to_js  # noqa: E402

request = json.load(open("/home/pyodide/input.json", encoding="utf-8"))
pressed = []
for name, payload, *options in request["presses"]:
    options = options[0] if options else {}
    js.orsheetPress.formulas = to_js(options.get("formulas", {}), dict_converter=js.Object.fromEntries)
    js.orsheetPress.values = to_js({s["name"]: s["values"] for s in payload["sheets"]},
                                   dict_converter=js.Object.fromEntries)
    js.orsheetPress.refuse = to_js(options["refuse"], dict_converter=js.Object.fromEntries) if options.get("refuse") else None
    js.orsheetPress.noRangeData = bool(options.get("no_range_data"))
    js.orsheetPress.flushed = to_js([])
    book = await xlwings.server.custom_scripts_call(  # noqa: F704 - top-level await in Pyodide
        module=orsheet.lite, script_name=name, typehint_to_value={xw.Book: xw.Book(json=payload)})
    # what the script handed to Excel itself (await book.flush()), then what goes back with the response
    # (to_js turns None into undefined, which JSON leaves out: put the action's empty fields back)
    empty = dict.fromkeys(("func", "args", "values", "sheet_position", "start_row", "start_column", "row_count",
                           "column_count"))
    pressed.append([{**empty, **a} for a in js.orsheetPress.flushed.to_py()] + book.json()["actions"])
json.dumps({"platform": sys.platform, "python": sys.version.split()[0], "pressed": pressed,
            "compiled": sorted(m for m in ("python_calamine", "pandas", "numpy", "lxml") if m in sys.modules)}, default=str)
