"""Edge cases of the minutes grammar modules, written to kill surviving mutants (issue 13/15)."""

from __future__ import annotations

from orsheet.minutes.markers import (
    Marker,
    find_markers,
    is_action_list_label,
    is_example,
    split_deadline,
    split_listed_action,
)
from orsheet.minutes.owners import looks_like_verb, split_owner
from orsheet.minutes.people import names_in_header, people_from, split_names
from orsheet.minutes.tasks import last_owner_in
from orsheet.minutes.text import clauses, content_words, inside, normalise, quoted_spans, sentence_spans, similar, stems

# ------------------------------------------------------------------ markers


def test_bracket_marker_content_stops_at_its_own_closing_bracket():
    text = "Poster maken (actie: Jan (met Piet)) en verder."
    (marker,) = find_markers(text)
    assert marker.content == "Jan (met Piet)"
    assert text[marker.start : marker.end] == "(actie: Jan (met Piet))"
    assert marker.standalone is False


def test_unclosed_bracket_marker_runs_to_the_end_of_the_paragraph():
    text = "Poster maken (actie: Jan"
    (marker,) = find_markers(text)
    assert marker.content == "Jan"
    assert marker.end == len(text)


def test_square_bracket_marker_is_a_marker_too():
    (marker,) = find_markers("Poster maken [actie Jan].")
    assert marker.content == "Jan"


def test_bracket_marker_with_a_number_refers_to_an_existing_action():
    assert find_markers("Zie (actie 339) hierover.") == ()
    assert find_markers("Zie (actie nr. 12).") == ()
    assert find_markers("Zie (actie #12).") == ()


def test_bracket_marker_with_a_redaction_code_names_an_owner():
    (marker,) = find_markers("Brief sturen (actie 5.1.2e).")
    assert marker.content == "5.1.2e"


def test_bracket_marker_with_a_colon_and_a_number_is_still_a_marker():
    (marker,) = find_markers("Brief sturen (actie: 12 mensen bellen).")
    assert marker.content == "12 mensen bellen"


def test_label_marker_takes_its_own_sentence_only():
    text = "Het plein is vies. Actie: Jan belt de gemeente. Daarna verder."
    (marker,) = find_markers(text)
    assert marker.standalone is True
    assert marker.content == "Jan belt de gemeente."
    assert text[marker.start : marker.end].strip() == "Actie: Jan belt de gemeente."


def test_label_marker_inside_a_bracket_marker_is_counted_once():
    markers = find_markers("(actie: Actie: Jan belt)")
    assert len(markers) == 1


def test_trailing_marker_names_the_owners_of_the_sentence_before():
    text = "Het statuut moet nog bekeken worden. Actiepunt DW/MZ."
    (marker,) = find_markers(text)
    assert marker.content == "DW/MZ."
    assert marker.standalone is True
    assert marker.end == len(text)
    assert text[marker.start :].startswith("Actiepunt")


def test_list_owner_label_names_the_owner_before_the_colon():
    (marker,) = find_markers("Actielijst Annelies: veiligheidscheck laten doen")
    assert marker.content == "Annelies: veiligheidscheck laten doen"
    assert marker.start == 0
    assert marker.standalone is True


def test_list_owner_label_yields_to_another_marker():
    markers = find_markers("Actielijst Annelies: brief sturen (actie: Piet)")
    assert [m.content for m in markers] == ["Piet"]


def test_markers_come_sorted_by_position():
    markers = find_markers("Actie: Jan belt. Poster (actie: Piet).")
    assert [m.content for m in markers] == ["Jan belt.", "Piet"]
    assert markers[0].start < markers[1].start


def test_action_list_label_is_only_the_label():
    assert is_action_list_label("Acties:")
    assert is_action_list_label("  actiepunten  ")
    assert not is_action_list_label("Acties: Jan belt")


def test_listed_action_with_colon_names_the_owner():
    assert split_listed_action("  Jan: brief sturen  ") == ("Jan", "brief sturen")


def test_listed_action_with_trailing_brackets_names_the_owner():
    assert split_listed_action("brief sturen (Jan).") == ("Jan", "brief sturen")
    assert split_listed_action("brief sturen [Jan]") == ("Jan", "brief sturen")


