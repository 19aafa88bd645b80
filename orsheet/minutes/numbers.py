"""Action numbers in a sentence and whether the sentence reports them done (pure)."""

from __future__ import annotations

import re

from orsheet.minutes.vocabulary import MONTH_WORDS

_ACTION_WORD = re.compile(
    r"\b(?:actie|acties|actiepunt|actiepunten|actienummer|actienummers|actienr)\b\.?\s*"
    r"(?:(?:nr|nrs|nummer|nummers|no)\b\.?\s*)?",
    re.IGNORECASE,
)
_NUMBER = re.compile(r"#?(\d{1,6})(?![\d])")
_RANGE_SEPARATOR = re.compile(r"\s*(?:t/m|tm|tot en met|tot|-|–|—)\s*", re.IGNORECASE)
_LIST_SEPARATOR = re.compile(r"\s*(?:,|;|&|/|\ben\b|\bof\b)\s*", re.IGNORECASE)
_FULL_DATE = re.compile(r"\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}\b")
_NOT_AN_ACTION = re.compile(
    rf"\s*(?:[.:]\d|(?:{'|'.join(MONTH_WORDS)})\b|uur\b|u\b|%|minuten\b|min\b|euro\b|jaar\b|dagen\b|weken\b)",
    re.IGNORECASE,
)


RANGE_LIMIT = 100  # "341 t/m 345" spans at most this many numbers; a longer span is a typo or a date


class RangeRefused(ValueError):
    """ "Acties 100 t/m 300 zijn afgerond": too many numbers to close on one word."""


def number_list_at(text: str, position: int) -> tuple[list[int], int]:
    """Numbers listed from ``position`` ("325, 330 en 338", "341 t/m 345").

    Returns the numbers and where the list ends. Dates ("13 oktober",
    "12-10-2023"), times and amounts end the list and are not numbers. A
    range that runs backwards or over :data:`RANGE_LIMIT` numbers raises
    :class:`RangeRefused` (cutting it to its first number would close the
    wrong action).
    """
    numbers: list[int] = []
    cursor = position
    while True:
        match = _NUMBER.match(text, cursor)
        if not match or _NOT_AN_ACTION.match(text, match.end()) or _FULL_DATE.match(text, match.start()):
            break
        value = int(match.group(1))
        after = match.end()
        range_match = _RANGE_SEPARATOR.match(text, after)
        end_match = _NUMBER.match(text, range_match.end()) if range_match else None
        if end_match and not _NOT_AN_ACTION.match(text, end_match.end()):
            last = int(end_match.group(1))
            if not value < last <= value + RANGE_LIMIT:
                raise RangeRefused(text[match.start() : end_match.end()])
            numbers.extend(range(value, last + 1))
            after = end_match.end()
        else:
            numbers.append(value)
        cursor = after
        separator = _LIST_SEPARATOR.match(text, cursor)
        if not separator or not _NUMBER.match(text, separator.end()):
            break
        cursor = separator.end()
    return numbers, cursor


_DONE = re.compile(
    r"\b(?:afgerond|afgehandeld|gereed|klaar|uitgevoerd|voltooid|vervallen|vervalt|gesloten|afgesloten|"
    r"afgevoerd|afgeboekt|gedaan|done|(?:is|zijn) af|(?:kan|kunnen|mag|mogen)(?: \w+){0,2} van de (?:actie)?lijst)\b",
    re.IGNORECASE,
)
_NOT_DONE = re.compile(
    r"\b(?:niet|nog niet|geen|nog open|loopt nog|lopen nog|blijft|blijven|staat nog|staan nog)\b", re.IGNORECASE
)
# Done some time ahead, in the done word's own clause: "meldt dat de evaluatie in maart klaar is",
# "wordt volgende week afgerond" ("141 - ... wordt uitgerold: gereed." describes the action, then its status).
_AHEAD = re.compile(
    rf"\b(?:zal|zullen|verwacht|verwachten|binnenkort|volgende|in (?:{'|'.join(MONTH_WORDS)}))\b[^,;:]*$",
    re.IGNORECASE,
)
# "Actie 12 wordt afgerond" is work still going on; "Actie 12 wordt afgesloten" the meeting closing it.
_BEING = re.compile(r"\bwordt\b[^,;:]*$", re.IGNORECASE)
_COMPLETION = frozenset({"afgerond", "afgehandeld", "uitgevoerd", "klaar", "gereed", "voltooid", "gedaan"})


def _ahead(before: str, done_word: str) -> bool:
    """Is the done word's clause about later ("in maart klaar", "wordt volgende week afgerond")?"""
    return bool(_AHEAD.search(before)) or bool(_BEING.search(before)) and done_word.casefold() in _COMPLETION


_DONE_LABEL = re.compile(r"^\s*(?:afgerond|afgehandeld|gereed|vervallen)\s*(?::|zijn|is)?\s*", re.IGNORECASE)


_DIGIT = re.compile(r"\d")


