"""Notes and hyperlinks stay with their cell: legacy notes (comments part + VML shape),
threaded comments and hyperlinks.

When table rows move, a note anchored to a moved cell moves with it (within
the sheet the sheet editor shifts hyperlinks); what belongs to a row moved
to another sheet goes to that sheet, whose comments part, VML drawing,
threaded-comments part or hyperlink list is created when it has none.
"""

from __future__ import annotations

import copy
import re

from lxml import etree

from orsheet.errors import column_letter
from orsheet.ooxml.markup import MAIN, REL, q
from orsheet.ooxml.package import Package
from orsheet.workbook.refs import Lost, RowChange, split_ref

COMMENTS_REL = REL + "/comments"
VML_REL = REL + "/vmlDrawing"
THREADED_REL = "http://schemas.microsoft.com/office/2017/10/relationships/threadedComment"
THREADED = "http://schemas.microsoft.com/office/spreadsheetml/2018/threadedcomments"
X = "urn:schemas-microsoft-com:office:excel"
THREADED_TYPE = "application/vnd.ms-excel.threadedcomments+xml"
# Elements that follow <hyperlinks> in a worksheet (schema order).
_AFTER_HYPERLINKS = ("printOptions", "pageMargins", "pageSetup", "headerFooter", "rowBreaks", "colBreaks",
                     "customProperties", "cellWatches", "ignoredErrors", "smartTags", "drawing", "legacyDrawing",
                     "legacyDrawingHF", "drawingHF", "picture", "oleObjects", "controls", "webPublishItems",
                     "tableParts", "extLst")
COMMENTS_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml"
VML_TYPE = "application/vnd.openxmlformats-officedocument.vmlDrawing"
_VML = (b'<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" '
        b'xmlns:x="urn:schemas-microsoft-com:office:excel"><o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="1"/>'
        b'</o:shapelayout><v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe">'
        b'<v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype></xml>')
# Elements that follow <legacyDrawing> in a worksheet (schema order).
_AFTER_LEGACY = ("legacyDrawingHF", "drawingHF", "picture", "oleObjects", "controls", "webPublishItems", "tableParts", "extLst")


