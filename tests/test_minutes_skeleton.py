"""Round trip with the agenda feature: the minutes skeleton, filled in by the notulist, read back."""

from __future__ import annotations

from datetime import date

import pytest

from orsheet import records, schema
from orsheet.workbook.file import FileBackend
from tests.support.cli import run_json

agenda = pytest.importorskip("orsheet.services.agenda", reason="the agenda feature makes the skeleton")
support = pytest.importorskip("tests.agenda_support", reason="the agenda feature's filled workbook")

# What the notulist types under each item of the skeleton of 12 Oct 2023 (from the real minutes).
FILLED = {
    "3. Actualiteit en ingekomen stukken": [
        "De OR besluit op korte termijn een eigen Benen op Tafel overleg (BOT-overleg) te beleggen. "
        "De OR-leden willen in dit overleg ervaringen uitwisselen. (actie: 5.1.2e prikt hiervoor een datum)",
    ],
    "5.4 Signalen vanuit de organisatie": [
        "Het MT heeft een besluit genomen over een nieuw vlekkenplan. De OR zal dit opvragen bij de bestuurder. "
        "(actie: 5.1.2e)",
        "Een nieuw signaal gaat naar de OV. (woordvoerder: 5.1.2e)",
    ],
}


def fill_skeleton(path, done_number: int) -> None:
    """Replace the "…" under the items above, and mark one action afgerond in the list."""
    import docx

    document = docx.Document(str(path))
    heading = ""
    for paragraph in document.paragraphs:
        if paragraph.style.name.startswith("Heading"):
            heading = paragraph.text.strip()
        elif paragraph.text.strip() == "…" and heading in FILLED:
            paragraph.text = " ".join(FILLED[heading])
    table = document.tables[-1]
    header = [cell.text.strip() for cell in table.rows[0].cells]
    for row in table.rows[1:]:
        if row.cells[header.index("Nr")].text.strip() == str(done_number):
            row.cells[header.index("Status")].text = "afgerond"
    document.save(str(path))


def test_minutes_written_in_the_agenda_skeleton_are_read_back_into_the_workbook(tmp_path):
    workbook = support.filled_workbook(tmp_path)
    skeleton = agenda.generate_minutes_template(FileBackend(workbook), workbook, date(2023, 10, 12)).docx
    fill_skeleton(skeleton, done_number=332)
    code, data = run_json("minutes", workbook, skeleton, "--apply")  # the date comes from the skeleton
    assert code == 0, data
    assert data["meeting"] == "2023-10-12"
    assert [c["number"] for c in data["closures"]] == [332]
    assert [(a["owner"], a["subject"]) for a in data["new_actions"]] == [
        ("5.1.2e", "Actualiteit en ingekomen stukken"),
        ("5.1.2e", "Signalen vanuit de organisatie"),
    ]
    assert [d["text"][:40] for d in data["decisions"]] == ["De OR besluit op korte termijn een eigen"]
    archive = FileBackend(workbook).read([schema.ARCHIVE.name])[schema.ARCHIVE.name]
    assert [a.number for a in records.actions_from_table(archive)] == [332]
