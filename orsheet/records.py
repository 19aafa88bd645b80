"""Sheet rows <-> model objects, using the sheet contract in :mod:`schema`.

Reading checks the header row (missing, empty or duplicate headers) and every
cell, and collects *all* problems before raising one
:class:`~orsheet.errors.ProblemList`, so the secretary sees every cell to fix
at once. Writing turns objects back into ``{header: value}`` dicts.
"""

from __future__ import annotations

import dataclasses
from operator import call
from typing import Callable, Iterable, TypeVar

from orsheet import model, schema
from orsheet.deadlines import deadline_date
from orsheet.errors import CellError, Location, OrsheetError, ProblemList, SheetError, column_letter
from orsheet.parsing import (
    UNDECIDED,
    clean_text,
    fast_action_number,
    fast_date,
    fast_deadline,
    fast_minutes,
    fast_required_date,
    fast_text,
    fast_time,
    parse_action_number,
    parse_date,
    parse_deadline,
    parse_int,
    parse_minutes,
    parse_time,
    parse_yes_no,
    undecided,
)
from orsheet.workbook.base import Table, collector_paused

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
        below = _header_row_below(table, missing)
        if below is not None:  # a title row above the table: one line, not one per column
            return [SheetError(f"de kolomkoppen staan in rij {below}, maar orsheet verwacht ze in rij 1; verwijder "
                               "de rij(en) erboven (bijvoorbeeld een titel) of zet de titel in een ander blad",
                               Location(table.sheet))]
        names = ", ".join(f'"{h}"' for h in missing)
        problems.append(SheetError(f"kolom {names} ontbreekt in rij 1{_spelling_hint(table, missing)}",
                                   Location(table.sheet)))
    return problems


def _header_row_below(table: Table, missing: list[str], rows: int = 5) -> int | None:
    """The row among the first few below row 1 that holds every header row 1 lacks."""
    for row in table.rows[:rows]:
        texts = {str(v).strip() for v in (*row.values.values(), *row.unnamed.values()) if v is not None}
        if set(missing) <= texts:
            return row.number
    return None


def _spelling_hint(table: Table, missing: list[str]) -> str:
    """': in A1 staat "nr", bedoeld is "Nr"' for headers that differ only in capitals or spaces."""
    hints = []
    for wanted in missing:
        for index, header in enumerate(table.header, start=1):
            if header != wanted and header.casefold().split() == wanted.casefold().split():
                hints.append(f'in {column_letter(index)}1 staat "{header}", bedoeld is "{wanted}"')
    return f" ({'; '.join(hints)}: hoofdletters en spaties tellen mee)" if hints else ""


def _blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


# One field of a model object: (model field, header, fast path, full parser
# or None for text, value on error, parser options). Fields are listed in the
# model's field order (checked below), so objects are built positionally.
_Field = tuple[str, str, Callable[[object], object], Callable | None, object, dict]


def _field(name: str, header: str, fast: Callable = fast_text, parse: Callable | None = None,
           default: object = None, **options: object) -> _Field:
    return (name, header, fast, parse, default, options)


def calculated_number(mark: str, location: Location) -> CellError:
    """A formula where a number must be typed (numbering would count on a value that recalculates)."""
    shown = f" ({mark})" if mark != "=" else ""
    return CellError(f"{location.header or 'Nr'} wordt berekend met een formule{shown}; typ het nummer als getal",
                     location)


def _calculated(table: Table, fields: tuple[_Field, ...]) -> dict[int, dict[int, str]]:
    """Row -> {field index: formula} for formulas in typed (non-text) fields, from the table's marks."""
    if not table.marks:
        return {}
    typed = {table.column_index(f[1]): index for index, f in enumerate(fields) if f[3] is not None}
    found: dict[int, dict[int, str]] = {}
    for (row, column), mark in table.marks.items():
        if mark.startswith("=") and column in typed:
            found.setdefault(row, {})[typed[column]] = mark
    return found


def calculated_note(tables: Iterable[Table]) -> str:
    """The one warning of a command that reads actions as shown (``actions_from_table(shown=True)``):
    every cell whose Nr is a formula, named; "" when there is none."""
    cells = [(table.sheet, row, column, mark) for table in tables
             for (row, column), mark in sorted(table.marks.items()) if mark.startswith("=")]
    if not cells:
        return ""
    names = [f"{sheet}!{column_letter(column)}{row}" for sheet, row, column, _mark in cells]
    if len(cells) == 1:
        where = f"{names[0]} ({cells[0][3]})" if cells[0][3] != "=" else names[0]
    else:
        shown = names[:5] + ([f"nog {len(names) - 5} cel(len)"] if len(names) > 5 else [])
        where = ", ".join(shown[:-1]) + " en " + shown[-1]
    return (f"Nr wordt berekend met een formule in {where}; getoond is het nummer dat Excel laatst berekende. "
            "Typ het nummer als getal: zolang er een formule staat, weigert orsheet te nummeren, af te sluiten, "
            "notulen te verwerken en de Woo-export te maken")


