"""The language rule of docs/cli.md is kept: JSON keys are English, never a Dutch sheet header.

There are no exceptions: any Dutch key in any command's JSON fails this test.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from orsheet import schema
from orsheet.cli import main
from tests.minutes_support import DATA, file_workbook
from tests.test_docs import make_demo_workbook

DUTCH_KEYS = {  # a lower-cased sheet header or setting name, written as a key
    "_".join(header.casefold().split()) for spec in schema.SHEETS for header in spec.headers
} | {"nr", "deadline_datum", "dagen_te_laat", "afgerond_op", "besluit", "bron", "wie", "doel", "toelichting", "soort",
       "locatie"}
ENGLISH_ALREADY = {"deadline", "status", "begin"}  # the same word in both languages


def keys(value) -> set[str]:
    if isinstance(value, dict):
        return set(value) | {k for v in value.values() for k in keys(v)}
    if isinstance(value, list):
        return {k for v in value for k in keys(v)}
    return set()


@pytest.fixture(scope="module")
def workbook(tmp_path_factory) -> Path:
    return make_demo_workbook(tmp_path_factory.mktemp("json") / "or.xlsm")


@pytest.mark.parametrize(
    "args",
    [
        ["actions", "{wb}"],
        ["number", "{wb}"],
        ["check", "{wb}"],
        ["agenda", "{wb}", "--meeting", "2023-10-26", "--no-pdf"],
        ["schedule", "{wb}", "--year", "2024"],
        ["overview", "{wb}", "--today", "2023-11-06"],
        ["close", "{wb}", "--numbers", "203", "--date", "2023-11-06"],
        ["minutes-template", "{wb}", "--meeting", "2023-10-26"],
        ["woo-export", "{wb}", "--out", "{tmp}/woo", "--no-pdf"],
        ["new", "{tmp}/nieuw.xlsm"],
    ],
    ids=lambda args: args[0],
)
def test_json_keys_are_english(args, workbook: Path, tmp_path: Path):
    copy = tmp_path / "or.xlsm"
    shutil.copyfile(workbook, copy)
    result = CliRunner().invoke(main, [a.format(wb=copy, tmp=tmp_path) for a in args] + ["--json"])
    assert result.exit_code == 0, result.output
    dutch = keys(json.loads(result.output)) & DUTCH_KEYS - ENGLISH_ALREADY
    assert dutch == set(), f"Dutch JSON keys: {sorted(dutch)}"


def test_the_minutes_plan_has_english_keys_for_closures_and_decisions(tmp_path: Path):
    path = file_workbook(tmp_path, "2023-09-28")
    minutes = DATA / "notulen-2023-10-12.txt"
    result = CliRunner().invoke(main, ["minutes", str(path), str(minutes), "--meeting", "2023-10-12", "--json"])
    assert result.exit_code == 0, result.output
    plan = json.loads(result.output)
    assert plan["closures"] and plan["decisions"] and plan["new_actions"]
    assert set(plan["decisions"][0]) == {"number", "subject", "text", "meeting_kind", "date", "source", "confidence", "reason"}
    assert {"number", "sentence", "current"} <= set(plan["closures"][0])
    assert keys(plan) & DUTCH_KEYS - ENGLISH_ALREADY == set()


def test_the_year_plan_follows_the_rule_without_exceptions(workbook: Path, tmp_path: Path):
    copy = tmp_path / "or.xlsm"
    shutil.copyfile(workbook, copy)
    result = CliRunner().invoke(main, ["schedule", str(copy), "--year", "2024", "--json"])
    assert keys(json.loads(result.output)) & DUTCH_KEYS - ENGLISH_ALREADY == set()
