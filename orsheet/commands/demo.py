"""``orsheet demo``: the main job on a built-in demo council, no input needed."""

from __future__ import annotations

from pathlib import Path

import click

from orsheet.commands._common import json_option, run_command


def build_demo(folder: Path) -> dict:
    """Create the demo workbook in ``folder`` and run the main job on it."""
    import shutil

    from orsheet import demo_data, schema
    from orsheet.services.actions import close_actions, number_actions
    from orsheet.services.common import open_workbook, set_setting, load_actions
    from orsheet.template import template_path
    from orsheet.workbook.base import AppendRows

    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "orsheet-demo.xlsm"
    shutil.copyfile(template_path(), path)
    backend = open_workbook(path)
    settings = load_actions(backend).settings
    edits = [AppendRows(sheet, rows) for sheet, rows in demo_data.rows().items()]
    edits.append(set_setting(settings, schema.SETTING_ORGANISATION, demo_data.ORGANISATION))
    backend.write(edits)

    steps = [number_actions(backend).summary()]
    steps.append(close_actions(backend, demo_data.CLOSE_NUMBERS, demo_data.CLOSE_DATE).summary())
    from orsheet.services.agenda import agenda_for_demo

    agenda_step, documents = agenda_for_demo(backend, path, demo_data.DEMO_MEETING)
    return {"workbook": path, "steps": [*steps, agenda_step], "documents": documents}


@click.command()
@click.argument("folder", required=False, default="orsheet-demo", type=click.Path(file_okay=False, path_type=Path))
@json_option
def demo(folder: Path, as_json: bool) -> None:
    """Build a demo workbook in FOLDER (default ./orsheet-demo) and run the main job on it."""

    def show(result: dict) -> None:
        click.echo(f"Demo-werkmap: {result['workbook']}")
        for step in result["steps"]:
            click.echo(f"- {step}")
        for document in result["documents"]:
            click.echo(f"Document: {document}")

    run_command(as_json, lambda: build_demo(folder), show)
