"""Use case "Jaarplanning": propose a year of meetings, show the diff, apply, export .ics.

read (Instellingen + Vergaderingen) -> pure rules (:mod:`orsheet.schedule`)
-> write the differences through the backend's edits. Dutch public holidays
come from the ``holidays`` package here, so the rules stay free of it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import Callable, Mapping

from orsheet import records, schedule, schedule_text, schema
from orsheet.dutch import canonical_kind, short_day
from orsheet.documents.files import Staged
from orsheet.errors import NOTHING_CHANGED, InputError, Location, OrsheetError, os_error
from orsheet.model import Meeting, Setting
from orsheet.parsing import parse_date
from orsheet.schedule_settings import days_off_from_settings, series_from_settings
from orsheet.services.agenda import meeting_document_name, setting_path
from orsheet.services.common import convert_all
from orsheet.workbook.base import (
    AppendRows,
    DeleteRows,
    Edit,
    Table,
    UpdateCells,
    WorkbookBackend,
)


@dataclass
class ScheduleResult:
    """What the plan proposes (and, when applied, wrote) for one year."""

    year: int
    changes: schedule.PlanChanges
    days_off: dict[date, str]
    organisation: str = "Ondernemingsraad"
    settings: dict[str, Setting] = field(default_factory=dict, repr=False)  # Instellingen, for "Map agenda's"
    applied: bool = False
    ics_path: Path | None = None
    warnings: list[str] = field(default_factory=list)

    @property
    def meetings(self) -> list[Meeting]:
        return self.changes.resulting_meetings()

    def overview_text(self) -> str:
        return schedule_text.overview_text(self.year, self.meetings, self.days_off)

    def changes_text(self) -> str:
        return changes_text(self.changes)

    def summary(self) -> str:
        changes = self.changes
        if not changes.has_changes:
            text = f"Jaarplanning {self.year}: Vergaderingen is al bijgewerkt, er verandert niets."
        else:
            verb = "toegepast" if self.applied else "voorgesteld (nog niet opgeslagen)"
            text = (
                f"Jaarplanning {self.year} {verb}: {len(changes.added)} nieuw, {len(changes.updated)} bijgewerkt, "
                f"{len(changes.removed)} verwijderd, {len(changes.kept_by_hand)} met de hand aangepast of in gebruik en bewaard."
            )
        if self.ics_path is not None:
            text += f" Agenda-bestand: {self.ics_path}."
        return text

    def message(self, max_warnings: int = 8) -> str:
        """The summary and the first warnings, for a message box in Excel."""
        lines = [self.summary()]
        if self.warnings:
            lines += ["", "Let op:"] + [f"- {w}" for w in self.warnings[:max_warnings]]
            if len(self.warnings) > max_warnings:
                lines.append(f"- en nog {len(self.warnings) - max_warnings} waarschuwing(en)")
        return "\n".join(lines)

    def to_json(self) -> dict:
        changes = self.changes
        return {
            "year": self.year,
            "applied": self.applied,
            "added": [_meeting_json(m) for m in changes.added],
            "updated": [
                {"row": c.before.row, "before": _meeting_json(c.before), "after": _meeting_json(c.meeting)}
                for c in changes.updated
                if c.before is not None
            ],
            "removed": [_meeting_json(m) for m in changes.removed],
            "kept_by_hand": [_meeting_json(m) for m in changes.kept_by_hand],
            "unchanged": len(changes.unchanged),
            "warnings": self.warnings,
            "overview": schedule_text.overview(self.meetings, self.days_off),
            "ics": self.ics_path,
        }


def _meeting_json(meeting: Meeting) -> dict:
    return {
        "row": meeting.row,
        "date": meeting.date,
        "kind": meeting.kind,
        "start": meeting.start,
        "end": meeting.end,
        "location": meeting.location,
        "remark": schedule.split_marker(meeting.remark)[0],
    }


def changes_text(changes: schedule.PlanChanges) -> str:
    """The diff in Dutch, one line per row that would change."""
    lines = []
    for meeting in changes.added:
        lines.append(f"+ {_line(meeting)}")
    for change in changes.updated:
        lines.append(f"~ rij {change.meeting.row}: {_line(change.before)}  ->  {_line(change.meeting)}")
    for meeting in changes.removed:
        lines.append(f"- rij {meeting.row}: {_line(meeting)}")
    for meeting in changes.kept_by_hand:
        lines.append(f"= rij {meeting.row}: {_line(meeting)} (blijft staan)")
    lines += [f"! {note}" for note in changes.notes]
    return "\n".join(lines)


def _line(meeting: Meeting | None) -> str:
    if meeting is None:
        return ""
    text = f"{short_day(meeting.date)} {schedule_text.time_span(meeting)} {meeting.kind}"
    remark = schedule.split_marker(meeting.remark)[0]
    return f"{text} ({remark})" if remark else text


def suggested_year(today: date) -> int:
    """The year a "Jaarplanning maken" press most likely means: next year from October on."""
    return today.year + 1 if today.month >= 10 else today.year


def dutch_holidays(year: int) -> dict[date, str]:
    """Dutch public holidays of ``year`` and the next (suggestions may fall in January)."""
    import holidays

    return dict(holidays.country_holidays("NL", years=[year, year + 1], language="nl"))


def load_schedule(backend: WorkbookBackend) -> tuple[dict[str, Setting], list[Meeting], set[date]]:
    """Settings, meetings, and the dates that have agenda items (those rows are in use).

    A meeting's plan marker is kept in the column Jaarplanning, apart from the
    Opmerking the secretary writes in; here it is joined to the remark again,
    which is where the rules (:mod:`orsheet.schedule`) look for it. Older
    workbooks have it in Opmerking itself.
    """
    tables = backend.read([schema.SETTINGS.name, schema.MEETINGS.name, schema.AGENDA_ITEMS.name])
    settings, meetings = convert_all(
        [
            (records.settings_from_table, tables[schema.SETTINGS.name]),
            (records.meetings_from_table, tables[schema.MEETINGS.name]),
        ]
    )
    markers = {row.number: str(row.get(schema.PLAN_MARKER) or "").strip() for row in tables[schema.MEETINGS.name].rows}
    meetings = [_with_stored_marker(m, markers.get(m.row, "")) for m in meetings]
    return settings, meetings, _agenda_dates(tables[schema.AGENDA_ITEMS.name])


def _with_stored_marker(meeting: Meeting, marker: str) -> Meeting:
    if not marker or schedule.split_marker(meeting.remark)[1] is not None:
        return meeting
    return replace(meeting, remark=f"{meeting.remark.strip()} {marker}".strip())


def _agenda_dates(table: Table) -> set[date]:
    """Dates in Agendapunten's Vergadering column; a bad cell is not this use case's business."""
    dates = set()
    for row in table.rows:
        try:
            day = parse_date(row.get("Vergadering"), Location(table.sheet, row.number))
        except OrsheetError:
            continue
        if day is not None:
            dates.add(day)
    return dates


def propose(
    backend: WorkbookBackend,
    year: int,
    holidays: Mapping[date, str] | None = None,
    keep_before: date | None = None,
) -> ScheduleResult:
    """Read the workbook and compute the year's changes; nothing is written."""
    if not 1900 < year < 2200:
        raise InputError(f"{year} is geen jaar om te plannen (bijvoorbeeld 2024)")
    settings, existing, in_use = load_schedule(backend)
    series = series_from_settings(settings)
    days_off = {**days_off_from_settings(settings), **(dutch_holidays(year) if holidays is None else holidays)}
    proposals = schedule.propose_year(series, year, days_off)
    changes = schedule.merge(year, proposals, existing, keep_before=keep_before, in_use=in_use)
    result = ScheduleResult(
        year,
        changes,
        days_off,
        organisation=_text_setting(settings, schema.SETTING_ORGANISATION, "Ondernemingsraad"),
        settings=settings,
    )
    result.warnings = changes.notes + schedule_text.warnings(result.meetings, days_off)
    return result


