"""The xlwings live backend, run on xlwings' remote engine (no Excel needed).

The same contract as the memory and file backends, plus what matters for a
workbook open in Excel: only changed cells are written, new rows get the
column formats and the table grows with them.
"""

from __future__ import annotations

from datetime import date, time

import pytest

from orsheet import schema
from orsheet.errors import OrsheetError, SheetError
from orsheet.build.contract_workbook import build_template
from orsheet.workbook.base import AppendRows, DeleteRows, ReplaceSheet, UpdateCells
from orsheet.workbook.excel_values import from_excel, to_excel
from orsheet.workbook.xlwings_backend import XlwingsBackend
from tests.excel_support import LICENSE_ENV, enable_remote_engine, FakeExcelClient, RemoteWorkbook, payload_from_file

ACTIES = schema.ACTIONS.name


@pytest.fixture(autouse=True)
def xlwings_license(monkeypatch):
    monkeypatch.setenv(*LICENSE_ENV)
    enable_remote_engine()


@pytest.fixture(scope="module")
def template_payload(tmp_path_factory) -> dict:
    return payload_from_file(build_template(tmp_path_factory.mktemp("remote") / "plain.xlsm"))


@pytest.fixture
def client(template_payload) -> FakeExcelClient:
    import copy

    return FakeExcelClient(copy.deepcopy(template_payload))


@pytest.fixture
def workbook(client) -> RemoteWorkbook:
    return RemoteWorkbook(client)


def action_row(nr, subject, **extra):
    return {schema.NR: nr, schema.ONDERWERP: subject, **extra}


def set_values(client: FakeExcelClient) -> list[dict]:
    return [a for a in client.log if a["func"] == "setValues"]


def test_remote_backend_reads_the_contract_headers_of_a_new_workbook(workbook):
    table = workbook.read([ACTIES])[ACTIES]
    assert table.header == list(schema.ACTIONS.headers)
    assert table.rows == []
    assert workbook.sheet_names() == [s.name for s in schema.SHEETS]


def test_reading_a_missing_sheet_is_a_sheet_error(workbook):
    with pytest.raises(SheetError, match="Bestaatniet"):
        workbook.read(["Bestaatniet"])


def test_appended_rows_come_back_in_order_with_numbers_dates_and_times(workbook):
    workbook.write([AppendRows(ACTIES, [action_row(1, "Eerste", Datum=date(2023, 9, 14)), action_row(2, "Tweede")])])
    workbook.write([AppendRows(schema.MEETINGS.name, [{"Datum": date(2023, 10, 26), "Begin": time(13, 30)}])])
    rows = workbook.read([ACTIES])[ACTIES].rows
    assert [(r.number, r.values[schema.NR], r.values[schema.ONDERWERP]) for r in rows] == [(2, 1, "Eerste"), (3, 2, "Tweede")]
    assert rows[0].values[schema.DATUM] == date(2023, 9, 14)
    meeting = workbook.read([schema.MEETINGS.name])[schema.MEETINGS.name].rows[0]
    assert meeting.values["Begin"] == time(13, 30)


def test_updates_use_rows_as_read_and_run_before_deletions(workbook):
    workbook.write([AppendRows(ACTIES, [action_row(n, f"Actie {n}") for n in (1, 2, 3)])])
    workbook.write([DeleteRows(ACTIES, [2]), UpdateCells(ACTIES, 4, {schema.STATUS: "ON HOLD"})])
    rows = workbook.read([ACTIES])[ACTIES].rows
    assert [(r.values[schema.NR], r.values.get(schema.STATUS)) for r in rows] == [(2, None), (3, "ON HOLD")]


def test_a_failing_edit_writes_nothing_at_all(workbook, client):
    before = workbook.read([ACTIES])[ACTIES].rows
    with pytest.raises(OrsheetError):
        workbook.write([AppendRows(ACTIES, [action_row(1, "Eerste")]), UpdateCells(ACTIES, 2, {"Geen kolom": 1})])
    assert client.log == []
    assert workbook.read([ACTIES])[ACTIES].rows == before


