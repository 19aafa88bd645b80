"""The second line of defence of the Woo export: person names that Personen does not list."""

from __future__ import annotations

import csv
from datetime import date

import pytest

from orsheet.documents.woo_leaks import UnknownNamesError, find_leaks
from orsheet.model import Person
from orsheet.redact import build_redactor, listed_people, probable_names, unknown_names
from orsheet.services.woo import Period, review_file_path, woo_export
from orsheet.workbook.memory import MemoryBackend
from tests.support.cli import run

SEED_TEXT = ("Paula van der Beek (IMG) en mevr. Smit van het ministerie schuiven aan; "
             "J. de Vries en Olivier de Bruijne lichten toe; P.J. Jansen stuurt de stukken.")
PEOPLE = [
    {"Naam": "Jan de Vries", "Openbaar": "nee"},
    {"Naam": "Olivier de Bruijne", "Openbaar": "ja"},
]
ACTIONS = [
    {"Nr": 401, "Onderwerp": "Gastsprekers", "Omschrijving": SEED_TEXT, "Verantwoordelijke": "Jan de Vries",
     "Overleg": "OR-vergadering", "Datum": date(2023, 9, 14)},
]
PERIOD = Period(date(2023, 9, 1), date(2023, 10, 31))


def workbook(people=PEOPLE) -> MemoryBackend:
    return MemoryBackend.new({"Acties": ACTIONS, "Personen": people})


def test_names_are_found_by_their_dutch_shape():
    assert probable_names(SEED_TEXT) == ["Paula van der Beek", "mevr. Smit", "J. de Vries", "Olivier de Bruijne",
                                         "P.J. Jansen"]


def test_sentence_starts_and_proper_nouns_are_not_taken_for_names():
    text = "Plan van Aanpak. In de Kluismap staat het. Raad van Bestuur; O&B. Dit is klaar. Ministerie van Volksgezondheid"
    assert probable_names(text) == []


def test_names_in_personen_redacted_or_public_are_not_unknown():
    listed = listed_people([Person("Jan de Vries"), Person("Olivier de Bruijne", public=True)])
    assert unknown_names(SEED_TEXT, listed) == ["Paula van der Beek", "mevr. Smit", "P.J. Jansen"]


def test_an_export_with_names_missing_from_personen_stops_lists_them_and_writes_nothing(tmp_path):
    out = tmp_path / "woo"
    with pytest.raises(UnknownNamesError) as caught:
        woo_export(workbook(), out, PERIOD, pdf=False)
    message = str(caught.value)
    for name in ("Paula van der Beek", "mevr. Smit", "P.J. Jansen"):
        assert f"- {name} (Actielijst.docx, Actielijst.xlsx)" in message
    assert "Olivier de Bruijne" not in message and "niets gepubliceerd" in message and "--accept-names" in message
    assert not out.exists()
    assert not review_file_path(out).exists()


def test_with_the_names_marked_in_personen_the_export_goes_through_and_the_leak_check_passes(tmp_path):
    people = PEOPLE + [{"Naam": "Paula van der Beek", "Openbaar": "nee"}, {"Naam": "Els Smit", "Openbaar": "ja"},
                       {"Naam": "P.J. Jansen", "Openbaar": "nee"}]
    result = woo_export(workbook(people), tmp_path / "woo", PERIOD, pdf=False)
    assert result.accepted_names == [] and result.review_file is None
    redactor = build_redactor([Person(p["Naam"], public=p["Openbaar"] == "ja") for p in people])
    assert find_leaks(result.files, redactor) == []
    text = (tmp_path / "woo" / "Actielijst.docx").read_bytes()
    assert b"Paula" not in text


def test_accepted_names_are_published_and_listed_in_a_review_file_beside_the_publication(tmp_path):
    out = tmp_path / "woo"
    result = woo_export(workbook(), out, PERIOD, pdf=False, accept_names=True)
    assert [n.name for n in result.accepted_names] == ["P.J. Jansen", "Paula van der Beek", "mevr. Smit"]
    assert result.review_file == review_file_path(out) and result.review_file.parent == out.resolve().parent
    with result.review_file.open(encoding="utf-8-sig") as handle:
        rows = list(csv.reader(handle, delimiter=";"))
    assert rows[0] == ["Naam", "Bestanden", "Beoordeling"] and len(rows) == 4
    assert "Namencontrole: 3" in result.summary()


def test_cli_stops_with_exit_code_1_and_the_dutch_message(tmp_path):
    from orsheet.template_file import template_path
    from orsheet.workbook.base import AppendRows
    from orsheet.workbook.file import FileBackend
    import shutil

    path = tmp_path / "or.xlsm"
    shutil.copyfile(template_path(), path)
    FileBackend(path).write([AppendRows("Acties", ACTIONS), AppendRows("Personen", PEOPLE)])
    result = run("woo-export", path, "--out", tmp_path / "woo", "--no-pdf", "--from", "2023-09-01")
    assert result.exit_code == 1
    assert "Paula van der Beek" in result.output and "Traceback" not in result.output
    accepted = run("woo-export", path, "--out", tmp_path / "woo", "--no-pdf", "--from", "2023-09-01", "--accept-names")
    assert accepted.exit_code == 0, accepted.output
