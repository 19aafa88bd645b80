"""Instellingen -> meeting series: defaults, accepted spellings, Dutch errors naming the cell."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, time

import pytest

from orsheet import records, schema
from orsheet.errors import CellError, ProblemList, SheetError
from orsheet.schedule_settings import days_off_from_settings, series_from_settings
from orsheet.workbook.base import DeleteRows, UpdateCells
from orsheet.workbook.memory import MemoryBackend
from tests.test_schedule_plan import DEFAULT_SERIES


def settings_with(changes: dict[str, object] | None = None, delete: tuple[str, ...] = ()) -> dict:
    """Settings as read from a new workbook after the secretary typed ``changes``."""
    backend = MemoryBackend.new()
    settings = records.settings_from_table(backend.read([schema.SETTINGS.name])[schema.SETTINGS.name])
    edits = [UpdateCells(schema.SETTINGS.name, settings[key].row, {"Waarde": v}) for key, v in (changes or {}).items()]
    if delete:
        edits.append(DeleteRows(schema.SETTINGS.name, [settings[key].row for key in delete]))
    backend.write(edits)
    return records.settings_from_table(backend.read([schema.SETTINGS.name])[schema.SETTINGS.name])


def row_of(key: str) -> int:
    return settings_with()[key].row


def test_default_settings_describe_the_2024_pattern():
    assert series_from_settings(settings_with()) == DEFAULT_SERIES


def test_workbook_without_series_rows_gets_the_default_series():
    without = {k: v for k, v in settings_with().items() if not k.startswith("Reeks")}
    assert series_from_settings(without) == DEFAULT_SERIES


@pytest.mark.parametrize("typed", ["do", "Do.", "donderdag", "DONDERDAG", " don "])
def test_weekday_is_accepted_short_or_in_full(typed):
    [first, *_] = series_from_settings(settings_with({"Reeks 1 weekdag": typed}))
    assert first.weekday == 3


def test_typed_excel_date_and_time_cells_are_accepted():
    typed = {"Reeks 1 eerste datum": date(2024, 1, 11), "Reeks 1 begin": time(9, 30), "Reeks 1 einde": 0.5}
    [first, *_] = series_from_settings(settings_with(typed))
    assert (first.first, first.start, first.end) == (date(2024, 1, 11), time(9, 30), time(12))


def test_series_with_empty_kind_is_switched_off():
    series = series_from_settings(settings_with({"Reeks 3 soort": ""}))
    assert [s.number for s in series] == [1, 2]


def test_short_kind_names_are_understood():
    series = series_from_settings(settings_with({"Reeks 1 soort": "OR", "Reeks 2 soort": "ov", "Reeks 3 soort": "informeel"}))
    assert [s.kind for s in series] == [d.kind for d in DEFAULT_SERIES]


def test_unknown_weekday_names_the_cell():
    with pytest.raises(CellError) as error:
        series_from_settings(settings_with({"Reeks 1 weekdag": "dondag"}))
    assert str(error.value) == (
        f'Instellingen!B{row_of("Reeks 1 weekdag")} (Waarde): "dondag" is geen weekdag '
        "(schrijf bijvoorbeeld do of donderdag)"
    )


@pytest.mark.parametrize("weeks", [0, 53, 99999999999])
def test_an_interval_of_no_weeks_or_more_than_a_year_names_the_cell(weeks):
    with pytest.raises(CellError) as error:
        series_from_settings(settings_with({"Reeks 2 interval (weken)": weeks}))
    assert str(error.value) == (f"Instellingen!B{row_of('Reeks 2 interval (weken)')} (Waarde): "
                                f"interval moet 1 tot en met 52 weken zijn, niet {weeks}")


def test_an_interval_of_a_year_is_accepted():
    [*_, yearly] = [s for s in series_from_settings(settings_with({"Reeks 2 interval (weken)": 52}))
                    if s.interval_weeks == 52]
    assert yearly.interval_weeks == 52


def test_a_series_starting_in_a_far_year_gives_no_meetings_this_year_and_no_error():
    from orsheet.schedule import series_dates

    series = series_from_settings(settings_with({"Reeks 1 eerste datum": date(9999, 12, 31)}))[0]
    assert series_dates(series, 2024) == []


def test_end_before_begin_names_the_end_cell():
    with pytest.raises(CellError) as error:
        series_from_settings(settings_with({"Reeks 3 einde": "15:00"}))
    assert str(error.value) == (
        f"Instellingen!B{row_of('Reeks 3 einde')} (Waarde): einde (15:00) moet na begin (16:00) liggen"
    )


def test_unknown_kind_names_the_cell():
    with pytest.raises(CellError) as error:
        series_from_settings(settings_with({"Reeks 1 soort": "Borrel"}))
    assert str(error.value) == (
        f'Instellingen!B{row_of("Reeks 1 soort")} (Waarde): soort "Borrel" ken ik niet '
        "(kies uit: OR-vergadering, Overlegvergadering, Informeel overleg)"
    )


def test_impossible_first_date_names_the_cell():
    with pytest.raises(CellError) as error:
        series_from_settings(settings_with({"Reeks 1 eerste datum": "31-02-2024"}))
    assert error.value.location.row == row_of("Reeks 1 eerste datum")
    assert 'datum "31-02-2024" bestaat niet' in str(error.value)


def test_missing_field_row_is_named():
    with pytest.raises(SheetError, match='instelling "Reeks 2 begin" ontbreekt'):
        series_from_settings(settings_with(delete=("Reeks 2 begin",)))


def test_free_days_list_periods_with_names():
    settings = settings_with({"Vrije dagen": "22-07-2024 t/m 26-07-2024 zomerreces; 27-12-2024"})
    days = days_off_from_settings(settings)
    assert days[date(2024, 7, 22)] == days[date(2024, 7, 26)] == "zomerreces"
    assert date(2024, 7, 27) not in days
    assert days[date(2024, 12, 27)] == "vrije dag"
    assert len(days) == 6


def test_free_day_typed_as_an_excel_date_is_accepted():
    assert days_off_from_settings(settings_with({"Vrije dagen": date(2024, 8, 1)})) == {date(2024, 8, 1): "vrije dag"}


def test_unreadable_free_days_entry_names_the_cell():
    with pytest.raises(CellError) as error:
        days_off_from_settings(settings_with({"Vrije dagen": "zomer"}))
    assert error.value.location.row == row_of("Vrije dagen")
    assert '"zomer" begrijp ik niet' in str(error.value)


def test_misspelled_series_label_names_the_instelling_cell():
    settings = settings_with()
    typo = settings.pop("Reeks 1 weekdag")
    settings["Reeks 1 wekdag"] = replace(typo, key="Reeks 1 wekdag")
    with pytest.raises(CellError) as error:
        series_from_settings(settings)
    assert str(error.value).startswith(f'Instellingen!A{typo.row} (Instelling): "Reeks 1 wekdag" is geen bekende instelling')


@pytest.mark.parametrize("module", ["orsheet.schedule", "orsheet.schedule_settings"])
def test_year_plan_core_imports_no_holidays_package_engine_or_documents(module):
    import os
    import subprocess
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent
    forbidden = ["holidays", "icalendar", "openpyxl", "xlwings", "pandas", "click", "orsheet.workbook", "orsheet.documents"]
    code = f"import sys, {module}; print(','.join(m for m in {forbidden!r} if m in sys.modules))"
    env = {**os.environ, "PYTHONPATH": str(root)}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=root, env=env)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == ""


def test_problems_in_several_series_are_reported_together():
    with pytest.raises(ProblemList) as error:
        series_from_settings(settings_with({"Reeks 1 weekdag": "dondag", "Reeks 3 interval (weken)": 0}))
    assert [p.location.row for p in error.value.problems] == [row_of("Reeks 1 weekdag"), row_of("Reeks 3 interval (weken)")]
    assert str(error.value).startswith("De vergaderreeksen in Instellingen bevatten fouten (2):")
