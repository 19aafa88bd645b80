"""The Woo export end to end: lists, agendas, inventory, leak check, CLI."""

from __future__ import annotations

import csv
import hashlib
import json
import shutil
from collections import Counter
from datetime import date
from pathlib import Path

import docx
import openpyxl
import pytest
from click.testing import CliRunner

from orsheet.cli import main
from orsheet.documents.pdf import find_soffice
from orsheet.documents.woo_leaks import WooLeakError, find_leaks
from orsheet.errors import InputError
from orsheet.model import Person
from orsheet.redact import build_redactor
from orsheet.services import woo as woo_service
from orsheet.services.woo import Period, woo_export
from orsheet.template_file import template_path
from orsheet.workbook.base import AppendRows, UpdateCells
from orsheet.workbook.memory import MemoryBackend
from orsheet.workbook.file import FileBackend

PEOPLE = [
    {"Naam": "Jan de Vries", "Rol": "voorzitter", "Openbaar": "nee", "E-mail": "j.devries@img.nl"},
    {"Naam": "Anna Bakker", "Rol": "secretaris", "Openbaar": "nee"},
    {"Naam": "Olivier de Bruijne", "Rol": "directeur", "Openbaar": "ja"},
]
ACTIONS = [
    {"Nr": 334, "Onderwerp": "Kennismaking interim-directie", "Omschrijving": "Olivier de Bruijne en Anna uitnodigen",
     "Verantwoordelijke": "Jan", "Overleg": "OR-vergadering", "Datum": date(2023, 9, 14)},
    {"Nr": 339, "Onderwerp": "Artikel 24 overleg", "Omschrijving": "=HYPERLINK(\"http://x\",\"De Vries\")",
     "Verantwoordelijke": "DB", "Overleg": "OR-vergadering", "Datum": date(2023, 9, 28), "Deadline": "eind okt"},
    {"Nr": 120, "Onderwerp": "Oud", "Omschrijving": "Nog open, van A. Bakker",
     "Verantwoordelijke": "Anna", "Overleg": "OR-vergadering", "Datum": date(2022, 1, 5)},
    {"Nr": 350, "Onderwerp": "Later", "Omschrijving": "Na de periode afgesproken met Anna",
     "Verantwoordelijke": "Anna", "Overleg": "OR-vergadering", "Datum": date(2023, 11, 9)},
]
ARCHIVE = [
    {"Nr": 325, "Onderwerp": "Overdracht", "Omschrijving": "Borrel door J. de Vries", "Verantwoordelijke": "Anna Bakker",
     "Overleg": "OR-vergadering", "Datum": date(2023, 7, 6), "Status": "afgerond", "Afgerond op": date(2023, 10, 12)},
    {"Nr": 301, "Onderwerp": "Vroeger", "Omschrijving": "Voor de periode afgerond door Anna", "Verantwoordelijke": "Anna",
     "Overleg": "OR-vergadering", "Datum": date(2023, 5, 6), "Status": "afgerond", "Afgerond op": date(2023, 6, 1)},
]
DECISIONS = [
    {"Nr": 12, "Datum": date(2023, 9, 28), "Overleg": "OR-vergadering", "Onderwerp": "Evaluatie",
     "Besluit": "Op voorstel van Anna evalueert de OR elke vergadering", "Bron": "Notulen 28-09-2023"},
]
PERIOD = Period(date(2023, 9, 1), date(2023, 10, 31))
REDACTOR = build_redactor([Person("Jan de Vries", email="j.devries@img.nl"), Person("Anna Bakker"),
                           Person("Olivier de Bruijne", public=True)])


def build_agenda(path: Path) -> Path:
    document = docx.Document()
    document.add_heading("Agenda OR-vergadering", 1)
    document.add_paragraph("Voorzitter: Jan de Vries, notulist: A. Bakker")
    document.add_paragraph("6 Portefeuilleverdeling: Olivier de Bruijne licht toe")
    document.sections[0].footer.paragraphs[0].text = "Vragen: j.devries@img.nl"
    document.core_properties.author = "Anna Bakker"
    document.save(path)
    return path


