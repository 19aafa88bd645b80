"""The xlwings Lite scripts: the same buttons in Excel without Python or VBA.

xlwings Lite (an Excel add-in running Python in Pyodide, on Windows, Mac and
Excel on the web) runs an ``@script`` function with the workbook as an
``xw.Book`` on its remote engine, the same engine the live backend is tested
against. Each script here opens that backend and calls the service the VBA
button calls, through the glue in :mod:`orsheet.macros`; only the edges
differ:

* input comes from the script's form (App Mode renders a field per argument),
  the selected row (task pane only: a sheet button moves the selection), or a
  file the secretary imported into xlwings Lite's Files (``/data``);
* documents are written under ``/data`` (downloadable from the add-in);
  there is no Word or LibreOffice in Pyodide, so no PDFs;
* the Dutch result or error is printed to the output pane and written to
  the result cell on Start (:data:`orsheet.lite_buttons.RESULT_CELL`);
  nothing raises, so no traceback reaches the secretary;
* the scripts are ``async``: before the work they fetch the formulas in Nr
  (xlwings Lite reads formulas only asynchronously), after it they hand the
  changes to Excel themselves, so that Excel's refusal (a protected sheet,
  which the add-in cannot see beforehand) is reported in Dutch too.

Each script loads only the sheets its service reads (``include=``), so a
press on a long action list does not send every sheet to Python. A service
that reads a sheet outside that list is a bug, and says so instead of
silently seeing an empty sheet.

Nothing on this path imports python-calamine, pandas or other compiled
packages Pyodide lacks: the backend reads through the book, not the file.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
from contextvars import ContextVar
from pathlib import Path
from typing import Callable, Sequence

import xlwings as xw

from orsheet import macros, schema
from orsheet.bug_report import write_bug_report
from orsheet.documents.agenda_sheet import AGENDA_SHEET
from orsheet.errors import InputError, OrsheetError
from orsheet.services.overview import OVERVIEW_SHEET
from orsheet.lite_buttons import BY_LABEL, RESULT_CELL, RESULT_LABEL, RESULT_LABEL_CELL, SHEET
from orsheet.workbook.base import Edit, Table
from orsheet.workbook.edits import edited_sheets

__all__ = [
    "make_agenda", "process_minutes", "apply_proposal", "make_year_plan",
    "number_actions", "close_finished_actions", "update_overview", "woo_export",
]

DATA_ENV = "ORSHEET_LITE_DATA"  # tests point this elsewhere; in xlwings Lite it is /data
LOG_NAME = "orsheet-fouten.log"
NO_PDF = ("niet gemaakt, want in xlwings Lite is er geen Word of LibreOffice. Open de .docx in Word en kies "
          "Opslaan als > PDF")
DOWNLOAD = "Te downloaden in xlwings Lite via Files > Import/Export"

_A, _AR, _S = schema.ACTIONS.name, schema.ARCHIVE.name, schema.SETTINGS.name
_ACTION_SHEETS = [_A, _AR, _S]
_AGENDA_SHEETS = [schema.MEETINGS.name, schema.AGENDA_ITEMS.name, schema.STANDARD_ITEMS.name, _A, _S, AGENDA_SHEET]
_MINUTES_SHEETS = [_A, _AR, _S, schema.DECISIONS.name, schema.MEETINGS.name, schema.PEOPLE.name, schema.LOG.name,
                   schema.PROPOSAL.name]
_YEAR_SHEETS = [_S, schema.MEETINGS.name, schema.AGENDA_ITEMS.name]
_OVERVIEW_SHEETS = [_A, schema.PEOPLE.name, OVERVIEW_SHEET]
_WOO_SHEETS = [_A, _AR, schema.DECISIONS.name, schema.PEOPLE.name, _S]


def data_folder() -> Path:
    """xlwings Lite's Files: what the secretary imports and what she can download."""
    return Path(os.environ.get(DATA_ENV, "/data"))


def workbook_path(book) -> Path:
    """Where folders set relative to the workbook (Map agenda's) resolve: inside Files."""
    return data_folder() / Path(str(book.name)).name


class SheetsNotLoaded(RuntimeError):
    """A service read a sheet its script does not load (a bug in the ``include=`` list)."""


