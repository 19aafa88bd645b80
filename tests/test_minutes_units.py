"""The minutes grammar module by module: names, headers, stems, matching, listed lines, decisions."""

from __future__ import annotations

from datetime import date

import pytest

from orsheet.minutes import (
    POSSIBLE,
    SURE,
    Closure,
    DecisionItem,
    NearMiss,
    NewAction,
    Paragraph,
    decisions,
    meeting_date_in,
    meeting_kind_in,
    parse_minutes,
)
from orsheet.minutes.markers import find_markers, split_deadline, split_listed_action
from orsheet.minutes.matching import best_match
from orsheet.minutes.tasks import last_owner_in
from orsheet.minutes.numbers import mentions_closure, number_list_at
from orsheet.minutes.owners import split_owner
from orsheet.minutes.people import names_in_header, people_from, split_names
from orsheet.minutes.tasks import done_report, task_in
from orsheet.minutes.text import clauses, content_words, quoted_spans, similar, stems

HEADER = Paragraph("Aanwezig: Petra, Marlijn, Wil en Nancy")


def parse(*texts: str, bullets: bool = False, header: Paragraph = HEADER):
    body = [Paragraph(t, bullet=bullets) for t in texts]
    return parse_minutes([header, Paragraph("3. Schoolplein", level=2), *body])


# ------------------------------------------------------------------ people


@pytest.mark.parametrize(
    "text, names",
    [
        ("Jose van Engelen, voorzitter; Cees van Elteren, secretaris", ["Jose van Engelen", "Cees van Elteren"]),
        ("Becht, Ribberink (allen m.k.)", ["Becht", "Ribberink"]),
        ("Wil en Nancy & Adrie", ["Wil", "Nancy", "Adrie"]),
        ("Monique - Amal", ["Monique", "Amal"]),
        ("leden van de raad", []),
        ("Leden UR", []),
        ("1.Opening en vaststelling agenda", []),
        ("Een heel lange zin met zes woorden", []),
        ("Gerard Croiset (met kennisgeving) penningmeester", ["Gerard Croiset"]),
        ("Paul m.k.", ["Paul"]),
    ],
)
def test_minutes_header_names_are_split_from_roles_remarks_and_labels(text, names):
    assert split_names(text) == names


def test_minutes_header_lines_and_lists_under_a_heading_give_the_people():
    lines = [
        ("Verslag 12 oktober", 0),
        ("Voorzitter: Amal", 0),
        ("Notulist: Desiree", 0),
        ("Aanwezig:", 0),
        ("Leden UR:", 0),
        ("Van Andel, Zijm", 0),
        ("De voorzitter opent de vergadering.", 0),
        ("Karel", 0),
        ("Deelnemers (in volgorde)", 2),
        ("Pieter Dijkstra (Kadaster)", 0),
        ("1. Opening", 1),
        ("Jantje", 0),
    ]
    assert names_in_header(lines) == ["Amal", "Desiree", "Van Andel", "Zijm", "Pieter Dijkstra"]


def test_minutes_people_are_known_by_full_first_and_last_name():
    people = people_from(["Jan Willem de Vries", "Van Andel", "kleine letter"])
    for form in ("Jan Willem de Vries", "jan", "Vries", "Van Andel", "andel"):
        assert form in people, form
    assert "kleine" not in people and "Willem" not in people
    assert people.longest_at("Gisteren belde Jan Willem de Vries op".split(), 2) == 4
    assert people.longest_at("Gisteren belde Jan op".split(), 2) == 1
    assert people.longest_at("Gisteren belde iemand op".split(), 2) == 0
    assert last_owner_in("Jan belt Van Andel, daarna jan", people) == "Van Andel"
    assert last_owner_in("Niemand hier", people) == ""


# ------------------------------------------------------------------- text


def test_minutes_stems_drop_accents_and_cut_words_to_five_letters():
    assert stems("Kopiëren van de enquête") == {"kopie", "enque"}
    assert content_words("De OR en het plan") == {"plan"}


