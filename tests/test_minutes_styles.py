"""Other secretaries' styles, one rule each: status lines, codes, Wie/Wat/Wanneer, titles and initials,
the passive, votes and advice, running lists, tables of actions as text (see tests/data/minutes_unseen)."""

from __future__ import annotations

from datetime import date

import pytest

from orsheet.documents.minutes_reader import paragraphs_from_text
from orsheet.minutes import POSSIBLE, SURE, Paragraph, parse_minutes
from orsheet.minutes.decisions import ELSEWHERE, read_decision
from orsheet.minutes.markers import find_markers, who_what_when
from orsheet.minutes.numbers import closed_numbers
from orsheet.minutes.people import names_in_header, names_in_text, people_from, split_names
from orsheet.minutes.rows import carried_over, row_dates, table_actions
from orsheet.minutes.status import status_of
from orsheet.minutes.tasks import PASSIVE, tasks_in
from orsheet.minutes.text import sentence_spans, similar, stems

HEADER = "Aanwezig: Petra de Vries, Jan Jansen, Karin de Vries, Ahmed Yilmaz"


def parse(*texts: str, header: str = HEADER):
    return parse_minutes([Paragraph(header), Paragraph("3. Schoolplein", level=2), *[Paragraph(t) for t in texts]])


def actions(*texts: str, header: str = HEADER):
    return [(a.owner, a.confidence) for a in parse(*texts, header=header).new_actions]


def sentences(text: str) -> list[str]:
    return [text[s:e].strip() for s, e in sentence_spans(text)]


# ------------------------------------------------------------- text as the secretary typed it


def test_minutes_header_lines_without_blank_lines_are_a_paragraph_each():
    text = "Notulen OR\nDatum: 14 mei 2024\nAanwezig: Petra, Jan,\nKarin\nAfwezig: Ahmed\n\n1. Opening\nTekst."
    assert [p.text for p in paragraphs_from_text(text)][:4] == [
        "Notulen OR", "Datum: 14 mei 2024", "Aanwezig: Petra, Jan, Karin", "Afwezig: Ahmed",
    ]


def test_minutes_short_unpunctuated_first_line_over_a_sentence_is_a_heading_in_plain_text():
    found = paragraphs_from_text("Parkeerterrein en beveiliging\nDe OC is akkoord.\n\nActie: Jan belt\nDe rest.")
    assert [(p.text, p.level) for p in found] == [
        ("Parkeerterrein en beveiliging", 3), ("De OC is akkoord.", 0), ("Actie: Jan belt De rest.", 0),
    ]
    assert paragraphs_from_text("Actiepunten vorige keer\nHet reglement is klaar.")[0].level == 3


def test_minutes_code_lines_and_arrows_start_a_paragraph_in_text():
    found = paragraphs_from_text("De OR vindt het onvoldoende.\nB24-12 De OR brengt een negatief advies uit.\n"
                                 "A24-38 Miriam schrijft de brief.\n-> actie Esra: afspraak maken")
    assert [(p.text, p.bullet) for p in found] == [
        ("De OR vindt het onvoldoende.", False), ("B24-12 De OR brengt een negatief advies uit.", False),
        ("A24-38 Miriam schrijft de brief.", False), ("actie Esra: afspraak maken", True),
    ]


def test_minutes_text_action_table_row_still_open_ends_its_row_and_closes_nothing():
    text = ("2. Actielijst\nNr Omschrijving Wie Status\n31 Reglement aanpassen Anja afgerond\n"
            "32 Jaarverslag schrijven Jeroen loopt\n34 Scholing plannen Mohamed afgerond\n\n3. Begroting\nTekst.")
    found = paragraphs_from_text(text)
    assert [p.text for p in found if not p.level][:2] == [
        "Actie 31 (Reglement aanpassen): afgerond.", "Actie 34 (Scholing plannen): afgerond.",
    ]
    assert [p.text for p in found if p.level] == ["2. Actielijst", "3. Begroting"]


