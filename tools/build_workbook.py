"""Build workbooks/orsheet.xlsm from the sheet contract and macros/.

Run: python tools/build_workbook.py [OUTPUT]
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # this checkout's orsheet, even when another one is installed

from orsheet.excel.package import build_macro_workbook  # noqa: E402
from orsheet.template import build_template  # noqa: E402


def main(argv: list[str]) -> int:
    output = Path(argv[0]) if argv else ROOT / "workbooks" / "orsheet.xlsm"
    build_template(output)
    build_macro_workbook(output, output)  # VBA project, buttons, ribbon, xlwings.conf
    print(f"geschreven: {output}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
