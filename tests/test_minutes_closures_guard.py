"""Minutes proposals that must not be *zeker* (review 2, findings A1, A2, A5, A6, A7, A8).

Each wrong proposal here was written by ``orsheet minutes ... --apply`` without the
secretary's yes: an announced or conditional closure, a count read as a number, a
decision that decides nothing, an action without a task; or missed in silence:
minutes saved as "Unicode-tekst", a day with two meetings. Every sentence of a
finding is pinned, with the near misses that must keep working beside it.
"""

from __future__ import annotations

import codecs
import re
from datetime import date
from pathlib import Path

import pytest

from orsheet import records, schema
from orsheet.documents.minutes_reader import read_minutes
from orsheet.dutch import OV_MEETING, same_kind
from orsheet.errors import CellError, InputError
from orsheet.minutes import POSSIBLE, SURE, Paragraph, parse_minutes
from orsheet.minutes.decisions import EMPTY, NOT_DECIDED, empty_decision, read_decision
from orsheet.minutes.numbers import (
    ANNOUNCED,
    CONDITIONAL,
    Closures,
    PARTIAL,
    POSTPONED,
    QUESTION,
    READY_FOR,
    UNCLEAR,
    closed_numbers,
    mentions_closure,
    read_closures,
)
from orsheet.minutes.parse import NO_TASK
from orsheet.services.agenda import load_agenda
from orsheet.services.minutes import process_minutes
from tests.minutes_support import memory_workbook

NOV_9 = date(2023, 11, 9)


def parse(*texts: str, heading: str = "4. Actielijst"):
    return parse_minutes([Paragraph(heading, level=2), *(Paragraph(t) for t in texts)])


def minutes_file(tmp_path: Path, text: str, name: str = "notulen.txt") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def open_numbers(backend, sheet: str = schema.ACTIONS.name) -> list[int]:
    return sorted(a.number for a in records.actions_from_table(backend.read([sheet])[sheet]))


# ------------------------------------------------------- A1: only a completed fact closes


@pytest.mark.parametrize(
    "sentence, reason",
    [
        ("Actie 187 wordt afgerond zodra P&O de evaluatie stuurt.", CONDITIONAL),
        ("Actie 206 kan worden afgerond als de nieuwsbrief uit is.", CONDITIONAL),
        ("Actie 203 is pas afgerond als Frank de cijfers heeft.", CONDITIONAL),
        ("Als Frank de cijfers stuurt, is actie 203 afgerond.", CONDITIONAL),
        ("Actie 203 wordt volgende week afgerond.", ANNOUNCED),
        ("Actie 203 moet nog worden afgerond.", ANNOUNCED),
        ("Actie 203 zal in december worden afgerond.", ANNOUNCED),
        ("Actie 203 wordt afgerond.", ANNOUNCED),  # work still going on (closing is "wordt afgesloten")
        ("Actie 112 is deels afgerond.", PARTIAL),
        ("Actie 203 is bijna afgerond.", PARTIAL),
        ("Actie 203 is vrijwel afgerond.", PARTIAL),
        ("Actie 203 is gedeeltelijk uitgevoerd.", PARTIAL),
        ("Actie 203 is voor 80% afgerond.", PARTIAL),
        ("Actie 203 is bijna helemaal afgerond.", PARTIAL),
        ("Actie 203 is deels al afgerond.", PARTIAL),
        ("Actie 203 is voor het grootste deel afgerond.", PARTIAL),
        ("Actie 203 dient nog te worden afgerond.", ANNOUNCED),
        ("Zodra Jan terug is, wordt actie 203 afgerond.", CONDITIONAL),
        ("Actie 205: de vragenlijst is bijna klaar.", PARTIAL),
        ("Actie 203 is klaar voor bespreking.", READY_FOR),
        ("Actie 203 is gereed voor besluitvorming.", READY_FOR),
        ("Actie 203 is afgerond? Nee.", QUESTION),
        ("Actie 330 afgerond?", QUESTION),
        ("Actie 203 is verlengd tot januari; daarna is hij afgerond.", POSTPONED),
        ("Actie 203 is aangehouden tot de cijfers er zijn, daarna afgerond.", POSTPONED),
    ],
)
def test_minutes_closure_announced_conditional_partial_or_asked_closes_nothing_and_says_why(sentence, reason):
    found = read_closures(sentence)
    assert found.closed == () and closed_numbers(sentence) == []
    assert found.held == (int(re.search(r"\d+", sentence).group()),)
    assert found.reason == reason
    assert mentions_closure(sentence)  # under "Acties:" it is still no new action of its own


