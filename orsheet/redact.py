"""Remove personal data from text for a Woo publication (pure, no I/O).

Under the Woo (Wet open overheid) a published document replaces the name of
every private person, and their e-mail address, phone number and bank account,
by the code ``5.1.2e`` (Woo art. 5.1 lid 2 sub e: eerbiediging van de
persoonlijke levenssfeer); a BSN becomes ``5.1.1e`` (art. 5.1 lid 1 sub e:
identificatienummers); other withheld text becomes ``5.2.1`` (art. 5.2 lid 1:
persoonlijke beleidsopvattingen). Public officials (Personen with Openbaar =
ja) keep their names.

A :class:`Redactor` is built once from the people in ``Personen`` and then
applied to any text. Names are matched as whole words, in every form the
secretary types them: "Jan de Vries", "De Vries", "J. de Vries", "J.W. de
Vries", "Jan", "Jansen-rapport". A word that merely contains a name
("Januari", "Jansens", "Jan-Willem") is left alone.

Case: a full name, initials with the surname and a name part that is no Dutch
word ("Jansen", "Anna") match in any case. A name part that is also an
ordinary Dutch word (:func:`orsheet.dutch.is_word`: "Bakker", "Wil", "Koning",
the "Groot" of "de Groot") matches only capitalised, so "de bakker levert de
taart" and "de lange termijn" stay; and not as the verb that opens a question
("Wil jij ...?").

A surname with a tussenvoegsel is only matched with it ("de Groot", "De
Groot", "J. de Groot"), never as the bare core ("Groot"), and the tussenvoegsel
never alone: "De Groot" in Personen is a surname, not a first name "De".

Typing: a name matches however it is typed. Accents are ignored ("Zoe Ergun"
is "Zoë Ergün", "José" is "Jose"), and so are Unicode forms (a decomposed
"José" pasted from a Mac, "Bruĳn" with the ij ligature), invisible characters
inside a word (soft hyphen, zero-width space) and the kind of apostrophe
("'t Hart" is "’t Hart", "D’Hondt" is "D'Hondt"): the names and the text are
both folded (:func:`fold`) before matching, and every span is mapped back to
the text as typed. The leak check uses the same matching.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field

from orsheet.dutch import is_word
from orsheet.model import Person
from orsheet.personal_data import personal_numbers

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
# The code for each kind of number orsheet.personal_data finds.
_NUMBER_CODES = {"bsn": BSN_CODE, "telefoon": NAME_CODE, "iban": NAME_CODE}

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
_INITIALS_CAPITAL = r"(?:(?:[A-ZÀ-ÖØ-Þ]\.[\s\u00a0]*){1,4})"
# An e-mail address, whole: "r.oosterhuis@gmail.com" (a trailing full stop ends the sentence).
_EMAIL = re.compile(r"(?<![\w.%+-])[\w.%+-]+@[\w-]+(?:\.[\w-]+)*\.[^\W\d_]{2,}(?![\w-])")


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
    """Split a name as typed in Personen; "de Vries, Jan" is understood too.

    Leading particles start the surname: "De Groot" and "Van den Berg" are a
    surname alone (as Dutch writes it without first name), not first names.
    """
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
    for index in range(len(tokens) - 1):
        if tokens[index].casefold() in PARTICLES:
            start = index
            break
    particles: list[str] = []
    rest = tokens[start:]
    while len(rest) > 1 and rest[0].casefold() in PARTICLES:
        particles.append(rest.pop(0))
    return NameParts(tuple(tokens[:start]), tuple(particles), " ".join(rest))


# --- Folding: names and text compared without accents, Unicode forms or apostrophe kinds --------

# Characters Unicode does not decompose into a letter and its accent, and the apostrophes
# Word's AutoCorrect and keyboards make of ' (’ ‘ ‛ ` ´ ʼ ′).
_FOLDED_LETTERS = {
    "ı": "i", "ø": "o", "Ø": "O", "ł": "l", "Ł": "L", "đ": "d", "Đ": "D", "ß": "ss",
    "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE",
    **dict.fromkeys("’‘‛`´ʼ′", "'"),
    **dict.fromkeys("\u2010\u2011", "-"),  # hyphen, non-breaking hyphen
}
# Invisible inside a word: soft hyphen, zero-width space/non-joiner/joiner, word joiner, BOM.
_INVISIBLE = frozenset("\u00ad\u200b\u200c\u200d\u2060\ufeff")


def _fold_char(char: str) -> str:
    if char in _FOLDED_LETTERS:
        return _FOLDED_LETTERS[char]
    if char in _INVISIBLE:
        return ""
    decomposed = unicodedata.normalize("NFKD", char)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


_FOLDS: dict[str, str] = {}


def fold(text: str) -> str:
    """``text`` without accents, in one Unicode form, with one apostrophe: "Zoë D’Hondt" -> "Zoe D'Hondt"."""
    return _Folded(text).text


class _Folded:
    """A text folded for matching (:func:`fold`) and the way back to the text as typed.

    A folded character comes from one typed character; a dropped one (an accent typed
    separately, a soft hyphen) belongs to the character before it, so a span of the
    folded text maps to the typed text with its accents: "Jose\u0301" is one name.
    """

    __slots__ = ("text", "_starts", "_ends")

    def __init__(self, text: str) -> None:
        self._starts: list[int] | None = None
        self._ends: list[int] = []
        if text.isascii() and "`" not in text:  # nearly every cell: nothing to fold
            self.text = text
            return
        pieces = []
        for char in text:
            folded = _FOLDS.get(char)
            if folded is None:
                folded = _FOLDS[char] = _fold_char(char)
            pieces.append(folded)
        if all(len(piece) == 1 for piece in pieces):
            self.text = "".join(pieces)
            return
        starts, ends = [], []
        for index, piece in enumerate(pieces):
            if not piece:
                if ends:
                    ends[-1] = index + 1
                continue
            starts.extend([index] * len(piece))
            ends.extend([index + 1] * len(piece))
        self.text, self._starts, self._ends = "".join(pieces), starts, ends

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The typed text's span of the folded ``text[start:end]``."""
        if self._starts is None or end <= start:
            return start, end
        return self._starts[start], self._ends[end - 1]