def test_listed_action_with_a_verb_before_the_colon_is_no_owner():
    assert split_listed_action("Jan stuurt: de brief") == ("Jan", "Jan stuurt: de brief")


def test_listed_action_with_a_verb_keeps_the_whole_bullet():
    owner, task = split_listed_action("Jan stuurt de brief")
    assert owner == "Jan"
    assert task == "Jan stuurt de brief"


def test_deadline_is_split_off_the_task():
    assert split_deadline("Poster maken, deadline 1 november.") == ("Poster maken", "1 november")
    assert split_deadline("Poster maken uiterlijk 12-3") == ("Poster maken", "12-3")
    assert split_deadline("Poster maken vóór de volgende vergadering") == ("Poster maken", "de volgende vergadering")
    assert split_deadline("Poster maken voor z.s.m.") == ("Poster maken", "z.s.m")


def test_task_without_deadline_is_kept_as_written():
    assert split_deadline(" Poster maken. ") == (" Poster maken. ", "")


def _marker(text: str) -> Marker:
    return find_markers(text)[0]


def test_quoted_marker_is_an_example():
    text = 'Schrijf "(actie: Jan)" in de notulen.'
    assert is_example(text, _marker(text), 0)


def test_marker_after_an_example_cue_is_an_example():
    text = "Noteer bijvoorbeeld (actie: Jan) achter de taak."
    assert is_example(text, _marker(text), 0)
    text = "Dit is een voorbeeld van een notitie met veel woorden ertussen (actie: Jan)."
    assert is_example(text, _marker(text), 0)


def test_example_cue_in_the_sentence_before_does_not_count():
    text = "Zoals. Jan belt (actie: Jan)."
    assert not is_example(text, _marker(text), 7)


def test_placeholder_owner_is_an_example():
    for owner in ("naam", "Wie", "...", "XX", "[naam]"):
        text = f"Brief sturen (actie: {owner})."
        assert is_example(text, _marker(text), 0), owner


def test_real_marker_is_no_example():
    text = "Brief sturen (actie: Jan)."
    assert not is_example(text, _marker(text), 0)


def test_marker_after_a_numbered_reference_is_still_found():
    markers = find_markers("Zie (actie 339) en brief sturen (actie: Jan).")
    assert [m.content for m in markers] == ["Jan"]


def test_label_marker_after_one_inside_brackets_is_still_found():
    text = "(actie: Jan. Actie: Piet belt) Daarna. Actie: Kees belt."
    assert [m.content for m in find_markers(text)] == ["Jan. Actie: Piet belt", "Kees belt."]


def test_trailing_marker_right_after_a_label_marker_sentence_is_its_own_marker():
    text = "Actie: Jan belt. Actiepunt DW."
    markers = find_markers(text)
    assert [m.content for m in markers] == ["Jan belt.", "DW."]
    assert markers[0].end == markers[1].start


def test_bracket_marker_after_another_bracket_pair_closes_at_its_own_bracket():
    text = "Zie (bijlage) en (actie: Jan) verder."
    (marker,) = find_markers(text)
    assert marker.content == "Jan"
    assert text[marker.start : marker.end] == "(actie: Jan)"


def test_deadline_split_keeps_a_leading_capital_x():
    assert split_deadline("Xerox bestellen, deadline 1 november") == ("Xerox bestellen", "1 november")


def test_capitalised_voorbeeld_before_a_marker_makes_it_an_example():
    text = "Voorbeeld (actie: Jan)."
    assert is_example(text, _marker(text), 0)


def test_placeholder_owner_with_punctuation_is_an_example():
    text = "Brief sturen (actie: naam:)."
    assert is_example(text, _marker(text), 0)


def test_owner_that_only_contains_a_placeholder_is_no_example():
    text = "Brief sturen (actie: Xnaam)."
    assert not is_example(text, _marker(text), 0)


# ------------------------------------------------------------------ people


def test_people_know_full_first_and_last_names_casefolded():
    people = people_from(["Paul Kwakkenbos", "jan klein", "", "Cees van Elteren", "Van Andel"])
    assert people.forms == {
        "paul kwakkenbos": "Paul Kwakkenbos",
        "paul": "Paul Kwakkenbos",
        "kwakkenbos": "Paul Kwakkenbos",
        "cees van elteren": "Cees van Elteren",
        "cees": "Cees van Elteren",
        "elteren": "Cees van Elteren",
        "van andel": "Van Andel",
        "andel": "Van Andel",
    }
    assert "PAUL" in people
    assert "Klein" not in people


