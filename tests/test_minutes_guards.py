"""The grammar's guards, each pinned by an input that truly reaches it.

A review found tests whose input never reached the guard they were named
after; each test here states which guard it reaches and shows that the same
sentence without the guard's trigger does close or create something.
"""

from __future__ import annotations

import pytest

from orsheet.minutes import Paragraph, parse_minutes
from orsheet.minutes.numbers import RANGE_LIMIT, RangeRefused, closed_numbers, number_list_at
from orsheet.minutes.owners import split_owner


def parse(*texts: str):
    return parse_minutes([Paragraph("4. Actielijst", level=2), *(Paragraph(t) for t in texts)])


def test_guard_a_full_date_after_an_action_word_is_never_an_action_number():
    # Reaches _FULL_DATE in number_list_at: "12" would otherwise be read, and "-10" not end it.
    assert closed_numbers("Actie 12-10-2023 afgerond.") == []
    assert parse("Actie 12-10-2023 afgerond.").closures == []
    assert closed_numbers("Actie 12 afgerond.") == [12]


def test_guard_a_question_whose_answer_is_no_closes_nothing():
    proposal = parse("Actie 330 afgerond? Nog niet.")
    assert proposal.closures == []
    assert closed_numbers("Actie 330 afgerond.") == [330]


def test_guard_a_negation_right_after_the_done_word_closes_nothing():
    # Reaches the check of the 12 characters after "afgerond".
    assert closed_numbers("Actie 330 afgerond, nog niet.") == []
    assert closed_numbers("Actie 330 afgerond, nu echt.") == [330]


def test_guard_a_negation_before_the_done_word_closes_nothing():
    assert closed_numbers("Actie 330 is niet afgerond.") == []


@pytest.mark.parametrize("sentence", ["Acties 100 t/m 300 zijn afgerond.", "Acties 300 t/m 100 zijn afgerond."])
def test_guard_a_range_too_long_or_backwards_is_refused_not_cut_to_its_first_number(sentence):
    with pytest.raises(RangeRefused):
        closed_numbers(sentence)
    proposal = parse(sentence)
    assert proposal.closures == []
    [miss] = proposal.near_misses
    assert "is geen bereik van hoogstens 100 nummers" in miss.reason


def test_guard_the_range_limit_itself_is_still_a_range():
    numbers, _ = number_list_at(f"100 t/m {100 + RANGE_LIMIT}", 0)
    assert numbers == list(range(100, 101 + RANGE_LIMIT))
    with pytest.raises(RangeRefused):
        number_list_at(f"100 t/m {101 + RANGE_LIMIT}", 0)


def test_guard_a_marker_with_only_a_task_has_no_owner_rather_than_the_task_as_owner():
    assert split_owner("zet de stoelen klaar") == ("", "zet de stoelen klaar")
    [action] = parse("De zaal moet klaar. (actie: zet de stoelen klaar)").new_actions
    assert action.owner == "" and "zet de stoelen klaar" in action.description


def test_guard_a_short_owner_without_a_verb_stays_the_whole_owner():
    assert split_owner("werkgroep communicatie") == ("werkgroep communicatie", "")


def test_guard_an_owner_text_that_starts_with_a_number_is_kept():
    assert split_owner("2 OR-leden") == ("2 OR-leden", "")
    [counted] = parse("Er komt een rooster. (actie: 2 OR-leden)").new_actions
    assert counted.owner == "2 OR-leden"
    # Without a colon a leading number refers to an action ("(actie 339)"), a redaction code does not.
    [coded] = parse("Er komt een rooster. (actie 5.1.2e)").new_actions
    assert coded.owner == "5.1.2e"
    assert parse("Er komt een rooster (actie 339).").new_actions == []