@pytest.fixture
def agendas(tmp_path):
    folder = tmp_path / "Agenda's"
    folder.mkdir()
    build_agenda(folder / "Agenda OR-vergadering 2023-09-14.docx")
    build_agenda(folder / "Agenda Overlegvergadering 2023-10-19.docx")
    build_agenda(folder / "Agenda OR-vergadering 2023-12-07.docx")  # outside the period
    (folder / "notities.docx").write_bytes(b"not an agenda")
    return folder


def memory_workbook() -> MemoryBackend:
    return MemoryBackend.new({"Acties": ACTIONS, "Archief": ARCHIVE, "Besluiten": DECISIONS, "Personen": PEOPLE})


def test_export_writes_lists_agendas_and_inventory_without_names(tmp_path, agendas):
    out = tmp_path / "woo"
    result = woo_export(memory_workbook(), out, PERIOD, agenda_dir=agendas, pdf=False)
    names = sorted(f.name for f in result.files)
    assert names == sorted([
        "Actielijst.docx", "Actielijst.xlsx", "Besluitenlijst.docx", "Besluitenlijst.xlsx",
        "Agenda OR-vergadering 2023-09-14.docx", "Agenda Overlegvergadering 2023-10-19.docx",
        "inventarislijst.csv", "inventarislijst.xlsx",
    ])
    assert sorted(p.name for p in out.iterdir()) == names  # no staging folder left behind
    assert find_leaks(result.files, REDACTOR) == []


def test_exported_action_list_is_redacted_filtered_and_formula_safe(tmp_path, agendas):
    out = tmp_path / "woo"
    woo_export(memory_workbook(), out, PERIOD, agenda_dir=agendas, pdf=False)
    book = openpyxl.load_workbook(out / "Actielijst.xlsx")
    open_rows = [[c.value for c in row] for row in book["Openstaande acties"].iter_rows(min_row=2)]
    assert [row[0] for row in open_rows] == [334, 339, 120]  # still open from before; 350 came later
    assert open_rows[0][2] == "Olivier de Bruijne en 5.1.2e uitnodigen"
    assert open_rows[0][3] == "5.1.2e"
    assert open_rows[1][2] == "=HYPERLINK(\"http://x\",\"5.1.2e\")"  # published as typed (redacted), as text
    assert book["Openstaande acties"]["C3"].data_type == "s" and book["Openstaande acties"]["C3"].quotePrefix
    archive = [[c.value for c in row] for row in book["Archief"].iter_rows(min_row=2)]
    assert [row[0] for row in archive] == [325]  # 301 was closed before the period
    assert archive[0][2] == "Borrel door 5.1.2e"


def test_a_control_character_pasted_into_a_cell_is_dropped_from_both_lists_not_a_crash(tmp_path, agendas):
    actions = [dict(ACTIONS[0], Omschrijving="Olivier de Bruijne\x0buitnodigen\x1f")]
    backend = MemoryBackend.new({"Acties": actions, "Archief": [], "Besluiten": [], "Personen": PEOPLE})
    out = tmp_path / "woo"
    woo_export(backend, out, PERIOD, agenda_dir=agendas, pdf=False)
    book = openpyxl.load_workbook(out / "Actielijst.xlsx")
    assert book["Openstaande acties"].cell(2, 3).value == "Olivier de Bruijneuitnodigen"
    text = "\n".join(c.text for t in docx.Document(str(out / "Actielijst.docx")).tables for r in t.rows for c in r.cells)
    assert "Olivier de Bruijneuitnodigen" in text


def test_inventory_names_each_document_with_counts(tmp_path, agendas):
    out = tmp_path / "woo"
    woo_export(memory_workbook(), out, PERIOD, agenda_dir=agendas, pdf=False)
    with (out / "inventarislijst.csv").open(encoding="utf-8-sig") as handle:
        rows = list(csv.DictReader(handle, delimiter=";"))
    by_document = {row["Document"]: row for row in rows}
    assert list(by_document) == ["Actielijst", "Besluitenlijst", "Agenda OR-vergadering 14-09-2023",
                                 "Agenda Overlegvergadering 19-10-2023"]
    assert by_document["Actielijst"]["Aantal 5.1.2e"] == "7"
    assert by_document["Besluitenlijst"]["Beoordeling"] == "Deels openbaar"
    agenda = by_document["Agenda OR-vergadering 14-09-2023"]
    assert agenda["Datum"] == "14-09-2023" and agenda["Aantal 5.1.2e"] == "3"
    assert "persoonlijke levenssfeer" in agenda["Grond"]


