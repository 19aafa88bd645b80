"""What a fast value reader cannot see in a sheet: error values, formulas in Nr, totals rows.

python-calamine gives an error cell and a formula without a cached result as
empty; orsheet must not take either for an empty cell (it would number over
it). This scan reads only the sheet's XML and its tables, and looks at cells
only where the raw bytes show there is something to find.
"""

from __future__ import annotations

import html
import re
import zipfile
from functools import lru_cache
from pathlib import Path

from orsheet.errors import column_letter
from orsheet.ooxml.markup import MAIN, TABLE_REL, parse
from orsheet.ooxml.opc import rels_path, resolve
from orsheet.workbook.refs import split_ref

# A cell written with an error value (Excel writes the reference first): <c r="A4" s="3" t="e"><v>#REF!</v></c>.
# This only finds cells in the sheet's XML; formulas themselves are never parsed here.
_ERROR_CELL = re.compile(rb'<c r="([A-Z]+\d+)"[^>]*?\st="e"[^>]*>(?:<f[^>]*?(?:/>|>[^<]*</f>))?<v>([^<]*)</v>')


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
    if b't="e"' in data:
        for match in _ERROR_CELL.finditer(data):
            row, column = split_ref(match.group(1).decode())
            marks[(row, column)] = match.group(2).decode() or "#N/A"
    if formula_column and b"<f" in data:
        letter = column_letter(formula_column).encode()
        for match in re.finditer(rb'<c r="' + letter + rb'(\d+)"[^>]*>\s*<f(?:\s[^>]*)?(?:/>|>([^<]*)</f>)', data):
            row = int(match.group(1))
            if row > 1 and row not in totals:
                marks[(row, formula_column)] = "=" + html.unescape((match.group(2) or b"").decode())
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
