"""Open actions per person, overdue first, and the Overzicht sheet."""

from __future__ import annotations

import json
import shutil
from datetime import date

import pytest
from click.testing import CliRunner

from orsheet.cli import main
from orsheet.services.overview import OVERVIEW_HEADERS, OVERVIEW_SHEET, overview, owners
from orsheet.template_file import template_path
from orsheet.workbook.base import AppendRows
from orsheet.workbook.memory import MemoryBackend
from orsheet.workbook.file import FileBackend

TODAY = date(2023, 11, 10)

ACTIONS = [
    {"Nr": 330, "Onderwerp": "Kwartiermaker", "Omschrijving": "Berichten dat OR graag begin oktober in gesprek gaat",
     "Verantwoordelijke": "Jan", "Overleg": "OR-vergadering", "Datum": date(2023, 8, 24), "Deadline": "begin oktober"},
    {"Nr": 339, "Onderwerp": "Artikel 24 overleg", "Omschrijving": "Opstellen agenda en voorbereiding",
     "Verantwoordelijke": "DB", "Overleg": "OR-vergadering", "Datum": date(2023, 9, 28), "Deadline": "eind okt"},
    {"Nr": 341, "Onderwerp": "Fika", "Omschrijving": "Poster ontwerpen", "Verantwoordelijke": "De Vries en Anna",
     "Overleg": "OR-vergadering", "Datum": date(2023, 10, 12), "Deadline": date(2023, 11, 30)},
    {"Nr": 342, "Onderwerp": "Scholing", "Omschrijving": "Datum prikken", "Verantwoordelijke": "Anna Bakker",
     "Overleg": "OR-vergadering", "Datum": date(2023, 10, 12), "Deadline": "31-10"},
    {"Nr": 269, "Onderwerp": "Bestuurslid in OV", "Omschrijving": "Verzoek uitzetten", "Verantwoordelijke": "J. de Vries",
     "Overleg": "OR-vergadering", "Datum": date(2022, 12, 22), "Deadline": "na de zomer", "Status": "ON HOLD"},
    {"Nr": 325, "Onderwerp": "Overdracht", "Omschrijving": "Borrel", "Verantwoordelijke": "Jan de Vries",
     "Overleg": "OR-vergadering", "Datum": date(2023, 7, 6), "Deadline": "eind aug", "Status": "afgerond"},
    {"Nr": 343, "Onderwerp": "Evaluatie", "Omschrijving": "Zonder deadline", "Verantwoordelijke": "Allen",
     "Overleg": "OR-vergadering", "Datum": date(2023, 10, 12), "Deadline": "z.s.m."},
]
PEOPLE = [
    {"Naam": "Jan de Vries", "Rol": "voorzitter", "Openbaar": "nee"},
    {"Naam": "Anna Bakker", "Rol": "secretaris", "Openbaar": "nee"},
]


@pytest.fixture
def backend():
    return MemoryBackend.new({"Acties": ACTIONS, "Personen": PEOPLE})


def numbers(lines):
    return [line.action.number for line in lines]


def test_owner_cell_with_several_people_is_split():
    assert owners("Jan en Anna") == ["Jan", "Anna"]
    assert owners("DB / Anna, Piet") == ["DB", "Anna", "Piet"]
    assert owners("P&O & Anna") == ["P&O", "Anna"]
    assert owners("") == []


def test_every_form_of_a_name_lands_on_one_person(backend):
    result = overview(backend, TODAY)
    assert numbers(result.by_person["Jan de Vries"]) == [330, 341, 269]


def test_overdue_actions_come_first_most_days_late_first(backend):
    lines = overview(backend, TODAY).by_person["Anna Bakker"]
    assert numbers(lines) == [342, 341]
    assert lines[0].days_overdue == 10
    assert lines[1].days_overdue == 0


def test_typed_deadline_is_shown_as_date_and_kept_as_text(backend):
    line = overview(backend, TODAY).by_person["DB"][0]
    assert line.due == date(2023, 10, 31)
    assert line.action.deadline.text == "eind okt"
    assert line.days_overdue == 10


def test_on_hold_action_is_never_overdue(backend):
    line = next(l for l in overview(backend, TODAY).by_person["Jan de Vries"] if l.action.number == 269)
    assert line.due == date(2023, 9, 10)
    assert line.days_overdue == 0


