"""Files for a Woo publication: redacted Word/Excel documents, PDF, inventory.

Office files are redacted at the level of their XML parts, so nothing is
skipped because a library does not model it: body text, tables, headers and
footers, footnotes, comments and their authors, tracked changes, field codes,
hyperlink targets, text boxes, document properties. A name split over several
Word runs is found in the paragraph's joined text (see
:meth:`orsheet.redact.Redactor.redact_pieces`).

The leak check (:mod:`orsheet.documents.woo_leaks`) reads every written file
back independently of this module.
"""

from __future__ import annotations

import csv
import os
import re
import subprocess
import tempfile
import zipfile
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from lxml import etree

from orsheet.errors import OrsheetError
from orsheet.redact import CODE_REASONS, CODES, NAME_CODE, Redactor

# Elements whose text is joined per paragraph-like parent before matching.
_TEXT_LEAVES = {"t", "delText", "instrText"}
_PARAGRAPHS = {"p", "si", "is", "text"}  # Word/DrawingML paragraph, Excel string, Excel comment
_SEPARATORS = {"tab", "br", "cr", "ptab"}  # inside a run: read as white space
# Attributes that hold a person (comment and revision authors): replaced whole.
_AUTHOR_ATTRIBUTES = {"author", "initials", "userId"}
# Core properties that name who wrote or saved the file: replaced by the organisation.
_AUTHOR_PROPERTIES = {"creator", "lastModifiedBy"}
_XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise_formula(value: Any) -> Any:
    """Text that a spreadsheet would run as a formula gets a leading quote."""
    if isinstance(value, str) and value.startswith(_FORMULA_STARTS):
        return "'" + value
    return value


def _local(tag: Any) -> str:
    return tag.rpartition("}")[2] if isinstance(tag, str) else ""


def _redact_tree(root: etree._Element, redactor: Redactor, organisation: str, core: bool) -> Counter:
    counts: Counter = Counter()
    # Keyed by the parent element itself: lxml proxies are only stable while referenced.
    groups: dict[tuple[etree._Element, str], list[etree._Element]] = {}
    for element in root.iter():
        name = _local(element.tag)
        if not name:  # XML comment or processing instruction: text only
            result = redactor.redact(element.text or "")
            if result.counts:
                element.text = result.text
                counts += result.counts
            continue
        _redact_attributes(element, redactor, counts)
        separator = name in _SEPARATORS and _local(element.getparent().tag) == "r"
        if name in _TEXT_LEAVES or separator:
            parent = next((a for a in element.iterancestors() if _local(a.tag) in _PARAGRAPHS), element)
            groups.setdefault((parent, "t" if separator else name), []).append(element)
        elif core and name in _AUTHOR_PROPERTIES:
            element.text = organisation
        elif name == "author" and element.text and element.text.strip():  # Excel comment authors
            if redactor.protected is None or not redactor.protected.fullmatch(element.text.strip()):
                element.text = NAME_CODE
                counts[NAME_CODE] += 1
        elif element.text and element.text.strip():
            result = redactor.redact(element.text)
            element.text = result.text
            counts += result.counts
    for leaves in groups.values():
        counts += _redact_group(leaves, redactor)
    return counts


def _redact_group(leaves: list[etree._Element], redactor: Redactor) -> Counter:
    """Redact the text pieces of one paragraph as one text.

    A tab or line break between runs reads as white space, so "Jan<tab/>Jan"
    holds two names; a break inside a name ("Jan<br/>de Vries") goes with it.
    """
    texts = [" " if _local(leaf.tag) in _SEPARATORS else (leaf.text or "") for leaf in leaves]
    pieces, found = redactor.redact_pieces(texts)
    for leaf, before, piece in zip(leaves, texts, pieces):
        if piece == before:
            continue
        if _local(leaf.tag) in _SEPARATORS:
            leaf.getparent().remove(leaf)
        else:
            leaf.text = piece
            if _local(leaf.tag) != "instrText":
                leaf.set(_XML_SPACE, "preserve")
    return found


def _redact_attributes(element: etree._Element, redactor: Redactor, counts: Counter) -> None:
    for key, value in element.attrib.items():
        if _local(key) in _AUTHOR_ATTRIBUTES and value.strip():
            if redactor.protected is None or not redactor.protected.fullmatch(value.strip()):
                element.set(key, NAME_CODE)
                counts[NAME_CODE] += 1
            continue
        result = redactor.redact(value)
        if result.counts:
            element.set(key, result.text)
            counts += result.counts


_OFFICE_SUFFIXES = (".docx", ".docm", ".xlsx", ".xlsm", ".pptx")
_THUMBNAIL = re.compile(r"docProps/thumbnail\.\w+")


