"""Edit one worksheet's XML in place: set cells, delete and append rows.

Cells keep their style; new rows copy the style of the row above (as
Excel does when a table grows). Strings are written as inline strings, so
the shared-string table and every other sheet stay untouched. Deleting rows
moves the rows below up and shifts the sheet's own references (merged
cells, validation, conditional formatting, hyperlinks, dimension).
"""

from __future__ import annotations

import bisect
import re
from datetime import date, datetime, time
from typing import Callable, Iterable, Sequence

from lxml import etree

from orsheet.errors import column_letter
from orsheet.workbook.package import MAIN, q

_REF_PART = re.compile(r"(\$?)([A-Z]{1,3})(\$?)(\d+)")
_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_EPOCH = datetime(1899, 12, 30)
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"


def column_index(letters: str) -> int:
    index = 0
    for char in letters:
        index = index * 26 + ord(char) - 64
    return index


_DIGITS = "0123456789"


def split_ref(ref: str) -> tuple[int, int]:
    """"C12" -> (12, 3)."""
    letters = ref.rstrip(_DIGITS)
    return int(ref[len(letters):]), column_index(letters)


def excel_serial(value: date | datetime | time) -> float:
    if isinstance(value, datetime):
        delta = value - _EPOCH
        return delta.days + delta.seconds / 86400
    if isinstance(value, date):
        return float((value - _EPOCH.date()).days)
    return (value.hour * 3600 + value.minute * 60 + value.second) / 86400


def shift_refs(text: str, deleted: Sequence[int]) -> str | None:
    """Shift every row number in a reference list (``A2:J50 L3``) for deleted rows.

    A single cell on a deleted row disappears; a range shrinks. Returns None
    when nothing is left.
    """
    parts = []
    for part in text.split():
        bounds = part.split(":")
        rows = [int(_REF_PART.search(b).group(4)) if _REF_PART.search(b) else None for b in bounds]
        if rows[0] is None:
            parts.append(part)  # whole columns: no rows to shift
            continue
        if len(bounds) == 1 and rows[0] in deleted:
            continue
        first = rows[0] - bisect.bisect_left(deleted, rows[0])
        last = rows[-1] - bisect.bisect_right(deleted, rows[-1])
        if last < first:
            continue
        new = [_set_row(bounds[0], first)] + ([_set_row(bounds[-1], last)] if len(bounds) > 1 else [])
        parts.append(":".join(new))
    return " ".join(parts) or None


def _set_row(ref: str, row: int) -> str:
    return _REF_PART.sub(lambda m: f"{m.group(1)}{m.group(2)}{m.group(3)}{row}", ref, count=1)


