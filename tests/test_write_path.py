"""The write path on a workbook the secretary has edited in Excel: only the intended changes happen.

The workbook has what Excel users add: a column of their own in the Acties
table, a second table beside it, notes and a hyperlink on action rows,
formulas on another sheet and a defined name pointing at action cells.
"""

from __future__ import annotations

import shutil
import zipfile
from datetime import date
from pathlib import Path

import openpyxl
import pytest
from openpyxl.comments import Comment
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.table import Table, TableColumn

from orsheet import schema
from orsheet.errors import OrsheetError
from orsheet.services.actions import check_workbook, close_actions, number_actions
from orsheet.template_file import template_path
from orsheet.workbook.base import AppendRows, DeleteRows, ReplaceSheet
from orsheet.workbook.file import FileBackend
from tests.support.parts import template_with_1904_dates

ACTIES, ARCHIEF = schema.ACTIONS.name, schema.ARCHIVE.name
USER_COLUMN = len(schema.ACTIONS.headers) + 1  # "Prioriteit", right of the contract's columns
CODES = "P"  # the code list beside the table: P1:Q4


def build_edited_workbook(path: Path) -> Path:
    book = openpyxl.load_workbook(template_path(), keep_vba=True)
    sheet = book[ACTIES]
    sheet.cell(1, USER_COLUMN).value = "Prioriteit"
    for row, nr in enumerate(range(1, 6), start=2):
        sheet.cell(row, 1).value = nr
        sheet.cell(row, 2).value = f"Onderwerp {nr}"
        sheet.cell(row, 3).value = f"Omschrijving {nr}"
        sheet.cell(row, USER_COLUMN).value = f"P{nr}"
    table = sheet.tables[ACTIES]
    table.ref = f"A1:{get_column_letter(USER_COLUMN)}6"
    table.autoFilter.ref = table.ref
    table.tableColumns.append(TableColumn(id=USER_COLUMN, name="Prioriteit"))
    for row, (code, meaning) in enumerate((("Code", "Betekenis"), ("H", "hoog"), ("M", "midden"), ("L", "laag")), start=1):
        sheet[f"P{row}"], sheet[f"Q{row}"] = code, meaning
    sheet.add_table(Table(displayName="Codes", ref="P1:Q4"))
    sheet["B4"].comment = Comment("notitie bij actie 3", "Secretaris")
    sheet["B5"].comment = Comment("notitie bij actie 4", "Secretaris")
    sheet["B5"].hyperlink = "https://example.org/actie-4"
    notes = book.create_sheet("Notities")
    notes["A1"] = "=Acties!B5"  # action 4's subject
    notes["A2"] = "=SUM(Acties!A2:A6)"
    notes["A3"] = "=Acties!Q3"  # beside the table: never moves
    book.defined_names["Vierde"] = openpyxl.workbook.defined_name.DefinedName("Vierde", attr_text="Acties!$B$5")
    book.save(path)
    return path


@pytest.fixture(scope="module")
def edited_original(tmp_path_factory) -> Path:
    return build_edited_workbook(tmp_path_factory.mktemp("bewerkt") / "bewerkt.xlsm")


@pytest.fixture
def edited(edited_original, tmp_path) -> Path:
    return Path(shutil.copyfile(edited_original, tmp_path / "bewerkt.xlsm"))


def cells(path: Path, sheet: str) -> dict[str, object]:
    book = openpyxl.load_workbook(path)
    return {c.coordinate: c.value for row in book[sheet].iter_rows() for c in row if c.value is not None}


