"""Tables of the minutes that arrive as running text: rows of a running list, a table of new actions (pure).

Two shapes, both from PDF text or a copied table, where the cells run together:

- A running list of topics ("Nr. Onderwerp Datum bespreking ... Afdoening door"): each row starts
  with its number, its topic and the dates it was discussed ("014 Uitwerking meedoenpot
  25-02-2021 ..."). A row discussed only at earlier meetings is carried over: what it asks is
  no new action (:func:`row_dates`, :func:`carried_over`).
- A table of new actions under a header "Actie Wie Wanneer" (no status column): each row ends in
  its owner and deadline ("Twee extra trainers E-jeugd Noor 30 september"); a word in lower case
  right after a row is the rest of its task, wrapped in a narrow column ("werven")
  (:func:`table_actions`).
"""

from __future__ import annotations

import re
from datetime import date

from orsheet.minutes.markers import leading_deadline
from orsheet.minutes.people import People
from orsheet.minutes.tasks import known_owner_length

__all__ = ["row_dates", "carried_over", "table_actions", "CARRIED_OVER"]

CARRIED_OVER = "overgenomen uit een eerdere vergadering (de rij noemt alleen eerdere data): geen nieuwe actie"
_ROW_START = re.compile(
    r"^(?P<nr>\d{1,4})\s+(?P<what>[^\d.!?]{2,80}?)\s+(?P<dates>\d{1,2}-\d{1,2}-\d{4}(?:\s+\d{1,2}-\d{1,2}-\d{4})*)\b"
)
_DATES_ONLY = re.compile(r"^\d{1,2}-\d{1,2}-\d{4}(?:\s+\d{1,2}-\d{1,2}-\d{4})*$")


def _dates(text: str) -> list[date]:
    found = []
    for day, month, year in re.findall(r"(\d{1,2})-(\d{1,2})-(\d{4})", text):
        try:
            found.append(date(int(year), int(month), int(day)))
        except ValueError:
            continue
    return found


def row_dates(text: str, current: list[date]) -> list[date]:
    """The discussion dates of the row being read after ``text``: a new row's, or more for the current one."""
    row = _ROW_START.match(text)
    if row:
        return _dates(row.group("dates"))
    if current and _DATES_ONLY.match(text):
        return [*current, *_dates(text)]
    return current


def carried_over(meeting: date | None, dates: list[date]) -> bool:
    """Was the row discussed only before this meeting (so what it asks is no new action)?"""
    return bool(meeting and dates) and all(d < meeting for d in dates)


_ACTION_HEADER = re.compile(
    r"^(?:actie|actiepunt|wat|taak|omschrijving)\s+(?:wie|door|actiehouder|verantwoordelijke|eigenaar)\s+"
    r"(?:wanneer|deadline|datum|gereed\s+voor|termijn)\s+(?=\S)",
    re.IGNORECASE,
)


def table_actions(text: str, people: People) -> list[tuple[str, str, str]] | None:
    """(owner, task, deadline) of each row of a table of new actions run together, or None for other text.

    A row ends at a listed person or role (joined by "en") followed by a deadline.
    """
    header = _ACTION_HEADER.match(text)
    if not header:
        return None
    tokens = text[header.end() :].split()
    rows: list[list] = []
    start = index = 0
    while index < len(tokens):
        length = known_owner_length(tokens[index:], people)
        deadline = leading_deadline(" ".join(tokens[index + length :])) if length else ""
        if not deadline or index == start:
            if rows and index == start and tokens[index][:1].islower():
                rows[-1][1] += f" {tokens[index]}"  # "werven": the task's last word, below the row
                start = index = index + 1
                continue
            index += 1
            continue
        owner = " ".join(tokens[index : index + length])
        rows.append([owner, " ".join(tokens[start:index]), deadline])
        start = index = index + length + len(deadline.split())
    return [(owner, task, deadline) for owner, task, deadline in rows] if rows else None
