"""General Dutch minutes phrasing: who was there, pronouns after a marker, advice taken along,
agreements that give a task, owner and deadline cells of a flattened table, decisions pointing back."""

from __future__ import annotations

import pytest

from orsheet.minutes import POSSIBLE, SURE, Paragraph, parse_minutes
from orsheet.minutes.people import names_in_header, people_from
from orsheet.minutes.tasks import AGREED_TASK, task_in
from orsheet.minutes.text import sentence_spans

PEOPLE = people_from(["Petra de Vries", "Jan Jansen", "Marcel Tulen", "Martin"])


def parse(*texts: str, header: str = "Aanwezig: Petra de Vries, Jan Jansen, Marcel Tulen, Martin"):
    return parse_minutes([Paragraph(header), Paragraph("3. Schoolplein", level=2), *[Paragraph(t) for t in texts]])


def sentences(text: str) -> list[str]:
    return [text[s:e].strip() for s, e in sentence_spans(text)]


# ------------------------------------------------------------- who was there


@pytest.mark.parametrize(
    "line, names",
    [
        ("Vergadering 30 maart 2021. Aanwezig: Mart, Henk, Lilia.", ["Mart", "Henk", "Lilia"]),
        ("Bestuursoverleg dinsdag. Afwezig: Kees en Ria", ["Kees", "Ria"]),
        ("Verslag van 4 mei! Deelnemers: Anna & Bo", ["Anna", "Bo"]),
    ],
)
def test_minutes_present_list_after_the_header_lines_first_sentence_gives_the_people(line, names):
    assert names_in_header([(line, 0)]) == names


@pytest.mark.parametrize(
    "line",
    [
        "Het verslag wordt vastgesteld. Notulen: geen opmerkingen.",  # only Aanwezig/Afwezig/Deelnemers there
        "Wie er waren staat hieronder: Aanwezig: Kees",  # the first part is no sentence
        "Vergadering 30 maart 2021 Aanwezig: Kees",  # no sentence end before it: not this rule
    ],
)
def test_minutes_present_list_later_in_a_line_needs_a_sentence_before_it(line):
    assert names_in_header([(line, 0)]) == []


# ------------------------------------------------------- sentences and years


@pytest.mark.parametrize(
    "text, count",
    [
        ("De vragen gaan over het besluit van begin 2018. Afgesproken is dat we antwoorden.", 2),
        ("Het plan loopt tot 2030. De OR stemt in.", 2),
        ("1. Opening", 1),
        ("Zie punt 5.1. Daar staat het.", 1),  # a dotted number is a heading number, no year
        ("Agendapunt 12. Rondvraag", 1),  # not a year
        ("Het jaar 1850. Dat was vroeger.", 1),  # only 19xx and 20xx are taken for years
    ],
)
def test_minutes_a_year_ends_a_sentence_but_list_and_item_numbers_do_not(text, count):
    assert len(sentences(text)) == count


def test_minutes_a_year_standing_alone_is_still_a_list_number():
    assert sentences("2018. Jaarverslag") == ["2018. Jaarverslag"]


# ------------------------------------------------------- pronoun after a marker


def test_minutes_pronoun_after_a_marker_means_the_markers_owner():
    proposal = parse("Karel neemt contact op met de gemeente (Actie Karel). Hij vraagt Bram om de tekening.")
    assert [(a.owner, a.confidence) for a in proposal.new_actions] == [("Karel", SURE), ("Karel", POSSIBLE)]
    assert proposal.new_actions[1].description == "Hij vraagt Bram om de tekening."


def test_minutes_marker_actions_and_possible_actions_come_in_document_order():
    proposal = parse("Petra stuurt de brief. Ria belt de zaal (actie: Ria). Jan maakt de poster.")
    assert [a.owner for a in proposal.new_actions] == ["Petra", "Ria", "Jan"]


# ------------------------------------------------------- advice taken along


