"""Dutch minutes (notulen) -> the changes they imply for the workbook (pure).

The notulist marks work in the text: "Acties 325 en 330 zijn afgerond",
"(actie: Jan maakt een poster)", "De OR besluit ...", "Afspraak: ...". Other
secretaries write "Amal stuurt een testversie", "Dit is akkoord." or
"Draaiboek is doorgestuurd". This module turns a document, given as a list of
:class:`Paragraph` objects (text plus heading level), into a
:class:`MinutesProposal`: closures, new actions (owner, the sentence the
marker belongs to, the agenda item it stands under), decisions, tasks reported
done without a number, and the sentences that came close. What an explicit
marker or number says is *zeker*; what is read from the phrasing *mogelijk*.
It reads no files and knows no workbook.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

from orsheet.minutes import decisions as decided
from orsheet.minutes.header import heading_title, meeting_date_in
from orsheet.minutes.markers import (
    Marker,
    find_markers,
    is_action_list_label,
    is_example,
    joined_who_what_when,
    leading_deadline,
    split_deadline,
    split_listed_action,
    who_what_when,
)
from orsheet.minutes.numbers import RANGE_LIMIT, RangeRefused, closed_numbers, mentions_closure, says_list_updated
from orsheet.minutes.overlap import drop_duplicate_closures, drop_possible_actions_a_marker_covers
from orsheet.minutes.owners import split_owner
from orsheet.minutes.people import People, is_header_line, names_in_header, names_in_text, people_from
from orsheet.minutes.proposal import (
    POSSIBLE,
    Closure,
    DecisionItem,
    DoneReport,
    MinutesProposal,
    NearMiss,
    NewAction,
    Paragraph,
)
from orsheet.minutes.rows import CARRIED_OVER, carried_over, row_dates, table_actions
from orsheet.minutes.status import Status, status_of
from orsheet.minutes.tasks import (
    NAME_AND_VERB,
    OWNER_CELL,
    PASSIVE,
    done_report,
    is_the_body,
    last_owner_in,
    owner_cell,
    points_back,
    tasks_in,
)
from orsheet.minutes.text import content_words, inside, normalise, quoted_spans, sentence_spans
from orsheet.minutes.vocabulary import FUTURE_VERBS, NOT_A_TASK_START, TASK_VERBS

__all__ = ["parse_minutes"]

_HEADER_PARAGRAPHS = 40
# A task said in this many words or fewer ("Koen zoekt het uit.", "Hanneke regelt de locatie en de
# trainer.") takes the sentence before it along: that says what "het" or "de locatie" is.
_SHORT_TASK = 8
_SPACE_BEFORE_STOP = re.compile(r"\s+([.,;:!?])")
_CONTINUES_DECISION = re.compile(r"(?i)(?:ook|tevens|eveneens|verder)\b.*\b(?:wordt|worden)\b")
_SPOKESPERSON = re.compile(r"[(\[]\s*(?:woordvoerder|woordvoerders|spreker|sprekers)\b", re.IGNORECASE)


class _Reader:
    """The state of one pass through the minutes, in document order."""

    def __init__(self, people: People) -> None:
        self.proposal = MinutesProposal()
        self.people = people
        self.subject = ""
        self.previous_sentence = ""
        self.last_person = ""
        self.pending_label: str | None = None  # "Besluit:" standing alone: the next paragraph is the text
        self.listing = False  # under "Acties:" or a heading about actions, each bullet is an action
        self.topics: list[set[str]] = []  # what was approved so far ("Het reglement is goedgekeurd")
        self.previous_paragraph = ""  # the last body paragraph: the task an owner cell below it names
        self.owner_waiting = ""  # "Mart en Lilia" alone: the owner cell whose deadline follows apart
        self.just_decided = False  # the sentence before, in this paragraph, gave a decision
        self.item = ""  # what is being discussed: the heading, or the numbered or bulleted item below it
        self.paragraph_previous = ""  # the sentence before, in this paragraph only
        self.meeting: date | None = None  # the meeting's date, as the minutes state it
        self.row_dates: list[date] = []  # a running list's row: the dates it was discussed on


def parse_minutes(paragraphs: list[Paragraph], known_people: tuple[str, ...] = ()) -> MinutesProposal:
    """Read the minutes in document order; ``known_people`` come from the Personen sheet."""
    listed = names_in_header([(p.text, p.level) for p in paragraphs[:_HEADER_PARAGRAPHS]])
    in_text, writer = names_in_text([normalise(p.text) for p in paragraphs if not p.level])
    reader = _Reader(people_from([*listed, *known_people, *in_text], writer))
    reader.meeting = meeting_date_in(paragraphs)
    reader.proposal.people = tuple(dict.fromkeys(listed))
    for paragraph in joined_who_what_when(paragraphs):
        text = normalise(paragraph.text)
        if text:
            _read(reader, paragraph, text)
    drop_duplicate_closures(reader.proposal)
    drop_possible_actions_a_marker_covers(reader.proposal)
    return reader.proposal


def _follow_rows(reader: _Reader, text: str) -> None:
    """A row of a running list starts, or a paragraph of dates adds to the row's dates."""
    reader.row_dates = row_dates(text, reader.row_dates)


