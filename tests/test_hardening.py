"""Bad input of every kind: no crash, every error located, nothing written.

Property tests (hypothesis) throw well over 1 000 generated bad workbooks and
texts at the services and pure readers: wrong types, impossible dates,
numbers as text, 32 000-character cells, control characters, formulas in
text cells, duplicate and negative numbers, missing, duplicated and
reordered headers. Most run on the in-memory backend (fast); a few real
.xlsm round trips add merged cells and hidden rows and prove the file on disk
is byte-for-byte unchanged after a failed command.
"""

from __future__ import annotations

import json
import shutil
import tempfile
from datetime import date, datetime
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from orsheet import schema
from orsheet.cli import main
from orsheet.deadlines import interpret
from orsheet.errors import CellError, OrsheetError, ProblemList
from orsheet.model import Person
from orsheet.redact import build_redactor
from orsheet.services.actions import (
    check_workbook,
    close_actions,
    list_actions,
    number_actions,
)
from orsheet.services.overview import overview
from orsheet.services.woo import woo_export
from orsheet.template_file import template_path
from orsheet.workbook.memory import MemoryBackend
from tests.support.cli import run_entry_point as run_cli
from tests.support.cli import run_json

HUGE = "Lange tekst " * 2700  # 32 400 characters, over Excel's 32 767 limit when doubled
FORMULAS = ['=HYPERLINK("http://evil.example","klik")', "=cmd|' /C calc'!A0", "+1+1", "-2+3", "@SUM(A1)",
            "=1/0", "\t=2", "\r=3"]
BAD_TEXTS = ["31-02-2023", "30-02-2024", "2023-13-01", "10/32/2023", "00-00-0000", " 12 ", "12.5", "1e3", "-4",
             "NaN", "inf", "ja?", "eind okt", "#N/A", "#REF!", "", "   ", "\x00\x01\x1f", "\u200b", "٣", "½"]

control_text = st.text(alphabet=st.characters(min_codepoint=0, max_codepoint=0x2FF), max_size=40)
bad_values = st.one_of(
    st.sampled_from(BAD_TEXTS + FORMULAS + [HUGE, HUGE * 2]),
    control_text,
    # Beyond Excel's 15 exact digits and beyond the nine digits of an action number (1e20, 10**25).
    st.integers(min_value=-10**25, max_value=10**25).map(str),
    st.integers(min_value=-10**25, max_value=10**25),
    st.sampled_from([10**9, 10**15 + 1, 99999999999999999999, 1e20, 1e300, -1e20, "1e20", "99999999999999999999"]),
    st.floats(allow_nan=True, allow_infinity=True),
    st.booleans(),
    st.dates(min_value=date(1, 1, 1)),
    st.datetimes(min_value=datetime(1, 1, 1)),
    st.times(),
    st.none(),
)
DATA_SHEETS = [s for s in schema.DATA_SHEETS]


@st.composite
def bad_workbooks(draw) -> MemoryBackend:
    """A new workbook with one or two sheets filled with bad rows and bad headers."""
    backend = MemoryBackend.new()
    for spec in draw(st.lists(st.sampled_from(DATA_SHEETS), min_size=1, max_size=2, unique_by=lambda s: s.name)):
        header = list(spec.headers)
        change = draw(st.sampled_from(["none", "none", "drop", "shuffle", "duplicate", "blank", "extra"]))
        if change == "drop":
            header.pop(draw(st.integers(0, len(header) - 1)))
        elif change == "shuffle":
            header = draw(st.permutations(header))
        elif change == "duplicate":
            header.append(draw(st.sampled_from(header)))
        elif change == "blank":
            header[draw(st.integers(0, len(header) - 1))] = draw(st.sampled_from([None, "", "  "]))
        elif change == "extra":
            header.append(draw(st.sampled_from(["Nr ", "nr", "Opmerking", 42])))
        rows = draw(st.lists(st.lists(bad_values, min_size=len(header), max_size=len(header)), max_size=5))
        if spec is schema.ACTIONS and draw(st.booleans()):
            number = draw(st.integers(-5, 5))  # duplicate (possibly negative) numbers
            rows += [[number] + [None] * (len(header) - 1)] * 2
        backend.sheets[spec.name] = [header] + rows
    return backend


def _problems(error: OrsheetError) -> list[OrsheetError]:
    return error.problems if isinstance(error, ProblemList) else [error]


