"""The people minutes name: who was there (header) and who the workbook knows (pure).

"Aanwezig: Monique, Amal, Desiree", "Voorzitter: Amal", "Afwezig: Paul
Kwakkenbos, bestuurslid" -- the names there, with their first and last names
apart, are the people a sentence like "Amal stuurt een testversie" can mean.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from itertools import dropwhile

from orsheet.minutes.text import normalise

_HEADER_LINE = re.compile(
    r"^\s*(?:(?:leden\s+)?aanwezig(?:en)?|afwezig(?:en)?|deelnemers|voorzitter|vz|notulist|notulen|"
    r"notuleert|(?:ambtelijk\s+)?secretaris|gasten?|te\s+gast|verhinderd|afgemeld|met\s+kennisgeving|tevens\s+aanwezig|namens|"
    r"bestuur|ondersteuning|verslag(?:legging)?|genodigden?|toehoorders?)\b[^:]{0,40}:\s*(?P<names>.*)$",
    re.IGNORECASE,
)
# "Vergadering 30 maart 2021. Aanwezig: Mart, Henk": the list after the line's first sentence.
_PRESENT_AFTER_SENTENCE = re.compile(
    r"^[^.!?:]{3,80}[.!?]\s+(?:aanwezig(?:en)?|afwezig(?:en)?|deelnemers)\s*:\s*(?P<names>.*)$", re.IGNORECASE
)
_LIST_HEADING = re.compile(r"^\s*(?:aanwezig(?:en)?|afwezig(?:en)?|deelnemers|leden)\b", re.IGNORECASE)
_PARTICLES = {"van", "de", "der", "den", "het", "ter", "ten", "te", "'t", "la", "le", "du", "di", "da", "von", "op", "in"}
_NOT_NAMES = {"leden", "allen", "iedereen", "geen", "m.k", "m.k.", "mk", "zonder", "met", "kennisgeving", "en"}
# "mevrouw R. Jansen", "de heer W. Bos", "dhr. Van Dam": a title before the name.
TITLES = frozenset({"mevrouw", "mevr", "mw", "meneer", "heer", "dhr", "de heer"})
# Words that lead into a name within a list: "..., en namens de directie Laura Brandt".
_LEADS = frozenset({"namens", "voor", "vanuit", "tevens", "ook", "waaronder", "als"})
_INITIAL = re.compile(r"^(?:[A-Z]\.)+$|^[A-Z]\.?$")


@dataclass(frozen=True)
class People:
    """Name forms (casefolded) -> the name as listed; initials ("KdV", "AY") as written."""

    forms: dict[str, str] = field(default_factory=dict)
    first_words: frozenset[str] = frozenset()  # of the forms: a quick "no name starts here"
    initials: dict[str, str] = field(default_factory=dict)  # case matters: "AY" is Ahmed Yilmaz, "Ay" is no one
    writer: str = ""  # who "ik" is: "Erbij waren Linda, Mark en ik (Anne)", "Groet, Anne"

    def __contains__(self, text: str) -> bool:
        return text.casefold() in self.forms or text in self.initials

    def longest_at(self, tokens: list[str], index: int) -> int:
        """How many tokens from ``index`` spell a known name, capitalised (0: none)."""
        if index >= len(tokens) or not tokens[index][:1].isupper():
            return 0
        if tokens[index].strip(".,;:()") in self.initials:
            return 1
        if tokens[index].strip(".,;:()").casefold() not in self.first_words:
            return 0
        for length in (4, 3, 2, 1):
            words = [t.strip(".,;:()") for t in tokens[index : index + length]]
            if len(words) == length and " ".join(words).casefold() in self.forms:
                return length
        return 0


# "Erbij waren Linda, Mark, Youssef en ik (Anne)": a list of first names in a sentence names people too,
# and "ik (Anne)" or a closing "Groet, Anne" says who writes.
_NAME = r"[A-Z][a-zà-ÿ]{2,}(?:-[A-Z][a-zà-ÿ]+)?"
_NAME_LIST = re.compile(rf"\b{_NAME}(?:\s*,\s*{_NAME})+(?:\s*,?\s+(?:en|&)\s+(?:{_NAME}|ik)\b)|\b{_NAME}\s+en\s+ik\b")
_WRITER = re.compile(
    rf"\bik\s*\((?P<named>{_NAME})\)|^(?:met\s+)?(?:vriendelijke\s+)?(?:groet(?:en)?|groetjes)\s*,?\s*(?P<signed>{_NAME})\s*$",
    re.IGNORECASE,
)


def names_in_text(texts: list[str]) -> tuple[list[str], str]:
    """(names listed in sentences, the writer): for minutes without an Aanwezig line, such as an e-mail."""
    names: list[str] = []
    writer = ""
    for text in texts:
        for listed in _NAME_LIST.finditer(text):
            names.extend(n for n in re.findall(_NAME, listed.group()) if n.casefold() not in _NOT_NAMES)
        found = _WRITER.search(text.strip())
        if found and (found.group("named") or found.group("signed"))[:1].isupper():
            writer = found.group("named") or found.group("signed")
    return list(dict.fromkeys(names)), writer


def people_from(names: list[str], writer: str = "") -> People:
    """Every form a listed name can be written in: full, first name, last name, initials.

    Initials are those of a name of two words or more: "Karin de Vries" is "KdV" and "KV",
    "Ahmed Yilmaz" "AY"; written initials ("R. Jansen") count as no first name.
    """
    forms: dict[str, str] = {}
    initials: dict[str, str] = {}
    for name in names:
        words = [w for w in name.split() if w]
        if not words or not words[0][:1].isupper():
            continue
        forms.setdefault(" ".join(words).casefold(), name)
        named = [w for w in words if not _INITIAL.match(w)]
        if named:  # "A. de Graaf" is also "de Graaf"
            forms.setdefault(" ".join(named).casefold(), name)
        significant = [w for w in named if w.casefold() not in _PARTICLES]
        if significant:
            forms.setdefault(significant[0].casefold(), name)
            forms.setdefault(significant[-1].casefold(), name)
        if len(significant) >= 2 and named == words:
            for form in _initials(words):
                initials.setdefault(form, name)
    if writer:
        forms.setdefault(writer.casefold(), writer)
    return People(forms, frozenset(form.split()[0] for form in forms), initials, writer)


def _initials(words: list[str]) -> set[str]:
    """"Karin de Vries" -> {"KdV", "KV"}: particles in lower case, or left out."""
    with_particles = "".join(w[0].lower() if w.casefold() in _PARTICLES else w[0].upper() for w in words)
    without = "".join(w[0].upper() for w in words if w.casefold() not in _PARTICLES)
    return {with_particles, without}


def names_in_header(lines: list[tuple[str, int]]) -> list[str]:
    """The names listed on Aanwezig/Afwezig/Voorzitter/Notulist lines near the top.

    ``lines`` are (text, heading level) pairs; a heading "Aanwezig" or
    "Deelnemers" lists the names in the paragraphs below it.
    """
    names: list[str] = []
    in_list = False
    for raw, level in lines:
        line = normalise(raw)
        match = _header_line(line)
        if match:
            names.extend(split_names(match.group("names")))
            in_list = not match.group("names").strip()
        elif _LIST_HEADING.match(line) and len(line.split()) <= 8 and ":" not in line.rstrip(":"):
            in_list = True  # "### Aanwezig" with the names as bullets below
        elif level or not in_list or len(line) > 80 or line.endswith((".", "?", "!")):
            in_list = False
        elif not line.endswith(":"):  # "College van Bestuur:" labels a group of names
            names.extend(split_names(line))
    return names


def is_header_line(text: str) -> bool:
    """"Aanwezig: ...", "Notulist: ...": a line of the minutes' header."""
    return _header_line(normalise(text)) is not None


