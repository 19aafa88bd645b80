"""Use cases of the action list: number, close, list, import, check."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import Callable, Iterable

from orsheet import model, records, rules, schema
from orsheet.dutch import same_kind
from orsheet.errors import CellError, Location, OrsheetError, ProblemList
from orsheet.parsing import date_text_problem, serial_problem
from orsheet.services.common import ActionBook, archive_move, convert_all, load_actions, set_setting, with_deadline_dates
from orsheet.services.overview import nobody_named, owners, person_rule
from orsheet.workbook.edits import value_problem
from orsheet.workbook.base import AppendRows, Edit, Table, UpdateCells, WorkbookBackend, WriteReport


@dataclass
class NumberResult:
    numbered: list[rules.Numbered]
    last_number: int

    def summary(self) -> str:
        return self.sentence(self.numbered) or "Alle acties hebben al een nummer."

    @staticmethod
    def sentence(numbered: list[rules.Numbered]) -> str:
        """The one sentence naming the numbers given ("2 actie(s) genummerd: 206, 207."), also in
        close's summary; empty when none was given."""
        if not numbered:
            return ""
        return f"{len(numbered)} actie(s) genummerd: {', '.join(str(n.number) for n in numbered)}."


def _numbering_edits(book: ActionBook, numbered: list[rules.Numbered], skip_rows: set[int] = frozenset()) -> list[Edit]:
    """Write new numbers, and keep "Laatste nummer" at the highest number ever used.

    The setting is what keeps a number from being reused after its action
    has left both sheets (deleted by hand, or moved to another workbook).
    """
    edits: list[Edit] = [
        UpdateCells(schema.ACTIONS.name, n.row, {schema.NR: n.number}) for n in numbered if n.row not in skip_rows
    ]
    highest = max([rules.highest_number(book.actions, book.archive, 0), *(n.number for n in numbered)])
    if highest > book.last_number:
        edits.append(set_setting(book.settings, schema.SETTING_LAST_NUMBER, highest))
    return edits


def number_actions(backend: WorkbookBackend) -> NumberResult:
    """Give every action without a number the next number of the one sequence."""
    book = load_actions(backend)
    numbered = rules.assign_numbers(book.actions, book.archive, book.last_number)
    edits = with_deadline_dates(book, _numbering_edits(book, numbered) if numbered else [])
    if edits:  # also when only a Deadline (datum) was out of date
        backend.write(edits)
    highest = rules.highest_number(book.actions, book.archive, book.last_number)
    return NumberResult(numbered, max([highest, *(n.number for n in numbered)]))


@dataclass
class CloseResult:
    closed: list[model.Action]
    numbered: list[rules.Numbered]
    on: date
    report: WriteReport = field(default_factory=WriteReport)

    def summary(self) -> str:
        """What close changed: the numbers it gave first (it numbers before it closes), then the
        actions it moved, each with its own Afgerond op where the secretary typed one; "Geen acties
        om te sluiten." only when it wrote nothing."""
        if not self.closed and not self.numbered:
            return "Geen acties om te sluiten."
        text = "Er is geen actie naar Archief verplaatst (geen afgeronde acties)."
        if self.closed:
            numbers = ", ".join(str(a.number) for a in self.closed)
            own = "".join(f"; {a.number} op {a.closed_on:%d-%m-%Y}" for a in self.closed if a.closed_on != self.on)
            text = (f"{len(self.closed)} actie(s) afgerond en naar Archief verplaatst: {numbers} "
                    f"(afgerond op {self.on:%d-%m-%Y}{own}).")
        return " ".join(filter(None, [NumberResult.sentence(self.numbered), text, self.report.summary()]))


def close_actions(backend: WorkbookBackend, numbers: Iterable[int] = (), on: date | None = None) -> CloseResult:
    """Move the named actions and every done one (Status "afgerond" or a date in Afgerond op) to Archief.

    Actions still without a number get theirs first, in the same save, so no
    action ever reaches the archive unnumbered.
    """
    on = on or date.today()
    book = load_actions(backend)
    numbered = rules.assign_numbers(book.actions, book.archive, book.last_number)
    by_row = {n.row: n.number for n in numbered}
    actions = [replace(a, number=by_row[a.row]) if a.row in by_row else a for a in book.actions]
    plan = rules.plan_close(actions, book.archive, numbers, on)
    if not plan.closed and not numbered:
        return CloseResult([], [], on)
    closed_rows = {a.row for a in plan.closed}
    edits = _numbering_edits(book, numbered, skip_rows=closed_rows)
    if plan.closed:
        edits.append(archive_move(plan.closed))
    report = backend.write(with_deadline_dates(book, edits))
    return CloseResult(plan.closed, numbered, on, report or WriteReport())


