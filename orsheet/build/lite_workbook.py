"""The orsheet workbook as a plain .xlsx for xlwings Lite: ``workbooks/orsheet-lite.xlsx``.

Built at build time (``make template``); ``orsheet new --lite`` copies the
shipped file (:func:`orsheet.template_file.lite_template_path`).

The same sheets, tables, validations and formats as the macro workbook (both
come from :func:`orsheet.build.contract_workbook.build_workbook`), but no VBA project, no
ribbon and no xlwings.conf, so Excel shows no macro warning at all. The
buttons on Start are rounded rectangles, each named and hyperlinked to the
cell behind it, which is how xlwings Lite binds a script to a sheet button
(:mod:`orsheet.lite_buttons`). The Start sheet explains the set-up in three
steps and keeps a cell for the result of the last button.
"""

from __future__ import annotations

import io
from pathlib import Path
from xml.sax.saxutils import escape

from lxml import etree

from orsheet import schema
from orsheet.ooxml.markup import MAIN as MAIN_NS, REL as R_NS, serialize
from orsheet.ooxml.package import Package
from orsheet.lite_buttons import BUTTONS, RESULT_CELL, RESULT_LABEL, RESULT_LABEL_CELL, LiteButton

DRAWING_TYPE = "application/vnd.openxmlformats-officedocument.drawing+xml"
DRAWING_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing"
HYPERLINK_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink"
XDR = "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing"
A = "http://schemas.openxmlformats.org/drawingml/2006/main"
BUTTON_COLOUR = "1F4E79"  # the header colour of the sheets
# Children of <worksheet> that come after <drawing> (ECMA-376 CT_Worksheet).
_AFTER_DRAWING = ("legacyDrawing", "legacyDrawingHF", "drawingHF", "picture", "oleObjects", "controls",
                  "webPublishItems", "tableParts", "extLst")

SETUP_STEPS = (  # one sentence a step: the Start sheet wraps long lines into rows beside the buttons
    "1. Installeer de gratis invoegtoepassing xlwings Lite: Start > Invoegtoepassingen, zoek 'xlwings Lite' en kies "
    "Toevoegen. Python installeren of macro's inschakelen is niet nodig; het werkt ook in Excel op het web.",
    "2. Open xlwings Lite (knop rechts op het tabblad Start) en plak de code van 'orsheet lite-code --wheel ADRES' "
    "(ADRES: waar uw beheerder het orsheet-wielbestand neerzet): main.py in het tabblad main.py, requirements.txt in "
    "het tabblad requirements.txt.",
    "3. Herstart xlwings Lite (menu > Restart); het haalt orsheet dan op van dat adres. Zet bij Settings > Workbook de "
    "opstart op automatisch, anders werken de knoppen pas als u xlwings Lite eerst opent.",
)
FILES_TEXT = (
    "Notulen zet u in xlwings Lite via Files > Import/Export (voor Python de map /data). Agenda's, de jaarplanning "
    "(.ics) en de Woo-publicatie komen daar ook te staan; u downloadt ze daar.",
    "PDF's maakt xlwings Lite niet (er is geen Word of LibreOffice in de add-in): open de .docx in Word en kies "
    "Opslaan als > PDF.",
)


def start_lines() -> tuple[tuple[str, str], ...]:
    """The Lite Start sheet: title, result cell, set-up, files, then the template's own sections."""
    from orsheet.build.contract_workbook import START_TEXT

    kept = _sections(START_TEXT, ("Bladen", "Werkwijze"))
    lines = [
        START_TEXT[0],
        (RESULT_LABEL, "heading"),
        ("", ""),  # RESULT_CELL
        START_TEXT[1],
        ("", ""),
        ("Eenmalig instellen", "heading"), *((step, "") for step in SETUP_STEPS),
        ("", ""),
        ("Bestanden", "heading"), *((text, "") for text in FILES_TEXT),
        ("", ""),
        ("Knoppen (rechts; ook in het taakvenster van xlwings Lite)", "heading"),
        ("In het taakvenster vragen Agenda maken, Notulen verwerken en Jaarplanning maken om een datum, een bestand "
         "of 'opslaan'; leeg laten mag. Daar telt ook de geselecteerde rij in Vergaderingen.", ""),
        ("", ""),
        *kept,
    ]
    return tuple(lines)


