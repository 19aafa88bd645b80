"""Minutes -> workbook: close, create and record, previewed first, applied in one save.

Two paths share this service. From the command line, ``orsheet minutes``
reads a file, shows the plan and (with ``--apply``) applies it. From Excel,
"Notulen verwerken" writes the plan to the ``Voorstel`` sheet, the secretary
sets "Toepassen" to ja/nee, and "Voorstel toepassen" applies the rows marked
ja (:mod:`orsheet.services.minutes_sheet`). Either way a :class:`MinutesChanges`
is planned against the workbook (:func:`plan_changes`) and applied with one
``write`` (:func:`apply_plan`), all or nothing.

Applying twice changes nothing: closed numbers are then archived (a warning,
not an error), actions and decisions already present for the meeting are
skipped, and the ``Logboek`` sheet records every run (date, file, meeting,
what changed).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Sequence

from orsheet import records, rules, schema
from orsheet.errors import InputError
from orsheet.minutes import MinutesProposal, Paragraph, meeting_date_in, parse_minutes
from orsheet.services.common import archive_move, set_setting, with_deadline_dates
from orsheet.services.minutes_plan import (  # noqa: F401  (MinutesChanges, PlannedClosure: re-exported)
    MinutesChanges,
    MinutesPlan,
    PlannedClosure,
    _load,
    _Workbook,
    changes_from_proposal,
    decision_source,
    fingerprint,
    meeting_kind_for,
    plan_changes,
)
from orsheet.workbook.base import AppendRows, Edit, ReplaceSheet, UpdateCells, WorkbookBackend


def read_minutes_file(path: Path, known_people: Sequence[str] = ()) -> tuple[list[Paragraph], MinutesProposal]:
    """Read and parse a minutes file (an empty proposal is no error: the preview says why)."""
    from orsheet.documents.minutes_reader import read_minutes

    paragraphs = read_minutes(Path(path))
    return paragraphs, parse_minutes(paragraphs, tuple(known_people))


# -------------------------------------------------------------- applying


def apply_plan(
    backend: WorkbookBackend, plan: MinutesPlan, *, today: date | None = None, extra_edits: Sequence[Edit] = ()
) -> MinutesPlan:
    """Write the plan in one save. Unknown action numbers refuse the whole plan.

    ``extra_edits`` go into the same save (the Voorstel path marks its rows).
    """
    if plan.unknown_numbers:
        numbers = ", ".join(str(n) for n in plan.unknown_numbers)
        raise InputError(
            f"Niets verwerkt: actie {numbers} bestaat niet in Acties of Archief. Verbeter het nummer in de "
            "notulen, of zet die regel in het blad Voorstel op Toepassen = nee."
        )
    if not plan.has_work:
        if extra_edits:
            backend.write(list(extra_edits))
        return plan
    today = today or date.today()
    wb = _load(backend)  # fresh: rows as they are now
    edits = with_deadline_dates(wb.book, _edits(wb, plan))
    edits.append(_log_edit(wb, plan, today))
    edits.extend(extra_edits)
    backend.write(edits)
    plan.applied = True
    return plan


def _edits(wb: _Workbook, plan: MinutesPlan) -> list[Edit]:
    book = wb.book
    drafts = [replace(a, number=None, row=None) for a in plan.new_actions]
    numbered = rules.assign_numbers(book.actions + drafts, book.archive, book.last_number)
    by_row = {n.row: n.number for n in numbered if n.row is not None}
    new_numbers = [n.number for n in numbered if n.row is None]
    actions = [replace(a, number=by_row[a.row]) if a.row in by_row else a for a in book.actions]
    wanted = [c.number for c in plan.closures if c.current is not None]
    still_open = {a.number for a in actions}
    closing = rules.plan_close(actions, book.archive, [n for n in wanted if n in still_open], plan.changes.meeting)
    closed = [a for a in closing.closed if a.number in wanted]  # only what the minutes name
    closed_rows = {a.row for a in closed}
    edits: list[Edit] = [
        UpdateCells(schema.ACTIONS.name, row, {schema.NR: number}) for row, number in by_row.items() if row not in closed_rows
    ]
    if closed:
        edits.append(archive_move(closed))
    if drafts:
        new_rows = [replace(a, number=n) for a, n in zip(plan.new_actions, new_numbers)]
        plan.new_actions = new_rows
        edits.append(AppendRows(schema.ACTIONS.name, [records.action_to_cells(a) for a in new_rows]))
    highest = max([*by_row.values(), *new_numbers], default=0)
    if highest > book.last_number:
        edits.append(set_setting(book.settings, schema.SETTING_LAST_NUMBER, highest))
    if plan.decisions:
        edits.append(AppendRows(schema.DECISIONS.name, [records.decision_to_cells(d) for d in plan.decisions]))
    return edits


def change_summary(plan: MinutesPlan) -> str:
    """One line for Logboek: what this run changed."""
    parts = []
    closed = [str(c.number) for c in plan.closures if c.current is not None]
    if closed:
        parts.append("afgerond: " + ", ".join(closed))
    if plan.new_actions:
        parts.append("nieuwe acties: " + ", ".join(str(a.number) for a in plan.new_actions))
    if plan.decisions:
        parts.append("besluiten: " + ", ".join(str(d.number) for d in plan.decisions))
    return "; ".join(parts) or "niets gewijzigd"


def _log_edit(wb: _Workbook, plan: MinutesPlan, today: date) -> Edit:
    """Add this run to Logboek; the sheet is made the first time (with earlier rows, if any)."""
    row = [today, plan.changes.source, plan.changes.meeting, plan.changes.key, change_summary(plan)]
    if wb.log_ready:
        return AppendRows(schema.LOG.name, [dict(zip(schema.LOG.headers, row))])
    widths = [c.width for c in schema.LOG.columns]
    return ReplaceSheet(schema.LOG.name, [list(schema.LOG.headers), *wb.log, row], widths)


# -------------------------------------------------------------- the CLI path


def process_minutes(
    backend: WorkbookBackend,
    minutes_path: Path,
    meeting: date | None,
    *,
    apply: bool = False,
    meeting_kind: str | None = None,
    include_possible: bool = False,
) -> MinutesPlan:
    """Read the minutes, plan against the workbook and, with ``apply``, write it.

    Without ``meeting`` the date the minutes state at the top is used. ``apply``
    writes the *zeker* changes; with ``include_possible`` the *mogelijk* ones too.
    """
    paragraphs, proposal = read_minutes_file(minutes_path, _people(backend))
    stated = meeting_date_in(paragraphs)
    mismatch = ""
    if meeting is not None and stated is not None and stated != meeting:
        mismatch = f"de notulen noemen als vergaderdatum {stated:%d-%m-%Y}, niet {meeting:%d-%m-%Y}: klopt --meeting?"
    if meeting is None:
        meeting = stated
        if meeting is None:
            raise InputError(
                f"De vergaderdatum staat niet bovenaan in {Path(minutes_path).name}; geef hem op (--meeting JJJJ-MM-DD)."
            )
    kind = meeting_kind_for(backend, meeting, meeting_kind, paragraphs)
    changes = changes_from_proposal(proposal, meeting, kind, Path(minutes_path).name, fingerprint(paragraphs, meeting))
    plan = plan_changes(backend, changes)
    if mismatch:
        plan.warnings.insert(0, mismatch)
    if apply:
        if include_possible:
            plan = plan.including_possible()
        apply_plan(backend, plan)
    return plan


def _people(backend: WorkbookBackend) -> list[str]:
    """The names on the Personen sheet (an owner the minutes may name)."""
    if schema.PEOPLE.name not in backend.sheet_names():
        return []
    return [p.name for p in records.people_from_table(backend.read([schema.PEOPLE.name])[schema.PEOPLE.name]) if p.name]


__all__ = [
    "MinutesChanges",
    "MinutesPlan",
    "PlannedClosure",
    "apply_plan",
    "change_summary",
    "changes_from_proposal",
    "fingerprint",
    "plan_changes",
    "process_minutes",
    "read_minutes_file",
]
