"""The buttons of the later features, pressed on xlwings' remote engine.

Notulen verwerken -> Voorstel, Voorstel toepassen, Jaarplanning maken (with its
Yes/No question), Woo-export and Overzicht bijwerken: each runs the real
service on the workbook the remote engine hands to ``orsheet.macros``, and the
test checks what Excel would be asked to write and show.
"""

from __future__ import annotations

import copy
from datetime import date

import pytest

import orsheet.macros as m
from orsheet import records, schema
from orsheet.workbook.memory import MemoryBackend
from tests.excel_support import (
    LICENSE_ENV,
    FakeExcelClient,
    enable_remote_engine,
    payload_from_file,
    press_button,
    sheet_values,
)
from tests.minutes_support import DATA, file_workbook

ACTIES, ARCHIEF, VOORSTEL = schema.ACTIONS.name, schema.ARCHIVE.name, schema.PROPOSAL.name


@pytest.fixture(scope="module")
def list_of_28_september(tmp_path_factory) -> dict:
    """The OR action list of 28 Sept 2023 in the template, as an xlwings client sends it."""
    return payload_from_file(file_workbook(tmp_path_factory.mktemp("buttons"), "2023-09-28"))


@pytest.fixture
def excel(monkeypatch, tmp_path, list_of_28_september) -> FakeExcelClient:
    monkeypatch.setenv(*LICENSE_ENV)
    monkeypatch.setattr("tempfile.tempdir", None)
    monkeypatch.setenv("TMPDIR", str(tmp_path))
    enable_remote_engine()
    client = FakeExcelClient(copy.deepcopy(list_of_28_september))
    client.payload["book"]["name"] = str(tmp_path / "or.xlsm")  # the remote engine's fullname
    return client


def message(alert: dict) -> tuple[str, str]:
    prompt, _, _, mode, _ = alert["args"]
    return prompt, mode


def column(values: list[list], header: str) -> list:
    index = values[0].index(header)
    return [row[index] for row in values[1:] if any(v != "" for v in row)]


def test_notulen_verwerken_writes_the_proposal_of_the_minutes_to_voorstel(excel, monkeypatch):
    alerts = press_button(excel, monkeypatch, m.process_minutes, str(DATA / "notulen-2023-10-12.txt"))
    prompt, mode = message(alerts[-1])
    assert mode == "info", prompt
    assert prompt.startswith("Voorstel notulen 12-10-2023: 4 actie(s) afronden (325, 330, 338, 340)")
    assert "Voorstel toepassen" in prompt
    proposal = sheet_values(excel, VOORSTEL)
    assert proposal[0] == list(schema.PROPOSAL.headers)
    kinds = column(proposal, "Soort")
    numbers = column(proposal, schema.NR)
    assert [n for k, n in zip(kinds, numbers) if k == "Afronden"] == [325, 330, 338, 340]
    assert [n for k, n in zip(kinds, numbers) if k == "Nieuwe actie"] == [341, 342, 343, 344, 345]
    sure = [t for t, z in zip(column(proposal, "Toepassen"), column(proposal, "Zekerheid")) if z == "zeker"]
    assert set(sure) == {"ja"}
    assert [a for a in excel.log if a["func"] == "setValues" and excel.payload["sheets"][a["sheet_position"]]["name"] == ACTIES] == []


def test_voorstel_toepassen_closes_and_adds_the_actions_marked_ja(excel, monkeypatch):
    press_button(excel, monkeypatch, m.process_minutes, str(DATA / "notulen-2023-10-12.txt"))
    proposal = sheet_values(excel, VOORSTEL)
    toepassen, nr = proposal[0].index("Toepassen"), proposal[0].index(schema.NR)
    declined = next(row for row in proposal[1:] if row[nr] == 338)
    declined[toepassen] = "nee"  # the secretary keeps 338 open

    alerts = press_button(excel, monkeypatch, m.apply_proposal)
    prompt, mode = message(alerts[-1])
    assert mode == "info", prompt
    assert prompt.startswith("Verwerkt notulen 12-10-2023: 3 actie(s) afronden (325, 330, 340), 5 nieuwe actie(s) (341")
    open_numbers = column(sheet_values(excel, ACTIES), schema.NR)
    assert {325, 330, 340}.isdisjoint(open_numbers) and 338 in open_numbers
    assert {341, 342, 343, 344, 345} <= set(open_numbers)
    assert {325, 330, 340} <= set(column(sheet_values(excel, ARCHIEF), schema.NR))
    assert "verwerkt" in column(sheet_values(excel, VOORSTEL), "Toepassen")


def test_voorstel_toepassen_without_a_voorstel_sheet_says_what_to_do_first(excel, monkeypatch):
    prompt, mode = message(press_button(excel, monkeypatch, m.apply_proposal)[-1])
    assert mode == "critical"
    assert "blad Voorstel ontbreekt: verwerk eerst notulen" in prompt


