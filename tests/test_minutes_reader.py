"""Reading minutes files: .txt/.md, .docx (headings, bullets, tables), .pdf, and bad files."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from orsheet.documents.minutes_reader import heading_level, paragraphs_from_text, read_minutes
from orsheet.errors import InputError
from orsheet.minutes import SURE, parse_minutes
from tests.minutes_support import DATA, docx_from_minutes_text, pdf_from_lines

DOMAIN = Path("/work/shared/domain/or-documenten-2023-sep-okt.txt")


@pytest.mark.parametrize("name, lines", [("notulen-2023-09-28.txt", (73, 147)),
                                          ("notulen-2023-10-12.txt", (192, 287)),
                                          ("notulen-2023-10-26.txt", (424, 514))])
def test_minutes_test_data_is_the_published_text_cut_unchanged(name, lines):
    if not DOMAIN.exists():
        pytest.skip("shared domain material not available on this machine")
    source = DOMAIN.read_text(encoding="utf-8").splitlines(keepends=True)
    assert (DATA / name).read_text(encoding="utf-8") == "".join(source[lines[0] - 1 : lines[1]])


def test_minutes_text_headings_are_found_by_shape():
    assert heading_level("#### 5.1 Organisatie en besturing") == 4
    assert heading_level("**3. Actualiteit en ingekomen stukken**") == 1
    assert heading_level("5.1 Organisatie en besturing") == 2
    assert heading_level("1. Het is onduidelijk op welke wijze de kwaliteit gemeten is.") == 0
    assert heading_level("De voorzitter opent de vergadering.") == 0


def test_minutes_text_bullets_become_their_own_paragraphs():
    paragraphs = paragraphs_from_text("Inleiding\nloopt door.\n\n- eerste punt\n- tweede punt\n  loopt door\n")
    assert [(p.text, p.bullet) for p in paragraphs] == [
        ("Inleiding loopt door.", False),
        ("eerste punt", True),
        ("tweede punt loopt door", True),
    ]


def _summary(paragraphs):
    proposal = parse_minutes(paragraphs)
    return (
        proposal.closed_numbers,
        [(a.owner, a.subject) for a in proposal.new_actions if a.confidence == SURE],
        [d.text for d in proposal.decisions if d.confidence == SURE],
    )


@pytest.mark.parametrize("heading_styles", [True, False], ids=["heading-styles", "bold-paragraphs"])
def test_minutes_docx_reads_the_same_as_the_text_it_was_made_from(tmp_path, heading_styles):
    source = DATA / "notulen-2023-10-12.txt"
    docx_path = docx_from_minutes_text(source, tmp_path / "notulen.docx", heading_styles=heading_styles)
    assert _summary(read_minutes(docx_path)) == _summary(read_minutes(source))


def test_minutes_docx_table_cells_and_bullets_are_read(tmp_path):
    import docx

    document = docx.Document()
    document.add_heading("4. Actie- en besluitenlijst", level=1)
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "Onderwerp"
    table.cell(0, 1).text = "Afspraak"
    table.cell(1, 0).text = "Poster"
    table.cell(1, 1).text = "Er komt een poster. (actie: Karin)"
    document.add_paragraph("Acties 12 en 13 zijn afgerond.", style="List Bullet")
    document.save(tmp_path / "tabel.docx")
    paragraphs = read_minutes(tmp_path / "tabel.docx")
    assert any(p.bullet and "12 en 13" in p.text for p in paragraphs)
    # The table's first column names each row's item: "Poster" is the action's subject.
    assert _summary(paragraphs) == ([12, 13], [("Karin", "Poster")], [])


def test_minutes_pdf_text_is_read(tmp_path):
    lines = ["4. Actie- en besluitenlijst", "", "Acties 325 en 330 zijn afgerond.", "",
             "5. Signalen", "", "De OR zal dit opvragen bij de bestuurder. (actie: 5.1.2e)"]
    paragraphs = read_minutes(pdf_from_lines(lines, tmp_path / "notulen.pdf"))
    assert _summary(paragraphs) == ([325, 330], [("5.1.2e", "Signalen")], [])


def test_minutes_markdown_file_is_read_like_text(tmp_path):
    path = tmp_path / "notulen.md"
    path.write_text("# 3. Mededelingen\n\nDe OR besluit te vergaderen.\n", encoding="utf-8")
    assert _summary(read_minutes(path)) == ([], [], ["De OR besluit te vergaderen."])


# ------------------------------------------------------------------ bad files


def _error(path: Path) -> str:
    with pytest.raises(InputError) as raised:
        read_minutes(path)
    return str(raised.value)


def test_minutes_empty_file_is_refused_in_dutch(tmp_path):
    (tmp_path / "leeg.docx").write_bytes(b"")
    (tmp_path / "leeg.txt").write_text("  \n\n", encoding="utf-8")
    assert "leeg.docx is leeg" in _error(tmp_path / "leeg.docx")
    assert "leeg.txt is leeg" in _error(tmp_path / "leeg.txt")


def test_minutes_missing_file_is_refused_in_dutch(tmp_path):
    assert "bestaat niet" in _error(tmp_path / "weg.docx")


def test_minutes_corrupt_docx_is_refused_in_dutch(tmp_path):
    (tmp_path / "kapot.docx").write_bytes(b"dit is geen word-document" * 10)
    assert "kapot.docx is geen geldig Word-document" in _error(tmp_path / "kapot.docx")


def test_minutes_docx_with_a_broken_part_is_refused_in_dutch(tmp_path):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document")
    (tmp_path / "half.docx").write_bytes(buffer.getvalue())
    assert "half.docx is beschadigd" in _error(tmp_path / "half.docx")


def test_minutes_password_protected_docx_is_refused_in_dutch(tmp_path):
    pytest.importorskip("msoffcrypto", reason="msoffcrypto-tool (via oletools) makes the encrypted file")
    from msoffcrypto.format.ooxml import OOXMLFile

    plain = docx_from_minutes_text(DATA / "notulen-2023-10-26.txt", tmp_path / "plain.docx")
    locked = tmp_path / "beveiligd.docx"
    with open(plain, "rb") as source, open(locked, "wb") as target:
        OOXMLFile(source).encrypt("geheim", target)
    assert "beveiligd.docx is beveiligd met een wachtwoord" in _error(locked)


def test_minutes_password_protected_pdf_is_refused_in_dutch(tmp_path):
    from pypdf import PdfReader, PdfWriter

    plain = pdf_from_lines(["Acties 1 en 2 zijn afgerond."], tmp_path / "plain.pdf")
    writer = PdfWriter()
    writer.append(PdfReader(plain))
    writer.encrypt("geheim", algorithm="AES-128")
    with open(tmp_path / "beveiligd.pdf", "wb") as handle:
        writer.write(handle)
    assert "beveiligd met een wachtwoord" in _error(tmp_path / "beveiligd.pdf")


def test_minutes_corrupt_pdf_is_refused_in_dutch(tmp_path):
    (tmp_path / "kapot.pdf").write_bytes(b"%PDF-1.4\nrommel")
    assert "kapot.pdf is geen leesbare PDF" in _error(tmp_path / "kapot.pdf")


def test_minutes_unsupported_file_type_is_refused_in_dutch(tmp_path):
    (tmp_path / "notulen.odt").write_bytes(b"iets")
    assert ".odt wordt niet ondersteund" in _error(tmp_path / "notulen.odt")


@pytest.mark.parametrize("line", ["**Besluit: de OR gaat akkoord**", "**Actie: Jan stuurt de brief**",
                                  "**Acties 12 en 13 zijn afgerond**", "**De OR besluit akkoord te gaan**"])
def test_minutes_bold_line_that_is_a_marker_or_decision_is_not_a_heading(line):
    assert heading_level(line) == 0


@pytest.mark.libreoffice
@pytest.mark.slow
def test_minutes_pdf_printed_by_libreoffice_reads_like_the_docx(tmp_path):
    import shutil
    import subprocess

    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        pytest.skip("LibreOffice (soffice) is not installed; it prints the .docx to PDF for this test")
    docx_path = docx_from_minutes_text(DATA / "notulen-2023-10-26.txt", tmp_path / "notulen.docx")
    subprocess.run(
        [soffice, f"-env:UserInstallation=file://{tmp_path}/lo-profile", "--headless", "--convert-to", "pdf",
         "--outdir", str(tmp_path), str(docx_path)],
        check=True, capture_output=True, timeout=180,
    )
    from_pdf = _summary(read_minutes(tmp_path / "notulen.pdf"))
    from_docx = _summary(read_minutes(docx_path))
    assert from_pdf[0] == from_docx[0] == [333, 334, 341, 342, 343, 344, 345]
    assert [owner for owner, _ in from_pdf[1]] == ["5.1.2e"]
    assert len(from_pdf[2]) == 1 and from_pdf[2][0].startswith("De OR besluit dat voortaan")


def test_minutes_pdf_style_text_keeps_wrapped_bullets_and_finds_unnumbered_headings():
    text = (
        "Terugkoppeling vanuit de DOR\n"
        "Er is vergaderd.\n"
        "\uf0b7 De OR besluit op korte termijn een eigen overleg (BOT-\n"
        "overleg) te beleggen.\n"
        "Een nieuwe alinea begint hier.\n"
    )
    paragraphs = paragraphs_from_text(text, loose_headings=True)
    assert [(p.level, p.bullet, p.text) for p in paragraphs] == [
        (3, False, "Terugkoppeling vanuit de DOR"),
        (0, False, "Er is vergaderd."),
        (0, True, "De OR besluit op korte termijn een eigen overleg (BOT-overleg) te beleggen."),
        (0, False, "Een nieuwe alinea begint hier."),
    ]


def test_minutes_action_list_table_closes_rows_whose_status_says_done(tmp_path):
    import docx

    document = docx.Document()
    document.add_heading("Actielijst OR-vergadering", level=1)
    rows = [["Nr", "Onderwerp", "Omschrijving", "Wie", "Status"],
            ["332", "DOR-werkgroepen", "Nagaan of de scholing is afgerond", "5.1.2e", ""],
            ["337", "Politieke invloed", "Werkbezoek vormgeven", "5.1.2e", "afgerond"],
            ["339", "Artikel 24 overleg", "Opstellen agenda", "DB", "ON HOLD"]]
    table = document.add_table(rows=len(rows), cols=len(rows[0]))
    for r, values in enumerate(rows):
        for c, value in enumerate(values):
            table.cell(r, c).text = value
    document.save(tmp_path / "verslag.docx")
    paragraphs = read_minutes(tmp_path / "verslag.docx")
    assert [p.text for p in paragraphs if not p.level] == ["Actie 337 (Politieke invloed): afgerond."]
    assert parse_minutes(paragraphs).closed_numbers == [337]


def test_minutes_skeleton_toelichting_and_placeholders_are_not_read(tmp_path):
    import docx
    from docx.enum.style import WD_STYLE_TYPE

    document = docx.Document()
    document.styles.add_style("Toelichting", WD_STYLE_TYPE.PARAGRAPH)
    document.add_heading("5.1 Organisatie en besturing", level=2)
    document.add_paragraph("De OR besluit welke aandachtspunten hij meegeeft.", style="Toelichting")
    document.add_paragraph("…")
    document.add_paragraph("De OR besluit de brief te versturen.")
    document.save(tmp_path / "verslag.docx")
    paragraphs = read_minutes(tmp_path / "verslag.docx")
    assert [p.text for p in paragraphs] == ["5.1 Organisatie en besturing", "De OR besluit de brief te versturen."]


def test_minutes_pdf_text_marker_line_after_a_numbered_line_starts_a_new_sentence():
    text = "Verslag 12 oktober 2023\n6. 7. OR/MR avond\nActie: Jan regelt de zaal.\nDe avond is op 1 november.\n"
    paragraphs = paragraphs_from_text(text, loose_headings=True)
    [action] = parse_minutes(paragraphs).new_actions
    assert action.owner == "Jan" and action.description == "Jan regelt de zaal."


def test_minutes_capitalised_line_below_a_short_bullet_is_a_sentence_of_its_own():
    text = "- het zoeken op geo\nMartin neemt dit mee in de uitwerking.\n"
    first, second = paragraphs_from_text(text)
    assert (first.text, first.bullet) == ("het zoeken op geo", True)
    assert (second.text, second.bullet) == ("Martin neemt dit mee in de uitwerking.", False)
    wrapped = "- een lange regel die doorloopt tot aan de rand van de pagina en dan verder gaat\nOp de volgende regel.\n"
    assert len(paragraphs_from_text(wrapped)) == 1
