"""Saving is all or nothing, keeps backups, and never touches a workbook in use."""

from __future__ import annotations

import errno
import os
import signal
import stat
import subprocess
import sys
import textwrap
import time
import zipfile
from pathlib import Path

import pytest

from orsheet.errors import FileSystemError, WorkbookChanged, WorkbookError, WorkbookLocked
from orsheet.workbook.safe_save import (
    TEMP_PREFIX,
    atomic_save,
    backups_of,
    ensure_writable,
    file_stamp,
    lock_files,
)

ROOT = Path(__file__).resolve().parents[1]


def write_zip(text: str):
    """A writer that produces a small but valid OPC-like zip holding ``text``."""

    def write_to(target: Path) -> None:
        with zipfile.ZipFile(target, "w") as archive:
            archive.writestr("[Content_Types].xml", "<Types/>")
            archive.writestr("versie.txt", text)

    return write_to


def version(path: Path) -> str:
    with zipfile.ZipFile(path) as archive:
        return archive.read("versie.txt").decode()


@pytest.fixture
def workbook(tmp_path) -> Path:
    path = tmp_path / "Actielijst OR.xlsm"
    write_zip("oud")(path)
    return path


def untouched(path: Path):
    return path.read_bytes(), path.stat().st_mtime_ns


def leftovers(folder: Path) -> list[str]:
    return [p.name for p in folder.iterdir() if p.name.startswith(TEMP_PREFIX)]


def test_atomic_save_replaces_the_workbook_and_keeps_the_previous_version_as_backup(workbook):
    old = workbook.read_bytes()
    backup = atomic_save(workbook, write_zip("nieuw"))
    assert version(workbook) == "nieuw"
    assert backup is not None and backup.parent.name == "backup" and backup.read_bytes() == old
    assert leftovers(workbook.parent) == []


def test_a_writer_that_raises_leaves_the_workbook_untouched_and_no_temporary_file(workbook):
    before = untouched(workbook)

    def broken(target: Path) -> None:
        target.write_bytes(b"half")
        raise RuntimeError("schijf vol")

    with pytest.raises(RuntimeError):
        atomic_save(workbook, broken)
    assert untouched(workbook) == before
    assert leftovers(workbook.parent) == [] and backups_of(workbook) == []


def test_a_writer_that_leaves_no_valid_zip_is_refused_in_dutch(workbook):
    before = untouched(workbook)
    with pytest.raises(WorkbookError, match="onbruikbaar bestand"):
        atomic_save(workbook, lambda target: target.write_bytes(b"PK\x03\x04 afgebroken"))
    assert untouched(workbook) == before


def test_backups_rotate_keeping_the_ten_newest(workbook):
    for n in range(13):
        atomic_save(workbook, write_zip(f"versie {n}"))
    kept = backups_of(workbook)
    assert len(kept) == 10 and len(list(kept[0].parent.iterdir())) == 10
    assert version(kept[-1]) == "versie 11"


def test_backups_hold_the_versions_in_order_oldest_first(workbook):
    for n in range(12):
        atomic_save(workbook, write_zip(f"versie {n}"))
    assert [version(p) for p in backups_of(workbook)] == [f"versie {n}" for n in range(1, 11)]
    assert version(workbook) == "versie 11"


def test_a_new_file_is_written_without_a_backup(tmp_path):
    path = tmp_path / "nieuw.xlsx"
    assert atomic_save(path, write_zip("eerste")) is None
    assert version(path) == "eerste" and not (tmp_path / "backup").exists()


def test_the_file_permissions_of_the_workbook_are_kept(workbook):
    workbook.chmod(0o640)
    atomic_save(workbook, write_zip("nieuw"))
    assert stat.S_IMODE(workbook.stat().st_mode) == 0o640


def test_an_excel_lock_file_refuses_the_save_and_leaves_bytes_and_mtime_alone(workbook):
    (workbook.parent / f"~${workbook.name}").write_bytes(b"\x05Piet ")
    before = untouched(workbook)
    with pytest.raises(WorkbookLocked, match="geopend in Excel") as refused:
        atomic_save(workbook, write_zip("nieuw"))
    assert f"~${workbook.name}" in str(refused.value) and "niets opgeslagen" in str(refused.value)
    assert untouched(workbook) == before and leftovers(workbook.parent) == []


@pytest.mark.parametrize(
    "lock_name",
    ["~$actielijst or.xlsm", "~$tielijst OR.xlsm", ".~lock.Actielijst OR.xlsm#"],
    ids=["other-case", "word-style-short-name", "libreoffice"],
)
def test_lock_files_of_every_office_flavour_are_recognised(workbook, lock_name):
    (workbook.parent / lock_name).write_bytes(b"")
    with pytest.raises(WorkbookLocked):
        ensure_writable(workbook)


