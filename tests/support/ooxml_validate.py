"""Validate the Office files orsheet writes with an independent validator.

``openxml-audit`` is a Python port of Microsoft's Open XML SDK validator: it
checks every part against the ECMA-376 schemas (element order included, which
Word and Excel enforce when they call a file corrupt) and the SDK's semantic
rules. Only findings of severity *error* count; warnings (for example "Excel
would move inline strings to a shared-strings table on the next save") are
advice, not defects.

Use it after any command that writes a workbook or document::

    from tests.support.ooxml_validate import assert_valid_ooxml, assert_folder_valid
    assert_valid_ooxml(workbook_path)
    assert_folder_valid(tmp_path)  # every .docx/.xlsx/.xlsm below it
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

OFFICE_SUFFIXES = (".docx", ".docm", ".xlsx", ".xlsm")


@lru_cache(maxsize=1)
def _validator():
    from openxml_audit import OpenXmlValidator

    return OpenXmlValidator(max_errors=200)


def ooxml_errors(path: Path) -> list[str]:
    """The validator's errors for ``path`` ("part:xpath: message"), empty when the file is valid."""
    from openxml_audit import ValidationSeverity

    result = _validator().validate(str(path))
    return [str(error) for error in result.errors if error.severity == ValidationSeverity.ERROR]


def assert_valid_ooxml(*paths: Path) -> None:
    """Fail with every error of every file that is not valid Open XML."""
    problems = {Path(p).name: ooxml_errors(Path(p)) for p in paths}
    bad = {name: errors for name, errors in problems.items() if errors}
    assert not bad, "\n".join(f"{name}:\n  " + "\n  ".join(errors[:15]) for name, errors in bad.items())


def office_files(folder: Path) -> list[Path]:
    """Every Office file below ``folder`` (Word's lock files "~$..." left out)."""
    return sorted(p for p in Path(folder).rglob("*") if p.suffix.lower() in OFFICE_SUFFIXES
                  and p.is_file() and not p.name.startswith(("~$", ".")))


def assert_folder_valid(folder: Path) -> list[Path]:
    """Validate every Office file below ``folder``; returns the files checked (so a test can see some were)."""
    files = office_files(folder)
    assert_valid_ooxml(*files)
    return files
