"""Which open action a sentence is about, by the words they share (pure)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from orsheet.minutes.text import stems

__all__ = ["best_match", "closest", "stemmed"]

MIN_SHARED = 2  # words in common, at least
MIN_SHARE = 0.3  # of the action's own words


def stemmed(candidates: Iterable[tuple[int, str]]) -> list[tuple[int, frozenset[str]]]:
    """The candidates with their texts cut to stems, once (a run compares many sentences with them)."""
    return [(key, frozenset(stems(text))) for key, text in candidates]


def best_match(sentence: str, candidates: Sequence[tuple[int, str]]) -> int | None:
    """The key of the candidate text the sentence shares most words with, or None (see :func:`closest`)."""
    return closest(sentence, stemmed(candidates))


def closest(sentence: str, candidates: Iterable[tuple[int, frozenset[str]]]) -> int | None:
    """The key of the stemmed candidate the sentence shares most words with, or None.

    A match needs :data:`MIN_SHARED` words in common and at least
    :data:`MIN_SHARE` of the candidate's words; a tie between two candidates
    is no match (the secretary would not know which one is meant either).
    """
    said = stems(sentence)
    scored = []
    for key, own in candidates:
        shared = len(said & own)
        if own and shared >= MIN_SHARED and shared / len(own) >= MIN_SHARE:
            scored.append((shared / len(own), shared, key))
    scored.sort(reverse=True)
    if not scored or (len(scored) > 1 and scored[0][:2] == scored[1][:2]):
        return None
    return scored[0][2]