@pytest.mark.parametrize(
    "sentence",
    [
        "Marcel neemt deze aanbevelingen mee.",
        "Jan neemt de tips mee.",
        "Petra neemt de opmerkingen van de leden mee voor haar eigen team.",
        "Jan neemt het advies ter harte.",
        "Jan neemt het advies ter harte voor de volgende keer.",
        "Petra neemt het voorstel in overweging.",
        "Jan en Petra nemen deze aanbevelingen mee.",
        "Marcel neemt de aanbevelingen op het gebied van privacy mee.",
    ],
)
def test_minutes_advice_taken_along_without_a_destination_is_no_task(sentence):
    assert task_in(sentence, PEOPLE, "") is None


@pytest.mark.parametrize(
    "sentence",
    [
        "Martin neemt de opmerkingen mee in de verdere uitwerking.",
        "Jan neemt de aanbevelingen mee naar het MT.",
        "Petra neemt de stoelen mee.",
        "Jan neemt dit mee.",
        "Martin neemt de suggesties mee bij de herziening.",
        "Martin neemt de opmerkingen in de verdere uitwerking mee.",
    ],
)
def test_minutes_taking_something_along_somewhere_is_a_task(sentence):
    assert task_in(sentence, PEOPLE, "") is not None


# ------------------------------------------------------- an agreement with an owner


@pytest.mark.parametrize(
    "sentence, owner",
    [
        ("Afgesproken is dat de toelichting in de nieuwsbrief komt en dat de ledenraad zelf NVST informeert.",
         "de ledenraad"),
        ("Er is afgesproken dat Petra de uitnodiging verstuurt.", "Petra"),
        ("Besloten wordt dat de secretaris een brief aan de directie stuurt.", "de secretaris"),
        ("Afgesproken is dat Jan zal bellen.", "Jan"),
        ("Overeengekomen is dat de kosten gedeeld worden, dat Jan Jansen de offerte regelt.", "Jan Jansen"),
    ],
)
def test_minutes_agreement_clause_with_a_person_or_role_and_a_task_verb_is_a_task(sentence, owner):
    task = task_in(sentence, PEOPLE, "")
    assert (task.owner, task.description, task.reason) == (owner, sentence, AGREED_TASK)


def test_minutes_agreement_clause_after_a_negated_one_is_still_read():
    task = task_in("afgesproken is dat Jan de brief niet stuurt en dat Petra de zaal regelt.", PEOPLE, "")
    assert (task.owner, task.description) == ("Petra", "Afgesproken is dat Jan de brief niet stuurt en dat Petra de zaal regelt.")


@pytest.mark.parametrize(
    "sentence",
    [
        "Afgesproken is dat de secretaris de brief niet stuurt.",  # negated
        "Afgesproken is dat er een enquête komt.",  # no owner
        "Afgesproken is dat we de zaal reserveren.",  # "we": everybody, nobody in particular
        "Petra zegt dat Jan de brief stuurt.",  # no agreement
        "Afgesproken wordt dat Petra vraagt of de zaal vrij is.",  # talk, not a task
        "Afgesproken is dat Karel de brief stuurt.",  # Karel is not listed
        "Afgesproken is dat de secretaris daarover tevreden is.",  # no task verb
        "De directie heeft besloten dat de secretaris de stukken stuurt.",  # another body's decision
        "Vorig jaar is afgesproken dat Petra de uitnodiging verstuurt.",  # an earlier agreement
    ],
)
def test_minutes_agreement_clause_without_owner_or_task_verb_gives_no_task(sentence):
    assert task_in(sentence, PEOPLE, "") is None


def test_minutes_agreement_with_an_owner_is_a_decision_and_a_possible_action():
    proposal = parse("Afgesproken is dat de toelichting in de nieuwsbrief komt en dat de ledenraad zelf NVST informeert.")
    assert [(a.owner, a.confidence) for a in proposal.new_actions] == [("de ledenraad", POSSIBLE)]
    assert len(proposal.decisions) == 1


# ------------------------------------------------------- decisions pointing back, decisions after the item

from orsheet.minutes.decisions import agreed_text, read_decision  # noqa: E402


