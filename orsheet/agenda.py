"""Build a meeting's full agenda: standard items, the meeting's own items, clock times.

Pure rules, no I/O. :func:`build_agenda` takes the model objects read from
``Vergaderingen``, ``Standaardpunten``, ``Agendapunten`` and ``Acties`` and
returns an :class:`Agenda` with every item's start time, the total and the
overrun, plus the open actions of that kind of meeting.

Numbering, as the secretary types it in ``Agendapunten``!Nr:

* the standard opening items (Plaats "begin") take numbers 1, 2, ... in
  their Volgorde; a meeting row with one of those numbers replaces that
  standard item for this meeting (empty cells keep the standard value);
* the meeting's own items continue the numbering without gaps; "6.1", "6.2"
  are sub-items of item 6, which must exist;
* the standard closing items (Plaats "eind") follow the last item; a meeting
  row with the same title as a closing item replaces it.

Timing: each item starts where the previous one ended, from the meeting's
Begin. An item without minutes takes no time; a parent without minutes thus
starts at its first sub-item's start. Nothing is ever cut: running over the
Begin-Einde slot is reported, with the number of minutes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import date, time
from typing import Sequence

from orsheet import schema
from orsheet.errors import CellError, Location, SheetError
from orsheet.dutch import clock_time as format_time
from orsheet.dutch import same_kind
from orsheet.model import Action, AgendaItem, Meeting, StandardItem

PLACE_BEGIN = "begin"
PLACE_END = "eind"

MINUTES_PER_DAY = 24 * 60

_NUMBER = re.compile(r"^(\d+)(?:[.,](\d+))?\.?$")

@dataclass(frozen=True)
class ScheduledItem:
    """One line of the agenda, with its clock time."""

    number: str  # "6" or "6.1"
    title: str
    start: time
    minutes: int | None  # None: takes no time of its own
    who: str = ""
    purpose: str = ""
    note: str = ""
    is_sub: bool = False
    source: str = "vergadering"  # "begin" / "eind" (standard item) / "vergadering"

    @property
    def key(self) -> tuple[int, int]:
        major, _, minor = self.number.partition(".")
        return int(major), int(minor or 0)


@dataclass(frozen=True)
class Agenda:
    meeting: Meeting
    items: tuple[ScheduledItem, ...]
    actions: tuple[Action, ...] = field(default=())

    @property
    def total_minutes(self) -> int:
        return sum(item.minutes or 0 for item in self.items)

    @property
    def available_minutes(self) -> int | None:
        """Minutes between Begin and Einde, or None when Einde is not known."""
        if self.meeting.start is None or self.meeting.end is None:
            return None
        return _minutes_between(self.meeting.start, self.meeting.end)

    @property
    def overrun_minutes(self) -> int:
        available = self.available_minutes
        return max(0, self.total_minutes - available) if available is not None else 0

    @property
    def planned_end(self) -> time:
        return add_minutes(self.meeting.start or time(0), self.total_minutes)

    @property
    def overrun_message(self) -> str:
        """Dutch warning when the items take longer than the slot, else ""."""
        if not self.overrun_minutes:
            return ""
        meeting = self.meeting
        return (
            f"Let op: de agenda duurt {self.total_minutes} minuten, maar de vergadering is "
            f"{self.available_minutes} minuten ({format_time(meeting.start)}–{format_time(meeting.end)}): "
            f"{self.overrun_minutes} minuten te lang (tot {format_time(self.planned_end)})."
        )


def _minute_of_day(moment: time) -> int:
    return moment.hour * 60 + moment.minute


def add_minutes(start: time, minutes: int) -> time:
    """The clock time ``minutes`` after ``start`` (past midnight it wraps round)."""
    total = (_minute_of_day(start) + minutes) % MINUTES_PER_DAY
    return time(total // 60, total % 60)


def _minutes_between(start: time, end: time) -> int:
    return _minute_of_day(end) - _minute_of_day(start)  # build_agenda ensures end > start


def _location(spec: schema.SheetSpec, row: int | None, header: str) -> Location:
    return Location(spec.name, row, spec.headers.index(header) + 1, header)


def find_meeting(meetings: list[Meeting], day: date, kind: str = "") -> Meeting:
    """The meeting on ``day`` in Vergaderingen (of ``kind`` when given), or a located Dutch error."""
    found = [m for m in meetings if m.date == day and (not kind or same_kind(m.kind, kind))]
    what = kind or "vergadering"  # "geen Overlegvergadering", not "geen Overlegvergadering vergadering"
    if not found:
        raise SheetError(
            f"er staat geen {what} op {day:%d-%m-%Y} in Vergaderingen; vul daar eerst een rij in",
            Location(schema.MEETINGS.name),
        )
    if len(found) > 1:
        kinds = ", ".join(m.kind for m in found)
        hint = "kies er één met --kind" if len({m.kind for m in found}) == len(found) else "verwijder de dubbele rij"
        raise CellError(
            f"er staan {len(found)} vergaderingen op {day:%d-%m-%Y} ({kinds}; rijen "
            f"{', '.join(str(m.row) for m in found)}); {hint}",
            _location(schema.MEETINGS, found[1].row, schema.DATUM),
        )
    return found[0]


def parse_item_number(item: AgendaItem) -> tuple[int, int | None]:
    """"6" -> (6, None), "6.1" (or "6,1") -> (6, 1); anything else is a located error."""
    location = _location(schema.AGENDA_ITEMS, item.row, schema.NR)
    text = str(item.number or "").strip()
    if not text:
        raise CellError(f'het agendanummer ontbreekt bij "{item.title}" (schrijf bijvoorbeeld 5 of 5.1)', location)
    match = _NUMBER.match(text)
    if not match or int(match.group(1)) == 0 or match.group(2) in ("0", "00"):
        raise CellError(f'"{text}" is geen agendanummer (schrijf bijvoorbeeld 5 of 5.1)', location)
    major, minor = match.groups()
    return int(major), int(minor) if minor is not None else None


@dataclass
class _Entry:
    """An item before timing: where it came from and the row that numbered it."""

    key: tuple[int, int | None]
    title: str
    minutes: int | None
    who: str = ""
    purpose: str = ""
    note: str = ""
    source: str = "vergadering"
    row: int | None = None


def _from_standard(item: StandardItem, meeting: Meeting, key: tuple[int, int | None]) -> _Entry:
    return _Entry(key, item.title, item.minutes, _who(item.who, meeting), item.purpose, "", item.place)


def _who(text: str, meeting: Meeting) -> str:
    """"Voorzitter"/"Notulist" (or "Secretaris") in a standard item stand for this meeting's person."""
    folded = text.strip().casefold()
    if folded == "voorzitter" and meeting.chair:
        return meeting.chair
    if folded in ("notulist", "secretaris") and meeting.minute_taker:
        return meeting.minute_taker
    return text


