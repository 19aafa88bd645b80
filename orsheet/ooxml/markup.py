"""The XML of one part: namespaces, the one parser configuration, serialising the way Office does."""

from __future__ import annotations

import re

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
# Entities are never resolved: a part is data, not a request to read other files.
_PARSER = etree.XMLParser(huge_tree=True, remove_blank_text=False, resolve_entities=False)
_LENIENT = etree.XMLParser(huge_tree=True, remove_blank_text=False, resolve_entities=False, recover=True)
_DECLARATION = b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'


def xml_text(text: str) -> str:
    """``text`` without the characters XML cannot hold (control characters pasted in by accident)."""
    return _XML_ILLEGAL.sub("", text)


def q(tag: str) -> str:
    """Qualified name in the spreadsheet namespace."""
    return f"{{{MAIN}}}{tag}"


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
