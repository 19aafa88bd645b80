"""Build the Word templates in ``orsheet/templates`` reproducibly.

Run ``python -m orsheet.documents.build_templates`` after changing the layout
here. The .docx files are ordinary Word documents with docxtpl tags
(``{{ item.title }}``, ``{%tr for item in items %}``) and named styles
("Agendapunt", "Toelichting", ...): a secretary may restyle them in Word; the
contract test checks that the tags still match what the context builders give.
"""

from __future__ import annotations

import sys
from pathlib import Path

from docx import Document

from orsheet.documents import docx_layout as layout
from orsheet.documents.docx_layout import DARK_BLUE, GREY, RED, add, first
from orsheet.documents.render import AGENDA_TEMPLATE, MINUTES_TEMPLATE, TEMPLATES


AGENDA_WIDTHS = [1.8, 8.8, 2.9, 3.5]  # Tijd | Omschrijving | Wie | Doel  (17 cm)
ACTION_WIDTHS = [0.9, 3.5, 4.2, 1.9, 2.0, 2.0, 2.5]  # 17 cm


def _styles(document) -> None:
    layout.set_defaults(document)
    add_style = layout.paragraph_style
    add_style(document, "Organisatie", 9, color=GREY, after=0)
    add_style(document, "Documenttitel", 20, bold=True, color=DARK_BLUE, after=8)
    add_style(document, "Kopgegevens", 10, after=1)
    add_style(document, "Tabelkop", 9.5, bold=True, color=layout.RGBColor(0xFF, 0xFF, 0xFF), before=2, after=2)
    add_style(document, "Tijd", 10, bold=True, before=3, after=0)
    add_style(document, "Duur", 8.5, color=GREY, after=3)
    add_style(document, "Agendapunt", 10, bold=True, before=3, after=1, indent=0.8, hanging=0.8)
    add_style(document, "Subpunt", 10, before=3, after=1, indent=1.6, hanging=0.8)
    add_style(document, "Toelichting", 9, italic=True, color=GREY, after=3, indent=0.8)
    add_style(document, "Toelichting subpunt", 9, italic=True, color=GREY, after=3, indent=1.6)
    add_style(document, "Celtekst", 10, before=3, after=3)
    add_style(document, "Totaal", 9.5, color=GREY, before=6, after=2)
    add_style(document, "Waarschuwing", 10, bold=True, color=RED, before=4, after=4)
    add_style(document, "Actiekop", 13, bold=True, color=DARK_BLUE, before=16, after=6)
    add_style(document, "Actietekst", 8.5, before=2, after=2)
    add_style(document, "Actieopmerking", 8, italic=True, color=GREY, after=2)
    add_style(document, "Voettekst", 8, color=GREY)
    add_style(document, "Invulruimte", 10, color=GREY, after=8)


def _header_block(document, title: str, fields: list[tuple[str, str]]) -> None:
    add(document, "{{ organisation }}", "Organisatie")
    add(document, title, "Documenttitel")
    grid = layout.table(document, [4.5, 12.5], len(fields))
    for row, (label, value) in zip(grid.rows, fields):
        first(row.cells[0], label, "Kopgegevens")
        first(row.cells[1], ": " + value, "Kopgegevens")
    grid._tbl.tblPr.remove(grid._tbl.tblPr.find(layout.qn("w:tblBorders")))
    add(document)


def _loop_rows(grid, loop: str, end: str) -> None:
    """Row 1 and row 3 of ``grid`` carry docxtpl's row-loop tags (they vanish when rendered)."""
    first(grid.rows[1].cells[0], loop)
    first(grid.rows[3].cells[0], end)


def _note(cell, style: str) -> None:
    add(cell, "{%p if item.note %}")
    add(cell, "{{ item.note }}", style)
    add(cell, "{%p endif %}")


