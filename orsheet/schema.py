"""The sheet contract: sheet names, Dutch headers, column kinds, validation.

Everything that reads or writes the workbook (template builder, backends,
records) takes its names from here; nothing else spells a Dutch header.
Columns are found by header text, never by letter.
"""

from __future__ import annotations

from dataclasses import dataclass

from orsheet import model


@dataclass(frozen=True)
class Column:
    header: str
    kind: str  # int | text | date | deadline | time | minutes | yesno
    width: float = 14
    choices: tuple[str, ...] = ()  # offered as a drop-down list; other text stays allowed
    wrap: bool = False
    text_format: bool = False  # cells formatted as text ("@"), so Excel keeps "6.10" as typed


@dataclass(frozen=True)
class SheetSpec:
    name: str
    columns: tuple[Column, ...]
    table: str | None = None  # Excel table name (ListObject)
    required: bool = True  # must exist in an orsheet workbook

    @property
    def headers(self) -> tuple[str, ...]:
        return tuple(c.header for c in self.columns)

    def column(self, header: str) -> Column:
        for column in self.columns:
            if column.header == header:
                return column
        raise KeyError(header)


# Column headers, named once.
NR = "Nr"
ONDERWERP = "Onderwerp"
OMSCHRIJVING = "Omschrijving"
VERANTWOORDELIJKE = "Verantwoordelijke"
OVERLEG = "Overleg"
DATUM = "Datum"
DEADLINE = "Deadline"
STATUS = "Status"
OPMERKINGEN = "Opmerkingen"
AFGEROND_OP = "Afgerond op"

_kinds = model.MEETING_KINDS
_action_columns = (
    Column(NR, "int", 7),
    Column(ONDERWERP, "text", 28, wrap=True),
    Column(OMSCHRIJVING, "text", 50, wrap=True),
    Column(VERANTWOORDELIJKE, "text", 20),
    Column(OVERLEG, "text", 20, choices=_kinds),
    Column(DATUM, "date", 12),
    Column(DEADLINE, "deadline", 14),
    Column(STATUS, "text", 15, choices=tuple(s for s in model.STATUSES if s)),
    Column(OPMERKINGEN, "text", 40, wrap=True),
    Column(AFGEROND_OP, "date", 12),
)

ACTIONS = SheetSpec("Acties", _action_columns, table="Acties")
ARCHIVE = SheetSpec("Archief", _action_columns, table="Archief")
DECISIONS = SheetSpec(
    "Besluiten",
    (
        Column(NR, "int", 7),
        Column(DATUM, "date", 12),
        Column(OVERLEG, "text", 20, choices=_kinds),
        Column(ONDERWERP, "text", 28, wrap=True),
        Column("Besluit", "text", 60, wrap=True),
        Column("Bron", "text", 30),
    ),
    table="Besluiten",
)
MEETINGS = SheetSpec(
    "Vergaderingen",
    (
        Column(DATUM, "date", 12),
        Column("Soort", "text", 20, choices=_kinds),
        Column("Begin", "time", 8),
        Column("Einde", "time", 8),
        Column("Locatie", "text", 24),
        Column("Voorzitter", "text", 18),
        Column("Notulist", "text", 18),
        Column("Genodigd", "text", 24),
        Column("Opmerking", "text", 40, wrap=True),
    ),
    table="Vergaderingen",
)
AGENDA_ITEMS = SheetSpec(
    "Agendapunten",
    (
        Column("Vergadering", "date", 12),
        Column(NR, "text", 6, text_format=True),
        Column(ONDERWERP, "text", 36, wrap=True),
        Column("Minuten", "minutes", 9),
        Column("Wie", "text", 16),
        Column("Doel", "text", 18, choices=("Ter informatie", "Ter bespreking", "Ter vaststelling", "Ter besluitvorming")),
        Column("Toelichting", "text", 60, wrap=True),
    ),
    table="Agendapunten",
)
STANDARD_ITEMS = SheetSpec(
    "Standaardpunten",
    (
        Column("Soort", "text", 20, choices=_kinds),
        Column("Plaats", "text", 9, choices=("begin", "eind")),
        Column("Volgorde", "int", 9),
        Column(ONDERWERP, "text", 36),
        Column("Minuten", "minutes", 9),
        Column("Wie", "text", 16),
        Column("Doel", "text", 18, choices=("Ter informatie", "Ter bespreking", "Ter vaststelling", "Ter besluitvorming")),
    ),
    table="Standaardpunten",
)
PEOPLE = SheetSpec(
    "Personen",
    (
        Column("Naam", "text", 28),
        Column("Rol", "text", 24),
        Column("Openbaar", "yesno", 10, choices=("ja", "nee")),
        Column("E-mail", "text", 30),
    ),
    table="Personen",
)
SETTINGS = SheetSpec(
    "Instellingen",
    (Column("Instelling", "text", 28), Column("Waarde", "text", 50)),
    table="Instellingen",
)
START = SheetSpec("Start", (), table=None)

# In workbook order.
SHEETS: tuple[SheetSpec, ...] = (
    START,
    ACTIONS,
    ARCHIVE,
    DECISIONS,
    MEETINGS,
    AGENDA_ITEMS,
    STANDARD_ITEMS,
    PEOPLE,
    SETTINGS,
)
DATA_SHEETS = tuple(s for s in SHEETS if s.table)
BY_NAME = {s.name: s for s in SHEETS}

# Settings (Instellingen) keys, with the defaults a new workbook starts with.
SETTING_LAST_NUMBER = "Laatste nummer"
SETTING_ORGANISATION = "Organisatie"
SETTING_AGENDA_FOLDER = "Map agenda's"
DEFAULT_SETTINGS: tuple[tuple[str, object], ...] = (
    (SETTING_ORGANISATION, "Ondernemingsraad"),
    (SETTING_LAST_NUMBER, 0),
    (SETTING_AGENDA_FOLDER, "Agenda's"),
)

DATE_FORMAT = "dd-mm-yyyy"
TIME_FORMAT = "hh:mm"
