"""The small grammar of Dutch minutes: sentences, action markers, owners, numbers.

Pure string work, no I/O; :mod:`orsheet.minutes` builds a proposal from it.
Every pattern here is about the *phrases* notulisten use ("(actie: Jan maakt
een poster)", "Acties 325 en 330 zijn afgerond", "De OR besluit ..."), never
about one council's names or numbers.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# A redacted name appears as "5.1.2e" or, in some exports, "5.1, 2, e".
_REDACTION_VARIANT = re.compile(r"\b(\d)\.(\d),\s*(\d),\s*([a-z])\b")
_EMPHASIS = re.compile(r"\*+|</?(?:b|i|u|em|strong|sup|sub)>")
_SPACES = re.compile(r"[ \t\u00a0\u2009\u202f]+")

MONTHS = (
    "januari jan februari feb maart mrt apr april mei juni jun juli jul augustus aug "
    "september sep sept oktober okt november nov december dec"
).split()

# Words after which a period does not end a sentence.
_ABBREVIATIONS = {
    "bv", "bijv", "b.v", "o.a", "i.r.t", "e.e.a", "n.a.v", "m.b.t", "t.a.v", "i.v.m", "jl", "ca",
    "nr", "nrs", "mr", "mevr", "dhr", "drs", "dr", "ir", "ing", "vs", "evt", "incl", "excl", "z.s.m",
    "c.q", "d.w.z", "o.b.v", "resp", "zgn", "etc", "art", "blz", "p", "vgl", "vb", "a.s", "t/m",
}


def normalise(text: str) -> str:
    """Collapse spacing, drop Markdown/HTML emphasis, unify redaction codes."""
    text = _EMPHASIS.sub("", text)
    text = _REDACTION_VARIANT.sub(r"\1.\2.\3\4", text)
    text = re.sub(r"(?<=\w)\u2019(?=\w)", "'", text)  # "collega’s": an apostrophe, not a closing quote
    return _SPACES.sub(" ", text).strip()


# ---------------------------------------------------------------- sentences

_SENTENCE_END = re.compile(r"[.!?][\"'”’)\]]*\s+(?=[\"'“‘(\[A-ZÀ-Ý0-9•\uf0b7-])")


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence in ``text``; abbreviations do not split."""
    spans: list[tuple[int, int]] = []
    start = 0
    for match in _SENTENCE_END.finditer(text):
        before = text[start : match.start() + 1]
        last_word = before.rsplit(None, 1)[-1].rstrip(".!?").lower() if before.strip() else ""
        if last_word in _ABBREVIATIONS or (len(last_word) == 1 and last_word.isalpha()):
            continue
        if re.fullmatch(r"\d+(\.\d+)*", last_word):  # "1." list number or "5.1" heading
            continue
        spans.append((start, match.end()))
        start = match.end()
    if start < len(text):
        spans.append((start, len(text)))
    return [(s, e) for s, e in spans if text[s:e].strip()]


# ------------------------------------------------------------------ quotes

_QUOTE_PAIRS = (("\u201c", "\u201d"), ("\u201e", "\u201d"), ('"', '"'), ("\u2018", "\u2019"), ("`", "`"))


def quoted_spans(text: str) -> list[tuple[int, int]]:
    """Spans inside quotation marks (a marker quoted there is an example)."""
    spans: list[tuple[int, int]] = []
    for opening, closing in _QUOTE_PAIRS:
        position = 0
        while (start := text.find(opening, position)) != -1:
            end = text.find(closing, start + 1)
            if end == -1:
                break
            spans.append((start, end + 1))
            position = end + 1
    # Single quotes only count at word edges: "collega's" is no quote.
    for match in re.finditer(r"(?<![\w])'([^']+)'(?![\w])", text):
        spans.append(match.span())
    return spans


def inside(position: int, spans: list[tuple[int, int]]) -> bool:
    return any(start < position < end for start, end in spans)


# ----------------------------------------------------------------- markers

@dataclass(frozen=True)
class Marker:
    """An action marker found in a paragraph: where it is and what it says."""

    start: int
    end: int
    content: str  # the text after "actie:", e.g. "Jan maakt een poster."
    standalone: bool  # "Actie: ..." as a sentence of its own, not in brackets