def assert_located(error: OrsheetError, backend: MemoryBackend) -> None:
    for problem in _problems(error):
        assert problem.location is not None, f"error without a place: {problem}"
        assert problem.location.sheet in backend.sheets, problem
        if isinstance(problem, CellError):
            assert problem.location.row is not None and problem.location.column is not None, problem


def run_guarded(operation, backend: MemoryBackend) -> None:
    """Run ``operation``: it either succeeds or fails located without writing."""
    before, writes = repr(backend.sheets), backend.writes
    try:
        operation(backend)
    except OrsheetError as error:
        assert_located(error, backend)
        assert backend.writes == writes and repr(backend.sheets) == before


def check(backend: MemoryBackend) -> None:
    problems = check_workbook(backend)
    if problems:
        raise ProblemList(problems)


def agenda(backend: MemoryBackend) -> None:
    """The agenda of a meeting the (bad) Vergaderingen sheet does list."""
    from orsheet.services.agenda import load_agenda

    grid = backend.sheets[schema.MEETINGS.name]
    column = grid[0].index(schema.DATUM) if schema.DATUM in grid[0] else None
    days = [row[column] for row in grid[1:] if column is not None and isinstance(row[column], date)]
    if days:
        day = days[0].date() if isinstance(days[0], datetime) else days[0]
        load_agenda(backend, day)


OPERATIONS = {
    "check": check,
    "agenda": agenda,
    "list": list_actions,
    "number": number_actions,
    "close": lambda b: close_actions(b, (), date(2023, 10, 12)),
    "overview": lambda b: overview(b, date(2023, 11, 10), person="Jan", write_sheet=True),
}


