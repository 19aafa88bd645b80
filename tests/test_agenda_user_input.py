"""What a secretary types or makes that the agenda must cope with: a restyled Word template with a mistake (a
Dutch sentence saying what is wrong, never Jinja's English or the bug message, nothing written) and a meeting
kind that cannot be part of a file name as typed."""

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


def test_a_meeting_kind_with_a_slash_or_colon_still_gives_an_agenda_file(tmp_path):
    """Councils write "OR/MR-overleg"; "/" ":" "?" cannot be in a file name (":" and "?" not on Windows)."""
    backend = backend_with([{"Nr": 1, "Onderwerp": "Jaarplan", "Minuten": 30}])
    meetings = backend.sheets["Vergaderingen"]
    meetings[1][meetings[0].index("Soort")] = "OR/OV: overleg?"
    result = generate_agenda(backend, tmp_path / "or.xlsm", DAY, pdf=False)
    assert result.docx == tmp_path / "Agenda's" / f"Agenda OR-OV- overleg {DAY.isoformat()}.docx"
    assert result.docx.is_file()
