"""The xlwings Lite scripts, pressed exactly as xlwings' Wasm runtime presses them.

Every press goes through ``xlwings.server.custom_scripts_call`` with an
``xw.Book(json=payload)`` built from a real workbook, sending only the sheets
the script's ``include=`` names; the Excel stand-in applies the returned
actions. The workbook afterwards must be what the CLI makes of the same file.
"""

from __future__ import annotations

import copy
import shutil
from datetime import date
from pathlib import Path

import pytest

from orsheet import demo_data, schema
from orsheet.excel.actions import ACTIONS
from orsheet.lite_buttons import BY_LABEL
from tests.excel_support import payload_from_file
from tests.lite_support import demo_workbook, lite_client, lite_workbook, press_lite, result_text, rows_of, script_meta
from tests.minutes_support import DATA as MINUTES_DATA
from tests.support.cli import run
from tests.support.ooxml_validate import assert_folder_valid

SCRIPTS = {
    "Agenda maken": "make_agenda", "Notulen verwerken": "process_minutes", "Voorstel toepassen": "apply_proposal",
    "Jaarplanning maken": "make_year_plan", "Acties nummeren": "number_actions",
    "Afgeronde acties sluiten": "close_finished_actions", "Overzicht bijwerken": "update_overview",
    "Woo-export": "woo_export",
}
MINUTES_12 = MINUTES_DATA / "notulen-2023-10-12.txt"


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory) -> Path:
    return demo_workbook(tmp_path_factory.mktemp("lite") / "orsheet.xlsx")


@pytest.fixture
def data(tmp_path, monkeypatch) -> Path:
    """xlwings Lite's Files (/data) for this test."""
    folder = tmp_path / "data"
    folder.mkdir()
    monkeypatch.setenv("ORSHEET_LITE_DATA", str(folder))
    return folder


@pytest.fixture
def twins(demo_file, tmp_path):
    """The same workbook twice: one for the CLI, one (as its payload) for xlwings Lite."""
    cli = tmp_path / "cli" / "orsheet.xlsx"
    cli.parent.mkdir()
    shutil.copyfile(demo_file, cli)
    return cli, lite_client(demo_file)


def same_sheets(cli_path: Path, client, *sheets: str) -> None:
    """The same cells and the same tables (name, place, columns) on both sides, read over the whole sheet."""
    cli_payload = payload_from_file(cli_path)
    for sheet in sheets:
        assert rows_of(client.payload, sheet) == rows_of(cli_payload, sheet), sheet
        assert tables_of(client.payload, sheet) == tables_of(cli_payload, sheet), sheet


def tables_of(payload: dict, sheet: str) -> list[tuple[str, str, list]]:
    found = next(s for s in payload["sheets"] if s["name"] == sheet)["tables"]
    return [(t["name"], t["range_address"], t["columns"]) for t in found]


def test_every_button_has_a_script_with_its_dutch_name_sheet_button_and_one_line_docstring():
    for action in ACTIONS:
        meta = script_meta(SCRIPTS[action.label])
        assert meta["name"] == action.label
        assert meta["button"] == BY_LABEL[action.label].reference == f"[orsheet_{action.macro}]Start!{BY_LABEL[action.label].cell}"
        assert meta["show_taskpane"] is True and meta["include"]
        import orsheet.lite  # registered by tests.lite_support (with the licence key xlwings.server needs)

        doc = getattr(orsheet.lite, SCRIPTS[action.label]).__doc__
        assert doc and "\n" not in doc.strip()


def test_acties_nummeren_in_lite_numbers_exactly_like_the_cli(twins, data):
    cli, client = twins
    assert run("number", cli).exit_code == 0
    press_lite(client, "number_actions")
    same_sheets(cli, client, schema.ACTIONS.name, schema.SETTINGS.name)
    assert "2 actie(s) genummerd: 206, 207." in result_text(client)


