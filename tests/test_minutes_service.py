"""Minutes applied to the real action lists of autumn 2023 (in-memory workbook)."""

from __future__ import annotations

from datetime import date

import pytest

from orsheet import records, schema
from orsheet.errors import InputError
from orsheet.services.minutes import process_minutes
from orsheet.services.minutes_sheet import apply_proposal_sheet, propose_minutes
from orsheet.workbook.base import UpdateCells
from tests.minutes_support import DATA, OV_ACTIONS, docx_from_minutes_text, memory_workbook

OCT_12 = date(2023, 10, 12)
OCT_26 = date(2023, 10, 26)
MINUTES_12 = DATA / "notulen-2023-10-12.txt"
MINUTES_26 = DATA / "notulen-2023-10-26.txt"


def sheet_actions(backend, sheet: str):
    return records.actions_from_table(backend.read([sheet])[sheet])


def numbers(backend, sheet: str) -> list[int]:
    return sorted(a.number for a in sheet_actions(backend, sheet))


def decisions(backend):
    return records.decisions_from_table(backend.read([schema.DECISIONS.name])[schema.DECISIONS.name])


def setting(backend, key: str):
    return records.settings_from_table(backend.read([schema.SETTINGS.name])[schema.SETTINGS.name])[key].value


def as_format(minutes, fmt: str, tmp_path):
    """The real minutes as kept (.txt) or as the notulist sends them (.docx)."""
    if fmt == "txt":
        return minutes
    return docx_from_minutes_text(minutes, tmp_path / minutes.with_suffix(".docx").name)


@pytest.mark.parametrize("fmt", ["txt", "docx"])
def test_minutes_12_october_on_the_28_september_list_close_four_and_create_341_to_345(fmt, tmp_path):
    backend = memory_workbook("2023-09-28")
    plan = process_minutes(backend, as_format(MINUTES_12, fmt, tmp_path), OCT_12, apply=True)
    assert plan.applied and plan.warnings == []
    assert numbers(backend, schema.ARCHIVE.name) == [325, 330, 338, 340]
    assert all(a.closed_on == OCT_12 and a.status == "afgerond" for a in sheet_actions(backend, schema.ARCHIVE.name))
    # The open list now holds exactly the numbers of the published list of 12 Oct.
    assert numbers(backend, schema.ACTIONS.name) == [133, 269, 332, 333, 334, 337, 339, 341, 342, 343, 344, 345]
    new = [a for a in sheet_actions(backend, schema.ACTIONS.name) if a.number >= 341]
    assert [(a.number, a.owner, a.subject) for a in new] == [
        (341, "5.1.2e", "Actualiteit en ingekomen stukken"),
        (342, "5.1.2e", "Terugkoppeling vanuit werkgroep Communicatie"),
        (343, "5.1.2e", "Organisatie en besturing"),
        (344, "5.1.2e", "Signalen vanuit de organisatie"),
        (345, "5.1.2e", "Signalen vanuit de organisatie"),
    ]
    assert all(a.date == OCT_12 and a.meeting_kind == "OR-vergadering" for a in new)
    assert new[0].description.startswith("De OR-leden willen in dit overleg ervaringen") and "poster" in new[1].description
    assert new[3].description == "De OR zal dit opvragen bij de bestuurder."
    assert setting(backend, schema.SETTING_LAST_NUMBER) == 345


@pytest.mark.parametrize("fmt", ["txt", "docx"])
def test_minutes_26_october_on_the_12_october_list_close_333_334_and_341_to_345(fmt, tmp_path):
    backend = memory_workbook("2023-10-12", OV_ACTIONS)
    plan = process_minutes(backend, as_format(MINUTES_26, fmt, tmp_path), OCT_26, apply=True)
    assert [c.number for c in plan.closures] == [333, 334, 341, 342, 343, 344, 345]
    assert numbers(backend, schema.ARCHIVE.name) == [333, 334, 341, 342, 343, 344, 345]
    # 346 and 347 are OV actions in the one sequence: the marker's action gets 348.
    assert numbers(backend, schema.ACTIONS.name) == [133, 269, 332, 337, 339, 346, 347, 348]
    [new] = plan.new_actions
    assert (new.number, new.owner, new.subject) == (348, "5.1.2e", "Voorstel voor professionalisering OR")
    assert "cursus" in new.description


