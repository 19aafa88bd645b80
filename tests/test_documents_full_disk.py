"""A full disk while orsheet writes a document: exit 1, one Dutch line, no traceback, nothing half-written.

The disk is real: a small tmpfs mounted for the test (``mount`` needs root; the tests run as
root here and in CI, elsewhere they skip and say why), filled up to the room the case needs.
A file size limit (``ulimit -f``, EFBIG) needs no root: one test runs the Woo export under it
in a child process, where Python would print "Exception ignored in: ZipFile.__del__" after a
library's unclosed zip file.
"""

from __future__ import annotations

import gc
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from orsheet.documents.pdf import find_soffice
from orsheet.workbook.base import UpdateCells
from orsheet.workbook.file import FileBackend
from tests.agenda_support import filled_workbook
from tests.support.cli import run_entry_point
from tests.test_safe_save import tmpfs

MEETING = "2023-10-26"
ENGLISH = re.compile(r"Errno|No space|File too large|Permission denied|Traceback|Exception|Error\b")


@pytest.fixture
def disk(tmp_path):
    """A 128 KiB tmpfs (skips where it cannot be mounted)."""
    for folder in tmpfs(tmp_path / "schijf", "size=128k"):
        if folder is None:
            pytest.skip("a real full disk needs a small tmpfs, and mounting one needs root")
        yield folder


def fill(disk: Path, room: int = 0) -> None:
    """Fill ``disk`` up, then free ``room`` bytes (rounded to the 4 KiB pages tmpfs counts in)."""
    filler = disk / "vulling.bin"
    with open(filler, "wb", buffering=0) as stream:
        try:
            while True:
                stream.write(b"\0" * 4096)
        except OSError:
            pass
    os.truncate(filler, max(0, filler.stat().st_size - room))


def contents(folder: Path) -> dict[str, int]:
    return {str(p.relative_to(folder)): p.stat().st_size for p in sorted(folder.rglob("*"))}


@pytest.fixture
def workbook(tmp_path, disk, monkeypatch):
    """The filled workbook (on the ordinary disk) with its agenda folder on the small one."""
    monkeypatch.setenv("ORSHEET_LOG", str(tmp_path / "orsheet-fouten.log"))
    monkeypatch.setenv("ORSHEET_SOFFICE", "/nonexistent/soffice")
    path = filled_workbook(tmp_path)
    settings = FileBackend(path).read(["Instellingen"])["Instellingen"]
    row = next(r.number for r in settings.rows if r.values["Instelling"] == "Map agenda's")
    FileBackend(path).write([UpdateCells("Instellingen", row, {"Waarde": str(disk / "Agenda's")})])
    return path


def refused(*args) -> str:
    """Run the command as the shell does; it must fail with one Dutch line about the full disk,
    and leave no file of a library open (closed later, it would fail again outside every handler)."""
    late: list[str] = []
    previous = sys.unraisablehook
    sys.unraisablehook = lambda unraisable: late.append(f"{unraisable.exc_value!r} in {unraisable.object!r}")
    try:
        code, out, err = run_entry_point(*args)  # orsheet's own hook replaces ours: it logs instead
        gc.collect()
    finally:
        sys.unraisablehook = previous
    assert late == []
    assert code == 1 and out == "", (code, out, err)
    assert len(err.splitlines()) == 1 and err.startswith("Fout: "), err
    assert "de schijf is vol" in err and "Maak ruimte vrij" in err and not ENGLISH.search(err), err
    log = Path(os.environ["ORSHEET_LOG"])
    assert not log.exists(), log.read_text()  # nothing late either (sys.unraisablehook writes there)
    return err


@pytest.mark.parametrize("room", [0, 12 * 1024], ids=["vol", "bijna-vol"])
def test_an_agenda_on_a_full_disk_is_one_dutch_line_and_leaves_folder_and_workbook_as_they_were(
        workbook, disk, room):
    fill(disk, room)
    before, book = contents(disk), workbook.read_bytes()
    message = refused("agenda", workbook, "--meeting", MEETING, "--no-pdf")
    assert "Agenda OR-vergadering 2023-10-26.docx" in message and "Er is niets gewijzigd" in message
    assert contents(disk) == before and workbook.read_bytes() == book


