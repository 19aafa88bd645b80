"""A real spreadsheet program opens what the file backend writes."""

from __future__ import annotations

import shutil
import subprocess
from datetime import date
from pathlib import Path

import openpyxl
import pytest

from orsheet import schema
from orsheet.workbook.base import AppendRows, DeleteRows, ReplaceSheet, UpdateCells
from orsheet.workbook.file import FileBackend

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
pytestmark = [
    pytest.mark.libreoffice,
    pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed; CI installs it"),
]


def convert(path: Path, to: str, out: Path) -> Path:
    profile = out / "lo-profile"
    subprocess.run(
        [SOFFICE, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", to, "--outdir", str(out), str(path)],
        check=True, capture_output=True, timeout=180,
    )
    return out / (path.stem + "." + to.split(":")[0])


def test_libreoffice_opens_a_workbook_after_appends_deletes_updates_and_a_new_sheet(template_copy, tmp_path):
    rows = [{schema.NR: n, schema.ONDERWERP: f"Actie {n}", schema.DATUM: date(2023, 10, n)} for n in range(1, 6)]
    FileBackend(template_copy).write([AppendRows(schema.ACTIONS.name, rows)])
    FileBackend(template_copy).write([
        UpdateCells(schema.ACTIONS.name, 3, {schema.STATUS: "ON HOLD"}),
        DeleteRows(schema.ACTIONS.name, [2, 4]),
        ReplaceSheet("Agenda", [["Tijd", "Omschrijving"], ["10:00", "Opening"]], widths=[8, 40]),
    ])
    converted = convert(template_copy, "xlsx", tmp_path / "out")
    book = openpyxl.load_workbook(converted)
    acties = [row for row in book[schema.ACTIONS.name].iter_rows(min_row=2, values_only=True) if row[0]]
    assert [(r[0], r[1], r[7]) for r in acties] == [(2, "Actie 2", "ON HOLD"), (4, "Actie 4", None), (5, "Actie 5", None)]
    assert acties[0][5].date() == date(2023, 10, 2)
    assert book["Agenda"]["B2"].value == "Opening"
