"""Run the orsheet CLI in-process, as a user would type it."""

from __future__ import annotations

import json

from click.testing import CliRunner

from orsheet.cli import main


def run(*args: str):
    result = CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False)
    return result


def run_json(*args: str) -> tuple[int, dict]:
    result = run(*args, "--json")
    return result.exit_code, json.loads(result.output)