def closed_numbers(sentence: str) -> list[int]:
    """Action numbers a sentence reports as done ("Acties 325 en 330 zijn afgerond").

    A question ("Actie 330 afgerond?") reports nothing; a refused range
    (see :func:`number_list_at`) raises :class:`RangeRefused`.
    """
    if sentence.rstrip().endswith("?") or not _DIGIT.search(sentence):
        return []  # a question reports nothing; without a digit there is no number to close (a quick test)
    items = _status_items(sentence)
    if items is not None:
        return items
    lists = _number_lists(sentence)
    closes = [False] * len(lists)
    for index in reversed(range(len(lists))):  # a list joined to the next one shares its verdict
        _, start, end = lists[index]
        if index + 1 < len(lists):
            after = sentence[end : lists[index + 1][1]]
            closes[index] = _says_done(after, sentence[:start]) or (closes[index + 1] and bool(_JOINED.fullmatch(after)))
        else:
            closes[index] = _says_done(sentence[end:], sentence[:start])
    found = [number for (numbers, _, _), done in zip(lists, closes) if done for number in numbers]
    return list(dict.fromkeys(found))


# "Actiepunten vorige vergadering: 3 gereed, 5 loopt nog, 6 gereed.": a status per number after a label.
_STATUS_LABEL = re.compile(r"^\s*(?:openstaande\s+|lopende\s+)?" + _ACTION_WORD.pattern + r"[^:\d]{0,40}:\s*", re.IGNORECASE)
_STATUS_ITEM = re.compile(r"#?(\d{1,6})\s*(?:[-:=]\s*)?(?P<status>[^\W\d][^,;]*?)\s*(?:[,;]|\.?$)", re.IGNORECASE)


def _status_items(sentence: str) -> list[int] | None:
    """The numbers a status list after a label reports done, or None when the sentence is no such list.

    Every item is a number and its own status ("3 gereed", "5 loopt nog"); one item
    that is not ends the reading (None: the other rules read the sentence). A label with
    nothing after it closes nothing.
    """
    label = _STATUS_LABEL.match(sentence)
    if not label:
        return None
    done: list[int] = []
    position = label.end()
    while position < len(sentence.rstrip(" .")):
        item = _STATUS_ITEM.match(sentence, position)
        if not item or _NOT_AN_ACTION.match(sentence, item.end(1)):
            return None
        status = item.group("status")
        word = _DONE.search(status)
        if word and not _NOT_DONE.search(status) and not _ahead(status[: word.start()], word.group()):
            done.append(int(item.group(1)))
        position = item.end()
        while position < len(sentence) and sentence[position] == " ":
            position += 1
    return list(dict.fromkeys(done))


# "Actie 12 en actie 13 zijn afgerond": the first list runs into the second's action word.
_JOINED = re.compile(r"\s*(?:&|\ben\b)\s*" + _ACTION_WORD.pattern, re.IGNORECASE)


def _says_done(after: str, before: str) -> bool:
    """Is a number list reported done by the words after it (up to the next list) or a label before it?"""
    done = _DONE.search(after)
    if (
        done
        and not _NOT_DONE.search(after[: done.start()])
        and not _NOT_DONE.search(after[done.end() :][:12])
        and not _ahead(after[: done.start()], done.group())
    ):
        return True
    return bool(_DONE_LABEL.match(before)) and not _NOT_DONE.search(before)


def mentions_closure(text: str) -> bool:
    """Does the text close numbers, or try to (a refused range counts)?"""
    try:
        return bool(closed_numbers(text))
    except RangeRefused:
        return True


def _number_lists(sentence: str) -> list[tuple[list[int], int, int]]:
    """Each number list that follows an action word, a "done" label or starts the sentence."""
    starts = [m.end() for m in _ACTION_WORD.finditer(sentence)]
    label = _DONE_LABEL.match(sentence) or re.match(r"\s*(?:actielijst|acties)\s*:\s*", sentence, re.IGNORECASE)
    if label:
        starts.append(label.end())
    leading = re.match(r"\s*(?:[-•–*]\s*)?(?:(?:nr|nrs|nummer|nummers)\b\.?\s*)?(?=#?\d)", sentence, re.IGNORECASE)
    if leading:
        starts.append(leading.end())
    lists = []
    for start in sorted(set(starts)):
        numbers, end = number_list_at(sentence, start)
        if numbers:
            lists.append((numbers, start, end))
    return lists


_LIST_UPDATED = re.compile(
    r"\bactie(?:lijst|-\s*(?:en\s+|/\s*)?besluitenlijst)\s+(?:is|wordt|werd)\s+"
    r"(?:bijgewerkt|geactualiseerd|doorgenomen|doorgelopen|vastgesteld)\b",
    re.IGNORECASE,
)


def says_list_updated(sentence: str) -> bool:
    """"De actielijst is bijgewerkt": the statuses set in the meeting stand."""
    return bool(_LIST_UPDATED.search(sentence)) and not _NOT_DONE.search(sentence)


