"""Test support for the agenda tests: a workbook filled the way a secretary fills it,
and the text of a generated .docx in reading order (for golden files).

The four council meetings of September/October 2023 (``shared/cases/agendas.json``)
are typed into the template's sheets here as a user would: one row per meeting
in Vergaderingen, only the meeting's own items in Agendapunten (the standard
opening and closing items come from the template's Standaardpunten), and the
action list in Acties.
"""

from __future__ import annotations

import shutil
from datetime import date, time
from pathlib import Path

from docx import Document

from orsheet.template_file import template_path
from orsheet.workbook.base import AppendRows
from orsheet.workbook.file import FileBackend

from tests.support.seeds import load_case
GOLDEN = Path(__file__).resolve().parent / "golden" / "agenda"

NAME = "5.1.2e"  # the redacted names of the published documents
ROOM = "Vergaderruimte 6.2.02"

MEETINGS = [
    {"Datum": date(2023, 9, 14), "Soort": "OR-vergadering", "Begin": time(10), "Einde": time(11, 30),
     "Locatie": ROOM, "Voorzitter": NAME, "Notulist": NAME, "Genodigd": "OR"},
    {"Datum": date(2023, 9, 28), "Soort": "OR-vergadering", "Begin": "10:00", "Einde": "11:30",
     "Locatie": ROOM, "Voorzitter": NAME, "Notulist": NAME, "Genodigd": "OR"},
    {"Datum": "12-10-2023", "Soort": "OR-vergadering", "Begin": time(10), "Einde": time(11, 30),
     "Locatie": ROOM, "Voorzitter": NAME, "Notulist": NAME, "Genodigd": "OR"},
    {"Datum": date(2023, 10, 26), "Soort": "OR-vergadering", "Begin": time(10), "Einde": time(11, 30),
     "Locatie": ROOM, "Voorzitter": NAME, "Notulist": NAME, "Genodigd": "OR"},
]


def _item(day, nr, title, minutes=None, who="", purpose="", note=""):
    return {"Vergadering": day, "Nr": nr, "Onderwerp": title, "Minuten": minutes, "Wie": who,
            "Doel": purpose, "Toelichting": note}


D1, D2, D3, D4 = date(2023, 9, 14), date(2023, 9, 28), date(2023, 10, 12), date(2023, 10, 26)
AGENDA_ITEMS = [
    _item(D1, 5, "Gesprek met staatssecretaris", 15, "Allen", "Ter bespreking",
          "Invulling geven aan de onderwerpen die aan bod komen in het gesprek met de staatssecretaris."),
    _item(D1, 6, "Voorbereiden Overlegvergadering"),
    _item(D1, "6.1", "Organisatie en Besturing", 30, "Allen", "Ter vaststelling",
          "Inventariseren van de vragen bij het conceptvoorstel O&B en onderzoeken op welke manier de OR "
          "het adviestraject kan en wil insteken."),
    _item(D1, "6.2", "Medewerkertevredenheidsonderzoek", 15, "Allen", "Ter bespreking",
          "De OR bespreekt de reactie van de bestuurder op het verzoek om inzage te krijgen in alle resultaten van het MTO."),
    _item(D1, "6.3", "Signalen vanuit de organisatie", "10", "Allen", "Ter bespreking",
          "De OR bespreekt welke signalen de OR in de OV onder de aandacht van de bestuurder wil brengen."),
    # 28 September: item 3 gets a longer title for this meeting; its minutes stay the standard 15.
    _item(D2, 3, "Actualiteit en ingekomen stukken - Terugkoppeling gesprek met staatssecretaris"),
    _item(D2, 5, "Vervolgacties vanuit OR-scholing", 30, "Allen", "Ter besluitvorming",
          "Bepalen welke afspraken en acties vanuit de OR-scholing nader uitgewerkt/ingepland moeten worden. "
          "De focus ligt op acties rondom O&B."),
    _item(D2, 6, "Portefeuilleverdeling binnen directie", 15, "Oliver", "Ter informatie",
          "Olivier de Bruijne sluit aan bij de OR-vergadering om de portefeuilleverdeling aan de OR toe te lichten."),
    _item(D2, 7, "Bewust Belonen", "20 m", "Allen", "Ter bespreking",
          "De OR heeft ter informatie een overzicht ontvangen van de uitgekeerde bewuste beloningen en de wijze "
          "waarop het IMG inkleuring geeft aan de Rijksbrede kaders Bewust belonen."),
    # 12 October: the sub-items typed before their parent row.
    _item(D3, "5.1", "Organisatie en besturing", 20, "Allen", "Ter besluitvorming",
          "Bepalen welke aandachtspunten de OR mee wil geven aan de bestuurder in het kader van O&B."),
    _item(D3, "5.2", "Kabinetsbesluiten", 10, "Allen", "Ter bespreking",
          "Inventariseren van vragen rondom de gepresenteerde kabinetsbesluiten."),
    _item(D3, "5.3", "Evaluatie Sturingsinformatie (ovb)", 15, "Allen", "Ter besluitvorming",
          "Een standpunt innemen ten aanzien van de brief van de bestuurder betreffende de sturingsinformatie."),
    _item(D3, "5.4", "Signalen vanuit de organisatie", 10, "Allen", "Ter bespreking",
          "De OR bespreekt welke signalen de OR in de OV onder de aandacht van de bestuurder wil brengen."),
    _item(D3, 5, "Voorbereiding Overlegvergadering"),
    # 26 October: less time for item 3.
    _item(D4, 3, "Actualiteit en ingekomen stukken", 10),
    _item(D4, 5, "Terugkoppeling vanuit commissies/werkgroepen - arbocommissie - werkgroep personeelszaken - "
                 "werkgroep communicatie - werkgroep duurzaamheid - werkgroep O&B", 20, "Allen", "Ter informatie"),
    _item(D4, 6, "Evaluatie Sturingsinformatie", 10, "Allen", "Ter vaststelling",
          "De bestuurder heeft een nadere toelichting gevraagd bij de brief van de OR over de sturingsinformatie. "
          "De OR verduidelijkt zijn standpunt wanneer sturingsinformatie gebruikt kan worden."),
    _item(D4, 7, "Organisatie & Besturing", 10, "Allen", "Ter bespreking", "Bespreking van de laatste stand van zaken."),
    _item(D4, 8, "Voorstel voor professionalisering OR", 20, "Allen", "Ter bespreking",
          "Het DB legt een voorstel voor om als OR nog effectiever te kunnen functioneren en vergaderen."),
]