def _carried_over(reader: _Reader) -> bool:
    return carried_over(reader.meeting, reader.row_dates)


def _read(reader: _Reader, paragraph: Paragraph, text: str) -> None:
    _follow_rows(reader, text)
    if paragraph.level > 0:
        reader.subject = heading_title(text)
        reader.previous_sentence, reader.pending_label = "", None
        reader.previous_paragraph = reader.owner_waiting = ""
        reader.listing = bool(re.search(r"(?i)\ba[ck]tie", text)) and not mentions_closure(text)
        reader.item = reader.subject
        return
    if paragraph.bullet:  # "2. API-56 - versionering niet zichtbaar. Mogelijk ...": its first sentence
        first = sentence_spans(text)[0]
        reader.item = text[first[0] : first[1]].strip()
    labelled = who_what_when(text)
    rows = [labelled] if labelled is not None else table_actions(text, reader.people)
    if rows:  # "Wie: ... Wat: ... Wanneer: ...", or a table "Actie Wie Wanneer" run together: explicit
        for owner, task, when in rows:
            written = text if labelled else f"{task} | {owner} | {when}"
            reader.proposal.new_actions.append(NewAction(owner, _capitalise(task), reader.subject, written, when))
        reader.previous_paragraph = ""
        return
    status = status_of(text)
    if status is not None:
        _read_status_line(reader, text, status)
        return
    if reader.listing and paragraph.bullet and not find_markers(text) and not mentions_closure(text):
        if _add_listed_action(reader, text):
            return
    reader.listing = (reader.listing and paragraph.bullet) or is_action_list_label(text)
    if is_action_list_label(text):
        return
    if paragraph.bullet and _add_named_line(reader, text):
        return
    text = _read_owner_cells(reader, text)
    if not text:
        return
    _follow_rows(reader, text)
    completes_label = reader.pending_label is not None
    if completes_label:
        _add_decision(reader, reader.pending_label, _strip_markers(text))
    spans = sentence_spans(text)  # split once: the pass, the markers and what follows use them
    reader.pending_label = _read_paragraph(reader, text, spans, decisions=not completes_label)
    if spans:
        reader.previous_sentence = _strip_markers(text[spans[-1][0] : spans[-1][1]]) or reader.previous_sentence
    reader.previous_paragraph = text if len(spans) <= 2 else reader.previous_sentence


def _read_status_line(reader: _Reader, text: str, status: Status) -> None:
    """"Rooster opvragen: gedaan.", "Enquête: nog niet verstuurd, Priya pakt dit op": an existing action's status.

    Its numbers close as anywhere; done without a number, it is matched against the open actions;
    nothing in it is a new action or a decision of this meeting.
    """
    closed = False
    for start, end in sentence_spans(text):
        closed = _read_numbers(reader, text[start:end].strip()) or closed
    if status.done and not closed:
        reader.proposal.done_reports.append(DoneReport(text, reader.subject))
    reader.previous_paragraph = ""  # an owner cell below it names no new task


def _read_numbers(reader: _Reader, clean: str) -> list[int]:
    """Close the numbers a sentence reports done; a refused range is a near miss."""
    proposal = reader.proposal
    try:
        numbers = closed_numbers(clean)
    except RangeRefused as refused:
        numbers = []
        proposal.near_misses.append(NearMiss(clean, f'niets afgerond: "{refused}" is geen bereik van '
                                                    f"hoogstens {RANGE_LIMIT} nummers; noem de nummers"))
    for number in numbers:
        proposal.closures.append(Closure(number, clean))
    return numbers


