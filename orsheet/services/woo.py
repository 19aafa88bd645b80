"""The Woo publication export: lists and agendas with private names removed.

For a period it writes the action list (open and archived), the decision
list and every generated agenda (``Agenda <soort> JJJJ-MM-DD.docx`` in the
agenda folder) as .docx and PDF, the lists also as .xlsx, plus an inventory
list. Every file is first written to a staging folder; the leak check reads
all of them back and only when no name is left are they moved into the
output folder. On any failure nothing is published and the staging folder is
removed: a document that cannot be redacted or converted to PDF stops the
export, and a move into the output folder that fails half-way is taken back
(the files of an earlier export put back). The workbook itself is only read.
"""

from __future__ import annotations

import errno
import re
import shutil
import tempfile
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from orsheet import model, records, schema
from orsheet.documents.files import write_files
from orsheet.documents.pdf import choose_engine, convert_to_pdf
from orsheet.documents.woo_inventory import InventoryEntry, write_inventory
from orsheet.documents.woo_lists import ListDocument, Section, write_list_docx, write_list_xlsx
from orsheet.documents.woo_redact import redact_office_file
from orsheet.documents.woo_leaks import UnknownName, UnknownNamesError, check_leaks, find_unknown_names
from orsheet.errors import InputError, OrsheetError, os_error
from orsheet.redact import Redactor, build_redactor, listed_people
from orsheet.services.agenda import setting_path
from orsheet.services.common import convert_all
from orsheet.workbook.base import WorkbookBackend

# Optional setting: further phrases to withhold as 5.2.1, separated by ";".
SETTING_WITHHOLD = "Woo weglaten"
AGENDA_FILE = re.compile(r"Agenda (?P<kind>.+) (?P<date>\d{4}-\d{2}-\d{2})\.docx", re.IGNORECASE)
ACTION_HEADERS = (schema.NR, schema.ONDERWERP, schema.OMSCHRIJVING, schema.VERANTWOORDELIJKE, schema.OVERLEG,
                  schema.DATUM, schema.DEADLINE, schema.STATUS, schema.OPMERKINGEN, schema.AFGEROND_OP)
DECISION_HEADERS = tuple(c.header for c in schema.DECISIONS.columns)
ACTION_WIDTHS = tuple(schema.ACTIONS.column(h).width for h in ACTION_HEADERS)
DECISION_WIDTHS = tuple(c.width for c in schema.DECISIONS.columns)


@dataclass(frozen=True)
class Period:
    start: date | None = None
    end: date | None = None

    def __post_init__(self) -> None:
        if self.start and self.end and self.start > self.end:
            raise InputError(f"--from ({self.start:%d-%m-%Y}) ligt na --to ({self.end:%d-%m-%Y})")

    def contains(self, day: date | None) -> bool:
        if day is None:
            return self.start is None and self.end is None
        return (self.start is None or day >= self.start) and (self.end is None or day <= self.end)

    def label(self) -> str:
        if not (self.start or self.end):
            return "alle perioden"
        start = f"{self.start:%d-%m-%Y}" if self.start else "begin"
        end = f"{self.end:%d-%m-%Y}" if self.end else "heden"
        return f"{start} t/m {end}"


@dataclass
class WooResult:
    folder: Path
    files: list[Path]
    documents: list[InventoryEntry]
    warnings: list[str] = field(default_factory=list)
    accepted_names: list[UnknownName] = field(default_factory=list)  # with --accept-names
    review_file: Path | None = None

    @property
    def counts(self) -> Counter:
        return sum((d.counts for d in self.documents), Counter())

    def summary(self) -> str:
        lines = [f"Woo-export in {self.folder}: {len(self.documents)} document(en), {len(self.files)} bestand(en)."]
        lines += [f"- {d.document}: {d.assessment.lower()}, {d.what}" for d in self.documents]
        lines.append("Lekcontrole: geen namen gevonden.")
        if self.accepted_names:
            lines.append(f"Namencontrole: {len(self.accepted_names)} mogelijke naam/namen buiten Personen "
                         f"geaccepteerd (--accept-names); zie {self.review_file}:")
            lines += [f"- {name}" for name in self.accepted_names]
        lines += [f"Let op: {w}" for w in self.warnings]
        return "\n".join(lines)


@dataclass
class _Sources:
    actions: list[model.Action]
    archive: list[model.Action]
    decisions: list[model.Decision]
    people: list[model.Person]
    settings: dict[str, model.Setting]


