"""Jaarplanning on real workbooks: propose, apply, keep hand edits, export .ics, Dutch errors."""

from __future__ import annotations

import json
import shutil
from datetime import date, time
from pathlib import Path

import icalendar
import pytest
from click.testing import CliRunner

from orsheet import records, schema
from orsheet.cli import main
from orsheet.errors import CellError, InputError
from orsheet.model import OR_MEETING, OV_MEETING
from orsheet.schedule import split_marker
from orsheet.services.schedule import dutch_holidays, plan_year
from orsheet.template_file import template_path
from orsheet.workbook.base import AppendRows, UpdateCells
from orsheet.workbook.memory import MemoryBackend
from orsheet.workbook.file import FileBackend
from tests.test_schedule_plan import EXPECTED_OR, HOLIDAYS_2024


@pytest.fixture
def workbook(tmp_path: Path) -> Path:
    path = tmp_path / "or.xlsm"
    shutil.copyfile(template_path(), path)
    return path


def meetings_in(backend) -> list:
    return records.meetings_from_table(backend.read([schema.MEETINGS.name])[schema.MEETINGS.name])


def find(meetings, day: date, kind: str = OR_MEETING):
    [meeting] = [m for m in meetings if m.date == day and m.kind == kind]
    return meeting


def test_dutch_holidays_name_hemelvaartsdag_2024():
    assert dutch_holidays(2024)[date(2024, 5, 9)] == "Hemelvaartsdag"


def test_plan_year_without_apply_writes_nothing():
    backend = MemoryBackend.new()
    result = plan_year(backend, 2024, apply=False, holidays=HOLIDAYS_2024)
    assert len(result.changes.added) == 52
    assert backend.writes == 0
    assert meetings_in(backend) == []


def test_plan_year_with_apply_fills_vergaderingen_with_the_default_plan():
    backend = MemoryBackend.new()
    result = plan_year(backend, 2024, apply=True)  # real Dutch holidays from the holidays package
    assert result.applied
    stored = meetings_in(backend)
    assert [m.date for m in stored if m.kind == OR_MEETING] == EXPECTED_OR
    assert split_marker(find(stored, date(2024, 5, 9)).remark)[0] == "Hemelvaartsdag; voorstel: do 16-05-2024"
    assert result.warnings == [
        "do 09-05-2024: OR-vergadering valt op Hemelvaartsdag",
        "do 09-05-2024: Overlegvergadering valt op Hemelvaartsdag",
    ]


def test_hand_edits_in_a_real_workbook_survive_regeneration(workbook: Path):
    plan_year(FileBackend(workbook), 2024, apply=True, holidays=HOLIDAYS_2024)
    backend = FileBackend(workbook)
    stored = meetings_in(backend)
    moved = find(stored, date(2024, 5, 9))
    cancelled = find(stored, date(2024, 3, 14), OV_MEETING)
    retimed = find(stored, date(2024, 6, 20))
    backend.write(
        [
            UpdateCells(schema.MEETINGS.name, moved.row, {schema.DATUM: date(2024, 5, 16)}),
            UpdateCells(schema.MEETINGS.name, cancelled.row, {"Opmerking": "geschrapt"}),
            UpdateCells(schema.MEETINGS.name, retimed.row, {"Begin": time(9), "Einde": time(10, 30)}),
            AppendRows(schema.MEETINGS.name, [{schema.DATUM: date(2024, 10, 3), "Soort": OR_MEETING,
                                               "Begin": time(13), "Einde": time(15), "Opmerking": "extra"}]),
        ]
    )  # fmt: skip
    result = plan_year(FileBackend(workbook), 2024, apply=True, holidays=HOLIDAYS_2024)
    assert not result.changes.has_changes
    assert len(result.changes.kept_by_hand) == 4
    after = meetings_in(FileBackend(workbook))
    assert len(after) == 53
    assert find(after, date(2024, 5, 16)).start == time(10)
    assert not [m for m in after if m.date == date(2024, 5, 9) and m.kind == OR_MEETING]
    assert find(after, date(2024, 3, 14), OV_MEETING).remark == "geschrapt"
    assert find(after, date(2024, 6, 20)).start == time(9)
    assert find(after, date(2024, 10, 3)).remark == "extra"


