"""The CLI reference in docs/cli.md, generated from every command's --help.

Run by cog (``make docs`` rewrites docs/cli.md; ``tests/test_docs.py`` fails
when the page is out of date).
"""

from __future__ import annotations

from click.testing import CliRunner

from orsheet.cli import COMMANDS, main

WIDTH = 88


def help_text(args: list[str]) -> str:
    result = CliRunner().invoke(main, [*args, "--help"], prog_name="orsheet", terminal_width=WIDTH)
    if result.exit_code != 0:
        raise RuntimeError(f"orsheet {' '.join(args)} --help failed: {result.output}")
    return result.output.rstrip() + "\n"


def cli_reference() -> str:
    """Markdown: ``orsheet --help``, then one section per command."""
    parts = ["\n### orsheet --help\n\n```text\n", help_text([]), "```\n"]
    for name in sorted(COMMANDS):
        parts += [f"\n### orsheet {name}\n\n```text\n", help_text([name]), "```\n"]
    return "".join(parts)
