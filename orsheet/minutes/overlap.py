"""What a proposal says twice, dropped once the whole text is read (pure).

"De OR zal dit opvragen. (actie: Jan)" is one action, not two; "Henk neemt contact op" and the
"AP 12-3 Henk: ..." line below it are one; a closure named twice is one closure.
"""

from __future__ import annotations

import re

from orsheet.minutes.proposal import POSSIBLE, MinutesProposal, NewAction
from orsheet.minutes.text import similar

__all__ = ["drop_possible_actions_a_marker_covers", "drop_duplicate_closures"]


def drop_possible_actions_a_marker_covers(proposal: MinutesProposal) -> None:
    """The marked action is the one, not also the sentence that said it first.

    "De OR zal dit opvragen. (actie: Jan)": the marker's sentence. "Henk neemt contact op met twee
    adviesbureaus." then "AP 12-3 Henk: offertes opvragen.": the same owners under the same item,
    the one right after the other, or saying the same (a table of actions at the end repeats them).
    """
    actions = proposal.new_actions
    marked = [(i, a) for i, a in enumerate(actions) if a.confidence != POSSIBLE]

    def covered(index: int, action: NewAction) -> bool:
        return any(
            other.description and (
                action.description in other.description
                or action.description.endswith(other.description)  # the possible one took the sentence before along
            )
            or _owners(other.owner) == _owners(action.owner)
            and (at == index + 1 and other.subject == action.subject or similar(other.description, action.description))
            for at, other in marked
        )

    proposal.new_actions = [a for i, a in enumerate(actions) if a.confidence != POSSIBLE or not covered(i, a)]


def _owners(owner: str) -> frozenset[str]:
    """"Yusuf/Rob", "Yusuf en Rob", "yusuf, rob": the same people."""
    return frozenset(w.casefold() for w in re.split(r"\s*(?:/|,|&|\ben\b)\s*|\s+", owner) if w)


def drop_duplicate_closures(proposal: MinutesProposal) -> None:
    seen: set[int] = set()
    unique = []
    for closure in proposal.closures:
        if closure.number not in seen:
            seen.add(closure.number)
            unique.append(closure)
    proposal.closures = unique
