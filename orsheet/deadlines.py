"""What a typed deadline means as a date (pure, no I/O).

Secretaries type deadlines the way they speak: "eind okt", "begin oktober",
"medio november", "na de zomer", "Q1", "week 43", "31-10". :func:`interpret`
turns such text into the date by which the action is due, relative to the
action's Datum (the day it was agreed): "eind okt" agreed on 2023-09-14 means
2023-10-31; agreed on 2023-11-02 it means 2024-10-31, since a deadline lies
after the day it was set. The typed text itself is never changed; callers
keep it next to the date. Text that is not understood gives ``None``.

Conventions (a deadline is the *last* day that is still on time):
``begin <maand>`` = the 10th, ``medio/half/midden <maand>`` = the 15th,
``eind <maand>`` or just ``<maand>`` = the last day; ``voor de zomer`` =
30 June, ``na de zomer`` = begin september (10 September); ``Q1`` = 31 March;
``week 43`` = the Friday of ISO week 43; ``voor de kerst`` = 24 December.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable
from datetime import date, timedelta

from orsheet.dutch import MONTH_NUMBERS, full_year
from orsheet.model import Deadline
from orsheet.schema import FIRST_DATE, LAST_DATE

_MONTH = "(?P<month>" + "|".join(sorted(MONTH_NUMBERS, key=len, reverse=True)) + r")\.?"
_YEAR = r"(?:\s+'?(?P<year>\d{4}|\d{2}))?"
_PART = r"(?P<part>begin|eind|einde|medio|half|halverwege|midden)"
_ORDINALS = {"eerste": 1, "tweede": 2, "derde": 3, "vierde": 4}
_SEASONS = {  # text -> (month, day): the deadline within the year
    r"(?:voor|vóór)\s+de\s+zomer(?:vakantie|reces)?": (6, 30),
    r"na\s+de\s+zomer(?:vakantie|reces)?": (9, 10),
    r"(?:voor|vóór)\s+de\s+kerst(?:vakantie|reces)?|voor\s+kerst": (12, 24),
    r"na\s+de\s+kerst(?:vakantie)?|na\s+nieuwjaar": (1, 10),
    r"(?:eind|einde)\s+(?:van\s+)?(?:het|dit)\s+jaar|jaareinde|eind\s+jaar": (12, 31),
}


def interpret(text: str, reference: date | None) -> date | None:
    """The date a typed deadline means, or None when it is not understood.

    ``reference`` is the action's Datum; without it only texts that carry
    their own year ("31-10-2023", "Q1 2024", "eind okt 2023") can be read.
    """
    cleaned = _clean(text)
    candidates = [cleaned]
    if re.match(r"(?:voor|vóór)\s+(?!de\b|kerst)", cleaned):  # "voor 31-10", not "voor de zomer"
        candidates.append(cleaned.split(None, 1)[1])
    for candidate in filter(None, candidates):
        for reader in _READERS:
            try:
                found = reader(candidate, reference)
            except (ValueError, OverflowError):  # e.g. 31-02: no such day; past the year 9999
                return None
            if found is not None:
                # A date Excel cannot hold ("eind 1023") is no deadline date: the text stays.
                return found if FIRST_DATE <= found <= LAST_DATE else None
    return None


def deadline_date(deadline: Deadline, reference: date | None) -> date | None:
    """The due date of an action's Deadline: the typed date, else the text read."""
    if deadline.date is not None:
        return deadline.date
    return interpret(deadline.text, reference)


def _clean(text: str) -> str:
    text = text.strip().casefold()  # str.split() below also splits on no-break spaces
    text = re.sub(r"^(?:uiterlijk|uiterl\.|per|in|rond|ongeveer|ca\.?|deadline:?)\s+(?=\S)", "", text)
    return " ".join(text.split())


def _year(match: re.Match[str]) -> int | None:
    raw = match.groupdict().get("year")
    if not raw:
        return None
    return full_year(raw)


def _next_on_or_after(make: Callable[[int], date], reference: date | None, year: int | None) -> date | None:
    """``make(year)`` for the given year, else the first one not before ``reference``."""
    if year is not None:
        return make(year)
    if reference is None:
        return None
    found = make(reference.year)
    if found < reference:
        found = make(reference.year + 1)
    return found


def _month_day(month: int, part: str | None) -> Callable[[int], date]:
    def make(year: int) -> date:
        last = calendar.monthrange(year, month)[1]
        day = {"begin": 10, "medio": 15, "half": 15, "halverwege": 15, "midden": 15}.get(part, last)
        return date(year, month, day)

    return make