def test_finished_actions_are_left_out(backend):
    result = overview(backend, TODAY)
    assert all(325 not in numbers(lines) for lines in result.by_person.values())


def test_person_filter_accepts_any_form_and_includes_everyone_actions(backend):
    result = overview(backend, TODAY, person="de vries")
    assert list(result.by_person) == ["Allen", "Jan de Vries"]


def test_overdue_filter_keeps_only_late_actions(backend):
    result = overview(backend, TODAY, overdue_only=True)
    assert {name: numbers(lines) for name, lines in result.by_person.items()} == {
        "Anna Bakker": [342], "DB": [339], "Jan de Vries": [330]}
    assert result.overdue_count == 3


def test_overview_does_not_write_unless_asked(backend):
    overview(backend, TODAY)
    assert backend.writes == 0


def test_overzicht_sheet_lists_people_with_days_overdue(backend):
    overview(backend, TODAY, write_sheet=True)
    sheet = backend.sheets[OVERVIEW_SHEET]
    assert tuple(sheet[0]) == OVERVIEW_HEADERS
    assert sheet[1][:2] == ["Allen", 343]
    db_row = next(row for row in sheet if row[0] == "DB")
    assert db_row[5:8] == ["eind okt", date(2023, 10, 31), 10]


def test_cli_overview_writes_overzicht_into_a_real_workbook(tmp_path):
    path = tmp_path / "or.xlsm"
    shutil.copyfile(template_path(), path)
    seeded = MemoryBackend.new({"Acties": ACTIONS, "Personen": PEOPLE})
    FileBackend(path).write([AppendRows("Acties", ACTIONS), AppendRows("Personen", PEOPLE)])
    runner = CliRunner()
    result = runner.invoke(main, ["overview", str(path), "--overdue", "--sheet", "--today", "2023-11-10", "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["overdue"] == 3
    assert data["people"]["DB"][0]["deadline_date"] == "2023-10-31"
    table = FileBackend(path).read([OVERVIEW_SHEET, "Acties"])
    assert [row.get("Nr") for row in table[OVERVIEW_SHEET].rows] == [342, 339, 330]
    assert len(table["Acties"].rows) == len(seeded.read(["Acties"])["Acties"].rows)


def test_cli_overview_text_names_days_overdue(tmp_path):
    path = tmp_path / "or.xlsm"
    shutil.copyfile(template_path(), path)
    FileBackend(path).write([AppendRows("Acties", ACTIONS[:2])])
    result = CliRunner().invoke(main, ["overview", str(path), "--today", "2023-11-10"])
    assert result.exit_code == 0, result.output
    assert "10 dag(en) te laat" in result.output and "eind okt (31-10-2023)" in result.output


def test_seed_list_of_28_september_imported_shows_eind_okt_overdue_in_november(template_copy, tmp_path):
    from tests.support.seeds import load_case, write_seed_csv

    entries = load_case("actielijsten.json")["or_lists"]["2023-09-28"]
    source = write_seed_csv(entries, tmp_path / "actielijst 28-09-2023.csv")
    runner = CliRunner()
    assert runner.invoke(main, ["import-actions", str(template_copy), str(source)]).exit_code == 0
    result = runner.invoke(main, ["overview", str(template_copy), "--overdue", "--today", "2023-11-10", "--json"])
    assert result.exit_code == 0, result.output
    people = json.loads(result.output)["people"]
    overdue = {line["number"]: line for lines in people.values() for line in lines}
    assert sorted(overdue) == [338, 339, 340]
    assert overdue[339]["deadline"] == "eind okt" and overdue[339]["deadline_date"] == "2023-10-31"
    assert overdue[339]["days_overdue"] == 10 and overdue[338]["days_overdue"] == 32
    assert list(people) == ["5.1.2e", "DB"]  # the seeds' owners are redacted already


def test_a_person_nobody_has_is_named_in_the_overview_instead_of_silently_showing_only_allen(tmp_path):
    from tests.support.cli import run_json

    code, demo = run_json("demo", tmp_path / "demo")
    code, result = run_json("overview", demo["workbook"], "--person", "Jansn")
    assert code == 0
    assert result["message"].startswith('Let op: niemand heet "Jansn"')
    code, result = run_json("overview", demo["workbook"], "--person", "Bram Jansen")
    assert "niemand heet" not in result["message"]