@pytest.mark.parametrize(
    "one, other, same",
    [
        ("poster maken voor de fika", "de poster voor de fika ontwerpen", True),  # two of three stems
        ("schoolondersteuningsprofiel goedgekeurd", "MR stemt in met het schoolondersteuningsprofiel", True),
        ("brief sturen aan de directeur", "agenda opstellen voor volgende week", False),
        ("alpha bravo charlie delta echo foxtrot golf", "alpha bravo hotel india juliet kilo lima", False),
        ("alpha bravo charlie delta echo foxtrot golf", "alpha bravo charlie hotel india juliet kilo", True),
        ("alpha bravo charlie delta", "alpha bravo charlie delta echo foxtrot golf hotel india juliet kilo lima", True),
        ("alpha", "bravo", False),
        ("", "", False),
    ],
)
def test_minutes_texts_are_similar_by_their_shared_stems(one, other, same):
    assert similar(one, other) is same
    assert similar(other, one) is same


def test_minutes_clauses_split_at_semicolons_colons_commas_and_dashes():
    assert clauses("Uitnodiging; Jose gaat, samen met Ko - als gast: ja") == [
        (0, "Uitnodiging"), (13, "Jose gaat"), (24, "samen met Ko"), (39, "als gast"), (49, "ja")]


# --------------------------------------------------------------- matching


def test_minutes_best_match_needs_two_shared_words_and_a_third_of_the_action():
    actions = [(1, "Poster ontwerpen voor de Fika"), (2, "Zaal reserveren voor de borrel")]
    assert best_match("De poster voor de Fika is ontworpen", actions) == 1
    assert best_match("De poster is klaar", actions) is None  # one shared word
    many = [(3, "poster appel banaan citroen dadel egel fiets gitaar hamer inkt jas fika")]
    assert best_match("De poster voor de Fika is klaar", many) is None  # 2 of 12 words


def test_minutes_best_match_on_a_tie_is_no_match_and_otherwise_the_best():
    tie = [(1, "poster fika"), (2, "poster fika")]
    assert best_match("poster fika klaar", tie) is None
    better = [(1, "poster fika groningen zaal"), (2, "poster fika")]
    assert best_match("poster fika klaar", better) == 2
    assert best_match("poster fika klaar", []) is None


# -------------------------------------------------------- listed lines


def test_minutes_bullet_name_colon_task_is_a_possible_action_of_a_listed_person():
    [action] = parse("Petra: actielijst bijwerken!", bullets=True).new_actions
    assert (action.owner, action.description, action.confidence) == ("Petra", "Actielijst bijwerken!", POSSIBLE)
    assert action.reason == 'regel "naam: taak"' and action.subject == "Schoolplein"


def test_minutes_bullet_task_then_name_in_brackets_is_a_possible_action():
    [action] = parse("offerte hekwerk aanvragen (Marlijn)", bullets=True).new_actions
    assert (action.owner, action.description) == ("Marlijn", "Offerte hekwerk aanvragen.")
    assert action.reason == 'regel "naam: taak"'


def test_minutes_bullet_names_not_all_listed_say_so_in_the_reason():
    [both] = parse("Wil en Nancy: zaal huren", bullets=True).new_actions
    assert both.reason == 'regel "naam: taak"'
    [one] = parse("Wil en Kees: zaal huren", bullets=True).new_actions
    assert one.reason == 'regel "naam: taak", naam staat niet bij de aanwezigen'


@pytest.mark.parametrize(
    "line",
    [
        "Anneke: we kunnen nieuwe pennen laten maken",
        "Anneke: laten we iets kiezen",
        "Alexander Green (Logius)",
        "Petra: de zaal. Daarna koffie drinken",
        "Petra: beeldschermdoekjes zijn handig",
        "Petra: lezen",
        "Petra",
    ],
)
def test_minutes_bullets_that_are_talk_or_names_are_no_action(line):
    assert parse(line, bullets=True).new_actions == []


def test_minutes_name_colon_task_outside_a_bullet_is_no_action():
    assert parse("Petra: actielijst bijwerken").new_actions == []


def test_minutes_bullets_under_a_heading_about_actions_are_sure_actions():
    proposal = parse_minutes([
        Paragraph("4. Actiepunten", level=2),
        Paragraph("Jan: brief sturen", bullet=True),
        Paragraph("nog uitzoeken wie", bullet=True),
    ])
    [action] = proposal.new_actions
    assert (action.owner, action.description, action.confidence) == ("Jan", "Brief sturen.", SURE)
    assert action.marker == "actie: Jan: brief sturen"


