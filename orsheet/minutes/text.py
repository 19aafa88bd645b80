"""Plain text work on minutes: normalising, sentences, clauses, quotes (pure)."""

from __future__ import annotations

import re
import unicodedata

# A redacted name appears as "5.1.2e" or, in some exports, "5.1, 2, e".
_REDACTION_VARIANT = re.compile(r"\b(\d)\.(\d),\s*(\d),\s*([a-z])\b")
_EMPHASIS = re.compile(r"\*+|</?(?:b|i|u|em|strong|sup|sub)>")
_APOSTROPHE = re.compile(r"(?<=\w)\u2019(?=\w)")
_SPACES = re.compile(r"[ \t\u00a0\u2009\u202f]+")

# Words after which a period does not end a sentence.
ABBREVIATIONS = frozenset({
    "bv", "bijv", "b.v", "o.a", "i.r.t", "e.e.a", "n.a.v", "m.b.t", "t.a.v", "i.v.m", "jl", "ca",
    "nr", "nrs", "mr", "mevr", "dhr", "drs", "dr", "ir", "ing", "vs", "evt", "incl", "excl", "z.s.m",
    "c.q", "d.w.z", "o.b.v", "resp", "zgn", "etc", "art", "blz", "p", "vgl", "vb", "a.s", "t/m",
    "fam", "pag", "pt", "d.d", "i.p.v", "m.k", "verg", "vd", "vz", "mw",
})


def normalise(text: str) -> str:
    """Collapse spacing, drop Markdown/HTML emphasis, unify redaction codes."""
    text = _EMPHASIS.sub("", text)
    text = _REDACTION_VARIANT.sub(r"\1.\2.\3\4", text)
    text = _APOSTROPHE.sub("'", text)  # "collega’s": an apostrophe, not a closing quote
    return _SPACES.sub(" ", text).strip()


_SENTENCE_END = re.compile(r"[.!?][\"'”’)\]]*\s+(?=[\"'“‘(\[A-ZÀ-Ý0-9•\uf0b7-])")


def sentence_spans(text: str) -> tuple[tuple[int, int], ...]:
    """(start, end) of each sentence in ``text``; abbreviations do not split."""
    spans: list[tuple[int, int]] = []
    start = 0
    for match in _SENTENCE_END.finditer(text):
        before = text[start : match.start() + 1]
        last_word = before.rsplit(None, 1)[-1].rstrip(".!?").lstrip("([\"'“‘").lower() if before.strip() else ""
        if last_word in ABBREVIATIONS or (len(last_word) == 1 and last_word.isalpha()):
            continue
        if re.fullmatch(r"\d+(\.\d+)*", last_word) and not _ends_with_year(before) and not _AMOUNT.search(before):
            continue  # "1." list number or "5.1" heading; "... van begin 2018." and "€ 180.000." end a sentence
        spans.append((start, match.end()))
        start = match.end()
    if start < len(text):
        spans.append((start, len(text)))
    return tuple((s, e) for s, e in spans if text[s:e].strip())


# An amount: after a currency sign, or in groups of three ("€ 180.000.", "1.250.000 euro.").
_AMOUNT = re.compile(r"(?:€|\beur|\beuro)\s*[\d.,]+\.$|\b\d{1,3}(?:\.\d{3})+\.$", re.IGNORECASE)


def _ends_with_year(before: str) -> bool:
    """"... besluit van begin 2018.": a year after other words, not a list number standing first."""
    return bool(re.search(r"\w\s+(?:19|20)\d\d\.$", before))


_QUOTE_PAIRS = (("\u201c", "\u201d"), ("\u201e", "\u201d"), ('"', '"'), ("\u2018", "\u2019"), ("`", "`"))


def quoted_spans(text: str) -> list[tuple[int, int]]:
    """Spans inside quotation marks (a marker quoted there is an example)."""
    spans: list[tuple[int, int]] = []
    for opening, closing in _QUOTE_PAIRS:
        position = 0
        while (start := text.find(opening, position)) != -1:
            end = text.find(closing, start + 1)
            if end == -1:
                break
            spans.append((start, end + 1))
            position = end + 1
    # Single quotes only count at word edges: "collega's" is no quote.
    for match in re.finditer(r"(?<![\w])'([^']+)'(?![\w])", text):
        spans.append(match.span())
    return spans


def inside(position: int, spans: list[tuple[int, int]]) -> bool:
    return any(start < position < end for start, end in spans)


_CLAUSE_BREAK = re.compile(r"\s*(?:[;:]|,(?=\s)|\s[-–]\s)\s*")


def clauses(sentence: str) -> list[tuple[int, str]]:
    """(offset, text) of the clauses of a sentence: split at ; : , and dashes."""
    found: list[tuple[int, str]] = []
    start = 0
    for match in _CLAUSE_BREAK.finditer(sentence):
        found.append((start, sentence[start : match.start()]))
        start = match.end()
    found.append((start, sentence[start:]))
    return [(offset, part) for offset, part in found if part.strip()]


_WORD = re.compile(r"[\wÀ-ÿ'-]+")
STOPWORDS = frozenset(
    "de het een en van in op te met voor aan naar dat die dit deze er is zijn wordt worden om of bij "
    "ook nog niet wel als door over uit tot zal zullen gaat gaan kan kunnen moet moeten wil willen "
    "heeft hebben hij zij ze we wij men nu dan maar al hier daar wat wie hoe waar zich".split()
)


def content_words(text: str) -> set[str]:
    """Lower-case words that carry meaning (for matching texts with each other)."""
    return {w for w in (m.group().casefold().strip("'-") for m in _WORD.finditer(text)) if len(w) > 2 and w not in STOPWORDS}


STEM = 5  # "kopieert"/"kopiëren", "voorgeschreven"/"voorschrijven": the same first letters


# A participle's "ge" after a separable particle: "opgesteld" is "opstellen", "uitgezocht" "uitzoeken".
# And a participle's own "ge": "geactualiseerd" is "actualiseren", "geregeld" "regelen".
_PARTICIPLE_GE = re.compile(r"^(op|uit|mee|na|aan|door|in|af|voor|toe|rond|bij|terug|over|weg|samen)?ge(?=\w{4,}[dt]$)")


def stems(text: str) -> set[str]:
    """The meaning words cut to their first letters, accents dropped: a crude Dutch stemmer."""
    plain = unicodedata.normalize("NFKD", text)
    plain = "".join(c for c in plain if not unicodedata.combining(c))
    return {_PARTICIPLE_GE.sub(lambda m: m.group(1) or "", word)[:STEM] for word in content_words(plain)}


def similar(one: str, other: str) -> bool:
    """Do two texts say the same thing, by their shared stems?

    Half the stems of the shorter text, or two stems and a third of them, or four.
    """
    first, second = stems(one), stems(other)
    shared = len(first & second)
    smaller = max(1, min(len(first), len(second)))
    return shared >= 4 or (shared >= 2 and shared / smaller >= 0.3) or (shared >= 1 and shared / smaller >= 0.5)
