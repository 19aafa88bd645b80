"""The ``xlwings.conf`` sheet: the settings xlwings' RunPython reads from the workbook.

xlwings reads keys from column A (from A1 down to the first empty cell) and
values from column B. An empty interpreter falls back to ``pythonw``/``python``
on the PATH; ``orsheet setup-excel`` fills in the interpreter of the Python
that has orsheet installed.
"""

from __future__ import annotations

from xml.sax.saxutils import escape

SHEET_NAME = "xlwings.conf"
INTERPRETER_WIN = "Interpreter_Win"
INTERPRETER_MAC = "Interpreter_Mac"

# key -> default value (None = empty cell); order is the sheet order.
SETTINGS: tuple[tuple[str, str | bool | None], ...] = (
    (INTERPRETER_WIN, None),
    (INTERPRETER_MAC, None),
    ("PYTHONPATH", None),
    ("Conda Path", None),
    ("Conda Env", None),
    ("UDF Modules", None),
    ("Debug UDFs", False),
    ("Use UDF Server", False),
    ("Show Console", False),
)
NOTE = (
    "Instellingen voor xlwings (de koppeling tussen Excel en Python). "
    "Vul Interpreter_Win/Interpreter_Mac in met 'orsheet setup-excel'; wijzig de rest niet."
)


def inline_string_cell(reference: str, text: str) -> str:
    return f'<c r="{reference}" t="inlineStr"><is><t xml:space="preserve">{escape(text)}</t></is></c>'


def _value_cell(reference: str, value: str | bool | None) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return f'<c r="{reference}" t="b"><v>{int(value)}</v></c>'
    return inline_string_cell(reference, value)


def conf_sheet_xml(code_name: str) -> bytes:
    rows = []
    for number, (key, value) in enumerate(SETTINGS, start=1):
        cells = inline_string_cell(f"A{number}", key) + _value_cell(f"B{number}", value)
        if number == 1:
            cells += inline_string_cell("D1", NOTE)
        rows.append(f'<row r="{number}">{cells}</row>')
    text = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
        'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
        f'<sheetPr codeName="{code_name}"/><dimension ref="A1:D{len(SETTINGS)}"/>'
        '<sheetViews><sheetView workbookViewId="0"/></sheetViews>'
        '<sheetFormatPr defaultRowHeight="15"/>'
        '<cols><col min="1" max="1" width="20" customWidth="1"/><col min="2" max="2" width="60" customWidth="1"/></cols>'
        f'<sheetData>{"".join(rows)}</sheetData>'
        '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>'
        "</worksheet>"
    )
    return text.encode("utf-8")