@pytest.mark.parametrize("minutes, meeting, listed", [(MINUTES_12, OCT_12, "2023-09-28"), (MINUTES_26, OCT_26, "2023-10-12")])
def test_minutes_every_de_or_besluit_sentence_becomes_exactly_one_decision_row(minutes, meeting, listed):
    backend = memory_workbook(listed)
    process_minutes(backend, minutes, meeting, apply=True)
    rows = decisions(backend)
    expected = minutes.read_text(encoding="utf-8").count("De OR besluit")
    assert len(rows) == expected and all(d.text.startswith("De OR besluit") for d in rows)
    assert [d.number for d in rows] == list(range(1, expected + 1))
    assert all(d.date == meeting and d.source == f"Notulen {meeting:%d-%m-%Y} ({minutes.name})" for d in rows)


def test_minutes_preview_writes_nothing_and_shows_the_numbers_new_actions_will_get():
    backend = memory_workbook("2023-09-28")
    plan = process_minutes(backend, MINUTES_12, OCT_12)
    assert backend.writes == 0 and not plan.applied
    assert [a.number for a in plan.new_actions] == [341, 342, 343, 344, 345]
    assert [c.current.subject for c in plan.closures] == ["Overdracht", "Kwartiermaker Leren en Ontwikkelen",
                                                          "Maandstart", "Organisatie&Besturing"]


def test_minutes_applied_twice_change_nothing_the_second_time():
    backend = memory_workbook("2023-09-28")
    process_minutes(backend, MINUTES_12, OCT_12, apply=True)
    before = {name: [list(r) for r in rows] for name, rows in backend.sheets.items()}
    again = process_minutes(backend, MINUTES_12, OCT_12, apply=True)
    assert backend.sheets == before and backend.writes == 1
    assert again.logged_on is not None and again.new_actions == [] and again.decisions == []
    assert all("al afgerond op 12-10-2023" in w for w in again.warnings) and len(again.warnings) == 4


def test_minutes_logboek_records_date_file_meeting_and_what_changed():
    backend = memory_workbook("2023-09-28")
    process_minutes(backend, MINUTES_12, OCT_12, apply=True)
    header, row = backend.sheets["Logboek"]
    assert header == ["Datum", "Bestand", "Vergadering", "Sleutel", "Wijzigingen"]
    assert row[1:3] == ["notulen-2023-10-12.txt", OCT_12]
    assert row[4] == "afgerond: 325, 330, 338, 340; nieuwe acties: 341, 342, 343, 344, 345; besluiten: 1, 2"


def test_minutes_closing_an_archived_number_is_a_warning_and_the_rest_is_applied(tmp_path):
    backend = memory_workbook("2023-09-28")
    process_minutes(backend, MINUTES_12, OCT_12, apply=True)
    later = tmp_path / "later.txt"
    later.write_text("# 4. Actielijst\n\nActies 325 en 332 zijn afgerond.\n", encoding="utf-8")
    plan = process_minutes(backend, later, OCT_26, apply=True)
    assert plan.applied and plan.warnings == ["actie 325 is al afgerond op 12-10-2023 (staat in Archief)"]
    assert 332 in numbers(backend, schema.ARCHIVE.name)


def test_minutes_unknown_number_refuses_everything_and_writes_nothing(tmp_path):
    backend = memory_workbook("2023-09-28")
    minutes = tmp_path / "typo.txt"
    minutes.write_text("Acties 325 en 3300 zijn afgerond. De OR besluit door te gaan.\n", encoding="utf-8")
    preview = process_minutes(backend, minutes, OCT_12)
    assert preview.warnings == ["actie 3300 bestaat niet in Acties of Archief (typefout in de notulen?)"]
    with pytest.raises(InputError, match="actie 3300 bestaat niet"):
        process_minutes(backend, minutes, OCT_12, apply=True)
    assert backend.writes == 0


