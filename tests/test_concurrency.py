"""One writer at a time: two orsheets on the same workbook never lose each other's change.

The lock is real (``filelock`` across processes), so the tests use real
processes: two workers that each run the ``orsheet`` command line in-process,
started together on the same workbook, round after round.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from orsheet import schema
from orsheet.workbook.base import AppendRows
from orsheet.workbook.file import FileBackend
from orsheet.workbook.write_lock import LOCK_TIMEOUT_ENV, WriteLock, write_lock_path

ROOT = Path(__file__).resolve().parents[1]
ENV = {**os.environ, "PYTHONPATH": str(ROOT)}
BUSY = "wordt al bijgewerkt door een andere orsheet; probeer het zo opnieuw"

# A worker: for each line "ARGS_JSON START_TIME" it waits until START_TIME, runs the CLI once
# and answers one JSON line with the exit code and what the CLI printed.
WORKER = textwrap.dedent(
    """
    import json, sys, time
    from tests.support.cli import run_entry_point

    for line in sys.stdin:
        args, start = json.loads(line)
        time.sleep(max(0.0, start - time.time()))
        code, out, err = run_entry_point(*args)
        print(json.dumps({"code": code, "out": out, "err": err}), flush=True)
    """
)

# Holds the write lock on a workbook until told to stop.
HOLDER = textwrap.dedent(
    """
    import sys
    from orsheet.workbook.write_lock import WriteLock

    lock = WriteLock(sys.argv[1])
    lock.acquire()
    print("held", flush=True)
    sys.stdin.readline()
    lock.release()
    """
)

# Tries to take the lock at once; prints whether it could.
PROBE = "import filelock, sys\ntry:\n filelock.FileLock(sys.argv[1], timeout=0).acquire(); print('free')\nexcept filelock.Timeout: print('taken')"


def numbers(path: Path) -> tuple[list[int], list[int]]:
    """The action numbers on Acties and on Archief."""
    tables = FileBackend(path).read([schema.ACTIONS.name, schema.ARCHIVE.name])
    return tuple(
        [row.values[schema.NR] for row in tables[sheet].rows if row.values.get(schema.NR) is not None]
        for sheet in (schema.ACTIONS.name, schema.ARCHIVE.name)
    )


def worker(env: dict | None = None) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-c", WORKER], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                            text=True, env=env or ENV, cwd=ROOT)


def ask(process: subprocess.Popen, args: list[str], start: float) -> None:
    process.stdin.write(json.dumps([args, start]) + "\n")
    process.stdin.flush()


def answer(process: subprocess.Popen) -> dict:
    return json.loads(process.stdout.readline())


ROUNDS = 20


def test_two_orsheets_closing_different_actions_at_once_lose_no_update(template_copy):
    FileBackend(template_copy).write(
        [AppendRows(schema.ACTIONS.name, [{schema.NR: n, "Onderwerp": f"Actie {n}"} for n in range(1, 2 * ROUNDS + 1)])]
    )
    first, second = worker(), worker()
    lost, stopped = [], 0
    ask(first, ["--version"], 0)  # both import orsheet before the first round
    ask(second, ["--version"], 0)
    answer(first), answer(second)
    try:
        for round_ in range(ROUNDS):
            mine, theirs = 2 * round_ + 1, 2 * round_ + 2
            start = time.time() + 0.05  # both start at the same moment, after their pipes were read
            ask(first, ["close", str(template_copy), "--numbers", str(mine), "--date", "2023-10-12"], start)
            ask(second, ["close", str(template_copy), "--numbers", str(theirs), "--date", "2023-10-12"], start)
            results = {mine: answer(first), theirs: answer(second)}
            open_, archive = numbers(template_copy)
            for number, result in results.items():
                if result["code"] == 0:
                    if number not in archive or number in open_:
                        lost.append((round_, number))
                else:
                    assert result["code"] == 1 and BUSY in result["err"], result
                    assert number in open_ and number not in archive
                    stopped += 1
    finally:
        for process in (first, second):
            process.stdin.close()
            process.wait(timeout=30)
    assert lost == [], f"changes reported as saved but missing from the file: {lost}"
    assert stopped < ROUNDS, "the second orsheet should normally wait for the first, not give up"
    assert not write_lock_path(template_copy).exists()


def test_a_second_orsheet_waits_a_moment_then_stops_in_dutch_and_writes_nothing(template_copy):
    FileBackend(template_copy).write([AppendRows(schema.ACTIONS.name, [{schema.NR: 1, "Onderwerp": "Een"}])])
    before = template_copy.read_bytes()
    holder = subprocess.Popen([sys.executable, "-c", HOLDER, str(template_copy)], stdin=subprocess.PIPE,
                              stdout=subprocess.PIPE, text=True, env=ENV, cwd=ROOT)
    try:
        assert holder.stdout.readline().strip() == "held"
        waited = time.monotonic()
        cli = subprocess.run([sys.executable, "-m", "orsheet", "close", str(template_copy), "--numbers", "1"],
                             capture_output=True, text=True, env={**ENV, "ORSHEET_LOCK_TIMEOUT": "0.5"}, cwd=ROOT)
        waited = time.monotonic() - waited
    finally:
        holder.communicate("\n", timeout=30)
    assert cli.returncode == 1
    assert f"De werkmap {template_copy.name} {BUSY}" in cli.stderr and "niets gewijzigd" in cli.stderr
    assert "Traceback" not in cli.stderr + cli.stdout
    assert waited >= 0.5, "it waits for the other orsheet before giving up"
    assert template_copy.read_bytes() == before


def probe(path: Path) -> str:
    return subprocess.run([sys.executable, "-c", PROBE, str(write_lock_path(path))], capture_output=True,
                          text=True, env=ENV).stdout.strip()


def test_the_lock_is_held_from_the_read_until_the_save_and_then_removed(template_copy):
    backend = FileBackend(template_copy)
    lock_file = write_lock_path(template_copy)
    assert not lock_file.exists()
    table = backend.read([schema.ACTIONS.name])[schema.ACTIONS.name]
    assert lock_file.exists() and probe(template_copy) == "taken", "another orsheet cannot start from the same read"
    backend.write([AppendRows(schema.ACTIONS.name, [{schema.NR: 1, "Onderwerp": "Een"}])])
    assert table.header and not lock_file.exists()
    assert probe(template_copy) == "free"


def test_the_lock_file_is_hidden_and_lies_beside_the_workbook(template_copy):
    lock_file = write_lock_path(template_copy)
    assert lock_file.parent == template_copy.parent and lock_file.name.startswith(".")
    with WriteLock(template_copy):
        assert lock_file.exists()
    assert not lock_file.exists()


def test_two_backends_in_one_process_share_the_lock_instead_of_waiting_for_each_other(template_copy, monkeypatch):
    reader = FileBackend(template_copy)
    reader.read([schema.ACTIONS.name])
    monkeypatch.setenv(LOCK_TIMEOUT_ENV, "0")  # waiting for the reader would stop the write at once with "bezig"
    FileBackend(template_copy).write([AppendRows(schema.ACTIONS.name, [{schema.NR: 1, "Onderwerp": "Een"}])])
    assert write_lock_path(template_copy).exists(), "the reader still holds it"
    del reader
    assert not write_lock_path(template_copy).exists()


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root may write in any folder")
def test_a_workbook_in_a_read_only_folder_can_still_be_read(template_copy):
    template_copy.parent.chmod(0o555)
    try:
        assert FileBackend(template_copy).read([schema.ACTIONS.name])
    finally:
        template_copy.parent.chmod(0o755)


def test_an_orsheet_killed_while_holding_the_lock_does_not_block_the_next_one(template_copy, monkeypatch):
    import signal

    holder = subprocess.Popen([sys.executable, "-c", HOLDER, str(template_copy)], stdin=subprocess.PIPE,
                              stdout=subprocess.PIPE, text=True, env=ENV, cwd=ROOT)
    assert holder.stdout.readline().strip() == "held"
    holder.send_signal(signal.SIGKILL)
    holder.wait(timeout=30)
    assert write_lock_path(template_copy).exists(), "a killed process leaves its lock file behind"
    # Not waiting at all for the lock: the write goes through only because the system let go of the
    # lock when the process died (a held lock would stop it at once with "bezig"), however slow the machine.
    monkeypatch.setenv(LOCK_TIMEOUT_ENV, "0")
    FileBackend(template_copy).write([AppendRows(schema.ACTIONS.name, [{schema.NR: 1, "Onderwerp": "Een"}])])
    assert numbers(template_copy)[0] == [1] and not write_lock_path(template_copy).exists()
