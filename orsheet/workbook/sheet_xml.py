"""Edit one worksheet's XML in place: set cells, move the cells of a table's rows.

Cells keep their style; new rows copy the style of the row above (as Excel
does when a table grows). Strings are written as inline strings, so the
shared-string table (with its rich text) and every other sheet stay
untouched. Rows move the way Excel's *Delete table rows* moves them: only
the cells in the table's columns (the band of a :class:`~.refs.RowChange`)
change place, together with the merged ranges, validation, conditional
formatting and hyperlinks anchored to them; cells beside the table stay.
"""

from __future__ import annotations

from datetime import date, datetime, time
from typing import Callable, Sequence

from lxml import etree

from orsheet.errors import column_letter
from orsheet.ooxml.markup import MAIN, q, xml_text
from orsheet.schema import EXCEL_EPOCH as _EPOCH, EXCEL_EPOCH_1904 as _EPOCH_1904
from orsheet.workbook.refs import RowChange, grow_sqref, shift_sqref, split_ref

XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
_DIGITS = "0123456789"
X14 = "http://schemas.microsoft.com/office/spreadsheetml/2009/9/main"
XM = "http://schemas.microsoft.com/office/excel/2006/main"
_ANCHORED = (("mergeCells/m:mergeCell", "ref"), ("conditionalFormatting", "sqref"),
             ("dataValidations/m:dataValidation", "sqref"), ("hyperlinks/m:hyperlink", "ref"))


def excel_serial(value: date | datetime | time, date1904: bool = False) -> float:
    """The number Excel stores for a date or time, in the workbook's date system."""
    epoch = _EPOCH_1904 if date1904 else _EPOCH
    if isinstance(value, datetime):
        delta = value - epoch
        return delta.days + delta.seconds / 86400
    if isinstance(value, date):
        return float((value - epoch.date()).days)
    return (value.hour * 3600 + value.minute * 60 + value.second) / 86400


def _column(cell: etree._Element) -> int:
    return split_ref(cell.get("r"))[1]


# Worksheet children that follow <mergeCells>, in schema order.
_AFTER_MERGES = ("phoneticPr", "conditionalFormatting", "dataValidations", "hyperlinks", "printOptions", "pageMargins",
                 "pageSetup", "headerFooter", "rowBreaks", "colBreaks", "customProperties", "cellWatches",
                 "ignoredErrors", "smartTags", "drawing", "legacyDrawing", "legacyDrawingHF", "drawingHF", "picture",
                 "oleObjects", "controls", "webPublishItems", "tableParts", "extLst")


def _one_cell(ref: str) -> bool:
    start, _, end = ref.replace("$", "").partition(":")
    return not end or start == end


