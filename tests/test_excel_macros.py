"""The Python side of the buttons, pressed on xlwings' remote engine.

``orsheet.macros`` finds its workbook through ``xw.Book.caller()``; here the
caller is a real xlwings book on the remote engine, so the test sees exactly
what Excel would be asked to do (cell writes and the message box).
"""

from __future__ import annotations

import copy

import pytest

import orsheet.macros as m
from orsheet import schema
from orsheet.excel.actions import ACTIONS
from orsheet.build.macro_workbook import MACROS_DIR
from orsheet.build.contract_workbook import build_template
from tests.excel_support import LICENSE_ENV, FakeExcelClient, enable_remote_engine, payload_from_file, press_button

ACTIES = schema.ACTIONS.name


@pytest.fixture(scope="module")
def template_payload(tmp_path_factory) -> dict:
    return payload_from_file(build_template(tmp_path_factory.mktemp("macros") / "plain.xlsm"))


@pytest.fixture
def press(monkeypatch, template_payload, tmp_path):
    """Press a button: run a macros function with a fresh caller book; return (client, book)."""
    monkeypatch.setenv(*LICENSE_ENV)
    monkeypatch.setenv("TMP", str(tmp_path))
    monkeypatch.setenv("TEMP", str(tmp_path))
    monkeypatch.setenv("TMPDIR", str(tmp_path))
    monkeypatch.setattr("tempfile.tempdir", None)
    enable_remote_engine()
    client = FakeExcelClient(copy.deepcopy(template_payload))

    def run(function, *args, **kwargs):
        return press_button(client, monkeypatch, function, *args, **kwargs)

    run.client = client
    return run


def add_actions(client: FakeExcelClient, *rows: list) -> None:
    sheet = next(s for s in client.payload["sheets"] if s["name"] == ACTIES)
    width = len(sheet["values"][0])
    sheet["values"][1:] = [row + [""] * (width - len(row)) for row in rows]


def test_acties_nummeren_numbers_the_actions_and_says_so_in_dutch(press):
    add_actions(press.client, ["", "Notulen rondsturen"], ["", "Zaal reserveren"])
    alerts = press(m.number_actions)
    values = next(s for s in press.client.payload["sheets"] if s["name"] == ACTIES)["values"]
    assert [row[0] for row in values[1:3]] == [1, 2]
    prompt, title, _, mode, _ = alerts[0]["args"]
    assert prompt == "2 actie(s) genummerd: 1, 2." and mode == "info"
    assert title == "orsheet – Acties nummeren"


def test_afgeronde_acties_sluiten_names_the_numbers_it_gave_when_nothing_was_done(press):
    add_actions(press.client, ["", "Notulen rondsturen"], ["", "Zaal reserveren"])
    alerts = press(m.close_finished_actions)
    prompt, _, _, mode, _ = alerts[0]["args"]
    assert prompt == "2 actie(s) genummerd: 1, 2. Er is geen actie naar Archief verplaatst (geen afgeronde acties)."
    assert mode == "info"


def test_a_user_error_becomes_a_dutch_message_box_naming_the_cell(press):
    add_actions(press.client, ["abc", "Kapot nummer"])
    alerts = press(m.number_actions)
    prompt, _, _, mode, _ = alerts[0]["args"]
    assert mode == "critical"
    assert "niet gelukt" in prompt and "Acties!A2" in prompt
    assert [a for a in press.client.log if a["func"] == "setValues"] == []


def test_a_bug_becomes_a_dutch_message_box_without_a_traceback(press, monkeypatch, tmp_path):
    def broken(backend):
        raise ZeroDivisionError("delen door nul")

    monkeypatch.setattr("orsheet.services.actions.close_actions", broken)
    alerts = press(m.close_finished_actions)
    prompt, _, _, mode, _ = alerts[0]["args"]
    assert mode == "critical"
    assert "onverwachte fout" in prompt and "ZeroDivisionError: delen door nul" in prompt
    assert "Traceback" not in prompt
    log = tmp_path / m.LOG_NAME
    assert "Traceback" in log.read_text(encoding="utf-8") and str(log) in prompt


def test_a_workbook_that_is_not_an_orsheet_workbook_gets_a_dutch_message(press):
    press.client.payload["sheets"] = [{"name": "Blad1", "values": [[""]], "pictures": [], "tables": []}]
    alerts = press(m.number_actions)
    assert "geen orsheet-werkmap" in alerts[0]["args"][0]