def plan_edits(changes: schedule.PlanChanges, marker_column: bool = True) -> list[Edit]:
    """The edits to Vergaderingen; ``marker_column``: the sheet has the column Jaarplanning."""
    sheet = schema.MEETINGS.name
    edits: list[Edit] = [UpdateCells(sheet, c.before.row, _cells(c.meeting, marker_column))
                         for c in changes.updated if c.before]
    if changes.removed:
        edits.append(DeleteRows(sheet, sorted(m.row for m in changes.removed if m.row is not None)))
    if changes.added:
        edits.append(AppendRows(sheet, [_cells(m, marker_column) for m in changes.added]))
    return edits


def _cells(meeting: Meeting, marker_column: bool = True) -> dict[str, object]:
    """The row's cells; the plan marker goes into Jaarplanning, Opmerking keeps only the secretary's text."""
    cells = records.meeting_to_cells(meeting)
    if marker_column:
        text, key, stored = schedule.split_marker(meeting.remark)
        cells["Opmerking"] = text if key is not None else cells["Opmerking"]
        cells[schema.PLAN_MARKER] = f"[jaarplanning {key.text()} #{stored}]" if key is not None else ""
    return {header: (None if value == "" else value) for header, value in cells.items()}


def _has_marker_column(backend: WorkbookBackend) -> bool:
    return schema.PLAN_MARKER in backend.read([schema.MEETINGS.name])[schema.MEETINGS.name].header