@pytest.mark.parametrize(
    "agreement",
    [
        "Hier is iedereen het mee eens.",
        "Daar is iedereen het mee eens.",
        "Daar is de vergadering het mee eens.",
        "Iedereen stemt in.",
        "Iedereen stemt hiermee in.",
        "Allen gaan akkoord.",
        "Iedereen gaat daarmee akkoord.",
        "Iedereen is akkoord.",
        "Iedereen is het hiermee eens.",
        "De vergadering stemt in.",
    ],
)
def test_minutes_agreement_of_everybody_makes_the_sentence_before_a_decision(agreement):
    proposal = parse("De zaal wordt voortaan een week vooraf gereserveerd.", agreement)
    assert [(d.text, d.confidence) for d in proposal.decisions] == [
        (f"De zaal wordt voortaan een week vooraf gereserveerd. {agreement}", POSSIBLE)
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        "Iedereen is akkoord met een langere pauze.",  # its own content, not a pointer back
        "Iedereen stemt in met het rooster.",
        "Niet iedereen is het hiermee eens.",
        "Daar is niet iedereen het mee eens.",
        "Iedereen gaat naar huis.",
    ],
)
def test_minutes_agreement_with_its_own_content_or_a_doubt_does_not_point_back(sentence):
    found = read_decision(sentence)
    assert found is None or not found.refers_back


@pytest.mark.parametrize(
    "previous, decided",
    [
        ("Martin laat de velden zien en spreekt zijn voorkeur uit dat voorgeschreven wordt welke velden gelden.",
         "Voorgeschreven wordt welke velden gelden."),
        ("Jan stelt voor om de zaal te huren.", "De zaal te huren."),
        ("Petra stelt voor dat de OR een enquête houdt.", "De OR een enquête houdt."),
        ("Jan doet de suggestie om vaker te vergaderen.", "Vaker te vergaderen."),
        ("Ria doet het voorstel de vergadering te verplaatsen.", "De vergadering te verplaatsen."),
        ("Jan heeft een voorkeur voor de grote zaal.", "De grote zaal."),
    ],
)
def test_minutes_agreement_after_a_proposal_records_what_was_proposed(previous, decided):
    assert agreed_text(previous, "Iedereen is akkoord.") == decided


@pytest.mark.parametrize(
    "previous",
    ["De zaal wordt gehuurd.", "Jan stelt voor.", "Jan stelt vragen over de zaal.", "Jan stelt voor:"],
)
def test_minutes_agreement_after_no_proposal_records_both_sentences(previous):
    assert agreed_text(previous, "Akkoord.") == f"{previous} Akkoord."


@pytest.mark.parametrize(
    "sentence, sure",
    [
        ("Invoering buurt-app; Het AB is van een dergelijke app geen voorstander.", False),
        ("Schoolplein: de MR stemt in met het nieuwe ontwerp.", False),
        ("Werkdruk: De OR besluit een enquête te houden.", True),
        ("Reglement; het reglement is goedgekeurd.", False),
    ],
)
def test_minutes_decision_after_the_items_name_is_read_with_the_name_kept(sentence, sure):
    found = read_decision(sentence)
    assert (found.text, found.sure, found.skipped) == (sentence, sure, "")


@pytest.mark.parametrize(
    "sentence",
    [
        "Invoering buurt-app; het AB bespreekt de app.",  # no decision after the item
        "Een heel lang onderwerp dat veel meer dan vijftig tekens telt, echt; het AB is geen voorstander.",
        "Buurt-app, het AB is geen voorstander.",  # a comma is no item separator
        "Het AB; voorstander.",  # no body after the separator
    ],
)
def test_minutes_item_lead_only_counts_short_and_before_a_decision(sentence):
    assert read_decision(sentence) is None


def test_minutes_decision_after_the_item_of_another_body_is_skipped():
    found = read_decision("Nieuwbouw; de directie heeft besloten het gebouw te verkopen.")
    assert found.skipped


def test_minutes_agreement_after_a_proposal_with_a_pronoun_keeps_who_it_means():
    previous = "Quiet stelt voor dat ze sponsors zoekt."
    assert agreed_text(previous, "Akkoord.") == "Quiet stelt voor dat ze sponsors zoekt. Akkoord."


# ------------------------------------------------------- owner and deadline cells of a flattened table