def test_agenda_button_makes_the_agenda_of_the_selected_meeting_and_its_sheet(press, tmp_path, monkeypatch):
    monkeypatch.setenv("ORSHEET_SOFFICE", str(tmp_path / "geen-soffice"))  # Word only: keeps the test fast
    payload = press.client.payload
    payload["book"]["name"] = str(tmp_path / "or.xlsm")  # the remote engine's fullname is the book name
    sheets = {s["name"]: s for s in payload["sheets"]}
    width = len(sheets[schema.MEETINGS.name]["values"][0])
    sheets[schema.MEETINGS.name]["values"][1:] = [
        ["2023-10-12T00:00:00.000Z", "OR-vergadering", 13 / 24, 16 / 24] + [""] * (width - 4),
        ["2023-10-26T00:00:00.000Z", "Overlegvergadering", 13 / 24, 15 / 24] + [""] * (width - 4),
    ]
    width = len(sheets[schema.AGENDA_ITEMS.name]["values"][0])
    sheets[schema.AGENDA_ITEMS.name]["values"][1:] = [["2023-10-26T00:00:00.000Z", "5", "Arbobeleid", 30] + [""] * (width - 4)]
    alerts = press(m.make_agenda, "Vergaderingen", 3)
    prompt, _, _, mode, _ = alerts[0]["args"]
    assert mode == "info", prompt
    assert prompt.startswith("Agenda Overlegvergadering 26-10-2023:")
    assert (tmp_path / "Agenda's" / "Agenda Overlegvergadering 2023-10-26.docx").is_file()
    agenda = next(s for s in press.client.payload["sheets"] if s["name"] == "Agenda")
    assert any("Arbobeleid" in str(v) for row in agenda["values"] for v in row)


def test_an_online_workbook_keeps_its_documents_in_the_documents_folder():
    class OnlineBook:
        fullname = "https://bedrijf.sharepoint.com/sites/or/Gedeelde documenten/or.xlsm"
        name = "or.xlsm"

    assert m.workbook_path(OnlineBook()).parent.name == "Documents"


def test_every_action_has_a_macros_function_named_in_its_vba():
    source = (MACROS_DIR / "Orsheet.bas").read_text(encoding="cp1252")
    for action in ACTIONS:
        body = source.split(f"Public Sub {action.macro}()")[1].split("End Sub")[0]
        name = body.split('"m.')[1].split("(")[0]
        assert callable(getattr(m, name)), action.macro


# -- which meeting "Agenda maken" means -------------------------------------------------------

from datetime import date, time  # noqa: E402

from orsheet.errors import CellError, SheetError  # noqa: E402
from orsheet.workbook.memory import MemoryBackend  # noqa: E402

MEETINGS = schema.MEETINGS.name
ITEMS = schema.AGENDA_ITEMS.name


@pytest.fixture
def council() -> MemoryBackend:
    return MemoryBackend.new({
        MEETINGS: [
            {"Datum": date(2023, 9, 14), "Soort": "OR-vergadering", "Begin": time(13, 0)},
            {"Datum": date(2023, 10, 26), "Soort": "Overlegvergadering"},
            {"Datum": date(2023, 11, 9), "Soort": "OR-vergadering"},
        ],
        ITEMS: [
            {"Vergadering": date(2023, 10, 26), schema.NR: "1", schema.ONDERWERP: "Opening"},
            {"Vergadering": date(2023, 12, 1), schema.NR: "1", schema.ONDERWERP: "Verdwaald punt"},
        ],
    })


def test_agenda_is_for_the_meeting_on_the_selected_row_of_vergaderingen(council):
    assert m.meeting_for_selection(council, MEETINGS, 2, date(2023, 10, 1)).date == date(2023, 9, 14)


def test_agenda_is_for_the_meeting_of_the_selected_agenda_item(council):
    assert m.meeting_for_selection(council, ITEMS, 2, date(2023, 1, 1)).kind == "Overlegvergadering"


def test_without_a_selection_the_agenda_is_for_the_next_meeting_from_today(council):
    assert m.meeting_for_selection(council, "Start", 5, date(2023, 10, 27)).date == date(2023, 11, 9)
    assert m.meeting_for_selection(council, "", 0, date(2023, 10, 26)).date == date(2023, 10, 26)


def test_a_selection_that_is_no_meeting_is_a_located_dutch_error(council):
    with pytest.raises(CellError, match=r"Vergaderingen!rij 9: selecteer een vergadering"):
        m.meeting_for_selection(council, MEETINGS, 9, date(2023, 1, 1))
    with pytest.raises(CellError, match="geen vergadering op 01-12-2023"):
        m.meeting_for_selection(council, ITEMS, 3, date(2023, 1, 1))
    with pytest.raises(SheetError, match="geen vergadering op of na 01-01-2024"):
        m.meeting_for_selection(council, "", 0, date(2024, 1, 1))


def test_generated_documents_are_opened_and_their_folder_is_named(tmp_path):
    opened = []
    paths = [tmp_path / "agenda 2023-10-26.docx", tmp_path / "notulen.docx"]
    message = m.open_documents(paths, opener=opened.append)
    assert opened == paths
    assert message == f"Opgeslagen in {tmp_path}: agenda 2023-10-26.docx, notulen.docx."


def test_progress_on_an_engine_without_status_bar_is_silently_skipped(press):
    book = press.client.book()
    m.progress(book, "agenda maken")
    assert book.impl.json()["actions"] == []