def _convert_rows(table: Table, spec: schema.SheetSpec, make: type[T], fields: tuple[_Field, ...],
                  shown: bool = False) -> list[T]:
    """Every non-blank row as a ``make`` object, collecting every located problem.

    A cell goes through its field's fast path; only when that cannot decide
    (text to parse, a wrong value) does the full parser run, with the cell's
    Location, so messages are the same as parsing every cell in full. A
    formula in a typed column (a number must be typed there) is a problem too,
    whatever its last result: the row is never numbered over nor read as typed.
    Only ``shown`` (a command that only shows what the sheet shows) reads such a
    cell as its last result, or as empty where that is no usable value; the
    command then warns with :func:`calculated_note`.
    """
    problems = header_problems(table, spec)
    if problems:
        raise ProblemList(problems, f"Blad {table.sheet} heeft niet de verwachte kolommen")
    headers = spec.headers
    columns = [field[1] for field in fields]
    fasts = [field[2] for field in fields]
    calculated = _calculated(table, fields)
    if not shown:
        for number, found in sorted(calculated.items()):
            for index, mark in found.items():
                header = fields[index][1]
                location = Location(table.sheet, number, table.column_index(header), header)
                problems.append(calculated_number(mark, location))
    results: list[T] = []
    with collector_paused():
        for row in table.rows:
            get = row.values.get
            first = get(headers[0])  # usually filled: then the row is not blank
            if calculated and row.number in calculated and not shown:
                continue
            if (first is None or type(first) is str and not first.strip()) and all(_blank(get(h)) for h in headers):
                continue
            args = list(map(call, fasts, map(get, columns)))  # fast(get(header)) for each field, in C
            if calculated and row.number in calculated:
                _last_results(get, fields, args, calculated[row.number])
            if UNDECIDED in args:
                _parse_undecided(table, row.number, get, fields, args, problems)
            results.append(make(*args, row.number))
    if problems:
        raise ProblemList(problems, f"Blad {table.sheet} bevat fouten")
    return results


def _last_results(get: Callable, fields: tuple[_Field, ...], args: list, calculated: dict[int, str]) -> None:
    """A calculated cell's last result where it is a usable value, else the field's empty value."""
    for index in calculated:
        if args[index] is UNDECIDED:
            _name, header, _fast, parse, default, options = fields[index]
            try:
                args[index] = parse(get(header), Location(""), **options)
            except OrsheetError:
                args[index] = default


def _parse_undecided(table: Table, number: int, get: Callable, fields: tuple[_Field, ...], args: list,
                     problems: list[OrsheetError]) -> None:
    """Run the full parser, with the cell's Location, where the fast path could not decide."""
    for index, (_name, header, _fast, parse, default, options) in enumerate(fields):
        if args[index] is UNDECIDED:
            location = Location(table.sheet, number, table.column_index(header), header)
            try:
                args[index] = parse(get(header), location, **options)
            except OrsheetError as error:
                problems.append(error)
                args[index] = default


def _check_order(make: type, fields: tuple[_Field, ...]) -> tuple[_Field, ...]:
    """``fields`` as given, after checking they follow ``make``'s field order (then ``row``)."""
    if [f.name for f in dataclasses.fields(make)] != [f[0] for f in fields] + ["row"]:
        raise TypeError(f"{make.__name__}: fields out of order")
    return fields


_ACTION_FIELDS = _check_order(model.Action, (
    _field("number", schema.NR, fast_action_number, parse_action_number),
    _field("subject", schema.ONDERWERP),
    _field("description", schema.OMSCHRIJVING),
    _field("owner", schema.VERANTWOORDELIJKE),
    _field("meeting_kind", schema.OVERLEG),
    _field("date", schema.DATUM, fast_date, parse_date),
    _field("deadline", schema.DEADLINE, fast_deadline, parse_deadline, default=model.Deadline()),
    _field("status", schema.STATUS),
    _field("remarks", schema.OPMERKINGEN),
    _field("closed_on", schema.AFGEROND_OP, fast_date, parse_date),
))


def actions_from_table(table: Table, shown: bool = False) -> list[model.Action]:
    """The actions of Acties or Archief. A formula in Nr is a problem, unless ``shown``: then the
    number Excel last calculated is read (see :func:`_convert_rows`, docs/workbook.md)."""
    spec = schema.ARCHIVE if table.sheet == schema.ARCHIVE.name else schema.ACTIONS
    # Deadline (datum) is derived: never read
    return _convert_rows(table, spec.input_spec, model.Action, _ACTION_FIELDS, shown)


def shown_actions_from_table(table: Table) -> list[model.Action]:
    """:func:`actions_from_table` for a command that only shows the actions (list, overview, agenda)."""
    return actions_from_table(table, shown=True)