def test_replace_sheet_creates_a_generated_sheet_and_overwrites_it_whole(workbook):
    workbook.write([ReplaceSheet("Agenda", [["Tijd", "Omschrijving"], ["10:00", "Opening"], ["10:05", "Agenda"]], widths=(8, 40))])
    workbook.write([ReplaceSheet("Agenda", [["Tijd", "Omschrijving"], ["14:00", "Opening"]])])
    table = workbook.read(["Agenda"])["Agenda"]
    assert table.header == ["Tijd", "Omschrijving"]
    assert [(r.values["Tijd"], r.values["Omschrijving"]) for r in table.rows] == [("14:00", "Opening")]
    assert workbook.sheet_names()[-1] == "Agenda"


def test_text_that_excel_would_convert_is_stored_as_text(workbook):
    texts = ['=HYPERLINK("http://x")', "6.1", "10:00", "TRUE", "+31 6", "eind okt"]
    workbook.write([AppendRows(ACTIES, [action_row(n, t) for n, t in enumerate(texts, start=1)])])
    assert [r.values[schema.ONDERWERP] for r in workbook.read([ACTIES])[ACTIES].rows] == texts


def test_an_update_writes_only_the_cells_whose_value_changes(workbook, client):
    workbook.write([AppendRows(ACTIES, [action_row(1, "Eerste", Status="open")])])
    client.log.clear()
    workbook.write([UpdateCells(ACTIES, 2, {schema.NR: 1, schema.ONDERWERP: "Eerste", schema.STATUS: "afgerond"})])
    assert [(a["start_row"] + 1, a["start_column"] + 1, a["values"]) for a in set_values(client)] == [(2, 8, [["afgerond"]])]


def test_two_updates_of_one_cell_in_one_write_leave_the_last_value(workbook):
    workbook.write([AppendRows(ACTIES, [action_row(1, "Eerste", Status="open")])])
    workbook.write([UpdateCells(ACTIES, 2, {schema.STATUS: "afgerond"}), UpdateCells(ACTIES, 2, {schema.STATUS: "open"})])
    assert workbook.read([ACTIES])[ACTIES].rows[0].values[schema.STATUS] == "open"


def test_appended_rows_get_the_date_format_and_the_table_grows_to_cover_them(workbook, client):
    workbook.write([AppendRows(ACTIES, [action_row(1, "Eerste", Datum=date(2023, 9, 14)), action_row(2, "Tweede")])])
    date_column = schema.ACTIONS.headers.index(schema.DATUM) + 1
    assert (ACTIES, 3, date_column, schema.DATE_FORMAT) in client.formats
    table = client.payload["sheets"][1]["tables"][0]
    assert table["name"] == "Acties" and table["range_address"] == "A1:K3"  # up to Deadline (datum)


def test_deleting_every_row_keeps_the_table_with_one_empty_body_row(workbook, client):
    workbook.write([AppendRows(ACTIES, [action_row(n, f"Actie {n}") for n in (1, 2)])])
    workbook.write([DeleteRows(ACTIES, [2, 3])])
    assert workbook.read([ACTIES])[ACTIES].rows == []
    assert client.payload["sheets"][1]["tables"][0]["range_address"] == "A1:K2"


def test_reads_in_the_same_request_after_a_write_still_see_the_old_values(client):
    # The remote engine only queues writes: services must read, compute, then write.
    backend = XlwingsBackend(client.book())
    backend.write([AppendRows(ACTIES, [action_row(1, "Eerste")])])
    assert backend.read([ACTIES])[ACTIES].rows == []


def test_values_are_normalised_like_the_file_backend():
    from datetime import datetime

    assert from_excel(3.0) == 3 and isinstance(from_excel(3.0), int)
    assert from_excel(datetime(2023, 9, 14)) == date(2023, 9, 14)
    assert from_excel(datetime(1899, 12, 30, 13, 30)) == time(13, 30)
    assert from_excel("") is None
    assert to_excel(time(12, 0)) == 0.5
    assert to_excel("gewoon") == "gewoon" and to_excel("=1+1") == "'=1+1"


