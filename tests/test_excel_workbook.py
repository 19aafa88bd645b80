"""The macro workbook as a file: package structure, buttons, ribbon, xlwings.conf, LibreOffice."""

from __future__ import annotations

import posixpath
import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from lxml import etree

import orsheet.macros
from orsheet import schema
from orsheet.build import ribbon
from orsheet.excel import conf_sheet
from orsheet.excel.actions import ACTIONS
from orsheet.ooxml.opc import rels_path
from orsheet.build.macro_workbook import MACROS_DIR, add_macros
from tests.excel_support import build_plain_and_macro
from tests.support.parts import read_parts

CT = "{http://schemas.openxmlformats.org/package/2006/content-types}"
REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"
R_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"


@pytest.fixture(scope="module")
def workbooks(tmp_path_factory) -> tuple[Path, Path]:
    return build_plain_and_macro(tmp_path_factory.mktemp("workbook"))


@pytest.fixture(scope="module")
def parts(workbooks) -> dict[str, bytes]:
    return read_parts(workbooks[1])


def vba_source() -> str:
    return "\n".join(p.read_text(encoding="cp1252") for p in sorted(MACROS_DIR.glob("*.bas")))


def public_subs() -> set[str]:
    return set(re.findall(r"^Public Sub (\w+)\(", (MACROS_DIR / "Orsheet.bas").read_text(encoding="cp1252"), re.MULTILINE))


# -- package structure -----------------------------------------------------------


def test_every_part_has_a_content_type_and_every_relationship_target_exists(parts):
    types = etree.fromstring(parts["[Content_Types].xml"])
    defaults = {d.get("Extension").lower() for d in types.iter(f"{CT}Default")}
    overrides = {o.get("PartName") for o in types.iter(f"{CT}Override")}
    for name in parts:
        if name == "[Content_Types].xml" or name.endswith("/"):
            continue
        assert "/" + name in overrides or name.rsplit(".", 1)[-1].lower() in defaults, name
    assert {o[1:] for o in overrides} <= set(parts), "an override names a missing part"
    for name in parts:
        if not name.endswith(".rels"):
            continue
        source = "" if name == "_rels/.rels" else posixpath.join(posixpath.dirname(posixpath.dirname(name)), posixpath.basename(name)[:-5])
        for rel in etree.fromstring(parts[name]).iter(f"{REL}Relationship"):
            if rel.get("TargetMode") == "External":
                continue
            target = posixpath.normpath(posixpath.join(posixpath.dirname(source), rel.get("Target"))).lstrip("/")
            assert target in parts, f"{name}: {rel.get('Target')} missing"


def test_every_part_except_relationship_files_is_reachable_from_the_package(parts):
    reached, queue = set(), [""]
    while queue:
        source = queue.pop()
        rels = rels_path(source) if source else "_rels/.rels"
        if rels not in parts:
            continue
        for rel in etree.fromstring(parts[rels]).iter(f"{REL}Relationship"):
            target = posixpath.normpath(posixpath.join(posixpath.dirname(source), rel.get("Target"))).lstrip("/")
            if target not in reached:
                reached.add(target)
                queue.append(target)
    orphans = {n for n in parts if not n.endswith(".rels") and n != "[Content_Types].xml"} - reached
    assert orphans == set()


def test_every_xml_part_is_well_formed(parts):
    for name, data in parts.items():
        if name.endswith((".xml", ".rels", ".vml")):
            etree.fromstring(data)


def test_workbook_is_macro_enabled_with_its_vba_project_related(parts):
    types = parts["[Content_Types].xml"].decode()
    assert 'PartName="/xl/workbook.xml" ContentType="application/vnd.ms-excel.sheet.macroEnabled.main+xml"' in types
    assert 'ContentType="application/vnd.ms-office.vbaProject"' in types
    assert b"relationships/vbaProject" in parts["xl/_rels/workbook.xml.rels"]


def test_building_twice_from_the_same_template_gives_the_same_bytes(workbooks):
    plain = workbooks[0].read_bytes()
    assert add_macros(plain) == add_macros(plain) == workbooks[1].read_bytes()


def test_adding_macros_to_a_workbook_that_already_has_them_is_refused(workbooks):
    with pytest.raises(ValueError, match="already has a VBA project"):
        add_macros(workbooks[1].read_bytes())


def test_untouched_parts_of_the_plain_template_stay_byte_for_byte(workbooks, parts):
    plain = read_parts(workbooks[0])
    edited = {"[Content_Types].xml", "xl/workbook.xml", "xl/_rels/workbook.xml.rels", "_rels/.rels"}
    edited |= {n for n in plain if n.startswith("xl/worksheets/")}
    for name, data in plain.items():
        if name not in edited:
            assert parts[name] == data, name


# -- VBA, buttons and ribbon agree ----------------------------------------------------


def test_every_python_function_named_in_the_vba_exists_in_orsheet_macros():
    named = set(re.findall(r"\bm\.(\w+)\(", vba_source()))
    assert named, "the VBA names no orsheet.macros function"
    assert {n for n in named if not callable(getattr(orsheet.macros, n, None))} == set()


def test_every_button_on_start_runs_a_public_macro_of_the_vba(parts):
    vml = parts["xl/drawings/vmlDrawing1.vml"].decode()
    sheet = parts["xl/worksheets/sheet1.xml"].decode()
    vml_macros = re.findall(r"<x:FmlaMacro>\[0\]!(\w+)</x:FmlaMacro>", vml)
    control_macros = re.findall(r'macro="\[0\]!(\w+)"', sheet)
    assert vml_macros == control_macros == [a.macro for a in ACTIONS]
    assert set(vml_macros) <= public_subs()