@dataclass
class ActionFilter:
    open_only: bool = False
    person: str = ""
    meeting_kind: str = ""

    def matches(self, action: model.Action, person: Callable[[str], bool] | None = None) -> bool:
        """``person``: the ``--person`` rule (:func:`~orsheet.services.overview.person_rule`). With
        ``open_only`` a done action (Status afgerond or Afgerond op filled) is left out, as on the
        agenda and in the overview, also while it waits in Acties for the next close."""
        if self.open_only and action.is_done:
            return False
        if self.person and not (person and any(person(owner) for owner in owners(action.owner))):
            return False
        if self.meeting_kind and not same_kind(action.meeting_kind, self.meeting_kind):
            return False  # the agenda's rule: "OV" is the Overlegvergadering, "OR" not Informeel overleg
        return True


@dataclass
class ActionList:
    actions: list[model.Action]
    unknown_person: str = ""  # the --person asked for, when no Verantwoordelijke has that name
    warnings: list[str] = field(default_factory=list)  # a formula in Nr (read as shown)

    def note(self) -> str:
        return nobody_named(self.unknown_person, "in de kolom Verantwoordelijke van Acties en Archief") + "."


def find_actions(backend: WorkbookBackend, wanted: ActionFilter | None = None) -> ActionList:
    """Open actions (Acties), followed by archived ones unless ``open_only``; and whether the
    person asked for is named anywhere at all (so a typo is not mistaken for "no actions")."""
    wanted = wanted or ActionFilter()
    book = load_actions(backend, shown=True)  # only shown: a formula in Nr gives a warning, not a refusal
    person = None
    if wanted.person:  # Personen knows the forms of a name ("J. de Vries"); read it only when asked
        table = backend.read([schema.PEOPLE.name])[schema.PEOPLE.name]
        person = person_rule(wanted.person, records.people_from_table(table))
    chosen = [a for a in book.actions if wanted.matches(a, person)]
    if not wanted.open_only:
        chosen += [a for a in book.archive if wanted.matches(a, person)]
    anyone = ActionFilter(person=wanted.person)
    named = not wanted.person or any(anyone.matches(a, person) for a in (*book.actions, *book.archive))
    return ActionList(chosen, "" if named else wanted.person.strip(), book.warnings)


def list_actions(backend: WorkbookBackend, wanted: ActionFilter | None = None) -> list[model.Action]:
    """Open actions (Acties), followed by archived ones unless ``open_only``."""
    return find_actions(backend, wanted).actions


@dataclass
class ImportResult:
    imported: list[model.Action]
    ignored_columns: list[str] = field(default_factory=list)

    def summary(self) -> str:
        text = f"{len(self.imported)} actie(s) geïmporteerd in Acties."
        if self.ignored_columns:
            text += " Genegeerde kolommen: " + ", ".join(self.ignored_columns) + "."
        return text


def import_actions(backend: WorkbookBackend, source: Path) -> ImportResult:
    """Add the actions of an existing list (.xlsx/.csv), keeping their numbers."""
    from orsheet.services.importing import read_action_source

    table, ignored = read_action_source(Path(source))
    imported = records.actions_from_table(table)
    book = load_actions(backend)
    problems = _import_problems(imported, book, table)
    if problems:
        raise ProblemList(problems, f"Import van {Path(source).name} geweigerd")
    if imported:
        edits: list[Edit] = [AppendRows(schema.ACTIONS.name, [records.action_to_cells(a) for a in imported])]
        merged = ActionBook(book.actions + imported, book.archive, book.settings)
        backend.write(with_deadline_dates(book, edits + _numbering_edits(merged, [])))
    return ImportResult(imported, ignored)


def _import_problems(imported: list[model.Action], book: ActionBook, source: Table) -> list[OrsheetError]:
    """Numbers in the source that clash with each other or with the workbook, located in the source."""
    problems: list[OrsheetError] = list(rules.numbering_problems(imported, [], actions_sheet=source.sheet))
    where = source.column_index(schema.DEADLINE)  # a number no date has would be imported as text: refused
    problems += [CellError(f"{message})", Location(source.sheet, row, where, schema.DEADLINE))
                 for row, message in _number_deadlines(source, imported)]
    existing = {a.number: sheet for sheet, group in ((schema.ACTIONS.name, book.actions), (schema.ARCHIVE.name, book.archive))
                for a in group if a.number is not None}
    for action in imported:
        if action.number in existing:
            where = Location(source.sheet, action.row, source.column_index(schema.NR), schema.NR)
            problems.append(CellError(f"nummer {action.number} bestaat al in {existing[action.number]}", where))
    return problems


