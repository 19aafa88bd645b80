"""Action markers in a paragraph: "(actie: Jan ...)", "Actie: ...", "Actiepunt DW/MZ." (pure)."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from orsheet.minutes.owners import looks_like_verb, split_owner
from orsheet.minutes.proposal import Paragraph
from orsheet.minutes.text import inside, quoted_spans, sentence_spans
from orsheet.minutes.vocabulary import MONTH_WORDS

__all__ = [
    "Marker", "find_markers", "is_action_list_label", "split_listed_action", "is_example", "split_deadline",
    "leading_deadline", "who_what_when", "joined_who_what_when",
]


@dataclass(frozen=True)
class Marker:
    """An action marker found in a paragraph: where it is and what it says."""

    start: int
    end: int
    content: str  # the text after "actie:", e.g. "Jan maakt een poster."
    standalone: bool  # "Actie: ..." as a sentence of its own, not in brackets


_MARKER_WORD = r"(?:actie|acties|actiepunt|actiepunten|actiehouder|actiehouders|to-?do|to\s+do)"
_BRACKET_MARKER = re.compile(rf"[(\[]\s*{_MARKER_WORD}\b\s*(:|-|>|voor\b)?\s*", re.IGNORECASE)
_LABEL_MARKER = re.compile(rf"(?:^|(?<=[.!?]\s)|(?<=\n)|(?<=^[-•–] ))[ \t]*{_MARKER_WORD}\s*:\s*", re.IGNORECASE)
# "... paragraaf. Actie voor Koen: brief aan de commandant ...", "Actie (PvL): een notitie schrijven":
# the owner between the marker word and the colon.
_OWNER_LABEL_MARKER = re.compile(
    r"(?:^|(?<=[.!?]\s)|(?<=\n))[ \t]*(?i:actie|actiepunt|todo|to-do)\s*(?:(?:(?i:voor)\s+)?"
    r"(?P<owner>[A-Z][\w-]*(?:\s+(?:en\s+|&\s+)?[A-Z][\w-]*){0,3})|\((?P<bracketed>[A-Z][^()]{0,30})\))\s*:\s*"
)
_CLOSING = {"(": ")", "[": "]"}
# "Het statuut moet nog bekeken worden. Actiepunt DW/MZ." -- initials or names
# after the marker word, closing the paragraph's sentence: the owners of the sentence before.
_TRAILING_MARKER = re.compile(
    rf"(?:^|(?<=[.!?]\s))(?i:{_MARKER_WORD})\s+(?P<owner>(?:[A-Z][\w.-]*)(?:\s*(?:/|&|,|\ben\b)\s*[A-Z][\w.-]*){{0,4}})\s*[.!]?\s*$"
)
# "AP 12-1 Yusuf/Rob: inloopmomenten organiseren", "Actiepunt 2024-05: Jan belt": an action point's code,
# then its owner and task. A plain number ("Actie 339: ...") names an existing action, so the code is
# "AP" and any number, or a number in parts (meeting and item).
# "A24-38" (actie) and "T24-02" (toezegging) as many action lists number them, the year and a count.
_CODE_MARKER = re.compile(
    r"^\s*(?:AP\s*\d+(?:[-./]\d+)*|(?:A|T|TZ)\s?\d+(?:[-./]\d+)+|(?i:actiepunt|actie)\s+\d+(?:[-./]\d+)+)\s*[:.-]?\s+(?=\S)"
)
# "Actielijst Annelies: veiligheidscheck laten doen": the list names the owner.
# "Actie voor Koen: brief aan de commandant" as well.
_LIST_OWNER_LABEL = re.compile(
    rf"^\s*(?i:actielijst|{_MARKER_WORD})\s+(?:(?i:voor)\s+)?(?P<owner>[A-Z][\w-]*(?:\s+[A-Z][\w-]*)?)\s*:\s*"
)  # "Todo Sven: inventariseren wie ..." too
# "Wie: Mohamed en Rik Wat: vragen opstellen Wanneer: 22 oktober": an action in three labelled parts.
_WHO_WHAT_WHEN = re.compile(r"\b(?P<label>wie|wat|wanneer|deadline|actiehouder|actie)\s*:\s*", re.IGNORECASE)
_WHO = {"wie": "owner", "actiehouder": "owner", "wat": "task", "actie": "task", "wanneer": "when", "deadline": "when"}


def who_what_when(text: str) -> tuple[str, str, str] | None:
    """(owner, task, deadline) of a "Wie: ... Wat: ... Wanneer: ..." paragraph, or None.

    It starts with one of the labels and holds at least who and what; the labels come in any order.
    """
    parts = list(_WHO_WHAT_WHEN.finditer(text))
    if not parts or parts[0].start() != 0 or len(parts) > 3:
        return None
    found: dict[str, str] = {}
    for part, following in zip(parts, [*parts[1:], None]):
        value = text[part.end() : following.start() if following else len(text)].strip(" .;,|-–")
        field = _WHO[part.group("label").lower()]
        if field in found or not value:
            return None
        found[field] = value
    if "owner" not in found or "task" not in found:
        return None
    return found["owner"], found["task"], found.get("when", "")


_LIST_LABEL = re.compile(rf"^\s*{_MARKER_WORD}\s*:?\s*$", re.IGNORECASE)


def is_action_list_label(text: str) -> bool:
    """A paragraph that only says "Acties:" (the bullets below it are actions)."""
    return bool(_LIST_LABEL.match(text))


def split_listed_action(text: str) -> tuple[str, str]:
    """(owner, description) of a bullet under "Acties:".

    "Jan: brief sturen" and "brief sturen (Jan)" name the owner apart; in
    "Jan stuurt de brief" the owner runs up to the verb and the whole bullet
    is the description.
    """
    text = text.strip()
    colon = re.match(r"^([^:]{1,40}):\s*(.+)$", text)
    if colon and _names_before_colon(colon.group(1)):
        return colon.group(1).strip(), colon.group(2).strip()
    trailing = re.match(r"^(.+?)\s*[(\[]([^()\[\]]{1,40})[)\]]\.?$", text)
    if trailing:
        return trailing.group(2).strip(), trailing.group(1).strip()
    owner, task = split_owner(text)
    return owner, (text if task else "")


def _names_before_colon(label: str) -> bool:
    """"Jan:", "Wil en Nancy:" name owners; "Iedereen moet:" ends in a verb.

    One capitalised word alone is a name even when it is also a verb ("Wil:", "Kan:").
    """
    words = label.split()
    return (len(words) == 1 and words[0][:1].isupper()) or not looks_like_verb(words[-1])


def find_markers(text: str) -> tuple[Marker, ...]:
    """Action markers in one paragraph, quoted ones included (callers filter)."""
    folded = text.casefold()
    if "acti" not in folded and "do" not in folded and not _CODE_MARKER.match(text):
        return ()  # every marker word starts so, or a code opens the text; most paragraphs hold none
    markers: list[Marker] = []
    for match in _BRACKET_MARKER.finditer(text):
        opening = text[match.start()]
        end = _matching_bracket(text, match.start(), opening, _CLOSING[opening])
        content = text[match.end() : end - 1 if end <= len(text) and text[end - 1] == _CLOSING[opening] else end]
        if not match.group(1) and re.match(r"(?:nr\.?\s*)?#?\d+(?![.\d])", content, re.IGNORECASE):
            continue  # "(actie 339)" refers to an action; "(actie 5.1.2e)" names an owner
        markers.append(Marker(match.start(), end, content.strip(), standalone=False))
    for match in _LABEL_MARKER.finditer(text):
        if any(m.start <= match.start() < m.end for m in markers):
            continue
        end = _sentence_end(text, match.end())
        markers.append(Marker(match.start(), end, text[match.end() : end].strip(), standalone=True))
    for match in _OWNER_LABEL_MARKER.finditer(text):
        if any(m.start <= match.start() < m.end for m in markers):
            continue
        end = _sentence_end(text, match.end())
        owner = match.group("owner") or match.group("bracketed")
        markers.append(Marker(match.start(), end, f"{owner}: {text[match.end() : end].strip()}", True))
    trailing = _TRAILING_MARKER.search(text)
    if trailing and not any(m.start <= trailing.start() < m.end for m in markers):
        markers.append(Marker(trailing.start(), len(text), trailing.group("owner"), standalone=True))
    coded = _CODE_MARKER.match(text)
    if coded and not markers:
        end = _sentence_end(text, coded.end())
        markers.append(Marker(coded.start(), end, text[coded.end() : end].strip(), standalone=True))
    labelled = _LIST_OWNER_LABEL.match(text)
    if labelled and not markers:
        content = f"{labelled.group('owner')}: {text[labelled.end():].strip()}"
        markers.append(Marker(labelled.start(), len(text), content, standalone=True))
    return tuple(sorted(markers, key=lambda m: m.start))


def _matching_bracket(text: str, start: int, opening: str, closing: str) -> int:
    depth = 0
    for index in range(start, len(text)):
        if text[index] == opening:
            depth += 1
        elif text[index] == closing:
            depth -= 1
            if depth == 0:
                return index + 1
    return len(text)


def _sentence_end(text: str, start: int) -> int:
    for s, e in sentence_spans(text):
        if s <= start < e:
            return e
    return len(text)


_EXAMPLE_CUES = re.compile(
    r"\b(?:bijvoorbeeld|bijv|bv|b\.v|vb|zoals|e\.g|bijvoorbeeld met|markeren met|noteren als|schrijven als)\W*$",
    re.IGNORECASE,
)
_PLACEHOLDER_OWNERS = {"", "naam", "wie", "...", "…", "x", "xx", "xxx", "nn", "n.n.", "[naam]", "<naam>", "iemand"}


_MONTHS = "|".join(MONTH_WORDS)
_WHEN = (
    rf"(?:\d{{1,2}}[-/]\d{{1,2}}(?:[-/]\d{{2,4}})?|\d{{1,2}}\s+(?:{_MONTHS})\b\.?(?:\s+\d{{4}})?"
    rf"|(?:eind|begin|half|medio)\s+(?:{_MONTHS}|dit jaar|volgend jaar)\b|week\s+\d{{1,2}}|Q[1-4]\b"
    r"|(?:de\s+)?volgende\s+(?:OR-|OV-)?vergadering|z\.s\.m\.?)"
)
_DEADLINE = re.compile(
    rf"\s*[,;]?\s*(?:\bdeadline\s*:?|\buiterlijk|\bvóór|\bvoor|\bgereed\s+voor|\bklaar\s+voor)\s+(?P<when>{_WHEN})",
    re.IGNORECASE,
)


_LEADING_WHEN = re.compile(rf"^{_WHEN}(?![\w-])", re.IGNORECASE)


def leading_deadline(text: str) -> str:
    """The deadline a text starts with ("z.s.m.", "12 mei", "volgende vergadering"), as written, or ""."""
    match = _LEADING_WHEN.match(text)
    return match.group() if match else ""


def split_deadline(task: str) -> tuple[str, str]:
    """(task without the deadline, the deadline as written) for "..., deadline 1 november"."""
    match = _DEADLINE.search(task)
    if not match:
        return task, ""
    rest = (task[: match.start()] + task[match.end() :]).strip(" ,;.")
    return rest, match.group("when").strip(" .")


def is_example(text: str, marker: Marker, sentence_start: int) -> bool:
    """A marker quoted, cited as an example, or with a placeholder owner."""
    if inside(marker.start, quoted_spans(text)):
        return True
    before = text[sentence_start : marker.start]
    words_before = " ".join(before.split()[-4:])
    if _EXAMPLE_CUES.search(words_before) or re.search(r"\bvoorbeeld", before, re.IGNORECASE):
        return True
    return marker.content.strip(" .:").lower() in _PLACEHOLDER_OWNERS


_WHO_LABEL = re.compile(r"^\s*(?:wie|wat|wanneer|deadline|actiehouder)\s*:", re.IGNORECASE)


def joined_who_what_when(paragraphs: list[Paragraph]) -> list[Paragraph]:
    """"Wie: Jan", "Wat: brief sturen", "Wanneer: 1 mei" as paragraphs of their own (Word): one paragraph."""
    joined: list[Paragraph] = []
    for paragraph in paragraphs:
        previous = joined[-1] if joined else None
        if (
            previous is not None and not paragraph.level and not previous.level
            and _WHO_LABEL.match(paragraph.text) and _WHO_LABEL.match(previous.text)
        ):
            joined[-1] = replace(previous, text=f"{previous.text.strip()} {paragraph.text.strip()}")
        else:
            joined.append(paragraph)
    return joined
