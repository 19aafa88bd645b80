"""Shared helpers for the Excel integration tests: build the workbooks once."""

from __future__ import annotations

import contextlib
import copy
import datetime as dt
import os
import re
from pathlib import Path
from types import SimpleNamespace

from orsheet.build.macro_workbook import add_macros
from orsheet.build.contract_workbook import build_template


def build_plain_and_macro(folder: Path) -> tuple[Path, Path]:
    """The plain template and the macro workbook built from it, in ``folder``."""
    plain = build_template(folder / "plain.xlsm")
    built = folder / "orsheet.xlsm"
    built.write_bytes(add_macros(plain.read_bytes()))
    return plain, built


# -- xlwings' remote engine, with a stand-in for the Excel side of its protocol -------------

LICENSE_ENV = ("XLWINGS_LICENSE_KEY", "noncommercial")  # free key for non-commercial use; tests only
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_ISO_DATETIME = re.compile(r"^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$")


@contextlib.contextmanager
def licensed():
    """XLWINGS_LICENSE_KEY=noncommercial while xlwings' remote engine is used, then as before."""
    name, value = LICENSE_ENV
    before = os.environ.get(name)
    os.environ[name] = value
    try:
        yield
    finally:
        if before is None:
            del os.environ[name]
        else:
            os.environ[name] = before


def remote_workbook(path: Path) -> "RemoteWorkbook":
    """The workbook at ``path`` as the live backend on xlwings' remote engine sees it."""
    return RemoteWorkbook(FakeExcelClient(payload_from_file(path)))


def enable_remote_engine() -> None:
    """Register xlwings' remote engine; call with XLWINGS_LICENSE_KEY set.

    xlwings registers it at import only when the key is already set then; another
    test may have imported xlwings before, so register it now if it is missing.
    """
    import xlwings as xw

    if "remote" not in [engine.name for engine in xw.engines]:
        from xlwings.pro import _xlremote

        xw.engines.add(xw.Engine(impl=_xlremote.engine))


def _payload_value(value):
    """A cell value as the xlwings clients send it (dates as ISO text with Z, times as day fractions)."""
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.strftime("%Y-%m-%dT%H:%M:%S.000Z")
    if isinstance(value, dt.date):
        return value.strftime("%Y-%m-%dT00:00:00.000Z")
    if isinstance(value, dt.time):
        return (value.hour * 3600 + value.minute * 60 + value.second) / 86400
    return value


def _table_api(name: str, ref: str, columns=()) -> dict:
    first, last = ref.split(":")
    top, bottom = (int(re.search(r"\d+$", part).group()) for part in (first, last))
    header_last = re.sub(r"\d+$", re.match(r"[A-Z]+(\d+)", first).group(1), last)
    body_first = re.sub(r"\d+$", str(int(re.match(r"[A-Z]+(\d+)", first).group(1)) + 1), first)
    return {
        "name": name, "range_address": ref, "header_row_range_address": f"{first}:{header_last}",
        "data_body_range_address": f"{body_first}:{last}", "total_row_range_address": None,
        "show_headers": True, "show_totals": False, "table_style": "TableStyleMedium2", "show_autofilter": True,
        "show_table_style_first_column": False, "show_table_style_last_column": False,
        "show_table_style_row_stripes": True, "show_table_style_column_stripes": False,
        "row_count": bottom - top + 1, "column_count": len(columns), "columns": list(columns),
    }


class Formula(str):
    """A cell's formula in the stand-in's payload (its text), told apart from text that starts with "=":
    Excel's copy and cut carry it, a value written over the cell (setValues) makes it plain text."""


def payload_from_file(path: Path, cached: bool = False) -> dict:
    """The JSON an xlwings client (VBA/Office.js) sends for this workbook. ``cached``: a formula's
    cell holds its last result, as Excel sends it (else its formula text, as openpyxl reads it, a
    :class:`Formula`)."""
    import openpyxl
    import xlwings as xw

    book = openpyxl.load_workbook(path, data_only=cached)
    sheets = []
    for sheet in book.worksheets:
        values = [[Formula(c.value) if c.data_type == "f" and isinstance(c.value, str) else _payload_value(c.value)
                   for c in row] for row in sheet.iter_rows()] or [[""]]
        tables = [_table_api(t.name, t.ref, [c.name for c in t.tableColumns]) for t in sheet.tables.values()]
        sheets.append({"name": sheet.title, "values": values, "pictures": [], "tables": tables})
    return {
        "client": "Microsoft Office Scripts", "version": xw.__version__,
        "book": {"name": Path(path).name, "active_sheet_index": 0, "selection": "A1"},
        "names": [], "sheets": sheets,
    }


