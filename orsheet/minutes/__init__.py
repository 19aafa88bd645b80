"""Minutes -> proposal: the grammar of Dutch minutes, pure and without I/O.

One module per job: :mod:`text` (normalising, sentences, clauses), :mod:`markers`
("(actie: ...)"), :mod:`owners` (who a marker names), :mod:`people` (who was
there), :mod:`tasks` (tasks without a marker, tasks reported done),
:mod:`numbers` (closed action numbers), :mod:`decisions`, :mod:`header`
(meeting date and kind), :mod:`parse` (the pass through the document) and
:mod:`proposal` (what comes out). :mod:`orsheet.documents.minutes_reader`
builds the paragraphs, :mod:`orsheet.services.minutes` checks the proposal
against the workbook and applies it.
"""

from orsheet.minutes.header import heading_title, meeting_date_in, meeting_kind_in
from orsheet.minutes.parse import parse_minutes
from orsheet.minutes.proposal import (
    POSSIBLE,
    SURE,
    Closure,
    DecisionItem,
    DoneReport,
    MinutesProposal,
    NearMiss,
    NewAction,
    Paragraph,
)

__all__ = [
    "POSSIBLE",
    "SURE",
    "Closure",
    "DecisionItem",
    "DoneReport",
    "MinutesProposal",
    "NearMiss",
    "NewAction",
    "Paragraph",
    "heading_title",
    "meeting_date_in",
    "meeting_kind_in",
    "parse_minutes",
]
