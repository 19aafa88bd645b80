"""The leak check of a Woo export: read every written file back, find names.

This deliberately does not reuse the redaction code's view of a document: it
opens the files as they are on disk and pulls out *all* text and metadata —
every XML part of a .docx/.xlsx (element text joined at every level, so a name
split over runs or rich-text pieces is seen whole, plus every attribute value
and relationship target), the text and metadata of every PDF page, and CSV
text. Any name the redactor would remove that is still there is a leak.
"""

from __future__ import annotations

import tempfile
import zipfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from orsheet.errors import InputError, OrsheetError
from orsheet.redact import Redactor, unknown_names

# Paragraph-like elements: Word/DrawingML paragraphs, Excel strings and comments.
_PARAGRAPHS = {"p", "si", "is", "text"}
_OFFICE_SUFFIXES = (".docx", ".docm", ".xlsx", ".xlsm", ".pptx")
# Elements inside a run that a reader sees as white space.
_SEPARATORS = {"tab", "br", "cr", "ptab"}
# The yes/no flags of a file's extended properties (docProps/app.xml): their
# "true"/"false" is no text anyone reads and can hold no name.
_FLAGS = {"ScaleCrop", "LinksUpToDate", "SharedDoc", "HyperlinksChanged"}


@dataclass(frozen=True)
class FoundLeak:
    file: str
    where: str  # part or page
    found: str

    def __str__(self) -> str:
        return f"{self.file} ({self.where}): \"{self.found}\""


def bullet_list(items: Sequence[object], limit: int) -> str:
    """"- item" lines, at most ``limit``, then "(en nog N)"."""
    shown = "\n".join(f"- {item}" for item in items[:limit])
    return shown + (f"\n(en nog {len(items) - limit})" if len(items) > limit else "")


class WooLeakError(OrsheetError):
    """A redacted name is still in a file meant for publication."""

    def __init__(self, leaks: Sequence[FoundLeak]):
        self.leaks = list(leaks)
        super().__init__("Woo-export afgebroken: er staan nog namen in de gelakte bestanden; "
                         f"er is niets gepubliceerd.\n{bullet_list(self.leaks, 20)}")


def _local(element: etree._Element) -> str:
    tag = element.tag
    return tag.rpartition("}")[2] if isinstance(tag, str) else ""


def _walk(element: etree._Element, inside: bool, found: list[str]) -> tuple[str, bool]:
    """The text of ``element`` as a reader sees it, and whether it holds a paragraph.

    Tabs and line breaks in runs read as spaces; nested paragraphs (text boxes)
    are set apart by line breaks; XML comments are no text. Paragraph texts,
    and texts outside any paragraph, are appended to ``found``.
    """
    name = _local(element)
    if name in _FLAGS:
        return "", False
    paragraph = name in _PARAGRAPHS
    parts = [" "] if name in _SEPARATORS and _local(element.getparent()) == "r" else []
    if element.text:
        parts.append(element.text)
    holds_paragraph = False
    for child in element:
        if isinstance(child.tag, str):
            text, child_holds = _walk(child, inside or paragraph, found)
            holds_paragraph = holds_paragraph or child_holds or _local(child) in _PARAGRAPHS
            parts.append(f"\n{text}\n" if _local(child) in _PARAGRAPHS else text)
        if child.tail:
            parts.append(child.tail)
    text = "".join(parts)
    if paragraph or not (inside or holds_paragraph):
        found.append(text)
    return text, holds_paragraph


def _xml_texts(data: bytes) -> Iterator[str]:
    """Every text a reader could see, per paragraph, and every attribute value.

    Text is read per paragraph (Word paragraph, Excel string), because run
    boundaries are no word boundaries ("Jan" + "sen" is "Jansen") but tabs and
    breaks are. Text outside paragraphs (properties, cell values) is read per
    element; elements holding paragraphs are not read again as a whole.
    """
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True, recover=True)
    root = etree.fromstring(data, parser)
    if root is None:
        yield data.decode("utf-8", "replace")
        return
    for element in root.iter():
        if isinstance(element.tag, str):
            yield from element.attrib.values()
        else:  # XML comment or processing instruction
            yield element.text or ""
    found: list[str] = []
    _walk(root, False, found)
    yield from found


