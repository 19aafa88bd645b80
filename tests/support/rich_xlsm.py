"""Build an .xlsm that carries everything the file backend must not lose.

The workbook starts from the macro-enabled quickstart workbook that the
xlwings package ships (a real ``vbaProject.bin`` written by Excel). openpyxl
then adds the ordinary spreadsheet content it understands (a table, data
validation, conditional formatting, defined names, column widths, styles),
and finally the parts openpyxl does *not* understand are written into the zip
the way Excel writes them:

* a form button on ``Start``: VML shape (``legacyDrawing``), a ``ctrlProps``
  part and the ``<controls>`` block inside ``mc:AlternateContent`` with a
  macro assigned;
* a shape with a macro assigned on ``Start`` (``<drawing>``, DrawingML);
* a ribbon: ``customUI/customUI.xml`` (Office 2007) and
  ``customUI/customUI14.xml`` (Office 2010+) with an image, each with its
  relationship in ``_rels/.rels``;
* an Excel 2010 data validation on ``Acties`` whose list comes from the
  sheet ``Personen`` (stored in the sheet's ``extLst``);
* printer settings for ``Start`` (``pageSetup r:id``);
* custom document properties (``docProps/custom.xml``);
* a custom XML part with its properties, as SharePoint adds them.
"""

from __future__ import annotations

import shutil
import struct
import zipfile
import zlib
from pathlib import Path

import openpyxl
import xlwings

QUICKSTART = Path(xlwings.__file__).parent / "quickstart_standalone.xlsm"
START_SHEET = "Start"
DATA_SHEET = "Acties"
PEOPLE_SHEET = "Personen"
X14_VALIDATION_URI = "{CCE6A557-97BC-4b89-ADB6-D9C93CAAB3DF}"
MACRO = "SampleCall"  # a Sub in the quickstart's Module1
SHAPE_MACRO = "SampleCall"
BUTTON_TEXT = "Nummer nieuwe acties"

REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
UI_2006 = "http://schemas.microsoft.com/office/2006/relationships/ui/extensibility"
UI_2007 = "http://schemas.microsoft.com/office/2007/relationships/ui/extensibility"


def build_rich_xlsm(path: Path, rows: int = 30) -> Path:
    """Write the rich workbook to ``path`` and return ``path``."""
    path = Path(path)
    _build_with_openpyxl(path, rows)
    _add_parts_openpyxl_cannot_write(path)
    return path


def _build_with_openpyxl(path: Path, rows: int) -> None:
    from openpyxl.formatting.rule import CellIsRule
    from openpyxl.styles import Font, PatternFill
    from openpyxl.workbook.defined_name import DefinedName
    from openpyxl.worksheet.datavalidation import DataValidation
    from openpyxl.worksheet.table import Table, TableStyleInfo

    shutil.copyfile(QUICKSTART, path)
    wb = openpyxl.load_workbook(path, keep_vba=True)
    start = wb["Sheet1"]
    start.title = START_SHEET
    start["A1"] = "Actielijst van de ondernemingsraad"
    start["A1"].font = Font(bold=True, size=16)
    ws = wb.create_sheet(DATA_SHEET)
    headers = ["Nr", "Onderwerp", "Verantwoordelijke", "Datum", "Status"]
    ws.append(headers)
    for n in range(1, rows + 1):
        ws.append([n, f"Onderwerp {n}", f"Lid {n % 7}", f"2023-10-{n % 28 + 1:02d}", None])
    for cell in ws[1]:
        cell.font = Font(bold=True, color="FFFFFF")
        cell.fill = PatternFill("solid", fgColor="1F4E78")
    for letter, width in zip("ABCDE", (7, 30, 20, 12, 16)):
        ws.column_dimensions[letter].width = width
    ws.freeze_panes = "A2"
    last = rows + 1
    table = Table(displayName="Acties", ref=f"A1:E{last}")
    table.tableStyleInfo = TableStyleInfo(name="TableStyleMedium2", showRowStripes=True)
    ws.add_table(table)
    validation = DataValidation(type="list", formula1='"in behandeling,ON HOLD,afgerond"')
    validation.add(f"E2:E{last}")
    ws.add_data_validation(validation)
    ws.conditional_formatting.add(
        f"A2:A{last}", CellIsRule(operator="greaterThan", formula=["100"], font=Font(color="9C0006"))
    )
    people = wb.create_sheet(PEOPLE_SHEET)
    people.append(["Naam"])
    for n in range(7):
        people.append([f"Lid {n}"])
    wb.defined_names["LaatsteNummer"] = DefinedName("LaatsteNummer", attr_text=f"{DATA_SHEET}!$A${last}")
    wb.save(path)