def test_first_listed_person_keeps_a_shared_first_name():
    people = people_from(["Jan Klein", "Jan Groot"])
    assert people.forms["jan"] == "Jan Klein"
    assert people.forms["groot"] == "Jan Groot"


def test_only_particles_name_no_first_or_last_name():
    people = people_from(["Van der"])
    assert people.forms == {"van der": "Van der"}


def test_longest_known_name_wins_at_a_position():
    people = people_from(["Cees van Elteren", "Anne Marie de Vries Smit"])
    tokens = ["Cees", "van", "Elteren,", "belt"]
    assert people.longest_at(tokens, 0) == 3
    assert people.longest_at(tokens, 3) == 0
    assert people.longest_at(tokens, 4) == 0
    assert people.longest_at(tokens, 1) == 0  # lower case: no name starts here
    assert people.longest_at(["Anne", "Marie", "de", "Vries", "Smit"], 0) == 1
    four = people_from(["Anne Marie de Vries"])
    assert four.longest_at(["Anne", "Marie", "de", "Vries,", "belt"], 0) == 4


def test_the_last_named_person_or_role_is_whom_a_pronoun_means_next():
    people = people_from(["Cees van Elteren", "Amal"])
    assert last_owner_in("Cees van Elteren belt Amal.", people) == "Amal"
    assert last_owner_in("Amal belt Cees van (Elteren).", people) == "Cees van Elteren"
    assert last_owner_in("Amal heeft met de bestuurder gesproken.", people) == "de bestuurder"
    assert last_owner_in("Niemand belt.", people) == ""
    assert last_owner_in("Elteren Elteren", people) == "Elteren"
    assert last_owner_in("Bestuurder Amal", people) == "Amal"  # a role word without its article is no one


def test_header_lines_list_their_names():
    lines = [
        ("Aanwezig: Monique, Amal en Desiree", 0),
        ("Voorzitter: Amal", 0),
        ("Afwezig met kennisgeving: Paul Kwakkenbos, bestuurslid", 0),
        ("3. Schoolplein", 0),
    ]
    assert names_in_header(lines) == ["Monique", "Amal", "Desiree", "Amal", "Paul Kwakkenbos"]


def test_empty_header_line_lists_the_names_in_the_paragraphs_below():
    lines = [("Aanwezig:", 0), ("Monique", 0), ("College van Bestuur:", 0), ("Amal", 0), ("Agenda", 1), ("Piet", 0)]
    assert names_in_header(lines) == ["Monique", "Amal"]


def test_list_heading_lists_the_names_below_until_a_sentence():
    lines = [("Aanwezigen", 1), ("Monique", 0), ("Amal", 0), ("Dit is een zin.", 0), ("Piet", 0)]
    assert names_in_header(lines) == ["Monique", "Amal"]


def test_long_heading_or_long_line_is_no_name_list():
    lines = [("Aanwezig waren er veel mensen bij deze drukke vergadering vandaag", 0), ("Monique", 0)]
    assert names_in_header(lines) == []
    lines = [("Deelnemers", 0), ("Monique " * 12, 0), ("Amal", 0)]
    assert names_in_header(lines) == []


def test_list_heading_with_eight_words_still_lists():
    assert names_in_header([("Aanwezig zijn de leden van de or vandaag", 0), ("Monique", 0)]) == ["Monique"]


def test_a_line_of_exactly_eighty_characters_can_still_be_a_name():
    name = "A" + "a" * 79
    assert names_in_header([("Aanwezig:", 0), (name, 0)]) == [name]
    assert names_in_header([("Aanwezig:", 0), (name + "a", 0)]) == []


def test_heading_with_a_colon_inside_is_no_list_heading():
    assert names_in_header([("Aanwezig bij: de vergadering van", 0), ("Monique", 0)]) == []


def test_names_are_split_at_commas_semicolons_en_ampersands_and_dashes():
    text = "Jose van Engelen, voorzitter; Cees (CvE) van Elteren en Piet & Kees - Ans"
    assert split_names(text) == ["Jose van Engelen", "Cees van Elteren", "Piet", "Kees", "Ans"]