def test_minutes_without_anything_to_do_are_no_error_and_write_nothing(tmp_path):
    backend = memory_workbook("2023-09-28")
    minutes = tmp_path / "niets.txt"
    minutes.write_text("Verslag 12 oktober 2023\n\nDe voorzitter opent de vergadering.\n", encoding="utf-8")
    plan = process_minutes(backend, minutes, None, apply=True)
    assert not plan.has_work and not plan.has_possible and not plan.applied
    assert backend.writes == 0

def test_minutes_new_actions_follow_unnumbered_rows_and_the_last_number_setting(tmp_path):
    backend = memory_workbook("2023-09-28")
    grid = backend.sheets[schema.ACTIONS.name]
    grid.append([None, "Getypt", "nog zonder nummer"] + [None] * (len(grid[0]) - 3))
    settings = backend.sheets[schema.SETTINGS.name]
    settings[[r[0] for r in settings].index(schema.SETTING_LAST_NUMBER)][1] = 347
    minutes = tmp_path / "m.txt"
    minutes.write_text("# 3. Mededelingen\n\nEr komt een poster. (actie: Karin)\n", encoding="utf-8")
    process_minutes(backend, minutes, OCT_26, apply=True)
    by_description = {a.description: a.number for a in sheet_actions(backend, schema.ACTIONS.name)}
    assert by_description["nog zonder nummer"] == 348 and by_description["Er komt een poster."] == 349
    assert setting(backend, schema.SETTING_LAST_NUMBER) == 349


def test_minutes_meeting_kind_comes_from_vergaderingen(tmp_path):
    backend = memory_workbook("2023-09-28")
    backend.sheets[schema.MEETINGS.name].append([date(2023, 10, 19), "Overlegvergadering"] + [None] * 7)
    minutes = tmp_path / "ov.txt"
    minutes.write_text("# 4. Sturingsinformatie\n\nEen expert licht toe. (actie: DB)\n", encoding="utf-8")
    plan = process_minutes(backend, minutes, date(2023, 10, 19))
    assert plan.new_actions[0].meeting_kind == "Overlegvergadering"


# ------------------------------------------------------------- Voorstel path


def test_minutes_proposal_sheet_lists_every_change_with_toepassen_ja():
    backend = memory_workbook("2023-09-28")
    propose_minutes(backend, MINUTES_12, OCT_12)
    header, *rows = backend.sheets["Voorstel"]
    assert header[:4] == ["Toepassen", "Zekerheid", "Soort", "Nr"]
    assert [(r[0], r[2], r[3]) for r in rows if r[1] == "zeker"] == (
        [("ja", "Afronden", n) for n in (325, 330, 338, 340)]
        + [("ja", "Nieuwe actie", n) for n in range(341, 346)]
        + [("ja", "Besluit", 1), ("ja", "Besluit", 2)]
    )
    assert all(r[0] == "nee" for r in rows if r[1] == "mogelijk")
    assert numbers(backend, schema.ARCHIVE.name) == []  # proposing changes nothing else


def test_minutes_proposal_applies_only_rows_marked_ja_with_the_secretarys_edits():
    backend = memory_workbook("2023-09-28")
    propose_minutes(backend, MINUTES_12, OCT_12)
    rows = backend.sheets["Voorstel"]
    header = rows[0]
    rows[2][header.index("Toepassen")] = "nee"  # do not close 330
    rows[5][header.index("Toepassen")] = "nee"  # no action 341
    rows[6][header.index(schema.VERANTWOORDELIJKE)] = "werkgroep Communicatie"
    plan = apply_proposal_sheet(backend)
    assert plan.applied
    assert numbers(backend, schema.ARCHIVE.name) == [325, 338, 340]
    new = {a.number: a.owner for a in sheet_actions(backend, schema.ACTIONS.name) if a.number > 340}
    assert new == {341: "werkgroep Communicatie", 342: "5.1.2e", 343: "5.1.2e", 344: "5.1.2e"}
    marks = [r[0] for r in backend.sheets["Voorstel"][1:]]
    assert marks.count("verwerkt") == 9 and marks.count("nee") == 2
    with pytest.raises(InputError, match="Geen regels met Toepassen = ja"):
        apply_proposal_sheet(backend)


