"""Run the orsheet CLI in-process, as a user would type it."""

from __future__ import annotations

import json

from click.testing import CliRunner

from orsheet.cli import main


def run(*args: str):
    result = CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False)
    return result


def run_json(*args: str) -> tuple[int, dict]:
    result = run(*args, "--json")
    return result.exit_code, json.loads(result.output)


def run_entry_point(*args) -> tuple[int, str, str]:
    """The console entry point ``orsheet.cli.run`` in-process, as the shell runs it: (exit code, stdout, stderr).

    Unlike ``run`` (click's test runner on ``main``) this goes through every
    handler of the real edge: Dutch usage errors, the last resort for bugs.
    """
    import contextlib
    import io

    from orsheet.cli import run as entry_point

    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            entry_point([str(a) for a in args])
            code = 0
        except SystemExit as done:
            code = done.code or 0
    return code, out.getvalue(), err.getvalue()