def test_minutes_word_table_by_agenda_item_gives_each_row_its_heading(tmp_path):
    import docx

    from orsheet.documents.minutes_reader import read_minutes

    document = docx.Document()
    table = document.add_table(rows=3, cols=3)
    for r, row in enumerate([("Agendapunt", "Bespreking", "Besluit / actie"),
                             ("2. Schooltijden", "Er is gesproken.", "Jan maakt een enquête."),
                             ("3. Begroting", "Toelichting.", "-")]):
        for c, text in enumerate(row):
            table.cell(r, c).text = text
    document.save(tmp_path / "tabel.docx")
    found = [(p.text, p.level) for p in read_minutes(tmp_path / "tabel.docx")]
    assert found == [("2. Schooltijden", 2), ("Er is gesproken.", 0), ("Jan maakt een enquête.", 0),
                     ("3. Begroting", 2), ("Toelichting.", 0), ("-", 0)]


@pytest.mark.parametrize(
    "text, count",
    [
        ("De vergadering machtigt het bestuur tot € 180.000. Suzan vraagt offertes op.", 2),
        ("Het kost 1.250.000. Dat is veel.", 2),
        ("De kosten zijn voor de werkgever (art. 16 WOR). Henk belt.", 2),
        ("Zie art. 16 van de WOR.", 1),
        ("Zie punt 5.1. Daar staat het.", 1),
    ],
)
def test_minutes_an_amount_ends_a_sentence_an_abbreviation_in_brackets_does_not(text, count):
    assert len(sentences(text)) == count


def test_minutes_stems_read_a_participle_as_its_verb():
    assert stems("opgesteld uitgezocht geactualiseerd geregeld") == stems("opstellen uitzoeken actualiseren regelen")
    assert stems("gemeente gesprek") == {"gemee", "gespr"}
    assert similar("Het concept-jaarplan wordt opgesteld", "concept-jaarplan 2025 opstellen")


# ------------------------------------------------------------- closures: status lists and lines


@pytest.mark.parametrize(
    "sentence, numbers",
    [
        ("Actiepunten vorige vergadering: 3 gereed, 5 loopt nog, 6 gereed.", [3, 6]),
        ("Acties: 12 afgerond; 13 blijft staan; 14 vervalt", [12, 14]),
        ("Actiepunten: 3 - gereed", [3]),
        ("Actiepunten: 3 gereed, 4 wordt volgende week afgerond", [3]),
        ("Acties: 12 mei afgerond, 13 open", []),
        ("Actiepunten vorige vergadering: .", []),  # a label with nothing after it
        ("Actiepunten: 4 wordt afgerond, 5 gereed", [5]),
        ("Bij actiepunt 5 meldt de bestuurder dat de evaluatie in maart klaar is.", []),
        ("Actie 12 wordt volgende week afgerond.", []),
        ("Actie 12 wordt afgerond.", []),  # still being done
        ("Actie 12 wordt afgesloten.", [12]),  # the meeting closes it
        ("Actie 14 wordt afgevoerd.", [14]),
        ("Actie 12 zal binnenkort klaar zijn.", []),
        ("141 - Navragen hoe de roosterapp wordt uitgerold: gereed.", [141]),
        ("147 - Gesprek plannen: vervalt, wordt meegenomen in punt 5.", [147]),
    ],
)
def test_minutes_status_per_number_and_done_ahead_are_read(sentence, numbers):
    assert closed_numbers(sentence) == numbers