def test_closing_an_action_moves_only_its_row_and_everything_else_follows(edited):
    close_actions(FileBackend(edited), [2], date(2024, 3, 1))
    book = openpyxl.load_workbook(edited)
    acties, archief, notes = book[ACTIES], book[ARCHIEF], book["Notities"]
    assert [acties.cell(r, 1).value for r in range(2, 6)] == [1, 3, 4, 5]
    assert [acties.cell(r, USER_COLUMN).value for r in range(2, 6)] == ["P1", "P3", "P4", "P5"]
    assert archief.cell(2, 1).value == 2 and archief.cell(2, USER_COLUMN).value == "P2"
    assert archief.cell(1, USER_COLUMN).value == "Prioriteit"
    assert archief.tables[ARCHIEF].ref.endswith(f"{get_column_letter(USER_COLUMN)}2")
    # the second table and its cells stay where they were
    assert [acties[f"P{r}"].value for r in range(1, 5)] == ["Code", "H", "M", "L"]
    assert acties.tables["Codes"].ref == "P1:Q4"
    assert acties.tables[ACTIES].ref == f"A1:{get_column_letter(USER_COLUMN)}5"
    # notes and the hyperlink stay with their action
    assert acties["B3"].comment.text.startswith("notitie bij actie 3")
    assert acties["B4"].comment.text.startswith("notitie bij actie 4")
    assert acties["B5"].comment is None
    assert acties["B4"].hyperlink.target == "https://example.org/actie-4"
    # formulas follow their cells; the one beside the table is untouched
    assert notes["A1"].value == "=Acties!B4"
    assert notes["A2"].value == "=SUM(Acties!A2:A5)"
    assert notes["A3"].value == "=Acties!Q3"
    assert book.defined_names["Vierde"].attr_text == "Acties!$B$4"


def test_a_closed_actions_note_goes_with_it_to_archief(edited):
    close_actions(FileBackend(edited), [3], date(2024, 3, 1))
    archief = openpyxl.load_workbook(edited)[ARCHIEF]
    assert archief["B2"].value == "Onderwerp 3"
    assert archief["B2"].comment.text.startswith("notitie bij actie 3")


def test_a_formula_on_a_moved_cell_follows_it_to_archief(edited):
    close_actions(FileBackend(edited), [4], date(2024, 3, 1))
    notes = openpyxl.load_workbook(edited)["Notities"]
    assert notes["A1"].value == "=Archief!B2"


def test_deleting_a_row_a_formula_needs_is_refused_and_nothing_is_written(edited):
    before = edited.read_bytes()
    with pytest.raises(OrsheetError, match=r"Notities!A1.*Acties!B5"):
        FileBackend(edited).write([DeleteRows(ACTIES, [5])])
    assert edited.read_bytes() == before


def test_numbering_leaves_the_table_beside_the_actions_alone(edited):
    FileBackend(edited).write([AppendRows(ACTIES, [{schema.ONDERWERP: "Nieuw"}])])
    number_actions(FileBackend(edited))
    acties = openpyxl.load_workbook(edited)[ACTIES]
    assert acties["A7"].value == 6 and acties.tables["Codes"].ref == "P1:Q4"
    assert acties["P5"].value is None


def test_a_user_sheet_named_overzicht_is_never_overwritten(edited):
    book = openpyxl.load_workbook(edited, keep_vba=True)
    book.create_sheet("Overzicht")["A1"] = "Mijn eigen overzicht"
    book.save(edited)
    with pytest.raises(OrsheetError, match="^blad Overzicht: dit blad is niet door orsheet gemaakt"):
        FileBackend(edited).write([ReplaceSheet("Overzicht", [["Nr", "Onderwerp"], [1, "x"]])])
    assert cells(edited, "Overzicht") == {"A1": "Mijn eigen overzicht"}


def test_dates_are_written_in_the_workbooks_1904_date_system(tmp_path):
    path = template_with_1904_dates(tmp_path / "mac.xlsm")
    FileBackend(path).write([AppendRows(ACTIES, [{schema.NR: 1, schema.ONDERWERP: "x", schema.DATUM: date(2022, 1, 20)}])])
    assert FileBackend(path).read([ACTIES])[ACTIES].rows[0].values[schema.DATUM] == date(2022, 1, 20)
    assert openpyxl.load_workbook(path)[ACTIES]["F2"].value.date() == date(2022, 1, 20)


def with_totals_row(path: Path) -> Path:
    book = openpyxl.load_workbook(template_path(), keep_vba=True)
    sheet = book[ACTIES]
    for row, nr in enumerate((1, 2), start=2):
        sheet.cell(row, 1).value, sheet.cell(row, 2).value = nr, f"Onderwerp {nr}"
    sheet["A4"], sheet["B4"] = "=SUBTOTAL(103,Acties[Nr])", "Totaal"
    table = sheet.tables[ACTIES]
    table.ref = f"A1:{table.ref.split(':')[1].rstrip('0123456789')}4"
    table.totalsRowCount = 1
    table.autoFilter.ref = table.ref.replace("4", "3")
    book.save(path)
    return path


