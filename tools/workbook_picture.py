"""Render the demo workbook's Acties sheet to docs/workbook.png (the README's picture).

    .venv/bin/python tools/workbook_picture.py

Builds the demo workbook, keeps only the Acties sheet with gridlines and
headings, lets LibreOffice (headless) print it to PDF and crops the table
with pdftoppm. Needs soffice and pdftoppm on PATH.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import openpyxl

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from orsheet.commands.demo import build_demo  # noqa: E402


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        build_demo(work / "demo")
        book = openpyxl.load_workbook(work / "demo" / "orsheet-demo.xlsm")
        for name in book.sheetnames:
            if name != "Acties":
                del book[name]
        sheet = book["Acties"]
        sheet.page_setup.orientation = "landscape"
        sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
        sheet.sheet_properties.pageSetUpPr.fitToPage = True
        sheet.page_setup.fitToWidth, sheet.page_setup.fitToHeight = 1, 0
        sheet.print_options.gridLines = sheet.print_options.headings = True
        sheet.print_area = f"A1:K{min(sheet.max_row, 14)}"
        book.save(work / "acties.xlsx")
        soffice = shutil.which("soffice") or "soffice"
        subprocess.run([soffice, "--headless", "--convert-to", "pdf", "--outdir", str(work), str(work / "acties.xlsx")],
                       check=True, capture_output=True, timeout=180)
        subprocess.run(["pdftoppm", "-png", "-r", "130", "-x", "100", "-y", "128", "-W", "1480", "-H", "150",
                        "-singlefile", str(work / "acties.pdf"), str(ROOT / "docs" / "workbook")], check=True)
    print(ROOT / "docs" / "workbook.png")


if __name__ == "__main__":
    main()
