"""The second line of defence: probable person names and addresses that Personen does not list (pure)."""

from __future__ import annotations

import re
from collections.abc import Iterable

from orsheet.dutch import is_word
from orsheet.model import Person
from orsheet.redact.forms import EMAIL_ADDRESS
from orsheet.redact.redactor import NAME_CODE, Redactor, build_redactor

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


def probable_addresses(text: str) -> list[str]:
    """E-mail addresses that look like a person's: a local part of two or more pieces, one of them
    a word of three or more letters that is no Dutch word ("p.jansen@gmail.com", "jan_oosterhuis@...");
    not "or@org.nl", "or-secretariaat@org.nl" or "info@org.nl". Meant to warn, like :func:`probable_names`."""
    found = []
    for match in EMAIL_ADDRESS.finditer(text) if "@" in text else ():
        pieces = re.split(r"[._-]+", match.group(0).partition("@")[0])
        if len(pieces) >= 2 and any(len(p) >= 3 and p.isalpha() and not is_word(p) for p in pieces):
            found.append(match.group(0))
    return found


def listed_people(people: Iterable[Person]) -> Redactor:
    """A redactor that finds everyone in ``people`` in every form, public officials too.

    For :func:`unknown_names`: whoever Personen lists, with Openbaar ja or nee, has been
    looked at by the secretary.
    """
    return build_redactor([Person(p.name, email=p.email) for p in people if p.name.strip()])


def unknown_names(text: str, listed: Redactor) -> list[str]:
    """Probable names and personal e-mail addresses in ``text`` that ``listed`` does not know."""
    return [name for name in probable_names(text) + probable_addresses(text)
            if NAME_CODE not in name and not listed.matches(name)]
