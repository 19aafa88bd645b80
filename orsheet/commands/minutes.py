"""CLI commands for minutes: ``orsheet minutes`` and ``orsheet apply-proposal``."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import click

from orsheet.commands._common import action_json, json_option, run_command, workbook_argument
from orsheet.errors import CellError, InputError, Location


def _meeting_date(text: str) -> date:
    from orsheet.parsing import parse_date

    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        pass
    try:
        parsed = parse_date(text, Location("--meeting"), required=True)
    except CellError:
        parsed = None
    if parsed is None:
        raise InputError(f'--meeting "{text}" is geen datum; gebruik JJJJ-MM-DD, bijvoorbeeld 2023-10-12')
    return parsed


def plan_json(plan) -> dict:
    changes = plan.changes
    return {
        "meeting": changes.meeting,
        "meeting_kind": changes.meeting_kind,
        "source": changes.source,
        "applied": plan.applied,
        "already_applied_on": plan.logged_on,
        "closures": [
            {
                "nr": c.number,
                "sentence": c.sentence,
                "current": action_json(c.current) if c.current else None,
                "warning": c.warning,
            }
            for c in plan.closures
        ],
        "new_actions": [action_json(a) for a in plan.new_actions],
        "decisions": [
            {"nr": d.number, "onderwerp": d.subject, "besluit": d.text, "overleg": d.meeting_kind, "datum": d.date, "bron": d.source}
            for d in plan.decisions
        ],
        "warnings": plan.warnings,
        "skipped": plan.skipped,
    }


def show_plan(plan) -> None:
    changes = plan.changes
    click.echo(f"Notulen {changes.source}, vergadering {changes.meeting:%d-%m-%Y} ({changes.meeting_kind})")
    if plan.logged_on:
        click.echo(f"Let op: deze notulen zijn al eerder verwerkt (Logboek, {plan.logged_on:%d-%m-%Y}).")
    open_closures = [c for c in plan.closures if c.current]
    if open_closures:
        click.echo(f"\nActies afronden ({len(open_closures)}):")
        for c in open_closures:
            a = c.current
            click.echo(f"  {c.number:>5}  {a.subject} - {a.description} ({a.owner})")
    if plan.new_actions:
        click.echo(f"\nNieuwe acties ({len(plan.new_actions)}):")
        for a in plan.new_actions:
            click.echo(f"  {a.number:>5}  [{a.subject}] {a.owner}: {a.description}")
    if plan.decisions:
        click.echo(f"\nBesluiten ({len(plan.decisions)}):")
        for d in plan.decisions:
            click.echo(f"  {d.number:>5}  [{d.subject}] {d.text}")
    if plan.warnings:
        click.echo("\nWaarschuwingen:")
        for warning in plan.warnings:
            click.echo(f"  - {warning}")
    if plan.skipped:
        click.echo("\nAl aanwezig, overgeslagen:")
        for item in plan.skipped:
            click.echo(f"  - {item}")
    click.echo("")
    if plan.applied:
        click.echo("Toegepast en opgeslagen (zie blad Logboek).")
    elif not plan.has_work:
        click.echo("Niets te wijzigen.")
    else:
        click.echo("Dit is een voorstel; er is niets gewijzigd. Gebruik --apply om het toe te passen.")
        if plan.unknown_numbers:
            numbers = ", ".join(str(n) for n in plan.unknown_numbers)
            click.echo(f"Let op: --apply weigert zolang actie {numbers} niet bestaat; verbeter eerst de notulen.")


@click.command()
@workbook_argument
@click.argument("minutes_file", metavar="MINUTES", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--meeting", "meeting_text", default=None, metavar="JJJJ-MM-DD", help="Date of the meeting (JJJJ-MM-DD or DD-MM-JJJJ); default: the date in the minutes.")
@click.option("--kind", default=None, metavar="SOORT", help="Meeting kind (default: from Vergaderingen, else OR-vergadering).")
@click.option("--apply", "apply_now", is_flag=True, help="Apply the proposal (one save, all or nothing).")
@click.option("--propose", is_flag=True, help="Write the proposal to the Voorstel sheet (Toepassen ja/nee).")
@json_option
def minutes(
    path: Path, minutes_file: Path, meeting_text: str | None, kind: str | None, apply_now: bool, propose: bool, as_json: bool
) -> None:
    """Read MINUTES (.docx, .txt, .md, .pdf) and show what changes in the workbook at PATH.

    Closed actions ("Acties 325 en 330 zijn afgerond"), new actions
    ("(actie: naam ...)") and decisions ("De OR besluit ...", "Besluit:",
    "Afspraak:"). Without --apply nothing is written.
    """

    def work():
        from orsheet.services.common import open_workbook
        from orsheet.services.minutes import process_minutes
        from orsheet.services.minutes_sheet import propose_minutes

        if apply_now and propose:
            raise InputError("kies --apply of --propose, niet allebei")
        meeting = _meeting_date(meeting_text) if meeting_text else None
        backend = open_workbook(path)
        if propose:
            return propose_minutes(backend, minutes_file, meeting, meeting_kind=kind)
        return process_minutes(backend, minutes_file, meeting, apply=apply_now, meeting_kind=kind)

    def show(plan) -> None:
        show_plan(plan)
        if propose:
            click.echo("Het voorstel staat in het blad Voorstel; zet Toepassen op ja/nee en gebruik apply-proposal.")

    if as_json:
        run_command(True, lambda: plan_json(work()), None)
    else:
        run_command(False, work, show)


@click.command("apply-proposal")
@workbook_argument
@json_option
def apply_proposal(path: Path, as_json: bool) -> None:
    """Apply the rows marked "ja" on the Voorstel sheet of the workbook at PATH."""

    def work():
        from orsheet.services.common import open_workbook
        from orsheet.services.minutes_sheet import apply_proposal_sheet

        return apply_proposal_sheet(open_workbook(path))

    if as_json:
        run_command(True, lambda: plan_json(work()), None)
    else:
        run_command(False, work, show_plan)
