"""Minutes -> a plan checked against the workbook (what changes, with numbers and warnings).

:func:`changes_from_proposal` turns what the grammar read into workbook rows
(without numbers); :func:`plan_changes` checks them against the workbook:
numbers for new actions and decisions (zeker first, then mogelijk), closures
of open actions (warnings for archived or unknown numbers), suggestions for
tasks reported done without a number, and what the Logboek says was applied
before. Nothing is written here; :mod:`orsheet.services.minutes` applies a plan.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Sequence

from orsheet import digest, model, records, rules, schema
from orsheet.deadlines import interpret
from orsheet.minutes import SURE, MinutesProposal, Paragraph, meeting_kind_in
from orsheet.minutes.matching import closest, stemmed
from orsheet.minutes.tasks import DONE_REPORT_REASON
from orsheet.services.common import ActionBook, load_actions
from orsheet.workbook.base import WorkbookBackend

@dataclass
class MinutesChanges:
    """What the minutes ask for, whatever path they came by."""

    meeting: date
    meeting_kind: str
    source: str  # file name, for Bron and Logboek
    key: str  # fingerprint of the minutes text + meeting date
    close: list[tuple[int, str]] = field(default_factory=list)  # (number, sentence)
    actions: list[model.Action] = field(default_factory=list)  # without numbers yet
    decisions: list[model.Decision] = field(default_factory=list)  # without numbers yet
    list_updated: str = ""  # the sentence saying so: open actions with Status afgerond close too
    # Read from the phrasing, not from a marker or number: applied only when asked (with the reason).
    possible_actions: list[tuple[model.Action, str]] = field(default_factory=list)
    possible_decisions: list[tuple[model.Decision, str]] = field(default_factory=list)
    done_reports: list[str] = field(default_factory=list)  # "Draaiboek is doorgestuurd": no number
    near_misses: list[str] = field(default_factory=list)  # sentences that came close, with why not


@dataclass
class PlannedClosure:
    number: int
    sentence: str
    current: model.Action | None  # the open action it closes (None: a warning)
    warning: str = ""
    unknown: bool = False  # in neither Acties nor Archief: --apply refuses
    reason: str = ""  # for a suggestion (mogelijk): why orsheet thinks so


@dataclass
class MinutesPlan:
    """The changes checked against the workbook: numbers, warnings, duplicates."""

    changes: MinutesChanges
    closures: list[PlannedClosure]
    new_actions: list[model.Action]  # numbered as they will be
    decisions: list[model.Decision]  # numbered as they will be
    skipped: list[str] = field(default_factory=list)  # already present (idempotency)
    warnings: list[str] = field(default_factory=list)
    logged_on: date | None = None  # when Logboek says these minutes were applied before
    applied: bool = False
    # mogelijk: numbered after the zeker ones, applied only with include_possible.
    possible_actions: list[tuple[model.Action, str]] = field(default_factory=list)
    possible_decisions: list[tuple[model.Decision, str]] = field(default_factory=list)
    suggested_closures: list[PlannedClosure] = field(default_factory=list)
    near_misses: list[str] = field(default_factory=list)

    @property
    def unknown_numbers(self) -> list[int]:
        return [c.number for c in self.closures if c.unknown]

    @property
    def has_work(self) -> bool:
        return bool(self.new_actions or self.decisions or any(c.current for c in self.closures))

    @property
    def has_possible(self) -> bool:
        return bool(self.possible_actions or self.possible_decisions or self.suggested_closures)

    def including_possible(self) -> MinutesPlan:
        """The plan with every *mogelijk* proposal taken as if it were *zeker*."""
        return replace(
            self,
            closures=[*self.closures, *self.suggested_closures],
            new_actions=[*self.new_actions, *(a for a, _ in self.possible_actions)],
            decisions=[*self.decisions, *(d for d, _ in self.possible_decisions)],
            possible_actions=[], possible_decisions=[], suggested_closures=[],
        )

    def summary(self) -> str:
        """One Dutch sentence for a message box or the command line."""
        closing = [str(c.number) for c in self.closures if c.current]
        parts = []
        if closing:
            parts.append(f"{len(closing)} actie(s) afronden ({', '.join(closing)})")
        if self.new_actions:
            parts.append(f"{len(self.new_actions)} nieuwe actie(s) ({', '.join(str(a.number) for a in self.new_actions)})")
        if self.decisions:
            parts.append(f"{len(self.decisions)} besluit(en)")
        what = ", ".join(parts) or "niets te wijzigen"
        possible = len(self.possible_actions) + len(self.possible_decisions) + len(self.suggested_closures)
        if possible and not self.applied:
            what += f"; en {possible} mogelijk(e) wijziging(en) om na te kijken"
        done = "Verwerkt" if self.applied else "Voorstel"
        warned = f" Let op, {len(self.warnings)} waarschuwing(en): " + "; ".join(self.warnings) + "." if self.warnings else ""
        return f"{done} notulen {self.changes.meeting:%d-%m-%Y}: {what}.{warned}"


def fingerprint(paragraphs: list[Paragraph], meeting: date) -> str:
    """The Logboek key of these minutes for this meeting (keys already stored keep matching)."""
    text = "\n".join(p.text.strip() for p in paragraphs if p.text.strip())
    return digest.fingerprint([meeting.isoformat(), text], length=16, separator="\n")


def changes_from_proposal(
    proposal: MinutesProposal, meeting: date, meeting_kind: str, source: str, key: str
) -> MinutesChanges:
    def action(a) -> model.Action:
        return model.Action(
            number=None,
            subject=a.subject,
            description=a.description,
            owner=a.owner,
            meeting_kind=meeting_kind,
            date=meeting,
            deadline=_deadline(a.deadline, meeting),
        )

    bron = decision_source(meeting, source)

    def decision(d) -> model.Decision:
        return model.Decision(None, date=meeting, meeting_kind=meeting_kind, subject=d.subject, text=d.text, source=bron)

    close = [(c.number, c.sentence) for c in proposal.closures]
    return MinutesChanges(
        meeting, meeting_kind, source, key, close,
        [action(a) for a in proposal.new_actions if a.confidence == SURE],
        [decision(d) for d in proposal.decisions if d.confidence == SURE],
        proposal.list_updated,
        possible_actions=[(action(a), a.reason) for a in proposal.new_actions if a.confidence != SURE],
        possible_decisions=[(decision(d), d.reason) for d in proposal.decisions if d.confidence != SURE],
        done_reports=[r.sentence for r in proposal.done_reports],
        near_misses=[f"{m.sentence} ({m.reason})" for m in proposal.near_misses],
    )


def _deadline(text: str, meeting: date) -> model.Deadline:
    """A date where the minutes give one, else the words as written ("eind okt")."""
    if not text:
        return model.Deadline()
    # Only a written day ("15 november", "1-11") becomes a date; "eind okt" stays as written.
    when = interpret(text, meeting) if re.match(r"\d", text) else None
    return model.Deadline(date=when) if when else model.Deadline(text=text)


def decision_source(meeting: date, source: str) -> str:
    return f"Notulen {meeting:%d-%m-%Y} ({source})" if source else f"Notulen {meeting:%d-%m-%Y}"


# -------------------------------------------------------------- planning


@dataclass
class _Workbook:
    book: ActionBook
    decisions: list[model.Decision]
    log: list[list[object]]  # Logboek rows below the header (may be empty)
    log_ready: bool = False  # Logboek exists with every column: append to it


def _load(backend: WorkbookBackend) -> _Workbook:
    book = load_actions(backend)
    table = backend.read([schema.DECISIONS.name])[schema.DECISIONS.name]
    decisions = records.decisions_from_table(table)
    log: list[list[object]] = []
    if schema.LOG.name in backend.sheet_names():
        table = backend.read([schema.LOG.name])[schema.LOG.name]
        log = [[row.get(h) for h in schema.LOG.headers] for row in table.rows]
        return _Workbook(book, decisions, log, all(h in table.header for h in schema.LOG.headers))
    return _Workbook(book, decisions, log)


def meeting_kind_for(
    backend: WorkbookBackend, meeting: date, given: str | None = None, paragraphs: Sequence[Paragraph] = ()
) -> str:
    """The kind of the meeting: as given, else Vergaderingen's on that day, else as the
    minutes' header names it (when the workbook knows that kind), else an OR meeting."""
    if given:
        return given
    meetings = records.meetings_from_table(backend.read([schema.MEETINGS.name])[schema.MEETINGS.name])
    kinds = sorted({m.kind for m in meetings if m.date == meeting and m.kind})
    if len(kinds) == 1:
        return kinds[0]
    # Two meetings that day: the header decides between them; none: any kind the workbook knows.
    known = kinds or list(dict.fromkeys([*model.MEETING_KINDS, *(m.kind for m in meetings if m.kind)]))
    return meeting_kind_in(list(paragraphs), known) or model.OR_MEETING