def test_minutes_listed_action_splits_owner_and_task_three_ways():
    assert split_listed_action("Jan: brief sturen") == ("Jan", "brief sturen")
    assert split_listed_action("brief sturen (Jan)") == ("Jan", "brief sturen")
    assert split_listed_action("Jan stuurt de brief") == ("Jan", "Jan stuurt de brief")
    assert split_listed_action("Jan gaat: brief sturen") == ("Jan", "Jan gaat: brief sturen")
    assert split_listed_action("Allen") == ("Allen", "")
    assert split_listed_action("de brief") == ("", "de brief")


@pytest.mark.parametrize(
    "task, expected",
    [
        ("poster maken, deadline 1 november", ("poster maken", "1 november")),
        ("poster maken uiterlijk eind okt.", ("poster maken", "eind okt")),
        ("verslag klaar voor de volgende vergadering", ("verslag", "de volgende vergadering")),
        ("bellen z.s.m.", ("bellen z.s.m.", "")),
        ("mailen vóór 12-10", ("mailen", "12-10")),
        ("poster maken", ("poster maken", "")),
    ],
)
def test_minutes_deadline_is_split_from_the_task(task, expected):
    assert split_deadline(task) == expected


# ---------------------------------------------------------------- tasks


def test_minutes_names_split_by_a_comma_before_the_verb_are_one_owner():
    people = people_from(["Wil", "Nancy"])
    task = task_in("Uitnodiging 28-11 Wil, Nancy gaan erheen.", people, "")
    assert task.owner == "Wil, Nancy"
    assert task.description == "Uitnodiging 28-11 Wil, Nancy gaan erheen."
    assert task.reason == "naam + werkwoord, zonder actiemarkering"


def test_minutes_pronoun_without_a_person_before_it_is_no_task():
    people = people_from(["Wil"])
    assert task_in("Zij kopieert 120 stuks.", people, "") is None
    assert task_in("Zij kopieert 120 stuks.", people, "Wil").reason == 'eigenaar afgeleid: "Zij" is Wil'
    assert task_in("Morgen belt Wil de gemeente.", people, "").owner == "Wil"
    assert task_in("Morgen belt hij de gemeente.", people, "").__class__ is type(None)


@pytest.mark.parametrize(
    "sentence, owner",
    [
        ("Randy gaat de gemeente bellen.", "Randy"),  # unknown name, future verb
        ("Randy neemt contact op met de gemeente.", "Randy"),
        ("Randy belt de gemeente.", None),  # unknown name, a task verb only is not enough
        ("Desondanks zullen zij dit doen.", None),
        ("De secretaris en penningmeester gaan nog wat punten bijschaven.", "De secretaris en penningmeester"),
        ("Werkgroep Communicatie maakt een poster.", "Werkgroep Communicatie"),
        ("Het dagelijks bestuur zal het agenderen.", "Het dagelijks bestuur"),
        ("Onze voorzitter neemt contact op met Erik.", "Onze voorzitter"),
        ("Petra vraagt of dat kan.", None),
        ("Petra laat zien hoe het werkt.", None),
        ("Petra laat aan de commissie weten dat het kan.", "Petra"),
        ("Petra laat de ramen open.", None),
        ("Petra gaat akkoord.", None),
        ("Petra zal niet komen.", None),
        ("Petra gaat nog niet bellen.", None),
        ("Petra is ziek.", None),
        ("Dit is een zin zonder eigenaar.", None),
        ("In de pauze gaat iedereen koffie drinken.", None),
    ],
)
def test_minutes_task_owner_is_a_person_a_role_or_a_name_with_a_future_verb(sentence, owner):
    task = task_in(sentence, people_from(["Petra"]), "")
    assert (task.owner if task else None) == owner


@pytest.mark.parametrize(
    "sentence, done",
    [
        ("Draaiboek is doorgestuurd naar iedereen.", True),
        ("Traject zonnepanelen is in het geheel afgerond.", True),
        ("De uitnodiging is de deur uit.", True),
        ("Het vrijwilligersbeleid wordt weer uit de aktielijst gehaald.", True),
        ("Dit verzoek kan worden afgesloten.", True),
        ("De brief is nog niet verstuurd.", False),
        ("Het actiepunt blijft staan, de brief is verstuurd.", False),
        ("De brief wordt verstuurd.", False),
        ("Het gaat goed.", False),
    ],
)
def test_minutes_done_reports_say_a_task_is_done_without_its_number(sentence, done):
    assert done_report(sentence) is done