@pytest.mark.parametrize(
    "sentence, numbers",
    [
        ("Actie 203 is afgerond.", [203]),
        ("Acties 325 en 330 zijn afgerond.", [325, 330]),
        ("Acties 332 en 337 worden afgesloten.", [332, 337]),  # closing is done by saying so
        ("Actie 203 kan worden afgesloten.", [203]),  # the meeting lets it go, as "kan van de lijst"
        ("Actie 203 kan worden afgerond.", [203]),
        ("Actie 203 kan van de lijst.", [203]),
        ("Actie 203 wordt als afgerond beschouwd.", [203]),
        ("Actie 203 is op gereed gezet.", [203]),
        ("Actie 203 is volledig afgerond.", [203]),
        ("Actie 203 is afgerond zoals afgesproken.", [203]),
        ("Actie 203 is afgerond als gevolg van het besluit.", [203]),
        ("Actie 203 is afgerond als eerste van de reeks.", [203]),
        ("Actie 203 is afgerond; we bespreken het rooster als de cijfers er zijn.", [203]),
        ("Actie 203 is in 2023 afgerond.", [203]),
        ("Actie 203 is klaar.", [203]),
        ("Actie 203: afgerond (Jan heeft de brief als PDF gestuurd).", [203]),
        ("Actie 203 is afgerond als Excel-bestand.", [203]),
        ("Actie 203 is eerst besproken en daarna afgerond.", [203]),
        ("Actie 203 gaat over de brief en is afgerond.", [203]),
        ("Actie 203 is half oktober afgerond.", [203]),
        ("Actie 203 is na bijna een jaar afgerond.", [203]),
        ("Actie 203 werd twee keer uitgesteld maar is nu afgerond.", [203]),
    ],
)
def test_minutes_closure_reported_as_a_completed_fact_still_closes(sentence, numbers):
    assert read_closures(sentence) == Closures(tuple(numbers))


def test_minutes_closure_done_and_closure_announced_in_one_sentence_close_only_the_done_one():
    found = read_closures("Actie 203 is afgerond, actie 204 wordt volgende week afgerond.")
    assert found == Closures((203,), (204,), ANNOUNCED)


def test_minutes_closure_shared_by_a_joined_list_is_held_for_both():
    found = read_closures("Actie 12 en actie 13 worden afgerond zodra Jan terug is.")
    assert (found.closed, found.held, found.reason) == ((), (12, 13), CONDITIONAL)


def test_minutes_status_list_item_almost_done_is_held_and_the_done_one_closes():
    found = read_closures("Actiepunten vorige vergadering: 3 gereed, 5 loopt nog, 6 bijna klaar.")
    assert (found.closed, found.held, found.reason) == ((3,), (6,), PARTIAL)
    assert read_closures("Actiepunten vorige vergadering: 3 gereed, 5 loopt nog.") == Closures((3,))
    found = read_closures("Actiepunten vorige vergadering: 3 gereed?, 5 bijna klaar, 6 klaar voor bespreking.")
    assert found == Closures((), (3, 5, 6), QUESTION)  # the first reason held back is the one shown


def test_minutes_question_after_a_label_or_later_in_the_sentence_closes_nothing():
    assert read_closures("Afgerond: 203?") == Closures()
    assert read_closures("Afgerond: 203 ? ") == Closures()
    assert closed_numbers("Afgerond: 203.") == [203]
    found = read_closures("Actie 203 is afgerond; is actie 204 ook klaar?")
    assert found == Closures((), (203, 204), QUESTION)


def test_minutes_reason_shown_is_the_first_list_held_back_not_a_list_without_a_done_word():
    found = read_closures("Actie 12 is besproken en actie 13 wordt afgerond zodra Jan terug is.")
    assert found == Closures((), (13,), CONDITIONAL)


def test_minutes_sentence_cut_off_after_behalve_closes_the_list_without_failing():
    assert closed_numbers("Acties 203 en 204 zijn afgerond, behalve") == [203, 204]


def test_minutes_announced_closure_is_a_near_miss_with_its_reason_and_no_done_report():
    proposal = parse("Actie 187 wordt afgerond zodra P&O de evaluatie stuurt.", "Actie 112 is deels afgerond.")
    assert proposal.closures == [] and proposal.done_reports == []
    assert [(m.sentence, m.reason) for m in proposal.near_misses] == [
        ("Actie 187 wordt afgerond zodra P&O de evaluatie stuurt.", f"actie 187 niet afgerond: {CONDITIONAL}"),
        ("Actie 112 is deels afgerond.", f"actie 112 niet afgerond: {PARTIAL}"),
    ]


