"""CLI commands for publication and follow-up: woo-export and overview."""

from __future__ import annotations

from pathlib import Path

import click

from orsheet.commands._common import DATE, json_option, run_command, show_message, workbook_argument
from orsheet.commands.agenda import pdf_engine_option

_date_option = {"type": DATE, "default": None}


@click.command("woo-export")
@workbook_argument
@click.option("--out", "out", required=True, type=click.Path(file_okay=False, path_type=Path),
              help="Folder to write the publication into.")
@click.option("--from", "start", help="First day of the period.", **_date_option)
@click.option("--to", "end", help="Last day of the period.", **_date_option)
@click.option("--agendas", "agenda_dir", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Folder with the generated agendas (default: setting \"Map agenda's\").")
@click.option("--no-pdf", is_flag=True, help="Do not make PDF copies.")
@pdf_engine_option
@click.option("--accept-names", "accept_names", is_flag=True,
              help="Publish even though the texts hold probable person names that Personen does not list "
                   "(they are listed in a review file beside the output folder).")
@json_option
def woo_export(path: Path, out: Path, start, end, agenda_dir: Path | None, no_pdf: bool, pdf_engine: str | None,
               accept_names: bool, as_json: bool) -> None:
    """Write the lists and agendas of a period with private names replaced by 5.1.2e."""

    def work():
        from orsheet.services.common import open_workbook
        from orsheet.services.woo import Period
        from orsheet.services.woo import woo_export as export

        result = export(open_workbook(path), out, Period(start, end), workbook_path=path,
                        agenda_dir=agenda_dir, pdf=not no_pdf, pdf_engine=pdf_engine, accept_names=accept_names)
        return {
            "folder": result.folder,
            "files": [f.name for f in result.files],
            "documents": [
                {"document": d.document, "date": d.document_date, "files": d.files, "assessment": d.assessment,
                 "counts": dict(d.counts)}
                for d in result.documents
            ],
            "counts": dict(result.counts),
            "warnings": result.warnings,
            "accepted_names": [{"name": n.name, "files": list(n.files)} for n in result.accepted_names],
            "review_file": result.review_file,
            "message": result.summary(),
        }

    run_command(as_json, work, show_message)


@click.command()
@workbook_argument
@click.option("--person", default=None, help="Only this person's actions (any form of the name).")
@click.option("--overdue", is_flag=True, help="Only overdue actions.")
@click.option("--sheet", "write_sheet", is_flag=True, help="Also (re)write the Overzicht sheet in the workbook.")
@click.option("--today", help="Count days overdue as on this day (default: today).", **_date_option)
@json_option
def overview(path: Path, person: str | None, overdue: bool, write_sheet: bool, today, as_json: bool) -> None:
    """Open actions per person, overdue first, with days overdue."""

    def work():
        from orsheet.services.common import open_workbook
        from orsheet.services.overview import overview as build

        result = build(open_workbook(path), today, person, overdue, write_sheet)
        return {
            "today": result.today,
            "people": {
                name: [
                    {"number": line.action.number, "subject": line.action.subject,
                     "description": line.action.description, "date": line.action.date,
                     "deadline": line.action.deadline.cell_value(), "deadline_date": line.due,
                     "days_overdue": line.days_overdue, "status": line.action.status}
                    for line in lines
                ]
                for name, lines in result.by_person.items()
            },
            "overdue": result.overdue_count,
            "warnings": result.warnings,
            "message": result.summary(),
        }

    run_command(as_json, work, show_message)