def test_a_lock_file_of_another_workbook_does_not_count(workbook):
    (workbook.parent / "~$Besluitenlijst.xlsm").write_bytes(b"")
    assert lock_files(workbook) == []
    ensure_writable(workbook)


def test_a_read_only_workbook_is_refused_with_a_dutch_message(workbook):
    workbook.chmod(0o444)
    before = untouched(workbook)
    with pytest.raises(WorkbookLocked, match="alleen-lezen"):
        atomic_save(workbook, write_zip("nieuw"))
    assert untouched(workbook) == before


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root may write in any folder")
def test_a_folder_we_cannot_write_in_is_refused(workbook):
    workbook.parent.chmod(0o555)
    try:
        with pytest.raises(WorkbookLocked, match="niet geschreven"):
            ensure_writable(workbook)
    finally:
        workbook.parent.chmod(0o755)


def test_a_workbook_changed_after_reading_is_not_overwritten(workbook):
    stamp = file_stamp(workbook)
    write_zip("van een collega")(workbook)
    os.utime(workbook, ns=(1, 1))
    with pytest.raises(WorkbookChanged, match="gewijzigd"):
        atomic_save(workbook, write_zip("nieuw"), expected=stamp)
    assert version(workbook) == "van een collega"


def test_a_change_during_the_write_is_noticed_before_the_rename(workbook):
    stamp = file_stamp(workbook)

    def slow_writer(target: Path) -> None:
        write_zip("nieuw")(target)
        write_zip("tussendoor")(workbook)  # someone saves in Excel meanwhile
        os.utime(workbook, ns=(2, 2))

    with pytest.raises(WorkbookChanged):
        atomic_save(workbook, slow_writer, expected=stamp)
    assert version(workbook) == "tussendoor" and leftovers(workbook.parent) == []


CRASH_CHILD = textwrap.dedent(
    """
    import sys, zipfile, random
    from pathlib import Path
    from orsheet.workbook.safe_save import atomic_save

    path = Path(sys.argv[1])

    def write_to(target):
        print("writing", flush=True)
        noise = random.Random(1)
        with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
            archive.writestr("[Content_Types].xml", "<Types/>")
            archive.writestr("versie.txt", "nieuw")
            for n in range(400):
                archive.writestr(f"xl/worksheets/sheet{n}.xml", noise.randbytes(50_000))
        print("written", flush=True)

    atomic_save(path, write_to)
    print("saved", flush=True)
    """
)


@pytest.mark.slow
def test_a_save_killed_mid_write_leaves_the_old_or_the_new_workbook_never_a_broken_one(workbook):
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    outcomes = []
    for attempt in range(12):  # kills spread over the ~0.25 s the child needs to write
        write_zip("oud")(workbook)
        child = subprocess.Popen(
            [sys.executable, "-c", CRASH_CHILD, str(workbook)], stdout=subprocess.PIPE, text=True, env=env
        )
        assert child.stdout.readline().strip() == "writing"
        time.sleep(0.025 * attempt)
        child.send_signal(signal.SIGKILL)
        rest = child.communicate()[0]
        with zipfile.ZipFile(workbook) as archive:
            assert archive.testzip() is None
        during_write = "written" not in rest
        outcomes.append((during_write, version(workbook)))
        assert version(workbook) in {"oud", "nieuw"}
        if during_write:
            assert version(workbook) == "oud"
    assert any(during_write for during_write, _ in outcomes), "never killed the child during the write"


def test_stale_temporary_files_of_killed_saves_are_cleaned_up_but_fresh_ones_kept(workbook):
    stale = workbook.parent / f"{TEMP_PREFIX}oud.xlsm"
    fresh = workbook.parent / f"{TEMP_PREFIX}bezig.xlsm"
    for stray in (stale, fresh):
        stray.write_bytes(b"PK half")
    day_ago = time.time() - 86_400
    os.utime(stale, (day_ago, day_ago))
    atomic_save(workbook, write_zip("nieuw"))
    assert not stale.exists() and fresh.exists()


# -- the real file behind a symbolic link ---------------------------------------------------


@pytest.fixture
def linked(tmp_path) -> tuple[Path, Path]:
    """A workbook in a "shared" folder and a symbolic link to it in the secretary's own folder."""
    shared, home = tmp_path / "gedeeld", tmp_path / "thuis"
    shared.mkdir()
    home.mkdir()
    real = shared / "Actielijst OR.xlsm"
    write_zip("oud")(real)
    link = home / "Actielijst OR.xlsm"
    link.symlink_to(real)
    return link, real


