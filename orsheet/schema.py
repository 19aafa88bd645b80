"""The sheet contract: sheet names, Dutch headers, column kinds, validation.

Everything that reads or writes the workbook (template builder, backends,
records) takes its names from here; nothing else spells a Dutch header.
Columns are found by header text, never by letter.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from functools import cached_property

from orsheet import model


@dataclass(frozen=True)
class Column:
    header: str
    kind: str  # int | text | date | deadline | time | minutes | yesno
    width: float = 14
    choices: tuple[str, ...] = ()  # offered as a drop-down list; other text stays allowed
    wrap: bool = False
    text_format: bool = False  # cells formatted as text ("@"), so Excel keeps "6.10" as typed
    computed: bool = False  # filled by orsheet, never read as input; older workbooks may lack it


@dataclass(frozen=True)
class SheetSpec:
    name: str
    columns: tuple[Column, ...]
    table: str | None = None  # Excel table name (ListObject)
    required: bool = True  # must exist in an orsheet workbook

    @cached_property
    def headers(self) -> tuple[str, ...]:
        return tuple(c.header for c in self.columns)

    @property
    def input_spec(self) -> SheetSpec:
        """This sheet without its computed columns: what is read, checked and required."""
        return SheetSpec(self.name, tuple(c for c in self.columns if not c.computed), self.table, self.required)

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
# Computed by orsheet from Deadline and Datum (orsheet.deadlines): the date a typed
# deadline such as "eind okt" means, so Excel can mark overdue rows. Last column.
DEADLINE_DATE = "Deadline (datum)"

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
    Column(DEADLINE_DATE, "date", 14, computed=True),
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
PLAN_MARKER = "Jaarplanning"
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
        # The year plan's marker ("[jaarplanning OR 04-01-2024 #8f138f]"), apart from the secretary's Opmerking.
        Column(PLAN_MARKER, "text", 36, computed=True),
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

# Sheets orsheet creates when it first needs them (not in the template's
# required set): the log of processed minutes and the proposal from minutes
# that the secretary confirms row by row ("Toepassen" ja/nee).
LOG = SheetSpec(
    "Logboek",
    (
        Column(DATUM, "date", 12),
        Column("Bestand", "text", 30),
        Column("Vergadering", "date", 12),
        Column("Sleutel", "text", 18),
        Column("Wijzigingen", "text", 80, wrap=True),
    ),
    required=False,
)
PROPOSAL = SheetSpec(
    "Voorstel",
    (
        Column("Toepassen", "yesno", 10, choices=("ja", "nee")),
        Column("Zekerheid", "text", 11),  # zeker: a marker or number; mogelijk: read from the phrasing
        Column("Soort", "text", 14),
        Column(NR, "int", 7),
        Column(ONDERWERP, "text", 28, wrap=True),
        Column("Tekst", "text", 60, wrap=True),
        Column(VERANTWOORDELIJKE, "text", 18),
        Column(DEADLINE, "date", 12),
        Column("Vergadering", "date", 12),
        Column(OVERLEG, "text", 18),
        Column("Bron", "text", 28),
        Column("Toelichting", "text", 50, wrap=True),
        Column("Sleutel", "text", 18),
    ),
    required=False,
)

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
BY_NAME = {s.name: s for s in (*SHEETS, LOG, PROPOSAL)}

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

# What an Excel cell can hold: Excel's own limits, the one home for every reader and writer.
# A date is a serial number of days since the epoch of the workbook's date system; Excel shows
# no date before the first day of its system (a negative serial is "#####") nor after 9999.
EXCEL_EPOCH = datetime(1899, 12, 30)  # serial 0 of the 1900 date system (Excel counts 29-02-1900)
EXCEL_EPOCH_1904 = datetime(1904, 1, 1)  # serial 0 of the 1904 date system (old Mac workbooks)
EXCEL_TIME_ONLY_DAYS = (date(1899, 12, 30), date(1899, 12, 31))  # Excel's day 0 and day 1: a time alone
# The first date every reader and Excel agree on. Excel's 1900 system counts a 29-02-1900 that
# never was (Lotus' leap-year bug): serials 1-60 show a day later than the epoch above gives, and
# serial 60 is that fictitious day, so a date before 01-03-1900 does not come back as written.
# Serials 0 and 1 are also how a time alone is stored (EXCEL_TIME_ONLY_DAYS); in the 1904 system
# 01-01-1904 is serial 0, read back as the time 00:00.
FIRST_DATE = date(1900, 3, 1)
FIRST_DATE_1904 = date(1904, 1, 2)
LAST_DATE = date(9999, 12, 31)
MAX_CELL_TEXT = 32_767  # characters in one cell
# Action numbers: Excel keeps a number in a double, exact to 15 digits; nine digits is a
# billion actions, far beyond any council, and keeps every number exact (and +1 too).
MAX_ACTION_NUMBER = 999_999_999

# Year plan (orsheet.schedule_settings): every recurring meeting series is a
# block of rows "Reeks N <veld>" so each value sits in its own Waarde cell;
# "Vrije dagen" lists extra days off ("22-07-2024 t/m 30-08-2024 zomerreces").
SERIES_FIELDS = ("soort", "weekdag", "eerste datum", "interval (weken)", "begin", "einde", "locatie")
SETTING_FREE_DAYS = "Vrije dagen"


def series_setting(number: int, field: str) -> str:
    """The Instelling label of one field of series ``number``: "Reeks 1 weekdag"."""
    return f"Reeks {number} {field}"


# The 2024 pattern: OR every two weeks on Thursday; the formal Overlegvergadering
# and the Informeel overleg alternate on OR days, each every four weeks.
DEFAULT_SERIES: tuple[tuple[object, ...], ...] = (
    (model.OR_MEETING, "donderdag", "04-01-2024", 2, "10:00", "11:30", "Vergaderruimte 6.2.02"),
    (model.OV_MEETING, "donderdag", "18-01-2024", 4, "14:00", "15:30", "Vergaderruimte 4.3.07"),
    (model.INFORMAL_MEETING, "donderdag", "04-01-2024", 4, "16:00", "16:45", "Vergaderruimte 4.3.07"),
)
DEFAULT_SETTINGS = DEFAULT_SETTINGS + tuple(
    (series_setting(number, field), value)
    for number, values in enumerate(DEFAULT_SERIES, start=1)
    for field, value in zip(SERIES_FIELDS, values)
) + ((SETTING_FREE_DAYS, ""),)