def test_minutes_announced_closure_under_an_action_heading_is_no_new_action():
    proposal = parse_minutes([Paragraph("Acties", level=2),
                              Paragraph("Actie 187 wordt afgerond zodra P&O de evaluatie stuurt.", bullet=True)])
    assert proposal.new_actions == [] and proposal.closures == []


def test_minutes_applied_with_announced_conditional_and_partial_closures_archive_only_the_done_one(tmp_path):
    backend = memory_workbook("2023-09-28")
    minutes = minutes_file(tmp_path, (
        "# 4. Actielijst\n\nActie 325 wordt afgerond zodra P&O de evaluatie stuurt.\n\n"
        "Actie 330 kan worden afgerond als de nieuwsbrief uit is.\n\nActie 338 is deels afgerond.\n\n"
        "Actie 340 is afgerond.\n"))
    plan = process_minutes(backend, minutes, date(2023, 10, 12), apply=True)
    assert [c.number for c in plan.closures] == [340]
    assert open_numbers(backend, schema.ARCHIVE.name) == [340]
    assert {325, 330, 338} <= set(open_numbers(backend))
    assert [m.split(" (")[0] for m in plan.near_misses] == [
        "Actie 325 wordt afgerond zodra P&O de evaluatie stuurt.",
        "Actie 330 kan worden afgerond als de nieuwsbrief uit is.",
        "Actie 338 is deels afgerond.",
    ]


# ------------------------------------------------------- A8: counts and narrowed lists


@pytest.mark.parametrize(
    "sentence", ["3 acties zijn afgerond.", "2 punten zijn afgerond.", "3 openstaande acties zijn afgerond.",
                 "Er zijn 4 actiepunten gereed."],
)
def test_minutes_count_of_actions_is_no_action_number(sentence):
    assert read_closures(sentence) == Closures()
    assert parse(sentence).closures == []


def test_minutes_low_action_number_still_closes_when_an_action_word_names_it():
    assert closed_numbers("Actie 3 is afgerond.") == [3]
    assert closed_numbers("3 is afgerond.") == [3]


@pytest.mark.parametrize(
    "sentence, numbers",
    [
        ("Van de acties 203, 204 en 205 is alleen 203 afgerond.", [203]),
        ("Acties 203 en 204: 203 afgerond, 204 loopt nog.", [203]),
        ("Actie 203 en actie 204: 203 afgerond.", [203]),
        ("Acties 203, 204 en 205 zijn afgerond, behalve 204.", [203, 205]),
        ("Acties 203, 204 en 205 zijn afgerond, behalve actie 204.", [203, 205]),
        ("Acties 203 t/m 205 zijn afgerond, op 204 na.", [203, 205]),
        ("Van de acties 203 en 204 is op 12-10 alleen 203 afgerond.", [203]),  # a date does not end the search
        ("Acties 203 en 204: alleen 203 en 204 zijn afgerond, de rest loopt nog.", [203, 204]),
        ("Acties 325 en 330 zijn afgerond.", [325, 330]),
    ],
)
def test_minutes_done_word_closes_only_the_numbers_it_is_about(sentence, numbers):
    assert closed_numbers(sentence) == numbers


def test_minutes_done_word_about_some_unnamed_one_of_a_list_closes_none_and_says_so():
    found = read_closures("Actie 203, 204 en 205: de eerste is afgerond.")
    assert (found.closed, found.held, found.reason) == ((), (203, 204, 205), UNCLEAR)
    assert closed_numbers("Van de acties 203 en 204 is er een van afgerond.") == []


def test_minutes_count_and_narrowed_list_in_one_text_close_only_the_named_action():
    proposal = parse("3 acties zijn afgerond.", "Van de acties 203, 204 en 205 is alleen 203 afgerond.")
    assert proposal.closed_numbers == [203]


# ------------------------------------------------------- A2: decisions that decide nothing