def test_minutes_proposal_with_a_bad_toepassen_value_names_the_cell():
    backend = memory_workbook("2023-09-28")
    propose_minutes(backend, MINUTES_12, OCT_12)
    backend.write([UpdateCells("Voorstel", 3, {"Toepassen": "misschien"})])
    with pytest.raises(Exception, match=r"Voorstel!A3 \(Toepassen\)"):
        apply_proposal_sheet(backend)


def test_minutes_proposal_with_an_action_number_past_nine_digits_names_the_cell():
    backend = memory_workbook("2023-09-28")
    propose_minutes(backend, MINUTES_12, OCT_12)
    rows = backend.sheets["Voorstel"]
    closing = next(n for n, r in enumerate(rows[1:], start=2) if r[rows[0].index("Soort")] == "Afronden")
    backend.write([UpdateCells("Voorstel", closing, {schema.NR: 10**12})])
    with pytest.raises(Exception, match=rf"Voorstel!\w+{closing} \(Nr\).*te groot"):
        apply_proposal_sheet(backend)


def test_minutes_headed_with_an_iso_date_use_it_as_the_meeting_date(tmp_path):
    minutes = tmp_path / "notulen.txt"
    minutes.write_text("Notulen OR-vergadering 2023-10-12\n\nDe OR besluit door te gaan.\n", encoding="utf-8")
    assert process_minutes(memory_workbook("2023-09-28"), minutes, None).changes.meeting == OCT_12


def test_minutes_without_a_meeting_date_use_the_date_stated_at_the_top():
    backend = memory_workbook("2023-09-28")
    plan = process_minutes(backend, MINUTES_12, None)
    assert plan.changes.meeting == OCT_12


def test_minutes_without_any_date_ask_for_one(tmp_path):
    minutes = tmp_path / "zonder-datum.txt"
    minutes.write_text("De OR besluit door te gaan.\n", encoding="utf-8")
    with pytest.raises(InputError, match="--meeting"):
        process_minutes(memory_workbook("2023-09-28"), minutes, None)


def test_minutes_listed_in_logboek_add_nothing_again_even_after_the_rows_were_edited():
    backend = memory_workbook("2023-09-28")
    process_minutes(backend, MINUTES_12, OCT_12, apply=True)
    grid = backend.sheets[schema.ACTIONS.name]
    column = grid[0].index(schema.OMSCHRIJVING)
    for row in grid[1:]:
        if row[0] and row[0] >= 341:
            row[column] = "ingekort door de secretaris"
    again = process_minutes(backend, MINUTES_12, OCT_12, apply=True)
    assert again.new_actions == [] and again.logged_on is not None and backend.writes == 1


def test_minutes_of_a_meeting_already_processed_from_another_file_warn(tmp_path):
    backend = memory_workbook("2023-09-28")
    process_minutes(backend, MINUTES_12, OCT_12, apply=True)
    corrected = tmp_path / "notulen-v2.txt"
    corrected.write_text(MINUTES_12.read_text(encoding="utf-8") + "\nDe OR besluit ook de kerstborrel te steunen.\n",
                         encoding="utf-8")
    plan = process_minutes(backend, corrected, OCT_12, apply=True)
    assert any("al notulen verwerkt" in w and "notulen-2023-10-12.txt" in w for w in plan.warnings)
    assert plan.new_actions == [] and [d.text for d in plan.decisions] == ["De OR besluit ook de kerstborrel te steunen."]


def test_minutes_warn_when_the_given_meeting_date_differs_from_the_stated_one():
    plan = process_minutes(memory_workbook("2023-09-28"), MINUTES_12, OCT_26)
    assert plan.warnings[0] == "de notulen noemen als vergaderdatum 12-10-2023, niet 26-10-2023: klopt --meeting?"


