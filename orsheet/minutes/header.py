"""The top of the minutes: meeting date, meeting kind, headings' titles (pure)."""

from __future__ import annotations

import re
from datetime import date

from orsheet.deadlines import interpret
from orsheet.minutes.proposal import Paragraph
from orsheet.minutes.text import normalise
from orsheet.minutes.vocabulary import MONTH_WORDS

__all__ = ["heading_title", "meeting_date_in", "meeting_kind_in"]

_HEADING_NUMBER = re.compile(r"^\s*(?:\d+(?:\.\d+)*\.?|[A-Z]\.|[IVX]+\.)\s+")


def heading_title(text: str) -> str:
    """'5.1 Organisatie en besturing' -> 'Organisatie en besturing'."""
    title = normalise(text).strip(" :")
    return _HEADING_NUMBER.sub("", title).strip() or title


_WRITTEN_DATE = re.compile(rf"\b\d{{1,2}}\s+(?:{'|'.join(MONTH_WORDS)})\.?\s+\d{{4}}\b", re.IGNORECASE)
# Dotted numbers only with a four-digit year: "6.2.02" is a room, not a date.
_NUMERIC_DATE = re.compile(r"\b\d{1,2}(?:[-/]\d{1,2}[-/](?:\d{4}|\d{2})|\.\d{1,2}\.\d{4})\b")
_MEETING_LINE = re.compile(r"(?i)vergader|verslag|notulen|bijeenkomst|overleg")


def meeting_date_in(paragraphs: list[Paragraph]) -> date | None:
    """The meeting date the minutes state near the top ("Vergaderdatum: 12 oktober 2023").

    A line naming the meeting wins over a letterhead "Datum" (the report's date).
    """
    head = [normalise(p.text) for p in paragraphs[:15]]
    ordered = [t for t in head if _MEETING_LINE.search(t)] + [t for t in head if re.search(r"(?i)datum", t)] + head
    for text in ordered:
        for match in [*_WRITTEN_DATE.finditer(text), *_NUMERIC_DATE.finditer(text)]:
            found = interpret(match.group().replace(".", "-"), None)
            if found is not None:
                return found
    return None


# The kinds a header names, most specific first: (pattern, the kind's usual name).
_KINDS = (
    (r"informeel\s+overleg|\bIO\b", "Informeel overleg"),
    (r"overlegvergadering|\bOV\b(?:[- ]vergadering)?", "Overlegvergadering"),
    (r"\bGMR\b|gemeenschappelijke\s+medezeggenschapsraad", "GMR"),
    (r"\bCOR\b|centrale\s+ondernemingsraad", "COR"),
    (r"\bMR\b|medezeggenschapsraad", "MR"),
    (r"\bOR[- ]vergadering|\bOR\b|ondernemingsraad", "OR-vergadering"),
)


def meeting_kind_in(paragraphs: list[Paragraph]) -> str:
    """The kind of meeting the first lines name ("Verslag OR-Vergadering"), or ""."""
    for paragraph in paragraphs[:4]:
        text = normalise(paragraph.text)
        if not re.search(r"(?i)vergader|verslag|notulen|overleg|bijeenkomst", text):
            continue
        for pattern, kind in _KINDS:
            if re.search(pattern, text, re.IGNORECASE if not pattern.startswith(r"\b") else 0):
                return kind
    return ""
