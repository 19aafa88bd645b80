"""The PDF path, with the real LibreOffice: same text as the .docx, pages, nothing cut off."""

from __future__ import annotations

import re
import shutil
import subprocess
from collections import Counter
from datetime import date, time
from pathlib import Path

import pytest

from orsheet.agenda import build_agenda
from orsheet.documents.agenda_context import agenda_context
from orsheet.documents.render import AGENDA_TEMPLATE, convert_to_pdf, find_soffice, render_docx
from orsheet.model import OR_MEETING, AgendaItem, Meeting
from orsheet.services.agenda import generate_agenda
from orsheet.workbook.file import FileBackend
from tests.agenda_support import docx_lines, filled_workbook, load_cases

pytestmark = pytest.mark.libreoffice

SOFFICE = find_soffice()
needs_soffice = pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed")
needs_poppler = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils (pdftotext) not installed")


def pdf_text(path: Path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True).stdout


def words(text: str) -> list[str]:
    return [w for w in re.split(r"[\s-]+", text) if w]


def page_count(path: Path) -> int:
    from pypdf import PdfReader

    return len(PdfReader(str(path)).pages)


@needs_soffice
@needs_poppler
def test_pdf_of_14_september_has_every_item_time_and_the_overrun_note(tmp_path):
    workbook = filled_workbook(tmp_path)
    result = generate_agenda(FileBackend(workbook), workbook, date(2023, 9, 14), soffice=SOFFICE)
    assert result.pdf == workbook.parent / "Agenda's" / "Agenda OR-vergadering 2023-09-14.pdf"
    text = " ".join(pdf_text(result.pdf).split())
    case = load_cases("agendas.json")["2023-09-14"]
    for item, start in zip(case["items"], ["10:00", "10:05", "10:10", "10:25", "10:30", "10:45", "10:45", "11:15", "11:30", "11:40"]):
        assert start in text
        assert item["titel"] in text, item["titel"]
        for note_word in item["toelichting"].split()[:4]:
            assert note_word in text
    assert "15 minuten te lang" in text
    assert "Openstaande acties OR-vergadering" in text and "Artikel 24 overleg" not in text  # 339 is newer
    assert "OR-verkiezingen" in text
    assert page_count(result.pdf) <= 2


@needs_soffice
@needs_poppler
def test_pdf_has_every_word_of_the_word_document(tmp_path):
    workbook = filled_workbook(tmp_path)
    result = generate_agenda(FileBackend(workbook), workbook, date(2023, 10, 26), soffice=SOFFICE)
    docx_words = Counter(words(" ".join(docx_lines(result.docx)).replace(" | ", " ").replace(" / ", " ")))
    # pdftotext sets "5 m" in small print as "5m"; a line may break after a hyphen ("DOR-" / "werkgroepen").
    pdf_words = Counter(words(re.sub(r"\b(\d+)m\b", r"\1 m", pdf_text(result.pdf))))
    assert docx_words - pdf_words == Counter()  # nothing missing, no word broken or cut off


@needs_soffice
@needs_poppler
def test_long_agenda_runs_over_pages_with_every_item_and_no_cut_off_column(tmp_path):
    day = date(2023, 10, 12)
    meeting = Meeting(day, OR_MEETING, time(9), time(17), "Zaal", "Voorzitter", "Notulist", "OR")
    items = [AgendaItem(day, str(n), f"Onderwerp nummer {n} met een wat langere titel", 10, "Allen",
                        "Ter besluitvorming", row=n + 1) for n in range(1, 51)]
    docx = render_docx(AGENDA_TEMPLATE, agenda_context(build_agenda(meeting, [], items)), tmp_path / "lang.docx")
    converted = convert_to_pdf(docx, tmp_path / "lang.pdf", SOFFICE)
    assert converted.path is not None, converted.reason
    text = pdf_text(converted.path)
    for n in range(1, 51):
        assert f"Onderwerp nummer {n} met een" in text
    assert text.count("Ter besluitvorming") == 50  # the last column is never cut off
    assert 2 <= page_count(converted.path) <= 4  # about 25 items a page


def test_missing_libreoffice_gives_a_dutch_reason_instead_of_a_pdf(tmp_path):
    docx = tmp_path / "x.docx"
    docx.write_bytes(b"")
    result = convert_to_pdf(docx, tmp_path / "x.pdf", None)
    assert result.path is None
    assert "LibreOffice (soffice) is niet gevonden" in result.reason
    assert not (tmp_path / "x.pdf").exists()
