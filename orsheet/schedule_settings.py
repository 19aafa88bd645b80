"""Instellingen rows -> meeting series and free days for the year plan (pure).

Layout (two columns, one value per Waarde cell, so Excel keeps dates and
times typed)::

    Reeks 1 soort             OR-vergadering
    Reeks 1 weekdag           donderdag      (or "do")
    Reeks 1 eerste datum      04-01-2024
    Reeks 1 interval (weken)  2
    Reeks 1 begin             10:00
    Reeks 1 einde             11:30
    Reeks 1 locatie           Vergaderruimte 6.2.02
    Reeks 2 ...
    Vrije dagen               22-07-2024 t/m 30-08-2024 zomerreces; 27-12-2024

A series whose soort is empty is switched off. A workbook without any
"Reeks" rows gets the default series (:data:`orsheet.schema.DEFAULT_SERIES`).
Every bad value raises a Dutch :class:`CellError` naming the cell.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import Mapping

from orsheet import schema
from orsheet.errors import CellError, Location, OrsheetError, ProblemList, SheetError
from orsheet.dutch import MEETING_KINDS, canonical_kind, weekday_number
from orsheet.model import Setting
from orsheet.parsing import clean_text, is_blank, parse_date, parse_int, parse_time
from orsheet.schedule import Series

_SERIES_KEY = re.compile(r"^reeks\s+(\d+)\s+(.+)$", re.IGNORECASE)
_DATE = r"\d{1,2}-\d{1,2}-\d{4}|\d{4}-\d{1,2}-\d{1,2}|\d{1,2}/\d{1,2}/\d{4}"
_FREE_ENTRY = re.compile(rf"^({_DATE})(?:\s*(?:t/m|tot en met|tot|–|-)\s*({_DATE}))?\s*[:,]?\s*(.*)$", re.IGNORECASE)
FREE_DAY_NAME = "vrije dag"


def _value_location(setting: Setting) -> Location:
    return Location(schema.SETTINGS.name, setting.row, 2, "Waarde")


def _label_location(setting: Setting) -> Location:
    return Location(schema.SETTINGS.name, setting.row, 1, "Instelling")


def default_settings() -> dict[str, Setting]:
    """The default settings as if read from a fresh workbook (no rows)."""
    return {key: Setting(key, value) for key, value in schema.DEFAULT_SETTINGS}


def series_from_settings(settings: Mapping[str, Setting]) -> list[Series]:
    """Every switched-on series, in number order; defaults when none is set up."""
    blocks: dict[int, dict[str, Setting]] = {}
    for key, setting in settings.items():
        match = _SERIES_KEY.match(key.strip())
        if match is None:
            continue
        number, field = int(match.group(1)), " ".join(match.group(2).split()).casefold()
        if field not in schema.SERIES_FIELDS:
            known = ", ".join(schema.SERIES_FIELDS)
            raise CellError(f'"{key}" is geen bekende instelling voor een reeks (wel: {known})', _label_location(setting))
        blocks.setdefault(number, {})[field] = setting
    if not blocks:
        return series_from_settings(default_settings())
    series, problems = [], []
    for number, fields in sorted(blocks.items()):
        try:
            series.append(_series(number, fields))
        except OrsheetError as problem:  # report every broken series at once
            problems.append(problem)
    if len(problems) == 1:
        raise problems[0]
    if problems:
        raise ProblemList(problems, "De vergaderreeksen in Instellingen bevatten fouten")
    return [one for one in series if one is not None]


def _series(number: int, fields: dict[str, Setting]) -> Series | None:
    kind_setting = fields.get("soort")
    if kind_setting is None or is_blank(kind_setting.value):
        return None  # switched off
    _, weekdag, eerste, interval, begin, einde, locatie = schema.SERIES_FIELDS

    def field(name: str) -> Setting:
        if name not in fields:
            label = schema.series_setting(number, name)
            raise SheetError(f'instelling "{label}" ontbreekt; voeg een rij toe in kolom Instelling')
        return fields[name]

    start_setting, end_setting = field(begin), field(einde)
    start = parse_time(start_setting.value, _value_location(start_setting), required=True)
    end = parse_time(end_setting.value, _value_location(end_setting), required=True)
    if end <= start:  # type: ignore[operator]
        raise CellError(f"einde ({end:%H:%M}) moet na begin ({start:%H:%M}) liggen", _value_location(end_setting))
    location = fields.get(locatie)
    return Series(
        number=number,
        kind=parse_kind(kind_setting.value, _value_location(kind_setting)),
        weekday=parse_weekday(field(weekdag).value, _value_location(field(weekdag))),
        first=parse_date(field(eerste).value, _value_location(field(eerste)), required=True),  # type: ignore[arg-type]
        interval_weeks=parse_interval(field(interval).value, _value_location(field(interval))),
        start=start,  # type: ignore[arg-type]
        end=end,  # type: ignore[arg-type]
        location=clean_text(location.value) if location else "",
    )


def parse_kind(value: object, location: Location) -> str:
    text = clean_text(value)
    kind = canonical_kind(text)
    if kind is not None:
        return kind
    known = ", ".join(MEETING_KINDS)
    raise CellError(f'soort "{text}" ken ik niet (kies uit: {known})', location)


def parse_weekday(value: object, location: Location) -> int:
    """"do", "Do.", "donderdag" -> 3 (Monday is 0)."""
    text = clean_text(value)
    weekday = weekday_number(text)
    if weekday is not None:
        return weekday
    raise CellError(f'"{text}" is geen weekdag (schrijf bijvoorbeeld do of donderdag)', location)


def parse_interval(value: object, location: Location) -> int:
    weeks = parse_int(value, location, required=True, what="interval in weken")
    if weeks is None or not 1 <= weeks <= MAX_INTERVAL_WEEKS:
        raise CellError(f"interval moet 1 tot en met {MAX_INTERVAL_WEEKS} weken zijn, niet {weeks}", location)
    return weeks


MAX_INTERVAL_WEEKS = 52  # a series meets at least once a year


def days_off_from_settings(settings: Mapping[str, Setting]) -> dict[date, str]:
    """The days listed in "Vrije dagen", each with its name ("vrije dag" when none is given)."""
    setting = settings.get(schema.SETTING_FREE_DAYS)
    if setting is None or is_blank(setting.value):
        return {}
    location = _value_location(setting)
    if not isinstance(setting.value, str):  # Excel turned a single typed date into a date
        return {parse_date(setting.value, location, required=True): FREE_DAY_NAME}  # type: ignore[dict-item]
    days: dict[date, str] = {}
    for entry in re.split(r"[;\n]+", setting.value):
        if entry.strip():
            days.update(_free_period(entry.strip(), location))
    return days


def _free_period(entry: str, location: Location) -> dict[date, str]:
    match = _FREE_ENTRY.match(entry)
    if match is None:
        raise CellError(
            f'"{entry}" begrijp ik niet; schrijf bijvoorbeeld "22-07-2024 t/m 30-08-2024 zomerreces"', location
        )
    first = parse_date(match.group(1), location, required=True)
    last = parse_date(match.group(2), location) if match.group(2) else first
    if last < first:  # type: ignore[operator]
        raise CellError(f'in "{entry}" ligt de einddatum voor de begindatum', location)
    name = match.group(3).strip().strip("()") or FREE_DAY_NAME
    count = (last - first).days + 1  # type: ignore[operator]
    return {first + timedelta(days=offset): name for offset in range(count)}  # type: ignore[operator]
