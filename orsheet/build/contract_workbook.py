"""The plain orsheet workbook from the sheet contract (no VBA yet): build time.

``tools/build_workbook.py`` (``make template``) calls :func:`build_template` and then adds
the VBA project, buttons and ribbon (:mod:`orsheet.build.macro_workbook`); the Lite
workbook (:mod:`orsheet.build.lite_workbook`) starts from :func:`build_workbook` too.
``orsheet new`` copies the results (``workbooks/``, found by :mod:`orsheet.template_file`).
The build is deterministic: fixed document dates and zip timestamps, so building twice
gives the same bytes.
"""

from __future__ import annotations

import io
import re
import zipfile
from datetime import datetime
from pathlib import Path

from orsheet import schema
from orsheet.documents.xlsx_sheet import FILTER_BUTTON_WIDTH, print_one_page_wide
from orsheet.ooxml.font_order import order_font_children

FIXED_TIME = datetime(2024, 1, 1, 0, 0, 0)
FIXED_STAMP = b"2024-01-01T00:00:00Z"
XLSM_WORKBOOK_TYPE = "application/vnd.ms-excel.sheet.macroEnabled.main+xml"
XLSX_WORKBOOK_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"

START_TEXT = (
    ("OR-secretariaat", "title"),
    ("Deze werkmap houdt de actielijst, de besluitenlijst, de vergaderingen en de agenda's van de ondernemingsraad bij.", ""),
    ("", ""),
    ("Bladen", "heading"),
    ("Acties: de open acties. Nieuwe acties typt u onderaan zonder nummer; 'Acties nummeren' geeft ze het volgende nummer.", ""),
    ("Archief: afgeronde acties, met de datum waarop ze zijn afgerond.", ""),
    ("Deadline (datum), de laatste kolom van Acties en Archief, vult orsheet zelf in: de datum die een getypte deadline als 'eind okt' betekent. Acties over hun deadline kleuren rood.", ""),
    ("Besluiten: de besluitenlijst van de OR en de Overlegvergadering.", ""),
    ("Vergaderingen: datum, soort, tijden, locatie, voorzitter en notulist van elke vergadering.", ""),
    ("Agendapunten: de punten per vergadering (Nr 6.1 is een subpunt van 6), met minuten, wie en doel.", ""),
    ("Standaardpunten: punten die op elke agenda van een soort vergadering staan (begin en eind).", ""),
    ("Personen: wie er in de OR zit; Openbaar = ja voor namen die gepubliceerd mogen worden (Woo).", ""),
    ("Instellingen: o.a. het laatst gebruikte actienummer en de map voor agenda's.", ""),
    ("", ""),
    ("Knoppen (ook op het lint, tab OR-secretariaat)", "heading"),
    ("Acties nummeren, Afgeronde acties sluiten, Agenda maken, Notulen verwerken en Voorstel toepassen,", ""),
    ("Jaarplanning maken, Woo-export en Overzicht bijwerken. Na Notulen verwerken staat het voorstel op het blad", ""),
    ("Voorstel: zet Toepassen op nee voor wat niet klopt en kies Voorstel toepassen.", ""),
    ("", ""),
    ("Werkwijze", "heading"),
    ("Zet de Status van een actie op 'afgerond' en kies 'Afgeronde acties sluiten': de actie gaat naar het Archief.", ""),
    ("Nummers worden nooit hergebruikt: OR- en OV-acties delen één nummerreeks.", ""),
    ("Deze werkmap is ook zonder Python leesbaar; de knoppen hebben orsheet (Python) nodig.", ""),
)


def _letter(header: str) -> str:
    from string import ascii_uppercase

    return ascii_uppercase[schema.ACTIONS.headers.index(header)]


# Overdue as orsheet.services.overview counts it: the due date is the Deadline when it is a real
# date, else the computed Deadline (datum) ("eind okt" -> 31-10); before today; not done (Status
# afgerond or a date in Afgerond op: model.Action.is_done) and not ON HOLD. Text in either
# deadline column (not understood) never marks a row.
_DEADLINE, _DUE, _STATUS, _CLOSED = (
    f"${_letter(h)}2" for h in (schema.DEADLINE, schema.DEADLINE_DATE, schema.STATUS, schema.AFGEROND_OP))
OVERDUE_FORMULA = (
    f"AND(OR(AND(ISNUMBER({_DEADLINE}),{_DEADLINE}<TODAY()),"
    f"AND(NOT(ISNUMBER({_DEADLINE})),ISNUMBER({_DUE}),{_DUE}<TODAY())),"
    f'LOWER(TRIM({_STATUS}))<>"afgerond",LOWER(TRIM({_STATUS}))<>"on hold",{_CLOSED}="")'
)
COMPUTED_HEADER_COLOUR = "8EA9C1"  # lighter than the contract headers: orsheet fills this column
COMPUTED_PROMPT = "Wordt door orsheet ingevuld uit Deadline en Datum (bijv. 'eind okt' wordt 31-10). Niet zelf typen."

