"""The Python side of the Excel buttons: one function per button.

This is the only module that uses ``xw.Book.caller()``. The VBA in
``macros/Orsheet.bas`` runs ``import orsheet.macros as m; m.<function>(...)``;
each function opens the live backend on the calling workbook, calls the same
service the CLI calls, and ends with a short Dutch message box. Errors become
a Dutch message box as well, never a Python traceback window: a user error
shows its located message (``Acties!F12 (Datum): ...``); a bug shows where the
technical details were written.
"""

from __future__ import annotations

import functools
import sys
from datetime import date
from pathlib import Path
from typing import Any, Callable

from orsheet.bug_report import LOG_NAME as LOG_NAME  # where a bug's details go (re-exported)
from orsheet.bug_report import late_error_hook, unexpected_message
from orsheet.errors import InputError, user_error

TITLE = "orsheet"


def _caller():
    """The workbook whose button was pressed (xlwings finds it through RunPython)."""
    import xlwings as xw

    return xw.Book.caller()


def _show(book, action: str, message: str, critical: bool) -> None:
    book.app.alert(message, title=f"{TITLE} – {action}", mode="critical" if critical else "info")


def outcome(action: str, work: Callable[..., str], *args: Any, log: Path | None = None, **kwargs: Any) -> tuple[str, bool]:
    """``work(*args, **kwargs)``'s Dutch message and whether it failed: a user error
    as its located message, a bug as where its details were written (``log``).

    An error Python can only report late (a library's file closed by the garbage collector)
    goes to the same log, not to a console window (:func:`orsheet.bug_report.late_error_hook`)."""
    sys.unraisablehook = late_error_hook(action, log)
    try:
        return work(*args, **kwargs), False
    except Exception as problem:  # the boundary: nothing may become a traceback window
        return failure_message(action, problem, log), True


def failure_message(action: str, problem: BaseException, log: Path | None = None) -> str:
    """What the secretary reads when ``action`` failed with ``problem``: a user error as its
    located Dutch message, a bug as where its details were written (``log``)."""
    error = user_error(problem)  # the user's (or the system's) problem, in Dutch
    if error is None:
        return unexpected_message(action, problem, log)
    if getattr(error, "outcome", ""):  # it says itself what was (or was not) changed
        return f"{action} is niet gelukt.\n\n{error}"
    return f"{action} is niet gelukt; er is niets gewijzigd.\n\n{error}"


def button(action: str) -> Callable:
    """Run ``work(book, ...)`` for a button and show its Dutch result or error."""

    def decorate(work: Callable[..., str]) -> Callable[..., None]:
        @functools.wraps(work)
        def run(*args: Any, **kwargs: Any) -> None:
            book = _caller()
            message, critical = outcome(action, work, book, *args, **kwargs)
            _show(book, action, message, critical)

        return run

    return decorate


def progress(book, text: str) -> None:
    """Show how far long work is, in Excel's status bar (the VBA clears it afterwards)."""
    try:
        book.app.status_bar = f"orsheet: {text}"
    except (NotImplementedError, AttributeError):  # not every xlwings engine has a status bar
        pass


def open_documents(paths: list[Path], opener: Callable[[Path], None] | None = None) -> str:
    """Open generated documents for the user; return the Dutch line that says where they are."""
    opener = opener or _system_opener()
    for path in paths:
        try:
            opener(path)
        except OSError:
            pass  # the message still says where the document is
    if not paths:
        return ""
    return "Opgeslagen in " + str(paths[0].parent) + ": " + ", ".join(p.name for p in paths) + "."


def _system_opener() -> Callable[[Path], None]:
    import os
    import subprocess
    import sys

    if sys.platform == "win32":
        return lambda path: os.startfile(path)  # type: ignore[attr-defined]
    if sys.platform == "darwin":
        return lambda path: subprocess.Popen(["open", str(path)])
    return lambda path: None  # no Excel here, so nobody to show the document to


def _backend(book):
    from orsheet.services.common import require_contract
    from orsheet.workbook.xlwings_backend import XlwingsBackend

    backend = XlwingsBackend(book)
    require_contract(backend)
    return backend


@button("Acties nummeren")
def number_actions(book) -> str:
    from orsheet.services.actions import number_actions as number

    return number(_backend(book)).summary()


@button("Afgeronde acties sluiten")
def close_finished_actions(book) -> str:
    from orsheet.services.actions import close_actions

    return close_actions(_backend(book)).summary()


