"""What minutes propose for the workbook, before it is checked against it (pure data)."""

from __future__ import annotations

from dataclasses import dataclass, field

SURE = "zeker"  # an explicit marker or number
POSSIBLE = "mogelijk"  # read from the phrasing: the secretary decides


@dataclass(frozen=True)
class Paragraph:
    """One paragraph of the minutes. ``level`` 0 is body text, 1.. a heading."""

    text: str
    level: int = 0
    bullet: bool = False


@dataclass(frozen=True)
class Closure:
    number: int
    sentence: str  # where the minutes say so, shown in the preview


@dataclass(frozen=True)
class NewAction:
    owner: str
    description: str
    subject: str
    marker: str  # the marker text as written, e.g. "actie: Jan maakt een poster"
    deadline: str = ""  # as written in the marker: "1 november", "eind okt", "volgende vergadering"
    confidence: str = SURE
    reason: str = ""  # why only mogelijk


@dataclass(frozen=True)
class DecisionItem:
    text: str
    subject: str
    kind: str = "besluit"  # or "afspraak"
    confidence: str = SURE
    reason: str = ""


@dataclass(frozen=True)
class DoneReport:
    """ "Draaiboek is doorgestuurd": done, no number; matched against open actions later."""

    sentence: str
    subject: str
    number: int | None = None  # a row of an action table in the minutes may carry one


@dataclass(frozen=True)
class NearMiss:
    """A sentence that came close to a proposal, and why it is none."""

    sentence: str
    reason: str


@dataclass
class MinutesProposal:
    closures: list[Closure] = field(default_factory=list)
    new_actions: list[NewAction] = field(default_factory=list)
    decisions: list[DecisionItem] = field(default_factory=list)
    # "De actielijst is bijgewerkt": actions whose Status says afgerond are closed too.
    list_updated: str = ""
    done_reports: list[DoneReport] = field(default_factory=list)
    near_misses: list[NearMiss] = field(default_factory=list)
    people: tuple[str, ...] = ()  # listed in the header

    @property
    def is_empty(self) -> bool:
        return not (self.closures or self.new_actions or self.decisions or self.done_reports)

    @property
    def closed_numbers(self) -> list[int]:
        return [c.number for c in self.closures]
