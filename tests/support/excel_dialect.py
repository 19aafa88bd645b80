"""Rewrite an openpyxl-made workbook into the dialect Excel itself writes.

Excel (as in xlwings' own quickstart.xlsm) declares ``mc:Ignorable`` with the
x14ac/xr namespaces and gives sheets an ``xr:uid``; it writes rich text runs
in sharedStrings, shared formulas for a filled-down column, a calcChain,
threaded comments with a persons part beside each legacy note. The
functions here add exactly that to a workbook, so tests see what a
secretary's file holds.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

from lxml import etree

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG = "http://schemas.openxmlformats.org/package/2006/relationships"
CT = "http://schemas.openxmlformats.org/package/2006/content-types"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
X14AC = "http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac"
XR = "http://schemas.microsoft.com/office/spreadsheetml/2014/revision"
THREADED = "http://schemas.microsoft.com/office/spreadsheetml/2018/threadedcomments"
THREADED_REL = "http://schemas.microsoft.com/office/2017/10/relationships/threadedComment"
PERSON_REL = "http://schemas.microsoft.com/office/2017/10/relationships/person"
DECLARATION = b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n'


def _xml(root: etree._Element) -> bytes:
    return DECLARATION + etree.tostring(root, encoding="UTF-8")


class Parts:
    def __init__(self, path: Path):
        self.path = path
        with zipfile.ZipFile(path) as archive:
            self.data = {n: archive.read(n) for n in archive.namelist()}

    def xml(self, name: str) -> etree._Element:
        return etree.fromstring(self.data[name])

    def put(self, name: str, root: etree._Element | bytes, content_type: str | None = None) -> None:
        self.data[name] = root if isinstance(root, bytes) else _xml(root)
        if content_type:
            types = self.xml("[Content_Types].xml")
            etree.SubElement(types, f"{{{CT}}}Override", PartName="/" + name, ContentType=content_type)
            self.data["[Content_Types].xml"] = _xml(types)

    def relate(self, source_rels: str, rel_id: str, rel_type: str, target: str) -> None:
        root = self.xml(source_rels) if source_rels in self.data else etree.Element(f"{{{PKG}}}Relationships", nsmap={None: PKG})
        etree.SubElement(root, f"{{{PKG}}}Relationship", Id=rel_id, Type=rel_type, Target=target)
        self.data[source_rels] = _xml(root)

    def sheet_part(self, title: str) -> str:
        workbook = self.xml("xl/workbook.xml")
        rels = {r.get("Id"): r.get("Target") for r in self.xml("xl/_rels/workbook.xml.rels")}
        for sheet in workbook.iter(f"{{{MAIN}}}sheet"):
            if sheet.get("name") == title:
                target = rels[sheet.get(f"{{{REL}}}id")]
                return target.lstrip("/") if target.startswith("/") else "xl/" + target
        raise KeyError(title)

    def save(self) -> None:
        with zipfile.ZipFile(self.path, "w", zipfile.ZIP_DEFLATED) as archive:
            for name, data in self.data.items():
                archive.writestr(name, data)


def excelify(path: Path, sheet: str, shared_column: str | None = None, threaded_cell: str | None = None) -> Path:
    """Give ``path`` Excel's dialect; ``shared_column`` becomes one shared formula, ``threaded_cell``
    gets a threaded comment (beside its legacy note) by a person in the persons part."""
    parts = Parts(path)
    _share_strings(parts)
    part = parts.sheet_part(sheet)
    root = _with_excel_namespaces(parts.xml(part))
    if shared_column:
        _share_formulas(root, shared_column)
    parts.put(part, root)
    _add_calc_chain(parts, root)
    if threaded_cell:
        _add_threaded_comment(parts, part, threaded_cell)
    parts.save()
    return path


def _with_excel_namespaces(root: etree._Element) -> etree._Element:
    nsmap = {**root.nsmap, "mc": MC, "x14ac": X14AC, "xr": XR}
    new = etree.Element(root.tag, nsmap=nsmap, attrib=dict(root.attrib))
    new.set(f"{{{MC}}}Ignorable", "x14ac xr")
    new.set(f"{{{XR}}}uid", "{00000000-0001-0000-0000-000000000000}")
    new.extend(list(root))
    for row in new.iter(f"{{{MAIN}}}row"):
        row.set(f"{{{X14AC}}}dyDescent", "0.3")
    return new


def _share_strings(parts: Parts) -> None:
    """Excel writes every text cell into the shared-string table (rich runs included), never inline."""
    table = etree.Element(f"{{{MAIN}}}sst", nsmap={None: MAIN})
    index: dict[bytes, int] = {}
    for name in [n for n in parts.data if n.startswith("xl/worksheets/sheet")]:
        root = parts.xml(name)
        for cell in root.iter(f"{{{MAIN}}}c"):
            if cell.get("t") != "inlineStr":
                continue
            inline = cell.find(f"{{{MAIN}}}is")
            if inline is None:
                continue
            key = etree.tostring(inline)
            if key not in index:
                item = etree.SubElement(table, f"{{{MAIN}}}si")
                item.extend(list(inline))
                index[key] = len(table) - 1
            cell.remove(inline)
            cell.set("t", "s")
            etree.SubElement(cell, f"{{{MAIN}}}v").text = str(index[key])
        parts.put(name, root)
    table.set("count", str(len(table)))
    table.set("uniqueCount", str(len(table)))
    parts.put("xl/sharedStrings.xml", table, "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml")
    parts.relate("xl/_rels/workbook.xml.rels", "rIdStrings", REL + "/sharedStrings", "sharedStrings.xml")


def _share_formulas(root: etree._Element, column: str) -> None:
    cells = [c for c in root.iter(f"{{{MAIN}}}c") if c.get("r").rstrip("0123456789") == column and c.find(f"{{{MAIN}}}f") is not None]
    if not cells:
        return
    first, last = cells[0].get("r"), cells[-1].get("r")
    for index, cell in enumerate(cells):
        formula = cell.find(f"{{{MAIN}}}f")
        formula.set("t", "shared")
        formula.set("si", "0")
        if index == 0:
            formula.set("ref", f"{first}:{last}")
        else:
            formula.text = None


def _add_calc_chain(parts: Parts, root: etree._Element) -> None:
    chain = etree.Element(f"{{{MAIN}}}calcChain", nsmap={None: MAIN})
    for cell in root.iter(f"{{{MAIN}}}c"):
        if cell.find(f"{{{MAIN}}}f") is not None:
            etree.SubElement(chain, f"{{{MAIN}}}c", r=cell.get("r"), i="1")
    if len(chain):
        parts.put("xl/calcChain.xml", chain, "application/vnd.openxmlformats-officedocument.spreadsheetml.calcChain+xml")
        parts.relate("xl/_rels/workbook.xml.rels", "rIdCalc", REL + "/calcChain", "calcChain.xml")


def _add_threaded_comment(parts: Parts, sheet_part: str, cell: str) -> None:
    persons = etree.Element(f"{{{THREADED}}}personList", nsmap={None: THREADED})
    etree.SubElement(persons, f"{{{THREADED}}}person", displayName="Secretaris", id="{11111111-1111-1111-1111-111111111111}",
                     userId="secretaris@voorbeeld.example", providerId="None")
    parts.put("xl/persons/person.xml", persons, "application/vnd.ms-excel.person+xml")
    parts.relate("xl/_rels/workbook.xml.rels", "rIdPersons", PERSON_REL, "persons/person.xml")
    threads = etree.Element(f"{{{THREADED}}}ThreadedComments", nsmap={None: THREADED})
    comment = etree.SubElement(threads, f"{{{THREADED}}}threadedComment", ref=cell, dT="2024-01-01T10:00:00.00",
                               personId="{11111111-1111-1111-1111-111111111111}", id="{22222222-2222-2222-2222-222222222222}")
    etree.SubElement(comment, f"{{{THREADED}}}text").text = "draad bij " + cell
    parts.put("xl/threadedComments/threadedComment1.xml", threads, "application/vnd.ms-excel.threadedcomments+xml")
    folder, name = sheet_part.rsplit("/", 1)
    parts.relate(f"{folder}/_rels/{name}.rels", "rIdThread", THREADED_REL, "../threadedComments/threadedComment1.xml")
