"""Build the Word and PDF minutes of this folder from the texts in sources/ (run by hand, once).

The .docx files are written with python-docx in Word's built-in styles (Heading 1, List Bullet,
a table in "Table Grid"); the .pdf files are LibreOffice's rendering of a .txt or .docx
(``soffice --headless --convert-to pdf``), so their text comes back the way PDF text does:
wrapped lines, table cells run together.

    .venv/bin/python tests/data/minutes_unseen/sources/build_documents.py
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

import docx

HERE = Path(__file__).parent
TARGET = HERE.parent


def _docx(blocks: list[tuple[str, object]], path: Path) -> None:
    document = docx.Document()
    for kind, content in blocks:
        if kind == "table":
            rows = content
            table = document.add_table(rows=len(rows), cols=len(rows[0]))
            table.style = "Table Grid"
            for r, row in enumerate(rows):
                for c, text in enumerate(row):
                    table.cell(r, c).text = text
        elif kind == "h":
            document.add_heading(content, level=1)
        elif kind == "title":
            document.add_heading(content, level=0)
        elif kind == "li":
            document.add_paragraph(content, style="List Bullet")
        else:
            document.add_paragraph(content)
    document.save(str(path))


def _pdf(source: Path, target: Path) -> None:
    with tempfile.TemporaryDirectory() as out:
        subprocess.run(["soffice", "--headless", "--convert-to", "pdf", "--outdir", out, str(source)],
                       check=True, capture_output=True)
        shutil.copy(Path(out) / f"{source.stem}.pdf", target)


def _blocks(path: Path) -> list[tuple[str, object]]:
    """A small text format: '# ' heading, '= ' title, '- ' bullet, '| a | b |' table rows, else a paragraph."""
    blocks: list[tuple[str, object]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        if line.startswith("|"):
            row = [cell.strip() for cell in line.strip().strip("|").split("|")]
            if blocks and blocks[-1][0] == "table":
                blocks[-1][1].append(row)
            else:
                blocks.append(("table", [row]))
        elif line.startswith("= "):
            blocks.append(("title", line[2:]))
        elif line.startswith("# "):
            blocks.append(("h", line[2:]))
        elif line.startswith("- "):
            blocks.append(("li", line[2:]))
        else:
            blocks.append(("p", line))
    return blocks


def main() -> None:
    _pdf(HERE / "unseen-03-or-fabriek.txt", TARGET / "unseen-03-or-fabriek.pdf")
    _docx(_blocks(HERE / "unseen-09-cor.docx.txt"), TARGET / "unseen-09-cor.docx")
    _docx(_blocks(HERE / "unseen-15-mr-tabel.docx.txt"), TARGET / "unseen-15-mr-tabel.docx")
    with tempfile.TemporaryDirectory() as work:
        word = Path(work) / "unseen-11-sportvereniging.docx"
        _docx(_blocks(HERE / "unseen-11-sportvereniging.docx.txt"), word)
        _pdf(word, TARGET / "unseen-11-sportvereniging.pdf")


if __name__ == "__main__":
    main()