_MARKER_WORD = r"(?:actie|acties|actiepunt|actiepunten|actiehouder|actiehouders)"
_BRACKET_MARKER = re.compile(rf"[(\[]\s*{_MARKER_WORD}\b\s*(:|-|>|voor\b)?\s*", re.IGNORECASE)
_LABEL_MARKER = re.compile(rf"(?:^|(?<=[.!?]\s)|(?<=\n)|(?<=^[-•–] ))[ \t]*{_MARKER_WORD}\s*:\s*", re.IGNORECASE)
_CLOSING = {"(": ")", "[": "]"}


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
    if colon and not _looks_like_verb(colon.group(1).split()[-1]):
        return colon.group(1).strip(), colon.group(2).strip()
    trailing = re.match(r"^(.+?)\s*[(\[]([^()\[\]]{1,40})[)\]]\.?$", text)
    if trailing:
        return trailing.group(2).strip(), trailing.group(1).strip()
    owner, task = split_owner(text)
    return owner, (text if task else "")


def find_markers(text: str) -> list[Marker]:
    """Action markers in one paragraph, quoted ones included (callers filter)."""
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
    return sorted(markers, key=lambda m: m.start)


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


def is_example(text: str, marker: Marker, sentence_start: int) -> bool:
    """A marker quoted, cited as an example, or with a placeholder owner."""
    if inside(marker.start, quoted_spans(text)):
        return True
    before = text[sentence_start : marker.start]
    words_before = " ".join(before.split()[-4:])
    if _EXAMPLE_CUES.search(words_before) or re.search(r"\bvoorbeeld", before, re.IGNORECASE):
        return True
    return marker.content.strip(" .:").lower() in _PLACEHOLDER_OWNERS


# ------------------------------------------------------------------ owners

_PARTICLES = {"van", "de", "der", "den", "het", "ter", "ten", "te", "'t", "la", "le", "du", "di", "da", "von", "op"}
_CONNECTORS = {"en", "&", "+", "/", ","}
GROUP_WORDS = {
    "allen", "iedereen", "voorzitter", "vicevoorzitter", "secretaris", "ambtelijk", "notulist",
    "penningmeester", "dagelijks", "bestuur", "werkgroep", "commissie", "or", "or-leden",
    "ondernemingsraad", "bestuurder", "directie", "db", "p&o", "hr", "secretariaat", "kerngroep",
    "presidium", "leden", "alle", "vaste", "agendacommissie",
}
_TITLES = {"mevrouw", "meneer", "mevr", "dhr", "heer", "mw", "mr", "dr", "drs", "ir", "prof"}
_MODAL_VERBS = {
    "zal", "zullen", "kan", "kunnen", "wil", "willen", "moet", "moeten", "gaat", "gaan", "is", "zijn",
    "heeft", "hebben", "neemt", "nemen", "doet", "doen", "wordt", "worden", "zorgt", "zorgen",
}
_REDACTION = re.compile(r"\d+(?:\.\d+)+[a-z]?")


def _bare(token: str) -> str:
    return token.strip(".,;:()[]\"'“”‘’")


def _is_name(token: str) -> bool:
    word = _bare(token)
    if not word:
        return False
    if _REDACTION.fullmatch(word) or re.fullmatch(r"(?:[A-Z]\.)+", token.rstrip(",")):
        return True
    return word[0].isupper() or word.lower() in GROUP_WORDS or word.lower() in _TITLES


def _looks_like_verb(token: str) -> bool:
    word = _bare(token).lower()
    return word in _MODAL_VERBS or (word.isalpha() and word.endswith("t") and len(word) > 3)


def split_owner(content: str) -> tuple[str, str]:
    """Split a marker's text into (owner, task).

    The owner runs up to the first verb: names (capitalised words, initials,
    redaction codes, particles such as "van der"), joined by "en", "&" or
    commas, or a group ("werkgroep O&B", "het DB", "allen"). With no verb the
    whole (short) text is the owner.
    """
    content = normalise(content).rstrip(".").strip()
    tokens = content.split()
    taken = 0
    while taken < len(tokens):
        token, word = tokens[taken], _bare(tokens[taken]).lower()
        following = tokens[taken + 1] if taken + 1 < len(tokens) else None
        if _is_name(token) and not (taken and word in _MODAL_VERBS):
            taken += 1
        elif word in _PARTICLES and following is not None and _is_name(following):
            taken += 1
        elif (word in _CONNECTORS or token == ",") and taken and following is not None and _is_name(following):
            taken += 1
        elif taken and _bare(tokens[taken - 1]).lower() in GROUP_WORDS and _qualifies_group(tokens, taken):
            taken += 1
        else:
            break
        if tokens[taken - 1].endswith((",", ";", ":")) and taken < len(tokens) and not _is_name(tokens[taken]):
            break
    owner = " ".join(tokens[:taken]).strip(" ,;:")
    task = " ".join(tokens[taken:]).strip()
    if not owner and len(tokens) <= 4 and not any(_looks_like_verb(t) for t in tokens):
        return content, ""
    return owner, (task if owner else content)


