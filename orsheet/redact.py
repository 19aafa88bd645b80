"""Remove personal names from text for a Woo publication (pure, no I/O).

Under the Woo (Wet open overheid) a published document replaces the name of
every private person by the code ``5.1.2e`` (Woo art. 5.1 lid 2 sub e:
eerbiediging van de persoonlijke levenssfeer); other withheld text becomes
``5.2.1`` (art. 5.2 lid 1: persoonlijke beleidsopvattingen). Public officials
(Personen with Openbaar = ja) keep their names.

A :class:`Redactor` is built once from the people in ``Personen`` and then
applied to any text. Names are matched as whole words and case-insensitively,
in every form the secretary types them: "Jan de Vries", "De Vries",
"J. de Vries", "J.W. de Vries", "Jan", "Jansen-rapport". A word that merely
contains a name ("Januari", "Jansens", "Jan-Willem") is left alone.

A surname with a tussenvoegsel is only matched with it ("de Groot", "De
Groot", "J. de Groot"), never as the bare core ("Groot"): that is how Dutch
names are written, and the bare core is too often an ordinary word or part of
a proper noun ("het Groot MT", "Berg en Dal").
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from orsheet.model import Person

NAME_CODE = "5.1.2e"
OTHER_CODE = "5.2.1"
CODES = (NAME_CODE, OTHER_CODE)

# Why each code was applied, for the inventory list (inventarislijst).
CODE_REASONS = {
    NAME_CODE: "Woo art. 5.1 lid 2 sub e: eerbiediging van de persoonlijke levenssfeer (namen van personen)",
    OTHER_CODE: "Woo art. 5.2 lid 1: persoonlijke beleidsopvattingen in documenten voor intern beraad",
}

# Lower-case words that start the surname part of a Dutch name.
PARTICLES = frozenset({
    "van", "de", "der", "den", "het", "ter", "ten", "te", "'t", "in", "op", "aan", "bij", "tot", "uit",
    "onder", "over", "voor", "la", "le", "du", "da", "das", "dos", "des", "di", "del", "della", "von",
    "vom", "zu", "zum", "d'", "l'", "'s",
})

# Word boundaries: no letter/digit directly before or after, and no
# hyphenated name part ("Jan-Willem" is not "Jan", "Smit-Jansen" not "Smit");
# a lower-case compound ("Jansen-rapport") still contains the name.
_BEFORE = r"(?<!\w)(?<!\w-)"
_AFTER = r"(?!\w)(?!-[A-ZÀ-ÖØ-Þ])"
_GAP = r"[\s\u00a0]+"
_INITIALS = r"(?:(?:[^\W\d_]\.[\s\u00a0]*){1,4})"


@dataclass(frozen=True)
class NameParts:
    """A person's name split the Dutch way: "Jan Willem | van der | Berg"."""

    first_names: tuple[str, ...]
    particles: tuple[str, ...]
    core: str  # "Berg", "Smit-Jansen"; "" for a single-word name

    @property
    def surname(self) -> str:
        return " ".join((*self.particles, self.core)).strip()


def split_name(name: str) -> NameParts:
    """Split a name as typed in Personen; "de Vries, Jan" is understood too."""
    name = " ".join(name.replace("\u00a0", " ").split())
    if "," in name:
        last, first = (part.strip() for part in name.split(",", 1))
        first_tokens = first.split()
        moved: list[str] = []
        while first_tokens and first_tokens[-1].casefold() in PARTICLES:
            moved.insert(0, first_tokens.pop())
        name = " ".join([*first_tokens, *moved, last])
    tokens = name.split()
    if len(tokens) <= 1:
        return NameParts(tuple(tokens), (), "")
    start = len(tokens) - 1
    for index in range(1, len(tokens) - 1):
        if tokens[index].casefold() in PARTICLES:
            start = index
            break
    particles: list[str] = []
    rest = tokens[start:]
    while len(rest) > 1 and rest[0].casefold() in PARTICLES:
        particles.append(rest.pop(0))
    return NameParts(tuple(tokens[:start]), tuple(particles), " ".join(rest))


def _phrase(text: str) -> str:
    return _GAP.join(re.escape(token) for token in text.split())


def _is_first_name(token: str) -> bool:
    """Initials ("J.", "JW") are not first names; real names have 2+ letters and no dot."""
    return _letters(token) >= 2 and "." not in token


