"""The one OOXML package layer: a zip of parts with relationships and content types.

Modelled on python-docx's ``opc``: a :class:`Package` holds the parts of one
.xlsx/.xlsm (or .docx) as they came; a part is parsed (with the one parser
configuration, entities never resolved) only when someone asks for its XML,
and only parsed parts that really changed are re-serialised. Everything
else — the VBA project, ribbon, controls, drawings, other sheets — is
written back byte for byte. The file backend saves next to the original
(keeping each entry's time and compression); the workbook build saves
deterministically (fixed time, content types first).
"""

from __future__ import annotations

import io
import posixpath
import re
import struct
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


_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def xml_text(text: str) -> str:
    """``text`` without the characters XML cannot hold (control characters pasted in by accident)."""
    return _XML_ILLEGAL.sub("", text)


def q(tag: str) -> str:
    """Qualified name in the spreadsheet namespace."""
    return f"{{{MAIN}}}{tag}"


_PARSER = etree.XMLParser(huge_tree=True, remove_blank_text=False, resolve_entities=False)
_LENIENT = etree.XMLParser(huge_tree=True, remove_blank_text=False, resolve_entities=False, recover=True)
_PRISTINE_LIMIT = 1 << 20
CONTENT_TYPES = "[Content_Types].xml"
_DECLARATION = b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
_FIXED_TIME = (1980, 1, 1, 0, 0, 0)
WINDOW_ROWS = 8
WINDOW_MARK = b"<!--orsheet:rows-->"
_ROW_START = re.compile(rb"<row[\s>/]")


def parse(data: bytes, recover: bool = False) -> etree._Element:
    return etree.fromstring(data, _LENIENT if recover else _PARSER)


