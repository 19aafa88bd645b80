"""The Excel buttons' edge: what the system or a library refuses becomes a Dutch message box too."""

from __future__ import annotations

import errno
import os
import zipfile

import pytest

import orsheet.macros as m
from tests import test_excel_macros

# The fixtures that press a button on xlwings' remote engine.
press = test_excel_macros.press
template_payload = test_excel_macros.template_payload


@pytest.fixture
def workbook_in_read_only_folder(tmp_path, monkeypatch):
    """A filled workbook whose agenda folder is a read-only mount (even root cannot write there)."""
    from tests.agenda_support import filled_workbook
    from tests.test_safe_save import tmpfs
    from orsheet.workbook.base import UpdateCells
    from orsheet.workbook.file import FileBackend

    monkeypatch.setenv("ORSHEET_LOG", str(tmp_path / "log"))
    path = filled_workbook(tmp_path)
    for folder in tmpfs(tmp_path / "alleen-lezen", "size=16k,ro"):
        if folder is None:
            pytest.skip("a read-only folder root cannot write to needs a read-only mount (root)")
        settings = FileBackend(path).read(["Instellingen"])["Instellingen"]
        row = next(r.number for r in settings.rows if r.values["Instelling"] == "Map agenda's")
        FileBackend(path).write([UpdateCells("Instellingen", row, {"Waarde": str(folder)})])
        yield path, folder



