"""Dutch minutes (notulen) -> the changes they imply for the workbook (pure).

The notulist marks work in the text: "Acties 325 en 330 zijn afgerond",
"(actie: Jan maakt een poster)", "De OR besluit ...", "Afspraak: ...". This
module turns a document, given as a list of :class:`Paragraph` objects (text
plus heading level), into a :class:`MinutesProposal`: actions to close, new
actions (owner, the sentence the marker belongs to, the agenda item it stands
under) and decisions. It reads no files and knows no workbook; the reader in
:mod:`orsheet.documents.minutes_reader` builds the paragraphs and
:mod:`orsheet.services.minutes` applies the proposal.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from orsheet import minutes_grammar as grammar

__all__ = [
    "Paragraph",
    "Closure",
    "NewAction",
    "DecisionItem",
    "MinutesProposal",
    "parse_minutes",
    "heading_title",
    "meeting_date_in",
    "deadline_date",
]


@dataclass(frozen=True)
class Paragraph:
    """One paragraph of the minutes. ``level`` 0 is body text, 1.. a heading."""

    text: str
    level: int = 0
    bullet: bool = False


@dataclass(frozen=True)
class Closure:
    number: int
    sentence: str  # where the minutes say so, shown in the preview


@dataclass(frozen=True)
class NewAction:
    owner: str
    description: str
    subject: str
    marker: str  # the marker text as written, e.g. "actie: Jan maakt een poster"
    deadline: str = ""  # as written in the marker: "1 november", "eind okt", "volgende vergadering"


@dataclass(frozen=True)
class DecisionItem:
    text: str
    subject: str
    kind: str = "besluit"  # or "afspraak"


@dataclass
class MinutesProposal:
    closures: list[Closure] = field(default_factory=list)
    new_actions: list[NewAction] = field(default_factory=list)
    decisions: list[DecisionItem] = field(default_factory=list)
    # "De actielijst is bijgewerkt": actions whose Status says afgerond are closed too.
    list_updated: str = ""

    @property
    def is_empty(self) -> bool:
        return not (self.closures or self.new_actions or self.decisions)

    @property
    def closed_numbers(self) -> list[int]:
        return [c.number for c in self.closures]


_HEADING_NUMBER = re.compile(r"^\s*(?:\d+(?:\.\d+)*\.?|[A-Z]\.|[IVX]+\.)\s+")


def heading_title(text: str) -> str:
    """'5.1 Organisatie en besturing' -> 'Organisatie en besturing'."""
    title = grammar.normalise(text).strip(" :")
    return _HEADING_NUMBER.sub("", title).strip() or title


_MONTH_NUMBERS = {name: index for index, names in enumerate(
    ("jan januari", "feb februari", "mrt maart", "apr april", "mei", "jun juni", "jul juli", "aug augustus",
     "sep sept september", "okt oktober", "nov november", "dec december"), start=1) for name in names.split()}
_WRITTEN_DATE = re.compile(r"\b(\d{1,2})\s+([a-z]+)\.?\s+(\d{4})\b", re.IGNORECASE)
_NUMERIC_DATE = re.compile(r"\b(\d{1,2})[-./](\d{1,2})[-./](\d{4})\b")


def meeting_date_in(paragraphs: list[Paragraph]) -> date | None:
    """The meeting date the minutes state near the top ("Vergaderdatum: 12 oktober 2023")."""
    head = [grammar.normalise(p.text) for p in paragraphs[:15]]
    dated = [t for t in head if re.search(r"(?i)datum|vergadering|verslag|notulen", t)] + head
    for text in dated:
        for match in _WRITTEN_DATE.finditer(text):
            month = _MONTH_NUMBERS.get(match.group(2).lower())
            if month:
                try:
                    return date(int(match.group(3)), month, int(match.group(1)))
                except ValueError:
                    continue
        for match in _NUMERIC_DATE.finditer(text):
            try:
                return date(int(match.group(3)), int(match.group(2)), int(match.group(1)))
            except ValueError:
                continue
    return None


_MONTHS = "|".join(grammar.MONTHS)

_WHEN = (
    rf"(?:\d{{1,2}}[-/]\d{{1,2}}(?:[-/]\d{{2,4}})?|\d{{1,2}}\s+(?:{_MONTHS})\b\.?(?:\s+\d{{4}})?"
    rf"|(?:eind|begin|half|medio)\s+(?:{_MONTHS}|dit jaar|volgend jaar)\b|week\s+\d{{1,2}}|Q[1-4]\b"
    r"|(?:de\s+)?volgende\s+(?:OR-|OV-)?vergadering)"
)
_DEADLINE = re.compile(
    rf"\s*[,;]?\s*(?:\bdeadline\s*:?|\buiterlijk|\bvóór|\bvoor|\bgereed\s+voor|\bklaar\s+voor)\s+(?P<when>{_WHEN})",
    re.IGNORECASE,
)


def split_deadline(task: str) -> tuple[str, str]:
    """(task without the deadline, the deadline as written) for "..., deadline 1 november"."""
    match = _DEADLINE.search(task)
    if not match:
        return task, ""
    rest = (task[: match.start()] + task[match.end() :]).strip(" ,;.")
    return rest, match.group("when").strip(" .")



def deadline_date(text: str, meeting: date) -> date | None:
    """The date a written deadline means, after the meeting: "1 november", "1-11", "1-11-2023"."""
    written = re.fullmatch(r"(\d{1,2})\s+([a-z]+)\.?(?:\s+(\d{4}))?", text.strip(), re.IGNORECASE)
    numeric = re.fullmatch(r"(\d{1,2})[-/](\d{1,2})(?:[-/](\d{2,4}))?", text.strip())
    if written and _MONTH_NUMBERS.get(written.group(2).lower()):
        day, month, year = int(written.group(1)), _MONTH_NUMBERS[written.group(2).lower()], written.group(3)
    elif numeric:
        day, month, year = int(numeric.group(1)), int(numeric.group(2)), numeric.group(3)
    else:
        return None
    try:
        if year:
            return date(int(year) + (2000 if len(year) == 2 else 0), month, day)
        found = date(meeting.year, month, day)
        return found if found >= meeting else date(meeting.year + 1, month, day)
    except ValueError:
        return None


def parse_minutes(paragraphs: list[Paragraph]) -> MinutesProposal:
    """Read every marker in the minutes, in document order."""
    proposal = MinutesProposal()
    subject = ""
    previous_sentence = ""
    pending_label: str | None = None  # "Besluit:" standing alone: the next paragraph is the text
    listing = False  # under a paragraph "Acties:", each bullet is an action
    for paragraph in paragraphs:
        text = grammar.normalise(paragraph.text)
        if not text:
            continue
        if paragraph.level > 0:
            subject = heading_title(text)
            previous_sentence, pending_label, listing = "", None, False
            continue
        if listing and paragraph.bullet and not grammar.find_markers(text) and not grammar.closed_numbers(text):
            _add_listed_action(proposal, text, subject)
            continue
        listing = (listing and paragraph.bullet) or grammar.is_action_list_label(text)
        if grammar.is_action_list_label(text):
            continue
        if pending_label is not None:
            _add_decision(proposal, pending_label, _strip_markers(text), subject)
            pending_label = None
        pending_label = _read_paragraph(text, subject, previous_sentence, proposal)
        spans = grammar.sentence_spans(text)
        if spans:
            previous_sentence = _strip_markers(text[spans[-1][0] : spans[-1][1]]) or previous_sentence
    _drop_duplicate_closures(proposal)
    return proposal


def _read_paragraph(text: str, subject: str, previous_sentence: str, proposal: MinutesProposal) -> str | None:
    """Add what one paragraph says; return a decision kind when a label waits for its text."""
    spans = grammar.sentence_spans(text)
    quotes = grammar.quoted_spans(text)
    markers = grammar.find_markers(text)
    waiting: str | None = None
    for start, end in spans:
        if grammar.inside(start + 1, quotes) and grammar.inside(end - 1, quotes):
            continue
        sentence = text[start:end]
        if any(m.start <= start and end <= m.end for m in markers):
            continue  # the sentence is a marker itself
        clean = _strip_markers(sentence)
        if grammar.says_list_updated(clean):
            proposal.list_updated = clean
        for number in grammar.closed_numbers(clean):
            proposal.closures.append(Closure(number, clean))
        decision = grammar.decision_in(clean)
        if decision is not None and not _is_quoted_or_example(sentence):
            kind, decided = decision
            if (start, end) == spans[-1] and (not decided or decided.endswith(":")):
                waiting = f"{kind}:{decided}" if decided else kind
            elif decided:
                _add_decision(proposal, kind, decided, subject)
    for marker in markers:
        action = _action_from_marker(text, marker, spans, quotes, subject, previous_sentence)
        if action is not None:
            proposal.new_actions.append(action)
    return waiting


def _action_from_marker(
    text: str,
    marker: grammar.Marker,
    spans: list[tuple[int, int]],
    quotes: list[tuple[int, int]],
    subject: str,
    previous_sentence: str,
) -> NewAction | None:
    index = next((i for i, (s, e) in enumerate(spans) if s <= marker.start < e), 0)
    sentence_start = spans[index][0] if spans else 0
    if grammar.is_example(text, marker, sentence_start):
        return None
    owner, task = grammar.split_owner(marker.content)
    task, deadline = split_deadline(task)
    if not owner and not task:
        return None
    sentence = _sentence_for(text, marker, spans, index) or (previous_sentence if not task else "")
    if task and sentence:
        description = f"{sentence} Actie: {owner} {task}".strip()
        description = description if description.endswith((".", "?", "!")) else description + "."
    else:
        description = sentence or _capitalise(task)
    written = text[marker.start : marker.end].strip("()[] ")
    return NewAction(owner, description, subject, written, deadline)


def _sentence_for(text: str, marker: grammar.Marker, spans: list[tuple[int, int]], index: int) -> str:
    """The sentence a marker belongs to: its own, or the one it follows."""
    if not spans:
        return ""
    start, end = spans[index]
    own = _strip_markers(text[start:end])
    marker_opens_sentence = not text[start : marker.start].strip()
    if (marker_opens_sentence or not own) and index > 0:
        return _strip_markers(text[spans[index - 1][0] : spans[index - 1][1]])
    if marker_opens_sentence and marker.standalone:
        return ""
    return own


def _strip_markers(sentence: str) -> str:
    """The sentence without its action markers (other brackets stay)."""
    for marker in reversed(grammar.find_markers(sentence)):
        sentence = sentence[: marker.start] + sentence[marker.end :]
    sentence = re.sub(r"\s+([.,;:!?])", r"\1", sentence)
    return " ".join(sentence.split()).strip(" -–•")


def _is_quoted_or_example(sentence: str) -> bool:
    stripped = sentence.strip()
    return bool(stripped) and stripped[0] in "\"“„‘'" or bool(re.match(r"(?i)(?:bijvoorbeeld|voorbeeld|bv\.?)\b", stripped))


def _add_listed_action(proposal: MinutesProposal, text: str, subject: str) -> None:
    owner, task = grammar.split_listed_action(text)
    if task:
        proposal.new_actions.append(NewAction(owner, _capitalise(task), subject, f"actie: {text}"))


def _add_decision(proposal: MinutesProposal, kind: str, text: str, subject: str) -> None:
    kind, _, lead = kind.partition(":")  # "besluit:De OR besluit:" carries its lead-in
    text = f"{lead} {text}".strip() if lead else text.strip()
    if not text:
        return
    if kind == "afspraak":
        text = f"Afspraak: {text}"
    if any(d.text == text and d.subject == subject for d in proposal.decisions):
        return
    proposal.decisions.append(DecisionItem(text=text, subject=subject, kind=kind))


def _drop_duplicate_closures(proposal: MinutesProposal) -> None:
    seen: set[int] = set()
    unique = []
    for closure in proposal.closures:
        if closure.number not in seen:
            seen.add(closure.number)
            unique.append(closure)
    proposal.closures = unique


def _capitalise(text: str) -> str:
    text = text.strip()
    text = text if text.endswith((".", "?", "!")) or not text else text + "."
    return text[:1].upper() + text[1:]