class FakeExcelClient:
    """Applies the actions of an xlwings remote response to the payload, as Excel would.

    Only the actions orsheet's backend sends are known; any other action fails the
    test. Formats are recorded (``formats``), not rendered.
    """

    def __init__(self, payload: dict):
        self.payload = payload
        self.formats: list[tuple[str, int, int, str]] = []
        self.autofits: list[tuple[str, int, int, str]] = []  # (sheet, first row, last row, "rows"/"columns")
        self.validations: list[tuple] = []  # (sheet, first row, last row, column, values, in-cell drop-down)
        self.log: list[dict] = []

    def book(self):
        import xlwings as xw

        with licensed():
            enable_remote_engine()
            return xw.Book(json=copy.deepcopy(self.payload))

    def apply(self, actions: list[dict]) -> None:
        for action in actions:
            self.log.append(action)
            getattr(self, "_" + action["func"])(action)

    def _sheet(self, action: dict) -> dict:
        return self.payload["sheets"][action["sheet_position"]]

    def _setValues(self, action: dict) -> None:
        grid = self._sheet(action)["values"]
        for r, row in enumerate(action["values"]):
            for c, value in enumerate(row):
                _put(grid, action["start_row"] + r, action["start_column"] + c, _typed(value))

    def _setDataValidationList(self, action: dict) -> None:
        source, in_cell_dropdown = action["args"]
        first, column = action["start_row"] + 1, action["start_column"] + 1
        self.validations.append((self._sheet(action)["name"], first, first + action["row_count"] - 1, column,
                                 source["values"], in_cell_dropdown))

    def _rangeDelete(self, action: dict) -> None:
        assert action["args"] == ["up"] and action["column_count"] == 16384, "only whole rows are deleted"
        sheet = self._sheet(action)
        first, count = action["start_row"], action["row_count"]
        del sheet["values"][first : first + count]
        for table in sheet["tables"]:
            _shrink(table, first + 1, count)

    def _resizeTable(self, action: dict) -> None:
        sheet = self._sheet(action)
        index, address = action["args"]
        table = sheet["tables"][index]
        table.update(_table_api(table["name"], address.replace("$", ""), table["columns"]))

    def _deleteTableRow(self, action: dict) -> None:
        """Excel's Delete table rows: only the cells in the table's columns move up."""
        sheet = self._sheet(action)
        index, row_index = action["args"]
        table = sheet["tables"][index]
        match = re.fullmatch(r"([A-Z]+)(\d+):([A-Z]+)(\d+)", table["range_address"])
        left, right = _column_number(match.group(1)), _column_number(match.group(3))
        grid = sheet["values"]
        row = int(match.group(2)) + row_index  # 0-based grid row of the table row (below the header)
        moved = _tables_in_the_way(sheet, table, left, right, row + 1)  # below it, in its columns: they move up
        for below in range(row, len(grid)):
            for column in range(left - 1, min(right, len(grid[below]))):
                grid[below][column] = grid[below + 1][column] if below + 1 < len(grid) and column < len(grid[below + 1]) else ""
        _shrink(table, row + 1, 1)
        for other in moved:
            _shift(other, -1)

    def _rangeInsert(self, action: dict) -> None:
        """Excel's Insert cells, shift down: the cells below in the range's columns move down, tables too."""
        assert action["args"][0] == "down", "only cells shifted down are inserted"
        sheet = self._sheet(action)
        first, count = action["start_row"], action["row_count"]
        left, right = action["start_column"] + 1, action["start_column"] + action["column_count"]
        moved = _tables_in_the_way(sheet, None, left, right, first + 1)
        grid = sheet["values"]
        _put(grid, len(grid) - 1 + count, right - 1, "")
        for line in range(len(grid) - 1, first - 1, -1):
            for column in range(left - 1, right):
                grid[line][column] = grid[line - count][column] if line - count >= first else ""
        for other in moved:
            _shift(other, count)

    def _setFontProperty(self, action: dict) -> None:
        sheet = self._sheet(action)["name"]
        prop, value = action["args"]
        for c in range(action["column_count"]):
            self.formats.append((sheet, action["start_row"] + 1, action["start_column"] + c + 1, f"font.{prop}={value}"))

    def _freezePaneAtRange(self, action: dict) -> None:
        self._sheet(action)["frozen"] = action["args"][0]

    def _copyRange(self, action: dict) -> None:
        """Excel's copy and paste (values and formulas here, their text as it was; formats and notes are
        not modelled)."""
        self._paste(action, cut=False)

    def _moveRange(self, action: dict) -> None:
        """Excel's cut and paste (Office.js clients: xlwings Lite): as a copy, and the source cells are emptied."""
        self._paste(action, cut=True)

    def _paste(self, action: dict, cut: bool) -> None:
        from openpyxl.utils.cell import coordinate_from_string, column_index_from_string

        source = self._sheet(action)["values"]
        target_index, address = action["args"]
        letters, row = coordinate_from_string(address.replace("$", "").split(":")[0])
        target = self.payload["sheets"][target_index]["values"]
        cells = [[(line[c] if c < len(line) else "") for c in range(action["start_column"], action["start_column"]
                  + action["column_count"])] for line in (source[r] if r < len(source) else [] for r in
                  range(action["start_row"], action["start_row"] + action["row_count"]))]
        if cut:
            for r in range(action["row_count"]):
                for c in range(action["column_count"]):
                    if action["start_row"] + r < len(source):
                        _put(source, action["start_row"] + r, action["start_column"] + c, "")
        for r, line in enumerate(cells):
            for c, value in enumerate(line):
                _put(target, row - 1 + r, column_index_from_string(letters) - 1 + c, value)

    def _addTable(self, action: dict) -> None:
        """Excel's Insert > Table, with headers: the first row's cells name its columns."""
        sheet = self._sheet(action)
        address, has_headers, _style, name = action["args"]
        assert has_headers, "orsheet makes tables with a header row"
        ref = address.replace("$", "")
        top, left, _, right = _bounds({"range_address": ref})
        header = [sheet["values"][top - 1][c - 1] for c in range(left, right + 1)]
        sheet["tables"].append(_table_api(name, ref, header))

    def _namesAdd(self, action: dict) -> None:
        name, refers_to = action["args"]
        self.payload["names"].append({"name": name, "refers_to": refers_to, "book_scope": True, "sheet_index": None,
                                      "address": None, "scope_sheet_name": None, "scope_sheet_index": None})

    def _addTableColumn(self, action: dict) -> None:
        sheet = self._sheet(action)
        index, _position, name = action["args"]
        table = sheet["tables"][index]
        match = re.fullmatch(r"([A-Z]+)(\d+):([A-Z]+)(\d+)", table["range_address"])
        right = _column_number(match.group(3)) + 1
        _put(sheet["values"], int(match.group(2)) - 1, right - 1, name)
        from openpyxl.utils import get_column_letter

        ref = f"{match.group(1)}{match.group(2)}:{get_column_letter(right)}{match.group(4)}"
        table.update(_table_api(table["name"], ref, [*table["columns"], name]))

    def _addSheet(self, action: dict) -> None:
        index, name = action["args"]
        self.payload["sheets"].insert(index, {"name": name, "values": [[""]], "pictures": [], "tables": []})

    def _sheetClear(self, action: dict) -> None:
        self._sheet(action)["values"] = [[""]]

    def _setNumberFormat(self, action: dict) -> None:
        sheet = self._sheet(action)["name"]
        for r in range(action["row_count"]):
            for c in range(action["column_count"]):
                self.formats.append((sheet, action["start_row"] + r + 1, action["start_column"] + c + 1, action["args"][0]))

    def _setAutofit(self, action: dict) -> None:
        """Excel's AutoFit of rows or columns; recorded (1-based rows), not measured."""
        sheet = self._sheet(action)["name"]
        first = action["start_row"] + 1
        self.autofits.append((sheet, first, first + action["row_count"] - 1, action["args"][0]))

    def _setColumnWidth(self, action: dict) -> None:
        pass

    def _activateSheet(self, action: dict) -> None:
        [index] = action["args"]
        self.payload["book"]["active_sheet_index"] = index

    def _alert(self, action: dict) -> None:
        pass


