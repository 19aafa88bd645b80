"""The template workbook a secretary starts from (`orsheet new`)."""

from __future__ import annotations

import zipfile
from pathlib import Path

import openpyxl

from orsheet import schema
from orsheet.build.contract_workbook import XLSM_WORKBOOK_TYPE, build_template
from orsheet.template_file import LITE_WORKBOOK, MACRO_WORKBOOK, lite_template_path, template_path
from tests.support.parts import read_parts


def test_the_checked_in_workbooks_are_what_the_build_script_produces(tmp_path: Path):
    import subprocess, sys

    root = Path(__file__).resolve().parent.parent
    subprocess.run([sys.executable, str(root / "tools" / "build_workbook.py"), str(tmp_path)], check=True, cwd=root,
                   capture_output=True)
    for rebuilt, committed in ((tmp_path / MACRO_WORKBOOK, template_path()), (tmp_path / LITE_WORKBOOK, lite_template_path())):
        # Part by part, not the zip bytes: the compressed bytes may differ between zlib versions.
        assert read_parts(rebuilt) == read_parts(committed), f"run `make template` and commit workbooks/{committed.name}"


def test_building_twice_gives_the_same_bytes(tmp_path: Path):
    assert build_template(tmp_path / "a.xlsm").read_bytes() == build_template(tmp_path / "b.xlsm").read_bytes()


def test_the_template_is_typed_as_a_macro_enabled_workbook():
    with zipfile.ZipFile(template_path()) as package:
        types = package.read("[Content_Types].xml").decode()
    assert XLSM_WORKBOOK_TYPE in types


def test_every_data_sheet_has_its_named_table_with_the_contract_headers_and_a_frozen_header():
    book = openpyxl.load_workbook(template_path(), keep_vba=True)
    for spec in schema.DATA_SHEETS:
        sheet = book[spec.name]
        assert spec.table in sheet.tables, spec.name
        assert [c.value for c in sheet[1]][: len(spec.headers)] == list(spec.headers)
        assert sheet.freeze_panes == "A2"


def test_status_and_overleg_offer_a_list_but_accept_other_text():
    sheet = openpyxl.load_workbook(template_path())[schema.ACTIONS.name]
    lists = {str(v.sqref): v for v in sheet.data_validations.dataValidation}
    status = lists["H2:H5000"]
    assert "in behandeling" in status.formula1 and "afgerond" in status.formula1
    assert not status.showErrorMessage
    assert "Overlegvergadering" in lists["E2:E5000"].formula1


def test_overdue_actions_are_marked_by_conditional_formatting():
    sheet = openpyxl.load_workbook(template_path())[schema.ACTIONS.name]
    formulas = [rule.formula[0] for cf in sheet.conditional_formatting for rule in cf.rules]
    assert any("TODAY()" in f and "$G2" in f for f in formulas)


def test_a_new_workbook_starts_with_default_settings_and_standard_items():
    book = openpyxl.load_workbook(template_path())
    settings = {row[0]: row[1] for row in book[schema.SETTINGS.name].iter_rows(min_row=2, values_only=True)}
    assert settings[schema.SETTING_LAST_NUMBER] == 0
    items = list(book[schema.STANDARD_ITEMS.name].iter_rows(min_row=2, values_only=True))
    assert ("OR-vergadering", "begin", 1, "Opening") == items[0][:4]


def test_every_header_is_wider_than_its_text_and_the_filter_button():
    import openpyxl

    from orsheet import schema
    from orsheet.documents.xlsx_sheet import FILTER_BUTTON_WIDTH
    from orsheet.template_file import template_path

    book = openpyxl.load_workbook(template_path())
    for spec in schema.SHEETS:
        if spec is schema.START:
            continue
        sheet = book[spec.name]
        for cell in sheet[1]:
            if cell.value:
                width = sheet.column_dimensions[cell.column_letter].width
                assert width >= len(cell.value) + FILTER_BUTTON_WIDTH, (spec.name, cell.value, width)


def test_start_has_a_tall_title_row_no_line_under_the_buttons_and_prints_on_one_page_wide():
    import openpyxl

    from orsheet.build.contract_workbook import START_LINE, START_TEXT, START_TITLE_HEIGHT, start_rows
    from orsheet.template_file import template_path

    sheet = openpyxl.load_workbook(template_path())["Start"]
    assert sheet.row_dimensions[1].height == START_TITLE_HEIGHT
    texts = [sheet.cell(row, 1).value or "" for row in range(1, sheet.max_row + 1)]
    assert all(len(text) <= START_LINE for text in texts)  # column A is wide enough: nothing spills right
    assert " ".join(t for t in texts if t).split() == " ".join(t for t, _ in START_TEXT if t).split()  # every word
    assert sheet.column_dimensions["A"].width >= START_LINE * 0.8  # proportional text: ~0.8 of a digit a letter
    assert sheet.print_area == f"'Start'!$A$1:$A${len(start_rows())}"
    assert sheet.page_setup.fitToWidth == 1 and sheet.sheet_properties.pageSetUpPr.fitToPage


def test_instellingen_stores_the_series_dates_and_times_as_real_dates_and_times():
    from datetime import datetime, time

    import openpyxl

    from orsheet.template_file import template_path

    sheet = openpyxl.load_workbook(template_path())["Instellingen"]
    values = {row[0].value: row[1] for row in sheet.iter_rows(min_row=2)}
    first, begin = values["Reeks 1 eerste datum"], values["Reeks 1 begin"]
    assert first.value == datetime(2024, 1, 4) and first.number_format == "dd-mm-yyyy"
    assert begin.value == time(10) and begin.number_format == "hh:mm"