def _load(backend: WorkbookBackend) -> _Sources:
    names = [schema.ACTIONS.name, schema.ARCHIVE.name, schema.DECISIONS.name, schema.PEOPLE.name, schema.SETTINGS.name]
    tables = backend.read(names)
    converters = [records.actions_from_table, records.actions_from_table, records.decisions_from_table,
                  records.people_from_table, records.settings_from_table]
    return _Sources(*convert_all(list(zip(converters, (tables[n] for n in names)))))


def _setting_text(settings: dict[str, model.Setting], key: str) -> str:
    setting = settings.get(key)
    return "" if setting is None or setting.value is None else str(setting.value).strip()


def _redact_rows(rows: Sequence[Sequence[Any]], redactor: Redactor, counts: Counter) -> list[list[Any]]:
    out = []
    for row in rows:
        cells = []
        for value in row:
            if isinstance(value, str):
                result = redactor.redact(value)
                counts += result.counts
                value = result.text
            cells.append(value)
        out.append(cells)
    return out


def _action_row(action: model.Action) -> list[Any]:
    return [action.number, action.subject, action.description, action.owner, action.meeting_kind, action.date,
            action.deadline.cell_value(), action.status, action.remarks, action.closed_on]


def _in_period(action: model.Action, period: Period) -> bool:
    """Whether the action was on the list during the period: agreed before its
    end and not closed before its start (as the published lists show old open
    actions too)."""
    agreed_in_time = period.end is None or action.date is None or action.date <= period.end
    still_open = period.start is None or not action.done_before(period.start)
    return agreed_in_time and still_open


def list_documents(sources: _Sources, period: Period, redactor: Redactor) -> list[tuple[ListDocument, Counter]]:
    """The action list and decision list for the period, redacted, with counts."""
    subtitle = f"Periode: {period.label()}"
    action_counts, decision_counts = Counter(), Counter()
    done = [a for a in sources.actions if a.is_done]  # done, waiting in Acties for close: listed as archived
    open_rows = [_action_row(a) for a in sources.actions if not a.is_done and _in_period(a, period)]
    archive_rows = [_action_row(a) for a in (*sources.archive, *done) if _in_period(a, period)]
    actions = ListDocument("Actielijst", "Actielijst", [
        Section("Openstaande acties", ACTION_HEADERS, _redact_rows(open_rows, redactor, action_counts), ACTION_WIDTHS),
        Section("Archief", ACTION_HEADERS, _redact_rows(archive_rows, redactor, action_counts), ACTION_WIDTHS),
    ], subtitle)
    decision_rows = [[d.number, d.date, d.meeting_kind, d.subject, d.text, d.source]
                     for d in sources.decisions if period.contains(d.date)]
    decisions = ListDocument("Besluitenlijst", "Besluitenlijst", [
        Section("Besluiten", DECISION_HEADERS, _redact_rows(decision_rows, redactor, decision_counts), DECISION_WIDTHS),
    ], subtitle)
    return [(actions, action_counts), (decisions, decision_counts)]


def find_agendas(folder: Path | None, period: Period) -> list[tuple[Path, str, date]]:
    """(path, kind, date) of every generated agenda in ``folder`` for the period."""
    if folder is None or not folder.is_dir():
        return []
    found = []
    for path in sorted(folder.iterdir()):
        match = AGENDA_FILE.fullmatch(path.name)
        if not match or path.name.startswith("~$"):
            continue
        try:
            day = date.fromisoformat(match["date"])
        except ValueError:
            continue
        if period.contains(day):
            found.append((path, match["kind"], day))
    return sorted(found, key=lambda item: (item[2], item[1]))


def agenda_folder(settings: dict[str, model.Setting], workbook_path: Path | None) -> Path | None:
    """The agenda folder from Instellingen ("Map agenda's"), relative to the workbook.

    Resolved the way the agenda service resolves it when it writes agendas.
    """
    default = str(dict(schema.DEFAULT_SETTINGS)[schema.SETTING_AGENDA_FOLDER])
    return setting_path(settings, schema.SETTING_AGENDA_FOLDER, workbook_path and workbook_path.resolve().parent,
                        default)


def _agendas(sources: _Sources, out: Path, period: Period, workbook_path: Path | None,
             agenda_dir: Path | None, warnings: list[str]) -> list[tuple[Path, str, date]]:
    if agenda_dir is not None and not agenda_dir.is_dir():
        raise InputError(f"map met agenda's {agenda_dir} bestaat niet")
    folder = agenda_dir or agenda_folder(sources.settings, workbook_path)
    if folder is None:
        return []
    if not folder.is_dir():
        warnings.append(f"map met agenda's {folder} bestaat niet: er zijn geen agenda's meegenomen")
        return []
    if out.resolve() == folder.resolve():
        raise InputError(f"{out} is de map met de originele agenda's; kies voor --out een andere map")
    return find_agendas(folder, period)