def test_agenda_folder_comes_from_the_settings_next_to_the_workbook(tmp_path, agendas):
    result = woo_export(memory_workbook(), tmp_path / "woo", PERIOD, workbook_path=tmp_path / "or.xlsm", pdf=False)
    assert "Agenda Overlegvergadering 2023-10-19.docx" in [f.name for f in result.files]


def test_a_leak_aborts_the_export_and_publishes_nothing(tmp_path, agendas, monkeypatch):
    def copy_without_redacting(source, target, redactor, organisation):  # a faulty redactor, on purpose
        shutil.copyfile(source, target)
        return Counter()

    monkeypatch.setattr(woo_service, "redact_office_file", copy_without_redacting)
    out = tmp_path / "woo"
    with pytest.raises(WooLeakError) as caught:
        woo_export(memory_workbook(), out, PERIOD, agenda_dir=agendas, pdf=False)
    assert "Agenda OR-vergadering 2023-09-14.docx" in str(caught.value)
    assert not out.exists()  # the folder this export made is gone again: nothing to publish by mistake


def test_from_after_to_is_a_dutch_input_error():
    with pytest.raises(Exception, match="ligt na --to"):
        Period(date(2023, 11, 1), date(2023, 10, 1))


def test_no_private_people_gives_a_warning(tmp_path):
    backend = MemoryBackend.new({"Personen": [PEOPLE[2]]})
    result = woo_export(backend, tmp_path / "woo", pdf=False)
    assert any("geen namen gelakt" in w for w in result.warnings)


def _real_workbook(tmp_path: Path) -> Path:
    path = tmp_path / "or.xlsm"
    shutil.copyfile(template_path(), path)
    FileBackend(path).write([AppendRows("Acties", ACTIONS), AppendRows("Archief", ARCHIVE),
                             AppendRows("Besluiten", DECISIONS), AppendRows("Personen", PEOPLE)])
    return path


