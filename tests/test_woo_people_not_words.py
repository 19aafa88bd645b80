"""Woo redaction removes people, not words: tussenvoegsels, names that are Dutch words, numbers."""

from __future__ import annotations

import gzip
from datetime import date

import openpyxl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from orsheet.build.dutch_words import lower_case_words
from orsheet.documents.woo_leaks import UnknownNamesError, find_leaks
from orsheet.dutch import WORDS_FILE, is_word
from orsheet.model import Person
from orsheet.redact.numbers import bsn_valid, iban_valid
from orsheet.redact import (BSN_CODE, NAME_CODE, NameParts, build_redactor, listed_people, name_forms, split_name,
                            unknown_names)
from orsheet.services.woo import Period, woo_export
from orsheet.workbook.memory import MemoryBackend


def redacted(people: list[Person], text: str) -> str:
    return build_redactor(people).redact(text).text


# -- A9: a surname typed alone with a capital tussenvoegsel --------------------------------------


@pytest.mark.parametrize("name, particles, core", [
    ("De Groot", ("De",), "Groot"),
    ("Van Dam", ("Van",), "Dam"),
    ("Van den Berg", ("Van", "den"), "Berg"),
    ("van den Berg", ("van", "den"), "Berg"),
    ("Ter Horst", ("Ter",), "Horst"),
])
def test_a_leading_tussenvoegsel_starts_the_surname_not_a_first_name(name, particles, core):
    assert split_name(name) == NameParts((), particles, core)


def test_a_surname_with_a_capital_tussenvoegsel_redacts_the_name_and_never_the_particle_alone():
    people = [Person("De Groot"), Person("Van Dam"), Person("Van den Berg")]
    text = "Gesprek met De Groot over de brief van Van Dam; pagina 1 van 2. De OR en van den Berg zijn blij."
    assert redacted(people, text) == ("Gesprek met 5.1.2e over de brief van 5.1.2e; pagina 1 van 2. "
                                      "De OR en 5.1.2e zijn blij.")


def test_no_form_of_a_surname_typed_alone_is_a_bare_particle():
    forms = name_forms("De Groot")
    assert not [form for form in forms.always + forms.words if form.lower() in ("(?i:de)", "de")]


@pytest.fixture
def export_workbook():
    def make(people, description):
        actions = [{"Nr": 301, "Onderwerp": "P&O", "Omschrijving": description, "Verantwoordelijke": "Allen",
                    "Overleg": "OR-vergadering", "Datum": date(2023, 9, 14)}]
        return MemoryBackend.new({"Acties": actions, "Personen": people})
    return make


def test_an_export_with_surnames_typed_alone_goes_through_and_the_footer_keeps_its_van(tmp_path, export_workbook):
    people = [{"Naam": "De Groot", "Openbaar": "nee"}, {"Naam": "Van Dam", "Openbaar": "nee"}]
    book = export_workbook(people, "Gesprek met De Groot over verlof; Van Dam sluit aan")
    result = woo_export(book, tmp_path / "woo", Period(date(2023, 9, 1), date(2023, 10, 31)), pdf=False)
    redactor = build_redactor([Person(p["Naam"]) for p in people])
    assert find_leaks(result.files, redactor) == []
    sheet = openpyxl.load_workbook(tmp_path / "woo" / "Actielijst.xlsx").active
    assert "Gesprek met 5.1.2e over verlof; 5.1.2e sluit aan" in [c.value for row in sheet.iter_rows() for c in row]


# -- A10: names that are Dutch words -------------------------------------------------------------

WORD_PEOPLE = [Person("Anna de Groot"), Person("Piet Koning"), Person("Eva Bakker"), Person("Wil Visser"),
               Person("Ria de Lange"), Person("Kees de Boer")]


@pytest.mark.parametrize("text", [
    "De koning komt op bezoek.",
    "De bakker levert de taart.",
    "Wil jij de visser bellen?",
    "Kan de OR op de lange termijn groot denken?",
    "De boer en de groot-handel.",
])
def test_a_name_that_is_a_dutch_word_is_left_alone_where_it_is_the_word(text):
    assert redacted(WORD_PEOPLE, text) == text


