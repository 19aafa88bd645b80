"""Read a PDF as a reader sees it: text line by line as printed, and the fonts in the file."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

HAVE_POPPLER = shutil.which("pdftotext") is not None and shutil.which("pdffonts") is not None
HOUSE_FONT_FAMILIES = {"LiberationSans", "Arial", "ArialMT"}  # Arial, or its metric twin on Linux


def pdf_text(path: Path) -> str:
    """``pdftotext -layout``: every printed line, form feeds between pages."""
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True).stdout


def page_texts(path: Path) -> list[str]:
    return pdf_text(path).split("\f")[:-1]


def pdf_fonts(path: Path) -> list[tuple[str, bool]]:
    """(font name without subset prefix, embedded) for every font ``pdffonts`` lists."""
    lines = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True).stdout.splitlines()[2:]
    return [(line.split()[0].split("+", 1)[-1], line.split()[-5] == "yes") for line in lines]


def only_house_fonts_embedded(path: Path) -> bool:
    fonts = pdf_fonts(path)
    return bool(fonts) and all(embedded for _, embedded in fonts) and \
        {name.split("-")[0] for name, _ in fonts} <= HOUSE_FONT_FAMILIES