def test_changed_settings_update_only_untouched_rows_in_a_real_workbook(workbook: Path):
    plan_year(FileBackend(workbook), 2024, apply=True, holidays=HOLIDAYS_2024)
    backend = FileBackend(workbook)
    retimed = find(meetings_in(backend), date(2024, 6, 20))
    backend.write([UpdateCells(schema.MEETINGS.name, retimed.row, {"Begin": time(9)})])
    _set_setting(backend, "Reeks 1 begin", "09:30")
    result = plan_year(FileBackend(workbook), 2024, apply=True, holidays=HOLIDAYS_2024)
    assert len(result.changes.updated) == 25
    after = meetings_in(FileBackend(workbook))
    assert {m.start for m in after if m.kind == OR_MEETING} == {time(9, 30), time(9)}
    assert find(after, date(2024, 6, 20)).start == time(9)


def _set_setting(backend, key: str, value) -> None:
    settings = records.settings_from_table(backend.read([schema.SETTINGS.name])[schema.SETTINGS.name])
    if key in settings:
        backend.write([UpdateCells(schema.SETTINGS.name, settings[key].row, {"Waarde": value})])
        return
    # a template built before the series rows existed: write the whole default block
    rows = [{"Instelling": k, "Waarde": value if k == key else v} for k, v in schema.DEFAULT_SETTINGS if k.startswith("Reeks")]
    backend.write([AppendRows(schema.SETTINGS.name, rows)])


def test_bad_setting_stops_the_plan_with_the_cell_named():
    backend = MemoryBackend.new()
    _set_setting(backend, "Reeks 1 interval (weken)", 0)
    with pytest.raises(CellError, match=r"^Instellingen!B\d+ \(Waarde\): interval moet 1 tot en met 52 weken zijn, niet 0$"):
        plan_year(backend, 2024, apply=True, holidays=HOLIDAYS_2024)
    assert backend.writes == 1  # only the setting written by the test


def test_cli_schedule_shows_the_plan_and_applies_it_with_ics(workbook: Path, tmp_path: Path):
    runner = CliRunner()
    ics = tmp_path / "vergaderingen.ics"
    shown = runner.invoke(main, ["schedule", str(workbook), "--year", "2024"])
    assert shown.exit_code == 0, shown.output
    assert "mei 2024\n  do 09-05-2024  10:00–11:30  OR-vergadering, Vergaderruimte 6.2.02  ! Hemelvaartsdag" in shown.output
    assert "voorgesteld (nog niet opgeslagen): 52 nieuw" in shown.output
    assert shown.output.rstrip().endswith("Gebruik --apply om op te slaan.")
    applied = runner.invoke(main, ["schedule", str(workbook), "--year", "2024", "--apply", "--ics", str(ics), "--json"])
    assert applied.exit_code == 0, applied.output
    data = json.loads(applied.output)
    assert data["applied"] is True and len(data["added"]) == 52
    assert data["added"][0] == {
        "row": None, "date": "2024-01-04", "kind": "OR-vergadering", "start": "10:00:00", "end": "11:30:00",
        "location": "Vergaderruimte 6.2.02", "remark": "",
    }  # fmt: skip
    uids = [str(e["UID"]) for e in icalendar.Calendar.from_ical(ics.read_bytes()).walk("VEVENT")]
    assert len(uids) == 52
    again = runner.invoke(main, ["schedule", str(workbook), "--year", "2024", "--ics", str(ics), "--json"])
    assert json.loads(again.output)["added"] == []
    assert [str(e["UID"]) for e in icalendar.Calendar.from_ical(ics.read_bytes()).walk("VEVENT")] == uids


def test_cli_schedule_reports_a_bad_weekday_in_dutch(workbook: Path):
    _set_setting(FileBackend(workbook), "Reeks 1 weekdag", "dondag")
    result = CliRunner().invoke(main, ["schedule", str(workbook), "--year", "2024", "--json"])
    assert result.exit_code == 1
    error = json.loads(result.output)["error"]
    assert error["sheet"] == "Instellingen" and error["column"] == "Waarde"
    assert '"dondag" is geen weekdag' in error["message"]


