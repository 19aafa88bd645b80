"""A code name and an empty document module for every sheet orsheet adds, as Excel gives them.

When Excel adds a worksheet to a macro-enabled workbook it gives the sheet a
code name (``<sheetPr codeName="Sheet12"/>``) and the VBA project a document
module of that name. orsheet adds sheets itself (Agenda, Overzicht, Voorstel,
Logboek, through the file backend); :func:`register_new_sheet` does the same
for them, so the workbook is what Excel would have written.

The VBA project is edited, not rebuilt: the new module's records go into the
existing ``dir`` stream before its terminator, the PROJECTMODULES count goes
up by one, ``PROJECT`` and ``PROJECTwm`` get the module's lines, and every
other stream (the user's own modules, references, forms) is kept byte for
byte. ``_VBA_PROJECT`` is set to version 0xFFFF, which makes Excel compile
the project from source on opening (MS-OVBA 2.3.4.1; the compiled cache of
the old module list would not match the new one).
"""

from __future__ import annotations

import io
import re
import struct

from orsheet.ooxml import ovba
from orsheet.ooxml.cfb import write_cfb
from orsheet.ooxml.vba_records import ENCODING, VBA_PROJECT_STREAM, module_record, document_module

VBA_PART = "xl/vbaProject.bin"
_PROJECT_MODULES = 0x000F
_PROJECT_VERSION = 0x0009  # Reserved (4, "size" 4) then 4 + 2 bytes of version (MS-OVBA 2.3.4.2.1.11)
_DIR_TERMINATOR = 0x0010
_MODULE_NAME = 0x0019
_SHEET_NAME = re.compile(r"Sheet(\d+)$")


def read_streams(data: bytes) -> dict[str, bytes]:
    """Every stream of a compound file, by path ("VBA/dir")."""
    import olefile

    with olefile.OleFileIO(io.BytesIO(data)) as ole:
        return {"/".join(path): ole.openstream(path).read() for path in ole.listdir(streams=True, storages=False)}


def _records(data: bytes):
    """(offset, id, end) of each record of a decompressed ``dir`` stream."""
    offset = 0
    while offset + 6 <= len(data):
        record_id, size = struct.unpack_from("<HI", data, offset)
        end = offset + 6 + (6 if record_id == _PROJECT_VERSION else size)
        yield offset, record_id, end
        offset = end


def module_names(vba: bytes) -> list[str]:
    """The names of the modules in a ``vbaProject.bin``."""
    data = ovba.decompress(read_streams(vba)["VBA/dir"])
    return [data[start + 6:end].decode(ENCODING) for start, record_id, end in _records(data)
            if record_id == _MODULE_NAME]


def add_document_module(vba: bytes, name: str) -> bytes:
    """``vba`` with an empty document module ``name`` for a worksheet added."""
    streams = read_streams(vba)
    data = ovba.decompress(streams["VBA/dir"])
    module = document_module(name, workbook=False)
    out = bytearray()
    for start, record_id, end in _records(data):
        if record_id == _PROJECT_MODULES:
            (count,) = struct.unpack_from("<H", data, start + 6)
            out += struct.pack("<HIH", _PROJECT_MODULES, 2, count + 1)
            continue
        if record_id == _DIR_TERMINATOR:
            out += module_record(module)
        out += data[start:end]
    streams["VBA/dir"] = ovba.compress(bytes(out))
    streams[f"VBA/{name}"] = ovba.compress(module.source.encode(ENCODING))
    streams["VBA/_VBA_PROJECT"] = VBA_PROJECT_STREAM
    streams["PROJECT"] = _project_with(streams["PROJECT"], name)
    if "PROJECTwm" in streams:
        names = streams["PROJECTwm"]
        entry = name.encode(ENCODING) + b"\0" + name.encode("utf-16-le") + b"\0\0"
        streams["PROJECTwm"] = names[:-2] + entry + b"\0\0" if names.endswith(b"\0\0") else names + entry
    return write_cfb({path: data for path, data in streams.items() if not path.startswith("VBA/__SRP_")})


def _project_with(project: bytes, name: str) -> bytes:
    """The PROJECT stream with "Document=<name>/&H00000000" among the modules and a [Workspace] line."""
    lines = project.decode(ENCODING).split("\r\n")
    position = next((i for i, line in enumerate(lines) if line.startswith("Name=")), 1)
    lines.insert(position, f"Document={name}/&H00000000")
    if "[Workspace]" in lines:
        index = lines.index("[Workspace]") + 1
        while index < len(lines) and lines[index]:
            index += 1
        lines.insert(index, f"{name}=0, 0, 0, 0, C")
    return "\r\n".join(lines).encode(ENCODING)


def next_code_name(taken: set[str]) -> str:
    """The first "SheetN" not yet used (Excel's own naming)."""
    numbers = {int(m.group(1)) for m in map(_SHEET_NAME.match, taken) if m}
    return f"Sheet{next(n for n in range(1, len(numbers) + 2) if n not in numbers)}"


def register_new_sheet(package, sheet_root) -> str | None:
    """Give a sheet just added to ``package`` (orsheet.ooxml.package.Package) a code name and module.

    Does nothing for a workbook without a VBA project. Returns the code name given.
    """
    if not package.has(VBA_PART):
        return None
    vba = package.get(VBA_PART)
    main = sheet_root.nsmap.get(None, "http://schemas.openxmlformats.org/spreadsheetml/2006/main")
    taken = set(module_names(vba))
    for part in package.sheet_parts().values():
        if package.has(part):
            properties = package.xml(part).find(f"{{{main}}}sheetPr")
            if properties is not None and properties.get("codeName"):
                taken.add(properties.get("codeName"))
    properties = sheet_root.find(f"{{{main}}}sheetPr")
    if properties is None:
        from lxml import etree

        properties = etree.Element(f"{{{main}}}sheetPr")
        sheet_root.insert(0, properties)
    if properties.get("codeName"):
        return properties.get("codeName")
    name = next_code_name(taken)
    properties.set("codeName", name)
    package.put(VBA_PART, add_document_module(vba, name))
    return name
