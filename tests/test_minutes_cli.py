"""`orsheet minutes` and `orsheet apply-proposal` on a real .xlsm, as a user runs them."""

from __future__ import annotations

from pathlib import Path

import pytest

from orsheet import records, schema
from orsheet.workbook.base import AppendRows, UpdateCells
from orsheet.workbook.file import FileBackend
from tests.minutes_support import DATA, OV_ACTIONS, action_rows, docx_from_minutes_text, file_workbook
from tests.support.cli import run, run_json

MINUTES_12 = DATA / "notulen-2023-10-12.txt"
MINUTES_26 = DATA / "notulen-2023-10-26.txt"


def read_numbers(path: Path, sheet: str) -> list[int]:
    table = FileBackend(path).read([sheet])[sheet]
    return sorted(a.number for a in records.actions_from_table(table))


@pytest.fixture
def list_28_september(tmp_path) -> Path:
    return file_workbook(tmp_path, "2023-09-28")


def test_minutes_preview_prints_the_proposal_and_leaves_the_file_untouched(list_28_september):
    before = list_28_september.read_bytes()
    result = run("minutes", list_28_september, MINUTES_12, "--meeting", "2023-10-12")
    assert result.exit_code == 0
    assert "Acties afronden, zeker (4):" in result.output and "Overdracht" in result.output
    assert "Nieuwe acties, zeker (5):" in result.output and "  341  [Actualiteit en ingekomen stukken] 5.1.2e:" in result.output
    assert "Gebruik --apply" in result.output
    assert list_28_september.read_bytes() == before


def test_minutes_preview_json_shows_current_text_of_actions_to_close(list_28_september):
    code, data = run_json("minutes", list_28_september, MINUTES_12, "--meeting", "2023-10-12")
    assert code == 0 and data["applied"] is False
    assert [c["number"] for c in data["closures"]] == [325, 330, 338, 340]
    assert data["closures"][2]["current"]["description"] == "Vertellen over gesprek met stas en DB-benoemingen"
    assert [a["number"] for a in data["new_actions"]] == [341, 342, 343, 344, 345]
    assert len(data["decisions"]) == 2


def test_minutes_docx_applied_to_the_xlsm_close_and_create_in_one_save(list_28_september, tmp_path):
    docx_path = docx_from_minutes_text(MINUTES_12, tmp_path / "Notulen OR 12-10-2023.docx", heading_styles=False)
    code, data = run_json("minutes", list_28_september, docx_path, "--meeting", "2023-10-12", "--apply")
    assert code == 0 and data["applied"] is True
    assert read_numbers(list_28_september, schema.ARCHIVE.name) == [325, 330, 338, 340]
    assert read_numbers(list_28_september, schema.ACTIONS.name) == [133, 269, 332, 333, 334, 337, 339, 341, 342, 343, 344, 345]
    backend = FileBackend(list_28_september)
    logboek = backend.read(["Logboek"])["Logboek"]
    assert [row.get("Bestand") for row in logboek.rows] == ["Notulen OR 12-10-2023.docx"]
    besluiten = records.decisions_from_table(backend.read([schema.DECISIONS.name])[schema.DECISIONS.name])
    assert [d.source for d in besluiten] == ["Notulen 12-10-2023 (Notulen OR 12-10-2023.docx)"] * 2


def test_minutes_replay_12_then_26_october_through_the_cli(tmp_path):
    path = file_workbook(tmp_path, "2023-09-28")
    assert run("minutes", path, MINUTES_12, "--meeting", "2023-10-12", "--apply").exit_code == 0
    # The OV of 19 Oct took 346 and 347 from the same sequence.
    FileBackend(path).write([AppendRows(schema.ACTIONS.name, action_rows("2023-09-28", OV_ACTIONS)[-2:])])
    code, data = run_json("minutes", path, MINUTES_26, "--meeting", "2023-10-26", "--apply")
    assert code == 0
    assert [c["number"] for c in data["closures"]] == [333, 334, 341, 342, 343, 344, 345]
    assert [a["number"] for a in data["new_actions"]] == [348]
    assert read_numbers(path, schema.ACTIONS.name) == [133, 269, 332, 337, 339, 346, 347, 348]
    logboek = FileBackend(path).read(["Logboek"])["Logboek"]
    assert [row.get("Bestand") for row in logboek.rows] == ["notulen-2023-10-12.txt", "notulen-2023-10-26.txt"]


