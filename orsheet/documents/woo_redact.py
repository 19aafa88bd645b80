"""Redact Office files for a Woo publication, at the level of their XML parts.

Nothing is skipped because a library does not model it: body text, tables,
headers and footers, footnotes, comments and their authors, tracked changes,
field codes, hyperlink targets, text boxes, document properties. A name split
over several Word runs is found in the paragraph's joined text (see
:meth:`orsheet.redact.Redactor.redact_pieces`). The leak check
(:mod:`orsheet.documents.woo_leaks`) reads every written file back
independently of this module.
"""

from __future__ import annotations

import re
import tempfile
import zipfile
import zlib
from collections import Counter
from pathlib import Path
from typing import Any

from lxml import etree

from orsheet.documents.files import remove_quietly
from orsheet.errors import OrsheetError
from orsheet.redact import NAME_CODE, Redactor

# Elements whose text is joined per paragraph-like parent before matching.
_TEXT_LEAVES = {"t", "delText", "instrText"}
_PARAGRAPHS = {"p", "si", "is", "text"}  # Word/DrawingML paragraph, Excel string, Excel comment
_SEPARATORS = {"tab", "br", "cr", "ptab"}  # inside a run: read as white space
# Attributes that hold a person (comment and revision authors): replaced whole.
_AUTHOR_ATTRIBUTES = {"author", "initials", "userId"}
# Core properties that name who wrote or saved the file: replaced by the organisation.
_AUTHOR_PROPERTIES = {"creator", "lastModifiedBy"}
_XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise_formula(value: Any) -> Any:
    """Text that a spreadsheet would run as a formula gets a leading quote."""
    if isinstance(value, str) and value.startswith(_FORMULA_STARTS):
        return "'" + value
    return value


def _local(tag: Any) -> str:
    return tag.rpartition("}")[2] if isinstance(tag, str) else ""


def _redact_tree(root: etree._Element, redactor: Redactor, organisation: str, core: bool) -> Counter:
    counts: Counter = Counter()
    # Keyed by the parent element itself: lxml proxies are only stable while referenced.
    groups: dict[tuple[etree._Element, str], list[etree._Element]] = {}
    for element in root.iter():
        name = _local(element.tag)
        if not name:  # XML comment or processing instruction: text only
            result = redactor.redact(element.text or "")
            if result.counts:
                element.text = result.text
                counts += result.counts
            continue
        _redact_attributes(element, redactor, counts)
        separator = name in _SEPARATORS and _local(element.getparent().tag) == "r"
        if name in _TEXT_LEAVES or separator:
            parent = next((a for a in element.iterancestors() if _local(a.tag) in _PARAGRAPHS), element)
            groups.setdefault((parent, "t" if separator else name), []).append(element)
        elif core and name in _AUTHOR_PROPERTIES:
            element.text = organisation
        elif name == "author" and element.text and element.text.strip():  # Excel comment authors
            if not redactor.is_public(element.text):
                element.text = NAME_CODE
                counts[NAME_CODE] += 1
        elif element.text and element.text.strip():
            result = redactor.redact(element.text)
            element.text = result.text
            counts += result.counts
    for leaves in groups.values():
        counts += _redact_group(leaves, redactor)
    return counts


def _redact_group(leaves: list[etree._Element], redactor: Redactor) -> Counter:
    """Redact the text pieces of one paragraph as one text.

    A tab or line break between runs reads as white space, so "Jan<tab/>Jan"
    holds two names; a break inside a name ("Jan<br/>de Vries") goes with it.
    """
    texts = [" " if _local(leaf.tag) in _SEPARATORS else (leaf.text or "") for leaf in leaves]
    pieces, found = redactor.redact_pieces(texts)
    for leaf, before, piece in zip(leaves, texts, pieces):
        if piece == before:
            continue
        if _local(leaf.tag) in _SEPARATORS:
            leaf.getparent().remove(leaf)
        else:
            leaf.text = piece
            if _local(leaf.tag) != "instrText":
                leaf.set(_XML_SPACE, "preserve")
    return found


