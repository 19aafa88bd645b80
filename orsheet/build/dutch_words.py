"""Build ``orsheet/dutch_words.txt.gz``, the Dutch words a name can also be (build time only).

Run ``python -m orsheet.build.dutch_words [WORDLIST]`` with the OpenTaal word list
(Debian package ``wdutch``: ``/usr/share/dict/dutch``; OpenTaal, https://www.opentaal.org/,
BSD/CC BY 3.0). The list keeps the entries written in lower case (common nouns, verbs,
adjectives: "bakker", "wil", "groot"), not the capitalised proper names ("Jansen",
"Anna"), and only words a name can be: letters alone, at most
:data:`LONGEST` letters (longer words are compounds, not names). The Woo redaction
(:mod:`orsheet.redact`) reads it through :func:`orsheet.dutch.is_word`.
"""

from __future__ import annotations

import gzip
import re
import sys
from collections.abc import Iterable
from pathlib import Path

from orsheet.dutch import WORDS_FILE

SOURCE = Path("/usr/share/dict/dutch")
LONGEST = 12
_LOWER_WORD = re.compile(r"[a-zß-öø-ÿ]{2,%d}" % LONGEST)


def lower_case_words(lines: Iterable[str]) -> list[str]:
    """The sorted, unique lower-case words of a word list, one per line."""
    return sorted({line.strip() for line in lines if _LOWER_WORD.fullmatch(line.strip())})


def build(source: Path = SOURCE, target: Path = WORDS_FILE) -> int:
    words = lower_case_words(source.read_text(encoding="utf-8").splitlines())
    data = ("\n".join(words) + "\n").encode("utf-8")
    # mtime=0 and no file name: the same list gives the same bytes.
    target.write_bytes(gzip.compress(data, compresslevel=9, mtime=0))
    return len(words)


if __name__ == "__main__":
    count = build(Path(sys.argv[1]) if len(sys.argv) > 1 else SOURCE)
    print(f"{WORDS_FILE}: {count} words")