def _read_iso(text: str, reference: date | None) -> date | None:
    match = re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})", text)
    return date(*map(int, match.groups())) if match else None


def _read_numeric(text: str, reference: date | None) -> date | None:
    match = re.fullmatch(r"(\d{1,2})[-/.](\d{1,2})(?:[-/.](\d{4}|\d{2}))?", text)
    if not match:
        return None
    day, month = int(match[1]), int(match[2])
    year = full_year(match[3]) if match[3] else None
    return _next_on_or_after(lambda y: date(y, month, day), reference, year)


def _read_day_month(text: str, reference: date | None) -> date | None:
    match = re.fullmatch(r"(?P<day>\d{1,2})\s+" + _MONTH + _YEAR, text)
    if not match:
        return None
    month, day = MONTH_NUMBERS[match["month"]], int(match["day"])
    return _next_on_or_after(lambda y: date(y, month, day), reference, _year(match))


def _read_month(text: str, reference: date | None) -> date | None:
    pattern = rf"(?:{_PART}\s+(?:van\s+)?)?(?:{_MONTH}\s*[/-]\s*)?{_MONTH.replace('month', 'last')}{_YEAR}"
    match = re.fullmatch(pattern, text)
    if not match:
        return None
    month = MONTH_NUMBERS[match["last"]]  # "oktober/november": the later month
    return _next_on_or_after(_month_day(month, match["part"]), reference, _year(match))


def _read_quarter(text: str, reference: date | None) -> date | None:
    match = re.fullmatch(r"(?:q|kw)\s*(?P<q>[1-4])" + _YEAR, text) or re.fullmatch(
        r"(?:(?P<q>[1-4])e|(?P<word>eerste|tweede|derde|vierde))\s+kwartaal" + _YEAR, text
    )
    if not match:
        return None
    quarter = int(match["q"]) if match["q"] else _ORDINALS[match["word"]]
    return _next_on_or_after(_month_day(quarter * 3, None), reference, _year(match))


def _read_week(text: str, reference: date | None) -> date | None:
    match = re.fullmatch(r"(?:week|wk|w)\s*(?P<week>\d{1,2})" + _YEAR, text)
    if not match:
        return None
    week = int(match["week"])

    def make(year: int) -> date:
        return date.fromisocalendar(year, week, 5)

    return _next_on_or_after(make, reference, _year(match))


def _read_season(text: str, reference: date | None) -> date | None:
    for pattern, (month, day) in _SEASONS.items():
        match = re.fullmatch(f"(?:{pattern}){_YEAR}", text)
        if match:
            return _next_on_or_after(lambda y, m=month, d=day: date(y, m, d), reference, _year(match))
    return None


def _read_year_part(text: str, reference: date | None) -> date | None:
    match = re.fullmatch(_PART + r"\s+(?P<year>\d{4})", text)
    if not match:
        return None
    year = int(match["year"])
    return {"begin": date(year, 1, 10), "eind": date(year, 12, 31), "einde": date(year, 12, 31)}.get(
        match["part"], date(year, 6, 30)
    )


def _read_relative(text: str, reference: date | None) -> date | None:
    if reference is None:
        return None
    friday = reference + timedelta(days=4 - reference.weekday())
    fixed = {"deze week": friday, "eind deze week": friday, "volgende week": friday + timedelta(days=7),
             "eind volgende week": friday + timedelta(days=7)}
    if text in fixed:
        return fixed[text]
    next_year = {"volgend jaar": (12, 31), "eind volgend jaar": (12, 31), "begin volgend jaar": (1, 10),
                 "medio volgend jaar": (6, 30)}
    if text in next_year:
        return date(reference.year + 1, *next_year[text])
    if text in ("volgende maand", "eind volgende maand"):
        year, month = divmod(reference.month, 12)
        return _month_day(month + 1, None)(reference.year + year)
    match = re.fullmatch(r"(?:over|binnen)\s+(\d{1,3})\s+(dag|dagen|week|weken|maand|maanden)", text)
    if not match:
        return None
    count, unit = int(match[1]), match[2]
    if unit.startswith("dag"):
        return reference + timedelta(days=count)
    if unit.startswith("we"):
        return reference + timedelta(weeks=count)
    year, month = divmod(reference.month - 1 + count, 12)
    last = calendar.monthrange(reference.year + year, month + 1)[1]
    return date(reference.year + year, month + 1, min(reference.day, last))


_READERS = (
    _read_iso,
    _read_numeric,
    _read_day_month,
    _read_month,
    _read_quarter,
    _read_week,
    _read_season,
    _read_year_part,
    _read_relative,
)
