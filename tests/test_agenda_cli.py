"""``orsheet agenda`` and ``orsheet minutes-template`` on a real .xlsm: output, JSON, bad input."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from orsheet.cli import main
from orsheet.workbook.base import AppendRows
from orsheet.workbook.file import FileBackend
from tests.agenda_support import AGENDA_ITEMS, docx_lines, filled_workbook

NO_SOFFICE = {"ORSHEET_SOFFICE": "/nonexistent/soffice"}


def run(*args: str, env: dict | None = None):
    return CliRunner().invoke(main, [str(a) for a in args], env=env or NO_SOFFICE, catch_exceptions=False)


@pytest.fixture
def workbook(tmp_path: Path) -> Path:
    return filled_workbook(tmp_path)


def snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_agenda_command_writes_the_word_file_and_says_why_there_is_no_pdf(workbook):
    result = run("agenda", workbook, "--meeting", "2023-10-12")
    assert result.exit_code == 0, result.output
    docx = workbook.parent / "Agenda's" / "Agenda OR-vergadering 2023-10-12.docx"
    assert "Vergaderdatum en -tijd | : 12 oktober 2023, 10.00 – 11.30 uur" in docx_lines(docx)
    assert "Word en LibreOffice (soffice) zijn niet gevonden" in result.output
    assert not docx.with_suffix(".pdf").exists()


def test_agenda_json_gives_items_with_clock_times_totals_overrun_and_paths(workbook):
    result = run("agenda", workbook, "--meeting", "2023-09-14", "--json", "--no-pdf")
    data = json.loads(result.output)
    assert data["items"][5] == {"number": "6", "title": "Voorbereiden Overlegvergadering", "start": "10:45",
                                "minutes": None, "who": "", "purpose": "", "note": ""}
    assert (data["total_minutes"], data["available_minutes"], data["overrun_minutes"]) == (105, 90, 15)
    assert data["meeting"]["begin"] == "10:00" and data["meeting"]["kind"] == "OR-vergadering"
    assert Path(data["paths"]["docx"]).is_file() and data["paths"]["pdf"] is None


def test_overrun_is_told_in_the_cli_output(workbook):
    result = run("agenda", workbook, "--meeting", "2023-09-28", "--no-pdf")
    assert "Let op: de agenda duurt 100 minuten, maar de vergadering is 90 minuten" in result.output
    assert "10 minuten te lang" in result.output


def test_custom_output_folder_from_instellingen_is_used(workbook):
    backend = FileBackend(workbook)
    settings = backend.read(["Instellingen"])["Instellingen"]
    row = next(r.number for r in settings.rows if r.get("Instelling") == "Map agenda's")
    from orsheet.workbook.base import UpdateCells

    backend.write([UpdateCells("Instellingen", row, {"Waarde": "stukken/agenda"})])
    assert run("agenda", workbook, "--meeting", "2023-10-26", "--no-pdf").exit_code == 0
    assert (workbook.parent / "stukken" / "agenda" / "Agenda OR-vergadering 2023-10-26.docx").is_file()


def assert_refused(workbook: Path, meeting: str, *messages: str) -> None:
    before = snapshot(workbook.parent)
    result = run("agenda", workbook, "--meeting", meeting)
    assert result.exit_code == 1
    for message in messages:
        assert message in result.output
    assert snapshot(workbook.parent) == before, "nothing may be written on bad input"


def test_meeting_not_in_vergaderingen_is_refused_and_nothing_is_written(workbook):
    assert_refused(workbook, "2023-11-09", "Fout: blad Vergaderingen: er staat geen vergadering op 09-11-2023")


def test_meeting_without_items_is_refused_naming_its_date_cell(workbook):
    FileBackend(workbook).write([AppendRows("Vergaderingen", [{"Datum": date(2023, 11, 9), "Soort": "OR-vergadering",
                                                                "Begin": "10:00", "Einde": "11:30"}])])
    assert_refused(workbook, "2023-11-09", "Vergaderingen!A6 (Datum): er staan geen agendapunten")


def test_non_numeric_minutes_are_refused_naming_the_cell(tmp_path):
    items = [dict(row) for row in AGENDA_ITEMS]
    items[1]["Minuten"] = "een kwartier"  # sheet row 3
    workbook = filled_workbook(tmp_path, items=items)
    assert_refused(workbook, "2023-09-14", "Agendapunten!D3 (Minuten)", "een kwartier")


def test_numbering_gap_is_refused_naming_the_nr_cell(tmp_path):
    items = [dict(row) for row in AGENDA_ITEMS]
    items[0]["Nr"] = 8  # 14 September now jumps from 4 to 6
    workbook = filled_workbook(tmp_path, items=items)
    assert_refused(workbook, "2023-09-14", "Agendapunten!B3 (Nr): agendapunt 6 sluit niet aan: er is geen punt 5")


def test_sub_item_without_parent_is_refused_naming_the_nr_cell(tmp_path):
    items = [dict(row) for row in AGENDA_ITEMS if row["Nr"] != 6 or row["Vergadering"] != date(2023, 9, 14)]
    workbook = filled_workbook(tmp_path, items=items)
    assert_refused(workbook, "2023-09-14", "Agendapunten!B3 (Nr): subpunt 6.1 heeft geen hoofdpunt 6")


def test_kind_picks_one_of_two_meetings_on_the_same_day(workbook):
    FileBackend(workbook).write([AppendRows("Vergaderingen", [{"Datum": date(2023, 10, 12), "Soort": "Overlegvergadering",
                                                                "Begin": "14:00", "Einde": "15:30"}])])
    refused = run("agenda", workbook, "--meeting", "2023-10-12", "--no-pdf")
    assert refused.exit_code == 1 and "kies er één met --kind" in refused.output
    chosen = run("agenda", workbook, "--meeting", "2023-10-12", "--kind", "OR-vergadering", "--no-pdf", "--json")
    assert json.loads(chosen.output)["meeting"]["begin"] == "10:00"


def test_meeting_option_that_is_not_a_date_is_a_usage_error(workbook):
    result = run("agenda", workbook, "--meeting", "volgende week")
    assert result.exit_code == 2 and "'--meeting': 'volgende week' is geen datum" in result.output


def test_error_with_json_is_a_json_document_with_the_cell(tmp_path):
    items = [dict(row) for row in AGENDA_ITEMS]
    items[1]["Minuten"] = "een kwartier"
    workbook = filled_workbook(tmp_path, items=items)
    result = run("agenda", workbook, "--meeting", "2023-09-14", "--json")
    assert result.exit_code == 1
    assert "Agendapunten!D3 (Minuten)" in json.dumps(json.loads(result.output)["error"], ensure_ascii=False)


def test_workbook_open_in_excel_stops_before_any_document_is_written(workbook):
    (workbook.parent / f"~${workbook.name}").write_text("lock")
    result = run("agenda", workbook, "--meeting", "2023-10-12")
    assert result.exit_code == 1 and "geopend in Excel" in result.output
    assert not (workbook.parent / "Agenda's").exists()


def test_minutes_template_writes_a_skeleton_and_never_overwrites_without_force(workbook):
    first = run("minutes-template", workbook, "--meeting", "2023-10-12")
    assert first.exit_code == 0, first.output
    docx = workbook.parent / "Agenda's" / "Verslag OR-vergadering 2023-10-12.docx"
    lines = docx_lines(docx)
    assert lines[1] == "Verslag OR-vergadering" and "5.3 Evaluatie Sturingsinformatie (ovb)" in lines
    again = run("minutes-template", workbook, "--meeting", "2023-10-12")
    assert again.exit_code == 1 and "bestaat al" in again.output
    assert run("minutes-template", workbook, "--meeting", "2023-10-12", "--force").exit_code == 0


def test_both_commands_are_listed_in_the_help():
    output = run("--help").output
    assert "agenda" in output and "minutes-template" in output


def test_demo_also_makes_the_agenda_of_the_demo_meeting(tmp_path):
    result = run("demo", tmp_path / "demo", "--json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert any(step.startswith("Agenda OR-vergadering 26-10-2023 gemaakt") for step in data["steps"])
    docx = Path(data["documents"][0])
    assert docx.name == "Agenda OR-vergadering 2023-10-26.docx"
    assert "5\tJaarplan OR 2024 / De OR stelt de speerpunten voor 2024 vast." in " ".join(docx_lines(docx))


def test_an_agenda_folder_that_cannot_be_made_stops_before_the_workbook_is_saved(workbook, tmp_path):
    from orsheet.workbook.base import UpdateCells

    path = workbook
    blocker = tmp_path / "bezet"
    blocker.write_text("een bestand, geen map")
    settings = FileBackend(path).read(["Instellingen"])["Instellingen"]
    row = next(r.number for r in settings.rows if r.values["Instelling"] == "Map agenda's")
    FileBackend(path).write([UpdateCells("Instellingen", row, {"Waarde": str(blocker / "Agenda's")})])
    before = path.read_bytes()
    result = run("agenda", path, "--meeting", "2023-10-26", "--no-pdf")
    assert result.exit_code == 1
    assert "een deel van het pad is geen map" in result.output and "Er is niets gewijzigd" in result.output
    assert path.read_bytes() == before


def test_an_agenda_open_in_word_is_not_replaced_and_nothing_is_written(workbook):
    assert run("agenda", workbook, "--meeting", "2023-10-12", "--no-pdf").exit_code == 0
    folder = workbook.parent / "Agenda's"
    (folder / "~$enda OR-vergadering 2023-10-12.docx").write_bytes(b"owner")  # Word's owner file of an open document
    before, book = snapshot(folder), workbook.read_bytes()
    result = run("agenda", workbook, "--meeting", "2023-10-12", "--no-pdf")
    assert result.exit_code == 1, result.output
    assert "Agenda OR-vergadering 2023-10-12.docx is geopend in Word" in result.output
    assert "Er is niets gewijzigd" in result.output and "Traceback" not in result.output
    assert snapshot(folder) == before and workbook.read_bytes() == book


def test_an_agenda_edited_by_hand_is_kept_in_backup_when_the_agenda_is_made_again(workbook):
    import docx

    assert run("agenda", workbook, "--meeting", "2023-10-12", "--no-pdf").exit_code == 0
    path = workbook.parent / "Agenda's" / "Agenda OR-vergadering 2023-10-12.docx"
    edited = docx.Document(path)
    edited.add_paragraph("Toegevoegd door de secretaris: punt 8 Vertrouwelijk")
    edited.save(path)
    assert run("agenda", workbook, "--meeting", "2023-10-12", "--no-pdf").exit_code == 0
    assert "punt 8 Vertrouwelijk" not in "\n".join(docx_lines(path))  # the agenda is made from the workbook again
    kept = sorted((path.parent / "backup").glob("Agenda OR-vergadering 2023-10-12-*.docx"))
    assert len(kept) == 1 and "Toegevoegd door de secretaris: punt 8 Vertrouwelijk" in docx_lines(kept[0])
