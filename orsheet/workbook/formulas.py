"""Every formula of the workbook follows the cells it refers to.

When table rows move (:class:`~.refs.RowChange`), the formulas in cells of
every sheet, shared formulas, defined names, validation and conditional
formatting rules, chart series and the source ranges of pivot tables are rewritten. A formula that would lose
a cell stops the write with a Dutch message listing every such formula
(sheet!cell); nothing is written.
"""

from __future__ import annotations

from typing import Callable
from xml.sax.saxutils import escape

from lxml import etree

from orsheet.errors import WorkbookError
from orsheet.ooxml.markup import MAIN, q
from orsheet.ooxml.package import Package
from orsheet.workbook.refs import Lost, RowChange, qualify, rewrite_formula, shift_sqref, split_ref
from orsheet.workbook.sheet_xml import X14, XM, SheetEditor

CHART = "http://schemas.openxmlformats.org/drawingml/2006/chart"
_RULE_FORMULAS = (f"{{{MAIN}}}formula1", f"{{{MAIN}}}formula2", f"{{{MAIN}}}formula", f"{{{XM}}}f")
_RULE_PARENTS = {f"{{{MAIN}}}dataValidation", f"{{{MAIN}}}cfRule", f"{{{X14}}}dataValidation", f"{{{X14}}}cfRule",
                 f"{{{X14}}}formula1", f"{{{X14}}}formula2"}


class FormulaFollower:
    def __init__(self, package: Package, parts: dict[str, str], editor: Callable[[str], SheetEditor]):
        self.package = package
        self.parts = parts
        self.editor = editor

    def follow(self, change: RowChange) -> None:
        """Rewrite every formula for ``change``; raise before changing anything the user would miss."""
        lost: list[str] = []
        cache: dict[tuple[str | None, str, bool], str] = {}

        def rewrite(text: str, home: str | None, where: str, fixed: bool = False) -> str:
            key = (home, text, fixed)
            if key not in cache:
                try:
                    cache[key] = rewrite_formula(text, home, change, relative_fixed=fixed)
                except Lost as error:
                    lost.append(f"{where} (verwijst naar {change.sheet}!{error.args[0].replace('$', '')})")
                    return text
            return cache[key]

        needle = escape(change.sheet).encode()
        targets = {target for target, _, _ in change.moved.values()}
        for sheet, part in self.parts.items():
            if sheet == change.sheet or sheet in targets or self.package.mentions(part, needle):
                self._follow_sheet(sheet, self.editor(sheet), change, rewrite, moved_in=sheet in targets)
        self._follow_names(change, rewrite)
        self._follow_charts(needle, rewrite)
        self._follow_pivot_sources(needle, change)
        if lost:
            raise WorkbookError(
                "er is niets opgeslagen: deze formules zouden een cel verliezen die verdwijnt: "
                + "; ".join(sorted(set(lost)))
                + ". Pas die formules eerst aan en voer de opdracht opnieuw uit."
            )

    def _follow_sheet(self, sheet: str, editor: SheetEditor, change: RowChange, rewrite, moved_in: bool = False) -> None:
        part = self.parts[sheet]  # a cell formula is <f> or <f ...> (<formula> is a rule's, outside the cells)
        if self.package.had(part, b"<f>") or self.package.had(part, b"<f "):
            _unshare(editor, sheet, change)
            formulas = editor.formulas()
        elif moved_in:
            # The sheet had none: its only formulas are those just moved in, in rows already parsed
            # (a large Archief stays a window instead of being parsed whole).
            formulas = editor.parsed_formulas()
        else:
            formulas = []
        for formula in formulas:
            cell = formula.getparent()
            row, column = split_ref(cell.get("r"))
            if sheet == change.sheet and change.in_band(column) and change.row(row) is None:
                continue  # the cell itself goes (or moves, as its value)
            if formula.text:
                formula.text = rewrite(formula.text, sheet, f"{sheet}!{cell.get('r')}")
            if formula.get("ref") and sheet == change.sheet:
                formula.set("ref", shift_sqref(formula.get("ref"), change, sheet) or cell.get("r"))
        rules = (e for child in editor.root if child is not editor.data for e in child.iter(*_RULE_FORMULAS))
        for element in rules:
            if element.text and element.getparent().tag in _RULE_PARENTS:
                element.text = rewrite(element.text, sheet, f"{sheet} (regel voor validatie of opmaak)", True)

    def _follow_names(self, change: RowChange, rewrite) -> None:
        workbook = self.package.xml(self.package.workbook_part)
        for name in workbook.iter(q("definedName")):
            if name.text and change.sheet in name.text:
                name.text = rewrite(name.text, None, f'naam "{name.get("name")}"')

    def _follow_charts(self, needle: bytes, rewrite) -> None:
        for part in self.package.part_names("xl/charts/"):
            if part.endswith(".xml") and self.package.mentions(part, needle):
                for element in self.package.xml(part).iter(f"{{{CHART}}}f"):
                    if element.text:
                        element.text = rewrite(element.text, None, f"grafiek ({part.rsplit('/', 1)[-1]})")

    def _follow_pivot_sources(self, needle: bytes, change: RowChange) -> None:
        """A pivot table made from a selected range (not the table's name) keeps counting the same rows."""
        for part in self.package.part_names("xl/pivotCache/"):
            if part.endswith(".xml") and self.package.mentions(part, needle):
                for source in self.package.xml(part).iter(q("worksheetSource")):
                    if source.get("sheet") == change.sheet and source.get("ref"):
                        source.set("ref", shift_sqref(source.get("ref"), change, change.sheet) or source.get("ref"))