def test_minutes_done_report_matching_an_open_action_is_suggested_not_closed():
    proposal = parse("Het draaiboek is doorgestuurd naar iedereen.")
    assert proposal.closures == [] and [r.sentence for r in proposal.done_reports] == [
        "Het draaiboek is doorgestuurd naar iedereen."]
    assert proposal.done_reports[0].subject == "Schoolplein"


# ------------------------------------------------------------ decisions


def test_minutes_decision_that_refers_back_takes_the_sentence_before_and_is_possible():
    [decision] = parse("Quiet stelt voor sponsors te zoeken. Akkoord.").decisions
    assert decision.text == "Quiet stelt voor sponsors te zoeken. Akkoord."
    assert (decision.confidence, decision.reason) == (POSSIBLE, "besluit afgeleid uit de formulering")
    assert parse("Akkoord.").decisions == []  # nothing before it to agree with


def test_minutes_agreement_is_recorded_with_its_label_once_per_subject():
    proposal = parse("Afgesproken wordt dat Jan belt.", "Afgesproken wordt dat Jan belt.")
    [decision] = proposal.decisions
    assert (decision.text, decision.kind) == ("Afspraak: Afgesproken wordt dat Jan belt.", "afspraak")


def test_minutes_the_same_approval_twice_is_recorded_once_and_listed_as_a_near_miss():
    proposal = parse("De nota vrijwilligersbeleid wordt goedgekeurd.", "Het vrijwilligersbeleid is goedgekeurd.")
    assert [d.text for d in proposal.decisions] == ["De nota vrijwilligersbeleid wordt goedgekeurd."]
    [miss] = proposal.near_misses
    assert miss.reason == "geen besluit: hetzelfde besluit staat al eerder in de notulen"
    other = parse("De nota vrijwilligersbeleid wordt goedgekeurd.", "Het reglement is goedgekeurd.")
    assert len(other.decisions) == 2


def test_minutes_decision_kinds_and_confidence_by_form():
    proposal = parse("De OR besluit de brief te sturen.", "Er wordt besloten te stoppen.",
                     "In onderling overleg is besloten dat we stoppen.", "De MR stemt in met het plan.")
    assert [(d.kind, d.confidence) for d in proposal.decisions] == [
        ("besluit", SURE), ("besluit", SURE), ("besluit", POSSIBLE), ("besluit", POSSIBLE)]


# --------------------------------------------------------------- numbers


def test_minutes_number_list_reads_lists_and_ranges_and_stops_at_dates_and_times():
    assert number_list_at("325, 330 en 338 zijn af", 0) == ([325, 330, 338], 15)
    assert number_list_at("341 t/m 343", 0) == ([341, 342, 343], 11)
    assert number_list_at("12 oktober", 0) == ([], 0)
    assert number_list_at("10.30 uur", 0) == ([], 0)
    assert number_list_at("5 en 12-10-2023", 0) == ([5], 5)


def test_minutes_mentions_closure_counts_a_refused_range():
    assert mentions_closure("Acties 100 t/m 300 zijn afgerond.")
    assert mentions_closure("Actie 12 is afgerond.")
    assert not mentions_closure("Actie 12 loopt nog.")


# ----------------------------------------------------------------- header


@pytest.mark.parametrize(
    "lines, expected",
    [
        (["Datum", "05 juni 2007", "Verslag van de overlegvergadering op dinsdag 15 mei 2007"], date(2007, 5, 15)),
        (["Notulen 21-03-2018"], date(2018, 3, 21)),
        (["Notulen 30/10/07"], date(2007, 10, 30)),
        (["Vergaderruimte 6.2.02", "Vergadering 12.10.2023"], date(2023, 10, 12)),
        (["Datum: 3 februari 2024"], date(2024, 2, 3)),
        (["Notulen OR-vergadering 2023-10-26"], date(2023, 10, 26)),
        (["Kenmerk 12023-10-26"], None),  # an ISO date stands alone, not inside a longer number
        (["Verslag 31 februari 2024", "Verslag 1 maart 2024"], date(2024, 3, 1)),
        (["Verslag van de vergadering"], None),
        ([], None),
    ],
)
def test_minutes_meeting_date_is_the_date_on_the_line_naming_the_meeting(lines, expected):
    assert meeting_date_in([Paragraph(t) for t in lines]) == expected


