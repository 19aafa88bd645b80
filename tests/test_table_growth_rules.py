"""Rows orsheet adds at a table's end get the secretary's formatting and validation, as in Excel.

When a table grows in Excel (a row typed below it, Tab in the last cell), a
conditional format or a validation on a whole table column reaches the new
row. orsheet adds rows the same way (new actions from the minutes, closed
actions into Archief): a rule that covered the table column down to its last
row still covers it afterwards; rules on part of a column or beside the table
stay where they were.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import openpyxl
import pytest
from openpyxl.formatting.rule import FormulaRule
from openpyxl.styles import PatternFill
from openpyxl.worksheet.datavalidation import DataValidation

from orsheet import schema
from orsheet.services.actions import close_actions
from orsheet.template_file import template_path
from orsheet.workbook.base import AppendRows
from orsheet.workbook.file import FileBackend
from orsheet.workbook.refs import grow_sqref
from tests.support.parts import read_parts, replace_in

ACTIES, ARCHIEF = schema.ACTIONS.name, schema.ARCHIVE.name
LAST = len(schema.ACTIONS.headers)  # the table's last column (K)
RED = PatternFill(bgColor="FFC7CE", fill_type="solid")


def with_rules(path: Path, actions: int = 5, totals: bool = False) -> Path:
    """Acties with ``actions`` rows and the secretary's own rules, as Excel writes them for a selection."""
    book = openpyxl.load_workbook(template_path(), keep_vba=True)
    sheet = book[ACTIES]
    for row in range(2, actions + 2):
        sheet.cell(row, 1).value, sheet.cell(row, 2).value = row - 1, f"Onderwerp {row - 1}"
    last = actions + 1
    table = sheet.tables[ACTIES]
    if totals:
        sheet.cell(last + 1, 2).value = "Totaal"
        table.totalsRowCount = 1
    table.ref = f"A1:{table.ref.split(':')[1].rstrip('0123456789')}{last + totals}"
    table.autoFilter.ref = f"A1:{table.ref.split(':')[1].rstrip('0123456789')}{last}"
    sheet.conditional_formatting.add(f"D2:D{last}", FormulaRule(formula=['ISNUMBER(SEARCH("Bram",D2))'], fill=RED))
    sheet.conditional_formatting.add(f"G{last}", FormulaRule(formula=["TRUE"], fill=RED))  # one cell: stays
    sheet.conditional_formatting.add(f"D3:D{last}", FormulaRule(formula=["FALSE"], fill=RED))  # part: stays
    length = DataValidation(type="textLength", operator="lessThan", formula1="80", sqref=f"B2:B{last} C2:C{last}")
    beside = DataValidation(type="whole", sqref=f"M2:M{last}")  # beside the table: stays
    sheet.add_data_validation(length)
    sheet.add_data_validation(beside)
    book.save(path)
    return path


def rules(path: Path, sheet: str = ACTIES) -> tuple[list[str], list[str]]:
    """The ranges of the rules added above (the template's own rules run to row 5000 and are left out)."""
    ws = openpyxl.load_workbook(path)[sheet]
    formats = sorted(str(rng.sqref) for rng in ws.conditional_formatting)
    validations = sorted(str(dv.sqref) for dv in ws.data_validations.dataValidation)
    return [f for f in formats if not _template_rule(f)], [v for v in validations if not _template_rule(v)]


def _template_rule(sqref: str) -> bool:
    return max(int(row) for row in re.findall(r"\d+", sqref)) >= 4000


def test_rules_on_a_whole_table_column_reach_the_rows_orsheet_appends(tmp_path):
    path = with_rules(tmp_path / "regels.xlsm")
    FileBackend(path).write([AppendRows(ACTIES, [{schema.NR: 6, schema.ONDERWERP: "Nieuw"},
                                                 {schema.NR: 7, schema.ONDERWERP: "Nieuwer"}])])
    assert openpyxl.load_workbook(path)[ACTIES].tables[ACTIES].ref.endswith("8")
    assert rules(path) == (["D2:D8", "D3:D6", "G6"], ["B2:B8 C2:C8", "M2:M6"])


