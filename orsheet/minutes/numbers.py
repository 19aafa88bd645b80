"""Action numbers in a sentence and whether the sentence reports them done (pure)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from orsheet.minutes.vocabulary import MONTH_WORDS, STATUS_DONE

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
    rf"\s*(?:[.:]\d|(?:{'|'.join(MONTH_WORDS)})\b|uur\b|u\b|%|minuten\b|min\b|euro\b|jaar\b|dagen\b|weken\b|"
    # a count: "3 acties zijn afgerond", "2 openstaande punten" (a number followed by what it counts)
    r"(?:\w{3,}e\s+)?(?:acties|actiepunten|punten|zaken|taken|items|onderwerpen|stuks|dingen|vragen|keer|maal)\b)",
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
    r"\b(?:" + "|".join(STATUS_DONE) + r"|(?:is|zijn) af|(?:kan|kunnen|mag|mogen)(?: \w+){0,2} van de (?:actie)?lijst)\b",
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
_BEING = re.compile(r"\b(?:wordt|worden)\b[^,;:]*$", re.IGNORECASE)
_COMPLETION = frozenset({"afgerond", "afgehandeld", "uitgevoerd", "klaar", "gereed", "voltooid", "gedaan"})


_DONE_LABEL = re.compile(r"^\s*(?:afgerond|afgehandeld|gereed|vervallen)\s*(?::|zijn|is)?\s*", re.IGNORECASE)


_DIGIT = re.compile(r"\d")


@dataclass(frozen=True)
class Closures:
    """What a sentence says of the action numbers in it.

    ``closed``: reported done. ``held``: named with a done word that does not report them
    done -- announced, conditional, partial, asked -- and ``reason`` says why (for the preview).
    """

    closed: tuple[int, ...] = ()
    held: tuple[int, ...] = ()
    reason: str = ""


def closed_numbers(sentence: str) -> list[int]:
    """Action numbers a sentence reports as done ("Acties 325 en 330 zijn afgerond").

    A question ("Actie 330 afgerond?") reports nothing; a refused range
    (see :func:`number_list_at`) raises :class:`RangeRefused`.
    """
    return list(read_closures(sentence).closed)


def read_closures(sentence: str) -> Closures:
    """The numbers a sentence closes, and those it names with a done word but does not close (see :class:`Closures`)."""
    if not _DIGIT.search(sentence):
        return _NOTHING  # without a digit there is no number to close (a quick test)
    items = _status_items(sentence)
    if items is not None:
        return items
    lists = _number_lists(sentence)
    verdicts: list[tuple[bool, str]] = []  # from the last list back
    closed: list[int] = []
    held: list[int] = []
    for index in reversed(range(len(lists))):  # a list joined to the next one shares its verdict
        numbers, start, end = lists[index]
        following = lists[index + 1] if index + 1 < len(lists) else None
        after = sentence[end : following[1]] if following else sentence[end:]
        verdict = _verdict(after, sentence[:start], asked="?" in sentence[end:])
        if following and verdict == (False, "") and _JOINED.fullmatch(after):
            verdict = verdicts[-1]
        verdicts.append(verdict)
        if verdict[0]:
            excepted = set(following[0]) if following and _EXCEPT.search(after) else set()  # "..., behalve 204"
            closed[:0] = [n for n in numbers if n not in excepted]
        elif verdict[1]:
            held[:0] = numbers
    reason = next((why for _, why in reversed(verdicts) if why), "")
    closed = list(dict.fromkeys(closed))
    return Closures(tuple(closed), tuple(n for n in dict.fromkeys(held) if n not in closed), reason)


_NOTHING = Closures()


# "Actiepunten vorige vergadering: 3 gereed, 5 loopt nog, 6 gereed.": a status per number after a label.
_STATUS_LABEL = re.compile(r"^\s*(?:openstaande\s+|lopende\s+)?" + _ACTION_WORD.pattern + r"[^:\d]{0,40}:\s*", re.IGNORECASE)
_STATUS_ITEM = re.compile(r"#?(\d{1,6})\s*(?:[-:=]\s*)?(?P<status>[^\W\d][^,;]*?)\s*(?:[,;]|\.?$)", re.IGNORECASE)


def _status_items(sentence: str) -> Closures | None:
    """The numbers a status list after a label reports done, or None when the sentence is no such list.

    Every item is a number and its own status ("3 gereed", "5 loopt nog"); one item
    that is not ends the reading (None: the other rules read the sentence). A label with
    nothing after it closes nothing.
    """
    label = _STATUS_LABEL.match(sentence)
    if not label:
        return None
    done: list[int] = []
    held: list[int] = []
    reason = ""
    position = label.end()
    while position < len(sentence.rstrip(" .")):
        item = _STATUS_ITEM.match(sentence, position)
        if not item or _NOT_AN_ACTION.match(sentence, item.end(1)):
            return None
        status = item.group("status")
        closes, why = _verdict(f" {status}", "", asked="?" in status)
        if closes:
            done.append(int(item.group(1)))
        elif why:
            held.append(int(item.group(1)))
            reason = reason or why
        position = item.end()
        while position < len(sentence) and sentence[position] == " ":
            position += 1
    return Closures(tuple(dict.fromkeys(done)), tuple(dict.fromkeys(held)), reason)


# "Actie 12 en actie 13 zijn afgerond": the first list runs into the second's action word.
_JOINED = re.compile(r"\s*(?:&|\ben\b)\s*" + _ACTION_WORD.pattern, re.IGNORECASE)


# Why a done word after a number does not report it done (the preview's reason), each matched in the words
# between the number and the done word unless said otherwise.
ANNOUNCED = "het afronden wordt aangekondigd, niet gemeld als gedaan"
CONDITIONAL = "afronden onder een voorwaarde (zodra, als ...)"
PARTIAL = "nog maar voor een deel klaar"
READY_FOR = "klaar voor een volgende stap, niet afgerond"
QUESTION = "een vraag, geen melding dat het af is"
UNCLEAR = "niet duidelijk welke van de genoemde acties af is"
POSTPONED = "uitgesteld of verlengd, niet afgerond"
# "moet nog worden afgerond", "dient ... te worden afgerond" ("kan/mag worden afgesloten" permits closing: it closes).
_ANNOUNCING = re.compile(r"\b(?:moet|moeten|dient|dienen|straks|later|morgen)\b[^,;:]*$", re.IGNORECASE)
# "kan worden afgesloten", "mogen nu worden afgevoerd": the meeting lets it go now, as "kan van de lijst".
_PERMITTED = re.compile(r"\b(?:kan|kunnen|mag|mogen)\s+(?:\w+\s+){0,2}?worden\s*$", re.IGNORECASE)
# "als" opening a clause ("als de nieuwsbrief uit is", "als Frank ..."), not "als eerste", "als gevolg van".
_CONDITION = re.compile(
    r"\b(?:zodra|zo\s+gauw|wanneer|indien|mits|tenzij|op\s+voorwaarde|"
    r"als\s+(?:de|het|een|er|hij|zij|ze|we|wij|men|iemand|alle|alles|dat|dit|die|deze|(?-i:[A-Z][a-z]+)\b(?!-))\b)",
    re.IGNORECASE,
)
# Right before the done word ("is bijna afgerond", "voor 80% klaar"; "na bijna een jaar afgerond" is done).
_PARTLY = re.compile(
    r"(?:\b(?:deels|gedeeltelijk|grotendeels|goeddeels|ten\s+dele|bijna|vrijwel|nagenoeg|zo\s+goed\s+als|half|"
    r"halverwege|voor\s+(?:een|het|de)\s+(?:groot\s+|grootste\s+)?(?:deel|gedeelte|helft))|\d+\s*%)"
    r"(?:\s+(?:al|nu|wel|reeds|inmiddels|helemaal|geheel|volledig))*\s*$",
    re.IGNORECASE,
)
_SOME_OF = re.compile(
    r"\b(?:(?:de|het)\s+(?:eerste|tweede|derde|vierde|laatste|andere|overige|rest)|(?:een|één|eentje|twee|drie)\s+"
    r"(?:van|ervan|daarvan)|alleen|slechts|sommige|enkele)\b",
    re.IGNORECASE,
)
# "verlengd tot januari; daarna is hij afgerond" ("twee keer uitgesteld, maar nu afgerond" is done).
_POSTPONING = re.compile(
    r"\b(?:verlengd|uitgesteld|aangehouden|doorgeschoven|opgeschoven|verschoven)\b"
    r"(?!.*\b(?:maar|inmiddels|nu|toch|uiteindelijk|alsnog)\b)",
    re.IGNORECASE,
)
_READY_FOR = re.compile(r"^\s+(?:voor|om)\b", re.IGNORECASE)
_CLAUSE = re.compile(r"[^;:]*")  # the done word's clause: "afgerond; we bespreken het als ..." is two
# "wordt als afgerond beschouwd", "is op gereed gezet": the done word as a status, set now.
_AS_STATUS = re.compile(r"\b(?:als|op)\s+$", re.IGNORECASE)
_EXCEPT = re.compile(r"\b(?:behalve|uitgezonderd|met\s+uitzondering\s+van|m\.u\.v\.|op)\s*(?:actie\s*)?$", re.IGNORECASE)


def _announced(between: str, done_word: str) -> bool:
    """Is the done word's clause about later ("in maart klaar", "moet nog worden afgerond", "wordt afgerond")?

    "Acties 332 en 337 worden afgesloten" is the meeting closing them, and "kan worden afgerond" lets them go.
    """
    being = _BEING.search(between) and done_word.casefold() in _COMPLETION and not _PERMITTED.search(between)
    return bool(_AHEAD.search(between) or being or _ANNOUNCING.search(between))


def _verdict(after: str, before: str, *, asked: bool) -> tuple[bool, str]:
    """(done, why not): a number list reported done by the words after it (up to the next list) or a label
    before it; or named with a done word that does not report it done, and why."""
    done = _DONE.search(after)
    if done and not _NOT_DONE.search(after[: done.start()]) and not _NOT_DONE.search(after[done.end() :][:12]):
        between, rest = after[: done.start()], after[done.end() :]
        clause = _CLAUSE.match(rest).group()
        reason = (
            asked and QUESTION
            or (_CONDITION.search(between) or _CONDITION.search(clause) or _CONDITION.match(before)) and CONDITIONAL
            or _POSTPONING.search(between) and POSTPONED
            or not _AS_STATUS.search(between) and _announced(between, done.group()) and ANNOUNCED
            or _PARTLY.search(between) and PARTIAL
            or _SOME_OF.search(between) and UNCLEAR
            or done.group().lower() in ("klaar", "gereed") and _READY_FOR.match(rest) and READY_FOR
        )
        return (False, reason) if reason else (True, "")
    return (bool(_DONE_LABEL.match(before)) and not _NOT_DONE.search(before) and not asked, "")


def mentions_closure(text: str) -> bool:
    """Does the text close numbers, or try to (a refused range counts)?"""
    try:
        found = read_closures(text)
        return bool(found.closed or found.held)
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
    return _with_repeated(sentence, lists)


# A number standing alone, not inside a date, time, code or list already read.
_BARE_NUMBER = re.compile(r"(?<![\w.,:/#-])#?\d")


def _with_repeated(sentence: str, lists: list[tuple[list[int], int, int]]) -> list[tuple[list[int], int, int]]:
    """The lists plus numbers named again without an action word: "Van de acties 203, 204 en 205 is alleen
    203 afgerond", "Acties 203 en 204: 203 afgerond, 204 loopt nog" -- the done word then goes to the
    repetition it follows, not to the whole list. Only numbers of the lists count (not "in 2023")."""
    named = {n for numbers, _, _ in lists for n in numbers}
    if not named:
        return lists  # most sentences with a digit name no action: nothing to look for again
    taken = [(start, end) for _, start, end in lists]
    found = list(lists)
    for match in _BARE_NUMBER.finditer(sentence):
        if any(start <= match.start() < end for start, end in taken):
            continue
        try:
            numbers, end = number_list_at(sentence, match.start())
        except RangeRefused:
            continue  # "op 12-10": a date, not a range of actions
        if numbers and set(numbers) <= named:
            found.append((numbers, match.start(), end))
            taken.append((match.start(), end))
    return sorted(found, key=lambda found_list: found_list[1])


_LIST_UPDATED = re.compile(
    r"\bactie(?:lijst|-\s*(?:en\s+|/\s*)?besluitenlijst)\s+(?:is|wordt|werd)\s+"
    r"(?:bijgewerkt|geactualiseerd|doorgenomen|doorgelopen|vastgesteld)\b",
    re.IGNORECASE,
)


def says_list_updated(sentence: str) -> bool:
    """"De actielijst is bijgewerkt": the statuses set in the meeting stand."""
    return bool(_LIST_UPDATED.search(sentence)) and not _NOT_DONE.search(sentence)