def test_minutes_meeting_date_is_read_in_the_first_fifteen_paragraphs_only():
    lines = ["tekst"] * 15 + ["Verslag 1 maart 2024"]
    assert meeting_date_in([Paragraph(t) for t in lines]) is None
    assert meeting_date_in([Paragraph(t) for t in lines[1:]]) == date(2024, 3, 1)


KINDS = ["OR-vergadering", "Overlegvergadering", "Informeel overleg", "MR-vergadering"]


@pytest.mark.parametrize(
    "title, kind",
    [
        ("Verslag OR-Vergadering", "OR-vergadering"),
        ("Verslag OV-vergadering 19 oktober", "Overlegvergadering"),
        ("Notulen informeel overleg met de bestuurder", "Informeel overleg"),
        ("Notulen MR-vergadering", "MR-vergadering"),
        ("Notulen GMR", ""),
        ("Verslag", ""),
    ],
)
def test_minutes_meeting_kind_is_the_known_kind_the_title_names(title, kind):
    assert meeting_kind_in([Paragraph(title)], KINDS) == kind


def test_minutes_meeting_kind_is_looked_for_in_the_first_four_paragraphs():
    paragraphs = [Paragraph("tekst")] * 4 + [Paragraph("Verslag OV-vergadering")]
    assert meeting_kind_in(paragraphs, KINDS) == ""
    assert meeting_kind_in(paragraphs[1:], KINDS) == "Overlegvergadering"


# -------------------------------------------------------- decisions, exact


@pytest.mark.parametrize(
    "sentence, kind, sure, skipped, topic",
    [
        ("De OR besluit te stoppen.", "besluit", True, "", ""),
        ("Besloten wordt te stoppen.", "besluit", True, "", ""),
        ("Afgesproken wordt dat Jan belt.", "afspraak", False, "", ""),
        ("In onderling overleg is besloten dat we stoppen.", "besluit", False, "", ""),
        ("De MR stemt in met het plan.", "besluit", False, "", ""),
        ("Het AB is van een dergelijke app geen voorstander.", "besluit", False, "", ""),
        ("Het reglement is goedgekeurd.", "besluit", False, "", "Het reglement"),
        ("Met inachtneming hiervan wordt het verslag vastgesteld.", "besluit", True, decisions.PROCEDURAL, ""),
        ("De brochures worden ter kennisname aangenomen.", "besluit", True, decisions.PROCEDURAL, ""),
        ("De directie heeft besloten de school te sluiten.", "besluit", False, decisions.ELSEWHERE, ""),
        ("Dit is vorig schooljaar al besloten.", "besluit", False, decisions.REPORTED, ""),
        ("Frank geeft aan dat besloten is te wachten.", "besluit", False, decisions.REPORTED, ""),
    ],
)
def test_minutes_decision_read_gives_kind_confidence_skip_reason_and_topic(sentence, kind, sure, skipped, topic):
    found = decisions.read_decision(sentence)
    assert (found.kind, found.sure, found.skipped, found.topic) == (kind, sure, skipped, topic)
    assert found.text == sentence and found.refers_back is False


@pytest.mark.parametrize("sentence", ["Dit is akkoord.", "Akkoord.", "Hier is iedereen het mee eens.",
                                      "Hiermee wordt ingestemd."])
def test_minutes_decision_that_refers_back_is_marked_so(sentence):
    found = decisions.read_decision(sentence)
    assert found.refers_back is True and found.kind == "besluit"


@pytest.mark.parametrize("sentence", ["Het gesprek was goed.", "De notulen akkoord bevonden", "Het besluit van de minister."])
def test_minutes_sentences_without_a_decision_form_read_as_none(sentence):
    assert decisions.read_decision(sentence) is None or decisions.read_decision(sentence).skipped