def test_role_words_after_a_name_are_dropped():
    assert split_names("Gerard Croiset penningmeester.") == ["Gerard Croiset"]
    assert split_names("Piet m.k.") == ["Piet"]


def test_sentences_lowercase_not_names_and_numbers_are_no_names():
    assert split_names("Dit is een hele lange zin met woorden") == []
    assert split_names("Een Twee Drie Vier Vijf Zes") == ["Een Twee Drie Vier Vijf Zes"]
    assert split_names("allen") == []
    assert split_names("Leden Piet") == []
    assert split_names("Piet 2") == []
    assert split_names("Kamer 2B") == []


# ------------------------------------------------------------------ text


def test_normalise_drops_emphasis_unifies_redactions_and_collapses_spaces():
    assert normalise("  **Jan** <b>belt</b>\u00a0\t <em>nu</em> ") == "Jan belt nu"
    assert normalise("De heer 5.1, 2, e belt") == "De heer 5.1.2e belt"
    assert normalise("collega\u2019s en \u2019t") == "collega's en \u2019t"
    assert normalise("<sup>1</sup><strong>x</strong><i>y</i><u>z</u><sub>2</sub>") == "1xyz2"


def test_sentences_split_after_a_full_stop_before_a_capital():
    text = "Jan belt. Piet schrijft! Kees? (Ans) leest. 3 mensen komen."
    parts = [text[s:e] for s, e in sentence_spans(text)]
    assert parts == ["Jan belt. ", "Piet schrijft! ", "Kees? ", "(Ans) leest. ", "3 mensen komen."]


def test_sentences_do_not_split_after_abbreviations_initials_or_numbers():
    text = "Zie bijv. Jan. Ook dhr. Klein, J. Jansen en punt 5.1. Daarna klaar."
    parts = [text[s:e] for s, e in sentence_spans(text)]
    assert parts == ["Zie bijv. Jan. ", "Ook dhr. Klein, J. Jansen en punt 5.1. Daarna klaar."]


def test_sentences_do_not_split_before_lowercase_and_skip_blank_parts():
    assert sentence_spans("Jan belt. daarna niet") == ((0, 21),)
    assert sentence_spans("") == ()
    assert sentence_spans("Klaar. ") == ((0, 7),)
    assert sentence_spans("1. Jan belt.") == ((0, 12),)


def test_quotes_of_every_kind_are_found():
    text = "Hij zei \u201cactie\u201d en \u201eja\u201d en \"nee\" en \u2018dus\u2019 en `code` en 'los'."
    found = [text[s:e] for s, e in sorted(quoted_spans(text))]
    assert found == ["\u201cactie\u201d", "\u201eja\u201d", '"nee"', "\u2018dus\u2019", "`code`", "'los'"]


def test_repeated_quotes_are_each_found_and_an_open_quote_is_none():
    text = 'Zeg "a" of "b" of "c'
    assert [text[s:e] for s, e in quoted_spans(text)] == ['"a"', '"b"']


def test_apostrophes_inside_words_are_no_quotes():
    assert quoted_spans("collega's en Jan's auto") == []


def test_inside_means_strictly_between_the_quote_marks():
    assert inside(3, [(2, 5)])
    assert not inside(2, [(2, 5)])
    assert not inside(5, [(2, 5)])
    assert not inside(3, [])


def test_clauses_split_at_semicolons_colons_commas_and_dashes():
    assert clauses("Jan: belt; Piet, schrijft - Ans \u2013 leest,nu") == [
        (0, "Jan"),
        (5, "belt"),
        (11, "Piet"),
        (17, "schrijft"),
        (28, "Ans"),
        (34, "leest,nu"),
    ]
    assert clauses("Jan belt") == [(0, "Jan belt")]
    assert clauses("; ;") == []


def test_content_words_drop_short_words_and_stopwords():
    assert content_words("De Poster-actie van 'Jan' is nu al klaar, ok") == {"poster-actie", "jan", "klaar"}


def test_stems_cut_words_and_drop_accents():
    assert stems("kopiëren kopieert") == {"kopie"}
    assert stems("Een poster") == {"poste"}


