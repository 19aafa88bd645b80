"""A small writer for new Compound File Binary files (MS-CFB, version 3).

``vbaProject.bin`` is such a file. olefile reads them but cannot create one,
so this module lays out a fresh file from a flat ``{path: bytes}`` mapping:
512-byte sectors, a mini stream for streams under 4096 bytes, a FAT, a mini
FAT and a directory whose sibling trees are balanced red-black trees. All
timestamps and CLSIDs are zero, so the same input always gives the same bytes.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass, field

SECTOR = 512
MINI_SECTOR = 64
MINI_CUTOFF = 4096
FREESECT = 0xFFFFFFFF
ENDOFCHAIN = 0xFFFFFFFE
FATSECT = 0xFFFFFFFD
NOSTREAM = 0xFFFFFFFF
_SIGNATURE = bytes.fromhex("D0CF11E0A1B11AE1")
_STORAGE, _STREAM, _ROOT = 1, 2, 5
_RED, _BLACK = 0, 1


@dataclass
class _Entry:
    name: str
    kind: int
    data: bytes = b""
    children: dict[str, "_Entry"] = field(default_factory=dict)
    index: int = 0
    left: int = NOSTREAM
    right: int = NOSTREAM
    child: int = NOSTREAM
    color: int = _BLACK
    start: int = ENDOFCHAIN


def _sort_key(name: str) -> tuple[int, str]:
    # MS-CFB 2.6.4: shorter names first, then by upper-cased code points.
    return (len(name), name.upper())


def _build_tree(paths: dict[str, bytes]) -> _Entry:
    root = _Entry("Root Entry", _ROOT)
    for path, data in paths.items():
        parts = path.split("/")
        node = root
        for part in parts[:-1]:
            node = node.children.setdefault(part, _Entry(part, _STORAGE, start=0))  # storages: sector 0, size 0
        if len(parts[-1].encode("utf-16-le")) > 62:
            raise ValueError(f"CFB entry name too long: {parts[-1]!r}")
        node.children[parts[-1]] = _Entry(parts[-1], _STREAM, data)
    return root


def _flatten(root: _Entry) -> list[_Entry]:
    """Number the entries (root first, then breadth-first) and link the trees."""
    entries = [root]
    queue = [root]
    while queue:
        node = queue.pop(0)
        siblings = sorted(node.children.values(), key=lambda e: _sort_key(e.name))
        for entry in siblings:
            entry.index = len(entries)
            entries.append(entry)
        node.child = _link_balanced(siblings, 0, len(siblings), 0, _full_levels(len(siblings)))
        queue.extend(siblings)
    return entries


def _full_levels(count: int) -> int:
    levels = 0
    while (1 << (levels + 1)) - 1 <= count:
        levels += 1
    return levels


def _link_balanced(items: list[_Entry], low: int, high: int, depth: int, full: int) -> int:
    # Midpoint splitting keeps every leaf within one level of the others, so
    # colouring only the incomplete last level red gives a valid red-black tree.
    if low >= high:
        return NOSTREAM
    middle = (low + high) // 2
    node = items[middle]
    node.color = _RED if depth >= full else _BLACK
    node.left = _link_balanced(items, low, middle, depth + 1, full)
    node.right = _link_balanced(items, middle + 1, high, depth + 1, full)
    return node.index


def _pad(data: bytes, size: int) -> bytes:
    return data + b"\0" * (-len(data) % size)


def _chain(start: int, count: int) -> list[int]:
    return [start + i + 1 if i < count - 1 else ENDOFCHAIN for i in range(count)]


def _directory_entry(entry: _Entry, size: int) -> bytes:
    name = (entry.name.encode("utf-16-le") + b"\0\0") if entry.name else b""
    return struct.pack(
        "<64sHBBIII16sIQQIQ",
        name, len(name), entry.kind, entry.color, entry.left, entry.right,
        entry.child, b"\0" * 16, 0, 0, 0, entry.start, size,
    )


def _mini_stream(small: list[_Entry]) -> tuple[bytes, list[int]]:
    """Pack small streams into 64-byte mini sectors: (mini stream, mini FAT)."""
    mini_stream = b""
    mini_fat: list[int] = []
    for entry in small:
        if not entry.data:
            entry.start = ENDOFCHAIN
            continue
        entry.start = len(mini_fat)
        mini_fat += _chain(entry.start, -(-len(entry.data) // MINI_SECTOR))
        mini_stream += _pad(entry.data, MINI_SECTOR)
    if mini_fat:  # unused entries of the last mini FAT sector are free, not "sector 0"
        mini_fat += [FREESECT] * (-len(mini_fat) % (SECTOR // 4))
    return mini_stream, mini_fat


class _Sectors:
    """Regular 512-byte sectors and the FAT that chains them."""

    def __init__(self) -> None:
        self.body: list[bytes] = []
        self.fat: list[int] = []

    def place(self, data: bytes) -> int:
        if not data:
            return ENDOFCHAIN
        start = len(self.fat)
        self.fat.extend(_chain(start, -(-len(data) // SECTOR)))
        self.body.append(_pad(data, SECTOR))
        return start

    def close_fat(self) -> tuple[int, int]:
        """Add the FAT's own sectors; return (first FAT sector, FAT sector count)."""
        count = 1
        while len(self.fat) + count > count * (SECTOR // 4):
            count += 1
        if count > 109:
            raise ValueError("CFB too large for a header-only DIFAT")
        start = len(self.fat)
        self.fat.extend([FATSECT] * count)
        self.fat.extend([FREESECT] * (count * (SECTOR // 4) - len(self.fat)))
        return start, count


def write_cfb(streams: dict[str, bytes]) -> bytes:
    """Return a compound file holding ``streams`` (keys like ``"VBA/dir"``)."""
    entries = _flatten(_build_tree(streams))
    root = entries[0]
    mini_stream, mini_fat = _mini_stream([e for e in entries if e.kind == _STREAM and len(e.data) < MINI_CUTOFF])

    # Regular sectors, in order: large streams, mini stream, mini FAT, directory, FAT.
    sectors = _Sectors()
    for entry in entries:
        if entry.kind == _STREAM and len(entry.data) >= MINI_CUTOFF:
            entry.start = sectors.place(entry.data)
    root.start = sectors.place(mini_stream)
    mini_fat_start = sectors.place(struct.pack(f"<{len(mini_fat)}I", *mini_fat))
    directory_count = -(-len(entries) // 4)
    unused = _Entry("", 0, start=0, color=_RED)
    directory = b"".join(
        _directory_entry(e, len(mini_stream) if e is root else len(e.data) if e.kind == _STREAM else 0)
        for e in entries
    ) + _directory_entry(unused, 0) * (directory_count * 4 - len(entries))
    directory_start = sectors.place(directory)
    fat_start, fat_count = sectors.close_fat()

    difat = [fat_start + i for i in range(fat_count)] + [FREESECT] * (109 - fat_count)
    header = struct.pack(
        "<8s16sHHHHH6sIIIIIIIII109I",
        _SIGNATURE, b"\0" * 16, 0x003E, 0x0003, 0xFFFE, 9, 6, b"\0" * 6,
        0, fat_count, directory_start, 0, MINI_CUTOFF,
        mini_fat_start, len(mini_fat) * 4 // SECTOR,
        ENDOFCHAIN, 0, *difat,
    )
    return header + b"".join(sectors.body) + struct.pack(f"<{len(sectors.fat)}I", *sectors.fat)