class LoadedSheets:
    """The live backend on a Lite book, limited to the sheets the script loaded.

    xlwings Lite sends an excluded sheet without values; read through, it would
    look empty (no archive, no numbers used) and the service would act on that.
    """

    def __init__(self, backend, loaded: Sequence[str]):
        self.backend, self.loaded = backend, frozenset(loaded)

    def sheet_names(self) -> list[str]:
        return self.backend.sheet_names()

    def _require(self, sheets) -> None:
        # A sheet that is not there at all is the backend's located Dutch error, not a bug.
        missing = sorted((set(sheets) & set(self.sheet_names())) - self.loaded)
        if missing:
            raise SheetsNotLoaded(f"sheet(s) {', '.join(missing)} read but not in the script's include list")

    def read(self, sheets: Sequence[str]) -> dict[str, Table]:
        self._require(sheets)
        return self.backend.read(sheets)

    def write(self, edits: Sequence[Edit]) -> None:
        self._require(edited_sheets(edits))  # a write reads what it changes first
        self.backend.write(edits)


# The formulas in Nr fetched for the press under way (xlwings Lite reads formulas only asynchronously,
# the services read synchronously): set by press, used by open_backend.
_NR_FORMULAS: ContextVar[dict] = ContextVar("orsheet_nr_formulas", default={})


def open_backend(book, loaded: Sequence[str]) -> LoadedSheets:
    from orsheet.services.common import require_contract
    from orsheet.workbook.xlwings_backend import XlwingsBackend

    backend = LoadedSheets(XlwingsBackend(book, _NR_FORMULAS.get()), loaded)
    require_contract(backend)
    return backend


def show(book, action: str, message: str, failed: bool) -> None:
    """The result where xlwings Lite shows it: the output pane, and the result cell on Start.

    Only a Start sheet laid out for xlwings Lite (its label above the cell) gets
    the message: on the Start of an .xlsm that cell holds the explanation.
    """
    print(f"{action}\n{message}")
    if SHEET in [sheet.name for sheet in book.sheets] and book.sheets[SHEET][RESULT_LABEL_CELL].value == RESULT_LABEL:
        status = "Niet gelukt" if failed else "Klaar"
        book.sheets[SHEET][RESULT_CELL].value = f"{action} – {status} ({dt.datetime.now():%d-%m-%Y %H:%M})\n{message}"


async def press(book, action: str, work: Callable[..., str], *args, loaded: Sequence[str] = ()) -> xw.Book:
    """Run one button's ``work(book, *args)`` and show its Dutch outcome; never raises.

    Around the synchronous work, what only xlwings Lite's asynchronous API can do: fetch the
    formulas in Nr of the ``loaded`` sheets first (a formula there is refused as on a file), and
    hand the queued changes to Excel before the outcome is shown, so that a change Excel refuses
    (a protected sheet: the add-in cannot see protection beforehand) is reported in Dutch rather
    than as the add-in's own English error after the script.
    """
    from orsheet.workbook.xlwings_sheet import fetch_nr_formulas

    log = data_folder() / LOG_NAME
    try:
        formulas = await fetch_nr_formulas(book, loaded)
    except Exception as problem:  # noqa: BLE001 - an add-in that cannot answer: none known, as on xlwings Server
        write_bug_report(f"{action} (formules in Nr niet opgehaald)", problem, log)
        formulas = {}
    token = _NR_FORMULAS.set(formulas)
    try:
        message, failed = macros.outcome(action, work, book, *args, log=log)
    finally:
        _NR_FORMULAS.reset(token)
    if not failed:
        message, failed = await _handed_to_excel(book, action, message, log)
    show(book, action, message, failed)
    return book


async def _handed_to_excel(book, action: str, message: str, log: Path) -> tuple[str, bool]:
    """Apply the queued changes now (xlwings Lite only: elsewhere they go back with the response)."""
    from orsheet.workbook.xlwings_sheet import excel_refused

    names = [sheet.name for sheet in book.sheets]
    written = {names[a["sheet_position"]] for a in book.impl.json()["actions"]
               if a.get("sheet_position") is not None and a["sheet_position"] < len(names)}
    try:
        await book.flush()
    except NotImplementedError:  # not in xlwings Lite
        return message, False
    except Exception as problem:  # the boundary: Excel's refusal (or a bug) in Dutch, never the add-in's text
        return macros.failure_message(action, excel_refused(problem, written) or problem, log), True
    return message, False


