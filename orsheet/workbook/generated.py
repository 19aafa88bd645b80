"""The one look of a sheet orsheet generates (Agenda, Overzicht, Voorstel, Logboek).

A generated sheet is written whole: a bold header row that stays in view
(frozen), the given column widths, an Excel table over the rows (filter
buttons, banded rows) where its first row heads every column (not the Agenda,
whose first row is its title: :func:`table_header`), and a print setup of
landscape A4, one page wide, with the header repeated on every page. The file
backend writes all of it here; the live backend (``xlwings_backend``) the
header, panes, drop-downs and the same table.
"""

from __future__ import annotations

import re
from typing import Sequence

from lxml import etree

from orsheet.errors import column_letter
from orsheet.ooxml.markup import MAIN, REL, TABLE_REL, q
from orsheet.ooxml.package import Package
from orsheet.workbook.generated_table import TABLE_STYLE, table_header, table_name_base, table_ref

TABLE_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml"
_KEEP = ("sheetData", "cols")  # built by the sheet editor
# What may hang on a generated sheet from elsewhere (a button's drawing and controls): kept, in schema order.
_ATTACHED = ("drawing", "legacyDrawing", "legacyDrawingHF", "drawingHF", "picture", "oleObjects", "controls",
             "webPublishItems")


def apply_look(package: Package, part: str, sheet: str, rows: Sequence[Sequence[object]], widths: Sequence[float],
               choices: Sequence[tuple[int, Sequence[str]]] = ()) -> None:
    root = package.xml(part)
    kept = {etree.QName(e).localname: e for e in root if isinstance(e.tag, str)}
    table_rel = _table_relationship(package, part, sheet, rows)
    for child in list(root):
        root.remove(child)
    width = max((len(r) for r in rows), default=1)
    height = max(len(rows), 1)
    sheet_pr = kept.get("sheetPr")  # keeps the sheet's code name (its VBA module)
    if sheet_pr is None:
        sheet_pr = etree.Element(q("sheetPr"))
    root.append(sheet_pr)
    setup = sheet_pr.find(q("pageSetUpPr"))
    if setup is None:
        setup = etree.Element(q("pageSetUpPr"))
        outline = sheet_pr.find(q("outlinePr"))
        outline.addnext(setup) if outline is not None else sheet_pr.append(setup)
    setup.set("fitToPage", "1")
    etree.SubElement(root, q("dimension"), ref=f"A1:{column_letter(width)}{height}")
    views = etree.SubElement(root, q("sheetViews"))
    view = etree.SubElement(views, q("sheetView"), workbookViewId="0")
    etree.SubElement(view, q("pane"), ySplit="1", topLeftCell="A2", activePane="bottomLeft", state="frozen")
    etree.SubElement(view, q("selection"), pane="bottomLeft", activeCell="A2", sqref="A2")
    etree.SubElement(root, q("sheetFormatPr"), defaultRowHeight="15")
    if "cols" in kept and widths:
        root.append(kept["cols"])
    root.append(kept.get("sheetData", etree.Element(q("sheetData"))))
    _add_choices(root, len(rows), choices)
    etree.SubElement(root, q("pageMargins"), left="0.7", right="0.7", top="0.75", bottom="0.75", header="0.3", footer="0.3")
    etree.SubElement(root, q("pageSetup"), paperSize="9", orientation="landscape", fitToWidth="1", fitToHeight="0")
    for name in _ATTACHED:
        if name in kept:
            root.append(kept[name])
    if table_rel:
        parts = etree.SubElement(root, q("tableParts"), count="1")
        etree.SubElement(parts, q("tablePart")).set(f"{{{REL}}}id", table_rel)
    if "extLst" in kept:
        root.append(kept["extLst"])
    package.set_defined_name("_xlnm.Print_Titles", f"{_quoted(sheet)}!$1:$1", local_sheet=sheet)


def _quoted(sheet: str) -> str:
    return sheet if re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", sheet) else "'" + sheet.replace("'", "''") + "'"


def _table_relationship(package: Package, part: str, sheet: str, rows: Sequence[Sequence[object]]) -> str | None:
    """The Id of the sheet's table relationship after fitting the table to ``rows`` (None: no table)."""
    header = table_header(rows)
    existing = [(r.get("Id"), target) for r, target in package.relationships_with_targets(part) if r.get("Type") == TABLE_REL]
    if header is None:
        for rel, table_part in package.relationships_with_targets(part):  # an older orsheet's over the Agenda's title
            if rel.get("Type") == TABLE_REL:
                rel.getparent().remove(rel)
                package.remove(table_part)
        return None
    ref = table_ref(rows)
    if existing:
        rel_id, table_part = existing[0]
        table = package.xml(table_part)
    else:
        table_part = package.new_part_name("xl/tables/table{}.xml")
        table = etree.Element(q("table"), nsmap={None: MAIN})
        table.set("id", str(package.next_table_id()))
        name = package.free_table_name(table_name_base(sheet))
        table.set("name", name)
        table.set("displayName", name)
        package.add(table_part, table, TABLE_TYPE)
        rel_id = package.add_relationship(part, TABLE_REL, "/" + table_part)
    table.set("ref", ref)
    for child in list(table):
        table.remove(child)
    etree.SubElement(table, q("autoFilter"), ref=ref)
    columns = etree.SubElement(table, q("tableColumns"), count=str(len(header)))
    for index, name in enumerate(header, start=1):
        etree.SubElement(columns, q("tableColumn"), id=str(index), name=name)
    etree.SubElement(table, q("tableStyleInfo"), name=TABLE_STYLE, showFirstColumn="0", showLastColumn="0",
                     showRowStripes="1", showColumnStripes="0")
    return rel_id


def _add_choices(root: etree._Element, height: int, wanted: Sequence[tuple[int, Sequence[str]]]) -> None:
    """Drop-down lists in the given columns, rows 2 to ``height`` (in schema order: after sheetData,
    before pageMargins); ``wanted`` comes from :meth:`.ReplaceSheet.choice_columns`.

    As in the template, the list suggests values but accepts any text (no error message), so
    what orsheet writes there later ("verwerkt") is never flagged.
    """
    if not wanted:
        return
    validations = etree.SubElement(root, q("dataValidations"), count=str(len(wanted)))
    for column, values in wanted:
        letter = column_letter(column)
        rule = etree.SubElement(validations, q("dataValidation"), type="list", allowBlank="1",
                                showInputMessage="1", showErrorMessage="0", sqref=f"{letter}2:{letter}{height}")
        etree.SubElement(rule, q("formula1")).text = '"' + ",".join(values) + '"'
