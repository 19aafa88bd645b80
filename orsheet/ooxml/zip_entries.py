"""Zip entries as Office writes them: one copied as stored (no recompression), one rewritten with the
time and compression it came with, one new (deterministic: fixed time, deflated)."""

from __future__ import annotations

import struct
import zipfile

FIXED_TIME = (1980, 1, 1, 0, 0, 0)
_LOCAL_HEADER = struct.Struct("<4s5H3L2H")


def copy_raw(source: zipfile.ZipFile, info: zipfile.ZipInfo, out: zipfile.ZipFile) -> bool:
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


def copy_info(info: zipfile.ZipInfo) -> zipfile.ZipInfo:
    """The entry as it was: name, time, attributes and compression."""
    copy = zipfile.ZipInfo(info.filename, date_time=info.date_time)
    copy.external_attr = info.external_attr
    copy.compress_type = zipfile.ZIP_STORED if info.compress_type == zipfile.ZIP_STORED else zipfile.ZIP_DEFLATED
    return copy


def new_info(name: str, external_attr: int = 0) -> zipfile.ZipInfo:
    """A new entry: the fixed time, deflated."""
    info = zipfile.ZipInfo(name, date_time=FIXED_TIME)
    info.compress_type = zipfile.ZIP_DEFLATED
    info.external_attr = external_attr
    return info