def _merge(standard: _Entry, item: AgendaItem) -> _Entry:
    """A meeting row that replaces a standard item (numbered as the row); its empty cells keep the standard value."""
    return replace(
        standard,
        title=item.title or standard.title,
        minutes=item.minutes if item.minutes is not None else standard.minutes,
        who=item.who or standard.who,
        purpose=item.purpose or standard.purpose,
        note=item.note,
        source="vergadering",
        row=item.row,
    )


def _own_entries(items: list[AgendaItem]) -> list[tuple[AgendaItem, _Entry]]:
    """The meeting's rows with their parsed numbers, in sheet order; duplicates are an error."""
    entries: list[tuple[AgendaItem, _Entry]] = []
    seen: dict[tuple[int, int | None], int | None] = {}
    for item in sorted(items, key=lambda i: i.row or 0):
        key = parse_item_number(item)
        if key in seen:
            raise CellError(
                f"agendanummer {item.number} komt twee keer voor (ook in rij {seen[key]})",
                _location(schema.AGENDA_ITEMS, item.row, schema.NR),
            )
        seen[key] = item.row
        entries.append((item, _Entry(key, item.title, item.minutes, item.who, item.purpose, item.note, row=item.row)))
    return entries


def _combine(meeting: Meeting, standard: list[StandardItem], items: list[AgendaItem]) -> list[_Entry]:
    """Standard opening items, the meeting's own items, standard closing items, numbered."""
    mine = [s for s in standard if same_kind(s.kind, meeting.kind)]
    begin = sorted((s for s in mine if s.place.strip().casefold() == PLACE_BEGIN), key=lambda s: s.order)
    end = sorted((s for s in mine if s.place.strip().casefold() == PLACE_END), key=lambda s: s.order)
    entries = {(n, None): _from_standard(s, meeting, (n, None)) for n, s in enumerate(begin, start=1)}
    closing = list(end)  # numbered after the last item, once that is known
    by_title = {s.title.strip().casefold(): s for s in closing}
    for item, entry in _own_entries(items):
        if entry.key in entries:
            entries[entry.key] = _merge(entries[entry.key], item)
            continue
        replaced = by_title.pop(item.title.strip().casefold(), None)
        if replaced is not None:
            closing.remove(replaced)
            entries[entry.key] = _merge(_from_standard(replaced, meeting, entry.key), item)
            continue
        if not entry.title.strip():
            raise CellError(
                f"agendapunt {item.number} heeft geen onderwerp",
                _location(schema.AGENDA_ITEMS, item.row, schema.ONDERWERP),
            )
        entries[entry.key] = entry
    _check_numbering(entries)
    last = max(major for major, _ in entries)  # never empty: build_agenda requires own items
    for offset, closer in enumerate(closing, start=1):
        entries[(last + offset, None)] = _from_standard(closer, meeting, (last + offset, None))
    return [entries[key] for key in sorted(entries, key=lambda k: (k[0], k[1] or 0))]