def _script_decorator() -> Callable:
    """The ``@script`` that registers scripts: ``xw.script`` in xlwings Lite is ``xlwings.server.script``.

    Outside xlwings Lite and xlwings Server (desktop Python without a licence
    key) xlwings.server cannot be imported and ``xw.script`` marks nothing.
    """
    try:
        from xlwings.server import script
    except Exception:  # noqa: BLE001 - xlwings raises LicenseError (not an ImportError) here
        return xw.script
    return script


def lite_script(label: str, include: Sequence[str]) -> Callable:
    """``@script`` with the Dutch label, the sheets to load (and Start, for the result) and the sheet button."""
    return _script_decorator()(name=label, include=[*include, SHEET], button=BY_LABEL[label].reference,
                               show_taskpane=True)


def _where(paths: Sequence[Path]) -> str:
    return f"{DOWNLOAD}: " + ", ".join(str(p.relative_to(data_folder())) for p in paths) + "."


# -- the buttons -----------------------------------------------------------------------------


@lite_script("Acties nummeren", _ACTION_SHEETS)
async def number_actions(book: xw.Book):
    """Geeft elke actie zonder nummer het volgende nummer."""

    def work(book) -> str:
        from orsheet.services.actions import number_actions as number

        return number(open_backend(book, _ACTION_SHEETS)).summary()

    return await press(book, "Acties nummeren", work, loaded=_ACTION_SHEETS)


@lite_script("Afgeronde acties sluiten", _ACTION_SHEETS)
async def close_finished_actions(book: xw.Book):
    """Verplaatst acties met status afgerond naar het Archief."""

    def work(book) -> str:
        from orsheet.services.actions import close_actions

        return close_actions(open_backend(book, _ACTION_SHEETS)).summary()

    return await press(book, "Afgeronde acties sluiten", work, loaded=_ACTION_SHEETS)


@lite_script("Agenda maken", _AGENDA_SHEETS)
async def make_agenda(book: xw.Book, vergaderdatum: dt.date | None = None):
    """Maakt de agenda (Word) van de gekozen datum, de geselecteerde rij of de eerstvolgende vergadering."""

    def work(book, day: dt.date | None) -> str:
        from orsheet.services.agenda import generate_agenda

        backend = open_backend(book, _AGENDA_SHEETS)
        selection = book.selection
        if day is None:
            meeting = macros.meeting_for_selection(backend, selection.sheet.name, selection.row, dt.date.today())
            day, kind = meeting.date, meeting.kind
        else:
            kind = _kind_of_selected(backend, selection, day)
        result = generate_agenda(backend, workbook_path(book), day, kind=kind, pdf=False)
        result = dataclasses.replace(result, pdf_note=NO_PDF)
        return f"{result.summary()}\n{_where([result.docx])}"

    return await press(book, "Agenda maken", work, vergaderdatum, loaded=_AGENDA_SHEETS)


def _kind_of_selected(backend, selection, day: dt.date) -> str:
    """The kind of the selected meeting if it is on ``day`` (the OR and the OV on one date), else ""."""
    if selection.sheet.name not in (schema.MEETINGS.name, schema.AGENDA_ITEMS.name) or selection.row < 2:
        return ""
    try:
        meeting = macros.meeting_for_selection(backend, selection.sheet.name, selection.row, day)
    except OrsheetError:  # the selection is no meeting: the date alone decides
        return ""
    return meeting.kind if meeting.date == day else ""


def minutes_file(name: str) -> Path:
    """The minutes file the secretary means: by name in Files, or the only one there."""
    from orsheet.documents.minutes_reader import SUPPORTED

    folder = data_folder()
    if name.strip():
        path = Path(name.strip())
        return path if path.is_absolute() else folder / path
    found = sorted(p for p in folder.rglob("*") if p.is_file() and p.suffix.lower() in SUPPORTED
                   and not p.name.startswith("~$") and not _made_by_orsheet(p, folder)) if folder.is_dir() else []
    if len(found) == 1:
        return found[0]
    if not found:
        raise InputError("Er staan geen notulen in xlwings Lite. Zet het notulenbestand (.docx, .pdf of .txt) via "
                         "Files > Import/Export in de add-in en kies opnieuw \"Notulen verwerken\".")
    names = ", ".join(str(p.relative_to(folder)) for p in found[:8]) + (" ..." if len(found) > 8 else "")
    raise InputError(f"Er staan {len(found)} bestanden in xlwings Lite ({names}). Typ bij \"notulenbestand\" "
                     "de naam van de notulen en kies opnieuw \"Notulen verwerken\".")


