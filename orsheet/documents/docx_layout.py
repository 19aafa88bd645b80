"""The house style of every Word document orsheet writes, and small python-docx helpers.

One look for the agenda, the minutes skeleton and the Woo lists: Arial
everywhere (body, headings, theme and document defaults), so a document is laid
out the same on every machine. Arial is on every Windows and Mac computer; on
Linux LibreOffice shows the metric-compatible Liberation Sans
(``fonts-liberation2``), whose glyphs have exactly Arial's widths, so lines break
at the same places. No style is left to ask for a theme font (Calibri/Cambria),
which a server without Carlito/Caladea would replace by a wider one.

The documents are Dutch: styles and settings carry nl-NL, so Word spell-checks
them as Dutch. Every table is written in schema order and with ``w:val="1"``
flags, so Word and the Open XML SDK validator accept the files.
"""

from __future__ import annotations

import re
from datetime import datetime

from docx.document import Document
from docx.enum.section import WD_ORIENT
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph

FONT = "Arial"  # Liberation Sans on Linux: the same glyph widths
LANGUAGE = "nl-NL"
DARK_BLUE = RGBColor(0x1F, 0x38, 0x64)
GREY = RGBColor(0x59, 0x59, 0x59)
RED = RGBColor(0xC0, 0x00, 0x00)
WHITE = RGBColor(0xFF, 0xFF, 0xFF)
HEADER_FILL = "1F3864"
RULE_COLOUR = "A6A6A6"
A4 = (21.0, 29.7)
MARGIN_CM = 2.0
# Cell padding Word adds left and right of every cell (0.19 cm each side).
CELL_PADDING_CM = 0.38

# tblPr children that follow tblBorders in the schema (CT_TblPr is a sequence).
_AFTER_TABLE_BORDERS = ("w:shd", "w:tblLayout", "w:tblCellMar", "w:tblLook", "w:tblCaption", "w:tblDescription",
                        "w:tblPrChange")
# tcPr children that follow shd (CT_TcPr is a sequence).
_AFTER_CELL_SHADING = ("w:noWrap", "w:tcMar", "w:textDirection", "w:tcFitText", "w:vAlign", "w:hideMark",
                       "w:headers", "w:cellIns", "w:cellDel", "w:cellMerge", "w:tcPrChange")
# Parts of python-docx's default template a generated document does not need: the
# preview picture of an empty page, and Word 2010's duplicate of the styles
# (stale once the styles change: Word may call the file unreadable).
_DROPPED_RELATIONS = ("/thumbnail", "/stylesWithEffects")


def _element(tag: str, **attributes: str):
    element = OxmlElement(tag)
    for key, value in attributes.items():
        element.set(qn(f"w:{key}"), value)
    return element


def _set_fonts(r_pr) -> None:
    """Arial for every script slot, no theme font."""
    _arial(r_pr.get_or_add_rFonts())


def _arial(fonts) -> None:
    for theme in ("asciiTheme", "hAnsiTheme", "eastAsiaTheme", "cstheme"):
        fonts.attrib.pop(qn(f"w:{theme}"), None)
    for slot in ("ascii", "hAnsi", "eastAsia", "cs"):
        fonts.set(qn(f"w:{slot}"), FONT)


def _set_language(r_pr) -> None:
    lang = r_pr.find(qn("w:lang"))
    if lang is None:
        lang = _element("w:lang")
        r_pr.insert_element_before(lang, "w:eastAsianLayout", "w:specVanish", "w:oMath")
    lang.set(qn("w:val"), LANGUAGE)
    lang.set(qn("w:eastAsia"), LANGUAGE)
    lang.set(qn("w:bidi"), "ar-SA")


def _theme_fonts(document: Document) -> None:
    """Major and minor theme fonts to Arial, for anything that still asks the theme."""
    for relation in document.part.rels.values():
        if relation.reltype.endswith("/theme") and not relation.is_external:
            part = relation.target_part
            xml = part.blob.decode("utf-8")
            xml = re.sub(r"(<a:(?:major|minor)Font>\s*<a:latin typeface=\")[^\"]*", r"\g<1>" + FONT, xml)
            part._blob = xml.encode("utf-8")


def _settings(document: Document) -> None:
    """Dutch proofing language, decimal comma; no preview picture asked for."""
    settings = document.settings.element
    theme_lang = settings.find(qn("w:themeFontLang"))
    if theme_lang is not None:
        theme_lang.set(qn("w:val"), LANGUAGE)
    for tag, value in (("w:decimalSymbol", ","), ("w:listSeparator", ";")):
        found = settings.find(qn(tag))
        if found is not None:
            found.set(qn("w:val"), value)
    preview = settings.find(qn("w:savePreviewPicture"))
    if preview is not None:
        settings.remove(preview)


def drop_template_leftovers(document: Document) -> None:
    """Remove python-docx's preview picture and stylesWithEffects (see ``_DROPPED_RELATIONS``)."""
    for owner in (document.part.package, document.part):
        for key, relation in list(owner.rels.items()):
            if relation.reltype.endswith(_DROPPED_RELATIONS):
                del owner.rels[key]


