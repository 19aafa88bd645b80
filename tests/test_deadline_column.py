"""The computed column "Deadline (datum)": what a typed deadline means, kept up to date by every save."""

from __future__ import annotations

import json
from datetime import date, datetime
from pathlib import Path

import openpyxl
from click.testing import CliRunner

from orsheet import model, schema
from orsheet.cli import main
from orsheet.services.actions import check_workbook, close_actions, import_actions, number_actions
from orsheet.services.minutes import MinutesChanges, apply_plan, plan_changes
from orsheet.build.contract_workbook import OVERDUE_FORMULA
from orsheet.template_file import template_path
from orsheet.workbook.base import AppendRows
from orsheet.workbook.memory import MemoryBackend
from orsheet.workbook.file import FileBackend

ACTIES, ARCHIEF = schema.ACTIONS.name, schema.ARCHIVE.name
DUE = schema.DEADLINE_DATE


def action(nr=None, deadline="eind okt", datum=date(2023, 9, 28), **extra) -> dict[str, object]:
    return {schema.NR: nr, schema.ONDERWERP: "Poster", schema.OMSCHRIJVING: "Poster maken",
            schema.DATUM: datum, schema.DEADLINE: deadline, **extra}


def run(*args: str) -> dict:
    result = CliRunner().invoke(main, [*args, "--json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


def sheet_rows(path: Path, sheet: str) -> list[dict[str, object]]:
    grid = list(openpyxl.load_workbook(path)[sheet].iter_rows(values_only=True))
    return [dict(zip(grid[0], row)) for row in grid[1:] if any(v is not None for v in row)]


def old_workbook(path: Path) -> Path:
    """A workbook as orsheet made it before Deadline (datum) existed: Acties/Archief end at Afgerond op."""
    book = openpyxl.load_workbook(path, keep_vba=True)
    for name in (ACTIES, ARCHIEF):
        sheet = book[name]
        sheet.delete_cols(len(schema.ACTIONS.headers))
        table = sheet.tables[name]
        table.ref = "A1:J2"
        table.tableColumns = table.tableColumns[:-1]
    book.save(path)
    return path


def test_number_fills_the_computed_deadline_and_keeps_the_typed_text(template_copy):
    FileBackend(template_copy).write([AppendRows(ACTIES, [action()])])
    run("number", str(template_copy))
    row = sheet_rows(template_copy, ACTIES)[0]
    assert row[schema.NR] == 1
    assert row[schema.DEADLINE] == "eind okt"
    assert row[DUE] == datetime(2023, 10, 31)
    sheet = openpyxl.load_workbook(template_copy)[ACTIES]
    assert sheet.cell(2, len(schema.ACTIONS.headers)).number_format == schema.DATE_FORMAT  # shown as 31-10-2023


def test_the_computed_column_is_last_and_the_contract_columns_keep_their_order():
    header = [c.value for c in openpyxl.load_workbook(template_path())[ACTIES][1]]
    assert header[-1] == DUE
    assert header[:-1] == [schema.NR, schema.ONDERWERP, schema.OMSCHRIJVING, schema.VERANTWOORDELIJKE, schema.OVERLEG,
                           schema.DATUM, schema.DEADLINE, schema.STATUS, schema.OPMERKINGEN, schema.AFGEROND_OP]
    assert [c.value for c in openpyxl.load_workbook(template_path())[ARCHIEF][1]] == header


def test_the_computed_column_header_looks_different_and_says_orsheet_fills_it():
    sheet = openpyxl.load_workbook(template_path())[ACTIES]
    assert sheet["K1"].fill.start_color.rgb != sheet["J1"].fill.start_color.rgb
    prompts = [v.prompt or "" for v in sheet.data_validations.dataValidation if "K1" in str(v.sqref)]
    assert any("orsheet" in p for p in prompts)


def test_the_overdue_formatting_uses_the_computed_column_and_skips_done_and_on_hold():
    sheet = openpyxl.load_workbook(template_path())[ACTIES]
    formulas = [rule.formula[0] for cf in sheet.conditional_formatting for rule in cf.rules]
    assert formulas == [OVERDUE_FORMULA]
    assert "ISNUMBER($K2)" in OVERDUE_FORMULA and "$K2<TODAY()" in OVERDUE_FORMULA  # K = Deadline (datum)
    assert "ISNUMBER($G2)" in OVERDUE_FORMULA and "$G2<TODAY()" in OVERDUE_FORMULA  # a typed real date still counts
    assert '"afgerond"' in OVERDUE_FORMULA and '"on hold"' in OVERDUE_FORMULA  # as services.overview counts overdue
    assert '$J2=""' in OVERDUE_FORMULA  # J = Afgerond op: a date there means done (model.Action.is_done)


def test_an_old_workbook_without_the_column_still_numbers_and_closes(template_copy):
    path = old_workbook(template_copy)
    FileBackend(path).write([AppendRows(ACTIES, [action(), action(deadline="z.s.m.")])])
    run("number", str(path))
    run("close", str(path), "--numbers", "1", "--date", "2023-10-12")
    acties, archief = sheet_rows(path, ACTIES), sheet_rows(path, ARCHIEF)
    assert [r[schema.NR] for r in acties] == [2] and [r[schema.NR] for r in archief] == [1]
    assert archief[0][schema.AFGEROND_OP] == datetime(2023, 10, 12)
    assert DUE not in acties[0] and DUE not in archief[0]
    assert [c.value for c in openpyxl.load_workbook(path)[ACTIES][1]][-1] == schema.AFGEROND_OP


def memory(rows: list[dict[str, object]], archive: list[dict[str, object]] = ()) -> MemoryBackend:
    return MemoryBackend.new({ACTIES: rows, ARCHIEF: list(archive)})


def test_a_garbage_value_in_the_computed_column_is_no_error_and_is_replaced_on_save():
    backend = memory([action(1, **{DUE: "onzin"}), action(deadline="Q1")])
    assert check_workbook(backend) == []
    number_actions(backend)
    assert backend.value(ACTIES, 2, DUE) == date(2023, 10, 31)
    assert backend.value(ACTIES, 3, DUE) == date(2024, 3, 31)


def test_a_deadline_that_is_not_understood_leaves_the_computed_column_empty():
    backend = memory([action(1, deadline="z.s.m.", **{DUE: date(2020, 1, 1)}), action()])
    number_actions(backend)
    assert backend.value(ACTIES, 2, DUE) is None
    assert backend.value(ACTIES, 2, schema.DEADLINE) == "z.s.m."


def test_a_real_date_deadline_is_its_own_computed_date():
    backend = memory([action(deadline=date(2023, 11, 15))])
    number_actions(backend)
    assert backend.value(ACTIES, 2, DUE) == date(2023, 11, 15)


def test_number_refreshes_a_stale_computed_deadline_even_when_every_action_has_a_number():
    backend = memory([action(7, deadline="medio november")])
    number_actions(backend)
    assert backend.value(ACTIES, 2, DUE) == date(2023, 11, 15)
    writes = backend.writes
    number_actions(backend)  # now up to date: nothing to write
    assert backend.writes == writes


def test_closing_carries_the_computed_deadline_to_the_archive():
    backend = memory([action(1, **{schema.STATUS: "afgerond"}), action(2, deadline="na de zomer")])
    close_actions(backend, on=date(2023, 10, 12))
    archived = backend.read([ARCHIEF])[ARCHIEF].rows
    assert archived[0].get(DUE) == date(2023, 10, 31) and archived[0].get(schema.DEADLINE) == "eind okt"
    assert backend.value(ACTIES, 2, DUE) == date(2024, 9, 10)


def test_a_row_cleared_by_hand_loses_its_computed_date():
    backend = memory([action(1), {DUE: date(2023, 10, 31)}, action()])
    number_actions(backend)
    assert backend.value(ACTIES, 3, DUE) is None
    assert backend.value(ACTIES, 4, DUE) == date(2023, 10, 31)


def test_import_actions_fills_the_computed_deadline(tmp_path):
    source = tmp_path / "oud.csv"
    source.write_text("Nr;Onderwerp;Datum;Deadline\n325;Poster;28-09-2023;eind okt\n326;Flyer;28-09-2023;doorlopend\n")
    backend = memory([])
    import_actions(backend, source)
    rows = backend.read([ACTIES])[ACTIES].rows
    assert [(r.get(schema.DEADLINE), r.get(DUE)) for r in rows] == [("eind okt", date(2023, 10, 31)), ("doorlopend", None)]


def test_applied_minutes_give_new_actions_their_computed_deadline():
    backend = memory([action(1)])
    new = model.Action(None, "Poster", "Jan maakt een poster", "Jan", model.OR_MEETING, date(2023, 10, 12),
                       deadline=model.Deadline(text="begin november"))
    changes = MinutesChanges(date(2023, 10, 12), model.OR_MEETING, "notulen.txt", "k1", close=[(1, "Actie 1 is afgerond")],
                             actions=[new])
    apply_plan(backend, plan_changes(backend, changes), today=date(2023, 10, 13))
    rows = backend.read([ACTIES, ARCHIEF])
    assert [(r.get(schema.NR), r.get(DUE)) for r in rows[ACTIES].rows] == [(2, date(2023, 11, 10))]
    assert [(r.get(schema.NR), r.get(DUE)) for r in rows[ARCHIEF].rows] == [(1, date(2023, 10, 31))]


def test_minutes_on_an_old_workbook_without_the_column_still_apply():
    backend = memory([action(1)])
    for name in (ACTIES, ARCHIEF):
        backend.sheets[name] = [row[:-1] for row in backend.sheets[name]]
    new = model.Action(None, "Poster", "Jan maakt een poster", "Jan", model.OR_MEETING, date(2023, 10, 12))
    changes = MinutesChanges(date(2023, 10, 12), model.OR_MEETING, "notulen.txt", "k1", close=[(1, "afgerond")],
                             actions=[new])
    apply_plan(backend, plan_changes(backend, changes), today=date(2023, 10, 13))
    assert backend.sheets[ACTIES][0][-1] == schema.AFGEROND_OP
    assert [r.get(schema.NR) for r in backend.read([ARCHIEF])[ARCHIEF].rows] == [1]
