"""What every command shares: --json output, Dutch errors, exit codes, the date option type."""

from __future__ import annotations

import json
import sys
from datetime import date, datetime, time
from pathlib import Path
from typing import Any, Callable

import click

from orsheet.commands import dutch_usage
from orsheet.errors import OrsheetError, user_error

dutch_usage.install()  # before the commands build their parameter types

json_option = click.option("--json", "as_json", is_flag=True, help="Print one JSON document instead of text.")
# A folder given as the workbook is refused by the file backend, in Dutch and with exit code 1.
workbook_argument = click.argument("path", type=click.Path(path_type=Path))

class DateType(click.ParamType):
    """A date option (``--date``, ``--meeting``, ``--today``, ...); the value is a ``datetime.date``.

    Read by :func:`orsheet.parsing.parse_date`, the one reader of typed dates: an option takes
    what a Datum cell takes (2023-10-12, 12-10-2023, 12.10.23, ...) and no date Excel cannot hold.
    A date that is not one is a usage error (exit code 2), like any bad option value.
    """

    name = "date"

    def get_metavar(self, param: click.Parameter, ctx: click.Context | None = None) -> str:
        return "[JJJJ-MM-DD|DD-MM-JJJJ]"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> date:
        from orsheet.errors import CellError, Location
        from orsheet.parsing import DateOutOfRange, parse_date

        try:
            return parse_date(value, Location("--date"), required=True)
        except DateOutOfRange as error:  # the message names the value; click names the option
            self.fail(error.message, param, ctx)
        except CellError:
            self.fail(f"{value!r} is geen datum; schrijf JJJJ-MM-DD of DD-MM-JJJJ, bijvoorbeeld 2023-10-12", param, ctx)


DATE = DateType()


def to_jsonable(value: Any) -> Any:
    if isinstance(value, (date, datetime, time)):
        return value.isoformat()
    if isinstance(value, Path):
        return str(value)
    if isinstance(value, dict):
        return {str(k): to_jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple, set)):
        return [to_jsonable(v) for v in value]
    if hasattr(value, "__dataclass_fields__"):
        return {k: to_jsonable(getattr(value, k)) for k in value.__dataclass_fields__}
    return value


def emit_json(data: Any) -> None:
    click.echo(json.dumps(to_jsonable(data), ensure_ascii=False, indent=2))


def run_command(as_json: bool, work: Callable[[], Any], show: Callable[[Any], None]) -> None:
    """Run ``work``; print its result as JSON or through ``show``.

    User errors become a Dutch message on stderr, or ``{"error": ...}`` with
    --json, and exit code 1: every ``OrsheetError``, and what
    :func:`orsheet.errors.user_error` recognises (the operating system
    refusing, a library finding a file damaged). Bugs are not caught here;
    the console entry point (``orsheet.cli.run``) logs them.
    """
    error = None
    try:
        result = work()
    except Exception as problem:  # noqa: BLE001 - re-raised unless it is a user error
        error = user_error(problem)
        if error is None:
            raise
    finally:
        _command_done()
    if error is not None:  # outside the except block: the exit carries no traceback along
        show_error(error, as_json)
        sys.exit(error.exit_code)
    if as_json:
        emit_json(result)
    else:
        show(result)


def _command_done() -> None:
    """The command is over: let go of the write locks its backends took (only if a backend was used)."""
    write_lock = sys.modules.get("orsheet.workbook.write_lock")
    if write_lock is not None:
        write_lock.release_all()


def show_message(result: dict) -> None:
    """The text output of a command whose result carries its Dutch summary as ``message``."""
    click.echo(result["message"])


def show_error(error: OrsheetError, as_json: bool) -> None:
    """A user error as the CLI prints it: ``Fout: ...`` on stderr, or JSON on stdout."""
    if as_json:
        emit_json({"error": error.to_dict()})
    else:
        click.echo(f"Fout: {error}", err=True)


def action_json(action) -> dict:
    """An action as the CLI's JSON shows it (English keys, docs/cli.md; the values as in the sheet)."""
    return {
        "number": action.number,
        "subject": action.subject,
        "description": action.description,
        "owner": action.owner,
        "meeting_kind": action.meeting_kind,
        "date": action.date,
        "deadline": action.deadline.text or action.deadline.date,
        "status": action.status,
        "remarks": action.remarks,
        "closed_on": action.closed_on,
        "done": action.is_done,  # the one rule (model.Action.is_done): Status afgerond or closed_on filled
    }