def test_a_totals_row_is_never_an_action_and_new_rows_go_above_it(tmp_path):
    path = with_totals_row(tmp_path / "totaal.xlsm")
    backend = FileBackend(path)
    assert [r.values[schema.NR] for r in backend.read([ACTIES])[ACTIES].rows] == [1, 2]
    backend.write([AppendRows(ACTIES, [{schema.NR: 3, schema.ONDERWERP: "Nieuw"}])])
    sheet = openpyxl.load_workbook(path)[ACTIES]
    assert [sheet[f"B{r}"].value for r in range(2, 6)] == ["Onderwerp 1", "Onderwerp 2", "Nieuw", "Totaal"]
    assert sheet.tables[ACTIES].ref.endswith("5")
    assert check_workbook(FileBackend(path)) == []


def test_check_reports_an_error_value_and_a_formula_in_nr_with_their_cell(tmp_path):
    path = tmp_path / "fouten.xlsm"
    book = openpyxl.load_workbook(template_path(), keep_vba=True)
    sheet = book[ACTIES]
    sheet["A2"], sheet["B2"] = 1, "Eerste"
    sheet["A3"], sheet["B3"] = "=A2+1", "Tweede"
    sheet["A4"], sheet["B4"] = "#REF!", "Derde"
    book.save(path)
    messages = [str(p) for p in check_workbook(FileBackend(path))]
    assert any("Acties!A3" in m and "formule" in m for m in messages), messages
    assert any("A4" in m and "#REF!" in m for m in messages), messages


def style_counts(path: Path) -> tuple[int, int]:
    with zipfile.ZipFile(path) as archive:
        styles = archive.read("xl/styles.xml")
    from lxml import etree

    root = etree.fromstring(styles)
    return len(root.find("{*}cellXfs")), len(root.find("{*}fonts"))


def test_forty_mixed_runs_reuse_the_styles_they_wrote_before(tmp_path):
    path = tmp_path / "stijl.xlsm"
    shutil.copyfile(template_path(), path)
    FileBackend(path).write([AppendRows(ACTIES, [{schema.NR: 1, schema.ONDERWERP: "x", schema.DATUM: date(2024, 1, 2)}])])
    xfs_before, fonts_before = style_counts(path)
    for run in range(40):
        edits = [ReplaceSheet("Overzicht" if run % 2 else "Agenda", [["Kop", "Datum"], ["a", date(2024, 1, run % 28 + 1)]])]
        edits.append(AppendRows(ACTIES, [{schema.ONDERWERP: f"run {run}", schema.DATUM: date(2024, 2, 1)}]))
        FileBackend(path).write(edits)
    xfs_after, fonts_after = style_counts(path)
    assert xfs_after - xfs_before <= 3 and fonts_after - fonts_before <= 1, (xfs_before, xfs_after, fonts_before, fonts_after)


def test_a_closed_actions_hyperlink_goes_with_it_to_archief(edited):
    close_actions(FileBackend(edited), [4], date(2024, 3, 1))
    archief = openpyxl.load_workbook(edited)[ARCHIEF]
    assert archief["B2"].value == "Onderwerp 4"
    assert archief["B2"].hyperlink.target == "https://example.org/actie-4"
    assert archief["B2"].comment.text.startswith("notitie bij actie 4")


def test_a_generated_sheet_has_one_look_table_frozen_bold_header_widths_and_print_setup(tmp_path):
    path = tmp_path / "overzicht.xlsm"
    shutil.copyfile(template_path(), path)
    rows = [["Nr", "Onderwerp", "Deadline"], [1, "Werkdruk", date(2024, 5, 1)], [2, "Roosters", None]]
    for _ in range(2):  # written twice: still one table, the same look
        FileBackend(path).write([ReplaceSheet("Overzicht", rows, widths=(7, 40, 12))])
    book = openpyxl.load_workbook(path)
    sheet = book["Overzicht"]
    assert sheet.freeze_panes == "A2" and sheet["A1"].font.bold
    assert [sheet.column_dimensions[c].width for c in "ABC"] == [7, 40, 12]
    [table] = sheet.tables.values()
    assert table.ref == "A1:C3" and [c.name for c in table.tableColumns] == ["Nr", "Onderwerp", "Deadline"]
    assert sheet.page_setup.orientation == "landscape" and sheet.page_setup.fitToWidth == 1
    assert sheet.sheet_properties.pageSetUpPr.fitToPage and sheet.print_title_rows == "$1:$1"
    assert sheet["C2"].value.date() == date(2024, 5, 1)


