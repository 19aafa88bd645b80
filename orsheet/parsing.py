"""Turn what users type into cells into Python values, once, at the edge.

Every parser takes the raw cell value (as a backend returns it) and the
cell's :class:`~orsheet.errors.Location`, and either returns a clean value or
raises a :class:`~orsheet.errors.CellError` with a Dutch message. Text that
is allowed to be free (a deadline like "eind okt") is kept, never rejected.
"""

from __future__ import annotations

import re
from datetime import date, datetime, time, timedelta

from orsheet.dutch import full_year
from orsheet.errors import CellError, Location
from orsheet.model import Deadline
from orsheet.schema import EXCEL_EPOCH, FIRST_DATE, FIRST_DATE_1904, LAST_DATE, MAX_ACTION_NUMBER

# Serial numbers that can be real dates in a council's records (1950..2100).
_SERIAL_RANGE = (18264, 73051)

_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?$")
_DUTCH = re.compile(r"^(\d{1,2})-(\d{1,2})-(\d{2}|\d{4})$")  # 26-10-2023
_DOTTED = re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{2}|\d{4})$")  # 26.10.2023 / 14.09.23
_SLASHED = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{2}|\d{4})$")  # US 10/26/2023 (Excel US export)
_TIME = re.compile(r"^(\d{1,2})[:.](\d{2})(?:[:.](\d{2}))?(?:\s*uur)?$")


def dutch_date(value: date) -> str:
    """26-10-2023; the year always in four digits (strftime writes year 1 as "1")."""
    return f"{value.day:02d}-{value.month:02d}-{value.year:04d}"


