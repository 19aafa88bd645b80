"""CLI commands ``agenda`` and ``minutes-template``: thin layers over orsheet.services.agenda."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import click

from orsheet.commands._common import DATE, json_option, run_command, workbook_argument

meeting_option = click.option(
    "--meeting", "meeting", type=DATE, required=True, metavar="JJJJ-MM-DD", help="Date of the meeting as in Vergaderingen (JJJJ-MM-DD or DD-MM-JJJJ)."
)


kind_option = click.option(
    "--kind", "kind", default="", metavar="SOORT",
    help="Kind of meeting (e.g. OR-vergadering, Overlegvergadering) when several are on that date.",
)


pdf_engine_option = click.option(
    "--pdf-engine", "pdf_engine", type=click.Choice(["auto", "word", "libreoffice"]), default=None,
    help="Who makes the PDF: Word (Windows/macOS), LibreOffice, or auto (Word where it is; default, "
         "or $ORSHEET_PDF).",
)


def agenda_json(result) -> dict:
    """The computed agenda as one JSON document (``--json``)."""
    from orsheet.agenda import format_time

    agenda = result.agenda
    meeting = agenda.meeting
    return {
        "meeting": {
            "date": meeting.date, "kind": meeting.kind,
            "begin": format_time(meeting.start), "end": format_time(meeting.end),
            "location": meeting.location, "chair": meeting.chair, "minute_taker": meeting.minute_taker,
            "invited": meeting.invited,
        },
        "items": [
            {"number": i.number, "title": i.title, "start": i.start.strftime("%H:%M"), "minutes": i.minutes,
             "who": i.who, "purpose": i.purpose, "note": i.note}
            for i in agenda.items
        ],
        "total_minutes": agenda.total_minutes,
        "available_minutes": agenda.available_minutes,
        "overrun_minutes": agenda.overrun_minutes,
        "warning": agenda.overrun_message,
        "open_actions": [a.number for a in agenda.actions],
        "paths": {"docx": result.docx, "pdf": getattr(result, "pdf", None)},
        "pdf_note": getattr(result, "pdf_note", ""),
        "warnings": result.warnings,
    }


@click.command()
@workbook_argument
@meeting_option
@kind_option
@click.option("--no-pdf", "no_pdf", is_flag=True, help="Make only the Word document.")
@pdf_engine_option
@json_option
def agenda(path: Path, meeting: date, kind: str, no_pdf: bool, pdf_engine: str | None, as_json: bool) -> None:
    """Make the agenda of the meeting on --meeting: Word, PDF and the Agenda sheet."""

    def work():
        from orsheet.services.agenda import generate_agenda
        from orsheet.services.common import open_workbook

        result = generate_agenda(open_workbook(path), path, meeting, pdf=not no_pdf, kind=kind,
                                 pdf_engine=pdf_engine)
        return agenda_json(result) if as_json else result

    run_command(as_json, work, lambda result: click.echo(result.summary()))


@click.command("minutes-template")
@workbook_argument
@meeting_option
@kind_option
@click.option("--force", is_flag=True, help="Replace an existing minutes document.")
@json_option
def minutes_template(path: Path, meeting: date, kind: str, force: bool, as_json: bool) -> None:
    """Write a minutes skeleton (.docx) for the meeting on --meeting."""

    def work():
        from orsheet.services.agenda import generate_minutes_template
        from orsheet.services.common import open_workbook

        result = generate_minutes_template(
            open_workbook(path), path, meeting, overwrite=force, kind=kind
        )
        return agenda_json(result) if as_json else result

    run_command(as_json, work, lambda result: click.echo(result.summary()))