def extract_texts(path: Path) -> Iterator[tuple[str, str]]:
    """(where, text) for all text and metadata in ``path``, its name included."""
    yield "bestandsnaam", path.name
    suffix = path.suffix.lower()
    if suffix in _OFFICE_SUFFIXES:
        with zipfile.ZipFile(path) as archive:
            for info in archive.infolist():
                data = archive.read(info)
                if info.filename.lower().endswith(_OFFICE_SUFFIXES):  # an embedded document
                    with tempfile.TemporaryDirectory(prefix="orsheet-leak-") as folder:
                        inner = Path(folder) / Path(info.filename).name
                        inner.write_bytes(data)
                        if not zipfile.is_zipfile(inner):  # unreadable: look at the raw bytes
                            yield info.filename, data.decode("latin-1")
                            continue
                        for where, text in extract_texts(inner):
                            yield f"{info.filename}: {where}", text
                    continue
                # Binary parts (images) are not read: random bytes look like short names.
                if info.filename.endswith((".xml", ".rels", ".vml")) and data.strip():
                    for text in _xml_texts(data):
                        yield info.filename, text
    elif suffix == ".pdf":
        yield from _pdf_texts(path)
    else:
        yield "tekst", path.read_text(encoding="utf-8-sig", errors="replace")


def _pdf_texts(path: Path) -> Iterator[tuple[str, str]]:
    from pypdf import PdfReader

    reader = PdfReader(path)
    for key, value in (reader.metadata or {}).items():
        yield f"metadata {key}", str(value)
    try:
        xmp = reader.xmp_metadata
    except Exception:  # noqa: BLE001 - pypdf raises various errors for odd XMP; the text check still runs
        xmp = None
    if xmp is not None:
        for text in _xml_texts(etree.tostring(xmp.rdf_root)):
            yield "XMP-metadata", text
    for number, page in enumerate(reader.pages, start=1):
        yield f"pagina {number}", page.extract_text() or ""


def find_leaks(paths: Sequence[Path], redactor: Redactor) -> list[FoundLeak]:
    leaks: list[FoundLeak] = []
    for path in paths:
        seen: dict[str, list[str]] = {}
        checked: set[str] = set()
        for where, text in extract_texts(path):
            # The same text comes up at several XML levels; a name needs letters.
            if text in checked or not any(c.isalpha() for c in text):
                continue
            checked.add(text)
            for leak in redactor.leaks(text):
                # Text is read at every level of the XML: a run's "Jan" is part of
                # the paragraph's "Jan de Vries" already reported for this part.
                earlier = seen.setdefault(where, [])
                if not any(leak.found in found for found in earlier):
                    earlier.append(leak.found)
                    leaks.append(FoundLeak(path.name, where, leak.found))
    return leaks


def check_leaks(paths: Sequence[Path], redactor: Redactor) -> None:
    """Raise :class:`WooLeakError` if any name remains in any of ``paths``."""
    leaks = find_leaks(paths, redactor)
    if leaks:
        raise WooLeakError(leaks)


@dataclass(frozen=True)
class UnknownName:
    """A probable person name in a file to publish that Personen does not list."""

    name: str
    files: tuple[str, ...]

    def __str__(self) -> str:
        return f"{self.name} ({', '.join(self.files)})"


class UnknownNamesError(InputError):
    """Names that look like people's, not in Personen: the export stops until they are marked."""

    def __init__(self, names: Sequence[UnknownName]):
        self.names = list(names)
        super().__init__(
            "Woo-export gestopt: in de te publiceren bestanden staan namen die niet in Personen staan; "
            f"er is niets gepubliceerd.\n{bullet_list(self.names, 30)}\n"
            "Zet elke naam in Personen (Openbaar = nee: wordt gelakt; ja: mag blijven staan), "
            "of, als het geen namen van personen zijn, exporteer vanaf de opdrachtregel met --accept-names."
        )


def find_unknown_names(paths: Sequence[Path], listed: Redactor) -> list[UnknownName]:
    """Probable person names (:func:`orsheet.redact.probable_names`) that Personen does not list
    (``listed``: :func:`orsheet.redact.listed_people`), in the Office and text files.

    PDFs are made from the Word files and are not read again.
    """
    where: dict[str, list[str]] = {}
    for path in paths:
        if path.suffix.lower() == ".pdf":
            continue
        checked: set[str] = set()
        for _, text in extract_texts(path):
            if text in checked or not (any(c.isupper() for c in text) or "@" in text):  # a name or an address
                continue
            checked.add(text)
            for name in unknown_names(text, listed):
                files = where.setdefault(name, [])
                if path.name not in files:
                    files.append(path.name)
    return [UnknownName(name, tuple(files)) for name, files in sorted(where.items())]
