"""Read an existing action list (.csv or .xlsx, like the published lists).

Headers are matched loosely: case and spacing do not matter and a cut-off
header ("verantwoor") matches the column it starts ("Verantwoordelijke").
"""

from __future__ import annotations

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
            from orsheet.workbook.file import first_sheet_values

            return [[None if v == "" else v for v in row] for row in first_sheet_values(source)]
        frame = _read_csv(source) if suffix == ".csv" else _read_excel(source)
    except InputError:
        raise
    except Exception:  # pandas and calamine raise many types; the user needs one sentence
        kind = "CSV-bestand" if suffix == ".csv" else "Excel-bestand"
        raise InputError(f"{source.name} kan niet worden gelezen: het is geen geldig {kind}") from None
    return [[None if (v is None or v != v) else v for v in row] for row in frame.itertuples(index=False)]


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
    import pandas as pd

    return pd.read_excel(source, engine="calamine", header=None, dtype=object)


def read_action_source(source: Path) -> tuple[Table, list[str]]:
    """The source as a Table with contract headers, and the columns it ignored."""
    grid = _read_grid(source)
    if not grid:
        raise InputError(f"{source.name} is leeg")
    header, ignored = [], []
    for raw in grid[0]:
        text = "" if raw is None else str(raw)
        matched = _match_header(text)
        header.append(matched or "")
        if matched is None and text.strip():
            ignored.append(text.strip())
    if schema.NR not in header or schema.OMSCHRIJVING not in header and schema.ONDERWERP not in header:
        raise InputError(f"{source.name}: geen actielijst herkend (kolommen nr en onderwerp/omschrijving ontbreken)")
    for needed in schema.ACTIONS.headers:
        if needed not in header:
            header.append(needed)
    rows = []
    for number, values in enumerate(grid[1:], start=2):
        cells = {h: v for h, v in zip(header, values) if h}
        if any(v not in (None, "") for v in cells.values()):
            rows.append(Row(number, cells))
    return Table(source.name, header, rows), ignored