class SheetEditor:
    """One worksheet part, parsed, with the operations the backend needs."""

    def __init__(self, root: etree._Element, shared_strings: Callable[[], list[str]], styles, date1904: bool = False,
                 widen: Callable[[], etree._Element] | None = None):
        """``widen``, when given, says ``root`` is a window (:meth:`.Package.xml_window`): the rows between
        the first and the last few are not parsed; it returns the whole part, for the edits that need it."""
        self._shared_strings = shared_strings
        self.styles = styles
        self.date1904 = date1904
        self._load(root, widen)

    def _load(self, root: etree._Element, widen: Callable[[], etree._Element] | None) -> None:
        self.root = root
        self.data = root.find(q("sheetData"))
        self.rows: dict[int, etree._Element] = {int(r.get("r")): r for r in self.data.iterfind(q("row"))}
        self._widen = widen
        self._gap = (0, 0)  # rows strictly between these two numbers are not parsed
        if widen is not None:
            low, before, after = 0, None, None
            for child in self.data:
                if not isinstance(child.tag, str):
                    before = True
                elif before is None:
                    low = int(child.get("r"))
                elif after is None:
                    after = int(child.get("r"))
            self._gap = (low, after or 0)
            self._dimension = self.root.find(q("dimension"))
            self._dimension = self._dimension.get("ref", "") if self._dimension is not None else ""

    def whole(self) -> None:
        """Parse the rows a window left out (before an edit that needs every row)."""
        if self._widen is not None:
            self._load(self._widen(), None)

    def _reach(self, number: int) -> None:
        if self._gap[0] < number < self._gap[1]:
            self.whole()

    # -- reading ---------------------------------------------------------

    def text(self, cell: etree._Element) -> str:
        kind = cell.get("t")
        if kind == "s":
            return self._shared_strings()[int(cell.findtext(q("v")))]
        if kind == "inlineStr":
            return "".join(cell.find(q("is")).itertext())
        return cell.findtext(q("v")) or ""

    def header_columns(self, first: int = 1, last: int = 16384) -> dict[str, int]:
        row = self.rows.get(1)
        columns: dict[str, int] = {}
        for cell in row.iterfind(q("c")) if row is not None else ():
            column = _column(cell)
            text = self.text(cell).strip()
            if text and first <= column <= last:
                columns.setdefault(text, column)
        return columns

    def shows(self, cell: etree._Element, value: object) -> bool:
        """Whether ``cell`` (a formula's last result, say) shows ``value`` as orsheet would write it."""
        kind, stored = cell.get("t", "n"), cell.findtext(q("v"))
        if value is None or value == "":
            return not self.has_value(cell)
        if isinstance(value, bool):
            return kind == "b" and stored == ("1" if value else "0")
        if isinstance(value, (int, float, date, time)):
            number = excel_serial(value, self.date1904) if isinstance(value, (date, time)) else value
            try:
                return kind == "n" and stored is not None and float(stored) == float(number)
            except ValueError:
                return False
        return kind in ("s", "str", "inlineStr") and self.text(cell).strip() == str(value).strip()

    @staticmethod
    def has_value(cell: etree._Element) -> bool:
        value = cell.find(q("v"))
        if value is not None and (value.text or "") != "":
            return True
        inline = cell.find(q("is"))
        return inline is not None and "".join(inline.itertext()) != ""

    def band_cells(self, number: int, first: int, last: int) -> list[etree._Element]:
        self._reach(number)
        row = self.rows.get(number)
        return [] if row is None else [c for c in row.iterfind(q("c")) if first <= _column(c) <= last]

    def last_data_row(self, first: int = 1, last: int = 16384, below: int = 1 << 30) -> int:
        """The last row (before ``below``) with a value in columns ``first``..``last``; 1 for none."""
        for number in sorted(self.rows, reverse=True):
            if self._widen is not None and number <= self._gap[0] and number < below:
                self.whole()  # nothing in the window's last rows: look through them all
                return self.last_data_row(first, last, below)
            if number < below and any(self.has_value(c) for c in self.band_cells(number, first, last)):
                return number
        return 1

    # -- writing ---------------------------------------------------------

    def _row(self, number: int) -> etree._Element:
        self._reach(number)
        row = self.rows.get(number)
        if row is None:
            row = etree.Element(q("row"), r=str(number))
            later = [n for n in self.rows if n > number]
            if later:
                self.rows[min(later)].addprevious(row)
            else:
                self.data.append(row)
            self.rows[number] = row
        row.attrib.pop("spans", None)  # a hint Excel recomputes; stale spans are worse than none
        return row

    def _place(self, row: etree._Element, cell: etree._Element) -> None:
        """Put ``cell`` into ``row`` in column order."""
        column = _column(cell)
        for existing in row.iterfind(q("c")):
            if _column(existing) > column:
                existing.addprevious(cell)
                return
        row.append(cell)

    def cell(self, number: int, column: int) -> etree._Element:
        row = self._row(number)
        ref = f"{column_letter(column)}{number}"
        for existing in row.iterfind(q("c")):
            existing_column = _column(existing)
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
            etree.SubElement(cell, q("v")).text = repr(excel_serial(value, self.date1904))
            cell.set("s", str(self.styles.dated(int(cell.get("s", "0")), value)))
        else:
            text = xml_text(str(value))
            cell.set("t", "inlineStr")
            node = etree.SubElement(etree.SubElement(cell, q("is")), q("t"))
            node.text = text
            if text != text.strip() or "\n" in text:
                node.set(XML_SPACE, "preserve")

    def set_formula(self, cell: etree._Element, formula: str) -> None:
        for child in list(cell):
            cell.remove(child)
        cell.attrib.pop("t", None)
        etree.SubElement(cell, q("f")).text = formula

    def take_cells(self, number: int, first: int, last: int) -> list[etree._Element]:
        """Remove and return the cells of one row in the band (a moved row's cells)."""
        cells = self.band_cells(number, first, last)
        for cell in cells:
            cell.getparent().remove(cell)
        return cells

    def move_band(self, change: RowChange) -> None:
        """Move the band's cells (and what is anchored to them) as ``change`` says."""
        self.whole()
        start = change.affects_from
        numbers = sorted((n for n in self.rows if start <= n <= change.bottom), reverse=bool(change.inserted))
        if self._band_is_whole_rows(numbers, change):
            self._renumber_rows(numbers, change)
        else:
            for number in numbers:
                cells = self.band_cells(number, change.first, change.last)
                new = change.row(number)
                for cell in cells:
                    cell.getparent().remove(cell)
                    if new is not None:
                        cell.set("r", cell.get("r").rstrip(_DIGITS) + str(new))
                        self._place(self._row(new), cell)
            for number in numbers:
                row = self.rows.get(number)
                if row is not None and len(row) == 0 and not (set(row.attrib) - {"r", "spans"}):
                    self.data.remove(row)
                    del self.rows[number]
        self._shift_anchors(change)

    def _band_is_whole_rows(self, numbers: list[int], change: RowChange) -> bool:
        for number in numbers:
            row = self.rows[number]
            if len(row) and (_column(row[0]) < change.first or _column(row[-1]) > change.last):
                return False
        return True

    def _renumber_rows(self, numbers: list[int], change: RowChange) -> None:
        for number in numbers:
            row = self.rows.pop(number)
            new = change.row(number)
            if new is None:
                self.data.remove(row)
                continue
            text = str(new)
            row.set("r", text)
            for cell in row.iterfind(q("c")):
                cell.set("r", cell.get("r").rstrip(_DIGITS) + text)
            self.rows[new] = row

    # -- merged ranges ----------------------------------------------------

    def merges_in_row(self, number: int, first: int, last: int) -> list[tuple[int, int]]:
        """(left, right) of every merged range wholly inside one row's cells ``first``..``last``."""
        found = []
        for element in self.root.iterfind("m:mergeCells/m:mergeCell", {"m": MAIN}):
            start, _, end = element.get("ref", "").replace("$", "").partition(":")
            (top, left), (bottom, right) = split_ref(start), split_ref(end or start)
            if top == bottom == number and first <= left and right <= last:
                found.append((left, right))
        return found

    def add_merge(self, number: int, left: int, right: int) -> None:
        merges = self.root.find(q("mergeCells"))
        if merges is None:
            merges = etree.Element(q("mergeCells"))
            later = [c for c in self.root if isinstance(c.tag, str) and etree.QName(c).localname in _AFTER_MERGES]
            later[0].addprevious(merges) if later else self.root.append(merges)
        etree.SubElement(merges, q("mergeCell"), ref=f"{column_letter(left)}{number}:{column_letter(right)}{number}")
        merges.set("count", str(len(merges)))

    def _shift_anchors(self, change: RowChange) -> None:
        sheet = change.sheet
        for tag, attribute in _ANCHORED:
            for element in self.root.iterfind("m:" + tag, {"m": MAIN}):
                shifted = shift_sqref(element.get(attribute), change, sheet)
                if shifted is not None and tag.endswith("mergeCell") and _one_cell(shifted):
                    shifted = None  # a merge of one cell is no merge (Excel calls the file damaged)
                if shifted is None:
                    element.getparent().remove(element)
                else:
                    element.set(attribute, shifted)
        for element in self.root.iter(f"{{{XM}}}sqref"):
            shifted = shift_sqref(element.text or "", change, sheet)
            if shifted is None:
                rule = element.getparent()
                rule.getparent().remove(rule)
            else:
                element.text = shifted
        for container in ("mergeCells", "dataValidations", "hyperlinks"):
            element = self.root.find(q(container))
            if element is not None:
                if len(element) == 0:
                    self.root.remove(element)
                elif element.get("count") is not None:
                    element.set("count", str(len(element)))

    def grow_rules(self, columns: tuple[int, int], rows: tuple[int, int], new_last: int) -> None:
        """Conditional formatting and validation over a table column's data ``rows`` reach ``new_last``,
        as when the table grows in Excel (:func:`~.refs.grow_sqref`); rows orsheet adds keep the rules."""
        for tag in ("conditionalFormatting", "dataValidations/m:dataValidation"):
            for element in self.root.iterfind("m:" + tag, {"m": MAIN}):
                element.set("sqref", grow_sqref(element.get("sqref", ""), columns, rows, new_last))
        for element in self.root.iter(f"{{{XM}}}sqref"):  # the same rules in the x14 extension
            element.text = grow_sqref(element.text or "", columns, rows, new_last)

    def fit_height(self, number: int) -> None:
        """Let Excel and LibreOffice size a row orsheet filled to its text: no fixed height.

        A row element that was already there (formatted ahead by the secretary, or left
        behind by a totals row that moved down) may carry ``ht`` with ``customHeight``; its
        wrapped text would be cut off at that height. Without them the programs fit the row
        to its wrapped text when they open the workbook.
        """
        row = self.rows.get(number)
        if row is not None:
            for attribute in ("ht", "customHeight"):
                row.attrib.pop(attribute, None)

    def copy_row_style(self, source: int, target: int, first: int = 1, last: int = 16384) -> None:
        """Give ``target`` the cell styles of ``source`` (new table rows look like the last one)."""
        for cell in self.band_cells(source, first, last):
            if cell.get("s"):
                self.cell(target, _column(cell)).set("s", cell.get("s"))

    def replace_all(self, rows: Sequence[Sequence[object]], widths: Sequence[float], header_style: int) -> None:
        self.whole()
        for row in list(self.data):
            self.data.remove(row)
        self.rows = {}
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
        last_column = max((_column(r[-1]) for r in self.rows.values() if len(r) and r[-1].get("r")), default=1)
        if self._widen is not None:  # the rows not parsed keep their width in the dimension they came with
            letters = self._dimension.split(":")[-1].rstrip(_DIGITS).replace("$", "")
            last_column = max(last_column, split_ref(letters + "1")[1] if letters.isalpha() else 1)
        dimension.set("ref", f"A1:{column_letter(last_column)}{max(self.rows)}")

    def formulas(self) -> list[etree._Element]:
        self.whole()
        return self.parsed_formulas()

    def parsed_formulas(self) -> list[etree._Element]:
        """The formulas in the rows parsed so far (all of them once :meth:`whole` ran)."""
        return list(self.data.iter(q("f")))