def test_ics_for_others_has_no_file_links_and_marks_holiday_meetings_tentative(tmp_path: Path):
    folder = tmp_path / "Agenda's"
    folder.mkdir()
    (folder / "Agenda OR-vergadering 2024-01-04.pdf").write_bytes(b"only on this computer")
    ics = tmp_path / "plan.ics"
    plan_year(MemoryBackend.new(), 2024, holidays=HOLIDAYS_2024, ics_path=ics, workbook_dir=tmp_path)
    data = ics.read_bytes()
    assert b"file:" not in data
    events = {str(e["UID"]): e for e in icalendar.Calendar.from_ical(data).walk("VEVENT")}
    ascension = events["or-20240509.ondernemingsraad@orsheet"]
    assert str(ascension["STATUS"]) == "TENTATIVE"
    assert str(ascension["SUMMARY"]) == "OR-vergadering (Hemelvaartsdag?)"
    assert str(events["or-20240104.ondernemingsraad@orsheet"]["STATUS"]) == "CONFIRMED"


def test_ics_description_links_the_agenda_found_in_the_agenda_folder(tmp_path: Path):
    folder = tmp_path / "Agenda's"
    folder.mkdir()
    agenda = folder / "Agenda OR-vergadering 2024-01-04.pdf"  # the name `orsheet agenda` writes
    agenda.write_bytes(b"not read, only linked")
    (folder / "Opzet verslag OR-vergadering 2024-01-04.docx").write_bytes(b"minutes, not an agenda")
    (folder / "agenda ov 18-01-2024.docx").write_bytes(b"typed by hand")
    ics = tmp_path / "plan.ics"
    plan_year(MemoryBackend.new(), 2024, holidays=HOLIDAYS_2024, ics_path=ics, workbook_dir=tmp_path,
              local_links=True)  # the secretary's own calendar
    events = {str(e["UID"]): e for e in icalendar.Calendar.from_ical(ics.read_bytes()).walk("VEVENT")}
    linked = events["or-20240104.ondernemingsraad@orsheet"]
    assert str(linked["DESCRIPTION"]) == f"Agenda: {agenda.resolve().as_uri()}"
    assert "DESCRIPTION" not in events["io-20240104.ondernemingsraad@orsheet"]
    by_hand = (folder / "agenda ov 18-01-2024.docx").resolve().as_uri()
    assert str(events["ov-20240118.ondernemingsraad@orsheet"]["DESCRIPTION"]) == f"Agenda: {by_hand}"
    assert "DESCRIPTION" not in events["or-20240118.ondernemingsraad@orsheet"]


def test_impossible_year_is_refused_in_dutch(workbook: Path):
    result = CliRunner().invoke(main, ["schedule", str(workbook), "--year", "24"])
    assert result.exit_code == 1
    assert "24 is geen jaar om te plannen" in result.output


def test_meeting_with_agenda_items_is_not_removed_when_the_series_changes():
    backend = MemoryBackend.new()
    plan_year(backend, 2024, apply=True, holidays=HOLIDAYS_2024)
    backend.write([AppendRows(schema.AGENDA_ITEMS.name, [{"Vergadering": date(2024, 2, 1), "Nr": "1", "Onderwerp": "Opening"}])])
    _set_setting(backend, "Reeks 1 weekdag", "di")
    result = plan_year(backend, 2024, apply=True, holidays=HOLIDAYS_2024)
    assert len(result.changes.removed) == 25
    assert find(meetings_in(backend), date(2024, 2, 1)).kind == OR_MEETING
    assert result.warnings[0] == "do 01-02-2024: OR-vergadering blijft staan: er zijn agendapunten voor deze datum"


def test_suggested_year_is_next_year_from_october():
    from orsheet.services.schedule import suggested_year

    assert suggested_year(date(2023, 9, 30)) == 2023
    assert suggested_year(date(2023, 10, 1)) == 2024


def test_message_for_excel_lists_the_warnings():
    result = plan_year(MemoryBackend.new(), 2024, apply=True, holidays=HOLIDAYS_2024)
    assert result.message() == (
        "Jaarplanning 2024 toegepast: 52 nieuw, 0 bijgewerkt, 0 verwijderd, 0 met de hand aangepast of in gebruik "
        "en bewaard.\n\nLet op:\n- do 09-05-2024: OR-vergadering valt op Hemelvaartsdag\n"
        "- do 09-05-2024: Overlegvergadering valt op Hemelvaartsdag"
    )