def _escape(text: str) -> str:
    return re.escape(fold(text))


def _phrase(text: str) -> str:
    return _GAP.join(re.escape(token) for token in fold(text).split())


def _any_case(text: str) -> str:
    return f"(?i:{_phrase(text)})"


def _capitalised(word: str) -> str:
    """``word`` with a capital first letter, the rest in any case: "Bakker", "BAKKER", not "bakker"."""
    word = fold(word) or word
    first, rest = word[0], word[1:]
    head = re.escape(first.upper()) if first.upper() != first.lower() else re.escape(first)
    return head + (f"(?i:{re.escape(rest)})" if rest else "")


def _is_first_name(token: str) -> bool:
    """Initials ("J.", "JW") are not first names; real names have 2+ letters and no dot."""
    return _letters(token) >= 2 and "." not in token


def _letters(text: str) -> int:
    return sum(c.isalpha() for c in text)


def _is_word(token: str) -> bool:
    """A name part that is also an ordinary Dutch word ("Bakker", "Wil", "Koning")."""
    return _letters(token) >= 2 and is_word(token)


@dataclass(frozen=True)
class Forms:
    """The ways one person's name is written, as regex alternatives.

    ``always`` match wherever they stand: full names, initials with the surname,
    a surname with its particles, name parts that are no Dutch word ("Jansen").
    ``words`` are single name parts that are also Dutch words ("Bakker", "Wil"):
    they match only capitalised, and not as the verb opening a sentence
    ("Wil jij ...": see :func:`_opens_a_question`).
    """

    always: list[str]
    words: list[str]


def _single(token: str, forms: Forms) -> None:
    if _is_word(token):
        forms.words.append(_capitalised(token))
    else:
        forms.always.append(_any_case(token))


def _surname(particles: Sequence[str], core: str) -> str:
    """"de Groot": the particles in any case; a core that is a Dutch word only capitalised."""
    core_form = _capitalised(core) if " " not in core and _is_word(core) else _any_case(core)
    return _GAP.join([*(_any_case(p) for p in particles), core_form])


