"""What a fast value reader cannot see in a sheet: error values, formulas in Nr, totals rows.

python-calamine gives an error cell and a formula without a cached result as
empty; orsheet must not take either for an empty cell (it would number over
it). This scan reads only the sheet's XML and its tables, and only parses
cells when the raw bytes show there is something to find.
"""

from __future__ import annotations

import io
import zipfile
from functools import lru_cache
from pathlib import Path

from lxml import etree

from orsheet.workbook.package import MAIN, TABLE_REL, parse, rels_path, resolve
from orsheet.workbook.refs import split_ref

_C, _F, _V = f"{{{MAIN}}}c", f"{{{MAIN}}}f", f"{{{MAIN}}}v"


def sheet_marks(path: Path, sheet: str, formula_column: int | None) -> tuple[dict[tuple[int, int], str], set[int]]:
    """((row, column) -> "#REF!" or "=formula", rows of totals) for one sheet."""
    stat = Path(path).stat()
    return _marks(str(path), stat.st_mtime_ns, stat.st_size, sheet, formula_column)


@lru_cache(maxsize=16)
def _marks(path: str, _mtime: int, _size: int, sheet: str, formula_column: int | None):
    with zipfile.ZipFile(path) as archive:
        part = _sheet_part(archive, sheet)
        if part is None:
            return {}, set()
        data = archive.read(part)
        totals = _totals_rows(archive, part)
    marks: dict[tuple[int, int], str] = {}
    if b't="e"' in data or (formula_column and b"<f" in data):
        for _, cell in etree.iterparse(io.BytesIO(data), tag=_C, huge_tree=True, resolve_entities=False):
            row, column = split_ref(cell.get("r"))
            if cell.get("t") == "e":
                marks[(row, column)] = cell.findtext(_V) or "#N/A"
            elif column == formula_column and row > 1 and row not in totals and cell.find(_F) is not None:
                marks[(row, column)] = "=" + (cell.findtext(_F) or "")
            cell.clear()
    return marks, totals


def _sheet_part(archive: zipfile.ZipFile, sheet: str) -> str | None:
    names = set(archive.namelist())
    rels = parse(archive.read("_rels/.rels"))
    workbook = next((resolve("", r.get("Target")) for r in rels if r.get("Type", "").endswith("/officeDocument")), None)
    if workbook is None or rels_path(workbook) not in names:
        return None
    targets = {r.get("Id"): resolve(workbook, r.get("Target")) for r in parse(archive.read(rels_path(workbook)))}
    for element in parse(archive.read(workbook)).iter(f"{{{MAIN}}}sheet"):
        if element.get("name") == sheet:
            return targets.get(element.get("{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"))
    return None


def _totals_rows(archive: zipfile.ZipFile, part: str) -> set[int]:
    name = rels_path(part)
    if name not in archive.namelist():
        return set()
    rows: set[int] = set()
    for rel in parse(archive.read(name)):
        if rel.get("Type") == TABLE_REL:
            table = parse(archive.read(resolve(part, rel.get("Target"))))
            count = int(table.get("totalsRowCount", "0") or 0)
            if count:
                bottom = split_ref(table.get("ref").split(":")[1].replace("$", ""))[0]
                rows |= set(range(bottom - count + 1, bottom + 1))
    return rows
