"""Every Office file orsheet writes passes an independent Open XML validator.

The validator (``tests/support/ooxml_validate.py``, openxml-audit: a port of
Microsoft's Open XML SDK validator) checks element order and values against
the schemas, as Word and Excel do before they call a file corrupt. Each
command here runs as a user types it; after each, the workbook and every
document it wrote are validated.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from orsheet.documents.render import AGENDA_TEMPLATE, MINUTES_TEMPLATE
from orsheet.template_file import template_path
from orsheet.workbook.base import AppendRows
from orsheet.workbook.file import FileBackend
from tests.agenda_support import filled_workbook
from tests.support.cli import run
from tests.support.ooxml_validate import assert_valid_ooxml, office_files, ooxml_errors

MINUTES = Path(__file__).resolve().parent / "data" / "minutes" / "notulen-2023-10-12.txt"


def test_the_shipped_templates_are_valid_open_xml():
    assert_valid_ooxml(template_path(), AGENDA_TEMPLATE, MINUTES_TEMPLATE)


def test_the_validator_catches_the_table_property_errors_word_calls_corrupt(tmp_path):
    """A test that cannot fail is a defect: the old tblLayout/tblBorders order is refused."""
    import zipfile

    broken = tmp_path / "broken.docx"
    with zipfile.ZipFile(AGENDA_TEMPLATE) as source, zipfile.ZipFile(broken, "w") as target:
        for info in source.infolist():
            data = source.read(info)
            if info.filename == "word/document.xml":
                data = data.replace(b'<w:tblLayout w:type="fixed"/>', b"", 1).replace(
                    b"</w:tblPr>", b'<w:tblLayout w:type="fixed"/></w:tblPr>', 1)
            target.writestr(info, data)
    assert any("tblLayout" in error for error in ooxml_errors(broken))


@pytest.fixture(scope="module")
def workbook(tmp_path_factory) -> Path:
    path = filled_workbook(tmp_path_factory.mktemp("valid"))
    FileBackend(path).write([AppendRows("Personen", [{"Naam": "Jan de Vries", "Openbaar": "nee"}])])
    return path


COMMANDS = [
    ("number",),
    ("agenda", "--meeting", "2023-10-12", "--no-pdf"),
    ("minutes-template", "--meeting", "2023-10-12", "--force"),
    ("minutes", str(MINUTES), "--meeting", "2023-10-12", "--propose"),
    ("apply-proposal",),
    ("close",),
    ("overview", "--sheet", "--today", "2023-11-01"),
    ("schedule", "--year", "2024", "--apply"),
    ("woo-export", "--out", "{folder}/Woo", "--no-pdf", "--accept-names"),
]


@pytest.mark.parametrize("command", COMMANDS, ids=[c[0] for c in COMMANDS])
def test_every_file_a_command_writes_is_valid_open_xml(workbook, command):
    name, *options = command
    options = [option.format(folder=workbook.parent) for option in options]
    before = {path: path.stat().st_mtime_ns for path in office_files(workbook.parent)}
    result = run(name, workbook, *options)
    assert result.exit_code == 0, result.output
    written = [path for path in office_files(workbook.parent) if before.get(path) != path.stat().st_mtime_ns]
    assert written or name == "close"  # close: nothing is finished in these actions
    assert_valid_ooxml(*written)