def test_a_full_disk_during_a_button_is_a_dutch_message_box_without_a_traceback(press, monkeypatch):
    def disk_full(*args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device", "/gedeeld/Agenda's/Agenda.docx")

    monkeypatch.setattr("orsheet.services.actions.close_actions", disk_full)
    alerts = press(m.close_finished_actions)
    prompt, _, _, mode, _ = alerts[0]["args"]
    assert mode == "critical"
    assert "Afgeronde acties sluiten is niet gelukt" in prompt and "de schijf is vol" in prompt
    assert "Agenda.docx" in prompt and "Maak ruimte vrij" in prompt
    assert "Traceback" not in prompt and "OSError" not in prompt and "onverwachte fout" not in prompt


def test_a_damaged_file_a_library_cannot_read_is_a_dutch_message_box(press, monkeypatch):
    def damaged(*args, **kwargs):
        raise zipfile.BadZipFile("File is not a zip file")

    monkeypatch.setattr("orsheet.services.actions.close_actions", damaged)
    alerts = press(m.close_finished_actions)
    prompt = alerts[0]["args"][0]
    assert "beschadigd" in prompt and "BadZipFile" not in prompt and "not a zip" not in prompt


# -- errors Python can only report late (sys.unraisablehook) ----------------------------------------

LATE_ERROR = """
import sys
import orsheet.cli

class LibraryFile:  # a zip file a library left open; the garbage collector closes it on a full disk
    def __del__(self):
        raise OSError(28, "No space left on device")

try:
    orsheet.cli.run(sys.argv[1:])
except SystemExit:
    pass
left_open = LibraryFile()
del left_open
"""


def test_a_late_error_after_a_command_goes_to_the_bug_log_not_to_the_screen(tmp_path):
    import os
    import subprocess
    import sys

    log = tmp_path / "orsheet-fouten.log"
    done = subprocess.run([sys.executable, "-c", LATE_ERROR, "--version"], capture_output=True, text=True,
                          env={**os.environ, "ORSHEET_LOG": str(log)}, timeout=60)
    assert "Exception ignored" not in done.stderr and "Traceback" not in done.stderr and done.stderr == ""
    details = log.read_text(encoding="utf-8")
    assert "orsheet (achteraf, niet getoond)" in details and "LibraryFile.__del__" in details
    assert "OSError: [Errno 28] No space left on device" in details


def test_a_late_error_after_a_button_goes_to_the_buttons_log(tmp_path):
    log = tmp_path / "orsheet-fouten.log"
    assert m.outcome("Agenda maken", lambda: "Agenda gemaakt.", log=log) == ("Agenda gemaakt.", False)

    class LibraryFile:
        def __del__(self):
            raise OSError(errno.ENOSPC, "No space left on device")

    left_open = LibraryFile()
    del left_open
    details = log.read_text(encoding="utf-8")
    assert "Agenda maken (achteraf, niet getoond)" in details and "No space left on device" in details


# -- what the operating system refused, in Dutch (orsheet.errors.os_error) -------------------------

def test_every_refusal_a_user_can_meet_has_a_dutch_reason_and_no_english_system_text():
    from orsheet.errors import os_reason

    for name in ("ENOSPC", "EDQUOT", "EFBIG", "EROFS", "ENAMETOOLONG", "EMFILE", "EACCES", "ENOENT", "ESTALE"):
        code = getattr(errno, name)
        reason = os_reason(OSError(code, os.strerror(code)))
        assert "weigerde" not in reason and os.strerror(code) not in reason, (name, reason)
    assert os_reason(OSError(errno.EFBIG, "File too large")) == "het bestand wordt groter dan deze schijf of dit systeem toestaat"
    unknown = os_reason(OSError(errno.ENXIO, "No such device or address"))
    assert unknown == "het besturingssysteem weigerde (foutcode ENXIO)"


def test_a_refused_document_is_called_open_in_another_program_only_when_it_exists_in_a_writable_folder(tmp_path):
    from orsheet.errors import os_error

    refused = PermissionError(errno.EACCES, "Permission denied")
    agenda = tmp_path / "Agenda.docx"
    missing = os_error(refused, f"Het schrijven van {agenda} is niet gelukt", document=agenda)
    assert "geen toestemming" in str(missing) and "Word" not in str(missing) and "Vraag toegang" in str(missing)
    agenda.write_bytes(b"PK")
    open_in_word = str(os_error(refused, f"Het schrijven van {agenda} is niet gelukt", document=agenda))
    assert "nog geopend in een ander programma (Word" in open_in_word and "Sluit het bestand" in open_in_word
    full = str(os_error(OSError(errno.ENOSPC, "No space left on device"), "Het schrijven is niet gelukt", document=agenda))
    assert "de schijf is vol" in full and "Word" not in full


def test_a_read_only_agenda_folder_is_not_reported_as_a_document_open_in_word(workbook_in_read_only_folder):
    from tests.support.cli import run_entry_point

    path, folder = workbook_in_read_only_folder
    code, out, err = run_entry_point("agenda", path, "--meeting", "2023-10-26", "--no-pdf")
    assert code == 1 and len(err.splitlines()) == 1
    assert "de schijf is alleen-lezen" in err and "Word" not in err and "Errno" not in err
    assert "Agenda OR-vergadering 2023-10-26.docx is niet gelukt" in err and "Er is niets gewijzigd" in err
    assert ".orsheet-tmp" not in err  # our temporary file is no business of the user's
    assert list(folder.iterdir()) == []


def test_a_pdf_program_the_system_will_not_start_is_named_in_dutch(tmp_path):
    from orsheet.documents.pdf import convert_to_pdf

    not_a_program = tmp_path / "soffice"
    not_a_program.write_text("geen programma")  # no execute permission: even root may not run it
    source = tmp_path / "Agenda.docx"
    source.write_bytes(b"PK")
    result = convert_to_pdf([source], tmp_path, engine="libreoffice", soffice=str(not_a_program))
    assert result.paths == [] and result.reason.endswith("(u hebt geen toestemming)")
    assert "Permission denied" not in result.reason


def test_a_pdf_program_that_fails_is_reported_by_its_exit_code_not_its_english_output(tmp_path):
    from orsheet.documents.pdf import convert_to_pdf

    failing = tmp_path / "soffice"
    failing.write_text("#!/bin/sh\necho 'Error: source file could not be loaded'\nexit 3\n")
    failing.chmod(0o755)
    source = tmp_path / "Agenda.docx"
    source.write_bytes(b"PK")
    result = convert_to_pdf([source], tmp_path, engine="libreoffice", soffice=str(failing))
    assert result.paths == [] and result.reason.endswith("(het programma stopte met foutcode 3)")
    assert "Error" not in result.reason and "could not" not in result.reason


def test_a_button_whose_files_were_partly_written_does_not_claim_nothing_changed(press, monkeypatch):
    from orsheet.errors import os_error

    def replaced_too_late(*args, **kwargs):
        raise os_error(OSError(errno.ENOSPC, "No space left on device"), "Het vervangen van Agenda.docx is niet gelukt",
                       "Het blad Agenda in de werkmap is wel bijgewerkt.")

    monkeypatch.setattr("orsheet.services.actions.close_actions", replaced_too_late)
    prompt = press(m.close_finished_actions)[0]["args"][0]
    assert prompt.startswith("Afgeronde acties sluiten is niet gelukt.\n\n") and "niets gewijzigd" not in prompt
    assert "Het blad Agenda in de werkmap is wel bijgewerkt." in prompt