def test_a_save_through_a_symbolic_link_replaces_the_real_file_and_keeps_the_link(linked):
    link, real = linked
    backup = atomic_save(link, write_zip("nieuw"))
    assert link.is_symlink() and link.resolve() == real
    assert version(real) == "nieuw" and version(link) == "nieuw"
    assert backup.parent == real.parent / "backup" and version(backup) == "oud"
    assert sorted(p.name for p in link.parent.iterdir()) == [link.name], "nothing beside the link"
    assert leftovers(real.parent) == []


def test_an_excel_lock_file_beside_the_real_file_refuses_a_save_through_the_link(linked):
    link, real = linked
    (real.parent / f"~${real.name}").write_bytes(b"")
    with pytest.raises(WorkbookLocked, match="geopend in Excel"):
        atomic_save(link, write_zip("nieuw"))
    assert version(real) == "oud" and link.is_symlink()


def test_an_excel_lock_file_beside_the_link_refuses_too(linked):
    link, real = linked
    (link.parent / f"~${link.name}").write_bytes(b"")
    with pytest.raises(WorkbookLocked):
        atomic_save(link, write_zip("nieuw"))
    assert version(real) == "oud"


def test_the_cli_writes_through_a_linked_workbook_into_the_real_one(tmp_path, template_copy):
    from orsheet import schema
    from orsheet.workbook.base import AppendRows
    from orsheet.workbook.file import FileBackend
    from tests.support.cli import run_json

    FileBackend(template_copy).write([AppendRows(schema.ACTIONS.name, [{"Onderwerp": "Zonder nummer"}])])
    link = tmp_path / "link" / "mijn werkmap.xlsm"
    link.parent.mkdir()
    link.symlink_to(template_copy)
    code, result = run_json("number", link)
    assert code == 0, result
    assert link.is_symlink() and link.resolve() == template_copy.resolve()
    actions = FileBackend(template_copy).read([schema.ACTIONS.name])[schema.ACTIONS.name]
    assert [r.values[schema.NR] for r in actions.rows] == [1]
    assert backups_of(template_copy) and not (link.parent / "backup").exists()
    assert sorted(p.name for p in link.parent.iterdir()) == [link.name]


# -- lock files in another Unicode form (macOS) ----------------------------------------------


@pytest.mark.parametrize("workbook_form, lock_form", [("NFC", "NFD"), ("NFD", "NFC"), ("NFD", "NFD")])
def test_an_excel_lock_file_is_recognised_whatever_unicode_form_its_name_has(tmp_path, workbook_form, lock_form):
    import unicodedata

    name = "Actielijst café.xlsm"
    path = tmp_path / unicodedata.normalize(workbook_form, name)
    write_zip("oud")(path)
    for lock in (f"~${name}", f".~lock.{name}#"):
        lock_file = tmp_path / unicodedata.normalize(lock_form, lock)
        lock_file.write_bytes(b"")
        with pytest.raises(WorkbookLocked, match="geopend in Excel"):
            ensure_writable(path)
        lock_file.unlink()
    ensure_writable(path)


# -- what the operating system refuses ---------------------------------------------------------


def tmpfs(folder: Path, options: str):
    """Mount a small tmpfs on ``folder`` for the test (yields the folder), or yield None where that is not allowed."""
    folder.mkdir(exist_ok=True)
    mounted = os.name == "posix" and subprocess.run(
        ["mount", "-t", "tmpfs", "-o", options, "tmpfs", str(folder)], capture_output=True
    ).returncode == 0
    yield folder if mounted else None
    if mounted:
        subprocess.run(["umount", "-l", str(folder)], check=False)


@pytest.fixture
def small_disk(tmp_path):
    """A folder on a disk with room for about 64 KiB, or None."""
    yield from tmpfs(tmp_path / "kleine schijf", "size=64k")


def big_zip(size: int):
    def write_to(target: Path) -> None:
        with zipfile.ZipFile(target, "w", zipfile.ZIP_STORED) as archive:
            archive.writestr("[Content_Types].xml", "<Types/>")
            archive.writestr("versie.txt", "nieuw")
            archive.writestr("ruis.bin", os.urandom(size))

    return write_to


