"""The language rule of docs/cli.md is kept: JSON keys are English, never a Dutch sheet header.

The known exceptions (listed in docs/cli.md: the minutes plan, still to be renamed) are allowed
only there; any other Dutch key fails this test.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from orsheet import schema
from orsheet.cli import main
from tests.test_docs import make_demo_workbook

DUTCH_KEYS = {  # a lower-cased sheet header or setting name, written as a key
    "_".join(header.casefold().split()) for spec in schema.SHEETS for header in spec.headers
} | {"nr", "deadline_datum", "dagen_te_laat", "afgerond_op", "besluit", "bron", "wie", "doel", "toelichting", "soort",
       "locatie"}
KNOWN_EXCEPTIONS = {"nr", "onderwerp", "besluit", "overleg", "datum", "bron"}  # orsheet minutes: plan_json
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
    ],
    ids=lambda args: args[0],
)
def test_json_keys_are_english_except_the_listed_ones(args, workbook: Path, tmp_path: Path):
    copy = tmp_path / "or.xlsm"
    shutil.copyfile(workbook, copy)
    result = CliRunner().invoke(main, [a.format(wb=copy) for a in args] + ["--json"])
    assert result.exit_code == 0, result.output
    dutch = keys(json.loads(result.output)) & DUTCH_KEYS - ENGLISH_ALREADY
    assert dutch <= KNOWN_EXCEPTIONS, f"new Dutch JSON keys: {sorted(dutch - KNOWN_EXCEPTIONS)}"


def test_the_year_plan_follows_the_rule_without_exceptions(workbook: Path, tmp_path: Path):
    copy = tmp_path / "or.xlsm"
    shutil.copyfile(workbook, copy)
    result = CliRunner().invoke(main, ["schedule", str(copy), "--year", "2024", "--json"])
    assert keys(json.loads(result.output)) & DUTCH_KEYS - ENGLISH_ALREADY == set()