def test_minutes_decision_label_alone_has_an_empty_text_and_its_kind():
    assert decisions.read_decision("Afspraken:") == decisions.Decision("afspraak", "")
    assert decisions.read_decision("Besluit van de OR: we stoppen") == decisions.Decision("besluit", "we stoppen")


# ------------------------------------------------------------- owner runs


@pytest.mark.parametrize(
    "sentence, owner",
    [
        ("Werkgroep Communicatie zal het doen.", "Werkgroep Communicatie"),
        ("De werkgroep zal het doen.", "De werkgroep"),
        ("De commissie O&B zal het doen.", "De commissie O&B"),
        ("De werkgroep, Petra en Kees gaan het doen.", None),  # an unlisted name after "en" ends the owners
        ("Petra en de secretaris gaan het doen.", "Petra en de secretaris"),
        ("Petra, Kees zal het doen.", "Petra, Kees"),
        ("Petra en Kees gaan het doen.", None),
        ("Petra Jansen, de voorzitter gaan het doen.", "Petra Jansen, de voorzitter"),
        ("De zaal gaat open.", None),
        ("Ko gaat het doen.", "Ko"),
        ("K gaat het doen.", None),
        ("P&O gaat het doen.", None),
    ],
)
def test_minutes_owners_join_people_and_roles_but_not_unknown_words(sentence, owner):
    task = task_in(sentence, people_from(["Petra Jansen"]), "")
    assert (task.owner if task else None) == owner


@pytest.mark.parametrize(
    "sentence, owner, reason",
    [
        ("Morgen verwerkt zij de reacties.", "Wil", 'eigenaar afgeleid: "zij" is Wil'),
        ("Volgende week belt hij de gemeente.", "Wil", 'eigenaar afgeleid: "hij" is Wil'),
        ("Morgen om tien belt hij de gemeente.", None, None),
        ("Dit zal Petra nog bijwerken.", "Petra", "naam + werkwoord, zonder actiemarkering"),
        ("Dit zal Kees nog bijwerken.", None, None),
        ("Morgen gaat hij akkoord.", None, None),
        ("Hij", None, None),
    ],
)
def test_minutes_verb_second_sentences_find_their_subject_after_the_verb(sentence, owner, reason):
    task = task_in(sentence, people_from(["Petra"]), "Wil")
    assert ((task.owner, task.reason) if task else (None, None)) == (owner, reason)


# ------------------------------------------------- what a pass records, whole


def test_minutes_pass_records_every_field_of_closures_near_misses_and_list_updates():
    proposal = parse("Actie 12 is afgerond. De actielijst is bijgewerkt.", "Acties 100 t/m 300 zijn afgerond.",
                     "De agenda wordt vastgesteld.")
    assert proposal.closures == [Closure(12, "Actie 12 is afgerond.")]
    assert proposal.list_updated == "De actielijst is bijgewerkt."
    assert proposal.near_misses == [
        NearMiss("Acties 100 t/m 300 zijn afgerond.",
                 'niets afgerond: "100 t/m 300" is geen bereik van hoogstens 100 nummers; noem de nummers'),
        NearMiss("De agenda wordt vastgesteld.", f"geen besluit: {decisions.PROCEDURAL}"),
    ]
    assert proposal.people == ("Petra", "Marlijn", "Wil", "Nancy")


def test_minutes_pass_records_every_field_of_a_possible_action():
    [action] = parse("Wil gaat de zaal reserveren.").new_actions
    assert action == NewAction("Wil", "Wil gaat de zaal reserveren.", "Schoolplein", "", "", POSSIBLE,
                               "naam + werkwoord, zonder actiemarkering")


def test_minutes_pass_resolves_a_pronoun_to_the_person_named_last():
    proposal = parse("De reacties worden aan Wil gemaild. Morgen verwerkt zij die.")
    [action] = proposal.new_actions
    assert (action.owner, action.reason) == ("Wil", 'eigenaar afgeleid: "zij" is Wil')
    marked = parse("Er komt een poster. (actie: Kees)", "Hij gaat hem ook ophangen.").new_actions
    assert [(a.owner, a.confidence) for a in marked] == [("Kees", SURE), ("Kees", POSSIBLE)]


