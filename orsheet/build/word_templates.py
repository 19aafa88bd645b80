"""Build the Word templates in ``orsheet/templates`` reproducibly.

Run ``python -m orsheet.build.word_templates`` after changing the layout
here. The .docx files are ordinary Word documents with docxtpl tags
(``{{ item.title }}``, ``{%tr for item in items %}``) and named styles
("Agendapunt", "Toelichting", ...): a secretary may restyle them in Word; the
contract test checks that the tags still match what the context builders give.
"""

from __future__ import annotations

import io
import sys
from datetime import datetime
from pathlib import Path

from docx import Document
from docx.enum.section import WD_SECTION

from orsheet.documents import docx_layout as layout
from orsheet.documents.docx_layout import DARK_BLUE, GREY, RED, add, first
from orsheet.documents.render import AGENDA_TEMPLATE, MINUTES_TEMPLATE, TEMPLATES
from orsheet.ooxml.opc import OpcPackage


# Portrait, 17 cm: Tijd | Omschrijving | Wie | Doel ("Ter besluitvorming" on one line at 10 pt).
AGENDA_WIDTHS = [1.8, 8.4, 3.0, 3.8]
HEADER_WIDTHS = [4.8, 12.2]  # "Vergaderdatum en -tijd" on one line
# Landscape, 25.7 cm: the council's own action list columns. Sized for Arial at
# 8.5 pt (9 pt bold headers) plus cell padding: Nr holds five digits, a date
# "20-01-2022" never wraps, "Verantwoordelijke" and "Overlegvergadering" fit whole.
ACTION_COLUMNS = [
    ("Nr", "number", 1.3),
    ("Onderwerp", "subject", 3.2),
    ("Omschrijving", "description", 5.0),
    ("Verantwoordelijke", "owner", 3.3),
    ("Overleg", "meeting", 3.0),
    ("Datum", "date", 2.1),
    ("Deadline", "deadline", 2.1),
    ("Status", "status", 2.3),
    ("Opmerkingen", "remarks", 3.3),
]
ACTION_WIDTHS = [width for _, _, width in ACTION_COLUMNS]
MEETING_FIELDS = [  # the header block of both documents: label, value
    ("Voorzitter", "{{ meeting.chair }}"),
    ("Notulist", "{{ meeting.minute_taker }}"),
    ("Vergaderdatum en -tijd", "{{ meeting.date_time }}"),
    ("Locatie", "{{ meeting.location }}"),
    ("Genodigd", "{{ meeting.invited }}"),
]
BUILT = datetime(2023, 1, 1)  # fixed, so a rebuilt template differs only where its layout does


def _styles(document) -> None:
    layout.apply_house_style(document)
    add_style = layout.paragraph_style
    add_style(document, "Organisatie", 9, color=GREY, after=0, keep_with_next=True)
    add_style(document, "Documenttitel", 20, bold=True, color=DARK_BLUE, after=8, keep_with_next=True)
    add_style(document, "Kopgegevens", 10, after=1)
    add_style(document, "Tabelkop", 9, bold=True, color=layout.WHITE, before=2, after=2)
    add_style(document, "Tijd", 10, bold=True, before=3, after=0)
    add_style(document, "Duur", 8.5, color=GREY, after=3)
    add_style(document, "Agendapunt", 10, bold=True, before=3, after=1, indent=0.8, hanging=0.8)
    add_style(document, "Subpunt", 10, before=3, after=1, indent=1.6, hanging=0.8)
    add_style(document, "Toelichting", 9, italic=True, color=GREY, after=3, indent=0.8)
    add_style(document, "Toelichting subpunt", 9, italic=True, color=GREY, after=3, indent=1.6)
    add_style(document, "Celtekst", 10, before=3, after=3)
    add_style(document, "Totaal", 9.5, color=GREY, before=6, after=2, keep_with_next=True)
    add_style(document, "Waarschuwing", 10, bold=True, color=RED, before=4, after=4)
    add_style(document, "Actiekop", 13, bold=True, color=DARK_BLUE, before=0, after=6, keep_with_next=True)
    add_style(document, "Actietekst", 8.5, before=2, after=2)
    add_style(document, "Voettekst", 8, color=GREY)
    add_style(document, "Invulruimte", 10, color=GREY, after=8)


def _header_block(document, title: str, fields: list[tuple[str, str]]) -> None:
    add(document, "{{ organisation }}", "Organisatie")
    add(document, title, "Documenttitel")
    grid = layout.table(document, HEADER_WIDTHS, len(fields), rules=False)
    for row, (label, value) in zip(grid.rows, fields):
        first(row.cells[0], label, "Kopgegevens")
        first(row.cells[1], ": " + value, "Kopgegevens")
    add(document)


def _loop_rows(grid, loop: str, end: str) -> None:
    """Row 1 and row 3 of ``grid`` carry docxtpl's row-loop tags (they vanish when rendered)."""
    first(grid.rows[1].cells[0], loop)
    first(grid.rows[3].cells[0], end)