def redact_office_file(source: Path, target: Path, redactor: Redactor, organisation: str) -> Counter:
    """Copy a .docx/.xlsx with every XML part redacted; return counts per code.

    Embedded Office files are redacted the same way; the preview picture
    (docProps/thumbnail) is left out, as a picture of page 1 may show names.
    """
    counts: Counter = Counter()
    try:
        with zipfile.ZipFile(source) as zin, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as zout:
            dropped = {i.filename for i in zin.infolist() if _THUMBNAIL.fullmatch(i.filename)}
            for info in zin.infolist():
                if info.filename in dropped:
                    continue
                data, found = _redact_part(info.filename, zin.read(info), redactor, organisation, dropped)
                counts += found
                zout.writestr(info, data)
    except (zipfile.BadZipFile, etree.XMLSyntaxError, OSError) as error:
        target.unlink(missing_ok=True)
        raise OrsheetError(f"{source.name} is geen geldig Office-bestand ({error})") from error
    return counts


def _redact_part(name: str, data: bytes, redactor: Redactor, organisation: str,
                 dropped: set[str]) -> tuple[bytes, Counter]:
    if name.lower().endswith(_OFFICE_SUFFIXES):
        with tempfile.TemporaryDirectory(prefix="orsheet-woo-") as folder:
            inner, redacted = Path(folder) / Path(name).name, Path(folder) / ("woo-" + Path(name).name)
            inner.write_bytes(data)
            found = redact_office_file(inner, redacted, redactor, organisation)
            return redacted.read_bytes(), found
    if not name.endswith((".xml", ".rels", ".vml")) or not data.strip():
        return data, Counter()
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True)
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError:
        if not name.endswith(".vml"):
            raise
        # Legacy VML is often not well-formed XML: redact it as text.
        result = redactor.redact(data.decode("utf-8", "surrogateescape"))
        return result.text.encode("utf-8", "surrogateescape"), result.counts
    if name.endswith(".rels") and dropped:
        for relation in list(root):
            if relation.get("Target", "").lstrip("/") in dropped:
                root.remove(relation)
    found = _redact_tree(root, redactor, organisation, core=name == "docProps/core.xml")
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True), found


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


def _display(value: Any) -> str:
    if isinstance(value, datetime):
        value = value.date()
    if isinstance(value, date):
        return value.strftime("%d-%m-%Y")
    return "" if value is None else str(value)


def write_list_docx(document: ListDocument, path: Path, organisation: str) -> None:
    """The list as a Word document: a heading and one table per section (A4 landscape)."""
    import docx
    from docx.enum.section import WD_ORIENT
    from docx.shared import Cm

    word = docx.Document()
    section = word.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Cm(29.7), Cm(21.0)
    section.left_margin = section.right_margin = section.top_margin = section.bottom_margin = Cm(1.5)
    usable = Cm(29.7 - 3.0)
    word.add_heading(document.title, level=1)
    if document.subtitle:
        word.add_paragraph(document.subtitle)
    for part in document.sections:
        word.add_heading(part.title, level=2)
        table = word.add_table(rows=1, cols=len(part.headers))
        table.style = "Table Grid"
        table.autofit = False
        widths = _column_widths(part, usable)
        for column, width in zip(table.columns, widths):
            column.width = width
        _fill_row(table.rows[0].cells, part.headers, widths, bold=True)
        for row in part.rows:
            _fill_row(table.add_row().cells, [_display(v) for v in row], widths)
    properties = word.core_properties
    properties.author = properties.last_modified_by = organisation
    properties.title = document.title
    properties.comments = properties.keywords = properties.subject = ""
    properties.revision = 1
    package = word.part.package
    for key, relation in list(package.rels.items()):
        if relation.reltype.endswith("/thumbnail"):  # python-docx's template preview picture
            del package.rels[key]
    word.save(path)


def _fill_row(cells: Sequence[Any], texts: Sequence[str], widths: Sequence[int], bold: bool = False) -> None:
    from docx.shared import Pt

    for cell, text, width in zip(cells, texts, widths):
        cell.width = width
        run = cell.paragraphs[0].add_run(text)
        run.font.size = Pt(8)
        run.bold = bold or None


