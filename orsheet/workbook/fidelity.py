"""Put back what openpyxl drops when it saves a workbook.

openpyxl (3.1.5, ``load_workbook(keep_vba=True)``) rewrites every part it
models and copies some parts it does not (VBA, VML, ``ctrlProps``,
``customUI``) from the original zip. What it measurably loses (see
``tests/test_fidelity.py``):

* the ``customUI14.xml`` ribbon relationship in ``_rels/.rels`` (it only keeps
  the Office 2007 ``customUI.xml`` one);
* the sheet ``<controls>`` block (form buttons with their macro) and the
  sheet relationships to the ``xl/ctrlProps`` parts, which stay behind as
  orphans; also shapes in a sheet ``<drawing>`` (a shape with a macro is a
  button too), ``oleObjects``, ``legacyDrawingHF`` and ``picture``;
* custom XML parts (SharePoint document metadata) and, without
  ``keep_vba``, the VBA project;
* printer settings (the part, its relationship and ``pageSetup r:id``);
* the Excel 2010 sheet extensions (``extLst``): data validation with a list
  from another sheet, data bars and icon sets, sparklines;
* the content types of the parts it copies (``ctrlProps`` become plain XML,
  any ``.bin`` becomes a VBA project) and the namespace declarations and
  ``mc:Ignorable`` of the sheet root.

:func:`restore_dropped_parts` compares the original package with the saved
one and repairs the saved one in place. It only *adds*: relationships the
original had and the saved file lacks, the parts they point at (copied
byte for byte, renamed if openpyxl reused the name), the sheet elements that
refer to them, and content types. It never touches cells, styles, tables or
anything else openpyxl wrote, and it is idempotent, so repeated save cycles
do not grow the file.

Usage, after ``wb.save(saved)``::

    restore_dropped_parts(original, saved)   # rewrites `saved`

:func:`describe_parts` and :func:`package_problems` (from :mod:`.opc`) help
tests and sanity checks.
"""

from __future__ import annotations

import copy
import posixpath
import re
from pathlib import Path

from lxml import etree

from orsheet.workbook import opc
from orsheet.workbook.opc import ContentTypes, Package, describe_parts, package_problems

__all__ = ["restore_dropped_parts", "describe_parts", "package_problems", "XLSM_WORKBOOK_TYPE"]

XLSM_WORKBOOK_TYPE = "application/vnd.ms-excel.sheet.macroEnabled.main+xml"
XLSX_WORKBOOK_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
R_ID = f"{{{R_NS}}}id"
MC_NS = "http://schemas.openxmlformats.org/markup-compatibility/2006"
MC_IGNORABLE = f"{{{MC_NS}}}Ignorable"
VBA_REL = "http://schemas.microsoft.com/office/2006/relationships/vbaProject"
CUSTOM_XML_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXml"
# Workbook relationships to parts openpyxl does not model and nothing else
# depends on (calcChain, by contrast, must go: openpyxl's cells no longer match it).
_OPAQUE_WORKBOOK_RELS = (VBA_REL, CUSTOM_XML_REL)
# Root relationships openpyxl always writes itself.
_OWN_ROOT_RELS = ("/officeDocument", "/core-properties", "/extended-properties")

# CT_Worksheet child order (ECMA-376 part 1, 18.3.1.99).
_SHEET_ORDER = (
    "sheetPr dimension sheetViews sheetFormatPr cols sheetData sheetCalcPr sheetProtection "
    "protectedRanges scenarios autoFilter sortState dataConsolidate customSheetViews mergeCells "
    "phoneticPr conditionalFormatting dataValidations hyperlinks printOptions pageMargins pageSetup "
    "headerFooter rowBreaks colBreaks customProperties cellWatches ignoredErrors smartTags drawing "
    "legacyDrawing legacyDrawingHF drawingHF picture oleObjects controls webPublishItems tableParts extLst"
).split()
# Sheet elements that only point at parts openpyxl does not model.
_OPAQUE_SHEET_ELEMENTS = ("drawing", "legacyDrawing", "legacyDrawingHF", "drawingHF", "picture", "oleObjects", "controls")
# Cheap test before parsing a (possibly large) original sheet.
_SHEET_MARKERS = re.compile(
    rb"<(?:\w+:)?(?:controls|oleObjects|picture|legacyDrawing|drawing|extLst)\b|pageSetup\b[^>]*:id="
)
# Sheet extensions openpyxl drops ("... extension is not supported and will be
# removed") that refer to no other part, so they can be put back as they were:
# Excel 2010 data validation (lists from another sheet), conditional formats
# (data bars, icon sets) and sparklines.
_SAFE_SHEET_EXTENSIONS = {
    "{CCE6A557-97BC-4b89-ADB6-D9C93CAAB3DF}",  # x14:dataValidations
    "{78C0D931-6437-407d-A8EE-F0AAD7539E65}",  # x14:conditionalFormattings
    "{05C60535-1F16-4fd2-B633-F4F36F0B64E0}",  # x14:sparklineGroups
}


