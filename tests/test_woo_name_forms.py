"""Woo redaction catches a name however it is typed: accents, Unicode forms, apostrophes (P1, P2)."""

from __future__ import annotations

import unicodedata
from datetime import date

import docx
import openpyxl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from orsheet.documents.woo_leaks import WooLeakError, check_leaks, find_leaks
from orsheet.documents.woo_redact import redact_office_file
from orsheet.model import Person
from orsheet.redact import NAME_CODE, build_redactor, fold
from orsheet.services.woo import Period, woo_export
from orsheet.workbook.memory import MemoryBackend

NFD_JOSE = unicodedata.normalize("NFD", "José")  # "Jose" + U+0301, as pasted from a Mac


def redacted(names: list[str], text: str) -> str:
    return build_redactor([Person(n) for n in names]).redact(text).text


# -- P1: accents and Unicode forms ----------------------------------------------------------------


@pytest.mark.parametrize("person, text, expected", [
    ("Zoë Ergün", "Zoe Ergun vraagt om ouderschapsverlof", "5.1.2e vraagt om ouderschapsverlof"),
    ("Zoë Ergün", "Gesprek met mevrouw Ergun", "Gesprek met mevrouw 5.1.2e"),
    ("José de Vries", "Gesprek met Jose de Vries over re-integratie", "Gesprek met 5.1.2e over re-integratie"),
    ("José de Vries", "Jose belt maandag", "5.1.2e belt maandag"),
    ("José de Vries", f"Gesprek met {NFD_JOSE} de Vries", "Gesprek met 5.1.2e"),
    ("José de Vries", f"{NFD_JOSE} belt maandag", "5.1.2e belt maandag"),
    ("Jose de Vries", "José belt, en JOSÉ DE VRIES ook", "5.1.2e belt, en 5.1.2e ook"),
    (f"{NFD_JOSE} de Vries", "José belt", "5.1.2e belt"),
    ("Eva Hoëlmans", "Overleg met mevrouw Hoelmans en E. Hoelmans", "Overleg met mevrouw 5.1.2e en 5.1.2e"),
    ("Eva Hoelmans", "Overleg met mevrouw Hoëlmans", "Overleg met mevrouw 5.1.2e"),
    ("Ayşe Yılmaz", "Ayse Yilmaz en mevrouw YILMAZ", "5.1.2e en mevrouw 5.1.2e"),
    ("Søren Ølgaard", "Soren Olgaard is ziek", "5.1.2e is ziek"),
    ("Olivier de Bruijne", "O. de Bruĳne schuift aan", "5.1.2e schuift aan"),  # the ij ligature U+0133
    ("Bram Jansen", "Bram Jan\u00adsen schuift aan", "5.1.2e schuift aan"),  # soft hyphen from Word
    ("Bram Jansen", "Jan\u200bsen schuift aan", "5.1.2e schuift aan"),  # zero-width space
    ("Bram Jansen", "Ｊａｎｓｅｎ schuift aan", "5.1.2e schuift aan"),  # full-width letters
])
def test_a_name_typed_with_other_accents_or_unicode_forms_is_redacted(person, text, expected):
    assert redacted([person], text) == expected


@pytest.mark.parametrize("person, text", [
    ("José de Vries", "Josephine en Josée komen ook"),
    ("Zoë Ergün", "Zoekt u Ergunova?"),
    ("Bram Jansen", "De Jansens en Jansen-Willemsz"),
    ("René Smit", "Het Renée-fonds"),
])
def test_folding_accents_does_not_make_other_words_names(person, text):
    assert redacted([person], text) == text


def test_the_redaction_keeps_the_text_around_the_name_as_typed_accents_and_all():
    text = f"Café-overleg: {NFD_JOSE} de Vries en Zoë’s collega ‘t Hart ’s middags"
    assert redacted(["José de Vries"], text) == "Café-overleg: 5.1.2e en Zoë’s collega ‘t Hart ’s middags"


def test_a_decomposed_name_split_over_word_runs_is_cut_from_every_run():
    redactor = build_redactor([Person("José de Vries")])
    pieces, counts = redactor.redact_pieces(["Met Jose", "\u0301 de", " Vries", " over verlof"])
    assert pieces == ["Met 5.1.2e", "", "", " over verlof"]
    assert counts == {NAME_CODE: 1}