def test_a_generated_sheet_gets_a_bold_header_that_stays_in_view(workbook, client):
    from orsheet.workbook.base import ReplaceSheet

    workbook.write([ReplaceSheet("Overzicht", [["Nr", "Onderwerp"], [1, "x"]])])
    assert ("Overzicht", 1, 1, "font.bold=True") in client.formats and ("Overzicht", 1, 2, "font.bold=True") in client.formats
    assert next(s for s in client.payload["sheets"] if s["name"] == "Overzicht")["frozen"] == "1:1"


def test_a_generated_sheet_offers_its_drop_down_lists_where_the_client_has_data_validation(template_payload):
    import copy

    choices = (("Toepassen", ("ja", "nee")),)
    rows = [["Wijziging", "Toepassen"], ["Actie 12 afronden", "ja"], ["Nieuwe actie", "nee"]]
    lite = FakeExcelClient({**copy.deepcopy(template_payload), "client": "Office.js"})  # xlwings Lite
    RemoteWorkbook(lite).write([ReplaceSheet("Voorstel", rows, choices=choices)])
    assert lite.validations == [("Voorstel", 2, 3, 2, ["ja", "nee"], True)]
    scripts = FakeExcelClient(copy.deepcopy(template_payload))  # the Office Scripts client has no validation call
    RemoteWorkbook(scripts).write([ReplaceSheet("Voorstel", rows, choices=choices)])
    assert scripts.validations == []
    assert next(s for s in scripts.payload["sheets"] if s["name"] == "Voorstel")["values"][1][1] == "ja"


def test_moving_a_row_lets_excel_carry_it_and_deletes_the_table_row(workbook, client):
    from orsheet.workbook.base import MoveRows

    workbook.write([AppendRows(schema.ACTIONS.name, [{schema.NR: n, schema.ONDERWERP: f"Actie {n}"} for n in (1, 2)])])
    client.log.clear()
    workbook.write([MoveRows(schema.ACTIONS.name, schema.ARCHIVE.name, [2], {2: {schema.STATUS: "afgerond"}})])
    functions = [a["func"] for a in client.log]
    assert "copyRange" in functions and "deleteTableRow" in functions and "rangeDelete" not in functions
    archived = workbook.read([schema.ARCHIVE.name])[schema.ARCHIVE.name].rows
    assert [(r.values[schema.NR], r.values[schema.STATUS]) for r in archived] == [(1, "afgerond")]
    assert [r.values[schema.NR] for r in workbook.read([schema.ACTIONS.name])[schema.ACTIONS.name].rows] == [2]


def test_a_tables_totals_row_is_not_read_as_an_action(tmp_path):
    from tests.test_write_path import with_totals_row

    payload = payload_from_file(with_totals_row(tmp_path / "totaal.xlsm"))
    acties = next(s for s in payload["sheets"] if s["name"] == schema.ACTIONS.name)
    table = acties["tables"][0]  # as Excel reports a table with a totals row (row 4)
    table["total_row_range_address"] = f"A4:{table['range_address'].split(':')[1]}"
    rows = RemoteWorkbook(FakeExcelClient(payload)).read([schema.ACTIONS.name])[schema.ACTIONS.name].rows
    assert [r.values[schema.NR] for r in rows] == [1, 2]


def test_rows_are_not_added_live_below_a_tables_totals_row_and_nothing_is_written(tmp_path):
    # Excel would leave them outside the table (or make the last one the totals row); the file backend
    # writes them above it, which the live engines cannot do safely: refused, with what to do.
    from tests.test_write_path import with_totals_row

    payload = payload_from_file(with_totals_row(tmp_path / "totaal.xlsm"))
    acties = next(s for s in payload["sheets"] if s["name"] == schema.ACTIONS.name)
    table = acties["tables"][0]
    table["total_row_range_address"] = f"A4:{table['range_address'].split(':')[1]}"
    client = FakeExcelClient(payload)
    with pytest.raises(OrsheetError, match="heeft een totaalrij.*Tabelontwerp > Totaalrij"):
        RemoteWorkbook(client).write([AppendRows(ACTIES, [action_row(3, "Nieuw")])])
    assert client.log == []
    RemoteWorkbook(client).write([UpdateCells(ACTIES, 2, {schema.STATUS: "afgerond"})])  # a change in place: fine
    assert [a["func"] for a in client.log] == ["setValues"]

