"""Golden test: the Woo export of our own agendas reads like the published ones.

The published OR agendas of September/October 2023 (the seeds) show every
private name as 5.1.2e. Here the same four meetings are typed into a workbook
with *real* (made-up) names where the seeds have 5.1.2e, in the forms a
secretary types them ("Jan de Vries", "J. de Vries", "Anna", "De Vries"), the
agendas are generated, and the Woo export of each must read exactly like the
agenda golden file (``tests/golden/agenda/<day>.txt``), which was made from
the redacted seeds: the export puts back precisely the published redactions.
"""

from __future__ import annotations

import itertools
import os
from datetime import date

import pytest

from orsheet.documents.woo_leaks import find_leaks
from orsheet.model import Person
from orsheet.redact import NAME_CODE, build_redactor
from orsheet.services.agenda import generate_agenda
from orsheet.services.woo import Period, woo_export
from orsheet.workbook.base import AppendRows
from orsheet.workbook.file import FileBackend
from tests import agenda_support
from tests.agenda_support import GOLDEN, docx_lines, filled_workbook

PEOPLE = [
    {"Naam": "Jan de Vries", "Rol": "voorzitter", "Openbaar": "nee"},
    {"Naam": "Anna Bakker", "Rol": "secretaris", "Openbaar": "nee"},
    {"Naam": "Pieter van den Berg", "Rol": "lid", "Openbaar": "nee"},
    {"Naam": "Olivier de Bruijne", "Rol": "directeur", "Openbaar": "ja"},
    {"Naam": "Siebe Keulen", "Rol": "directeur", "Openbaar": "ja"},
]
WOO_GOLDEN = GOLDEN.parent / "woo"
FORMS = ["Jan de Vries", "Anna", "J. de Vries", "Pieter van den Berg", "De Vries", "Anna Bakker", "P. van den Berg"]
DAYS = ["2023-09-14", "2023-09-28", "2023-10-12", "2023-10-26"]


def with_names(value, names):
    """The seed value with every 5.1.2e replaced by the next typed name."""
    if not isinstance(value, str) or NAME_CODE not in value:
        return value
    parts = value.split(NAME_CODE)
    return "".join(p + next(names) for p in parts[:-1]) + parts[-1]


@pytest.fixture(scope="module")
def exported(tmp_path_factory, monkeypatch_module):
    names = itertools.cycle(FORMS)
    monkeypatch_module.setattr(agenda_support, "MEETINGS", [
        {k: with_names(v, names) for k, v in meeting.items()} for meeting in agenda_support.MEETINGS])
    rows = [{k: with_names(v, names) for k, v in row.items()} for row in agenda_support.action_rows()]
    monkeypatch_module.setattr(agenda_support, "action_rows", lambda: rows)
    folder = tmp_path_factory.mktemp("woo-golden")
    path = filled_workbook(folder)
    FileBackend(path).write([AppendRows("Personen", PEOPLE)])
    originals = {day: generate_agenda(FileBackend(path), path, date.fromisoformat(day), pdf=False).docx for day in DAYS}
    out = folder / "publicatie"
    result = woo_export(FileBackend(path), out, PERIOD, workbook_path=path, pdf=False, today=date(2023, 10, 31))
    return originals, out, result


PERIOD = Period(date(2023, 9, 1), date(2023, 10, 31))


@pytest.fixture(scope="module")
def monkeypatch_module():
    with pytest.MonkeyPatch.context() as patch:
        yield patch


@pytest.mark.parametrize("day", DAYS)
def test_generated_agenda_named_people_before_the_export(exported, day):
    originals, _, _ = exported
    assert any(form in line for line in docx_lines(originals[day]) for form in FORMS)


@pytest.mark.parametrize("day", DAYS)
def test_exported_agenda_reads_exactly_like_the_published_redacted_agenda(exported, day):
    _, out, _ = exported
    redacted = out / f"Agenda OR-vergadering {day}.docx"
    assert docx_lines(redacted) == (GOLDEN / f"{day}.txt").read_text(encoding="utf-8").splitlines()


def test_nothing_of_the_private_names_is_left_anywhere_in_the_publication(exported):
    _, out, result = exported
    redactor = build_redactor([Person(p["Naam"], public=p["Openbaar"] == "ja") for p in PEOPLE])
    assert find_leaks(sorted(out.iterdir()), redactor) == []
    assert {d.document for d in result.documents} >= {f"Agenda OR-vergadering {date.fromisoformat(d):%d-%m-%Y}"
                                                       for d in DAYS}


def test_exported_action_list_matches_its_golden_file(exported):
    _, out, _ = exported
    lines = docx_lines(out / "Actielijst.docx")
    golden = WOO_GOLDEN / "actielijst-2023-09-01-2023-10-31.txt"
    if os.environ.get("ORSHEET_UPDATE_GOLDEN"):
        golden.parent.mkdir(exist_ok=True)
        golden.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert lines == golden.read_text(encoding="utf-8").splitlines()


def test_exported_action_list_equals_the_list_typed_with_5_1_2e(exported, tmp_path):
    """Typing the seeds' redacted list and exporting it gives the same published list."""
    _, out, _ = exported
    path = filled_workbook(tmp_path)  # the seeds as published: 5.1.2e where names were
    FileBackend(path).write([AppendRows("Personen", PEOPLE)])
    plain = tmp_path / "publicatie"
    woo_export(FileBackend(path), plain, PERIOD, workbook_path=path, pdf=False, today=date(2023, 10, 31))
    assert docx_lines(plain / "Actielijst.docx") == docx_lines(out / "Actielijst.docx")


def test_seed_export_with_a_person_missing_from_personen_stops_and_names_them(exported, tmp_path):
    """The seeds with typed names, but Personen lacks Pieter van den Berg: the second line of defence."""
    import shutil

    from orsheet.documents.woo_leaks import UnknownNamesError
    from orsheet.workbook.base import DeleteRows

    originals, _, _ = exported
    source = next(iter(originals.values())).parent.parent
    path = tmp_path / "or-2023.xlsm"
    shutil.copyfile(source / "or-2023.xlsm", path)
    people = FileBackend(path).read(["Personen"])["Personen"]
    pieter = next(row.number for row in people.rows if row.get("Naam") == "Pieter van den Berg")
    FileBackend(path).write([DeleteRows("Personen", [pieter])])
    out = tmp_path / "publicatie"
    with pytest.raises(UnknownNamesError) as caught:
        woo_export(FileBackend(path), out, PERIOD, workbook_path=path, agenda_dir=source / "Agenda's", pdf=False,
                   today=date(2023, 10, 31))
    found = {name.name for name in caught.value.names}
    assert {"Pieter van den Berg", "P. van den Berg"} <= found
    assert not out.exists() or not any(out.iterdir())
    FileBackend(path).write([AppendRows("Personen", [{"Naam": "Pieter van den Berg", "Openbaar": "nee"}])])
    result = woo_export(FileBackend(path), out, PERIOD, workbook_path=path, agenda_dir=source / "Agenda's",
                        pdf=False, today=date(2023, 10, 31))
    redactor = build_redactor([Person(p["Naam"], public=p["Openbaar"] == "ja") for p in PEOPLE])
    assert result.accepted_names == [] and find_leaks(result.files, redactor) == []
