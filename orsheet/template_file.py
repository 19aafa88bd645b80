"""Where the template workbook is: what ``orsheet new`` and the demo copy (runtime).

:mod:`orsheet.template` builds it (build time, ``make template``).
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path


def template_path() -> Path:
    """The template workbook: packaged copy first, else the repository's."""
    packaged = resources.files("orsheet").joinpath("data/orsheet.xlsm")
    if packaged.is_file():
        return Path(str(packaged))
    return Path(__file__).resolve().parent.parent / "workbooks" / "orsheet.xlsm"
