"""Status lines of existing actions: "Rooster opvragen: gedaan.", "AP 11-2 ... Vervalt." (pure).

Under "Actiepunten vorige vergadering" or "Terugblik actiepunten" many secretaries
repeat each open action and write its status after it: after a colon or a dash
("Enquête over de kantine: nog niet verstuurd, Priya pakt dit in januari op"), or
as a sentence without a subject ("AP 11-1 Ploegentoeslagen opvragen (Rob). Is
uitgevoerd."). Such a line reports on an action that exists: done, it is matched
against the open actions (a closure by description); still open, nothing in it
is a new action ("Priya pakt dit in januari op" is the same action, moved).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from orsheet.minutes.tasks import done_report
from orsheet.minutes.text import sentence_spans

__all__ = ["Status", "status_of"]


@dataclass(frozen=True)
class Status:
    about: str  # the action as the line names it: "Rooster bedrijfshulpverlening opvragen"
    done: bool


_DONE_START = (
    r"(?:(?:is|zijn)\s+)?(?:gereed|gedaan|afgerond|klaar|uitgevoerd|gebeurd|afgehandeld|opgelost|geregeld|"
    r"verstuurd|vervalt|vervallen|voltooid|done)\b"
    r"|(?:kan|kunnen|mag|mogen)\s+(?:\w+\s+){0,2}?(?:van\s+de\s+(?:actie)?lijst|worden\s+afgesloten|dicht)\b"
)
_OPEN_START = (
    r"(?:loopt|lopen|lopend|blijft|blijven|nog\s+niet|nog\s+geen|nog\s+open|staat\s+(?:nog\s+)?open|staat\s+nog|"
    r"in\s+behandeling|wordt\s+vervolgd|p\.m\.|(?:volgt|open|pm)(?=\s*(?:[.,;]|$)))"
)
# The status after the action's own words: after ":" or " - ", or a sentence of its own without a subject.
_AFTER_HEAD = re.compile(r"(?::|\s[-–]\s|\s*(?:->|=>|→)\s*|[.!?]\s+)")  # "... met planning -> gereed"
_STATUS_START = re.compile(rf"^(?:(?P<done>{_DONE_START})|(?P<open>{_OPEN_START}))", re.IGNORECASE)
# "141 - ", "AP 11-1 ", "Actie 12: ", "3." before the action's words.
_CODE = re.compile(r"^\s*(?:(?i:AP|actiepunt|actie)\s*|(?:A|T|TZ)\s?(?=\d+[-./]))?#?\d+(?:[-./]\d+)*\s*[-:.)]?\s+")
_MOST_HEAD_WORDS = 16  # an action's words, not a paragraph of discussion


def status_of(text: str) -> Status | None:
    """The status a line gives the action it names, or None when it is no status line.

    The action's words come first (at most :data:`_MOST_HEAD_WORDS`), then, after a colon,
    a dash or a full stop, a status without a subject ("gedaan", "Loopt nog", "Kan van de
    lijst") or, after a colon and a head of two words or more (not a label such as
    "Mededelingen:"), a report that it was done ("de dakdekker heeft de reparatie uitgevoerd"). A status that is open anywhere after the head wins over a done one
    ("twee offertes binnen, de derde ontbreekt nog. Blijft op de lijst.").
    """
    code = _CODE.match(text)
    body = text[code.end() :] if code else text
    found: list[tuple[str, bool]] = []  # (the action's words, done) per status after them
    for separator in _AFTER_HEAD.finditer(body):
        rest = body[separator.end() :].lstrip()
        words_before = len(body[: separator.start()].split())
        if not found and words_before > _MOST_HEAD_WORDS:
            continue
        start = _STATUS_START.match(rest)
        if start:
            done = start.group("done") is not None
        elif separator.group().strip() == ":" and not found and words_before > 1 and done_report(_first_clause(rest)):
            done = True
        else:
            continue
        found.append((body[: separator.start()].strip(), done))
    if found and found[0][0]:
        return Status(found[0][0], all(done for _, done in found))
    # "De folder is er nog niet; ... Dit punt blijft staan.": a short paragraph about one action.
    still = _STILL_OPEN.search(text) and len(sentence_spans(text)) <= _MOST_STATUS_SENTENCES
    return Status(_first_clause(text).strip(), False) if still else None


_MOST_STATUS_SENTENCES = 2


_STILL_OPEN = re.compile(
    r"\b(?:dit|dat|het|deze)\s+(?:punt|actiepunt|actie)\s+(?:blijft\s+(?:staan|open|op\s+de\s+lijst)|loopt\s+nog|staat\s+nog\s+open)\b",
    re.IGNORECASE,
)


_CLAUSE_END = re.compile(r"[;.!?]\s")


def _first_clause(text: str) -> str:
    end = _CLAUSE_END.search(text)
    return text[: end.start()] if end else text
