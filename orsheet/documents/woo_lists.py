"""The published lists of a Woo export (action list, decision list) as .docx and .xlsx.

The Word files have the house style of the agenda (:mod:`docx_layout`): Arial,
A4 landscape, a shaded header row repeated on every page, light rules, columns
sized so numbers and dates stay on one line and no word is broken. The Excel
files are real tables (filter buttons, banded rows) with column widths, a
frozen header, dates as dates and wrapped long text. Text that a spreadsheet
would run as a formula is neutralised.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from orsheet.documents import docx_layout as layout
from orsheet.documents.files import write_whole
from orsheet.documents.woo_redact import neutralise_formula
from orsheet.documents.xlsx_sheet import FILTER_BUTTON_WIDTH, print_one_page_wide
from orsheet.ooxml.markup import xml_text

TEXT_POINTS = 8.5
HEADER_POINTS = 9
DATE_TEXT = "00-00-0000"
XLSX_FONT = "Arial"
XLSX_DATE_FORMAT = "dd-mm-yyyy"
XLSX_MAX_WIDTH = 60  # characters; longer text wraps


@dataclass
class Section:
    """One table of a list document (e.g. the open actions, or the archive)."""

    title: str
    headers: Sequence[str]
    rows: Sequence[Sequence[Any]]
    widths: Sequence[float] = ()  # relative column widths (e.g. the sheet's); equal when empty


@dataclass
class ListDocument:
    """A list to publish (action list, decision list), already redacted."""

    title: str
    stem: str  # file name without extension
    sections: Sequence[Section]
    subtitle: str = ""


def display(value: Any) -> str:
    """A cell value as list text; control characters (not allowed in XML, pasted in by accident) dropped."""
    if isinstance(value, datetime):
        value = value.date()
    if isinstance(value, date):
        return value.strftime("%d-%m-%Y")
    return "" if value is None else xml_text(str(value))


# Arial advance widths in em, by kind of character (close enough to size columns).
_NARROW = set("fijlrt.,:;'!|()[]- /")
_WIDE = set("mwMW@%")


def text_width_cm(text: str, points: float, bold: bool = False) -> float:
    """About how wide ``text`` is in Arial at ``points`` (bold is ~6 % wider)."""
    em = 0.0
    for char in text:
        if char.isdigit():
            em += 0.556
        elif char in _NARROW:
            em += 0.29
        elif char in _WIDE:
            em += 0.86
        elif char.isupper():
            em += 0.70
        else:
            em += 0.54
    return em * points * (1.06 if bold else 1.0) / 72 * 2.54


def _longest_word(texts: Sequence[str], points: float, bold: bool = False) -> float:
    words = [word for text in texts for word in text.split()]
    return max((text_width_cm(word, points, bold) for word in words), default=0.0)


def column_widths_cm(part: Section, usable: float) -> list[float]:
    """Widths that keep every word, number and date whole.

    Each column gets at least its longest word (header bold, cells at 8.5 pt)
    plus cell padding; what is left goes to the columns with long text, in
    proportion to their widths on the sheet.
    """
    count = len(part.headers)
    columns = [[display(row[i]) for row in part.rows if i < len(row)] for i in range(count)]
    minimum = [
        max(_longest_word([header], HEADER_POINTS, bold=True), _longest_word(texts, TEXT_POINTS)) * 1.08
        + layout.CELL_PADDING_CM
        for header, texts in zip(part.headers, columns)
    ]
    whole = [max((text_width_cm(t, TEXT_POINTS) for t in texts), default=0.0) + layout.CELL_PADDING_CM
             for texts in columns]
    # A column whose longest value fits in 1.5 times its minimum width is given its value's width.
    fixed = {i: max(minimum[i], whole[i] * 1.05) for i in range(count) if whole[i] <= 1.5 * minimum[i]}
    weights = list(part.widths) if len(part.widths) == count else [1.0] * count
    rest = usable - sum(fixed.values())
    flexible = [i for i in range(count) if i not in fixed]
    total = sum(weights[i] for i in flexible) or 1.0
    widths = [fixed.get(i, max(minimum[i], rest * weights[i] / total)) for i in range(count)]
    if sum(widths) < usable:  # short texts everywhere: the text columns take the room that is left
        growing = [i for i in range(count) if weights[i] > 20] or flexible or list(range(count))
        share = sum(weights[i] for i in growing) or 1.0
        extra = usable - sum(widths)
        widths = [w + (extra * weights[i] / share if i in growing else 0) for i, w in enumerate(widths)]
    elif sum(minimum) < usable < sum(widths):
        # Too wide: every column gives up part of what it has above its minimum, none goes below it
        # (scaling every width alike would break the longest words: "Afgeron/d op").
        room, above = usable - sum(minimum), sum(widths) - sum(minimum)
        widths = [m + (w - m) * room / above for w, m in zip(widths, minimum)]
    scale = usable / sum(widths)  # 1 but for rounding, or when the minimums alone do not fit
    return [round(w * scale, 2) for w in widths]


def _styles(word) -> None:
    layout.apply_house_style(word, landscape=True)
    add_style = layout.paragraph_style
    add_style(word, "Organisatie", 9, color=layout.GREY, after=0, keep_with_next=True)
    add_style(word, "Documenttitel", 20, bold=True, color=layout.DARK_BLUE, after=4, keep_with_next=True)
    add_style(word, "Ondertitel", 10, color=layout.GREY, after=8, keep_with_next=True)
    add_style(word, "Lijstkop", 13, bold=True, color=layout.DARK_BLUE, before=12, after=6, keep_with_next=True)
    add_style(word, "Tabelkop", HEADER_POINTS, bold=True, color=layout.WHITE, before=2, after=2)
    add_style(word, "Lijsttekst", TEXT_POINTS, before=2, after=2)
    add_style(word, "Geen regels", TEXT_POINTS, italic=True, color=layout.GREY, before=2, after=2)


def write_list_docx(document: ListDocument, path: Path, organisation: str) -> None:
    """The list as a Word document: a heading and one table per section (A4 landscape)."""
    import docx

    word = docx.Document()
    _styles(word)
    layout.add(word, organisation, "Organisatie")
    layout.add(word, document.title, "Documenttitel")
    if document.subtitle:
        layout.add(word, document.subtitle, "Ondertitel")
    usable = layout.usable_width_cm(landscape=True)
    for part in document.sections:
        layout.add(word, part.title, "Lijstkop")
        if not part.rows:
            layout.add(word, "Geen regels in deze periode.", "Geen regels")
            continue
        grid = layout.table(word, column_widths_cm(part, usable), len(part.rows) + 1)
        layout.header_row(grid, list(part.headers), "Tabelkop")
        for row, values in zip(grid.rows[1:], part.rows):
            for cell, value in zip(row.cells, values):
                layout.first(cell, display(value), "Lijsttekst")
        for index in range(1, len(part.rows) + 1):
            layout.keep_row_together(grid, index)
    layout.page_number_footer(word, f"{document.title} {organisation}", "Ondertitel")
    layout.set_properties(word, document.title, organisation)
    buffer = io.BytesIO()
    word.save(buffer)
    write_whole(path, buffer.getvalue())


def write_list_xlsx(document: ListDocument, path: Path, organisation: str) -> None:
    """The list as an Excel workbook: one sheet per section, each a real table."""
    from openpyxl import Workbook

    book = Workbook()
    book.remove(book.active)
    for number, part in enumerate(document.sections, start=1):
        _xlsx_sheet(book.create_sheet(_sheet_title(part.title)), part, f"Tabel{number}")
    book.properties.creator = book.properties.lastModifiedBy = organisation
    book.properties.title = document.title
    book.properties.language = layout.LANGUAGE
    buffer = io.BytesIO()
    book.save(buffer)
    write_whole(path, canonical_font_order(buffer.getvalue()))



def _xlsx_sheet(sheet, part: Section, table_name: str) -> None:
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.table import Table, TableStyleInfo

    header_font, body_font = Font(name=XLSX_FONT, size=10, bold=True), Font(name=XLSX_FONT, size=10)
    wrap = Alignment(wrap_text=True, vertical="top")
    top = Alignment(vertical="top")
    widths = []
    for column, header in enumerate(part.headers, start=1):
        cell = sheet.cell(1, column)
        _put(cell, header)
        cell.font, cell.alignment = header_font, Alignment(vertical="top")
        values = [row[column - 1] for row in part.rows if column - 1 < len(row)]
        longest = max((len(DATE_TEXT) if isinstance(v, (date, datetime)) else len(display(v)) for v in values),
                      default=0)
        widths.append(min(XLSX_MAX_WIDTH, max(len(header) + FILTER_BUTTON_WIDTH, longest + 1)) + 1)
    for number, row in enumerate(part.rows, start=2):
        for column, value in enumerate(row, start=1):
            cell = sheet.cell(number, column)
            _put(cell, xml_text(value) if isinstance(value, str) else value)
            cell.font = body_font
            if isinstance(value, (date, datetime)):
                cell.number_format = XLSX_DATE_FORMAT
            cell.alignment = wrap if widths[column - 1] > XLSX_MAX_WIDTH else top
    for column, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(column)].width = width
    sheet.freeze_panes = "A2"
    last = get_column_letter(len(part.headers))
    table = Table(displayName=table_name, ref=f"A1:{last}{max(2, len(part.rows) + 1)}")
    table.tableStyleInfo = TableStyleInfo(name="TableStyleLight9", showRowStripes=True)
    sheet.add_table(table)
    print_one_page_wide(sheet)


def _put(cell, value: Any) -> None:
    """``value`` into ``cell``; text that looks like a formula stays text, exactly as typed.

    A text cell in an .xlsx is never calculated, so the published text keeps its first
    character ("-2 leden minder"); it is marked quotePrefix, as Excel marks text typed with a
    leading apostrophe, so that editing the cell in Excel does not turn it into a formula
    either. (openpyxl would store a string starting with "=" as a formula: the type is set
    after the value.) Only the CSV inventory, which a spreadsheet does evaluate, gets the
    apostrophe itself (:func:`orsheet.documents.woo_redact.neutralise_formula`).
    """
    cell.value = value
    if isinstance(value, str) and neutralise_formula(value) != value:
        cell.data_type = "s"
        cell.quotePrefix = True


def _sheet_title(title: str) -> str:
    for char in "[]:*?/\\":
        title = title.replace(char, " ")
    return title[:31] or "Blad"


def canonical_font_order(package: bytes) -> bytes:
    """An openpyxl-written package with xl/styles.xml in schema order (see order_font_children)."""
    import zipfile

    from orsheet.ooxml.font_order import order_font_children

    with zipfile.ZipFile(io.BytesIO(package)) as archive:
        parts = [(info, archive.read(info)) for info in archive.infolist()]
    result = io.BytesIO()
    with zipfile.ZipFile(result, "w", zipfile.ZIP_DEFLATED) as archive:
        for info, data in parts:
            archive.writestr(info, order_font_children(data) if info.filename == "xl/styles.xml" else data)
    return result.getvalue()
