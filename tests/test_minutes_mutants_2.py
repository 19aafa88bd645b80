"""Rules of the minutes grammar that surviving mutants showed untested (issue 13, second round).

Each test states one rule of reading Dutch minutes, through the minutes
package's public functions where it can (``parse_minutes``, ``task_in``,
``split_owner``, ``meeting_date_in``, ``meeting_kind_in``, ``heading_title``).
"""

from __future__ import annotations

from datetime import date

import pytest

from orsheet.minutes import (
    POSSIBLE,
    SURE,
    Closure,
    DecisionItem,
    DoneReport,
    NearMiss,
    NewAction,
    Paragraph,
    heading_title,
    meeting_date_in,
    meeting_kind_in,
    decisions,
    parse_minutes,
)
from orsheet.minutes.matching import best_match
from orsheet.minutes.numbers import RangeRefused, closed_numbers
from orsheet.minutes.owners import split_owner
from orsheet.minutes.people import people_from
from orsheet.minutes.tasks import NAME_AND_VERB, task_in

HEADER = Paragraph("Aanwezig: Petra, Marlijn, Wil en Nancy")
PEOPLE = people_from(["Petra", "Wil", "Nancy"])


def parse(*texts: str, bullets: bool = False):
    body = [Paragraph(t, bullet=bullets) for t in texts]
    return parse_minutes([HEADER, Paragraph("3. Schoolplein", level=2), *body])


def owner_of(sentence: str, last_person: str = "") -> str | None:
    task = task_in(sentence, PEOPLE, last_person)
    return task.owner if task else None


# ------------------------------------------------------------------ header


def test_heading_title_drops_the_colon_after_the_title():
    assert heading_title("4. Rondvraag:") == "Rondvraag"


def test_heading_title_keeps_a_capital_x_that_ends_the_title():
    assert heading_title("7. Project X") == "Project X"


def test_an_abbreviated_month_with_a_full_stop_gives_the_meeting_date():
    # It used to become "12 okt- 2023", which is no date: the minutes got no meeting date.
    assert meeting_date_in([Paragraph("Verslag OR-vergadering 12 okt. 2023")]) == date(2023, 10, 12)
    assert meeting_date_in([Paragraph("Datum: 3 jan. 2024"), Paragraph("Notulen vergadering 1 febr. 2024")]) == date(
        2024, 2, 1
    )


KINDS = ["OR-vergadering", "Overlegvergadering", "Informeel overleg", "Werkgroep Sociaal Beleid",
         "Werkgroep Veilig en Gezond"]


@pytest.mark.parametrize(
    "title, kind",
    [
        ("Verslag formeel overleg 12 maart", "Overlegvergadering"),  # two words, neither a kind alone
        ("Notulen werkgroep Sociaal Beleid", "Werkgroep Sociaal Beleid"),  # a council's own kind, three words
        ("Verslag werkgroep Veilig en Gezond", "Werkgroep Veilig en Gezond"),  # four words
    ],
)
def test_a_meeting_kind_of_several_words_is_found_in_the_title(title, kind):
    assert meeting_kind_in([Paragraph(title)], KINDS) == kind


def test_the_longer_kind_in_the_title_wins_over_a_shorter_one_after_it():
    assert meeting_kind_in([Paragraph("Notulen informeel overleg bestuurder en OR")], KINDS) == "Informeel overleg"


def test_the_kind_named_first_wins_over_the_council_named_after_it():
    assert meeting_kind_in([Paragraph("Verslag overlegvergadering OR")], KINDS) == "Overlegvergadering"


# ------------------------------------------------------------------ owners


def test_a_name_that_is_also_a_verb_after_en_stays_in_the_owner():
    # "Wil" (and "Kan", "Zal") are names too: after "en" or a comma they cannot be the verb.
    assert split_owner("Jan en Wil belt de leverancier") == ("Jan en Wil", "belt de leverancier")
    assert split_owner("Jan, Wil belt de leverancier") == ("Jan, Wil", "belt de leverancier")
    assert split_owner("Jan & Kan maken de poster") == ("Jan & Kan", "maken de poster")
    assert split_owner("Jan wil de leverancier bellen") == ("Jan", "wil de leverancier bellen")
    assert split_owner("Jan En Wil bellen de leverancier") == ("Jan En Wil", "bellen de leverancier")


