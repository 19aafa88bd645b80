"""The meeting year plan: recurring series -> proposed meetings, merged with the sheet.

Pure: no I/O. Public holidays and free periods come in as data (a dict
date -> Dutch name), so the rules do not know where they come from.

How a generated row is recognised (the *plan marker*)
-----------------------------------------------------
Every meeting the plan writes carries a marker at the end of its Opmerking::

    Hemelvaartsdag; voorstel: do 16-05-2024 [jaarplanning OR 09-05-2024 #1a2b3c]

``OR 09-05-2024`` is the meeting's origin (kind code and the date the series
gave it); ``#1a2b3c`` is a fingerprint of every cell of the row as it was
written. On regeneration a row is

* *untouched generated* when its marker's fingerprint still matches its cells:
  the plan may update it in place or remove it (settings changed);
* *changed by hand* when it has a marker but the cells no longer match
  (moved, time changed, "geschrapt" added, chair filled in...): kept as it is,
  and its origin counts as planned, so the meeting is not proposed again;
* *manual* without a marker (extra meetings, rows typed before orsheet): kept;
  it also stands in for a proposal of the same kind on the same date.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import date, time, timedelta
from typing import Iterable, Mapping

from orsheet.digest import fingerprint as _digest
from orsheet.dutch import KIND_CODES, clock_time, kind_code, short_day
from orsheet.model import Meeting

CANCEL_WORDS = ("geschrapt", "vervalt", "vervallen", "afgelast")

_MARKER = re.compile(r"\s*\[jaarplanning (OR|OV|IO) (\d{2})-(\d{2})-(\d{4}) #([0-9a-f]{6})\]")


@dataclass(frozen=True)
class Series:
    """One recurring meeting series, as described in Instellingen."""

    number: int
    kind: str
    weekday: int  # 0 = Monday
    first: date
    interval_weeks: int
    start: time
    end: time
    location: str = ""


@dataclass(frozen=True)
class PlanKey:
    """Which generated meeting a row is: kind code and the date the series gave it."""

    code: str
    date: date

    def text(self) -> str:
        return f"{self.code} {self.date:%d-%m-%Y}"


@dataclass(frozen=True)
class Change:
    """One row the plan would write: a new meeting, or an update of an untouched one."""

    meeting: Meeting
    before: Meeting | None = None  # for updates: the row as it is now


@dataclass
class PlanChanges:
    """What regenerating the year would do to Vergaderingen (nothing written yet)."""

    year: int
    added: list[Meeting] = field(default_factory=list)
    updated: list[Change] = field(default_factory=list)
    removed: list[Meeting] = field(default_factory=list)
    kept_by_hand: list[Meeting] = field(default_factory=list)
    unchanged: list[Meeting] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # Dutch: why a row was kept against the plan

    @property
    def has_changes(self) -> bool:
        return bool(self.added or self.updated or self.removed)

    def resulting_meetings(self) -> list[Meeting]:
        """The year's meetings as they will be after applying, sorted."""
        updated = [c.meeting for c in self.updated]
        return sort_meetings(self.kept_by_hand + self.unchanged + updated + self.added)


# --- generating ---------------------------------------------------------------


