"""Form buttons on the sheet ``Start``: VML shapes, ctrlProps and the ``<controls>`` block.

Excel 2010 and later read the ``<controls>`` block and the ctrlProp parts;
older readers (and LibreOffice) read the VML. Both name the same macro.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from xml.sax.saxutils import escape

from orsheet.excel.actions import ACTIONS, ExcelAction

VML_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.vmlDrawing"
CTRL_PROP_CONTENT_TYPE = "application/vnd.ms-excel.controlproperties+xml"
VML_RELATIONSHIP = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/vmlDrawing"
CTRL_PROP_RELATIONSHIP = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/ctrlProp"
MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
X14 = "http://schemas.microsoft.com/office/spreadsheetml/2009/9/main"
XDR = "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

# Where the buttons go on Start (0-based columns/rows): a column of buttons
# to the right of the explanation text, each two rows high with a row between.
FIRST_COLUMN = 1
COLUMNS_WIDE = 3
FIRST_ROW = 1
ROWS_HIGH = 2
ROW_STEP = 3
FIRST_SHAPE_ID = 1025  # idmap data="1" -> shape ids 1025, 1026, ...
DEFAULT_COLUMN_WIDTH = 8.43  # characters (Calibri 11): 64 pixels
DEFAULT_ROW_HEIGHT = 15.0  # points


def column_points(width: float) -> float:
    """A column width in characters as Excel draws it, in points (7-pixel digits, 5 pixels padding)."""
    return int(width * 7 + 5) * 0.75


@dataclass(frozen=True)
class Geometry:
    """Column widths (characters) and row heights (points) of a sheet, 0-based; the rest default."""

    column_widths: dict[int, float] = field(default_factory=dict)
    row_heights: dict[int, float] = field(default_factory=dict)

    def left(self, column: int) -> float:
        return sum(column_points(self.column_widths.get(c, DEFAULT_COLUMN_WIDTH)) for c in range(column))

    def top(self, row: int) -> float:
        return sum(self.row_heights.get(r, DEFAULT_ROW_HEIGHT) for r in range(row))


@dataclass(frozen=True)
class Button:
    action: ExcelAction
    shape_id: int
    left_column: int
    top_row: int
    geometry: Geometry = Geometry()

    @property
    def macro_reference(self) -> str:
        return f"[0]!{self.action.macro}"

    @property
    def anchor(self) -> tuple[int, int, int, int, int, int, int, int]:
        right, bottom = self.left_column + COLUMNS_WIDE, self.top_row + ROWS_HIGH
        return (self.left_column, 0, self.top_row, 0, right, 0, bottom, 0)


    @property
    def box(self) -> tuple[float, float, float, float]:
        """(left, top, width, height) in points, from the sheet's real column widths and row heights."""
        left, top = self.geometry.left(self.left_column), self.geometry.top(self.top_row)
        right = self.geometry.left(self.left_column + COLUMNS_WIDE)
        bottom = self.geometry.top(self.top_row + ROWS_HIGH)
        return left, top, right - left, bottom - top


def layout(actions: tuple[ExcelAction, ...] = ACTIONS, geometry: Geometry = Geometry()) -> list[Button]:
    return [
        Button(action, FIRST_SHAPE_ID + i, FIRST_COLUMN, FIRST_ROW + i * ROW_STEP, geometry)
        for i, action in enumerate(actions)
    ]


def sheet_geometry(sheet_xml: bytes) -> Geometry:
    """The column widths and custom row heights in a worksheet part."""
    from lxml import etree

    root = etree.fromstring(sheet_xml)
    widths: dict[int, float] = {}
    for column in root.iter(f"{{{MAIN}}}col"):
        if column.get("width"):
            for index in range(int(column.get("min")), int(column.get("max")) + 1):
                widths[index - 1] = float(column.get("width"))
    heights = {int(row.get("r")) - 1: float(row.get("ht")) for row in root.iter(f"{{{MAIN}}}row") if row.get("ht")}
    return Geometry(widths, heights)


