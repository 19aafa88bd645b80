"""What every command shares: --json output, Dutch errors, exit codes."""

from __future__ import annotations

import functools
import json
import sys
from datetime import date, datetime, time
from pathlib import Path
from typing import Any, Callable

import click

from orsheet.errors import OrsheetError

json_option = click.option("--json", "as_json", is_flag=True, help="Print one JSON document instead of text.")
workbook_argument = click.argument("path", type=click.Path(dir_okay=False, path_type=Path))


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

    User errors (``OrsheetError``) become a Dutch message on stderr, or
    ``{"error": ...}`` with --json, and exit code 1. Bugs are not caught.
    """
    try:
        result = work()
    except OrsheetError as error:
        if as_json:
            emit_json({"error": error.to_dict()})
        else:
            click.echo(f"Fout: {error}", err=True)
        sys.exit(error.exit_code)
    if as_json:
        emit_json(result)
    else:
        show(result)


def command(func: Callable) -> Callable:
    """Keep the wrapped command's metadata (for click)."""
    return functools.wraps(func)(func)


def action_json(action) -> dict:
    """An action as the CLI's JSON shows it (Dutch keys, like the sheet)."""
    return {
        "nr": action.number,
        "onderwerp": action.subject,
        "omschrijving": action.description,
        "verantwoordelijke": action.owner,
        "overleg": action.meeting_kind,
        "datum": action.date,
        "deadline": action.deadline.text or action.deadline.date,
        "status": action.status,
        "opmerkingen": action.remarks,
        "afgerond_op": action.closed_on,
    }