@pytest.mark.parametrize(
    "sentence",
    [
        "De OR besluit nog niet; eerst meer informatie.",
        "De OR besluit in de volgende vergadering over het rooster.",
        "De OR besluit niet.",
        "De OR besluit niets.",
        "De OR besluit hier later over.",
        "De OR besluit er nog niet over.",
        "Vervolgens besluit de OR nog niet.",
        "De OR besluit voorlopig nog niet over het rooster.",
        "De OR besluit nog niet; eerst wil de OR weten wat het kost om te verhuizen.",
        "De OR besluit daar pas na het advies van P&O over.",
        "Er wordt niets besloten.",
        "Er is nog niet besloten.",
        "Hierover wordt in de volgende vergadering besloten.",
        "Besluit: de OR besluit nog niet.",
    ],
)
def test_minutes_negated_or_postponed_decision_is_no_decision(sentence):
    decision = read_decision(sentence)
    assert decision is not None and decision.skipped == NOT_DECIDED
    proposal = parse(sentence, heading="5. Rooster")
    assert proposal.decisions == []
    assert [m.reason for m in proposal.near_misses] == [f"geen besluit: {NOT_DECIDED}"]


@pytest.mark.parametrize(
    "sentence", ["Besluit: geen.", "Besluiten: n.v.t.", "Besluit: nvt", "Besluit: -", "Besluit: geen besluit genomen.",
                 "Besluit: geen, eerst het advies van P&O.", "Besluit: uitgesteld tot december.", "Afspraken: geen."],
)
def test_minutes_empty_decision_label_is_no_decision(sentence):
    decision = read_decision(sentence)
    assert decision is not None and decision.skipped == EMPTY


def test_minutes_empty_decision_label_is_a_near_miss_also_when_its_text_is_the_next_paragraph():
    proposal = parse("Besluit: geen.", "Besluit:", "geen.", heading="5. Rooster")
    assert proposal.decisions == []
    assert [(m.sentence, m.reason) for m in proposal.near_misses] == [
        ("Besluit: geen.", f"geen besluit: {EMPTY}"), ("Besluit: geen.", f"geen besluit: {EMPTY}"),
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        "De OR besluit niet in te stemmen met het rooster.",
        "De OR besluit geen advies uit te brengen.",
        "De OR besluit de volgende vergadering te verplaatsen naar 12 oktober.",
        "De OR besluit dat de brief niet verstuurd wordt.",
        "De OR besluit later te reageren.",
        "Besluit: geen bezwaar tegen het nieuwe rooster.",
        "Besluit: de OR stemt in met het rooster.",
    ],
)
def test_minutes_decision_not_to_do_something_is_still_a_sure_decision(sentence):
    [decision] = parse(sentence, heading="5. Rooster").decisions
    assert decision.confidence == SURE and decision.text.endswith(sentence.split(": ")[-1])


def test_minutes_passive_decision_to_do_nothing_else_is_still_a_decision():
    assert read_decision("Er wordt besloten om niet te verhuizen.").skipped == ""
    assert not empty_decision("geen bezwaar tegen het plan") and empty_decision("Besluit:")


# ------------------------------------------------------- A7: a marker without a task


@pytest.mark.parametrize("marker", ["(actie: Jan)", "Actie: Piet", "[actie Carla]"])
def test_minutes_marker_naming_only_an_owner_is_a_possible_action_without_description(marker):
    [action] = parse(marker, heading="1. Werkdruk").new_actions
    assert (action.confidence, action.reason, action.description, action.subject) == (POSSIBLE, NO_TASK, "", "Werkdruk")


def test_minutes_marker_naming_only_an_owner_after_a_sentence_of_its_item_stays_sure():
    [action] = parse("Jan vraagt de cijfers op. (actie: Jan)", heading="1. Werkdruk").new_actions
    assert (action.confidence, action.description) == (SURE, "Jan vraagt de cijfers op.")
    [action] = parse("(actie: Jan maakt een poster)", heading="1. Werkdruk").new_actions
    assert (action.confidence, action.description) == (SURE, "Jan maakt een poster.")


def test_minutes_marker_without_task_beside_a_sure_action_is_kept_as_possible():
    proposal = parse("(actie: Jan)", "De poster komt er. (actie: Karin)", heading="1. Werkdruk")
    assert [(a.owner, a.confidence) for a in proposal.new_actions] == [("Jan", POSSIBLE), ("Karin", SURE)]


def test_minutes_applied_do_not_write_an_action_without_description(tmp_path):
    backend = memory_workbook("2023-09-28")
    before = open_numbers(backend)
    minutes = minutes_file(tmp_path, "# 1. Werkdruk\n\n(actie: Jan)\n\nActie: Piet\n")
    plan = process_minutes(backend, minutes, date(2023, 10, 12), apply=True)
    assert plan.new_actions == [] and [why for _, why in plan.possible_actions] == [NO_TASK, NO_TASK]
    assert open_numbers(backend) == before


