"""Decisions and agreements in a sentence, and decisions only *reported* (pure).

"De OR besluit ...", "Besluit:", "Er wordt besloten ...", "In onderling
overleg is besloten dat ...", "Afgesproken wordt dat ...", "De MR stemt in
met ...", "Het reglement is goedgekeurd.", "Dit is akkoord." -- all record a
decision of this meeting. "dit is vorig schooljaar al besloten" or "de
directie heeft besloten ..." report one taken elsewhere: :func:`read_decision`
returns those with the reason they are skipped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from orsheet.minutes.vocabulary import ARTICLES, PRONOUNS

__all__ = ["Decision", "read_decision", "decision_in", "agreed_text", "PROCEDURAL", "REPORTED", "ELSEWHERE"]


@dataclass(frozen=True)
class Decision:
    kind: str  # "besluit" or "afspraak"
    text: str  # what was decided ("" for a label standing alone)
    sure: bool = True
    refers_back: bool = False  # "Dit is akkoord.": the decision is the sentence before
    skipped: str = ""  # why it is not recorded (procedural, reported, elsewhere)
    topic: str = ""  # "Het reglement is goedgekeurd": what was approved


BESLUIT, AFSPRAAK = "besluit", "afspraak"
PROCEDURAL = "gaat over de agenda of de notulen van de vorige vergadering"
REPORTED = "meldt een besluit van eerder, niet van deze vergadering"
ELSEWHERE = "meldt een besluit van een ander orgaan"

# Case matters for the body's name ("De OR", not "Het nieuwe besluit"), so
# only the articles and common nouns are matched case-insensitively.
_BODY = (
    r"(?:(?i:de|het)\s+(?:[A-Z][\w&'-]*(?:\s+[A-Z][\w&'-]*){0,2}|(?i:ondernemingsraad|raad|commissie|"
    r"werkgroep(?:\s+[\w&-]+)?|vergadering|medezeggenschapsraad|personeelsvertegenwoordiging|"
    r"[\w-]*raad|[\w-]*geleding|bestuur))|(?i:wij|we|men))"
)
_DECISION_VERB = re.compile(rf"^{_BODY}\s+(?:besluit|besluiten)\b")
_DECISION_INVERTED = re.compile(rf"^[A-Z]\w*\s+(?:besluit|besluiten)\s+{_BODY}\b")
_DECISION_PASSIVE = re.compile(r"^(?:er\s+wordt\s+besloten|besloten\s+wordt)\b", re.IGNORECASE)
_DECISION_LABEL = re.compile(
    r"^(besluit|besluiten|afspraak|afspraken|afgesproken|besloten|overeengekomen)(?:\s+(?:van\s+de\s+)?(?:OR|DB|ondernemingsraad))?"
    r"(?:\s+(?:nr\.?\s*)?\d[\d./-]*)?\s*:\s*"  # "Besluit 2024-07:", "Besluit nr. 12:"
    r"|^(?-i:B)\s?\d+(?:[-./]\d+)+\s*:?\s+",  # "B24-12 De OR brengt ...": a decision's number in a besluitenlijst
    re.IGNORECASE
)
_DECIDED = re.compile(
    r"\b(?:(?:er\s+)?(?:wordt|is|werd|heeft|hebben)\s+(?:\w+\s+){0,4}?besloten|besloten\s+(?:wordt|is)|"
    r"(?:wordt|is|werd)\s+(?:\w+\s+){0,2}?(?:afgesproken|overeengekomen|vastgelegd)|"
    r"(?:afgesproken|overeengekomen|vastgelegd)\s+(?:wordt|is|werd)|(?:^|\b(?:verder|ook|tevens)\s+)afgesproken\s+(?:dat|om)|"
    r"(?:we|wij)\s+spreken\s+af|er\s+is\s+overeenstemming|zijn\s+het\s+(?:er\s*)?(?:over\s+)?(?:mee\s+)?eens|"
    r"(?:wordt|is|werd)\s+(?:\w+\s+){0,3}?afgezien|"  # "Daar wordt voorlopig van afgezien"
    r"(?:we|wij)\s+(?:hebben|spraken)\s+(?:\w+\s+){0,2}?(?:afgesproken|besloten)|^(?:we|wij)\s+(?:besluiten|spreken)\b)\b",
    re.IGNORECASE,
)
_AGREEMENT = re.compile(r"afgesproken|overeengekomen|spreken\s+af|overeenstemming|eens\b", re.IGNORECASE)
_CONSENT = re.compile(
    r"\b(?:stemt|stemmen)\s+(?:\w+\s+){0,3}?in\s+met|\b(?:heeft|hebben)\s+(?:\w+\s+){0,3}?ingestemd\s+met|"
    r"\b(?:wordt|worden)\s+(?:\w+\s+){0,2}?ingestemd\s+met|\bmet\s+instemming\b",
    re.IGNORECASE,
)
# The body's advice, choice or consent: "De OR adviseert positief", "De OR geeft een negatief advies",
# "Het bestuur kiest voor schilderbedrijf Van Rijn", "De OC is akkoord met het voorstel".
_POSITION = re.compile(
    rf"^{_BODY}\s+(?:(?:adviseert|adviseren)\s+(?:\w+\s+){{0,2}}?(?:positief|negatief|gunstig|ongunstig|om|tegen)\b|"
    r"(?:geeft|geven|brengt|brengen)\s+(?:\w+\s+){0,3}?advies\b|(?:kiest|kiezen)\s+(?:\w+\s+){0,2}?voor\b|"
    r"(?:is|zijn|gaat|gaan)\s+(?:\w+\s+){0,2}?akkoord\s+met\b|(?:ziet|zien)\s+(?:\w+\s+){0,3}?af\s+van\b|"
    r"(?:keurt|keuren)\s+(?:[^.;]*?\s)?goed\b|(?:machtigt|machtigen|verleent|verlenen)\s+\S)"  # "keurt de jaarrekening goed"
)
# A vote: "wordt met 44 stemmen voor en 14 tegen aangenomen", "bij acclamatie herkozen", "unaniem".
_VOTE = re.compile(
    r"\b(?:met\s+(?:\d+|\w+)\s+stem(?:men)?\s+voor|met\s+algemene\s+stemmen|bij\s+acclamatie|unaniem)\b", re.IGNORECASE
)
# "De COR wil het verzuimprotocol voorlopig nog niet behandelen": the body puts something off, a decision
# too ("We weten voorlopig nog niet ..." is none).
_HOLD_OFF = re.compile(
    rf"^{_BODY}\s+(?!(?:weet|weten|kan|kunnen)\b)\w+\s+(?:[^.;]*?\s)?voorlopig\s+(?:nog\s+)?(?:niet|geen)\b"
)
# "Het AB is van een dergelijke app geen voorstander": the body's position.
_IN_FAVOUR = re.compile(rf"^{_BODY}\s+(?:is|zijn)\b.*\bvoorstander\b", re.IGNORECASE)
# "Op aanraden van Marc, bijgevallen door andere leden, wordt het woord ... geschrapt": the meeting follows advice.
_ON_ADVICE = re.compile(
    r"^op\s+(?:voorstel|aanraden|advies|verzoek|initiatief)\s+van\s+[^.;]{1,80}?\b(?:wordt|worden)\s+\S", re.IGNORECASE
)
# "Er gaat een trapleuning gerealiseerd worden": something will be done, nobody named.
_WILL_BE_DONE = re.compile(r"^er\s+(?:gaat|gaan|zal|zullen)\s+(?:een|de|het)\s+[^.;]*?\bworden\b", re.IGNORECASE)
_ABOUT_THE_MEETING = re.compile(r"\b(?:agenda|agendapunt|notulen|verslag|rondvraag|vergadering)\b", re.IGNORECASE)
_NOTED = re.compile(r"\b(?:ter\s+kennisname|voor\s+kennisgeving)\b", re.IGNORECASE)
_APPROVED = re.compile(
    r"^(?P<topic>.{3,120}?)\s+(?P<verb>(?:wordt|worden|is|zijn)\s+(?:\w+\s+){0,4}?"
    r"(?:goedgekeurd|vastgesteld|bekrachtigd|aangenomen|akkoord\s+bevonden))\b",
    re.IGNORECASE,
)
_REFERS_BACK = re.compile(
    r"^(?:(?:dit|dat|het\s+voorstel)\s+(?:is|wordt)\s+)?(?:akkoord|aangenomen|goedgekeurd)\s*[.!]?$|"
    r"^(?:hier|daar)\s+is\s+(?:iedereen|ieder(?:een)?|men|de\s+(?:vergadering|raad))\s+het\s+mee\s+eens\b|"
    r"^(?:iedereen|allen|de\s+vergadering)\s+(?:is\s+het\s+(?:hier|daar)mee\s+eens|stemt\s+(?:hiermee\s+|daarmee\s+)?in|"
    r"is\s+akkoord|(?:gaat|gaan)\s+(?:hiermee\s+|daarmee\s+)?akkoord)\s*[.!]?$|"
    r"^(?:daar|hiermee)\s+(?:wordt|is)\s+(?:\w+\s+)?ingestemd",
    re.IGNORECASE,
)
# What the sentence before proposed, when an agreement points back at it:
# "Martin ... spreekt zijn voorkeur uit dat voorgeschreven wordt welke velden ...", "Jan stelt voor om ...".
_PROPOSED = re.compile(
    r"\b(?:stelt|stellen)\s+voor\s+(?:om|dat)\s+|\bvoorkeur\s+(?:uit\s+)?(?:voor|om|dat)\s+|"
    r"\b(?:doet|doen)\s+(?:de\s+suggestie|het\s+voorstel)\s+(?:om\s+|dat\s+)?",
    re.IGNORECASE,
)
_PROCEDURAL_TOPIC = re.compile(
    r"^(?:de\s+|het\s+)?(?:\w+\s+){0,2}?(?:agenda|notulen|verslag|resumé|actielijst|besluitenlijst|"
    r"aktielijst)\b|\bter\s+kennisname\b|\bvoor\s+kennisgeving\b(?!.*besl)",
    re.IGNORECASE,
)
_EARLIER = re.compile(
    r"\b(?:al|eerder|reeds|destijds|vorig(?:e)?\s+(?:\w+\s+)?(?:jaar|schooljaar|vergadering|keer|week|maand)|"
    r"was|waren|had|hadden|(?:in|tijdens)\s+(?:het|de|een)\s+(?:\w+\s+){0,2}?(?:overleg|vergadering|bijeenkomst)\s+van)\b",
    re.IGNORECASE,
)
_OTHER_BODY = re.compile(
    r"\b(?:directie|directeur|college|cvb|bestuurder|management|mt|gemeente|gemeenteraad|kabinet|minister|"
    r"provincie|stuurgroep|rvt|raad\s+van\s+toezicht|school|schoolleiding|werkgever)\s+(?:heeft|hebben|had)\s+"
    r"(?:\w+\s+){0,3}?besloten|\b(?:directie|college|bestuurder|kabinet|minister|gemeente)\s+besluit\b",
    re.IGNORECASE,
)
# "(informatief)", "(ter info)": a decision passed on for information, taken elsewhere.
_FOR_INFORMATION = re.compile(r"\(\s*(?:informatief|ter\s+info(?:rmatie)?|ter\s+kennisname|ter\s+kennisgeving|fyi)\s*\)", re.IGNORECASE)
_REPORTED_SPEECH = re.compile(r"^\S+(?:\s+\S+){0,3}\s+(?:geeft\s+aan|meldt|vertelt|deelt\s+mee|laat\s+weten)\s+dat\b", re.IGNORECASE)


# A bullet's item before the sentence: "Invoering buurt-app; Het AB ...", "Schoolplein: de MR stemt in".
_TOPIC_LEAD = re.compile(r"^[^;:.!?]{2,50}[;:]\s+(?=\S)")


# Every form below contains one of these; most sentences contain none (a quick first test).
_ANY_FORM = re.compile(
    r"^b\s?\d+[-./]|besl|afspr|afgespr|akkoord|eens\b|stem|goedgekeurd|vastgesteld|vastgelegd|bekrachtigd|aangenomen|advie|advise|"
    r"kiest|kiezen|afgezien|\baf\s+van\b|voorlopig|keur|machtig|verleen|stemmen|acclamatie|unaniem|"
    r"overeen|voorstander|instemming|\bop\s+(?:voorstel|aanraden|advies|verzoek|initiatief)\s+van\b|"
    r"\ber\s+(?:gaat|gaan|zal|zullen)\b",
)  # matched against the lower-cased sentence: faster than IGNORECASE


def read_decision(sentence: str) -> Decision | None:
    """The decision a sentence records (or reports), else None."""
    if not _ANY_FORM.search(sentence.lower()):
        return None
    text = sentence.strip().lstrip("-•–*▪◦●\uf0b7 ")
    label = _DECISION_LABEL.match(text)
    if label:
        word = label.group(1)  # None for a decision's code ("B24-12 ...")
        kind = AFSPRAAK if word and word.lower().startswith(("afspra", "afgespr", "overeen")) else BESLUIT
        return Decision(kind, text[label.end() :].strip())
    if _REFERS_BACK.match(text):
        return Decision(BESLUIT, text, refers_back=True)
    found = _explicit(text) or _consent_or_approval(text)
    lead = _TOPIC_LEAD.match(text)
    if found is None and lead:  # "Invoering buurt-app; het AB is geen voorstander": the item, then the decision
        found = _explicit(text[lead.end() :]) or _consent_or_approval(text[lead.end() :])
        found = found and Decision(found.kind, text, found.sure, skipped=found.skipped, topic=found.topic)
    if found is None:
        return None
    if _OTHER_BODY.search(text) or _FOR_INFORMATION.search(text):
        return Decision(found.kind, text, sure=found.sure, skipped=ELSEWHERE)
    if (_EARLIER.search(text) or _REPORTED_SPEECH.match(text)) and not _DECISION_VERB.match(text):
        return Decision(found.kind, text, sure=found.sure, skipped=REPORTED)
    return found


def _explicit(text: str) -> Decision | None:
    """The council's own phrases are *zeker*; other ways of saying it *mogelijk*."""
    if _DECISION_VERB.match(text) or _DECISION_INVERTED.match(text) and text.split()[0].lower() not in ARTICLES:
        return Decision(BESLUIT, text)
    if _DECISION_PASSIVE.match(text):
        return Decision(BESLUIT, text)
    decided = _DECIDED.search(text)
    if decided:
        return Decision(AFSPRAAK if _AGREEMENT.search(decided.group()) else BESLUIT, text, sure=False)
    return None


