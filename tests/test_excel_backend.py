"""The xlwings live backend, run on xlwings' remote engine (no Excel needed).

The same contract as the memory and file backends, plus what matters for a
workbook open in Excel: only changed cells are written, new rows get the
column formats and the table grows with them.
"""

from __future__ import annotations

from datetime import date, time
from pathlib import Path

import pytest

from orsheet import schema
from orsheet.errors import OrsheetError, SheetError
from orsheet.build.contract_workbook import build_template
from orsheet.workbook.base import AppendRows, DeleteRows, MoveRows, ReplaceSheet, UpdateCells
from orsheet.workbook.excel_values import from_excel, to_excel
from orsheet.workbook.xlwings_backend import XlwingsBackend
from tests.excel_support import LICENSE_ENV, enable_remote_engine, FakeExcelClient, RemoteWorkbook, payload_from_file

ACTIES, ARCHIEF = schema.ACTIONS.name, schema.ARCHIVE.name


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



# -- closing when Acties and Archief differ in column order (review L3) ----------------------------------------

PRIORITY = "Prioriteit"  # the secretary's own column, between Onderwerp and Omschrijving in Acties only
OWN_ORDER = [schema.NR, schema.ONDERWERP, PRIORITY, *schema.ACTIONS.headers[2:]]


def with_own_column_in_the_middle(folder: Path) -> Path:
    """The template with Acties A1:L5 = Nr, Onderwerp, Prioriteit, Omschrijving, ... and actions 1-4;
    action 2's Omschrijving is a formula. Archief keeps the contract's order (Prioriteit is added at its end)."""
    import openpyxl
    from openpyxl.worksheet.table import TableColumn

    book = openpyxl.load_workbook(build_template(folder / "plain.xlsm"), keep_vba=True)
    sheet = book[ACTIES]
    table = sheet.tables[ACTIES]
    for column, header in enumerate(OWN_ORDER, start=1):
        sheet.cell(1, column).value = header
    for row, (nr, priority) in enumerate(((1, "hoog"), (2, "laag"), (3, "midden"), (4, "hoog")), start=2):
        sheet.cell(row, 1).value = nr
        sheet.cell(row, 2).value = f"Actie {nr}"
        sheet.cell(row, 3).value = priority
        sheet.cell(row, 4).value = f"Omschrijving {nr}"
        sheet.cell(row, 10).value = f"Opmerking {nr}"
    sheet.cell(3, 4).value = '=B3&" (vervolg)"'
    table.ref = table.autoFilter.ref = "A1:L5"
    table.tableColumns = [TableColumn(id=n, name=h) for n, h in enumerate(OWN_ORDER, start=1)]
    path = folder / "eigen-kolom-midden.xlsm"
    book.save(path)
    return path


def archived(client: FakeExcelClient) -> list[list]:
    grid = next(s for s in client.payload["sheets"] if s["name"] == schema.ARCHIVE.name)["values"]
    return [line[:12] for line in grid[1:] if any(v != "" for v in line)]


@pytest.mark.parametrize("client_name, paste", [("Office.js", "moveRange"), ("Microsoft Office Scripts", "copyRange")])
def test_closing_with_an_own_column_in_the_middle_lets_excel_carry_each_block_of_cells_into_its_archief_column(
        tmp_path, client_name, paste):
    from tests.excel_support import Formula

    payload = payload_from_file(with_own_column_in_the_middle(tmp_path))
    client = FakeExcelClient({**payload, "client": client_name})  # Office.js: xlwings Lite, which can cut
    RemoteWorkbook(client).write([MoveRows(ACTIES, schema.ARCHIVE.name, [3, 4], {3: {schema.AFGEROND_OP: date(2024, 5, 1)}})])
    pastes = [(a["start_row"] + 1, a["start_column"] + 1, a["row_count"], a["column_count"], a["args"][1].replace("$", ""))
              for a in client.log if a["func"] == paste]
    # Nr-Onderwerp to A, Prioriteit to L (added), Omschrijving..Deadline (datum) to C: rows 3-4 at once, per block
    assert pastes == [(3, 1, 2, 2, "A2"), (3, 3, 2, 1, "L2"), (3, 4, 2, 9, "C2")]
    rows = archived(client)
    assert [(r[0], r[1], r[2], r[8], r[11]) for r in rows] == [
        (2, "Actie 2", '=B3&" (vervolg)"', "Opmerking 2", "laag"), (3, "Actie 3", "Omschrijving 3", "Opmerking 3", "midden")]
    assert isinstance(rows[0][2], Formula)  # the formula went along, not its text
    assert rows[0][9] == "2024-05-01T00:00:00.000Z"  # Afgerond op, as the client sends a date
    archief = [s["name"] for s in client.payload["sheets"]].index(schema.ARCHIVE.name)
    written = [(a["start_row"] + 1, a["start_column"] + 1) for a in set_values(client) if a["sheet_position"] == archief]
    assert written == [(2, 10)]  # only Afgerond op: every carried cell went by Excel's paste
    acties = RemoteWorkbook(client).read([ACTIES])[ACTIES].rows
    assert [(r.values[schema.NR], r.values[PRIORITY]) for r in acties] == [(1, "hoog"), (4, "hoog")]