def meeting_for_selection(backend, sheet: str, row: int, today: date):
    """The meeting the secretary means: the selected row's on Vergaderingen or
    Agendapunten, else the first meeting from ``today`` on."""
    from orsheet import records, schema
    from orsheet.errors import CellError, Location, SheetError

    meetings = records.meetings_from_table(backend.read([schema.MEETINGS.name])[schema.MEETINGS.name])
    if sheet == schema.MEETINGS.name and row >= 2:
        for meeting in meetings:
            if meeting.row == row:
                return meeting
        raise CellError("selecteer een vergadering (een rij met een datum)", Location(sheet, row))
    if sheet == schema.AGENDA_ITEMS.name and row >= 2:
        items = records.agenda_items_from_table(backend.read([sheet])[sheet])
        wanted = next((i.meeting for i in items if i.row == row), None)
        if wanted is None:
            raise CellError("selecteer een agendapunt (een rij met een vergaderdatum)", Location(sheet, row))
        for meeting in meetings:
            if meeting.date == wanted:
                return meeting
        raise CellError(f"er staat geen vergadering op {wanted:%d-%m-%Y} in Vergaderingen", Location(sheet, row, 1, "Vergadering"))
    coming = sorted((m for m in meetings if m.date >= today), key=lambda m: (m.date, m.row or 0))
    if not coming:
        raise SheetError(f"er is geen vergadering op of na {today:%d-%m-%Y}", Location(schema.MEETINGS.name))
    return coming[0]


@button("Agenda maken")
def make_agenda(book, sheet: str = "", row: int = 0) -> str:
    """The agenda of the meeting on ``row`` of ``sheet`` (Vergaderingen/Agendapunten), else the next one."""
    from orsheet.services.agenda import generate_agenda

    backend = _backend(book)
    meeting = meeting_for_selection(backend, sheet, row, date.today())
    progress(book, f"agenda {meeting.kind} {meeting.date:%d-%m-%Y} maken ...")
    result = generate_agenda(backend, workbook_path(book), meeting.date, kind=meeting.kind)
    open_documents([result.docx])  # Word, so the secretary can still adjust it
    return result.summary()


def workbook_path(book) -> Path:
    """Where the open workbook is, for folders set relative to it (Map agenda's)."""
    name = str(book.fullname)
    if "://" in name:  # OneDrive/SharePoint without a local copy: use the Documents folder
        return Path.home() / "Documents" / book.name
    return Path(name)


def show_sheet(book, name: str) -> None:
    """Bring ``name`` to the front when the engine can (not every engine sees a sheet it just added)."""
    try:
        book.sheets[name].activate()
    except Exception:  # noqa: BLE001 - only a convenience; the message names the sheet anyway
        pass


def ask(book, action: str, question: str) -> bool:
    """A Yes/No question in Excel; only an explicit "Ja" counts (xlwings Server cannot answer: no)."""
    answer = book.app.alert(question, title=f"{TITLE} – {action}", buttons="yes_no", mode="info")
    return answer == "yes"


def _minutes_date_stated(path: Path) -> None:
    """Refuse, in Excel's words, minutes that do not state their meeting date at the top."""
    from orsheet.minutes import meeting_date_in
    from orsheet.services.minutes import read_minutes_file

    paragraphs, _ = read_minutes_file(path)
    if meeting_date_in(paragraphs) is None:
        raise InputError(
            f"De vergaderdatum staat niet bovenaan in {path.name}. Zet de datum in de kop van de notulen "
            "(bijvoorbeeld \"Vergadering van 12 oktober 2023\") en kies opnieuw \"Notulen verwerken\"."
        )


def propose_from_minutes(backend, minutes: Path) -> str:
    """Write the proposal of ``minutes`` to Voorstel; the Dutch message that says what to do next."""
    from orsheet import schema
    from orsheet.services.minutes_sheet import propose_minutes

    if not minutes.is_file():
        raise InputError(f"Het bestand {minutes} bestaat niet (meer); kies het opnieuw.")
    _minutes_date_stated(minutes)
    plan = propose_minutes(backend, minutes)
    return (
        f"{plan.summary()}\n\nControleer het blad {schema.PROPOSAL.name}: zet Toepassen op \"nee\" bij wat niet "
        f"klopt en pas zo nodig de teksten aan. Kies daarna \"Voorstel toepassen\"; tot dan is er verder niets gewijzigd."
    )