def test_ics_into_a_missing_folder_is_refused_before_anything_is_written(tmp_path: Path):
    backend = MemoryBackend.new()
    with pytest.raises(InputError, match="bestaat niet"):
        plan_year(backend, 2024, apply=True, holidays=HOLIDAYS_2024, ics_path=tmp_path / "nergens" / "or.ics")
    assert backend.writes == 0


@pytest.mark.libreoffice
def test_plan_resaved_by_libreoffice_calc_is_still_recognised_as_untouched(workbook: Path, tmp_path: Path):
    import subprocess

    from orsheet.documents.pdf import find_soffice

    soffice = find_soffice()
    if soffice is None:
        pytest.skip("LibreOffice (soffice) is not installed")
    plan_year(FileBackend(workbook), 2024, apply=True, holidays=HOLIDAYS_2024)
    out = tmp_path / "resaved"
    profile = (tmp_path / "lo-profile").as_uri()
    subprocess.run(
        [soffice, f"-env:UserInstallation={profile}", "--headless", "--convert-to", "xlsm", "--outdir", str(out), str(workbook)],
        check=True, capture_output=True, timeout=120,
    )  # fmt: skip
    result = plan_year(FileBackend(out / workbook.name), 2024, holidays=HOLIDAYS_2024)
    assert not result.changes.has_changes
    assert len(result.changes.unchanged) == 52


def test_hand_typed_ov_vergadering_row_stands_for_the_planned_overlegvergadering(workbook: Path):
    backend = FileBackend(workbook)
    backend.write([AppendRows(schema.MEETINGS.name, [
        {schema.DATUM: date(2024, 1, 18), "Soort": "OV-vergadering", "Begin": time(14), "Einde": time(15, 30)},
    ])])  # fmt: skip
    result = CliRunner().invoke(main, ["schedule", str(workbook), "--year", "2024", "--apply"])
    assert result.exit_code == 0, result.output
    on_the_day = [m for m in meetings_in(FileBackend(workbook)) if m.date == date(2024, 1, 18) and m.start == time(14)]
    assert [m.kind for m in on_the_day] == ["OV-vergadering"]


def _rows(backend) -> list[dict]:
    return [row.values for row in backend.read([schema.MEETINGS.name])[schema.MEETINGS.name].rows]


def test_the_plan_marker_goes_into_its_own_column_and_opmerking_stays_the_secretarys(workbook: Path):
    backend = FileBackend(workbook)
    plan_year(backend, 2024, apply=True, holidays=HOLIDAYS_2024)
    rows = _rows(backend)
    assert rows and all("[jaarplanning" not in str(row.get("Opmerking") or "") for row in rows)
    assert all(str(row[schema.PLAN_MARKER]).startswith("[jaarplanning ") for row in rows)
    again = plan_year(FileBackend(workbook), 2024, apply=True, holidays=HOLIDAYS_2024)
    assert not again.changes.has_changes and len(again.changes.unchanged) == 52  # still recognised as untouched


def test_a_marker_in_opmerking_of_an_older_workbook_is_still_recognised_and_moves_to_its_column():
    backend = MemoryBackend.new()
    plan_year(backend, 2024, apply=True, holidays=HOLIDAYS_2024)
    first = _rows(backend)[0]
    row = backend.read([schema.MEETINGS.name])[schema.MEETINGS.name].rows[0].number
    backend.write([UpdateCells(schema.MEETINGS.name, row, {  # as orsheet wrote it before the column existed
        "Opmerking": first[schema.PLAN_MARKER], schema.PLAN_MARKER: None})])
    result = plan_year(backend, 2024, apply=True, holidays=HOLIDAYS_2024)
    assert not result.changes.has_changes  # the row is still the plan's own, untouched
    _set_setting(backend, "Reeks 1 locatie", "Zaal 1")
    plan_year(backend, 2024, apply=True, holidays=HOLIDAYS_2024)  # the row is rewritten: marker to its column
    moved = _rows(backend)[0]
    assert not moved.get("Opmerking") and str(moved[schema.PLAN_MARKER]).startswith("[jaarplanning OR ")