from orsheet.minutes.markers import leading_deadline  # noqa: E402
from orsheet.minutes.tasks import OWNER_CELL, OwnerCell, owner_cell  # noqa: E402

CELL_PEOPLE = people_from(["Mart", "Lilia", "Simone"])


@pytest.mark.parametrize(
    "text, cell",
    [
        ("Lilia z.s.m. 005 Contact leden", OwnerCell("Lilia", "z.s.m.", "005 Contact leden")),
        ("Mart en Lilia", OwnerCell("Mart en Lilia", "", "")),
        ("Simone z.s.m.", OwnerCell("Simone", "z.s.m.", "")),
        ("Lilia volgende vergadering", OwnerCell("Lilia", "volgende vergadering", "")),
        ("de secretaris 1-5-2021", OwnerCell("de secretaris", "1-5-2021", "")),
        ("Simone, 12 mei Volgende rij", OwnerCell("Simone", "12 mei", "Volgende rij")),
        ("Lilia z.s.m. 5 contact", OwnerCell("Lilia", "z.s.m.", "5 contact")),
        ("werkgroep X z.s.m.", OwnerCell("werkgroep X", "z.s.m.", "")),
    ],
)
def test_minutes_owner_cell_is_listed_people_or_a_role_then_a_deadline(text, cell):
    assert owner_cell(text, CELL_PEOPLE) == cell


@pytest.mark.parametrize(
    "text",
    [
        "Simone vraagt de leden.",  # a sentence
        "Mart 12 mei afwezig",  # a sentence with a date in it
        "Karel z.s.m.",  # Karel is not listed
        "z.s.m.",  # no owner
        "Mart en Lilia bellen",  # a verb, no deadline
        "Lilia z.s.m. bellen",  # the rest is no new row
    ],
)
def test_minutes_owner_cell_is_not_a_sentence_or_an_unlisted_name(text):
    assert owner_cell(text, CELL_PEOPLE) is None


@pytest.mark.parametrize(
    "text, deadline",
    [("z.s.m. en verder", "z.s.m."), ("12 mei 2021", "12 mei 2021"), ("volgende vergadering", "volgende vergadering"),
     ("1-5-2021", "1-5-2021"), ("zsm", ""), ("12 meiboom", ""), ("morgen", "")],
)
def test_minutes_leading_deadline_is_read_as_written(text, deadline):
    assert leading_deadline(text) == deadline


def table(*texts: str):
    return parse(*texts, header="Vergadering 30 maart 2021. Aanwezig: Mart, Lilia, Simone.")


def test_minutes_owner_and_deadline_line_names_the_owner_of_the_task_before_it():
    proposal = table("Notulen bewaren in Google Drive.", "Lilia z.s.m. 005 Contact leden 25-02-2021 Er is overleg.")
    assert [(a.owner, a.description, a.deadline, a.confidence, a.reason) for a in proposal.new_actions] == [
        ("Lilia", "Notulen bewaren in Google Drive.", "z.s.m", POSSIBLE, OWNER_CELL)
    ]


def test_minutes_owner_cell_after_a_sentence_of_the_same_paragraph_gives_it_the_deadline():
    proposal = table("Eric is lid van de kascommissie. Simone vraagt de leden die zich opgaven. Simone z.s.m.")
    assert [(a.owner, a.description, a.deadline, a.reason) for a in proposal.new_actions] == [
        ("Simone", "Simone vraagt de leden die zich opgaven.", "z.s.m", OWNER_CELL)
    ]


def test_minutes_owner_cell_takes_over_the_task_read_from_its_sentence_with_another_owner():
    proposal = table("Simone vraagt de leden. Lilia z.s.m.")
    assert [(a.owner, a.description) for a in proposal.new_actions] == [("Lilia", "Simone vraagt de leden.")]


def test_minutes_owner_cell_whose_deadline_follows_apart_waits_for_it():
    proposal = table("Een gesprek met Quiet is nodig. Daarna opnieuw in bestuur.", "Mart", "Mart en Lilia", "z.s.m.", "z.s.m.")
    assert [(a.owner, a.description, a.deadline) for a in proposal.new_actions] == [
        ("Mart en Lilia", "Een gesprek met Quiet is nodig. Daarna opnieuw in bestuur.", "z.s.m")
    ]


