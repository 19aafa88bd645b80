"""Read minutes files (.docx, .txt/.md, .pdf) into paragraphs with heading levels.

The only module that opens a minutes file. It keeps the document's structure
the parser needs: which paragraphs are headings (Word heading styles, Markdown
"#", a bold numbered line such as "**4. Actie- en besluitenlijst**"), bullets,
and the text of tables. Every failure is a Dutch :class:`InputError` that
names the file.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

from orsheet.documents.minutes_tables import (
    action_table_paragraphs,
    header_cells,
    is_action_table,
    read_text_table,
    text_header,
)
from orsheet.errors import InputError
from orsheet.minutes.decisions import decision_in
from orsheet.minutes.markers import find_markers
from orsheet.minutes.numbers import mentions_closure
from orsheet.minutes.people import is_header_line
from orsheet.minutes.proposal import Paragraph
from orsheet.minutes.text import normalise

SUPPORTED = (".docx", ".docm", ".txt", ".md", ".pdf")
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"

_MARKDOWN_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*$")
_BOLD_LINE = re.compile(r"^\s*(?:\*\*|__)(.+?)(?:\*\*|__)\s*$")
_NUMBERED_HEADING = re.compile(r"^(\d+(?:\.\d+)*)\.?\s+\S")
# Bullet glyphs as text exports and PDF extraction give them ("\uf0b7" is Word's Symbol bullet).
_BULLET = re.compile(r"^\s*(?:->|=>|[-*•–▪◦●■□➢►→»\uf0b7\uf0a7\uf0d8\uf076]|o(?=\s)|\d+[.)](?=\s))\s*(?=\S)")


def read_minutes(path: Path) -> list[Paragraph]:
    """The paragraphs of a minutes file, or an InputError in Dutch."""
    path = Path(path)
    if not path.exists():
        raise InputError(f"Notulenbestand {path.name} bestaat niet ({path}).")
    if path.is_dir():
        raise InputError(f"{path} is een map, geen notulenbestand.")
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED:
        raise InputError(
            f"Notulenbestand {path.name}: soort {suffix or '(geen extensie)'} wordt niet ondersteund; "
            "gebruik .docx, .txt, .md of .pdf."
        )
    data = path.read_bytes()
    if not data.strip():
        raise InputError(f"Notulenbestand {path.name} is leeg.")
    if suffix in (".docx", ".docm"):
        paragraphs = _read_docx(path, data)
    elif suffix == ".pdf":
        paragraphs = _read_pdf(path)
    else:
        paragraphs = paragraphs_from_text(_decode(data))
    if not any(p.text.strip() for p in paragraphs):
        raise InputError(f"Notulenbestand {path.name} bevat geen tekst.")
    return paragraphs


def _decode(data: bytes) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


# --------------------------------------------------------------- plain text

def paragraphs_from_text(text: str, *, loose_headings: bool = False) -> list[Paragraph]:
    """Plain text or Markdown: blank lines separate paragraphs; headings by shape.

    A line right below a bullet continues it (Markdown's lazy continuation).
    ``loose_headings`` is for PDF text, where every wrapped line is a line and
    blank lines are rare: a short unpunctuated line between sentences is a
    heading, a bullet ends at a full stop followed by a capital, and a word
    hyphenated at the line end is joined again.
    """
    paragraphs: list[Paragraph] = []
    current: list[str] = []
    bullet_open = False

    def flush() -> None:
        nonlocal bullet_open
        if current:
            paragraphs.append(Paragraph(_join_lines(current), bullet=bullet_open))
            current.clear()
        bullet_open = False

    all_lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    table_ends = 0
    field_open = False  # "Aanwezig: ..." stands alone; only its wrapped tail continues it
    for index, raw in enumerate(all_lines):
        line = raw.strip()
        if index < table_ends:
            continue  # a row of the action table read below
        if not line:
            flush()
            continue
        if field_open and current and not _continues_field(current[-1], line):
            flush()
        field_open = False
        if _is_field_line(line):
            flush()
            current.append(line)
            field_open = True
            continue
        header = text_header(line)
        if header:
            flush()
            found, used = read_text_table(all_lines[index + 1 :], header, heading_level)
            paragraphs.extend(found)
            table_ends = index + 1 + used
            continue
        alone = _stands_alone(all_lines, index) if loose_headings else not current and _heads_block(all_lines, index)
        level = heading_level(line) or (3 if alone else 0)
        bullet = _BULLET.match(line)
        if level:
            flush()
            paragraphs.append(Paragraph(_heading_text(line), level=level))
        elif bullet:
            flush()
            current.append(line[bullet.end() :])
            bullet_open = True
        elif bullet_open and loose_headings and current[-1][-1:] in ".!?" and line[:1].isupper():
            flush()
            current.append(line)
        elif current and (
            _MARKER_LINE.match(line) and not (_WHO_LINE.match(line) and _WHO_LINE.match(current[0]))
            or bullet_open and _ends_short_line(current[-1], line)
        ):
            # "Actie: ..." on its own line starts a sentence even where the line above has no full stop
            # (PDF text); a capitalised line below a short bullet is no continuation of it.
            flush()
            current.append(line)
        else:
            current.append(line)
    flush()
    return paragraphs


# The lines of the minutes' header ("Datum: ...", "Aanwezig: ...") are one paragraph each, also
# where the secretary put no blank line between them.
_FIELD_LINE = re.compile(r"^(?:datum|tijd|aanvang|locatie|plaats|vergaderdatum|vergaderplaats)\s*:", re.IGNORECASE)


def _is_field_line(line: str) -> bool:
    return bool(_FIELD_LINE.match(line)) or is_header_line(line)


def _continues_field(previous: str, line: str) -> bool:
    """A header line wrapped in PDF text: its tail starts lower case or with a bracket, or follows a comma."""
    return line[:1].islower() or line[:1] == "(" or previous.rstrip().endswith((",", "&")) or previous.rstrip().endswith(" en")


_MARKER_LINE = re.compile(
    r"^(?:(?i:actie|actiepunt|actiepunten|acties|besluit|afspraak)\b\s*:?|AP\s*\d|(?:A|B|T|TZ)\s?\d+[-./]\d|"
    r"(?i:wie|wat|wanneer)\s*:)"
)
# "Wie: ..." then "Wat: ..." and "Wanneer: ...": one action, so one paragraph.
_WHO_LINE = re.compile(r"^(?:wie|wat|wanneer|deadline|actiehouder)\s*:", re.IGNORECASE)


def _ends_short_line(previous: str, line: str) -> bool:
    return line[:1].isupper() and len(previous) < 60 and previous.rstrip()[-1:] not in ",;:-("


def _join_lines(lines: list[str]) -> str:
    text = lines[0]
    for line in lines[1:]:
        hyphenated = re.search(r"[A-Za-zÀ-ÿ]-$", text) and line[:1].islower()
        text = f"{text}{line}" if hyphenated else f"{text} {line}"
    return text


def _stands_alone(lines: list[str], index: int) -> bool:
    """A short line without end punctuation between a finished sentence and a new one."""
    line = lines[index].strip()
    if not line or len(line) > 70 or line[-1] in ".,;:!?)" or not line[0].isupper() or _BULLET.match(line):
        return False
    before = lines[index - 1].strip() if index else ""
    after = lines[index + 1].strip() if index + 1 < len(lines) else ""
    return (not before or before[-1] in ".!?:)") and bool(after) and (after[0].isupper() or bool(_BULLET.match(after)))


def _heads_block(lines: list[str], index: int) -> bool:
    """Plain text: a short first line of a block, without end punctuation, above a line that starts a sentence.

    "Parkeerterrein en beveiliging" over "De OC is akkoord ...": an agenda item without a number.
    A line of names or a label with a colon is no heading; a hard-wrapped paragraph's first line is
    longer than a heading and does not end at a word the next line's capital follows.
    """
    line = lines[index].strip()
    if len(line) > 50 or len(line.split()) > 7 or line[-1] in ".,;:!?-" or not line[0].isupper():
        return False
    if _BULLET.match(line) or _is_field_line(line) or _MARKER_LINE.match(line) and ":" in line:
        return False  # "Actiepunten vorige keer" is a heading, "Actie: ..." a marker
    after = lines[index + 1].strip() if index + 1 < len(lines) else ""
    return bool(after) and (after[0].isupper() or bool(_BULLET.match(after))) and not _is_field_line(after)


def heading_level(line: str) -> int:
    """The heading level a line of text looks like, 0 for body text.

    Markdown "#" gives its own level; a bold line or a short numbered line
    without a closing period ("5.1 Organisatie en besturing") counts by the
    depth of its number.
    """
    stripped = line.strip()
    markdown = _MARKDOWN_HEADING.match(stripped)
    if markdown:
        return len(markdown.group(1))
    bold = _BOLD_LINE.match(stripped)
    candidate = bold.group(1).strip() if bold else stripped
    if _says_something(candidate):
        return 0
    numbered = _NUMBERED_HEADING.match(candidate)
    if bold and len(candidate) <= 100 and not candidate.endswith((".", ":")):
        return 1 + numbered.group(1).count(".") if numbered else 1
    if numbered and len(candidate) <= 80 and not candidate.endswith((".", ",", ";", ":", "?")):
        words = candidate.split()
        if len(words) >= 2 and words[1][:1].isupper():
            return 1 + numbered.group(1).count(".")
    return 0


def _says_something(text: str) -> bool:
    """A bold line that is a marker or a decision is content, not a heading."""
    text = normalise(text)
    return bool(find_markers(text) or decision_in(text) or mentions_closure(text))


def _heading_text(line: str) -> str:
    stripped = line.strip()
    markdown = _MARKDOWN_HEADING.match(stripped)
    if markdown:
        stripped = markdown.group(2)
    bold = _BOLD_LINE.match(stripped)
    return (bold.group(1) if bold else stripped).strip(" *_")


# ------------------------------------------------------------------- .docx

# The agenda's minutes skeleton prints each item's purpose in style "Toelichting":
# that is the agenda speaking, not the minutes, so it is not read.
_SKELETON_ONLY_STYLES = {"Toelichting"}


def _read_docx(path: Path, data: bytes) -> list[Paragraph]:
    if data.startswith(_OLE_MAGIC):
        raise InputError(
            f"Notulenbestand {path.name} is beveiligd met een wachtwoord (of is een oud .doc-bestand). "
            "Sla het op als gewoon .docx zonder wachtwoord en probeer het opnieuw."
        )
    if not zipfile.is_zipfile(path):
        raise InputError(f"Notulenbestand {path.name} is geen geldig Word-document (beschadigd of geen .docx).")
    import docx  # python-docx; imported here so the CLI starts fast
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = docx.Document(str(path))
    except PackageNotFoundError:
        raise InputError(f"Notulenbestand {path.name} is geen geldig Word-document (beschadigd of geen .docx).") from None
    except Exception:  # python-docx/lxml fail in many ways on damaged parts; any of them means "corrupt"
        raise InputError(f"Notulenbestand {path.name} is beschadigd en kan niet worden gelezen.") from None
    styles = _Styles(document)
    paragraphs: list[Paragraph] = []
    for block in _blocks(document):
        if hasattr(block, "rows"):
            paragraphs.extend(_table_paragraphs(block, styles))
        elif styles.paragraph_style(block) not in _SKELETON_ONLY_STYLES:
            paragraphs.append(_docx_paragraph(block, styles))
    return [p for p in paragraphs if p.text.strip() and p.text.strip() != "…"]


class _Styles:
    """Style names and bold character styles by style id, looked up once.

    python-docx's ``paragraph.style`` searches every style of the document on
    each call; on a 20-page document that was nine tenths of the reading time.
    """

    def __init__(self, document) -> None:
        self.names: dict[str, str] = {}
        self.bold: set[str] = set()
        default = ""
        for style in document.styles:
            self.names[style.style_id] = style.name or ""
            if getattr(style, "font", None) is not None and style.font.bold:
                self.bold.add(style.style_id)
            if style.type == 1 and style._element.default:  # WD_STYLE_TYPE.PARAGRAPH
                default = style.name or ""
        self.default = default

    def paragraph_style(self, paragraph) -> str:
        properties = paragraph._p.pPr
        if properties is None or properties.pStyle is None:
            return self.default
        return self.names.get(properties.pStyle.val, self.default)

    def run_is_bold(self, run) -> bool:
        if run.bold:
            return True
        properties = run._r.rPr
        return properties is not None and properties.rStyle is not None and properties.rStyle.val in self.bold


_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_HIDDEN = {_W + "del", _W + "moveFrom"}  # tracked deletions: Word does not show them
_TEXT_OF = {_W + "t": None, _W + "tab": "\t", _W + "br": "\n", _W + "cr": "\n"}


def _blocks(document):
    """The body's paragraphs and tables in reading order, also those inside content controls
    (``w:sdt``, as many council templates have: "Klik hier om tekst in te voeren")."""
    from docx.table import Table
    from docx.text.paragraph import Paragraph as WordParagraph

    def walk(parent):
        for child in parent.iterchildren():
            if child.tag == _W + "p":
                yield WordParagraph(child, document._body)
            elif child.tag == _W + "tbl":
                yield Table(child, document._body)
            elif child.tag == _W + "sdt":
                content = child.find(_W + "sdtContent")
                if content is not None:
                    yield from walk(content)

    yield from walk(document.element.body)


def visible_text(element) -> str:
    """A paragraph's text as Word shows it: runs also inside tracked insertions, content controls, simple
    fields and hyperlinks; tracked deletions and field codes left out (python-docx reads direct runs only)."""
    parts = []
    for node in element.iter(*_TEXT_OF):
        if any(ancestor.tag in _HIDDEN for ancestor in node.iterancestors()):
            continue
        shown = _TEXT_OF[node.tag]
        parts.append(node.text or "" if shown is None else shown)
    return "".join(parts)


def _docx_paragraph(paragraph, styles: _Styles) -> Paragraph:
    text = visible_text(paragraph._p)
    style = styles.paragraph_style(paragraph)
    level = _style_heading_level(style)
    if not level and text.strip() and _all_bold(paragraph, styles):
        level = heading_level(f"**{text.strip()}**")
    bullet = "list" in style.lower() or paragraph._p.pPr is not None and paragraph._p.pPr.numPr is not None
    if level:
        return Paragraph(_heading_text(text), level=level)
    return Paragraph(text, bullet=bool(bullet))


def _style_heading_level(style: str) -> int:
    match = re.match(r"(?i)^(?:heading|kop)\s*(\d)", style)
    if match:
        return int(match.group(1))
    return 1 if style.lower() in ("title", "titel") else 0


def _all_bold(paragraph, styles: _Styles) -> bool:
    runs = [r for r in paragraph.runs if r.text.strip()]
    return bool(runs) and all(styles.run_is_bold(r) for r in runs)


_ITEM_COLUMNS = {"agendapunt", "agenda", "onderwerp", "punt", "agendapunten"}


def _table_paragraphs(table, styles: _Styles) -> list[Paragraph]:
    """Every cell's paragraphs in reading order; merged cells once.

    An action table (a number or description column and a status or done
    column, as in the minutes skeleton or "Datum Omschrijving Naam Einddatum
    Voltooid") is the status of existing actions, read by row: a row marked
    done becomes "Actie 325 (Overdracht): afgerond." or, without a number,
    "<omschrijving> is afgerond." (matched against the open actions later);
    other rows are list content, never new actions.
    """
    rows = [[cell.text.strip() for cell in row.cells] for row in table.rows]
    header = header_cells(rows[0]) if rows else []
    if is_action_table(header):
        return action_table_paragraphs(rows[1:], header)
    # "Agendapunt | Bespreking | Besluit / actie": each row is an agenda item, its first cell the heading.
    by_item = len(rows) > 1 and len(header) > 1 and header[0] in _ITEM_COLUMNS
    paragraphs: list[Paragraph] = []
    seen: set = set()  # the cell elements themselves: merged cells repeat them
    for number, row in enumerate(table.rows):
        if by_item and number == 0:
            continue  # the column names
        for column, cell in enumerate(row.cells):
            if cell._tc in seen:
                continue
            seen.add(cell._tc)
            if by_item and column == 0:
                if cell.text.strip():
                    paragraphs.append(Paragraph(_heading_text(cell.text.strip()), level=2))
                continue
            for block in cell.iter_inner_content():
                if hasattr(block, "rows"):
                    paragraphs.extend(_table_paragraphs(block, styles))
                else:
                    paragraphs.append(_docx_paragraph(block, styles))
    return paragraphs


# -------------------------------------------------------------------- .pdf

def _read_pdf(path: Path) -> list[Paragraph]:
    import logging

    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    # pypdf logs English warnings about damaged files; the user gets our Dutch message instead.
    logging.getLogger("pypdf").setLevel(logging.ERROR)

    try:
        reader = PdfReader(str(path))
        if reader.is_encrypted and not reader.decrypt(""):
            raise InputError(f"Notulenbestand {path.name} is beveiligd met een wachtwoord.")
        text = _join_pages([page.extract_text() or "" for page in reader.pages])
    except InputError:
        raise
    except (PdfReadError, ValueError, KeyError, OSError):
        raise InputError(f"Notulenbestand {path.name} is geen leesbare PDF (beschadigd of geen PDF).") from None
    except Exception as error:
        if "crypt" in type(error).__name__.lower() or "password" in str(error).lower():
            raise InputError(f"Notulenbestand {path.name} is beveiligd met een wachtwoord.") from None
        raise
    return paragraphs_from_text(text, loose_headings=True)


def _join_pages(pages: list[str]) -> str:
    """Page texts in order; a paragraph running on over a page break stays one."""
    text = ""
    for page in pages:
        page = page.strip("\n")
        runs_on = text.rstrip() and text.rstrip()[-1] not in ".!?:)" and page.lstrip()[:1].islower()
        text += ("\n" if runs_on else "\n\n") + page if text else page
    return text
