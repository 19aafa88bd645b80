"""Choosing who makes the PDF, and leaving no process behind (real child processes)."""

from __future__ import annotations

import os
import sys
import time

import pytest

from orsheet.documents import pdf


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    # A killed child of another process may linger as a zombie until reaped: not running.
    try:
        with open(f"/proc/{pid}/stat") as handle:
            return handle.read().split()[2] != "Z"
    except OSError:
        return False


def test_word_is_refused_with_a_dutch_reason_where_there_is_no_word(monkeypatch):
    monkeypatch.setattr(pdf, "word_available", lambda: False)
    engine, reason = pdf.choose_engine("word")
    assert engine is None and "Microsoft Word is op deze computer niet gevonden" in reason


def test_auto_takes_libreoffice_without_word_and_the_variable_overrides(monkeypatch, tmp_path):
    program = tmp_path / "soffice"
    program.write_text("")
    monkeypatch.setenv("ORSHEET_SOFFICE", str(program))
    monkeypatch.setattr(pdf, "word_available", lambda: False)
    monkeypatch.delenv("ORSHEET_PDF", raising=False)
    assert pdf.choose_engine() == ("libreoffice", "")
    monkeypatch.setattr(pdf, "word_available", lambda: True)
    assert pdf.choose_engine() == ("word", "")
    monkeypatch.setenv("ORSHEET_PDF", "libreoffice")
    assert pdf.choose_engine() == ("libreoffice", "")
    monkeypatch.setenv("ORSHEET_PDF", "printer")
    engine, reason = pdf.choose_engine()
    assert engine is None and 'onbekende PDF-maker "printer"' in reason


@pytest.mark.skipif(os.name == "nt", reason="process groups are POSIX")
def test_a_converter_that_leaves_a_child_running_has_it_killed_afterwards(tmp_path):
    marker = tmp_path / "child.pid"
    script = f"import subprocess, sys; p = subprocess.Popen(['sleep', '300']); open({str(marker)!r}, 'w').write(str(p.pid))"
    assert pdf._run_tree([sys.executable, "-c", script], timeout=30) == ""
    child = int(marker.read_text())
    deadline = time.monotonic() + 5
    while _alive(child) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not _alive(child)


@pytest.mark.skipif(os.name == "nt", reason="process groups are POSIX")
def test_a_hanging_converter_is_stopped_at_the_time_out_with_a_dutch_reason(tmp_path):
    started = time.monotonic()
    reason = pdf._run_tree([sys.executable, "-c", "import time; time.sleep(300)"], timeout=1)
    assert "na 1 seconden afgebroken" in reason
    assert time.monotonic() - started < 10