def test_minutes_owner_cell_after_a_long_paragraph_takes_its_last_sentence():
    proposal = table("Eerst dit. Dan dat. Notulen bewaren in Google Drive.", "Lilia z.s.m.")
    assert [a.description for a in proposal.new_actions] == ["Notulen bewaren in Google Drive."]


@pytest.mark.parametrize(
    "texts",
    [
        ("Notulen bewaren in Google Drive.", "Lilia", "Het bestuur vergadert weer."),  # no deadline follows
        ("Notulen bewaren in Google Drive.", "Lilia", "Simone", "Het bestuur vergadert."),
        ("Wie komt er:", "Lilia z.s.m."),  # a label, not a task
        ("z.s.m.",),  # a deadline with nobody waiting
    ],
)
def test_minutes_owner_cells_without_a_deadline_or_a_task_give_no_action(texts):
    assert table(*texts).new_actions == []


def test_minutes_owner_cell_right_below_a_heading_has_no_task():
    proposal = parse_minutes([Paragraph("Aanwezig: Lilia"), Paragraph("4. Notulen", level=2), Paragraph("Lilia z.s.m.")])
    assert proposal.new_actions == []


def test_minutes_names_under_a_present_heading_are_no_owner_cells():
    proposal = parse_minutes([Paragraph("Aanwezig:"), Paragraph("Lilia"), Paragraph("Mart"), Paragraph("12 mei 2021")])
    assert proposal.new_actions == []


def test_minutes_owner_cell_takes_a_task_once_and_a_deadline_alone_is_no_task():
    proposal = table("Notulen bewaren in Google Drive.", "Lilia z.s.m.", "Simone z.s.m.", "z.s.m.", "Mart z.s.m.")
    assert [(a.owner, a.description) for a in proposal.new_actions] == [("Lilia", "Notulen bewaren in Google Drive.")]


def test_minutes_owner_cell_with_the_next_row_on_its_line_gives_that_row_as_the_next_task():
    proposal = table("Notulen bewaren.", "Lilia z.s.m. 005 Leden bellen.", "Simone z.s.m.")
    assert [(a.owner, a.description) for a in proposal.new_actions] == [
        ("Lilia", "Notulen bewaren."), ("Simone", "005 Leden bellen.")
    ]


# ------------------------------------------------------- done in the perfect tense, done said of "dit"

from orsheet.minutes.tasks import done_report, points_back  # noqa: E402


@pytest.mark.parametrize(
    "sentence",
    [
        "Hierop heeft de OR een tweede brief geschreven en op 5 december overhandigd aan het college.",
        "Jan heeft de leden gebeld.",
        "Een aantal hebben dat nog gedaan.",
        "De secretaris heeft het formulier ingevuld.",
        "Petra heeft de uitnodiging verstuurd.",
    ],
)
def test_minutes_someone_having_done_a_task_is_a_done_report(sentence):
    assert done_report(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "Jan heeft de leden nog niet gebeld.",
        "De OR heeft geen brief geschreven.",
        "De directie heeft besloten de zaal te verhuren.",  # a decision, not a task done
        "Jan heeft een brief ontvangen.",  # received, not done
        "Jan heeft met de directie en de OR en het college uitgebreid gebeld.",  # the verb too far from heeft
    ],
)
def test_minutes_having_not_done_or_only_received_is_no_done_report(sentence):
    assert not done_report(sentence)


@pytest.mark.parametrize(
    "sentence, back",
    [
        ("Frank geeft aan dat dit is afgerond.", True),
        ("Dit verzoek kan worden afgesloten.", True),
        ("Dit punt is afgehandeld.", True),
        ("Het is gebeurd.", True),
        ("Het draaiboek is doorgestuurd.", False),
        ("Jan meldt dat het draaiboek is verstuurd.", False),
        ("Traject zonnepanelen is afgerond.", False),
    ],
)
def test_minutes_done_report_that_names_its_task_only_as_dit_points_back(sentence, back):
    assert points_back(sentence) is back


