"""Build ``vbaProject.bin`` from VBA source files (``.bas`` and ``.cls``).

The project holds no compiled code: ``_VBA_PROJECT`` says "version 0xFFFF",
which tells Office to ignore performance caches and compile from the source
stored in each module stream (MS-OVBA 2.3.4.1). Document modules for the
workbook and its sheets are generated, empty, so the code names written into
the workbook XML have a module to belong to.
"""

from __future__ import annotations

import re
import struct
from pathlib import Path
from typing import Iterable, Sequence

from orsheet.ooxml import ovba
from orsheet.ooxml.cfb import write_cfb
from orsheet.ooxml.vba_records import (
    CLASS,
    DOCUMENT,
    ENCODING,
    PROCEDURAL,
    VBA_PROJECT_STREAM,
    Module,
    module_record,
    record,
    text_record,
)

CODEPAGE = 1252
PROJECT_NAME = "VBAProject"
# A fixed project id and seed keep builds byte-for-byte reproducible.
PROJECT_ID = "{6F2A3B1C-5D4E-4F60-8A7B-0C1D2E3F4A5B}"
_SEED = 0x5A

_REFERENCES = (
    ("stdole", "*\\G{00020430-0000-0000-C000-000000000046}#2.0#0#C:\\Windows\\System32\\stdole2.tlb#OLE Automation"),
    ("Office", "*\\G{2DF8D04C-5BFA-101B-BDE5-00AA0044DE52}#2.0#0#C:\\Program Files\\Common Files\\Microsoft Shared\\OFFICE16\\MSO.DLL#Microsoft Office 16.0 Object Library"),
)
_NAME_LINE = re.compile(r'^Attribute VB_Name = "([^"]+)"', re.MULTILINE)
_CLASS_HEADER = re.compile(r"\AVERSION 1\.0 CLASS\r\nBEGIN\r\n.*?\r\nEND\r\n", re.DOTALL)
_CLASS_BASE = 'Attribute VB_Base = "0{FCFB3D2A-A0FA-1068-A738-08002B3371B5}"\r\n'
# What the VBA editor adds when it imports a .cls file; Excel stores class modules with them.
CLASS_IMPORT_LINES = (_CLASS_BASE, "Attribute VB_TemplateDerived = False\r\n", "Attribute VB_Customizable = False\r\n")


def crlf(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\n", "\r\n")


def module_from_file(path: Path) -> Module:
    """Read an exported ``.bas``/``.cls`` file the way the VBA editor imports it."""
    text = crlf(path.read_bytes().decode(ENCODING))
    kind = CLASS if path.suffix.lower() == ".cls" else PROCEDURAL
    if kind == CLASS:
        text = stored_class_source(text)
    match = _NAME_LINE.search(text)
    if match is None:
        raise ValueError(f"{path}: no 'Attribute VB_Name' line")
    return Module(match.group(1), kind, text)


def stored_class_source(exported: str) -> str:
    """An exported class file as the VBA editor stores it after import.

    The ``VERSION``/``BEGIN``/``END`` header goes; ``VB_Base`` follows ``VB_Name``
    and ``VB_TemplateDerived``/``VB_Customizable`` follow ``VB_Exposed``.
    """
    text = _CLASS_HEADER.sub("", crlf(exported), count=1)
    text = re.sub(r'^(Attribute VB_Name = "[^"]+"\r\n)', lambda m: m.group(1) + _CLASS_BASE, text, count=1, flags=re.MULTILINE)
    text = re.sub(
        r"^(Attribute VB_Exposed = \w+\r\n)",
        lambda m: m.group(1) + "".join(CLASS_IMPORT_LINES[1:]),
        text, count=1, flags=re.MULTILINE,
    )
    return text


def _reference(name: str, libid: str) -> bytes:
    encoded = libid.encode(ENCODING)
    registered = struct.pack("<I", len(encoded)) + encoded + struct.pack("<IH", 0, 0)
    return text_record(0x0016, name, 0x003E) + record(0x000D, registered)


def dir_stream(modules: Sequence[Module]) -> bytes:
    """The decompressed ``VBA/dir`` stream (MS-OVBA 2.3.4.2)."""
    information = b"".join(
        [
            record(0x0001, struct.pack("<I", 3)),  # SysKind: 64-bit Windows
            record(0x0002, struct.pack("<I", 0x0409)),
            record(0x0014, struct.pack("<I", 0x0409)),
            record(0x0003, struct.pack("<H", CODEPAGE)),
            text_record(0x0004, PROJECT_NAME),
            text_record(0x0005, "", 0x0040),
            text_record(0x0006, "", 0x003D),
            record(0x0007, struct.pack("<I", 0)),
            record(0x0008, struct.pack("<I", 0)),
            struct.pack("<HIIH", 0x0009, 4, 1, 0),  # PROJECTVERSION 1.0
            text_record(0x000C, "", 0x003C),
        ]
    )
    references = b"".join(_reference(name, libid) for name, libid in _REFERENCES)
    header = struct.pack("<HIH", 0x000F, 2, len(modules)) + struct.pack("<HIH", 0x0013, 2, 0xFFFF)
    body = b"".join(module_record(m) for m in modules)
    return information + references + header + body + struct.pack("<HI", 0x0010, 0)


def project_stream(modules: Sequence[Module]) -> bytes:
    """The ``PROJECT`` stream: the project's text properties."""
    prefix = {DOCUMENT: "Document=", PROCEDURAL: "Module=", CLASS: "Class="}
    lines = [f'ID="{PROJECT_ID}"']
    for module in modules:
        suffix = "/&H00000000" if module.kind == DOCUMENT else ""
        lines.append(f"{prefix[module.kind]}{module.name}{suffix}")
    lines += [
        f'Name="{PROJECT_NAME}"',
        'HelpContextID="0"',
        'VersionCompatible32="393222000"',
        f'CMG="{ovba.encrypt(bytes(4), PROJECT_ID, _SEED)}"',  # not protected
        f'DPB="{ovba.encrypt(bytes(1), PROJECT_ID, _SEED)}"',  # no password
        f'GC="{ovba.encrypt(bytes([0xFF]), PROJECT_ID, _SEED)}"',  # visible
        "",
        "[Host Extender Info]",
        "&H00000001={3832D640-CF90-11CF-8E43-00A0C911005A};VBE;&H00000000",
        "",
        "[Workspace]",
    ]
    lines += [f"{m.name}=0, 0, 0, 0, C" for m in modules]
    return ("\r\n".join(lines) + "\r\n").encode(ENCODING)


def project_wm_stream(modules: Sequence[Module]) -> bytes:
    out = b"".join(m.name.encode(ENCODING) + b"\0" + m.name.encode("utf-16-le") + b"\0\0" for m in modules)
    return out + b"\0\0"


def build_vba_project(modules: Iterable[Module]) -> bytes:
    """Return the bytes of a ``vbaProject.bin`` holding ``modules``."""
    modules = list(modules)
    names = [m.name.lower() for m in modules]
    if len(set(names)) != len(names):
        raise ValueError(f"duplicate VBA module names: {[m.name for m in modules]}")
    streams = {
        "PROJECT": project_stream(modules),
        "PROJECTwm": project_wm_stream(modules),
        "VBA/_VBA_PROJECT": VBA_PROJECT_STREAM,
        "VBA/dir": ovba.compress(dir_stream(modules)),
    }
    for module in modules:
        streams[f"VBA/{module.name}"] = ovba.compress(module.source.encode(ENCODING))
    return write_cfb(streams)