def test_a_surname_that_is_also_a_verb_after_a_particle_stays_in_the_owner():
    assert split_owner("Piet de Kan belt de leverancier") == ("Piet de Kan", "belt de leverancier")


def test_an_action_marker_for_two_people_one_called_wil_names_both():
    [action] = parse("De levering is te laat (actie: Jan en Wil bellen de leverancier).").new_actions
    assert action.owner == "Jan en Wil"
    assert action.description == "De levering is te laat. Actie: Jan en Wil bellen de leverancier."


# ------------------------------------------------------------------ tasks


def test_an_unknown_name_beginning_with_x_owns_a_task_with_a_future_verb():
    task = task_in("Xander gaat de posters ophangen.", PEOPLE, "")
    assert (task.owner, task.description) == ("Xander", "Xander gaat de posters ophangen.")


def test_a_task_sentence_loses_the_bullet_before_it():
    assert task_in("– Morgen belt Petra de gemeente.", PEOPLE, "").description == "Morgen belt Petra de gemeente."


def test_laat_followed_by_a_verb_of_doing_is_a_task():
    assert owner_of("Petra laat uitzoeken of de zaal vrij is.") == "Petra"
    assert owner_of("Petra laat zien hoe het werkt.") is None


def test_an_unknown_name_taking_something_along_is_no_task_but_taking_contact_is():
    assert owner_of("Randy neemt de stukken mee.") is None
    assert owner_of("Randy neemt na de vakantie contact op met de gemeente.") == "Randy"


@pytest.mark.parametrize(
    "sentence, owner",
    [
        ("Petra zal de brief niet sturen.", None),
        ("Petra gaat voorlopig geen brief sturen.", None),
        ("Petra belt de leden die niet aanwezig waren.", "Petra"),
        ("Petra stuurt een herinnering als er geen reactie komt.", "Petra"),
        ("Randy gaat na of er niet te veel is betaald.", "Randy"),
    ],
)
def test_a_negation_in_the_main_clause_makes_it_no_task_one_in_a_subclause_does_not(sentence, owner):
    assert owner_of(sentence) == owner


@pytest.mark.parametrize("clause", ["Petra en", "Petra en de", "Petra en het dagelijks", "werkgroep Communicatie"])
def test_an_owner_list_cut_off_at_the_end_of_a_clause_gives_no_task(clause):
    # Text from a PDF often breaks off like this; reading it must not fail.
    assert task_in(f"Naar de beurs gaan: {clause}", PEOPLE, "") is None


def test_a_role_after_the_verb_is_who_is_addressed_not_a_second_owner():
    assert owner_of("Petra mailt de secretaris de stukken.") == "Petra"
    assert owner_of("Petra belt Wil morgen.") == "Petra"


def test_an_unknown_name_and_a_listed_person_together_may_own_a_present_tense_task():
    assert owner_of("Randy en Petra bellen de gemeente.") == "Randy en Petra"


def test_a_verb_second_sentence_about_agreeing_is_no_task():
    assert owner_of("Daarna gaat Petra akkoord met de begroting.") is None


def test_a_three_word_verb_second_sentence_names_its_owner_last():
    task = task_in("Dit regelt Petra.", PEOPLE, "")
    assert (task.owner, task.reason) == ("Petra", NAME_AND_VERB)


def test_a_name_after_the_verb_of_a_pronoun_sentence_is_its_object_not_its_owner():
    assert owner_of("Zij mailt Petra de stukken.") is None
    assert owner_of("Zij mailt Petra de stukken.", last_person="Nancy") == "Nancy"


def test_a_task_after_an_introductory_clause_is_owned_by_the_person_alone():
    task = task_in("Voor de volgende vergadering: Petra stuurt de agenda rond.", PEOPLE, "")
    assert task.owner == "Petra"


def test_three_names_in_a_comma_list_before_the_verb_all_own_the_task():
    assert owner_of("Wil, Nancy, Petra gaan erheen.") == "Wil, Nancy, Petra"


# ------------------------------------------------------------------ markers in a paragraph


def test_an_example_in_an_earlier_sentence_does_not_make_a_later_marker_an_example():
    [action] = parse("Het voorbeeld van de gemeente is besproken. Actie: Wil vraagt het na.").new_actions
    assert action.owner == "Wil"
    assert action.description == "Het voorbeeld van de gemeente is besproken. Actie: Wil vraagt het na."