def test_minutes_done_report_pointing_back_carries_the_item_under_discussion():
    proposal = parse_minutes([
        Paragraph("5. Openstaande verzoeken", level=1),
        Paragraph("API-56 - versionering niet zichtbaar. Mogelijk een extra laag.", bullet=True),
        Paragraph("Er wordt over gesproken. Frank geeft aan dat dit is afgerond. Het draaiboek is doorgestuurd."),
        Paragraph("6. Rondvraag", level=1),
        Paragraph("Dit is gebeurd."),
    ])
    assert [r.sentence for r in proposal.done_reports] == [
        "API-56 - versionering niet zichtbaar. Frank geeft aan dat dit is afgerond.",
        "Het draaiboek is doorgestuurd.",
        "Rondvraag Dit is gebeurd.",
    ]


# ------------------------------------------------------- decisions on advice, things that will be done

from orsheet.minutes.decisions import PROCEDURAL  # noqa: E402


@pytest.mark.parametrize(
    "sentence",
    [
        "Op aanraden van Marc, bijgevallen door andere leden, wordt het woord 'leefbaarheid' geschrapt.",
        "Op voorstel van de voorzitter worden de vergaderdata verschoven naar dinsdag.",
        "Op verzoek van Petra wordt het budget verhoogd.",
        "Op advies van de werkgroep worden twee extra zittingen ingelast.",
        "Er gaat een trapleuning gerealiseerd worden bij de middelste opgang.",
        "Er zal een nieuwe enquête gehouden worden.",
        "Er zullen de komende maand twee banken geplaatst worden.",
    ],
)
def test_minutes_advice_followed_and_work_that_will_be_done_are_possible_decisions(sentence):
    found = read_decision(sentence)
    assert (found.text, found.sure, found.skipped) == (sentence, False, "")


@pytest.mark.parametrize(
    "sentence",
    [
        "Op aanraden van Marc kijken we nog eens naar de tekst.",  # no passive: talk
        "Op verzoek van Jan.",
        "Er zal gekeken worden of de berichten beter te vinden zijn.",  # no object: a question, no decision
        "Er gaat veel tijd in zitten.",
        "Er zijn twee banken geplaatst.",
        "Ook op aanraden van Marc wordt het woord geschrapt.",  # the lead must open the sentence
    ],
)
def test_minutes_advice_and_future_without_the_decision_shape_are_no_decisions(sentence):
    assert read_decision(sentence) is None


def test_minutes_advice_about_the_agenda_is_procedural():
    assert read_decision("Op verzoek van Marcel wordt de rondvraag naar voren gehaald.").skipped == PROCEDURAL


def test_minutes_sentence_with_ook_after_a_decision_in_the_same_paragraph_belongs_to_it():
    proposal = parse(
        "Op aanraden van Marc wordt het woord 'leefbaarheid' geschrapt. Ook het woord 'diversiteit' wordt vervangen."
        " Ook wordt de koffie lekkerder.",
        "Ook de thee wordt beter.",
    )
    assert [d.text for d in proposal.decisions] == [
        "Op aanraden van Marc wordt het woord 'leefbaarheid' geschrapt. Ook het woord 'diversiteit' wordt vervangen."
        " Ook wordt de koffie lekkerder."
    ]


@pytest.mark.parametrize(
    "second",
    ["Ook het woord 'diversiteit' is vervangen.", "Marc is tevreden, ook wordt het beter.", "Ook dit."],
)
def test_minutes_sentence_after_a_decision_without_ook_and_a_passive_stays_apart(second):
    proposal = parse(f"Op aanraden van Marc wordt het woord 'leefbaarheid' geschrapt. {second}")
    assert [d.text for d in proposal.decisions] == ["Op aanraden van Marc wordt het woord 'leefbaarheid' geschrapt."]


def test_minutes_a_word_that_only_begins_a_listed_name_is_no_name_by_itself():
    people = people_from(["Van Dijk"])  # "van" begins a form but is none on its own
    assert people.longest_at("Van Houten belt".split(), 0) == 0
    assert people.longest_at("Van Dijk belt".split(), 0) == 2