def movable_formula(editor: SheetEditor, cell: etree._Element, sheet: str) -> str | None:
    """The formula of a cell that is cut from ``sheet`` to another sheet, pointing at the cells it
    pointed at (None: no formula). Raises :class:`Kept` for one that cannot go along: an array
    formula, or one with structured references ("this row" of a table it leaves)."""
    formula = cell.find(q("f"))
    if formula is None:
        return None
    kind = formula.get("t", "normal")
    text = formula.text or ""
    if kind == "shared" and not text:
        master = next((f for f in editor.formulas() if f.get("t") == "shared" and f.get("si") == formula.get("si")
                       and f.get("ref")), None)
        if master is None or not master.text:
            raise Kept
        from openpyxl.formula.translate import Translator  # lazily: see refs.rewrite_formula

        text = Translator("=" + master.text, master.getparent().get("r")).translate_formula(cell.get("r"))[1:]
    if kind not in ("normal", "shared") or not text or "[" in text:
        raise Kept
    return qualify(text, sheet)


class Kept(Exception):
    """A moved cell's formula that cannot go along: its last result is written instead."""


def _unshare(editor: SheetEditor, sheet: str, change: RowChange) -> None:
    """Give every cell of a shared formula that the change touches its own formula.

    A shared formula is written once (its master cell) for a whole range;
    when rows move, the master may go and the range no longer fits, so each
    cell gets the master's formula translated to its place, as Excel does
    when it breaks a shared formula up.
    """
    groups: dict[str, list[etree._Element]] = {}
    masters: dict[str, etree._Element] = {}
    for formula in editor.formulas():
        if formula.get("t") == "shared":
            groups.setdefault(formula.get("si"), []).append(formula)
            if formula.get("ref"):
                masters[formula.get("si")] = formula
    from openpyxl.formula.translate import Translator  # lazily: see refs.rewrite_formula

    for si, members in groups.items():
        master = masters.get(si)
        if master is None or not _touched(master, sheet, change):
            continue
        origin = master.getparent().get("r")
        text = master.text or ""
        fixed = not _has_cell_refs(text)
        for formula in members:
            here = formula.getparent().get("r")
            formula.text = text if fixed or here == origin else Translator("=" + text, origin).translate_formula(here)[1:]
            for attribute in ("t", "si", "ref"):
                formula.attrib.pop(attribute, None)


def _touched(master: etree._Element, sheet: str, change: RowChange) -> bool:
    if sheet != change.sheet:
        return change.sheet in (master.text or "")
    bottom = split_ref(master.get("ref").split(":")[-1].replace("$", ""))[0]
    return bottom >= change.affects_from


def _has_cell_refs(text: str) -> bool:
    from openpyxl.formula import Tokenizer  # lazily: see refs.rewrite_formula

    return any(t.type == "OPERAND" and t.subtype == "RANGE" and "[" not in t.value for t in Tokenizer("=" + text).items)