def restore_dropped_parts(original: Path, saved: Path, *, macro_enabled: bool | None = None) -> list[str]:
    """Repair ``saved`` (openpyxl's output) with what it lost from ``original``.

    ``macro_enabled`` forces the workbook part's content type; by default it
    is macro-enabled when the original was, or when ``original`` is named
    ``.xlsm``. Returns a short English description of every repair (empty
    when nothing was missing; then ``saved`` is left untouched).
    """
    if macro_enabled is None:
        macro_enabled = Path(original).suffix.lower() == ".xlsm"
    with Package(original) as old, Package(saved) as new:
        repair = _Repair(old, new)
        repair.run(macro_enabled)
        if repair.done:
            new.write(saved)
        return repair.done


class _Repair:
    def __init__(self, old: Package, new: Package):
        self.old, self.new = old, new
        self.done: list[str] = []
        self.imported: dict[str, str] = {}  # new part name -> original part name
        self._linking: set[str] = set()  # parts whose relationships are being restored

    def run(self, macro_enabled: bool) -> None:
        self.restore_root_relationships()
        self.restore_workbook_relationships()
        for title, (old_sheet, new_sheet) in self.matching_sheets().items():
            self.restore_sheet(title, old_sheet, new_sheet)
        self.restore_dangling_targets()
        self.restore_content_types(macro_enabled)

    # -- relationships and parts -------------------------------------------------

    def import_part(self, old_name: str) -> str:
        """Copy an original part (and what it refers to) into the new package."""
        data = self.old.get(old_name)
        assert data is not None, old_name
        existing = self.new.get(old_name)
        if existing == data:
            name = old_name
        else:
            name = old_name if existing is None else self._free_name(old_name)
            self.new.set(name, data)
            self.imported[name] = old_name
            self.done.append(f"copied part {old_name}" + (f" as {name}" if name != old_name else ""))
        self.restore_own_relationships(name, old_name)
        return name

    def _free_name(self, name: str) -> str:
        stem, extension = posixpath.splitext(name)
        base = stem.rstrip("0123456789")
        n = 1
        while f"{base}{n}{extension}" in self.new or f"{base}{n}{extension}" in self.old:
            n += 1
        return f"{base}{n}{extension}"

    def restore_own_relationships(self, name: str, old_name: str) -> None:
        """A part copied byte for byte keeps the relationships it had."""
        if name in self._linking or opc.rels_part(name) in self.new or opc.rels_part(old_name) not in self.old:
            return
        self._linking.add(name)
        for rel in opc.relationships(self.old, old_name):
            target = rel.target if rel.part is None else self._relative(name, self.import_part(rel.part))
            opc.add_relationship(self.new, name, rel.type, target, rel.id)
        self._linking.discard(name)
        self.done.append(f"restored relationships of {name}")

    @staticmethod
    def _relative(source: str, part: str) -> str:
        return posixpath.relpath(part, posixpath.dirname(source) or ".")

    def link(self, source: str, rel: opc.Relationship) -> str:
        """Id of a relationship of new ``source`` equivalent to the original ``rel``."""
        if rel.part is None:
            return opc.add_relationship(self.new, source, rel.type, rel.target, rel.id)
        if rel.part not in self.old:  # already dangling in the original: keep it as it was
            return opc.add_relationship(self.new, source, rel.type, self._relative(source, rel.part), rel.id)
        part = self.import_part(rel.part)
        for mine in opc.relationships(self.new, source):
            if mine.type == rel.type and mine.part == part:
                return mine.id
        self.done.append(f"restored relationship {source or 'package'} -> {part}")
        return opc.add_relationship(self.new, source, rel.type, self._relative(source, part), rel.id)

    def restore_root_relationships(self) -> None:
        have = {(rel.type, rel.part) for rel in opc.relationships(self.new, "")}
        for rel in opc.relationships(self.old, ""):
            if rel.type.endswith(_OWN_ROOT_RELS) or (rel.type, rel.part) in have:
                continue
            if rel.part is None or rel.part in self.old:
                self.link("", rel)

    def restore_workbook_relationships(self) -> None:
        """The VBA project and custom XML (SharePoint metadata) hang off the workbook part."""
        old_book, new_book = opc.workbook_part(self.old), opc.workbook_part(self.new)
        if not old_book or not new_book:
            return
        have = {rel.type for rel in opc.relationships(self.new, new_book)}
        for rel in opc.relationships(self.old, old_book):
            if rel.type in _OPAQUE_WORKBOOK_RELS and rel.part in self.old:
                if rel.type == VBA_REL and VBA_REL in have:
                    continue
                self.link(new_book, rel)

    def restore_dangling_targets(self) -> None:
        """Parts a relationship points at must exist (openpyxl copies VML by pattern)."""
        for name in list(self.new.names):
            if not name.endswith(".rels"):
                continue
            for rel in opc.relationships(self.new, opc.source_of_rels(name)):
                if rel.part is not None and rel.part not in self.new and rel.part in self.old:
                    self.import_part(rel.part)

    # -- sheets ------------------------------------------------------------------

    def matching_sheets(self) -> dict[str, tuple[str, str]]:
        old, new = opc.sheet_parts(self.old), opc.sheet_parts(self.new)
        return {title: (old[title], new[title]) for title in old if title in new}

    def restore_sheet(self, title: str, old_part: str, new_part: str) -> None:
        old_data = self.old.get(old_part)
        if old_data is None or not _SHEET_MARKERS.search(old_data):
            return
        old_root = opc.parse_xml(old_data)
        new_root = opc.parse_xml(self.new.get(new_part))
        changed = False
        for element in _opaque_elements(old_root):
            if _find_top(new_root, _opaque_name(element)) is None:
                self._insert(new_root, self._rebound(element, old_part, new_part))
                self.done.append(f"restored <{_opaque_name(element)}> on sheet {title}")
                changed = True
        changed |= self._restore_page_setup(old_root, new_root, old_part, new_part, title)
        changed |= self._restore_extensions(old_root, new_root, title)
        if changed:
            new_root = _merge_root_namespaces(old_root, new_root)
            self.new.set(new_part, opc.to_xml(new_root))

    def _rebound(self, element: etree._Element, old_part: str, new_part: str) -> etree._Element:
        """A copy of ``element`` whose r:id attributes point at new relationships."""
        element = copy.deepcopy(element)
        old_rels = {rel.id: rel for rel in opc.relationships(self.old, old_part)}
        for node in element.iter():
            for attribute, value in node.attrib.items():
                if attribute.startswith(f"{{{R_NS}}}"):
                    if value in old_rels:
                        node.set(attribute, self.link(new_part, old_rels[value]))
        return element

    def _restore_page_setup(self, old_root, new_root, old_part: str, new_part: str, title: str) -> bool:
        old_setup, new_setup = _find_top(old_root, "pageSetup"), _find_top(new_root, "pageSetup")
        if old_setup is None or new_setup is None or old_setup.get(R_ID) is None or new_setup.get(R_ID):
            return False
        rel = next((r for r in opc.relationships(self.old, old_part) if r.id == old_setup.get(R_ID)), None)
        if rel is None or (rel.part is not None and rel.part not in self.old):
            return False
        new_setup.set(R_ID, self.link(new_part, rel))
        self.done.append(f"restored printer settings on sheet {title}")
        return True

    def _restore_extensions(self, old_root, new_root, title: str) -> bool:
        old_list = _find_top(old_root, "extLst")
        if old_list is None or _find_top(new_root, "extLst") is not None:
            return False
        keep = [
            copy.deepcopy(ext)
            for ext in old_list
            if _local(ext) == "ext"
            and ext.get("uri", "").upper() in {uri.upper() for uri in _SAFE_SHEET_EXTENSIONS}
            and not any(key.startswith(f"{{{R_NS}}}") for node in ext.iter() for key in node.attrib)
        ]
        if not keep:
            return False
        extensions = etree.SubElement(new_root, old_list.tag)
        extensions.extend(keep)
        self.done.append(f"restored {len(keep)} Excel 2010 extension(s) on sheet {title}")
        return True

    @staticmethod
    def _insert(root: etree._Element, element: etree._Element) -> None:
        rank = _SHEET_ORDER.index(_opaque_name(element))
        for index, child in enumerate(root):
            name = _opaque_name(child) if isinstance(child.tag, str) else None
            if name in _SHEET_ORDER and _SHEET_ORDER.index(name) > rank:
                root.insert(index, element)
                return
        root.append(element)

    # -- content types -----------------------------------------------------------

    def restore_content_types(self, macro_enabled: bool) -> None:
        old_types = ContentTypes(self.old.get(opc.CONTENT_TYPES))
        new_types = ContentTypes(self.new.get(opc.CONTENT_TYPES))
        before = new_types.to_bytes()
        for name in self.new.names:
            if name == opc.CONTENT_TYPES:
                continue
            old_name = self.imported.get(name, name)
            wanted = old_types.type_of(old_name)
            if wanted is None or new_types.type_of(name) == wanted:
                continue
            if name not in self.imported and self.new.get(name) != self.old.get(name):
                if new_types.type_of(name) is not None:
                    continue  # a part openpyxl rewrote: its type is openpyxl's business
            extension = opc.extension_of(name)
            if extension and extension not in new_types.defaults and name not in old_types.overrides:
                new_types.set_default(extension, wanted)
            else:
                new_types.set_override(name, wanted)
            self.done.append(f"content type of {name} set to {wanted}")
        self._workbook_type(new_types, old_types, macro_enabled)
        if new_types.to_bytes() != before:
            self.new.set(opc.CONTENT_TYPES, new_types.to_bytes())

    def _workbook_type(self, new_types: ContentTypes, old_types: ContentTypes, macro_enabled: bool) -> None:
        """An .xlsm must be typed macro-enabled and an .xlsx must not: Excel refuses either mix-up."""
        book, old_book = opc.workbook_part(self.new), opc.workbook_part(self.old)
        if not book:
            return
        was = old_types.type_of(old_book) if old_book else None
        wanted = XLSM_WORKBOOK_TYPE if macro_enabled or was == XLSM_WORKBOOK_TYPE else None
        if wanted is None and was == XLSX_WORKBOOK_TYPE:
            wanted = XLSX_WORKBOOK_TYPE
        if wanted and new_types.type_of(book) != wanted:
            new_types.set_override(book, wanted)
            self.done.append(f"content type of workbook part set to {wanted}")


