"""Who has which open actions, and which are overdue (the Overzicht sheet).

Deadlines are read as typed ("eind okt", "Q1", "31-10") relative to the
action's Datum (:mod:`orsheet.deadlines`); the text as typed is shown next to
the date it was read as. An action with several people in Verantwoordelijke
("Jan en Anna", "Jan/Anna") is listed under each of them; a name is linked
to its Personen entry whatever form was typed ("Jan", "De Vries",
"J. de Vries"), so one person gets one list. Actions ON HOLD are listed but
never counted as overdue: they were paused on purpose.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date

from orsheet import model, records, schema
from orsheet.deadlines import deadline_date
from orsheet.redact import Redactor, build_redactor, fold
from orsheet.services.common import convert_all
from orsheet.workbook.base import ReplaceSheet, WorkbookBackend

OVERVIEW_SHEET = "Overzicht"
EVERYONE = ("allen", "iedereen", "alle leden", "or")
OVERVIEW_HEADERS = ("Verantwoordelijke", "Nr", "Onderwerp", "Omschrijving", "Datum", "Deadline",
                    "Deadline (datum)", "Dagen te laat", "Status", "Opmerkingen")
OVERVIEW_WIDTHS = (22, 7, 28, 50, 12, 14, 14, 12, 15, 40)
# "Jan en Anna", "Jan, Anna", "Jan/Anna", "Jan & Anna"; but "P&O" is one department.
_OWNER_SPLIT = re.compile(r"\s*(?:,|;|/|\s&\s|\s\+\s|\ben\b)\s*", re.IGNORECASE)


@dataclass
class OverviewLine:
    action: model.Action
    due: date | None
    days_overdue: int  # 0 when on time, ON HOLD or without a readable deadline
    on_hold: bool = False

    @property
    def overdue(self) -> bool:
        return self.days_overdue > 0


@dataclass
class Overview:
    today: date
    by_person: dict[str, list[OverviewLine]] = field(default_factory=dict)
    unknown_person: str = ""  # the --person asked for, when nobody has that name
    warnings: list[str] = field(default_factory=list)  # a formula in Nr (records.calculated_note)

    @property
    def overdue_count(self) -> int:
        return len({id(line.action) for lines in self.by_person.values() for line in lines if line.overdue})

    def summary(self) -> str:
        out = []
        if self.unknown_person:
            out.append(nobody_named(self.unknown_person) + "; hieronder alleen de acties voor iedereen.")
        if not self.by_person:
            return "\n".join([*out, "Geen openstaande acties.", *self.warning_lines()])
        out.append(f"Openstaande acties per persoon (stand {self.today:%d-%m-%Y}):")
        for person, lines in self.by_person.items():
            out.append(f"\n{person} ({len(lines)}):")
            for line in lines:
                out.append("  " + _line_text(line))
        return "\n".join([*out, *self.warning_lines()])

    def warning_lines(self) -> list[str]:
        return [f"Let op: {warning}." for warning in self.warnings]


def _line_text(line: OverviewLine) -> str:
    action = line.action
    typed = action.deadline.text or (f"{action.deadline.date:%d-%m-%Y}" if action.deadline.date else "")
    due = ""
    if line.due is not None:
        due = f"deadline {typed}" + (f" ({line.due:%d-%m-%Y})" if action.deadline.text else "")
    late = f"  {line.days_overdue} dag(en) te laat" if line.overdue else ""
    hold = "  (ON HOLD)" if line.on_hold else ""
    parts = [f"{action.number or '-':>4}", action.subject, due or (f"deadline {typed}" if typed else "")]
    return "  ".join(p for p in parts if p) + late + hold


def owners(text: str) -> list[str]:
    """The people named in a Verantwoordelijke cell ("Jan en Anna" -> two)."""
    return [part.strip() for part in _OWNER_SPLIT.split(text or "") if part.strip()]


def _name_parts(text: str) -> tuple[str, ...]:
    """The words of a name, case and accents folded: "José  de Vries" -> ("jose", "de", "vries")."""
    return tuple(re.findall(r"\w+", fold(text).casefold()))


def names_match(query: str, name: str) -> bool:
    """Whether ``query`` (typed after ``--person``) names ``name``: the one rule of ``actions``
    and ``overview``. Whole name parts, in order, case and accents ignored: "Jan", "de vries"
    and "Jose" name "José de Vries"; "Jan" does not name "Bram Jansen"."""
    wanted, parts = _name_parts(query), _name_parts(name)
    width = len(wanted)
    return bool(wanted) and any(parts[i:i + width] == wanted for i in range(len(parts) - width + 1))


def nobody_named(person: str, where: str = "in Personen of in de kolom Verantwoordelijke") -> str:
    """The Dutch note for a ``--person`` that matches no name."""
    return f'Let op: niemand heet "{person}" {where}'


Matchers = list[tuple[str, Redactor]]


def _matchers(people: Sequence[model.Person]) -> Matchers:
    # The redaction matchers know every way a name is typed; reuse them.
    return [(p.name, build_redactor([model.Person(p.name)], numbers=False)) for p in people if p.name.strip()]


def _person_for(owner: str, matchers: Matchers) -> str:
    """The Personen name an owner as typed refers to, or the owner as typed."""
    for name, _ in matchers:
        if owner.casefold() == name.casefold():
            return name
    for name, redactor in matchers:
        spans = redactor.matches(owner)
        if spans and spans[0][0] == 0 and spans[0][1] == len(owner):
            return name
    return owner


def line_for(action: model.Action, today: date) -> OverviewLine:
    due = deadline_date(action.deadline, action.date)
    on_hold = action.status.strip().casefold() == model.STATUS_ON_HOLD.casefold()
    days = (today - due).days if due is not None and not on_hold else 0
    return OverviewLine(action, due, max(days, 0), on_hold)


def _sort_key(line: OverviewLine) -> tuple:
    return (-line.days_overdue, line.on_hold, line.due or date.max, line.action.number or 0)


def build_overview(actions: Sequence[model.Action], people: Sequence[model.Person], today: date,
                   person: str | None = None, overdue_only: bool = False) -> Overview:
    """Open actions per person: overdue first (most days late first), ON HOLD last."""
    matchers = _matchers(people)
    wanted = person_rule(person, people) if person else None
    by_person: dict[str, list[OverviewLine]] = {}
    for action in actions:
        if action.is_done:
            continue
        line = line_for(action, today)
        if overdue_only and not line.overdue:
            continue
        names = [_person_for(owner, matchers) for owner in owners(action.owner)] or ["(niemand)"]
        for name in dict.fromkeys(names):
            if wanted is not None and not (wanted(name) or name.casefold() in EVERYONE):
                continue
            by_person.setdefault(name, []).append(line)
    ordered = dict(sorted(by_person.items(), key=lambda item: item[0].casefold()))
    unknown = ""
    if wanted is not None:
        known = {p.name for p in people} | {
            _person_for(owner, matchers) for action in actions for owner in owners(action.owner)}
        unknown = "" if any(wanted(name) for name in known) else person.strip()
    return Overview(today, {name: sorted(lines, key=_sort_key) for name, lines in ordered.items()}, unknown)


def person_rule(person: str, people: Sequence[model.Person]) -> Callable[[str], bool]:
    """The one ``--person`` rule of ``actions`` and ``overview``: whether a name (a Personen name
    or one person in a Verantwoordelijke cell, as typed) is the person asked for. It is when both
    stand for the same Personen entry (any form: "J. de Vries", "Jan"), or when ``person`` names it
    by :func:`names_match`."""
    matchers = _matchers(people)
    wanted = _person_for(person.strip(), matchers).casefold()

    def wanted_name(name: str) -> bool:
        return _person_for(name, matchers).casefold() == wanted or names_match(person, name)

    return wanted_name


def overview_rows(overview: Overview) -> list[list[object]]:
    rows: list[list[object]] = [list(OVERVIEW_HEADERS)]
    for person, lines in overview.by_person.items():
        for line in lines:
            action = line.action
            rows.append([person, action.number, action.subject, action.description, action.date,
                         action.deadline.cell_value(), line.due, line.days_overdue or None, action.status,
                         action.remarks])
    return rows


def overview(backend: WorkbookBackend, today: date | None = None, person: str | None = None,
             overdue_only: bool = False, write_sheet: bool = False) -> Overview:
    """Read Acties and Personen; optionally (re)write the Overzicht sheet."""
    tables = backend.read([schema.ACTIONS.name, schema.PEOPLE.name])
    actions, people = convert_all([
        (records.shown_actions_from_table, tables[schema.ACTIONS.name]),  # a formula in Nr: a warning
        (records.people_from_table, tables[schema.PEOPLE.name]),
    ])
    result = build_overview(actions, people, today or date.today(), person, overdue_only)
    note = records.calculated_note([tables[schema.ACTIONS.name]])
    result.warnings = [note] if note else []
    if write_sheet:
        backend.write([ReplaceSheet(OVERVIEW_SHEET, overview_rows(result), OVERVIEW_WIDTHS)])
    return result
