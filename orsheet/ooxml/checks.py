"""Checks of a whole package: what the round-trip tests compare and what makes a package unsound."""

from __future__ import annotations

import hashlib
from pathlib import Path

from orsheet.ooxml.markup import NS
from orsheet.ooxml.opc import CONTENT_TYPES, resolve
from orsheet.ooxml.package import Package


def describe_parts(path: Path) -> dict[str, str]:
    """Part name -> SHA-256 of its bytes: a fingerprint for round-trip tests."""
    package = Package(path)
    return {name: hashlib.sha256(package.get(name)).hexdigest() for name in sorted(package.names)}


class ContentTypes:
    """``[Content_Types].xml``: the type of a part by Override, else by its extension's Default."""

    def __init__(self, package: Package):
        types = package.xml(CONTENT_TYPES)
        self.defaults = {d.get("Extension", "").lower(): d.get("ContentType", "") for d in types.iterfind("ct:Default", NS)}
        self.overrides = {o.get("PartName", "").lstrip("/"): o.get("ContentType", "") for o in types.iterfind("ct:Override", NS)}

    def type_of(self, part: str) -> str | None:
        if part in self.overrides:
            return self.overrides[part]
        name = part.rpartition("/")[2]
        return self.defaults.get(name.rpartition(".")[2].lower() if "." in name else "")


def package_problems(path: Path) -> list[str]:
    """What makes a package unsound: dangling relationships, untyped parts."""
    package = Package(path)
    if not package.has(CONTENT_TYPES):
        return [f"{CONTENT_TYPES} is missing"]
    types = ContentTypes(package)
    problems = [f"part {n} has no content type" for n in package.names if n != CONTENT_TYPES and types.type_of(n) is None]
    problems += [f"content type override for missing part {p}" for p in types.overrides if not package.has(p)]
    for name in package.names:
        if name.endswith(".rels"):
            problems.extend(_rels_problems(package, name))
    return problems


def source_of_rels(rels: str) -> str:
    """Inverse of :func:`~orsheet.ooxml.opc.rels_path` (``_rels/.rels`` -> ``""``, the package)."""
    folder, _, name = rels.rpartition("/")
    parent = folder[: -len("_rels")].rstrip("/")
    name = name[: -len(".rels")]
    return f"{parent}/{name}" if parent else name


def _rels_problems(package: Package, name: str) -> list[str]:
    source = source_of_rels(name)
    if source and not package.has(source):
        return [f"relationships {name} belong to missing part {source}"]
    return [
        f"{name} ({rel.get('Id')}) points at missing part {resolve(source, rel.get('Target'))}"
        for rel in package.relationships(source)
        if rel.get("TargetMode") != "External" and not package.has(resolve(source, rel.get("Target")))
    ]
