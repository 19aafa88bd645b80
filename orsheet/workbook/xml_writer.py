"""The file backend's edit engine: the edits of :mod:`.edits`, applied surgically to the XML.

Only the parts a write changes are parsed and re-serialised; every other part
is copied byte for byte (see :mod:`.package`). Rows move as Excel's table
rows do (:mod:`.sheet_xml`), and every formula of the workbook that refers to
a moved cell follows it (:mod:`.formulas`); notes go with their cell
(:mod:`.notes`). All or nothing: the caller saves atomically, and an error
raised here leaves the file as it was.
"""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Sequence

from lxml import etree

from orsheet.errors import WorkbookError, column_letter
from orsheet.workbook.edits import (Edit, Move, ReplaceSheet, Value, WriteReport, apply, locked_structure,
                                    protected_sheet, table_cannot_grow)
from orsheet.workbook.formulas import FormulaFollower, Kept, movable_formula
from orsheet.workbook.generated import apply_look
from orsheet.workbook.notes import Notes
from orsheet.ooxml.markup import MAIN, REL, parse, q
from orsheet.ooxml.package import Package
from orsheet.workbook.refs import RowChange, split_ref
from orsheet.workbook.sheet_layout import TablePart, sheet_tables
from orsheet.workbook.table_rule import next_table_below, own_table, row_limit
from orsheet.workbook.sheet_xml import SheetEditor
from orsheet.workbook.styles import Styles

EMPTY_SHEET = f'<worksheet xmlns="{MAIN}"><sheetData/></worksheet>'.encode()
OWNED_PREFIX = "_orsheet_blad_"  # a hidden workbook-scoped name marks a sheet orsheet generated
_WHOLE = (1, 16384)