def _why_done(action: model.Action) -> str:
    return "Status afgerond" if action.has_status_done else "Afgerond op ingevuld"


def plan_changes(backend: WorkbookBackend, changes: MinutesChanges, *, respect_log: bool = True) -> MinutesPlan:
    """Check the changes against the workbook; nothing is written.

    With ``respect_log`` minutes that Logboek lists as applied add nothing
    again, even when the secretary has since edited the rows they made. The
    Voorstel path turns it off: there every row is chosen by hand and marked
    "verwerkt" once applied.
    """
    wb = _load(backend)
    close = list(changes.close)
    if changes.list_updated:
        named = {number for number, _ in close}
        close += [(a.number, f"{_why_done(a)}; {changes.list_updated}") for a in wb.book.actions
                  if a.is_done and a.number is not None and a.number not in named]
    closures, warnings = _plan_closures(wb.book, close)
    logged = next((row for row in wb.log if len(row) > 3 and row[3] == changes.key), None)
    earlier = [row for row in wb.log if len(row) > 3 and _as_date(row[2]) == changes.meeting and row[3] != changes.key]
    if earlier and respect_log:
        when = _as_date(earlier[-1][0])
        warnings.append(
            f"voor de vergadering van {changes.meeting:%d-%m-%Y} zijn al notulen verwerkt"
            + (f" op {when:%d-%m-%Y}" if when else "") + f" ({earlier[-1][1]}); alleen wat nieuw is, wordt toegevoegd"
        )
    skipped: list[str] = []
    repeat = bool(logged and respect_log)
    present = {(a.date, _norm(a.description)) for a in wb.book.actions + wb.book.archive}
    # A repeat of applied minutes: what was zeker went in then (and may have been edited since); what was
    # mogelijk went in only with --include-possible, so it is offered again unless it is there.
    new_actions = [a for a in changes.actions if not _skip_action(a, present, repeat, skipped)]
    maybe_actions = [(a, why) for a, why in changes.possible_actions if not _skip_action(a, present, False, skipped)]
    # zeker first, then mogelijk: applying only the zeker ones keeps the numbers shown.
    numbered = _numbers_for_new(wb.book, [*new_actions, *(a for a, _ in maybe_actions)])
    new_actions = [replace(a, number=n) for a, n in zip(new_actions, numbered)]
    maybe_actions = [(replace(a, number=n), why) for (a, why), n in zip(maybe_actions, numbered[len(new_actions) :])]
    next_decision = max([d.number or 0 for d in wb.decisions], default=0) + 1
    decisions, maybe_decisions = [], []
    for decision, why in [*((d, None) for d in changes.decisions), *changes.possible_decisions]:
        if (repeat and why is None) or any(_same_decision(decision, d) for d in wb.decisions):
            skipped.append(f"besluit staat er al: {decision.text[:60]}")
            continue
        numbered_decision = replace(decision, number=next_decision)
        if why is None:
            decisions.append(numbered_decision)
        else:
            maybe_decisions.append((numbered_decision, why))
        next_decision += 1
    logged_on = _as_date(logged[0]) if logged else None
    reports = changes.done_reports  # suggestions for actions still open: a closed one matches no more
    suggested = _suggest_closures(wb.book, reports, {c.number for c in closures})
    matched = {s.sentence for s in suggested}
    unmatched = [f"{r} (gemeld als gedaan, maar het past bij geen open actie)" for r in reports if r not in matched]
    return MinutesPlan(
        changes, closures, new_actions, decisions, skipped, warnings, logged_on,
        possible_actions=maybe_actions, possible_decisions=maybe_decisions, suggested_closures=suggested,
        near_misses=[*changes.near_misses, *unmatched],
    )


