"""Minutes in Word read as Word shows them: tracked insertions, content controls and simple fields count,
tracked deletions do not (python-docx's Paragraph.text reads only direct runs and hyperlinks)."""

from __future__ import annotations

import copy
from pathlib import Path

import docx
from docx.oxml.ns import qn
from lxml import etree

from orsheet.documents.minutes_reader import read_minutes

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _wrap(paragraph, tag: str, **attributes) -> None:
    """Put the paragraph's runs inside a ``tag`` element (w:ins, w:del, w:fldSimple, w:sdt)."""
    wrapper = etree.SubElement(paragraph._p, qn(tag), {qn(f"w:{k}"): v for k, v in attributes.items()})
    target = wrapper
    if tag == "w:sdt":
        target = etree.SubElement(wrapper, qn("w:sdtContent"))
    for run in list(paragraph._p.iterchildren(qn("w:r"))):
        if tag == "w:del":
            for text in run.iterchildren(qn("w:t")):
                text.tag = qn("w:delText")
        target.append(run)


def minutes_with_markup(path: Path) -> Path:
    document = docx.Document()
    document.add_paragraph("Notulen OR-vergadering 9 november 2023")
    _wrap(document.add_paragraph("Actie 205 is afgerond."), "w:ins", id="1", author="Voorzitter",
          date="2023-11-10T09:00:00Z")
    _wrap(document.add_paragraph("Actie 203 is afgerond."), "w:del", id="2", author="Voorzitter",
          date="2023-11-10T09:00:00Z")
    _wrap(document.add_paragraph("Actie 187 is afgerond."), "w:sdt")
    _wrap(document.add_paragraph("Actie 112 is afgerond."), "w:fldSimple", instr=" QUOTE ")
    block = document.add_paragraph("Actie 204 is afgerond.")._p  # a paragraph inside a body-level content control
    sdt = etree.Element(qn("w:sdt"))
    etree.SubElement(sdt, qn("w:sdtPr"))
    content = etree.SubElement(sdt, qn("w:sdtContent"))
    block.addprevious(sdt)
    content.append(copy.deepcopy(block))
    block.getparent().remove(block)
    document.save(path)
    return path


def test_text_in_insertions_content_controls_and_fields_is_read_and_deleted_text_is_not(tmp_path):
    texts = [p.text for p in read_minutes(minutes_with_markup(tmp_path / "notulen.docx"))]
    assert texts == ["Notulen OR-vergadering 9 november 2023", "Actie 205 is afgerond.", "Actie 187 is afgerond.",
                     "Actie 112 is afgerond.", "Actie 204 is afgerond."]


def test_a_field_code_is_no_text_only_its_result_is(tmp_path):
    document = docx.Document()
    paragraph = document.add_paragraph()
    paragraph._p.append(etree.fromstring(
        f'<w:r xmlns:w="{W}"><w:fldChar w:fldCharType="begin"/></w:r>'))
    paragraph._p.append(etree.fromstring(f'<w:r xmlns:w="{W}"><w:instrText> DATE \\@ "d-M-yyyy" </w:instrText></w:r>'))
    paragraph._p.append(etree.fromstring(f'<w:r xmlns:w="{W}"><w:fldChar w:fldCharType="separate"/></w:r>'))
    paragraph.add_run("9-11-2023")
    paragraph._p.append(etree.fromstring(f'<w:r xmlns:w="{W}"><w:fldChar w:fldCharType="end"/></w:r>'))
    document.save(tmp_path / "veld.docx")
    assert [p.text for p in read_minutes(tmp_path / "veld.docx")] == ["9-11-2023"]