def test_start_sheet_has_one_button_per_action_with_its_dutch_caption(parts):
    vml = parts["xl/drawings/vmlDrawing1.vml"].decode()
    assert re.findall(r'color="#000000">([^<]+)</font>', vml) == [a.label for a in ACTIONS]
    assert b"<legacyDrawing" in parts["xl/worksheets/sheet1.xml"]


def test_every_ribbon_callback_exists_in_the_vba(parts):
    custom_ui = etree.fromstring(parts[ribbon.PART])
    callbacks = [b.get("onAction") for b in custom_ui.iter(f"{{{ribbon.NAMESPACE}}}button")]
    assert callbacks == [a.ribbon_callback for a in ACTIONS]
    assert set(callbacks) <= public_subs()


def test_ribbon_tab_is_or_secretariaat_with_the_dutch_labels(parts):
    custom_ui = etree.fromstring(parts[ribbon.PART])
    tab = next(custom_ui.iter(f"{{{ribbon.NAMESPACE}}}tab"))
    assert tab.get("label") == "OR-secretariaat"
    assert [b.get("label") for b in tab.iter(f"{{{ribbon.NAMESPACE}}}button")] == [a.label for a in ACTIONS]
    assert ribbon.RELATIONSHIP.encode() in parts["_rels/.rels"]


def test_every_vba_macro_calls_runpython_with_orsheet_macros():
    source = (MACROS_DIR / "Orsheet.bas").read_text(encoding="cp1252")
    assert 'RunPython "import orsheet.macros as m; " & pythonCall' in source
    for action in ACTIONS:
        body = re.search(rf"Public Sub {action.macro}\(\)(.*?)End Sub", source, re.DOTALL).group(1)
        assert "RunAction" in body and "m." in body, action.macro


# -- xlwings.conf and code names -----------------------------------------------------


def test_xlwings_conf_sheet_lists_the_settings_runpython_reads_from_a1_down(workbooks):
    import openpyxl

    book = openpyxl.load_workbook(workbooks[1])
    sheet = book[conf_sheet.SHEET_NAME]
    keys = []
    for (cell,) in sheet.iter_rows(min_col=1, max_col=1):
        if cell.value is None:
            break
        keys.append(cell.value)
    assert keys[:3] == ["Interpreter_Win", "Interpreter_Mac", "PYTHONPATH"]
    assert "UDF Modules" in keys and sheet["B6"].value is None
    assert sheet.sheet_state == "hidden"


def test_workbook_and_sheets_carry_the_code_names_of_the_document_modules(workbooks):
    import openpyxl

    book = openpyxl.load_workbook(workbooks[1], keep_vba=True)
    assert book.code_name == "ThisWorkbook"
    assert [s.sheet_properties.codeName for s in book.worksheets] == [f"Sheet{n}" for n in range(1, len(book.worksheets) + 1)]


def test_file_backend_reads_the_contract_sheets_of_the_macro_workbook(workbooks):
    from orsheet.workbook.file import FileBackend

    backend = FileBackend(workbooks[1])
    assert backend.sheet_names() == [s.name for s in schema.SHEETS] + [conf_sheet.SHEET_NAME]
    assert backend.read([schema.ACTIONS.name])[schema.ACTIONS.name].header == list(schema.ACTIONS.headers)


# -- LibreOffice -------------------------------------------------------------------------


@pytest.fixture(scope="module")
def libreoffice_ods(workbooks, tmp_path_factory) -> Path:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        pytest.skip("LibreOffice (soffice) is not installed")
    folder = tmp_path_factory.mktemp("lo")
    result = subprocess.run(
        [soffice, "--headless", "--norestore", f"-env:UserInstallation=file://{folder}/profile",
         "--convert-to", "ods", "--outdir", str(folder), str(workbooks[1])],
        capture_output=True, text=True, timeout=180,
    )
    output = folder / "orsheet.ods"
    assert result.returncode == 0 and output.is_file(), result.stderr
    return output


@pytest.mark.libreoffice
def test_libreoffice_converts_the_workbook_with_every_sheet(libreoffice_ods):
    with zipfile.ZipFile(libreoffice_ods) as ods:
        content = ods.read("content.xml").decode()
    names = re.findall(r'<table:table table:name="([^"]+)"', content)
    assert names == [s.name for s in schema.SHEETS] + [conf_sheet.SHEET_NAME]


@pytest.mark.libreoffice
def test_libreoffice_lists_the_vba_modules_with_their_kinds(libreoffice_ods):
    with zipfile.ZipFile(libreoffice_ods) as ods:
        modules = {
            Path(n).stem: re.search(r'script:moduleType="(\w+)"', ods.read(n).decode()).group(1)
            for n in ods.namelist()
            if n.startswith("Basic/VBAProject/") and not n.endswith("script-lb.xml")
        }
    assert modules["xlwings"] == modules["Orsheet"] == "normal"
    assert modules["Dictionary"] == "class"
    assert modules["ThisWorkbook"] == modules["Sheet1"] == "document"


@pytest.mark.libreoffice
def test_libreoffice_binds_each_start_button_to_its_orsheet_macro(libreoffice_ods):
    with zipfile.ZipFile(libreoffice_ods) as ods:
        content = ods.read("content.xml").decode()
    labels = re.findall(r'<form:button [^>]*form:label="([^"]+)"', content)
    bound = re.findall(r"vnd\.sun\.star\.script:VBAProject\.Orsheet\.(\w+)\?", content)
    assert labels == [a.label for a in ACTIONS]
    assert bound == [a.macro for a in ACTIONS]