class WorkbookEditor:
    """The :class:`~.edits.Engine` of one package."""

    def __init__(self, package: Package):
        self.package = package
        self.parts = package.sheet_parts()
        self.editors: dict[str, SheetEditor] = {}
        workbook = package.workbook_part
        styles = package.related(workbook, REL + "/styles")
        self.styles = Styles(lambda: package.xml(styles[0]))
        self._strings: list[str] | None = None
        self._strings_part = (package.related(workbook, REL + "/sharedStrings") or [None])[0]
        self.date1904 = package.date1904()
        self.followers = FormulaFollower(package, self.parts, self.editor)
        self.notes = Notes(package, self.parts)
        self.moved: dict[str, dict[int, tuple[str, int, dict[int, int]]]] = {}
        self.values_kept: list[str] = []  # moved cells whose formula could not go along
        self.rows_moved = False

    # -- helpers ---------------------------------------------------------

    def shared_strings(self) -> list[str]:
        if self._strings is None:
            self._strings = []
            if self._strings_part and self.package.has(self._strings_part):
                root = self.package.xml(self._strings_part)
                self._strings = ["".join(t.text or "" for t in si.iter(q("t"))) for si in root.iterfind(q("si"))]
        return self._strings

    def editable(self, sheet: str) -> SheetEditor:
        """The sheet's editor, for a change to its cells; a protected sheet is refused (nothing is written)."""
        editor = self.editor(sheet)
        protection = editor.root.find(q("sheetProtection"))
        if protection is not None and protection.get("sheet") in ("1", "true"):
            raise protected_sheet(sheet)
        return editor

    def _may_add_sheet(self, sheet: str) -> None:
        protection = self.package.xml(self.package.workbook_part).find(q("workbookProtection"))
        if protection is not None and protection.get("lockStructure") in ("1", "true"):
            raise locked_structure(sheet)

    def editor(self, sheet: str) -> SheetEditor:
        if sheet not in self.editors:
            part = self.parts[sheet]
            root, window = self.package.xml_window(part)
            self.editors[sheet] = SheetEditor(root, self.shared_strings, self.styles, self.date1904,
                                              (lambda: self.package.widen(part)) if window else None)
        return self.editors[sheet]

    def tables(self, sheet: str) -> list[TablePart]:
        return sheet_tables(self.package, self.parts[sheet])

    def table(self, sheet: str) -> TablePart | None:
        return own_table(self.tables(sheet), sheet)

    def band(self, sheet: str) -> tuple[int, int]:
        table = self.table(sheet)
        return (table.bounds[1], table.bounds[3]) if table else _WHOLE

    def limit(self, sheet: str) -> int:
        """The first row that is no longer the sheet's table's: the top of another table below it."""
        return row_limit(self.tables(sheet), self.table(sheet))

    def last_row(self, sheet: str) -> int:
        """The last data row of the sheet's table (typed-below rows too; never the totals row, never
        a row of another table below it)."""
        table = self.table(sheet)
        first, last = self.band(sheet)
        below = self.limit(sheet)
        if table is not None and table.totals:
            below = min(below, table.bounds[2] - table.totals + 1)
        return self.editor(sheet).last_data_row(first, last, below=below)

    def _refuse_overlap(self, sheet: str, bottom: int) -> None:
        """Stop (writing nothing) when the table's rows would reach into the table below it."""
        if bottom >= self.limit(sheet):
            own = self.table(sheet)
            other = next_table_below(self.tables(sheet), own)
            raise table_cannot_grow(sheet, own.name, other.name, other.ref)

    # -- the engine ------------------------------------------------------

    def columns(self, sheet: str) -> dict[str, int] | None:
        if sheet not in self.parts:
            return None
        return self.editor(sheet).header_columns(*self.band(sheet))

    def has_row(self, sheet: str, row: int) -> bool:
        return 2 <= row <= self.last_row(sheet) and row < self.limit(sheet) and bool(self.editor(sheet).band_cells(row, *self.band(sheet)))

    def owned(self, sheet: str) -> bool:
        return self.package.defined_name(OWNED_PREFIX + _name_safe(sheet)) is not None

    def set_cells(self, sheet: str, row: int, cells: dict[int, Value]) -> None:
        editor = self.editable(sheet)
        for column, value in cells.items():
            editor.set_value(editor.cell(row, column), value)
        self._cover(sheet, row)

    def _cover(self, sheet: str, row: int) -> None:
        """A row orsheet writes below the table (typed there by hand) becomes a row of the table,
        as Excel's table grows over a row typed directly below it."""
        table = self.table(sheet)
        if table is not None and not table.totals and table.bounds[2] < row < self.limit(sheet):
            table.set_rows(table.bounds[0], row)

    def add_columns(self, sheet: str, headers: Sequence[str]) -> None:
        editor = self.editable(sheet)
        table = self.table(sheet)
        _, last = self.band(sheet)
        header_cells = editor.band_cells(1, *self.band(sheet))
        style = header_cells[-1].get("s") if header_cells else None
        for offset, header in enumerate(headers, start=1):
            cell = editor.cell(1, last + offset)
            if style:
                cell.set("s", style)
            editor.set_value(cell, header)
        if table is not None:
            top, left, bottom, right = table.bounds
            for other in self.tables(sheet):
                o_top, o_left, o_bottom, o_right = other.bounds
                if other is not table and o_top <= bottom and top <= o_bottom and o_left <= right + len(headers) \
                        and right < o_right:
                    raise WorkbookError(
                        f"er is niets opgeslagen: de tabel {table.name} op blad {sheet} kan de kolom "
                        f"{', '.join(headers)} niet krijgen, want de tabel {other.name} ({other.ref}) staat er direct "
                        f"naast. Verplaats de tabel {other.name} in Excel en voer de opdracht opnieuw uit.")
            table.root.set("ref", f"{column_letter(left)}{top}:{column_letter(right + len(headers))}{bottom}")
            table.set_rows(top, bottom)
            columns = table.root.find(q("tableColumns"))
            next_id = max(int(c.get("id")) for c in columns) + 1
            for offset, header in enumerate(headers):
                etree.SubElement(columns, q("tableColumn"), id=str(next_id + offset), name=header)
            columns.set("count", str(len(columns)))

    def move_rows(self, move: Move) -> None:
        source = self.editable(move.sheet)
        self.editable(move.target)
        first, last = self.band(move.sheet)
        start = self._open_rows(move.target, len(move.rows))
        target = self.editor(move.target)
        calculated = self._calculated_columns(move.target)
        moved = self.moved.setdefault(move.sheet, {})
        for offset, row in enumerate(move.rows):
            new_row = start + offset
            moved[row] = (move.target, new_row, move.columns)
            model = start - 1 if start > 2 else None
            if model is not None:
                target.copy_row_style(model, new_row, *self.band(move.target))
            overrides = dict(move.values.get(row, {}))
            for cell in source.band_cells(row, first, last):
                column = move.columns.get(split_ref(cell.get("r"))[1])
                if column is None:
                    continue
                formula = self._formula_to_move(source, cell, move, calculated.get(column), overrides.get(column),
                                                f"{move.target}!{column_letter(column)}{new_row}")
                if formula is not None or (column in overrides and cell.find(q("f")) is None
                                           and source.shows(cell, overrides[column])):
                    # The cell shows that value already: it goes along as it is (a formula, rich text runs).
                    overrides.pop(column, None)
                self._copy_cell(cell, target.cell(new_row, column), calculated.get(column) or formula)
            for column, value in overrides.items():
                target.set_value(target.cell(new_row, column), value)
            for left, right in source.merges_in_row(row, first, last):
                new_left, new_right = move.columns.get(left), move.columns.get(right)
                if new_left is not None and new_right is not None and new_right - new_left == right - left:
                    target.add_merge(new_row, new_left, new_right)  # the merged range goes with its cells
            self.notes.move(move.sheet, row, move.target, new_row, move.columns)
            target.fit_height(new_row)
        self.rows_moved = True

    def delete_rows(self, sheet: str, rows: Sequence[int]) -> None:
        self.editable(sheet)
        first, last = self.band(sheet)
        rows = [r for r in rows if r <= self.last_row(sheet)]
        if not rows:
            return
        change = RowChange(sheet, first, last, removed=sorted(rows), moved=self.moved.get(sheet, {}),
                           bottom=self.limit(sheet) - 1)
        self._follow(change)
        table = self.table(sheet)
        if table is not None:
            top, _, bottom, _ = table.bounds
            span = change.span(top, bottom)
            table.set_rows(top, max(span[1] if span else top, top + 1 + table.totals))

    def append_rows(self, sheet: str, rows: Sequence[dict[int, Value]]) -> None:
        editor = self.editable(sheet)
        start = self._open_rows(sheet, len(rows))
        calculated = self._calculated_columns(sheet)
        for offset, cells in enumerate(rows):
            row = start + offset
            if start > 2:
                editor.copy_row_style(start - 1, row, *self.band(sheet))
            for column, value in cells.items():
                editor.set_value(editor.cell(row, column), value)
            for column, formula in calculated.items():
                if column not in cells:
                    editor.set_formula(editor.cell(row, column), formula)
            editor.fit_height(row)

    def replace_sheet(self, edit: ReplaceSheet) -> None:
        if edit.sheet in self.parts:
            self.editable(edit.sheet)
        else:
            from orsheet.ooxml.vba_sheets import register_new_sheet

            self._may_add_sheet(edit.sheet)

            root = parse(EMPTY_SHEET)
            self.parts[edit.sheet] = self.package.add_sheet(edit.sheet, root)
            register_new_sheet(self.package, root)  # a code name and VBA document module, as Excel gives a new sheet
        self.editor(edit.sheet).replace_all(edit.rows, edit.widths, self.styles.bold())
        apply_look(self.package, self.parts[edit.sheet], edit.sheet, edit.rows, edit.widths, edit.choice_columns())
        self.editors[edit.sheet] = SheetEditor(self.package.xml(self.parts[edit.sheet]), self.shared_strings,
                                               self.styles, self.date1904)
        self.package.set_defined_name(OWNED_PREFIX + _name_safe(edit.sheet), f'"{edit.sheet}"', hidden=True)

    # -- rows ------------------------------------------------------------

    def _open_rows(self, sheet: str, count: int) -> int:
        """The first of ``count`` free rows at the end of the table (opened above its totals row)."""
        table = self.table(sheet)
        start = max(self.last_row(sheet), 1) + 1
        if table is None:
            return start
        top, left, bottom, right = table.bounds
        last_data = bottom - table.totals
        if table.totals:
            needed = start + count - (last_data + 1)
            if needed > 0:
                self._refuse_overlap(sheet, bottom + needed)
                self._follow(RowChange(sheet, *self.band(sheet), insert_at=last_data + 1, inserted=needed,
                                       bottom=self.limit(sheet) - 1))
                table.set_rows(top, bottom + needed)
        else:
            self._refuse_overlap(sheet, start + count - 1)
            table.set_rows(top, max(bottom, start + count - 1))
        new_last = table.bounds[2] - table.totals
        if new_last > last_data:
            self.editor(sheet).grow_rules((left, right), (top + 1, last_data), new_last)
        return start

    def _follow(self, change: RowChange) -> None:
        """Move the band's cells and make every formula, note and range follow them."""
        self.followers.follow(change)  # raises (writing nothing) when a formula would lose its cell
        self.editor(change.sheet).move_band(change)
        self.notes.follow(change)
        self.rows_moved = True

    def _calculated_columns(self, sheet: str) -> dict[int, str]:
        table = self.table(sheet)
        if table is None:
            return {}
        left = table.bounds[1]
        found = {}
        for index, column in enumerate(table.root.iterfind(f"{q('tableColumns')}/{q('tableColumn')}")):
            formula = column.findtext(q("calculatedColumnFormula"))
            if formula:
                found[left + index] = formula
        return found

    def _formula_to_move(self, source: SheetEditor, cell: etree._Element, move: Move, calculated: str | None,
                         override: Value, where: str) -> str | None:
        """The formula a moved cell takes along, as Excel's cut and paste does: its references still
        point at the cells they pointed at (and follow them when rows move). None for no formula, for
        the target's calculated column, for a value the move sets otherwise (a number, "Afgerond op"),
        and for a formula that cannot go (an array formula, structured references): its last result
        goes instead, and the result of the write names the cell."""
        if calculated is not None or cell.find(q("f")) is None:
            return None
        if override is not None and not source.shows(cell, override):
            return None
        try:
            return movable_formula(source, cell, move.sheet)
        except Kept:
            self.values_kept.append(where)
            return None

    def _copy_cell(self, source: etree._Element, target: etree._Element, calculated: str | None) -> None:
        """A moved cell's content and style; ``calculated`` is the formula it gets (else its value)."""
        for child in list(target):
            target.remove(child)
        for name in ("s", "t"):
            if source.get(name) is not None:
                target.set(name, source.get(name))
            else:
                target.attrib.pop(name, None)
        if calculated is not None:
            etree.SubElement(target, q("f")).text = calculated
        for child in source:
            if child.tag != q("f"):
                target.append(copy.deepcopy(child))

    def finish(self) -> None:
        for editor in self.editors.values():
            editor.fit_dimension()
        if self.rows_moved:
            self.package.drop_calc_chain()


def _name_safe(sheet: str) -> str:
    return "".join(c if c.isalnum() else "_" for c in sheet)


def write_edits(source: Path, edits: Sequence[Edit], target: Path) -> WriteReport:
    """Write ``source`` with ``edits`` applied to ``target``."""
    package = Package(source)
    editor = WorkbookEditor(package)
    report = apply(editor, edits)
    report.values_kept.extend(editor.values_kept)
    editor.finish()
    package.save(target)
    return report
