"""The year plan as Dutch text: the overview per month and the warnings.

Presentation only; the rules (which meetings, which overlap, which are
cancelled) live in :mod:`orsheet.schedule`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date

from orsheet.dutch import MONTHS, OR_MEETING, OV_MEETING, clock_time, short_day
from orsheet.model import Meeting
from orsheet.schedule import is_cancelled, overlaps, sort_meetings

__all__ = ["overview", "overview_text", "time_span", "warnings"]


def time_span(meeting: Meeting) -> str:
    """10:00–11:30, or just the start when the end is not known."""
    if meeting.start and meeting.end:
        return f"{clock_time(meeting.start)}–{clock_time(meeting.end)}"
    return clock_time(meeting.start)


def warnings(meetings: Iterable[Meeting], days_off: Mapping[date, str]) -> list[str]:
    """Dutch warnings: overlapping meetings, an OV not on an OR day, meetings on days off."""
    active = sort_meetings(m for m in meetings if not is_cancelled(m))
    messages: list[str] = []
    or_days = {m.date for m in active if m.kind == OR_MEETING}
    for index, meeting in enumerate(active):
        for other in active[index + 1 :]:
            if other.date != meeting.date:
                break
            if overlaps(meeting, other):
                messages.append(
                    f"{short_day(meeting.date)}: {meeting.kind} ({time_span(meeting)}) overlapt met "
                    f"{other.kind} ({time_span(other)})"
                )
        if meeting.kind == OV_MEETING and meeting.date not in or_days:
            messages.append(f"{short_day(meeting.date)}: {OV_MEETING} valt niet op een dag met een {OR_MEETING}")
        if meeting.date in days_off:
            messages.append(f"{short_day(meeting.date)}: {meeting.kind} valt op {days_off[meeting.date]}")
    return messages


def overview(meetings: Iterable[Meeting], days_off: Mapping[date, str]) -> dict[str, list[str]]:
    """Per month (Dutch name, in order) one line per meeting."""
    months: dict[str, list[str]] = {}
    for meeting in sort_meetings(meetings):
        line = f"{short_day(meeting.date)}  {time_span(meeting):<11}  {meeting.kind}"
        if meeting.location:
            line += f", {meeting.location}"
        if is_cancelled(meeting):
            line += "  (geschrapt)"
        elif meeting.date in days_off:
            line += f"  ! {days_off[meeting.date]}"
        months.setdefault(f"{MONTHS[meeting.date.month - 1]} {meeting.date.year}", []).append(line)
    return months


def overview_text(year: int, meetings: Iterable[Meeting], days_off: Mapping[date, str]) -> str:
    """The whole plan: a title, the months with their meetings, then the warnings."""
    meetings = list(meetings)
    lines = [f"Jaarplanning {year}"]
    for month, entries in overview(meetings, days_off).items():
        lines += ["", month] + [f"  {entry}" for entry in entries]
    found = warnings(meetings, days_off)
    if found:
        lines += ["", "Let op:"] + [f"  - {message}" for message in found]
    return "\n".join(lines)
