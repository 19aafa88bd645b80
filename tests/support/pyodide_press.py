# Runs inside Pyodide (tests/test_lite_pyodide.py): press xlwings Lite scripts the way its runtime does.
# input.json: {"presses": [[script name, payload as sent], ...]}; the result: JSON with the actions of each.
import json
import os
import sys

os.environ["XLWINGS_LICENSE_KEY"] = "noncommercial"  # xlwings' remote engine outside xlwings Lite itself
os.environ["ORSHEET_LITE_DATA"] = "/tmp/data"
os.makedirs("/tmp/data", exist_ok=True)

import xlwings as xw  # noqa: E402
import xlwings.server  # noqa: E402

import orsheet.lite  # noqa: E402

request = json.load(open("/home/pyodide/input.json", encoding="utf-8"))
pressed = []
for name, payload in request["presses"]:
    book = await xlwings.server.custom_scripts_call(  # noqa: F704 - top-level await in Pyodide
        module=orsheet.lite, script_name=name, typehint_to_value={xw.Book: xw.Book(json=payload)})
    pressed.append(book.json()["actions"])
json.dumps({"platform": sys.platform, "python": sys.version.split()[0], "pressed": pressed,
            "compiled": sorted(m for m in ("python_calamine", "pandas", "numpy", "lxml") if m in sys.modules)}, default=str)
