"""Small helpers for the Open Packaging Conventions (the zip inside .xlsx/.xlsm).

A :class:`Package` is the zip's parts in memory (name -> bytes, zip order
kept) with just enough understanding of relationships (``_rels/*.rels``) and
content types (``[Content_Types].xml``) for :mod:`orsheet.workbook.fidelity`
to compare two packages and repair one. Part names here never start with a
slash; content-type part names do, and the helpers convert.
"""

from __future__ import annotations

import hashlib
import os
import posixpath
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

CONTENT_TYPES = "[Content_Types].xml"
RELS_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
TYPES_NS = "http://schemas.openxmlformats.org/package/2006/content-types"
_PARSER = etree.XMLParser(remove_blank_text=False, resolve_entities=False, huge_tree=True)


def parse_xml(data: bytes) -> etree._Element:
    return etree.fromstring(data, _PARSER)


_DECLARATION = b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'


def to_xml(root: etree._Element) -> bytes:
    # lxml writes the declaration with single quotes; Office writes double ones.
    return _DECLARATION + etree.tostring(root, encoding="UTF-8", xml_declaration=False)


def extension_of(part: str) -> str:
    """``xl/a.xml`` -> ``xml``; ``_rels/.rels`` -> ``rels`` (OPC counts a leading dot)."""
    name = part.rpartition("/")[2]
    return name.rpartition(".")[2].lower() if "." in name else ""


def rels_part(part: str) -> str:
    """``xl/worksheets/sheet1.xml`` -> ``xl/worksheets/_rels/sheet1.xml.rels``."""
    folder, _, name = part.rpartition("/")
    return f"{folder}/_rels/{name}.rels" if folder else f"_rels/{name}.rels"


def source_of_rels(rels: str) -> str:
    """Inverse of :func:`rels_part` (``_rels/.rels`` -> ``""``, the package)."""
    folder, _, name = rels.rpartition("/")
    parent = folder[: -len("_rels")].rstrip("/")
    name = name[: -len(".rels")]
    return f"{parent}/{name}" if parent else name


def resolve(source: str, target: str) -> str:
    """The part a relationship of ``source`` points at (absolute, no slash)."""
    if target.startswith("/"):
        return posixpath.normpath(target).lstrip("/")
    base = posixpath.dirname(source)
    return posixpath.normpath(posixpath.join(base, target)).lstrip("/")


@dataclass(frozen=True)
class Relationship:
    id: str
    type: str
    target: str  # as written
    part: str | None  # resolved part name; None for external targets


def relationships(package: Package, source: str) -> list[Relationship]:
    """The relationships of part ``source`` ("" for the package itself)."""
    data = package.get(rels_part(source) if source else "_rels/.rels")
    if data is None:
        return []
    found = []
    for rel in parse_xml(data):
        if not isinstance(rel.tag, str):
            continue
        target = rel.get("Target", "")
        external = rel.get("TargetMode") == "External"
        part = None if external else resolve(source, target)
        found.append(Relationship(rel.get("Id", ""), rel.get("Type", ""), target, part))
    return found


def add_relationship(package: Package, source: str, rel_type: str, target: str, wish_id: str) -> str:
    """Add a relationship to ``source`` and return its Id (``wish_id`` when free)."""
    name = rels_part(source) if source else "_rels/.rels"
    data = package.get(name)
    root = parse_xml(data) if data else etree.Element(f"{{{RELS_NS}}}Relationships", nsmap={None: RELS_NS})
    taken = {rel.get("Id") for rel in root if isinstance(rel.tag, str)}
    rel_id, n = wish_id, 1
    while rel_id in taken:
        rel_id, n = f"rIdOrs{n}", n + 1
    etree.SubElement(root, f"{{{RELS_NS}}}Relationship", Id=rel_id, Type=rel_type, Target=target)
    package.set(name, to_xml(root))
    return rel_id


