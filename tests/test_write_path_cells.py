"""The write path on cells a value reader cannot see through, on the demo workbook as Excel writes it.

Every workbook here is the demo workbook (``orsheet demo`` without its documents: numbered, 201 and
205 closed) with one part changed the way Excel (or the Open XML SDK) writes it. Acties holds
112 (row 2), 187 (row 3), 203, 204, 206, 207 (row 7) in the table A1:K7.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from orsheet import schema
from orsheet.services.actions import check_workbook
from orsheet.services.common import load_actions
from orsheet.workbook.base import AppendRows
from orsheet.workbook.file import FileBackend
from tests.support.cli import run
from tests.support.demo_book import ACTIES_PART, ARCHIEF_PART
from tests.support.ooxml_validate import assert_valid_ooxml
from tests.support.parts import read_parts, replace_in, write_parts

ACTIES_TABLE = "xl/tables/table1.xml"
MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"


def cell_xml(path: Path, part: str, ref: str) -> str:
    match = re.search(rf'<(?:\w+:)?c r="{ref}"[^>]*?(?:/>|>.*?</(?:\w+:)?c>)', read_parts(path)[part].decode())
    return match.group(0) if match else ""


def nr_cell(row: int) -> str:
    return f'<c r="A{row}"><v>'


def prefixed(xml: bytes) -> bytes:
    """The sheet as the Open XML SDK writes it: the spreadsheet namespace under the prefix x:."""
    text = xml.decode().replace(f'xmlns="{MAIN}"', f'xmlns:x="{MAIN}"', 1)
    return re.sub(r"<(/?)([A-Za-z]+)(?=[\s>/])", r"<\1x:\2", text).encode()


# -- 1.2 / 3.4: a formula or an error value in Nr is never numbered over ---------------------------------


def with_nr(demo: Path, cell: str) -> Path:
    """Nr of row 3 (action 187) replaced by ``cell`` (its XML)."""
    old = re.search(r'<c r="A3"[^>]*>.*?</c>', read_parts(demo)[ACTIES_PART].decode()).group(0)
    return replace_in(demo, ACTIES_PART, old, cell)


FORMULA_CELLS = {
    "an error result": '<c r="A3" t="e"><f>1/0</f><v>#DIV/0!</v></c>',
    "no cached result": '<c r="A3"><f>A2+1</f></c>',
    "a number as result": '<c r="A3"><f>A2+75</f><v>187</v></c>',
}


@pytest.mark.parametrize("cell", FORMULA_CELLS.values(), ids=FORMULA_CELLS.keys())
@pytest.mark.parametrize("command", [["number"], ["close", "--numbers", "203", "--date", "2024-03-01"]])
def test_number_and_close_refuse_a_formula_in_nr_with_the_message_check_gives(demo, cell, command):
    with_nr(demo, cell)
    before = demo.read_bytes()
    checked = run("check", demo)
    refused = run(command[0], demo, *command[1:])
    assert checked.exit_code == 1 and "Acties!A3" in checked.output and "formule" in checked.output
    assert refused.exit_code == 1, refused.output
    assert "Acties!A3" in refused.output and "wordt berekend met een formule" in refused.output
    assert demo.read_bytes() == before
    assert cell_xml(demo, ACTIES_PART, "A3") == cell


def test_an_error_value_typed_in_nr_blocks_numbering_with_its_cell(demo):
    with_nr(demo, '<c r="A3" t="e"><v>#REF!</v></c>')
    before = demo.read_bytes()
    refused = run("number", demo)
    assert refused.exit_code == 1 and "Acties!A3" in refused.output and "#REF!" in refused.output
    assert demo.read_bytes() == before


def test_the_formula_message_is_given_once_per_cell(demo):
    with_nr(demo, FORMULA_CELLS["an error result"])
    messages = [str(p) for p in check_workbook(FileBackend(demo))]
    assert len([m for m in messages if "A3" in m]) == 1, messages


# -- 4.1: the marks come from the sheet's XML as lxml reads it: prefixes and attribute order do not matter --


def test_a_sheet_with_the_x_prefix_is_read_like_the_same_sheet_without_it(demo, tmp_path):
    plain = FileBackend(demo).read([schema.ACTIONS.name])[schema.ACTIONS.name]
    other = write_parts(Path(shutil.copyfile(demo, tmp_path / "sdk.xlsm")),
                        {ACTIES_PART: prefixed(read_parts(demo)[ACTIES_PART])})
    assert b"<x:sheetData>" in read_parts(other)[ACTIES_PART]
    read = FileBackend(other).read([schema.ACTIONS.name])[schema.ACTIONS.name]
    assert [r.values for r in read.rows] == [r.values for r in plain.rows]


@pytest.mark.parametrize("cell", [FORMULA_CELLS["an error result"], '<c t="e" r="A3" s="0"><v>#REF!</v></c>'])
def test_a_prefixed_sheet_with_a_bad_nr_is_refused_as_the_plain_one(demo, cell):
    with_nr(demo, cell)
    write_parts(demo, {ACTIES_PART: prefixed(read_parts(demo)[ACTIES_PART])})
    before = demo.read_bytes()
    assert "Acties!A3" in run("check", demo).output
    refused = run("number", demo)
    assert refused.exit_code == 1 and "Acties!A3" in refused.output
    assert demo.read_bytes() == before


def test_an_error_elsewhere_in_a_prefixed_sheet_is_reported_by_check(demo):
    old = cell_xml(demo, ACTIES_PART, "C4")
    replace_in(demo, ACTIES_PART, old, '<c r="C4" t="e"><f>VLOOKUP(1,B:B,2,0)</f><v>#N/A</v></c>')
    write_parts(demo, {ACTIES_PART: prefixed(read_parts(demo)[ACTIES_PART])})
    problems = check_workbook(FileBackend(demo))
    assert [(p.location.row, p.location.column) for p in problems] == [(4, 3)] and "#N/A" in str(problems[0])


# -- 1.1: a second table below the contract table is never read, numbered, moved or shifted -------------------


def with_table_below(demo: Path, ref: str, rows: list[list[str]], name: str = "Budget", part: str = ACTIES_PART) -> Path:
    """A second table (its own table part, as Excel adds it with Insert > Table) at ``ref`` on Acties."""
    from openpyxl.utils import column_index_from_string, get_column_letter

    every = read_parts(demo)
    start, _ = ref.split(":")
    first_column, top = column_index_from_string(start.rstrip("0123456789")), int(start.lstrip("ABCDEFGHIJKLMNOPQRSTUVWXYZ"))
    sheet = every[part].decode()
    rels_part = part.replace("worksheets/", "worksheets/_rels/") + ".rels"
    new_rows = ""
    for offset, values in enumerate(rows):
        number = top + offset
        cells = "".join(f'<c r="{get_column_letter(first_column + i)}{number}" t="inlineStr"><is><t>{v}</t></is></c>'
                        for i, v in enumerate(values))
        existing = re.search(rf'<row r="{number}"[^>]*>.*?</row>', sheet)
        if existing:  # beside the actions: the cells go at the end of their row (right of the table)
            sheet = sheet.replace(existing.group(0), existing.group(0)[:-len("</row>")] + cells + "</row>", 1)
        else:
            new_rows += f'<row r="{number}">{cells}</row>'
    sheet = sheet.replace("</sheetData>", new_rows + "</sheetData>", 1)
    sheet = sheet.replace('<tableParts count="1">', '<tableParts count="2">', 1).replace(
        "</tableParts>", '<tablePart xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
                         'r:id="rId99"/></tableParts>', 1)
    columns = "".join(f'<tableColumn id="{i + 1}" name="{h}"/>' for i, h in enumerate(rows[0]))
    table = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<table xmlns="{MAIN}" id="99" name="{name}" '
             f'displayName="{name}" ref="{ref}" headerRowCount="1"><autoFilter ref="{ref}"/>'
             f'<tableColumns count="{len(rows[0])}">{columns}</tableColumns>'
             '<tableStyleInfo name="TableStyleLight1" showRowStripes="1"/></table>')
    rels = every[rels_part].decode().replace(
        "</Relationships>", '<Relationship Id="rId99" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
                            'relationships/table" Target="../tables/table99.xml"/></Relationships>')
    types = every["[Content_Types].xml"].decode().replace(
        "</Types>", '<Override PartName="/xl/tables/table99.xml" ContentType="application/'
                    'vnd.openxmlformats-officedocument.spreadsheetml.table+xml"/></Types>')
    return write_parts(demo, {part: sheet.encode(), "xl/tables/table99.xml": table.encode(),
                              rels_part: rels.encode(), "[Content_Types].xml": types.encode()})


BUDGET = [["Post", "Bedrag"], ["Scholing", "5000"], ["Adviseur", "12000"]]
CODES = [["Code", "Betekenis"], ["H", "hoog"], ["L", "laag"]]


def sheet_cells(path: Path, sheet: str) -> dict[str, object]:
    import openpyxl

    return {c.coordinate: c.value for row in openpyxl.load_workbook(path)[sheet].iter_rows() for c in row
            if c.value is not None}


def table_refs(path: Path, sheet: str) -> dict[str, str]:
    import openpyxl

    return dict(openpyxl.load_workbook(path)[sheet].tables.items())


def test_a_table_below_the_actions_is_not_read_as_actions_nor_numbered(demo):
    with_table_below(demo, "B10:C12", BUDGET)
    rows = FileBackend(demo).read([schema.ACTIONS.name])[schema.ACTIONS.name].rows
    assert [r.number for r in rows] == [2, 3, 4, 5, 6, 7]
    assert run("check", demo).exit_code == 0
    before = read_parts(demo)
    numbered = run("number", demo)
    assert numbered.exit_code == 0 and "Alle acties hebben al een nummer" in numbered.output
    assert read_parts(demo) == before


def test_a_table_below_with_text_in_column_a_blocks_nothing(demo):
    with_table_below(demo, "A10:B12", CODES, name="Codes")
    assert run("check", demo).exit_code == 0
    closed = run("close", demo, "--numbers", "187", "--date", "2024-03-01")
    assert closed.exit_code == 0, closed.output
    cells = sheet_cells(demo, schema.ACTIONS.name)
    assert [cells[f"A{r}"] for r in range(10, 13)] == ["Code", "H", "L"]


@pytest.mark.parametrize("number", ["187", "207"])
def test_closing_an_action_leaves_the_cells_and_the_ref_of_the_table_below(demo, number):
    with_table_below(demo, "B10:C12", BUDGET)
    closed = run("close", demo, "--numbers", number, "--date", "2024-03-01")
    assert closed.exit_code == 0, closed.output
    cells = sheet_cells(demo, schema.ACTIONS.name)
    assert [[cells[f"{c}{r}"] for c in "BC"] for r in range(10, 13)] == BUDGET
    assert table_refs(demo, schema.ACTIONS.name) == {"Acties": "A1:K6", "Budget": "B10:C12"}
    assert "Post" not in sheet_cells(demo, schema.ARCHIVE.name).values()
    assert_valid_ooxml(demo)


def test_the_actions_table_cannot_grow_into_the_table_directly_below_it(demo):
    from orsheet.errors import OrsheetError

    with_table_below(demo, "B8:C10", BUDGET)
    before = demo.read_bytes()
    with pytest.raises(OrsheetError, match=r"tabel Acties .*tabel Budget \(B8:C10\)"):
        FileBackend(demo).write([AppendRows(schema.ACTIONS.name, [{schema.ONDERWERP: "Nieuw"}])])
    assert demo.read_bytes() == before


def test_a_row_typed_directly_below_the_table_is_numbered_and_the_table_grows_over_it(demo):
    old = "</sheetData>"
    replace_in(demo, ACTIES_PART, old, '<row r="8"><c r="B8" t="inlineStr"><is><t>Getypt onder de tabel</t></is></c>'
                                       '</row></sheetData>')
    numbered = run("number", demo)
    assert numbered.exit_code == 0 and "208" in numbered.output
    assert sheet_cells(demo, schema.ACTIONS.name)["A8"] == 208
    assert table_refs(demo, schema.ACTIONS.name) == {"Acties": "A1:K8"}
    assert_valid_ooxml(demo)


# -- 1.3: a formula in a moved row goes to Archief as a formula, its references following their cells ---------


def with_remark_formula(demo: Path, formula: str, shown: str) -> Path:
    old = cell_xml(demo, ACTIES_PART, "I3")
    return replace_in(demo, ACTIES_PART, old, f'<c r="I3" t="str"><f>{formula}</f><v>{shown}</v></c>')


def formula_of(path: Path, sheet: str, ref: str) -> object:
    import openpyxl

    return openpyxl.load_workbook(path)[sheet][ref].value


def test_a_hyperlink_formula_in_a_closed_action_goes_to_archief_as_a_formula(demo):
    with_remark_formula(demo, 'HYPERLINK("https://example.org/notulen-3-sept","notulen 3 sept")', "notulen 3 sept")
    closed = run("close", demo, "--numbers", "187", "--date", "2024-03-01")
    assert closed.exit_code == 0, closed.output
    assert formula_of(demo, schema.ARCHIVE.name, "A4") == 187
    assert formula_of(demo, schema.ARCHIVE.name, "I4") == '=HYPERLINK("https://example.org/notulen-3-sept","notulen 3 sept")'
    assert "<v>notulen 3 sept</v>" in cell_xml(demo, ARCHIEF_PART, "I4")
    assert_valid_ooxml(demo)


def test_a_formula_on_its_own_row_follows_the_row_to_archief(demo):
    with_remark_formula(demo, 'B3&amp;" (opgevolgd)"', "Thuiswerkbeleid (opgevolgd)")
    assert run("close", demo, "--numbers", "187", "--date", "2024-03-01").exit_code == 0
    assert formula_of(demo, schema.ARCHIVE.name, "I4") == '=Archief!B4&" (opgevolgd)"'
    assert formula_of(demo, schema.ARCHIVE.name, "B4") == "Thuiswerkbeleid"


def test_a_formula_that_cannot_go_along_keeps_its_value_and_the_result_names_the_cell(demo):
    with_remark_formula(demo, "Acties[[#This Row],[Onderwerp]]", "Thuiswerkbeleid")
    closed = run("close", demo, "--numbers", "187", "--date", "2024-03-01")
    assert closed.exit_code == 0, closed.output
    assert formula_of(demo, schema.ARCHIVE.name, "I4") == "Thuiswerkbeleid"
    assert "Formule niet meeverplaatst, de waarde wel: Archief!I4" in closed.output


RICH = ('<c r="C3" t="inlineStr"><is><r><rPr><b/><color rgb="FFFF0000"/></rPr><t>Evaluatie</t></r>'
        '<r><t xml:space="preserve"> thuiswerkregeling opvragen bij P&amp;O</t></r></is></c>')


def test_a_closed_action_keeps_its_rich_text_in_archief(demo):
    """Bold red words in Omschrijving are what the secretary made: closing moves them, as cut and paste does."""
    old = re.search(r'<c r="C3"[^>]*>.*?</c>', read_parts(demo)[ACTIES_PART].decode()).group(0)
    replace_in(demo, ACTIES_PART, old, RICH)
    closed = run("close", demo, "--numbers", "187", "--date", "2024-03-01")
    assert closed.exit_code == 0, closed.output
    moved = cell_xml(demo, ARCHIEF_PART, "C4")
    assert '<rPr><b/><color rgb="FFFF0000"/></rPr><t>Evaluatie</t>' in moved, moved
    assert "<t>afgerond</t>" in cell_xml(demo, ARCHIEF_PART, "H4")  # what the close changes is still written
    assert_valid_ooxml(demo)


PIVOT_CACHE = "xl/pivotCache/pivotCacheDefinition1.xml"


def with_pivot_on_a_range(demo: Path, ref: str) -> Path:
    """A pivot table's cache made from a selected range of Acties (not the table's name), as Excel writes it."""
    rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    fields = "".join(f'<cacheField name="{h}" numFmtId="0"><sharedItems/></cacheField>' for h in schema.ACTIONS.headers)
    definition = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<pivotCacheDefinition xmlns="{MAIN}" '
                  f'xmlns:r="{rel}" refreshOnLoad="1" recordCount="0"><cacheSource type="worksheet">'
                  f'<worksheetSource ref="{ref}" sheet="Acties"/></cacheSource><cacheFields '
                  f'count="{len(schema.ACTIONS.headers)}">{fields}</cacheFields></pivotCacheDefinition>')
    write_parts(demo, {PIVOT_CACHE: definition.encode()})
    replace_in(demo, "[Content_Types].xml", "</Types>", f'<Override PartName="/{PIVOT_CACHE}" ContentType="application/'
               'vnd.openxmlformats-officedocument.spreadsheetml.pivotCacheDefinition+xml"/></Types>')
    replace_in(demo, "xl/_rels/workbook.xml.rels", "</Relationships>", f'<Relationship Id="rIdP1" Type="{rel}/'
               'pivotCacheDefinition" Target="pivotCache/pivotCacheDefinition1.xml"/></Relationships>')
    workbook = read_parts(demo)["xl/workbook.xml"].decode()
    calc = re.search(r"<calcPr[^>]*/>", workbook).group(0)
    return replace_in(demo, "xl/workbook.xml", calc,
                      f'{calc}<pivotCaches><pivotCache xmlns:r="{rel}" cacheId="1" r:id="rIdP1"/></pivotCaches>')


def pivot_source(path: Path) -> str:
    return re.search(r'<worksheetSource ref="([^"]+)"', read_parts(path)[PIVOT_CACHE].decode()).group(1)


def test_a_pivot_table_on_a_range_of_acties_keeps_counting_the_same_rows_after_close(demo):
    with_pivot_on_a_range(demo, "A1:K7")
    assert run("close", demo, "--numbers", "187,203", "--date", "2024-03-01").exit_code == 0
    assert pivot_source(demo) == "A1:K5"  # as Excel's own row deletion shrinks it: no "(leeg)" rows
    assert 'sheet="Acties"' in read_parts(demo)[PIVOT_CACHE].decode()


def test_a_pivot_table_on_rows_above_the_closed_ones_stays(demo):
    with_pivot_on_a_range(demo, "A1:K2")
    assert run("close", demo, "--numbers", "203", "--date", "2024-03-01").exit_code == 0
    assert pivot_source(demo) == "A1:K2"


# -- 1.4: merged ranges: never one cell, and a row's own merge goes with it ------------------------------------


def merges(path: Path, part: str) -> list[str]:
    return re.findall(r'<(?:\w+:)?mergeCell ref="([^"]+)"', read_parts(path)[part].decode())


@pytest.fixture
def merged(demo) -> Path:
    return replace_in(demo, ACTIES_PART, "</sheetData>",
                      '</sheetData><mergeCells count="2"><mergeCell ref="I3:I4"/><mergeCell ref="C5:D5"/></mergeCells>')


def test_a_merge_that_shrinks_to_one_cell_is_removed(merged):
    assert run("close", merged, "--numbers", "187", "--date", "2024-03-01").exit_code == 0
    assert merges(merged, ACTIES_PART) == ["C4:D4"]
    assert_valid_ooxml(merged)


def test_a_merge_inside_a_closed_action_goes_with_it_to_archief(merged):
    assert run("close", merged, "--numbers", "204", "--date", "2024-03-01").exit_code == 0
    assert merges(merged, ACTIES_PART) == ["I3:I4"]
    assert merges(merged, ARCHIEF_PART) == ["C4:D4"]
    assert formula_of(merged, schema.ARCHIVE.name, "A4") == 204
    assert_valid_ooxml(merged)


# -- 1.8: a protected sheet or workbook structure is refused, not edited ------------------------------------


def test_a_protected_sheet_orsheet_must_edit_is_refused_by_name_and_nothing_is_written(demo):
    replace_in(demo, ACTIES_PART, "</sheetData>", '</sheetData><sheetProtection sheet="1" objects="1" scenarios="1"/>')
    before = demo.read_bytes()
    refused = run("close", demo, "--numbers", "187", "--date", "2024-03-01")
    assert refused.exit_code == 1 and "blad Acties: dit blad is beveiligd" in refused.output, refused.output
    assert demo.read_bytes() == before


def test_a_protected_archief_is_refused_too_but_a_protected_sheet_orsheet_does_not_touch_is_fine(demo):
    replace_in(demo, ARCHIEF_PART, "</sheetData>", '</sheetData><sheetProtection sheet="1"/>')
    refused = run("close", demo, "--numbers", "187", "--date", "2024-03-01")
    assert refused.exit_code == 1 and "blad Archief: dit blad is beveiligd" in refused.output, refused.output
    replace_in(demo, ARCHIEF_PART, '<sheetProtection sheet="1"/>', "")
    replace_in(demo, "xl/worksheets/sheet4.xml", "</sheetData>", '</sheetData><sheetProtection sheet="1"/>')  # Besluiten
    assert run("close", demo, "--numbers", "187", "--date", "2024-03-01").exit_code == 0


def test_a_locked_workbook_structure_refuses_a_new_sheet_by_name(demo):
    replace_in(demo, "xl/workbook.xml", "<workbookProtection/>", '<workbookProtection lockStructure="1"/>')
    before = demo.read_bytes()
    refused = run("overview", demo, "--sheet")
    assert refused.exit_code == 1 and "blad Overzicht: de structuur van de werkmap is beveiligd" in refused.output, refused.output
    assert demo.read_bytes() == before


def test_a_table_beside_the_actions_below_their_header_is_not_read_and_stays(demo):
    with_table_below(demo, "M3:N5", BUDGET)
    assert run("check", demo).exit_code == 0
    assert run("close", demo, "--numbers", "187", "--date", "2024-03-01").exit_code == 0
    cells = sheet_cells(demo, schema.ACTIONS.name)
    assert [[cells[f"{c}{r}"] for c in "MN"] for r in range(3, 6)] == BUDGET
    assert table_refs(demo, schema.ACTIONS.name) == {"Acties": "A1:K6", "Budget": "M3:N5"}


def test_a_sheet_whose_only_formulas_are_formatting_rules_needs_no_parse_for_marks(demo):
    from orsheet.workbook.sheet_layout import may_have_marks

    acties = read_parts(demo)[ACTIES_PART]
    assert b"<formula>" in acties and not may_have_marks(acties)
    assert may_have_marks(prefixed(acties.replace(b'<c r="A3">', b'<c r="A3" t="e">', 1)))



def test_archief_cannot_get_a_new_column_where_another_table_stands_beside_it(demo):
    from orsheet.errors import OrsheetError
    from orsheet.services.common import archive_move

    with_table_below(demo, "L1:M3", CODES, name="Codes", part=ARCHIEF_PART)
    table = read_parts(demo)[ACTIES_TABLE].decode()
    table = table.replace('ref="A1:K7"', 'ref="A1:L7"', 2).replace('<tableColumns count="11">', '<tableColumns count="12">')
    table = table.replace("</tableColumns>", '<tableColumn id="12" name="Prioriteit"/></tableColumns>')
    write_parts(demo, {ACTIES_TABLE: table.encode()})
    replace_in(demo, ACTIES_PART, '<is><t>Deadline (datum)</t></is></c>',
               '<is><t>Deadline (datum)</t></is></c><c r="L1" t="inlineStr"><is><t>Prioriteit</t></is></c>')
    before = demo.read_bytes()
    action = next(a for a in load_actions(FileBackend(demo)).actions if a.number == 187)
    with pytest.raises(OrsheetError, match=r"tabel Archief .*Prioriteit.*tabel Codes \(L1:M3\)"):
        FileBackend(demo).write([archive_move([action])])
    assert demo.read_bytes() == before