def test_closing_on_excel_on_the_desktop_cuts_the_blocks_of_a_row_into_their_archief_columns(tmp_path):
    from tests.excel_support import desktop_workbook

    book = desktop_workbook(with_own_column_in_the_middle(tmp_path))
    XlwingsBackend(book).write([MoveRows(ACTIES, schema.ARCHIVE.name, [5, 3])])
    actions = book.apply()
    assert [(a["start_row"] + 1, a["start_column"] + 1, a["args"][1].replace("$", "")) for a in actions
            if a["func"] == "moveRange"] == [
        (5, 1, "A2"), (5, 3, "L2"), (5, 4, "C2"), (3, 1, "A3"), (3, 3, "L3"), (3, 4, "C3")]
    assert "copyRange" not in [a["func"] for a in actions]
    assert [(r[0], r[1], r[11]) for r in archived(book.client)] == [(4, "Actie 4", "hoog"), (2, "Actie 2", "laag")]


def test_closing_with_an_own_column_in_the_middle_leaves_the_same_rows_live_as_on_the_file(tmp_path):
    from orsheet.workbook.file import FileBackend

    edits = [MoveRows(ACTIES, schema.ARCHIVE.name, [3, 4], {3: {schema.AFGEROND_OP: date(2024, 5, 1)}})]
    path = with_own_column_in_the_middle(tmp_path)
    client = FakeExcelClient(payload_from_file(path))
    RemoteWorkbook(client).write(edits)
    FileBackend(path).write(edits)
    live, on_file = RemoteWorkbook(client).read([ACTIES, ARCHIEF]), FileBackend(path).read([ACTIES, ARCHIEF])

    def shown(table):  # the formula's cell aside: the file holds no result for it, the stand-in its text
        return table.header, [(r.number, {h: v for h, v in r.values.items() if (r.number, h) != (2, schema.OMSCHRIJVING)})
                              for r in table.rows]

    assert shown(live[ARCHIEF]) == shown(on_file[ARCHIEF]) and shown(live[ACTIES]) == shown(on_file[ACTIES])
    assert live[ARCHIEF].header[-1] == PRIORITY


# -- a generated sheet's table: the same on a file and live ----------------------------------------------------

OVERVIEW_LIKE = [["Persoon", "Nr", "Onderwerp"], ["Frank", 112, "Zaal"], ["Frank", 187, "Budget"]]
AGENDA_LIKE = [["Agenda OR-vergadering 26-10-2023 13:30"], ["Voorzitter: Anna"], [], ["Tijd", "Nr", "Onderwerp"],
               ["13:30", 1, "Opening"]]


def file_tables(path, sheet: str) -> list[tuple[str, str]]:
    import openpyxl

    return [(t.name, t.ref) for t in openpyxl.load_workbook(path)[sheet].tables.values()]


def test_a_generated_sheet_gets_the_same_table_on_a_file_and_live_and_none_over_a_title(tmp_path):
    from orsheet.workbook.file import FileBackend

    path = build_template(tmp_path / "plain.xlsm")
    client = FakeExcelClient(payload_from_file(path))
    edits = [ReplaceSheet("Overzicht", OVERVIEW_LIKE), ReplaceSheet("Agenda", AGENDA_LIKE)]
    FileBackend(path).write(edits)
    RemoteWorkbook(client).write(edits)
    live = {s["name"]: [(t["name"], t["range_address"]) for t in s["tables"]] for s in client.payload["sheets"]}
    assert file_tables(path, "Overzicht") == live["Overzicht"] == [("Overzicht", "A1:C3")]
    assert file_tables(path, "Agenda") == live["Agenda"] == []  # its first row is the title, not a header


def test_rewriting_a_generated_sheet_live_fits_its_table_to_the_new_rows(workbook, client):
    workbook.write([ReplaceSheet("Overzicht", OVERVIEW_LIKE)])
    workbook.write([ReplaceSheet("Overzicht", OVERVIEW_LIKE[:2])])
    overview = next(s for s in client.payload["sheets"] if s["name"] == "Overzicht")
    assert [(t["name"], t["range_address"]) for t in overview["tables"]] == [("Overzicht", "A1:C2")]
    assert [a["func"] for a in client.log].count("addTable") == 1


def test_an_agenda_sheet_that_an_older_orsheet_gave_a_table_loses_it_with_its_part_on_the_file(tmp_path):
    import zipfile

    from orsheet.workbook.file import FileBackend
    from tests.support.ooxml_validate import assert_valid_ooxml

    def table_parts() -> list[str]:
        with zipfile.ZipFile(path) as package:
            return [n for n in package.namelist() if n.startswith("xl/tables/") and n.endswith(".xml")]

    path = build_template(tmp_path / "plain.xlsm")
    before = table_parts()
    FileBackend(path).write([ReplaceSheet("Agenda", [["Tijd", "Nr"], ["13:30", 1]])])  # as an older orsheet left it
    assert file_tables(path, "Agenda") == [("Agenda", "A1:B2")] and len(table_parts()) == len(before) + 1
    FileBackend(path).write([ReplaceSheet("Agenda", AGENDA_LIKE)])
    assert file_tables(path, "Agenda") == [] and table_parts() == before
    assert_valid_ooxml(path)  # no relationship left to the removed table part
