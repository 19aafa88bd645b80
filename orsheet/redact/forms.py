"""How a person's name is written: Dutch name parts and the regex forms that find them (pure)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from orsheet.dutch import is_word
from orsheet.redact.folding import fold

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
EMAIL_ADDRESS = re.compile(r"(?<![\w.%+-])[\w.%+-]+@[\w-]+(?:\.[\w-]+)*\.[^\W\d_]{2,}(?![\w-])")


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


def phrase(text: str) -> str:
    """``text`` as a pattern matching the folded text (:mod:`orsheet.redact.folding`), any white space between words."""
    return _GAP.join(re.escape(token) for token in fold(text).split())


def literal(text: str) -> str:
    """``text`` (an e-mail address) as a pattern matching the folded text."""
    return re.escape(fold(text))


def _any_case(text: str) -> str:
    return f"(?i:{phrase(text)})"


def _capitalised(word: str) -> str:
    """``word`` with a capital first letter, the rest in any case: "Bakker", "BAKKER", not "bakker"."""
    word = fold(word) or word
    first, rest = word[0], word[1:]
    if len(first.upper()) != 1 or first.upper() == first.lower():  # "ß" has no one-letter capital
        return _any_case(word)
    return re.escape(first.upper()) + (f"(?i:{re.escape(rest)})" if rest else "")


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


def public_forms(name: str) -> list[str]:
    """The forms that identify a public official unambiguously (kept as is)."""
    parts = split_name(fold(name))
    if not parts.core:
        return []
    surname = _any_case(parts.surname)
    forms = [f"(?i:{_INITIALS}?{phrase(parts.surname)})"] if parts.particles else []
    if parts.first_names:
        forms.insert(0, f"{_any_case(' '.join(parts.first_names))}{_GAP}{surname}")
        forms.insert(1, f"{_any_case(parts.first_names[0])}{_GAP}{surname}")
    return forms


def compile_forms(forms: Iterable[str]) -> re.Pattern[str] | None:
    unique = list(dict.fromkeys(forms))
    if not unique:
        return None
    # Longer alternatives first so "Jan de Vries" wins over "Jan".
    unique.sort(key=len, reverse=True)
    return re.compile(f"{_BEFORE}(?:{'|'.join(unique)}){_AFTER}")