@pytest.mark.parametrize(
    "line, about, done",
    [
        ("Rooster bedrijfshulpverlening opvragen: gedaan.", "Rooster bedrijfshulpverlening opvragen", True),
        ("Enquête over de kantine: nog niet verstuurd, Priya pakt dit op.", "Enquête over de kantine", False),
        ("AP 11-1 Toeslagen opvragen (Rob). Is uitgevoerd, de cijfers zijn rondgestuurd.", "Toeslagen opvragen (Rob)", True),
        ("AP 11-3 Uitzoeken hoe de RI&E is uitgevoerd (Sandra). Loopt nog.", "Uitzoeken hoe de RI&E is uitgevoerd (Sandra)", False),
        ("Lekkage dakterras nr. 22: de dakdekker heeft de reparatie uitgevoerd.", "Lekkage dakterras nr. 22", True),
        ("Offertes: twee binnen, de derde ontbreekt nog. Blijft op de lijst.", "Offertes: twee binnen, de derde ontbreekt nog", False),
        ("A24-31 Tarik, evaluatie opvragen – afgerond", "Tarik, evaluatie opvragen", True),
        ("Chauffeursrooster: Hennie heeft het besproken -> gereed", "Chauffeursrooster: Hennie heeft het besproken", True),
        ("Vragen aan de controller (PvL): nog geen antwoord, blijft staan", "Vragen aan de controller (PvL)", False),
        ("De folder is er nog niet; Jan vraagt na wanneer. Dit punt blijft staan.", "De folder is er nog niet", False),
        ("Training geboekt: kan van de lijst.", "Training geboekt", True),
        ("Rooster: gedaan.", "Rooster", True),  # one word before a status without a subject
        ("Brief gemeente: Jan heeft de brief verstuurd; nu wachten.", "Brief gemeente", True),  # two words, a report
        (" ".join(["woord"] * 16) + ": gedaan", " ".join(["woord"] * 16), True),  # sixteen words are an action's
    ],
)
def test_minutes_status_line_names_the_action_and_whether_it_is_done(line, about, done):
    found = status_of(line)
    assert (found.about, found.done) == (about, done)


@pytest.mark.parametrize(
    "line",
    [
        "Mededelingen: Adrie heeft een brief aan de gemeente geschreven.",  # a label, not an action
        "Mieke: de koffieautomaat is al twee weken stuk.",
        "Jan stelt voor de zaal te huren. Akkoord.",
        "Petra: actielijst bijwerken!",
        "Een. Twee. Drie. Dit punt blijft staan.",  # a long paragraph: "dit punt" is one of many
        "Dit is een lange discussie van meer dan zestien woorden over van alles en nog wat en nog veel meer: gedaan.",
        ": gedaan. Loopt nog.",  # no action's words before the first status
        "Brief: Jan heeft de brief verstuurd.",  # one word before a report: a label ("Mededelingen:")
    ],
)
def test_minutes_line_without_an_actions_status_is_no_status_line(line):
    assert status_of(line) is None


def test_minutes_status_line_reports_done_or_closes_by_number_and_gives_no_new_action():
    proposal = parse("Enquête over de kantine: nog niet verstuurd, Petra pakt dit in januari op.",
                     "Rooster opvragen: gedaan.", "142 - Uitnodiging versturen: gereed, Jan stuurde hem.")
    assert proposal.new_actions == []
    assert [r.sentence for r in proposal.done_reports] == ["Rooster opvragen: gedaan."]
    assert proposal.closed_numbers == [142]


# ------------------------------------------------------------- markers: codes, owners, Wie/Wat/Wanneer