def _sections(text: tuple[tuple[str, str], ...], headings: tuple[str, ...]) -> list[tuple[str, str]]:
    """The lines of the sections under ``headings``, without lines about VBA's Python or ribbon."""
    out, keep = [], False
    for line, style in text:
        if style == "heading":
            keep = line in headings
        if keep and "Python" not in line and "lint" not in line:
            out.append((line, style))
    return out


def build_lite_workbook(path: Path) -> Path:
    """Write the xlwings Lite workbook to ``path`` (deterministic bytes)."""
    from openpyxl.styles import Alignment

    from orsheet.build.contract_workbook import build_workbook, fill_start, normalise_package

    book = build_workbook()
    start = book[schema.START.name]
    start.delete_rows(1, start.max_row)
    fill_start(start, start_lines())
    if start[RESULT_LABEL_CELL].value != RESULT_LABEL or start[RESULT_CELL].value is not None:
        raise AssertionError(f"Start: the result label belongs in {RESULT_LABEL_CELL}, the result in {RESULT_CELL}")
    start[RESULT_CELL].alignment = Alignment(wrap_text=True, vertical="top")
    buffer = io.BytesIO()
    book.save(buffer)
    path = Path(path)
    path.write_bytes(add_buttons(normalise_package(buffer.getvalue(), macro_enabled=False)))
    return path


def add_buttons(data: bytes) -> bytes:
    """Put the Lite buttons on Start: a drawing of named shapes, each linked to its cell."""
    package = Package(data)
    sheet_part = package.sheet_parts()[schema.START.name]
    drawing_part = package.new_part_name("xl/drawings/drawing{}.xml")
    link_ids = [package.add_relationship(drawing_part, HYPERLINK_REL, f"#{schema.START.name}!{b.cell}") for b in BUTTONS]
    package.put(drawing_part, drawing_xml(list(zip(BUTTONS, link_ids))), DRAWING_TYPE)
    rid = package.add_relationship(sheet_part, DRAWING_REL, "../" + drawing_part.removeprefix("xl/"))
    sheet = package.xml(sheet_part)
    drawing = etree.Element(f"{{{MAIN_NS}}}drawing")
    drawing.set(f"{{{R_NS}}}id", rid)
    after = next((c for c in sheet if etree.QName(c).localname in _AFTER_DRAWING), None)
    sheet.append(drawing) if after is None else after.addprevious(drawing)
    return package.to_bytes()


def drawing_xml(buttons: list[tuple[LiteButton, str]]) -> bytes:
    anchors = "".join(_anchor(button, link, shape_id) for shape_id, (button, link) in enumerate(buttons, start=2))
    return serialize(etree.fromstring(f'<xdr:wsDr xmlns:xdr="{XDR}" xmlns:a="{A}" xmlns:r="{R_NS}">{anchors}</xdr:wsDr>'))


def _anchor(button: LiteButton, link: str, shape_id: int) -> str:
    first_column, first_row, last_column, last_row = button.anchor

    def point(tag: str, column: int, row: int) -> str:
        return (f"<xdr:{tag}><xdr:col>{column}</xdr:col><xdr:colOff>0</xdr:colOff>"
                f"<xdr:row>{row}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:{tag}>")

    label = escape(button.action.label)
    return (
        f'<xdr:twoCellAnchor editAs="absolute">{point("from", first_column, first_row)}{point("to", last_column, last_row)}'
        f'<xdr:sp macro="" textlink=""><xdr:nvSpPr>'
        f'<xdr:cNvPr id="{shape_id}" name="{button.shape_name}" descr="{escape(button.action.screentip)}">'
        f'<a:hlinkClick r:id="{link}" tooltip="{escape(button.action.screentip)}"/></xdr:cNvPr>'
        f'<xdr:cNvSpPr/></xdr:nvSpPr>'
        f'<xdr:spPr><a:prstGeom prst="roundRect"><a:avLst/></a:prstGeom>'
        f'<a:solidFill><a:srgbClr val="{BUTTON_COLOUR}"/></a:solidFill><a:ln><a:noFill/></a:ln></xdr:spPr>'
        f'<xdr:txBody><a:bodyPr rtlCol="0" anchor="ctr"/><a:lstStyle/><a:p><a:pPr algn="ctr"/>'
        f'<a:r><a:rPr lang="nl-NL" sz="1100" b="1"><a:solidFill><a:srgbClr val="FFFFFF"/></a:solidFill></a:rPr>'
        f'<a:t>{label}</a:t></a:r></a:p></xdr:txBody></xdr:sp><xdr:clientData/></xdr:twoCellAnchor>'
    )