def _typed(value):
    if isinstance(value, str):
        if value.startswith("'"):
            return value[1:]
        if _ISO_DATE.match(value):
            return value + "T00:00:00.000Z"
        if _ISO_DATETIME.match(value):
            return value.replace(" ", "T") + ".000Z"
    return "" if value is None else value


def _put(grid: list[list], row: int, column: int, value) -> None:
    width = max(len(grid[0]) if grid else 0, column + 1)
    while len(grid) <= row:
        grid.append([""] * width)
    for line in grid:
        line.extend([""] * (width - len(line)))
    grid[row][column] = value


def _shrink(table: dict, first_row: int, count: int) -> None:
    match = re.fullmatch(r"([A-Z]+)(\d+):([A-Z]+)(\d+)", table["range_address"])
    top, bottom = int(match.group(2)), int(match.group(4))
    removed = len(set(range(first_row, first_row + count)) & set(range(top + 1, bottom + 1)))
    if removed:
        ref = f"{match.group(1)}{top}:{match.group(3)}{max(bottom - removed, top + 1)}"
        table.update(_table_api(table["name"], ref, table["columns"]))


def _bounds(table: dict) -> tuple[int, int, int, int]:
    match = re.fullmatch(r"([A-Z]+)(\d+):([A-Z]+)(\d+)", table["range_address"])
    return int(match.group(2)), _column_number(match.group(1)), int(match.group(4)), _column_number(match.group(3))


