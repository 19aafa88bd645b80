"""The Word templates: their contract with the context builders, reproducible builds, rendering."""

from __future__ import annotations

import zipfile
from datetime import date, time
from pathlib import Path

import docx
import jinja2
import pytest
from docxtpl import DocxTemplate
from jinja2 import nodes

from orsheet.agenda import build_agenda
from orsheet.build import word_templates
from orsheet.documents.agenda_context import agenda_context, dutch_date, meeting_date_time, minutes_context
from orsheet.documents.render import AGENDA_TEMPLATE, MINUTES_TEMPLATE, render_docx
from orsheet.model import OR_MEETING, Action, AgendaItem, Meeting, StandardItem
from tests.agenda_support import docx_lines
from tests.support.parts import read_parts

DAY = date(2023, 10, 12)


def sample_agenda(with_actions: bool = True):
    meeting = Meeting(DAY, OR_MEETING, time(10), time(11, 30), "Zaal <2> & co", "Anna", "Eva", "OR", row=2)
    standard = [StandardItem(OR_MEETING, "begin", 1, "Opening", 5, "Voorzitter"),
                StandardItem(OR_MEETING, "eind", 1, "Sluiting", 5, "Voorzitter")]
    items = [AgendaItem(DAY, "2", "Voorbereiding OV", None, row=2),
             AgendaItem(DAY, "2.1", "O&B <concept>", 20, "Allen", "Ter bespreking", "Vragen bij O&B", row=3)]
    actions = [Action(339, "Artikel 24", "Agenda opstellen", "DB", OR_MEETING, date(2023, 9, 28), status="",
                      remarks="Na de zomer")] if with_actions else []
    return build_agenda(meeting, standard, items, actions)


def template_fields(template: Path) -> set[str]:
    """Every field a template reads, as dotted paths: "meeting.chair", "items[].title"."""
    document = DocxTemplate(str(template))
    document.init_docx()
    source = document.patch_xml(document.get_xml())
    for uri in (document.HEADER_URI, document.FOOTER_URI):
        for _, part in document.get_headers_footers(uri):
            source += document.patch_xml(document.get_part_xml(part))
    tree = jinja2.Environment().parse(source)
    loops = {loop.target.name: loop.iter.name for loop in tree.find_all(nodes.For)}
    fields: set[str] = set()

    def path(node) -> str | None:
        if isinstance(node, nodes.Name):
            return f"{loops[node.name]}[]" if node.name in loops else node.name
        if isinstance(node, nodes.Getattr):
            parent = path(node.node)
            return f"{parent}.{node.attr}" if parent else None
        return None

    for node in tree.find_all((nodes.Getattr, nodes.Name)):
        found = path(node)
        if found:
            fields.add(found)
    # Keep only the leaves ("meeting.chair", not "meeting" as well).
    return {f for f in fields if not any(other.startswith(f + ".") for other in fields)}


def context_fields(context: dict) -> set[str]:
    fields: set[str] = set()
    for key, value in context.items():
        if isinstance(value, dict):
            fields |= {f"{key}.{sub}" for sub in value}
        elif isinstance(value, list):
            entries = value or [{}]
            fields |= {f"{key}[].{sub}" for sub in entries[0]} or {f"{key}[]"}
        else:
            fields.add(key)
    return fields


@pytest.mark.parametrize(
    "template, build",
    [(AGENDA_TEMPLATE, agenda_context), (MINUTES_TEMPLATE, minutes_context)],
    ids=["agenda", "minutes"],
)
def test_template_uses_exactly_the_fields_its_context_builder_provides(template, build):
    provided = context_fields(build(sample_agenda()))
    lists = {f.split("[]")[0] for f in provided if "[]" in f}
    used = template_fields(template) - lists  # "{% if actions %}" / "for item in items" use the list itself
    assert used - provided == set(), "the template reads fields nobody provides"
    assert provided - used == set(), "the builder provides fields the template never shows"