def default_output_folder(workbook_path: Path, today: date | None = None) -> Path:
    """Where a button press publishes: "Woo-publicatie JJJJ-MM-DD" beside the workbook."""
    return workbook_path.resolve().parent / f"Woo-publicatie {(today or date.today()).isoformat()}"


def _prepare_output(out: Path) -> Path:
    """Create ``out`` and a staging folder inside it; Dutch errors for file problems."""
    if out.exists() and not out.is_dir():
        raise InputError(f"{out} is een bestand; kies voor --out een map")
    try:
        out.mkdir(parents=True, exist_ok=True)
        return Path(tempfile.mkdtemp(prefix=".woo-export-", dir=out))
    except OSError as error:
        raise os_error(error, f"De map {out} kan niet worden gemaakt of beschreven", name_file=False) from None


def woo_export(backend: WorkbookBackend, out: Path, period: Period = Period(), *,
               workbook_path: Path | None = None, agenda_dir: Path | None = None,
               today: date | None = None, pdf: bool = True, pdf_engine: str | None = None,
               accept_names: bool = False) -> WooResult:
    """Write the Woo publication for ``period`` into ``out`` (see module doc).

    Besides the names in Personen, the texts are searched for anything shaped
    like a person's name ("J. de Vries", "Jan van den Berg", "mevr. Bakker").
    Such a name not in Personen stops the export (nothing is published) unless
    ``accept_names``; then the names are listed in the result and in a review
    file beside (not in) the publication folder.
    """
    sources = _load(backend)
    organisation = _setting_text(sources.settings, schema.SETTING_ORGANISATION) or "Ondernemingsraad"
    withheld = [t for t in re.split(r"[;\n]", _setting_text(sources.settings, SETTING_WITHHOLD)) if t.strip()]
    redactor = build_redactor(sources.people, withheld)
    warnings: list[str] = []
    if not any(not p.public and p.name.strip() for p in sources.people):
        warnings.append("in Personen staat niemand met Openbaar = nee: er zijn geen namen gelakt")
    agendas = _agendas(sources, out, period, workbook_path, agenda_dir, warnings)
    if pdf:
        engine, reason = choose_engine(pdf_engine)
        if engine is None:
            warnings.append(reason)
            pdf = False
    created = not out.exists()
    staging = _prepare_output(out)
    files: list[Path] = []
    published: list[Path] = []
    try:
        entries = _write_all(staging, sources, period, redactor, agendas, organisation, today or date.today(),
                             pdf_engine if pdf else None, pdf)
        files = sorted(staging.iterdir())
        unknown = find_unknown_names(files, listed_people(sources.people))
        if unknown and not accept_names:
            raise UnknownNamesError(unknown)
        # Files already in the folder go out with the publication too: check them as well.
        earlier = sorted(p for p in out.iterdir() if p.is_file() and all(p.name != f.name for f in files))
        check_leaks(files + earlier, redactor)
        if earlier:
            names = ", ".join(p.name for p in earlier[:5]) + (" …" if len(earlier) > 5 else "")
            warnings.append(f"de map bevat ook bestanden die niet uit deze export komen ({names}); "
                            "ze zijn op namen gecontroleerd maar staan niet in de inventarislijst")
        review = _write_review(out, unknown) if unknown else None
        _publish(files, out, staging, published)
    except OSError as error:
        ours = error.filename is not None and Path(str(error.filename)).parent == staging
        raise os_error(error, f"De Woo-export naar {out} is niet gelukt", _export_outcome(published, files),
                       name_file=not ours) from None
    finally:
        shutil.rmtree(staging, ignore_errors=True)
        if created and not published:
            _remove_if_empty(out)
    return WooResult(out, published, entries, warnings, unknown, review)