@pytest.mark.parametrize("text, expected", [
    ("Wil belt Koning en Bakker.", "5.1.2e belt 5.1.2e en 5.1.2e."),
    ("Visser: offerte opvragen", "5.1.2e: offerte opvragen"),
    ("Wil", "5.1.2e"),
    ("Kan Wil het doen?", "Kan 5.1.2e het doen?"),
    ("Wil, de voorzitter, belt.", "5.1.2e, de voorzitter, belt."),
    ("overleg met de Lange en De Boer", "overleg met 5.1.2e en 5.1.2e"),
    ("eva bakker en EVA BAKKER", "5.1.2e en 5.1.2e"),
    ("E. bakker, e. Bakker, P. koning", "5.1.2e, 5.1.2e, 5.1.2e"),
    ("mevrouw BAKKER", "mevrouw 5.1.2e"),
])
def test_a_name_that_is_a_dutch_word_is_redacted_capitalised_or_as_a_full_name(text, expected):
    assert redacted(WORD_PEOPLE, text) == expected


def test_lower_case_initials_with_a_word_surname_are_an_abbreviation_not_a_name():
    assert redacted(WORD_PEOPLE, "t.a.v. de bakker, o.a. koning") == "t.a.v. de bakker, o.a. koning"


def test_a_name_part_that_is_no_dutch_word_is_still_redacted_in_any_case():
    assert redacted([Person("Bram Oosterhuis"), Person("Anna")], "oosterhuis en anna") == "5.1.2e en 5.1.2e"


def test_the_dutch_word_list_knows_words_and_not_names():
    assert all(is_word(w) for w in ("bakker", "Visser", "koning", "wil", "kan", "groot", "Lange"))
    assert not any(is_word(w) for w in ("Jansen", "Anna", "Oosterhuis", "Timmermans", ""))


def test_the_word_list_keeps_lower_case_single_words_of_the_opentaal_list():
    lines = ["bakker", "Bakker", "Jansen", "wil", "a", "s-Hertogenbosch", "e-mail", "zeer lang woord",
             "arbeidsongeschiktheidsverzekering", "café", "bakker"]
    assert lower_case_words(lines) == ["bakker", "café", "wil"]


def test_the_shipped_word_list_is_sorted_and_lower_case_and_every_word_of_it_is_found():
    words = gzip.decompress(WORDS_FILE.read_bytes()).decode("utf-8").split("\n")[:-1]
    assert words == sorted(set(words)) and len(words) > 100_000
    assert all(w == w.lower() for w in words[::997])
    assert all(is_word(w) for w in [words[0], words[-1], *words[::499]])
    # between two neighbours, before the first and after the last: no word
    assert not any(is_word(w) for w in [words[0][:-1] + "0", words[-1] + "z", words[1000] + "qq", "a"])


# -- A11: numbers and addresses that identify a person -------------------------------------------


@pytest.mark.parametrize("number", [
    "06-12345678", "06 12 34 56 78", "0612345678", "+31 6 1234 5678", "+31(0)6-12345678", "0031 6 12345678",
    "010-1234567", "(020) 555 1234", "+32 470 12 34 56",
])
def test_a_phone_number_is_removed_whole(number):
    assert redacted([], f"bel {number} vandaag.") == "bel 5.1.2e vandaag."


@pytest.mark.parametrize("text", [
    "op 01-10-2023 om 19:30 met 12 leden", "besluit 2023-014, 20 leden, 1234 5678", "2023 2024 2025",
    "versie 1.2.3.4567", "bel de servicedesk op 0800 44 44 111", "€ 125.000,00 voor 2024", "actie 203-206",
    "KvK 12345678", "postcode 2511 VX",
])
def test_dates_amounts_case_numbers_and_organisation_numbers_are_no_personal_numbers(text):
    assert redacted([], text) == text


def test_a_bsn_passing_the_elfproef_gets_its_own_ground_and_one_failing_it_stays():
    assert bsn_valid("123456782") and not bsn_valid("123456789") and not bsn_valid("000000000")
    result = build_redactor([]).redact("BSN 123456782, 1234.56.782 en 123 456 782; nummer 123456789")
    assert result.text == f"BSN {BSN_CODE}, {BSN_CODE} en {BSN_CODE}; nummer 123456789"
    assert result.counts == {BSN_CODE: 3}


def test_an_iban_is_removed_whole_when_its_check_digits_hold():
    assert iban_valid("NL91 ABNA 0417 1643 00") and not iban_valid("NL92ABNA0417164300")
    assert redacted([], "rekening NL91 ABNA 0417 1643 00 of nl91abna0417164300, niet NL92ABNA0417164300") \
        == "rekening 5.1.2e of 5.1.2e, niet NL92ABNA0417164300"


