"""The Excel path for minutes: a ``Voorstel`` sheet the secretary confirms.

"Notulen verwerken" (:func:`propose_minutes`) writes the plan of
:mod:`orsheet.services.minutes` to the sheet ``Voorstel``, one row per change
with its Zekerheid and "Toepassen" = ja for what is *zeker*, nee for what is
only *mogelijk* (and for a number that is not open). The secretary may
change ja/nee and the texts; "Voorstel toepassen" (:func:`apply_proposal_sheet`)
applies the rows marked ja through the same :func:`apply_plan`, in one save,
and marks them "verwerkt" so a second press changes nothing.
"""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

from orsheet import model, schema
from orsheet.minutes.proposal import POSSIBLE, SURE
from orsheet.errors import CellError, InputError, Location, ProblemList, SheetError
from orsheet.parsing import clean_text, parse_action_number, parse_date
from orsheet.services.minutes import apply_plan, process_minutes
from orsheet.services.minutes_plan import MinutesChanges, MinutesPlan, decision_source, plan_changes
from orsheet.workbook.base import Edit, ReplaceSheet, Row, Table, UpdateCells, WorkbookBackend

CLOSE = "Afronden"
NEW_ACTION = "Nieuwe actie"
DECISION = "Besluit"
APPLIED = "verwerkt"
_HEADERS = schema.PROPOSAL.headers
# Columns a Voorstel sheet written by an earlier version lacks; it still applies.
_OPTIONAL = ("Zekerheid", schema.DEADLINE)


def proposal_rows(plan: MinutesPlan) -> list[list[object]]:
    """The Voorstel sheet for a plan, header row first: zeker rows on ja, mogelijk rows on nee."""
    c = plan.changes
    rows: list[list[object]] = [list(_HEADERS)]

    def row(sure: bool, kind: str, number, subject, text, owner, deadline, note: str, apply: bool = True) -> None:
        confidence = SURE if sure else POSSIBLE
        values = {"Toepassen": "ja" if sure and apply else "nee", "Zekerheid": confidence, "Soort": kind,
                  schema.NR: number, schema.ONDERWERP: subject, "Tekst": text, schema.VERANTWOORDELIJKE: owner,
                  schema.DEADLINE: deadline, "Vergadering": c.meeting, schema.OVERLEG: c.meeting_kind,
                  "Bron": c.source, "Toelichting": note, "Sleutel": c.key}
        rows.append([values[h] for h in _HEADERS])

    for closure in plan.closures:
        current = closure.current or model.Action(None)
        note = f"Notulen: {closure.sentence}" + (f" LET OP: {closure.warning}" if closure.warning else "")
        row(True, CLOSE, closure.number, current.subject, current.description, current.owner, None, note,
            apply=closure.current is not None)
    for closure in plan.suggested_closures:
        current = closure.current or model.Action(None)
        row(False, CLOSE, closure.number, current.subject, current.description, current.owner, None,
            f"Mogelijk: {closure.reason}. Notulen: {closure.sentence}")
    for action, why in [*((a, "") for a in plan.new_actions), *plan.possible_actions]:
        row(not why, NEW_ACTION, action.number, action.subject, action.description, action.owner,
            action.deadline.cell_value() if action.deadline else None, f"Mogelijk: {why}." if why else "")
    for decision, why in [*((d, "") for d in plan.decisions), *plan.possible_decisions]:
        row(not why, DECISION, decision.number, decision.subject, decision.text, "", None,
            f"Mogelijk: {why}." if why else "")
    return rows


def propose_minutes(
    backend: WorkbookBackend, minutes_path: Path, meeting: date | None = None, *, meeting_kind: str | None = None
) -> MinutesPlan:
    """Plan the minutes and write the plan to Voorstel (nothing else changes)."""
    plan = process_minutes(backend, minutes_path, meeting, apply=False, meeting_kind=meeting_kind)
    widths = [column.width for column in schema.PROPOSAL.columns]
    choices = [(column.header, column.choices) for column in schema.PROPOSAL.columns if column.choices]
    backend.write([ReplaceSheet(schema.PROPOSAL.name, proposal_rows(plan), widths, choices)])
    return plan


def apply_proposal_sheet(backend: WorkbookBackend) -> MinutesPlan:
    """Apply the Voorstel rows marked ja, in one save; mark them "verwerkt"."""
    if schema.PROPOSAL.name not in backend.sheet_names():
        raise SheetError(
            "blad Voorstel ontbreekt: verwerk eerst notulen (Notulen verwerken, of orsheet minutes ... --propose)",
            Location(schema.PROPOSAL.name),
        )
    table = backend.read([schema.PROPOSAL.name])[schema.PROPOSAL.name]
    missing = [h for h in _HEADERS if h not in table.header and h not in _OPTIONAL]
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


def _deadline_cell(value: object) -> model.Deadline:
    """The Deadline cell as the secretary left it: a date, or words such as "eind okt"."""
    if isinstance(value, datetime):
        return model.Deadline(date=value.date())
    if isinstance(value, date):
        return model.Deadline(date=value)
    text = clean_text(value)
    return model.Deadline(text=text) if text else model.Deadline()


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
                number = parse_action_number(row.get(schema.NR), _location(table, row, schema.NR), required=True)
                changes.close.append((number, clean_text(row.get("Toelichting"))))
            elif what == NEW_ACTION:
                owner = clean_text(row.get(schema.VERANTWOORDELIJKE))
                deadline = _deadline_cell(row.get(schema.DEADLINE))
                changes.actions.append(model.Action(None, subject, text, owner, kind, meeting, deadline=deadline))
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