@pytest.mark.parametrize("name", ["agenda.docx", "minutes.docx"])
def test_checked_in_template_is_what_the_build_script_makes(tmp_path, name):
    builder = {"agenda.docx": word_templates.build_agenda_template,
               "minutes.docx": word_templates.build_minutes_template}[name]
    rebuilt = builder(tmp_path / name)
    assert read_parts(rebuilt) == read_parts(word_templates.TEMPLATES / name), f"{name} differs: run make template"


def test_rendered_agenda_has_no_template_tags_left_and_escapes_special_characters(tmp_path):
    target = render_docx(AGENDA_TEMPLATE, agenda_context(sample_agenda()), tmp_path / "a.docx")
    text = "\n".join(docx_lines(target))
    assert "{{" not in text and "{%" not in text
    assert "Locatie | : Zaal <2> & co" in text
    assert "2.1\tO&B <concept>" in text


def test_agenda_without_open_actions_says_so(tmp_path):
    target = render_docx(AGENDA_TEMPLATE, agenda_context(sample_agenda(with_actions=False)), tmp_path / "a.docx")
    lines = docx_lines(target)
    assert lines[-1] == "Er staan geen acties open."


def test_minutes_skeleton_has_header_attendance_a_heading_per_item_and_the_action_list(tmp_path):
    target = render_docx(MINUTES_TEMPLATE, minutes_context(sample_agenda()), tmp_path / "m.docx")
    lines = docx_lines(target)
    assert lines[1] == "Verslag OR-vergadering"
    assert "Aanwezig | : …" in lines and "Afwezig | : …" in lines
    from docx import Document

    headings = [(p.style.name, p.text) for p in Document(str(target)).paragraphs if p.style.name.startswith("Heading")]
    assert headings == [("Heading 2", "1. Opening"), ("Heading 2", "2. Voorbereiding OV"),
                        ("Heading 3", "2.1 O&B <concept>"), ("Heading 2", "3. Sluiting")]
    assert "339 | Artikel 24 | Agenda opstellen | DB | OR-vergadering | 28-09-2023 |  |  | Na de zomer" in lines


def test_meeting_date_and_time_are_written_the_dutch_way():
    meeting = Meeting(date(2023, 9, 14), start=time(10), end=time(11, 30))
    assert dutch_date(date(2023, 3, 1)) == "1 maart 2023"
    assert meeting_date_time(meeting) == "14 september 2023, 10.00 – 11.30 uur"


def test_generated_agenda_is_dutch_and_carries_its_title_the_council_and_its_creation_time(tmp_path):
    from datetime import datetime

    from orsheet.documents import docx_layout

    before = datetime.now().replace(microsecond=0)
    path = render_docx(AGENDA_TEMPLATE, agenda_context(sample_agenda(), "OR Noord"), tmp_path / "a.docx",
                       title="Agenda OR-vergadering 12 oktober 2023", organisation="OR Noord")
    properties = docx.Document(path).core_properties
    assert properties.title == "Agenda OR-vergadering 12 oktober 2023"
    assert properties.author == properties.last_modified_by == "OR Noord"
    assert properties.created >= before.replace(tzinfo=properties.created.tzinfo) and properties.language == "nl-NL"
    with zipfile.ZipFile(path) as archive:
        assert "<Company>OR Noord</Company>" in archive.read("docProps/app.xml").decode()
        assert '<w:themeFontLang w:val="nl-NL"' in archive.read("word/settings.xml").decode()
        styles = archive.read("word/styles.xml").decode()
    assert f'w:ascii="{docx_layout.FONT}"' in styles and "asciiTheme" not in styles


def test_the_total_and_the_headings_keep_with_what_follows():
    document = docx.Document(AGENDA_TEMPLATE)
    for name in ("Totaal", "Actiekop", "Documenttitel"):
        assert document.styles[name].paragraph_format.keep_with_next, name
