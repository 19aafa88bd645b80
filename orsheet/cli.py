"""The ``orsheet`` command line: a thin, lazily loaded layer over the services.

Each command lives in a module under :mod:`orsheet.commands` and is imported
only when it runs, so ``orsheet --help`` starts fast (no pandas, no openpyxl).
Add a command by adding one line to ``COMMANDS``.
"""

from __future__ import annotations

import importlib

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
    1 on a user error (message in Dutch), 2 on a usage error.
    """


def run(argv: list[str] | None = None) -> None:
    """The console entry point: like ``main``, but a usage error with --json is JSON too.

    Click prints usage errors as English text; a script that asked for JSON
    gets ``{"error": {"message": ..., "usage": true}}`` and exit code 2.
    """
    import json
    import sys

    args = sys.argv[1:] if argv is None else argv
    try:
        main.main(args=args, prog_name="orsheet", standalone_mode=False)
    except click.UsageError as error:
        if "--json" in args:
            click.echo(json.dumps({"error": {"message": error.format_message(), "usage": True}}, ensure_ascii=False))
        else:
            error.show()
        sys.exit(2)
    except click.exceptions.Abort:
        click.echo("Afgebroken.", err=True)
        sys.exit(1)
    except click.exceptions.Exit as done:
        sys.exit(done.exit_code)
