"""Names and text compared however they are typed: accents, Unicode forms, apostrophes (pure).

"Zoe Ergun" is "Zoë Ergün", a decomposed "José" pasted from a Mac is "José",
"Bruĳn" with the ij ligature is "Bruijn", "Jan\u00adsen" with Word's soft
hyphen is "Jansen", and "D’Hondt" with Word's curly apostrophe is "D'Hondt".
The name forms are built from folded names (:func:`fold`) and looked for in
the folded text (:class:`FoldedText`), whose spans map back to the text as
typed.
"""

from __future__ import annotations

import unicodedata

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
    # NFKD: "é" -> "e" + accent, "ĳ" -> "ij", "ﬁ" -> "fi", full-width "Ｊ" -> "J"; the accents are dropped,
    # and what is left folds as above ("ŉ" -> "ʼn" -> "'n"), so that folding twice changes nothing.
    return "".join(_FOLDED_LETTERS.get(c, c) for c in unicodedata.normalize("NFKD", char)
                   if not unicodedata.combining(c) and c not in _INVISIBLE)


class _Folds(dict):
    """``str.translate`` table: code point -> folded text, filled as characters come up."""

    def __missing__(self, code: int) -> str:
        folded = self[code] = _fold_char(chr(code))
        if len(folded) != 1:
            _UNEVEN.add(chr(code))
        return folded


_UNEVEN: set[str] = set()  # characters folded to nothing or to more than one
_FOLDS = _Folds()


def fold(text: str) -> str:
    """``text`` without accents, in one Unicode form, with one apostrophe: "Zoë D’Hondt" -> "Zoe D'Hondt"."""
    return FoldedText(text).text


class FoldedText:
    """A text folded for matching (:func:`fold`) and the way back to the text as typed.

    A folded character comes from one typed character; a dropped one (an accent typed
    separately, a soft hyphen) belongs to the character before it, so a span of the
    folded text maps to the typed text with its accents: "Jose\u0301" is one name.
    """

    __slots__ = ("_ends", "_starts", "text")

    def __init__(self, text: str) -> None:
        self._starts: list[int] | None = None
        self._ends: list[int] = []
        if text.isascii() and "`" not in text:  # nearly every cell: nothing to fold
            self.text = text
            return
        self.text = text.translate(_FOLDS)
        if _UNEVEN.isdisjoint(text):  # one for one: the positions stay
            return
        pieces = [_FOLDS[ord(char)] for char in text]
        starts: list[int] = []
        ends: list[int] = []
        for index, piece in enumerate(pieces):
            if not piece:
                if ends:
                    ends[-1] = index + 1
                continue
            starts.extend([index] * len(piece))
            ends.extend([index + 1] * len(piece))
        self.text, self._starts, self._ends = "".join(pieces), starts, ends

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The span in the typed text of the folded ``text[start:end]``."""
        if self._starts is None or end <= start:
            return start, end
        return self._starts[start], self._ends[end - 1]
