"""A Woo export where one document cannot be made publishes nothing (docs/woo.md, "all or nothing").

One agenda damaged, password-protected or holding a damaged embedded file, one PDF that the PDF
program does not make, one file whose place in the output folder is taken by a folder: each stops
the export with the document named, and the output folder is as it was (an earlier publication in
it unchanged). The files are real: Word documents made by python-docx, one encrypted the way Word
encrypts (msoffcrypto-tool), PDFs by LibreOffice.
"""

from __future__ import annotations

import io
import sys
import zipfile
from pathlib import Path

import docx
import pytest

from orsheet.documents.pdf import find_soffice
from orsheet.errors import OrsheetError
from orsheet.services.woo import woo_export
from tests.test_woo_export import PERIOD, build_agenda, memory_workbook

AGENDA = "Agenda Overlegvergadering 2023-10-19.docx"


@pytest.fixture
def agendas(tmp_path) -> Path:
    """Two agendas in the period, made by python-docx as tests/test_woo_export.py makes them."""
    folder = tmp_path / "Agenda's"
    folder.mkdir()
    build_agenda(folder / "Agenda OR-vergadering 2023-09-14.docx")
    build_agenda(folder / AGENDA)
    return folder


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file under ``folder`` (relative name -> bytes), folders as empty entries."""
    return {str(p.relative_to(folder)): (p.read_bytes() if p.is_file() else b"") for p in sorted(folder.rglob("*"))}


@pytest.fixture
def earlier(tmp_path) -> Path:
    """An output folder holding an earlier (clean) publication."""
    out = tmp_path / "publicatie"
    out.mkdir()
    (out / "Actielijst.docx").write_bytes(b"de actielijst van vorige maand")
    (out / "leesmij.txt").write_text("Woo-publicatie van de ondernemingsraad")
    return out


def export_refused(out: Path, agenda_dir: Path, **options) -> str:
    with pytest.raises(OrsheetError) as refused:
        woo_export(memory_workbook(), out, PERIOD, agenda_dir=agenda_dir, pdf=False, **options)
    return str(refused.value)


def test_a_damaged_agenda_stops_the_export_naming_it_and_no_folder_is_made(tmp_path, agendas):
    whole = (agendas / AGENDA).read_bytes()
    (agendas / AGENDA).write_bytes(whole[: len(whole) // 2])  # cut off, as an interrupted copy leaves it
    out = tmp_path / "woo"
    message = export_refused(out, agendas)
    assert message.startswith(f"Woo-export afgebroken: {AGENDA} is geen geldig Office-bestand")
    assert message.endswith("Er is niets gepubliceerd.")
    assert not out.exists()


def test_a_password_protected_agenda_stops_the_export_and_leaves_an_earlier_publication_as_it_was(agendas, earlier):
    from msoffcrypto.format.ooxml import OOXMLFile

    encrypted = io.BytesIO()
    with open(agendas / AGENDA, "rb") as plain:
        OOXMLFile(plain).encrypt("geheim", encrypted)
    (agendas / AGENDA).write_bytes(encrypted.getvalue())
    before = snapshot(earlier)
    message = export_refused(earlier, agendas)
    assert f"{AGENDA} is met een wachtwoord beveiligd" in message and "Er is niets gepubliceerd." in message
    assert snapshot(earlier) == before


def test_a_damaged_file_embedded_in_an_agenda_is_named_by_its_agenda(tmp_path, agendas):
    path = agendas / AGENDA
    with zipfile.ZipFile(path, "a") as archive:
        archive.writestr("word/embeddings/Microsoft_Word_Document.docx", b"PK\x03\x04 afgebroken")
    message = export_refused(tmp_path / "woo", agendas)
    assert message.startswith(f"Woo-export afgebroken: in {AGENDA} is een ingesloten bestand onleesbaar: "
                              "Microsoft_Word_Document.docx is geen geldig Office-bestand"), message
    assert not (tmp_path / "woo").exists()


def test_a_folder_where_one_file_goes_publishes_nothing_and_puts_the_earlier_files_back(agendas, earlier):
    """The move into the output folder fails half-way (Actielijst.docx is in place, the folder named
    Besluitenlijst.docx stops the rest): the files moved are taken out again, the earlier ones put back."""
    (earlier / "Besluitenlijst.docx").mkdir()
    (earlier / "Besluitenlijst.docx" / "notitie.txt").write_text("van de secretaris")
    before = snapshot(earlier)
    message = export_refused(earlier, agendas)
    assert "dit is een map, geen bestand" in message and "Besluitenlijst.docx" in message
    assert "Er is niets gepubliceerd." in message
    assert snapshot(earlier) == before


def test_a_new_export_into_the_folder_replaces_the_earlier_files_of_the_same_name(agendas, earlier):
    result = woo_export(memory_workbook(), earlier, PERIOD, agenda_dir=agendas, pdf=False)
    names = sorted(p.name for p in earlier.iterdir())
    assert names == sorted([f.name for f in result.files] + ["leesmij.txt"])  # no staging folder left
    assert (earlier / "Actielijst.docx").read_bytes() != b"de actielijst van vorige maand"
    assert docx.Document(earlier / "Actielijst.docx").paragraphs  # the new list, a real Word file


@pytest.mark.skipif(find_soffice() is None, reason="LibreOffice (soffice) is needed to make the PDFs")
def test_a_pdf_the_pdf_program_does_not_make_publishes_nothing(tmp_path, agendas, earlier, monkeypatch):
    """LibreOffice itself, with one document left out of its run (as when it skips a file it cannot open)."""
    program = tmp_path / "soffice-zonder-besluitenlijst"
    program.write_text(f"#!{sys.executable}\nimport subprocess, sys\n"
                       "args = [a for a in sys.argv[1:] if not a.endswith('Besluitenlijst.docx')]\n"
                       f"sys.exit(subprocess.call([{find_soffice()!r}, *args]))\n")
    program.chmod(0o755)
    monkeypatch.setenv("ORSHEET_SOFFICE", str(program))
    before = snapshot(earlier)
    with pytest.raises(OrsheetError) as refused:
        woo_export(memory_workbook(), earlier, PERIOD, agenda_dir=agendas, pdf=True, pdf_engine="libreoffice")
    assert str(refused.value) == ("Woo-export afgebroken: geen PDF gemaakt: LibreOffice kon het bestand niet omzetten "
                                  "(geen PDF van Besluitenlijst.pdf); er is niets gepubliceerd")
    assert snapshot(earlier) == before
    assert not list(tmp_path.glob("**/Actielijst.pdf"))  # the PDFs that were made are gone with the staging folder


def test_the_cli_says_nothing_was_published_and_exits_1(tmp_path, agendas):
    from tests.support.cli import run

    (agendas / AGENDA).write_bytes(b"geen Word-document")
    workbook = tmp_path / "or.xlsm"
    assert run("new", workbook).exit_code == 0
    result = run("woo-export", workbook, "--out", tmp_path / "pub", "--agendas", agendas, "--no-pdf")
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert f"{AGENDA} is geen geldig Office-bestand" in result.output and "Er is niets gepubliceerd." in result.output
    assert not (tmp_path / "pub").exists()


def test_two_agendas_whose_names_differ_only_in_a_redacted_name_are_both_published(tmp_path):
    folder = tmp_path / "Agenda's"
    folder.mkdir()
    build_agenda(folder / "Agenda Overleg met Jan de Vries 2023-10-12.docx")
    build_agenda(folder / "Agenda Overleg met Anna Bakker 2023-10-12.docx")
    result = woo_export(memory_workbook(), tmp_path / "woo", PERIOD, agenda_dir=folder, pdf=False)
    names = sorted(f.name for f in result.files if f.name.startswith("Agenda"))
    assert names == ["Agenda Overleg met 5.1.2e 2023-10-12 (2).docx", "Agenda Overleg met 5.1.2e 2023-10-12.docx"]
    listed = [file for entry in result.documents for file in entry.files if file.startswith("Agenda")]
    assert sorted(listed) == names  # the inventory names each of them
