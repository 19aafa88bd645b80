"""Score the minutes grammar against the labelled minutes of other councils.

``../shared/domain/extern`` holds public minutes with a reader's labels
(``labels.json``). Each file is parsed as a user's minutes would be, and run
against a workbook holding actions 1-60 (so any number read as a closure is
one too many). A proposal matches a label when they share enough meaning
words (and, for actions, a word of the owner), one to one.

A file whose label lists the workbook's ``open_actions`` (number -> text, as in
``tests/data/minutes_unseen``) is scored against those: every number read as a
closure counts, and ``closed_by_description`` holds the numbers of the open
actions the minutes report done.
"""

from __future__ import annotations

import json
import re
from collections.abc import Collection
from dataclasses import dataclass, field
from pathlib import Path

from orsheet.documents.minutes_reader import read_minutes
from orsheet.minutes import parse_minutes
from orsheet.minutes.matching import best_match
from orsheet.minutes.text import similar

EXISTING_NUMBERS = range(1, 61)
_OWNER_NOISE = {"de", "het", "onze", "en", "van", "der"}


@dataclass
class Score:
    found: int = 0  # proposals
    right: int = 0  # proposals matching a label
    labelled: int = 0
    recalled: int = 0  # labels matched by a proposal
    misses: list[str] = field(default_factory=list)
    false: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.right / self.found if self.found else 1.0

    @property
    def recall(self) -> float:
        return self.recalled / self.labelled if self.labelled else 1.0

    def line(self, name: str) -> str:
        return (f"{name:<24} P {self.precision:.2f} ({self.right}/{self.found})  "
                f"R {self.recall:.2f} ({self.recalled}/{self.labelled})")


_similar = similar


def _owner_words(owner: str) -> set[str]:
    """"Yusuf/Rob", "Yusuf en Rob", "DW/MZ": the names, in lower case."""
    return {w.casefold() for w in re.split(r"[\s/,&.]+", owner) if w} - _OWNER_NOISE


def _same_owner(label: str, proposal: str) -> bool:
    return bool(_owner_words(label) & _owner_words(proposal))


def _match(score: Score, labels: list, proposals: list, same, name: str) -> None:
    score.found += len(proposals)
    score.labelled += len(labels)
    unmatched = list(proposals)
    for label in labels:
        hit = next((p for p in unmatched if same(label, p)), None)
        if hit is None:
            score.misses.append(f"{name}: {label}")
        else:
            unmatched.remove(hit)
            score.recalled += 1
            score.right += 1
    score.false.extend(f"{name}: {p}" for p in unmatched)


def score_directory(directory: Path, names: Collection[str] | None = None) -> dict[str, Score]:
    """The scores over the labelled files of ``directory`` (only ``names``, when given)."""
    labels = json.loads((directory / "labels.json").read_text(encoding="utf-8"))
    scores = {k: Score() for k in ("new actions", "decisions", "closures by number", "closures by description")}
    for name, label in sorted(labels.items()):
        if names is not None and name not in names:
            continue
        proposal = parse_minutes(read_minutes(directory / name))
        actions = [(a.owner, f"{a.description} {a.marker}") for a in proposal.new_actions]
        _match(scores["new actions"], [(a["owner"], a["task"]) for a in label["new_actions"]], actions,
               lambda l, p: _same_owner(l[0], p[0]) and _similar(l[1], p[1]), name)
        _match(scores["decisions"], label["decisions"], [d.text for d in proposal.decisions], _similar, name)
        if "open_actions" in label:
            open_actions = [(int(number), text) for number, text in label["open_actions"].items()]
            closed, by_description = proposal.closed_numbers, label["closed_by_description"]
        else:
            closed = [n for n in proposal.closed_numbers if n in EXISTING_NUMBERS]
            # The workbook holds the labelled tasks as open actions beside unrelated ones.
            open_actions = [(i, text) for i, text in enumerate(label["closed_by_description"])]
            open_actions += [(100 + i, a["task"]) for i, a in enumerate(label["new_actions"])]
            by_description = list(range(len(label["closed_by_description"])))
        _match(scores["closures by number"], label["closed"], closed, lambda l, p: l == p, name)
        suggested = {best_match(r.sentence, open_actions) for r in proposal.done_reports} - {None}
        _match(scores["closures by description"], by_description, sorted(suggested), lambda l, p: l == p, name)
    return scores


def assert_reaches(score: Score, precision: float, recall: float) -> None:
    """Precision and recall at least these; a failure lists the false proposals or the misses."""
    assert score.precision >= precision, score.false
    assert score.recall >= recall, score.misses
