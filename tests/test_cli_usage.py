"""Usage errors in Dutch like every other message (exit 2), --help in English, dates as JJJJ-MM-DD."""

from __future__ import annotations

import json
import re
from pathlib import Path

import click
from click.testing import CliRunner
import pytest

from orsheet.cli import COMMANDS, main
from orsheet.commands import dutch_usage
from tests.support.cli import run_entry_point as run_cli


USAGE_ERRORS = [
    (["close", "{wb}", "--date", "2023-13-45"],
     "Ongeldige waarde voor '--date': '2023-13-45' is geen datum; schrijf JJJJ-MM-DD of DD-MM-JJJJ"),
    (["woo-export", "{wb}", "--out", "{folder}", "--from", "gisteren"], "Ongeldige waarde voor '--from': 'gisteren' is geen datum"),
    (["close"], "Ontbrekend argument 'PATH'."),
    (["close", "{wb}", "--bogus"], "Onbekende optie '--bogus'."),
    (["close", "{wb}", "--numbr", "3"], "Onbekende optie '--numbr'. Bedoelt u '--numbers'?"),
    (["clsoe", "{wb}"], "Onbekende opdracht 'clsoe'. Bedoelt u 'close'?"),
    (["schedule", "{wb}", "--year", "twintig"], "Ongeldige waarde voor '--year': 'twintig' is geen geldig getal."),
    (["schedule", "{wb}"], "Ontbrekende optie '--year'."),
    (["setup-excel", "{wb}", "--platform", "linux"], "'linux' is niet een van 'win', 'mac'."),
    (["close", "{wb}", "--numbers"], "Optie '--numbers' heeft een waarde nodig."),
    (["close", "{wb}", "extra"], "Onverwacht extra argument (extra)"),
    (["minutes", "{wb}", "{folder}"], "is een map, geen bestand."),
    (["minutes", "{wb}", "{wb}", "--meeting", "31-02-2023"], "Ongeldige waarde voor '--meeting': '31-02-2023' is geen datum"),
    (["close", "{wb}", "--numbers", "3,drie"], "Ongeldige waarde voor '--numbers': \"drie\" is geen actienummer"),
]


@pytest.mark.parametrize("args, dutch", USAGE_ERRORS, ids=[" ".join(a[:1] + a[2:3]) for a, _ in USAGE_ERRORS])
def test_a_usage_error_is_explained_in_dutch_with_exit_code_2(template_copy, args, dutch):
    filled = [a.replace("{wb}", str(template_copy)).replace("{folder}", str(template_copy.parent)) for a in args]
    code, out, err = run_cli(*filled)
    assert code == 2
    assert dutch in err and "Fout: " in err, err
    assert "Error" not in err and "Invalid value" not in err and "Traceback" not in err


def test_a_usage_error_with_json_is_one_dutch_json_document(template_copy):
    code, out, err = run_cli("close", template_copy, "--json", "--date", "morgen")
    assert code == 2
    error = json.loads(out)["error"]
    assert error["usage"] is True and error["message"].startswith("Ongeldige waarde voor '--date': 'morgen' is geen datum")


def help_of(name: str) -> str:
    # Through the group as a user calls it: a bare click.Context would lack the group's context
    # settings (-h), and click caches a command's help option from the first context that asks.
    result = CliRunner().invoke(main, [name, "--help"], prog_name="orsheet")
    assert result.exit_code == 0, result.output
    return result.output


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_help_stays_english_and_shows_dates_as_jjjj_mm_dd_never_as_strptime_patterns(name):
    text = help_of(name)
    assert "Show this message and exit." in text and "Options:" in text
    assert not re.search(r"%[YmdHM]", text), text
    assert "YYYY" not in text


def test_date_options_say_jjjj_mm_dd_or_dd_mm_jjjj():
    for name in ("close", "schedule", "woo-export", "overview"):
        assert "[JJJJ-MM-DD|DD-MM-JJJJ]" in help_of(name), name


def test_dates_are_accepted_in_both_forms_and_become_dates(template_copy):
    from datetime import date

    from orsheet.commands._common import DATE

    assert DATE.convert("2023-10-12", None, None) == DATE.convert("12-10-2023", None, None) == date(2023, 10, 12)


def test_every_translated_message_still_occurs_in_clicks_source():
    """A click release that rewords a message must fail here, not quietly turn English again."""
    source = "".join(Path(click.__file__).with_name(f"{m.split('.')[1]}.py").read_text(encoding="utf-8")
                     for m in dutch_usage.MODULES)
    flat = re.sub(r'"\s*\n\s*"', "", source)  # messages click splits over two string literals
    missing = [key for key in dutch_usage.CATALOG if f'"{key}"' not in flat]
    missing += [s for pair in dutch_usage.PLURALS for s in pair if f'"{s}"' not in flat]
    assert missing == []


def test_every_dutch_message_keeps_the_placeholders_click_fills():
    for english, dutch in dutch_usage.CATALOG.items():
        assert set(re.findall(r"{(\w+)", dutch)) <= set(re.findall(r"{(\w+)", english)), english
    for pair, dutch_pair in dutch_usage.PLURALS.items():
        for english, dutch in zip(pair, dutch_pair):
            assert set(re.findall(r"{(\w+)", dutch)) <= set(re.findall(r"{(\w+)", english)), english


def test_a_library_warning_never_reaches_the_screen(template_copy, monkeypatch):
    import warnings

    def noisy(*args, **kwargs):
        warnings.warn("Data Validation extension is not supported and will be removed", UserWarning)
        raise SystemExit(0)

    monkeypatch.setattr("orsheet.services.actions.check_workbook", noisy)
    with warnings.catch_warnings(record=True) as shown:
        warnings.simplefilter("default")  # as a plain `python` shows them
        code, out, err = run_cli("check", template_copy)
    assert code == 0 and shown == [] and "UserWarning" not in err
