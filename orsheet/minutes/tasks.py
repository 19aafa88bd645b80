"""Tasks without a marker: "Amal stuurt een testversie", "Dit zal hij bijwerken" (pure).

Many secretaries never write "actie:"; they write that someone *will* do
something. A sentence (or a clause after a comma or semicolon) that opens with
a person the minutes list, a role ("de secretaris", "het DB", "werkgroep X")
or a pronoun for the person just named, followed by a future or task verb, is
a task of that person. Such a reading is never certain, so every one of them
is proposed as *mogelijk*.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import takewhile

from orsheet.minutes import vocabulary as words
from orsheet.minutes.decisions import read_decision
from orsheet.minutes.markers import leading_deadline
from orsheet.minutes.people import TITLES, People
from orsheet.minutes.text import clauses

__all__ = [
    "Task", "task_in", "done_report", "DONE_REPORT_REASON", "OwnerCell", "owner_cell", "OWNER_CELL", "points_back",
    "NAME_AND_VERB", "PASSIVE", "tasks_in", "last_owner_in", "known_owner_length", "is_the_body",
]


@dataclass(frozen=True)
class Task:
    owner: str  # as written, or the name a pronoun stands for
    description: str  # the sentence from the owner on
    reason: str  # why it is only *mogelijk*


_VERBS = words.FUTURE_VERBS | words.TASK_VERBS
NAME_AND_VERB = "naam + werkwoord, zonder actiemarkering"


def _bare(token: str) -> str:
    return token.strip(".,;:()[]\"'“”‘’!?")


def _role_at(tokens: list[str], index: int) -> int:
    """Tokens from ``index`` (< len(tokens)) that name a role: "de secretaris", "werkgroep Communicatie"."""
    start = index
    if _bare(tokens[index]).casefold() in words.DETERMINERS:
        index += 1
    if index < len(tokens) and _bare(tokens[index]).casefold() in ("dagelijks", "ambtelijk"):
        index += 1
    if index >= len(tokens) or _bare(tokens[index]).casefold() not in words.ROLE_WORDS:
        return 0
    index += 1
    if (  # "werkgroep Communicatie", "commissie O&B" (a comma after the role ends the clause already)
        index < len(tokens) and tokens[index][:1].isupper() and _bare(tokens[index - 1]).casefold() in words.GROUP_HEADS
    ):
        index += 1
    return index - start


_KNOWN, _ROLE, _CAPITAL, _NONE = range(4)  # what kind of owner a token run is
_NAME_PARTICLES = frozenset({"de", "van", "der", "den", "ter", "ten", "het"})


def _titled_at(tokens: list[str], index: int, people: People) -> int:
    """"Mevrouw Hermans", "de heer Yıldız", "mevrouw De Graaf": a title makes a person of the name after it."""
    start = index
    if _bare(tokens[index]).casefold() == "de" and index + 1 < len(tokens) and _bare(tokens[index + 1]).casefold() == "heer":
        index += 2
    elif _bare(tokens[index]).casefold() in TITLES:
        index += 1
    else:
        return 0
    known = people.longest_at(tokens, index)
    if known:
        return index - start + known
    name = index
    while name < len(tokens) and _bare(tokens[name]).casefold() in _NAME_PARTICLES and tokens[name][:1].isupper():
        name += 1  # "De Graaf", "Van der Berg"
    if name < len(tokens) and tokens[name][:1].isupper() and _bare(tokens[name]).isalpha():
        return name + 1 - start
    return 0


def _one_owner(tokens: list[str], index: int, people: People) -> tuple[int, int]:
    """(length, kind) of one owner at ``index``: a listed person, a role or a capitalised word."""
    if index >= len(tokens):
        return 0, _NONE
    known = people.longest_at(tokens, index)
    if known:
        return known, _KNOWN
    titled = _titled_at(tokens, index, people)
    if titled:
        return titled, _KNOWN
    role = _role_at(tokens, index)
    if role:
        return role, _ROLE
    word = _bare(tokens[index])
    if word[:1].isupper() and word.isalpha() and word.casefold() not in words.NOT_A_NAME and len(word) > 1:
        return 1, _CAPITAL
    return 0, _NONE


def _owners_at(tokens: list[str], people: People) -> tuple[int, set[int]]:
    """Owners joined by "en" or "&" at the start of a clause's ``tokens``.

    Names joined by commas ("Wil, Nancy gaan") are split into clauses by then;
    :func:`task_in` joins them again.
    """
    length, kind = _one_owner(tokens, 0, people)
    if not length:
        return 0, set()
    kinds = {kind}
    while length < len(tokens) and _bare(tokens[length]).casefold() in words.JOINING_WORDS:
        more, kind = _one_owner(tokens, length + 1, people)
        if not more or kind == _CAPITAL:
            break
        length += 1 + more
        kinds.add(kind)
    return length, kinds


def known_owner_length(tokens: list[str], people: People) -> int:
    """How many tokens at the start name listed people or roles ("Marloes en Gijs"), 0 for none or an unknown name."""
    length, kinds = _owners_at(tokens, people)
    return 0 if _CAPITAL in kinds else length


def _is_task_verb(tokens: list[str], index: int, strong_only: bool) -> bool:
    if index >= len(tokens):
        return False
    verb = _bare(tokens[index]).casefold()
    if verb not in words.FUTURE_VERBS and verb not in words.TASK_VERBS:
        return False
    rest = [_bare(t).casefold() for t in tokens[index + 1 :]]
    if rest and (rest[0] in words.NOT_A_TASK_AFTER.get(verb, ()) or rest[0] in words.REFLEXIVE):
        return False
    # "Petra zal de brief niet sturen" is no task; "Petra belt wie niet kon komen" is.
    main_clause = set(takewhile(lambda word: word not in words.SUBORDINATORS, rest))
    # The particle closes the clause: "TP neemt haar taken waar" ("waar" also opens a subclause).
    if words.NEGATIONS & main_clause or words.NOT_A_TASK_PARTICLE.get(verb, set()) & (main_clause | set(rest[-1:])):
        return False
    if verb in ("neemt", "nemen") and _taken_to_heart(rest):
        return False
    particles = words.TASK_PARTICLE_AFTER.get(verb)
    if particles and not particles & set(rest) and not (verb in ("laat", "laten") and _lets_do(rest)):
        return False
    if strong_only:
        return verb in words.FUTURE_VERBS or (verb == "neemt" and "contact" in main_clause)
    return True


def _lets_do(rest: list[str]) -> bool:
    """"laat de lekkage volgende week onderzoeken": "laat" with a thing done, an infinitive closing its clause."""
    clause = list(takewhile(lambda word: word not in words.JOINING_WORDS | {"maar", "want"}, rest))
    return len(clause) >= 2 and clause[-1].endswith("en") and clause[-1] not in words.NOT_LET_DO


def _taken_to_heart(rest: list[str]) -> bool:
    """After "neemt": advice taken along without a destination, or "ter harte", "in overweging"."""
    if any(rest[i : i + 2] == list(pair) for pair in words.TAKEN_TO_HEART for i in range(len(rest))):
        return True
    if "mee" not in rest:
        return False
    # A destination before or after "mee": "neemt de opmerkingen in de uitwerking mee", "... mee naar het MT".
    return bool(words.ADVICE_WORDS & set(rest[: rest.index("mee")])) and not words.DESTINATIONS & set(rest)


PASSIVE = "lijdende vorm met \"door\", zonder actiemarkering"
# "Het jaarplan wordt door mevrouw De Graaf opgesteld", "... wordt door Bert uitgezocht": the owner after "door".
_PASSIVE_BY = re.compile(r"\b(?:wordt|worden|zal\s+worden|zullen\s+worden)\s+(?:[\w-]+\s+){0,4}?door\s+", re.IGNORECASE)
_PARTICIPLE = re.compile(
    r"^(?:(?:op|uit|mee|na|aan|door|in|af|voor|toe|rond|bij|terug|over|weg|samen)?ge\w+|(?:be|ver|ont|her|er)\w+)[dtn]$",
    re.IGNORECASE,
)


def _passive_task(sentence: str, people: People) -> Task | None:
    """A present passive with a listed person or a role after "door", and a past participle after them."""
    passive = _PASSIVE_BY.search(sentence)
    if not passive:
        return None
    tokens = sentence[passive.end() :].split()
    length, kinds = _owners_at(tokens, people)
    if not length or _CAPITAL in kinds:
        return None
    clause = list(takewhile(lambda t: not t.endswith((",", ";", ":")), tokens[length:]))
    said = [_bare(t) for t in tokens[length : length + len(clause) + 1]]
    participles = [w for w in said if _PARTICIPLE.match(w)]
    if words.NEGATIONS & {w.casefold() for w in said} or not participles or participles[0].casefold() in words.SPEECH_PARTICIPLES:
        return None
    return Task(" ".join(tokens[:length]).strip(".,;:()"), _sentence_case(sentence.strip()), PASSIVE)


def task_in(sentence: str, people: People, last_person: str) -> Task | None:
    """The (first) task a sentence gives someone, or None."""
    found = tasks_in(sentence, people, last_person)
    return found[0] if found else None


def tasks_in(sentence: str, people: People, last_person: str) -> list[Task]:
    """The tasks a sentence gives, one per owner: "Rachid zet het advies op papier; Truus leest het mee."."""
    if " door " in sentence:
        found = _passive_task(sentence, people)
        if found:
            return [found]
    said = [_bare(t).casefold() for t in sentence.split()]
    if _VERBS.isdisjoint(said) and not (people.writer and "ik" in said):
        return []
    parts = clauses(sentence)
    tasks: list[Task] = []
    for index, (offset, clause) in enumerate(parts):
        tokens = clause.split()
        found = _task_at_start(tokens, people, last_person) or _task_inverted(tokens, people, last_person)
        if found:
            owner, reason = found
            # "Wil, Nancy gaan erheen": the comma cut a list of names, not a clause.
            while index and (name := _trailing_name(parts[index - 1][1], people)) and owner != last_person:
                owner, index = f"{name}, {owner}", index - 1
            if tasks and (reason != NAME_AND_VERB or any(owner in t.owner or t.owner in owner for t in tasks)):
                continue  # a later clause counts only for another person named there
            tasks.append(Task(owner, _sentence_case(sentence.strip()), reason))
    if tasks:
        return tasks
    agreed = _agreed_task(sentence, people)
    return [agreed] if agreed else []


AGREED_TASK = "afspraak met een eigenaar, zonder actiemarkering"
# "Afgesproken is dat ... en dat de ledenraad zelf NVST informeert": a clause of the agreement gives a task.
_AGREED_THAT = re.compile(r"\b(?:afgesproken|besloten|overeengekomen|vastgelegd)\b[^.;:]*?\bdat\s+", re.IGNORECASE)
_NEXT_THAT = re.compile(r"\s*(?:,|\ben\b|\bverder\b|\book\b)\s*dat\s+", re.IGNORECASE)


def _agreed_task(sentence: str, people: People) -> Task | None:
    """A "dat"-clause of an agreement whose subject is a listed person or a role, with a task verb."""
    agreed = _AGREED_THAT.search(sentence)
    decision = read_decision(sentence) if agreed else None
    if decision is None or decision.skipped:
        return None  # no agreement, or one of earlier or of another body ("de directie heeft besloten dat")
    for part in _NEXT_THAT.split(sentence[agreed.end() :]):
        tokens = part.split()
        length, kinds = _owners_at(tokens, people)
        if not length or _CAPITAL in kinds:
            continue
        said = [_bare(t).casefold() for t in tokens[length:]]
        if words.NEGATIONS & set(said):
            continue  # "dat de secretaris de brief niet stuurt"
        # Word order of a subordinate clause: the verb comes last ("dat Jan de brief stuurt").
        if any(_is_task_verb(tokens, length + i, strong_only=False) for i, word in enumerate(said) if word in _VERBS):
            return Task(" ".join(tokens[:length]), _sentence_case(sentence.strip()), AGREED_TASK)
    return None


@dataclass(frozen=True)
class OwnerCell:
    """"Lilia z.s.m.", "Mart en Lilia": who does the task before it, and by when (a table flattened to text)."""

    owner: str
    deadline: str  # as written, "" when the deadline follows apart
    rest: str  # what follows on the same line (the next row)


OWNER_CELL = "naam en termijn na de taak (een tabel als tekst)"


def owner_cell(text: str, people: People) -> OwnerCell | None:
    """Listed people or a role, then a deadline or nothing: the owner and deadline columns of a row.

    What follows the deadline must start like a new row (a number or a capital); "Jan 12 mei
    afwezig" is a sentence, not a cell.
    """
    tokens = text.split()
    length, kinds = _owners_at(tokens, people)
    if not length or _CAPITAL in kinds:
        return None
    owner = " ".join(tokens[:length]).strip(".,;:")
    after = " ".join(tokens[length:])
    deadline = leading_deadline(after)
    rest = after[len(deadline) :].strip()
    if rest and not (deadline and (rest[0].isupper() or rest[0].isdigit())):
        return None
    return OwnerCell(owner, deadline.strip(), rest)


def _trailing_name(clause: str, people: People) -> str:
    tokens = clause.split()
    for length in (2, 1):
        if len(tokens) >= length and people.longest_at(tokens, len(tokens) - length) == length:
            return " ".join(tokens[-length:])
    return ""


def _third_person(verb: str) -> list[str]:
    word = _bare(verb).casefold()
    if word in _VERBS:
        return [word]
    return [f"{word}t" if f"{word}t" in _VERBS else f"{word}at" if f"{word}at" in _VERBS else word]


_OWNER_STARTS = words.DETERMINERS | TITLES


def last_owner_in(text: str, people: People) -> str:
    """The last listed person or role a sentence names ("... met de bestuurder gesproken"): whom "hij" means next."""
    tokens = text.split()
    found, index = "", 0
    while index < len(tokens):
        if not (tokens[index][:1].isupper() or _bare(tokens[index]).casefold() in _OWNER_STARTS):
            index += 1  # most words start no owner: a name is capitalised, a role follows an article
            continue
        length, kind = _one_owner(tokens, index, people)
        if length and kind in (_KNOWN, _ROLE) and (kind == _KNOWN or _bare(tokens[index]).casefold() in words.DETERMINERS):
            found = " ".join(_bare(t) for t in tokens[index : index + length])
            index += length
        else:
            index += 1
    return found


def _task_at_start(tokens: list[str], people: People, last_person: str) -> tuple[str, str] | None:
    if tokens and people.writer and _bare(tokens[0]).casefold() == "ik":
        # "Ik regel nog de hotelkamers." in Anne's e-mail: "regel" is "regelt" ("ga" "gaat") in the third person.
        third = [tokens[0], *(_third_person(tokens[1]) if len(tokens) > 1 else []), *tokens[2:]]
        if _is_task_verb(third, 1, strong_only=False):
            return people.writer, f'eigenaar afgeleid: "ik" is {people.writer}'
        return None
    if tokens and _bare(tokens[0]).casefold() in words.PRONOUNS:
        if last_person and _is_task_verb(tokens, 1, strong_only=False):
            return last_person, f'eigenaar afgeleid: "{_bare(tokens[0])}" is {last_person}'
        return None
    length, kinds = _owners_at(tokens, people)
    if not length:
        return None
    strong_only = kinds == {_CAPITAL}
    if not _is_task_verb(tokens, length, strong_only):
        return None
    if strong_only and length == 1 and _bare(tokens[1]).casefold() in words.PLURAL_FUTURE_VERBS:
        return None  # "Desondanks zullen ...": one unknown word with a plural verb is no subject
    return " ".join(tokens[:length]), NAME_AND_VERB


def _task_inverted(tokens: list[str], people: People, last_person: str) -> tuple[str, str] | None:
    """"Dit zal hij nog bijwerken", "Morgen verwerkt zij die": verb second, then the subject."""
    for verb_at in (1, 2):
        if verb_at + 1 >= len(tokens) or _bare(tokens[0]).casefold() in words.PRONOUNS:
            return None
        subject = _bare(tokens[verb_at + 1])
        if not _is_task_verb(tokens[: verb_at + 1] + tokens[verb_at + 2 :], verb_at, strong_only=False):
            continue
        if subject.casefold() in words.PRONOUNS and last_person:
            return last_person, f'eigenaar afgeleid: "{subject}" is {last_person}'
        if subject[:1].isupper() and subject in people:
            return subject, NAME_AND_VERB
    return None


def _sentence_case(text: str) -> str:
    text = text.strip(" -–•")
    return text[:1].upper() + text[1:]


_DONE = re.compile(
    r"\b(?:is|zijn|werd|werden|heeft|hebben)\b(?:\s+[\w-]+){0,5}?\s+(?:" + "|".join(words.DONE_WORDS) + r")\b"
    r"|\bde deur uit\b|\b(?:uit|van) de a[ck]tie-?lijst\b|\bkan\s+(?:worden\s+)?(?:afgesloten|afgevoerd)\b"
    r"|\b(?:kan|mag|kunnen|mogen)\s+(?:er\s+af|eraf)\b",  # "dus dat actiepunt kan eraf"
    re.IGNORECASE,
)
_STILL_OPEN = re.compile(r"\b(?:nog\s+niet|niet|geen|blijft|blijven|loopt\s+nog|nog\s+open)\b", re.IGNORECASE)
DONE_REPORT_REASON = "de notulen melden dit als gedaan, zonder actienummer"


# "Frank geeft aan dat dit is afgerond", "Dit verzoek kan worden afgesloten": the item under discussion.
_POINTS_BACK = re.compile(
    r"\b(?:dit|deze|dat|het)(?:\s+(?:punt|verzoek|actiepunt|actie|item|onderwerp|traject))?\s+"
    r"(?:is|zijn|kan|wordt|werd)\b",
    re.IGNORECASE,
)


def points_back(sentence: str) -> bool:
    """Does a done report name its task only as "dit", "dit punt", "dit verzoek"?"""
    return bool(_POINTS_BACK.search(sentence))


def done_report(sentence: str) -> bool:
    """Does the sentence say some task is done ("Draaiboek is doorgestuurd naar iedereen")?"""
    done = _DONE.search(sentence)
    return bool(done) and not _STILL_OPEN.search(sentence[: done.end()])


def is_the_body(owner: str) -> bool:
    """"de OR", "De MR", "we": the body deciding, which is no task's owner in its own decision."""
    said = owner.casefold().split()
    return bool(said) and said[-1] in words.BODIES and len(said) <= 2
