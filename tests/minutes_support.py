"""Test helpers for the minutes feature: real action lists, .docx and .pdf builders.

The action lists come from the published lists of 28 Sept and 12 Oct 2023
(``tests/data/minutes/actielijst-*.json``, cut from shared/cases). The .docx
and .pdf versions of the minutes are built here from the checked-in .txt, so
every format is tested on the same real text.
"""

from __future__ import annotations

import json
import re
import shutil
from datetime import date
from pathlib import Path

from orsheet import model, schema

DATA = Path(__file__).parent / "data" / "minutes"
TEMPLATE = Path(__file__).resolve().parent.parent / "workbooks" / "orsheet.xlsm"

# Actions 346 and 347 went to the OV list (one shared sequence); the OR list
# of 26 Oct jumps from 345 to 348. Their text is not published; these stand in.
OV_ACTIONS = [
    {"nr": 346, "onderwerp": "Sturingsinformatie", "omschrijving": "Inhoudelijk expert uitnodigen voor toelichting",
     "verantwoordelijke": "5.1.2e", "overleg": model.OV_MEETING, "datum": "2023-10-19", "deadline": "", "status": "",
     "opmerkingen": ""},
    {"nr": 347, "onderwerp": "Organisatie en Besturing", "omschrijving": "Schriftelijke reactie op brief OR over O&B",
     "verantwoordelijke": "5.1.2e", "overleg": model.OV_MEETING, "datum": "2023-10-19", "deadline": "", "status": "",
     "opmerkingen": ""},
]


def _cell_date(text: str) -> date | str | None:
    if not text:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        return text  # free text such as "eind okt"


def action_rows(list_date: str, extra: list[dict] = ()) -> list[dict]:
    """The published OR action list of ``list_date`` as Acties rows."""
    data = json.loads((DATA / f"actielijst-{list_date}.json").read_text(encoding="utf-8"))
    rows = []
    for item in [*data["actions"], *extra]:
        rows.append(
            {
                schema.NR: item["nr"],
                schema.ONDERWERP: item["onderwerp"],
                schema.OMSCHRIJVING: item["omschrijving"],
                schema.VERANTWOORDELIJKE: item["verantwoordelijke"],
                schema.OVERLEG: item["overleg"],
                schema.DATUM: _cell_date(item["datum"]),
                schema.DEADLINE: _cell_date(item["deadline"]),
                schema.STATUS: item["status"],
                schema.OPMERKINGEN: item["opmerkingen"],
            }
        )
    return rows


def memory_workbook(list_date: str, extra: list[dict] = ()):
    from orsheet.workbook.memory import MemoryBackend

    return MemoryBackend.new({schema.ACTIONS.name: action_rows(list_date, extra)})


def file_workbook(tmp_path: Path, list_date: str, extra: list[dict] = ()) -> Path:
    """A real .xlsm (the template) holding the published action list."""
    from orsheet.workbook.base import AppendRows
    from orsheet.workbook.file import FileBackend

    path = tmp_path / "or-secretariaat.xlsm"
    shutil.copyfile(TEMPLATE, path)
    FileBackend(path).write([AppendRows(schema.ACTIONS.name, action_rows(list_date, extra))])
    return path


# ------------------------------------------------------------------ .docx


def docx_from_minutes_text(text_path: Path, docx_path: Path, *, heading_styles: bool = True) -> Path:
    """Build a Word document from a minutes text the way Word would hold it.

    "#" lines become Heading styles, "**bold**" lines bold paragraphs (or
    Heading styles with ``heading_styles``), "- " lines List Bullet
    paragraphs, "*...*" italic runs; blank lines separate paragraphs.
    """
    import docx

    document = docx.Document()
    buffer: list[str] = []

    def flush() -> None:
        if buffer:
            _add_runs(document.add_paragraph(), " ".join(buffer))
            buffer.clear()

    for raw in text_path.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        heading = re.match(r"^(#{1,6})\s+(.*)$", line)
        bold = re.match(r"^\*\*(.+)\*\*$", line)
        if not line:
            flush()
        elif heading:
            flush()
            document.add_heading(heading.group(2).strip("* "), level=min(len(heading.group(1)), 9))
        elif bold and heading_styles:
            flush()
            document.add_heading(bold.group(1), level=2)
        elif bold:
            flush()
            document.add_paragraph().add_run(bold.group(1)).bold = True
        elif re.match(r"^[-•]\s+", line):
            flush()
            _add_runs(document.add_paragraph(style="List Bullet"), re.sub(r"^[-•]\s+", "", line))
        else:
            buffer.append(line)
    flush()
    document.save(docx_path)
    return docx_path


def _add_runs(paragraph, text: str) -> None:
    """Markdown emphasis -> runs: **bold**, *italic*."""
    for part in re.split(r"(\*\*[^*]+\*\*|\*[^*]+\*)", text):
        if part.startswith("**") and part.endswith("**") and len(part) > 4:
            paragraph.add_run(part[2:-2]).bold = True
        elif part.startswith("*") and part.endswith("*") and len(part) > 2:
            paragraph.add_run(part[1:-1]).italic = True
        elif part:
            paragraph.add_run(part.replace("*", ""))


# ------------------------------------------------------------------- .pdf


def pdf_from_lines(lines: list[str], pdf_path: Path) -> Path:
    """A minimal one-page PDF with the lines as text (Helvetica, WinAnsi)."""

    def escape(text: str) -> bytes:
        raw = text.encode("cp1252", errors="replace")
        return raw.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")

    content = b"BT /F1 10 Tf 40 800 Td 12 TL\n" + b"".join(b"(" + escape(l) + b") Tj T*\n" for l in lines) + b"ET"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    pdf_path.write_bytes(bytes(out))
    return pdf_path
