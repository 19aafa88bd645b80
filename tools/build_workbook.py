"""Build the shipped workbooks from the sheet contract and macros/: orsheet.xlsm and orsheet-lite.xlsx.

Run: python tools/build_workbook.py [FOLDER]   (default: workbooks/; `make template`)
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # this checkout's orsheet, even when another one is installed

from orsheet.build.contract_workbook import build_template  # noqa: E402
from orsheet.build.lite_workbook import build_lite_workbook  # noqa: E402
from orsheet.build.macro_workbook import build_macro_workbook  # noqa: E402
from orsheet.template_file import LITE_WORKBOOK, MACRO_WORKBOOK  # noqa: E402


def main(argv: list[str]) -> int:
    folder = Path(argv[0]) if argv else ROOT / "workbooks"
    folder.mkdir(parents=True, exist_ok=True)
    macro = build_template(folder / MACRO_WORKBOOK)
    build_macro_workbook(macro, macro)  # VBA project, buttons, ribbon, xlwings.conf
    lite = build_lite_workbook(folder / LITE_WORKBOOK)
    print(f"geschreven: {macro} en {lite}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