@pytest.mark.parametrize(
    "text, owner, description, deadline",
    [
        ("AP 12-1 Yusuf/Rob: inloopmomenten organiseren, vóór 1 mei.", "Yusuf/Rob", "Inloopmomenten organiseren.", "1 mei"),
        ("A24-38 Miriam en Sabine schrijven de adviesbrief.", "Miriam en Sabine", "Miriam en Sabine schrijven de adviesbrief.", ""),
        ("A24-39 Geert-Jan, vragenlijst inkorten.", "Geert-Jan", "Vragenlijst inkorten.", ""),
        ("Er ontbreekt iets. Actie voor Koen: brief aan de commandant, uiterlijk 20 december.", "Koen",
         "Er ontbreekt iets. Actie: Koen brief aan de commandant.", "20 december"),
        ("Actie (PvL): een notitie schrijven.", "PvL", "Een notitie schrijven.", ""),
        ("Er zijn klachten. Todo Sven: inventariseren wie een laptop nodig heeft.", "Sven",
         "Er zijn klachten. Actie: Sven inventariseren wie een laptop nodig heeft.", ""),
    ],
)
def test_minutes_action_codes_and_owner_labels_are_sure_actions(text, owner, description, deadline):
    [action] = parse(text).new_actions
    assert (action.owner, action.description, action.deadline, action.confidence) == (owner, description, deadline, SURE)


@pytest.mark.parametrize("text", ["Actie 339: de brief is nog niet weg.", "AP: zie boven.", "B24-12 De OR besluit."])
def test_minutes_a_plain_action_number_or_a_decision_code_is_no_action_code(text):
    assert [m for m in find_markers(text) if m.content.startswith(("de brief", "zie", "De OR"))] == []


@pytest.mark.parametrize(
    "text, found",
    [
        ("Wie: Mohamed en Rik Wat: vragen opstellen Wanneer: 22 oktober", ("Mohamed en Rik", "vragen opstellen", "22 oktober")),
        ("Wat: vragen opstellen | Wie: Rik", ("Rik", "vragen opstellen", "")),
        ("Wie: Rik Deadline: 1 mei Wat: bellen.", ("Rik", "bellen", "1 mei")),
        ("Wie: Rik Wanneer: 1 mei", None),  # no task
        ("Wie: Rik Wie: Jan Wat: bellen", None),  # a label twice
        ("Wat: bellen", None),
        ("Wie: Rik Wat: Wanneer: 1 mei", None),  # an empty part
        ("Wie: Rik Wat: a Wanneer: b Actie: c", None),  # more than three parts
        ("Zie wie: Rik wat: bellen", None),  # not at the start
    ],
)
def test_minutes_who_what_when_is_read_in_any_order(text, found):
    assert who_what_when(text) == found


def test_minutes_who_what_when_paragraphs_of_their_own_are_one_sure_action():
    proposal = parse("Wie: Jan", "Wat: de zaal reserveren", "Wanneer: 1 juni", "Wie zegt wat?")
    assert [(a.owner, a.description, a.deadline, a.confidence) for a in proposal.new_actions] == [
        ("Jan", "De zaal reserveren.", "1 juni", SURE)]


# ------------------------------------------------------------- who: titles, initials, names in the text


def test_minutes_titles_and_initials_in_the_header_give_the_names():
    assert split_names("mevrouw R. Jansen (voorzitter), de heer W. Bos, dhr. Van Dam, mevr. A. de Graaf") == [
        "R. Jansen", "W. Bos", "Van Dam", "A. de Graaf"]
    assert names_in_header([("Aanwezig: Johan Peters, Gerda Wolff. Afwezig: Henk Stam.", 0)]) == [
        "Johan Peters", "Gerda Wolff", "Henk Stam"]
    assert split_names("Sven Mulder, en namens de directie Laura Brandt") == ["Sven Mulder", "Laura Brandt"]
    assert names_in_header([("Ambtelijk secretaris: Hanneke Wolters", 0), ("Bestuur: Ton Verhagen", 0)]) == [
        "Hanneke Wolters", "Ton Verhagen"]


def test_minutes_header_labels_between_names_are_no_names():
    assert split_names("Jan. Afwezig met kennisgeving: Piet") == ["Jan", "Piet"]
    assert split_names("Jan. Notulist: Piet") == ["Jan", "Piet"]
    assert split_names("namens de directie Laura Brandt") == ["Laura Brandt"]