def _to_cells(obj: object, fields: tuple[_Field, ...]) -> dict[str, object]:
    """``{header: value}`` for an object, by the same field table that reads it."""
    return {header: getattr(obj, name) for name, header, *_ in fields}


def action_to_cells(action: model.Action) -> dict[str, object]:
    cells = _to_cells(action, _ACTION_FIELDS)
    cells[schema.DEADLINE] = action.deadline.cell_value()  # the text as typed wins over the date
    cells[schema.DEADLINE_DATE] = deadline_date(action.deadline, action.date)
    return cells


_DECISION_FIELDS = _check_order(model.Decision, (
    _field("number", schema.NR, fast_action_number, parse_action_number),
    _field("date", schema.DATUM, fast_date, parse_date),
    _field("meeting_kind", schema.OVERLEG),
    _field("subject", schema.ONDERWERP),
    _field("text", "Besluit"),
    _field("source", "Bron"),
))


def decisions_from_table(table: Table) -> list[model.Decision]:
    return _convert_rows(table, schema.DECISIONS, model.Decision, _DECISION_FIELDS)


def decision_to_cells(decision: model.Decision) -> dict[str, object]:
    return _to_cells(decision, _DECISION_FIELDS)


_MEETING_FIELDS = _check_order(model.Meeting, (
    _field("date", schema.DATUM, fast_required_date, parse_date, required=True),
    _field("kind", "Soort"),
    _field("start", "Begin", fast_time, parse_time),
    _field("end", "Einde", fast_time, parse_time),
    _field("location", "Locatie"),
    _field("chair", "Voorzitter"),
    _field("minute_taker", "Notulist"),
    _field("invited", "Genodigd"),
    _field("remark", "Opmerking"),
))


def meetings_from_table(table: Table) -> list[model.Meeting]:
    return _convert_rows(table, schema.MEETINGS.input_spec, model.Meeting, _MEETING_FIELDS)


def meeting_to_cells(meeting: model.Meeting) -> dict[str, object]:
    return _to_cells(meeting, _MEETING_FIELDS)


_AGENDA_ITEM_FIELDS = _check_order(model.AgendaItem, (
    _field("meeting", "Vergadering", fast_required_date, parse_date, required=True),
    _field("number", schema.NR),
    _field("title", schema.ONDERWERP),
    _field("minutes", "Minuten", fast_minutes, parse_minutes),
    _field("who", "Wie"),
    _field("purpose", "Doel"),
    _field("note", "Toelichting"),
))


def agenda_items_from_table(table: Table) -> list[model.AgendaItem]:
    return _convert_rows(table, schema.AGENDA_ITEMS, model.AgendaItem, _AGENDA_ITEM_FIELDS)


def _parse_place(value: object, location: Location) -> str:
    place = clean_text(value).casefold()
    if place not in ("begin", "eind"):
        raise CellError(f'Plaats moet "begin" of "eind" zijn, niet "{clean_text(value)}"', location)
    return place


def _parse_order(value: object, location: Location) -> int:
    return parse_int(value, location) or 0


_STANDARD_ITEM_FIELDS = _check_order(model.StandardItem, (
    _field("kind", "Soort"),
    _field("place", "Plaats", undecided, _parse_place, default=""),
    _field("order", "Volgorde", undecided, _parse_order, default=0),
    _field("title", schema.ONDERWERP),
    _field("minutes", "Minuten", fast_minutes, parse_minutes),
    _field("who", "Wie"),
    _field("purpose", "Doel"),
))


def standard_items_from_table(table: Table) -> list[model.StandardItem]:
    return _convert_rows(table, schema.STANDARD_ITEMS, model.StandardItem, _STANDARD_ITEM_FIELDS)


_PERSON_FIELDS = _check_order(model.Person, (
    _field("name", "Naam"),
    _field("role", "Rol"),
    _field("public", "Openbaar", undecided, parse_yes_no, default=False),
    _field("email", "E-mail"),
))


def people_from_table(table: Table) -> list[model.Person]:
    return _convert_rows(table, schema.PEOPLE, model.Person, _PERSON_FIELDS)


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
    value = parse_action_number(setting.value, setting_location(settings, schema.SETTING_LAST_NUMBER),
                                what="laatste nummer")
    return value or 0


# Every contract sheet's reader, in workbook order (``orsheet check``, the benchmark).
READERS: dict[str, Callable[[Table], object]] = {
    schema.ACTIONS.name: actions_from_table,
    schema.ARCHIVE.name: actions_from_table,
    schema.DECISIONS.name: decisions_from_table,
    schema.MEETINGS.name: meetings_from_table,
    schema.AGENDA_ITEMS.name: agenda_items_from_table,
    schema.STANDARD_ITEMS.name: standard_items_from_table,
    schema.PEOPLE.name: people_from_table,
    schema.SETTINGS.name: settings_from_table,
}