def plan_year(
    backend: WorkbookBackend,
    year: int,
    apply: bool = False,
    *,
    ics_path: Path | None = None,
    holidays: Mapping[date, str] | None = None,
    keep_before: date | None = None,
    workbook_dir: Path | None = None,
    local_links: bool = False,
) -> ScheduleResult:
    """The "Jaarplanning maken" button: propose ``year``; write it when ``apply``.

    With ``ics_path`` the year's meetings (as they are after applying) are
    also exported as an iCalendar file, meant to be shared: without links.
    With ``local_links`` (the secretary's own calendar) each meeting links to
    its agenda in the "Map agenda's" folder (relative to ``workbook_dir`` when
    not absolute) as a file:// link only this computer can open.
    """
    result = propose(backend, year, holidays, keep_before)
    if ics_path is not None and not ics_path.parent.is_dir():  # refuse before writing anything
        raise InputError(f"map {ics_path.parent} bestaat niet; het agenda-bestand {ics_path.name} kan daar niet heen")
    calendar = None  # written before the workbook is saved: a full disk stops here with nothing changed
    if ics_path is not None:
        link = (lambda meeting: None)
        if local_links:
            link = agenda_finder(setting_path(result.settings, schema.SETTING_AGENDA_FOLDER, workbook_dir,
                                              str(dict(schema.DEFAULT_SETTINGS)[schema.SETTING_AGENDA_FOLDER])))
        calendar = _stage_ics(result.meetings, ics_path, result.organisation, link, result.days_off)
    try:
        if apply and result.changes.has_changes:
            backend.write(plan_edits(result.changes, _has_marker_column(backend)))
            result.applied = True
    except BaseException:
        if calendar is not None:
            calendar.discard()
        raise
    if calendar is not None:
        try:
            calendar.commit()
        except OSError as error:
            outcome = "De jaarplanning staat wel in Vergaderingen." if result.applied else NOTHING_CHANGED
            raise _ics_error(error, ics_path, outcome) from None
        result.ics_path = ics_path
    return result


def _text_setting(settings: dict[str, Setting], key: str, default: str) -> str:
    setting = settings.get(key)
    text = "" if setting is None or setting.value is None else str(setting.value).strip()
    return text or default


def _stage_ics(meetings: list[Meeting], path: Path, organisation: str, link: Callable[[Meeting], str | None],
               days_off: Mapping[date, str] | None = None) -> Staged:
    from orsheet.documents.calendar import calendar_bytes

    data = calendar_bytes(meetings, organisation, link, days_off=days_off)
    try:
        return Staged({path: data})
    except OSError as error:
        raise _ics_error(error, path) from None


def _ics_error(error: OSError, path: Path, outcome: str = NOTHING_CHANGED) -> OrsheetError:
    return os_error(error, f"Het schrijven van het agenda-bestand {path} is niet gelukt", outcome, document=path,
                    name_file=False)


def agenda_finder(folder: Path | None) -> Callable[[Meeting], str | None]:
    """Meeting -> file:// link to its agenda in ``folder``, if there is one.

    First the name ``orsheet agenda`` writes (``Agenda OR-vergadering
    2024-01-04.pdf``, else ``.docx``); else any .pdf/.docx with "agenda" and
    the date (2024-01-04, 04-01-2024 or 20240104) in its name that names the
    meeting's kind ("OR", "OV"/"Overlegvergadering", "Informeel") or no kind.
    """
    if folder is None or not folder.is_dir():
        return lambda meeting: None
    files = sorted(p for p in folder.iterdir() if p.suffix.lower() in (".pdf", ".docx") and p.is_file())

    def find(meeting: Meeting) -> str | None:
        day = meeting.date
        for suffix in (".pdf", ".docx"):
            exact = folder / meeting_document_name(meeting.kind, day, suffix=suffix)
            if exact.is_file():
                return exact.resolve().as_uri()
        patterns = (f"{day:%Y-%m-%d}", f"{day:%d-%m-%Y}", f"{day:%Y%m%d}")
        for path in files:
            words = set(re.split(r"[^a-z0-9]+", path.stem.casefold()))
            if "agenda" not in words or not any(pattern in path.name for pattern in patterns):
                continue
            named = {canonical_kind(word) for word in words} - {None}  # words naming a kind: "ov", "informeel"
            if not named or meeting.kind in named:
                return path.resolve().as_uri()
        return None

    return find
