"""The top of the minutes: meeting date, meeting kind, headings' titles (pure)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date

from orsheet.deadlines import interpret
from orsheet.dutch import same_kind
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
# Dotted numbers only with a four-digit year: "6.2.02" is a room, not a date. ISO dates
# ("2023-10-26") as the CLI and many templates write them.
_NUMERIC_DATE = re.compile(r"\b(?:\d{1,2}(?:[-/]\d{1,2}[-/](?:\d{4}|\d{2})|\.\d{1,2}\.\d{4})|\d{4}-\d{1,2}-\d{1,2})\b")
_MEETING_LINE = re.compile(r"(?i)vergader|verslag|notulen|bijeenkomst|overleg")


def meeting_date_in(paragraphs: list[Paragraph]) -> date | None:
    """The meeting date the minutes state near the top ("Vergaderdatum: 12 oktober 2023").

    A line naming the meeting wins over a letterhead "Datum" (the report's date).
    """
    head = [normalise(p.text) for p in paragraphs[:15]]
    ordered = [t for t in head if _MEETING_LINE.search(t)] + [t for t in head if re.search(r"(?i)datum", t)] + head
    for text in ordered:
        for match in [*_WRITTEN_DATE.finditer(text), *_NUMERIC_DATE.finditer(text)]:
            found = interpret(match.group(), None)  # it reads "12.10.2023" and "12 okt. 2023" alike
            if found is not None:
                return found
    return None


def meeting_kind_in(paragraphs: list[Paragraph], known: Sequence[str]) -> str:
    """The kind in ``known`` the first lines name ("Verslag OR-Vergadering", "Notulen MR"), or "".

    Any run of up to five words of a title line is compared with each known
    kind through its aliases ("OV", "overlegvergadering", "informeel overleg").
    The longest run wins: "informeel overleg" over "overleg".
    """
    for paragraph in paragraphs[:4]:
        words = re.findall(r"[\w&-]+", normalise(paragraph.text))
        runs = [" ".join(words[i : i + n]) for n in (5, 4, 3, 2, 1) for i in range(len(words) - n + 1)]
        for run in runs:
            found = next((kind for kind in known if same_kind(run, kind)), None)
            if found:
                return found
    return ""
