"""Cell values as Excel holds them (through xlwings) and as every orsheet backend gives them."""

from __future__ import annotations

from datetime import datetime, time
from typing import Any

from orsheet.schema import EXCEL_TIME_ONLY_DAYS as _TIME_ONLY_DAYS
from orsheet.workbook.base import Value

_BOOLEAN_WORDS = {"true", "false", "waar", "onwaar"}


def from_excel(value: Any) -> Value:
    """Excel's value as the other backends give it: ints, dates and times, None for empty."""
    if value is None or value == "":
        return None
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, datetime):
        if value.date() in _TIME_ONLY_DAYS:
            return value.time()
        if value.time() == time(0):
            return value.date()
    return value


def to_excel(value: Value) -> Any:
    """A value as Excel must receive it so that it stays what it is."""
    if isinstance(value, str):
        # Excel turns typed-looking text into formulas, numbers, dates or booleans ("6.1",
        # "10:00", "=x"); a leading apostrophe keeps it text and is not part of the value.
        if value and (value[0] in "=+-@'" or value[0].isdigit() or value.casefold() in _BOOLEAN_WORDS):
            return "'" + value
        return value
    if isinstance(value, time):
        return (value.hour * 3600 + value.minute * 60 + value.second) / 86400
    return value


def same_value(old: Value, new: Value) -> bool:
    """Whether a cell holding ``old`` already holds ``new`` (1 and 1.0 alike; 1 and True not)."""
    old, new = from_excel(old), from_excel(new)
    if _is_number(old) and _is_number(new):
        return old == new
    return type(old) is type(new) and old == new


def _is_number(value: Value) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)