class Package:
    """The parts of one OPC zip; a part is read (and inflated) when first used."""

    def __init__(self, path: Path):
        self._archive = zipfile.ZipFile(path)
        self.names = [info.filename for info in self._archive.infolist() if not info.is_dir()]
        self._known = set(self.names)
        self._data: dict[str, bytes] = {}

    def __contains__(self, name: str) -> bool:
        return name in self._known

    def get(self, name: str) -> bytes | None:
        if name not in self._known:
            return None
        if name not in self._data:
            self._data[name] = self._archive.read(name)
        return self._data[name]

    def set(self, name: str, data: bytes) -> None:
        if name not in self._known:
            self.names.append(name)
            self._known.add(name)
        self._data[name] = data

    def close(self) -> None:
        self._archive.close()

    def __enter__(self) -> Package:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def write(self, path: Path) -> None:
        """Write every part to ``path`` atomically (temp file, fsync, rename)."""
        path = Path(path)
        handle, temp = tempfile.mkstemp(prefix=".orsheet-", suffix=".zip.tmp", dir=path.parent)
        try:
            with os.fdopen(handle, "wb") as stream:
                with zipfile.ZipFile(stream, "w", zipfile.ZIP_DEFLATED) as archive:
                    order = [CONTENT_TYPES] + [n for n in self.names if n != CONTENT_TYPES]
                    for name in order:
                        data = self.get(name)
                        if data is not None:
                            archive.writestr(name, data)
                stream.flush()
                os.fsync(stream.fileno())
            os.replace(temp, path)
        except BaseException:
            Path(temp).unlink(missing_ok=True)
            raise


class ContentTypes:
    """``[Content_Types].xml``: Default (by extension) and Override (by part)."""

    def __init__(self, data: bytes):
        self.root = parse_xml(data)
        self.defaults: dict[str, str] = {}
        self.overrides: dict[str, str] = {}
        for node in self.root:
            if not isinstance(node.tag, str):
                continue
            if node.tag.endswith("Default"):
                self.defaults[node.get("Extension", "").lower()] = node.get("ContentType", "")
            elif node.tag.endswith("Override"):
                self.overrides[node.get("PartName", "").lstrip("/")] = node.get("ContentType", "")

    def type_of(self, part: str) -> str | None:
        if part in self.overrides:
            return self.overrides[part]
        return self.defaults.get(extension_of(part))

    def set_default(self, extension: str, content_type: str) -> None:
        etree.SubElement(self.root, f"{{{TYPES_NS}}}Default", Extension=extension, ContentType=content_type)
        self.defaults[extension.lower()] = content_type

    def set_override(self, part: str, content_type: str) -> None:
        for node in self.root:
            if isinstance(node.tag, str) and node.tag.endswith("Override"):
                if node.get("PartName", "").lstrip("/") == part:
                    node.set("ContentType", content_type)
                    break
        else:
            etree.SubElement(self.root, f"{{{TYPES_NS}}}Override", PartName="/" + part, ContentType=content_type)
        self.overrides[part] = content_type

    def to_bytes(self) -> bytes:
        return to_xml(self.root)


def sheet_parts(package: Package) -> dict[str, str]:
    """Sheet title -> worksheet part name, from ``xl/workbook.xml``."""
    workbook = next((r.part for r in relationships(package, "") if r.type.endswith("/officeDocument")), None)
    if workbook is None or workbook not in package:
        return {}
    targets = {rel.id: rel.part for rel in relationships(package, workbook)}
    r_id = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
    found = {}
    for sheet in parse_xml(package.get(workbook)).iter("{*}sheet"):
        part = targets.get(sheet.get(r_id, ""))
        if part:
            found[sheet.get("name", "")] = part
    return found


def workbook_part(package: Package) -> str | None:
    return next((r.part for r in relationships(package, "") if r.type.endswith("/officeDocument")), None)


def describe_parts(path: Path) -> dict[str, str]:
    """Part name -> SHA-256 of its bytes: a fingerprint for round-trip tests."""
    with Package(path) as package:
        return {name: hashlib.sha256(package.get(name)).hexdigest() for name in sorted(package.names)}


def package_problems(path: Path) -> list[str]:
    """What makes a package unsound: dangling relationships, untyped parts."""
    with Package(path) as package:
        if CONTENT_TYPES not in package:
            return [f"{CONTENT_TYPES} is missing"]
        types = ContentTypes(package.get(CONTENT_TYPES))
        problems = []
        for name in package.names:
            if name != CONTENT_TYPES and types.type_of(name) is None:
                problems.append(f"part {name} has no content type")
            if name.endswith(".rels"):
                problems.extend(_rels_problems(package, name))
        problems.extend(f"content type override for missing part {p}" for p in types.overrides if p not in package)
        return problems


def _rels_problems(package: Package, name: str) -> list[str]:
    source = source_of_rels(name)
    if source and source not in package:
        return [f"relationships {name} belong to missing part {source}"]
    return [
        f"{name} ({rel.id}) points at missing part {rel.part}"
        for rel in relationships(package, source)
        if rel.part is not None and rel.part not in package
    ]
