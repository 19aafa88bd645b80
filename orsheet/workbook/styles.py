"""The styles part: date formats and bold headers, reusing the records that exist.

Writing the same look twice finds the existing font and cell format (xf)
instead of adding new ones, so styles.xml does not grow run after run.
"""

from __future__ import annotations

import copy
import re
from datetime import date, datetime, time
from typing import Callable

from lxml import etree

from orsheet.ooxml.markup import q

_BUILTIN_DATE_IDS = set(range(14, 23)) | set(range(45, 48))


class Styles:
    """The styles part, touched only when a date needs a date format."""

    def __init__(self, load: Callable[[], etree._Element]):
        self._load = load
        self._root: etree._Element | None = None
        self._cache: dict[tuple[int, str], int] = {}

    @property
    def root(self) -> etree._Element:
        if self._root is None:
            self._root = self._load()
        return self._root

    def _xfs(self) -> etree._Element:
        return self.root.find(q("cellXfs"))

    def _format_code(self, format_id: int) -> str | None:
        for fmt in self.root.iterfind(f"{q('numFmts')}/{q('numFmt')}"):
            if int(fmt.get("numFmtId")) == format_id:
                return fmt.get("formatCode")
        return None

    def _kind(self, format_id: int) -> str | None:
        """"date", "time" or None for a number format."""
        if format_id in _BUILTIN_DATE_IDS:
            return "time" if format_id in (18, 19, 20, 21, 45, 46, 47) else "date"
        code = re.sub(r'"[^"]*"|\[[^\]]*\]', "", (self._format_code(format_id) or "").lower())
        if "d" in code or "y" in code:
            return "date"
        if "h" in code:
            return "time"
        return None

    def dated(self, style: int, value: date | time) -> int:
        """A style like ``style`` that shows ``value`` as a date or time."""
        kind = "time" if isinstance(value, time) else "date"
        code = "hh:mm" if kind == "time" else ("dd-mm-yyyy hh:mm" if isinstance(value, datetime) else "dd-mm-yyyy")
        key = (style, code)
        if key not in self._cache:
            xfs = self._xfs()
            xf = xfs[style] if style < len(xfs) else xfs[0]
            if self._kind(int(xf.get("numFmtId", "0"))) == kind:
                self._cache[key] = style
            else:
                clone = copy.deepcopy(xf)
                clone.set("numFmtId", str(self._format_id(code)))
                clone.set("applyNumberFormat", "1")
                self._cache[key] = self._xf(clone)
        return self._cache[key]

    def _xf(self, wanted: etree._Element) -> int:
        """The index of a cell format equal to ``wanted``, added only when none exists."""
        xfs = self._xfs()
        key = _canonical(wanted)
        for index, xf in enumerate(xfs):
            if _canonical(xf) == key:
                return index
        xfs.append(wanted)
        xfs.set("count", str(len(xfs)))
        return len(xfs) - 1

    def _format_id(self, code: str) -> int:
        formats = self.root.find(q("numFmts"))
        if formats is None:
            formats = etree.Element(q("numFmts"), count="0")
            self.root.insert(0, formats)
        for fmt in formats:
            if fmt.get("formatCode") == code:
                return int(fmt.get("numFmtId"))
        new_id = max([163] + [int(f.get("numFmtId")) for f in formats]) + 1
        etree.SubElement(formats, q("numFmt"), numFmtId=str(new_id), formatCode=code)
        formats.set("count", str(len(formats)))
        return new_id

    def bold(self) -> int:
        """A bold cell style (header rows of generated sheets)."""
        key = (-1, "bold")
        if key in self._cache:
            return self._cache[key]
        fonts = self.root.find(q("fonts"))
        font = copy.deepcopy(fonts[0]) if len(fonts) else etree.Element(q("font"))
        for old in font.findall(q("b")):
            font.remove(old)
        font.insert(0, etree.Element(q("b")))
        font_id = next((i for i, f in enumerate(fonts) if _canonical(f) == _canonical(font)), None)
        if font_id is None:
            fonts.append(font)
            fonts.set("count", str(len(fonts)))
            font_id = len(fonts) - 1
        xf = etree.Element(q("xf"), numFmtId="0", fontId=str(font_id), fillId="0", borderId="0", xfId="0", applyFont="1")
        self._cache[key] = self._xf(xf)
        return self._cache[key]


def _canonical(element: etree._Element) -> tuple:
    """A style record's content (tag, attributes, children), whatever the namespaces declared around it."""
    return (element.tag, tuple(sorted(element.attrib.items())), (element.text or "").strip(),
            tuple(_canonical(child) for child in element if isinstance(child.tag, str)))
