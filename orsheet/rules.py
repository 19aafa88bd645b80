"""Pure rules for the action list: numbering and closing. No I/O.

One global sequence numbers every action, whatever meeting it came from: the
OR list and the OV list share it (346 and 347 went to the OV list, so the OR
list of 26 October 2023 jumps from 345 to 348). Numbers are never reused or
changed; problems are reported with their cell, never "fixed" silently.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from typing import Iterable, Sequence

from orsheet import schema
from orsheet.errors import CellError, Location, OrsheetError, ProblemList
from orsheet.model import STATUS_DONE, Action


def _nr_location(sheet: str, action: Action) -> Location:
    return Location(sheet, action.row, schema.ACTIONS.headers.index(schema.NR) + 1, schema.NR)


def numbering_problems(
    actions: Sequence[Action], archive: Sequence[Action], actions_sheet: str = "Acties", archive_sheet: str = "Archief"
) -> list[OrsheetError]:
    """Duplicate and non-positive numbers across both sheets, with their cells."""
    problems: list[OrsheetError] = []
    first_seen: dict[int, tuple[str, Action]] = {}
    for sheet, group in ((actions_sheet, actions), (archive_sheet, archive)):
        for action in group:
            number = action.number
            if number is None:
                continue
            if number <= 0:
                problems.append(CellError(f"nummer {number} is geen geldig actienummer (moet 1 of hoger zijn)",
                                          _nr_location(sheet, action)))
            elif number in first_seen:
                where = _nr_location(*first_seen[number])
                problems.append(CellError(f"nummer {number} komt twee keer voor (ook in {where})",
                                          _nr_location(sheet, action)))
            else:
                first_seen[number] = (sheet, action)
    return problems


def highest_number(actions: Iterable[Action], archive: Iterable[Action], last_number: int) -> int:
    numbers = [a.number for group in (actions, archive) for a in group if a.number is not None]
    return max([last_number, *numbers])


def next_number(actions: Iterable[Action], archive: Iterable[Action], last_number: int = 0) -> int:
    """1 + the highest number ever used: in Acties, in Archief, or in the setting."""
    return highest_number(actions, archive, last_number) + 1


@dataclass(frozen=True)
class Numbered:
    row: int | None
    number: int


def assign_numbers(actions: Sequence[Action], archive: Sequence[Action], last_number: int = 0) -> list[Numbered]:
    """Numbers for every action without one, in sheet order.

    Raises ``ProblemList`` when existing numbers are duplicated or invalid:
    numbering on top of a broken sequence would hide the problem.
    """
    problems = numbering_problems(actions, archive)
    if problems:
        raise ProblemList(problems, "De actienummers bevatten fouten; los die eerst op")
    number = next_number(actions, archive, last_number)
    result = []
    for action in actions:
        if action.number is None:
            if number > schema.MAX_ACTION_NUMBER:
                raise CellError(f"het volgende actienummer ({number}) heeft meer dan negen cijfers; "
                                "geef deze actie zelf een vrij nummer", _nr_location(schema.ACTIONS.name, action))
            result.append(Numbered(action.row, number))
            number += 1
    return result


@dataclass(frozen=True)
class ClosePlan:
    """Which actions leave Acties, and how they enter Archief."""

    closed: list[Action]  # as they will stand in Archief (status afgerond, date filled)


def plan_close(
    actions: Sequence[Action], archive: Sequence[Action], numbers: Iterable[int], on: date
) -> ClosePlan:
    """Close the named actions and every done one (:attr:`~orsheet.model.Action.is_done`: Status
    "afgerond" or a date in "Afgerond op").

    A named number that is unknown or already archived is an error and nothing
    is closed, so a typo never half-applies. An action that keeps its own
    "Afgerond op" date keeps it.
    """
    open_by_number = {a.number: a for a in actions if a.number is not None}
    archived = {a.number: a for a in archive if a.number is not None}
    problems: list[OrsheetError] = []
    named: list[Action] = []
    for number in dict.fromkeys(numbers):
        if number in open_by_number:
            named.append(open_by_number[number])
        elif number in archived:
            when = archived[number].closed_on
            since = f" op {when:%d-%m-%Y}" if when else ""
            problems.append(OrsheetError(f"actie {number} is al afgerond{since} en staat in Archief (rij {archived[number].row})"))
        else:
            problems.append(OrsheetError(f"actie {number} bestaat niet in Acties"))
    if problems:
        raise ProblemList(problems, "Niets gesloten")
    chosen = {id(a) for a in named} | {id(a) for a in actions if a.is_done}
    closed = [
        replace(a, status=STATUS_DONE, closed_on=a.closed_on or on)
        for a in actions
        if id(a) in chosen
    ]
    return ClosePlan(closed)



def _status_location(sheet: str, action: Action) -> Location:
    return Location(sheet, action.row, schema.ACTIONS.headers.index(schema.STATUS) + 1, schema.STATUS)


def done_problems(actions: Sequence[Action], archive: Sequence[Action],
                  actions_sheet: str = "Acties", archive_sheet: str = "Archief") -> list[OrsheetError]:
    """Rows whose Status and *Afgerond op* disagree, at the cell to look at.

    In Acties a date in *Afgerond op* makes an action done whatever its Status says
    (:attr:`~orsheet.model.Action.is_done`), so a Status that is not "afgerond" next to it is
    pointed out: the action leaves the agenda and the overview and goes to Archief at the next
    close. (Status "afgerond" without a date is the usual way: close fills in the date.) In
    Archief every action is done; one without a date is pointed out, as the Woo list cannot
    tell in which period it was closed and so lists it in every one.
    """
    problems: list[OrsheetError] = []
    for action in actions:
        if action.closed_on is not None and not action.has_status_done:
            status = f'"{action.status.strip()}"' if action.status.strip() else "leeg"
            problems.append(CellError(
                f"Afgerond op is ingevuld ({action.closed_on:%d-%m-%Y}), maar Status is {status}; de actie telt "
                'als afgerond en gaat bij sluiten naar Archief (zet Status op "afgerond", of maak Afgerond op '
                "leeg als ze nog loopt)",
                _status_location(actions_sheet, action)))
    column = schema.ARCHIVE.headers.index(schema.AFGEROND_OP) + 1
    for action in archive:
        if action.closed_on is None:
            problems.append(CellError(
                "de actie staat in Archief, maar Afgerond op is leeg; vul de datum in waarop ze is afgerond "
                "(zonder datum toont de Woo-lijst haar in elke periode)",
                Location(archive_sheet, action.row, column, schema.AFGEROND_OP)))
    return problems
