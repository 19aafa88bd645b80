"""Short fingerprints of text, for markers that tell whether a row or a file changed.

One function for every fingerprint orsheet stores in a workbook (the year
plan's row markers, the Log's key of processed minutes). The algorithm and
length stay a parameter because fingerprints already stored in users'
workbooks must keep matching: changing either would make every generated row
look "changed by hand" and every processed minutes file look new.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable

__all__ = ["fingerprint"]


def fingerprint(parts: Iterable[str], *, length: int, separator: str = "\x1f", algorithm: str = "sha256") -> str:
    """The first ``length`` hex digits of the hash of ``parts`` joined by ``separator``."""
    joined = separator.join(parts)
    return hashlib.new(algorithm, joined.encode("utf-8")).hexdigest()[:length]
