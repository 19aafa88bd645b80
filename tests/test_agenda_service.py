"""The agenda service on the in-memory backend: what it writes to the workbook, and when it writes nothing."""

from __future__ import annotations

from datetime import date, time
from pathlib import Path

import pytest

from orsheet.errors import OrsheetError
from orsheet.services.agenda import generate_agenda, generate_minutes_template
from orsheet.build.contract_workbook import DEFAULT_STANDARD_ITEMS
from orsheet.workbook.memory import MemoryBackend

DAY = date(2023, 10, 26)
STANDARD = [dict(zip(("Soort", "Plaats", "Volgorde", "Onderwerp", "Minuten", "Wie", "Doel"), row))
            for row in DEFAULT_STANDARD_ITEMS]


def backend_with(items: list[dict], *, end: time = time(11, 30), settings: dict | None = None) -> MemoryBackend:
    backend = MemoryBackend.new({
        "Vergaderingen": [{"Datum": DAY, "Soort": "OR-vergadering", "Begin": time(10), "Einde": end,
                           "Voorzitter": "Anna de Wit", "Notulist": "Eva Bakker", "Locatie": "Zaal 2"}],
        "Standaardpunten": STANDARD,
        "Agendapunten": [{"Vergadering": DAY, **item} for item in items],
    })
    for key, value in (settings or {}).items():
        grid = backend.sheets["Instellingen"]
        row = next(r for r in grid[1:] if r[0] == key)
        row[1] = value
    return backend


def agenda_sheet(backend: MemoryBackend) -> list[list]:
    return backend.sheets["Agenda"]


def test_agenda_sheet_holds_the_items_with_clock_times_and_the_total(tmp_path):
    backend = backend_with([{"Nr": 5, "Onderwerp": "Jaarplan", "Minuten": 30}])
    generate_agenda(backend, tmp_path / "or.xlsm", DAY, pdf=False)
    rows = agenda_sheet(backend)
    header = rows.index(["Tijd", "Nr", "Onderwerp", "Minuten", "Wie", "Doel", "Toelichting"])
    assert [(r[0], r[1], r[2], r[3]) for r in rows[header + 1 : header + 7]] == [
        (time(10, 0), "1", "Opening", 5),
        (time(10, 5), "2", "Vaststellen agenda", 5),
        (time(10, 10), "3", "Actualiteit en ingekomen stukken", 15),
        (time(10, 25), "4", "Actie-/besluitenlijst", 5),
        (time(10, 30), "5", "Jaarplan", 30),
        (time(11, 0), "6", "Sluiting", 5),
    ]
    assert rows[header + 1][4] == "Anna de Wit"  # "Voorzitter" in Standaardpunten
    assert ["", "", "Totaal 65 minuten: 10.00 – 11.05 (25 minuten speelruimte)", 65] in rows


def test_overrun_warning_is_written_on_the_agenda_sheet(tmp_path):
    backend = backend_with([{"Nr": 5, "Onderwerp": "Jaarplan", "Minuten": 80}])
    result = generate_agenda(backend, tmp_path / "or.xlsm", DAY, pdf=False)
    assert result.agenda.overrun_minutes == 25
    assert agenda_sheet(backend)[-1][2] == result.agenda.overrun_message


def test_a_second_agenda_replaces_the_first_on_the_sheet(tmp_path):
    backend = backend_with([{"Nr": 5, "Onderwerp": "Jaarplan", "Minuten": 30}])
    generate_agenda(backend, tmp_path / "or.xlsm", DAY, pdf=False)
    backend.sheets["Agendapunten"][1][2] = "Begroting"
    generate_agenda(backend, tmp_path / "or.xlsm", DAY, pdf=False)
    titles = [row[2] for row in agenda_sheet(backend) if len(row) > 2]
    assert "Begroting" in titles and "Jaarplan" not in titles


def test_bad_input_writes_nothing_to_the_workbook_or_the_folder(tmp_path):
    backend = backend_with([{"Nr": 5, "Onderwerp": "Jaarplan", "Minuten": "lang"}])
    with pytest.raises(OrsheetError, match=r"Agendapunten!D2 \(Minuten\)"):
        generate_agenda(backend, tmp_path / "or.xlsm", DAY, pdf=False)
    assert backend.writes == 0 and "Agenda" not in backend.sheets
    assert list(tmp_path.iterdir()) == []


def test_end_before_begin_is_refused_naming_the_einde_cell(tmp_path):
    backend = backend_with([{"Nr": 5, "Onderwerp": "Jaarplan", "Minuten": 30}], end=time(9, 30))
    with pytest.raises(OrsheetError, match=r"Vergaderingen!D2 \(Einde\): de eindtijd 09:30 ligt niet na de begintijd"):
        generate_agenda(backend, tmp_path / "or.xlsm", DAY, pdf=False)


def test_absolute_agenda_folder_setting_is_used_as_is(tmp_path):
    target = tmp_path / "gedeeld" / "OR"
    backend = backend_with([{"Nr": 5, "Onderwerp": "Jaarplan", "Minuten": 30}], settings={"Map agenda's": str(target)})
    result = generate_agenda(backend, tmp_path / "werkmap" / "or.xlsm", DAY, pdf=False)
    assert result.docx == target / "Agenda OR-vergadering 2023-10-26.docx"