def test_notulen_verwerken_with_a_file_that_is_gone_is_a_dutch_message(excel, monkeypatch, tmp_path):
    prompt, mode = message(press_button(excel, monkeypatch, m.process_minutes, str(tmp_path / "weg.docx"))[-1])
    assert mode == "critical" and "weg.docx bestaat niet" in prompt
    assert not any(s["name"] == VOORSTEL for s in excel.payload["sheets"])


def test_minutes_without_a_meeting_date_ask_for_the_date_in_the_minutes_not_a_cli_option(excel, monkeypatch, tmp_path):
    minutes = tmp_path / "notulen.txt"
    minutes.write_text("Agendapunt 1\n\nActie 325 is afgerond.\n", encoding="utf-8")
    prompt, mode = message(press_button(excel, monkeypatch, m.process_minutes, str(minutes))[-1])
    assert mode == "critical"
    assert "vergaderdatum staat niet bovenaan in notulen.txt" in prompt and "--meeting" not in prompt


def test_jaarplanning_maken_asks_before_saving_and_saves_nothing_without_a_yes(excel, monkeypatch):
    alerts = press_button(excel, monkeypatch, m.make_year_plan)
    question, answer = alerts
    assert question["args"][2] == "yes_no"
    assert "Deze wijzigingen opslaan in Vergaderingen?" in question["args"][0]
    assert "niet opgeslagen" in message(answer)[0]
    assert column(sheet_values(excel, schema.MEETINGS.name), "Datum") == []


def test_the_year_plan_is_written_when_the_secretary_says_yes():
    backend, questions = MemoryBackend.new(), []
    text = m.plan_year_confirmed(backend, 2024, date(2023, 11, 1), lambda q: questions.append(q) or True)
    assert len(questions) == 1 and questions[0].count("\n+ ") > 20
    assert text.startswith("Jaarplanning 2024 toegepast:")
    meetings = records.meetings_from_table(backend.read([schema.MEETINGS.name])[schema.MEETINGS.name])
    assert {meeting.date.year for meeting in meetings} == {2024}


def test_the_year_plan_is_not_written_when_the_secretary_says_no():
    backend = MemoryBackend.new()
    text = m.plan_year_confirmed(backend, 2024, date(2023, 11, 1), lambda q: False)
    assert text == "Jaarplanning 2024: niet opgeslagen; Vergaderingen is niet gewijzigd."
    assert backend.writes == 0


def test_a_year_plan_that_changes_nothing_asks_nothing():
    backend = MemoryBackend.new()
    m.plan_year_confirmed(backend, 2024, date(2023, 11, 1), lambda q: True)
    asked = []
    text = m.plan_year_confirmed(backend, 2024, date(2023, 11, 1), asked.append)
    assert asked == [] and "er verandert niets" in text


def test_woo_export_writes_the_publication_beside_the_workbook(excel, monkeypatch, tmp_path):
    monkeypatch.setenv("PATH", str(tmp_path / "geen-programmas"))  # no soffice: Word/Excel only, fast
    alerts = press_button(excel, monkeypatch, m.woo_export)
    prompt, mode = message(alerts[-1])
    assert mode == "info", prompt
    [folder] = [p for p in tmp_path.iterdir() if p.name.startswith("Woo-publicatie ")]
    assert prompt.startswith(f"Woo-export in {folder}:")
    names = {p.name for p in folder.iterdir()}
    assert {"inventarislijst.xlsx", "inventarislijst.csv"} <= names
    assert any(n.endswith(".docx") for n in names) and any(n.endswith(".xlsx") and "invent" not in n for n in names)


def test_overzicht_bijwerken_writes_the_sheet_overzicht(excel, monkeypatch):
    prompt, mode = message(press_button(excel, monkeypatch, m.update_overview)[-1])
    assert mode == "info", prompt
    assert prompt.startswith("Blad Overzicht bijgewerkt")
    overview = sheet_values(excel, "Overzicht")
    assert any(325 in row for row in overview)


def test_the_voorstel_sheet_is_brought_to_the_front_when_it_exists(excel, monkeypatch):
    press_button(excel, monkeypatch, m.process_minutes, str(DATA / "notulen-2023-10-12.txt"))
    press_button(excel, monkeypatch, m.process_minutes, str(DATA / "notulen-2023-10-12.txt"))
    names = [s["name"] for s in excel.payload["sheets"]]
    assert excel.payload["book"]["active_sheet_index"] == names.index(VOORSTEL)



def test_a_long_result_is_shortened_for_the_message_box_but_keeps_its_warnings():
    text = "\n".join(["Woo-export in map: 30 document(en)."] + [f"- Agenda {n}" for n in range(30)]
                     + ["Lekcontrole: geen namen gevonden.", "Let op: geen PDF"])
    short = m.short_message(text).splitlines()
    assert len(short) <= m.MESSAGE_LINES + 2
    assert short[0] == "Woo-export in map: 30 document(en)."
    assert short[-2:] == ["Lekcontrole: geen namen gevonden.", "Let op: geen PDF"]
    assert any(line.startswith("... en nog ") for line in short)
