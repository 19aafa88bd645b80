"""A realistic, invented works council for ``orsheet demo`` (no real names).

The shape follows the published OR documents: an OR meeting every two
weeks, an Overlegvergadering with the director, actions numbered from one
sequence shared by both, some finished, some new without a number.
"""

from __future__ import annotations

from datetime import date, time

from orsheet import schema

ORGANISATION = "Stichting Voorbeeldstad Zorg"

PEOPLE = (
    ("Anna de Wit", "Voorzitter OR", "nee", "a.dewit@voorbeeldstad.example"),
    ("Bram Jansen", "Secretaris OR", "nee", "b.jansen@voorbeeldstad.example"),
    ("Carla Mulder", "Lid OR", "nee", "c.mulder@voorbeeldstad.example"),
    ("Daan van Dijk", "Lid OR", "nee", "d.vandijk@voorbeeldstad.example"),
    ("Eva Bakker", "Ambtelijk secretaris", "nee", "e.bakker@voorbeeldstad.example"),
    ("Frank Visser", "Bestuurder", "ja", "f.visser@voorbeeldstad.example"),
)

MEETINGS = (
    (date(2023, 9, 14), "OR-vergadering", time(10, 0), time(11, 30), "Vergaderruimte 2.01", "Anna de Wit", "Eva Bakker", "OR"),
    (date(2023, 9, 14), "Overlegvergadering", time(14, 0), time(15, 30), "Vergaderruimte 2.01", "Frank Visser", "Eva Bakker", "OR, bestuurder"),
    (date(2023, 9, 28), "OR-vergadering", time(10, 0), time(11, 30), "Vergaderruimte 2.01", "Anna de Wit", "Eva Bakker", "OR"),
    (date(2023, 10, 12), "OR-vergadering", time(10, 0), time(11, 30), "Vergaderruimte 2.01", "Anna de Wit", "Eva Bakker", "OR"),
    (date(2023, 10, 12), "Informeel overleg", time(16, 0), time(16, 45), "Kamer bestuurder", "Anna de Wit", "", "DB, bestuurder"),
    (date(2023, 10, 26), "OR-vergadering", time(10, 0), time(11, 30), "Vergaderruimte 2.01", "Anna de Wit", "Eva Bakker", "OR"),
)

AGENDA_ITEMS = (
    (date(2023, 10, 26), "5", "Jaarplan OR 2024", 20, "Allen", "Ter besluitvorming", "De OR stelt de speerpunten voor 2024 vast."),
    (date(2023, 10, 26), "6", "Voorbereiden Overlegvergadering", None, "", "", ""),
    (date(2023, 10, 26), "6.1", "Reorganisatie afdeling Planning", 25, "Carla Mulder", "Ter bespreking", "Bespreken van de adviesaanvraag en de vragen aan de bestuurder."),
    (date(2023, 10, 26), "6.2", "Werkdruk en verzuim", 10, "Daan van Dijk", "Ter bespreking", ""),
)

# (Nr, Onderwerp, Omschrijving, Verantwoordelijke, Overleg, Datum, Deadline, Status, Opmerkingen)
ACTIONS = (
    (112, "OR-verkiezingen", "Niet gekozen kandidaten betrekken bij OR-werk", "Allen", "OR-vergadering", date(2022, 1, 20), "", "ON HOLD", ""),
    (187, "Thuiswerkbeleid", "Evaluatie thuiswerkregeling opvragen bij P&O", "Bram Jansen", "OR-vergadering", date(2023, 3, 9), "na de zomer", "in behandeling", "Herinnering gestuurd 1/9"),
    (201, "Jaarverslag", "Jaarverslag OR 2022 publiceren op intranet", "Eva Bakker", "OR-vergadering", date(2023, 6, 29), date(2023, 9, 30), "afgerond", ""),
    (203, "Werkdruk", "Cijfers verzuim per afdeling opvragen", "Frank Visser", "Overlegvergadering", date(2023, 9, 14), date(2023, 11, 1), "", ""),
    (204, "Scholing", "Datum prikken voor OR-scholing", "Carla Mulder", "OR-vergadering", date(2023, 9, 28), "eind okt", "", ""),
    (205, "Reorganisatie Planning", "Vragenlijst opstellen voor de adviesaanvraag", "Daan van Dijk", "OR-vergadering", date(2023, 10, 12), date(2023, 10, 20), "", ""),
    (None, "Communicatie", "Nieuwsbrief OR over de reorganisatie schrijven", "Bram Jansen", "OR-vergadering", date(2023, 10, 26), "begin november", "", ""),
    (None, "Werkdruk", "Bestuurder vragen om een plan van aanpak werkdruk", "Anna de Wit", "Overlegvergadering", date(2023, 10, 26), "", "", ""),
)

DECISIONS = (
    (1, date(2023, 9, 28), "OR-vergadering", "OR-scholing", "De OR besluit de scholing in november in te plannen.", "Notulen 28-09-2023"),
    (2, date(2023, 10, 12), "OR-vergadering", "Reorganisatie Planning", "De OR besluit een commissie in te stellen voor de adviesaanvraag.", "Notulen 12-10-2023"),
)

CLOSE_NUMBERS = (205,)  # closed by name in the demo; 201 closes through its status
CLOSE_DATE = date(2023, 10, 26)
DEMO_MEETING = date(2023, 10, 26)
PLAN_YEAR = 2024


def rows() -> dict[str, list[dict[str, object]]]:
    """Every demo row as {header: value}, per sheet."""

    def records(spec: schema.SheetSpec, data, headers=None):
        headers = headers or spec.headers
        return [dict(zip(headers, row)) for row in data]

    return {
        schema.PEOPLE.name: records(schema.PEOPLE, PEOPLE),
        schema.MEETINGS.name: records(schema.MEETINGS, MEETINGS),
        schema.AGENDA_ITEMS.name: records(schema.AGENDA_ITEMS, AGENDA_ITEMS),
        schema.ACTIONS.name: records(schema.ACTIONS, ACTIONS),
        schema.DECISIONS.name: records(schema.DECISIONS, DECISIONS),
    }