def _add_parts_openpyxl_cannot_write(path: Path) -> None:
    with zipfile.ZipFile(path) as source:
        parts = {name: source.read(name) for name in source.namelist()}
    start_part = _sheet_part(parts, START_SHEET)
    parts[start_part] = _start_sheet_xml()
    parts[_rels_of(start_part)] = _start_sheet_rels()
    data_part = _sheet_part(parts, DATA_SHEET)
    parts[data_part] = parts[data_part].replace(b"</worksheet>", _people_validation() + b"</worksheet>")
    parts["xl/drawings/vmlDrawing1.vml"] = _button_vml()
    parts["xl/drawings/drawing1.xml"] = _shape_drawing()
    parts["xl/ctrlProps/ctrlProp1.xml"] = _ctrl_prop()
    parts["xl/printerSettings/printerSettings1.bin"] = bytes(range(256)) * 4
    parts["customUI/customUI.xml"] = _ribbon(2006)
    parts["customUI/customUI14.xml"] = _ribbon(2009)
    parts["customUI/_rels/customUI14.xml.rels"] = _rels(
        [("rIdImg1", f"{REL}/image", "images/orsheet.png")]
    )
    parts["customUI/images/orsheet.png"] = tiny_png()
    parts["docProps/custom.xml"] = _custom_properties()
    parts["customXml/item1.xml"] = b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><b:Sources xmlns:b="http://schemas.openxmlformats.org/officeDocument/2006/bibliography" SelectedStyle=""/>'
    parts["customXml/itemProps1.xml"] = _custom_xml_properties()
    parts["customXml/_rels/item1.xml.rels"] = _rels([("rId1", f"{REL}/customXmlProps", "itemProps1.xml")])
    parts["xl/_rels/workbook.xml.rels"] = parts["xl/_rels/workbook.xml.rels"].replace(
        b"</Relationships>",
        f'<Relationship Id="rIdCx1" Type="{REL}/customXml" Target="../customXml/item1.xml"/></Relationships>'.encode(),
    )
    parts["_rels/.rels"] = _add_root_rels(parts["_rels/.rels"])
    parts["[Content_Types].xml"] = _add_content_types(parts["[Content_Types].xml"])
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        target.writestr("[Content_Types].xml", parts.pop("[Content_Types].xml"))
        for name, data in parts.items():
            target.writestr(name, data)


def _sheet_part(parts: dict[str, bytes], title: str) -> str:
    from lxml import etree

    workbook = etree.fromstring(parts["xl/workbook.xml"])
    rels = etree.fromstring(parts["xl/_rels/workbook.xml.rels"])
    targets = {rel.get("Id"): rel.get("Target") for rel in rels}
    for sheet in workbook.iter("{*}sheet"):
        if sheet.get("name") == title:
            target = targets[sheet.get(f"{{{REL}}}id")]
            return target.lstrip("/") if target.startswith("/") else "xl/" + target
    raise KeyError(title)


def _rels_of(part: str) -> str:
    folder, _, name = part.rpartition("/")
    return f"{folder}/_rels/{name}.rels"


def _start_sheet_xml() -> bytes:
    return f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="{REL}" \
xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" \
xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main" \
xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" mc:Ignorable="x14ac xr xr2 xr3" \
xmlns:x14ac="http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac" \
xmlns:xr="http://schemas.microsoft.com/office/spreadsheetml/2014/revision" \
xmlns:xr2="http://schemas.microsoft.com/office/spreadsheetml/2015/revision2" \
xmlns:xr3="http://schemas.microsoft.com/office/spreadsheetml/2016/revision3" \
xr:uid="{{00000000-0001-0000-0000-000000000000}}"><sheetPr codeName="Sheet1"/><dimension ref="A1"/>\
<sheetViews><sheetView tabSelected="1" workbookViewId="0"/></sheetViews>\
<sheetFormatPr defaultRowHeight="15" x14ac:dyDescent="0.25"/><cols><col min="1" max="1" width="48" customWidth="1"/></cols>\
<sheetData><row r="1" spans="1:1" x14ac:dyDescent="0.25"><c r="A1" t="inlineStr"><is><t>Actielijst van de ondernemingsraad</t></is></c></row></sheetData>\
<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>\
<pageSetup paperSize="9" orientation="portrait" r:id="rId1"/><drawing r:id="rId4"/><legacyDrawing r:id="rId2"/>\
<mc:AlternateContent xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"><mc:Choice Requires="x14">\
<controls><mc:AlternateContent xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"><mc:Choice Requires="x14">\
<control shapeId="1025" r:id="rId3" name="Button 1"><controlPr defaultSize="0" print="0" autoFill="0" autoPict="0" macro="[0]!{MACRO}">\
<anchor moveWithCells="1" sizeWithCells="1"><from><xdr:col>1</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>2</xdr:row><xdr:rowOff>0</xdr:rowOff></from>\
<to><xdr:col>3</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>4</xdr:row><xdr:rowOff>0</xdr:rowOff></to></anchor></controlPr></control>\
</mc:Choice></mc:AlternateContent></controls></mc:Choice></mc:AlternateContent></worksheet>""".encode()


def _people_validation() -> bytes:
    return f"""<extLst><ext uri="{X14_VALIDATION_URI}" \
xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main"><x14:dataValidations count="1" \
xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main"><x14:dataValidation type="list" allowBlank="1" \
showInputMessage="1" showErrorMessage="1"><x14:formula1><xm:f>{PEOPLE_SHEET}!$A$2:$A$8</xm:f></x14:formula1>\
<xm:sqref>C2:C31</xm:sqref></x14:dataValidation></x14:dataValidations></ext></extLst>""".encode()


def _start_sheet_rels() -> bytes:
    return _rels(
        [
            ("rId1", f"{REL}/printerSettings", "../printerSettings/printerSettings1.bin"),
            ("rId2", f"{REL}/vmlDrawing", "../drawings/vmlDrawing1.vml"),
            ("rId3", f"{REL}/ctrlProp", "../ctrlProps/ctrlProp1.xml"),
            ("rId4", f"{REL}/drawing", "../drawings/drawing1.xml"),
        ]
    )


def _button_vml() -> bytes:
    return f"""<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" \
xmlns:x="urn:schemas-microsoft-com:office:excel">
 <o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="1"/></o:shapelayout>
 <v:shapetype id="_x0000_t201" coordsize="21600,21600" o:spt="201" path="m,l,21600r21600,l21600,xe">
  <v:stroke joinstyle="miter"/><v:path shadowok="f" o:extrusionok="f" strokeok="f" fillok="f" o:connecttype="rect"/>
  <o:lock v:ext="edit" shapetype="t"/>
 </v:shapetype>
 <v:shape id="_x0000_s1025" type="#_x0000_t201" style="position:absolute;margin-left:48pt;margin-top:30pt;\
width:144pt;height:30pt;z-index:1;mso-wrap-style:tight" o:button="t" fillcolor="buttonFace [67]" \
strokecolor="windowText [64]" o:insetmode="auto">
  <v:fill color2="buttonFace [67]" o:detectmouseclick="t"/>
  <o:lock v:ext="edit" rotation="t"/>
  <v:textbox style="mso-direction-alt:auto" o:singleclick="f">
   <div style="text-align:center"><font face="Calibri" size="220" color="#000000">{BUTTON_TEXT}</font></div>
  </v:textbox>
  <x:ClientData ObjectType="Button">
   <x:Anchor>1, 0, 2, 0, 3, 0, 4, 0</x:Anchor>
   <x:PrintObject>False</x:PrintObject>
   <x:AutoFill>False</x:AutoFill>
   <x:FmlaMacro>[0]!{MACRO}</x:FmlaMacro>
   <x:TextHAlign>Center</x:TextHAlign>
   <x:TextVAlign>Center</x:TextVAlign>
  </x:ClientData>
 </v:shape>
</xml>""".encode()


def _shape_drawing() -> bytes:
    return f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" \
xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><xdr:twoCellAnchor editAs="oneCell">\
<xdr:from><xdr:col>1</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>6</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from>\
<xdr:to><xdr:col>3</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>8</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to>\
<xdr:sp macro="[0]!{SHAPE_MACRO}" textlink=""><xdr:nvSpPr><xdr:cNvPr id="2" name="Afsluiten"/><xdr:cNvSpPr/></xdr:nvSpPr>\
<xdr:spPr><a:xfrm><a:off x="609600" y="1143000"/><a:ext cx="1828800" cy="381000"/></a:xfrm>\
<a:prstGeom prst="roundRect"><a:avLst/></a:prstGeom></xdr:spPr><xdr:txBody><a:bodyPr/><a:lstStyle/>\
<a:p><a:r><a:t>Afgeronde acties archiveren</a:t></a:r></a:p></xdr:txBody></xdr:sp><xdr:clientData/>\
</xdr:twoCellAnchor></xdr:wsDr>""".encode()


