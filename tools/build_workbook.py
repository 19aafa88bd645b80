"""Build workbooks/orsheet.xlsm from the sheet contract (and, later, macros/).

Run: python tools/build_workbook.py [OUTPUT]
"""

from __future__ import annotations

import sys
from pathlib import Path

from orsheet.template import build_template

ROOT = Path(__file__).resolve().parent.parent


def main(argv: list[str]) -> int:
    output = Path(argv[0]) if argv else ROOT / "workbooks" / "orsheet.xlsm"
    build_template(output)
    print(f"geschreven: {output}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