def test_rules_grow_the_same_above_a_totals_row(tmp_path):
    path = with_rules(tmp_path / "totaal.xlsm", totals=True)
    FileBackend(path).write([AppendRows(ACTIES, [{schema.NR: 6, schema.ONDERWERP: "Nieuw"}])])
    sheet = openpyxl.load_workbook(path)[ACTIES]
    assert [sheet[f"B{r}"].value for r in (7, 8)] == ["Nieuw", "Totaal"]
    assert rules(path) == (["D2:D7", "D3:D6", "G6"], ["B2:B7 C2:C7", "M2:M6"])


def test_rules_in_archief_reach_the_actions_close_moves_there(tmp_path):
    path = with_rules(tmp_path / "archief.xlsm", actions=3)
    book = openpyxl.load_workbook(path, keep_vba=True)
    archive = book[ARCHIEF]
    archive.cell(2, 1).value, archive.cell(2, 2).value = 100, "Al gesloten"
    archive.tables[ARCHIEF].ref = f"A1:{archive.tables[ARCHIEF].ref.split(':')[1].rstrip('0123456789')}2"
    archive.conditional_formatting.add("B2:B2", FormulaRule(formula=["TRUE"], fill=RED))
    book.save(path)
    close_actions(FileBackend(path), [1, 3], date(2023, 10, 26))
    assert rules(path, ARCHIEF)[0] == ["B2:B4"]
    # Acties lost rows 2 and 4: its rules shrink as on Excel's Delete table rows (the one cell G4 went too).
    assert rules(path) == (["D2"], ["B2 C2", "M2:M4"])


def test_a_rule_in_the_x14_extension_grows_with_the_table(tmp_path):
    """Excel writes some rules (data bars, rules on other sheets) in the x14 extension with xm:sqref."""
    path = with_rules(tmp_path / "x14.xlsm")
    part = next(name for name, data in read_parts(path).items()
                if name.startswith("xl/worksheets/") and b"textLength" in data)
    extension = ('<extLst><ext uri="{78C0D931-6437-407d-A8EE-F0AAD7539E65}" '
                 'xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main">'
                 '<x14:conditionalFormattings><x14:conditionalFormatting '
                 'xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main"><x14:cfRule type="dataBar" '
                 'id="{00000000-0000-0000-0000-000000000001}"><x14:dataBar><x14:cfvo type="autoMin"/>'
                 '<x14:cfvo type="autoMax"/></x14:dataBar></x14:cfRule><xm:sqref>A2:A6</xm:sqref>'
                 '</x14:conditionalFormatting></x14:conditionalFormattings></ext></extLst></worksheet>')
    replace_in(path, part, "</worksheet>", extension)
    FileBackend(path).write([AppendRows(ACTIES, [{schema.NR: 6, schema.ONDERWERP: "Nieuw"}])])
    assert b"<xm:sqref>A2:A7</xm:sqref>" in read_parts(path)[part]


@pytest.mark.parametrize(("sqref", "grown"), [
    ("D2:D9", "D2:D10"),  # the table column's data
    ("A1:K9", "A1:K10"),  # the whole table, header included
    ("$B$2:$C$9 F2:F9", "$B$2:$C$10 F2:F10"),  # absolute and several ranges
    ("D9", "D9"),  # one cell in the last row
    ("D3:D9", "D3:D9"),  # part of the column
    ("D2:D8", "D2:D8"),  # not down to the last row
    ("L2:L9", "L2:L9"),  # beside the table
    ("J2:L9", "J2:L9"),  # partly beside it
    ("D:D", "D:D"),  # whole columns have no end to move
])
def test_only_a_range_over_the_table_columns_data_down_to_its_last_row_grows(sqref, grown):
    assert grow_sqref(sqref, columns=(1, LAST), rows=(2, 9), new_last=10) == grown
