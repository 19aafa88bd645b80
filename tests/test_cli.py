"""The command line as users and scripts meet it: exit codes, JSON, Dutch errors."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest

from orsheet import schema
from orsheet.workbook.base import AppendRows
from orsheet.workbook.file import FileBackend
from tests.support.cli import run, run_json

ROOT = Path(__file__).resolve().parent.parent


def state(path: Path) -> tuple[bytes, int]:
    return path.read_bytes(), path.stat().st_mtime_ns


def put(path: Path, sheet: str, cell: str, value) -> None:
    """Type a value into one cell, as a user would in Excel."""
    book = openpyxl.load_workbook(path, keep_vba=True)
    book[sheet][cell] = value
    book.save(path)


def add(path: Path, *rows: dict) -> None:
    FileBackend(path).write([AppendRows(schema.ACTIONS.name, list(rows))])


def test_number_gives_new_rows_the_next_number_and_remembers_it_in_the_settings(template_copy):
    add(template_copy, {schema.NR: 12, schema.ONDERWERP: "Oud"}, {schema.ONDERWERP: "Nieuw"})
    code, result = run_json("number", template_copy)
    assert code == 0 and result["numbered"] == [{"row": 3, "number": 13}]
    settings = FileBackend(template_copy).read([schema.SETTINGS.name])[schema.SETTINGS.name]
    assert {r.values["Instelling"]: r.values["Waarde"] for r in settings.rows}[schema.SETTING_LAST_NUMBER] == 13


def test_a_number_is_never_reused_after_its_action_left_both_sheets(template_copy):
    add(template_copy, {schema.NR: 40, schema.ONDERWERP: "Wordt verwijderd"})
    run_json("number", template_copy)  # nothing to number, but the state is fine
    run_json("close", template_copy, "--numbers", "40")
    book = openpyxl.load_workbook(template_copy, keep_vba=True)
    book[schema.ARCHIVE.name].delete_rows(2)  # someone clears the archive by hand
    book.save(template_copy)
    add(template_copy, {schema.ONDERWERP: "Nieuw"})
    assert run_json("number", template_copy)[1]["numbered"][0]["number"] == 41


def test_close_moves_finished_actions_to_the_archive_with_the_date(template_copy):
    add(template_copy, {schema.NR: 1, schema.STATUS: "afgerond"}, {schema.NR: 2}, {schema.NR: 3})
    code, result = run_json("close", template_copy, "--numbers", "3", "--date", "2023-10-12")
    assert code == 0 and [a["number"] for a in result["closed"]] == [1, 3]
    tables = FileBackend(template_copy).read([schema.ACTIONS.name, schema.ARCHIVE.name])
    assert [r.values[schema.NR] for r in tables[schema.ACTIONS.name].rows] == [2]
    archived = tables[schema.ARCHIVE.name].rows
    assert [(r.values[schema.NR], r.values[schema.AFGEROND_OP].isoformat()) for r in archived] == [(1, "2023-10-12"), (3, "2023-10-12")]


def test_closing_an_unknown_number_changes_nothing_and_exits_1(template_copy):
    add(template_copy, {schema.NR: 1})
    before = state(template_copy)
    code, result = run_json("close", template_copy, "--numbers", "1,999")
    assert code == 1 and "actie 999 bestaat niet" in result["error"]["message"]
    assert state(template_copy) == before


def test_a_workbook_open_in_excel_gives_exit_1_and_stays_untouched(template_copy):
    add(template_copy, {schema.ONDERWERP: "Nieuw"})
    template_copy.with_name("~$" + template_copy.name).write_bytes(b"")
    before = state(template_copy)
    code, result = run_json("number", template_copy)
    assert code == 1 and "geopend in Excel" in result["error"]["message"]
    assert state(template_copy) == before


@pytest.mark.parametrize(
    "cell, value, expected",
    [
        ("A3", 2, "Acties!A3 (Nr): nummer 2 komt twee keer voor (ook in Acties!A2 (Nr))"),
        ("A3", "abc", 'Acties!A3 (Nr): "abc" is geen geheel getal'),
        ("F3", "31-02-2023", 'Acties!F3 (Datum): datum "31-02-2023" bestaat niet'),
        ("B1", None, "Acties!B1: kolomkop is leeg, maar de kolom bevat gegevens"),
    ],
)
def test_bad_cells_are_named_in_a_dutch_message_and_nothing_is_written(template_copy, cell, value, expected):
    add(template_copy, {schema.NR: 2, schema.ONDERWERP: "Een"}, {schema.NR: 3, schema.ONDERWERP: "Twee"}, {schema.ONDERWERP: "Drie"})
    put(template_copy, schema.ACTIONS.name, cell, value)
    before = state(template_copy)
    result = run("number", template_copy)
    assert result.exit_code == 1
    assert expected in result.output
    assert state(template_copy) == before


def test_a_missing_sheet_is_named(template_copy):
    book = openpyxl.load_workbook(template_copy, keep_vba=True)
    del book[schema.ARCHIVE.name]
    book.save(template_copy)
    code, result = run_json("number", template_copy)
    assert code == 1 and "Archief ontbreekt" in result["error"]["message"]


def test_an_xlsx_that_is_not_ours_is_refused(tmp_path):
    other = tmp_path / "begroting.xlsx"
    book = openpyxl.Workbook()
    book.active["A1"] = "Begroting"
    book.save(other)
    code, result = run_json("number", other)
    assert code == 1 and "geen orsheet-werkmap" in result["error"]["message"]


def test_check_lists_every_problem_with_its_cell(template_copy):
    add(template_copy, {schema.NR: "abc"}, {schema.NR: 5, schema.DATUM: "32-01-2023"})
    code, result = run_json("check", template_copy)
    assert code == 1
    assert [p["message"].split(":")[0] for p in result["error"]["problems"]] == ["Acties!A2 (Nr)", "Acties!F3 (Datum)"]


def test_new_refuses_to_overwrite_an_existing_workbook(template_copy):
    code, result = run_json("new", template_copy)
    assert code == 1 and "bestaat al" in result["error"]["message"]


def test_a_usage_error_exits_2():
    assert run("close").exit_code == 2


def test_help_starts_without_loading_pandas_or_openpyxl():
    code = "import sys; from orsheet.cli import main; sys.argv=['orsheet','--help']\ntry: main()\nexcept SystemExit: pass\nprint(sorted(m for m in ('pandas','openpyxl','xlwings','docx') if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert out.stdout.strip().splitlines()[-1] == "[]"


def test_reading_and_numbering_load_neither_openpyxl_nor_pandas(template_copy):
    """openpyxl (which loads numpy) is needed only when rows move and formulas follow."""
    code = (
        "import sys; from orsheet.cli import main\n"
        "for args in (['actions', sys.argv[1], '--json'], ['number', sys.argv[1], '--json']):\n"
        "    sys.argv = ['orsheet', *args]\n"
        "    try: main()\n"
        "    except SystemExit as stop: assert stop.code in (0, None), stop.code\n"
        "print(sorted(m for m in ('pandas', 'openpyxl', 'numpy') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code, str(template_copy)], capture_output=True, text=True, cwd=ROOT,
                         env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip().splitlines()[-1] == "[]"


def test_demo_builds_a_workbook_and_runs_the_main_job(tmp_path):
    code, result = run_json("demo", tmp_path / "demo")
    assert code == 0
    workbook = Path(result["workbook"])
    assert workbook.is_file()
    assert any("genummerd" in step for step in result["steps"])
    documents = [Path(d) for d in result["documents"]]
    assert any(d.suffix == ".docx" and d.is_file() for d in documents), "the demo agenda"
    assert any(d.suffix == ".ics" and d.read_text().startswith("BEGIN:VCALENDAR") for d in documents)
    woo = next(d for d in documents if d.name == "Woo-publicatie")
    assert (woo / "inventarislijst.csv").is_file()
    assert json.dumps(result)  # the whole result is JSON-serialisable


def test_check_also_reports_a_bad_year_plan_setting_with_its_cell(template_copy):
    settings = FileBackend(template_copy).read([schema.SETTINGS.name])[schema.SETTINGS.name]
    row = next(r.number for r in settings.rows if "interval" in str(r.values["Instelling"]).lower())
    put(template_copy, schema.SETTINGS.name, f"B{row}", 0)
    code, result = run_json("check", template_copy)
    assert code == 1
    assert any(p["message"].startswith(f"Instellingen!B{row}") for p in result["error"]["problems"])


def test_a_usage_error_with_json_is_a_json_document_and_exit_2(tmp_path):
    out = subprocess.run([sys.executable, "-m", "orsheet", "close", str(tmp_path / "x.xlsm"), "--json", "--bogus"],
                         capture_output=True, text=True, cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert out.returncode == 2
    assert json.loads(out.stdout)["error"]["usage"] is True


def test_close_accepts_a_dutch_written_date(template_copy):
    add(template_copy, {schema.NR: 1})
    code, result = run_json("close", template_copy, "--numbers", "1", "--date", "12-10-2023")
    assert code == 0 and result["date"] == "2023-10-12"


def test_check_points_at_a_deadline_typed_as_a_date_that_does_not_exist(template_copy):
    add(template_copy, {schema.NR: 1, schema.DEADLINE: "31-02-2023"}, {schema.NR: 2, schema.DEADLINE: "eind okt"})
    code, result = run_json("check", template_copy)
    assert code == 1
    assert [p["message"] for p in result["error"]["problems"]] == [
        'Acties!G2 (Deadline): datum "31-02-2023" bestaat niet (bewaard als tekst)']


def test_new_with_force_saves_like_every_save_keeping_the_old_file_as_backup(template_copy):
    from orsheet.workbook.safe_save import backups_of

    add(template_copy, {schema.NR: 1})
    old = template_copy.read_bytes()
    code, result = run_json("new", template_copy, "--force")
    assert code == 0
    assert backups_of(template_copy)[-1].read_bytes() == old
    assert FileBackend(template_copy).read([schema.ACTIONS.name])[schema.ACTIONS.name].rows == []


def test_new_with_force_refuses_a_workbook_open_in_excel(template_copy):
    (template_copy.parent / f"~${template_copy.name}").write_bytes(b"")
    before = state(template_copy)
    code, result = run_json("new", template_copy, "--force")
    assert code == 1 and "geopend in Excel" in result["error"]["message"]
    assert state(template_copy) == before


def test_demo_a_second_time_keeps_what_the_user_added_to_the_first_demo_workbook_in_backup(tmp_path):
    folder = tmp_path / "demo"
    assert run_json("demo", folder)[0] == 0
    workbook = folder / "orsheet-demo.xlsm"
    FileBackend(workbook).write([AppendRows(schema.ACTIONS.name, [{schema.NR: 500, schema.ONDERWERP: "Eigen proef"}])])
    code, result = run_json("demo", folder)
    assert code == 0, result
    kept = [path for path in (folder / "backup").glob("*.xlsm")
            if any(r.values[schema.NR] == 500 for r in FileBackend(path).read([schema.ACTIONS.name])[schema.ACTIONS.name].rows)]
    assert kept, "the workbook the second demo replaced"


def test_demo_while_its_workbook_is_open_in_excel_changes_nothing(tmp_path):
    folder = tmp_path / "demo"
    assert run_json("demo", folder)[0] == 0
    workbook = folder / "orsheet-demo.xlsm"
    (folder / "~$orsheet-demo.xlsm").write_bytes(b"owner")
    before = workbook.read_bytes()
    code, result = run_json("demo", folder)
    assert code == 1 and "geopend in Excel" in result["error"]["message"]
    assert workbook.read_bytes() == before


def test_demo_given_a_workbook_name_asks_for_a_folder(tmp_path):
    code, result = run_json("demo", tmp_path / "demo.xlsm")
    assert code == 1 and "Geef een mapnaam" in result["error"]["message"]
    assert not (tmp_path / "demo.xlsm").exists()


def test_actions_of_one_meeting_kind_use_the_agendas_rule_not_a_piece_of_text(template_copy):
    """"--overleg OR" found "Informeel overleg" (inf-OR-meel) and "Overlegvergadering" missed "OV"."""
    rows = [{schema.NR: 1, schema.ONDERWERP: "Kantine", schema.OVERLEG: "Informeel overleg"},
            {schema.NR: 2, schema.ONDERWERP: "Iets voor OV", schema.OVERLEG: "OV"},
            {schema.NR: 3, schema.ONDERWERP: "Werkdruk", schema.OVERLEG: "OR-vergadering"}]
    FileBackend(template_copy).write([AppendRows(schema.ACTIONS.name, rows)])

    def listed(kind: str) -> list[int]:
        code, result = run_json("actions", template_copy, "--overleg", kind)
        assert code == 0, result
        return [action["number"] for action in result["actions"]]

    assert listed("OR") == [3]
    assert listed("Overlegvergadering") == listed("OV") == [2]
    assert listed("informeel") == [1]
