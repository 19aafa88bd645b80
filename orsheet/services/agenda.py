"""Use cases "Agenda maken" and "Opzet verslag": read -> compute the agenda -> write documents.

Everything is read and checked before anything is written: bad input (no
such meeting, no items, a bad Nr or Minuten) raises a located Dutch error and
leaves workbook and folder untouched. The documents are rendered in a
temporary folder first; the workbook's ``Agenda`` sheet is written next
(a locked workbook stops here); only then are the files moved into the
output folder.
"""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path, PureWindowsPath

from orsheet import records, schema
from orsheet.agenda import Agenda, build_agenda, find_meeting
from orsheet.documents import pdf as pdf_files
from orsheet.documents import render
from orsheet.documents.agenda_context import agenda_context, dutch_date, minutes_context
from orsheet.documents.agenda_sheet import AGENDA_SHEET, WIDTHS, agenda_sheet_rows
from orsheet.documents.files import EDITABLE_BACKUPS, Staged, safe_file_part
from orsheet.documents.render import AGENDA_TEMPLATE, MINUTES_TEMPLATE
from orsheet.errors import NOTHING_CHANGED, CellError, InputError, OrsheetError, os_error
from orsheet.model import Setting
from orsheet.parsing import clean_text
from orsheet.services.common import convert_all
from orsheet.workbook.base import ReplaceSheet, WorkbookBackend

DEFAULT_FOLDER = "Agenda's"
# Optional Instellingen rows: a restyled copy of the shipped Word template to use instead.
SETTING_AGENDA_TEMPLATE = "Sjabloon agenda"
SETTING_MINUTES_TEMPLATE = "Sjabloon verslag"
DEFAULT_ORGANISATION = "Ondernemingsraad"

_SHEETS = (schema.MEETINGS, schema.AGENDA_ITEMS, schema.STANDARD_ITEMS, schema.ACTIONS, schema.SETTINGS)


@dataclass
class AgendaBook:
    """The computed agenda and the settings it needs for its documents."""

    agenda: Agenda
    settings: dict[str, Setting]
    warnings: list[str] = field(default_factory=list)  # a formula in Nr (records.calculated_note)

    @property
    def organisation(self) -> str:
        setting = self.settings.get(schema.SETTING_ORGANISATION)
        return clean_text(setting.value) if setting and clean_text(setting.value) else DEFAULT_ORGANISATION

    def output_folder(self, workbook_path: Path) -> Path:
        """``Map agenda's`` from Instellingen; relative to the workbook's folder."""
        folder = setting_path(self.settings, schema.SETTING_AGENDA_FOLDER, workbook_path.resolve().parent,
                              DEFAULT_FOLDER)
        if folder.exists() and not folder.is_dir():
            location = records.setting_location(self.settings, schema.SETTING_AGENDA_FOLDER)
            raise CellError(f"{folder} is een bestand, geen map; kies een andere map voor de agenda's", location)
        return folder

    def template(self, key: str, default: Path, workbook_path: Path) -> Path:
        """The Word template named in setting ``key`` (relative to the workbook), else the shipped one."""
        path = setting_path(self.settings, key, workbook_path.resolve().parent)
        if path is None:
            return default
        if not path.is_file() or path.suffix.lower() != ".docx":
            raise CellError(f"Word-sjabloon {path} niet gevonden (verwacht een .docx-bestand)",
                            records.setting_location(self.settings, key))
        return path


def setting_path(settings: dict[str, Setting], key: str, relative_to: Path | None, default: str = "") -> Path | None:
    """The folder or file named in setting ``key`` (``default`` when empty), relative to ``relative_to``
    (the workbook's folder; None: a relative name means nothing); None when there is none.

    A name no system accepts - one holding an invisible NUL character (``_x0000_`` in the file,
    pasted from another program) - is refused with the setting's cell.
    """
    setting = settings.get(key)
    text = (clean_text(setting.value) if setting else "") or default
    if not text:
        return None
    if "\x00" in text:
        raise CellError("de naam bevat een onzichtbaar teken (NUL) dat in geen map- of bestandsnaam mag; "
                        "typ de naam opnieuw", records.setting_location(settings, key))
    foreign = _foreign_path(text)
    if foreign:
        raise CellError(f'"{text}" is een {foreign}-pad, dat deze computer niet kent (een gedeelde werkmap, '
                        "ingevuld op een andere computer?). Typ een map naast de werkmap, zoals Agenda's, "
                        "of een pad van deze computer", records.setting_location(settings, key))
    if os.sep == "/" and "\\" in text:  # typed on Windows: "OR\Agenda's" is two folders here too
        text = str(Path(*PureWindowsPath(text).parts))
    path = Path(text).expanduser()
    if path.is_absolute():
        return path
    return relative_to / path if relative_to is not None else None


