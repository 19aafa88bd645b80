"""CLI command ``orsheet lite-code``: main.py and requirements.txt for xlwings Lite."""

from __future__ import annotations

from pathlib import Path

import click

from orsheet.commands._common import json_option, run_command


@click.command("lite-code")
@click.argument("folder", type=click.Path(file_okay=False, path_type=Path), default=".")
@click.option("--wheel", metavar="URL", help="URL of the orsheet wheel the add-in installs (required: orsheet is not on PyPI; "
              "build it with `python -m build --wheel`).")
@click.option("--force", is_flag=True, help="Overwrite main.py and requirements.txt in FOLDER.")
@json_option
def lite_code(folder: Path, wheel: str | None, force: bool, as_json: bool) -> None:
    """Write main.py and requirements.txt into FOLDER, to paste into xlwings Lite's editor."""

    def work():
        from orsheet.lite_setup import write_lite_code

        files = write_lite_code(folder, wheel, force=force)
        return {"main": files.main, "requirements": files.requirements}

    def show(result) -> None:
        click.echo(f"Geschreven: {result['main']} en {result['requirements']}.")
        click.echo("Plak ze in xlwings Lite: main.py in het tabblad main.py, requirements.txt in het tabblad "
                   "requirements.txt; herstart daarna xlwings Lite (menu > Restart).")

    run_command(as_json, work, show)