def test_cli_woo_export_with_pdf_leaves_the_workbook_unchanged(tmp_path, agendas):
    if find_soffice() is None:
        pytest.skip("LibreOffice (soffice) is not installed: no PDF conversion")
    path = _real_workbook(tmp_path)
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    out = tmp_path / "publicatie"
    result = CliRunner().invoke(main, ["woo-export", str(path), "--out", str(out), "--from", "2023-09-01",
                                       "--to", "2023-10-31", "--agendas", str(agendas), "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert "Actielijst.pdf" in data["files"] and "Agenda Overlegvergadering 2023-10-19.pdf" in data["files"]
    assert data["counts"]["5.1.2e"] >= 10
    assert find_leaks(sorted(out.iterdir()), REDACTOR) == []
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before


def test_cli_woo_export_reports_a_bad_cell_with_its_location(tmp_path):
    path = _real_workbook(tmp_path)
    FileBackend(path).write([UpdateCells("Besluiten", 2, {"Datum": "31-02-2023"})])
    result = CliRunner().invoke(main, ["woo-export", str(path), "--out", str(tmp_path / "w"), "--no-pdf", "--json"])
    assert result.exit_code == 1
    error = json.loads(result.output)["error"]
    assert error["problems"][0]["sheet"] == "Besluiten" and error["problems"][0]["row"] == 2
    assert error["problems"][0]["column"] == "Datum"


def test_out_that_is_a_file_is_a_dutch_input_error(tmp_path):
    out = tmp_path / "woo.txt"
    out.write_text("iets")
    with pytest.raises(InputError, match="is een bestand"):
        woo_export(memory_workbook(), out, pdf=False)
    assert out.read_text() == "iets"


def test_missing_agenda_folder_given_on_the_command_line_is_an_error(tmp_path):
    with pytest.raises(InputError, match="bestaat niet"):
        woo_export(memory_workbook(), tmp_path / "woo", agenda_dir=tmp_path / "nergens", pdf=False)


def test_missing_agenda_folder_from_the_settings_is_a_warning(tmp_path):
    result = woo_export(memory_workbook(), tmp_path / "woo", workbook_path=tmp_path / "or.xlsm", pdf=False)
    assert any("geen agenda's meegenomen" in w for w in result.warnings)


def test_exporting_into_the_agenda_folder_itself_is_refused(tmp_path, agendas):
    before = sorted(p.name for p in agendas.iterdir())
    with pytest.raises(InputError, match="originele agenda's"):
        woo_export(memory_workbook(), agendas, PERIOD, agenda_dir=agendas, pdf=False)
    assert sorted(p.name for p in agendas.iterdir()) == before


def test_woo_export_redacts_the_agenda_the_demo_generates(tmp_path):
    demo = tmp_path / "demo"
    result = CliRunner().invoke(main, ["demo", str(demo)])
    assert result.exit_code == 0, result.output
    workbook = next(demo.glob("*.xlsm"))
    generated = sorted((demo / "Agenda's").glob("Agenda *.docx"))
    assert generated, "the demo makes an agenda"
    out = tmp_path / "woo"
    result = CliRunner().invoke(main, ["woo-export", str(workbook), "--out", str(out), "--no-pdf", "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    agenda_entry = next(d for d in data["documents"] if d["document"].startswith("Agenda "))
    assert agenda_entry["counts"]["5.1.2e"] > 0
    people = FileBackend(workbook).read(["Personen"])["Personen"].rows
    redactor = build_redactor([Person(r.get("Naam"), public=str(r.get("Openbaar")).lower() == "ja") for r in people])
    assert find_leaks(sorted(out.iterdir()), redactor) == []
    assert find_leaks(generated[:1], redactor)  # the original did have names


def test_default_output_folder_is_dated_and_beside_the_workbook(tmp_path):
    folder = woo_service.default_output_folder(tmp_path / "or.xlsm", date(2023, 10, 31))
    assert folder == tmp_path.resolve() / "Woo-publicatie 2023-10-31"


def test_a_name_in_an_agenda_file_name_is_redacted_too(tmp_path):
    folder = tmp_path / "agendas"
    folder.mkdir()
    build_agenda(folder / "Agenda Overleg met Anna Bakker 2023-09-20.docx")
    result = woo_export(memory_workbook(), tmp_path / "woo", PERIOD, agenda_dir=folder, pdf=False)
    assert "Agenda Overleg met 5.1.2e 2023-09-20.docx" in [f.name for f in result.files]
    assert find_leaks(result.files, REDACTOR) == []


def test_cli_woo_export_text_output_lists_documents_and_the_leak_check(tmp_path, agendas):
    path = _real_workbook(tmp_path)
    result = CliRunner().invoke(main, ["woo-export", str(path), "--out", str(tmp_path / "pub"), "--from", "01-09-2023",
                                       "--to", "31-10-2023", "--agendas", str(agendas), "--no-pdf"])
    assert result.exit_code == 0, result.output
    assert "- Agenda Overlegvergadering 19-10-2023: deels openbaar, persoonsgegevens (3x)" in result.output
    assert "Lekcontrole: geen namen gevonden." in result.output


def test_an_older_file_with_a_private_name_in_the_output_folder_stops_the_publication(tmp_path):
    from tests.support.cli import run_json

    code, demo = run_json("demo", tmp_path / "demo")
    assert code == 0
    out = tmp_path / "publicatie"
    out.mkdir()
    (out / "extra.txt").write_text("Overleg met Bram Jansen")
    code, result = run_json("woo-export", demo["workbook"], "--out", out, "--no-pdf")
    assert code == 1 and "Bram Jansen" in result["error"]["message"]
    assert sorted(p.name for p in out.iterdir()) == ["extra.txt"]