def _foreign_path(text: str) -> str:
    """The system a path is absolute on when that is not this one ("Windows": ``C:\\…``, ``\\\\server``;
    "Mac/Linux": ``/Users/…`` on Windows); "" for a path this computer can use."""
    if os.name != "nt" and PureWindowsPath(text).drive:
        return "Windows"
    if os.name == "nt" and text.startswith("/") and not text.startswith("//"):
        return "Mac/Linux"
    return ""


def load_agenda(backend: WorkbookBackend, day: date, kind: str = "") -> AgendaBook:
    """Read the sheets the agenda needs and compute it (no writing).

    ``kind`` picks the meeting when several are on one day. Agendapunten has
    no Soort column, so all rows of that date belong to the chosen meeting.
    """
    tables = backend.read([spec.name for spec in _SHEETS])
    meetings, items, standard, actions, settings = convert_all([
        (records.meetings_from_table, tables[schema.MEETINGS.name]),
        (records.agenda_items_from_table, tables[schema.AGENDA_ITEMS.name]),
        (records.standard_items_from_table, tables[schema.STANDARD_ITEMS.name]),
        (records.shown_actions_from_table, tables[schema.ACTIONS.name]),  # a formula in Nr: a warning
        (records.settings_from_table, tables[schema.SETTINGS.name]),
    ])
    meeting = find_meeting(meetings, day, kind)
    note = records.calculated_note([tables[schema.ACTIONS.name]])
    return AgendaBook(build_agenda(meeting, standard, items, actions), settings, [note] if note else [])


def document_name(agenda: Agenda, what: str = "Agenda", suffix: str = ".docx") -> str:
    """``Agenda OR-vergadering 2023-10-12.docx``."""
    return meeting_document_name(agenda.meeting.kind, agenda.meeting.date, what, suffix)


def meeting_document_name(kind: str, day: date, what: str = "Agenda", suffix: str = ".docx") -> str:
    """The file name of a meeting's document; a kind typed with "/" or ":" ("OR/MR-overleg") still makes one."""
    return f"{what} {safe_file_part(kind)} {day.isoformat()}{suffix}"


def document_title(agenda: Agenda, what: str = "Agenda") -> str:
    """The title in the document's properties: ``Agenda OR-vergadering 12 oktober 2023``."""
    return f"{what} {agenda.meeting.kind} {dutch_date(agenda.meeting.date)}"


@dataclass
class AgendaResult:
    agenda: Agenda
    docx: Path
    pdf: Path | None
    pdf_note: str = ""
    sheet: str = AGENDA_SHEET
    warnings: list[str] = field(default_factory=list)

    def summary(self) -> str:
        agenda = self.agenda
        lines = [f"Agenda {agenda.meeting.kind} {agenda.meeting.date:%d-%m-%Y}: {len(agenda.items)} punten, "
                 f"{agenda.total_minutes} minuten, {len(agenda.actions)} openstaande acties."]
        if agenda.overrun_message:
            lines.append(agenda.overrun_message)
        lines.append(f"Word: {self.docx}")
        lines.append(f"PDF: {self.pdf}" if self.pdf else f"PDF: {self.pdf_note}")
        lines.append(f"Blad {self.sheet} in de werkmap bijgewerkt.")
        return "\n".join([*lines, *(f"Let op: {warning}." for warning in self.warnings)])


@dataclass
class _Document:
    """A finished document written beside its place in the agenda folder, waiting to be renamed into it."""

    target: Path
    staged: Staged

    def place(self, outcome: str = NOTHING_CHANGED) -> Path:
        try:
            self.staged.commit()
        except OSError as error:
            raise _write_error(error, self.target, "Het vervangen", outcome) from None
        return self.target


def _write_error(error: OSError, target: Path, what: str = "Het schrijven", outcome: str = NOTHING_CHANGED):
    return os_error(error, f"{what} van {target} is niet gelukt", outcome, document=target, name_file=False)


def _stage(source: Path, folder: Path, name: str) -> _Document:
    """Write ``source`` next to its final place; every likely failure happens here.

    Staging before the workbook is saved means a folder that cannot be made,
    a full disk or a document open in Word stops the command with nothing
    changed (a folder this run made is removed again); afterwards only a
    rename within the folder is left.
    """
    target = folder / name
    new_folder = not folder.exists()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        if target.exists():
            with open(target, "r+b"):  # Word holds a lock on an open document
                pass
        backups = EDITABLE_BACKUPS if target.suffix == ".docx" else 0  # a PDF is made again, not edited
        return _Document(target, Staged({target: source.read_bytes()}, backups))
    except OSError as error:
        _discard([], folder if new_folder else None)
        raise _write_error(error, target) from None


