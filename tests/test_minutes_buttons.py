"""Notulen verwerken -> Voorstel -> Voorstel toepassen, pressed as buttons on xlwings' remote engine."""

from __future__ import annotations

import copy
from datetime import date, datetime

import pytest

import orsheet.macros as m
from orsheet import schema
from tests.excel_support import LICENSE_ENV, FakeExcelClient, enable_remote_engine, payload_from_file, press_button, sheet_values
from tests.minutes_support import file_workbook

ACTIES, VOORSTEL = schema.ACTIONS.name, schema.PROPOSAL.name

MINUTES = """Verslag OR-vergadering 26 oktober 2023

Aanwezig: Karin, Jan, Piet

# 3. Fika

Er komt een poster voor de Fika. (actie: Karin, deadline 15 november)

Jan gaat de zaal reserveren.
"""


@pytest.fixture(scope="module")
def list_of_12_october(tmp_path_factory) -> dict:
    return payload_from_file(file_workbook(tmp_path_factory.mktemp("minutes-buttons"), "2023-10-12"))


@pytest.fixture
def excel(monkeypatch, tmp_path, list_of_12_october) -> FakeExcelClient:
    monkeypatch.setenv(*LICENSE_ENV)
    monkeypatch.setattr("tempfile.tempdir", None)
    monkeypatch.setenv("TMPDIR", str(tmp_path))
    enable_remote_engine()
    client = FakeExcelClient(copy.deepcopy(list_of_12_october))
    client.payload["book"]["name"] = str(tmp_path / "or.xlsm")
    return client


def rows_of(values: list[list]) -> list[dict]:
    return [dict(zip(values[0], row)) for row in values[1:] if any(v not in ("", None) for v in row)]


def as_date(value):
    if isinstance(value, str) and value[:4].isdigit():
        return datetime.fromisoformat(value).date()
    return value.date() if isinstance(value, datetime) else value


def propose(excel, monkeypatch, tmp_path) -> list[dict]:
    minutes = tmp_path / "notulen-2023-10-26.txt"
    minutes.write_text(MINUTES, encoding="utf-8")
    press_button(excel, monkeypatch, m.process_minutes, str(minutes))
    return rows_of(sheet_values(excel, VOORSTEL))


def test_voorstel_marks_a_marker_zeker_and_ja_and_a_name_with_a_verb_mogelijk_and_nee(excel, monkeypatch, tmp_path):
    rows = propose(excel, monkeypatch, tmp_path)
    by_owner = {r[schema.VERANTWOORDELIJKE]: r for r in rows}
    assert (by_owner["Karin"]["Zekerheid"], by_owner["Karin"]["Toepassen"]) == ("zeker", "ja")
    assert (by_owner["Jan"]["Zekerheid"], by_owner["Jan"]["Toepassen"]) == ("mogelijk", "nee")
    assert by_owner["Jan"]["Toelichting"] == "Mogelijk: naam + werkwoord, zonder actiemarkering."


def test_voorstel_shows_the_number_without_saying_it_is_still_to_be_given(excel, monkeypatch, tmp_path):
    rows = propose(excel, monkeypatch, tmp_path)
    karin = next(r for r in rows if r[schema.VERANTWOORDELIJKE] == "Karin")
    assert karin[schema.NR] == 346 and "toegekend" not in karin["Toelichting"]


def test_voorstel_toepassen_keeps_the_deadline_the_minutes_gave(excel, monkeypatch, tmp_path):
    rows = propose(excel, monkeypatch, tmp_path)
    karin = next(r for r in rows if r[schema.VERANTWOORDELIJKE] == "Karin")
    assert as_date(karin[schema.DEADLINE]) == date(2023, 11, 15)
    press_button(excel, monkeypatch, m.apply_proposal)
    added = next(r for r in rows_of(sheet_values(excel, ACTIES)) if r[schema.NR] == 346)
    assert added[schema.VERANTWOORDELIJKE] == "Karin"
    assert as_date(added[schema.DEADLINE]) == date(2023, 11, 15)
    assert not any(r[schema.VERANTWOORDELIJKE] == "Jan" for r in rows_of(sheet_values(excel, ACTIES)))


def test_voorstel_toepassen_applies_a_mogelijk_row_the_secretary_set_to_ja(excel, monkeypatch, tmp_path):
    propose(excel, monkeypatch, tmp_path)
    values = sheet_values(excel, VOORSTEL)
    header = values[0]
    jan = next(row for row in values[1:] if row[header.index(schema.VERANTWOORDELIJKE)] == "Jan")
    jan[header.index("Toepassen")] = "ja"
    press_button(excel, monkeypatch, m.apply_proposal)
    owners = {r[schema.NR]: r[schema.VERANTWOORDELIJKE] for r in rows_of(sheet_values(excel, ACTIES))}
    assert owners[346] == "Karin" and owners[347] == "Jan"