def _read_owner_cells(reader: _Reader, text: str) -> str:
    """An action table flattened to text: "Notulen bewaren in Google Drive." then "Lilia z.s.m.".

    A paragraph that opens with listed people (or a role) and a deadline names the owner of the
    task just before it; people alone wait for a paragraph holding only the deadline. Returns the
    text left to read (the next row, on the same line).
    """
    waiting, reader.owner_waiting = reader.owner_waiting, ""
    alone = leading_deadline(text) == text  # a deadline alone: it completes the owner waiting, or says nothing
    cell = None if alone else owner_cell(text, reader.people)
    if not alone and cell is None:
        return text
    task = reader.previous_paragraph
    has_task = bool(task) and not (task.endswith(":") or is_header_line(task) or owner_cell(task, reader.people))
    if cell is None:
        if waiting and has_task:
            _add_cell_action(reader, waiting, task, text)
        return ""
    if not has_task:
        return text  # no task before it: a heading, a label, the header or a list of names
    if not cell.deadline:
        reader.owner_waiting = cell.owner
        return ""
    _add_cell_action(reader, cell.owner, task, cell.deadline)
    return cell.rest


def _add_cell_action(reader: _Reader, owner: str, task: str, deadline: str) -> None:
    """The owner cell's action; a possible action already read from the task sentence takes its owner."""
    if _carried_over(reader):
        reader.proposal.near_misses.append(NearMiss(f"{task} {owner} {deadline}", CARRIED_OVER))
        reader.previous_paragraph = ""
        return
    actions = reader.proposal.new_actions
    action = NewAction(owner, _capitalise(task), reader.subject, "", deadline.strip(" ."), POSSIBLE, OWNER_CELL)
    if actions and actions[-1].confidence == POSSIBLE and actions[-1].description.endswith(action.description):
        actions.pop()
    actions.append(action)
    reader.previous_paragraph = ""  # the task has its owner now


def _read_paragraph(reader: _Reader, text: str, spans: tuple[tuple[int, int], ...], *, decisions: bool) -> str | None:
    """Add what one paragraph says; return a decision kind when a label waits for its text."""
    quotes = quoted_spans(text)
    markers = find_markers(text)
    waiting: str | None = None
    previous = reader.previous_sentence
    pending = list(markers)
    reader.just_decided = False
    reader.paragraph_previous = ""
    for start, end in spans:
        sentence = text[start:end]
        own_text = not _wholly_quoted(text, start, end, quotes) and not any(
            m.start <= start and end <= m.end for m in markers  # the sentence is a marker itself
        )
        if own_text:
            clean = _strip_markers(sentence)
            cell = owner_cell(clean, reader.people) if start else None
            if cell is not None and cell.deadline and previous:  # "Simone vraagt de leden. Simone z.s.m."
                _add_cell_action(reader, cell.owner, previous, cell.deadline)
                clean = cell.rest
                _follow_rows(reader, clean)  # "... Maarten z.s.m. 015 Toegankelijkheid 25-02-2021 ..."
            marked = any(start <= m.start < end for m in markers)
            decided = reader.proposal.decisions
            last_before = decided[-1] if decided else None
            waiting = _read_sentence(reader, clean, previous, marked, (start, end) == spans[-1], decisions) or waiting
            reader.just_decided = bool(decided) and decided[-1] is not last_before
            previous = clean or previous
            reader.paragraph_previous = clean or reader.paragraph_previous
            reader.last_person = last_owner_in(clean, reader.people) or reader.last_person
        # The sentence's markers, in document order: "(Actie Randy). Hij vraagt ..." -- "hij" is Randy.
        while pending and pending[0].start < end:
            _add_marker_action(reader, text, pending.pop(0), spans)
    return waiting


def _add_marker_action(reader: _Reader, text: str, marker: Marker, spans: list[tuple[int, int]]) -> None:
    action = _action_from_marker(reader, text, marker, spans)
    if action is not None:
        reader.proposal.new_actions.append(action)
        reader.last_person = action.owner or reader.last_person


def _wholly_quoted(text: str, start: int, end: int, quotes: list[tuple[int, int]]) -> bool:
    """A sentence in quotation marks from its first word to its last.

    '"Klaar."', '"Klaar".', '- "Klaar."' and '("Klaar.")' alike: a bullet, brackets and the closing
    punctuation around the quotation do not make the minutes' own words of it.
    """
    sentence = text[start:end]
    first = start + len(sentence) - len(sentence.lstrip(" -–•(["))
    last = start + len(sentence.rstrip().rstrip(".!?)]")) - 1
    return inside(first + 1, quotes) and inside(last, quotes)