def _publish(files: list[Path], out: Path, staging: Path, published: list[Path]) -> None:
    """Move the staged ``files`` into ``out`` (filling ``published``), all or none.

    A file of an earlier export with the same name is kept aside in the staging folder until every
    new file is in place (then it goes with the staging folder). When a move fails (a folder where
    a file goes, a file open in another program), the files moved so far are taken out again and
    the earlier ones put back, ``published`` is emptied and the error raised: nothing is published.
    """
    aside = staging / "eerder"
    kept: list[tuple[Path, Path]] = []  # (the earlier file in out, where it is kept meanwhile)
    try:
        aside.mkdir()
        for file in files:
            target = out / file.name
            if target.is_dir() and not target.is_symlink():
                raise IsADirectoryError(errno.EISDIR, "map", str(target))
            if target.exists() or target.is_symlink():
                kept.append((target, target.replace(aside / file.name)))
            published.append(file.replace(target))
    except OSError:
        published[:] = [path for path in reversed(published) if not _moved(path, staging / path.name)]
        for target, earlier in reversed(kept):
            _moved(earlier, target)
        raise


def _moved(source: Path, target: Path) -> bool:
    """Whether ``source`` could be moved to ``target`` (taking a publication back: best effort, the
    outcome message says what is left)."""
    try:
        source.replace(target)
    except OSError:
        return False
    return True


def _export_outcome(published: list[Path], files: list[Path]) -> str:
    if not published:
        return "Er is niets gepubliceerd."
    return (f"{len(published)} van de {len(files)} bestanden staan al in de map: maak de export opnieuw "
            "voordat u iets publiceert.")


def _remove_if_empty(folder: Path) -> None:
    try:
        folder.rmdir()
    except OSError:
        pass  # not empty, or not ours to remove: leave it


def review_file_path(out: Path) -> Path:
    """Beside the publication folder, so the list of names is never published with it."""
    return out.resolve().parent / f"{out.resolve().name} - te controleren namen.csv"


def _write_review(out: Path, names: Sequence[UnknownName]) -> Path:
    import csv
    import io

    path = review_file_path(out)
    text = io.StringIO(newline="")
    writer = csv.writer(text, delimiter=";")
    writer.writerow(["Naam", "Bestanden", "Beoordeling"])
    writer.writerows([name.name, ", ".join(name.files), ""] for name in names)
    write_files({path: text.getvalue().encode("utf-8-sig")})
    return path


def _free_name(folder: Path, name: str) -> Path:
    """``folder / name``, or ``name (2)`` and so on where that is taken: two agendas whose names differ
    only in a redacted name ("Agenda Overleg met Jan de Vries ...", "... met Anna Bakker ...") are two
    documents of the publication, not one written over the other."""
    path, number = folder / name, 1
    while path.exists():
        number += 1
        path = folder / f"{Path(name).stem} ({number}){Path(name).suffix}"
    return path


def _redacted_agenda(source: Path, target: Path, redactor: Redactor, organisation: str) -> Counter:
    """The agenda redacted into ``target``; one that cannot be (damaged, password-protected) stops the
    whole export, named (also when the damage is in a file embedded in it)."""
    try:
        return redact_office_file(source, target, redactor, organisation)
    except OrsheetError as error:
        embedded = not error.message.startswith(source.name)
        where = f"in {source.name} is een ingesloten bestand onleesbaar: " if embedded else ""
        raise OrsheetError(f"Woo-export afgebroken: {where}{error.message} Er is niets gepubliceerd.") from None


def _write_all(folder: Path, sources: _Sources, period: Period, redactor: Redactor,
               agendas: list[tuple[Path, str, date]], organisation: str, today: date,
               pdf_engine: str | None, pdf: bool) -> list[InventoryEntry]:
    entries: list[InventoryEntry] = []
    word_files: list[Path] = []
    list_date = period.end or today
    for document, counts in list_documents(sources, period, redactor):
        docx_path, xlsx_path = folder / f"{document.stem}.docx", folder / f"{document.stem}.xlsx"
        write_list_docx(document, docx_path, organisation)
        write_list_xlsx(document, xlsx_path, organisation)
        word_files.append(docx_path)
        entries.append(InventoryEntry(document.title, list_date, [docx_path.name, xlsx_path.name], counts))
    for source, kind, day in agendas:
        target = _free_name(folder, redactor.redact(source.name).text)  # a file name can hold a name too
        counts = _redacted_agenda(source, target, redactor, organisation)
        word_files.append(target)
        title = redactor.redact(f"Agenda {kind} {day:%d-%m-%Y}").text
        entries.append(InventoryEntry(title, day, [target.name], counts))
    if pdf:
        converted = convert_to_pdf(word_files, folder, engine=pdf_engine)
        if converted.reason:
            raise OrsheetError(f"Woo-export afgebroken: {converted.reason}; er is niets gepubliceerd")
        for entry, pdf_path in zip(entries, converted.paths):
            entry.files.append(pdf_path.name)
    write_inventory(entries, folder, organisation)
    return entries