def name_forms(name: str) -> Forms:
    """Every way ``name`` is written, split by how freely each may match (:class:`Forms`)."""
    parts = split_name(fold(name))  # "Kees ’t Hart": its "’t" is the tussenvoegsel "'t"
    if _letters(parts.core) < 2:  # "J." or a number is no surname
        parts = NameParts(parts.first_names + ((parts.core,) if parts.core else ()), (), "")
    forms = Forms([], [])
    given = [t for t in parts.first_names if _is_first_name(t)]
    if not parts.core:
        for token in given:
            _single(token, forms)
        return forms
    surname = _any_case(parts.surname)
    if parts.first_names:
        forms.always.append(f"{_any_case(' '.join(parts.first_names))}{_GAP}{surname}")
    if given:
        forms.always.append(f"{_any_case(given[0])}{_GAP}{surname}")
    forms.always.append(f"{_INITIALS_CAPITAL}{surname}")
    forms.always.append(f"{_INITIALS}{_surname(parts.particles, parts.core)}")
    if parts.particles:
        forms.always.append(_surname(parts.particles, parts.core))
    else:
        _single(parts.core, forms)
    if "-" in parts.core:  # "Smit-Jansen": "Smit" and "Jansen" alone too; particles stay with the first
        first, *later = parts.core.split("-")
        for particles, piece in [(parts.particles, first), *(((), p) for p in later)]:
            if _letters(piece) < 2:
                continue
            forms.always.append(f"{_INITIALS}{_surname(particles, piece)}")
            if particles:
                forms.always.append(_surname(particles, piece))
            else:
                _single(piece, forms)
    for token in given:
        _single(token, forms)
    return forms


def _public_forms(name: str) -> list[str]:
    """The forms that identify a public official unambiguously (kept as is)."""
    parts = split_name(fold(name))
    if not parts.core:
        return []
    surname = _any_case(parts.surname)
    forms = [f"(?i:{_INITIALS}?{_phrase(parts.surname)})"] if parts.particles else []
    if parts.first_names:
        forms.insert(0, f"{_any_case(' '.join(parts.first_names))}{_GAP}{surname}")
        forms.insert(1, f"{_any_case(parts.first_names[0])}{_GAP}{surname}")
    return forms


def _compile(forms: Iterable[str]) -> re.Pattern[str] | None:
    unique = list(dict.fromkeys(forms))
    if not unique:
        return None
    # Longer alternatives first so "Jan de Vries" wins over "Jan".
    unique.sort(key=len, reverse=True)
    return re.compile(f"{_BEFORE}(?:{'|'.join(unique)}){_AFTER}")


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
    numbers: bool = True  # phone numbers, BSNs and IBANs (orsheet.personal_data)

    def matches(self, text: str) -> list[tuple[int, int, str]]:
        """Non-overlapping (start, end, code) spans to replace, in order.

        Public officials' names and the codes are found first and block any
        overlapping match; then personal data (e-mail addresses of private
        people, phone numbers, BSNs, IBANs), names (5.1.2e) and other withheld
        text (5.2.1), each blocking what comes later.
        """
        if not any(c.isalnum() for c in text):  # every name, address and number has letters or digits
            return []
        folded = _Folded(text)  # names are looked for in the folded text, numbers in the typed one
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
        for match in _EMAIL.finditer(text):
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
    also removes phone numbers, BSNs and IBANs (:mod:`orsheet.personal_data`),
    whoever's they are.
    """
    people = list(people)
    private = [p for p in people if not p.public and p.name.strip()]
    public = [p for p in people if p.public and p.name.strip()]
    emails = tuple(p.email.strip() for p in private if p.email and "@" in p.email)
    always = [f"(?i:{_escape(e)})" for e in emails]
    words: list[str] = []
    for person in private:
        forms = name_forms(person.name)
        always.extend(forms.always)
        words.extend(forms.words)
    names, word_names = _compile(always), _compile(words)
    patterns = [(NAME_CODE, pattern) for pattern in (names, word_names) if pattern is not None]
    others = _compile(f"(?i:{_phrase(t)})" for t in other_terms if t.strip())
    if others is not None:
        patterns.append((OTHER_CODE, others))
    # The codes themselves are never touched ("1" or "e" in "5.1.2e" is no name).
    protected_forms = [re.escape(code) for code in CODES] + [f for p in public for f in _public_forms(p.name)]
    any_case = _compile(always + [f"(?i:{form})" for form in words])
    return Redactor(tuple(patterns), _compile(protected_forms), emails, word_names, any_case, numbers)


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