def series_dates(series: Series, year: int) -> list[date]:
    """The dates the series gives in ``year``, continuing its rhythm from its first date."""
    if series.first.year > year:
        return []  # starts later (and no date arithmetic near 31-12-9999)
    first = series.first + timedelta(days=(series.weekday - series.first.weekday()) % 7)
    step = timedelta(weeks=series.interval_weeks)
    start_of_year = date(year, 1, 1)
    if first < start_of_year:
        steps = -(-(start_of_year - first).days // step.days)  # ceiling division
        first = first + steps * step
    dates = []
    current = first
    while current.year == year:
        dates.append(current)
        current += step
    return dates


def suggest_date(day: date, days_off: Mapping[date, str]) -> date:
    """The same weekday a week later, skipping further days off."""
    suggestion = day + timedelta(weeks=1)
    while suggestion in days_off:
        suggestion += timedelta(weeks=1)
    return suggestion


def flag_text(day: date, days_off: Mapping[date, str]) -> str:
    """Opmerking for a meeting on a day off: the day's name and a suggested date."""
    suggestion = suggest_date(day, days_off)
    return f"{days_off[day]}; voorstel: {short_day(suggestion)}"


def propose_year(series: Iterable[Series], year: int, days_off: Mapping[date, str]) -> list[Meeting]:
    """Every meeting the series give in ``year``, flagged (not moved) on days off."""
    proposals: dict[PlanKey, Meeting] = {}
    for one in series:
        code = KIND_CODES[one.kind]
        for day in series_dates(one, year):
            key = PlanKey(code, day)
            if key in proposals:
                continue  # two series of one kind on one day: one meeting
            remark = flag_text(day, days_off) if day in days_off else ""
            meeting = Meeting(day, one.kind, one.start, one.end, one.location, remark=remark)
            proposals[key] = with_marker(meeting, key)
    return sort_meetings(proposals.values())


# --- the plan marker ----------------------------------------------------------


def split_marker(remark: str) -> tuple[str, PlanKey | None, str | None]:
    """Opmerking -> (text without the marker, origin key, fingerprint)."""
    remark = remark or ""  # an empty cell reads as None
    match = _MARKER.search(remark)
    if match is None:
        return remark.strip(), None, None
    code, day, month, year, stored = match.groups()
    try:
        key = PlanKey(code, date(int(year), int(month), int(day)))
    except ValueError:
        return remark.strip(), None, None
    text = (remark[: match.start()] + remark[match.end() :]).strip()
    return text, key, stored


def fingerprint(meeting: Meeting, remark_text: str) -> str:
    """Six hex digits over every cell of the row (the marker itself excluded)."""
    # sha1 and six digits: the markers already in users' workbooks were made so.
    return _digest(_cell_texts(meeting, remark_text), length=6, algorithm="sha1")


def _cell_texts(meeting: Meeting, remark_text: str) -> list[str]:
    """The row's cells as normalised text (times to the minute, spaces collapsed)."""
    parts = [
        meeting.date.isoformat(),
        meeting.kind,
        clock_time(meeting.start),
        clock_time(meeting.end),
        meeting.location,
        meeting.chair,
        meeting.minute_taker,
        meeting.invited,
        remark_text,
    ]
    return [" ".join(str(p or "").split()) for p in parts]


def with_marker(meeting: Meeting, key: PlanKey) -> Meeting:
    text = meeting.remark.strip()
    marker = f"[jaarplanning {key.text()} #{fingerprint(meeting, text)}]"
    return replace(meeting, remark=f"{text} {marker}" if text else marker)


def origin(meeting: Meeting) -> tuple[PlanKey | None, bool]:
    """(origin key, untouched?) of a row; (None, False) for a manual row."""
    text, key, stored = split_marker(meeting.remark)
    if key is None:
        return None, False
    return key, stored == fingerprint(meeting, text)


# --- merging with the sheet ---------------------------------------------------


def merge(
    year: int,
    proposals: list[Meeting],
    existing: list[Meeting],
    keep_before: date | None = None,
    in_use: Iterable[date] = (),
) -> PlanChanges:
    """Compare the proposals with the rows in Vergaderingen; see the module docstring.

    Rows dated before ``keep_before`` are history: never updated or removed,
    and no proposal before it is added. An untouched row on a date in
    ``in_use`` (agenda items exist for it) is kept rather than removed.
    """
    changes = PlanChanges(year)
    untouched, covered = _classify(year, existing, keep_before, changes)
    for proposal in proposals:
        key, _ = origin(proposal)
        assert key is not None
        current = untouched.pop(key, None)
        if current is not None:
            if _same_cells(current, proposal):
                changes.unchanged.append(current)
            else:
                changes.updated.append(Change(replace(proposal, row=current.row), current))
        elif key not in covered and (keep_before is None or proposal.date >= keep_before):
            changes.added.append(proposal)
    in_use = set(in_use)
    for meeting in untouched.values():
        if meeting.date in in_use:
            changes.kept_by_hand.append(meeting)
            changes.notes.append(
                f"{short_day(meeting.date)}: {meeting.kind} blijft staan: er zijn agendapunten voor deze datum"
            )
        else:
            changes.removed.append(meeting)
    changes.removed.sort(key=_sort_key)
    return changes


def _classify(
    year: int, existing: list[Meeting], keep_before: date | None, changes: PlanChanges
) -> tuple[dict[PlanKey, Meeting], set[PlanKey]]:
    """Sort the year's rows: untouched generated ones by origin; the rest kept.

    Returns the untouched rows and the origins that kept rows already stand for.
    """
    untouched: dict[PlanKey, Meeting] = {}
    covered: set[PlanKey] = set()
    for meeting in existing:
        key, is_untouched = origin(meeting)
        if (key.date.year if key else meeting.date.year) != year:
            continue
        if keep_before is not None and meeting.date < keep_before:
            (changes.unchanged if is_untouched else changes.kept_by_hand).append(meeting)
            covered.add(key or _manual_key(meeting))
        elif key is not None and is_untouched:
            if key in untouched:
                changes.removed.append(meeting)  # an exact copy of a generated row
            else:
                untouched[key] = meeting
        else:
            changes.kept_by_hand.append(meeting)
            covered.add(key or _manual_key(meeting))
    return untouched, covered


def _manual_key(meeting: Meeting) -> PlanKey:
    return PlanKey(kind_code(meeting.kind), meeting.date)


def _same_cells(a: Meeting, b: Meeting) -> bool:
    return _cell_texts(a, a.remark) == _cell_texts(b, b.remark)


# --- reading the plan ---------------------------------------------------------


def is_cancelled(meeting: Meeting) -> bool:
    """True when the secretary marked the meeting "geschrapt" (or vervallen/afgelast)."""
    text = split_marker(meeting.remark)[0].casefold()
    return any(word in text for word in CANCEL_WORDS)


def sort_meetings(meetings: Iterable[Meeting]) -> list[Meeting]:
    return sorted(meetings, key=_sort_key)


def _sort_key(meeting: Meeting) -> tuple:
    return (meeting.date, meeting.start or time(0), meeting.kind)


def overlaps(a: Meeting, b: Meeting) -> bool:
    """Do two meetings with known times share a minute?"""
    if None in (a.start, a.end, b.start, b.end):
        return False
    return a.start < b.end and b.start < a.end  # type: ignore[operator]

