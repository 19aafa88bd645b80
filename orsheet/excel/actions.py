"""The actions a secretary starts from Excel: one button and one ribbon entry each.

One list feeds the buttons on ``Start``, the ribbon and the tests that check
both against the VBA in ``macros/Orsheet.bas`` and the functions in
:mod:`orsheet.macros`.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ExcelAction:
    macro: str  # the public Sub in Orsheet.bas
    label: str  # Dutch caption on the button and in the ribbon
    group: str  # ribbon group label
    image: str  # built-in Office icon (imageMso)
    screentip: str

    @property
    def ribbon_callback(self) -> str:
        return f"Ribbon_{self.macro}"


ACTIONS: tuple[ExcelAction, ...] = (
    ExcelAction("AgendaMaken", "Agenda maken", "Vergaderen", "FileNew",
                "Agenda van de geselecteerde of de eerstvolgende vergadering maken"),
    ExcelAction("NotulenVerwerken", "Notulen verwerken", "Vergaderen", "FileOpen",
                "Acties en besluiten uit de notulen overnemen"),
    ExcelAction("VoorstelToepassen", "Voorstel toepassen", "Vergaderen", "AcceptInvitation",
                "De regels van het blad Voorstel met Toepassen = ja verwerken"),
    ExcelAction("JaarplanningMaken", "Jaarplanning maken", "Vergaderen", "TableInsert",
                "De vergaderplanning voor het jaar maken"),
    ExcelAction("ActiesNummeren", "Acties nummeren", "Acties", "SortAscendingExcel",
                "Elke actie zonder nummer het volgende nummer geven"),
    ExcelAction("AfgerondeActiesSluiten", "Afgeronde acties sluiten", "Acties", "ReviewAcceptChange",
                "Afgeronde acties naar het Archief verplaatsen"),
    ExcelAction("OverzichtBijwerken", "Overzicht bijwerken", "Acties", "RefreshAll",
                "Het blad Overzicht bijwerken: open acties per persoon, te laat eerst"),
    ExcelAction("WooExport", "Woo-export", "Openbaarheid", "ExportExcel",
                "Besluiten en documenten voor openbaarmaking (Woo) exporteren"),
)
