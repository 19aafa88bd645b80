"""Where the shipped workbooks are: what ``orsheet new`` and the demo copy (runtime).

:mod:`orsheet.build` builds them (build time, ``make template``); the wheel
carries them in ``orsheet/data`` (``[tool.hatch.build.targets.wheel.force-include]``),
a checkout in ``workbooks/``.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

MACRO_WORKBOOK = "orsheet.xlsm"
LITE_WORKBOOK = "orsheet-lite.xlsx"


def template_path() -> Path:
    """The macro workbook (VBA, buttons, ribbon): packaged copy first, else the repository's."""
    return shipped_workbook(MACRO_WORKBOOK)


def lite_template_path() -> Path:
    """The plain .xlsx for xlwings Lite (``orsheet new --lite``)."""
    return shipped_workbook(LITE_WORKBOOK)


def shipped_workbook(name: str) -> Path:
    packaged = resources.files("orsheet").joinpath(f"data/{name}")
    if packaged.is_file():
        return Path(str(packaged))
    return Path(__file__).resolve().parent.parent / "workbooks" / name
