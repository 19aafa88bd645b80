"""The PDF path, with the real LibreOffice, checked as a reader sees the pages.

``pdftotext -layout`` gives the text line by line as printed and ``pdffonts``
the fonts in the file: every action number and date on one line, no header
broken inside a word, headings never the last line of a page, and only the
house font (Arial, shown by LibreOffice as Liberation Sans), embedded.
"""

from __future__ import annotations

import re
import shutil
from collections import Counter
from datetime import date, time
from pathlib import Path

import pytest

from orsheet.agenda import build_agenda
from orsheet.documents.agenda_context import agenda_context
from orsheet.build.word_templates import ACTION_COLUMNS
from orsheet.documents.pdf import convert_to_pdf, find_soffice
from orsheet.documents.render import AGENDA_TEMPLATE, MINUTES_TEMPLATE, render_docx
from orsheet.documents.agenda_context import minutes_context
from orsheet.model import OR_MEETING, Action, AgendaItem, Deadline, Meeting
from orsheet.services.agenda import generate_agenda
from orsheet.workbook.file import FileBackend
from tests.agenda_support import docx_lines, filled_workbook, load_cases
from tests.support.pdf_reading import HOUSE_FONT_FAMILIES, page_texts, pdf_fonts, pdf_text

pytestmark = pytest.mark.libreoffice

SOFFICE = find_soffice()
needs_soffice = pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed")
needs_poppler = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils (pdftotext) not installed")


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
    for item, start in zip(case["items"], ["10.00", "10.05", "10.10", "10.25", "10.30", "10.45", "10.45", "11.15", "11.30", "11.40"]):
        assert start in text
        assert item["titel"] in text, item["titel"]
        for note_word in item["toelichting"].split()[:4]:
            assert note_word in text
    assert "15 minuten te lang" in text
    assert "Openstaande acties OR-vergadering" in text and "Artikel 24 overleg" not in text  # 339 is newer
    assert "OR-verkiezingen" in text
    assert page_count(result.pdf) == 2  # the agenda, then the action list in landscape


@needs_soffice
@needs_poppler
def test_pdf_has_every_word_of_the_word_document(tmp_path):
    workbook = filled_workbook(tmp_path)
    result = generate_agenda(FileBackend(workbook), workbook, date(2023, 10, 26), soffice=SOFFICE)
    docx_words = Counter(words(" ".join(docx_lines(result.docx)).replace(" | ", " ").replace(" / ", " ")))
    # pdftotext sets "5 m" in small print as "5m"; a line may break after a hyphen ("DOR-" / "werkgroepen").
    pdf_words = Counter(words(re.sub(r"\b(\d+)m\b", r"\1 m", pdf_text(result.pdf))))
    assert docx_words - pdf_words == Counter()  # nothing missing, no word broken or cut off


LONG_SUBJECT = "Onderwerp nummer {n} met een wat langere titel"


def _long_agenda(tmp_path: Path, template: Path = AGENDA_TEMPLATE, build=agenda_context) -> Path:
    """50 items and 40 open actions with five-digit numbers, rendered and converted."""
    day = date(2023, 10, 12)
    meeting = Meeting(day, OR_MEETING, time(9), time(17), "Zaal", "Voorzitter", "Notulist", "OR")
    items = [AgendaItem(day, str(n), LONG_SUBJECT.format(n=n), 10, "Allen", "Ter besluitvorming", row=n + 1)
             for n in range(1, 51)]
    actions = [Action(99950 + n, "Overlegvergadering", "Verantwoordelijke zoeken voor de opvolging",
                      "Jan de Vries", OR_MEETING, date(2022, 1, 20), Deadline(date(2023, 12, 31)),
                      "in behandeling", "Besproken in de Overlegvergadering")
               for n in range(40)]
    docx = render_docx(template, build(build_agenda(meeting, [], items, actions)), tmp_path / f"lang-{template.stem}.docx")
    converted = convert_to_pdf([docx], tmp_path, soffice=SOFFICE)
    assert converted.path is not None, converted.reason
    return converted.path


@pytest.fixture(scope="module")
def long_agenda(tmp_path_factory) -> Path:
    return _long_agenda(tmp_path_factory.mktemp("long-agenda"))


@needs_soffice
@needs_poppler
def test_long_agenda_runs_over_pages_with_every_item_and_no_cut_off_column(long_agenda):
    text = pdf_text(long_agenda)
    for n in range(1, 51):
        assert f"Onderwerp nummer {n} met een" in text
    assert text.count("Ter besluitvorming") == 50  # the last column is never cut off, never wrapped
    assert 3 <= page_count(long_agenda) <= 6


@needs_soffice
@needs_poppler
def test_every_five_digit_action_number_and_every_date_is_on_one_line(long_agenda):
    tokens = Counter(pdf_text(long_agenda).split())
    assert all(tokens[str(99950 + n)] == 1 for n in range(40))
    assert tokens["20-01-2022"] == 40 and tokens["31-12-2023"] == 40
    for broken in ("9995", "20-01-", "31-12-"):  # what a number or date cut over two lines leaves behind
        assert tokens[broken] == 0


@needs_soffice
@needs_poppler
def test_no_header_or_long_word_of_the_action_list_is_broken_inside_a_word(long_agenda):
    tokens = Counter(pdf_text(long_agenda).split())
    for title, _, _ in ACTION_COLUMNS:
        assert tokens[title] >= 1, title  # repeated on every page of the list
    assert tokens["Overlegvergadering"] == 80  # the subject (3.2 cm) and the remark (3.3 cm)
    assert tokens["Verantwoordelijke"] == tokens["Nr"] + 40  # every page's header, and each description


@needs_soffice
@needs_poppler
def test_headings_are_never_the_last_line_of_a_page(long_agenda):
    for number, page in enumerate(page_texts(long_agenda), start=1):
        lines = [line.strip() for line in page.splitlines() if line.strip()]
        body = [line for line in lines if "pagina" not in line]  # the footer
        assert body and not body[-1].startswith(("Openstaande acties", "Agenda OR-vergadering")), number


@needs_soffice
@needs_poppler
def test_only_the_house_font_is_used_and_every_font_is_embedded(long_agenda, tmp_path):
    minutes = _long_agenda(tmp_path, MINUTES_TEMPLATE, minutes_context)
    for pdf in (long_agenda, minutes):
        fonts = pdf_fonts(pdf)
        assert fonts and all(embedded for _, embedded in fonts), fonts
        families = {name.split("-")[0] for name, _ in fonts}
        assert families <= HOUSE_FONT_FAMILIES, families  # no DejaVu or other fallback


@needs_soffice
@needs_poppler
def test_minutes_skeleton_keeps_every_number_and_date_whole(tmp_path):
    tokens = Counter(pdf_text(_long_agenda(tmp_path, MINUTES_TEMPLATE, minutes_context)).split())
    assert all(tokens[str(99950 + n)] == 1 for n in range(40))
    assert tokens["20-01-2022"] == 40 and tokens["Verslag"] >= 1


def test_missing_libreoffice_and_word_give_a_dutch_reason_instead_of_a_pdf(tmp_path, monkeypatch):
    monkeypatch.setenv("ORSHEET_SOFFICE", str(tmp_path / "geen-soffice"))
    monkeypatch.delenv("ORSHEET_PDF", raising=False)
    docx = tmp_path / "x.docx"
    docx.write_bytes(b"")
    result = convert_to_pdf([docx], tmp_path)
    assert result.paths == [] and result.path is None
    assert "Word en LibreOffice (soffice) zijn niet gevonden" in result.reason
    assert not (tmp_path / "x.pdf").exists()
