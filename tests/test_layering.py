"""The domain core stays pure: no workbook engine, no CLI, no documents."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PURE = [
    "orsheet.model", "orsheet.rules", "orsheet.parsing", "orsheet.errors", "orsheet.schema",
    "orsheet.agenda", "orsheet.minutes", "orsheet.schedule",
    "orsheet.schedule_settings", "orsheet.redact", "orsheet.deadlines", "orsheet.dutch", "orsheet.digest",
    "orsheet.schedule_text",
]
FORBIDDEN = ["holidays", "icalendar", "pypdf", "lxml", "openpyxl", "xlwings", "pandas", "python_calamine", "docx", "docxtpl", "click", "orsheet.cli", "orsheet.workbook.file", "orsheet.documents", "orsheet.macros"]


@pytest.mark.parametrize("module", PURE)
def test_the_pure_core_imports_no_engine_cli_or_documents(module):
    code = f"import sys, {module}; print(','.join(sorted(m for m in {FORBIDDEN!r} if m in sys.modules)))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == ""


def test_only_macros_uses_the_xlwings_caller_api():
    users = [p for p in (ROOT / "orsheet").rglob("*.py") if "Book.caller" in p.read_text(encoding="utf-8")]
    assert [p.name for p in users] in ([], ["macros.py"])