def test_a_label_marker_takes_the_sentence_right_before_it_not_the_first_of_the_paragraph():
    [action] = parse("Eerste punt. Het hek is kapot. Actie: Wil belt de gemeente.").new_actions
    assert action.description == "Het hek is kapot. Actie: Wil belt de gemeente."


def test_a_label_marker_opening_a_paragraph_is_described_by_its_own_task():
    for texts in (["Het plein is vies.", "Actie: Wil belt de gemeente."], ["Actie: Wil belt de gemeente. Het hek is kapot."]):
        [action] = parse(*texts).new_actions
        assert (action.owner, action.description) == ("Wil", "Wil belt de gemeente.")


def test_a_bracket_marker_after_a_full_stop_belongs_to_the_sentence_before_even_when_the_paragraph_goes_on():
    [action] = parse("Het hek is kapot. (actie: Wil) De speeltoestellen worden gekeurd.").new_actions
    assert (action.owner, action.description, action.marker) == ("Wil", "Het hek is kapot.", "actie: Wil")


def test_a_bracket_marker_inside_a_later_sentence_belongs_to_that_sentence():
    [action] = parse("Het hek is kapot. Petra vraagt een offerte aan (actie: Wil).").new_actions
    assert (action.owner, action.description) == ("Wil", "Petra vraagt een offerte aan.")


def test_a_marker_keeps_the_last_word_of_the_marker_as_written():
    [action] = parse("Planning besproken (actie: Petra zoekt een datum voor Project X).").new_actions
    assert action.marker == "actie: Petra zoekt een datum voor Project X"


@pytest.mark.parametrize(
    "text, description",
    [
        ("De poster wordt gemaakt (actie: Wil).", "De poster wordt gemaakt."),
        ("- Het plein is vies (actie: Wil).", "Het plein is vies."),
        ("Xerox-printer vervangen (actie: Wil).", "Xerox-printer vervangen."),
    ],
)
def test_the_sentence_of_a_marker_loses_the_marker_its_bullet_and_the_space_before_the_full_stop(text, description):
    [action] = parse(text).new_actions
    assert action.description == description


def test_a_marked_sentence_is_an_action_not_a_report_that_something_is_done():
    proposal = parse("(actie: Wil) Nagaan of de offerte al is aangevraagd.")
    assert [a.description for a in proposal.new_actions] == ["Nagaan of de offerte al is aangevraagd."]
    assert proposal.done_reports == []


def test_a_marker_in_the_next_sentence_leaves_the_report_before_it_standing():
    proposal = parse("De offerte is aangevraagd. Actie: Wil belt de leverancier.")
    assert proposal.done_reports == [DoneReport("De offerte is aangevraagd.", "Schoolplein")]
    assert [a.owner for a in proposal.new_actions] == ["Wil"]


def test_the_sentences_after_a_label_marker_are_read_too():
    proposal = parse("Actie: Petra belt de gemeente. Actie 12 is afgerond.")
    assert proposal.closures == [Closure(12, "Actie 12 is afgerond.")]


def test_the_last_sentence_inside_a_bracket_marker_is_part_of_the_marker_not_a_task_of_its_own():
    [action] = parse("(actie: Petra belt de gemeente. Wil mailt de school.)").new_actions
    assert (action.owner, action.confidence) == ("Petra", SURE)


# ------------------------------------------------------------------ quotations


@pytest.mark.parametrize(
    "text",
    [
        '"Actie 12 is afgerond." Dat schreef de bestuurder.',
        "“Actie 12 is afgerond”. Dat schreef de bestuurder.",
        "- “Actie 12 is afgerond.” Dat schreef de bestuurder.",
        "(“Actie 12 is afgerond.”) Dat schreef de bestuurder.",
        "[“Actie 12 is afgerond”.]",
    ],
)
def test_a_quoted_sentence_followed_by_another_closes_nothing(text):
    # Only a quotation at the end of a paragraph used to count as one: the space after it hid its end.
    assert parse(text).closures == []


def test_a_quoted_sentence_does_not_stop_the_reading_of_the_sentences_after_it():
    assert parse('"Actie 12 is afgerond." Actie 13 is afgerond.').closures == [Closure(13, "Actie 13 is afgerond.")]


def test_a_sentence_opening_with_a_quoted_title_is_still_read():
    sentence = '"Notitie werkdruk" is verstuurd naar de bestuurder.'
    assert parse(sentence).done_reports == [DoneReport(sentence, "Schoolplein")]


