"""Golden files for the year plan's outputs: the Dutch overview and the .ics text.

Regenerate after an intended change with ``ORSHEET_UPDATE_GOLDEN=1 pytest tests/test_schedule_golden.py``
and review the diff.
"""

from __future__ import annotations

import os
from datetime import date, datetime, time, timezone
from pathlib import Path

from orsheet.documents.calendar import calendar_bytes
from orsheet.model import INFORMAL_MEETING, OR_MEETING, OV_MEETING, Meeting
from orsheet.schedule import propose_year
from orsheet.schedule_text import overview_text
from tests.test_schedule_plan import DEFAULT_SERIES, HOLIDAYS_2024

GOLDEN = Path(__file__).parent / "golden" / "schedule"


def check_golden(name: str, text: str) -> None:
    path = GOLDEN / name
    if os.environ.get("ORSHEET_UPDATE_GOLDEN"):
        path.write_text(text, encoding="utf-8", newline="\n")
    assert text == path.read_text(encoding="utf-8")


def test_overview_2024_with_defaults_matches_the_golden_text():
    plan = propose_year(DEFAULT_SERIES, 2024, HOLIDAYS_2024)
    check_golden("overview-2024.txt", overview_text(2024, plan, HOLIDAYS_2024) + "\n")


def test_ics_of_a_spring_fortnight_matches_the_golden_text():
    meetings = [
        Meeting(date(2024, 3, 28), OR_MEETING, time(10), time(11, 30), "Vergaderruimte 6.2.02"),
        Meeting(date(2024, 3, 28), INFORMAL_MEETING, time(16), time(16, 45), "Vergaderruimte 4.3.07"),
        Meeting(date(2024, 4, 11), OR_MEETING, time(10), time(11, 30), "Vergaderruimte 6.2.02", chair="Voorzitter"),
        Meeting(date(2024, 4, 11), OV_MEETING, time(14), time(15, 30), "Vergaderruimte 4.3.07", remark="geschrapt"),
    ]
    data = calendar_bytes(meetings, "Ondernemingsraad", now=datetime(2024, 3, 1, 12, tzinfo=timezone.utc))
    check_golden("spring-2024.ics", data.decode("utf-8").replace("\r\n", "\n"))