def _qualifies_group(tokens: list[str], index: int) -> bool:
    """'werkgroep communicatie': a lowercase word naming the group, not a verb."""
    token = tokens[index]
    if _looks_like_verb(token) or _bare(token).lower() in _PARTICLES | _CONNECTORS:
        return False
    following = tokens[index + 1] if index + 1 < len(tokens) else None
    return following is None or _looks_like_verb(following)


# ------------------------------------------------------------------ numbers

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
    rf"\s*(?:[.:]\d|(?:{'|'.join(MONTHS)})\b|uur\b|u\b|%|minuten\b|min\b|euro\b|jaar\b|dagen\b|weken\b)",
    re.IGNORECASE,
)


def number_list_at(text: str, position: int) -> tuple[list[int], int]:
    """Numbers listed from ``position`` ("325, 330 en 338", "341 t/m 345").

    Returns the numbers and where the list ends. Dates ("13 oktober",
    "12-10-2023"), times and amounts end the list and are not numbers.
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
            if value < last <= value + 100:
                numbers.extend(range(value, last + 1))
                after = end_match.end()
            else:
                numbers.append(value)
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
_DONE_LABEL = re.compile(r"^\s*(?:afgerond|afgehandeld|gereed|vervallen)\s*(?::|zijn|is)?\s*", re.IGNORECASE)


def closed_numbers(sentence: str) -> list[int]:
    """Action numbers a sentence reports as done ("Acties 325 en 330 zijn afgerond")."""
    lists = _number_lists(sentence)
    found: list[int] = []
    for index, (numbers, start, end) in enumerate(lists):
        window_end = lists[index + 1][1] if index + 1 < len(lists) else len(sentence)
        after = sentence[end:window_end]
        before = sentence[:start]
        done = _DONE.search(after)
        if done and not _NOT_DONE.search(after[: done.start()]) and not _NOT_DONE.search(after[done.end():][:12]):
            found.extend(numbers)
        elif _DONE_LABEL.match(before) and not _NOT_DONE.search(before):
            found.extend(numbers)
    return list(dict.fromkeys(found))


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


# ---------------------------------------------------------------- decisions

# Case matters for the body's name ("De OR", not "Het nieuwe besluit"), so
# only the articles and common nouns are matched case-insensitively.
_BODY = (
    r"(?:(?i:de|het)\s+(?:[A-Z][\w&'-]*(?:\s+[A-Z][\w&'-]*){0,2}|(?i:ondernemingsraad|raad|commissie|"
    r"werkgroep(?:\s+[\w&-]+)?|vergadering|medezeggenschapsraad|personeelsvertegenwoordiging))|(?i:wij|we))"
)
_DECISION_VERB = re.compile(rf"^{_BODY}\s+(?:besluit|besluiten)\b")
_DECISION_INVERTED = re.compile(rf"^[A-Z]\w*\s+(?:besluit|besluiten)\s+{_BODY}\b")
_DECISION_PASSIVE = re.compile(r"^(?:er\s+wordt\s+besloten|besloten\s+wordt)\b", re.IGNORECASE)
_DECISION_LABEL = re.compile(r"^(besluit|besluiten|afspraak|afspraken)(?:\s+(?:van\s+de\s+)?(?:OR|DB|ondernemingsraad))?\s*:\s*", re.IGNORECASE)


def decision_in(sentence: str) -> tuple[str, str] | None:
    """(kind, text) when a sentence records a decision or agreement, else None.

    kind is "besluit" or "afspraak". For a "Besluit:"/"Afspraak:" label the
    text is what follows the label ("" when the label stands alone).
    """
    text = sentence.strip().lstrip("-•–*▪◦●\uf0b7 ")
    label = _DECISION_LABEL.match(text)
    if label:
        kind = "afspraak" if label.group(1).lower().startswith("afspra") else "besluit"
        return kind, text[label.end() :].strip()
    if _DECISION_VERB.match(text) or _DECISION_PASSIVE.match(text):
        return "besluit", text
    if _DECISION_INVERTED.match(text) and text.split()[0].lower() not in {"het", "de", "een"}:
        return "besluit", text
    return None
