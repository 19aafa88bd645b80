"""What a sheet that is almost right says: one Dutch line that names what to change, not a list of symptoms."""

from __future__ import annotations

import os
import re
import zipfile
from datetime import date
from pathlib import Path

import openpyxl
import pytest

from orsheet.template_file import template_path
from tests.agenda_support import filled_workbook
from tests.support.cli import run_entry_point

ACTIES = "Acties"


def edited_template(tmp_path: Path, edit) -> Path:
    """The shipped template with two actions, changed by ``edit(sheet)`` the way a user might in Excel."""
    book = openpyxl.load_workbook(template_path(), keep_vba=True)
    sheet = book[ACTIES]
    for row, values in ((2, [1, "Jaarplan", "Concept bespreken", "Anna", "OR-vergadering", date(2023, 9, 14)]),
                        (3, [2, "Scholing", "Budget opvragen", "Jan", "OR-vergadering", date(2023, 9, 14)])):
        for column, value in enumerate(values, start=1):
            sheet.cell(row, column).value = value
    sheet.tables["Acties"].ref = "A1:K3"
    edit(sheet)
    path = tmp_path / "or.xlsm"
    book.save(path)
    return path


def problems_of(path: Path) -> list[str]:
    code, out, err = run_entry_point("check", path)
    assert code == 1 and err.startswith("Fout: De werkmap bevat fouten"), (code, out, err)
    return [line[2:] for line in err.splitlines() if line.startswith("- ")]


def test_a_title_row_above_the_header_is_one_line_saying_where_the_header_is(tmp_path):
    def title_above(sheet) -> None:
        sheet.insert_rows(1)
        sheet["A1"] = "Actielijst OR 2023"
        sheet.tables["Acties"].ref = f"A2:K{sheet.max_row}"

    problems = problems_of(edited_template(tmp_path, title_above))
    assert problems == ["blad Acties: de kolomkoppen staan in rij 2, maar orsheet verwacht ze in rij 1; verwijder "
                        "de rij(en) erboven (bijvoorbeeld een titel) of zet de titel in een ander blad"]


def test_a_header_typed_in_other_capitals_gets_a_hint_at_the_cell(tmp_path):
    def lower_case(sheet) -> None:
        sheet["A1"] = "nr"

    problems = problems_of(edited_template(tmp_path, lower_case))
    assert problems == ['blad Acties: kolom "Nr" ontbreekt in rij 1 (in A1 staat "nr", bedoeld is "Nr": '
                        "hoofdletters en spaties tellen mee)"]


def test_a_header_really_missing_gets_no_hint(tmp_path):
    def renamed(sheet) -> None:
        sheet["B1"] = "Titel"

    assert problems_of(edited_template(tmp_path, renamed)) == ['blad Acties: kolom "Onderwerp" ontbreekt in rij 1']


def test_a_formula_showing_an_error_in_datum_is_reported_once(tmp_path):
    path = edited_template(tmp_path, lambda sheet: None)
    broken = tmp_path / "ref.xlsm"
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(broken, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            data = source.read(info)
            if info.filename == "xl/worksheets/sheet2.xml":  # Acties, as openpyxl names the parts
                data, count = re.subn(rb'<c r="F2"[^>]*>.*?</c>', b'<c r="F2" t="e"><f>#REF!</f><v>#REF!</v></c>', data)
                assert count == 1
            target.writestr(info, data)
    problems = problems_of(broken)
    assert [p for p in problems if p.startswith("Acties!F2")] == [
        "Acties!F2 (Datum): de cel toont de foutwaarde #REF!; herstel de formule of de waarde"]


def test_an_agenda_folder_name_holding_an_invisible_nul_is_a_located_dutch_message(tmp_path):
    path = filled_workbook(tmp_path)
    with_nul = tmp_path / "nul.xlsm"
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(with_nul, "w", zipfile.ZIP_DEFLATED) as target:
        replaced = 0
        for info in source.infolist():
            data = source.read(info)
            if info.filename.startswith("xl/worksheets/sheet") and b"<t>Agenda's</t>" in data:
                data, replaced = data.replace(b"<t>Agenda's</t>", b"<t>Agenda_x0000_s</t>"), replaced + 1
            target.writestr(info, data)
    assert replaced == 1  # only Instellingen names the folder
    for command in (["agenda", with_nul, "--meeting", "2023-10-26", "--no-pdf"],
                    ["minutes-template", with_nul, "--meeting", "2023-10-26"],
                    ["woo-export", with_nul, "--out", tmp_path / "woo", "--no-pdf"]):
        code, out, err = run_entry_point(*command)
        assert code == 1 and len(err.splitlines()) == 1, err
        assert err.startswith("Fout: Instellingen!B") and "(Waarde): de naam bevat een onzichtbaar teken (NUL)" in err
        assert "ValueError" not in err and "onverwachte fout" not in err


def with_agenda_folder(tmp_path: Path, typed: str) -> Path:
    path = filled_workbook(tmp_path)
    xml = typed.replace("&", "&amp;").replace("<", "&lt;").encode()
    with zipfile.ZipFile(path) as source:
        parts = {info.filename: source.read(info) for info in source.infolist()}
    changed = {name: data.replace(b"<t>Agenda's</t>", b"<t>" + xml + b"</t>") for name, data in parts.items()
               if name.startswith("xl/worksheets/sheet") and b"<t>Agenda's</t>" in data}
    assert len(changed) == 1  # only Instellingen names the folder
    target = tmp_path / "gedeeld.xlsm"
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in (parts | changed).items():
            archive.writestr(name, data)
    return target


@pytest.mark.skipif(os.name == "nt", reason="a Windows path is this computer's own there")
@pytest.mark.parametrize("typed", ["C:\\Users\\secretaris\\OR\\Agenda's", "\\\\server\\or\\Agenda's", "D:Agenda's"])
def test_an_agenda_folder_typed_on_windows_is_refused_elsewhere_naming_the_setting(tmp_path, typed):
    """A colleague on Windows filled in the shared workbook: no folder named "C:\\Users\\..." appears here."""
    path = with_agenda_folder(tmp_path, typed)
    before = sorted(p.name for p in tmp_path.iterdir())
    for command in (["agenda", path, "--meeting", "2023-10-26", "--no-pdf"],
                    ["woo-export", path, "--out", tmp_path / "woo", "--no-pdf"]):
        code, out, err = run_entry_point(*command)
        assert code == 1 and len(err.splitlines()) == 1, err
        assert err.startswith("Fout: Instellingen!B") and "is een Windows-pad, dat deze computer niet kent" in err
    assert sorted(p.name for p in tmp_path.iterdir()) == before


@pytest.mark.skipif(os.name == "nt", reason="backslashes separate folders there anyway")
def test_a_relative_agenda_folder_typed_with_backslashes_is_the_same_folders_here(tmp_path):
    path = with_agenda_folder(tmp_path, "Stukken\\Agenda's")
    code, out, err = run_entry_point("agenda", path, "--meeting", "2023-10-26", "--no-pdf")
    assert code == 0, err
    assert (tmp_path / "Stukken" / "Agenda's" / "Agenda OR-vergadering 2023-10-26.docx").is_file()
