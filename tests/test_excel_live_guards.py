"""What the file path refuses or leaves alone, the live path (xlwings) does too.

On xlwings' remote engine (``xw.Book(json=...)``, what xlwings Lite and xlwings
Server run) with the stand-in for Excel's side of the protocol, on the demo
workbook as the file tests build it (tests/test_write_path_cells.py): Acties
holds 112 (row 2), 187 (row 3), 203, 204, 206, 207 (row 7) in the table A1:K7.
"""

from __future__ import annotations

import copy
from datetime import date

import pytest

from orsheet import schema
from orsheet.errors import OrsheetError
from orsheet.services.actions import close_actions, number_actions
from orsheet.workbook.base import AppendRows
from tests.excel_support import LICENSE_ENV, FakeExcelClient, RemoteWorkbook, enable_remote_engine, payload_from_file
from tests import test_write_path_cells as write_path_cells
from tests.test_write_path_cells import BUDGET, CODES, with_table_below

demo_original, demo = write_path_cells.demo_original, write_path_cells.demo  # the demo workbook's fixtures

ACTIES, ARCHIEF = schema.ACTIONS.name, schema.ARCHIVE.name


@pytest.fixture(autouse=True)
def xlwings_license(monkeypatch):
    monkeypatch.setenv(*LICENSE_ENV)
    enable_remote_engine()


def live(path) -> tuple[FakeExcelClient, RemoteWorkbook]:
    client = FakeExcelClient(payload_from_file(path))
    return client, RemoteWorkbook(client)


def sheet_of(client: FakeExcelClient, name: str) -> dict:
    return next(s for s in client.payload["sheets"] if s["name"] == name)


def cells(client: FakeExcelClient, name: str, columns: str, rows: range) -> list[list]:
    grid = sheet_of(client, name)["values"]
    index = [ord(c) - ord("A") for c in columns]
    return [[grid[r - 1][c] if r - 1 < len(grid) and c < len(grid[r - 1]) else "" for c in index] for r in rows]


def tables(client: FakeExcelClient, name: str) -> dict[str, str]:
    return {t["name"]: t["range_address"] for t in sheet_of(client, name)["tables"]}


# -- a second table below Acties -----------------------------------------------------------------------------


def test_a_table_below_the_actions_is_not_read_live(demo):
    with_table_below(demo, "B10:C12", BUDGET)
    _, workbook = live(demo)
    rows = workbook.read([ACTIES])[ACTIES].rows
    assert [r.number for r in rows] == [2, 3, 4, 5, 6, 7]


def test_numbering_live_leaves_the_table_below_unnumbered_and_writes_nothing(demo):
    with_table_below(demo, "B10:C12", BUDGET)
    client, workbook = live(demo)
    before = copy.deepcopy(client.payload)
    result = number_actions(workbook)
    assert "Alle acties hebben al een nummer" in result.summary()
    assert client.log == [] and client.payload == before


@pytest.mark.parametrize("number", [187, 207])
def test_closing_live_leaves_the_cells_and_the_place_of_the_table_below(demo, number):
    with_table_below(demo, "B10:C12", BUDGET)
    client, workbook = live(demo)
    close_actions(workbook, [number], date(2024, 3, 1))
    assert cells(client, ACTIES, "BC", range(10, 13)) == BUDGET
    assert tables(client, ACTIES) == {"Acties": "A1:K6", "Budget": "B10:C12"}
    assert [r.values[schema.NR] for r in workbook.read([ACTIES])[ACTIES].rows] == \
        [n for n in (112, 187, 203, 204, 206, 207) if n != number]
    archived = workbook.read([ARCHIEF])[ARCHIEF].rows
    assert archived[-1].values[schema.NR] == number
    assert "Post" not in [v for row in sheet_of(client, ARCHIEF)["values"] for v in row]


def test_closing_live_with_a_table_below_that_has_text_in_column_a(demo):
    with_table_below(demo, "A10:B12", CODES, name="Codes")
    client, workbook = live(demo)
    close_actions(workbook, [187], date(2024, 3, 1))
    assert cells(client, ACTIES, "AB", range(10, 13)) == CODES
    assert tables(client, ACTIES) == {"Acties": "A1:K6", "Codes": "A10:B12"}


def test_the_actions_table_cannot_grow_live_into_the_table_directly_below_it(demo):
    with_table_below(demo, "B8:C10", BUDGET)
    client, workbook = live(demo)
    before = copy.deepcopy(client.payload)
    with pytest.raises(OrsheetError, match=r"niets opgeslagen: de tabel Acties .*tabel Budget \(B8:C10\)"):
        workbook.write([AppendRows(ACTIES, [{schema.ONDERWERP: "Nieuw"}])])
    assert client.log == [] and client.payload == before


def test_archief_cannot_grow_live_into_a_table_below_it_and_nothing_moves(demo):
    archived = len(FakeExcelClient(payload_from_file(demo)).payload["sheets"][2]["values"])
    with_table_below(demo, f"A{archived + 1}:B{archived + 3}", CODES, name="Codes",
                     part="xl/worksheets/sheet3.xml")
    client, workbook = live(demo)
    before = copy.deepcopy(client.payload)
    with pytest.raises(OrsheetError, match=r"tabel Archief .*tabel Codes"):
        close_actions(workbook, [187], date(2024, 3, 1))
    assert client.log == [] and client.payload == before
