"""Click's usage errors in Dutch, like every other orsheet message; --help stays English.

Click marks its messages for translation with ``gettext`` (``_("...")`` and
``ngettext``) but ships no catalogues, and ``gettext`` picks a language from
the environment, which orsheet must not change for the programs it starts.
So :func:`install` gives click's modules a lookup in :data:`CATALOG`, the
Dutch of the messages a user can meet on the command line; every other text
(``--help``: "Usage:", "Options", "Show this message and exit.") passes
through unchanged. ``tests/test_cli_usage.py`` checks that every key still
occurs in click's source, so a click upgrade that rewords one fails a test
instead of turning the message English again.
"""

from __future__ import annotations

import importlib
from typing import Callable

__all__ = ["CATALOG", "PLURALS", "install"]

# click's English message -> Dutch. Placeholders stay as click fills them.
CATALOG: dict[str, str] = {
    "Error: {message}": "Fout: {message}",
    "Try '{command} {option}' for help.": "Zie '{command} {option}' voor uitleg.",
    "Invalid value: {message}": "Ongeldige waarde: {message}",
    "Invalid value for {param_hint}: {message}": "Ongeldige waarde voor {param_hint}: {message}",
    "Missing argument": "Ontbrekend argument",
    "Missing option": "Ontbrekende optie",
    "Missing parameter": "Ontbrekende parameter",
    "Missing {param_type}": "Ontbrekend: {param_type}",
    "Missing parameter: {param_name}": "Ontbrekende parameter: {param_name}",
    "No such option {name!r}.": "Onbekende optie {name!r}.",
    "No such command {name!r}.": "Onbekende opdracht {name!r}.",
    "Missing command.": "Geef een opdracht, bijvoorbeeld 'orsheet check WERKMAP'.",
    "Could not open file {filename!r}: {message}": "Bestand {filename!r} kan niet worden geopend: {message}",
    "unknown error": "onbekende fout",
    "Option {name!r} does not take a value.": "Optie {name!r} heeft geen waarde.",
    "Argument {name!r} takes {nargs} values.": "Argument {name!r} heeft {nargs} waarden nodig.",
    "Value must be an iterable.": "De waarde moet een lijst zijn.",
    "{value!r} is not a valid {number_type}.": "{value!r} is geen geldig getal.",
    "{value} is not in the range {range}.": "{value} ligt niet in het bereik {range}.",
    "{value!r} is not a valid boolean. Recognized values: {states}":
        "{value!r} is geen ja/nee-waarde. Mogelijk: {states}",
    "{value!r} is not a valid UUID.": "{value!r} is geen geldige UUID.",
    # Path's own name ("file", "directory") stays English: it is also the metavar --help shows.
    "{name} {filename!r} does not exist.": "{filename!r} bestaat niet.",
    "{name} {filename!r} is a file.": "{filename!r} is een bestand, geen map.",
    "{name} {filename!r} is a directory.": "{filename!r} is een map, geen bestand.",
    "{name} {filename!r} is not readable.": "{filename!r} kan niet worden gelezen (geen toestemming).",
    "{name} {filename!r} is not writable.": "In {filename!r} mag niet worden geschreven.",
    "{name} {filename!r} is not executable.": "{filename!r} kan niet worden uitgevoerd.",
    "Aborted!": "Afgebroken.",
}

# click's (singular, plural) -> Dutch (singular, plural).
PLURALS: dict[tuple[str, str], tuple[str, str]] = {
    ("Did you mean {possibility}?", "(Did you mean one of: {possibilities}?)"):
        ("Bedoelt u {possibility}?", "(Bedoelt u een van: {possibilities}?)"),
    ("Option {name!r} requires an argument.", "Option {name!r} requires {nargs} arguments."):
        ("Optie {name!r} heeft een waarde nodig.", "Optie {name!r} heeft {nargs} waarden nodig."),
    ("Got unexpected extra argument ({args})", "Got unexpected extra arguments ({args})"):
        ("Onverwacht extra argument ({args})", "Onverwachte extra argumenten ({args})"),
    ("{value!r} is not {choice}.", "{value!r} is not one of {choices}."):
        ("{value!r} is niet {choice}.", "{value!r} is niet een van {choices}."),
    ("{value!r} does not match the format {format}.", "{value!r} does not match the formats {formats}."):
        ("{value!r} heeft niet de vorm {format}.", "{value!r} heeft niet een van de vormen {formats}."),
    ("Takes {nargs} values but 1 was given.", "Takes {nargs} values but {len} were given."):
        ("Vraagt {nargs} waarden, maar er is 1 gegeven.", "Vraagt {nargs} waarden, maar er zijn er {len} gegeven."),
    ("{len_type} values are required, but {len_value} was given.",
     "{len_type} values are required, but {len_value} were given."):
        ("Er zijn {len_type} waarden nodig, maar er is {len_value} gegeven.",
         "Er zijn {len_type} waarden nodig, maar er zijn {len_value} gegeven."),
}

# The click modules that build user-facing messages with ``_``/``ngettext``.
MODULES = ("click.core", "click.exceptions", "click.parser", "click.types", "click.decorators", "click.termui",
           "click.utils")


def _gettext(original: Callable[[str], str]) -> Callable[[str], str]:
    def translate(message: str) -> str:
        return CATALOG.get(message) or original(message)

    return translate


def _ngettext(original: Callable[[str, str, int], str]) -> Callable[[str, str, int], str]:
    def translate(singular: str, plural: str, n: int) -> str:
        dutch = PLURALS.get((singular, plural))
        if dutch is None:
            return original(singular, plural, n)
        return dutch[0] if n == 1 else dutch[1]

    return translate


def install() -> None:
    """Make click's messages Dutch (idempotent; before the commands build their parameter types)."""
    for name in MODULES:
        module = importlib.import_module(name)
        current = getattr(module, "_", None)
        if current is not None and not getattr(current, "orsheet_dutch", False):
            module._ = _gettext(current)
            module._.orsheet_dutch = True
        current = getattr(module, "ngettext", None)
        if current is not None and not getattr(current, "orsheet_dutch", False):
            module.ngettext = _ngettext(current)
            module.ngettext.orsheet_dutch = True
