"""CLI command ``orsheet schedule``: the meeting year plan (Jaarplanning)."""

from __future__ import annotations

from pathlib import Path

import click

from orsheet.commands._common import DATE, json_option, run_command, workbook_argument


@click.command()
@workbook_argument
@click.option("--year", type=int, required=True, help="The year to plan, e.g. 2024.")
@click.option("--apply", "apply", is_flag=True, help="Write the proposed changes into Vergaderingen.")
@click.option("--ics", "ics", type=click.Path(dir_okay=False, path_type=Path), help="Also export the year as an .ics file.")
@click.option(
    "--from",
    "keep_before",
    type=DATE,
    help="Leave meetings before this date alone (history).",
)
@click.option("--agenda-links", "agenda_links", is_flag=True,
              help="Link each meeting in the .ics to its agenda file on this computer (file://; for your own "
                   "calendar only, others cannot open them).")
@json_option
def schedule(path: Path, year: int, apply: bool, ics: Path | None, keep_before, agenda_links: bool,
             as_json: bool) -> None:
    """Propose the year's meetings from the series in Instellingen; show the changes; --apply writes them.

    Rows in Vergaderingen changed by hand (moved, "geschrapt", another time,
    extra meetings) are kept; only untouched generated rows are replaced.
    """

    def work():
        from orsheet.services.common import open_workbook
        from orsheet.services.schedule import plan_year

        result = plan_year(
            open_workbook(path),
            year,
            apply,
            ics_path=ics,
            keep_before=keep_before,
            workbook_dir=path.resolve().parent,
            local_links=agenda_links,
        )
        return result.to_json() | {"message": result.summary()} if as_json else result

    def show(result) -> None:
        click.echo(result.overview_text())
        diff = result.changes_text()
        if diff:
            click.echo("\nWijzigingen in Vergaderingen:")
            click.echo(diff)
        hint = "" if result.applied or not result.changes.has_changes else " Gebruik --apply om op te slaan."
        click.echo("\n" + result.summary() + hint)

    run_command(as_json, work, show)