def test_similar_texts_share_enough_stems():
    assert similar("poster maken", "de poster")  # one of one shared stem
    assert not similar("poster ophangen school", "poster kopen winkel fiets")  # one of three
    assert similar("poster ophangen school plein", "poster ophangen winkel fiets bakker")  # two of four
    assert not similar(
        "poster ophangen school plein fiets bakker kopen", "poster ophangen winkel markt auto trein bus"
    )  # two of seven
    assert similar(
        "alpha bravo charlie delta echo1 foxtr golf hotel",
        "alpha bravo charlie delta zulu yanke xray whisk victo unifo tango sierr romeo",
    )
    assert not similar("", "")
    assert not similar("poster", "")


# ------------------------------------------------------------------ owners


def test_owner_runs_up_to_the_first_verb():
    cases = {
        "Jan maakt een poster.": ("Jan", "maakt een poster"),
        "Jan en Piet bellen": ("Jan en Piet", "bellen"),
        "Jan, Piet belt": ("Jan, Piet", "belt"),
        "Jan; Piet belt": ("Jan; Piet", "belt"),
        "Jan & Piet": ("Jan & Piet", ""),
        "Jan / Piet": ("Jan / Piet", ""),
        "Jan + Piet": ("Jan + Piet", ""),
        "J.K., Piet belt": ("J.K., Piet", "belt"),
        "5.1.2e belt": ("5.1.2e", "belt"),
        "mevrouw Klein belt": ("mevrouw Klein", "belt"),
        "het DB belt": ("het DB", "belt"),
        '"Jan" belt': ('"Jan"', "belt"),
    }
    for content, expected in cases.items():
        assert split_owner(content) == expected, content


def test_owner_stops_at_a_modal_verb_even_capitalised():
    assert split_owner("Jan zal bellen") == ("Jan", "zal bellen")
    assert split_owner("Jan Zal bellen") == ("Jan", "Zal bellen")


def test_owner_stops_after_a_colon_or_comma_before_the_task():
    assert split_owner("Jan: brief sturen") == ("Jan", "brief sturen")
    assert split_owner("Jan, brief sturen") == ("Jan", "brief sturen")
    assert split_owner("Jan; brief") == ("Jan", "brief")


def test_connector_without_a_name_after_it_ends_the_owner():
    assert split_owner("Jan en") == ("Jan", "en")
    assert split_owner("Jan en piet") == ("Jan", "en piet")


def test_a_count_opens_the_owner_only_before_a_name():
    assert split_owner("2 OR-leden zoeken uit") == ("2 OR-leden", "zoeken uit")
    assert split_owner("12 brieven") == ("12 brieven", "")
    assert split_owner("2") == ("2", "")
    assert split_owner("12 brieven verstuurt") == ("", "12 brieven verstuurt")
    assert split_owner("12 a b c d") == ("", "12 a b c d")


def test_a_group_takes_one_lowercase_word_naming_it():
    assert split_owner("werkgroep communicatie maakt") == ("werkgroep communicatie", "maakt")
    assert split_owner("werkgroep communicatie") == ("werkgroep communicatie", "")
    assert split_owner("werkgroep belt") == ("werkgroep", "belt")
    assert split_owner("werkgroep van") == ("werkgroep", "van")
    assert split_owner("werkgroep communicatie plein belt") == ("werkgroep", "communicatie plein belt")
    assert split_owner("werkgroep en Jan belt") == ("werkgroep en Jan", "belt")
    assert split_owner("OR werkgroep post belt") == ("OR werkgroep", "post belt")


def test_no_owner_keeps_the_whole_text_as_the_task():
    assert split_owner("brief sturen") == ("", "brief sturen")
    assert split_owner("de brief") == ("", "de brief")
    assert split_owner("() belt") == ("", "() belt")
    assert split_owner("Jan Klein") == ("Jan Klein", "")
    assert split_owner("allen") == ("allen", "")


def test_verbs_are_modal_or_long_words_ending_in_t():
    assert looks_like_verb("zal")
    assert looks_like_verb("Maakt,")
    assert not looks_like_verb("met")
    assert not looks_like_verb("belt1")
    assert looks_like_verb("belt")
    assert not looks_like_verb("poster")


_WORDS = (
    "alfa bravo charl delta echoo foxtr golfy hotel india julie kilos limas mikes novem oscar papas quebe "
    "romeo sierr tango unifo victo whisk xrays yanke zulus"
).split()