def _consent_or_approval(text: str) -> Decision | None:
    if _CONSENT.search(text) or _IN_FAVOUR.match(text) or _POSITION.match(text) or _HOLD_OFF.match(text) or _VOTE.search(text):
        return Decision(BESLUIT, text, sure=False)
    if _ON_ADVICE.match(text) or _WILL_BE_DONE.match(text):
        return Decision(BESLUIT, text, sure=False, skipped=PROCEDURAL if _ABOUT_THE_MEETING.search(text) else "")
    approved = _APPROVED.match(text)
    if not approved:
        return None
    topic = approved.group("topic")
    subject = re.split(r"\bdat\s+", topic)[-1]  # "De voorzitter stelt vast dat het verslag ... kan worden vastgesteld"
    if _PROCEDURAL_TOPIC.search(subject) or _PROCEDURAL_TOPIC.search(approved.group("verb")) or _NOTED.search(text):
        return Decision(BESLUIT, text, skipped=PROCEDURAL)
    return Decision(BESLUIT, text, sure=False, topic=topic)


def agreed_text(previous: str, agreement: str) -> str:
    """The decision an agreement pointing back records: what the sentence before proposed, or all of it.

    "Jan stelt voor om de zaal te huren. Iedereen is akkoord." -> "De zaal te huren."; "De zaal wordt
    gehuurd. Dit is akkoord." -> both sentences.
    """
    proposed = _PROPOSED.search(previous)
    rest = previous[proposed.end() :].strip() if proposed else ""
    if not rest or rest.split()[0].casefold() in PRONOUNS:  # "Quiet stelt voor dat ze ...": who "ze" is stays
        return f"{previous} {agreement}"
    return rest[:1].upper() + rest[1:]


def decision_in(sentence: str) -> tuple[str, str] | None:
    """(kind, text) when a sentence records a decision of this meeting, else None."""
    found = read_decision(sentence)
    if found is None or found.skipped or found.refers_back:
        return None
    return found.kind, found.text