def _vml_shape(button: Button, z_index: int) -> str:
    left, top, width, height = (round(value, 2) for value in button.box)
    anchor = ", ".join(str(n) for n in button.anchor)
    return f"""\
 <v:shape id="_x0000_s{button.shape_id}" type="#_x0000_t201" style="position:absolute;margin-left:{left:g}pt;margin-top:{top:g}pt;width:{width:g}pt;height:{height:g}pt;z-index:{z_index};mso-wrap-style:tight" o:button="t" fillcolor="buttonFace [67]" strokecolor="windowText [64]" o:insetmode="auto">
  <v:fill color2="buttonFace [67]" o:detectmouseclick="t"/>
  <o:lock v:ext="edit" rotation="t"/>
  <v:textbox style="mso-direction-alt:auto" o:singleclick="f">
   <div style="text-align:center"><font face="Calibri" size="220" color="#000000">{escape(button.action.label)}</font></div>
  </v:textbox>
  <x:ClientData ObjectType="Button">
   <x:Anchor>{anchor}</x:Anchor>
   <x:PrintObject>False</x:PrintObject>
   <x:AutoFill>False</x:AutoFill>
   <x:FmlaMacro>{button.macro_reference}</x:FmlaMacro>
   <x:TextHAlign>Center</x:TextHAlign>
   <x:TextVAlign>Center</x:TextVAlign>
  </x:ClientData>
 </v:shape>
"""


def vml_drawing(buttons: list[Button]) -> bytes:
    shapes = "".join(_vml_shape(b, i) for i, b in enumerate(buttons, start=1))
    text = f"""\
<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel">
 <o:shapelayout v:ext="edit">
  <o:idmap v:ext="edit" data="1"/>
 </o:shapelayout>
 <v:shapetype id="_x0000_t201" coordsize="21600,21600" o:spt="201" path="m,l,21600r21600,l21600,xe">
  <v:stroke joinstyle="miter"/>
  <v:path shadowok="f" o:extrusionok="f" strokeok="f" fillok="f" o:connecttype="rect"/>
  <o:lock v:ext="edit" shapetype="t"/>
 </v:shapetype>
{shapes}</xml>
"""
    return text.encode("utf-8")


def ctrl_prop() -> bytes:
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<formControlPr xmlns="{X14}" objectType="Button" lockText="1"/>'
    ).encode("utf-8")


def _anchor_xml(button: Button) -> str:
    col1, _, row1, _, col2, _, row2, _ = button.anchor
    def point(tag: str, col: int, row: int) -> str:
        return (f"<{tag}><xdr:col>{col}</xdr:col><xdr:colOff>0</xdr:colOff>"
                f"<xdr:row>{row}</xdr:row><xdr:rowOff>0</xdr:rowOff></{tag}>")
    return f'<anchor moveWithCells="1" sizeWithCells="1">{point("from", col1, row1)}{point("to", col2, row2)}</anchor>'


def controls_xml(buttons: list[Button], relationship_ids: list[str]) -> str:
    """The ``<controls>`` block (wrapped for Excel 2010+) to put in the sheet XML."""
    controls = "".join(
        f'<mc:AlternateContent><mc:Choice Requires="x14">'
        f'<control shapeId="{b.shape_id}" r:id="{rid}" name="Button {b.shape_id - FIRST_SHAPE_ID + 1}">'
        f'<controlPr defaultSize="0" print="0" autoFill="0" autoPict="0" macro="{b.macro_reference}"'
        f' altText={_quote(b.action.label)}>{_anchor_xml(b)}</controlPr>'
        f"</control></mc:Choice></mc:AlternateContent>"
        for b, rid in zip(buttons, relationship_ids)
    )
    return (
        f'<mc:AlternateContent xmlns="{MAIN}" xmlns:mc="{MC}" xmlns:x14="{X14}" xmlns:xdr="{XDR}" xmlns:r="{R}">'
        f'<mc:Choice Requires="x14"><controls>{controls}</controls></mc:Choice></mc:AlternateContent>'
    )


def _quote(text: str) -> str:
    return '"' + escape(text, {'"': "&quot;"}) + '"'
