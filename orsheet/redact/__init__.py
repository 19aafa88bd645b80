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
is "Zoë Ergün", "Jose" is "José"), and so are Unicode forms (a decomposed
"José" pasted from a Mac, the ij ligature), invisible characters inside a word
(soft hyphen, zero-width space) and the kind of apostrophe ("’t Hart" is
"'t Hart", "D’Hondt" is "D'Hondt"): :mod:`orsheet.redact.folding` folds the
names and the text alike, and spans map back to the text as typed. The leak
check uses the same matching.
"""

from orsheet.redact.folding import fold
from orsheet.redact.forms import PARTICLES, Forms, NameParts, name_forms, split_name
from orsheet.redact.redactor import (
    BSN_CODE, CODE_LABELS, CODE_REASONS, CODES, NAME_CODE, OTHER_CODE, Leak, Redaction, Redactor, build_redactor,
)
from orsheet.redact.unknown import listed_people, probable_addresses, probable_names, unknown_names

__all__ = [
    "BSN_CODE", "CODES", "CODE_LABELS", "CODE_REASONS", "NAME_CODE", "OTHER_CODE", "PARTICLES", "Forms", "Leak",
    "NameParts", "Redaction", "Redactor", "build_redactor", "fold", "listed_people", "name_forms",
    "probable_addresses", "probable_names", "split_name", "unknown_names",
]