def test_minutes_marker_deadline_fills_the_deadline_column(tmp_path):
    backend = memory_workbook("2023-10-12")
    minutes = tmp_path / "m.txt"
    minutes.write_text("# 3. Fika\n\nEr komt een poster. (actie: Karin, deadline 1 november)\n"
                       "Er komt een verslag. (actie: DB, uiterlijk eind okt)\n", encoding="utf-8")
    plan = process_minutes(backend, minutes, OCT_26, apply=True)
    assert [a.deadline.cell_value() for a in plan.new_actions] == [date(2023, 11, 1), "eind okt"]
    stored = {a.description: a.deadline for a in sheet_actions(backend, schema.ACTIONS.name)}
    assert stored["Er komt een poster."].date == date(2023, 11, 1)


def test_minutes_saying_the_list_was_updated_close_actions_whose_status_says_afgerond(tmp_path):
    backend = memory_workbook("2023-10-12")
    grid = backend.sheets[schema.ACTIONS.name]
    status = grid[0].index(schema.STATUS)
    next(row for row in grid[1:] if row[0] == 339)[status] = "afgerond"
    minutes = tmp_path / "m.txt"
    minutes.write_text("# 4. Actie- en besluitenlijst\n\nActie 332 is afgerond. De actielijst is bijgewerkt.\n",
                       encoding="utf-8")
    plan = process_minutes(backend, minutes, OCT_26, apply=True)
    assert [c.number for c in plan.closures] == [332, 339]
    assert plan.closures[1].sentence == "Status afgerond; De actielijst is bijgewerkt."
    assert numbers(backend, schema.ARCHIVE.name) == [332, 339]


def test_minutes_logboek_grows_by_one_row_per_run_that_changes_something(tmp_path):
    backend = memory_workbook("2023-09-28")
    process_minutes(backend, MINUTES_12, OCT_12, apply=True)
    later = tmp_path / "later.txt"
    later.write_text("# 4. Actielijst\n\nActie 332 is afgerond.\n", encoding="utf-8")
    process_minutes(backend, later, OCT_26, apply=True)
    rows = backend.sheets["Logboek"][1:]
    assert [(r[1], r[4]) for r in rows][1] == ("later.txt", "afgerond: 332")
    assert len(rows) == 2


def test_minutes_plan_summary_is_one_dutch_sentence_for_a_message_box():
    backend = memory_workbook("2023-09-28")
    plan = propose_minutes(backend, MINUTES_12, None)
    assert plan.summary() == (
        "Voorstel notulen 12-10-2023: 4 actie(s) afronden (325, 330, 338, 340), "
        "5 nieuwe actie(s) (341, 342, 343, 344, 345), 2 besluit(en)."
    )
    assert apply_proposal_sheet(backend).summary().startswith("Verwerkt notulen 12-10-2023: 4 actie(s) afronden")


def test_minutes_header_names_the_meeting_kind_when_the_workbook_knows_it(tmp_path):
    backend = memory_workbook("2023-10-12")
    minutes = tmp_path / "ov.txt"
    minutes.write_text("Verslag OV-vergadering 19 oktober 2023\n\n# 4. Sturingsinformatie\n\n"
                       "Een expert licht toe. (actie: DB)\n", encoding="utf-8")
    plan = process_minutes(backend, minutes, None)
    assert plan.changes.meeting_kind == "Overlegvergadering"
    assert plan.new_actions[0].meeting_kind == "Overlegvergadering"


def test_minutes_header_with_a_kind_the_workbook_does_not_know_keep_the_default(tmp_path):
    backend = memory_workbook("2023-10-12")
    minutes = tmp_path / "mr.txt"
    minutes.write_text("Notulen MR 19 oktober 2023\n\nDe poster komt er. (actie: Jan)\n", encoding="utf-8")
    assert process_minutes(backend, minutes, None).changes.meeting_kind == "OR-vergadering"