Paragraphs = list[tuple[str, str | None]]  # (text, style); docxtpl's {%p ... %} tag paragraphs vanish


def _only_if(condition: str, text: str, style: str) -> Paragraphs:
    """One paragraph that docxtpl keeps only when ``condition`` holds."""
    return [("{%p if " + condition + " %}", None), (text, style), ("{%p endif %}", None)]


def _note(style: str) -> Paragraphs:
    return _only_if("item.note", "{{ item.note }}", style)


def _sub_or_main(sub: Paragraphs, main: Paragraphs) -> Paragraphs:
    """The ``sub`` paragraphs for a subitem (``item.is_sub``), else the ``main`` ones."""
    return [("{%p if item.is_sub %}", None), *sub, ("{%p else %}", None), *main, ("{%p endif %}", None)]


def _write(container, paragraphs: Paragraphs, *, in_cell: bool = False) -> None:
    """Add the paragraphs; in a table cell the first fills the paragraph every cell already has."""
    for index, (text, style) in enumerate(paragraphs):
        (first if in_cell and index == 0 else add)(container, text, style)


def _agenda_table(document) -> None:
    grid = layout.table(document, AGENDA_WIDTHS, 4)
    layout.header_row(grid, ["Tijd", "Omschrijving", "Wie", "Doel"], "Tabelkop")
    _loop_rows(grid, "{%tr for item in items %}", "{%tr endfor %}")
    time_cell, text_cell, who_cell, purpose_cell = grid.rows[2].cells
    _write(time_cell, [("{{ item.start }}", "Tijd"), *_only_if("item.duration", "{{ item.duration }}", "Duur")],
           in_cell=True)
    title = "{{ item.number }}\t{{ item.title }}"
    _write(text_cell, _sub_or_main([(title, "Subpunt"), *_note("Toelichting subpunt")],
                                   [(title, "Agendapunt"), *_note("Toelichting")]), in_cell=True)
    first(who_cell, "{{ item.who }}", "Celtekst")
    first(purpose_cell, "{{ item.purpose }}", "Celtekst")
    layout.keep_row_together(grid, 2)


def _actions_table(document, heading: str) -> None:
    """The open actions in a landscape section of their own, with the council's nine columns."""
    section = document.add_section(WD_SECTION.NEW_PAGE)
    layout.page(section, landscape=True)
    add(document, heading, "Actiekop")
    add(document, "{%p if actions %}")
    grid = layout.table(document, ACTION_WIDTHS, 4)
    layout.header_row(grid, [title for title, _, _ in ACTION_COLUMNS], "Tabelkop")
    _loop_rows(grid, "{%tr for action in actions %}", "{%tr endfor %}")
    for cell, (_, name, _) in zip(grid.rows[2].cells, ACTION_COLUMNS):
        first(cell, "{{ action.%s }}" % name, "Actietekst")
    layout.keep_row_together(grid, 2)
    add(document, "{%p else %}")
    add(document, "Er staan geen acties open.", "Celtekst")
    add(document, "{%p endif %}")


def build_agenda_template(target: Path = AGENDA_TEMPLATE) -> Path:
    document = Document()
    _styles(document)
    _header_block(document, "Agenda {{ meeting.kind }}", MEETING_FIELDS)
    _agenda_table(document)
    _write(document, [("{{ total }}", "Totaal"), *_only_if("overrun", "{{ overrun }}", "Waarschuwing")])
    _actions_table(document, "Openstaande acties {{ meeting.kind }}")
    layout.page_number_footer(document, "Agenda {{ meeting.kind }} {{ meeting.date }}", "Voettekst")
    layout.set_properties(document, "Agenda", "Ondernemingsraad", BUILT)
    _save(document, target)
    return target


def build_minutes_template(target: Path = MINUTES_TEMPLATE) -> Path:
    document = Document()
    _styles(document)
    _header_block(document, "Verslag {{ meeting.kind }}", [*MEETING_FIELDS, ("Aanwezig", "…"), ("Afwezig", "…")])
    _write(document, [
        ("{%p for item in items %}", None),
        *_sub_or_main([("{{ item.number }} {{ item.title }}", "Heading 3")],
                      [("{{ item.number }}. {{ item.title }}", "Heading 2")]),
        *_note("Toelichting"),
        ("…", "Invulruimte"),
        ("{%p endfor %}", None),
    ])
    _actions_table(document, "Actielijst {{ meeting.kind }}")
    layout.page_number_footer(document, "Verslag {{ meeting.kind }} {{ meeting.date }}", "Voettekst")
    layout.set_properties(document, "Verslag", "Ondernemingsraad", BUILT)
    _save(document, target)
    return target


def _save(document, target: Path) -> None:
    """Save with fixed zip times and order (python-docx stamps each entry with the clock)."""
    buffer = io.BytesIO()
    document.save(buffer)
    target.write_bytes(OpcPackage(buffer.getvalue()).to_bytes())


def main(argv: list[str] | None = None) -> int:
    TEMPLATES.mkdir(parents=True, exist_ok=True)
    for built in (build_agenda_template(), build_minutes_template()):
        print(f"built {built}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
