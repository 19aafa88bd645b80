"""The Excel buttons' edge: what the system or a library refuses becomes a Dutch message box too."""

from __future__ import annotations

import errno
import zipfile

import orsheet.macros as m
from tests import test_excel_macros

# The fixtures that press a button on xlwings' remote engine.
press = test_excel_macros.press
template_payload = test_excel_macros.template_payload



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
