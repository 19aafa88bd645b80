"""The table over a generated sheet, without lxml: the file backend (:mod:`.generated`) and the live
backend (xlwings Lite in Pyodide, where lxml is loaded only for documents) make the same one."""

from __future__ import annotations

import re
from typing import Sequence

from orsheet.errors import column_letter

TABLE_STYLE = "TableStyleLight9"


def table_header(rows: Sequence[Sequence[object]]) -> list[str] | None:
    """The headings of the table a generated sheet gets: its first row, when it heads every column
    with a unique, non-empty heading; None (no table) otherwise, e.g. for a first row that is a title
    (the Agenda: "Agenda OR-vergadering ..." in A1, the items' header further down)."""
    header = [str(v).strip() if v is not None else "" for v in (rows[0] if rows else ())]
    width = max((len(r) for r in rows), default=0)
    if not header or len(header) < width or "" in header or len({h.casefold() for h in header}) != len(header):
        return None
    return header


def table_ref(rows: Sequence[Sequence[object]]) -> str:
    """Where that table stands: from A1 over the header and the rows (at least one body row)."""
    return f"A1:{column_letter(len(rows[0]))}{max(len(rows), 2)}"


def table_name_base(sheet: str) -> str:
    """The table's name before it is made unique in the workbook: the sheet's name as a table name."""
    return re.sub(r"\W", "_", sheet)
