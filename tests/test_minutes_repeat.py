"""Minutes applied once, then again with --include-possible: what the first run left (the *mogelijk* proposals)
is offered and applied, what it wrote is not written twice."""

from __future__ import annotations

from pathlib import Path

from orsheet import schema
from orsheet.workbook.file import FileBackend
from tests.support.cli import run

MINUTES = """Notulen OR-vergadering 9 november 2023
Aanwezig: Bram Jansen, Carla Mulder, Daan van Dijk, Eva Bakker, Frank Visser

2. Actielijst
Actie 204 is afgerond: de scholing staat op 14 december.
De nieuwsbrief over de reorganisatie is verstuurd.

3. Werkdruk
De OR besluit in te stemmen met de nieuwe roosterregeling.
Carla zal de bestuurder vragen om een gesprek voor 1 december.
Daan en Eva stellen samen een reactie op (actie: Daan van Dijk, Eva Bakker).
"""


def sheet_rows(path: Path, sheet: str) -> list[dict]:
    return [row.values for row in FileBackend(path).read([sheet])[sheet].rows]


def test_a_second_run_with_include_possible_applies_what_the_first_left_and_nothing_twice(demo, tmp_path):
    minutes = tmp_path / "notulen.txt"
    minutes.write_text(MINUTES, encoding="utf-8")
    first = run("minutes", demo, minutes, "--apply")
    assert first.exit_code == 0, first.output
    descriptions = [r[schema.OMSCHRIJVING] for r in sheet_rows(demo, schema.ACTIONS.name)]
    assert "Daan en Eva stellen samen een reactie op." in descriptions
    assert not any("Carla zal" in d for d in descriptions)  # mogelijk: not applied without the option
    decisions = len(sheet_rows(demo, schema.DECISIONS.name))

    second = run("minutes", demo, minutes, "--apply", "--include-possible")
    assert second.exit_code == 0, second.output
    actions = sheet_rows(demo, schema.ACTIONS.name)
    descriptions = [r[schema.OMSCHRIJVING] for r in actions]
    assert descriptions.count("Daan en Eva stellen samen een reactie op.") == 1
    assert sum("Carla zal de bestuurder vragen" in d for d in descriptions) == 1
    assert 206 not in [r[schema.NR] for r in actions]  # the newsletter reported sent: closed now
    assert len(sheet_rows(demo, schema.DECISIONS.name)) == decisions  # the decision is not recorded twice
