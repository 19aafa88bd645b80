"""Importing an existing action list: numbers kept, problems located in the source file."""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook

from orsheet import schema
from orsheet.workbook.base import AppendRows
from orsheet.workbook.file import FileBackend
from tests.support.cli import run_json


def write_csv(path: Path, lines: list[str]) -> Path:
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_an_xlsx_list_with_cut_off_headers_and_an_extra_column_is_imported(template_copy, tmp_path):
    book = Workbook()
    sheet = book.active
    sheet.append(["nr", "onderwerp", "omschrijving", "verantwoor", "Overleg", "datum", "deadline", "status", "opmerkingen", "kleur"])
    sheet.append([325, "Overdracht", "Borrel organiseren", "Allen", "OR-vergadering", "7/6/2023", "", "", "", "geel"])
    book.save(tmp_path / "lijst.xlsx")
    code, result = run_json("import-actions", template_copy, tmp_path / "lijst.xlsx")
    assert code == 0
    assert result["ignored_columns"] == ["kleur"]
    assert result["imported"][0]["date"] == "2023-07-06"
    assert result["imported"][0]["owner"] == "Allen"


def test_a_bad_date_in_the_source_is_named_by_file_row_and_column_and_nothing_is_imported(template_copy, tmp_path):
    source = write_csv(tmp_path / "oud.csv", ["nr;onderwerp;datum", "1;Een;1/5/2023", "2;Twee;13/13/2023"])
    before = template_copy.read_bytes()
    code, result = run_json("import-actions", template_copy, source)
    assert code == 1
    assert 'oud.csv!C3 (Datum): datum "13/13/2023" bestaat niet' in result["error"]["message"]
    assert template_copy.read_bytes() == before


def test_numbers_already_in_the_workbook_refuse_the_import(template_copy, tmp_path):
    FileBackend(template_copy).write([AppendRows(schema.ARCHIVE.name, [{schema.NR: 7, schema.ONDERWERP: "Oud"}])])
    source = write_csv(tmp_path / "lijst.csv", ["nr,onderwerp", "7,Dubbel"])
    code, result = run_json("import-actions", template_copy, source)
    assert code == 1 and "lijst.csv!A2 (Nr): nummer 7 bestaat al in Archief" in result["error"]["message"]


def test_a_csv_saved_by_dutch_excel_in_windows_1252_is_imported(template_copy, tmp_path):
    source = tmp_path / "excel.csv"
    source.write_bytes("Nr;Onderwerp;Omschrijving;Datum\n900;Reëel;café bezoeken;26-10-2023\n".encode("cp1252"))
    code, result = run_json("import-actions", template_copy, source)
    assert code == 0, result
    assert result["imported"][0]["subject"] == "Reëel"


def test_an_empty_or_unreadable_source_gives_a_dutch_sentence_without_library_text(template_copy, tmp_path):
    (tmp_path / "leeg.csv").write_bytes(b"")
    (tmp_path / "nep.xlsx").write_text("geen excel")
    assert run_json("import-actions", template_copy, tmp_path / "leeg.csv")[1]["error"]["message"] == "leeg.csv is leeg"
    message = run_json("import-actions", template_copy, tmp_path / "nep.xlsx")[1]["error"]["message"]
    assert message == "nep.xlsx kan niet worden gelezen: het is geen geldig Excel-bestand"


def test_a_file_without_action_columns_is_not_taken_for_an_action_list(template_copy, tmp_path):
    source = write_csv(tmp_path / "boodschappen.csv", ["product,aantal", "melk,2"])
    code, result = run_json("import-actions", template_copy, source)
    assert code == 1 and "geen actielijst herkend" in result["error"]["message"]


def test_imported_numbers_raise_the_last_number_so_new_actions_follow_them(template_copy, tmp_path):
    run_json("import-actions", template_copy, write_csv(tmp_path / "l.csv", ["nr,onderwerp", "350,Laatste"]))
    FileBackend(template_copy).write([AppendRows(schema.ACTIONS.name, [{schema.ONDERWERP: "Nieuw"}])])
    assert run_json("number", template_copy)[1]["numbered"][0]["number"] == 351


def test_a_csv_row_with_a_field_too_many_is_named_by_its_line(template_copy, tmp_path):
    source = write_csv(tmp_path / "slecht.csv", ["nr;onderwerp;omschrijving", "401;Rooster;Winterrooster",
                                                  "402;Rooster;Zomerrooster; met pauze"])
    before = template_copy.read_bytes()
    code, result = run_json("import-actions", template_copy, source)
    assert code == 1 and template_copy.read_bytes() == before
    assert result["error"]["message"] == ("slecht.csv, regel 3: 4 velden, maar de kop heeft er 3 (staat er een ; of , "
                                          "in een tekst zonder aanhalingstekens?)")


def test_the_acties_sheet_of_last_years_workbook_is_imported_not_its_first_sheet(template_copy, tmp_path):
    book = Workbook()
    book.active.title = "Start"
    book.active.append(["Welkom bij de werkmap van de OR"])
    sheet = book.create_sheet("Acties")
    sheet.append(["Nr", "Onderwerp", "Omschrijving", "Verantwoordelijke"])
    sheet.append([512, "Scholing", "Cursus plannen", "Karin"])
    book.save(tmp_path / "vorig-jaar.xlsx")
    code, result = run_json("import-actions", template_copy, tmp_path / "vorig-jaar.xlsx")
    assert code == 0, result
    assert [(a["number"], a["owner"]) for a in result["imported"]] == [(512, "Karin")]


def test_an_action_list_on_another_sheet_than_the_first_is_found_by_its_header(template_copy, tmp_path):
    book = Workbook()
    book.active.append(["Toelichting"])
    book.create_sheet("Lijst 2023").append(["nr.", "actie", "wie"])
    book["Lijst 2023"].append([77, "Zaal reserveren", "Ahmed"])
    book.save(tmp_path / "lijst.xlsx")
    code, result = run_json("import-actions", template_copy, tmp_path / "lijst.xlsx")
    assert code == 0, result
    assert [(a["number"], a["description"]) for a in result["imported"]] == [(77, "Zaal reserveren")]


def test_a_workbook_without_an_action_list_on_any_sheet_says_so(template_copy, tmp_path):
    book = Workbook()
    book.active.append(["product", "aantal"])
    book.create_sheet("Tweede").append(["kleur"])
    book.save(tmp_path / "boodschappen.xlsx")
    code, result = run_json("import-actions", template_copy, tmp_path / "boodschappen.xlsx")
    assert code == 1 and "ontbreken in de eerste rij (op geen enkel blad)" in result["error"]["message"]