def test_afgeronde_acties_sluiten_in_lite_closes_and_archives_like_the_cli(twins, data):
    cli, client = twins
    assert run("close", cli).exit_code == 0
    press_lite(client, "close_finished_actions")
    same_sheets(cli, client, schema.ACTIONS.name, schema.ARCHIVE.name, schema.SETTINGS.name)
    archived = [values[schema.NR] for _, values in rows_of(client.payload, schema.ARCHIVE.name)]
    assert archived == [201]


def test_a_press_sends_only_the_sheets_its_script_loads(twins, data):
    _, client = twins
    sent = press_lite(client, "number_actions")["sent"]
    loaded = {s["name"] for s in sent["sheets"] if s["values"] != [[]]}
    assert loaded == {schema.ACTIONS.name, schema.ARCHIVE.name, schema.SETTINGS.name, schema.START.name}
    assert [s["name"] for s in sent["sheets"]] == [s["name"] for s in client.payload["sheets"]]


def test_agenda_maken_writes_the_docx_into_files_and_the_agenda_sheet_like_the_cli(twins, data):
    cli, client = twins
    assert run("agenda", cli, "--meeting", demo_data.DEMO_MEETING.isoformat(), "--no-pdf").exit_code == 0
    press_lite(client, "make_agenda", demo_data.DEMO_MEETING)
    same_sheets(cli, client, "Agenda")
    name = f"Agenda OR-vergadering {demo_data.DEMO_MEETING.isoformat()}.docx"
    assert docx_text(data / "Agenda's" / name) == docx_text(cli.parent / "Agenda's" / name)
    assert assert_folder_valid(data)  # the .docx in Files is valid Open XML
    message = result_text(client)
    assert f"Agenda's/{name}" in message and "geen Word of LibreOffice" in message and "Opslaan als > PDF" in message


def test_agenda_maken_from_the_task_pane_takes_the_selected_meeting(twins, data):
    _, client = twins
    row = next(n for n, v in rows_of(client.payload, schema.MEETINGS.name) if v[schema.DATUM] == demo_data.DEMO_MEETING)
    press_lite(client, "make_agenda", selection=(schema.MEETINGS.name, f"C{row}"))  # no date in the form
    assert (data / "Agenda's" / f"Agenda OR-vergadering {demo_data.DEMO_MEETING.isoformat()}.docx").is_file()


def docx_text(path: Path) -> list[str]:
    import docx

    return [p.text for p in docx.Document(str(path)).paragraphs]


def test_notulen_verwerken_then_voorstel_toepassen_equals_the_cli_propose_and_apply(tmp_path, data):
    from tests.minutes_support import action_rows

    cli = lite_workbook(tmp_path / "or-secretariaat.xlsx", {schema.ACTIONS.name: action_rows("2023-09-28")})
    client = lite_client(cli)
    shutil.copyfile(MINUTES_12, data / MINUTES_12.name)
    assert run("minutes", cli, MINUTES_12, "--propose").exit_code == 0
    press_lite(client, "process_minutes")  # the only minutes in Files
    same_sheets(cli, client, schema.PROPOSAL.name, schema.ACTIONS.name)
    assert "Kies daarna \"Voorstel toepassen\"" in result_text(client)
    assert run("apply-proposal", cli).exit_code == 0
    press_lite(client, "apply_proposal")
    same_sheets(cli, client, schema.ACTIONS.name, schema.ARCHIVE.name, schema.DECISIONS.name, schema.PROPOSAL.name,
                schema.LOG.name, schema.SETTINGS.name)
    assert [v[schema.NR] for _, v in rows_of(client.payload, schema.ARCHIVE.name)] == [325, 330, 338, 340]


def test_notulen_verwerken_names_the_files_when_there_are_several(twins, data):
    _, client = twins
    for name in ("notulen-2023-10-12.txt", "notulen-2023-10-26.txt"):
        shutil.copyfile(MINUTES_DATA / name, data / name)
    press_lite(client, "process_minutes")
    message = result_text(client)
    assert "Niet gelukt" in message and "notulen-2023-10-12.txt, notulen-2023-10-26.txt" in message
    assert schema.PROPOSAL.name not in [s["name"] for s in client.payload["sheets"]]


