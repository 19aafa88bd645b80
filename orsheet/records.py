"""Sheet rows <-> model objects, using the sheet contract in :mod:`schema`.

Reading checks the header row (missing, empty or duplicate headers) and every
cell, and collects *all* problems before raising one
:class:`~orsheet.errors.ProblemList`, so the secretary sees every cell to fix
at once. Writing turns objects back into ``{header: value}`` dicts.
"""

from __future__ import annotations

from typing import Callable, TypeVar

from orsheet import model, schema
from orsheet.deadlines import deadline_date
from orsheet.errors import CellError, Location, OrsheetError, ProblemList, SheetError
from orsheet.parsing import (
    clean_text,
    parse_date,
    parse_deadline,
    parse_int,
    parse_minutes,
    parse_time,
    parse_yes_no,
)
from orsheet.workbook.base import Table

T = TypeVar("T")


def header_problems(table: Table, spec: schema.SheetSpec) -> list[OrsheetError]:
    """What is wrong with a table's header row (empty list when it is fine)."""
    problems: list[OrsheetError] = []
    seen: set[str] = set()
    used_columns = {index for row in table.rows for index in row.unnamed}
    for index, header in enumerate(table.header, start=1):
        location = Location(table.sheet, 1, index)
        if not header.strip():
            if index in used_columns:
                problems.append(CellError("kolomkop is leeg, maar de kolom bevat gegevens", location))
        elif header in seen:
            problems.append(CellError(f'kolomkop "{header}" staat er twee keer', location))
        seen.add(header)
    missing = [h for h in spec.headers if h not in seen]
    if missing:
        names = ", ".join(f'"{h}"' for h in missing)
        problems.append(SheetError(f"kolom {names} ontbreekt in rij 1", Location(table.sheet)))
    return problems


def _blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _convert_rows(table: Table, spec: schema.SheetSpec, convert: Callable[[Callable], T]) -> list[T]:
    """Run ``convert`` on every row, collecting every located problem."""
    problems = header_problems(table, spec)
    if problems:
        raise ProblemList(problems, f"Blad {table.sheet} heeft niet de verwachte kolommen")
    columns = {h: table.column_index(h) for h in spec.headers}
    results: list[T] = []
    for row in table.rows:
        values = row.values
        if all(_blank(values.get(h)) for h in spec.headers):
            continue

        def cell(header: str, parse: Callable | None = None, values=values, number=row.number, **kwargs):
            if parse is None:
                return clean_text(values.get(header))
            return parse(values.get(header), Location(table.sheet, number, columns[header], header), **kwargs)

        try:
            results.append(convert(cell, row.number))
        except ProblemList as many:
            problems.extend(many.problems)
        except OrsheetError as error:
            problems.append(error)
    if problems:
        raise ProblemList(problems, f"Blad {table.sheet} bevat fouten")
    return results


class _RowErrors:
    """Parse several cells of one row and report all their problems together."""

    def __init__(self, cell: Callable):
        self.cell = cell
        self.problems: list[OrsheetError] = []

    def __call__(self, header: str, parse: Callable | None = None, default=None, **kwargs):
        try:
            return self.cell(header, parse, **kwargs)
        except OrsheetError as error:
            self.problems.append(error)
            return default

    def done(self) -> None:
        if self.problems:
            raise ProblemList(self.problems)


def _action(cell: Callable, number: int) -> model.Action:
    get = _RowErrors(cell)
    action = model.Action(
        number=get(schema.NR, parse_int),
        subject=get(schema.ONDERWERP),
        description=get(schema.OMSCHRIJVING),
        owner=get(schema.VERANTWOORDELIJKE),
        meeting_kind=get(schema.OVERLEG),
        date=get(schema.DATUM, parse_date),
        deadline=get(schema.DEADLINE, parse_deadline, default=model.Deadline()),
        status=get(schema.STATUS),
        remarks=get(schema.OPMERKINGEN),
        closed_on=get(schema.AFGEROND_OP, parse_date),
        row=number,
    )
    get.done()
    return action


def actions_from_table(table: Table) -> list[model.Action]:
    spec = schema.ARCHIVE if table.sheet == schema.ARCHIVE.name else schema.ACTIONS
    return _convert_rows(table, spec.input_spec, _action)  # Deadline (datum) is derived: never read


def action_to_cells(action: model.Action) -> dict[str, object]:
    return {
        schema.NR: action.number,
        schema.ONDERWERP: action.subject,
        schema.OMSCHRIJVING: action.description,
        schema.VERANTWOORDELIJKE: action.owner,
        schema.OVERLEG: action.meeting_kind,
        schema.DATUM: action.date,
        schema.DEADLINE: action.deadline.cell_value(),
        schema.STATUS: action.status,
        schema.OPMERKINGEN: action.remarks,
        schema.AFGEROND_OP: action.closed_on,
        schema.DEADLINE_DATE: deadline_date(action.deadline, action.date),
    }


def _decision(cell: Callable, number: int) -> model.Decision:
    get = _RowErrors(cell)
    decision = model.Decision(
        number=get(schema.NR, parse_int),
        date=get(schema.DATUM, parse_date),
        meeting_kind=get(schema.OVERLEG),
        subject=get(schema.ONDERWERP),
        text=get("Besluit"),
        source=get("Bron"),
        row=number,
    )
    get.done()
    return decision


def decisions_from_table(table: Table) -> list[model.Decision]:
    return _convert_rows(table, schema.DECISIONS, _decision)