@settings(max_examples=700, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(backend=bad_workbooks(), name=st.sampled_from(sorted(OPERATIONS)))
def test_bad_workbooks_never_crash_and_every_error_names_its_cell(backend, name):
    run_guarded(OPERATIONS[name], backend)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(backend=bad_workbooks())
def test_woo_export_of_bad_workbooks_fails_located_and_publishes_nothing(backend):
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / "woo"

        def export(b):
            try:
                woo_export(b, out, pdf=False)
            except OrsheetError:
                assert not out.exists() or list(out.iterdir()) == []
                raise

        run_guarded(export, backend)


NAMES = ["Jan de Vries", "Anna Bakker", "Pieter van den Berg", "Roos", "Olivier de Bruijne"]
fragments = st.one_of(st.sampled_from(NAMES + ["de", "Vries", "J.", "-", " ", "\n", "Jan-", "jan", "5.1.2e",
                                               "BERG", "anna.", "van"]), control_text)


@settings(max_examples=400, deadline=None)
@given(pieces=st.lists(fragments, max_size=12), public=st.booleans())
def test_redacted_text_never_contains_a_redacted_name(pieces, public):
    people = [Person(n, public=(public and n == "Olivier de Bruijne")) for n in NAMES]
    redactor = build_redactor(people)
    text = "".join(pieces)
    result = redactor.redact(text)
    assert redactor.leaks(result.text) == []
    assert sum(result.counts.values()) == result.text.count("5.1.2e") - text.count("5.1.2e")


@settings(max_examples=300, deadline=None)
@given(text=st.one_of(control_text, st.sampled_from(BAD_TEXTS + FORMULAS)), reference=st.one_of(st.none(), st.dates()))
def test_any_typed_deadline_gives_a_date_or_none(text, reference):
    found = interpret(text, reference)
    assert found is None or isinstance(found, date)


# -- real files: merged cells, hidden rows, big cells -------------------------

FILE_CASES = {
    "impossible date in a hidden row": [("Acties", "A2", 1), ("Acties", "F2", "31-02-2023"), ("hide", 2)],
    "formula text and merged cells": [("Acties", "B2", FORMULAS[1]), ("Acties", "C2", FORMULAS[0]),
                                      ("merge", "Acties", "B3:C3"), ("Acties", "B3", "samengevoegd")],
    "number as text and a huge cell": [("Acties", "A2", " 12 "), ("Acties", "C2", HUGE), ("Acties", "A3", "twaalf")],
    "duplicate negative numbers": [("Acties", "A2", -3), ("Acties", "A3", -3), ("Acties", "B3", "\tbel\r\u200b")],
    "missing header": [("Besluiten", "B1", None), ("Besluiten", "B2", "1-1-2023"), ("Besluiten", "A2", 4)],
    "reordered headers": [("Personen", "A1", "Rol"), ("Personen", "B1", "Naam"), ("Personen", "C2", "misschien")],
}
COMMANDS = [["number"], ["close"], ["overview", "--sheet"], ["check"],
            ["woo-export", "--no-pdf", "--out", "{out}"]]


def _prepare(path: Path, changes) -> None:
    book = openpyxl.load_workbook(path, keep_vba=True)
    for change in changes:
        if change[0] == "hide":
            book["Acties"].row_dimensions[change[1]].hidden = True
        elif change[0] == "merge":
            book[change[1]].merge_cells(change[2])
        else:
            sheet, cell, value = change
            book[sheet][cell] = value
            if isinstance(value, str) and value.startswith("="):
                book[sheet][cell].data_type = "s"
    book.save(path)


# The exit code each command must give on each case (1: refused, located, nothing written; 0: done,
# every cell the case typed kept). The commands only read the sheets they need: a broken Besluiten
# header does not stop number or close; check reads everything.
EXPECTED_EXIT = {
    "impossible date in a hidden row": dict(number=1, close=1, overview=1, check=1, woo_export=1),
    "formula text and merged cells": dict(number=0, close=0, overview=0, check=0, woo_export=0),
    "number as text and a huge cell": dict(number=1, close=1, overview=1, check=1, woo_export=1),
    "duplicate negative numbers": dict(number=1, close=1, overview=0, check=1, woo_export=0),
    "missing header": dict(number=0, close=0, overview=0, check=1, woo_export=1),
    "reordered headers": dict(number=0, close=0, overview=1, check=1, woo_export=1),
}
READ_ONLY = {"check", "woo_export"}  # never write the workbook, also when they succeed


def _typed_cells(path: Path, changes) -> dict[tuple[str, str], object]:
    book = openpyxl.load_workbook(path)
    return {(c[0], c[1]): book[c[0]][c[1]].value for c in changes if c[0] not in ("hide", "merge")}


@pytest.mark.parametrize("command", COMMANDS, ids=[c[0] for c in COMMANDS])
@pytest.mark.parametrize("case", sorted(FILE_CASES))
def test_failed_command_leaves_the_real_workbook_unchanged(tmp_path, case, command):
    path = tmp_path / "or.xlsm"
    shutil.copyfile(template_path(), path)
    _prepare(path, FILE_CASES[case])
    before, typed = path.read_bytes(), _typed_cells(path, FILE_CASES[case])
    args = [command[0], str(path), *(a.replace("{out}", str(tmp_path / "woo")) for a in command[1:]), "--json"]
    result = CliRunner().invoke(main, args)
    name = command[0].replace("-", "_")
    assert result.exit_code == EXPECTED_EXIT[case][name], result.output
    output = json.loads(result.output)
    if result.exit_code == 1:
        error = output["error"]
        for problem in error.get("problems", [error]):
            assert problem.get("sheet"), problem
        assert path.read_bytes() == before
    else:
        assert "error" not in output
        if name in READ_ONLY:
            assert path.read_bytes() == before
        assert _typed_cells(path, FILE_CASES[case]) == typed  # the user's cells survive the save


def test_impossible_date_in_a_hidden_row_is_reported_with_its_cell_and_nothing_saved(tmp_path):
    path = tmp_path / "or.xlsm"
    shutil.copyfile(template_path(), path)
    _prepare(path, FILE_CASES["impossible date in a hidden row"])
    before = path.read_bytes()
    result = CliRunner().invoke(main, ["number", str(path), "--json"])
    assert result.exit_code == 1
    [problem] = json.loads(result.output)["error"]["problems"]
    assert (problem["sheet"], problem["row"], problem["column"]) == ("Acties", 2, "Datum")
    assert "31-02-2023" in problem["message"]
    assert path.read_bytes() == before


name_text = st.text(alphabet=st.characters(min_codepoint=0x20, max_codepoint=0x24F), min_size=1, max_size=25)


@settings(max_examples=200, deadline=None)
@given(names=st.lists(name_text, min_size=1, max_size=4), text=st.text(max_size=80), public=st.booleans())
def test_any_name_in_personen_gives_a_working_redactor_that_leaves_no_leaks(names, text, public):
    people = [Person(n, public=(public and i == 0)) for i, n in enumerate(names)]
    redactor = build_redactor(people)
    sample = text + " " + " ".join(names) + " " + text
    result = redactor.redact(sample)
    assert redactor.leaks(result.text) == []


# -- files that are not ours: every command, a Dutch message, exit 1, no traceback --------------


def _zip(path: Path, parts: dict[str, str | bytes]) -> Path:
    import zipfile

    with zipfile.ZipFile(path, "w") as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return path


def _garbage_zip_without_parts(folder: Path) -> Path:
    return _zip(folder / "or.xlsm", {"leesmij.txt": "geen werkmap"})


def _garbage_zip_without_workbook_part(folder: Path) -> Path:
    """Content types and package relationships, but nothing that says where a workbook is."""
    rels = ('<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/'
            'relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/package/2006/'
            'relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>')
    types = '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'
    return _zip(folder / "or.xlsm", {"[Content_Types].xml": types, "_rels/.rels": rels, "docProps/core.xml": "<x/>"})


def _garbage_truncated(folder: Path) -> Path:
    data = template_path().read_bytes()
    path = folder / "or.xlsx"
    path.write_bytes(data[: len(data) // 2])
    return path


def _garbage_word_document(folder: Path) -> Path:
    import docx

    document = docx.Document()
    document.add_paragraph("Notulen van de OR, geen werkmap")
    path = folder / "or.xlsm"
    document.save(path)
    return path


def _garbage_empty(folder: Path) -> Path:
    path = folder / "or.xlsm"
    path.write_bytes(b"")
    return path


def _garbage_directory(folder: Path) -> Path:
    path = folder / "or.xlsm"
    path.mkdir()
    return path


def _garbage_broken_sheets(folder: Path) -> Path:
    """Our own workbook, its package intact, but the XML of every sheet cut in half."""
    import zipfile

    path = folder / "or.xlsm"
    with zipfile.ZipFile(template_path()) as source, zipfile.ZipFile(path, "w") as target:
        for item in source.infolist():
            data = source.read(item)
            if item.filename.startswith("xl/worksheets/sheet"):
                data = data[: len(data) // 2]
            target.writestr(item, data)
    return path


def _garbage_encrypted(folder: Path) -> Path:
    """What Excel saves for a workbook with a password: a compound file (as an old .xls is), not a zip."""
    from orsheet.ooxml.cfb import write_cfb

    path = folder / "or.xlsm"
    path.write_bytes(write_cfb({"EncryptionInfo": b"\x04\x00\x04\x00" + bytes(60), "EncryptedPackage": bytes(600)}))
    return path


GARBAGE = {
    "zip without the parts of a workbook": (_garbage_zip_without_parts, "geen Excel-werkmap"),
    "zip without a workbook part": (_garbage_zip_without_workbook_part, "geen Excel-werkmap"),
    "truncated xlsx": (_garbage_truncated, "beschadigd"),
    "docx renamed to xlsm": (_garbage_word_document, "Word-document"),
    "empty file": (_garbage_empty, "leeg"),
    "directory": (_garbage_directory, "is een map"),
    "sheets cut in half": (_garbage_broken_sheets, "beschadigd"),
    "password-protected workbook": (_garbage_encrypted, "met een wachtwoord beveiligd"),
}
# A command that reads none of the damaged sheets may stop on something else first.
OTHER_FIRST = {("sheets cut in half", "apply-proposal"): "blad Voorstel ontbreekt"}
EVERY_COMMAND = [
    ["check"], ["number"], ["close", "--numbers", "1"], ["actions"], ["overview", "--sheet"],
    ["agenda", "--meeting", "2023-10-12", "--no-pdf"], ["minutes-template", "--meeting", "2023-10-12"],
    ["minutes", "{minutes}", "--apply"], ["apply-proposal"], ["schedule", "--year", "2024", "--apply"],
    ["woo-export", "--no-pdf", "--out", "{out}"], ["import-actions", "{source}"],
    ["setup-excel", "--platform", "win", "--interpreter", "python"],
]


def _arguments(command: list[str], path: Path, folder: Path) -> list[str]:
    minutes = folder / "notulen.txt"
    minutes.write_text("Vergadering van 12 oktober 2023\nActie 1 is afgerond.\n", encoding="utf-8")
    source = folder / "oude lijst.csv"
    source.write_text("nr;onderwerp\n1;Iets\n", encoding="utf-8")
    fill = {"{minutes}": str(minutes), "{out}": str(folder / "woo"), "{source}": str(source)}
    return [command[0], str(path), *(fill.get(a, a) for a in command[1:])]


@pytest.mark.parametrize("garbage", sorted(GARBAGE))
def test_every_command_refuses_a_file_that_is_not_a_workbook_in_dutch_without_a_traceback(tmp_path, garbage):
    make, expected = GARBAGE[garbage]
    for number, command in enumerate(EVERY_COMMAND):
        folder = tmp_path / str(number)
        folder.mkdir()
        path = make(folder)
        before = path.read_bytes() if path.is_file() else None
        code, out, err = run_cli(*_arguments(command, path, folder))
        assert code == 1, (command, out, err)
        assert err.startswith("Fout: ") and OTHER_FIRST.get((garbage, command[0]), expected) in err, (command, err)
        assert "Traceback" not in out + err and "Error" not in err, (command, err)
        assert (path.read_bytes() if path.is_file() else None) == before
        assert not (folder / "backup").exists() and not (folder / "woo").exists()


@pytest.mark.parametrize("garbage", sorted(GARBAGE))
def test_a_file_that_is_not_a_workbook_is_a_json_error_with_json(tmp_path, garbage):
    make, expected = GARBAGE[garbage]
    code, out, err = run_cli("check", str(make(tmp_path)), "--json")
    assert code == 1 and expected in json.loads(out)["error"]["message"] and err == ""


def test_setup_excel_on_a_zip_without_a_workbook_part_names_the_file_in_dutch(tmp_path):
    path = _garbage_zip_without_workbook_part(tmp_path)
    code, out, err = run_cli("setup-excel", str(path), "--platform", "win")
    assert code == 1 and err.startswith(f"Fout: {path.name} is geen Excel-werkmap")
    assert "ValueError" not in err and "not a workbook" not in err


def test_check_on_a_damaged_workbook_names_the_file_and_keeps_calamines_english_out(tmp_path):
    path = _garbage_broken_sheets(tmp_path)
    code, out, err = run_cli("check", str(path))
    assert code == 1 and (path.name in err or "Acties" in err)
    assert "beschadigd" in err and "reservekopie" in err
    for english in ("not found", "Xml", "error", "expected", "invalid"):
        assert english not in err, err


def test_a_bug_gives_a_dutch_message_and_a_log_file_not_a_traceback(template_copy, tmp_path, monkeypatch):
    log = tmp_path / "fouten.log"
    monkeypatch.setenv("ORSHEET_LOG", str(log))

    def broken(*args, **kwargs):
        raise ZeroDivisionError("delen door nul")

    monkeypatch.setattr("orsheet.services.actions.number_actions", broken)
    code, out, err = run_cli("number", str(template_copy))
    assert code == 1 and err.startswith("Fout: orsheet number is niet gelukt door een onverwachte fout")
    assert "ZeroDivisionError: delen door nul" in err and str(log) in err and "Traceback" not in out + err
    assert "Traceback" in log.read_text(encoding="utf-8")
    code, out, err = run_cli("number", str(template_copy), "--json")
    error = json.loads(out)["error"]
    assert code == 1 and error["unexpected"] is True and str(log) in error["message"]


# -- what Excel cannot hold: refused with the cell, exit code 1 (2 for an option), nothing written --


def _workbook(tmp_path: Path, changes) -> Path:
    path = tmp_path / "or.xlsm"
    shutil.copyfile(template_path(), path)
    _prepare(path, changes)
    return path


ONE_ACTION = [("Acties", "A2", 187), ("Acties", "B2", "Thuiswerkbeleid"), ("Acties", "D2", "Bram Jansen"),
              ("Acties", "F2", datetime(2023, 3, 9)), ("Acties", "H2", "afgerond")]


def test_a_closing_date_before_1900_is_a_dutch_usage_error_and_nothing_is_written(tmp_path):
    path = _workbook(tmp_path, ONE_ACTION)
    before = path.read_bytes()
    code, out, err = run_cli("close", path, "--date", "0001-01-01", "--numbers", "187")
    assert code == 2
    assert ("Fout: Ongeldige waarde voor '--date': datum \"0001-01-01\" ligt voor 01-03-1900; "
            "eerdere datums bewaart Excel niet betrouwbaar") in err
    assert "Traceback" not in err and path.read_bytes() == before


def test_every_date_option_reads_dates_the_way_a_datum_cell_does(tmp_path):
    path = _workbook(tmp_path, ONE_ACTION)
    code, result = run_json("close", path, "--date", "26.10.23")
    assert code == 0 and result["date"] == "2023-10-26"


def test_a_datum_typed_before_1900_blocks_numbering_with_its_cell_and_nothing_is_written(tmp_path):
    path = _workbook(tmp_path, [("Acties", "B2", "Oud"), ("Acties", "F2", "07-03-1023")])
    before = path.read_bytes()
    code, result = run_json("number", path)
    assert code == 1
    [problem] = result["error"]["problems"]
    assert problem["message"] == ('Acties!F2 (Datum): datum "07-03-1023" ligt voor 01-03-1900; '
                                  "eerdere datums bewaart Excel niet betrouwbaar")
    assert path.read_bytes() == before


def test_check_names_a_deadline_typed_before_1900_which_is_kept_as_text(tmp_path):
    path = _workbook(tmp_path, [("Acties", "A2", 1), ("Acties", "G2", "01-01-1023")])
    code, result = run_json("check", path)
    assert code == 1
    assert [p["message"] for p in result["error"]["problems"]] == [
        'Acties!G2 (Deadline): datum "01-01-1023" ligt voor 01-03-1900; eerdere datums bewaart Excel niet '
        "betrouwbaar (bewaard als tekst)"]


@pytest.mark.parametrize("kind, number", [("csv", "99999999999999999999"), ("xlsx", 1e20), ("xlsx", 10**20)])
def test_import_of_an_action_number_over_nine_digits_is_refused_with_its_cell(tmp_path, kind, number):
    path = _workbook(tmp_path, [])
    source = tmp_path / f"oud.{kind}"
    if kind == "csv":
        source.write_text(f"Nr;Onderwerp\n{number};Te groot\n", encoding="utf-8")
    else:
        book = openpyxl.Workbook()
        book.active.append(["Nr", "Onderwerp"])
        book.active.append([number, "Te groot"])
        book.save(source)
    before = path.read_bytes()
    code, result = run_json("import-actions", path, source)
    assert code == 1
    [problem] = result["error"].get("problems", [result["error"]])
    assert problem["row"] == 2 and problem["column"] == "Nr"
    shown = "1E+20" if kind == "xlsx" else number  # an .xlsx holds a double: shown as Excel (and Acties!A2) shows it
    assert problem["message"].endswith(f"(Nr): nummer {shown} is te groot; een actienummer heeft "
                                       "hoogstens negen cijfers (tot en met 999.999.999)")
    assert path.read_bytes() == before


def _refused(path: Path, *args) -> dict:
    """Run a command that must be refused: exit 1, nothing written; its JSON error."""
    before = path.read_bytes()
    code, result = run_json(*args)
    assert code == 1, result
    assert path.read_bytes() == before
    return result["error"]


@pytest.mark.parametrize("cells, message", [
    # Excel keeps both as the double 1E+20, and the message shows it as Excel does.
    ([("Acties", "A2", 10**20)], "Acties!A2 (Nr): nummer 1E+20 is te groot; een actienummer heeft hoogstens "
                                 "negen cijfers (tot en met 999.999.999)"),
    ([("Acties", "A2", 1e20)], "Acties!A2 (Nr): nummer 1E+20 is te groot"),
    ([("Acties", "A2", "99999999999999999999")], "Acties!A2 (Nr): nummer 99999999999999999999 is te groot"),
    ([("Instellingen", "B3", 1e300)], "Instellingen!B3 (Waarde): laatste nummer 1E+300 is te groot; "
                                      "een actienummer heeft hoogstens negen cijfers (tot en met 999.999.999)"),
    ([("Instellingen", "B3", 999_999_999)], "Acties!A3 (Nr): het volgende actienummer (1000000000) heeft meer dan "
                                            "negen cijfers; geef deze actie zelf een vrij nummer"),
], ids=["10**20", "1e20", "20 nines as text", "Laatste nummer 1e300", "past 999999999"])
def test_an_action_number_over_nine_digits_blocks_numbering_with_its_cell(tmp_path, cells, message):
    path = _workbook(tmp_path, [*cells, ("Acties", "B3", "Zonder nummer")])
    error = _refused(path, "number", path)
    assert error.get("problems", [error])[0]["message"].startswith(message)


def test_minutes_with_an_action_text_longer_than_a_cell_holds_are_refused_and_nothing_is_written(tmp_path):
    path = _workbook(tmp_path, [("Instellingen", "B3", 207)])
    minutes = tmp_path / "notulen.txt"
    minutes.write_text("Notulen OR-vergadering 26-10-2023\n\nDe brief wordt verstuurd (actie: Bram Jansen "
                       + "heel lang " * 4000 + ").\n", encoding="utf-8")
    before = path.read_bytes()
    code, result = run_json("minutes", path, minutes, "--apply")
    assert code == 1
    message = result["error"]["message"]
    assert message.startswith("blad Acties: nieuwe rij 1 (actie 208), kolom Omschrijving: de tekst is ")
    assert "Excel bewaart hoogstens 32.767 tekens in een cel" in message
    assert path.read_bytes() == before


# -- --person: one rule in actions and overview ------------------------------------------------------

PEOPLE = [("Acties", "A2", 1), ("Acties", "B2", "Brief"), ("Acties", "D2", "Bram Jansen"),
          ("Acties", "A3", 2), ("Acties", "B3", "Begroting"), ("Acties", "D3", "José de Vries en Anna"),
          ("Personen", "A2", "José de Vries"), ("Personen", "A3", "Bram Jansen")]


@pytest.mark.parametrize("person, numbers", [
    ("Jansen", [1]), ("bram", [1]), ("Jose", [2]), ("DE VRIES", [2]), ("José de Vries", [2]), ("anna", [2]),
    ("J. de Vries", [2]), ("B. Jansen", [1]),  # forms of a Personen name
])
def test_actions_and_overview_find_a_person_by_whole_name_parts(tmp_path, person, numbers):
    path = _workbook(tmp_path, PEOPLE)
    code, listed = run_json("actions", path, "--person", person)
    assert code == 0 and [a["number"] for a in listed["actions"]] == numbers and "message" not in listed
    code, result = run_json("overview", path, "--person", person, "--today", "2023-11-01")
    assert code == 0 and "niemand heet" not in result["message"]
    assert sorted({line["number"] for lines in result["people"].values() for line in lines}) == numbers


def test_a_part_of_a_name_is_no_name_and_both_commands_say_nobody_has_it(tmp_path):
    path = _workbook(tmp_path, PEOPLE)
    code, listed = run_json("actions", path, "--person", "Jan")  # not "Bram Jansen"
    assert code == 0 and listed["actions"] == []
    assert listed["message"] == 'Let op: niemand heet "Jan" in de kolom Verantwoordelijke van Acties en Archief.'
    code, out, _ = run_cli("actions", path, "--person", "Jan")
    assert out.splitlines()[0] == listed["message"]
    code, result = run_json("overview", path, "--person", "Jan", "--today", "2023-11-01")
    assert result["message"].startswith('Let op: niemand heet "Jan" in Personen of in de kolom Verantwoordelijke')
    assert result["people"] == {}


def test_a_deadline_read_as_a_date_before_1900_does_not_block_numbering_and_stays_as_typed(tmp_path):
    path = _workbook(tmp_path, [("Acties", "B2", "Oud"), ("Acties", "F2", datetime(2023, 3, 9)),
                                ("Acties", "G2", "eind 1023")])
    code, result = run_json("number", path)
    assert code == 0, result
    sheet = openpyxl.load_workbook(path)["Acties"]
    assert (sheet["A2"].value, sheet["G2"].value, sheet["K2"].value) == (1, "eind 1023", None)


@pytest.mark.parametrize("numbers, message", [
    ("99999999999999999999", "Ongeldige waarde voor '--numbers': een actienummer heeft hoogstens negen cijfers "
                             "(tot en met 999.999.999)"),
    ("999999998-1000000001", "Ongeldige waarde voor '--numbers': een actienummer heeft hoogstens negen cijfers"),
    ("1-999999999999", "Ongeldige waarde voor '--numbers': \"1-999999999999\" is een reeks van meer dan 100.000 nummers"),
])
def test_close_numbers_past_nine_digits_or_a_huge_range_are_a_usage_error_not_a_crash(tmp_path, numbers, message):
    path = _workbook(tmp_path, ONE_ACTION)
    before = path.read_bytes()
    code, out, err = run_cli("close", path, "--numbers", numbers)
    assert code == 2 and message in err, err
    assert path.read_bytes() == before
