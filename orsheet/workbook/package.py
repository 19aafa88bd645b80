"""An .xlsx/.xlsm package opened for surgical edits.

Only the parts a write really changes are parsed and re-serialised (the
edited worksheets, their tables, and where needed the styles, the workbook
part and its relationships); every other part — the VBA project, ribbon,
form controls, drawings, other sheets — is copied over unchanged. That keeps
what the secretary built in Excel, and is far faster than a full
openpyxl load and save.
"""

from __future__ import annotations

import posixpath
import zipfile
from pathlib import Path

from lxml import etree

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
CT = "http://schemas.openxmlformats.org/package/2006/content-types"
WORKSHEET_REL = REL + "/worksheet"
TABLE_REL = REL + "/table"
CALC_CHAIN_REL = REL + "/calcChain"
WORKSHEET_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"
NS = {"m": MAIN, "r": REL, "p": PKG_REL, "ct": CT}


def q(tag: str) -> str:
    """Qualified name in the spreadsheet namespace."""
    return f"{{{MAIN}}}{tag}"


def parse(data: bytes) -> etree._Element:
    return etree.fromstring(data, etree.XMLParser(huge_tree=True, remove_blank_text=False))


def serialise(root: etree._Element) -> bytes:
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def rels_path(part: str) -> str:
    folder, name = posixpath.split(part)
    return posixpath.join(folder, "_rels", name + ".rels")


def resolve(source_part: str, target: str) -> str:
    if target.startswith("/"):
        return target.lstrip("/")
    return posixpath.normpath(posixpath.join(posixpath.dirname(source_part), target))


class Package:
    """The zip parts of one workbook; edited parts are held parsed until saved."""

    def __init__(self, path: Path):
        self.path = Path(path)
        with zipfile.ZipFile(self.path) as archive:
            self.names = archive.namelist()
            self._raw = {name: archive.read(name) for name in self.names}
        self._parsed: dict[str, etree._Element] = {}
        self._removed: set[str] = set()

    # -- parts -----------------------------------------------------------

    def has(self, name: str) -> bool:
        return (name in self._raw or name in self._parsed) and name not in self._removed

    def xml(self, name: str) -> etree._Element:
        """The parsed part; changes to it are saved."""
        if name not in self._parsed:
            self._parsed[name] = parse(self._raw[name])
        return self._parsed[name]

    def add(self, name: str, root: etree._Element) -> None:
        self._parsed[name] = root
        if name not in self.names:
            self.names.append(name)
        self._removed.discard(name)

    def remove(self, name: str) -> None:
        self._removed.add(name)

    def raw(self, name: str) -> bytes:
        """The bytes of a part that is not XML (e.g. xl/vbaProject.bin)."""
        return self._raw[name]

    def set_raw(self, name: str, data: bytes) -> None:
        self._raw[name] = data
        self._parsed.pop(name, None)
        if name not in self.names:
            self.names.append(name)

    def relationships(self, part: str) -> list[etree._Element]:
        name = rels_path(part)
        if not self.has(name):
            return []
        return list(self.xml(name).iter(f"{{{PKG_REL}}}Relationship"))

    def related(self, part: str, rel_type: str) -> list[str]:
        return [
            resolve(part, r.get("Target"))
            for r in self.relationships(part)
            if r.get("Type") == rel_type and r.get("TargetMode") != "External"
        ]

    # -- workbook structure ----------------------------------------------

    @property
    def workbook_part(self) -> str:
        for rel in self.relationships(""):
            if rel.get("Type") == REL + "/officeDocument":
                return resolve("", rel.get("Target"))
        return "xl/workbook.xml"

    def sheet_parts(self) -> dict[str, str]:
        """Sheet name -> worksheet part name, in workbook order."""
        workbook = self.workbook_part
        targets = {r.get("Id"): resolve(workbook, r.get("Target")) for r in self.relationships(workbook)}
        return {
            sheet.get("name"): targets[sheet.get(f"{{{REL}}}id")]
            for sheet in self.xml(workbook).iterfind("m:sheets/m:sheet", NS)
        }

    def add_sheet(self, name: str, root: etree._Element) -> str:
        """Append a new worksheet part, registered in the workbook, rels and content types."""
        workbook = self.workbook_part
        number = 1
        while self.has(f"xl/worksheets/sheet{number}.xml"):
            number += 1
        part = f"xl/worksheets/sheet{number}.xml"
        self.add(part, root)
        rels = self.xml(rels_path(workbook))
        ids = {r.get("Id") for r in rels}
        rel_id = next(f"rId{n}" for n in range(1, len(ids) + 2) if f"rId{n}" not in ids)
        etree.SubElement(rels, f"{{{PKG_REL}}}Relationship", Id=rel_id, Type=WORKSHEET_REL, Target="/" + part)
        sheets = self.xml(workbook).find("m:sheets", NS)
        sheet_id = max([int(s.get("sheetId")) for s in sheets] + [0]) + 1
        element = etree.SubElement(sheets, q("sheet"), name=name, sheetId=str(sheet_id))
        element.set(f"{{{REL}}}id", rel_id)
        types = self.xml("[Content_Types].xml")
        etree.SubElement(types, f"{{{CT}}}Override", PartName="/" + part, ContentType=WORKSHEET_TYPE)
        from orsheet.excel.sheet_modules import register_new_sheet

        register_new_sheet(self, root)  # a code name and VBA document module, as Excel gives a new sheet
        return part

    def drop_calc_chain(self) -> None:
        """Remove the calculation chain (Excel rebuilds it) after rows moved."""
        workbook = self.workbook_part
        for rel in self.relationships(workbook):
            if rel.get("Type") == CALC_CHAIN_REL:
                self.remove(resolve(workbook, rel.get("Target")))
                rel.getparent().remove(rel)
                types = self.xml("[Content_Types].xml")
                for override in types.iterfind("ct:Override", NS):
                    if override.get("PartName").lstrip("/") in self._removed:
                        types.remove(override)

    # -- saving ----------------------------------------------------------

    def save(self, target: Path) -> None:
        """Write every part: parsed ones re-serialised, the others unchanged."""
        with zipfile.ZipFile(self.path) as source, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as out:
            infos = {info.filename: info for info in source.infolist()}
            for name in self.names:
                if name in self._removed:
                    continue
                data = serialise(self._parsed[name]) if name in self._parsed else self._raw[name]
                info = infos.get(name) or zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
                info = _copy_info(info)
                out.writestr(info, data, compress_type=zipfile.ZIP_DEFLATED)


def _copy_info(info: zipfile.ZipInfo) -> zipfile.ZipInfo:
    copy = zipfile.ZipInfo(info.filename, date_time=info.date_time)
    copy.external_attr = info.external_attr
    copy.compress_type = zipfile.ZIP_DEFLATED
    return copy
