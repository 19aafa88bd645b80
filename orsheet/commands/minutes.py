"""CLI commands for minutes: ``orsheet minutes`` and ``orsheet apply-proposal``."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import click

from orsheet.commands._common import DATE, action_json, json_option, run_command, workbook_argument
from orsheet.minutes.proposal import POSSIBLE, SURE


def _decision_json(d, confidence: str = SURE, reason: str = "") -> dict:
    """A decision as the JSON shows it (English keys like an action's, docs/cli.md)."""
    return {"number": d.number, "subject": d.subject, "text": d.text, "meeting_kind": d.meeting_kind, "date": d.date,
            "source": d.source, "confidence": confidence, "reason": reason}


def _closure_json(c, confidence: str = SURE) -> dict:
    return {"number": c.number, "sentence": c.sentence, "current": action_json(c.current) if c.current else None,
            "warning": c.warning, "confidence": confidence, "reason": c.reason}


def plan_json(plan) -> dict:
    changes = plan.changes
    return {
        "meeting": changes.meeting,
        "meeting_kind": changes.meeting_kind,
        "source": changes.source,
        "applied": plan.applied,
        "already_applied_on": plan.logged_on,
        # What --apply writes (zeker); the mogelijk proposals apart, each with its reason.
        "closures": [_closure_json(c) for c in plan.closures],
        "new_actions": [{**action_json(a), "confidence": SURE, "reason": ""} for a in plan.new_actions],
        "decisions": [_decision_json(d) for d in plan.decisions],
        "possible_closures": [_closure_json(c, POSSIBLE) for c in plan.suggested_closures],
        "possible_new_actions": [{**action_json(a), "confidence": POSSIBLE, "reason": why} for a, why in plan.possible_actions],
        "possible_decisions": [_decision_json(d, POSSIBLE, why) for d, why in plan.possible_decisions],
        "warnings": plan.warnings,
        "skipped": plan.skipped,
        "near_misses": plan.near_misses,
    }


def show_plan(plan) -> None:
    changes = plan.changes
    click.echo(f"Notulen {changes.source}, vergadering {changes.meeting:%d-%m-%Y} ({changes.meeting_kind})")
    if plan.logged_on:
        click.echo(f"Let op: deze notulen zijn al eerder verwerkt (Logboek, {plan.logged_on:%d-%m-%Y}).")
    for confidence, closures in ((SURE, [c for c in plan.closures if c.current]), (POSSIBLE, plan.suggested_closures)):
        if closures:
            click.echo(f"\nActies afronden, {confidence} ({len(closures)}):")
        for c in closures:
            a = c.current
            click.echo(f"  {c.number:>5}  {a.subject} - {a.description} ({a.owner})")
            if confidence == POSSIBLE:
                click.echo(f"         {c.reason}: {c.sentence}")
    for confidence, actions in ((SURE, [(a, "") for a in plan.new_actions]), (POSSIBLE, plan.possible_actions)):
        if actions:
            click.echo(f"\nNieuwe acties, {confidence} ({len(actions)}):")
        for a, why in actions:
            click.echo(f"  {a.number:>5}  {_subject(a.subject)}{a.owner}: {a.description}" + (f"  ({why})" if why else ""))
    for confidence, decisions in ((SURE, [(d, "") for d in plan.decisions]), (POSSIBLE, plan.possible_decisions)):
        if decisions:
            click.echo(f"\nBesluiten, {confidence} ({len(decisions)}):")
        for d, why in decisions:
            click.echo(f"  {d.number:>5}  {_subject(d.subject)}{d.text}" + (f"  ({why})" if why else ""))
    if plan.warnings:
        click.echo("\nWaarschuwingen:")
        for warning in plan.warnings:
            click.echo(f"  - {warning}")
    if plan.skipped:
        click.echo("\nAl aanwezig, overgeslagen:")
        for item in plan.skipped:
            click.echo(f"  - {item}")
    if plan.near_misses:
        click.echo("\nBijna een voorstel, maar niet overgenomen:")
        for item in plan.near_misses:
            click.echo(f"  - {item}")
    click.echo("")
    if plan.applied:
        click.echo("Toegepast en opgeslagen (zie blad Logboek).")
        if plan.has_possible:
            click.echo("De voorstellen die mogelijk zijn, zijn niet toegepast; met --include-possible gaan ze mee.")
    elif not plan.has_work and not plan.has_possible:
        nothing = not (plan.closures or plan.skipped)
        click.echo("Niets gevonden in deze notulen; er is niets gewijzigd." if nothing else "Niets te wijzigen.")
        if nothing and not plan.near_misses:
            click.echo('Herkend worden o.a. "(actie: naam ...)", "Jan stuurt de brief", "Acties 12 en 14 zijn afgerond", '
                       '"De OR besluit ...", "Afgesproken wordt ...".')
    else:
        click.echo("Dit is een voorstel; er is niets gewijzigd. Gebruik --apply om het toe te passen "
                   "(wat zeker is; met --include-possible ook wat mogelijk is).")
        if plan.unknown_numbers:
            numbers = ", ".join(str(n) for n in plan.unknown_numbers)
            click.echo(f"Let op: --apply weigert zolang actie {numbers} niet bestaat; verbeter eerst de notulen.")


@click.command()
@workbook_argument
@click.argument("minutes_file", metavar="MINUTES", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--meeting", "meeting", type=DATE, default=None, metavar="JJJJ-MM-DD", help="Date of the meeting (JJJJ-MM-DD or DD-MM-JJJJ); default: the date in the minutes.")
@click.option("--kind", default=None, metavar="SOORT", help="Meeting kind (default: from Vergaderingen, else OR-vergadering).")
@click.option("--apply", "apply_now", is_flag=True, help="Apply the proposal (one save, all or nothing).")
@click.option(
    "--include-possible",
    is_flag=True,
    help="With --apply: apply the proposals marked mogelijk (read from the phrasing) as well as the zeker ones.",
)
@click.option("--propose", is_flag=True, help="Write the proposal to the Voorstel sheet (Toepassen ja/nee).")
@json_option
def minutes(
    path: Path,
    minutes_file: Path,
    meeting: date | None,
    kind: str | None,
    apply_now: bool,
    include_possible: bool,
    propose: bool,
    as_json: bool,
) -> None:
    """Read MINUTES (.docx, .txt, .md, .pdf) and show what changes in the workbook at PATH.

    Closed actions ("Acties 325 en 330 zijn afgerond"), new actions
    ("(actie: naam ...)", "Jan stuurt de brief") and decisions ("De OR besluit
    ...", "Besluit:", "Afgesproken wordt ..."). Every proposal is zeker (an
    explicit marker or number) or mogelijk (read from the phrasing). Without
    --apply nothing is written; --apply writes the zeker ones.
    """

    # Options that exclude each other are a usage error (exit 2), like a malformed value.
    if apply_now and propose:
        click.get_current_context().fail("kies --apply of --propose, niet allebei")
    if include_possible and not apply_now:
        click.get_current_context().fail("--include-possible hoort bij --apply (in het blad Voorstel kiest u per regel ja/nee)")

    def work():
        from orsheet.services.common import open_workbook
        from orsheet.services.minutes import process_minutes
        from orsheet.services.minutes_sheet import propose_minutes

        backend = open_workbook(path)
        if propose:
            return propose_minutes(backend, minutes_file, meeting, meeting_kind=kind)
        return process_minutes(
            backend, minutes_file, meeting, apply=apply_now, meeting_kind=kind, include_possible=include_possible
        )

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


def _subject(subject: str) -> str:
    """The agenda item in brackets before a proposal; nothing when the minutes had no heading."""
    return f"[{subject}] " if subject else ""
