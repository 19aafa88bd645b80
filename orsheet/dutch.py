"""The Dutch words orsheet reads and writes: months, weekdays, meeting kinds, years, words.

One home for the vocabulary, so that every reader of typed text (deadlines,
the year plan, the agenda, the minutes, the Woo redaction) understands the same
words. Pure data and tiny lookups, no imports from the rest of orsheet; the only
file read is the word list shipped beside this module (:func:`is_word`).

Meeting kinds: a workbook names each kind of meeting in the Overleg/Soort
columns. The three canonical names are those of the seeds; secretaries type
many variants ("OV", "OV-vergadering", "formeel overleg", "informeel",
"IO"...). :func:`canonical_kind` maps every known variant to its canonical
name, and :func:`same_kind` compares two texts through it.
"""

from __future__ import annotations

import gzip
from datetime import date, time
from functools import cache
from pathlib import Path

__all__ = [
    "INFORMAL_MEETING",
    "KIND_CODES",
    "MEETING_KINDS",
    "MONTHS",
    "MONTH_NUMBERS",
    "OR_MEETING",
    "OV_MEETING",
    "WEEKDAYS",
    "WEEKDAYS_SHORT",
    "canonical_kind",
    "clock_time",
    "full_year",
    "is_word",
    "kind_code",
    "long_date",
    "month_number",
    "normal_kind_text",
    "same_kind",
    "short_day",
    "weekday_number",
]

# --- months -------------------------------------------------------------------

MONTHS = (
    "januari", "februari", "maart", "april", "mei", "juni",
    "juli", "augustus", "september", "oktober", "november", "december",
)  # fmt: skip

_MONTH_SPELLINGS = (  # every spelling besides the full name, per month
    ("jan", "january"),
    ("feb", "febr", "february"),
    ("mrt", "mar", "march"),
    ("apr",),
    ("may",),
    ("jun", "june"),
    ("jul", "july"),
    ("aug", "august"),
    ("sep", "sept"),
    ("okt", "oct", "october"),
    ("nov",),
    ("dec",),
)
MONTH_NUMBERS: dict[str, int] = {
    spelling: number
    for number, (name, others) in enumerate(zip(MONTHS, _MONTH_SPELLINGS), start=1)
    for spelling in (name, *others)
}
"""Month name or abbreviation (lower case, Dutch and the English ones Excel users type) -> 1..12."""


def month_number(text: str) -> int | None:
    """"okt", "Okt.", "oktober" -> 10; None for a word that is no month."""
    return MONTH_NUMBERS.get(text.strip().rstrip(".").casefold())


def long_date(day: date) -> str:
    """14 september 2023 (as on the council's agendas and minutes)."""
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


# --- weekdays -----------------------------------------------------------------

WEEKDAYS = ("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag")
WEEKDAYS_SHORT = ("ma", "di", "wo", "do", "vr", "za", "zo")


def weekday_number(text: str) -> int | None:
    """"do", "Do.", "donder", "donderdag" -> 3 (Monday is 0); None when not a weekday."""
    wanted = text.strip().rstrip(".").strip().casefold()
    if len(wanted) < 2:
        return None
    return next((index for index, name in enumerate(WEEKDAYS) if name.startswith(wanted)), None)


def short_day(day: date) -> str:
    """do 14-09-2023: the weekday and the date, as in the year plan's lists."""
    return f"{WEEKDAYS_SHORT[day.weekday()]} {day:%d-%m-%Y}"


def clock_time(value: time | None) -> str:
    """10:00 (hours and minutes, as typed in the sheets); "" for no time."""
    return f"{value:%H:%M}" if value is not None else ""


# --- years --------------------------------------------------------------------


def full_year(value: int | str) -> int:
    """A typed year: two digits mean this century ("24" -> 2024), four stay as they are."""
    year = int(value)
    return year + 2000 if year < 100 else year


# --- meeting kinds ------------------------------------------------------------

OR_MEETING = "OR-vergadering"
OV_MEETING = "Overlegvergadering"
INFORMAL_MEETING = "Informeel overleg"
MEETING_KINDS = (OR_MEETING, OV_MEETING, INFORMAL_MEETING)

KIND_CODES = {OR_MEETING: "OR", OV_MEETING: "OV", INFORMAL_MEETING: "IO"}
"""The short code of each kind, used in year-plan markers and calendar ids."""

_KIND_ALIASES = {  # normalised text (see normal_kind_text) -> canonical kind
    OR_MEETING: (
        "or", "or vergadering", "orvergadering", "ondernemingsraad", "ondernemingsraadvergadering",
        "vergadering ondernemingsraad",
    ),
    OV_MEETING: (
        "ov", "ov vergadering", "ovvergadering", "overlegvergadering", "overleg vergadering",
        "formeel overleg", "formele overleg", "formeel ov", "overlegvergadering met de bestuurder",
    ),
    INFORMAL_MEETING: (
        "io", "informeel", "informeel overleg", "informele overleg", "informeel ov", "informele ov",
        "informeel overleg bestuurder", "informeel overleg met de bestuurder",
    ),
}


def normal_kind_text(text: str) -> str:
    """Kind text folded for comparison: case, hyphens and spacing ignored."""
    return " ".join(text.replace("-", " ").split()).casefold()


_KIND_BY_TEXT: dict[str, str] = {
    normal_kind_text(alias): kind for kind, aliases in _KIND_ALIASES.items() for alias in (kind, *aliases)
}


def canonical_kind(text: str) -> str | None:
    """"OV-vergadering", "ov", "formeel overleg" -> "Overlegvergadering"; None for an unknown kind."""
    return _KIND_BY_TEXT.get(normal_kind_text(text))


def same_kind(text: str, kind: str) -> bool:
    """Do two Overleg/Soort texts mean the same kind of meeting?

    Known kinds compare through their aliases; other texts (a council's own
    "Werkgroep X") compare as folded text.
    """
    return (canonical_kind(text) or normal_kind_text(text)) == (canonical_kind(kind) or normal_kind_text(kind))


def kind_code(kind: str) -> str:
    """"OV-vergadering" (any alias, any case) -> "OV"; a kind orsheet does not know stays as typed."""
    known = canonical_kind(kind)
    return KIND_CODES[known] if known else kind.strip()


# --- words ---------------------------------------------------------------------

# The lower-case entries of the OpenTaal word list (built by orsheet.build.dutch_words):
# the common nouns, verbs and adjectives a name can also be ("Bakker", "Wil", "de Koning").
WORDS_FILE = Path(__file__).with_name("dutch_words.txt.gz")


@cache
def _words() -> bytes:
    """The sorted list as one block of bytes, each word after a line break."""
    return b"\n" + gzip.decompress(WORDS_FILE.read_bytes())


def _in_sorted_lines(data: bytes, word: bytes) -> bool:
    """Binary search for a line in sorted lines; cheaper than a set of 220 000 words for a few look-ups."""
    low, high = 1, len(data)  # both at the start of a line
    while low < high:
        start = data.rfind(b"\n", 0, (low + high) // 2) + 1  # the line around the middle
        end = data.find(b"\n", start)
        line = data[start:end]
        if line == word:
            return True
        low, high = (end + 1, high) if line < word else (low, start)
    return False


def is_word(text: str) -> bool:
    """Is ``text`` (any case) an ordinary Dutch word: "bakker", "Wil", "groot" yes; "Jansen", "Anna" no."""
    word = text.casefold()
    return bool(word) and "\n" not in word and _in_sorted_lines(_words(), word.encode("utf-8"))