def test_minutes_pass_records_every_field_of_a_marker_action():
    [action] = parse("Er komt een Fika. (actie: Karin maakt een poster, deadline 1 november!)").new_actions
    assert action == NewAction("Karin", "Er komt een Fika. Actie: Karin maakt een poster!", "Schoolplein",
                               "actie: Karin maakt een poster, deadline 1 november!", "1 november", SURE, "")
    [asked] = parse("Wie doet het? (actie: Karin)").new_actions
    assert asked.description == "Wie doet het?"
    [alone] = parse("Er komt een Fika.", "(actie: Karin)").new_actions
    assert alone.description == "Er komt een Fika."
    [labelled] = parse("Actie: Karin regelt de zaal").new_actions
    assert labelled.description == "Karin regelt de zaal."


def test_minutes_pass_records_a_decision_that_refers_back_with_its_kind():
    [decision] = parse("Quiet stelt voor sponsors te zoeken.", "Akkoord.").decisions
    assert decision == DecisionItem("Quiet stelt voor sponsors te zoeken. Akkoord.", "Schoolplein", "besluit",
                                    POSSIBLE, "besluit afgeleid uit de formulering")


@pytest.mark.parametrize("sentence", ['"De OR besluit te stoppen."', "Bijvoorbeeld: De OR besluit te stoppen.",
                                      "bv. De OR besluit te stoppen."])
def test_minutes_decision_quoted_or_given_as_an_example_is_not_recorded(sentence):
    assert parse(sentence).decisions == []


def test_minutes_decision_label_ending_the_paragraph_takes_the_next_paragraph_as_its_text():
    proposal = parse("De OR besluit:", "de poster komt er.")
    assert [d.text for d in proposal.decisions] == ["De OR besluit: de poster komt er."]
    lone = parse("Besluit:", "De poster komt er.")
    assert [d.text for d in lone.decisions] == ["De poster komt er."]


# ------------------------------------------------------- boundaries, pinned


@pytest.mark.parametrize(
    "content, expected",
    [
        ("Jan, maakt de brief", ("Jan", "maakt de brief")),
        ("Jan; Piet maakt", ("Jan; Piet", "maakt")),
        ("Jan: maakt de brief", ("Jan", "maakt de brief")),
        ("Jan, Piet, Kees", ("Jan, Piet, Kees", "")),
        ("Jan & Piet maken", ("Jan & Piet", "maken")),
        ("Jan van Piet", ("Jan van Piet", "")),
        ("12 zetten de stoelen klaar", ("", "12 zetten de stoelen klaar")),
        ("Raad van Toezicht doet", ("Raad van Toezicht", "doet")),
        ("allen.", ("allen", "")),
        ("Jan Piet Kees Klaas Joop", ("Jan Piet Kees Klaas Joop", "")),
        ("een twee drie vier", ("", "een twee drie vier")),
        ("Een twee drie vier vijf", ("Een", "twee drie vier vijf")),
        ("Een twee drie vier", ("Een", "twee drie vier")),
        ("12 stoelen drie vier", ("12 stoelen drie vier", "")),
        ("12 stoelen drie vier vijf", ("", "12 stoelen drie vier vijf")),
        ("12 stoelen maakt", ("", "12 stoelen maakt")),
        ("Jan en", ("Jan", "en")),
        ("Jan, ", ("Jan", "")),
        ("vz: bellen", ("", "vz: bellen")),
        ("Bestuur: bellen", ("Bestuur", "bellen")),
    ],
)
def test_minutes_owner_split_at_its_boundaries(content, expected):
    assert split_owner(content) == expected


@pytest.mark.parametrize(
    "text, spans",
    [
        ('a "b" c “d” e', [(8, 11), (2, 5)]),
        ("x 'a' y 'b' z", [(2, 5), (8, 11)]),
        ('z „c” en ‘d’ en `e`', [(2, 5), (9, 12), (16, 19)]),
        ('a "b" en "c"', [(2, 5), (9, 12)]),
        ('open "zonder eind', []),
        ("collega's en 'x'", [(13, 16)]),
    ],
)
def test_minutes_quoted_spans_cover_each_pair_of_quotes(text, spans):
    assert quoted_spans(text) == spans


