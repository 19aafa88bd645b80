"""Golden tests: the four OR agendas of Sept/Oct 2023, from a workbook filled as a user fills it.

Expected values come from ``shared/cases/agendas.json`` (what was published);
the agenda is computed from the sheets, never from that JSON. Set
ORSHEET_UPDATE_GOLDEN=1 to rewrite ``tests/golden/agenda/*.txt`` after an
intended layout change (and read the diff).
"""

from __future__ import annotations

import os
from datetime import date, datetime, timedelta

import pytest

from orsheet.services.agenda import generate_agenda
from orsheet.workbook.file import FileBackend
from tests.agenda_support import GOLDEN, docx_lines, filled_workbook, italic_texts, load_cases

CASES = load_cases("agendas.json")
DAYS = sorted(CASES)
PLANNED = {"2023-09-14": (105, 15), "2023-09-28": (100, 10), "2023-10-12": (90, 0), "2023-10-26": (90, 0)}


@pytest.fixture(scope="module")
def generated(tmp_path_factory) -> dict[str, object]:
    """All four agendas generated (Word only) from one filled workbook."""
    folder = tmp_path_factory.mktemp("golden")
    path = filled_workbook(folder)
    return {day: generate_agenda(FileBackend(path), path, date.fromisoformat(day), pdf=False) for day in DAYS}


def expected_starts(case: dict) -> list[str]:
    """Clock times worked out by hand from the published durations: each item starts where the last ended."""
    clock = datetime.combine(date.today(), datetime.strptime(case["begin"], "%H:%M").time())
    starts = []
    for item in case["items"]:
        starts.append(clock.strftime("%H:%M"))
        clock += timedelta(minutes=item["minuten"] or 0)
    return starts


@pytest.mark.parametrize("day", DAYS)
def test_every_item_matches_the_published_agenda_with_its_clock_time(generated, day):
    case = CASES[day]
    computed = [
        (i.number, i.title, i.minutes, i.who, i.purpose, i.note, i.start.strftime("%H:%M"))
        for i in generated[day].agenda.items
    ]
    published = [
        (i["nr"], i["titel"], i["minuten"], i["wie"], i["doel"], i["toelichting"], start)
        for i, start in zip(case["items"], expected_starts(case))
    ]
    assert computed == published


@pytest.mark.parametrize("day", DAYS)
def test_total_and_overrun_match_the_published_durations(generated, day):
    agenda = generated[day].agenda
    assert (agenda.total_minutes, agenda.overrun_minutes) == PLANNED[day]
    assert agenda.available_minutes == 90


def test_overrun_of_14_september_is_stated_in_dutch_with_the_minutes(generated):
    message = generated["2023-09-14"].agenda.overrun_message
    assert "105 minuten" in message and "90 minuten" in message and "15 minuten te lang" in message


@pytest.mark.parametrize("day", DAYS)
def test_generated_docx_text_matches_the_golden_file(generated, day):
    lines = docx_lines(generated[day].docx)
    golden = GOLDEN / f"{day}.txt"
    if os.environ.get("ORSHEET_UPDATE_GOLDEN"):
        golden.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert lines == golden.read_text(encoding="utf-8").splitlines()


def test_docx_header_shows_chair_minute_taker_date_time_location_and_invited(generated):
    lines = docx_lines(generated["2023-10-12"].docx)
    assert lines[:7] == [
        "Ondernemingsraad",
        "Agenda OR-vergadering",
        "Voorzitter | : 5.1.2e",
        "Notulist | : 5.1.2e",
        "Vergaderdatum en -tijd | : 12 oktober 2023, 10.00 – 11.30 uur",
        "Locatie | : Vergaderruimte 6.2.02",
        "Genodigd | : OR",
    ]


def test_docx_items_appear_in_order_with_start_time_and_duration(generated):
    lines = docx_lines(generated["2023-10-12"].docx)
    start = lines.index("Tijd | Omschrijving | Wie | Doel")
    assert lines[start + 1 : start + 7] == [
        "10.00 / 5 m | 1\tOpening | 5.1.2e",
        "10.05 / 5 m | 2\tVaststellen agenda | 5.1.2e | Ter vaststelling",
        "10.10 / 15 m | 3\tActualiteit en ingekomen stukken | Allen | Ter bespreking",
        "10.25 / 5 m | 4\tActie-/besluitenlijst | 5.1.2e | Ter vaststelling",
        "10.30 | 5\tVoorbereiding Overlegvergadering",
        "10.30 / 20 m | 5.1\tOrganisatie en besturing / Bepalen welke aandachtspunten de OR mee wil geven "
        "aan de bestuurder in het kader van O&B. | Allen | Ter besluitvorming",
    ]


@pytest.mark.parametrize("day", DAYS)
def test_every_toelichting_is_printed_in_italics(generated, day):
    notes = [i["toelichting"] for i in CASES[day]["items"] if i["toelichting"]]
    italic = italic_texts(generated[day].docx)
    assert notes and all(note in italic for note in notes)


def test_docx_lists_the_open_or_actions_but_not_the_ov_ones(generated):
    lines = docx_lines(generated["2023-10-26"].docx)
    start = lines.index("Openstaande acties OR-vergadering")
    numbers = [line.split(" | ")[0] for line in lines[start + 2 :]]
    assert numbers == ["133", "269", "332", "337", "339", "348", "349", "350"]
    assert ("339 | Artikel 24 overleg | Opstellen agenda en voorbereiding | DB | OR-vergadering | 28-09-2023 | eind okt"
            in lines)


def test_overrun_note_is_on_the_agenda_document(generated):
    lines = docx_lines(generated["2023-09-14"].docx)
    assert ("Let op: de agenda duurt 105 minuten, maar de vergadering is 90 minuten (10.00–11.30): "
            "15 minuten te lang (tot 11.45).") in lines  # the council's 10.00 notation
    assert not any("te lang" in line for line in docx_lines(generated["2023-10-26"].docx))


def test_agenda_sheet_in_the_workbook_shows_the_latest_agenda_with_clock_times(generated):
    path = generated["2023-10-26"].docx.parent.parent / "or-2023.xlsm"
    import openpyxl

    rows = list(openpyxl.load_workbook(path, read_only=True)["Agenda"].iter_rows(values_only=True))
    assert rows[0][0] == "Agenda OR-vergadering 26 oktober 2023, 10.00 – 11.30 uur"
    header = rows.index(("Tijd", "Nr", "Onderwerp", "Minuten", "Wie", "Doel", "Toelichting"))
    items = [(r[0].strftime("%H:%M"), r[1], r[2], r[3]) for r in rows[header + 1 : header + 10]]
    assert items[0] == ("10:00", "1", "Opening", 5)
    assert items[-1] == ("11:25", "9", "Sluiting", 5)
    assert len(items) == len(CASES["2023-10-26"]["items"])


def test_output_file_names_carry_the_meeting_date(generated):
    docx = generated["2023-10-12"].docx
    assert docx.name == "Agenda OR-vergadering 2023-10-12.docx"
    assert docx.parent.name == "Agenda's"


def test_minutes_skeleton_text_matches_the_golden_file(generated):
    from orsheet.services.agenda import generate_minutes_template

    workbook = generated["2023-10-12"].docx.parent.parent / "or-2023.xlsm"
    result = generate_minutes_template(FileBackend(workbook), workbook, date(2023, 10, 12))
    lines = docx_lines(result.docx)
    golden = GOLDEN / "verslag-2023-10-12.txt"
    if os.environ.get("ORSHEET_UPDATE_GOLDEN"):
        golden.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert lines == golden.read_text(encoding="utf-8").splitlines()
