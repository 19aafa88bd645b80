"""Round trips through the file backend lose nothing: untouched parts come back byte for byte."""

from __future__ import annotations

import shutil
import zipfile
from pathlib import Path

import openpyxl
import pytest
from lxml import etree

from orsheet.build.contract_workbook import XLSM_WORKBOOK_TYPE
from orsheet.workbook.base import UpdateCells
from orsheet.workbook.file import FileBackend
from orsheet.ooxml.checks import ContentTypes, describe_parts, package_problems
from orsheet.ooxml.package import Package
from tests.support.rich_xlsm import (
    BUTTON_TEXT,
    DATA_SHEET,
    MACRO,
    PEOPLE_SHEET,
    START_SHEET,
    UI_2007,
    X14_VALIDATION_URI,
    build_rich_xlsm,
)

# Parts nobody means to change: they must come back byte for byte.
OPAQUE_PARTS = (
    "xl/vbaProject.bin",
    "customUI/customUI.xml",
    "customUI/customUI14.xml",
    "customUI/_rels/customUI14.xml.rels",
    "customUI/images/orsheet.png",
    "xl/ctrlProps/ctrlProp1.xml",
    "xl/drawings/vmlDrawing1.vml",
    "xl/drawings/drawing1.xml",
    "xl/printerSettings/printerSettings1.bin",
    "customXml/item1.xml",
    "customXml/itemProps1.xml",
)
# Parts a save may rewrite: the edited sheet.
REGENERATED = {"xl/worksheets/sheet2.xml"}


@pytest.fixture(scope="module")
def rich_original(tmp_path_factory) -> Path:
    return build_rich_xlsm(tmp_path_factory.mktemp("rich") / "rich.xlsm")


@pytest.fixture
def rich(rich_original, tmp_path) -> Path:
    copy = tmp_path / "werkmap.xlsm"
    shutil.copyfile(rich_original, copy)
    return copy


def save_cycle(path: Path, edits=None) -> None:
    """One save through the file backend (by default: one cell of the data sheet changed)."""
    FileBackend(path).write(edits if edits is not None else [UpdateCells(DATA_SHEET, 2, {"Status": "afgerond"})])


def part(path: Path, name: str) -> bytes:
    with zipfile.ZipFile(path) as archive:
        return archive.read(name)


def sheet_xml(path: Path, title: str) -> etree._Element:
    package = Package(path)
    return etree.fromstring(package.get(package.sheet_parts()[title]))


def test_the_fixture_is_a_sound_package_with_everything_in_it(rich):
    assert package_problems(rich) == []
    names = set(describe_parts(rich))
    assert set(OPAQUE_PARTS) <= names and "docProps/custom.xml" in names


def test_round_trip_keeps_every_part_and_untouched_parts_byte_for_byte(rich, tmp_path):
    before = describe_parts(rich)
    save_cycle(rich)
    after = describe_parts(rich)
    assert set(after) == set(before)
    for name in OPAQUE_PARTS:
        assert after[name] == before[name], name


def test_round_trip_leaves_a_package_whose_relationships_and_content_types_are_complete(rich):
    save_cycle(rich)
    assert package_problems(rich) == []


def test_ribbon_relationships_for_office_2007_and_2010_are_both_restored(rich):
    save_cycle(rich)
    rels = etree.fromstring(part(rich, "_rels/.rels"))
    targets = {rel.get("Target").lstrip("/") for rel in rels}
    assert {"customUI/customUI.xml", "customUI/customUI14.xml"} <= targets
    assert any(rel.get("Type") == UI_2007 for rel in rels)


def test_form_button_keeps_controls_block_macro_and_legacy_drawing(rich):
    save_cycle(rich)
    root = sheet_xml(rich, START_SHEET)
    controls = root.findall(".//{*}control")
    assert len(controls) == 1
    assert controls[0].find("{*}controlPr").get("macro") == f"[0]!{MACRO}"
    assert root.find("{*}legacyDrawing") is not None
    vml = part(rich, "xl/drawings/vmlDrawing1.vml").decode()
    assert BUTTON_TEXT in vml and f"[0]!{MACRO}" in vml


def test_restored_sheet_elements_follow_the_schema_order(rich):
    save_cycle(rich)
    names = [etree.QName(child).localname for child in sheet_xml(rich, START_SHEET)]
    expected = ["pageMargins", "pageSetup", "drawing", "legacyDrawing", "AlternateContent"]
    assert [n for n in names if n in expected] == expected