def test_minutes_decision_after_the_items_name_is_a_besluit():
    assert read_decision("Invoering buurt-app; Het AB is geen voorstander.").kind == "besluit"


def test_minutes_procedural_advice_after_the_items_name_is_still_skipped():
    found = read_decision("Rondvraag: op verzoek van Marcel wordt de rondvraag naar voren gehaald.")
    assert found.skipped == PROCEDURAL


def test_minutes_approval_after_the_items_name_keeps_what_was_approved_for_the_duplicate_check():
    topic = "Het vernieuwde reglement voor de medezeggenschap op alle scholen van de stichting en hun dependances"
    found = read_decision(f"Reglement medezeggenschap scholen; {topic} is goedgekeurd.")
    assert found.topic == topic


# ------------------------------------------------------- the reader's state for the new rules


def test_minutes_owner_cell_at_the_very_start_has_no_task():
    assert parse_minutes([Paragraph("Lilia z.s.m.")], known_people=("Lilia",)).new_actions == []


def test_minutes_deadline_alone_after_a_task_without_an_owner_waiting_gives_no_action():
    assert table("Notulen bewaren.", "Het bestuur vergadert.", "z.s.m.").new_actions == []


def test_minutes_owner_cell_action_stands_under_its_heading_without_a_marker():
    action = table("Notulen bewaren.", "Lilia z.s.m.").new_actions[0]
    assert (action.subject, action.marker) == ("Schoolplein", "")


def test_minutes_done_report_pointing_back_before_any_item_stays_as_written():
    proposal = parse_minutes([Paragraph("Dit is gebeurd.")])
    assert [r.sentence for r in proposal.done_reports] == ["Dit is gebeurd."]


def test_minutes_ook_sentence_after_a_sentence_that_decided_nothing_stays_apart():
    proposal = parse("De OR besluit een enquête te houden.", "Jan vertelt iets. Ook wordt de koffie beter.")
    assert [d.text for d in proposal.decisions] == ["De OR besluit een enquête te houden."]


def test_minutes_marker_opening_a_sentence_is_read_after_that_sentence():
    proposal = parse_minutes(
        [Paragraph("Petra belt. (actie: Jan) Karel is er ook. Hij maakt de poster.")], known_people=("Petra", "Karel")
    )
    assert [(a.owner, a.description) for a in proposal.new_actions][-1] == ("Jan", "Hij maakt de poster.")


# ------------------------------------------------------- closures by number: the quick test and the window

from orsheet.minutes.numbers import closed_numbers  # noqa: E402


@pytest.mark.parametrize(
    "sentence, numbers",
    [
        ("Actie 12 is afgerond, echter geen nazorg.", [12]),  # the negation starts past the 12 characters looked at
        ("Actie 12 is afgerond, geen nazorg.", []),
        ("Actie twaalf is afgerond.", []),  # no digit, no number
    ],
)
def test_minutes_closure_reads_a_negation_only_right_after_the_done_word(sentence, numbers):
    assert closed_numbers(sentence) == numbers


# ------------------------------------------------------- a bullet read as a listed or named line is read once


def test_minutes_named_line_is_not_read_again_as_a_sentence():
    proposal = parse_minutes([Paragraph("Aanwezig: Petra"), Paragraph("Petra: Jan gaat bellen", bullet=True)])
    assert [(a.owner, a.description) for a in proposal.new_actions] == [("Petra", "Jan gaat bellen.")]


def test_minutes_listed_action_is_not_read_again_for_decisions():
    proposal = parse_minutes([Paragraph("Acties:"), Paragraph("Jan: De OR besluit de zaal te huren", bullet=True)])
    assert (len(proposal.new_actions), proposal.decisions) == (1, [])


def test_minutes_bullet_ending_in_a_capitalised_word_and_a_name_is_read_as_a_sentence():
    proposal = parse_minutes([Paragraph("De OR besluit te verhuizen naar Leiden (Jan)", bullet=True)])
    assert [d.text for d in proposal.decisions] == ["De OR besluit te verhuizen naar Leiden (Jan)"]
