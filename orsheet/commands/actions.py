"""CLI commands for the action list: new, number, close, actions, import-actions, check."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import click

from orsheet.commands._common import DATE, action_json, json_option, run_command, show_message, workbook_argument
from orsheet.errors import InputError, ProblemList
from orsheet.schema import MAX_ACTION_NUMBER


_MAX_RANGE = 100_000  # more numbers than any action list holds; every one must exist to be closed


class ActionNumbers(click.ParamType):
    """A list of action numbers as ``--numbers`` takes it: 325,330,341-345 (a ; separates too)."""

    name = "numbers"

    def convert(self, value, param, ctx) -> list[int]:
        if isinstance(value, list):
            return value
        numbers = []
        for part in str(value).replace(";", ",").split(","):
            part = part.strip()
            if not part:
                continue
            if "-" in part[1:]:
                low, high = part.split("-", 1)
                if low.strip().isdigit() and high.strip().isdigit() and int(low) <= int(high):
                    if int(high) - int(low) >= _MAX_RANGE:
                        self.fail(f'"{part}" is een reeks van meer dan {_MAX_RANGE:,} nummers'.replace(",", "."),
                                  param, ctx)
                    numbers.extend(range(int(low), int(high) + 1))
                    continue
            if not part.isdigit():
                self.fail(f'"{part}" is geen actienummer (gebruik bijvoorbeeld --numbers 325,330,341-345)', param, ctx)
            numbers.append(int(part))
        if any(n > MAX_ACTION_NUMBER for n in numbers):  # a range up to it would also be a billion numbers
            self.fail(f"een actienummer heeft hoogstens negen cijfers (tot en met {MAX_ACTION_NUMBER:,})".replace(",", "."),
                      param, ctx)
        return numbers


def _numbered_json(numbered) -> list[dict]:
    """The actions that got a number, as ``number`` and ``close`` print them."""
    return [{"row": n.row, "number": n.number} for n in numbered]


@click.command()
@workbook_argument
@click.option("--force", is_flag=True, help="Overwrite an existing file.")
@click.option("--lite", is_flag=True,
              help="Make the plain .xlsx for xlwings Lite (no VBA, buttons bound to xlwings Lite scripts).")
@json_option
def new(path: Path, force: bool, lite: bool, as_json: bool) -> None:
    """Create a new, empty orsheet workbook at PATH from the template (.xlsm, or .xlsx with --lite)."""

    def work():
        from orsheet.template_file import lite_template_path, template_path

        if path.exists() and not force:
            raise InputError(f"{path} bestaat al; kies een andere naam of gebruik --force")
        wanted = ".xlsx" if lite else ".xlsm"
        if path.suffix.lower() != wanted:
            raise InputError(f"{path.name}: een orsheet-werkmap " + (
                "voor xlwings Lite heeft de extensie .xlsx" if lite else
                "heeft de extensie .xlsm (of gebruik --lite voor een .xlsx voor xlwings Lite)"))
        from orsheet.services.common import create_workbook

        create_workbook(path, lite_template_path() if lite else template_path())
        return {"path": path, "lite": lite}

    def show(result) -> None:
        click.echo(f"Nieuwe werkmap: {result['path']}")
        if result["lite"]:
            click.echo("Voor xlwings Lite: maak de code met 'orsheet lite-code --wheel ADRES' (het adres van het "
                       "orsheet-wielbestand) en volg de drie stappen op het blad Start.")

    run_command(as_json, work, show)


@click.command()
@workbook_argument
@json_option
def number(path: Path, as_json: bool) -> None:
    """Give every action without a number the next number of the one sequence."""

    def work():
        from orsheet.services.actions import number_actions
        from orsheet.services.common import open_workbook

        result = number_actions(open_workbook(path))
        return {
            "numbered": _numbered_json(result.numbered),
            "last_number": result.last_number,
            "message": result.summary(),
        }

    run_command(as_json, work, show_message)


@click.command()
@workbook_argument
@click.option("--numbers", type=ActionNumbers(), default=None, help="Action numbers to close, e.g. 325,330,341-345.")
@click.option("--date", "on", type=DATE,
              help="Closing date, 2023-10-12 or 12-10-2023 (default: today).")
@json_option
def close(path: Path, numbers: list[int] | None, on, as_json: bool) -> None:
    """Close the named actions and every done one (Status "afgerond" or a date in Afgerond op)."""

    def work():
        from orsheet.services.actions import close_actions
        from orsheet.services.common import open_workbook

        result = close_actions(open_workbook(path), numbers or [], on or date.today())
        return {
            "closed": [action_json(a) for a in result.closed],
            "numbered": _numbered_json(result.numbered),
            "date": result.on,
            "message": result.summary(),
        }

    run_command(as_json, work, show_message)


@click.command()
@workbook_argument
@click.option("--open", "open_only", is_flag=True,
              help="Only open actions: those in Acties not done (no Status afgerond, no Afgerond op date).")
@click.option("--person", default="",
              help="Only actions of this person: whole name parts, case and accents ignored, or a form of a "
                   "Personen name (Jansen, J. de Vries).")
@click.option("--overleg", default="", help="Only actions of this meeting kind (Overleg column; OR, OV and the other names the agenda knows).")
@json_option
def actions(path: Path, open_only: bool, person: str, overleg: str, as_json: bool) -> None:
    """List actions: open ones first, then the archive."""

    def work():
        from orsheet.services.actions import ActionFilter, find_actions
        from orsheet.services.common import open_workbook

        found = find_actions(open_workbook(path), ActionFilter(open_only, person, overleg))
        result = {"actions": [action_json(a) for a in found.actions], "warnings": found.warnings}
        if found.unknown_person:
            result["message"] = found.note()
        return result

    def show(result):
        rows = result["actions"]
        if "message" in result:
            click.echo(result["message"])
        if not rows:
            click.echo("Geen acties gevonden.")
        for a in rows:
            status = "afgerond" if a["done"] else a["status"] or "open"
            deadline = a["deadline"]
            deadline = deadline.strftime("%d-%m-%Y") if isinstance(deadline, date) else deadline
            extra = f" (deadline {deadline})" if deadline else ""
            number = a["number"] or "-"
            click.echo(f"{number:>5}  {status:<15} {a['owner']:<18} {a['subject']}: {a['description']}{extra}")
        for warning in result["warnings"]:
            click.echo(f"Let op: {warning}.")

    run_command(as_json, work, show)


@click.command("import-actions")
@workbook_argument
@click.argument("source", type=click.Path(dir_okay=False, path_type=Path))
@json_option
def import_actions(path: Path, source: Path, as_json: bool) -> None:
    """Import an existing action list (.xlsx or .csv), keeping its numbers.

    From a workbook, the sheet Acties is read when there is one (last year's orsheet
    workbook), else the first sheet whose first row names Nr and Onderwerp/Omschrijving.
    """

    def work():
        from orsheet.services.actions import import_actions as run_import
        from orsheet.services.common import open_workbook

        result = run_import(open_workbook(path), source)
        return {
            "imported": [action_json(a) for a in result.imported],
            "ignored_columns": result.ignored_columns,
            "message": result.summary(),
        }

    run_command(as_json, work, show_message)


@click.command()
@workbook_argument
@json_option
def check(path: Path, as_json: bool) -> None:
    """Validate the workbook and list every problem with its cell."""

    def work():
        from orsheet.services.actions import check_workbook
        from orsheet.services.common import open_workbook

        problems = check_workbook(open_workbook(path))
        if problems:
            raise ProblemList(problems)
        return {"problems": [], "message": "Geen problemen gevonden."}

    run_command(as_json, work, show_message)
