"""Just enough of the Open Packaging Conventions to edit an .xlsm as a zip of parts.

Parts are kept as bytes in their original order; only the parts we edit are
re-serialised, so everything else stays byte-for-byte. Saving uses a fixed
timestamp so equal parts give an equal file.
"""

from __future__ import annotations

import io
import posixpath
import re
import zipfile

from lxml import etree

CONTENT_TYPES = "[Content_Types].xml"
CT_NS = "http://schemas.openxmlformats.org/package/2006/content-types"
REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_FIXED_TIME = (1980, 1, 1, 0, 0, 0)


def parse(data: bytes) -> etree._Element:
    return etree.fromstring(data, etree.XMLParser(remove_blank_text=False, resolve_entities=False))


_DECLARATION = b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'


def serialize(element: etree._Element) -> bytes:
    # Written by hand: lxml's declaration uses single quotes, which not every Office reader likes.
    return _DECLARATION + etree.tostring(element, encoding="UTF-8", xml_declaration=False)


def rels_path(part: str) -> str:
    folder, name = posixpath.split(part)
    return posixpath.join(folder, "_rels", name + ".rels")


class Package:
    def __init__(self, data: bytes):
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            self.parts: dict[str, bytes] = {i.filename: archive.read(i) for i in archive.infolist() if not i.is_dir()}

    # -- content types ---------------------------------------------------------
    def set_override(self, part: str, content_type: str) -> None:
        types = parse(self.parts[CONTENT_TYPES])
        name = "/" + part
        for element in types.findall(f"{{{CT_NS}}}Override"):
            if element.get("PartName") == name:
                element.set("ContentType", content_type)
                break
        else:
            etree.SubElement(types, f"{{{CT_NS}}}Override", PartName=name, ContentType=content_type)
        self.parts[CONTENT_TYPES] = serialize(types)

    def set_default(self, extension: str, content_type: str) -> None:
        types = parse(self.parts[CONTENT_TYPES])
        for element in types.findall(f"{{{CT_NS}}}Default"):
            if element.get("Extension").lower() == extension:
                return
        defaults = types.findall(f"{{{CT_NS}}}Default")
        new = etree.Element(f"{{{CT_NS}}}Default", Extension=extension, ContentType=content_type)
        if defaults:
            defaults[-1].addnext(new)
        else:
            types.insert(0, new)
        self.parts[CONTENT_TYPES] = serialize(types)

    # -- relationships -----------------------------------------------------------
    def relationships(self, source: str) -> list[dict[str, str]]:
        path = rels_path(source) if source else "_rels/.rels"
        if path not in self.parts:
            return []
        return [dict(r.attrib) for r in parse(self.parts[path])]

    def add_relationship(self, source: str, rel_type: str, target: str) -> str:
        """Add a relationship from ``source`` ("" = the package) and return its id."""
        path = rels_path(source) if source else "_rels/.rels"
        root = parse(self.parts[path]) if path in self.parts else etree.Element(f"{{{REL_NS}}}Relationships", nsmap={None: REL_NS})
        used = {int(m.group(1)) for r in root for m in [re.fullmatch(r"rId(\d+)", r.get("Id", ""))] if m}
        rid = f"rId{max(used, default=0) + 1}"
        etree.SubElement(root, f"{{{REL_NS}}}Relationship", Id=rid, Type=rel_type, Target=target)
        self.parts[path] = serialize(root)
        return rid

    def resolve(self, source: str, target: str) -> str:
        if target.startswith("/"):
            return target[1:]
        return posixpath.normpath(posixpath.join(posixpath.dirname(source), target))

    def free_name(self, pattern: str) -> str:
        """The first ``pattern.format(n)`` (n = 1, 2, ...) that is not a part yet."""
        number = 1
        while pattern.format(number) in self.parts:
            number += 1
        return pattern.format(number)

    def save(self) -> bytes:
        order = [CONTENT_TYPES] + [name for name in self.parts if name != CONTENT_TYPES]
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
            for name in order:
                info = zipfile.ZipInfo(name, date_time=_FIXED_TIME)
                info.compress_type = zipfile.ZIP_DEFLATED
                info.external_attr = 0o600 << 16
                archive.writestr(info, self.parts[name])
        return buffer.getvalue()
