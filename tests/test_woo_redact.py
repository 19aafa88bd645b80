"""Name redaction for the Woo export: which words go, which stay."""

from __future__ import annotations

import re

import pytest

from orsheet.model import Person
from orsheet.redact import NAME_CODE, OTHER_CODE, build_redactor, split_name

PEOPLE = [
    Person("Jan de Vries", "voorzitter"),
    Person("Anna Maria van den Berg", "secretaris", email="a.vandenberg@org.nl"),
    Person("Pieter Smit-Jansen", "lid"),
    Person("Roos", "ambtelijk secretaris"),
    Person("Olivier de Bruijne", "directeur", public=True),
    Person("Siebe Keulen", "directeur", public=True),
]


@pytest.fixture(scope="module")
def redactor():
    return build_redactor(PEOPLE)


def redacted(redactor, text: str) -> str:
    return redactor.redact(text).text


def test_split_name_finds_tussenvoegsel_and_first_names():
    parts = split_name("Anna Maria van den Berg")
    assert parts.first_names == ("Anna", "Maria")
    assert parts.particles == ("van", "den")
    assert parts.core == "Berg"


def test_split_name_understands_surname_comma_first_name():
    parts = split_name("Vries, Jan de")
    assert (parts.first_names, parts.particles, parts.core) == (("Jan",), ("de",), "Vries")


def test_full_name_becomes_one_code(redactor):
    assert redacted(redactor, "Jan de Vries opent de vergadering.") == "5.1.2e opent de vergadering."


@pytest.mark.parametrize("text", ["De Vries belt", "de Vries belt", "DE VRIES belt", "DE Vries belt"])
def test_surname_with_tussenvoegsel_matches_with_its_core_capitalised(redactor, text):
    assert redacted(redactor, text) == "5.1.2e belt"


@pytest.mark.parametrize("text", ["J. de Vries belt", "J.de Vries belt", "J.W. de Vries belt", "j. de Vries belt",
                                  "J. de vries belt"])
def test_initials_with_surname_become_one_code(redactor, text):
    assert redacted(redactor, text) == "5.1.2e belt"


def test_first_name_alone_is_redacted_case_insensitively_unless_it_is_a_dutch_word(redactor):
    # "jan" is also a Dutch word (and the month in "15 jan"): only "Jan" is the name.
    assert redacted(redactor, "Actie: anna, Jan en jan") == "Actie: 5.1.2e, 5.1.2e en jan"


@pytest.mark.parametrize(
    "text",
    ["Januari is koud", "Jansens fiets", "Jan-Willem komt", "de Vriesland", "Annamaria", "Bergen op Zoom", "Smitten"],
)
def test_words_that_merely_contain_a_name_are_untouched(redactor, text):
    assert redacted(redactor, text) == text


def test_surname_core_without_its_tussenvoegsel_is_not_a_name(redactor):
    assert redacted(redactor, "Berg en Dal: de berg beklommen, van den Berg niet") == "Berg en Dal: de berg beklommen, 5.1.2e niet"


def test_double_surname_and_its_parts_are_redacted(redactor):
    assert redacted(redactor, "Smit-Jansen, Smit en Jansen") == "5.1.2e, 5.1.2e en 5.1.2e"


def test_name_followed_by_lowercase_compound_is_redacted(redactor):
    assert redacted(redactor, "het Jansen-rapport") == "het 5.1.2e-rapport"


def test_single_word_name_is_redacted(redactor):
    assert redacted(redactor, "Roos notuleert") == "5.1.2e notuleert"


def test_public_officials_keep_their_names(redactor):
    text = "Olivier de Bruijne en Siebe Keulen sluiten aan, met Jan."
    assert redacted(redactor, text) == "Olivier de Bruijne en Siebe Keulen sluiten aan, met 5.1.2e."


def test_email_address_of_a_private_person_is_redacted_whole(redactor):
    assert redacted(redactor, "Mail a.vandenberg@org.nl vandaag") == "Mail 5.1.2e vandaag"


