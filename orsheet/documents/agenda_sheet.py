"""The generated ``Agenda`` sheet: the latest agenda, readable in the workbook itself.

OR members who only open the shared workbook see the agenda there. The
sheet is orsheet's own (written whole with ``ReplaceSheet``); nothing typed
on it is kept.
"""

from __future__ import annotations

from orsheet.agenda import Agenda
from orsheet.documents.agenda_context import meeting_date_time, total_text

AGENDA_SHEET = "Agenda"
HEADER = ["Tijd", "Nr", "Onderwerp", "Minuten", "Wie", "Doel", "Toelichting"]
WIDTHS = [8, 6, 44, 9, 16, 18, 60]


def agenda_sheet_rows(agenda: Agenda) -> list[list[object]]:
    """Title lines, the table of items with clock times, the total and any overrun."""
    meeting = agenda.meeting
    people = [
        f"{label}: {value}"
        for label, value in (("Voorzitter", meeting.chair), ("Notulist", meeting.minute_taker),
                             ("Locatie", meeting.location), ("Genodigd", meeting.invited))
        if value
    ]
    rows: list[list[object]] = [
        [f"Agenda {meeting.kind} {meeting_date_time(meeting)}"],
        ["  ·  ".join(people)],
        [],
        list(HEADER),
    ]
    for item in agenda.items:
        rows.append([item.start, item.number, item.title, item.minutes, item.who, item.purpose, item.note])
    rows += [[], ["", "", total_text(agenda), agenda.total_minutes]]
    if agenda.overrun_message:
        rows.append(["", "", agenda.overrun_message])
    return rows