def clean_text(value: object) -> str:
    """Cell value as text: None -> "", numbers without a spurious ".0", TRUE/FALSE as Dutch Excel shows them."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "WAAR" if value else "ONWAAR"
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:  # 1e300: as Excel shows it, not 301 digits
        return str(int(value))
    if isinstance(value, datetime):
        return dutch_date(value) + (value.strftime(" %H:%M") if value.time() != time() else "")
    if isinstance(value, date):
        return dutch_date(value)
    return str(value).strip()


def is_blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _make_date(year: int, month: int, day: int, raw: object, location: Location) -> date:
    try:
        made = date(year, month, day)
    except ValueError:
        raise CellError(f'datum "{raw}" bestaat niet', location) from None
    return _in_excel(made, raw, location)


def date_range_problem(value: date, date1904: bool = False) -> str | None:
    """Why Excel cannot hold ``value`` as a date (Dutch), or None when it can.

    Excel stores a date as the number of days since the start of the workbook's
    date system: before 1900 (a 1904 workbook: 1904) the number is negative and
    Excel shows "#####", the first days after it do not come back as written
    (``schema.FIRST_DATE``); after 31-12-9999 Excel has no date at all.
    """
    first = FIRST_DATE_1904 if date1904 else FIRST_DATE
    if isinstance(value, datetime):
        value = value.date()
    if value < first:
        system = " in een werkmap met het datumsysteem 1904" if date1904 else ""
        return f"ligt voor {dutch_date(first)}; eerdere datums bewaart Excel{system} niet betrouwbaar"
    if value > LAST_DATE:
        return f"ligt na {dutch_date(LAST_DATE)}, de laatste datum die Excel kent"
    return None


class DateOutOfRange(CellError):
    """A real date that Excel cannot hold (before 1900, after 9999)."""


def _in_excel(value: date, raw: object, location: Location) -> date:
    problem = date_range_problem(value)
    if problem:
        raise DateOutOfRange(f'datum "{clean_text(raw)}" {problem}', location)
    return value


def _date_from_text(text: str, raw: object, location: Location) -> date | None:
    """A date written as text, or None when the text is not date-shaped."""
    if match := _ISO.match(text):
        year, month, day = (int(g) for g in match.groups())
        return _make_date(year, month, day, raw, location)
    if match := _DUTCH.match(text) or _DOTTED.match(text):
        day, month, year = match.groups()
        return _make_date(full_year(year), int(month), int(day), raw, location)
    if match := _SLASHED.match(text):
        first, second, year = (int(g) if i < 2 else full_year(g) for i, g in enumerate(match.groups()))
        # Excel's US export writes m/d/yyyy (the seeds: 10/26/2023). A first
        # number above 12 can only be a day, so d/m/yyyy is understood too.
        if first > 12 >= second:
            return _make_date(year, second, first, raw, location)
        return _make_date(year, first, second, raw, location)
    return None


def parse_date(value: object, location: Location, *, required: bool = False) -> date | None:
    """A real date from a date cell, an Excel serial number or typed text."""
    if is_blank(value):
        if required:
            raise CellError("datum ontbreekt", location)
        return None
    if isinstance(value, datetime):
        return _in_excel(value.date(), value, location)
    if isinstance(value, date):
        return _in_excel(value, value, location)
    if isinstance(value, bool):
        raise CellError(f'"{value}" is geen datum', location)
    if isinstance(value, time):  # a time alone (a date cell holding a day fraction shows 00-01-1900)
        raise CellError(f'"{value:%H:%M}" is een tijd, geen datum (schrijf bijvoorbeeld 26-10-2023)', location)
    if isinstance(value, (int, float)):
        if _SERIAL_RANGE[0] <= value <= _SERIAL_RANGE[1]:
            return EXCEL_EPOCH.date() + timedelta(days=int(value))
        problem = serial_problem(value)
        raise CellError(f'"{clean_text(value)}" is geen datum' + (f" ({problem})" if problem else ""), location)
    text = str(value).strip()
    parsed = _date_from_text(text, value, location)
    if parsed is None:
        raise CellError(f'"{text}" is geen datum (schrijf bijvoorbeeld 26-10-2023)', location)
    return parsed


_LAST_SERIAL = (LAST_DATE - EXCEL_EPOCH.date()).days  # 2 958 465: 31-12-9999


def serial_problem(value: float) -> str | None:
    """Why a number is no date in any Excel cell (Dutch), or None: a date-formatted cell shows it as
    "#####" (a negative number, or one past 31-12-9999), and a reader sees only the number."""
    if value < 0:
        return "een negatief getal, dat Excel in een datumcel als ##### toont"
    if not value <= _LAST_SERIAL:
        return f"een getal voorbij {dutch_date(LAST_DATE)}, dat Excel in een datumcel als ##### toont"
    return None


def date_text_problem(text: str, location: Location) -> CellError | None:
    """Why a text written like a date is not one ("31-02-2023", "07-03-1023"), or None: for
    a real date and for text that is not date-shaped ("eind okt"). A deadline keeps such text."""
    try:
        _date_from_text(text.strip(), text, location)
    except CellError as error:
        return error
    return None


def parse_deadline(value: object, location: Location) -> Deadline:
    """A deadline: a date where it is one, else the text exactly as typed."""
    if is_blank(value):
        return Deadline()
    if isinstance(value, (date, int, float)) and not isinstance(value, bool):
        try:
            return Deadline(date=parse_date(value, location))
        except CellError:
            return Deadline(text=clean_text(value))
    text = str(value).strip()
    try:
        parsed = _date_from_text(text, value, location)
    except CellError:
        parsed = None  # "31-02-2023" in a free-text column: keep it as typed
    return Deadline(date=parsed) if parsed else Deadline(text=text)


def parse_int(value: object, location: Location, *, required: bool = False, what: str = "nummer") -> int | None:
    """A whole number; "12" and 12.0 are fine, "abc" and 1.5 are not."""
    if is_blank(value):
        if required:
            raise CellError(f"{what} ontbreekt", location)
        return None
    if isinstance(value, bool):
        raise CellError(f'"{value}" is geen geheel getal', location)
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        if value.is_integer():
            return int(value)
        raise CellError(f'"{value}" is geen geheel getal', location)
    text = str(value).strip()
    if re.fullmatch(r"[+-]?\d+", text):
        return int(text)
    if re.fullmatch(r"[+-]?\d+[.,]0+", text):
        return int(re.split(r"[.,]", text)[0])
    raise CellError(f'"{text}" is geen geheel getal', location)


def parse_action_number(value: object, location: Location, *, required: bool = False,
                        what: str = "nummer") -> int | None:
    """An action number (Nr, "Laatste nummer"): a whole number of at most nine digits.

    Excel keeps numbers as doubles, exact to 15 digits: a longer number is not
    the number that was typed, and the next number after it may equal it. Zero
    and negative numbers are read (``rules`` reports them where they matter).
    """
    number = parse_int(value, location, required=required, what=what)
    if number is not None and abs(number) > MAX_ACTION_NUMBER:
        highest = f"{MAX_ACTION_NUMBER:,}".replace(",", ".")
        # A number beyond a double's exact digits is shown as Excel shows it (1E+20), not as 21 digits.
        shown = f"{value:.15G}" if isinstance(value, float) and abs(value) >= 1e15 else clean_text(value)
        raise CellError(f"{what} {shown} is te groot; een actienummer heeft hoogstens negen cijfers "
                        f"(tot en met {highest})", location)
    return number


def parse_minutes(value: object, location: Location) -> int | None:
    """A duration in minutes: 15, "15", "15 m", "15 min"; empty means none."""
    if isinstance(value, str):
        match = re.fullmatch(r"\s*(\d+)\s*(m|min|minuten)?\.?\s*", value, re.IGNORECASE)
        if match:
            value = match.group(1)
    minutes = parse_int(value, location, what="aantal minuten")
    if minutes is not None and minutes < 0:
        raise CellError(f"aantal minuten ({minutes}) kan niet negatief zijn", location)
    return minutes


def parse_time(value: object, location: Location, *, required: bool = False) -> time | None:
    """A clock time: a time cell, a day fraction, "10:00", "10.00" or "10.00 uur"."""
    if is_blank(value):
        if required:
            raise CellError("tijd ontbreekt", location)
        return None
    if isinstance(value, datetime):
        return value.time().replace(microsecond=0)
    if isinstance(value, time):
        return value.replace(microsecond=0)
    if isinstance(value, float) and 0 <= value < 1:
        seconds = round(value * 24 * 3600)
        return time(seconds // 3600, seconds % 3600 // 60)
    text = clean_text(value)
    match = _TIME.match(text)
    if match:
        hours, minutes = int(match.group(1)), int(match.group(2))
        if hours < 24 and minutes < 60:
            return time(hours, minutes)
    raise CellError(f'"{text}" is geen tijd (schrijf bijvoorbeeld 10:00)', location)


def parse_yes_no(value: object, location: Location) -> bool:
    text = clean_text(value).casefold()
    if text in ("ja", "j", "yes", "y", "true", "waar", "1", "x"):
        return True
    if text in ("", "nee", "n", "no", "false", "onwaar", "0"):
        return False
    raise CellError(f'"{clean_text(value)}" is geen ja of nee', location)


# -- fast paths ---------------------------------------------------------------
# Reading ten years of history means ~150 000 cells. Most arrive already as
# the right Python type (calamine gives dates as ``date``, numbers as
# integral ``float``), so these return the parsed value straight away for
# those types and ``UNDECIDED`` for anything else; the caller then runs the
# full parser above, with a Location, which gives the same value or the
# same error. Each fast path returns exactly what its parser would.

UNDECIDED = object()


def fast_text(value: object) -> object:
    if value is None:
        return ""
    if type(value) is str:
        return value.strip()
    return clean_text(value)  # never raises


def fast_action_number(value: object) -> object:
    if type(value) is float and value.is_integer() and -MAX_ACTION_NUMBER <= value <= MAX_ACTION_NUMBER:
        return int(value)
    if value is None:
        return None
    if type(value) is int and -MAX_ACTION_NUMBER <= value <= MAX_ACTION_NUMBER:
        return value
    return UNDECIDED


def fast_date(value: object) -> object:
    if type(value) is date and value >= FIRST_DATE:
        return value
    if value is None:
        return None
    if type(value) is datetime and (day := value.date()) >= FIRST_DATE:
        return day
    return UNDECIDED


def fast_required_date(value: object) -> object:
    return value if type(value) is date and value >= FIRST_DATE else UNDECIDED


def fast_deadline(value: object) -> object:
    if value is None:
        return _NO_DEADLINE
    if type(value) is date and value >= FIRST_DATE:
        return Deadline(date=value)
    if type(value) is str:
        text = value.strip()
        if not text:
            return _NO_DEADLINE
        if not text[0].isdigit():  # every date pattern starts with a digit: free text
            return Deadline(text=text)
    return UNDECIDED


def fast_time(value: object) -> object:
    if type(value) is time and not value.microsecond:
        return value
    if value is None:
        return None
    return UNDECIDED


def fast_minutes(value: object) -> object:
    if type(value) is float and value.is_integer() and value >= 0:
        return int(value)
    if value is None:
        return None
    return UNDECIDED


def undecided(value: object) -> object:
    """For small sheets: always run the full parser."""
    return UNDECIDED


_NO_DEADLINE = Deadline()