def apply_house_style(document: Document, *, landscape: bool = False) -> None:
    """Fonts, language, A4 page and margins of the house style on a new document."""
    styles = document.styles.element
    defaults = styles.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    _set_fonts(defaults)
    _set_language(defaults)
    for fonts in styles.iter(qn("w:rFonts")):  # every style python-docx's template defines
        _arial(fonts)
    normal = document.styles["Normal"]
    normal.font.size = Pt(10)
    normal.paragraph_format.space_after = Pt(2)
    normal.paragraph_format.line_spacing = 1.0
    for name in ("Heading 1", "Heading 2", "Heading 3", "Title"):
        style = document.styles[name]
        style.font.color.rgb = DARK_BLUE
        style.paragraph_format.keep_with_next = True
        _set_fonts(style.element.get_or_add_rPr())
    _theme_fonts(document)
    _settings(document)
    drop_template_leftovers(document)
    page(document.sections[0], landscape=landscape)


def page(section, *, landscape: bool = False) -> None:
    """A4 with the house margins, portrait or landscape."""
    width, height = (A4[1], A4[0]) if landscape else A4
    section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Cm(width), Cm(height)
    section.left_margin = section.right_margin = Cm(MARGIN_CM)
    section.top_margin = section.bottom_margin = Cm(1.8)


def usable_width_cm(landscape: bool = False) -> float:
    return (A4[1] if landscape else A4[0]) - 2 * MARGIN_CM


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
    keep_with_next: bool = False,
) -> None:
    """Add a named paragraph style, so a secretary can restyle it in Word."""
    style = document.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = document.styles[base]
    style.quick_style = True
    font = style.font
    font.size, font.bold, font.italic = Pt(size), bold, italic
    _set_fonts(style.element.get_or_add_rPr())
    if color is not None:
        font.color.rgb = color
    fmt = style.paragraph_format
    fmt.space_before, fmt.space_after = Pt(before), Pt(after)
    if keep_with_next:
        fmt.keep_with_next = True
    if indent:
        fmt.left_indent = Cm(indent)
    if hanging:
        fmt.first_line_indent = Cm(-hanging)


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


def table(container, widths_cm: list[float], rows: int, *, rules: bool = True) -> Table:
    """A fixed-layout table with the given column widths and light horizontal rules."""
    grid = container.add_table(rows=rows, cols=len(widths_cm))
    grid.autofit = False  # python-docx writes <w:tblLayout w:type="fixed"/> in its place
    properties = grid._tbl.tblPr
    width = properties.find(qn("w:tblW"))
    if width is not None:
        width.set(qn("w:type"), "dxa")
        width.set(qn("w:w"), str(round(sum(widths_cm) / 2.54 * 1440)))
    if rules:
        borders = _element("w:tblBorders")
        for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
            visible = side in ("top", "bottom", "insideH")
            borders.append(_element(f"w:{side}", val="single" if visible else "nil", sz="4", space="0",
                                    color=RULE_COLOUR))
        properties.insert_element_before(borders, *_AFTER_TABLE_BORDERS)
    for index, width in enumerate(widths_cm):
        grid.columns[index].width = Cm(width)
        for cell in grid.columns[index].cells:
            cell.width = Cm(width)
    return grid


def shade(cell: _Cell, fill: str) -> None:
    cell._tc.get_or_add_tcPr().insert_element_before(_element("w:shd", val="clear", color="auto", fill=fill),
                                                     *_AFTER_CELL_SHADING)


def header_row(grid: Table, titles: list[str], style: str, fill: str = HEADER_FILL) -> None:
    """First row: shaded titles, repeated at the top of every page, never split."""
    row = grid.rows[0]
    properties = row._tr.get_or_add_trPr()
    properties.append(_element("w:cantSplit"))
    properties.append(_element("w:tblHeader"))
    for cell, title in zip(row.cells, titles):
        first(cell, title, style)
        shade(cell, fill)


def keep_row_together(grid: Table, index: int) -> None:
    grid.rows[index]._tr.get_or_add_trPr().append(_element("w:cantSplit"))


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


def set_properties(document: Document, title: str, organisation: str, created: datetime | None = None) -> None:
    """Core and app properties: the document's title, the council as author and company.

    ``created`` defaults to now; the template builder passes a fixed time so a
    rebuilt template differs only where its layout does.
    """
    moment = (created or datetime.now()).replace(microsecond=0)
    core = document.core_properties
    core.title, core.author, core.last_modified_by = title, organisation, organisation
    core.subject = core.comments = core.keywords = core.category = ""
    core.language = LANGUAGE
    core.created = core.modified = moment
    core.revision = 1
    set_company(document, organisation)


def set_company(document: Document, organisation: str) -> None:
    """docProps/app.xml's Company (python-docx has no API for the extended properties)."""
    from xml.sax.saxutils import escape

    for relation in document.part.package.rels.values():
        if relation.reltype.endswith("/extended-properties"):
            part = relation.target_part
            xml = part.blob.decode("utf-8")
            xml = re.sub(r"<Company>[^<]*</Company>|<Company/>", f"<Company>{escape(organisation)}</Company>", xml)
            xml = xml.replace("<Application>Microsoft Macintosh Word</Application>", "<Application>orsheet</Application>")
            part._blob = xml.encode("utf-8")
