"""The council's records as plain Python objects.

No I/O here: these are built from sheet rows by :mod:`orsheet.records` and
handed to the pure rules in :mod:`orsheet.rules` and friends. ``row`` is the
sheet row an object was read from (``None`` for objects not yet written), so
messages can point at the cell.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, time

# The three kinds of meeting (canonical names and their aliases live in orsheet.dutch).
from orsheet.dutch import INFORMAL_MEETING, MEETING_KINDS, OR_MEETING, OV_MEETING  # noqa: F401  (re-exported)

STATUS_IN_PROGRESS = "in behandeling"
STATUS_ON_HOLD = "ON HOLD"
STATUS_DONE = "afgerond"
STATUSES = ("", STATUS_IN_PROGRESS, STATUS_ON_HOLD, STATUS_DONE)


@dataclass(frozen=True)
class Deadline:
    """A deadline as typed: a real date, free text ("eind okt"), or both.

    ``text`` keeps what the user typed when it was not a plain date, so it is
    never lost; ``date`` is the date it means where that is known.
    """

    date: date | None = None
    text: str = ""

    def __bool__(self) -> bool:
        return self.date is not None or bool(self.text)

    def cell_value(self) -> date | str | None:
        """What goes back into the Deadline cell: the text as typed wins."""
        if self.text:
            return self.text
        return self.date


@dataclass
class Action:
    number: int | None
    subject: str = ""
    description: str = ""
    owner: str = ""
    meeting_kind: str = ""
    date: date | None = None
    deadline: Deadline = field(default_factory=Deadline)
    status: str = ""
    remarks: str = ""
    closed_on: date | None = None
    row: int | None = None

    @property
    def is_done(self) -> bool:
        """The one rule for "this action is done", used by close, overview, ``actions --open``,
        the agenda's open actions and the Woo list: its Status says *afgerond*, or its *Afgerond
        op* holds a date. Typing the date is saying it is done (the council's own lists simply
        drop such an action: "Acties 325 en 330 zijn afgerond"); ``check`` points out a row whose
        Status says otherwise (:func:`orsheet.rules.done_problems`)."""
        return self.closed_on is not None or self.has_status_done

    @property
    def has_status_done(self) -> bool:
        """Whether the Status cell itself says *afgerond* (any case, spaces around)."""
        return self.status.strip().casefold() == STATUS_DONE

    def done_before(self, day: date) -> bool:
        """Whether its *Afgerond op* lies before ``day``; without a date nobody knows when it was
        done, so it was not (the Woo list of a period keeps it)."""
        return self.closed_on is not None and self.closed_on < day


@dataclass
class Decision:
    number: int | None
    date: date | None = None
    meeting_kind: str = ""
    subject: str = ""
    text: str = ""
    source: str = ""
    row: int | None = None


@dataclass
class Meeting:
    date: date
    kind: str = OR_MEETING
    start: time | None = None
    end: time | None = None
    location: str = ""
    chair: str = ""
    minute_taker: str = ""
    invited: str = ""
    remark: str = ""
    row: int | None = None


@dataclass
class AgendaItem:
    meeting: date
    number: str  # "6" or "6.1"
    title: str
    minutes: int | None = None
    who: str = ""
    purpose: str = ""
    note: str = ""  # Toelichting
    row: int | None = None


@dataclass
class StandardItem:
    kind: str  # meeting kind it belongs to
    place: str  # "begin" or "eind"
    order: int
    title: str
    minutes: int | None = None
    who: str = ""
    purpose: str = ""
    row: int | None = None


@dataclass
class Person:
    name: str
    role: str = ""
    public: bool = False  # Openbaar = ja: the name may be published (Woo)
    email: str = ""
    row: int | None = None


@dataclass
class Setting:
    key: str
    value: object = None
    row: int | None = None