# ------------------------------------------------------- A5: minutes saved as Unicode text

TEXT = "Notulen OR 9 november 2023\n\n4. Actielijst\n\nActie 325 is afgerond.\n"


@pytest.mark.parametrize("encoding, mark", [
    ("utf-16-le", codecs.BOM_UTF16_LE), ("utf-16-be", codecs.BOM_UTF16_BE),
    ("utf-32-le", codecs.BOM_UTF32_LE), ("utf-8", codecs.BOM_UTF8),
])
def test_minutes_text_saved_as_unicode_with_a_byte_order_mark_is_read(tmp_path, encoding, mark):
    path = tmp_path / "unicode.txt"
    path.write_bytes(mark + TEXT.encode(encoding))
    assert [p.text for p in read_minutes(path)] == ["Notulen OR 9 november 2023", "4. Actielijst", "Actie 325 is afgerond."]
    plan = process_minutes(memory_workbook("2023-09-28"), path, None)
    assert plan.changes.meeting == NOV_9 and [c.number for c in plan.closures] == [325]


def test_minutes_text_still_full_of_nul_characters_is_refused_in_dutch(tmp_path):
    path = tmp_path / "zonder-bom.txt"
    path.write_bytes(TEXT.encode("utf-16-le"))  # "Unicode" without its mark: every second byte NUL
    with pytest.raises(InputError, match="zonder-bom.txt kan niet worden gelezen.*UTF-8"):
        read_minutes(path)


def two_meetings(backend, day: date, *kinds: str):
    meetings = backend.sheets[schema.MEETINGS.name]
    width = len(meetings[0])
    for kind in kinds:
        meetings.append([day, kind] + [None] * (width - 2))
    return backend


SEP_14 = date(2023, 9, 14)


def test_minutes_of_a_day_with_two_meetings_and_no_kind_in_the_header_ask_for_kind(tmp_path):
    backend = two_meetings(memory_workbook("2023-09-28"), SEP_14, "OR-vergadering", OV_MEETING)
    minutes = minutes_file(tmp_path, "Notulen 14-09-2023\n\n1. Werkdruk\n\n(actie: Frank stuurt de cijfers)\n")
    with pytest.raises(CellError, match=r"2 vergaderingen op 14-09-2023 \(OR-vergadering, Overlegvergadering.*--kind"):
        process_minutes(backend, minutes, None, apply=True)
    with pytest.raises(CellError) as agenda_error:
        load_agenda(backend, SEP_14)
    with pytest.raises(CellError) as minutes_error:
        process_minutes(backend, minutes, None)
    assert str(minutes_error.value) == str(agenda_error.value)  # one rule for "the meeting of this date"


def test_minutes_header_overleg_met_de_bestuurder_picks_the_overlegvergadering(tmp_path):
    backend = two_meetings(memory_workbook("2023-09-28"), SEP_14, "OR-vergadering", OV_MEETING)
    minutes = minutes_file(tmp_path, "Verslag overleg met de bestuurder 14-09-2023\n\n1. Werkdruk\n\n"
                                     "(actie: Frank Visser stuurt de cijfers)\n")
    plan = process_minutes(backend, minutes, None)
    assert plan.changes.meeting_kind == OV_MEETING and plan.new_actions[0].meeting_kind == OV_MEETING
    assert same_kind("overleg met de bestuurder", OV_MEETING) and same_kind("Overleg bestuurder", OV_MEETING)


def test_minutes_header_informeel_overleg_met_de_bestuurder_stays_the_informal_meeting(tmp_path):
    backend = two_meetings(memory_workbook("2023-09-28"), SEP_14, OV_MEETING, "Informeel overleg")
    minutes = minutes_file(tmp_path, "Verslag informeel overleg met de bestuurder 14-09-2023\n\n(actie: Jan belt)\n")
    assert process_minutes(backend, minutes, None).changes.meeting_kind == "Informeel overleg"


def test_minutes_kind_given_for_a_day_with_two_meetings_is_spelled_as_vergaderingen_has_it(tmp_path):
    backend = two_meetings(memory_workbook("2023-09-28"), SEP_14, "OR-vergadering", OV_MEETING)
    minutes = minutes_file(tmp_path, "Notulen 14-09-2023\n\n(actie: Frank stuurt de cijfers)\n")
    assert process_minutes(backend, minutes, None, meeting_kind="OV").changes.meeting_kind == OV_MEETING
    assert process_minutes(backend, minutes, None, meeting_kind="Werkgroep X").changes.meeting_kind == "Werkgroep X"