def _local(element: etree._Element) -> str:
    return etree.QName(element).localname if isinstance(element.tag, str) else ""


def _opaque_name(element: etree._Element) -> str:
    """Name of a top-level sheet element, looking inside ``mc:AlternateContent``."""
    if _local(element) == "AlternateContent":
        for node in element.iter():
            if _local(node) in _SHEET_ORDER:
                return _local(node)
    return _local(element)


def _opaque_elements(root: etree._Element) -> list[etree._Element]:
    return [child for child in root if _opaque_name(child) in _OPAQUE_SHEET_ELEMENTS]


def _find_top(root: etree._Element, name: str) -> etree._Element | None:
    return next((child for child in root if _opaque_name(child) == name), None)


def _merge_root_namespaces(old_root: etree._Element, new_root: etree._Element) -> etree._Element:
    """Declare the original's namespaces on the new root (``Requires="x14"`` needs them)."""
    nsmap = dict(new_root.nsmap)
    uris = set(nsmap.values())
    for prefix, uri in old_root.nsmap.items():
        if prefix not in nsmap and uri not in uris:
            nsmap[prefix] = uri
    if nsmap == new_root.nsmap and old_root.get(MC_IGNORABLE) is None:
        return new_root
    root = etree.Element(new_root.tag, nsmap=nsmap)
    for key, value in new_root.attrib.items():
        root.set(key, value)
    ignorable = old_root.get(MC_IGNORABLE)
    if ignorable and root.get(MC_IGNORABLE) is None:
        kept = [prefix for prefix in ignorable.split() if prefix in nsmap]
        if kept:
            root.set(MC_IGNORABLE, " ".join(kept))
    root.text = new_root.text
    for child in list(new_root):
        root.append(child)
    return root
