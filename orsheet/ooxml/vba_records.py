"""The records of a VBA project (MS-OVBA) that both the builder and a running orsheet write.

:mod:`orsheet.build.vba_project` builds the template's project from these at
build time; :mod:`orsheet.ooxml.vba_sheets` adds a sheet's document module
to a user's project when orsheet adds a sheet, at run time.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass

ENCODING = "cp1252"
PROCEDURAL, DOCUMENT, CLASS = "procedural", "document", "class"
_WORKBOOK_BASE = "0{00020819-0000-0000-C000-000000000046}"
_SHEET_BASE = "0{00020820-0000-0000-C000-000000000046}"


@dataclass(frozen=True)
class Module:
    name: str
    kind: str  # procedural | document | class
    source: str  # as stored in the project: CRLF line ends, no class file header


def document_module(name: str, workbook: bool) -> Module:
    base = _WORKBOOK_BASE if workbook else _SHEET_BASE
    lines = [
        f'Attribute VB_Name = "{name}"',
        f'Attribute VB_Base = "{base}"',
        "Attribute VB_GlobalNameSpace = False",
        "Attribute VB_Creatable = False",
        "Attribute VB_PredeclaredId = True",
        "Attribute VB_Exposed = True",
        "Attribute VB_TemplateDerived = False",
        "Attribute VB_Customizable = True",
    ]
    return Module(name, DOCUMENT, "\r\n".join(lines) + "\r\n")


def record(record_id: int, data: bytes) -> bytes:
    return struct.pack("<HI", record_id, len(data)) + data


def text_record(record_id: int, text: str, unicode_id: int | None = None) -> bytes:
    out = record(record_id, text.encode(ENCODING))
    if unicode_id is not None:
        out += record(unicode_id, text.encode("utf-16-le"))
    return out


def module_record(module: Module) -> bytes:
    module_type = 0x0021 if module.kind == PROCEDURAL else 0x0022
    return b"".join(
        [
            text_record(0x0019, module.name),
            record(0x0047, module.name.encode("utf-16-le")),
            text_record(0x001A, module.name, 0x0032),
            text_record(0x001C, "", 0x0048),
            record(0x0031, struct.pack("<I", 0)),  # MODULEOFFSET: source starts at 0
            record(0x001E, struct.pack("<I", 0)),
            record(0x002C, struct.pack("<H", 0xFFFF)),
            struct.pack("<HI", module_type, 0),
            struct.pack("<HI", 0x002B, 0),
        ]
    )


# MS-OVBA 2.3.4.1: Reserved1 0x61CC, Version 0xFFFF (no compiled code: Excel recompiles from
# source), Reserved2 0x00, Reserved3 0x0001 -- the value Excel itself, vbamc and xlwings write.
VBA_PROJECT_STREAM = struct.pack("<HHBH", 0x61CC, 0xFFFF, 0x00, 0x0001)