def _tables_in_the_way(sheet: dict, moving: dict | None, left: int, right: int, from_row: int) -> list[dict]:
    """The tables that cells shifting up or down in columns ``left``..``right`` from ``from_row`` on carry
    along; Excel refuses the shift when it would cut through a table (only part of its columns)."""
    carried = []
    for other in sheet["tables"]:
        top, o_left, _, o_right = _bounds(other)
        if other is moving or top < from_row or o_right < left or right < o_left:
            continue
        assert left <= o_left and o_right <= right, "Excel: the operation is attempting to shift cells in a table"
        carried.append(other)
    return carried


def _shift(table: dict, rows: int) -> None:
    from openpyxl.utils import get_column_letter

    top, left, bottom, right = _bounds(table)
    ref = f"{get_column_letter(left)}{top + rows}:{get_column_letter(right)}{bottom + rows}"
    table.update(_table_api(table["name"], ref, table["columns"]))


def _column_number(letters: str) -> int:
    from openpyxl.utils import column_index_from_string

    return column_index_from_string(letters)


class RemoteWorkbook:
    """A workbook on xlwings' remote engine, one request per call, like RunRemotePython.

    Each ``read`` and ``write`` runs on a fresh ``xw.Book(json=payload)``; after a
    write the queued actions are applied to the payload, also when the write
    raised (as a live Excel would already have done them), so "nothing written"
    is checked for real.
    """

    def __init__(self, client: FakeExcelClient):
        self.client = client

    def _backend(self):
        from orsheet.workbook.xlwings_backend import XlwingsBackend

        return XlwingsBackend(self.client.book())

    def sheet_names(self):
        return self._backend().sheet_names()

    def read(self, sheets):
        return self._backend().read(sheets)

    def write(self, edits):
        backend = self._backend()
        try:
            return backend.write(edits)
        finally:
            self.client.apply(backend.book.impl.json()["actions"])


def press_button(client: FakeExcelClient, monkeypatch, function, *args, **kwargs) -> list[dict]:
    """Press a button: run an ``orsheet.macros`` function with ``client``'s workbook as the caller.

    The actions Excel is asked to do are applied to the client's payload; the
    message boxes (``alert`` actions) are returned, in order.
    """
    import orsheet.macros as m

    book = client.book()
    monkeypatch.setattr(m, "_caller", lambda: book)
    function(*args, **kwargs)
    actions = book.impl.json()["actions"]
    client.apply(actions)
    return [a for a in actions if a["func"] == "alert"]


def sheet_values(client: FakeExcelClient, name: str) -> list[list]:
    """The cell values of sheet ``name`` in the client's payload (header row first)."""
    return next(s for s in client.payload["sheets"] if s["name"] == name)["values"]


# -- Excel on the desktop: what COM answers that the remote engine cannot ------------------------------------


class ExcelComError(Exception):
    """What pywin32 raises when Excel refuses a change through COM (``pywintypes.com_error``)."""


ExcelComError.__module__, ExcelComError.__name__ = "pywintypes", "com_error"


