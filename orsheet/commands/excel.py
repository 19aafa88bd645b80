"""CLI command for Excel: setup-excel."""

from __future__ import annotations

from pathlib import Path

import click

from orsheet.commands._common import json_option, run_command, workbook_argument


@click.command("setup-excel")
@workbook_argument
@click.option("--interpreter", help="Python that Excel should run (default: this Python; pythonw.exe on Windows).")
@click.option("--platform", type=click.Choice(["win", "mac"]), help="Which Excel to set up (default: this computer's).")
@click.option("--pythonpath", help="Extra folder(s) for Python to import orsheet from (not needed after pip install).")
@json_option
def setup_excel(path: Path, interpreter: str | None, platform: str | None, pythonpath: str | None, as_json: bool) -> None:
    """Point the workbook's xlwings.conf sheet at this Python, so its buttons work."""

    def work():
        from orsheet.excel.setup import setup_excel as setup

        return setup(path, platform=platform, interpreter=interpreter, pythonpath=pythonpath)

    run_command(as_json, work, lambda result: click.echo(result.summary()))