def _letters(text: str) -> int:
    return sum(c.isalpha() for c in text)


def person_forms(name: str) -> list[str]:
    """Regex alternatives for every way ``name`` is written, longest first."""
    parts = split_name(name)
    if _letters(parts.core) < 2:  # "J." or a number is no surname
        parts = NameParts(parts.first_names + ((parts.core,) if parts.core else ()), (), "")
    if not parts.core:
        return [f"(?i:{_phrase(t)})" for t in parts.first_names if _is_first_name(t)]
    surname = _phrase(parts.surname)
    given = [t for t in parts.first_names if _is_first_name(t)]
    forms = []
    if parts.first_names:
        forms.append(f"(?i:{_phrase(' '.join(parts.first_names))}{_GAP}{surname})")
    if given:
        forms.append(f"(?i:{_phrase(given[0])}{_GAP}{surname})")
    forms.append(f"(?i:{_INITIALS}?{surname})")
    if "-" in parts.core:  # "Smit-Jansen": "Smit" and "Jansen" alone too; particles stay with the first
        first, *later = parts.core.split("-")
        pieces = [" ".join((*parts.particles, first))] + later
        forms.extend(f"(?i:{_INITIALS}?{_phrase(p)})" for p in pieces if _letters(p) >= 2)
    forms.extend(f"(?i:{_phrase(t)})" for t in given)
    return forms


def _public_forms(name: str) -> list[str]:
    """The forms that identify a public official unambiguously (kept as is)."""
    parts = split_name(name)
    if not parts.core:
        return []
    surname = _phrase(parts.surname)
    forms = [f"(?i:{_INITIALS}?{surname})"] if parts.particles else []
    if parts.first_names:
        forms.insert(0, f"(?i:{_phrase(' '.join(parts.first_names))}{_GAP}{surname})")
        forms.insert(1, f"(?i:{_phrase(parts.first_names[0])}{_GAP}{surname})")
    return forms


def _compile(forms: Iterable[str]) -> re.Pattern[str] | None:
    unique = list(dict.fromkeys(forms))
    if not unique:
        return None
    # Longer alternatives first so "Jan de Vries" wins over "Jan".
    unique.sort(key=len, reverse=True)
    return re.compile(f"{_BEFORE}(?:{'|'.join(unique)}){_AFTER}")


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

    patterns: tuple[tuple[str, re.Pattern[str]], ...]  # (code, pattern)
    protected: re.Pattern[str] | None = None
    emails: tuple[str, ...] = ()

    def matches(self, text: str) -> list[tuple[int, int, str]]:
        """Non-overlapping (start, end, code) spans to replace, in order.

        Public officials' names are found first and block any overlapping
        match; names (5.1.2e) then block other withheld text (5.2.1).
        """
        if not any(c.isalpha() for c in text):  # every name and e-mail address has letters
            return []
        blocked: list[tuple[int, int]] = []
        if self.protected is not None:
            blocked = [m.span() for m in self.protected.finditer(text)]
        found: list[tuple[int, int, str]] = []
        for code, pattern in self.patterns:
            accepted = [(m.start(), m.end(), code) for m in pattern.finditer(text)
                        if m.end() > m.start() and not _overlaps(blocked, m.start(), m.end())]
            found.extend(accepted)
            blocked = sorted(blocked + [(start, end) for start, end, _ in accepted])
        return sorted(found)

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


def build_redactor(people: Iterable[Person], other_terms: Iterable[str] = ()) -> Redactor:
    """A redactor for the private people in ``people`` (Openbaar not "ja").

    ``other_terms`` are further phrases to withhold as ``5.2.1``.
    """
    people = list(people)
    private = [p for p in people if not p.public and p.name.strip()]
    public = [p for p in people if p.public and p.name.strip()]
    emails = tuple(p.email.strip() for p in private if p.email and "@" in p.email)
    name_forms = [re.escape(e) for e in emails]
    for person in private:
        name_forms.extend(person_forms(person.name))
    patterns = []
    names = _compile(name_forms)
    if names is not None:
        patterns.append((NAME_CODE, names))
    others = _compile(f"(?i:{_phrase(t)})" for t in other_terms if t.strip())
    if others is not None:
        patterns.append((OTHER_CODE, others))
    # The codes themselves are never touched ("1" or "e" in "5.1.2e" is no name).
    protected_forms = [re.escape(code) for code in CODES] + [f for p in public for f in _public_forms(p.name)]
    return Redactor(tuple(patterns), _compile(protected_forms), emails)



