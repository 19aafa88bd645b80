"""A Word template the secretary restyled with a mistake: a Dutch sentence saying what is wrong, never Jinja's
English or the bug message, and nothing written."""

from __future__ import annotations

import pytest

from orsheet.errors import OrsheetError
from orsheet.services.agenda import generate_agenda
from tests.test_agenda_service import DAY, backend_with, restyled_template

CASES = {
    "an unknown field": ("{{ meeting.location }}", "{{ vergadering.onbekend }}",
                         'het veld "vergadering" bestaat niet. Velden die er wel zijn: '),
    "an unknown part of a field": ("{{ meeting.location }}", "{{ meeting.zaal }}", 'het veld "zaal" bestaat niet'),
    "a brace too few": ("{{ meeting.location }}", "{{ meeting.location }", "tag is niet goed geschreven"),
    "a loop never closed": ("{{ meeting.location }}", "{% for punt in items %}",
                            "een {% for %} wordt niet afgesloten (met {% endfor %})"),
    "a sum that cannot be made": ("{{ meeting.location }}", "{{ 1/0 }}", "kan niet worden gevuld: een tag rekent"),
}


@pytest.mark.parametrize(("old", "new", "said"), CASES.values(), ids=CASES.keys())
def test_a_restyled_template_with_a_mistake_says_in_dutch_what_is_wrong_and_writes_nothing(tmp_path, old, new, said):
    restyled_template(tmp_path, (old, new))
    backend = backend_with([{"Nr": 5, "Onderwerp": "Jaarplan", "Minuten": 30}])
    backend.sheets["Instellingen"].append(["Sjabloon agenda", "mijn agenda.docx"])
    with pytest.raises(OrsheetError) as refused:
        generate_agenda(backend, tmp_path / "or.xlsm", DAY, pdf=False)
    message = str(refused.value)
    assert message.startswith("het Word-sjabloon mijn agenda.docx") and said in message, message
    for english in ("undefined", "unexpected", "Jinja", "division", "attribute"):
        assert english not in message
    assert backend.writes == 0 and not (tmp_path / "Agenda's").exists()


def test_a_template_that_is_no_word_document_is_refused_in_dutch(tmp_path):
    (tmp_path / "mijn agenda.docx").write_text("geen Word")
    backend = backend_with([{"Nr": 5, "Onderwerp": "Jaarplan", "Minuten": 30}])
    backend.sheets["Instellingen"].append(["Sjabloon agenda", "mijn agenda.docx"])
    with pytest.raises(OrsheetError, match="het bestand is geen Word-document"):
        generate_agenda(backend, tmp_path / "or.xlsm", DAY, pdf=False)
    assert backend.writes == 0