DEFAULT_STANDARD_ITEMS = (
    # Soort, Plaats, Volgorde, Onderwerp, Minuten, Wie, Doel — as on the seeds' OR agendas.
    ("OR-vergadering", "begin", 1, "Opening", 5, "Voorzitter", ""),
    ("OR-vergadering", "begin", 2, "Vaststellen agenda", 5, "Voorzitter", "Ter vaststelling"),
    ("OR-vergadering", "begin", 3, "Actualiteit en ingekomen stukken", 15, "Allen", "Ter bespreking"),
    ("OR-vergadering", "begin", 4, "Actie-/besluitenlijst", 5, "Secretaris", "Ter vaststelling"),
    ("OR-vergadering", "eind", 1, "Sluiting", 5, "Voorzitter", ""),
    ("Overlegvergadering", "begin", 1, "Opening", 5, "Voorzitter", ""),
    ("Overlegvergadering", "begin", 2, "Vaststellen agenda", 5, "Voorzitter", "Ter vaststelling"),
    ("Overlegvergadering", "begin", 3, "Mededelingen", 10, "Allen", "Ter informatie"),
    ("Overlegvergadering", "begin", 4, "Actie-/besluitenlijst", 5, "Secretaris", "Ter vaststelling"),
    ("Overlegvergadering", "eind", 1, "Rondvraag", 5, "Allen", ""),
    ("Overlegvergadering", "eind", 2, "Evaluatie van het overleg", 5, "Allen", ""),
    ("Overlegvergadering", "eind", 3, "Sluiting", None, "Voorzitter", ""),
)


def build_workbook():
    """The contract workbook as an openpyxl Workbook (not saved)."""
    from openpyxl import Workbook

    book = Workbook()
    book.remove(book.active)
    for spec in schema.SHEETS:
        sheet = book.create_sheet(spec.name)
        if spec is schema.START:
            fill_start(sheet)
        else:
            _fill_table_sheet(sheet, spec)
    _fill_rows(book[schema.SETTINGS.name], schema.DEFAULT_SETTINGS)
    _typed_settings(book[schema.SETTINGS.name])
    _fill_rows(book[schema.STANDARD_ITEMS.name], DEFAULT_STANDARD_ITEMS)
    _add_overdue_formatting(book[schema.ACTIONS.name])
    book.properties.creator = "orsheet"
    book.properties.lastModifiedBy = "orsheet"
    book.properties.title = "OR-secretariaat"
    book.properties.created = FIXED_TIME
    book.properties.modified = FIXED_TIME
    book.active = 0
    return book


START_WIDTH = 100  # characters: column A of Start, left of the buttons
START_TITLE_HEIGHT = 30  # points: the 18 pt title needs more than the default 15
START_LINE = 118  # characters per row (Calibri 11 in a column of 100): longer explanations continue on the next row


def start_rows(lines=START_TEXT) -> list[tuple[str, str]]:
    """Start's lines as rows: each long explanation split at word boundaries into rows of one line."""
    import textwrap

    rows: list[tuple[str, str]] = []
    for text, style in lines:
        if style or len(text) <= START_LINE:
            rows.append((text, style))
        else:
            rows += [(line, "") for line in textwrap.wrap(text, START_LINE)]
    return rows


def fill_start(sheet, lines=START_TEXT) -> None:
    from openpyxl.styles import Alignment, Font

    sheet.column_dimensions["A"].width = START_WIDTH
    rows = start_rows(lines)
    for row, (text, style) in enumerate(rows, start=1):
        cell = sheet.cell(row, 1, text or None)
        cell.alignment = Alignment(vertical="center")
        if style == "title":
            cell.font = Font(size=18, bold=True, color="1F4E79")
            sheet.row_dimensions[row].height = START_TITLE_HEIGHT
        elif style == "heading":
            cell.font = Font(size=12, bold=True, color="1F4E79")
    sheet.sheet_view.showGridLines = False
    # Printed: the explanation alone, portrait, one page wide (the buttons do not print).
    sheet.print_area = f"A1:A{len(rows)}"
    print_one_page_wide(sheet, "portrait", title_rows=None)


def _fill_table_sheet(sheet, spec: schema.SheetSpec) -> None:
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation
    from openpyxl.worksheet.table import Table, TableStyleInfo

    for index, column in enumerate(spec.columns, start=1):
        letter = get_column_letter(index)
        header = sheet.cell(1, index, column.header)
        # Explicit header colours, so the sheet reads well in viewers that ignore table styles.
        header.font = Font(bold=True, color="FFFFFF")
        colour = COMPUTED_HEADER_COLOUR if column.computed else "1F4E79"
        header.fill = PatternFill(start_color=colour, end_color=colour, fill_type="solid")
        header.alignment = Alignment(vertical="center")
        sheet.column_dimensions[letter].width = header_width(column.header, column.width)
        number_format = {"date": schema.DATE_FORMAT, "time": schema.TIME_FORMAT}.get(column.kind)
        if column.text_format:
            number_format = "@"
        for row in (2,):
            cell = sheet.cell(row, index)
            if number_format:
                cell.number_format = number_format
                sheet.column_dimensions[letter].number_format = number_format
            cell.alignment = Alignment(vertical="top", wrap_text=column.wrap)
        if column.choices:
            # A drop-down that still accepts other text: the secretary's own words are never refused.
            listing = ",".join(column.choices)
            validation = DataValidation(type="list", formula1=f'"{listing}"', allow_blank=True, showErrorMessage=False)
            validation.add(f"{letter}2:{letter}5000")
            sheet.add_data_validation(validation)
        if column.computed:
            _explain_computed(sheet, letter)
    last = get_column_letter(len(spec.columns))
    table = Table(displayName=spec.table, ref=f"A1:{last}2")
    table.tableStyleInfo = TableStyleInfo(name="TableStyleMedium2", showRowStripes=True)
    sheet.add_table(table)
    sheet.freeze_panes = "A2"
    print_one_page_wide(sheet)  # landscape, header row repeated: how the lists get printed for meetings