def _discard(staged: list[_Document], new_folder: Path | None) -> None:
    """Undo the staging: temporary copies, and the folder if this run made it."""
    for document in staged:
        document.staged.discard()
    if new_folder is not None and new_folder.is_dir() and not any(new_folder.iterdir()):
        new_folder.rmdir()


def generate_agenda(
    backend: WorkbookBackend,
    workbook_path: Path,
    day: date,
    *,
    pdf: bool = True,
    soffice: str | None = None,
    kind: str = "",
    pdf_engine: str | None = None,
) -> AgendaResult:
    """Agenda maken: Word (and PDF) in the agenda folder, and the ``Agenda`` sheet."""
    book = load_agenda(backend, day, kind)
    agenda = book.agenda
    folder = book.output_folder(workbook_path)
    name = document_name(agenda)
    with tempfile.TemporaryDirectory(prefix="orsheet-agenda-") as work:
        template = book.template(SETTING_AGENDA_TEMPLATE, AGENDA_TEMPLATE, workbook_path)
        docx = render.render_docx(template, agenda_context(agenda, book.organisation), Path(work, name),
                                  title=document_title(agenda), organisation=book.organisation)
        converted = pdf_files.PdfResult(reason="geen PDF gevraagd (--no-pdf)")
        if pdf:
            converted = pdf_files.convert_to_pdf([docx], Path(work), engine=pdf_engine, soffice=soffice)
        new_folder = not folder.exists()
        staged: list[_Document] = []
        try:
            staged.append(_stage(docx, folder, name))
            if converted.path:
                staged.append(_stage(converted.path, folder, document_name(agenda, suffix=".pdf")))
            backend.write([ReplaceSheet(AGENDA_SHEET, agenda_sheet_rows(agenda), WIDTHS)])
        except BaseException:
            _discard(staged, folder if new_folder else None)
            raise
        for done, document in enumerate(staged):
            try:
                document.place(f"Het blad {AGENDA_SHEET} in de werkmap is wel bijgewerkt.")
            except OrsheetError:
                _discard(staged[done + 1:], None)
                raise
    docx_path = staged[0].target
    pdf_path = staged[1].target if len(staged) > 1 else None
    return AgendaResult(agenda, docx_path, pdf_path, converted.reason, warnings=book.warnings)


@dataclass
class MinutesResult:
    agenda: Agenda
    docx: Path
    warnings: list[str] = field(default_factory=list)

    def summary(self) -> str:
        line = f"Opzet verslag {self.agenda.meeting.kind} {self.agenda.meeting.date:%d-%m-%Y}: {self.docx}"
        return "\n".join([line, *(f"Let op: {warning}." for warning in self.warnings)])


def generate_minutes_template(
    backend: WorkbookBackend, workbook_path: Path, day: date, *, overwrite: bool = False, kind: str = ""
) -> MinutesResult:
    """Opzet verslag: a .docx with header, Aanwezig/Afwezig, a heading per item, the action list.

    An existing file is never overwritten unless asked: the notulist may
    already have typed the minutes into it.
    """
    book = load_agenda(backend, day, kind)
    folder = book.output_folder(workbook_path)
    name = document_name(book.agenda, "Verslag")
    if (folder / name).exists() and not overwrite:
        raise InputError(f"{folder / name} bestaat al (misschien al ingevuld); gebruik --force om het te vervangen")
    with tempfile.TemporaryDirectory(prefix="orsheet-minutes-") as work:
        context = minutes_context(book.agenda, book.organisation)
        template = book.template(SETTING_MINUTES_TEMPLATE, MINUTES_TEMPLATE, workbook_path)
        docx = render.render_docx(template, context, Path(work, name),
                                  title=document_title(book.agenda, "Verslag"), organisation=book.organisation)
        return MinutesResult(book.agenda, _stage(docx, folder, name).place(), book.warnings)


def agenda_for_demo(backend: WorkbookBackend, workbook_path: Path, day: date) -> tuple[str, list[Path]]:
    """For ``orsheet demo``: make the agenda (PDF where LibreOffice is there); a summary line and the files."""
    result = generate_agenda(backend, workbook_path, day)
    agenda = result.agenda
    line = f"Agenda {agenda.meeting.kind} {agenda.meeting.date:%d-%m-%Y} gemaakt ({agenda.total_minutes} minuten"
    line += f"; {result.pdf_note})" if result.pdf is None else ", Word en PDF)"
    return line, [path for path in (result.docx, result.pdf) if path is not None]