def _text(*slices: slice) -> str:
    return " ".join(word for part in slices for word in _WORDS[part])


def test_four_shared_stems_make_long_texts_similar():
    assert similar(_text(slice(0, 14)), _text(slice(0, 4), slice(14, 24)))
    assert not similar(_text(slice(0, 14)), _text(slice(0, 3), slice(14, 25)))


def test_two_shared_stems_of_five_make_texts_similar():
    assert similar(_text(slice(0, 5)), _text(slice(0, 2), slice(10, 13)))
    assert not similar(_text(slice(0, 7)), _text(slice(0, 2), slice(10, 15)))


def test_a_third_of_the_stems_shared_is_exactly_enough():
    assert similar(_text(slice(0, 10)), _text(slice(0, 3), slice(10, 17)))
    assert not similar(_text(slice(0, 11)), _text(slice(0, 3), slice(11, 19)))


def test_a_name_starting_with_x_is_kept_whole():
    assert split_names("Xander, Xenia Klein") == ["Xander", "Xenia Klein"]


def test_a_role_word_with_a_leading_dot_is_dropped_too():
    assert split_names("Piet .Allen") == ["Piet"]


def test_sentences_after_a_numbered_point_still_split():
    text = "Zie punt 5.1. Daarna klaar. Einde."
    assert [text[s:e] for s, e in sentence_spans(text)] == ["Zie punt 5.1. Daarna klaar. ", "Einde."]


def test_an_initial_before_a_closing_bracket_does_not_split():
    text = "Getekend (door J.) Daarna klaar."
    assert sentence_spans(text) == ((0, len(text)),)


def test_a_capital_initial_does_not_end_a_sentence():
    assert sentence_spans("Piet X. Daarna klaar.") == ((0, 21),)


def test_a_name_in_the_first_word_is_mentioned():
    assert last_owner_in("Amal belt.", people_from(["Amal"])) == "Amal"
    assert last_owner_in("Xander, belt.", people_from(["Xander"])) == "Xander"


def test_a_quote_at_the_very_start_is_found():
    assert quoted_spans('"Ja" zei hij') == [(0, 4)]


def test_empty_and_adjacent_quotes_are_each_found():
    assert quoted_spans('Leeg "" en "ja"') == [(5, 7), (11, 15)]
    assert quoted_spans('"a""b"') == [(0, 3), (3, 6)]


def test_list_heading_ending_in_a_colon_lists_the_names_below():
    assert names_in_header([("Leden:", 0), ("Piet", 0)]) == ["Piet"]


def test_list_heading_word_with_text_after_a_colon_is_no_list_heading():
    assert names_in_header([("Leden: zie bijlage", 0), ("Piet", 0)]) == []


def test_lowercase_initials_are_no_owner():
    assert split_owner("j.k. belt") == ("", "j.k. belt")


def test_a_word_ending_in_a_capital_x_is_kept_whole():
    assert split_owner("Jan koopt een nieuwe FAX.") == ("Jan", "koopt een nieuwe FAX")


def test_a_count_before_a_modal_verb_is_the_whole_owner():
    assert split_owner("2 Zullen komen") == ("2", "Zullen komen")


def test_a_verb_between_two_names_ends_the_owner():
    assert split_owner("Jan mailt Piet") == ("Jan", "mailt Piet")


def test_a_lone_comma_joins_two_names():
    assert split_owner("Jan , Piet belt") == ("Jan , Piet", "belt")


def test_a_group_followed_by_a_comma_takes_no_naming_word():
    assert split_owner("Allen, nadenken") == ("Allen", "nadenken")


def test_a_name_starting_with_x_is_an_owner():
    assert split_owner("Xander belt") == ("Xander", "belt")


def test_a_group_followed_by_a_semicolon_takes_no_naming_word():
    assert split_owner("Allen; nadenken") == ("Allen", "nadenken")


def test_without_an_owner_the_task_keeps_its_line_break():
    assert split_owner("brief\nsturen") == ("", "brief\nsturen")


def test_list_heading_word_with_a_colon_before_more_text_is_no_list_heading():
    assert names_in_header([("Leden:X", 0), ("Piet", 0)]) == []