def test_minutes_header_decides_between_two_meetings_on_the_same_day(tmp_path):
    backend = memory_workbook("2023-10-12")
    meetings = backend.sheets[schema.MEETINGS.name]
    width = len(meetings[0])
    meetings.append([date(2023, 10, 19), "OR-vergadering"] + [None] * (width - 2))
    meetings.append([date(2023, 10, 19), "Informeel overleg"] + [None] * (width - 2))
    minutes = tmp_path / "io.txt"
    minutes.write_text("Verslag informeel overleg 19 oktober 2023\n\nDe poster komt er. (actie: Jan)\n", encoding="utf-8")
    assert process_minutes(backend, minutes, None).changes.meeting_kind == "Informeel overleg"


def test_minutes_deadline_without_a_year_falls_after_the_meeting(tmp_path):
    backend = memory_workbook("2023-10-12")
    minutes = tmp_path / "m.txt"
    minutes.write_text("# 3. Fika\n\nEr komt een poster. (actie: Karin, deadline 15 januari)\n"
                       "Er komt een zaal. (actie: Jan, deadline 1-11-2023)\n", encoding="utf-8")
    plan = process_minutes(backend, minutes, date(2023, 12, 14))
    assert [a.deadline.cell_value() for a in plan.new_actions] == [date(2024, 1, 15), date(2023, 11, 1)]


def _status_table_docx(path, rows):
    import docx

    document = docx.Document()
    document.add_paragraph("Verslag OR-vergadering 26 oktober 2023")
    document.add_heading("4. Actielijst", level=1)
    table = document.add_table(rows=0, cols=5)
    for values in [("Datum", "Omschrijving", "Naam", "Einddatum", "Voltooid"), *rows]:
        cells = table.add_row().cells
        for cell, value in zip(cells, values):
            cell.text = value
    document.save(path)
    return path


def test_minutes_action_table_rows_marked_done_suggest_closing_the_open_action_they_describe(tmp_path):
    backend = memory_workbook("2023-10-12")
    open_339 = next(a for a in sheet_actions(backend, schema.ACTIONS.name) if a.number == 339)
    minutes = _status_table_docx(tmp_path / "notulen.docx", [
        ("12-10-2023", open_339.description, "Piet", "31-10-2023", "ja"),
        ("12-10-2023", "Kerstpakketten bestellen bij de slager", "Jan", "01-12-2023", "✓"),
        ("12-10-2023", "Nog te doen", "Karin", "01-12-2023", ""),
    ])
    plan = process_minutes(backend, minutes, None)
    assert [c.number for c in plan.suggested_closures] == [339] and plan.closures == []
    assert plan.new_actions == [] and plan.possible_actions == []
    assert any("Kerstpakketten" in m and "past bij geen open actie" in m for m in plan.near_misses)
    assert not any(a.owner in ("Naam", "Voltooid") for a in plan.new_actions)
    applied = process_minutes(backend, minutes, None, apply=True)
    assert applied.applied is False and 339 in numbers(backend, schema.ACTIONS.name)  # a suggestion waits for a yes
    process_minutes(backend, minutes, None, apply=True, include_possible=True)
    assert 339 in numbers(backend, schema.ARCHIVE.name)


def test_minutes_people_on_the_personen_sheet_are_owners_without_a_header_listing_them(tmp_path):
    minutes = tmp_path / "m.txt"
    minutes.write_text("Verslag 26 oktober 2023\n\n# 3. Fika\n\nKarin stuurt de uitnodiging rond.\n", encoding="utf-8")
    assert process_minutes(memory_workbook("2023-10-12"), minutes, None).possible_actions == []
    backend = memory_workbook("2023-10-12")
    people = backend.sheets[schema.PEOPLE.name]
    people.append(["Karin de Boer"] + [None] * (len(people[0]) - 1))
    [(action, reason)] = process_minutes(backend, minutes, None).possible_actions
    assert (action.owner, action.description, reason) == (
        "Karin", "Karin stuurt de uitnodiging rond.", "naam + werkwoord, zonder actiemarkering")