def _header_line(line: str) -> re.Match | None:
    """"Aanwezig: ..." at the start of the line or after its first sentence ("Vergadering 30 maart. Aanwezig: ...")."""
    return _HEADER_LINE.match(line) or _PRESENT_AFTER_SENTENCE.search(line)


def split_names(text: str) -> list[str]:
    """"Jose van Engelen, voorzitter; Cees van Elteren, secretaris" -> the two names."""
    text = re.sub(r"\([^)]*\)", " ", text)
    found = []
    # "Gerda Wolff. Afwezig: Henk Stam": the next header label on the same line starts a new list.
    for part in re.split(r"[;,]|\s+en\s+|\s*&\s*|\s+-\s+|\.\s+(?=[\w ]{3,30}:)|:\s+", text):
        label_only = not re.search(r"\s[A-Z]", part.strip())  # "Afwezig", not "namens de directie Laura Brandt"
        if label_only and _HEADER_LINE.match(f"{part.strip(' .')}: x"):
            continue
        words = part.strip(" .:").split()
        if len(words) > 6:
            continue  # a sentence, not a name
        while words and (words[0].casefold().strip(".") in TITLES or " ".join(words[:2]).casefold() == "de heer"):
            words = words[1:]  # "mevrouw R. Jansen", "de heer W. Bos"
        if words and words[0].casefold() in _LEADS:
            words = list(dropwhile(lambda w: not w[0].isupper(), words))  # "namens de directie Laura Brandt"
        while words and (words[-1].casefold().strip(".") in _NOT_NAMES or words[-1][:1].islower()):
            words.pop()  # "Gerard Croiset penningmeester": the role after the name
        if not words or not words[0][:1].isupper():
            continue
        if any(w.casefold().strip(".") in _NOT_NAMES for w in words):
            continue
        if re.search(r"\d", part):
            continue
        found.append(" ".join(words))
    return found
