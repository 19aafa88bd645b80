"""The redactor: what to remove from a text for a Woo publication and with which code (pure)."""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field

from orsheet.model import Person
from orsheet.redact.folding import FoldedText, fold
from orsheet.redact.forms import EMAIL_ADDRESS, compile_forms, literal, name_forms, phrase, public_forms
from orsheet.redact.numbers import personal_numbers

NAME_CODE = "5.1.2e"
BSN_CODE = "5.1.1e"
OTHER_CODE = "5.2.1"
CODES = (NAME_CODE, OTHER_CODE, BSN_CODE)  # the inventory's columns (the BSN came last)

# Why each code was applied, for the inventory list (inventarislijst); what it removed.
CODE_REASONS = {
    BSN_CODE: "Woo art. 5.1 lid 1 sub e: identificatienummers (burgerservicenummer)",
    NAME_CODE: "Woo art. 5.1 lid 2 sub e: eerbiediging van de persoonlijke levenssfeer "
               "(namen, e-mailadressen, telefoonnummers en rekeningnummers van personen)",
    OTHER_CODE: "Woo art. 5.2 lid 1: persoonlijke beleidsopvattingen in documenten voor intern beraad",
}
CODE_LABELS = {BSN_CODE: "burgerservicenummers", NAME_CODE: "persoonsgegevens", OTHER_CODE: "overige passages"}
# The code for each kind of number orsheet.redact.numbers finds.
_NUMBER_CODES = {"bsn": BSN_CODE, "telefoon": NAME_CODE, "iban": NAME_CODE}

# A sentence opens at the start of a text or after an end mark, a colon or a line break,
# with brackets, quotes or a bullet in between.
_SENTENCE_ENDS = frozenset(".!?:;\n•")
_BEFORE_A_SENTENCE = frozenset(" \t\u00a0\"'“‘([*–-")
# "Wil jij ...", "Kan de OR ...", "Ben je ...": a verb opening a question or inverted
# sentence is followed by its subject; a name is followed by its verb.
_SUBJECTS = frozenset({
    "ik", "jij", "je", "u", "hij", "zij", "ze", "we", "wij", "jullie", "men", "het", "er", "de", "een", "dit",
    "dat", "deze", "die", "iemand", "iedereen", "niemand",
})
_NEXT_WORD = re.compile(r"[\s\u00a0]+([^\W\d_]+|\d(?:\.\d)+[a-z]?)")


def _opens_a_question(text: str, start: int, end: int) -> bool:
    """Does the word at ``text[start:end]`` open a sentence and is its subject next ("Wil jij")?"""
    following = _NEXT_WORD.match(text, end)
    # A code stands for what it replaced: "Wil de Vries" redacted is "Wil 5.1.2e", still read as before.
    if following is None or (following.group(1).casefold() not in _SUBJECTS and following.group(1) not in CODES):
        return False
    index = start - 1
    while index >= 0 and text[index] in _BEFORE_A_SENTENCE:
        index -= 1
    return index < 0 or text[index] in _SENTENCE_ENDS


@dataclass(frozen=True)
class Redaction:
    text: str
    counts: Counter = field(default_factory=Counter)  # code -> replacements


@dataclass(frozen=True)
class Leak:
    found: str  # the text that should have been removed
    code: str
    context: str  # a little text around it, for the error message