@pytest.mark.parametrize(
    "sentence",
    [
        "Bijvoorbeeld: er wordt afgesproken dat we om 9 uur beginnen.",
        '"Er is afgesproken dat de deur dicht blijft", zegt de directeur.',
        "“Afgesproken is dat de deur dicht blijft”, aldus de bestuurder.",
    ],
)
def test_a_decision_quoted_or_given_as_an_example_is_not_recorded(sentence):
    assert parse(sentence).decisions == []


def test_a_decision_sentence_opening_with_a_capital_x_is_recorded():
    [decision] = parse("Xerox wordt de nieuwe leverancier, zo is afgesproken.").decisions
    assert decision.text == "Afspraak: Xerox wordt de nieuwe leverancier, zo is afgesproken."


# ------------------------------------------------------------------ decisions


def test_a_decision_label_standing_alone_takes_the_next_paragraph_as_a_sure_decision():
    proposal = parse("Besluit:", "De OR stemt in met het plan.", "Besluit:", "De OR stemt in met de begroting.")
    assert proposal.decisions == [
        DecisionItem("De OR stemt in met het plan.", "Schoolplein", "besluit", SURE, ""),
        DecisionItem("De OR stemt in met de begroting.", "Schoolplein", "besluit", SURE, ""),
    ]


def test_a_sure_decision_carries_no_reason():
    assert parse("De OR besluit de zaal te huren.").decisions == [
        DecisionItem("De OR besluit de zaal te huren.", "Schoolplein", "besluit", SURE, "")
    ]


def test_approving_the_same_thing_twice_is_one_decision_and_a_near_miss():
    proposal = parse("Het reglement is goedgekeurd.", "Het reglement is vastgesteld.")
    assert [d.text for d in proposal.decisions] == ["Het reglement is goedgekeurd."]
    assert proposal.near_misses == [
        NearMiss("Het reglement is vastgesteld.", "geen besluit: hetzelfde besluit staat al eerder in de notulen")
    ]


def test_an_action_closed_twice_in_the_minutes_is_one_closure():
    assert parse("Actie 12 is afgerond.", "Zoals gezegd: actie 12 is afgerond.").closures == [
        Closure(12, "Actie 12 is afgerond.")
    ]


# ------------------------------------------------------------------ lists and named lines


def test_a_bullet_under_an_action_list_is_one_sure_action():
    proposal = parse_minutes([HEADER, Paragraph("Actiepunten", level=2), Paragraph("Petra: offerte aanvragen.", bullet=True)])
    assert proposal.new_actions == [
        NewAction("Petra", "Offerte aanvragen.", "Actiepunten", "actie: Petra: offerte aanvragen.")
    ]


def test_a_listed_action_ending_in_a_question_mark_keeps_it():
    proposal = parse_minutes([HEADER, Paragraph("Acties:"), Paragraph("Nancy: nagaan of het kan?", bullet=True)])
    assert [a.description for a in proposal.new_actions] == ["Nagaan of het kan?"]


def test_a_listed_action_for_someone_called_wil_names_wil_before_the_colon():
    proposal = parse_minutes([HEADER, Paragraph("Acties:"), Paragraph("Wil: zaal reserveren", bullet=True)])
    assert [(a.owner, a.description) for a in proposal.new_actions] == [("Wil", "Zaal reserveren.")]
    proposal = parse_minutes([HEADER, Paragraph("Acties:"), Paragraph("secretaris: notulen rondsturen", bullet=True)])
    assert [(a.owner, a.description) for a in proposal.new_actions] == [("secretaris", "Notulen rondsturen.")]
    proposal = parse_minutes([HEADER, Paragraph("Acties:"), Paragraph("iedereen moet: de stukken lezen", bullet=True)])
    assert [(a.owner, a.description) for a in proposal.new_actions] == [("iedereen", "Iedereen moet: de stukken lezen.")]


def test_a_bullet_under_an_action_list_without_an_owner_is_read_as_a_sentence():
    proposal = parse_minutes(
        [HEADER, Paragraph("Actiepunten", level=2), Paragraph("het draaiboek is doorgestuurd naar iedereen.", bullet=True)]
    )
    assert proposal.new_actions == []
    assert [r.sentence for r in proposal.done_reports] == ["het draaiboek is doorgestuurd naar iedereen."]


