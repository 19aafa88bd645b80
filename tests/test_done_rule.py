"""One rule for "this action is done" (Status afgerond or a date in Afgerond op), in every command.

The workbook is the demo council before its main job (201 has Status afgerond, two new actions
have no number yet) with one change a secretary easily makes: 204 gets its Afgerond op date
(21-10-2023) typed, and its Status is left empty. Every consumer must then treat 204 alike: off
the agenda, out of the overview and ``actions --open``, archived by ``close`` with its own date,
under Archief in the Woo list, and pointed out by ``check``.
"""

from __future__ import annotations

import json
import shutil
from datetime import date, datetime
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner

from orsheet import schema
from orsheet.cli import main
from orsheet.workbook.base import UpdateCells
from orsheet.workbook.file import FileBackend
from tests.agenda_support import docx_lines
from tests.test_docs import make_demo_workbook

ACTIES, ARCHIEF = schema.ACTIONS.name, schema.ARCHIVE.name
DONE_ON = date(2023, 10, 21)
ROW_204 = 6  # Acties: 112, 187, 201, 203, 204, 205 in rows 2-7, then two without a number


@pytest.fixture(scope="module")
def demo_before_its_job(tmp_path_factory) -> Path:
    return make_demo_workbook(tmp_path_factory.mktemp("done") / "demo.xlsm")


@pytest.fixture
def workbook(demo_before_its_job: Path, tmp_path: Path) -> Path:
    """The demo before its job with 204's Afgerond op typed and its Status left empty."""
    path = Path(shutil.copyfile(demo_before_its_job, tmp_path / "or.xlsm"))
    FileBackend(path).write([UpdateCells(ACTIES, ROW_204, {schema.AFGEROND_OP: DONE_ON})])
    return path


def run(*args, code: int = 0):
    result = CliRunner().invoke(main, [str(a) for a in args], env={"ORSHEET_SOFFICE": "/nonexistent/soffice"},
                                catch_exceptions=False)
    assert result.exit_code == code, result.output
    return result


def sheet_numbers(path: Path, sheet: str) -> list[int]:
    rows = openpyxl.load_workbook(path)[sheet].iter_rows(min_row=2, values_only=True)
    return [row[0] for row in rows if row[0] is not None]


def test_the_agenda_leaves_an_action_with_afgerond_op_out_of_its_open_actions(workbook):
    run("number", workbook)
    run("agenda", workbook, "--meeting", "2023-10-26", "--no-pdf")
    lines = docx_lines(workbook.parent / "Agenda's" / "Agenda OR-vergadering 2023-10-26.docx")
    listed = lines[lines.index("Openstaande acties OR-vergadering") + 1:]
    numbers = [line.split(" | ")[0] for line in listed if line.split(" | ")[0].isdigit()]
    assert numbers == ["112", "187", "205", "206"]  # not 201 (Status afgerond), not 204 (Afgerond op)


def test_the_overview_leaves_an_action_with_afgerond_op_out_instead_of_calling_it_overdue(workbook):
    data = json.loads(run("overview", workbook, "--json").output)
    listed = {line["number"] for lines in data["people"].values() for line in lines}
    assert listed == {112, 187, 203, 205, None}  # not 201 (Status afgerond), not 204 (Afgerond op)
    assert "Carla Mulder" not in run("overview", workbook).output  # 204 was her only action


def test_actions_open_lists_only_the_actions_not_done(workbook):
    data = json.loads(run("actions", workbook, "--open", "--json").output)
    assert [a["number"] for a in data["actions"]] == [112, 187, 203, 205, None, None]
    everything = json.loads(run("actions", workbook, "--json").output)["actions"]
    done = {a["number"]: a["done"] for a in everything}
    assert done[201] is True and done[204] is True and done[203] is False


def test_actions_text_shows_an_action_with_only_afgerond_op_as_afgerond_not_open(workbook):
    line = next(line for line in run("actions", workbook).output.splitlines() if line.lstrip().startswith("204 "))
    assert line.split()[1] == "afgerond"


def test_close_archives_an_action_with_afgerond_op_keeping_the_date_typed(workbook):
    result = run("close", workbook, "--numbers", "203", "--date", "2023-10-26")
    assert "201, 203, 204 (afgerond op 26-10-2023; 204 op 21-10-2023)." in result.output
    assert 204 not in sheet_numbers(workbook, ACTIES)
    archived = {row[0]: row for row in openpyxl.load_workbook(workbook)[ARCHIEF].iter_rows(min_row=2, values_only=True)}
    status, closed_on = schema.ACTIONS.headers.index(schema.STATUS), schema.ACTIONS.headers.index(schema.AFGEROND_OP)
    assert archived[204][status] == "afgerond" and archived[204][closed_on] == datetime(2023, 10, 21)
    assert archived[203][closed_on] == datetime(2023, 10, 26)


