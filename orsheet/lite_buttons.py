"""Where the xlwings Lite buttons sit on Start: one shape per button, linked to a cell behind it.

xlwings Lite has no macros to bind a shape to. It binds a script to a shape
*name* and a cell: the shape carries a hyperlink to a cell it covers, and
clicking it selects that cell, which runs the script whose
``@script(button="[shape]Sheet!Cell")`` names both (then xlwings Lite selects
the cell below, also behind the shape). The scripts (:mod:`orsheet.lite`) and
the workbook builder (:mod:`orsheet.build.lite_workbook`) read this one table.
"""

from __future__ import annotations

from dataclasses import dataclass

from orsheet import schema
from orsheet.excel.actions import ACTIONS, ExcelAction

SHEET = schema.START.name
FIRST_COLUMN = 1  # 0-based: column B, right of the explanation in column A
COLUMNS_WIDE = 2
FIRST_ROW = 1  # 0-based: row 2
ROWS_HIGH = 2
ROW_STEP = 3
RESULT_LABEL_CELL = "A2"  # right under the title: above any explanation, which may wrap into more rows
RESULT_LABEL = "Resultaat van de laatste knop (ook in het venster Output van xlwings Lite)"
RESULT_CELL = "A3"  # the message of the last button press, under RESULT_LABEL (also printed in the output pane)


def _column_letter(index: int) -> str:
    """0-based column index -> letters (only the first 26 columns are used here)."""
    return chr(ord("A") + index)


@dataclass(frozen=True)
class LiteButton:
    action: ExcelAction
    top_row: int  # 0-based, as drawings anchor

    @property
    def shape_name(self) -> str:
        return f"orsheet_{self.action.macro}"

    @property
    def cell(self) -> str:
        """The cell the shape covers and links to (its top-left cell)."""
        return f"{_column_letter(FIRST_COLUMN)}{self.top_row + 1}"

    @property
    def reference(self) -> str:
        """What ``@script(button=...)`` expects: ``[shape]Sheet!Cell``."""
        return f"[{self.shape_name}]{SHEET}!{self.cell}"

    @property
    def anchor(self) -> tuple[int, int, int, int]:
        """(first column, first row, last column, last row), 0-based, as ``xdr:from``/``xdr:to``."""
        return FIRST_COLUMN, self.top_row, FIRST_COLUMN + COLUMNS_WIDE, self.top_row + ROWS_HIGH


BUTTONS: tuple[LiteButton, ...] = tuple(
    LiteButton(action, FIRST_ROW + index * ROW_STEP) for index, action in enumerate(ACTIONS)
)
BY_LABEL = {button.action.label: button for button in BUTTONS}
