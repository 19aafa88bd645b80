"""The inventory list (inventarislijst) of a Woo publication: .xlsx and .csv."""

from __future__ import annotations

import csv
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from orsheet.documents.woo_lists import ListDocument, Section, display, write_list_xlsx
from orsheet.documents.woo_redact import neutralise_formula
from orsheet.redact import CODE_LABELS, CODE_REASONS, CODES

@dataclass
class InventoryEntry:
    """One line of the inventory list (inventarislijst)."""

    document: str
    document_date: date | None
    files: list[str]
    counts: Counter = field(default_factory=Counter)

    @property
    def assessment(self) -> str:
        return "Deels openbaar" if sum(self.counts.values()) else "Openbaar"

    @property
    def what(self) -> str:
        return ", ".join(f"{CODE_LABELS[c]} ({self.counts[c]}x)" for c in CODES if self.counts[c]) or "niets"

    @property
    def why(self) -> str:
        return "; ".join(CODE_REASONS[c] for c in CODES if self.counts[c])


INVENTORY_HEADERS = ("Nr", "Document", "Datum", "Bestanden", "Beoordeling", "Gelakt", "Grond",
                     *(f"Aantal {c}" for c in CODES))


def inventory_rows(entries: Sequence[InventoryEntry]) -> list[list[Any]]:
    return [
        [n, e.document, e.document_date, ", ".join(e.files), e.assessment, e.what, e.why,
         *(e.counts[c] for c in CODES)]
        for n, e in enumerate(entries, start=1)
    ]


def write_inventory(entries: Sequence[InventoryEntry], folder: Path, organisation: str) -> list[Path]:
    """inventarislijst.xlsx and inventarislijst.csv (semicolons, for Dutch Excel)."""
    rows = inventory_rows(entries)
    xlsx = folder / "inventarislijst.xlsx"
    document = ListDocument("Inventarislijst", "inventarislijst", [Section("Inventarislijst", INVENTORY_HEADERS, rows)])
    write_list_xlsx(document, xlsx, organisation)
    path = folder / "inventarislijst.csv"
    with path.open("w", newline="", encoding="utf-8-sig") as handle:
        writer = csv.writer(handle, delimiter=";")
        writer.writerow(INVENTORY_HEADERS)
        writer.writerows([neutralise_formula(display(v)) for v in row] for row in rows)
    return [xlsx, path]