def _made_by_orsheet(path: Path, folder: Path) -> bool:
    """Agendas, minutes skeletons and the Woo folder that orsheet wrote itself are no minutes."""
    from orsheet.services.agenda import DEFAULT_FOLDER

    top = path.relative_to(folder).parts[0]
    return top == DEFAULT_FOLDER or top.startswith("Woo-publicatie") or path.name.startswith(("Agenda ", "Verslag "))


@lite_script("Notulen verwerken", _MINUTES_SHEETS)
async def process_minutes(book: xw.Book, notulenbestand: str = ""):
    """Zet de acties en besluiten uit de notulen (in Files) op het blad Voorstel."""

    def work(book, name: str) -> str:
        return macros.propose_from_minutes(open_backend(book, _MINUTES_SHEETS), minutes_file(name))

    return await press(book, "Notulen verwerken", work, notulenbestand, loaded=_MINUTES_SHEETS)


@lite_script("Voorstel toepassen", _MINUTES_SHEETS)
async def apply_proposal(book: xw.Book):
    """Verwerkt de regels van het blad Voorstel met Toepassen = ja."""

    def work(book) -> str:
        from orsheet.services.minutes_sheet import apply_proposal_sheet

        return apply_proposal_sheet(open_backend(book, _MINUTES_SHEETS)).summary()

    return await press(book, "Voorstel toepassen", work, loaded=_MINUTES_SHEETS)


SAVE_HINT = ("Nog niet opgeslagen. Klopt het? Zet in het taakvenster van xlwings Lite \"opslaan\" aan en kies "
             "opnieuw \"Jaarplanning maken\".")


@lite_script("Jaarplanning maken", _YEAR_SHEETS)
async def make_year_plan(book: xw.Book, jaar: int = 0, opslaan: bool = False):
    """Stelt de vergaderingen van het jaar voor (0 = volgend jaar vanaf oktober); met opslaan ook in Vergaderingen en als .ics."""

    def work(book, year: int, save: bool) -> str:
        from orsheet.services.schedule import suggested_year

        today = dt.date.today()
        year = year or suggested_year(today)
        asked: list[str] = []

        def confirm(question: str) -> bool:
            asked.append(question)
            return save

        ics = data_folder() / f"Vergaderingen {year}.ics"
        message = macros.plan_year_confirmed(open_backend(book, _YEAR_SHEETS), year, today, confirm,
                                             ics_path=ics, workbook_dir=workbook_path(book).parent)
        if asked and not save:
            return "\n".join([asked[0].rsplit("\n", 1)[0], SAVE_HINT])
        return f"{message}\n{_where([ics])}"

    return await press(book, "Jaarplanning maken", work, jaar, opslaan, loaded=_YEAR_SHEETS)


@lite_script("Overzicht bijwerken", _OVERVIEW_SHEETS)
async def update_overview(book: xw.Book):
    """Werkt het blad Overzicht bij: open acties per persoon, te laat eerst."""

    def work(book) -> str:
        from orsheet.services.overview import overview

        return macros.overview_message(overview(open_backend(book, _OVERVIEW_SHEETS), write_sheet=True))

    return await press(book, "Overzicht bijwerken", work, loaded=_OVERVIEW_SHEETS)


@lite_script("Woo-export", _WOO_SHEETS)
async def woo_export(book: xw.Book):
    """Maakt de Woo-publicatie (namen gelakt) in de map Woo-publicatie JJJJ-MM-DD in Files."""

    def work(book) -> str:
        from orsheet.services.woo import default_output_folder, woo_export as export

        where = workbook_path(book)
        where.parent.mkdir(parents=True, exist_ok=True)
        result = export(open_backend(book, _WOO_SHEETS), default_output_folder(where), workbook_path=where, pdf=False)
        return "\n".join([macros.short_message(result.summary()), f"PDF: {NO_PDF}.", _where([result.folder])])

    return await press(book, "Woo-export", work, loaded=_WOO_SHEETS)