def test_a_full_disk_gives_a_dutch_message_and_leaves_the_workbook_intact(small_disk, workbook):
    if small_disk is not None:  # a real full disk: the new version does not fit
        path = small_disk / workbook.name
        write_zip("oud")(path)
        writer = big_zip(100_000)
    else:  # no tmpfs here: the system's answer to a write on a full disk, injected at the write
        path = workbook

        def writer(target: Path) -> None:
            target.write_bytes(b"PK")
            raise OSError(errno.ENOSPC, "No space left on device", str(target))

    before = untouched(path)
    with pytest.raises(FileSystemError) as refused:
        atomic_save(path, writer)
    message = str(refused.value)
    assert "de schijf is vol" in message and "Er is niets gewijzigd" in message and path.name in message
    assert untouched(path) == before and leftovers(path.parent) == [] and backups_of(path) == []


def test_a_full_disk_through_the_cli_is_exit_1_with_the_dutch_message(small_disk, template_copy):
    if small_disk is None:
        pytest.skip("needs a small tmpfs (mount) for a real full disk")
    from orsheet import schema
    from tests.support.cli import run_entry_point
    from orsheet.workbook.base import AppendRows
    from orsheet.workbook.file import FileBackend

    FileBackend(template_copy).write([AppendRows(schema.ACTIONS.name, [{"Onderwerp": "Zonder nummer"}])])
    path = small_disk / "or.xlsm"
    path.write_bytes(template_copy.read_bytes())  # ~50 KiB of 64: the temporary copy does not fit
    before = untouched(path)
    code, out, err = run_entry_point("number", path)
    assert code == 1 and "de schijf is vol" in err and "niets gewijzigd" in err and "Traceback" not in out + err
    assert untouched(path) == before


@pytest.fixture
def read_only_backup(workbook):
    """backup/ on a read-only mount (even root cannot write there), else None."""
    yield from tmpfs(workbook.parent / "backup", "size=64k,ro")


def test_a_read_only_backup_folder_refuses_the_save_in_dutch_and_changes_nothing(workbook, read_only_backup):
    if read_only_backup is None:
        if os.name == "posix" and os.geteuid() == 0:
            pytest.skip("needs a read-only mount or a user that folder permissions apply to")
        (workbook.parent / "backup").chmod(0o555)
    before = untouched(workbook)
    try:
        with pytest.raises(FileSystemError) as refused:
            atomic_save(workbook, write_zip("nieuw"))
    finally:
        if read_only_backup is None:
            (workbook.parent / "backup").chmod(0o755)
    message = str(refused.value)
    assert "reservekopie in de map backup" in message and "niets gewijzigd" in message
    assert "alleen-lezen" in message or "geen toestemming" in message
    assert untouched(workbook) == before and leftovers(workbook.parent) == []


def test_a_file_named_backup_instead_of_the_folder_refuses_the_save_in_dutch(workbook):
    (workbook.parent / "backup").write_text("geen map")
    before = untouched(workbook)
    with pytest.raises(FileSystemError, match="is geen map"):
        atomic_save(workbook, write_zip("nieuw"))
    assert untouched(workbook) == before and leftovers(workbook.parent) == []


def test_a_missing_backup_folder_is_made(workbook):
    assert not (workbook.parent / "backup").exists()
    backup = atomic_save(workbook, write_zip("nieuw"))
    assert backup.parent.is_dir() and version(backup) == "oud"


def test_a_workbook_that_vanished_after_reading_is_not_written_again(workbook):
    stamp = file_stamp(workbook)
    workbook.unlink()
    with pytest.raises(WorkbookChanged, match="bestaat niet meer"):
        atomic_save(workbook, write_zip("nieuw"), expected=stamp)
    assert not workbook.exists() and leftovers(workbook.parent) == []


def test_a_permission_error_during_the_write_is_a_dutch_message(workbook):
    before = untouched(workbook)

    def refused(target: Path) -> None:
        raise PermissionError(errno.EACCES, "Permission denied", str(target))

    with pytest.raises(FileSystemError, match="u hebt geen toestemming") as error:
        atomic_save(workbook, refused)
    assert "niets gewijzigd" in str(error.value)
    assert untouched(workbook) == before and leftovers(workbook.parent) == []


def test_a_permission_error_while_reading_through_the_cli_is_exit_1_in_dutch(template_copy, monkeypatch):
    from tests.support.cli import run_entry_point

    def refused(*args, **kwargs):
        raise PermissionError(errno.EACCES, "Permission denied", str(template_copy))

    monkeypatch.setattr("python_calamine.CalamineWorkbook.from_path", refused)
    code, out, err = run_entry_point("check", template_copy)
    assert code == 1 and err.startswith("Fout: ") and "Traceback" not in out + err
