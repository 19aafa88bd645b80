"""The documentation is true: the README is short, links resolve, the CLI reference and examples are current.

Examples in docs/*.md are run, page by page, in a folder holding ``mijn-or.xlsm``
(the demo council before its main job). Two kinds of block are run:

* ```` ```console ```` blocks: each ``$ orsheet ...`` line is run in-process; the
  lines after it are the expected output. ``...`` on a line of its own matches
  any number of lines, ``...`` inside a line any text. A command ending in
  ``# exit 1`` must exit 1, every other one 0.
* ```` ```python ```` blocks on a page whose first line holds
  ``<!-- examples: python -->`` are executed in order in one namespace.

A block right after ``<!-- file: NAME -->`` is written to NAME first (e.g. minutes).
"""

from __future__ import annotations

import re
import shlex
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from orsheet.cli import main

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
PAGES = sorted(DOCS.glob("*.md"))
TOPICS = ["workbook", "agenda", "minutes", "year-plan", "woo", "excel", "excel-lite", "saving", "performance",
          "architecture", "cli", "python-api", "index", "mutation-survivors"]  # fmt: skip
_BLOCK = re.compile(r"(?:<!-- file: (?P<file>[^>]+?) -->\s*\n)?```(?P<lang>\w*)\n(?P<body>.*?)^```", re.M | re.S)


def test_readme_is_at_most_10_kb():
    assert len((ROOT / "README.md").read_bytes()) <= 10 * 1024


def test_readme_starts_with_the_two_set_up_commands():
    first_block = _BLOCK.search((ROOT / "README.md").read_text(encoding="utf-8"))
    commands = [line.split("#")[0].strip() for line in first_block["body"].splitlines()]
    assert commands == ["make demo", "make test"]


def test_there_is_one_page_per_topic():
    assert sorted(p.stem for p in PAGES) == sorted(TOPICS)


@pytest.mark.parametrize("page", [ROOT / "README.md", *PAGES], ids=lambda p: p.name)
def test_every_relative_link_and_picture_exists(page: Path):
    text = page.read_text(encoding="utf-8")
    targets = re.findall(r"\]\(([^)#\s]+)(?:#[^)]*)?\)", text)
    missing = [t for t in targets if "://" not in t and not (page.parent / t).exists()]
    assert missing == []


def test_cli_reference_is_up_to_date():
    from cogapp import Cog

    status = Cog().main(["cog", "--check", "-I", str(ROOT), str(DOCS / "cli.md")])
    assert status == 0, "docs/cli.md is out of date: run `make docs`"


def test_cli_reference_names_every_command():
    from orsheet.cli import COMMANDS

    text = (DOCS / "cli.md").read_text(encoding="utf-8")
    assert [name for name in sorted(COMMANDS) if f"### orsheet {name}\n" not in text] == []


@pytest.fixture(scope="module")
def demo_workbook(tmp_path_factory) -> Path:
    return make_demo_workbook(tmp_path_factory.mktemp("demo") / "mijn-or.xlsm")


def make_demo_workbook(path: Path) -> Path:
    """The demo council's workbook before its main job (new actions unnumbered, nothing closed)."""
    from orsheet import demo_data, schema
    from orsheet.services.common import load_actions, open_workbook, set_setting
    from orsheet.template_file import template_path
    from orsheet.workbook.base import AppendRows

    shutil.copyfile(template_path(), path)
    backend = open_workbook(path)
    edits = [AppendRows(sheet, rows) for sheet, rows in demo_data.rows().items()]
    edits.append(set_setting(load_actions(backend).settings, schema.SETTING_ORGANISATION, demo_data.ORGANISATION))
    backend.write(edits)
    return path


def _pages_with_examples() -> list[Path]:
    return [p for p in PAGES if "```console" in p.read_text(encoding="utf-8") or _runs_python(p)]


def _runs_python(page: Path) -> bool:
    return page.read_text(encoding="utf-8").startswith("<!-- examples: python -->")


def test_the_docs_hold_examples_that_run():
    assert {p.stem for p in _pages_with_examples()} >= {"workbook", "agenda", "minutes", "year-plan", "woo", "python-api"}


@pytest.mark.parametrize("page", _pages_with_examples(), ids=lambda p: p.stem)
def test_docs_examples_run_and_print_what_the_page_says(page: Path, demo_workbook: Path, tmp_path: Path, monkeypatch):
    shutil.copyfile(demo_workbook, tmp_path / "mijn-or.xlsm")
    monkeypatch.chdir(tmp_path)
    namespace: dict = {}
    for block in _BLOCK.finditer(page.read_text(encoding="utf-8")):
        if block["file"]:
            (tmp_path / block["file"]).write_text(block["body"], encoding="utf-8")
        elif block["lang"] == "console":
            _run_console(block["body"])
        elif block["lang"] == "python" and _runs_python(page):
            exec(compile(block["body"], f"{page.name} example", "exec"), namespace)


def _run_console(body: str) -> None:
    for command, expected in _commands(body):
        wanted_exit = 1 if command.rstrip().endswith("# exit 1") else 0
        args = shlex.split(command, comments=True)
        assert args[0] == "orsheet", command
        result = CliRunner().invoke(main, args[1:], prog_name="orsheet", terminal_width=100)
        assert result.exit_code == wanted_exit, f"$ {command}\n{result.output}"
        assert not expected or _matches(expected, result.output.rstrip("\n").splitlines()), (
            f"$ {command}\nexpected:\n" + "\n".join(expected) + "\n\ngot:\n" + result.output
        )


def _commands(body: str) -> list[tuple[str, list[str]]]:
    found: list[tuple[str, list[str]]] = []
    for line in body.rstrip("\n").splitlines():
        if line.startswith("$ "):
            found.append((line[2:], []))
        elif found:
            found[-1][1].append(line)
    return found


def _matches(expected: list[str], actual: list[str]) -> bool:
    """Expected lines against the output; ``...`` lines skip any lines, ``...`` in a line any text."""
    if not expected:
        return not actual
    if expected[0] == "...":
        return any(_matches(expected[1:], actual[start:]) for start in range(len(actual) + 1))
    if not actual:
        return False
    pattern = ".*".join(re.escape(part) for part in expected[0].split("..."))
    return re.fullmatch(pattern, actual[0]) is not None and _matches(expected[1:], actual[1:])