def test_minutes_applied_twice_leave_the_file_unchanged_the_second_time(list_28_september):
    assert run("minutes", list_28_september, MINUTES_12, "--meeting", "2023-10-12", "--apply").exit_code == 0
    after_first = list_28_september.read_bytes()
    result = run("minutes", list_28_september, MINUTES_12, "--meeting", "2023-10-12", "--apply")
    assert result.exit_code == 0
    assert "al eerder verwerkt" in result.output and "al afgerond op 12-10-2023" in result.output
    assert list_28_september.read_bytes() == after_first


# ------------------------------------------------------------------ bad input


def _encrypted_docx(tmp_path: Path) -> Path:
    pytest.importorskip("msoffcrypto", reason="msoffcrypto-tool (via oletools) makes the encrypted file")
    from msoffcrypto.format.ooxml import OOXMLFile

    plain = docx_from_minutes_text(MINUTES_12, tmp_path / "plain.docx")
    locked = tmp_path / "beveiligd.docx"
    with open(plain, "rb") as source, open(locked, "wb") as target:
        OOXMLFile(source).encrypt("geheim", target)
    return locked


def _bad_inputs(tmp_path: Path) -> dict[str, tuple[Path, str]]:
    (tmp_path / "leeg.docx").write_bytes(b"")
    (tmp_path / "kapot.docx").write_bytes(b"PK\x03\x04 niet echt een zip")
    (tmp_path / "typo.txt").write_text("# 4. Actielijst\n\nActie 3250 is afgerond.\n", encoding="utf-8")
    return {
        "empty": (tmp_path / "leeg.docx", "leeg.docx is leeg"),
        "corrupt": (tmp_path / "kapot.docx", "kapot.docx is geen geldig Word-document"),
        "password": (_encrypted_docx(tmp_path), "beveiligd met een wachtwoord"),
        "unknown-number": (tmp_path / "typo.txt", "actie 3250 bestaat niet"),
        "missing": (tmp_path / "weg.docx", "weg.docx bestaat niet"),
    }


@pytest.mark.parametrize("case", ["empty", "corrupt", "password", "unknown-number", "missing"])
def test_minutes_bad_input_gives_a_dutch_message_exit_1_and_an_untouched_workbook(list_28_september, tmp_path, case):
    minutes, message = _bad_inputs(tmp_path)[case]
    before = list_28_september.read_bytes()
    result = run("minutes", list_28_september, minutes, "--meeting", "2023-10-12", "--apply")
    assert result.exit_code == 1
    assert "Fout:" in result.output and message in result.output
    assert list_28_september.read_bytes() == before


def test_minutes_bad_input_as_json_is_an_error_document(list_28_september, tmp_path):
    minutes, message = _bad_inputs(tmp_path)["corrupt"]
    code, data = run_json("minutes", list_28_september, minutes, "--meeting", "2023-10-12", "--apply")
    assert code == 1 and message in data["error"]["message"]


NOTHING = (
    "Notulen MR 12 oktober 2023\n\nAanwezig: Amal, Desiree\n\n1. Opening\n\nDe voorzitter opent de vergadering. "
    "De agenda wordt vastgesteld. Het rooster is vorig schooljaar al besloten.\n"
)


def test_minutes_in_which_nothing_is_found_exit_0_and_show_the_near_misses(list_28_september, tmp_path):
    minutes = tmp_path / "niets.txt"
    minutes.write_text(NOTHING, encoding="utf-8")
    before = list_28_september.read_bytes()
    result = run("minutes", list_28_september, minutes)
    assert result.exit_code == 0, result.output
    assert "Niets gevonden in deze notulen; er is niets gewijzigd." in result.output
    assert "Het rooster is vorig schooljaar al besloten. (geen besluit: meldt een besluit van eerder" in result.output
    assert "De agenda wordt vastgesteld. (geen besluit: gaat over de agenda" in result.output
    assert list_28_september.read_bytes() == before


def test_minutes_in_which_nothing_is_found_as_json_list_the_near_misses(list_28_september, tmp_path):
    minutes = tmp_path / "niets.txt"
    minutes.write_text(NOTHING, encoding="utf-8")
    code, data = run_json("minutes", list_28_september, minutes, "--apply")
    assert code == 0 and data["new_actions"] == data["decisions"] == data["closures"] == []
    assert len(data["near_misses"]) == 2 and not data["applied"]