@button("Notulen verwerken")
def process_minutes(book, path: str) -> str:
    """Propose the actions and decisions of the minutes file the user picked, on the sheet Voorstel."""
    from orsheet import schema

    minutes = Path(path)
    backend = _backend(book)
    progress(book, f"notulen {minutes.name} lezen ...")
    message = propose_from_minutes(backend, minutes)
    show_sheet(book, schema.PROPOSAL.name)
    return message


@button("Voorstel toepassen")
def apply_proposal(book) -> str:
    """Apply the rows of Voorstel marked ja, in one save."""
    from orsheet.services.minutes_sheet import apply_proposal_sheet

    return apply_proposal_sheet(_backend(book)).summary()


YEAR_PLAN_LINES = 25  # lines of the diff shown in the question; the rest is summarised


def year_plan_question(result) -> str:
    """The proposal of "Jaarplanning maken" as a Dutch Yes/No question."""
    lines = result.changes_text().splitlines()
    shown = lines[:YEAR_PLAN_LINES]
    if len(lines) > YEAR_PLAN_LINES:
        shown.append(f"... en nog {len(lines) - YEAR_PLAN_LINES} regel(s)")
    return "\n".join([result.message(), "", "Wijzigingen in Vergaderingen:", *shown, "",
                      "Deze wijzigingen opslaan in Vergaderingen?"])


def plan_year_confirmed(backend, year: int, today: date, confirm: Callable[[str], bool], **export: Any) -> str:
    """Propose ``year``; write it only when ``confirm`` (the secretary) says yes.

    Meetings before ``today`` are history and stay as they are. ``export``
    (``ics_path``, ``workbook_dir``) also writes the year as .ics once it is
    stored, or when Vergaderingen already holds it.
    """
    from orsheet.services.schedule import plan_year

    proposal = plan_year(backend, year, apply=False, keep_before=today)
    if not proposal.changes.has_changes:
        return plan_year(backend, year, apply=False, keep_before=today, **export).message() if export else proposal.message()
    if not confirm(year_plan_question(proposal)):
        return f"Jaarplanning {year}: niet opgeslagen; Vergaderingen is niet gewijzigd."
    return plan_year(backend, year, apply=True, keep_before=today, **export).message()


@button("Jaarplanning maken")
def make_year_plan(book) -> str:
    """Plan the meetings of the coming year (next year from October on) after a Yes/No question."""
    from orsheet.services.schedule import suggested_year

    today = date.today()
    year = suggested_year(today)
    progress(book, f"jaarplanning {year} maken ...")
    return plan_year_confirmed(_backend(book), year, today, lambda question: ask(book, "Jaarplanning maken", question))


@button("Woo-export")
def woo_export(book) -> str:
    """Export every period for publication into "Woo-publicatie JJJJ-MM-DD" beside the workbook."""
    from orsheet.services.woo import default_output_folder, woo_export as export

    where = workbook_path(book)
    progress(book, "Woo-export maken ...")
    result = export(_backend(book), default_output_folder(where), workbook_path=where)
    open_documents([result.folder])  # the folder, so the secretary sees what will be published
    return short_message(result.summary())


MESSAGE_LINES = 15


def short_message(text: str, limit: int = MESSAGE_LINES) -> str:
    """At most ``limit`` lines of ``text`` for a message box; the last lines (warnings) stay."""
    lines = text.splitlines()
    if len(lines) <= limit:
        return text
    head, tail = lines[: limit - 4], [line for line in lines[limit - 4 :] if line.startswith(("Lekcontrole", "Let op"))]
    skipped = len(lines) - len(head) - len(tail)
    return "\n".join([*head, f"... en nog {skipped} regel(s)", *tail])


@button("Overzicht bijwerken")
def update_overview(book) -> str:
    """Rewrite the sheet Overzicht: open actions per person, overdue first."""
    from orsheet.services.overview import OVERVIEW_SHEET, overview

    result = overview(_backend(book), write_sheet=True)
    show_sheet(book, OVERVIEW_SHEET)
    return overview_message(result)


def overview_message(result) -> str:
    """What "Overzicht bijwerken" says about the sheet it wrote."""
    from orsheet.services.overview import OVERVIEW_SHEET

    people = len(result.by_person)
    open_count = len({id(line.action) for lines in result.by_person.values() for line in lines})
    return "\n".join([
        f"Blad {OVERVIEW_SHEET} bijgewerkt (stand {result.today:%d-%m-%Y}): {open_count} openstaande actie(s) "
        f"bij {people} persoon/personen, waarvan {result.overdue_count} over de deadline.",
        *result.warning_lines(),
    ])