def test_the_leak_check_finds_a_name_typed_without_its_accents_and_reports_it_as_typed():
    redactor = build_redactor([Person("Zoë Ergün"), Person("José de Vries")])
    found = [leak.found for leak in redactor.leaks(f"Zoe Ergun en {NFD_JOSE} de Vries")]
    assert found == ["Zoe Ergun", f"{NFD_JOSE} de Vries"]


def test_a_public_officials_name_is_kept_however_its_accents_are_typed():
    redactor = build_redactor([Person("José Smit", public=True), Person("Zoë Ergün")])
    assert redactor.redact("Jose Smit en José Smit spreken Zoe").text == "Jose Smit en José Smit spreken 5.1.2e"
    assert redactor.is_public(f"{NFD_JOSE} Smit") and redactor.is_public(" Jose Smit ")
    assert not redactor.is_public("Zoë Ergün")


def test_an_email_address_holding_an_accented_name_typed_plainly_is_removed_whole():
    redactor = build_redactor([Person("Zoë Ergün", email="zoë.ergün@example.nl")])
    text = "Mail zoe.ergun@gmail.com of zoë.ergün@example.nl."
    assert redactor.redact(text).text == "Mail 5.1.2e of 5.1.2e."


def test_fold_drops_accents_unifies_apostrophes_and_keeps_everything_else():
    assert fold("Zoë Ergün, José, D’Hondt, ‘t Hart, `s Hertogenbosch") == \
        "Zoe Ergun, Jose, D'Hondt, 't Hart, 's Hertogenbosch"
    assert fold(NFD_JOSE) == "Jose"
    assert fold("Actie 203: 06-12345678") == "Actie 203: 06-12345678"


@settings(max_examples=300, deadline=None)
@given(text=st.text())
def test_folding_twice_is_folding_once_so_forms_and_text_fold_alike(text):
    assert fold(fold(text)) == fold(text)


def test_a_letter_that_decomposes_into_an_apostrophe_and_a_letter_is_still_one_name():
    assert redacted(["Aŉ"], "Overleg met Aŉ gehad.") == "Overleg met 5.1.2e gehad."


# -- P2: apostrophes ----------------------------------------------------------------------------

APOSTROPHES = ["'", "’", "‘", "`"]


@pytest.mark.parametrize("typed", APOSTROPHES)
@pytest.mark.parametrize("written", APOSTROPHES)
def test_a_surname_with_an_apostrophe_matches_whichever_apostrophe_either_side_has(typed, written):
    people = [f"Kees {typed}t Hart", f"Sophie D{typed}Hondt"]
    text = f"Kees {written}t Hart belt. Mevrouw {written}t Hart belt. D{written}Hondt en Sophie D{written}Hondt."
    assert redacted(people, text) == "5.1.2e belt. Mevrouw 5.1.2e belt. 5.1.2e en 5.1.2e."


def test_an_apostrophe_name_does_not_take_the_words_around_it():
    assert redacted(["Kees 't Hart"], "Het hart van ’t dorp, ’s-Hertogenbosch") == \
        "Het hart van ’t dorp, ’s-Hertogenbosch"


def test_word_file_with_autocorrected_apostrophes_is_redacted_and_the_leak_check_sees_the_rest(tmp_path):
    document = docx.Document()
    document.add_paragraph("Gesprek met mevrouw D’Hondt over haar ziekte")
    document.add_paragraph("Kees ’t Hart en Zoe Ergun sluiten aan")
    document.core_properties.author = "Zoe Ergun"
    source = tmp_path / "agenda.docx"
    document.save(source)
    redactor = build_redactor([Person("Sophie D'Hondt"), Person("Kees 't Hart"), Person("Zoë Ergün")])
    with pytest.raises(WooLeakError):
        check_leaks([source], redactor)
    target = tmp_path / "woo.docx"
    redact_office_file(source, target, redactor, "Ondernemingsraad")
    published = docx.Document(target)
    assert [p.text for p in published.paragraphs] == ["Gesprek met mevrouw 5.1.2e over haar ziekte",
                                                      "5.1.2e en 5.1.2e sluiten aan"]
    assert find_leaks([target], redactor) == []


