"""Apply backend edits to a workbook file surgically (see :mod:`.package`).

The same edit semantics as every backend (:mod:`.base`): updates first, then
deletions, then appends and generated sheets; tables grow or shrink to cover
their rows; all or nothing (the caller saves atomically).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Sequence

from orsheet.errors import CellError, Location, SheetError
from orsheet.workbook.base import AppendRows, DeleteRows, Edit, ReplaceSheet, UpdateCells
from orsheet.workbook.package import MAIN, REL, TABLE_REL, Package, parse, q
from orsheet.workbook.sheet_xml import SheetEditor, Styles, shift_refs, split_ref

_LAST_ROW = re.compile(r"\d+$")
EMPTY_SHEET = f'<worksheet xmlns="{MAIN}"><sheetData/></worksheet>'.encode()


class WorkbookEditor:
    """Edits to one package, sheet by sheet."""

    def __init__(self, package: Package):
        self.package = package
        self.parts = package.sheet_parts()
        self.editors: dict[str, SheetEditor] = {}
        workbook = package.workbook_part
        styles = package.related(workbook, REL + "/styles")
        self.styles = Styles(lambda: package.xml(styles[0]))
        self._strings: list[str] | None = None
        self._strings_part = (package.related(workbook, REL + "/sharedStrings") or [None])[0]

    def shared_strings(self) -> list[str]:
        if self._strings is None:
            self._strings = []
            if self._strings_part and self.package.has(self._strings_part):
                root = self.package.xml(self._strings_part)
                self._strings = ["".join(t.text or "" for t in si.iter(q("t"))) for si in root.iterfind(q("si"))]
        return self._strings

    def editor(self, sheet: str) -> SheetEditor:
        if sheet not in self.editors:
            if sheet not in self.parts:
                raise SheetError(f"blad {sheet} ontbreekt in de werkmap", Location(sheet))
            self.editors[sheet] = SheetEditor(self.package.xml(self.parts[sheet]), self.shared_strings, self.styles)
        return self.editors[sheet]

    def apply(self, edits: Sequence[Edit]) -> None:
        for kind in (UpdateCells, DeleteRows, (AppendRows, ReplaceSheet)):
            for edit in edits:
                if isinstance(edit, kind):
                    getattr(self, "_" + type(edit).__name__)(edit)
        for sheet, editor in self.editors.items():
            self._fit_tables(sheet, editor)
            editor.fit_dimension()

    def _column(self, edit, columns: dict[str, int], header: str) -> int:
        if header not in columns:
            raise SheetError(f'kolom "{header}" ontbreekt in rij 1', Location(edit.sheet))
        return columns[header]

    def _UpdateCells(self, edit: UpdateCells) -> None:
        if edit.row < 2:
            raise CellError("de kopregel kan niet worden overschreven", Location(edit.sheet, edit.row))
        editor = self.editor(edit.sheet)
        columns = editor.header_columns()
        for header, value in edit.values.items():
            editor.set_value(editor.cell(edit.row, self._column(edit, columns, header)), value)

    def _DeleteRows(self, edit: DeleteRows) -> None:
        deleted = self.editor(edit.sheet).delete_rows(edit.rows)
        if deleted:
            self._shift_defined_names(edit.sheet, deleted)
            self.package.drop_calc_chain()

    def _AppendRows(self, edit: AppendRows) -> None:
        editor = self.editor(edit.sheet)
        columns = editor.header_columns()
        last = editor.last_data_row()
        model_row = max(last, 2)
        for offset, record in enumerate(edit.rows, start=1):
            row = last + offset
            if row != model_row:
                editor.copy_row_style(model_row, row)
            for header, value in record.items():
                editor.set_value(editor.cell(row, self._column(edit, columns, header)), value)

    def _ReplaceSheet(self, edit: ReplaceSheet) -> None:
        if edit.sheet not in self.parts:
            self.parts[edit.sheet] = self.package.add_sheet(edit.sheet, parse(EMPTY_SHEET))
        self.editor(edit.sheet).replace_all(edit.rows, edit.widths, self.styles.bold())

    def _fit_tables(self, sheet: str, editor: SheetEditor) -> None:
        for part in self.package.related(self.parts[sheet], TABLE_REL):
            table = self.package.xml(part)
            first, last = table.get("ref").split(":")
            first_row, _ = split_ref(first)
            last_row, _ = split_ref(last)
            end = max(editor.last_data_row(), first_row + 1)
            if end == last_row:
                continue
            ref = f"{first}:{_LAST_ROW.sub(str(end), last)}"
            table.set("ref", ref)
            auto_filter = table.find(q("autoFilter"))
            if auto_filter is not None:
                auto_filter.set("ref", ref)

    def _shift_defined_names(self, sheet: str, deleted: list[int]) -> None:
        quoted = re.escape(sheet)
        pattern = re.compile(rf"((?:'{quoted}'|{quoted})!)(\$?[A-Z]{{1,3}}\$?\d+(?::\$?[A-Z]{{1,3}}\$?\d+)?)")
        workbook = self.package.xml(self.package.workbook_part)
        for name in workbook.iter(q("definedName")):
            if name.text and pattern.search(name.text):
                name.text = pattern.sub(lambda m: m.group(1) + (shift_refs(m.group(2), deleted) or "#REF!"), name.text)


def write_edits(source: Path, edits: Sequence[Edit], target: Path) -> None:
    """Write ``source`` with ``edits`` applied to ``target``."""
    package = Package(source)
    WorkbookEditor(package).apply(edits)
    package.save(target)