def _read_sentence(
    reader: _Reader, clean: str, previous: str, marked: bool, last: bool, decisions: bool
) -> str | None:
    proposal = reader.proposal
    if says_list_updated(clean):
        proposal.list_updated = clean
    numbers = _read_numbers(reader, clean)
    decided_before = proposal.decisions[-1:]
    decision = decided.read_decision(clean) if decisions else None
    if decision is not None and not _is_quoted_or_example(clean):
        if decision.skipped:
            proposal.near_misses.append(NearMiss(clean, f"geen besluit: {decision.skipped}"))
        elif decision.refers_back:
            if previous:
                _add_decision(reader, "besluit", decided.agreed_text(previous, clean), sure=False)
        elif last and (not decision.text or decision.text.endswith(":")):
            return f"{decision.kind}:{decision.text}"
        elif decision.text:
            _add_decision(reader, decision.kind, decision.text, sure=decision.sure, topic=decision.topic)
    elif decisions and reader.just_decided and _CONTINUES_DECISION.match(clean):
        # "... wordt het woord X geschrapt. Ook het woord Y wordt vervangen door Z.": one decision.
        last = proposal.decisions[-1]
        proposal.decisions[-1] = replace(last, text=f"{last.text} {clean}")
    if numbers or marked or _SPOKESPERSON.search(clean):
        return None  # "(woordvoerder: X)" names who speaks in the meeting, it gives no task
    if done_report(clean):
        # "Dit verzoek kan worden afgesloten": said with the item it is about, or nothing can match it.
        about = reader.item if points_back(clean) else ""
        proposal.done_reports.append(DoneReport(f"{about} {clean}".strip(), reader.subject))
        return None
    decided_here = reader.proposal.decisions[-1:] != decided_before
    for task in [] if _carried_over(reader) else tasks_in(clean, reader.people, reader.last_person):
        if decided_here and is_the_body(task.owner):
            continue  # "Besluit: de OR neemt het besluit pas na ...": the body deciding, not a task
        description = task.description
        context = _context_for(reader, clean, previous) if task.reason in (NAME_AND_VERB, PASSIVE) else ""
        if context:
            description = f"{context} {description}"  # "Koen zoekt het uit.": what "het" is
        proposal.new_actions.append(
            NewAction(task.owner, description, reader.subject, "", confidence=POSSIBLE, reason=task.reason)
        )
    return None


# "Nicole wordt gevraagd dit met de gemeente op te nemen; Bas mailt haar.": what "dit" and "haar" are.
_POINTING_BACK = frozenset({
    "dit", "deze", "hem", "haar", "hen", "hierover", "daarover", "hiervoor", "daarvoor", "hiermee", "daarmee",
    "erover", "ervoor", "hiernaar", "daarnaar",
})


def _context_for(reader: _Reader, clean: str, previous: str) -> str:
    """The sentence a task needs to be understood: the one before it in the paragraph for a short task,
    the one before it under the same item for a task that points back ("dit", "haar")."""
    said = clean.split()
    if len(said) <= _SHORT_TASK and reader.paragraph_previous:
        return reader.paragraph_previous
    if previous and _POINTING_BACK & {w.strip(".,;:!?").casefold() for w in said}:
        return previous
    return ""


def _action_from_marker(reader: _Reader, text: str, marker: Marker, spans: list[tuple[int, int]]) -> NewAction | None:
    # The sentences cover the (stripped, non-empty) paragraph: one holds the marker's start.
    index = next(i for i, (s, e) in enumerate(spans) if s <= marker.start < e)
    if is_example(text, marker, spans[index][0]):
        return None
    owner, task = split_owner(marker.content)
    task, deadline = split_deadline(task)
    if not owner and not task:
        return None
    sentence = _sentence_for(text, marker, spans, index) or (reader.previous_sentence if not task else "")
    if task and sentence:
        description = _full_stop(f"{sentence} Actie: {owner} {task}")
    elif not sentence and owner and _starts_with_a_verb(task):
        description = _full_stop(f"{owner} {task}")  # "Actie: Sander stuurt de vragen": the sentence as said
    else:
        description = sentence or _capitalise(task)
    written = text[marker.start : marker.end].strip("()[] ")
    return NewAction(owner, description, reader.subject, written, deadline)


