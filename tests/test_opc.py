"""The open package layer (orsheet.ooxml.opc): a part removed leaves no trace, a package saved
deterministically is the same bytes twice."""

from __future__ import annotations

from lxml import etree

from orsheet.ooxml.checks import ContentTypes, package_problems
from orsheet.ooxml.markup import MAIN
from orsheet.ooxml.opc import CONTENT_TYPES
from orsheet.ooxml.package import Package
from orsheet.template_file import template_path

NOTE_TYPE = "application/vnd.example.note+xml"


def test_a_removed_part_takes_its_content_type_override_along(tmp_path):
    package = Package(template_path())
    package.add("xl/notitie.xml", etree.Element(f"{{{MAIN}}}notitie"), NOTE_TYPE)
    assert ContentTypes(package).type_of("xl/notitie.xml") == NOTE_TYPE
    package.remove("xl/notitie.xml")
    assert not package.has("xl/notitie.xml") and package.get("xl/notitie.xml") is None
    assert b"notitie" not in package.get(CONTENT_TYPES)
    target = tmp_path / "zonder.xlsm"
    package.save(target)
    assert "xl/notitie.xml" not in Package(target).names
    assert package_problems(target) == []


def test_to_bytes_is_deterministic_and_puts_the_content_types_first():
    first, second = Package(template_path()).to_bytes(), Package(template_path()).to_bytes()
    assert first == second
    assert Package(first).names[0] == CONTENT_TYPES