def test_minutes_people_forms_name_whom_they_stand_for():
    people = people_from(["Karin de Vries", "A. de Graaf", "Xander Young"], writer="Anne")
    assert people.forms["de graaf"] == "A. de Graaf" and people.forms["anne"] == "Anne"
    assert people.initials["KdV"] == "Karin de Vries" and people.initials["XY"] == "Xander Young"
    assert people_from([], writer="Anne").forms == {"anne": "Anne"}
    assert people.longest_at(["AY,", "belt"], 0) == 0 and people.longest_at(["KdV,", "belt"], 0) == 1
    assert people.longest_at(["XY", "belt"], 0) == 1


def test_minutes_people_are_known_by_their_initials_as_written():
    people = people_from(["Karin de Vries", "Ahmed Yilmaz", "Jan", "A. de Graaf"])
    assert "KdV" in people and "KV" in people and "AY" in people
    assert "Ay" not in people and "J" not in people  # initials keep their case; one name has none
    assert "de Graaf" in people and "Graaf" in people
    assert [(a.owner, a.confidence) for a in parse("AY en KdV bekijken de voorstellen.").new_actions] == [
        ("AY en KdV", POSSIBLE)]


@pytest.mark.parametrize(
    "sentence, owner",
    [
        ("Mevrouw Hermans gaat met de kok in gesprek.", "Mevrouw Hermans"),
        ("De heer Yıldız zal bij drie bewoners navragen of het beter is.", "De heer Yıldız"),
        ("Mevrouw De Graaf stelt het jaarplan op.", "Mevrouw De Graaf"),
        ("Mevr. Jansen neemt contact op met de dienst.", "Mevr. Jansen"),
        ("Dhr. Petra belt de gemeente.", "Dhr. Petra"),
    ],
)
def test_minutes_a_title_makes_a_person_of_the_name_after_it(sentence, owner):
    assert [t.owner for t in tasks_in(sentence, people_from([]), "")] == [owner]


def test_minutes_names_listed_in_a_sentence_and_the_writer_of_an_email_are_people():
    names, writer = names_in_text(["Erbij waren Linda, Mark, Youssef en ik (Anne).", "Groet, Anne"])
    assert (names, writer) == (["Linda", "Mark", "Youssef"], "Anne")
    assert names_in_text(["Met vriendelijke groet, Anne"]) == ([], "Anne")
    assert names_in_text(["Linda en ik gaan.", "groet, iedereen"]) == (["Linda"], "")
    proposal = parse("Erbij waren Linda, Mark en ik (Anne).", "Ik regel de hotelkamers.", "Mark stuurt de agenda rond.",
                     "Ik vind het prima.", header="Verslag DB")
    assert [(a.owner, a.reason) for a in proposal.new_actions] == [
        ("Anne", 'eigenaar afgeleid: "ik" is Anne'), ("Mark", "naam + werkwoord, zonder actiemarkering")]


def test_minutes_he_is_the_last_person_or_role_named():
    proposal = parse("Petra en Jan hebben met de bestuurder gesproken. Hij gaat de cijfers sturen.")
    assert [a.owner for a in proposal.new_actions] == ["de bestuurder"]


# ------------------------------------------------------------- tasks: the passive and other verbs


@pytest.mark.parametrize(
    "sentence, owner",
    [
        ("Of de regeling ook geldt wordt door Jan uitgezocht.", "Jan"),
        ("Het jaarplan wordt door mevrouw De Graaf opgesteld en besproken.", "mevrouw De Graaf"),
        ("Het plan wordt door de beheerder geactualiseerd.", "de beheerder"),
        ("De brief zal worden door Petra verstuurd.", "Petra"),
        ("De brief wordt door Petra en Jan bekeken.", "Petra en Jan"),
    ],
)
def test_minutes_the_passive_with_door_gives_the_task_to_who_follows(sentence, owner):
    [task] = tasks_in(sentence, people_from(["Jan", "Petra"]), "")
    assert (task.owner, task.reason) == (owner, PASSIVE)