def test_jaarplanning_shows_the_proposal_first_and_saves_with_opslaan_like_the_cli(twins, data):
    cli, client = twins
    today = date.today()
    before = rows_of(client.payload, schema.MEETINGS.name)
    press_lite(client, "make_year_plan", 2027, False)
    assert rows_of(client.payload, schema.MEETINGS.name) == before
    assert "Wijzigingen in Vergaderingen:" in result_text(client) and "\"opslaan\" aan" in result_text(client)
    assert run("schedule", cli, "--year", "2027", "--apply", "--from", today.isoformat()).exit_code == 0
    press_lite(client, "make_year_plan", 2027, True)
    same_sheets(cli, client, schema.MEETINGS.name)
    assert (data / "Vergaderingen 2027.ics").read_bytes().startswith(b"BEGIN:VCALENDAR")
    assert "Vergaderingen 2027.ics" in result_text(client)


def test_overzicht_bijwerken_writes_the_overview_sheet_like_the_cli(twins, data):
    cli, client = twins
    assert run("overview", cli, "--sheet").exit_code == 0
    press_lite(client, "update_overview")
    same_sheets(cli, client, "Overzicht")


def test_woo_export_writes_the_publication_into_files_without_pdf(twins, data):
    cli, client = twins
    out = cli.parent / "woo"
    assert run("woo-export", cli, "--out", out, "--no-pdf").exit_code == 0
    press_lite(client, "woo_export")
    [folder] = [p for p in data.iterdir() if p.name.startswith("Woo-publicatie ")]
    assert assert_folder_valid(folder)
    assert sorted(p.name for p in folder.iterdir()) == sorted(p.name for p in out.iterdir())
    assert folder.name in result_text(client) and "PDF: niet gemaakt" in result_text(client)


def test_a_user_error_is_a_dutch_message_and_changes_nothing_else(twins, data, capsys):
    _, client = twins
    acties = next(s for s in client.payload["sheets"] if s["name"] == schema.ACTIONS.name)
    acties["values"][1][0] = "abc"
    actions = press_lite(client, "number_actions")["actions"]
    message = result_text(client)
    assert "Acties nummeren – Niet gelukt" in message and "Acties!A2" in message
    assert [a["sheet_position"] for a in actions if a["func"] == "setValues"] == [0]  # only the result cell on Start
    assert "Acties!A2" in capsys.readouterr().out


def test_a_bug_is_a_dutch_message_with_the_log_in_files_and_no_traceback(twins, data, monkeypatch, capsys):
    _, client = twins

    def broken(backend):
        raise ZeroDivisionError("delen door nul")

    monkeypatch.setattr("orsheet.services.actions.close_actions", broken)
    press_lite(client, "close_finished_actions")
    out = capsys.readouterr().out
    assert "onverwachte fout" in out and "Traceback" not in out
    assert "ZeroDivisionError" in (data / "orsheet-fouten.log").read_text(encoding="utf-8")


def test_a_service_reading_a_sheet_its_script_does_not_load_is_caught_as_a_bug(memory_backend):
    from orsheet.lite import LoadedSheets, SheetsNotLoaded

    backend = LoadedSheets(memory_backend, [schema.ACTIONS.name])
    assert backend.read([schema.ACTIONS.name])[schema.ACTIONS.name].rows == []
    with pytest.raises(SheetsNotLoaded, match="Archief"):
        backend.read([schema.ACTIONS.name, schema.ARCHIVE.name])