class SheetEditor:
    """One worksheet part, parsed, with the operations the backend needs."""

    def __init__(self, root: etree._Element, shared_strings: Callable[[], list[str]], styles: "Styles"):
        self.root = root
        self.data = root.find(q("sheetData"))
        self._shared_strings = shared_strings
        self.styles = styles
        self.rows: dict[int, etree._Element] = {int(r.get("r")): r for r in self.data.iterfind(q("row"))}
        self._max_row: int | None = None

    def _last_row(self) -> int:
        if self._max_row is None:
            self._max_row = max(self.rows, default=0)
        return self._max_row

    # -- reading ---------------------------------------------------------

    def text(self, cell: etree._Element) -> str:
        kind = cell.get("t")
        if kind == "s":
            return self._shared_strings()[int(cell.findtext(q("v")))]
        if kind == "inlineStr":
            return "".join(cell.find(q("is")).itertext())
        return cell.findtext(q("v")) or ""

    def header_columns(self) -> dict[str, int]:
        row = self.rows.get(1)
        columns: dict[str, int] = {}
        for cell in row.iterfind(q("c")) if row is not None else ():
            text = self.text(cell).strip()
            if text:
                columns.setdefault(text, split_ref(cell.get("r"))[1])
        return columns

    @staticmethod
    def has_value(cell: etree._Element) -> bool:
        value = cell.find(q("v"))
        if value is not None and (value.text or "") != "":
            return True
        inline = cell.find(q("is"))
        return inline is not None and "".join(inline.itertext()) != ""

    def last_data_row(self) -> int:
        for number in sorted(self.rows, reverse=True):
            if any(self.has_value(c) for c in self.rows[number].iterfind(q("c"))):
                return number
        return 1

    # -- writing ---------------------------------------------------------

    def _row(self, number: int) -> etree._Element:
        row = self.rows.get(number)
        if row is None:
            row = etree.Element(q("row"), r=str(number))
            if not self.rows or number > max(self._last_row(), 0):
                self.data.append(row)
            else:
                self.rows[min(n for n in self.rows if n > number)].addprevious(row)
            self.rows[number] = row
            self._max_row = max(self._max_row or 0, number)
        row.attrib.pop("spans", None)  # a hint Excel recomputes; stale spans are worse than none
        return row

    def cell(self, number: int, column: int) -> etree._Element:
        row = self._row(number)
        ref = f"{column_letter(column)}{number}"
        for existing in row.iterfind(q("c")):
            existing_column = split_ref(existing.get("r"))[1]
            if existing_column == column:
                return existing
            if existing_column > column:
                cell = etree.Element(q("c"), r=ref)
                existing.addprevious(cell)
                return cell
        cell = etree.SubElement(row, q("c"), r=ref)
        if row.get("s") and row.get("customFormat") == "1":
            cell.set("s", row.get("s"))
        return cell

    def set_value(self, cell: etree._Element, value: object) -> None:
        for child in list(cell):
            cell.remove(child)
        cell.attrib.pop("t", None)
        if value is None or value == "":
            return
        if isinstance(value, bool):
            cell.set("t", "b")
            etree.SubElement(cell, q("v")).text = "1" if value else "0"
        elif isinstance(value, (int, float)):
            etree.SubElement(cell, q("v")).text = repr(value) if isinstance(value, float) else str(value)
        elif isinstance(value, (date, time)):
            etree.SubElement(cell, q("v")).text = repr(excel_serial(value))
            cell.set("s", str(self.styles.dated(int(cell.get("s", "0")), value)))
        else:
            text = _XML_ILLEGAL.sub("", str(value))
            cell.set("t", "inlineStr")
            node = etree.SubElement(etree.SubElement(cell, q("is")), q("t"))
            node.text = text
            if text != text.strip() or "\n" in text:
                node.set(XML_SPACE, "preserve")

    def delete_rows(self, numbers: Iterable[int]) -> list[int]:
        deleted = sorted({n for n in numbers if n >= 2})
        if not deleted:
            return []
        for number in deleted:
            row = self.rows.pop(number, None)
            if row is not None:
                self.data.remove(row)
        moved: dict[int, etree._Element] = {}
        for number, row in sorted(self.rows.items()):
            shift = bisect.bisect_left(deleted, number)
            if shift:
                new = number - shift
                text = str(new)
                row.set("r", text)
                for cell in row.iterfind(q("c")):
                    cell.set("r", cell.get("r").rstrip(_DIGITS) + text)
                number = new
            moved[number] = row
        self.rows = moved
        self._max_row = None
        self._shift_sheet_refs(deleted)
        return deleted

    def _shift_sheet_refs(self, deleted: list[int]) -> None:
        for tag, attribute in (("mergeCells/m:mergeCell", "ref"), ("conditionalFormatting", "sqref"),
                               ("dataValidations/m:dataValidation", "sqref"), ("hyperlinks/m:hyperlink", "ref")):
            for element in self.root.iterfind("m:" + tag, {"m": MAIN}):
                shifted = shift_refs(element.get(attribute), deleted)
                if shifted is None:
                    element.getparent().remove(element)
                else:
                    element.set(attribute, shifted)
        for container in ("mergeCells", "dataValidations", "hyperlinks"):
            element = self.root.find(q(container))
            if element is not None:
                if len(element) == 0:
                    self.root.remove(element)
                elif element.get("count") is not None:
                    element.set("count", str(len(element)))

    def copy_row_style(self, source: int, target: int) -> None:
        """Give ``target`` the cell styles of ``source`` (new table rows look like the last one)."""
        row = self.rows.get(source)
        if row is None:
            return
        for cell in row.iterfind(q("c")):
            if cell.get("s"):
                self.cell(target, split_ref(cell.get("r"))[1]).set("s", cell.get("s"))

    def replace_all(self, rows: Sequence[Sequence[object]], widths: Sequence[float], header_style: int) -> None:
        for row in list(self.data):
            self.data.remove(row)
        self.rows = {}
        self._max_row = None
        for element in self.root.findall(q("mergeCells")):
            self.root.remove(element)
        for number, values in enumerate(rows, start=1):
            for column, value in enumerate(values, start=1):
                cell = self.cell(number, column)
                if number == 1:
                    cell.set("s", str(header_style))
                self.set_value(cell, value)
        if widths:
            self._set_widths(widths)

    def _set_widths(self, widths: Sequence[float]) -> None:
        cols = self.root.find(q("cols"))
        if cols is not None:
            self.root.remove(cols)
        cols = etree.Element(q("cols"))
        for index, width in enumerate(widths, start=1):
            etree.SubElement(cols, q("col"), min=str(index), max=str(index), width=str(width), customWidth="1")
        self.data.addprevious(cols)

    def fit_dimension(self) -> None:
        dimension = self.root.find(q("dimension"))
        if dimension is None or not self.rows:
            return
        # Cells are in column order, so each row's last cell is its widest.
        last_column = max((split_ref(r[-1].get("r"))[1] for r in self.rows.values() if len(r) and r[-1].get("r")), default=1)
        dimension.set("ref", f"A1:{column_letter(last_column)}{max(self.rows)}")


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
                clone = etree.fromstring(etree.tostring(xf))
                clone.set("numFmtId", str(self._format_id(code)))
                clone.set("applyNumberFormat", "1")
                xfs.append(clone)
                xfs.set("count", str(len(xfs)))
                self._cache[key] = len(xfs) - 1
        return self._cache[key]

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
        font = etree.fromstring(etree.tostring(fonts[0])) if len(fonts) else etree.Element(q("font"))
        for old in font.findall(q("b")):
            font.remove(old)
        font.insert(0, etree.Element(q("b")))
        fonts.append(font)
        fonts.set("count", str(len(fonts)))
        xfs = self._xfs()
        etree.SubElement(xfs, q("xf"), numFmtId="0", fontId=str(len(fonts) - 1), fillId="0", borderId="0", xfId="0", applyFont="1")
        xfs.set("count", str(len(xfs)))
        self._cache[key] = len(xfs) - 1
        return len(xfs) - 1