def header_width(header: str, width: float) -> float:
    """A column at least as wide as its bold header plus the filter button, so no header text is hidden."""
    return max(width, round(len(header) * 1.1 + FILTER_BUTTON_WIDTH, 1))


def _explain_computed(sheet, letter: str) -> None:
    """A note on the header and cells of a column orsheet fills (shown when the cell is selected)."""
    from openpyxl.worksheet.datavalidation import DataValidation

    note = DataValidation(allow_blank=True, showErrorMessage=False, showInputMessage=True,
                          promptTitle="Berekend door orsheet", prompt=COMPUTED_PROMPT)
    note.add(f"{letter}1:{letter}5000")
    sheet.add_data_validation(note)


def _typed_settings(sheet) -> None:
    """Series dates and clock times as real dates and times (Excel sorts, checks and shows them as such).

    The readers (orsheet.schedule_settings) take date and time cells as well as the text a secretary types.
    """
    from datetime import datetime as moment

    for row in sheet.iter_rows(min_row=2):
        label, value = row[0].value or "", row[1]
        if not isinstance(value.value, str) or not label.startswith("Reeks "):
            continue
        if label.endswith(" eerste datum"):
            value.value = moment.strptime(value.value, "%d-%m-%Y").date()
            value.number_format = schema.DATE_FORMAT
        elif label.endswith((" begin", " einde")):
            value.value = moment.strptime(value.value, "%H:%M").time()
            value.number_format = schema.TIME_FORMAT


def _fill_rows(sheet, rows) -> None:
    """The default rows of a settings-like sheet (text and whole numbers), formatted like its first row."""
    import copy

    header = [c.value for c in sheet[1]]
    for number, row in enumerate(rows, start=2):
        for column, value in enumerate(row[: len(header)], start=1):
            cell = sheet.cell(number, column)
            model = sheet.cell(2, column)
            if number > 2 and model.has_style:
                cell._style = copy.copy(model._style)
            cell.value = value
    from openpyxl.utils.cell import get_column_letter, range_boundaries

    for table in sheet.tables.values():  # the table covers the rows
        min_col, min_row, max_col, _ = range_boundaries(table.ref)
        table.ref = f"{get_column_letter(min_col)}{min_row}:{get_column_letter(max_col)}{max(len(rows) + 1, min_row + 1)}"
        if table.autoFilter is not None:
            table.autoFilter.ref = table.ref


def _add_overdue_formatting(sheet) -> None:
    from openpyxl.formatting.rule import FormulaRule
    from openpyxl.styles import Font, PatternFill

    overdue = FormulaRule(
        formula=[OVERDUE_FORMULA],
        fill=PatternFill(start_color="F8CBAD", end_color="F8CBAD", fill_type="solid"),
        font=Font(color="9C0006"),
    )
    sheet.conditional_formatting.add(f"A2:{_letter(schema.ACTIONS.headers[-1])}5000", overdue)


def save_template(book, path: Path) -> None:
    """Save as a macro-enabled workbook with deterministic bytes."""
    buffer = io.BytesIO()
    book.save(buffer)
    path.write_bytes(normalise_package(buffer.getvalue(), macro_enabled=path.suffix.lower() == ".xlsm"))


def normalise_package(data: bytes, *, macro_enabled: bool) -> bytes:
    """Fixed zip timestamps and order; the macro-enabled workbook content type."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for name in source.namelist():
            content = source.read(name)
            if name == "docProps/core.xml":  # openpyxl stamps "modified" with the clock
                content = re.sub(rb"(<dcterms:modified[^>]*>)[^<]*", rb"\g<1>" + FIXED_STAMP, content)
            if name == "xl/styles.xml":
                content = order_font_children(content)
            if name == "[Content_Types].xml" and macro_enabled:
                content = content.replace(XLSX_WORKBOOK_TYPE.encode(), XLSM_WORKBOOK_TYPE.encode())
            info = zipfile.ZipInfo(name, date_time=FIXED_TIME.timetuple()[:6])
            info.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(info, content)
    return out.getvalue()


def build_template(path: Path) -> Path:
    """Write the plain contract workbook to ``path`` (``.xlsm`` or ``.xlsx``)."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    save_template(build_workbook(), path)
    return path