@dataclass(frozen=True)
class Redactor:
    """What to remove (names per code) and what to keep (public officials)."""

    patterns: tuple[tuple[str, re.Pattern[str]], ...]  # (code, pattern), in this order
    protected: re.Pattern[str] | None = None
    emails: tuple[str, ...] = ()
    # The one of ``patterns`` for single name parts that are Dutch words ("Bakker", "Wil"):
    # matched capitalised, and not as the verb opening a question ("Wil jij").
    words: re.Pattern[str] | None = None
    # Every name form in any case: a name inside an e-mail address ("eva.bakker@...").
    any_case: re.Pattern[str] | None = None
    numbers: bool = True  # phone numbers, BSNs and IBANs (orsheet.redact.numbers)

    def matches(self, text: str) -> list[tuple[int, int, str]]:
        """Non-overlapping (start, end, code) spans to replace, in order.

        Public officials' names and the codes are found first and block any
        overlapping match; then personal data (e-mail addresses of private
        people, phone numbers, BSNs, IBANs), names (5.1.2e) and other withheld
        text (5.2.1), each blocking what comes later.
        """
        if not any(c.isalnum() for c in text):  # every name, address and number has letters or digits
            return []
        folded = FoldedText(text)  # names are looked for in the folded text, numbers in the typed one
        blocked: list[tuple[int, int]] = []
        if self.protected is not None:
            blocked = sorted(folded.span(*m.span()) for m in self.protected.finditer(folded.text))
        found: list[tuple[int, int, str]] = []

        def accept(spans: Iterable[tuple[int, int, str]]) -> None:
            nonlocal blocked
            accepted = [s for s in spans if s[1] > s[0] and not _overlaps(blocked, s[0], s[1])]
            found.extend(accepted)
            blocked = sorted(blocked + [(start, end) for start, end, _ in accepted])

        accept((*folded.span(start, end), code) for start, end, code in self._addresses(folded.text))
        if self.numbers:
            accept((start, end, _NUMBER_CODES[kind]) for start, end, kind in personal_numbers(text))
        for code, pattern in self.patterns:
            if pattern is self.words:
                accept((*folded.span(*m.span()), code) for m in pattern.finditer(folded.text)
                       if not _opens_a_question(folded.text, m.start(), m.end()))
            else:
                accept((*folded.span(*m.span()), code) for m in pattern.finditer(folded.text))
        return sorted(found)

    def is_public(self, text: str) -> bool:
        """Whether ``text`` is, as a whole, a public official's name (kept as an author's name)."""
        return self.protected is not None and self.protected.fullmatch(fold(text.strip())) is not None

    def _addresses(self, text: str) -> Iterator[tuple[int, int, str]]:
        """Whole e-mail addresses that are a private person's or hold a name ("r.oosterhuis@...")."""
        if "@" not in text or (self.any_case is None and not self.emails):
            return
        own = {fold(email).casefold() for email in self.emails}
        for match in EMAIL_ADDRESS.finditer(text):
            address = match.group(0)
            if address.casefold() in own or (self.any_case is not None and self.any_case.search(address)):
                yield match.start(), match.end(), NAME_CODE

    def redact(self, text: str) -> Redaction:
        """Replace every match by its code; count replacements per code."""
        if not text:
            return Redaction(text, Counter())
        spans = self.matches(text)
        if not spans:
            return Redaction(text, Counter())
        pieces, last, counts = [], 0, Counter()
        for start, end, code in spans:
            pieces.append(text[last:start])
            pieces.append(code)
            counts[code] += 1
            last = end
        pieces.append(text[last:])
        return Redaction("".join(pieces), counts)

    def redact_pieces(self, pieces: Sequence[str]) -> tuple[list[str], Counter]:
        """Redact text split over pieces (Word runs) as if it were one string.

        A name split over runs ("Jan " + "de Vries") is found in the joined
        text; the code goes into the piece where the name starts and the rest
        of the name is cut from the following pieces, so formatting of the
        surrounding text stays where it was.
        """
        joined = "".join(pieces)
        spans = self.matches(joined) if joined else []
        if not spans:
            return list(pieces), Counter()
        bounds, offset = [], 0
        for piece in pieces:
            bounds.append((offset, offset + len(piece)))
            offset += len(piece)
        result = []
        for (lo, hi), piece in zip(bounds, pieces):
            out, pos = [], lo
            for start, end, code in spans:
                if end <= lo or start >= hi:
                    continue
                out.append(joined[pos:max(start, lo)])
                if lo <= start < hi:
                    out.append(code)
                pos = max(pos, min(end, hi))
            out.append(joined[pos:hi])
            result.append("".join(out))
        return result, Counter(code for _, _, code in spans)

    def leaks(self, text: str) -> list[Leak]:
        """Names that are still in ``text`` (empty when it is clean)."""
        found = []
        for start, end, code in self.matches(text) if text else []:
            context = text[max(0, start - 30):end + 30].replace("\n", " ")
            found.append(Leak(text[start:end], code, context))
        return found


def _overlaps(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    """Whether [start, end) overlaps any of the sorted, non-overlapping ``spans``."""
    index = bisect.bisect_left(spans, (end,))  # spans before this one start before ``end``
    return index > 0 and spans[index - 1][1] > start


def build_redactor(people: Iterable[Person], other_terms: Iterable[str] = (), numbers: bool = True) -> Redactor:
    """A redactor for the private people in ``people`` (Openbaar not "ja").

    ``other_terms`` are further phrases to withhold as ``5.2.1``; ``numbers``
    also removes phone numbers, BSNs and IBANs (:mod:`orsheet.redact.numbers`),
    whoever's they are.
    """
    people = list(people)
    private = [p for p in people if not p.public and p.name.strip()]
    public = [p for p in people if p.public and p.name.strip()]
    emails = tuple(p.email.strip() for p in private if p.email and "@" in p.email)
    always = [f"(?i:{literal(e)})" for e in emails]
    words: list[str] = []
    for person in private:
        forms = name_forms(person.name)
        always.extend(forms.always)
        words.extend(forms.words)
    names, word_names = compile_forms(always), compile_forms(words)
    patterns = [(NAME_CODE, pattern) for pattern in (names, word_names) if pattern is not None]
    others = compile_forms(f"(?i:{phrase(t)})" for t in other_terms if t.strip())
    if others is not None:
        patterns.append((OTHER_CODE, others))
    # The codes themselves are never touched ("1" or "e" in "5.1.2e" is no name).
    protected_forms = [re.escape(code) for code in CODES] + [f for p in public for f in public_forms(p.name)]
    any_case = compile_forms(always + [f"(?i:{form})" for form in words])
    return Redactor(tuple(patterns), compile_forms(protected_forms), emails, word_names, any_case, numbers)