def _once_per_cell(problems: list[OrsheetError], marked: list[OrsheetError]) -> list[OrsheetError]:
    """A cell showing an error value (#REF!) is reported once, by its mark, not again by its reader."""
    cells = {(m.location.sheet, m.location.row, m.location.column) for m in marked if m.location is not None}
    return [p for p in problems
            if p.location is None or (p.location.sheet, p.location.row, p.location.column) not in cells] + marked


def check_workbook(backend: WorkbookBackend) -> list[OrsheetError]:
    """Every problem in every sheet, each with its cell (empty list: all fine)."""
    converters = records.READERS
    tables = backend.read(list(converters))
    marked = _marked_cells(tables.values()) + _overlong_texts(tables.values())
    try:
        actions, archive, *_, settings = convert_all([(converters[name], tables[name]) for name in converters])
    except ProblemList as many:
        return _once_per_cell(many.problems, marked)
    problems: list[OrsheetError] = marked + list(rules.numbering_problems(actions, archive))
    problems += rules.done_problems(actions, archive)
    for sheet, group in ((schema.ACTIONS.name, actions), (schema.ARCHIVE.name, archive)):
        problems += _impossible_deadlines(tables[sheet], group)
    problems += _settings_problems(settings)
    return problems


def _marked_cells(tables: Iterable[Table]) -> list[OrsheetError]:
    """Error values outside Nr (an error in Nr is already a bad Nr; a formula there is reported by
    :mod:`orsheet.records`, which every command reads through)."""
    problems: list[OrsheetError] = []
    for table in tables:
        for (row, column), mark in sorted(table.marks.items()):
            header = table.header[column - 1] if column <= len(table.header) else ""
            where = Location(table.sheet, row, column, header or None)
            if mark.startswith("#") and header != schema.NR:
                problems.append(CellError(f"de cel toont de foutwaarde {mark}; herstel de formule of de waarde", where))
    return problems


def _overlong_texts(tables: Iterable[Table]) -> list[OrsheetError]:
    """Text longer than a cell holds (32 767 characters), already in the file: another program
    (LibreOffice) may write it, Excel cuts it off or refuses the file, and orsheet writes no such
    cell (:func:`~orsheet.workbook.edits.value_problem`, the one rule, says so here too)."""
    limit = schema.MAX_CELL_TEXT
    problems: list[OrsheetError] = []
    for table in tables:
        for row in table.rows:  # plain loops: ~10 ms over the 10 000 actions of the benchmark workbook
            for header, value in row.values.items():
                if type(value) is str and len(value) > limit:
                    where = Location(table.sheet, row.number, table.column_index(header), header)
                    problems.append(CellError(value_problem(value), where))
            for column, value in row.unnamed.items():
                if type(value) is str and len(value) > limit:
                    problems.append(CellError(value_problem(value), Location(table.sheet, row.number, column)))
    return problems


def _impossible_deadlines(table: Table, actions: list[model.Action]) -> list[OrsheetError]:
    """Deadlines that look like a date Excel cannot hold: text typed like one ("31-02-2023",
    "07-03-1023") or a number no date has (-5 in a date-formatted cell, shown as #####). Kept as
    text, but worth a look. The date reader (``parsing``) says which is such a date."""
    problems: list[OrsheetError] = []
    numbers = dict(_number_deadlines(table, actions))
    for action in actions:
        text = action.deadline.text
        where = Location(table.sheet, action.row, table.column_index(schema.DEADLINE), schema.DEADLINE)
        if action.row in numbers:
            problems.append(CellError(f"{numbers[action.row]}; bewaard als tekst)", where))
        elif text and (error := date_text_problem(text, where)):
            problems.append(CellError(f"{error.message} (bewaard als tekst)", where))
    return problems


def _number_deadlines(table: Table, actions: list[model.Action]) -> list[tuple[int, str]]:
    """(row, message without its closing parenthesis) of every Deadline holding a number no date
    has: read as text, as a number that is no date is in a free-text column."""
    typed = {row.number: row.values.get(schema.DEADLINE) for row in table.rows}
    found = []
    for action in actions:
        raw = typed.get(action.row)
        if action.deadline.text and isinstance(raw, (int, float)) and not isinstance(raw, bool):
            if problem := serial_problem(raw):
                found.append((action.row, f'"{action.deadline.text}" is geen datum ({problem}'))
    return found


def _settings_problems(settings: dict[str, model.Setting]) -> list[OrsheetError]:
    """Problems in Instellingen: the last number and the year plan's series and days off."""
    from orsheet.schedule_settings import days_off_from_settings, series_from_settings

    problems: list[OrsheetError] = []
    for check in (records.last_number_setting, series_from_settings, days_off_from_settings):
        try:
            check(settings)
        except ProblemList as many:
            problems.extend(many.problems)
        except OrsheetError as error:
            problems.append(error)
    return problems