@pytest.mark.skipif(find_soffice() is None, reason="needs LibreOffice for the PDF")
def test_an_agenda_whose_pdf_does_not_fit_after_its_word_file_leaves_neither(workbook, disk, monkeypatch):
    monkeypatch.delenv("ORSHEET_SOFFICE")
    fill(disk, 32 * 1024)  # the Word file (~24 KiB) fits, the PDF (~40 KiB) does not
    before, book = contents(disk), workbook.read_bytes()
    message = refused("agenda", workbook, "--meeting", MEETING, "--pdf-engine", "libreoffice")
    assert "2023-10-26.pdf" in message and "Er is niets gewijzigd" in message
    assert contents(disk) == before and workbook.read_bytes() == book


@pytest.mark.parametrize("room", [4 * 1024, 16 * 1024])
def test_an_agenda_rendered_on_a_full_temporary_folder_is_one_dutch_line(workbook, disk, monkeypatch, room):
    import tempfile

    monkeypatch.setattr(tempfile, "tempdir", str(disk))  # the system's temporary folder is on the full disk
    fill(disk, room)  # the Word writer fails halfway through its zip file
    book = workbook.read_bytes()
    refused("agenda", workbook, "--meeting", MEETING, "--no-pdf")
    assert workbook.read_bytes() == book and [p.name for p in disk.iterdir()] == ["vulling.bin"]


def test_a_minutes_template_on_a_full_disk_is_one_dutch_line_and_writes_nothing(workbook, disk):
    fill(disk, 12 * 1024)
    before = contents(disk)
    message = refused("minutes-template", workbook, "--meeting", MEETING)
    assert "Verslag OR-vergadering 2023-10-26.docx" in message
    assert contents(disk) == before


def test_a_year_calendar_on_a_full_disk_is_one_dutch_line_and_leaves_no_half_file(workbook, disk):
    fill(disk, 8 * 1024)  # the .ics of 2024 is ~16 KiB
    before, book = contents(disk), workbook.read_bytes()
    message = refused("schedule", workbook, "--year", "2024", "--apply", "--ics", disk / "jaarplanning.ics")
    assert "jaarplanning.ics" in message and "Er is niets gewijzigd" in message
    assert contents(disk) == before and workbook.read_bytes() == book  # the year plan is not applied either


def test_lite_code_on_a_full_disk_is_one_dutch_line_and_leaves_no_empty_files(disk, tmp_path, monkeypatch):
    monkeypatch.setenv("ORSHEET_LOG", str(tmp_path / "orsheet-fouten.log"))
    fill(disk)
    before = contents(disk)
    message = refused("lite-code", disk / "lite", "--wheel", "https://example.org/orsheet-0.1.0-py3-none-any.whl")
    assert "main.py en requirements.txt" in message
    assert contents(disk) == before


@pytest.mark.parametrize("room", [0, 16 * 1024, 48 * 1024], ids=["vol", "halverwege-een-lijst", "na-een-lijst"])
def test_a_woo_export_on_a_full_disk_is_one_dutch_line_and_publishes_nothing(workbook, disk, room):
    fill(disk, room)
    before = contents(disk)
    message = refused("woo-export", workbook, "--out", disk / "woo", "--no-pdf")
    assert "Woo-export" in message and "Er is niets gepubliceerd" in message
    assert contents(disk) == before  # not even the folder it made


def test_a_woo_export_past_the_file_size_limit_is_one_dutch_line_without_a_late_traceback(tmp_path):
    resource = pytest.importorskip("resource")
    path = filled_workbook(tmp_path)
    out = tmp_path / "woo"
    limit = 16 * 1024  # the lists are bigger: a write fails inside the Word writer's zip file

    def small_files() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    done = subprocess.run([sys.executable, "-m", "orsheet", "woo-export", str(path), "--out", str(out), "--no-pdf"],
                          capture_output=True, text=True, preexec_fn=small_files, timeout=120,
                          env={**os.environ, "ORSHEET_LOG": str(tmp_path / "log")})
    assert done.returncode == 1 and done.stdout == ""
    assert done.stderr.startswith("Fout: ") and len(done.stderr.splitlines()) == 1, done.stderr
    assert "groter dan deze schijf of dit systeem toestaat" in done.stderr and "Er is niets gepubliceerd" in done.stderr
    assert not ENGLISH.search(done.stderr) and not out.exists()
    assert not (tmp_path / "log").exists()