def load_cases(name: str) -> dict:
    return load_case(name)


def action_rows() -> list[dict]:
    """The OR action list as of 26 October 2023 plus the OV list of 14 September, as typed."""
    lists = load_cases("actielijsten.json")
    chosen = lists["or_lists"]["2023-10-26"] + lists["ov_lists"]["2023-09-14"]
    return [
        {"Nr": a["nr"], "Onderwerp": a["onderwerp"], "Omschrijving": a["omschrijving"],
         "Verantwoordelijke": a["verantwoordelijke"], "Overleg": a["overleg"],
         "Datum": date.fromisoformat(a["datum"]), "Deadline": a["deadline"] or None,
         "Status": a["status"] or None, "Opmerkingen": a["opmerkingen"] or None}
        for a in chosen
    ]


def filled_workbook(folder: Path, *, items: list[dict] | None = None) -> Path:
    """A copy of the template with the four meetings, their items and the action list."""
    path = folder / "or-2023.xlsm"
    shutil.copyfile(template_path(), path)
    FileBackend(path).write([
        AppendRows("Vergaderingen", MEETINGS),
        AppendRows("Agendapunten", AGENDA_ITEMS if items is None else items),
        AppendRows("Acties", action_rows()),
    ])
    return path


def _cell_text(cell) -> str:
    return " / ".join(p.text.strip() for p in cell.paragraphs if p.text.strip())


def docx_lines(path: Path) -> list[str]:
    """Body paragraphs and table rows (cells joined by " | ") in reading order."""
    document = Document(str(path))
    lines = []
    for block in document.iter_inner_content():
        if hasattr(block, "rows"):
            lines += [" | ".join(_cell_text(c) for c in row.cells).rstrip(" |") for row in block.rows]
        elif block.text.strip():
            lines.append(block.text.strip())
    return lines


def italic_texts(path: Path) -> list[str]:
    """Text of every paragraph shown in italics (by its style or its runs)."""
    document = Document(str(path))
    found = []
    for table in document.tables:
        for row in table.rows:
            for cell in row.cells:
                for paragraph in cell.paragraphs:
                    style_italic = paragraph.style.font.italic
                    runs = [r for r in paragraph.runs if r.text.strip()]
                    if runs and all(r.italic or (r.italic is None and style_italic) for r in runs):
                        found.append(paragraph.text.strip())
    return found