def test_minutes_apply_moves_the_closed_action_whole_and_everything_else_follows(edited, tmp_path):
    from orsheet.services.minutes import process_minutes

    FileBackend(edited).write([AppendRows(schema.MEETINGS.name, [{schema.DATUM: date(2023, 10, 26), "Soort": "OR-vergadering"}])])
    minutes = tmp_path / "notulen.txt"
    minutes.write_text("Verslag OR-vergadering 26 oktober 2023\n\n1. Werkdruk\n"
                       "Actie 3 is afgerond. (actie: Frank Visser stelt de vragen op)\n", encoding="utf-8")
    plan = process_minutes(FileBackend(edited), minutes, date(2023, 10, 26), apply=True)
    assert plan.applied
    book = openpyxl.load_workbook(edited)
    acties, archief, notes = book[ACTIES], book[ARCHIEF], book["Notities"]
    assert archief["A2"].value == 3 and archief.cell(2, USER_COLUMN).value == "P3"
    assert archief["B2"].comment.text.startswith("notitie bij actie 3")
    assert [acties.cell(r, 1).value for r in range(2, 7)] == [1, 2, 4, 5, 6]
    assert acties["B4"].comment.text.startswith("notitie bij actie 4") and acties["B4"].hyperlink is not None
    assert notes["A1"].value == "=Acties!B4"
    assert [acties[f"P{r}"].value for r in range(1, 5)] == ["Code", "H", "M", "L"]


def test_apply_proposal_moves_the_closed_action_whole_from_the_voorstel_sheet(edited, tmp_path):
    from orsheet.services.minutes_sheet import apply_proposal_sheet, propose_minutes

    FileBackend(edited).write([AppendRows(schema.MEETINGS.name, [{schema.DATUM: date(2023, 10, 26), "Soort": "OR-vergadering"}])])
    minutes = tmp_path / "notulen.txt"
    minutes.write_text("Verslag OR-vergadering 26 oktober 2023\n\n1. Werkdruk\nActie 2 is afgerond.\n", encoding="utf-8")
    propose_minutes(FileBackend(edited), minutes, date(2023, 10, 26))
    apply_proposal_sheet(FileBackend(edited))
    book = openpyxl.load_workbook(edited)
    assert book[ARCHIEF]["A2"].value == 2 and book[ARCHIEF].cell(2, USER_COLUMN).value == "P2"
    assert book["Notities"]["A1"].value == "=Acties!B4" and book[ACTIES]["B3"].comment.text.startswith("notitie bij actie 3")
    assert book[schema.PROPOSAL.name].freeze_panes == "A2"  # the generated sheet's look


def test_the_voorstel_sheet_offers_ja_nee_in_toepassen_as_a_drop_down_that_accepts_verwerkt(edited, tmp_path):
    from openpyxl.worksheet.cell_range import MultiCellRange

    from orsheet.services.minutes_sheet import apply_proposal_sheet, propose_minutes

    FileBackend(edited).write([AppendRows(schema.MEETINGS.name, [{schema.DATUM: date(2023, 10, 26), "Soort": "OR-vergadering"}])])
    minutes = tmp_path / "notulen.txt"
    minutes.write_text("Verslag OR-vergadering 26 oktober 2023\n\n1. Werkdruk\nActie 2 is afgerond.\n", encoding="utf-8")
    propose_minutes(FileBackend(edited), minutes, date(2023, 10, 26))
    sheet = openpyxl.load_workbook(edited)[schema.PROPOSAL.name]
    column = next(c.column_letter for c in sheet[1] if c.value == "Toepassen")
    rules = [dv for dv in sheet.data_validations.dataValidation if dv.type == "list"]
    assert [(dv.sqref, dv.formula1, dv.showErrorMessage) for dv in rules] == [
        (MultiCellRange(f"{column}2:{column}{sheet.max_row}"), '"ja,nee"', False)]
    apply_proposal_sheet(FileBackend(edited))  # writes "verwerkt" there; the list only suggests
    assert openpyxl.load_workbook(edited)[schema.PROPOSAL.name][f"{column}2"].value == "verwerkt"
