"""An action table pasted into minutes that arrive as text or PDF is the status of existing actions.

PDF text keeps one space between cells and wraps a long description over
several lines; the rows must still be read by what their cells hold.
"""

from __future__ import annotations

import pytest

from orsheet.documents.minutes_reader import paragraphs_from_text, read_minutes
from orsheet.documents.minutes_tables import text_header
from orsheet.documents.pdf import convert_to_pdf, find_soffice
from orsheet.services.minutes import process_minutes
from tests.minutes_support import memory_workbook

# Open actions of the list of 12 Oct 2023 (tests/data/minutes).
POSTER = "Ontwerp maken voor een poster."  # 342
LETTER = "Brief aanpassen en versturen"  # 343
PLAN = "opvragen bij bestuurder"  # 344


def _minutes(tmp_path, table: str, after: str = "3. Rondvraag\nJan stuurt de uitnodiging voor de heidag rond.\n"):
    """Minutes as text: the table directly under its heading and the next heading right below it."""
    path = tmp_path / "notulen.txt"
    path.write_text("Verslag MR-vergadering 26 oktober 2023\n\nAanwezig: Jan, Petra, Marlijn\n\n2. Actielijst\n"
                    + table + after, encoding="utf-8")
    return path


def _suggested(plan) -> list[int]:
    return sorted(c.number for c in plan.suggested_closures)


def test_rows_marked_done_in_a_pdf_text_table_suggest_closing_the_actions_they_describe(tmp_path):
    table = (
        "Datum Omschrijving Naam Einddatum Voltooid\n"
        f"12-10-2023 {POSTER} Petra 20-10-2023 Ja\n"
        f"12-10-2023 {LETTER} Jan 01-11-2023\n"
        f"12-10-2023 {PLAN} Marlijn 30-10-2023 Voltooid\n"
    )
    plan = process_minutes(memory_workbook("2023-10-12"), _minutes(tmp_path, table), None)
    assert _suggested(plan) == [342, 344]
    assert plan.closures == []  # by description: a suggestion, never applied without a yes
    owners = [a.owner for a in plan.new_actions] + [a.owner for a, _ in plan.possible_actions]
    assert not any(owner in ("Naam", "Voltooid", "Datum") for owner in owners)


def test_text_below_the_table_after_a_heading_is_read_as_minutes_again(tmp_path):
    table = f"Datum Omschrijving Naam Einddatum Voltooid\n12-10-2023 {POSTER} Petra 20-10-2023 Ja\n"
    plan = process_minutes(memory_workbook("2023-10-12"), _minutes(tmp_path, table), None)
    [(action, _)] = plan.possible_actions
    assert action.owner == "Jan" and "heidag" in action.description


def test_a_deadline_alone_is_no_done_date_but_a_second_date_is(tmp_path):
    table = (
        "Datum Omschrijving Naam Einddatum Voltooid\n"
        f"12-10-2023 {POSTER} Petra 20-10-2023\n"
        f"12-10-2023 {PLAN} Marlijn 30-10-2023 24-10-2023\n"
    )
    assert _suggested(process_minutes(memory_workbook("2023-10-12"), _minutes(tmp_path, table), None)) == [344]


def test_a_numbered_table_closes_by_number_as_certain(tmp_path):
    table = "Nr Actie Wie Deadline Status\n342 Poster ontwerpen Petra 20-10-2023 afgerond\n343 Brief Jan 01-11-2023 loopt\n"
    plan = process_minutes(memory_workbook("2023-10-12"), _minutes(tmp_path, table), None)
    assert [c.number for c in plan.closures] == [342]


def test_a_tab_separated_row_keeps_its_empty_cells_in_place(tmp_path):
    table = f"Datum\tOmschrijving\tNaam\tEinddatum\tVoltooid\n12-10-2023\t{PLAN}\t\t\tja\n12-10-2023\t{LETTER}\tJan\t\t\n"
    assert _suggested(process_minutes(memory_workbook("2023-10-12"), _minutes(tmp_path, table), None)) == [344]


def test_a_row_that_runs_on_for_many_lines_is_text_not_a_row():
    lines = ["Datum Omschrijving Naam Einddatum Voltooid", "12-10-2023 Het overleg over de poster"]
    lines += [f"liep uit; regel {n} van het verslag" for n in range(12)]
    lines += ["en de poster is klaar Ja"]
    paragraphs = paragraphs_from_text("\n".join(lines), loose_headings=True)
    assert not any(p.text.endswith("is afgerond.") for p in paragraphs)
    assert any("regel 11" in p.text for p in paragraphs)


@pytest.mark.parametrize("line", [
    "Datum Omschrijving Naam Einddatum Voltooid",
    "Nr.  Actie  Wie  Status",
    "Nr\tOnderwerp\tActiehouder\tGereed",
])
def test_a_line_of_column_names_with_a_done_column_is_an_action_table_header(line):
    assert text_header(line) is not None


@pytest.mark.parametrize("line", [
    "De actie is afgerond",  # a sentence
    "Datum Omschrijving Naam",  # no done column: a list, not a status table
    "Actie status",  # too few columns to be a table
])
def test_other_lines_are_no_action_table_header(line):
    assert text_header(line) is None


@pytest.mark.skipif(find_soffice() is None, reason="LibreOffice is needed to make the PDF")
def test_a_word_table_printed_to_pdf_suggests_the_same_closures_as_the_word_file(tmp_path):
    import docx

    document = docx.Document()
    document.add_paragraph("Verslag MR-vergadering 26 oktober 2023")
    document.add_heading("2. Actielijst", level=1)
    table = document.add_table(rows=0, cols=5)
    table.style = "Table Grid"
    rows = [("Datum", "Omschrijving", "Naam", "Einddatum", "Voltooid"),
            ("12-10-2023", POSTER + " Met de fotograaf en de vormgever", "Petra", "20-10-2023", "Ja"),
            ("12-10-2023", LETTER, "Jan", "01-11-2023", ""),
            ("12-10-2023", PLAN, "Marlijn", "30-10-2023", "Voltooid")]
    for values in rows:
        for cell, value in zip(table.add_row().cells, values):
            cell.text = value
    document.add_heading("3. Rondvraag", level=1)
    document.add_paragraph("Geen.")
    word = tmp_path / "notulen.docx"
    document.save(word)
    pdf = convert_to_pdf([word], tmp_path).path
    assert len(read_minutes(pdf)) > 2  # the PDF's text is read, not empty
    from_word = process_minutes(memory_workbook("2023-10-12"), word, None)
    from_pdf = process_minutes(memory_workbook("2023-10-12"), pdf, None)
    assert _suggested(from_pdf) == _suggested(from_word) == [342, 344]


@pytest.mark.parametrize("status", ["uitgevoerd", "gesloten", "afgesloten", "gedaan", "Afgerond", "✓"])
def test_a_table_row_closes_with_every_word_a_sentence_closes_with(tmp_path, status):
    """One list of done words for "Actie 342 is uitgevoerd." and a table's status cell (review D1)."""
    table = f"Nr Actie Wie Deadline Status\n342 Poster ontwerpen Petra 20-10-2023 {status}\n343 Brief Jan 01-11-2023 loopt\n"
    plan = process_minutes(memory_workbook("2023-10-12"), _minutes(tmp_path, table), None)
    assert [c.number for c in plan.closures] == [342]
    sentence = _minutes(tmp_path, "", after=f"Actie 342 is {status}.\n") if status.isalpha() else None
    if sentence is not None:
        assert [c.number for c in process_minutes(memory_workbook("2023-10-12"), sentence, None).closures] == [342]
