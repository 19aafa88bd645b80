"""Who does it: the owner at the start of a marker's text, names and groups (pure)."""

from __future__ import annotations

import re

from orsheet.minutes.text import normalise

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
    if _REDACTION.fullmatch(word):  # initials ("J.K.") start with a capital: the last line
        return True
    return word[0].isupper() or word.lower() in GROUP_WORDS or word.lower() in _TITLES


def looks_like_verb(token: str) -> bool:
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
        if _is_name(token) and not (taken and word in _MODAL_VERBS and not _joins(tokens[taken - 1])):
            taken += 1
        elif not taken and word.isdigit() and following is not None and _is_name(following):
            taken += 1  # "2 OR-leden": a count opens the owner
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
    starts_like_owner = bool(tokens) and (_is_name(tokens[0]) or tokens[0].isdigit())
    if not owner and starts_like_owner and len(tokens) <= 4 and not any(looks_like_verb(t) for t in tokens):
        return content, ""
    return owner, (task if owner else content)


def _joins(token: str) -> bool:
    """Does a name follow? After "en", "&", a comma or "van der" a capitalised "Wil" or "Kan" is a name.

    Right after a name it is the verb: "Jan Zal bellen".
    """
    return _bare(token).lower() in _CONNECTORS | _PARTICLES or token.endswith(",")


def _qualifies_group(tokens: list[str], index: int) -> bool:
    """'werkgroep communicatie': a lowercase word naming the group, not a verb."""
    token = tokens[index]
    if looks_like_verb(token) or _bare(token).lower() in _PARTICLES | _CONNECTORS:
        return False
    following = tokens[index + 1] if index + 1 < len(tokens) else None
    return following is None or looks_like_verb(following)