def test_an_export_publishes_no_name_typed_without_accents_or_with_a_curly_apostrophe(tmp_path):
    descriptions = ["Zoe Ergun vraagt om ouderschapsverlof", "Gesprek met Jose de Vries over re-integratie",
                    f"Gesprek met {NFD_JOSE} de Vries", "Gesprek met mevrouw D’Hondt over haar ziekte"]
    actions = [{"Nr": 301 + i, "Onderwerp": "Verlof", "Omschrijving": text, "Verantwoordelijke": "Allen",
                "Overleg": "OR-vergadering", "Datum": date(2023, 9, 14)} for i, text in enumerate(descriptions)]
    people = [{"Naam": name, "Openbaar": "nee"} for name in ("Zoë Ergün", "José de Vries", "Sophie D'Hondt")]
    book = MemoryBackend.new({"Acties": actions, "Personen": people})
    result = woo_export(book, tmp_path / "woo", Period(date(2023, 9, 1), date(2023, 10, 31)), pdf=False)
    sheet = openpyxl.load_workbook(tmp_path / "woo" / "Actielijst.xlsx").active
    cells = [c.value for row in sheet.iter_rows() for c in row if isinstance(c.value, str)]
    assert {"5.1.2e vraagt om ouderschapsverlof", "Gesprek met 5.1.2e over re-integratie", "Gesprek met 5.1.2e",
            "Gesprek met mevrouw 5.1.2e over haar ziekte"} <= set(cells)
    assert not [c for c in cells if any(part in fold(c) for part in ("Ergun", "Jose", "Hondt"))]
    assert find_leaks(result.files, build_redactor([Person(p["Naam"]) for p in people])) == []


# -- properties: every way of typing a name is redacted, and redaction leaves no leak ------------

ACCENTED = ["Zoë Ergün", "José de Vries", "Kees 't Hart", "Sophie D'Hondt", "Ayşe Yılmaz", "Renée van 't Zand",
            "Çelik", "Chloé Lefèvre-Dubois"]


@st.composite
def typed_as(draw, name: str) -> str:
    """``name`` as someone may type it: each accent kept, dropped or decomposed, any apostrophe."""
    out = []
    for char in name:
        if char == "'":
            out.append(draw(st.sampled_from(APOSTROPHES)))
            continue
        decomposed = unicodedata.normalize("NFD", char)
        if len(decomposed) > 1:
            out.append(draw(st.sampled_from([char, decomposed, decomposed[0]])))
        else:
            out.append(char)
    return "".join(out)


around = st.text(alphabet=st.characters(min_codepoint=0x20, max_codepoint=0x2FF), max_size=20)


@settings(max_examples=300, deadline=None)
@given(data=st.data(), index=st.integers(0, len(ACCENTED) - 1), before=around, after=around)
def test_every_way_of_typing_a_listed_name_is_redacted(data, index, before, after):
    name = ACCENTED[index]
    typed = data.draw(typed_as(name))
    redactor = build_redactor([Person(n) for n in ACCENTED])
    text = f"{before} {typed} {after}"
    result = redactor.redact(text).text
    assert typed not in result
    assert redactor.leaks(result) == []


fragments = st.one_of(
    st.sampled_from(ACCENTED + ["Zoe", "Ergun", NFD_JOSE, "’t", "D’", "Hondt", "\u0301", "\u00ad", "’", "'",
                                " ", "-", "\n", "5.1.2e", "de", "ï"]),
    st.text(alphabet=st.characters(min_codepoint=0, max_codepoint=0x2FF), max_size=6),
)


@settings(max_examples=300, deadline=None)
@given(pieces=st.lists(fragments, max_size=12))
def test_redacted_text_with_accents_and_apostrophes_never_contains_a_redacted_name(pieces):
    redactor = build_redactor([Person(n) for n in ACCENTED])
    text = "".join(pieces)
    result = redactor.redact(text)
    assert redactor.leaks(result.text) == []
    assert sum(result.counts.values()) == result.text.count("5.1.2e") - text.count("5.1.2e")
