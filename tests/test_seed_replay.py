"""Replay the real action lists of autumn 2023 (../shared/cases) through the CLI."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from orsheet import schema
from orsheet.workbook.base import AppendRows
from orsheet.workbook.file import FileBackend
from tests.support.cli import run_json
from tests.support.seeds import load_case, write_seed_csv

LISTS = load_case("actielijsten.json")["or_lists"]
TRANSITIONS = load_case("overgangen.json")


def numbers_of(entries) -> list[int]:
    return sorted(e["nr"] for e in entries)


def add_typed_actions(path: Path, count: int, meeting: str, kind: str = "OR-vergadering", numbers=None) -> None:
    """Rows as the secretary types them: no number unless given."""
    day = date.fromisoformat(meeting)
    rows = [
        {schema.NR: numbers[i] if numbers else None, schema.ONDERWERP: f"Nieuw punt {i + 1}",
         schema.OMSCHRIJVING: "uit de vergadering", schema.OVERLEG: kind, schema.DATUM: day}
        for i in range(count)
    ]
    FileBackend(path).write([AppendRows(schema.ACTIONS.name, rows)])


def open_or_numbers(path: Path) -> list[int]:
    code, listing = run_json("actions", path, "--open", "--overleg", "OR-vergadering")
    assert code == 0
    return sorted(a["number"] for a in listing["actions"])


def replay(path: Path, meeting: str) -> None:
    """One meeting: close what the minutes closed, add what it added, number."""
    step = TRANSITIONS[meeting]
    previous_highest = max([e["nr"] for e in LISTS[step["previous_list"]]] + [0])
    code, _ = run_json("close", path, "--numbers", ",".join(map(str, step["closed"])), "--date", meeting)
    assert code == 0
    # Numbers between the OR list's last number and its first new one went to the OV list.
    code, state = run_json("actions", path)
    highest = max(a["number"] for a in state["actions"])
    ov_numbers = list(range(max(highest, previous_highest) + 1, min(step["new_numbers"])))
    if ov_numbers:
        add_typed_actions(path, len(ov_numbers), meeting, kind="Overlegvergadering", numbers=ov_numbers)
    add_typed_actions(path, len(step["new_numbers"]), meeting)
    code, numbered = run_json("number", path)
    assert code == 0
    assert [n["number"] for n in numbered["numbered"]] == step["new_numbers"]


@pytest.fixture
def imported(tmp_path) -> Path:
    path = tmp_path / "or.xlsm"
    assert run_json("new", path)[0] == 0
    source = write_seed_csv(LISTS["2023-09-28"], tmp_path / "actielijst 28-09-2023.csv")
    code, result = run_json("import-actions", path, source)
    assert code == 0, result
    return path


def test_importing_the_published_list_keeps_numbers_us_dates_and_free_text_deadlines(imported):
    code, listing = run_json("actions", imported)
    by_number = {a["number"]: a for a in listing["actions"]}
    assert sorted(by_number) == numbers_of(LISTS["2023-09-28"])
    assert by_number[133]["date"] == "2022-01-23"
    assert by_number[339]["deadline"] == "eind okt"
    assert by_number[338]["deadline"] == "2023-10-09"


def test_the_list_of_12_october_follows_from_closing_and_numbering(imported):
    replay(imported, "2023-10-12")
    assert open_or_numbers(imported) == numbers_of(LISTS["2023-10-12"])


def test_the_list_of_26_october_skips_the_numbers_used_on_the_ov_list(imported):
    replay(imported, "2023-10-12")
    replay(imported, "2023-10-26")
    assert open_or_numbers(imported) == numbers_of(LISTS["2023-10-26"])
    code, archived = run_json("actions", imported)
    closed = {a["number"]: a["closed_on"] for a in archived["actions"] if a["closed_on"]}
    assert closed[325] == "2023-10-12" and closed[345] == "2023-10-26"
