"""What the agenda and minutes templates show, as plain formatted text.

Everything a template prints is computed here (Dutch dates, "5 m", the
overrun note), so the Word templates hold only layout, loops and ifs, and a
secretary can restyle them without meeting any logic. The contract test
checks that each template uses exactly the fields its builder provides.
"""

from __future__ import annotations

import re
from datetime import date, time

from orsheet.agenda import Agenda, ScheduledItem
from orsheet.dutch import long_date
from orsheet.model import Action, Meeting

dutch_date = long_date  # "14 september 2023"


def _dotted(value: time | None) -> str:
    """10.00: the time notation of the council's documents (and of Dutch house style)."""
    return value.strftime("%H.%M") if value is not None else ""


def dotted_times(text: str) -> str:
    """"(10:00–11:30)" -> "(10.00–11.30)" in a message the rules wrote with colons."""
    return re.sub(r"\b(\d{1,2}):(\d{2})\b", r"\1.\2", text)


def meeting_date_time(meeting: Meeting) -> str:
    """"14 september 2023, 10.00 – 11.30 uur", as on the council's agendas."""
    text = dutch_date(meeting.date)
    if meeting.start and meeting.end:
        return f"{text}, {_dotted(meeting.start)} – {_dotted(meeting.end)} uur"
    if meeting.start:
        return f"{text}, {_dotted(meeting.start)} uur"
    return text


def _short_date(day: date | None) -> str:
    return day.strftime("%d-%m-%Y") if day else ""


def _meeting(meeting: Meeting) -> dict[str, str]:
    return {
        "kind": meeting.kind,
        "date": _short_date(meeting.date),
        "date_time": meeting_date_time(meeting),
        "chair": meeting.chair,
        "minute_taker": meeting.minute_taker,
        "location": meeting.location,
        "invited": meeting.invited,
    }


def duration(minutes: int | None) -> str:
    return f"{minutes} m" if minutes is not None else ""


def _action(action: Action) -> dict[str, str]:
    deadline = action.deadline.text or _short_date(action.deadline.date)
    return {
        "number": str(action.number) if action.number is not None else "",
        "subject": action.subject,
        "description": action.description,
        "owner": action.owner,
        "meeting": action.meeting_kind,
        "date": _short_date(action.date),
        "deadline": deadline,
        "status": action.status,
        "remarks": action.remarks,
    }


def total_text(agenda: Agenda) -> str:
    meeting = agenda.meeting
    text = f"Totaal {agenda.total_minutes} minuten: {_dotted(meeting.start)} – {_dotted(agenda.planned_end)}"
    if agenda.available_minutes is not None and not agenda.overrun_minutes:
        spare = agenda.available_minutes - agenda.total_minutes
        text += " (past precies)" if spare == 0 else f" ({spare} minuten speelruimte)"
    return text


def _agenda_item(item: ScheduledItem) -> dict[str, object]:
    return {
        "start": _dotted(item.start),
        "duration": duration(item.minutes),
        "number": item.number,
        "title": item.title,
        "who": item.who,
        "purpose": item.purpose,
        "note": item.note,
        "is_sub": item.is_sub,
    }


def agenda_context(agenda: Agenda, organisation: str = "Ondernemingsraad") -> dict[str, object]:
    """Context for ``templates/agenda.docx``."""
    return {
        "organisation": organisation,
        "meeting": _meeting(agenda.meeting),
        "items": [_agenda_item(item) for item in agenda.items],
        "total": total_text(agenda),
        "overrun": dotted_times(agenda.overrun_message),
        "actions": [_action(action) for action in agenda.actions],
    }


def _minutes_item(item: ScheduledItem) -> dict[str, object]:
    return {"number": item.number, "title": item.title, "note": item.note, "is_sub": item.is_sub}


def minutes_context(agenda: Agenda, organisation: str = "Ondernemingsraad") -> dict[str, object]:
    """Context for ``templates/minutes.docx``: the skeleton the notulist fills in."""
    return {
        "organisation": organisation,
        "meeting": _meeting(agenda.meeting),
        "items": [_minutes_item(item) for item in agenda.items],
        "actions": [_action(action) for action in agenda.actions],
    }