def test_the_woo_action_list_puts_a_done_action_waiting_in_acties_under_archief(workbook, tmp_path):
    out = tmp_path / "woo"
    run("woo-export", workbook, "--out", out, "--from", "2023-10-01", "--to", "2023-10-31", "--no-pdf")
    book = openpyxl.load_workbook(out / "Actielijst.xlsx")
    open_numbers = [row[0] for row in book["Openstaande acties"].iter_rows(min_row=2, values_only=True)]
    archived = [row[0] for row in book["Archief"].iter_rows(min_row=2, values_only=True)]
    assert 204 not in open_numbers and 201 not in open_numbers and 203 in open_numbers
    assert 201 in archived and 204 in archived


def test_the_woo_list_of_a_later_period_leaves_out_an_action_done_before_it(workbook, tmp_path):
    out = tmp_path / "woo"
    run("woo-export", workbook, "--out", out, "--from", "2023-11-01", "--to", "2023-11-30", "--no-pdf")
    book = openpyxl.load_workbook(out / "Actielijst.xlsx")
    every = [row[0] for sheet in book for row in sheet.iter_rows(min_row=2, values_only=True)]
    assert 204 not in every and 201 in every  # 201 has no date: nobody knows it was done before November


def test_check_points_at_the_status_cell_of_a_row_with_afgerond_op_but_no_status_afgerond(workbook):
    result = run("check", workbook, code=1)
    assert f"Acties!H{ROW_204} (Status): Afgerond op is ingevuld (21-10-2023), maar Status is leeg" in result.output
    assert "gaat bij sluiten naar Archief" in result.output
    data = json.loads(run("check", workbook, "--json", code=1).output)
    assert [(p["sheet"], p["row"], p["column"]) for p in data["error"]["problems"]] == [(ACTIES, ROW_204, "Status")]


def test_check_finds_nothing_once_status_says_afgerond_too(workbook):
    FileBackend(workbook).write([UpdateCells(ACTIES, ROW_204, {schema.STATUS: "afgerond"})])
    assert run("check", workbook).output.strip() == "Geen problemen gevonden."


# --- A3: close says what it changed ---------------------------------------------------------


def test_close_with_nothing_to_close_still_names_the_numbers_it_gave(demo_before_its_job, tmp_path):
    path = Path(shutil.copyfile(demo_before_its_job, tmp_path / "or.xlsm"))
    FileBackend(path).write([UpdateCells(ACTIES, 4, {schema.STATUS: "in behandeling"})])  # 201 not done after all
    result = run("close", path)
    assert result.output.strip() == ("2 actie(s) genummerd: 206, 207. "
                                     "Er is geen actie naar Archief verplaatst (geen afgeronde acties).")
    assert sheet_numbers(path, ACTIES)[-2:] == [206, 207]
    data = json.loads(run("close", path, "--json").output)
    assert data["numbered"] == [] and data["message"] == "Geen acties om te sluiten."  # now nothing changes


def test_close_names_the_numbers_it_gave_before_the_actions_it_moved(demo_before_its_job, tmp_path):
    path = Path(shutil.copyfile(demo_before_its_job, tmp_path / "or.xlsm"))
    result = run("close", path, "--numbers", "203", "--date", "2023-10-26")
    assert result.output.strip() == ("2 actie(s) genummerd: 206, 207. "
                                     "2 actie(s) afgerond en naar Archief verplaatst: 201, 203 (afgerond op 26-10-2023).")


def test_minutes_saying_the_list_was_updated_close_an_action_with_afgerond_op_and_say_why(workbook, tmp_path):
    minutes = tmp_path / "notulen.txt"
    minutes.write_text("Notulen OR-vergadering 26-10-2023\n\n# 4. Actie- en besluitenlijst\n\n"
                       "Actie 203 is afgerond. De actielijst is bijgewerkt.\n", encoding="utf-8")
    data = json.loads(run("minutes", workbook, minutes, "--meeting", "2023-10-26", "--json").output)
    reasons = {c["number"]: c["sentence"] for c in data["closures"]}
    assert reasons[201] == "Status afgerond; De actielijst is bijgewerkt."
    assert reasons[204] == "Afgerond op ingevuld; De actielijst is bijgewerkt."