def test_the_e_mail_address_of_a_private_person_is_removed_whole_not_its_local_part():
    people = [Person("R. Oosterhuis"), Person("Eva Bakker")]
    text = "mailen naar r.oosterhuis@gmail.com of eva.bakker@org.nl, of naar or@org.nl."
    assert redacted(people, text) == "mailen naar 5.1.2e of 5.1.2e, of naar or@org.nl."


def test_a_phone_number_left_in_a_text_is_a_leak():
    [leak] = build_redactor([]).leaks("bellen op 06-12345678")
    assert (leak.found, leak.code) == ("06-12345678", NAME_CODE)


def test_the_reviewers_action_is_published_without_number_bsn_or_address(tmp_path, export_workbook):
    people = [{"Naam": "R. Oosterhuis", "Openbaar": "nee"}]
    book = export_workbook(people, "bellen op 06-12345678 of mailen naar r.oosterhuis@gmail.com, BSN 123456782")
    result = woo_export(book, tmp_path / "woo", Period(date(2023, 9, 1), date(2023, 10, 31)), pdf=False)
    csv_text = (tmp_path / "woo" / "inventarislijst.csv").read_text(encoding="utf-8-sig")
    assert "burgerservicenummers (1x)" in csv_text and "identificatienummers" in csv_text
    docx = (tmp_path / "woo" / "Actielijst.docx").read_bytes()
    assert find_leaks(result.files, build_redactor([Person("R. Oosterhuis")])) == []
    assert b"gmail" not in docx


# -- property: whatever the mix, the redacted text holds nothing the leak check finds ------------

PROPERTY_PEOPLE = [Person("Eva Bakker"), Person("Wil Visser"), Person("De Groot"), Person("Van den Berg"),
                   Person("Ria de Lange", email="ria@org.nl"), Person("Piet Koning", public=True)]
pieces = st.sampled_from([
    "Wil", "wil", "jij", " ", ". ", "\n", "de", "De", "Groot", "groot", "Bakker", "bakker", "Eva", "E.", "van",
    "Van", "den", "Berg", "Lange", "lange", "Koning", "koning", "06-12345678", "+31 6 1234 5678", "123456782",
    "NL91ABNA0417164300", "eva.bakker@org.nl", "ria@org.nl", "@", "5.1.2e", "5.1.1e", "0", "1", "?", ",", "-",
])


@settings(max_examples=500, deadline=None)
@given(parts=st.lists(pieces, max_size=14))
def test_redacted_text_never_leaks_a_name_number_or_address(parts):
    redactor = build_redactor(PROPERTY_PEOPLE)
    text = "".join(parts)
    result = redactor.redact(text)
    assert redactor.leaks(result.text) == []
    assert redactor.redact(result.text).text == result.text


# -- the second line of defence: a person's e-mail address that Personen does not list -----------


def test_an_address_that_looks_like_a_persons_is_a_probable_name_and_a_functional_one_is_not():
    text = ("mail p.jansen@gmail.com, jan_oosterhuis@x.nl, or@org.nl, or-secretariaat@org.nl, info@org.nl "
            "of olivier.debruijne@org.nl")
    listed = listed_people([Person("Olivier de Bruijne", public=True)])
    assert unknown_names(text, listed) == ["p.jansen@gmail.com", "jan_oosterhuis@x.nl"]


def test_an_export_with_an_unlisted_persons_address_stops_and_names_it(tmp_path, export_workbook):
    book = export_workbook([{"Naam": "Jan de Vries", "Openbaar": "nee"}], "offerte naar p.jansen@gmail.com sturen")
    with pytest.raises(UnknownNamesError) as caught:
        woo_export(book, tmp_path / "woo", Period(date(2023, 9, 1), date(2023, 10, 31)), pdf=False)
    assert "- p.jansen@gmail.com (Actielijst.docx, Actielijst.xlsx)" in str(caught.value)
    assert not (tmp_path / "woo").exists()


capitalised_names = st.builds(lambda first, rest: first + rest,
                              st.characters(categories=["Lu"], max_codepoint=0x24F),
                              st.text(alphabet=st.characters(categories=["Ll"], max_codepoint=0x24F), min_size=1,
                                      max_size=10))


@settings(max_examples=300, deadline=None)
@given(name=capitalised_names)
def test_a_capitalised_one_word_name_is_redacted_in_the_middle_of_a_sentence_word_or_not(name):
    assert redacted([Person(name)], f"Overleg met {name} gehad.") == "Overleg met 5.1.2e gehad."