def test_counts_are_per_code():
    redactor = build_redactor(PEOPLE, other_terms=["reorganisatie Noord"])
    result = redactor.redact("Jan de Vries en Anna over de Reorganisatie Noord")
    assert result.text == "5.1.2e en 5.1.2e over de 5.2.1"
    assert result.counts == {NAME_CODE: 2, OTHER_CODE: 1}


def test_name_with_non_breaking_space_and_newline_is_found(redactor):
    assert redacted(redactor, "Jan\u00a0de\nVries") == "5.1.2e"


def test_name_split_over_word_runs_is_redacted_in_the_run_where_it_starts(redactor):
    pieces, counts = redactor.redact_pieces(["Welkom ", "Jan de", " Vries", " en ", "Roos", "!"])
    assert pieces == ["Welkom ", "5.1.2e", "", " en ", "5.1.2e", "!"]
    assert counts[NAME_CODE] == 2


def test_leaks_reports_names_left_in_text(redactor):
    leaks = redactor.leaks("Notulist: J. de Vries; directeur Olivier de Bruijne")
    assert [leak.found for leak in leaks] == ["J. de Vries"]


def test_clean_text_has_no_leaks(redactor):
    assert redactor.leaks("5.1.2e en Olivier de Bruijne, januari") == []


def test_nobody_private_means_nothing_is_redacted():
    redactor = build_redactor([Person("Esther Pijs", public=True)])
    assert redactor.redact("Esther Pijs en Jan").text == "Esther Pijs en Jan"


# -- the seeds: published OR documents, private names already replaced by 5.1.2e ---------

OFFICIALS = ["Olivier de Bruijne", "Siebe Keulen", "Esther Pijs", "Henk Korvinus"]
# Common Dutch names that do not occur in the seeds: redacting must change nothing.
UNRELATED = ["Jan de Vries", "Anna Bakker", "Pieter van den Berg", "Roos Jansen", "Mark Visser", "Eva Smit",
             "Bas de Boer", "Kees Dekker", "Femke van Dijk", "Ruben Meijer", "Sanne de Groot", "Thijs Mulder"]


def seed_texts():
    from tests.support.seeds import DOMAIN

    paths = sorted(DOMAIN.glob("*.txt"))
    if not paths:
        pytest.skip(f"seed documents not found at {DOMAIN}")
    return {path.name: path.read_text(encoding="utf-8") for path in paths}


def test_seed_documents_are_unchanged_when_only_unrelated_people_are_private():
    # Many of these names are Dutch words ("Bakker", "Visser", "de Boer", "Roos"): the seeds use them as words.
    people = [Person(n) for n in UNRELATED] + [Person(n, public=True) for n in OFFICIALS]
    redactor = build_redactor(people, numbers=False)
    for name, text in seed_texts().items():
        assert redactor.redact(text).text == text, name


def test_seed_official_marked_private_is_removed_everywhere_and_nothing_else():
    people = [Person("Olivier de Bruijne")] + [Person(n, public=True) for n in OFFICIALS[1:]]
    redactor = build_redactor(people, numbers=False)
    for name, text in seed_texts().items():
        result = redactor.redact(text)
        assert redactor.leaks(result.text) == [], name
        assert "Siebe Keulen" in result.text or "Siebe Keulen" not in text
        assert len(result.text) - len(text) == result.counts[NAME_CODE] * len(NAME_CODE) - sum(
            len(m) for m in re.findall(r"(?i)Olivier de Bruijne|\bOlivier\b|\bde Bruijne\b", text))


def test_the_only_phone_numbers_the_seeds_lose_are_fixed_lines_not_the_free_0800_number():
    redactor = build_redactor([])
    removed = {name: [text[s:e] for s, e, _ in redactor.matches(text)] for name, text in seed_texts().items()}
    assert {name: found for name, found in removed.items() if found} == {"mt-verslag-2021.txt": ["070 340 79 11"]}
    assert "0800 44 44 111" in seed_texts()["or-documenten-2023-sep-okt.txt"]