def decision_to_cells(decision: model.Decision) -> dict[str, object]:
    return {
        schema.NR: decision.number,
        schema.DATUM: decision.date,
        schema.OVERLEG: decision.meeting_kind,
        schema.ONDERWERP: decision.subject,
        "Besluit": decision.text,
        "Bron": decision.source,
    }


def _meeting(cell: Callable, number: int) -> model.Meeting:
    get = _RowErrors(cell)
    meeting = model.Meeting(
        date=get(schema.DATUM, parse_date, required=True),
        kind=get("Soort"),
        start=get("Begin", parse_time),
        end=get("Einde", parse_time),
        location=get("Locatie"),
        chair=get("Voorzitter"),
        minute_taker=get("Notulist"),
        invited=get("Genodigd"),
        remark=get("Opmerking"),
        row=number,
    )
    get.done()
    return meeting


def meetings_from_table(table: Table) -> list[model.Meeting]:
    return _convert_rows(table, schema.MEETINGS, _meeting)


def meeting_to_cells(meeting: model.Meeting) -> dict[str, object]:
    return {
        schema.DATUM: meeting.date,
        "Soort": meeting.kind,
        "Begin": meeting.start,
        "Einde": meeting.end,
        "Locatie": meeting.location,
        "Voorzitter": meeting.chair,
        "Notulist": meeting.minute_taker,
        "Genodigd": meeting.invited,
        "Opmerking": meeting.remark,
    }


def _agenda_item(cell: Callable, number: int) -> model.AgendaItem:
    get = _RowErrors(cell)
    item = model.AgendaItem(
        meeting=get("Vergadering", parse_date, required=True),
        number=get(schema.NR),
        title=get(schema.ONDERWERP),
        minutes=get("Minuten", parse_minutes),
        who=get("Wie"),
        purpose=get("Doel"),
        note=get("Toelichting"),
        row=number,
    )
    get.done()
    return item


def agenda_items_from_table(table: Table) -> list[model.AgendaItem]:
    return _convert_rows(table, schema.AGENDA_ITEMS, _agenda_item)


def agenda_item_to_cells(item: model.AgendaItem) -> dict[str, object]:
    return {
        "Vergadering": item.meeting,
        schema.NR: item.number,
        schema.ONDERWERP: item.title,
        "Minuten": item.minutes,
        "Wie": item.who,
        "Doel": item.purpose,
        "Toelichting": item.note,
    }


def _standard_item(cell: Callable, number: int) -> model.StandardItem:
    get = _RowErrors(cell)
    item = model.StandardItem(
        kind=get("Soort"),
        place=get("Plaats", _parse_place, default=""),
        order=get("Volgorde", parse_int, default=0) or 0,
        title=get(schema.ONDERWERP),
        minutes=get("Minuten", parse_minutes),
        who=get("Wie"),
        purpose=get("Doel"),
        row=number,
    )
    get.done()
    return item


def _parse_place(value: object, location: Location) -> str:
    place = clean_text(value).casefold()
    if place not in ("begin", "eind"):
        raise CellError(f'Plaats moet "begin" of "eind" zijn, niet "{clean_text(value)}"', location)
    return place


def standard_items_from_table(table: Table) -> list[model.StandardItem]:
    return _convert_rows(table, schema.STANDARD_ITEMS, _standard_item)


def standard_item_to_cells(item: model.StandardItem) -> dict[str, object]:
    return {
        "Soort": item.kind,
        "Plaats": item.place,
        "Volgorde": item.order,
        schema.ONDERWERP: item.title,
        "Minuten": item.minutes,
        "Wie": item.who,
        "Doel": item.purpose,
    }


def _person(cell: Callable, number: int) -> model.Person:
    get = _RowErrors(cell)
    person = model.Person(
        name=get("Naam"),
        role=get("Rol"),
        public=get("Openbaar", parse_yes_no, default=False),
        email=get("E-mail"),
        row=number,
    )
    get.done()
    return person


def people_from_table(table: Table) -> list[model.Person]:
    return _convert_rows(table, schema.PEOPLE, _person)


def person_to_cells(person: model.Person) -> dict[str, object]:
    return {"Naam": person.name, "Rol": person.role, "Openbaar": "ja" if person.public else "nee", "E-mail": person.email}


def settings_from_table(table: Table) -> dict[str, model.Setting]:
    """Settings by their (stripped) name; the raw value is kept as typed."""
    problems = header_problems(table, schema.SETTINGS)
    if problems:
        raise ProblemList(problems, f"Blad {schema.SETTINGS.name} heeft niet de verwachte kolommen")
    settings: dict[str, model.Setting] = {}
    for row in table.rows:
        key = clean_text(row.values.get("Instelling"))
        if key:
            settings[key] = model.Setting(key, row.values.get("Waarde"), row.number)
    return settings


def setting_location(table_or_settings: dict[str, model.Setting], key: str) -> Location:
    """Where a setting's value lives, for messages."""
    setting = table_or_settings.get(key)
    row = setting.row if setting else None
    return Location(schema.SETTINGS.name, row, 2 if row else None, "Waarde" if row else None)


def last_number_setting(settings: dict[str, model.Setting]) -> int:
    setting = settings.get(schema.SETTING_LAST_NUMBER)
    if setting is None:
        return 0
    value = parse_int(setting.value, setting_location(settings, schema.SETTING_LAST_NUMBER), what="laatste nummer")
    return value or 0
