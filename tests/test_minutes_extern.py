"""The minutes grammar on other councils' labelled minutes: precision and recall.

The labelled minutes live in ``../shared/domain/extern`` (see its README).
The rules are general rules for Dutch minutes, not rules for these files;
labelled minutes that this suite never sees are scored the same way.
"""

from __future__ import annotations

import pytest

from tests.minutes_scoring import assert_reaches, score_directory
from tests.support.seeds import DOMAIN

EXTERN = DOMAIN / "extern"


@pytest.fixture(scope="module")
def scores():
    if not (EXTERN / "labels.json").is_file():
        pytest.skip(f"labelled minutes not found at {EXTERN} (the repository expects ../shared beside it)")
    found = score_directory(EXTERN)
    print()
    for name, score in found.items():
        print(score.line(name))
    return found


def test_minutes_of_other_councils_new_actions_reach_precision_75_and_recall_70(scores):
    assert_reaches(scores["new actions"], precision=0.75, recall=0.70)


def test_minutes_of_other_councils_decisions_reach_precision_80_and_recall_70(scores):
    assert_reaches(scores["decisions"], precision=0.80, recall=0.70)


def test_minutes_of_other_councils_close_no_action_by_a_number_that_is_no_action_number(scores):
    assert scores["closures by number"].false == []
