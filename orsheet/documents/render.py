"""Fill a Word template with a context (PDFs: :mod:`orsheet.documents.pdf`)."""

from __future__ import annotations

import io
import re
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

    try:
        document = DocxTemplate(str(template))
        document.render(context, SandboxedEnvironment(undefined=StrictUndefined, autoescape=True), autoescape=True)
    except TemplateError as error:
        raise OrsheetError(f"het Word-sjabloon {template.name} klopt niet: {template_problem(error, context)}") from None
    except Exception:  # noqa: BLE001 - a sum in a tag ({{ 1/0 }}), a file that is no Word document
        if template.parent == TEMPLATES:
            raise  # orsheet's own template: a bug, for the bug report
        raise OrsheetError(f"het Word-sjabloon {template.name} kan niet worden gevuld: een tag rekent met iets dat "
                           "niet kan, of het bestand is geen Word-document (.docx). Probeer het met het standaard "
                           "sjabloon (maak de instelling leeg) om te zien of het aan het sjabloon ligt.") from None
    if title:
        set_properties(document.docx, title, organisation or "Ondernemingsraad", created)
    buffer = io.BytesIO()  # not straight to disk: see orsheet.documents.files
    document.save(buffer)
    write_whole(target, buffer.getvalue())
    return target


_UNDEFINED = re.compile(r"'([^']+)' is undefined")
_NO_ATTRIBUTE = re.compile(r"has no attribute '([^']+)'")
_OPEN_BLOCK = re.compile(r"innermost block that needs to be closed is '(\w+)'")


def template_problem(error: Exception, context: dict) -> str:
    """What is wrong in a template, in Dutch, from Jinja's English ``error``."""
    from jinja2 import TemplateSyntaxError, UndefinedError

    message = getattr(error, "message", None) or ""
    fields = ", ".join(sorted(context))
    if isinstance(error, UndefinedError):
        found = _UNDEFINED.search(message) or _NO_ATTRIBUTE.search(message)
        name = found.group(1) if found else "?"
        return f'het veld "{name}" bestaat niet. Velden die er wel zijn: {fields}'
    if isinstance(error, TemplateSyntaxError):
        block = _OPEN_BLOCK.search(message)
        if block:
            return f"een {{% {block.group(1)} %}} wordt niet afgesloten (met {{% end{block.group(1)} %}})"
        return "een {{ … }}- of {% … %}-tag is niet goed geschreven (een haakje te veel of te weinig?)"
    return "een tag kan niet worden gelezen"