def _skip_action(action: model.Action, present: set, repeat: bool, skipped: list[str]) -> bool:
    """Already in Acties or Archief (same date and description), or these minutes were applied before."""
    if repeat or (action.date, _norm(action.description)) in present:
        skipped.append(f"actie staat er al: {action.description[:60]}")
        return True
    return False


def _suggest_closures(book: ActionBook, reports: list[str], named: set[int]) -> list[PlannedClosure]:
    """Open actions a "... is gebeurd" sentence seems to be about (each at most once)."""
    if not reports:
        return []
    candidates = stemmed((a.number, f"{a.subject} {a.description} {a.owner}") for a in book.actions
                         if a.number is not None and a.number not in named)
    by_number = {a.number: a for a in book.actions}
    suggested: list[PlannedClosure] = []
    for sentence in reports:
        taken = {s.number for s in suggested}
        number = closest(sentence, [c for c in candidates if c[0] not in taken])
        if number is not None:
            suggested.append(PlannedClosure(number, sentence, by_number[number], reason=DONE_REPORT_REASON))
    return suggested


def _plan_closures(book: ActionBook, close: list[tuple[int, str]]) -> tuple[list[PlannedClosure], list[str]]:
    open_by_number = {a.number: a for a in book.actions if a.number is not None}
    archived = {a.number: a for a in book.archive if a.number is not None}
    closures, warnings = [], []
    for number, sentence in close:
        if number in open_by_number:
            closures.append(PlannedClosure(number, sentence, open_by_number[number]))
            continue
        if number in archived:
            when = archived[number].closed_on
            reason = f"actie {number} is al afgerond" + (f" op {when:%d-%m-%Y}" if when else "") + " (staat in Archief)"
        else:
            reason = f"actie {number} bestaat niet in Acties of Archief (typefout in de notulen?)"
        closures.append(PlannedClosure(number, sentence, None, reason, unknown=number not in archived))
        warnings.append(reason)
    return closures, warnings


def _numbers_for_new(book: ActionBook, new_actions: list[model.Action]) -> list[int]:
    """Numbers from the one global sequence (existing unnumbered rows go first)."""
    drafts = [replace(a, number=None, row=None) for a in new_actions]
    numbered = rules.assign_numbers(book.actions + drafts, book.archive, book.last_number)
    return [n.number for n in numbered if n.row is None]


def _norm(text: str) -> str:
    return " ".join(str(text or "").split()).casefold()


def _same_decision(new: model.Decision, old: model.Decision) -> bool:
    return old.date == new.date and _norm(old.text) == _norm(new.text)


def _as_date(value: object) -> date | None:
    if value is None:
        return None
    if hasattr(value, "date") and callable(value.date):
        return value.date()
    return value if isinstance(value, date) else None
