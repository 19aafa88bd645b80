"""Small python-docx helpers for building the Word templates (styles, tables, borders).

Only the template builder uses these; rendering never builds layout itself.
"""

from __future__ import annotations

from docx.document import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph

FONT = "Arial"  # LibreOffice shows it as the metric-compatible Liberation Sans
DARK_BLUE = RGBColor(0x1F, 0x38, 0x64)
GREY = RGBColor(0x59, 0x59, 0x59)
RED = RGBColor(0xC0, 0x00, 0x00)


def paragraph_style(
    document: Document,
    name: str,
    size: float = 10,
    *,
    bold: bool = False,
    italic: bool = False,
    color: RGBColor | None = None,
    before: float = 0,
    after: float = 2,
    indent: float = 0,
    hanging: float = 0,
    base: str = "Normal",
) -> None:
    """Add a named paragraph style, so a secretary can restyle it in Word."""
    style = document.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = document.styles[base]
    style.quick_style = True
    font = style.font
    font.name, font.size, font.bold, font.italic = FONT, Pt(size), bold, italic
    if color is not None:
        font.color.rgb = color
    fmt = style.paragraph_format
    fmt.space_before, fmt.space_after = Pt(before), Pt(after)
    if indent:
        fmt.left_indent = Cm(indent)
    if hanging:
        fmt.first_line_indent = Cm(-hanging)


def set_defaults(document: Document) -> None:
    normal = document.styles["Normal"]
    normal.font.name = FONT
    normal.font.size = Pt(10)
    normal.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), FONT)
    normal.paragraph_format.space_after = Pt(2)
    for name in ("Heading 1", "Heading 2", "Heading 3", "Title"):
        style = document.styles[name]
        style.font.name = FONT
        style.font.color.rgb = DARK_BLUE
        fonts = style.element.get_or_add_rPr().get_or_add_rFonts()
        for theme in ("asciiTheme", "hAnsiTheme", "eastAsiaTheme", "cstheme"):
            fonts.attrib.pop(qn(f"w:{theme}"), None)
    section = document.sections[0]
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    for side in ("left_margin", "right_margin"):
        setattr(section, side, Cm(2))
    section.top_margin, section.bottom_margin = Cm(1.8), Cm(1.8)


def add(container, text: str = "", style: str | None = None) -> Paragraph:
    """A paragraph with ``text`` as one run (template tags must not be split)."""
    paragraph = container.add_paragraph(style=style)
    if text:
        paragraph.add_run(text)
    return paragraph


def first(cell: _Cell, text: str = "", style: str | None = None) -> Paragraph:
    """Fill the paragraph every new cell already has."""
    paragraph = cell.paragraphs[0]
    if style:
        paragraph.style = style
    if text:
        paragraph.add_run(text)
    return paragraph


def _element(tag: str, **attributes: str):
    element = OxmlElement(tag)
    for key, value in attributes.items():
        element.set(qn(f"w:{key}"), value)
    return element


def table(document: Document, widths_cm: list[float], rows: int) -> Table:
    """A fixed-layout table with the given column widths and light horizontal rules."""
    grid = document.add_table(rows=rows, cols=len(widths_cm))
    grid.autofit = False
    properties = grid._tbl.tblPr
    properties.append(_element("w:tblLayout", type="fixed"))
    borders = _element("w:tblBorders")
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        visible = side in ("top", "bottom", "insideH")
        borders.append(_element(f"w:{side}", val="single" if visible else "nil", sz="4", space="0", color="A6A6A6"))
    properties.append(borders)
    for index, width in enumerate(widths_cm):
        grid.columns[index].width = Cm(width)
        for cell in grid.columns[index].cells:
            cell.width = Cm(width)
    return grid


def header_row(grid: Table, titles: list[str], style: str, fill: str = "1F3864") -> None:
    """First row: shaded titles, repeated at the top of every page."""
    row = grid.rows[0]
    row._tr.get_or_add_trPr().append(_element("w:tblHeader", val="true"))
    for cell, title in zip(row.cells, titles):
        first(cell, title, style)
        cell._tc.get_or_add_tcPr().append(_element("w:shd", val="clear", color="auto", fill=fill))


def keep_row_together(grid: Table, index: int) -> None:
    grid.rows[index]._tr.get_or_add_trPr().append(_element("w:cantSplit", val="true"))


def page_number_footer(document: Document, text: str, style: str) -> None:
    """Footer: ``text`` then "pagina N van M" (Word fields, filled in when shown)."""
    paragraph = document.sections[0].footer.paragraphs[0]
    paragraph.style = style
    paragraph.add_run(text + "  ·  pagina ")
    for index, field in enumerate(("PAGE", "NUMPAGES")):
        if index:
            paragraph.add_run(" van ")
        simple = _element("w:fldSimple", instr=field)
        run = OxmlElement("w:r")
        run_text = OxmlElement("w:t")
        run_text.text = "1"
        run.append(run_text)
        simple.append(run)
        paragraph._p.append(simple)


def fixed_properties(document: Document, title: str) -> None:
    """Fixed metadata so a rebuilt template differs only where its layout does."""
    from datetime import datetime

    core = document.core_properties
    core.title, core.author, core.last_modified_by = title, "orsheet", "orsheet"
    core.created = core.modified = datetime(2023, 1, 1)
    core.revision = 1