@pytest.mark.parametrize(
    "sentence",
    [
        "Het plan is door Jan opgesteld.",  # done, not to do
        "De brief wordt door Jan niet verstuurd.",
        "De brief wordt door Onbekend verstuurd.",  # nobody listed
        "De brief wordt door Jan, die het weet, gelezen.",  # no participle in the owner's clause
        "Er wordt door Jan opgemerkt dat het goed gaat.",  # said, not done
        "Het wordt door Jan toegelicht.",
    ],
)
def test_minutes_the_passive_done_negated_or_with_nobody_listed_is_no_task(sentence):
    assert all(t.reason != PASSIVE for t in tasks_in(sentence, people_from(["Jan"]), ""))


@pytest.mark.parametrize(
    "sentence, owners",
    [
        ("De bestuurder zegt toe om een plan te maken.", ["De bestuurder"]),
        ("Petra zegt dat het goed is.", []),
        ("De OR maakt zich zorgen over de teams.", []),
        ("Jan en Petra nemen in januari deel aan de klankbordgroep.", []),
        ("Jan neemt haar taken in de commissie waar.", []),
        ("Jan legt de jaarplanning voor.", []),
        ("Jan stemt de datum af met het secretariaat.", ["Jan"]),
        ("Jan stemt dan ook in met het plan.", []),
        ("De beheerder laat de lekkage volgende week onderzoeken.", ["De beheerder"]),
        ("Petra laat de ramen open.", []),
        ("Petra laat de cijfers zien.", []),
        ("Petra vraagt aandacht voor de werkdruk.", []),
        ("Jan zet het advies op papier; Petra leest het mee.", ["Jan", "Petra"]),
        ("Jan belt de zaal; Jan mailt de leden.", ["Jan"]),
    ],
)
def test_minutes_which_verbs_give_a_task(sentence, owners):
    assert [t.owner for t in tasks_in(sentence, people_from(["Jan", "Petra"]), "")] == owners


def test_minutes_the_body_in_its_own_decision_is_no_owner_but_people_in_an_agreement_are():
    proposal = parse("Besluit: de OR neemt het besluit pas in juni.", "Afspraak: Petra en Jan maken een notitie.")
    assert [a.owner for a in proposal.new_actions] == ["Petra en Jan"]
    assert [d.text for d in proposal.decisions] == [
        "de OR neemt het besluit pas in juni.", "Afspraak: Petra en Jan maken een notitie."]


def test_minutes_a_short_task_or_one_pointing_back_takes_the_sentence_before_along():
    proposal = parse("Fatima meldt dat de pagina verouderd is. Jan zal de pagina bijwerken.",
                     "Petra: het fietsenhok is te klein.",
                     "Jan wordt gevraagd dit met de gemeente op te nemen omdat het echt nodig is; Petra mailt hem.")
    assert [a.description for a in proposal.new_actions] == [
        "Fatima meldt dat de pagina verouderd is. Jan zal de pagina bijwerken.",
        "Petra: het fietsenhok is te klein. Jan wordt gevraagd dit met de gemeente op te nemen omdat het echt nodig "
        "is; Petra mailt hem."]


def test_minutes_a_long_task_without_a_word_pointing_back_stands_alone():
    [action] = parse("Er was veel. Jan belt de gemeente over de lantaarnpalen bij de school en het plein.").new_actions
    assert action.description == "Jan belt de gemeente over de lantaarnpalen bij de school en het plein."


# ------------------------------------------------------------- decisions