def _starts_with_a_verb(task: str) -> bool:
    """"stuurt de vragen", "schrijven de brief": the owner was the sentence's subject."""
    first = task.split()[0].strip(".,;:").casefold() if task.split() else ""
    return first in FUTURE_VERBS or first in TASK_VERBS


def _sentence_for(text: str, marker: Marker, spans: list[tuple[int, int]], index: int) -> str:
    """The sentence a marker belongs to: its own, or the one it follows."""
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
    for marker in reversed(find_markers(sentence)):
        sentence = sentence[: marker.start] + sentence[marker.end :]
    sentence = _SPACE_BEFORE_STOP.sub(r"\1", sentence)
    return " ".join(sentence.split()).strip(" -–•")


def _is_quoted_or_example(sentence: str) -> bool:
    stripped = sentence.strip()
    return bool(stripped) and stripped[0] in "\"“„‘'" or bool(re.match(r"(?i)(?:bijvoorbeeld|voorbeeld|bv\.?)\b", stripped))


def _add_listed_action(reader: _Reader, text: str) -> bool:
    owner, task = split_listed_action(text)
    if not (owner and task):
        return False
    reader.proposal.new_actions.append(NewAction(owner, _capitalise(task), reader.subject, f"actie: {text}"))
    return True


_NAMED_LINE = re.compile(
    r"^(?P<owner>[A-Z][\w-]*(?:(?:\s+|\s*(?:,|\ben\b|&|/)\s*)[A-Z][\w-]*){0,3})\s*:\s*(?P<task>.+)$"
)
_OWNER_AFTER = re.compile(r"^(?P<task>.+?)\s*\((?P<owner>[A-Z][\w-]*(?:\s*(?:,|en|&|/)\s*[A-Z][\w-]*)*)\)\s*[.!]?$")
_INFINITIVE_END = re.compile(r"\b\w+en[!.]?$")


def _add_named_line(reader: _Reader, text: str) -> bool:
    """"Petra: actielijst bijwerken!" or "offerte hekwerk aanvragen (Marlijn)" as a bullet."""
    named = _NAMED_LINE.match(text) or _OWNER_AFTER.match(text)
    if not named or not _INFINITIVE_END.search(named.group("task")) or text in reader.people:
        return False
    owner, task = named.group("owner"), named.group("task").strip()
    if len(task.split()) < 2 or not task.split()[-1].islower():
        return False  # "Alexander Green (Logius)": a name and its organisation
    if task.split()[0].casefold() in NOT_A_TASK_START or re.search(r"[.?]\s", task):
        return False
    known = all(part in reader.people for part in re.split(r"\s*(?:,|\ben\b|&|/)\s*", owner))
    reason = "regel \"naam: taak\"" + ("" if known else ", naam staat niet bij de aanwezigen")
    reader.proposal.new_actions.append(
        NewAction(owner, _capitalise(task), reader.subject, "", confidence=POSSIBLE, reason=reason)
    )
    return True


def _add_decision(reader: _Reader, kind: str, text: str, *, sure: bool = True, topic: str = "") -> None:
    kind, _, lead = kind.partition(":")  # "besluit:De OR besluit:" carries its lead-in
    text = f"{lead} {text}".strip()
    if not text:
        return
    if kind == "afspraak":
        text = f"Afspraak: {text}"
    proposal = reader.proposal
    if any(d.text == text and d.subject == reader.subject for d in proposal.decisions):
        return
    if topic:  # "Het vrijwilligersbeleid is goedgekeurd" after "De nota vrijwilligersbeleid wordt goedgekeurd"
        words = content_words(topic)
        if any(words and words <= earlier for earlier in reader.topics):
            proposal.near_misses.append(NearMiss(text, "geen besluit: hetzelfde besluit staat al eerder in de notulen"))
            return
        reader.topics.append(words)
    confidence, reason = ("zeker", "") if sure else (POSSIBLE, "besluit afgeleid uit de formulering")
    proposal.decisions.append(DecisionItem(text, reader.subject, kind, confidence, reason))


def _capitalise(text: str) -> str:
    text = _full_stop(text)
    return text[:1].upper() + text[1:]


def _full_stop(text: str) -> str:
    """The text as a sentence: ending in ".", "?" or "!" (an empty text stays empty)."""
    text = text.strip()
    return text if text.endswith((".", "?", "!")) or not text else text + "."