def _column_widths(part: Section, usable: int) -> list[int]:
    """Narrow columns (numbers, dates, status) get what they need at 8 pt; wide
    text columns share the rest in proportion to their sheet widths."""
    from docx.shared import Cm

    if len(part.widths) != len(part.headers):
        return [usable // len(part.headers)] * len(part.headers)
    fixed = {i: int(Cm(w * 0.13 + 0.5)) for i, w in enumerate(part.widths) if w <= 20}
    rest = usable - sum(fixed.values())
    wide = sum(w for i, w in enumerate(part.widths) if i not in fixed) or 1
    return [fixed.get(i, int(rest * w / wide)) for i, w in enumerate(part.widths)]


def write_list_xlsx(document: ListDocument, path: Path, organisation: str) -> None:
    """The list as an Excel workbook, one sheet per section, formulas neutralised."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook()
    book.remove(book.active)
    for part in document.sections:
        sheet = book.create_sheet(_sheet_title(part.title))
        for column, header in enumerate(part.headers, start=1):
            sheet.cell(1, column, neutralise_formula(header)).font = Font(bold=True)
        for number, row in enumerate(part.rows, start=2):
            for column, value in enumerate(row, start=1):
                cell = sheet.cell(number, column, _xlsx_value(value))
                if isinstance(value, (date, datetime)):
                    cell.number_format = "dd-mm-yyyy"
    book.properties.creator = book.properties.lastModifiedBy = organisation
    book.properties.title = document.title
    book.save(path)


def _xlsx_value(value: Any) -> Any:
    if isinstance(value, str):
        # openpyxl treats any string starting with "=" as a formula.
        return neutralise_formula(value)
    return value


def _sheet_title(title: str) -> str:
    for char in "[]:*?/\\":
        title = title.replace(char, " ")
    return title[:31] or "Blad"


@dataclass
class InventoryEntry:
    """One line of the inventory list (inventarislijst)."""

    document: str
    document_date: date | None
    files: list[str]
    counts: Counter = field(default_factory=Counter)

    @property
    def assessment(self) -> str:
        return "Deels openbaar" if sum(self.counts.values()) else "Openbaar"

    @property
    def what(self) -> str:
        labels = {NAME_CODE: "namen van personen", CODES[1]: "overige passages"}
        return ", ".join(f"{labels[c]} ({self.counts[c]}x)" for c in CODES if self.counts[c]) or "niets"

    @property
    def why(self) -> str:
        return "; ".join(CODE_REASONS[c] for c in CODES if self.counts[c])


INVENTORY_HEADERS = ("Nr", "Document", "Datum", "Bestanden", "Beoordeling", "Gelakt", "Grond",
                     *(f"Aantal {c}" for c in CODES))


def inventory_rows(entries: Sequence[InventoryEntry]) -> list[list[Any]]:
    return [
        [n, e.document, e.document_date, ", ".join(e.files), e.assessment, e.what, e.why,
         *(e.counts[c] for c in CODES)]
        for n, e in enumerate(entries, start=1)
    ]


def write_inventory(entries: Sequence[InventoryEntry], folder: Path, organisation: str) -> list[Path]:
    """inventarislijst.xlsx and inventarislijst.csv (semicolons, for Dutch Excel)."""
    rows = inventory_rows(entries)
    xlsx = folder / "inventarislijst.xlsx"
    document = ListDocument("Inventarislijst", "inventarislijst", [Section("Inventarislijst", INVENTORY_HEADERS, rows)])
    write_list_xlsx(document, xlsx, organisation)
    path = folder / "inventarislijst.csv"
    with path.open("w", newline="", encoding="utf-8-sig") as handle:
        writer = csv.writer(handle, delimiter=";")
        writer.writerow(INVENTORY_HEADERS)
        writer.writerows([neutralise_formula(_display(v)) for v in row] for row in rows)
    return [xlsx, path]


def soffice_path() -> str | None:
    """The same LibreOffice the agenda uses ($ORSHEET_SOFFICE, else on PATH)."""
    from orsheet.documents.render import find_soffice

    return find_soffice()


def convert_to_pdf(paths: Sequence[Path], folder: Path) -> list[Path]:
    """PDF copies made by LibreOffice (one run for all files); [] without soffice."""
    program = soffice_path()
    if program is None or not paths:
        return []
    with tempfile.TemporaryDirectory(prefix="orsheet-lo-") as profile:
        command = [program, f"-env:UserInstallation={Path(profile).as_uri()}", "--headless",
                   "--convert-to", "pdf", "--outdir", str(folder), *map(str, paths)]
        try:
            result = subprocess.run(command, capture_output=True, text=True, timeout=300, check=False,
                                    env={**os.environ, "HOME": profile})
        except (OSError, subprocess.TimeoutExpired) as error:
            raise OrsheetError(f"LibreOffice kon de PDF-bestanden niet maken: {error}") from None
    pdfs = [folder / f"{p.stem}.pdf" for p in paths]
    missing = [p.name for p in pdfs if not p.exists()]
    if missing:
        raise OrsheetError(f"LibreOffice kon geen PDF maken van: {', '.join(missing)} ({result.stderr.strip()[:200]})")
    return pdfs