@pytest.mark.parametrize(
    "sentence, sure",
    [
        ("De OR adviseert positief over het functiehuis.", False),
        ("De cliëntenraad adviseert negatief.", False),
        ("De OR geeft een negatief advies zolang het plan ontbreekt.", False),
        ("De OR brengt een positief advies uit.", False),
        ("Het bestuur kiest voor schilderbedrijf Van Rijn.", False),
        ("De OC is akkoord met het voorstel om de slagboom te sluiten.", False),
        ("De COR wil het protocol voorlopig nog niet behandelen.", False),
        ("Daar wordt voorlopig van afgezien vanwege de kosten.", False),
        ("Het bestuur ziet af van een website.", False),
        ("De vergadering keurt de jaarrekening goed.", False),
        ("De vergadering machtigt het bestuur om te gunnen.", False),
        ("Het voorstel wordt met 44 stemmen voor en 14 tegen aangenomen.", False),
        ("Hij wordt bij acclamatie herkozen.", False),
        ("We hebben afgesproken dat we een nieuwsbrief maken.", False),
        ("Men besluit een negatief advies uit te brengen.", True),
        ("B24-12 De OR brengt een negatief advies uit.", True),
        ("Besluit 2024-01: De OR stemt in met de regeling.", True),
        ("Afgesproken: het budget blijft gelijk.", True),
    ],
)
def test_minutes_advice_choice_votes_and_putting_off_are_decisions(sentence, sure):
    found = read_decision(sentence)
    assert (found is not None, found and found.sure, found and found.skipped) == (True, sure, "")


@pytest.mark.parametrize(
    "sentence, kind",
    [
        ("Afgesproken: het budget blijft gelijk.", "afspraak"),
        ("Overeengekomen: we vergaderen online.", "afspraak"),
        ("Afspraken: we vergaderen online.", "afspraak"),
        ("Besloten: we vergaderen online.", "besluit"),
        ("B24-12 De OR brengt een negatief advies uit.", "besluit"),
    ],
)
def test_minutes_a_decisions_label_says_whether_it_is_an_agreement(sentence, kind):
    assert read_decision(sentence).kind == kind


@pytest.mark.parametrize(
    "sentence",
    [
        "We weten voorlopig nog niet hoe het moet.",
        "De bestuurder gaat akkoord met deze voorwaarde.",
        "Petra gaat voorlopig geen brief sturen.",
    ],
)
def test_minutes_not_knowing_yet_or_another_persons_consent_is_no_decision(sentence):
    assert read_decision(sentence) is None


@pytest.mark.parametrize(
    "sentence",
    [
        "De gemeentesecretaris heeft besloten de vergoeding te verhogen (informatief).",
        "De GMR heeft besloten het beleid gelijk te trekken (ter info)",
    ],
)
def test_minutes_a_decision_passed_on_for_information_is_skipped_as_taken_elsewhere(sentence):
    assert read_decision(sentence).skipped == ELSEWHERE


def test_minutes_the_chair_noting_that_the_minutes_are_adopted_is_procedural():
    found = read_decision("De voorzitter opent en stelt vast dat het verslag van januari kan worden vastgesteld.")
    assert found.skipped and "agenda of de notulen" in found.skipped


# ------------------------------------------------------------- running lists and tables of actions as text


def test_minutes_a_running_lists_row_of_earlier_meetings_only_is_carried_over():
    dates = row_dates("014 Uitwerking meedoenpot 25-02-2021 We maken regels.", [])
    assert dates == [date(2021, 2, 25)]
    assert carried_over(date(2021, 3, 30), dates)
    more = row_dates("30-03-2021", dates)
    assert not carried_over(date(2021, 3, 30), more)
    assert row_dates("Een zin.", dates) == dates and row_dates("30-03-2021", []) == []
    assert not carried_over(None, dates) and not carried_over(date(2021, 3, 30), [])
    assert row_dates("014 Iets 31-02-2021 tekst", []) == []  # no such date


