"""``orsheet demo``: the main job on a built-in demo council, no input needed."""

from __future__ import annotations

from pathlib import Path

import click

from orsheet.commands._common import json_option, run_command


def build_demo(folder: Path) -> dict:
    """Create the demo workbook in ``folder`` and run the main job on it.

    A demo workbook already there is replaced like any save: not while it is open in Excel, and the
    version it replaces (with whatever the user tried in it) kept in backup/.
    """
    from orsheet import demo_data, schema
    from orsheet.errors import InputError
    from orsheet.services.actions import close_actions, number_actions
    from orsheet.services.common import create_workbook, load_actions, open_workbook, set_setting
    from orsheet.template_file import template_path
    from orsheet.workbook.base import AppendRows

    if folder.suffix.lower() in (".xlsm", ".xlsx", ".xls") and not folder.is_dir():
        raise InputError(f"orsheet demo maakt een map met de demo-werkmap erin; {folder.name} lijkt een "
                         "werkmap. Geef een mapnaam, bijvoorbeeld: orsheet demo orsheet-demo")
    path = folder / "orsheet-demo.xlsm"
    create_workbook(path, template_path())
    backend = open_workbook(path)
    settings = load_actions(backend).settings
    edits = [AppendRows(sheet, rows) for sheet, rows in demo_data.rows().items()]
    edits.append(set_setting(settings, schema.SETTING_ORGANISATION, demo_data.ORGANISATION))
    backend.write(edits)

    steps = [number_actions(backend).summary()]
    steps.append(close_actions(backend, demo_data.CLOSE_NUMBERS, demo_data.CLOSE_DATE).summary())
    from orsheet.services.agenda import agenda_for_demo

    agenda_step, documents = agenda_for_demo(backend, path, demo_data.DEMO_MEETING)
    steps.append(agenda_step)
    year_step, calendar = _year_plan(backend, folder)
    woo_step, woo_folder = _woo(backend, path, folder)
    return {"workbook": path, "steps": [*steps, year_step, woo_step], "documents": [*documents, calendar, woo_folder]}


def _year_plan(backend, folder: Path) -> tuple[str, Path]:
    """Plan the next year's meetings into Vergaderingen and export them as .ics."""
    from orsheet import demo_data
    from orsheet.services.schedule import plan_year

    calendar = folder / f"Vergaderingen {demo_data.PLAN_YEAR}.ics"
    result = plan_year(backend, demo_data.PLAN_YEAR, apply=True, ics_path=calendar, workbook_dir=folder)
    return f"Jaarplanning {demo_data.PLAN_YEAR}: {len(result.meetings)} vergaderingen, agenda-bestand {calendar.name}", calendar


def _woo(backend, path: Path, folder: Path) -> tuple[str, Path]:
    """A Woo publication of the demo with private names redacted (no PDFs: keeps the demo quick)."""
    from orsheet.services.woo import woo_export

    out = folder / "Woo-publicatie"
    result = woo_export(backend, out, workbook_path=path, pdf=False)
    return f"Woo-publicatie: {len(result.files)} bestanden, namen gelakt, lekcontrole geslaagd", out


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
