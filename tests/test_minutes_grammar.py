"""The marker grammar of Dutch minutes: variants, owners, numbers, false friends."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from orsheet.minutes import Paragraph, heading_title, parse_minutes
from orsheet.minutes.decisions import decision_in
from orsheet.minutes.numbers import closed_numbers
from orsheet.minutes.owners import split_owner


def parse(*texts: str, heading: str = "3. Actualiteit"):
    return parse_minutes([Paragraph(heading, level=2), *(Paragraph(t) for t in texts)])


# ---------------------------------------------------------------- markers


@pytest.mark.parametrize(
    "text",
    [
        "De OR wil een overleg. (actie: 5.1.2e prikt hiervoor een datum)",
        "De OR wil een overleg. (*actie: 5.1.2e prikt hiervoor een datum*)",
        "De OR wil een overleg. (**actie:** 5.1.2e prikt hiervoor een datum)",
        "De OR wil een overleg. (Actie : 5.1.2e prikt hiervoor een datum)",
        "De OR wil een overleg. [actie: 5.1.2e prikt hiervoor een datum]",
        "De OR wil een overleg (actie: 5.1.2e prikt hiervoor een datum).",
    ],
)
def test_minutes_marker_variants_each_create_one_action_for_the_named_owner(text):
    proposal = parse(text)
    assert [a.owner for a in proposal.new_actions] == ["5.1.2e"]
    assert proposal.new_actions[0].description.startswith("De OR wil een overleg")


def test_minutes_marker_description_is_the_sentence_the_marker_follows():
    proposal = parse("Eerste zin gaat ergens anders over. De OR zal dit opvragen bij de bestuurder. (actie: Jan)")
    assert proposal.new_actions[0].description == "De OR zal dit opvragen bij de bestuurder."


def test_minutes_marker_with_a_task_keeps_the_task_in_the_description():
    proposal = parse("Er komt een Fika in Groningen. (actie: Karin maakt het ontwerp voor een poster.) Daarna meer.")
    action = proposal.new_actions[0]
    assert action.owner == "Karin"
    assert action.description == "Er komt een Fika in Groningen. Actie: Karin maakt het ontwerp voor een poster."


def test_minutes_marker_subject_is_the_heading_it_stands_under():
    proposal = parse_minutes(
        [
            Paragraph("5. Voorbereiding Overlegvergadering", level=1),
            Paragraph("5.1 Organisatie en besturing", level=2),
            Paragraph("De brief wordt verstuurd. (actie: Piet)"),
        ]
    )
    assert proposal.new_actions[0].subject == "Organisatie en besturing"


def test_minutes_standalone_action_label_uses_its_own_task_as_description():
    proposal = parse("Actie: Jan stuurt de brief naar de bestuurder.")
    assert proposal.new_actions[0].owner == "Jan"
    # The owner was the sentence's subject: the description is the sentence as said.
    assert proposal.new_actions[0].description == "Jan stuurt de brief naar de bestuurder."


@pytest.mark.parametrize(
    "content, owner",
    [
        ("5.1.2e prikt hiervoor een datum", "5.1.2e"),
        ("Allen", "Allen"),
        ("allen", "allen"),
        ("werkgroep O&B", "werkgroep O&B"),
        ("werkgroep communicatie", "werkgroep communicatie"),
        ("werkgroep personeelszaken zoekt dit uit", "werkgroep personeelszaken"),
        ("het DB", "het DB"),
        ("DB plant een overleg", "DB"),
        ("Jan de Vries en Piet stellen een brief op", "Jan de Vries en Piet"),
        ("Anne-Marie, Peter en Karin", "Anne-Marie, Peter en Karin"),
        ("J. Jansen stuurt de brief", "J. Jansen"),
        ("dagelijks bestuur zal het agenderen", "dagelijks bestuur"),
        ("5.1.2e informeert of 5.1.2e deze cursus kan verzorgen.", "5.1.2e"),
        ("5.1, 2, e praat je bij", "5.1.2e"),
    ],
)
def test_minutes_owner_runs_up_to_the_first_verb_or_is_the_whole_group(content, owner):
    assert split_owner(content)[0] == owner


def test_minutes_redaction_variant_is_read_as_one_owner_code():
    proposal = parse("Dat wordt uitgezocht. (actie: 5.1, 2, e praat je bij)")
    assert proposal.new_actions[0].owner == "5.1.2e"


# ------------------------------------------------------------ false friends


def test_minutes_spokesperson_marker_is_not_an_action():
    proposal = parse("De OR zal dit in de OV aangeven (woordvoerder: 5.1.2e).", "(**woordvoerder:** Jan en Piet)")
    assert proposal.new_actions == []


def test_minutes_actiepunt_in_running_text_is_not_an_action():
    proposal = parse("Dit is een actiepunt voor de werkgroep O&B.", "Het actiepunt van vorige keer loopt nog.")
    assert proposal.new_actions == [] and proposal.closures == []


@pytest.mark.parametrize(
    "text",
    [
        'Zet een actie voortaan zo in de notulen: "(actie: Jan stuurt de brief)".',
        "Zet een actie voortaan zo in de notulen: \u201c(actie: Jan stuurt de brief)\u201d.",
        "Markeer acties in de tekst, bijvoorbeeld (actie: Jan stuurt de brief).",
        "Een voorbeeld van een markering is (actie: Jan).",
        "De notulist schrijft achter elke afspraak (actie: naam).",
        "De notulist schrijft achter elke afspraak (actie: ...).",
    ],
)
def test_minutes_marker_in_quotes_or_an_example_is_not_an_action(text):
    assert parse(text).new_actions == []


def test_minutes_reference_to_an_action_number_in_brackets_is_not_a_new_action():
    assert parse("Dit hangt samen met de brief (actie 339).").new_actions == []


# ---------------------------------------------------------------- closures


@pytest.mark.parametrize(
    "sentence, numbers",
    [
        ("Acties 325, 330, 338 en 340 zijn afgerond.", [325, 330, 338, 340]),
        ("Actie 339 is afgerond", [339]),
        ("Actiepunten 341 t/m 345 zijn afgehandeld.", [341, 342, 343, 344, 345]),
        ("Acties 341\u2013345 zijn gereed.", [341, 342, 343, 344, 345]),
        ("Actie nr. 12 is uitgevoerd.", [12]),
        ("325 en 330 zijn afgerond.", [325, 330]),
        ("Afgerond: 325, 330 en 338.", [325, 330, 338]),
        ("Acties 1021 en 1022 kunnen van de actielijst.", [1021, 1022]),
        ("Acties 325 en 330 zijn afgerond, actie 338 nog niet.", [325, 330]),
        ("Actie 339 van 13 oktober is afgerond.", [339]),
    ],
)
def test_minutes_closure_sentences_name_the_numbers_to_close(sentence, numbers):
    assert closed_numbers(sentence) == numbers


@pytest.mark.parametrize(
    "sentence",
    [
        "Actie 339 is nog niet afgerond.",
        "De actie van 13 oktober is afgerond.",
        "Het artikel 24 overleg is afgerond.",
        "De actielijst is bijgewerkt.",
        "Op 13 oktober is de scholing afgerond.",
        "Actie 339 loopt nog.",
        "Agendapunt 5.3 Sturingsinformatie komt te vervallen.",
        "De actie uit de vergadering van 12-10-2023 is afgerond.",
    ],
)
def test_minutes_sentences_without_closed_action_numbers_close_nothing(sentence):
    assert closed_numbers(sentence) == []


def test_minutes_number_in_a_date_is_never_an_action_number():
    proposal = parse("Actie 13 oktober is afgerond.", "Op 13 oktober is de actie afgerond.")
    assert proposal.closures == []


# --------------------------------------------------------------- decisions


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("De OR besluit een eigen overleg te beleggen.", ("besluit", "De OR besluit een eigen overleg te beleggen.")),
        ("Het DB besluit dat het zo gaat.", ("besluit", "Het DB besluit dat het zo gaat.")),
        ("Daarnaast besluit de OR om te evalueren.", ("besluit", "Daarnaast besluit de OR om te evalueren.")),
        ("Besluit: we tillen het naar eind mei.", ("besluit", "we tillen het naar eind mei.")),
        ("Afspraak: voorbereiding met Peter afstemmen.", ("afspraak", "voorbereiding met Peter afstemmen.")),
    ],
)
def test_minutes_decision_phrases_are_recognised(sentence, expected):
    assert decision_in(sentence) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "Het MT heeft een besluit genomen over een nieuw vlekkenplan.",
        "Het nieuwe besluit is nog niet gedeeld.",
        "In het overleg van 27 oktober is besloten dat EZK overgaat.",
        "De OR vermoedt dat de bestuurder niet wil delen.",
    ],
)
def test_minutes_sentences_about_other_decisions_are_not_decisions(sentence):
    assert decision_in(sentence) is None


def test_minutes_every_or_besluit_sentence_is_exactly_one_decision():
    proposal = parse(
        "De OR besluit A te doen. De OR besluit ook om B te doen. Iets anders.",
        "De OR besluit A te doen.",  # repeated word for word: still one
    )
    assert [d.text for d in proposal.decisions] == ["De OR besluit A te doen.", "De OR besluit ook om B te doen."]


def test_minutes_agreement_keeps_its_label_and_a_lone_label_takes_the_next_paragraph():
    proposal = parse("Afspraak: Peter praat hier morgen over.", "Besluit:", "We tillen het naar eind mei.")
    assert [(d.kind, d.text) for d in proposal.decisions] == [
        ("afspraak", "Afspraak: Peter praat hier morgen over."),
        ("besluit", "We tillen het naar eind mei."),
    ]


def test_minutes_quoted_decision_is_not_a_decision():
    assert parse('Het verslag zegt: "De OR besluit niets."').decisions == []


def test_minutes_heading_title_drops_the_item_number():
    assert heading_title("5.1 Organisatie en besturing") == "Organisatie en besturing"
    assert heading_title("**4. Actie- en besluitenlijst**") == "Actie- en besluitenlijst"


def test_minutes_without_markers_give_an_empty_proposal():
    assert parse("De voorzitter opent de vergadering.", "De actielijst is bijgewerkt.").is_empty


def test_minutes_bullets_under_an_acties_label_are_actions_with_their_owner():
    proposal = parse_minutes(
        [
            Paragraph("7. Rondvraag", level=1),
            Paragraph("Acties:"),
            Paragraph("Jan: brief sturen", bullet=True),
            Paragraph("agenda opstellen (Piet)", bullet=True),
            Paragraph("werkgroep Arbo plant een overleg", bullet=True),
            Paragraph("Daarna sluit de voorzitter af."),
            Paragraph("Een punt zonder label", bullet=True),
        ]
    )
    assert [(a.owner, a.description, a.subject) for a in proposal.new_actions] == [
        ("Jan", "Brief sturen.", "Rondvraag"),
        ("Piet", "Agenda opstellen.", "Rondvraag"),
        ("werkgroep Arbo", "Werkgroep Arbo plant een overleg.", "Rondvraag"),
    ]


def test_minutes_decision_ending_in_a_colon_takes_the_next_paragraph():
    proposal = parse("De OR besluit:", "het jaarplan 2024 wordt vastgesteld.")
    assert [d.text for d in proposal.decisions] == ["De OR besluit: het jaarplan 2024 wordt vastgesteld."]


def test_minutes_owner_with_a_title_keeps_the_title():
    assert split_owner("mevrouw De Vries stuurt de brief") == ("mevrouw De Vries", "stuurt de brief")


@pytest.mark.parametrize(
    "sentence, numbers",
    [
        ("Acties 325/330 zijn afgerond.", [325, 330]),
        ("Acties 12-15 zijn afgerond.", [12, 13, 14, 15]),
        ("Actie 12 (Jan) is afgerond.", [12]),
        ("- 325 Overdracht: afgerond", [325]),
        ("Acties 332 en 337 worden afgesloten.", [332, 337]),
        ("Actie 332 kan van de lijst.", [332]),
        ("Actie 4 is om 10.30 uur afgerond.", [4]),
    ],
)
def test_minutes_closure_variants_of_other_councils(sentence, numbers):
    assert closed_numbers(sentence) == numbers


@pytest.mark.parametrize(
    "sentence",
    ["Acties van 12-10-2023 zijn afgerond.", "Actie 5.1.2e is afgerond.", "Om 10.30 uur was alles afgerond."],
)
def test_minutes_dates_times_and_codes_are_not_closed_numbers(sentence):
    assert closed_numbers(sentence) == []


def test_minutes_bracketed_action_without_colon_names_a_redacted_owner():
    proposal = parse("De brief gaat eruit. (Actie 5.1.2e)")
    assert [a.owner for a in proposal.new_actions] == ["5.1.2e"]


def test_minutes_action_label_after_a_soft_line_break_is_a_marker():
    proposal = parse("De brief wordt aangepast\nActie: Jan")
    assert [(a.owner, a.description) for a in proposal.new_actions] == [("Jan", "De brief wordt aangepast")]


def test_minutes_paragraph_ending_in_a_decision_label_still_yields_its_markers():
    proposal = parse("De brief gaat eruit. (actie: Jan) De OR besluit:", "de brief wordt openbaar.")
    assert [a.owner for a in proposal.new_actions] == ["Jan"]
    assert [d.text for d in proposal.decisions] == ["De OR besluit: de brief wordt openbaar."]


# ------------------------------------------------- other numbers, names, spacing

_spaces = st.sampled_from([" ", "  ", "\u00a0", " \t"])
_numbers = st.lists(st.integers(min_value=1, max_value=99999), min_size=1, max_size=6, unique=True)
_names = st.lists(
    st.sampled_from(["Jan", "Fatima", "Anne-Marie", "Piet", "Ömer", "5.1.2e", "DB", "Allen"]), min_size=1, max_size=3,
    unique=True,
)


def _listed(numbers: list[int], space: str) -> str:
    if len(numbers) == 1:
        return str(numbers[0])
    return f",{space}".join(map(str, numbers[:-1])) + f"{space}en{space}{numbers[-1]}"


@settings(max_examples=60, deadline=None)
@given(numbers=_numbers, space=_spaces, word=st.sampled_from(["Acties", "Actiepunten", "acties", "Actie"]),
       done=st.sampled_from(["zijn afgerond", "zijn afgehandeld", "zijn gereed", "zijn uitgevoerd", "vervallen"]))
def test_minutes_closures_hold_for_any_numbers_and_spacing(numbers, space, word, done):
    sentence = f"{word}{space}{_listed(numbers, space)}{space}{done}."
    assert closed_numbers(sentence) == numbers


@settings(max_examples=60, deadline=None)
@given(names=_names, space=_spaces, verb=st.sampled_from(["stuurt de brief", "plant een overleg", ""]))
def test_minutes_owner_holds_for_any_names_and_spacing(names, space, verb):
    owner = " en ".join(names)
    proposal = parse(f"Dit moet gebeuren.{space}(actie:{space}{owner}{space}{verb})")
    assert [a.owner for a in proposal.new_actions] == [owner]


@pytest.mark.parametrize(
    "marker, owner, deadline",
    [
        ("(actie: Jan, deadline 1 november)", "Jan", "1 november"),
        ("(actie: Jan stuurt de brief voor 1 november)", "Jan", "1 november"),
        ("(actie: Piet, uiterlijk eind okt)", "Piet", "eind okt"),
        ("(actie: DB, voor de volgende vergadering)", "DB", "de volgende vergadering"),
        ("(actie: Karin zorgt voor een poster)", "Karin", ""),
    ],
)
def test_minutes_marker_deadline_is_read_apart_from_owner_and_task(marker, owner, deadline):
    [action] = parse(f"Het moet gebeuren. {marker}").new_actions
    assert (action.owner, action.deadline) == (owner, deadline)
    assert deadline == "" or deadline not in action.description


def test_minutes_action_list_label_and_decision_label_with_body():
    assert closed_numbers("Actielijst: 325 en 330 afgerond, 332 loopt nog.") == [325, 330]
    assert decision_in("Besluit OR: de brief gaat uit.") == ("besluit", "de brief gaat uit.")


def test_minutes_bullets_under_acties_that_report_done_numbers_close_them():
    proposal = parse_minutes(
        [Paragraph("4. Actielijst", level=1), Paragraph("Acties:"), Paragraph("325: afgerond", bullet=True),
         Paragraph("Jan: brief sturen", bullet=True)]
    )
    assert proposal.closed_numbers == [325]
    assert [(a.owner, a.description) for a in proposal.new_actions] == [("Jan", "Brief sturen.")]


@pytest.mark.parametrize(
    "sentence, updated",
    [
        ("De actielijst is bijgewerkt.", True),
        ("De actie- en besluitenlijst is doorgenomen.", True),
        ("De actielijst is nog niet bijgewerkt.", False),
        ("De actielijst wordt volgende keer besproken.", False),
    ],
)
def test_minutes_list_updated_sentence_is_recognised(sentence, updated):
    from orsheet.minutes.numbers import says_list_updated

    assert says_list_updated(sentence) is updated
