"""Assemble the macro workbook from the plain contract workbook: VBA, buttons, ribbon, xlwings.conf.

:func:`add_macros` takes the bytes of the plain ``.xlsm`` that
:mod:`orsheet.build.contract_workbook` writes and returns the workbook with a VBA project
(``macros/*.bas``/``.cls``), the form buttons on ``Start``, the ribbon tab "OR-secretariaat"
and the ``xlwings.conf`` sheet; same input, same bytes.
"""

from __future__ import annotations

from pathlib import Path

from lxml import etree

from orsheet import schema
from orsheet.build import form_buttons, ribbon
from orsheet.build.contract_workbook import XLSM_WORKBOOK_TYPE
from orsheet.build.vba_project import build_vba_project, module_from_file
from orsheet.excel import conf_sheet
from orsheet.ooxml.markup import MAIN as MAIN_NS, REL as R_NS
from orsheet.ooxml.package import Package
from orsheet.ooxml.vba_records import Module, document_module

MACROS_DIR = Path(__file__).resolve().parents[2] / "macros"
WORKSHEET_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet"
VBA_REL = "http://schemas.microsoft.com/office/2006/relationships/vbaProject"
VBA_CONTENT_TYPE = "application/vnd.ms-office.vbaProject"
WORKSHEET_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"
WORKBOOK_CODE_NAME = "ThisWorkbook"
# Children of <worksheet> that must come after <legacyDrawing>/<controls> (ECMA-376 CT_Worksheet).
_AFTER_CONTROLS = ("legacyDrawingHF", "drawingHF", "picture", "oleObjects", "controls", "webPublishItems", "tableParts", "extLst")
_AFTER_WORKBOOK_PR = ("fileVersion", "fileSharing")


def _q(tag: str) -> str:
    return f"{{{MAIN_NS}}}{tag}"


def source_modules(macros_dir: Path = MACROS_DIR) -> list[Module]:
    """The modules in ``macros/``: standard modules first, then classes, each by name."""
    files = sorted(macros_dir.glob("*.bas")) + sorted(macros_dir.glob("*.cls"))
    if not files:
        raise FileNotFoundError(f"no .bas/.cls files in {macros_dir}")
    return [module_from_file(path) for path in files]


def add_macros(plain: bytes, macros_dir: Path = MACROS_DIR) -> bytes:
    """Return the macro workbook built from the plain template's bytes (deterministic)."""
    package = Package(plain)
    workbook_part = package.workbook_part
    if any(r.get("Type") == VBA_REL for r in package.relationships(workbook_part)):
        raise ValueError("the workbook already has a VBA project; start from the plain template")
    sheets = _add_conf_sheet(package, workbook_part)
    code_names = _set_code_names(package, workbook_part, sheets)
    modules = [document_module(WORKBOOK_CODE_NAME, True)]
    modules += [document_module(name, False) for name in code_names]
    modules += source_modules(macros_dir)
    package.put("xl/vbaProject.bin", build_vba_project(modules))
    package.add_relationship(workbook_part, VBA_REL, "vbaProject.bin")
    package.set_override("xl/vbaProject.bin", VBA_CONTENT_TYPE)
    package.set_override(workbook_part, XLSM_WORKBOOK_TYPE)
    _add_buttons(package, dict(sheets)[schema.START.name])
    package.put(ribbon.PART, ribbon.custom_ui_xml())
    package.add_relationship("", ribbon.RELATIONSHIP, ribbon.PART)
    return package.to_bytes()


def build_macro_workbook(plain_path: Path, out_path: Path, macros_dir: Path = MACROS_DIR) -> None:
    out_path.write_bytes(add_macros(Path(plain_path).read_bytes(), macros_dir))


def _add_conf_sheet(package: Package, workbook_part: str) -> list[tuple[str, str]]:
    sheets = list(package.sheet_parts().items())
    if conf_sheet.SHEET_NAME in dict(sheets):
        raise ValueError(f"the workbook already has a {conf_sheet.SHEET_NAME} sheet")
    part = package.new_part_name("xl/worksheets/sheet{}.xml")
    package.put(part, conf_sheet.conf_sheet_xml(f"Sheet{len(sheets) + 1}"), WORKSHEET_TYPE)
    rid = package.add_relationship(workbook_part, WORKSHEET_REL, part.removeprefix("xl/"))
    workbook = package.xml(workbook_part)
    container = workbook.find(_q("sheets"))
    sheet_id = max(int(s.get("sheetId")) for s in container) + 1
    etree.SubElement(container, _q("sheet"), name=conf_sheet.SHEET_NAME, sheetId=str(sheet_id), state="hidden").set(f"{{{R_NS}}}id", rid)
    return sheets + [(conf_sheet.SHEET_NAME, part)]


def _set_code_names(package: Package, workbook_part: str, sheets: list[tuple[str, str]]) -> list[str]:
    workbook = package.xml(workbook_part)
    properties = workbook.find(_q("workbookPr"))
    if properties is None:
        properties = etree.Element(_q("workbookPr"))
        _insert_after(workbook, properties, _AFTER_WORKBOOK_PR)
    properties.set("codeName", WORKBOOK_CODE_NAME)
    names = []
    for number, (_, part) in enumerate(sheets, start=1):
        name = f"Sheet{number}"
        sheet = package.xml(part)
        sheet_properties = sheet.find(_q("sheetPr"))
        if sheet_properties is None:
            sheet_properties = etree.Element(_q("sheetPr"))
            sheet.insert(0, sheet_properties)
        sheet_properties.set("codeName", name)
        names.append(name)
    return names


def _insert_after(parent: etree._Element, element: etree._Element, predecessors: tuple[str, ...]) -> None:
    index = 0
    for position, child in enumerate(parent):
        if etree.QName(child).localname in predecessors:
            index = position + 1
    parent.insert(index, element)


def _add_buttons(package: Package, sheet_part: str) -> None:
    buttons = form_buttons.layout(geometry=form_buttons.sheet_geometry(package.get(sheet_part)))
    sheet = package.xml(sheet_part)
    if sheet.find(_q("legacyDrawing")) is not None or sheet.find(_q("controls")) is not None:
        raise ValueError(f"{sheet_part} already has drawings or controls")
    vml_part = package.new_part_name("xl/drawings/vmlDrawing{}.vml")
    package.put(vml_part, form_buttons.vml_drawing(buttons))
    package.set_default("vml", form_buttons.VML_CONTENT_TYPE)
    vml_rid = package.add_relationship(sheet_part, form_buttons.VML_RELATIONSHIP, "../" + vml_part.removeprefix("xl/"))
    control_rids = []
    for _ in buttons:
        prop_part = package.new_part_name("xl/ctrlProps/ctrlProp{}.xml")
        package.put(prop_part, form_buttons.ctrl_prop(), form_buttons.CTRL_PROP_CONTENT_TYPE)
        control_rids.append(package.add_relationship(sheet_part, form_buttons.CTRL_PROP_RELATIONSHIP, "../" + prop_part.removeprefix("xl/")))
    legacy = etree.Element(_q("legacyDrawing"))
    legacy.set(f"{{{R_NS}}}id", vml_rid)
    block = etree.fromstring(form_buttons.controls_xml(buttons, control_rids))
    anchor = next((c for c in sheet if etree.QName(c).localname in _AFTER_CONTROLS), None)
    if anchor is None:
        sheet.append(legacy)
        sheet.append(block)
    else:
        anchor.addprevious(legacy)
        anchor.addprevious(block)
