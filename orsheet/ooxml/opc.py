"""The open packaging layer: a zip of parts with relationships and content types.

Modelled on python-docx's ``opc``: an :class:`OpcPackage` holds the parts of one
.xlsx/.xlsm (or .docx) as they came; a part is parsed (with the one parser
configuration, :mod:`orsheet.ooxml.markup`) only when someone asks for its XML,
and only parsed parts that really changed are re-serialised. Everything
else — the VBA project, ribbon, controls, drawings, other sheets — is
written back byte for byte. :meth:`~OpcPackage.save` writes next to the original
(keeping each entry's time and compression); :meth:`~OpcPackage.to_bytes` writes
deterministically (fixed time, content types first) for the workbook build.
What a workbook declares (sheets, names, tables) is :class:`orsheet.ooxml.package.Package`.
"""

from __future__ import annotations

import io
import posixpath
import re
import zipfile
from pathlib import Path

from lxml import etree

from orsheet.ooxml.markup import CT, NS, PKG_REL, parse, serialize
from orsheet.ooxml.zip_entries import copy_info, copy_raw, new_info

CONTENT_TYPES = "[Content_Types].xml"
WINDOW_ROWS = 8
WINDOW_MARK = b"<!--orsheet:rows-->"
_PRISTINE_LIMIT = 1 << 20
_ROW_START = re.compile(rb"<row[\s>/]")


def rels_path(part: str) -> str:
    """``xl/workbook.xml`` -> ``xl/_rels/workbook.xml.rels``; ``""`` (the package) -> ``_rels/.rels``."""
    folder, name = posixpath.split(part)
    return posixpath.join(folder, "_rels", name + ".rels")


def resolve(source_part: str, target: str) -> str:
    if target.startswith("/"):
        return target.lstrip("/")
    return posixpath.normpath(posixpath.join(posixpath.dirname(source_part), target))


class OpcPackage:
    """The zip parts of one package; edited parts are held parsed until saved."""

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

    def remove(self, name: str) -> None:
        """Drop a part and its content-type override (relationships to it are the caller's)."""
        self._removed.add(name)
        types = self.xml(CONTENT_TYPES)
        for override in types.findall("ct:Override", NS):
            if override.get("PartName").lstrip("/") == name:
                types.remove(override)

    def _register(self, name: str, content_type: str | None) -> None:
        self._pristine.pop(name, None)
        if name not in self.names:
            self.names.append(name)
        self._removed.discard(name)
        if content_type:
            self.set_override(name, content_type)

    def _unchanged(self, name: str) -> bool:
        """A part parsed only to be read: saved as the bytes it came with."""
        before = self._pristine.get(name)
        return before is not None and etree.tostring(self._parsed[name]) == before

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

    # -- relationships -------------------------------------------------------

    def relationships(self, part: str) -> list[etree._Element]:
        name = rels_path(part)
        if not self.has(name):
            return []
        return list(self.xml(name).iter(f"{{{PKG_REL}}}Relationship"))

    def relationships_with_targets(self, part: str) -> list[tuple[etree._Element, str | None]]:
        return [(r, None if r.get("TargetMode") == "External" else resolve(part, r.get("Target")))
                for r in self.relationships(part)]

    def related(self, part: str, rel_type: str) -> list[str]:
        return [
            resolve(part, r.get("Target"))
            for r in self.relationships(part)
            if r.get("Type") == rel_type and r.get("TargetMode") != "External"
        ]

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
                    if not (untouched and source is not None and copy_raw(source, info, out)):
                        out.writestr(copy_info(info) if info else new_info(name), self.get(name))
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
                archive.writestr(new_info(name, 0o600 << 16), self.get(name))
        return buffer.getvalue()


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