def test_an_attendance_list_in_bullets_at_the_top_gives_no_actions():
    proposal = parse_minutes([Paragraph("Jan de Vries (voorzitter)", bullet=True), Paragraph("Kees Smit (notulist)", bullet=True)])
    assert proposal.new_actions == []


def test_a_named_line_is_a_possible_action_with_no_marker():
    [action] = parse("Petra: actielijst bijwerken!", bullets=True).new_actions
    assert action == NewAction("Petra", "Actielijst bijwerken!", "Schoolplein", "", confidence=POSSIBLE,
                               reason='regel "naam: taak"')


def test_a_task_after_an_owner_in_brackets_may_name_a_company_in_the_middle():
    [action] = parse("Offerte Gamma opvragen (Marlijn)", bullets=True).new_actions
    assert (action.owner, action.description) == ("Marlijn", "Offerte Gamma opvragen.")


def test_a_named_line_with_two_sentences_is_read_sentence_by_sentence():
    proposal = parse("Petra: de brief is verstuurd. Nancy gaat de zaal reserveren.", bullets=True)
    assert [r.sentence for r in proposal.done_reports] == ["Petra: de brief is verstuurd."]
    assert [(a.owner, a.confidence) for a in proposal.new_actions] == [("Nancy", POSSIBLE)]


# ------------------------------------------------------------------ closures by number


def test_a_date_after_a_dash_does_not_end_a_range_of_actions():
    # "Actie 7 – 12 oktober": the action's date, not actions 7 to 12.
    assert closed_numbers("Actie 7 – 12 oktober: afgerond.") == [7]


def test_a_range_from_a_number_to_itself_is_refused():
    with pytest.raises(RangeRefused):
        closed_numbers("Acties 12 t/m 12 zijn afgerond.")


def test_a_question_closes_nothing_even_with_a_space_after_the_question_mark():
    assert closed_numbers("Actie 330 afgerond? ") == []


@pytest.mark.parametrize(
    "sentence, closed",
    [
        ("Actie 12 is besproken en actie 13 is afgerond.", [13]),
        ("Actie 12 besproken, actie 13 afgerond, actie 14 loopt nog.", [13]),
        ("Actie 12 en actie 13 zijn afgerond.", [12, 13]),
        ("Actie 12 & actie 13 zijn afgerond.", [12, 13]),
        ("Actie 12 en actie 13 lopen nog.", []),
        ("Actie 11 loopt nog, actie 12 en actie 13 zijn afgerond.", [12, 13]),
        ("Actie 12 loopt nog en actie 13 is afgerond.", [13]),
    ],
)
def test_each_action_number_is_closed_by_the_words_up_to_the_next_number(sentence, closed):
    assert closed_numbers(sentence) == closed


@pytest.mark.parametrize("sentence", ["Nr. 12 is afgerond.", "NR 12 is afgerond.", "nummer 12 is afgerond."])
def test_a_sentence_opening_with_nr_and_a_number_closes_it(sentence):
    assert closed_numbers(sentence) == [12]


# ------------------------------------------------------------------ decisions, forms


def test_a_decision_after_a_word_bullet_is_recorded_without_the_bullet():
    for bullet in ("▪", "\uf0b7", "●"):
        [decision] = parse(f"{bullet} De OR besluit de zaal te huren.").decisions
        assert (decision.text, decision.confidence) == ("De OR besluit de zaal te huren.", SURE)


def test_the_decision_a_noun_names_is_no_decision_but_the_inverted_verb_is():
    assert parse("Het besluit de werkgroep op te heffen wordt uitgesteld.").decisions == []
    [decision] = parse("Daarom besluit de OR de zaal te huren.").decisions
    assert decision.confidence == SURE


def test_a_decision_that_refers_back_keeps_its_own_words():
    assert decisions.read_decision("Dit is akkoord.") == decisions.Decision("besluit", "Dit is akkoord.", refers_back=True)


# ------------------------------------------------------------------ matching a report to an open action


def test_a_report_sharing_three_of_ten_words_with_an_action_matches_it():
    action = "Offerte aanvragen bij drie leveranciers voor nieuwe stoelen tafels kasten lampen gordijnen"
    report = "De offerte voor de stoelen is bij de leveranciers binnen"
    assert best_match(report, [(7, action)]) == 7
    assert best_match("De offerte voor de stoelen is binnen", [(7, action)]) is None