def desktop_workbook(path: Path, refuse_writes_on: set[str] = frozenset()) -> "DesktopBook":
    """The workbook at ``path`` as Excel on Windows shows it to xlwings (COM): values, tables and writes
    through xlwings' remote engine and the stand-in above, plus what COM answers and the remote engine
    cannot, read from the file: ``Worksheet.ProtectContents``, ``Workbook.ProtectStructure`` and
    ``Range.Formula``. A write to a sheet in ``refuse_writes_on`` fails as Excel fails it (a com_error)."""
    import openpyxl

    source = openpyxl.load_workbook(path)
    protected = {sheet.title for sheet in source.worksheets if sheet.protection.sheet}
    locked = bool(source.security is not None and source.security.lockStructure)
    formulas = {sheet.title: {(c.row, c.column): c.value for row in sheet.iter_rows() for c in row
                              if isinstance(c.value, str) and c.value.startswith("=")} for sheet in source.worksheets}
    client = FakeExcelClient(payload_from_file(path, cached=True))
    return DesktopBook(client, protected, locked, formulas, set(refuse_writes_on))


class _Delegate:
    """Everything not defined here is the wrapped xlwings object's (reads and writes alike)."""

    def __init__(self, wrapped):
        object.__setattr__(self, "_wrapped", wrapped)

    def __getattr__(self, name):
        return getattr(self._wrapped, name)

    def __setattr__(self, name, value):
        setattr(self._wrapped, name, value)

    def __getitem__(self, key):
        return self._wrapped[key]


class DesktopBook(_Delegate):
    def __init__(self, client: FakeExcelClient, protected: set[str], locked: bool, formulas: dict, refuse: set[str]):
        super().__init__(client.book())
        for name, value in {"client": client, "protected": protected, "formulas": formulas, "refuse": refuse,
                            "api": SimpleNamespace(ProtectStructure=locked)}.items():
            object.__setattr__(self, name, value)

    @property
    def sheets(self):
        return _DesktopSheets(self)

    def apply(self) -> list[dict]:
        """Apply what Excel was asked to do to the client's payload; the actions."""
        actions = self._wrapped.impl.json()["actions"]
        self.client.apply(actions)
        return actions


class _DesktopSheets(_Delegate):
    def __init__(self, book: DesktopBook):
        super().__init__(book._wrapped.sheets)
        object.__setattr__(self, "book", book)

    def __iter__(self):
        return (_DesktopSheet(sheet, self.book) for sheet in self._wrapped)

    def __len__(self):
        return len(self._wrapped)

    def __getitem__(self, key):
        return _DesktopSheet(self._wrapped[key], self.book)

    def add(self, *args, **kwargs):
        return _DesktopSheet(self._wrapped.add(*args, **kwargs), self.book)


class _DesktopSheet(_Delegate):
    def __init__(self, sheet, book: DesktopBook):
        super().__init__(sheet)
        object.__setattr__(self, "book", book)
        object.__setattr__(self, "api", SimpleNamespace(ProtectContents=sheet.name in book.protected))

    def range(self, *args):
        return _DesktopRange(self._wrapped.range(*args), self)


class _DesktopRange(_Delegate):
    def __init__(self, cells, sheet: _DesktopSheet):
        super().__init__(cells)
        object.__setattr__(self, "sheet_", sheet)

    @property
    def formula(self):
        """COM's Range.Formula: per cell its formula, else its value as text ("" when empty)."""
        formulas = self.sheet_.book.formulas.get(self.sheet_.name, {})
        values = self._wrapped.options(ndim=2).value
        grid = tuple(tuple(formulas.get((self._wrapped.row + r, self._wrapped.column + c),
                                        "" if v is None else str(v)) for c, v in enumerate(line))
                     for r, line in enumerate(values))
        return grid[0][0] if len(grid) == 1 and len(grid[0]) == 1 else grid

    def move(self, destination) -> None:
        """COM's ``Range.Cut(Destination)``: Excel's cut and paste, which the remote clients but Office.js lack."""
        cells = self._wrapped
        cells.impl.append_json_action(func="moveRange", args=[destination.sheet.index - 1, destination.address])

    def __setattr__(self, name, value):
        if name == "value" and self.sheet_.name in self.sheet_.book.refuse:
            raise ExcelComError(-2147352567, "Uitzondering opgetreden.", (0, "Microsoft Excel",
                                "De cel of grafiek die u probeert te wijzigen, bevindt zich op een beveiligd blad.",
                                None, 0, -2146827284), None)
        setattr(self._wrapped, name, value)