def _agenda_table(document) -> None:
    grid = layout.table(document, AGENDA_WIDTHS, 4)
    layout.header_row(grid, ["Tijd", "Omschrijving", "Wie", "Doel"], "Tabelkop")
    _loop_rows(grid, "{%tr for item in items %}", "{%tr endfor %}")
    time_cell, text_cell, who_cell, purpose_cell = grid.rows[2].cells
    first(time_cell, "{{ item.start }}", "Tijd")
    add(time_cell, "{%p if item.duration %}")
    add(time_cell, "{{ item.duration }}", "Duur")
    add(time_cell, "{%p endif %}")
    first(text_cell, "{%p if item.is_sub %}")
    add(text_cell, "{{ item.number }}\t{{ item.title }}", "Subpunt")
    _note(text_cell, "Toelichting subpunt")
    add(text_cell, "{%p else %}")
    add(text_cell, "{{ item.number }}\t{{ item.title }}", "Agendapunt")
    _note(text_cell, "Toelichting")
    add(text_cell, "{%p endif %}")
    first(who_cell, "{{ item.who }}", "Celtekst")
    first(purpose_cell, "{{ item.purpose }}", "Celtekst")
    layout.keep_row_together(grid, 2)


def _actions_table(document) -> None:
    add(document, "{%p if actions %}")
    grid = layout.table(document, ACTION_WIDTHS, 4)
    titles = ["Nr", "Onderwerp", "Omschrijving", "Wie", "Datum", "Deadline", "Status"]
    layout.header_row(grid, titles, "Tabelkop")
    _loop_rows(grid, "{%tr for action in actions %}", "{%tr endfor %}")
    cells = grid.rows[2].cells
    fields = ["number", "subject", "description", "owner", "date", "deadline", "status"]
    for cell, name in zip(cells, fields):
        first(cell, "{{ action.%s }}" % name, "Actietekst")
    add(cells[2], "{%p if action.remarks %}")
    add(cells[2], "{{ action.remarks }}", "Actieopmerking")
    add(cells[2], "{%p endif %}")
    layout.keep_row_together(grid, 2)
    add(document, "{%p else %}")
    add(document, "Er staan geen acties open.", "Celtekst")
    add(document, "{%p endif %}")


def build_agenda_template(target: Path = AGENDA_TEMPLATE) -> Path:
    document = Document()
    _styles(document)
    _header_block(document, "Agenda {{ meeting.kind }}", [
        ("Voorzitter", "{{ meeting.chair }}"),
        ("Notulist", "{{ meeting.minute_taker }}"),
        ("Vergaderdatum en -tijd", "{{ meeting.date_time }}"),
        ("Locatie", "{{ meeting.location }}"),
        ("Genodigd", "{{ meeting.invited }}"),
    ])
    _agenda_table(document)
    add(document, "{{ total }}", "Totaal")
    add(document, "{%p if overrun %}")
    add(document, "{{ overrun }}", "Waarschuwing")
    add(document, "{%p endif %}")
    add(document, "Openstaande acties {{ meeting.kind }}", "Actiekop")
    _actions_table(document)
    layout.page_number_footer(document, "Agenda {{ meeting.kind }} {{ meeting.date }}", "Voettekst")
    layout.fixed_properties(document, "Agenda")
    document.save(target)
    return target


def build_minutes_template(target: Path = MINUTES_TEMPLATE) -> Path:
    document = Document()
    _styles(document)
    _header_block(document, "Verslag {{ meeting.kind }}", [
        ("Voorzitter", "{{ meeting.chair }}"),
        ("Notulist", "{{ meeting.minute_taker }}"),
        ("Vergaderdatum en -tijd", "{{ meeting.date_time }}"),
        ("Locatie", "{{ meeting.location }}"),
        ("Genodigd", "{{ meeting.invited }}"),
        ("Aanwezig", "…"),
        ("Afwezig", "…"),
    ])
    add(document, "{%p for item in items %}")
    add(document, "{%p if item.is_sub %}")
    add(document, "{{ item.number }} {{ item.title }}", "Heading 3")
    add(document, "{%p else %}")
    add(document, "{{ item.number }}. {{ item.title }}", "Heading 2")
    add(document, "{%p endif %}")
    add(document, "{%p if item.note %}")
    add(document, "{{ item.note }}", "Toelichting")
    add(document, "{%p endif %}")
    add(document, "…", "Invulruimte")
    add(document, "{%p endfor %}")
    add(document, "Actielijst {{ meeting.kind }}", "Actiekop")
    _actions_table(document)
    layout.page_number_footer(document, "Verslag {{ meeting.kind }} {{ meeting.date }}", "Voettekst")
    layout.fixed_properties(document, "Verslag")
    document.save(target)
    return target


def main(argv: list[str] | None = None) -> int:
    TEMPLATES.mkdir(parents=True, exist_ok=True)
    for built in (build_agenda_template(), build_minutes_template()):
        print(f"built {built}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
