"""The shared seed cases (../shared/cases) as test data."""

from __future__ import annotations

import csv
import json
import os
from datetime import date
from pathlib import Path

import pytest

def _shared_candidates():
    """Where ../shared may be: $ORSHEET_SHARED, beside the repository, or beside
    the main checkout when the tests run in a git worktree."""
    if os.environ.get("ORSHEET_SHARED"):
        yield Path(os.environ["ORSHEET_SHARED"])
    repo = Path(__file__).resolve().parents[2]
    yield repo.parent / "shared"
    dot_git = repo / ".git"
    if dot_git.is_file():  # "gitdir: <main>/.git/worktrees/<name>"
        git_dir = Path(dot_git.read_text().split(":", 1)[1].strip())
        yield git_dir.parents[2].parent / "shared"


SHARED = next((c for c in _shared_candidates() if (c / "cases").is_dir()), Path(__file__).resolve().parents[3] / "shared")
CASES = SHARED / "cases"
DOMAIN = SHARED / "domain"

CSV_HEADER = ["nr", "onderwerp", "omschrijving", "verantwoor", "Overleg", "datum", "deadline", "status", "opmerkingen"]


def load_case(name: str) -> dict:
    path = CASES / name
    if not path.is_file():
        pytest.skip(f"seed cases not found at {CASES} (the repository expects ../shared beside it)", allow_module_level=True)
    return json.loads(path.read_text(encoding="utf-8"))


def us_date(iso: str) -> str:
    """The published lists' Excel US-style m/d/yyyy."""
    if not iso:
        return ""
    day = date.fromisoformat(iso)
    return f"{day.month}/{day.day}/{day.year}"


def write_seed_csv(entries: list[dict], path: Path) -> Path:
    """An action list as the published tables show it: US dates, cut-off header."""
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle, delimiter=";")
        writer.writerow(CSV_HEADER)
        for e in entries:
            writer.writerow(
                [e["nr"], e["onderwerp"], e["omschrijving"], e["verantwoordelijke"], e["overleg"],
                 us_date(e["datum"]), us_date(e["deadline"]) if e["deadline"][:2].isdigit() else e["deadline"],
                 e["status"], e["opmerkingen"]]
            )
    return path
