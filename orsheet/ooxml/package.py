"""A workbook package: the open package (:mod:`orsheet.ooxml.opc`) and what the workbook part declares.

Its sheets and their parts, defined names, table ids and names, the 1904 date system, the
calculation chain. A zip without a workbook part is not a workbook (a Dutch
:class:`~orsheet.errors.WorkbookError` when something asks for it).
"""

from __future__ import annotations

from lxml import etree

from orsheet.ooxml.markup import CALC_CHAIN_REL, NS, REL, WORKSHEET_REL, WORKSHEET_TYPE, q
from orsheet.ooxml.opc import OpcPackage, resolve
from orsheet.ooxml.names import free_name

# Workbook children that follow <definedNames>, in schema order (calcPr first).
_AFTER_DEFINED_NAMES = ("calcPr", "oleSize", "customWorkbookViews", "pivotCaches", "smartTagPr", "smartTagTypes",
                        "webPublishing", "fileRecoveryPr", "webPublishObjects", "extLst")


def _insert_before(parent: etree._Element, element: etree._Element, later: tuple[str, ...]) -> None:
    """Insert ``element`` before the first child named in ``later`` (schema order), else at the end."""
    for child in parent:
        if isinstance(child.tag, str) and etree.QName(child).localname in later:
            child.addprevious(element)
            return
    parent.append(element)


class Package(OpcPackage):
    """The parts of one .xlsx/.xlsm and the structure its workbook part declares."""

    @property
    def workbook_part(self) -> str:
        """The main part (``xl/workbook.xml``); a zip without one is not a workbook."""
        for rel in self.relationships(""):
            if rel.get("Type") == REL + "/officeDocument":
                return resolve("", rel.get("Target"))
        from orsheet.errors import WorkbookError

        raise WorkbookError(f"{self.path.name if self.path else 'het bestand'} is geen Excel-werkmap: "
                            "het werkmapdeel (xl/workbook.xml) ontbreekt")

    def date1904(self) -> bool:
        """Whether the workbook counts dates from 1904 (old Mac workbooks)."""
        properties = self.xml(self.workbook_part).find("m:workbookPr", NS)
        return properties is not None and properties.get("date1904") in ("1", "true")

    # -- sheets ------------------------------------------------------------

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
        part = self.new_part_name("xl/worksheets/sheet{}.xml")
        self.add(part, root, WORKSHEET_TYPE)
        rel_id = self.add_relationship(workbook, WORKSHEET_REL, "/" + part)
        sheets = self.xml(workbook).find("m:sheets", NS)
        sheet_id = max([int(s.get("sheetId")) for s in sheets] + [0]) + 1
        element = etree.SubElement(sheets, q("sheet"), name=name, sheetId=str(sheet_id))
        element.set(f"{{{REL}}}id", rel_id)
        return part

    # -- tables and defined names ------------------------------------------

    def next_table_id(self) -> int:
        ids = [int(self.xml(n).get("id", "0")) for n in self.part_names("xl/tables/") if n.endswith(".xml")]
        return max(ids, default=0) + 1

    def free_table_name(self, base: str) -> str:
        taken = {self.xml(n).get("name", "") for n in self.part_names("xl/tables/") if n.endswith(".xml")}
        taken |= {e.get("name", "") for e in self.xml(self.workbook_part).iter(q("definedName"))}
        return free_name(base, taken)

    def _scope(self, local_sheet: str | None) -> str | None:
        if local_sheet is None:
            return None
        return str(list(self.sheet_parts()).index(local_sheet))

    def defined_name(self, name: str, local_sheet: str | None = None) -> str | None:
        scope = self._scope(local_sheet)
        for element in self.xml(self.workbook_part).iterfind("m:definedNames/m:definedName", NS):
            if element.get("name") == name and element.get("localSheetId") == scope:
                return element.text
        return None

    def set_defined_name(self, name: str, value: str, hidden: bool = False, local_sheet: str | None = None) -> None:
        if self.defined_name(name, local_sheet) == value:
            return
        scope = self._scope(local_sheet)
        workbook = self.xml(self.workbook_part)
        names = workbook.find("m:definedNames", NS)
        if names is None:
            names = etree.Element(q("definedNames"))
            _insert_before(workbook, names, _AFTER_DEFINED_NAMES)
        element = next((e for e in names if e.get("name") == name and e.get("localSheetId") == scope), None)
        if element is None:
            element = etree.SubElement(names, q("definedName"), name=name)
            if scope is not None:
                element.set("localSheetId", scope)
            if hidden:
                element.set("hidden", "1")
        element.text = value

    # -- calculation -------------------------------------------------------

    def drop_calc_chain(self) -> None:
        """Remove the calculation chain after cells moved, and have Excel recalculate on opening.

        calcChain.xml lists formula cells by address; after rows moved it would
        name the wrong cells, which Excel reports as a damaged file. Without it
        Excel rebuilds the chain silently; ``fullCalcOnLoad`` makes it (and
        LibreOffice) recalculate the formulas whose references were rewritten.
        Saves that move no cells keep calcChain.xml byte for byte.
        """
        workbook = self.workbook_part
        root = self.xml(workbook)
        calc = root.find("m:calcPr", NS)
        if calc is None:
            calc = etree.Element(q("calcPr"))
            _insert_before(root, calc, _AFTER_DEFINED_NAMES[1:])
        calc.set("fullCalcOnLoad", "1")
        for rel in self.relationships(workbook):
            if rel.get("Type") == CALC_CHAIN_REL:
                self.remove(resolve(workbook, rel.get("Target")))
                rel.getparent().remove(rel)
