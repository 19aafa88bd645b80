"""A formula in Nr, per command (docs/workbook.md, "Formulas in Nr").

Commands that number or write Acties/Archief (and the Woo publication, and the minutes whose
preview --apply carries out) refuse with the cell, writing nothing; commands that only show the
actions work with the number Excel last calculated and warn once, naming the cell. The workbook is
the demo workbook with Nr of row 3 (action 187) made ``=A2+75`` the way Excel writes a formula
with its last result.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from orsheet import records, schema
from orsheet.services.overview import overview
from orsheet.workbook.base import Row, Table
from orsheet.workbook.file import FileBackend
from tests.support.cli import run
from tests.support.demo_book import ACTIES_PART, ARCHIEF_PART
from tests.support.parts import read_parts, replace_in

WARNING = ("Let op: Nr wordt berekend met een formule in Acties!A3 (=A2+75); getoond is het nummer dat Excel "
           "laatst berekende. Typ het nummer als getal: zolang er een formule staat, weigert orsheet te nummeren, "
           "af te sluiten, notulen te verwerken en de Woo-export te maken.")
REFUSAL = "Acties!A3 (Nr): Nr wordt berekend met een formule (=A2+75); typ het nummer als getal"


def with_nr(path: Path, cell: str) -> Path:
    old = re.search(r'<c r="A3"[^>]*>.*?</c>', read_parts(path)[ACTIES_PART].decode()).group(0)
    return replace_in(path, ACTIES_PART, old, cell)


@pytest.fixture
def demo(demo: Path) -> Path:
    """The demo workbook (tests/conftest.py) with Nr of row 3 a formula."""
    return with_nr(demo, '<c r="A3"><f>A2+75</f><v>187</v></c>')


def action_sheets(path: Path) -> tuple[bytes, bytes]:
    parts = read_parts(path)
    return parts[ACTIES_PART], parts[ARCHIEF_PART]


SHOWING = {
    "actions": ["actions"],
    "overview": ["overview", "--today", "2023-11-06"],
    "overview --sheet": ["overview", "--sheet", "--today", "2023-11-06"],
    "agenda": ["agenda", "--meeting", "2023-10-26", "--no-pdf"],
    "minutes-template": ["minutes-template", "--meeting", "2023-10-26"],
}


@pytest.mark.parametrize("command", SHOWING.values(), ids=SHOWING.keys())
def test_a_command_that_only_shows_actions_works_and_warns_once_naming_the_cell(demo, command):
    before = action_sheets(demo)
    result = run(command[0], demo, *command[1:])
    assert result.exit_code == 0, result.output
    assert result.output.count("Nr wordt berekend met een formule") == 1
    assert result.output.rstrip().endswith(WARNING)
    assert action_sheets(demo) == before  # Acties and Archief as they were, formula and all


def test_the_list_shows_the_number_excel_last_calculated(demo):
    listed = run("actions", demo, "--json")
    data = json.loads(listed.output)
    assert [a["number"] for a in data["actions"]][:3] == [112, 187, 203]
    assert data["warnings"] == [WARNING.removeprefix("Let op: ").removesuffix(".")]


@pytest.mark.parametrize("command", [["overview", "--json"], ["agenda", "--meeting", "2023-10-26", "--no-pdf", "--json"]],
                         ids=["overview", "agenda"])
def test_the_json_output_carries_the_warning(demo, command):
    result = run(command[0], demo, *command[1:])
    assert result.exit_code == 0 and len(json.loads(result.output)["warnings"]) == 1


def test_the_agenda_lists_the_calculated_number_among_its_open_actions(demo):
    result = run("agenda", demo, "--meeting", "2023-10-26", "--no-pdf", "--json")
    assert 187 in json.loads(result.output)["open_actions"]


def test_a_formula_without_a_last_result_shows_as_an_action_without_a_number(demo_original, tmp_path):
    path = with_nr(Path(shutil.copyfile(demo_original, tmp_path / "or.xlsm")), '<c r="A3"><f>A2+75</f></c>')
    result = run("actions", path, "--open")
    assert result.exit_code == 0 and "    -  in behandeling" in result.output, result.output
    assert "Acties!A3 (=A2+75)" in result.output


def test_a_formula_with_an_error_as_result_shows_without_a_number_too(demo_original, tmp_path):
    path = with_nr(Path(shutil.copyfile(demo_original, tmp_path / "or.xlsm")),
                   '<c r="A3" t="e"><f>1/0</f><v>#DIV/0!</v></c>')
    result = run("actions", path, "--open", "--json")
    numbers = [a["number"] for a in json.loads(result.output)["actions"]]
    assert result.exit_code == 0 and numbers[1] is None


def test_the_overview_button_message_ends_with_the_warning(demo):
    from orsheet.macros import overview_message

    assert overview_message(overview(FileBackend(demo))).endswith(WARNING)


def minutes_file(tmp_path: Path) -> Path:
    path = tmp_path / "notulen.txt"
    path.write_text("Notulen OR-vergadering 26 oktober 2023\n\nActie 203 is afgerond.\n", encoding="utf-8")
    return path


REFUSING = {
    "number": lambda tmp: ["number"],
    "close": lambda tmp: ["close", "--numbers", "203", "--date", "2024-03-01"],
    "woo-export": lambda tmp: ["woo-export", "--out", str(tmp / "woo"), "--no-pdf"],
    "minutes preview": lambda tmp: ["minutes", str(minutes_file(tmp)), "--meeting", "2023-10-26"],
    "minutes --apply": lambda tmp: ["minutes", str(minutes_file(tmp)), "--meeting", "2023-10-26", "--apply"],
    "check": lambda tmp: ["check"],
}


@pytest.mark.parametrize("command", REFUSING.values(), ids=REFUSING.keys())
def test_a_command_that_numbers_writes_or_publishes_actions_refuses_with_the_cell(demo, tmp_path, command):
    before = demo.read_bytes()
    args = command(tmp_path)
    result = run(args[0], demo, *args[1:])
    assert result.exit_code == 1, result.output
    assert REFUSAL in result.output and "Traceback" not in result.output
    assert demo.read_bytes() == before
    assert not (tmp_path / "woo").exists()


def test_import_into_a_workbook_with_a_formula_in_nr_is_refused(demo, tmp_path):
    source = tmp_path / "lijst.csv"
    source.write_text("Nr;Onderwerp;Omschrijving\n900;Nieuw;Een actie van de oude lijst\n", encoding="utf-8")
    before = demo.read_bytes()
    result = run("import-actions", demo, source)
    assert result.exit_code == 1 and REFUSAL in result.output, result.output
    assert demo.read_bytes() == before


def test_the_warning_names_five_cells_and_counts_the_rest():
    marks = {(row, 1): f"=A{row - 1}+1" for row in range(2, 10)}
    table = Table(schema.ACTIONS.name, ["Nr"], [Row(r, {"Nr": r}) for r in range(2, 10)], marks)
    note = records.calculated_note([table, Table(schema.ARCHIVE.name, ["Nr"], [], {(4, 1): "="})])
    assert note.startswith("Nr wordt berekend met een formule in Acties!A2, Acties!A3, Acties!A4, Acties!A5, "
                           "Acties!A6 en nog 4 cel(len); getoond")


def test_no_formula_no_warning(demo_original):
    assert records.calculated_note(FileBackend(demo_original).read(["Acties", "Archief"]).values()) == ""
    assert run("actions", demo_original, "--json").output.count('"warnings": []') == 1


def test_applying_a_proposal_made_before_the_formula_was_typed_is_refused(demo_original, tmp_path):
    path = Path(shutil.copyfile(demo_original, tmp_path / "or.xlsm"))
    proposed = run("minutes", path, minutes_file(tmp_path), "--meeting", "2023-10-26", "--propose")
    assert proposed.exit_code == 0, proposed.output
    with_nr(path, '<c r="A3"><f>A2+75</f><v>187</v></c>')
    before = path.read_bytes()
    result = run("apply-proposal", path)
    assert result.exit_code == 1 and REFUSAL in result.output, result.output
    assert path.read_bytes() == before


def test_the_overview_button_in_excel_warns_as_the_command_does(demo, monkeypatch):
    """Live (xlwings, desktop Excel's protocol): the formula is seen there too, the same warning ends the message."""
    from orsheet.macros import overview_message
    from orsheet.workbook.xlwings_backend import XlwingsBackend
    from tests.excel_support import LICENSE_ENV, desktop_workbook, enable_remote_engine

    monkeypatch.setenv(*LICENSE_ENV)
    enable_remote_engine()
    book = desktop_workbook(demo)
    assert overview_message(overview(XlwingsBackend(book))).endswith(WARNING)