def test_the_docs_table_names_every_button_with_the_sheets_its_script_loads():
    docs = (Path(__file__).resolve().parent.parent / "docs" / "excel-lite.md").read_text(encoding="utf-8")
    rows = {}
    for line in docs.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if line.startswith("| ") and cells[0] in SCRIPTS:
            rows[cells[0]] = cells[2]
    rows = {label: rows[sheets[len("the same as "):]] if sheets.startswith("the same as ") else sheets
            for label, sheets in rows.items()}
    assert set(rows) == set(SCRIPTS)
    for label, sheets in rows.items():
        loaded = script_meta(SCRIPTS[label])["include"].split(",")
        assert loaded[-1] == schema.START.name, label  # for the result cell
        assert sorted(s.strip() for s in sheets.split(",")) == sorted(loaded[:-1]), label


def test_on_the_start_sheet_of_an_xlsm_the_message_goes_only_to_the_output_pane(tmp_path, data, capsys):
    from orsheet.template_file import template_path

    client = lite_client(template_path())
    before = copy.deepcopy(next(s for s in client.payload["sheets"] if s["name"] == schema.START.name))
    actions = press_lite(client, "number_actions")["actions"]
    assert next(s for s in client.payload["sheets"] if s["name"] == schema.START.name) == before
    assert actions == [] and "Alle acties hebben al een nummer." in capsys.readouterr().out


def test_pressing_overzicht_and_agenda_twice_rewrites_their_own_sheets_like_the_cli(twins, data):
    cli, client = twins
    for _ in range(2):
        assert run("overview", cli, "--sheet").exit_code == 0
        assert run("agenda", cli, "--meeting", demo_data.DEMO_MEETING.isoformat(), "--no-pdf").exit_code == 0
        press_lite(client, "update_overview")
        press_lite(client, "make_agenda", demo_data.DEMO_MEETING)
        assert "Niet gelukt" not in result_text(client)
    same_sheets(cli, client, "Overzicht", "Agenda")


def test_a_sheet_of_the_secretarys_own_named_overzicht_is_not_overwritten(twins, data):
    _, client = twins
    own = {"name": "Overzicht", "values": [["Mijn lijstje", "Notitie"], ["bellen", "maandag"]], "pictures": [], "tables": []}
    client.payload["sheets"].append(copy.deepcopy(own))
    press_lite(client, "update_overview")
    assert next(s for s in client.payload["sheets"] if s["name"] == "Overzicht") == own
    assert "Niet gelukt" in result_text(client)


def test_an_overzicht_from_before_the_ownership_mark_is_recognised_by_its_header_and_rewritten(twins, data):
    cli, client = twins
    assert run("overview", cli, "--sheet").exit_code == 0
    header = next(s for s in payload_from_file(cli)["sheets"] if s["name"] == "Overzicht")["values"][0]
    stale = {"name": "Overzicht", "values": [header, ["oud"] + [""] * (len(header) - 1)], "pictures": [], "tables": []}
    client.payload["sheets"].append(stale)  # no _orsheet_blad_ name: made by an older orsheet
    press_lite(client, "update_overview")
    assert "Klaar" in result_text(client).splitlines()[0]
    same_sheets(cli, client, "Overzicht")


def test_with_two_meetings_on_the_date_agenda_maken_takes_the_selected_one(twins, data):
    _, client = twins
    items = next(s for s in client.payload["sheets"] if s["name"] == schema.AGENDA_ITEMS.name)["values"]
    header = items[0]
    item = {"Vergadering": "2023-09-14T00:00:00.000Z", schema.NR: "5", schema.ONDERWERP: "Werkdruk", "Minuten": 20}
    items.append([item.get(h, "") for h in header])
    meetings = rows_of(client.payload, schema.MEETINGS.name)
    ov = next(n for n, v in meetings if v[schema.DATUM] == date(2023, 9, 14) and v["Soort"] == "Overlegvergadering")
    press_lite(client, "make_agenda", date(2023, 9, 14), selection=(schema.MEETINGS.name, f"B{ov}"))
    assert "Klaar" in result_text(client).splitlines()[0]
    assert (data / "Agenda's" / "Agenda Overlegvergadering 2023-09-14.docx").is_file()