def declaration(original: bytes | None) -> bytes:
    """The declaration to write: the part's own when Office wrote it (double quotes, standalone;
    Excel ends it with CRLF), else Office's standard one (lxml's own uses single quotes)."""
    if original and original.startswith(b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'):
        end = original.index(b"?>") + 2
        while original[end:end + 1] in (b"\r", b"\n"):
            end += 1
        return original[:end]
    return _DECLARATION


def serialize(root: etree._Element, original: bytes | None = None) -> bytes:
    return declaration(original) + etree.tostring(root, encoding="UTF-8")


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


def rels_path(part: str) -> str:
    """``xl/workbook.xml`` -> ``xl/_rels/workbook.xml.rels``; ``""`` (the package) -> ``_rels/.rels``."""
    folder, name = posixpath.split(part)
    return posixpath.join(folder, "_rels", name + ".rels")


def resolve(source_part: str, target: str) -> str:
    if target.startswith("/"):
        return target.lstrip("/")
    return posixpath.normpath(posixpath.join(posixpath.dirname(source_part), target))


class Package:
    """The zip parts of one workbook; edited parts are held parsed until saved."""

    def __init__(self, source: Path | str | bytes):
        self.path = None if isinstance(source, bytes) else Path(source)
        with zipfile.ZipFile(io.BytesIO(source) if isinstance(source, bytes) else self.path) as archive:
            self._infos = {i.filename: i for i in archive.infolist() if not i.is_dir()}
            self.names = list(self._infos)
            self._raw = {name: archive.read(name) for name in self.names}
        self._original = dict(self._raw)  # to tell parts put anew from those that came with the file
        self._parsed: dict[str, etree._Element] = {}
        self._pristine: dict[str, bytes] = {}  # small parts as first parsed, to save unchanged ones as they came
        self._removed: set[str] = set()
        self._windows: dict[str, bytes] = {}  # sheet part -> the rows left unparsed (see xml_window)

    # -- parts -----------------------------------------------------------

    def has(self, name: str) -> bool:
        return (name in self._raw or name in self._parsed) and name not in self._removed

    def xml(self, name: str, recover: bool = False) -> etree._Element:
        """The parsed part; changes to it are saved."""
        if name not in self._parsed:
            raw = self._raw[name]
            self._parsed[name] = parse(raw, recover)
            if len(raw) < _PRISTINE_LIMIT:
                self._pristine[name] = etree.tostring(self._parsed[name])
        return self._parsed[name]

    def xml_window(self, name: str, keep: int = WINDOW_ROWS) -> tuple[etree._Element, bool]:
        """A worksheet part parsed with only its first row and its last ``keep`` rows (and whether it is
        such a window): appending to a long sheet need not parse and re-serialise every row.

        The rows between stay as their bytes and are written back in their place (a comment
        marks it in ``sheetData``); :meth:`widen` parses the whole part when an edit needs it.
        A part already parsed, or one whose rows cannot be split safely, is parsed whole.
        """
        if name in self._parsed:
            return self._parsed[name], name in self._windows
        raw = self._raw[name]
        split = _split_rows(raw, keep)
        if split is None:
            return self.xml(name), False
        head, middle, tail = split
        root = parse(head + WINDOW_MARK + tail)
        self._parsed[name] = root
        self._windows[name] = middle
        if len(raw) < _PRISTINE_LIMIT:
            self._pristine[name] = etree.tostring(root)
        return root, True

    def widen(self, name: str) -> etree._Element:
        """The whole part parsed (from a window, with the edits made to it so far)."""
        if name not in self._windows:
            return self.xml(name)
        data = self.get(name)
        del self._windows[name]
        self._parsed[name] = parse(data)
        if name in self._pristine:
            self._pristine[name] = etree.tostring(parse(self._raw[name]))
        return self._parsed[name]

    def get(self, name: str) -> bytes | None:
        """A part's bytes as they would be saved now (None: no such part)."""
        if not self.has(name):
            return None
        if name in self._parsed and not self._unchanged(name):
            data = serialize(self._parsed[name], self._raw.get(name))
            if name in self._windows:
                data = data.replace(WINDOW_MARK, self._windows[name], 1)
            return data
        return self._raw[name]

    def put(self, name: str, data: bytes, content_type: str | None = None) -> None:
        """Set a part's bytes (a new part, or one replaced whole)."""
        self._raw[name] = data
        self._parsed.pop(name, None)
        self._register(name, content_type)

    def mentions(self, name: str, needle: bytes) -> bool:
        """Whether a part (as it is now) may contain ``needle``; parsed parts always may."""
        return name in self._parsed or needle in self._raw.get(name, b"")

    def had(self, name: str, needle: bytes) -> bool:
        """Whether the part as it came (or any part added since) contains ``needle``."""
        return name not in self._raw or needle in self._raw[name]

    def part_names(self, prefix: str) -> list[str]:
        return [n for n in self.names if n.startswith(prefix) and self.has(n)]

    def new_part_name(self, pattern: str) -> str:
        number = 1
        while self.has(pattern.format(number)):
            number += 1
        return pattern.format(number)

    def add(self, name: str, root: etree._Element, content_type: str | None = None) -> None:
        """Add (or replace) a part given as XML."""
        self._parsed[name] = root
        self._register(name, content_type)

    def _register(self, name: str, content_type: str | None) -> None:
        self._pristine.pop(name, None)
        if name not in self.names:
            self.names.append(name)
        self._removed.discard(name)
        if content_type:
            self.set_override(name, content_type)

    # -- content types -----------------------------------------------------

    def set_override(self, part: str, content_type: str) -> None:
        types = self.xml(CONTENT_TYPES)
        for element in types.iterfind("ct:Override", NS):
            if element.get("PartName") == "/" + part:
                element.set("ContentType", content_type)
                return
        etree.SubElement(types, f"{{{CT}}}Override", PartName="/" + part, ContentType=content_type)

    def set_default(self, extension: str, content_type: str) -> None:
        types = self.xml(CONTENT_TYPES)
        defaults = types.findall("ct:Default", NS)
        if any(d.get("Extension", "").lower() == extension for d in defaults):
            return
        new = etree.Element(f"{{{CT}}}Default", Extension=extension, ContentType=content_type)
        defaults[-1].addnext(new) if defaults else types.insert(0, new)

    def add_relationship(self, part: str, rel_type: str, target: str, external: bool = False) -> str:
        """Add a relationship from ``part`` ("" = the package); returns its new Id (one above the highest)."""
        name = rels_path(part)
        if not self.has(name):
            self.add(name, etree.Element(f"{{{PKG_REL}}}Relationships", nsmap={None: PKG_REL}))
        rels = self.xml(name)
        used = {int(m.group(1)) for r in rels for m in [re.fullmatch(r"rId(\d+)", r.get("Id", ""))] if m}
        rel_id = f"rId{max(used, default=0) + 1}"
        element = etree.SubElement(rels, f"{{{PKG_REL}}}Relationship", Id=rel_id, Type=rel_type, Target=target)
        if external:
            element.set("TargetMode", "External")
        return rel_id

    # -- what the workbook declares ----------------------------------------

    def date1904(self) -> bool:
        """Whether the workbook counts dates from 1904 (old Mac workbooks)."""
        properties = self.xml(self.workbook_part).find("m:workbookPr", NS)
        return properties is not None and properties.get("date1904") in ("1", "true")

    def relationships_with_targets(self, part: str) -> list[tuple[etree._Element, str | None]]:
        return [(r, None if r.get("TargetMode") == "External" else resolve(part, r.get("Target")))
                for r in self.relationships(part)]

    def next_table_id(self) -> int:
        ids = [int(self.xml(n).get("id", "0")) for n in self.part_names("xl/tables/") if n.endswith(".xml")]
        return max(ids, default=0) + 1

    def free_table_name(self, base: str) -> str:
        taken = {self.xml(n).get("name", "").casefold() for n in self.part_names("xl/tables/") if n.endswith(".xml")}
        taken |= {e.get("name", "").casefold() for e in self.xml(self.workbook_part).iter(q("definedName"))}
        name, number = base, 1
        while name.casefold() in taken:
            name, number = f"{base}_{number}", number + 1
        return name

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

    def remove(self, name: str) -> None:
        self._removed.add(name)

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
        """The main part (``xl/workbook.xml``); a zip without one is not a workbook."""
        for rel in self.relationships(""):
            if rel.get("Type") == REL + "/officeDocument":
                return resolve("", rel.get("Target"))
        from orsheet.errors import WorkbookError

        raise WorkbookError(f"{self.path.name if self.path else 'het bestand'} is geen Excel-werkmap: "
                            "het werkmapdeel (xl/workbook.xml) ontbreekt")

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
                types = self.xml("[Content_Types].xml")
                for override in types.iterfind("ct:Override", NS):
                    if override.get("PartName").lstrip("/") in self._removed:
                        types.remove(override)

    # -- saving ----------------------------------------------------------

    def save(self, target: Path) -> None:
        """Write every part next to the original: an unchanged part as its very bytes, compressed
        ones included (no recompression); a changed one with its entry's time and compression."""
        with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as out:
            source = zipfile.ZipFile(self.path) if self.path is not None else None
            try:
                for name in self.names:
                    if name in self._removed:
                        continue
                    info = self._infos.get(name)
                    untouched = info is not None and name not in self._parsed and self._raw[name] is self._original[name]
                    if not (untouched and source is not None and _copy_raw(source, info, out)):
                        out.writestr(_copy_info(info) if info else _new_info(name), self.get(name))
            finally:
                if source is not None:
                    source.close()

    def to_bytes(self) -> bytes:
        """The package, deterministically: content types first, fixed times (the workbook build)."""
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
            for name in [CONTENT_TYPES] + [n for n in self.names if n != CONTENT_TYPES]:
                if name in self._removed or not self.has(name):
                    continue
                info = zipfile.ZipInfo(name, date_time=_FIXED_TIME)
                info.compress_type = zipfile.ZIP_DEFLATED
                info.external_attr = 0o600 << 16
                archive.writestr(info, self.get(name))
        return buffer.getvalue()

    def _unchanged(self, name: str) -> bool:
        """A part parsed only to be read: saved as the bytes it came with."""
        before = self._pristine.get(name)
        return before is not None and etree.tostring(self._parsed[name]) == before




def _split_rows(raw: bytes, keep: int) -> tuple[bytes, bytes, bytes] | None:
    """``raw`` as (head up to the first row's end, the rows to leave unparsed, the last ``keep`` rows
    and the rest); None when there are too few rows or the rows are not plain elements."""
    opening = re.search(rb"<sheetData(?:\s[^>]*)?>", raw)
    closing = raw.rfind(b"</sheetData>")
    if opening is None or closing < opening.end() or raw.count(b"<sheetData") != 1:
        return None
    body = raw[opening.end():closing]
    if b"<!" in body or b"<?" in body:
        return None  # comments, CDATA or processing instructions: parse it whole
    starts = [m.start() for m in _ROW_START.finditer(body)]
    if len(starts) < keep + 3:
        return None
    first_end, tail_start = starts[1], starts[-keep]
    base = opening.end()
    return raw[:base + first_end], raw[base + first_end:base + tail_start], raw[base + tail_start:]


_LOCAL_HEADER = struct.Struct("<4s5H3L2H")


def _copy_raw(source: zipfile.ZipFile, info: zipfile.ZipInfo, out: zipfile.ZipFile) -> bool:
    """Copy one entry's stored bytes (compressed as they are) from ``source`` into ``out``.

    The zipfile module has no public call for this; it writes the local header
    the module itself would write and registers the entry the same way
    ``ZipFile.write`` does. Returns False (the caller recompresses) for
    entries it does not handle: ZIP64, encrypted, or an unexpected header.
    """
    if info.flag_bits & 0x1 or info.file_size >= 0xFFFFFFFF or info.compress_size >= 0xFFFFFFFF or out._seekable is False:
        return False
    source.fp.seek(info.header_offset)
    header = source.fp.read(_LOCAL_HEADER.size)
    if len(header) != _LOCAL_HEADER.size or header[:4] != b"PK\x03\x04":
        return False
    fields = _LOCAL_HEADER.unpack(header)
    source.fp.seek(info.header_offset + _LOCAL_HEADER.size + fields[-2] + fields[-1])
    data = source.fp.read(info.compress_size)
    entry = zipfile.ZipInfo(info.filename, date_time=info.date_time)
    entry.compress_type, entry.external_attr, entry.create_system = info.compress_type, info.external_attr, info.create_system
    entry.CRC, entry.compress_size, entry.file_size = info.CRC, info.compress_size, info.file_size
    entry.flag_bits = info.flag_bits & ~0x08  # sizes in the local header, no data descriptor
    entry.extra = b""
    entry.header_offset = out.fp.tell()
    out.fp.write(entry.FileHeader(False))
    out.fp.write(data)
    out.filelist.append(entry)
    out.NameToInfo[entry.filename] = entry
    out.start_dir = out.fp.tell()
    out._didModify = True
    return True


def _copy_info(info: zipfile.ZipInfo) -> zipfile.ZipInfo:
    """The entry as it was: name, time, attributes and compression."""
    copy = zipfile.ZipInfo(info.filename, date_time=info.date_time)
    copy.external_attr = info.external_attr
    copy.compress_type = zipfile.ZIP_STORED if info.compress_type == zipfile.ZIP_STORED else zipfile.ZIP_DEFLATED
    return copy


def _new_info(name: str) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
    info.compress_type = zipfile.ZIP_DEFLATED
    return info