@pytest.mark.parametrize(
    "text, end, content",
    [
        ("Zo. (actie: Jan (DB) maakt het) Klaar.", 31, "Jan (DB) maakt het"),
        ("Zo (actie: Jan", 14, "Jan"),
        ("[actie: Piet [x]] en", 17, "Piet [x]"),
        ("(actie: (a) (b)) z", 16, "(a) (b)"),
    ],
)
def test_minutes_bracket_marker_ends_at_its_own_closing_bracket(text, end, content):
    [marker] = find_markers(text)
    assert (marker.end, marker.content) == (end, content)


@pytest.mark.parametrize(
    "text, names",
    [
        ("Jan.:", ["Jan"]),
        ("een heel lange zin met zes woorden erin, Jan", ["Jan"]),
        ("Anna Maria van der Berg Smit", ["Anna Maria van der Berg Smit"]),
        ("Paul MK.", ["Paul"]),
        ("Jan dB", ["Jan"]),
        ("Leden. Raad, Piet", ["Piet"]),
        ("Jan 3, Piet", ["Piet"]),
    ],
)
def test_minutes_header_name_parts_at_their_boundaries(text, names):
    assert split_names(text) == names


def test_minutes_header_list_ends_at_a_long_line_a_question_or_a_heading():
    eighty = "Kees " + "x" * 74 + "z"
    assert len(eighty) == 80
    assert "Piet" in names_in_header([("Aanwezig:", 0), (eighty, 0), ("Piet", 0)])
    assert "Piet" not in names_in_header([("Aanwezig:", 0), (eighty + "y", 0), ("Piet", 0)])
    assert names_in_header([("Aanwezig:", 0), ("Wie komt er?", 0), ("Piet", 0)]) == []
    assert names_in_header([("Aanwezig:", 0), ("Wat fijn!", 0), ("Piet", 0)]) == []
    assert names_in_header([("Aanwezig: Jan", 0), ("Piet", 0)]) == ["Jan"]
    assert names_in_header([("Aanwezig", 1), ("Piet", 0)]) == ["Piet"]
    assert names_in_header([("Aanwezig een twee drie vier vijf zes zeven", 1), ("Piet", 0)]) == ["Piet"]
    assert names_in_header([("Aanwezig een twee drie vier vijf zes zeven acht", 1), ("Piet", 0)]) == []
    assert names_in_header([("Aanwezig: zie bijlage:", 0), ("Piet", 0)]) == []


def test_minutes_pass_starts_with_no_subject_no_sentence_no_person_and_no_list():
    proposal = parse_minutes([Paragraph("(actie: Jan)"), Paragraph("Hij gaat bellen."),
                              Paragraph("Piet: brief sturen", bullet=True)])
    [action] = [a for a in proposal.new_actions if a.confidence == SURE]
    assert (action.owner, action.description, action.subject) == ("Jan", "", "")
    possible = [a for a in proposal.new_actions if a.confidence == POSSIBLE]
    assert [(a.owner, a.subject) for a in possible] == [("Jan", ""), ("Piet", "")]
    first = parse_minutes([Paragraph("Hij gaat bellen.")])
    assert first.new_actions == []


# ----------------------------------------------------------- marker shapes


def test_minutes_action_list_naming_its_owner_is_a_sure_action():
    [action] = parse("Actielijst Annelies: veiligheidscheck laten doen").new_actions
    assert (action.owner, action.confidence) == ("Annelies", SURE)
    assert action.marker == "Actielijst Annelies: veiligheidscheck laten doen"


def test_minutes_initials_after_the_marker_word_own_the_sentence_before():
    [action] = parse("Het conceptstatuut moet nog bekeken worden. Actiepunt DW/MZ.").new_actions
    assert (action.owner, action.description, action.confidence) == (
        "DW/MZ", "Het conceptstatuut moet nog bekeken worden.", SURE)


def test_minutes_several_markers_in_one_paragraph_come_in_document_order():
    proposal = parse("Actie: Piet belt. Er komt een poster (actie: Karin) en een zaal [actie: Jan].")
    assert [a.owner for a in proposal.new_actions] == ["Piet", "Karin", "Jan"]


@pytest.mark.parametrize("text", ["Zie (Actie Nr 339).", "Zie (ACTIE #339)."])
def test_minutes_bracketed_action_number_in_any_case_is_a_reference(text):
    assert parse(text).new_actions == []