def _check_numbering(entries: dict[tuple[int, int | None], _Entry]) -> None:
    """Main items 1..n without gaps; sub-items n.1, n.2 ... under an existing item n."""
    location = lambda entry: _location(schema.AGENDA_ITEMS, entry.row, schema.NR)  # noqa: E731
    mains = sorted(major for major, minor in entries if minor is None)
    for expected, major in enumerate(mains, start=1):
        if major != expected:
            entry = entries[(major, None)]
            raise CellError(f"agendapunt {major} sluit niet aan: er is geen punt {expected}", location(entry))
    subs: dict[int, list[int]] = {}
    for major, minor in entries:
        if minor is not None:
            subs.setdefault(major, []).append(minor)
    for major, minors in sorted(subs.items()):
        if (major, None) not in entries:
            entry = entries[(major, min(minors))]
            raise CellError(
                f"subpunt {major}.{min(minors)} heeft geen hoofdpunt {major}; voeg punt {major} toe", location(entry)
            )
        for expected, minor in enumerate(sorted(minors), start=1):
            if minor != expected:
                raise CellError(
                    f"subpunt {major}.{minor} sluit niet aan: er is geen punt {major}.{expected}",
                    location(entries[(major, minor)]),
                )


def _schedule(start: time, entries: list[_Entry]) -> tuple[ScheduledItem, ...]:
    clock = start
    scheduled = []
    for entry in entries:
        major, minor = entry.key
        number = f"{major}.{minor}" if minor is not None else str(major)
        scheduled.append(
            ScheduledItem(
                number, entry.title, clock, entry.minutes, entry.who, entry.purpose, entry.note,
                is_sub=minor is not None, source=entry.source,
            )
        )
        clock = add_minutes(clock, entry.minutes or 0)
    return tuple(scheduled)


def open_actions(actions: Sequence[Action], meeting: Meeting) -> tuple[Action, ...]:
    """Open actions (not :attr:`~orsheet.model.Action.is_done`) of this kind of meeting that existed
    on the meeting date, by number."""
    chosen = [
        a for a in actions
        if not a.is_done and same_kind(a.meeting_kind, meeting.kind)
        and (a.date is None or a.date <= meeting.date)
    ]
    return tuple(sorted(chosen, key=lambda a: (a.number is None, a.number or 0, a.row or 0)))


def build_agenda(
    meeting: Meeting,
    standard_items: list[StandardItem],
    agenda_items: list[AgendaItem],
    actions: Sequence[Action] = (),
) -> Agenda:
    """The full agenda of ``meeting`` (see the module docstring for the rules)."""
    if meeting.start is None:
        raise CellError(
            f"de begintijd van de vergadering van {meeting.date:%d-%m-%Y} ontbreekt (vul bijvoorbeeld 10:00 in)",
            _location(schema.MEETINGS, meeting.row, "Begin"),
        )
    if meeting.end is not None and meeting.end <= meeting.start:
        raise CellError(
            f"de eindtijd {format_time(meeting.end)} ligt niet na de begintijd {format_time(meeting.start)}",
            _location(schema.MEETINGS, meeting.row, "Einde"),
        )
    own = [item for item in agenda_items if item.meeting == meeting.date]
    if not own:
        raise CellError(
            f"er staan geen agendapunten voor de vergadering van {meeting.date:%d-%m-%Y} in Agendapunten "
            "(kolom Vergadering = deze datum)",
            _location(schema.MEETINGS, meeting.row, schema.DATUM),
        )
    entries = _combine(meeting, standard_items, own)
    return Agenda(meeting, _schedule(meeting.start, entries), open_actions(actions, meeting))
