"""The Excel path for minutes: a ``Voorstel`` sheet the secretary confirms.

"Notulen verwerken" (:func:`propose_minutes`) writes the plan of
:mod:`orsheet.services.minutes` to the sheet ``Voorstel``, one row per change
with "Toepassen" = ja (nee for a number that is not open). The secretary may
change ja/nee and the texts; "Voorstel toepassen" (:func:`apply_proposal_sheet`)
applies the rows marked ja through the same :func:`apply_plan`, in one save,
and marks them "verwerkt" so a second press changes nothing.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from orsheet import model, schema
from orsheet.errors import CellError, InputError, Location, ProblemList, SheetError
from orsheet.parsing import clean_text, parse_date, parse_int
from orsheet.services.minutes import (
    MinutesChanges,
    MinutesPlan,
    apply_plan,
    decision_source,
    plan_changes,
    process_minutes,
)
from orsheet.workbook.base import Edit, ReplaceSheet, Row, Table, UpdateCells, WorkbookBackend

CLOSE = "Afronden"
NEW_ACTION = "Nieuwe actie"
DECISION = "Besluit"
APPLIED = "verwerkt"
_HEADERS = schema.PROPOSAL.headers


def proposal_rows(plan: MinutesPlan) -> list[list[object]]:
    """The Voorstel sheet for a plan, header row first."""
    c = plan.changes
    rows: list[list[object]] = [list(_HEADERS)]
    for closure in plan.closures:
        current = closure.current or model.Action(None)
        note = f"Notulen: {closure.sentence}" + (f" LET OP: {closure.warning}" if closure.warning else "")
        rows.append(["ja" if closure.current else "nee", CLOSE, closure.number, current.subject,
                     current.description, current.owner, c.meeting, c.meeting_kind, c.source, note, c.key])
    for action in plan.new_actions:
        note = "nummer wordt bij toepassen toegekend" + (f"; deadline {action.deadline.cell_value()}" if action.deadline else "")
        rows.append(["ja", NEW_ACTION, action.number, action.subject, action.description, action.owner,
                     c.meeting, c.meeting_kind, c.source, note, c.key])
    for decision in plan.decisions:
        rows.append(["ja", DECISION, decision.number, decision.subject, decision.text, "",
                     c.meeting, c.meeting_kind, c.source, "", c.key])
    return rows


def propose_minutes(
    backend: WorkbookBackend, minutes_path: Path, meeting: date | None = None, *, meeting_kind: str | None = None
) -> MinutesPlan:
    """Plan the minutes and write the plan to Voorstel (nothing else changes)."""
    plan = process_minutes(backend, minutes_path, meeting, apply=False, meeting_kind=meeting_kind)
    widths = [column.width for column in schema.PROPOSAL.columns]
    backend.write([ReplaceSheet(schema.PROPOSAL.name, proposal_rows(plan), widths)])
    return plan


def apply_proposal_sheet(backend: WorkbookBackend) -> MinutesPlan:
    """Apply the Voorstel rows marked ja, in one save; mark them "verwerkt"."""
    if schema.PROPOSAL.name not in backend.sheet_names():
        raise SheetError(
            "blad Voorstel ontbreekt: verwerk eerst notulen (Notulen verwerken, of orsheet minutes ... --propose)",
            Location(schema.PROPOSAL.name),
        )
    table = backend.read([schema.PROPOSAL.name])[schema.PROPOSAL.name]
    missing = [h for h in _HEADERS if h not in table.header]
    if missing:
        raise SheetError("kolom " + ", ".join(f'"{h}"' for h in missing) + " ontbreekt in rij 1", Location(table.sheet))
    chosen = _chosen_rows(table)
    if not chosen:
        raise InputError("Geen regels met Toepassen = ja in het blad Voorstel; er is niets gewijzigd.")
    changes = _changes_from_rows(table, chosen)
    plan = plan_changes(backend, changes, respect_log=False)
    marks: list[Edit] = [UpdateCells(table.sheet, row.number, {"Toepassen": APPLIED}) for row in chosen]
    apply_plan(backend, plan, extra_edits=marks)
    return plan


def _location(table: Table, row: Row, header: str) -> Location:
    return Location(table.sheet, row.number, table.column_index(header), header)


def _chosen_rows(table: Table) -> list[Row]:
    chosen, problems = [], []
    for row in table.rows:
        answer = clean_text(row.get("Toepassen")).casefold()
        if answer in ("ja", "j", "x", "yes"):
            chosen.append(row)
        elif answer not in ("", "nee", "n", "no", APPLIED):
            problems.append(CellError(f'"{row.get("Toepassen")}" is geen ja of nee', _location(table, row, "Toepassen")))
    if problems:
        raise ProblemList(problems, "Blad Voorstel bevat fouten")
    return chosen


def _changes_from_rows(table: Table, rows: list[Row]) -> MinutesChanges:
    problems = []
    first = rows[0]
    meeting = parse_date(first.get("Vergadering"), _location(table, first, "Vergadering"), required=True)
    kind = clean_text(first.get(schema.OVERLEG)) or model.OR_MEETING
    source, key = clean_text(first.get("Bron")), clean_text(first.get("Sleutel"))
    changes = MinutesChanges(meeting, kind, source, key)
    for row in rows:
        what = clean_text(row.get("Soort"))
        text, subject = clean_text(row.get("Tekst")), clean_text(row.get(schema.ONDERWERP))
        try:
            if what == CLOSE:
                number = parse_int(row.get(schema.NR), _location(table, row, schema.NR), required=True)
                changes.close.append((number, clean_text(row.get("Toelichting"))))
            elif what == NEW_ACTION:
                owner = clean_text(row.get(schema.VERANTWOORDELIJKE))
                changes.actions.append(model.Action(None, subject, text, owner, kind, meeting))
            elif what == DECISION:
                changes.decisions.append(
                    model.Decision(None, meeting, kind, subject, text, decision_source(meeting, source))
                )
            else:
                raise CellError(f'soort "{what}" onbekend (Afronden, Nieuwe actie of Besluit)', _location(table, row, "Soort"))
        except CellError as error:
            problems.append(error)
    if problems:
        raise ProblemList(problems, "Blad Voorstel bevat fouten")
    return changes
