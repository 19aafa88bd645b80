"""Read an existing action list (.csv or .xlsx, like the published lists).

Headers are matched loosely: case and spacing do not matter and a cut-off
header ("verantwoor") matches the column it starts ("Verantwoordelijke").
"""

from __future__ import annotations

import re
from pathlib import Path

from orsheet import schema
from orsheet.errors import InputError
from orsheet.workbook.base import Row, Table

_ALIASES = {"nummer": schema.NR, "nr.": schema.NR, "actie": schema.OMSCHRIJVING, "wie": schema.VERANTWOORDELIJKE}


def _match_header(raw: str) -> str | None:
    text = " ".join(raw.split()).casefold()
    if not text:
        return None
    if text in _ALIASES:
        return _ALIASES[text]
    for header in schema.ACTIONS.headers:
        if header.casefold() == text or (len(text) >= 4 and header.casefold().startswith(text)):
            return header
    return None


def _read_grid(source: Path) -> list[list[object]]:
    suffix = source.suffix.lower()
    if suffix not in (".csv", ".xlsx", ".xlsm", ".xls", ".ods"):
        raise InputError(f"{source.name}: alleen .csv en .xlsx kunnen worden geïmporteerd")
    if not source.is_file():
        raise InputError(f"bestand {source} niet gevonden")
    if source.stat().st_size == 0:
        raise InputError(f"{source.name} is leeg")
    try:
        if suffix in (".xlsx", ".xlsm"):  # as the workbook's own sheets are read: a date cell holding -5 is -5
            from orsheet.workbook.file import sheet_values

            return [[None if v == "" else v for v in row] for row in sheet_values(source, _action_sheet(source))]
        frame = _read_csv(source) if suffix == ".csv" else _read_excel(source)
    except InputError:
        raise
    except Exception as error:  # pandas and calamine raise many types; the user needs one sentence
        fields = _FIELD_COUNT.search(str(error)) if suffix == ".csv" else None
        if fields:
            expected, line, seen = fields.groups()
            raise InputError(f"{source.name}, regel {line}: {seen} velden, maar de kop heeft er {expected} "
                             "(staat er een ; of , in een tekst zonder aanhalingstekens?)") from None
        kind = "CSV-bestand" if suffix == ".csv" else "Excel-bestand"
        raise InputError(f"{source.name} kan niet worden gelezen: het is geen geldig {kind}") from None
    return [[None if (v is None or v != v) else v for v in row] for row in frame.itertuples(index=False)]


# pandas' ParserError for a row with more fields than the first: "Expected 3 fields in line 3, saw 4".
_FIELD_COUNT = re.compile(r"Expected (\d+) fields in line (\d+), saw (\d+)")


def _read_csv(source: Path):
    import pandas as pd

    # Dutch Excel saves CSV as Windows-1252 with semicolons; newer versions as UTF-8.
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return pd.read_csv(source, sep=None, engine="python", dtype=str, keep_default_na=False,
                               header=None, encoding=encoding)
        except UnicodeDecodeError:
            continue
    raise InputError(f"{source.name} kan niet worden gelezen: onbekende tekenset (sla op als CSV UTF-8)")


def _read_excel(source: Path):
    """An .xls or .ods list: its sheet holding the actions (:func:`_action_sheet`)."""
    import pandas as pd

    return pd.read_excel(source, engine="calamine", header=None, dtype=object, sheet_name=_action_sheet(source))


def _action_sheet(source: Path) -> str | int:
    """The sheet holding the actions: Acties (an orsheet workbook, last year's), else the first sheet
    whose first row names the action columns, else the first sheet (refused later, by name)."""
    from python_calamine import CalamineWorkbook

    book = CalamineWorkbook.from_path(str(source))
    names = sorted(book.sheet_names, key=lambda name: name.casefold() != schema.ACTIONS.name.casefold())
    return next((name for name in names if _is_action_header(book.get_sheet_by_name(name).to_python(nrows=1))),
                names[0] if names else 0)


def _header(first_row: list[object]) -> list[str | None]:
    return [_match_header("" if raw is None else str(raw)) for raw in first_row]


def _is_action_header(rows: list[list[object]]) -> bool:
    header = _header(rows[0]) if rows else []
    return schema.NR in header and (schema.OMSCHRIJVING in header or schema.ONDERWERP in header)


def read_action_source(source: Path) -> tuple[Table, list[str]]:
    """The source as a Table with contract headers, and the columns it ignored."""
    grid = _read_grid(source)
    if not grid:
        raise InputError(f"{source.name} is leeg")
    if not _is_action_header(grid):
        where = "" if source.suffix.lower() == ".csv" else " (op geen enkel blad)"
        raise InputError(f"{source.name}: geen actielijst herkend (kolommen nr en onderwerp/omschrijving "
                         f"ontbreken in de eerste rij{where})")
    header = [matched or "" for matched in _header(grid[0])]
    ignored = [str(raw).strip() for raw, matched in zip(grid[0], header) if not matched and str(raw or "").strip()]
    for needed in schema.ACTIONS.headers:
        if needed not in header:
            header.append(needed)
    rows = []
    for number, values in enumerate(grid[1:], start=2):
        cells = {h: v for h, v in zip(header, values) if h}
        if any(v not in (None, "") for v in cells.values()):
            rows.append(Row(number, cells))
    return Table(source.name, header, rows), ignored