def test_organisation_setting_heads_the_documents(tmp_path):
    backend = backend_with([{"Nr": 5, "Onderwerp": "Jaarplan", "Minuten": 30}],
                           settings={"Organisatie": "OR Gemeente Voorbeeldstad"})
    result = generate_minutes_template(backend, tmp_path / "or.xlsm", DAY)
    from tests.agenda_support import docx_lines

    assert docx_lines(result.docx)[0] == "OR Gemeente Voorbeeldstad"
    assert backend.writes == 0  # the minutes skeleton does not touch the workbook


def test_agenda_folder_that_is_a_file_is_refused_naming_the_setting(tmp_path):
    (tmp_path / "Agenda's").write_text("geen map")
    backend = backend_with([{"Nr": 5, "Onderwerp": "Jaarplan", "Minuten": 30}])
    with pytest.raises(OrsheetError, match=r"Instellingen!B\d+ \(Waarde\): .* is een bestand, geen map"):
        generate_agenda(backend, tmp_path / "or.xlsm", DAY, pdf=False)
    assert backend.writes == 0


def test_ov_agenda_uses_the_ov_standard_items_and_lists_the_ov_actions(tmp_path):
    backend = MemoryBackend.new({
        "Vergaderingen": [{"Datum": date(2023, 10, 19), "Soort": "Overlegvergadering", "Begin": time(14),
                           "Einde": time(15, 30), "Voorzitter": "Henk Korvinus"}],
        "Standaardpunten": STANDARD,
        "Agendapunten": [{"Vergadering": date(2023, 10, 19), "Nr": 5, "Onderwerp": "Organisatie en Besturing",
                          "Minuten": 30}],
        "Acties": [
            {"Nr": 336, "Onderwerp": "MTO", "Overleg": "OV-vergadering", "Datum": date(2023, 9, 14)},
            {"Nr": 339, "Onderwerp": "Artikel 24 overleg", "Overleg": "OR-vergadering", "Datum": date(2023, 9, 28)},
        ],
    })
    agenda = generate_agenda(backend, tmp_path / "or.xlsm", date(2023, 10, 19), pdf=False).agenda
    assert [(i.number, i.title, i.start.strftime("%H:%M"), i.minutes) for i in agenda.items] == [
        ("1", "Opening", "14:00", 5),
        ("2", "Vaststellen agenda", "14:05", 5),
        ("3", "Mededelingen", "14:10", 10),
        ("4", "Actie-/besluitenlijst", "14:20", 5),
        ("5", "Organisatie en Besturing", "14:25", 30),
        ("6", "Rondvraag", "14:55", 5),
        ("7", "Evaluatie van het overleg", "15:00", 5),
        ("8", "Sluiting", "15:05", None),  # left empty in Standaardpunten: takes no time
    ]
    assert [a.number for a in agenda.actions] == [336]


def restyled_template(folder: Path, replace_text: tuple[str, str]) -> Path:
    """A copy of the shipped agenda template with one text changed, as a secretary would in Word."""
    import zipfile

    from orsheet.documents.render import AGENDA_TEMPLATE

    target = folder / "mijn agenda.docx"
    with zipfile.ZipFile(AGENDA_TEMPLATE) as source, zipfile.ZipFile(target, "w") as copy:
        for entry in source.infolist():
            data = source.read(entry)
            if entry.filename == "word/document.xml":
                data = data.replace(replace_text[0].encode(), replace_text[1].encode())
            copy.writestr(entry, data)
    return target


def test_restyled_template_named_in_instellingen_is_used(tmp_path):
    restyled_template(tmp_path, ("Openstaande acties", "Actielijst"))
    backend = backend_with([{"Nr": 5, "Onderwerp": "Jaarplan", "Minuten": 30}])
    backend.sheets["Instellingen"].append(["Sjabloon agenda", "mijn agenda.docx"])
    result = generate_agenda(backend, tmp_path / "or.xlsm", DAY, pdf=False)
    from tests.agenda_support import docx_lines

    assert "Actielijst OR-vergadering" in docx_lines(result.docx)


def test_template_asking_for_an_unknown_field_is_refused_before_anything_is_written(tmp_path):
    restyled_template(tmp_path, ("{{ meeting.location }}", "{{ meeting.room }}"))
    backend = backend_with([{"Nr": 5, "Onderwerp": "Jaarplan", "Minuten": 30}])
    backend.sheets["Instellingen"].append(["Sjabloon agenda", "mijn agenda.docx"])
    with pytest.raises(OrsheetError, match="het Word-sjabloon mijn agenda.docx klopt niet: .*room"):
        generate_agenda(backend, tmp_path / "or.xlsm", DAY, pdf=False)
    assert backend.writes == 0


def test_missing_template_file_is_refused_naming_the_setting(tmp_path):
    backend = backend_with([{"Nr": 5, "Onderwerp": "Jaarplan", "Minuten": 30}])
    backend.sheets["Instellingen"].append(["Sjabloon verslag", "weg.docx"])
    row = len(backend.sheets["Instellingen"])
    with pytest.raises(OrsheetError, match=rf"Instellingen!B{row} \(Waarde\): Word-sjabloon .*weg.docx niet gevonden"):
        generate_minutes_template(backend, tmp_path / "or.xlsm", DAY)