def test_controls_relationship_points_at_the_control_properties_part(rich):
    save_cycle(rich)
    root = sheet_xml(rich, START_SHEET)
    r_id = root.find(".//{*}control").get("{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id")
    package = Package(rich)
    rels = {rel.get("Id"): target for rel, target in package.relationships_with_targets(package.sheet_parts()[START_SHEET])}
    assert rels[r_id] == "xl/ctrlProps/ctrlProp1.xml"


def test_sheet_root_keeps_the_namespaces_the_controls_block_requires(rich):
    save_cycle(rich)
    root = sheet_xml(rich, START_SHEET)
    assert "x14" in root.nsmap
    assert root.get("{http://schemas.openxmlformats.org/markup-compatibility/2006}Ignorable") == "x14ac xr xr2 xr3"


def test_excel_2010_validation_with_a_list_from_another_sheet_survives(rich):
    save_cycle(rich)
    root = sheet_xml(rich, DATA_SHEET)
    ext = root.find(f"{{*}}extLst/{{*}}ext[@uri='{X14_VALIDATION_URI}']")
    assert ext is not None
    assert ext.findtext(".//{*}f") == f"{PEOPLE_SHEET}!$A$2:$A$8"
    assert etree.QName(root[-1]).localname == "extLst"


def test_copied_parts_keep_their_own_content_types(rich):
    save_cycle(rich)
    types = ContentTypes(Package(rich))
    assert types.type_of("xl/ctrlProps/ctrlProp1.xml") == "application/vnd.ms-excel.controlproperties+xml"
    assert types.type_of("xl/vbaProject.bin") == "application/vnd.ms-office.vbaProject"
    assert types.type_of("xl/printerSettings/printerSettings1.bin").endswith("printerSettings")
    assert types.type_of("xl/workbook.xml") == XLSM_WORKBOOK_TYPE
    assert types.type_of("customXml/itemProps1.xml").endswith("customXmlProperties+xml")


def test_vba_project_reads_back_with_oletools_after_the_round_trip(rich):
    from oletools.olevba import VBA_Parser

    save_cycle(rich)
    parser = VBA_Parser(str(rich))
    try:
        modules = {name: code for _, _, name, code in parser.extract_all_macros()}
    finally:
        parser.close()
    assert f"Sub {MACRO}()" in modules["Module1.bas"]


def test_cells_table_validation_formatting_names_widths_and_styles_survive(rich):
    save_cycle(rich, [UpdateCells(DATA_SHEET, 3, {"Onderwerp": "Gewijzigd"})])
    book = openpyxl.load_workbook(rich, keep_vba=True)
    sheet = book[DATA_SHEET]
    assert sheet["B3"].value == "Gewijzigd" and sheet["B4"].value == "Onderwerp 3"
    assert sheet.tables["Acties"].ref == "A1:E31"
    assert sheet.data_validations.dataValidation[0].formula1 == '"in behandeling,ON HOLD,afgerond"'
    assert [str(r.sqref) for r in sheet.conditional_formatting] == ["A2:A31"]
    assert book.defined_names["LaatsteNummer"].attr_text == f"{DATA_SHEET}!$A$31"
    assert sheet.column_dimensions["B"].width == 30
    assert sheet["A1"].font.bold and sheet["A1"].fill.fgColor.rgb.endswith("1F4E78")
    assert sheet.freeze_panes == "A2"
    assert book.vba_archive is not None and book[START_SHEET]["A1"].value.startswith("Actielijst")


def test_fifty_save_cycles_neither_grow_nor_lose_anything(rich):
    save_cycle(rich)
    first = describe_parts(rich)
    sizes = [rich.stat().st_size]
    for _ in range(49):
        save_cycle(rich)
        sizes.append(rich.stat().st_size)
    last = describe_parts(rich)
    assert set(last) == set(first)
    assert {n for n in first if first[n] != last[n]} <= REGENERATED
    assert max(sizes) - min(sizes) <= 16
    assert package_problems(rich) == []


@pytest.mark.libreoffice
@pytest.mark.slow
def test_libreoffice_opens_the_restored_workbook(rich, tmp_path):
    import subprocess

    soffice = shutil.which("soffice")
    if soffice is None:
        pytest.skip("LibreOffice (soffice) is not installed")
    save_cycle(rich)
    out = tmp_path / "out"
    subprocess.run(
        [soffice, f"-env:UserInstallation=file://{tmp_path}/profile", "--headless", "--convert-to", "xlsx",
         "--outdir", str(out), str(rich)],
        check=True, capture_output=True, timeout=180,
    )
    converted = openpyxl.load_workbook(out / "werkmap.xlsx")
    assert converted[DATA_SHEET]["B2"].value == "Onderwerp 1"
