"""Fill a Word template with a context (PDFs: :mod:`orsheet.documents.pdf`)."""

from __future__ import annotations

import io
from datetime import datetime
from pathlib import Path

from docxtpl import DocxTemplate

from orsheet.documents.docx_layout import set_properties
from orsheet.documents.files import write_whole
from orsheet.errors import OrsheetError

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"
AGENDA_TEMPLATE = TEMPLATES / "agenda.docx"
MINUTES_TEMPLATE = TEMPLATES / "minutes.docx"


def render_docx(template: Path, context: dict, target: Path, *, title: str = "", organisation: str = "",
                created: datetime | None = None) -> Path:
    """Render ``template`` with ``context`` into ``target`` (text is XML-escaped).

    The document gets its own properties: ``title``, the council as author and
    company, and the time it was made (``created``, default now).

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
    if title:
        set_properties(document.docx, title, organisation or "Ondernemingsraad", created)
    buffer = io.BytesIO()  # not straight to disk: see orsheet.documents.files
    document.save(buffer)
    write_whole(target, buffer.getvalue())
    return target