def test_minutes_no_new_action_from_a_carried_over_row_but_one_from_a_row_of_this_meeting():
    proposal = parse_minutes([
        Paragraph("Vergadering 30 maart 2021. Aanwezig: Lilia, Maarten."),
        Paragraph("011 Kascommissie 25-02-2021"), Paragraph("30-03-2021"),
        Paragraph("Leden benaderen."), Paragraph("Lilia z.s.m."),
        Paragraph("014 Meedoenpot 25-02-2021 We maken regels. Uitwerking maken. Maarten z.s.m."),
    ])
    assert [(a.owner, a.description) for a in proposal.new_actions] == [("Lilia", "Leden benaderen.")]
    assert any("overgenomen" in n.reason for n in proposal.near_misses)


def test_minutes_a_table_of_new_actions_run_together_gives_one_action_per_row():
    people = people_from(["Tim", "Noor", "Marloes", "Gijs"])
    text = ("Actie Wie Wanneer Barrooster in de ledenapp zetten Tim 1 oktober Twee extra trainers Noor 30 september "
            "werven Gesprek sponsor Marloes en Gijs z.s.m. Kopje koffie Onbekend 1 mei")
    assert table_actions(text, people) == [
        ("Tim", "Barrooster in de ledenapp zetten", "1 oktober"),
        ("Noor", "Twee extra trainers werven", "30 september"),
        ("Marloes en Gijs", "Gesprek sponsor", "z.s.m."),
    ]
    assert table_actions("Actie Wie Wanneer niets hier", people) is None
    assert table_actions("Tim 1 oktober", people) is None


def test_minutes_a_table_of_actions_covers_the_sentence_that_said_the_same_earlier():
    proposal = parse_minutes([
        Paragraph("Aanwezig: Noor, Tim"), Paragraph("2. Seizoen", level=1),
        Paragraph("Noor zoekt via de ouders naar twee extra trainers."), Paragraph("Tim belt de bond."),
        Paragraph("6. Acties", level=1), Paragraph("Actie Wie Wanneer Twee extra trainers werven Noor 30 september"),
    ])
    assert [(a.owner, a.confidence) for a in proposal.new_actions] == [("Tim", POSSIBLE), ("Noor", SURE)]


def _owners_and_kinds(*texts: str) -> list[tuple[str, str]]:
    paragraphs = [Paragraph("Aanwezig: Henk, Yusuf, Rob, Sandra"), Paragraph("3. Pensioen", level=1)]
    paragraphs += [Paragraph(t, level=1) if t.startswith("4.") else Paragraph(t) for t in texts]
    return [(a.owner, a.confidence) for a in parse_minutes(paragraphs).new_actions]


def test_minutes_a_marked_action_right_after_the_same_owners_sentence_under_the_same_item_covers_it():
    said, marked = "Henk neemt contact op met twee adviesbureaus.", "AP 12-3 Henk: offertes pensioenadviseur opvragen."
    assert _owners_and_kinds(said, marked) == [("Henk", SURE)]
    # Another action between them, or another item: two actions.
    assert _owners_and_kinds(said, "Sandra belt de bond.", marked) == [("Henk", POSSIBLE), ("Sandra", POSSIBLE), ("Henk", SURE)]
    assert _owners_and_kinds(said, "4. Rondvraag", marked) == [("Henk", POSSIBLE), ("Henk", SURE)]
    # The same people written otherwise.
    assert _owners_and_kinds("Yusuf en Rob organiseren twee inloopmomenten.", "AP 12-1 Yusuf/Rob: inloop plannen.") == [
        ("Yusuf/Rob", SURE)]


def test_minutes_table_rows_take_a_wrapped_word_and_skip_an_impossible_date():
    people = people_from(["Tim", "Noor", "Lisa"])
    text = "Actie Wie Wanneer Uitleg Tim 1 mei Bellen Noor 2 mei Uitleg over de Lisa 3 mei eHealth-app"
    assert table_actions(text, people)[-1] == ("Lisa", "Uitleg over de eHealth-app", "3 mei")
    assert row_dates("014 Meedoenpot 31-02-2021 25-02-2021 tekst", []) == [date(2021, 2, 25)]