def _ctrl_prop() -> bytes:
    return (
        b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        b'<formControlPr xmlns="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main" '
        b'objectType="Button" lockText="1"/>'
    )


def _ribbon(year: int) -> bytes:
    ns = (
        "http://schemas.microsoft.com/office/2006/01/customui"
        if year == 2006
        else "http://schemas.microsoft.com/office/2009/07/customui"
    )
    image = ' image="rIdImg1"' if year != 2006 else ' imageMso="Numbering"'
    return f"""<customUI xmlns="{ns}"><ribbon><tabs><tab id="orsheetTab" label="OR">\
<group id="orsheetActies" label="Acties"><button id="nummeren" label="{BUTTON_TEXT}" size="large"\
{image} onAction="{MACRO}"/></group></tab></tabs></ribbon></customUI>""".encode()


def _custom_properties() -> bytes:
    return b"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" \
xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">\
<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" name="orsheet-schema">\
<vt:lpwstr>1</vt:lpwstr></property></Properties>"""


def _custom_xml_properties() -> bytes:
    return (
        b'<?xml version="1.0" encoding="UTF-8" standalone="no"?>\n<ds:datastoreItem '
        b'ds:itemID="{5F3A9E4B-1C2D-4E5F-8A9B-0C1D2E3F4A5B}" '
        b'xmlns:ds="http://schemas.openxmlformats.org/officeDocument/2006/customXml">'
        b'<ds:schemaRefs><ds:schemaRef ds:uri="http://schemas.openxmlformats.org/officeDocument/2006/bibliography"/>'
        b"</ds:schemaRefs></ds:datastoreItem>"
    )


def _rels(items: list[tuple[str, str, str]]) -> bytes:
    body = "".join(f'<Relationship Id="{i}" Type="{t}" Target="{target}"/>' for i, t, target in items)
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        f"{body}</Relationships>"
    ).encode()


def _add_root_rels(data: bytes) -> bytes:
    extra = (
        f'<Relationship Id="rIdUi1" Type="{UI_2006}" Target="customUI/customUI.xml"/>'
        f'<Relationship Id="rIdUi2" Type="{UI_2007}" Target="customUI/customUI14.xml"/>'
        f'<Relationship Id="rIdCp" Type="{REL}/custom-properties" Target="docProps/custom.xml"/>'
    )
    return data.replace(b"</Relationships>", extra.encode() + b"</Relationships>")


def _add_content_types(data: bytes) -> bytes:
    text = data.decode()
    # Excel types .bin by default as printer settings; the VBA project has its own override.
    text = text.replace('<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/>', "")
    extra = (
        '<Default Extension="bin" ContentType="application/vnd.openxmlformats-officedocument.'
        'spreadsheetml.printerSettings"/>'
        '<Default Extension="png" ContentType="image/png"/>'
        '<Default Extension="vml" ContentType="application/vnd.openxmlformats-officedocument.vmlDrawing"/>'
        '<Override PartName="/xl/vbaProject.bin" ContentType="application/vnd.ms-office.vbaProject"/>'
        '<Override PartName="/xl/ctrlProps/ctrlProp1.xml" '
        'ContentType="application/vnd.ms-excel.controlproperties+xml"/>'
        '<Override PartName="/xl/drawings/drawing1.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"/>'
        '<Override PartName="/customXml/itemProps1.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.customXmlProperties+xml"/>'
        '<Override PartName="/docProps/custom.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.custom-properties+xml"/>'
    )
    text = _drop_override(text, "/xl/vbaProject.bin")
    return text.replace("</Types>", extra + "</Types>").encode()


def _drop_override(text: str, part: str) -> str:
    import re

    return re.sub(rf'<Override PartName="{re.escape(part)}"[^>]*/>', "", text)


def tiny_png() -> bytes:
    """A valid 16x16 PNG (solid colour), written without an imaging library."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", 16, 16, 8, 2, 0, 0, 0)
    raw = b"".join(b"\x00" + b"\x1f\x4e\x78" * 16 for _ in range(16))
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(raw))
        + chunk(b"IEND", b"")
    )
