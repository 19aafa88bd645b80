"""Fill a Word template with a context, and convert .docx to PDF with LibreOffice."""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

from docxtpl import DocxTemplate

from orsheet.errors import OrsheetError

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"
AGENDA_TEMPLATE = TEMPLATES / "agenda.docx"
MINUTES_TEMPLATE = TEMPLATES / "minutes.docx"

SOFFICE_NAMES = ("soffice", "libreoffice")
PDF_TIMEOUT_SECONDS = 180


def render_docx(template: Path, context: dict, target: Path) -> Path:
    """Render ``template`` with ``context`` into ``target`` (text is XML-escaped).

    A template (e.g. one a secretary restyled) that asks for a field the
    context lacks, or has a broken tag, is refused with a Dutch message
    instead of silently printing blanks.
    """
    from jinja2 import StrictUndefined, TemplateError
    from jinja2.sandbox import SandboxedEnvironment

    document = DocxTemplate(str(template))
    try:
        document.render(context, SandboxedEnvironment(undefined=StrictUndefined, autoescape=True), autoescape=True)
    except TemplateError as error:
        raise OrsheetError(f"het Word-sjabloon {template.name} klopt niet: {error.message}") from None
    document.save(str(target))
    return target


def find_soffice() -> str | None:
    """The LibreOffice executable: $ORSHEET_SOFFICE, else soffice/libreoffice on PATH."""
    configured = os.environ.get("ORSHEET_SOFFICE")
    if configured:
        return configured if Path(configured).exists() or shutil.which(configured) else None
    for name in SOFFICE_NAMES:
        found = shutil.which(name)
        if found:
            return found
    return None


@dataclass(frozen=True)
class PdfResult:
    path: Path | None
    reason: str = ""  # Dutch: why there is no PDF


def convert_to_pdf(docx: Path, target: Path, soffice: str | None) -> PdfResult:
    """Convert ``docx`` to ``target`` with LibreOffice, in a private profile.

    Each run gets its own ``-env:UserInstallation`` so parallel conversions
    (or a LibreOffice the user has open) do not clash. Without LibreOffice
    the result carries a Dutch reason instead of a path.
    """
    if soffice is None:
        return PdfResult(None, "geen PDF gemaakt: LibreOffice (soffice) is niet gevonden; "
                               "installeer LibreOffice of maak de PDF vanuit Word")
    with tempfile.TemporaryDirectory(prefix="orsheet-pdf-") as work:
        profile = Path(work, "profile").as_uri()
        command = [soffice, f"-env:UserInstallation={profile}", "--headless", "--norestore",
                   "--convert-to", "pdf", "--outdir", work, str(docx)]
        try:
            done = subprocess.run(command, capture_output=True, text=True, timeout=PDF_TIMEOUT_SECONDS)
        except (OSError, subprocess.TimeoutExpired) as error:
            return PdfResult(None, f"geen PDF gemaakt: LibreOffice gaf een fout ({error})")
        produced = Path(work, docx.with_suffix(".pdf").name)
        if done.returncode != 0 or not produced.exists():
            detail = (done.stderr or done.stdout).strip().splitlines()[-1:] or [f"code {done.returncode}"]
            return PdfResult(None, f"geen PDF gemaakt: LibreOffice kon het bestand niet omzetten ({detail[0]})")
        shutil.move(str(produced), target)
    return PdfResult(target)


def replace_file(source: Path, target: Path) -> None:
    """Move ``source`` over ``target``; a document open in Word gives a Dutch error."""
    try:
        os.replace(source, target)
    except PermissionError:
        raise OrsheetError(f"kan {target.name} niet overschrijven: is het bestand nog open in Word?") from None