# --- The second line of defence: probable person names that Personen does not list ---------------

_UPPER, _LOWER = "A-ZÀ-ÖØ-Þ", "a-zß-öø-ÿ"
_NAME_WORD = rf"[{_UPPER}][{_LOWER}]+(?:-[{_UPPER}][{_LOWER}]+)?"
_NAME_INITIALS = rf"(?:[{_UPPER}]\.[ \u00a0]?){{1,4}}"
# Tussenvoegsels that start a surname after a first name or initials ("Jan van der Berg").
_SURNAME_PARTICLES = r"(?:(?:van|de|der|den|ter|ten|te|'t|in 't|la|le|du|da|von|d'|l')[ \u00a0]+){1,3}"
_CAPITAL_PARTICLES = r"(?:(?:Van (?:de[nr]? )?|De |Ter |Ten |Te ))"
_TITLES = r"(?:[Dd]hr\.?|[Mm]evr\.?|[Mm]w\.?|[Mm]evrouw|[Mm]eneer|[Dd]e heer)[ \u00a0]+"
_PROBABLE_NAME = re.compile(
    rf"(?<![\w.&/])(?:"
    rf"(?P<title>{_TITLES}(?:{_NAME_INITIALS})?(?:{_SURNAME_PARTICLES}|{_CAPITAL_PARTICLES})?{_NAME_WORD})"
    rf"|(?P<initials>{_NAME_INITIALS}(?:{_SURNAME_PARTICLES})?(?P<after_initials>{_NAME_WORD}))"
    rf"|(?P<full>(?P<first>{_NAME_WORD})[ \u00a0]+{_SURNAME_PARTICLES}(?P<surname>{_NAME_WORD}))"
    rf")(?!\w)"
)
# Capitalised words that start a sentence or a proper noun, not a name ("Plan van Aanpak",
# "In de Kluismap", "Raad van Bestuur", "B. Dit ...").
_NOT_FIRST_NAMES = frozenset("""
    aan advies advisering afdeling agenda al als bij bijvoorbeeld bureau burgemeester centrum college
    commissie dag dat de deze dienst die dit directeur directie door een en er gemeente het hof huis
    in instituut kamer koning koningin lid leden maar met minister ministerie na naar nu of om omdat
    onder ook op oproep over plan prins provincie raad secretaris staatssecretaris staten stichting
    tegelijkertijd tegen tijdens tot uit universiteit van vanuit vereniging verder volgens voor
    voorafgaand voorzitter wat we wet wij zij zo ze begin benen eind einde
""".split())
_LONGEST_NAME_WORD = 13  # letters; longer capitalised words are nouns ("Volksgezondheid")


def probable_names(text: str) -> list[str]:
    """Person names as Dutch texts write them, found by their shape (no list needed).

    "J. de Vries", "P.J. Jansen", "Jan van den Berg", "mevr. Bakker",
    "de heer De Groot". Two capitalised words alone ("Anna Bakker") are not
    taken: too many proper nouns look like that. Meant to warn, not to redact.
    """
    found = []
    for match in _PROBABLE_NAME.finditer(text):
        if match["initials"] and match["after_initials"].casefold() in _NOT_FIRST_NAMES:
            continue
        if match["full"]:
            first, surname = match["first"], match["surname"]
            if first.casefold() in _NOT_FIRST_NAMES or len(first) > _LONGEST_NAME_WORD \
                    or len(surname) > _LONGEST_NAME_WORD:
                continue
        found.append(re.sub(r"[ \u00a0]+", " ", match.group(0)))
    return found


def listed_people(people: Iterable[Person]) -> Redactor:
    """A redactor that finds everyone in ``people`` in every form, public officials too.

    For :func:`unknown_names`: whoever Personen lists, with Openbaar ja or nee, has been
    looked at by the secretary.
    """
    return build_redactor([Person(p.name) for p in people if p.name.strip()])


def unknown_names(text: str, listed: Redactor) -> list[str]:
    """Probable names in ``text`` that are not (a form of) a name ``listed`` knows."""
    return [name for name in probable_names(text) if NAME_CODE not in name and not listed.matches(name)]