def _redact_attributes(element: etree._Element, redactor: Redactor, counts: Counter) -> None:
    for key, value in element.attrib.items():
        if _local(key) in _AUTHOR_ATTRIBUTES and value.strip():
            if not redactor.is_public(value):
                element.set(key, NAME_CODE)
                counts[NAME_CODE] += 1
            continue
        result = redactor.redact(value)
        if result.counts:
            element.set(key, result.text)
            counts += result.counts


_OFFICE_SUFFIXES = (".docx", ".docm", ".xlsx", ".xlsm", ".pptx")
_THUMBNAIL = re.compile(r"docProps/thumbnail\.\w+")


def redact_office_file(source: Path, target: Path, redactor: Redactor, organisation: str) -> Counter:
    """Copy a .docx/.xlsx with every XML part redacted; return counts per code.

    Embedded Office files are redacted the same way; the preview picture
    (docProps/thumbnail) is left out, as a picture of page 1 may show names.
    """
    counts: Counter = Counter()
    try:
        with zipfile.ZipFile(source) as zin, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as zout:
            dropped = {i.filename for i in zin.infolist() if _THUMBNAIL.fullmatch(i.filename)}
            for info in zin.infolist():
                if info.filename in dropped:
                    continue
                data, found = _redact_part(info.filename, zin.read(info), redactor, organisation, dropped)
                counts += found
                zout.writestr(info, data)
    except _DAMAGED:
        remove_quietly(target)
        raise OrsheetError(_damaged_message(source)) from None
    except OSError:  # the disk, not the file: the caller says what the system refused (errors.os_error)
        remove_quietly(target)
        raise
    return counts


# What zipfile and lxml raise for a file that is not (or no longer) a readable Office file.
_DAMAGED = (zipfile.BadZipFile, zipfile.LargeZipFile, etree.XMLSyntaxError, zlib.error, EOFError,
            NotImplementedError, UnicodeDecodeError)
_COMPOUND_FILE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # an encrypted (or pre-2007) Office file


def _damaged_message(source: Path) -> str:
    try:
        with open(source, "rb") as stream:
            encrypted = stream.read(len(_COMPOUND_FILE)) == _COMPOUND_FILE
    except OSError:
        encrypted = False
    if encrypted:
        return (f"{source.name} is met een wachtwoord beveiligd of in een oude Office-indeling (.doc/.xls) "
                "opgeslagen; orsheet kan het niet lakken. Sla het op als .docx of .xlsx zonder wachtwoord.")
    return (f"{source.name} is geen geldig Office-bestand: het is beschadigd of het is een ander soort bestand "
            "met een Office-naam; orsheet kan het niet lakken.")


def _redact_part(name: str, data: bytes, redactor: Redactor, organisation: str,
                 dropped: set[str]) -> tuple[bytes, Counter]:
    if name.lower().endswith(_OFFICE_SUFFIXES):
        with tempfile.TemporaryDirectory(prefix="orsheet-woo-") as folder:
            inner, redacted = Path(folder) / Path(name).name, Path(folder) / ("woo-" + Path(name).name)
            inner.write_bytes(data)
            found = redact_office_file(inner, redacted, redactor, organisation)
            return redacted.read_bytes(), found
    if not name.endswith((".xml", ".rels", ".vml")) or not data.strip():
        return data, Counter()
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True)
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError:
        if not name.endswith(".vml"):
            raise
        # Legacy VML is often not well-formed XML: redact it as text.
        result = redactor.redact(data.decode("utf-8", "surrogateescape"))
        return result.text.encode("utf-8", "surrogateescape"), result.counts
    if name.endswith(".rels") and dropped:
        for relation in list(root):
            if relation.get("Target", "").lstrip("/") in dropped:
                root.remove(relation)
    found = _redact_tree(root, redactor, organisation, core=name == "docProps/core.xml")
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True), found
