"""The ``orsheet`` command line: a thin, lazily loaded layer over the services.

Each command lives in a module under :mod:`orsheet.commands` and is imported
only when it runs, so ``orsheet --help`` starts fast (no pandas, no openpyxl).
Add a command by adding one line to ``COMMANDS``.
"""

from __future__ import annotations

import functools
import importlib
import json
import sys
import warnings

import click

# command name -> "module:attribute"
COMMANDS: dict[str, str] = {
    "new": "orsheet.commands.actions:new",
    "number": "orsheet.commands.actions:number",
    "close": "orsheet.commands.actions:close",
    "actions": "orsheet.commands.actions:actions",
    "import-actions": "orsheet.commands.actions:import_actions",
    "check": "orsheet.commands.actions:check",
    "demo": "orsheet.commands.demo:demo",
    "agenda": "orsheet.commands.agenda:agenda",
    "minutes-template": "orsheet.commands.agenda:minutes_template",
    "setup-excel": "orsheet.commands.excel:setup_excel",
    "minutes": "orsheet.commands.minutes:minutes",
    "apply-proposal": "orsheet.commands.minutes:apply_proposal",
    "schedule": "orsheet.commands.schedule:schedule",
    "woo-export": "orsheet.commands.woo:woo_export",
    "overview": "orsheet.commands.woo:overview",
    "lite-code": "orsheet.commands.lite:lite_code",
}

# One-line help per command, shown by ``orsheet --help`` without importing it.
SHORT_HELP: dict[str, str] = {
    "new": "Create a new, empty orsheet workbook from the template.",
    "number": "Give every action without a number the next number.",
    "close": "Move finished actions to the archive (Archief).",
    "actions": "List actions (open, per person, per meeting kind).",
    "import-actions": "Import an existing action list (.xlsx or .csv).",
    "check": "Validate the workbook and list every problem with its cell.",
    "demo": "Build a demo workbook with a realistic council and run the main job.",
    "agenda": "Make a meeting's agenda (Word, PDF, Agenda sheet) with clock times.",
    "minutes-template": "Write a minutes skeleton (.docx) for a meeting.",
    "setup-excel": "Point the workbook's xlwings.conf at this Python (run once on Windows/Mac).",
    "minutes": "Read minutes (.docx/.txt/.pdf): close, create and record; preview or --apply.",
    "apply-proposal": "Apply the rows marked 'ja' on the Voorstel sheet.",
    "schedule": "Propose the meeting year plan (Vergaderingen); --apply, --ics calendar export.",
    "woo-export": "Export lists and agendas for Woo publication, names replaced by 5.1.2e.",
    "overview": "Open actions per person, overdue first (optionally the Overzicht sheet).",
    "lite-code": "Write main.py and requirements.txt for xlwings Lite (Excel without Python or VBA).",
}


class LazyGroup(click.Group):
    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(COMMANDS)

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        target = COMMANDS.get(name)
        if target is None:
            return None
        module_name, attribute = target.split(":")
        return getattr(importlib.import_module(module_name), attribute)

    def resolve_command(self, ctx: click.Context, args: list[str]):
        try:
            return super().resolve_command(ctx, args)
        except click.exceptions.NoSuchCommand as error:  # suggest from every command, not only the loaded ones
            raise click.exceptions.NoSuchCommand(error.command_name, possibilities=COMMANDS, ctx=ctx) from None

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        rows = [(name, SHORT_HELP.get(name, "")) for name in self.list_commands(ctx)]
        with formatter.section("Commands"):
            formatter.write_dl(rows)


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="orsheet")
def main() -> None:
    """orsheet: the works council (OR) secretary's workbook from the command line.

    Every command works on the .xlsm file directly (no Excel needed), takes
    --json for one machine-readable JSON document, and exits 0 on success,
    1 on a user error (message in Dutch), 2 on a usage error (also in Dutch).
    Dates are typed JJJJ-MM-DD or DD-MM-JJJJ (2023-10-12 or 12-10-2023).
    """


def run(argv: list[str] | None = None) -> None:
    """The console entry point: ``main`` with every way out in Dutch and no traceback.

    * a usage error (unknown option, missing argument, bad date): click's
      message in Dutch, exit code 2; with --json the document
      ``{"error": {"message": ..., "usage": true}}``;
    * a user error the command did not catch itself: its Dutch message, exit 1;
    * anything else (a bug): a Dutch message that names the log file with the
      technical details (:mod:`orsheet.bug_report`), exit 1.
    """
    from orsheet.commands import dutch_usage

    args = sys.argv[1:] if argv is None else argv
    dutch_usage.install()
    # A library's file closed late by the garbage collector (on a full disk) must not print
    # "Exception ignored in: ... Traceback" after our Dutch message: it goes to the bug log.
    sys.unraisablehook = functools.partial(_log_late_error, _action(args))
    # A library's warning (openpyxl: "Data Validation extension is not supported") is English and
    # looks like a traceback line; what matters to the user is said in Dutch by orsheet itself.
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        _run(args)


def _action(args: list[str]) -> str:
    """What ran, for the bug log: "orsheet agenda" (or "orsheet" for ``orsheet --version``)."""
    command = next((a for a in args if not a.startswith("-")), None)
    return f"orsheet {command}" if command else "orsheet"


def _log_late_error(action: str, unraisable) -> None:
    from orsheet.bug_report import log_unraisable  # only when it happens: keeps start-up light

    log_unraisable(action, unraisable)


def _run(args: list[str]) -> None:
    as_json = "--json" in args
    try:
        main.main(args=args, prog_name="orsheet", standalone_mode=False)
    except click.UsageError as error:
        if as_json:
            click.echo(json.dumps({"error": {"message": error.format_message(), "usage": True}}, ensure_ascii=False))
        else:
            error.show()
        sys.exit(2)
    except click.exceptions.Abort:
        click.echo("Afgebroken.", err=True)
        sys.exit(1)
    except click.exceptions.Exit as done:
        sys.exit(done.exit_code)
    except click.ClickException as error:  # e.g. a file click could not open
        _fail({"message": error.format_message()}, as_json)
    except BrokenPipeError:  # output piped into `head` and cut off: not an error worth a word
        sys.exit(1)
    except Exception as problem:  # noqa: BLE001 - the last resort: never a traceback on screen
        from orsheet.bug_report import unexpected_message
        from orsheet.errors import user_error

        error = user_error(problem)
        if error is not None:
            _fail(error.to_dict(), as_json)
        message = unexpected_message(_action(args), problem)
        _fail({"message": message, "unexpected": True}, as_json)


def _fail(error: dict, as_json: bool) -> None:
    if as_json:
        click.echo(json.dumps({"error": error}, ensure_ascii=False, indent=2))
    else:
        click.echo(f"Fout: {error['message']}", err=True)
    sys.exit(1)