def test_minutes_meeting_that_is_not_a_date_is_a_usage_error_naming_the_option(list_28_september):
    before = list_28_september.read_bytes()
    result = run("minutes", list_28_september, MINUTES_12, "--meeting", "31-02-2023")
    assert result.exit_code == 2
    assert "Ongeldige waarde voor '--meeting': '31-02-2023' is geen datum" in result.output
    assert list_28_september.read_bytes() == before


def test_minutes_meeting_is_read_as_a_vergaderingen_date_cell(list_28_september):
    code, data = run_json("minutes", list_28_september, MINUTES_12, "--meeting", "12.10.2023")
    assert code == 0 and data["meeting"] == "2023-10-12"


@pytest.mark.parametrize("options, dutch", [
    (["--apply", "--propose"], "kies --apply of --propose, niet allebei"),
    (["--include-possible"], "--include-possible hoort bij --apply"),
])
def test_minutes_options_that_exclude_each_other_are_a_usage_error(list_28_september, options, dutch):
    before = list_28_september.read_bytes()
    result = run("minutes", list_28_september, MINUTES_12, *options)
    assert result.exit_code == 2 and dutch in result.output
    assert list_28_september.read_bytes() == before


# --------------------------------------------------------------- Voorstel path


def test_minutes_propose_then_apply_proposal_applies_rows_marked_ja(list_28_september):
    assert run("minutes", list_28_september, MINUTES_12, "--meeting", "2023-10-12", "--propose").exit_code == 0
    assert read_numbers(list_28_september, schema.ARCHIVE.name) == []
    FileBackend(list_28_september).write([UpdateCells("Voorstel", 2, {"Toepassen": "nee"})])  # keep 325 open
    code, data = run_json("apply-proposal", list_28_september)
    assert code == 0 and data["applied"] is True
    assert read_numbers(list_28_september, schema.ARCHIVE.name) == [330, 338, 340]
    assert 345 in read_numbers(list_28_september, schema.ACTIONS.name)
    again = run("apply-proposal", list_28_september)
    assert again.exit_code == 1 and "Geen regels met Toepassen = ja" in again.output


def test_minutes_apply_proposal_without_a_voorstel_sheet_says_what_to_do(list_28_september):
    result = run("apply-proposal", list_28_september)
    assert result.exit_code == 1 and "blad Voorstel ontbreekt" in result.output


def test_minutes_preview_with_an_unknown_number_warns_that_apply_will_refuse(list_28_september, tmp_path):
    minutes = tmp_path / "typo.txt"
    minutes.write_text("# 4. Actielijst\n\nActies 325 en 3250 zijn afgerond.\n", encoding="utf-8")
    result = run("minutes", list_28_september, minutes, "--meeting", "2023-10-12")
    assert result.exit_code == 0
    assert "actie 3250 bestaat niet in Acties of Archief" in result.output
    assert "--apply weigert zolang actie 3250 niet bestaat" in result.output


def test_minutes_without_agenda_headings_show_no_empty_brackets_in_the_preview(list_28_september, tmp_path):
    minutes = tmp_path / "zonder-kopjes.txt"
    minutes.write_text("Verslag OR-vergadering 12 oktober 2023\n\nDe OR besluit de enquête te houden.\n", encoding="utf-8")
    result = run("minutes", list_28_september, minutes, "--meeting", "2023-10-12")
    assert result.exit_code == 0, result.output
    assert "De OR besluit de enquête te houden." in result.output
    assert "[]" not in result.output


def test_minutes_of_another_council_as_pdf_give_its_action_table_as_sure_actions_with_deadlines(list_28_september):
    pdf = Path(__file__).parent / "data" / "minutes_unseen" / "unseen-11-sportvereniging.pdf"
    code, data = run_json("minutes", list_28_september, pdf)
    assert code == 0 and data["applied"] is False
    sure = [(a["owner"], a["deadline"]) for a in data["new_actions"]]
    assert sure == [("Tim", "2024-10-01"), ("Noor", "2024-09-30"), ("Marloes en Gijs", "2024-09-30"),
                    ("Lisa", "2024-11-15")]  # read against the meeting of 9 September 2024
    assert [a["owner"] for a in data["possible_new_actions"]] == ["Marloes en Gijs"]
    assert [d["text"][:20] for d in data["decisions"]] == ["Het bestuur besluit "]