class Notes:
    def __init__(self, package: Package, parts: dict[str, str]):
        self.package = package
        self.parts = parts

    def _related(self, sheet: str, rel_type: str) -> str | None:
        found = self.package.related(self.parts[sheet], rel_type)
        return found[0] if found else None

    def _vml(self, sheet: str) -> etree._Element | None:
        part = self._related(sheet, VML_REL)
        return self.package.xml(part, recover=True) if part else None

    # -- following rows on one sheet ---------------------------------------------------

    def follow(self, change: RowChange) -> None:
        sheet = change.sheet
        for rel_type, tag in ((COMMENTS_REL, q("comment")), (THREADED_REL, f"{{{THREADED}}}threadedComment")):
            part = self._related(sheet, rel_type)
            if part is None:
                continue
            for comment in list(self.package.xml(part).iter(tag)):
                new = _new_ref(change, sheet, comment.get("ref"))
                if new is None:
                    comment.getparent().remove(comment)
                else:
                    comment.set("ref", new)
        vml = self._vml(sheet)
        for shape in [] if vml is None else list(vml.iter("{urn:schemas-microsoft-com:vml}shape")):
            data = shape.find(f"{{{X}}}ClientData")
            row, column = data.find(f"{{{X}}}Row") if data is not None else None, data.find(f"{{{X}}}Column") if data is not None else None
            if row is None or column is None:
                continue
            ref = f"{column_letter(int(column.text) + 1)}{int(row.text) + 1}"
            new = _new_ref(change, sheet, ref)
            if new is None:
                shape.getparent().remove(shape)
            else:
                _move_shape(shape, split_ref(new)[0] - 1)

    # -- moving a row's notes to another sheet --------------------------------------------

    def move(self, source: str, row: int, target: str, new_row: int, columns: dict[int, int]) -> None:
        """Copy the notes, threaded comments and hyperlinks of one source row to its new row in ``target``."""
        self._move_threads(source, row, target, new_row, columns)
        self._move_links(source, row, target, new_row, columns)
        part = self._related(source, COMMENTS_REL)
        if part is None:
            return
        notes = [c for c in self.package.xml(part).iter(q("comment"))
                 if split_ref(c.get("ref"))[0] == row and split_ref(c.get("ref"))[1] in columns]
        if not notes:
            return
        authors = [a.text for a in self.package.xml(part).iter(q("author"))]
        shapes = {}
        vml = self._vml(source)
        for shape in [] if vml is None else vml.iter("{urn:schemas-microsoft-com:vml}shape"):
            data = shape.find(f"{{{X}}}ClientData")
            if data is not None and data.find(f"{{{X}}}Row") is not None:
                shapes[(int(data.findtext(f"{{{X}}}Row")) + 1, int(data.findtext(f"{{{X}}}Column")) + 1)] = shape
        target_comments, target_vml = self._ensure_parts(target)
        target_authors = target_comments.find(q("authors"))
        for note in notes:
            ref_row, column = split_ref(note.get("ref"))
            new_column = columns[column]
            clone = copy.deepcopy(note)
            clone.set("ref", f"{column_letter(new_column)}{new_row}")
            author = authors[int(note.get("authorId", "0"))] if authors else ""
            names = [a.text for a in target_authors]
            if author not in names:
                etree.SubElement(target_authors, q("author")).text = author
                names.append(author)
            clone.set("authorId", str(names.index(author)))
            target_comments.find(q("commentList")).append(clone)
            shape = shapes.get((ref_row, column))
            if shape is not None:
                new_shape = copy.deepcopy(shape)
                _move_shape(new_shape, new_row - 1, new_column - 1)
                new_shape.set("id", f"_x0000_s{_next_shape_id(target_vml)}")
                target_vml.append(new_shape)

    def _move_threads(self, source: str, row: int, target: str, new_row: int, columns: dict[int, int]) -> None:
        part = self._related(source, THREADED_REL)
        if part is None:
            return
        threads = [c for c in self.package.xml(part).iter(f"{{{THREADED}}}threadedComment")
                   if split_ref(c.get("ref"))[0] == row and split_ref(c.get("ref"))[1] in columns]
        if not threads:
            return
        target_part = self._related(target, THREADED_REL)
        if target_part is None:
            target_part = self.package.new_part_name("xl/threadedComments/threadedComment{}.xml")
            self.package.add(target_part, etree.Element(f"{{{THREADED}}}ThreadedComments", nsmap={None: THREADED}),
                             THREADED_TYPE)
            self.package.add_relationship(self.parts[target], THREADED_REL, "/" + target_part)
        container = self.package.xml(target_part)
        for thread in threads:
            clone = copy.deepcopy(thread)
            clone.set("ref", f"{column_letter(columns[split_ref(thread.get('ref'))[1]])}{new_row}")
            container.append(clone)

    def _move_links(self, source: str, row: int, target: str, new_row: int, columns: dict[int, int]) -> None:
        source_part, target_part = self.parts[source], self.parts[target]
        links = self.package.xml(source_part).find(q("hyperlinks"))
        moving = [] if links is None else [
            link for link in links
            if ":" not in link.get("ref", "") and split_ref(link.get("ref"))[0] == row and split_ref(link.get("ref"))[1] in columns
        ]
        if not moving:
            return
        rels = {r.get("Id"): r for r in self.package.relationships(source_part)}
        sheet = self.package.xml(target_part)
        container = sheet.find(q("hyperlinks"))
        if container is None:
            container = etree.Element(q("hyperlinks"))
            later = [e for e in sheet if isinstance(e.tag, str) and etree.QName(e).localname in _AFTER_HYPERLINKS]
            later[0].addprevious(container) if later else sheet.append(container)
        for link in moving:
            clone = copy.deepcopy(link)
            clone.set("ref", f"{column_letter(columns[split_ref(link.get('ref'))[1]])}{new_row}")
            rel = rels.get(link.get(f"{{{REL}}}id"))
            if rel is not None:
                clone.set(f"{{{REL}}}id", self.package.add_relationship(
                    target_part, rel.get("Type"), rel.get("Target"), external=rel.get("TargetMode") == "External"))
            container.append(clone)

    def _ensure_parts(self, sheet: str) -> tuple[etree._Element, etree._Element]:
        part = self.parts[sheet]
        comments = self._related(sheet, COMMENTS_REL)
        if comments is None:
            comments = self.package.new_part_name("xl/comments{}.xml")
            root = etree.Element(q("comments"), nsmap={None: MAIN})
            etree.SubElement(root, q("authors"))
            etree.SubElement(root, q("commentList"))
            self.package.add(comments, root, COMMENTS_TYPE)
            self.package.add_relationship(part, COMMENTS_REL, "/" + comments)
        vml = self._related(sheet, VML_REL)
        if vml is None:
            vml = self.package.new_part_name("xl/drawings/vmlDrawing{}.vml")
            self.package.add(vml, etree.fromstring(_VML), None)
            self.package.set_default("vml", VML_TYPE)
            rel_id = self.package.add_relationship(part, VML_REL, "/" + vml)
            worksheet = self.package.xml(part)
            legacy = etree.Element(q("legacyDrawing"))
            legacy.set(f"{{{REL}}}id", rel_id)
            later = [e for e in worksheet if isinstance(e.tag, str) and etree.QName(e).localname in _AFTER_LEGACY]
            if later:
                later[0].addprevious(legacy)
            else:
                worksheet.append(legacy)
        return self.package.xml(comments), self.package.xml(vml, recover=True)


def _new_ref(change: RowChange, sheet: str, ref: str) -> str | None:
    try:
        new_sheet, new = change.cell(sheet, ref)
    except Lost:
        return None
    return new if new_sheet == sheet else None  # moved to another sheet: copied there by move()


def _move_shape(shape: etree._Element, row: int, column: int | None = None) -> None:
    """Point a note's VML shape at zero-based ``row`` (and ``column``), keeping its size."""
    data = shape.find(f"{{{X}}}ClientData")
    old_row = int(data.findtext(f"{{{X}}}Row"))
    data.find(f"{{{X}}}Row").text = str(row)
    old_column = int(data.findtext(f"{{{X}}}Column"))
    anchor = data.find(f"{{{X}}}Anchor")
    if anchor is not None and anchor.text:
        numbers = [int(n) for n in re.split(r"\s*,\s*", anchor.text.strip())]
        if len(numbers) == 8:
            numbers[2] += row - old_row
            numbers[6] += row - old_row
            if column is not None:
                numbers[0] += column - old_column
                numbers[4] += column - old_column
            anchor.text = ", ".join(str(n) for n in numbers)


def _next_shape_id(vml: etree._Element) -> int:
    ids = [int(m.group(1)) for s in vml.iter("{urn:schemas-microsoft-com:vml}shape")
           if (m := re.match(r"_x0000_s(\d+)", s.get("id", "")))]
    return max(ids, default=1024) + 1

