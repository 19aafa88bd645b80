"""The shared backend contract, on the xlwings Lite path.

Every read and every write is one request as xlwings Lite makes it: a fresh
``xw.Book(json=...)`` that carries only the sheets asked for (the others
without values, as an ``include=`` list leaves them), the live backend behind
the guard of :class:`orsheet.lite.LoadedSheets`, and the returned actions
applied by the Excel stand-in.
"""

from __future__ import annotations

import copy

import pytest

from orsheet.template_file import template_path
from tests.excel_support import FakeExcelClient, enable_remote_engine, licensed, payload_from_file
from tests.lite_support import payload_for_script
from tests.test_backend_contract import *  # noqa: F401,F403 - the contract's tests, run here on this backend


class LiteWorkbook:
    """A workbook in xlwings Lite: each call one press that loads only the sheets it touches."""

    def __init__(self, client: FakeExcelClient):
        self.client = client

    def _backend(self, sheets):
        import xlwings as xw

        from orsheet.lite import LoadedSheets
        from orsheet.workbook.xlwings_backend import XlwingsBackend

        sent = payload_for_script(self.client.payload, {"include": ",".join(sheets)})
        with licensed():
            enable_remote_engine()
            return LoadedSheets(XlwingsBackend(xw.Book(json=sent)), sheets)

    def sheet_names(self):
        return [s["name"] for s in self.client.payload["sheets"]]

    def read(self, sheets):
        return self._backend(list(sheets)).read(sheets)

    def write(self, edits):
        from orsheet.workbook.edits import edited_sheets

        backend = self._backend(sorted(edited_sheets(edits)))
        try:
            backend.write(edits)
        finally:
            self.client.apply(backend.backend.book.json()["actions"])


@pytest.fixture(scope="module")
def template_payload() -> dict:
    return payload_from_file(template_path())


@pytest.fixture
def backend(template_payload):  # noqa: F811 - this module's backend for the contract's tests
    return LiteWorkbook(FakeExcelClient(copy.deepcopy(template_payload)))


def test_a_lite_press_that_reads_a_sheet_it_did_not_load_is_refused_not_read_as_empty(backend):
    from orsheet import schema
    from orsheet.lite import SheetsNotLoaded

    limited = backend._backend([schema.ACTIONS.name])
    with pytest.raises(SheetsNotLoaded, match=schema.ARCHIVE.name):
        limited.read([schema.ARCHIVE.name])


def test_moving_rows_to_a_sheet_the_press_did_not_load_is_refused_before_anything_is_written(backend):
    from orsheet import schema
    from orsheet.lite import SheetsNotLoaded
    from orsheet.workbook.base import AppendRows
    from orsheet.workbook.edits import MoveRows

    backend.write([AppendRows(schema.ACTIONS.name, [{schema.NR: 1, schema.ONDERWERP: "Eerste"}])])
    limited = backend._backend([schema.ACTIONS.name])
    with pytest.raises(SheetsNotLoaded, match=schema.ARCHIVE.name):
        limited.write([MoveRows(schema.ACTIONS.name, schema.ARCHIVE.name, [2])])
    assert limited.backend.book.json()["actions"] == []
