"""Word documents to PDF: through Word where Word is, LibreOffice elsewhere.

The one converter for every PDF orsheet makes (agenda, Woo publication).

* ``word``: Microsoft Word's own PDF export (``docx2pdf``: COM on Windows,
  AppleScript on macOS), so the PDF shows exactly what the secretary sees in
  Word. Only on Windows and macOS with Word installed.
* ``libreoffice``: ``soffice --convert-to pdf`` with a private profile
  (``-env:UserInstallation``), so a LibreOffice the user has open, or a second
  conversion, does not clash. It runs in its own process group, which is
  killed on a time-out and after the run, so no soffice is left behind.

``auto`` (the default) takes Word when it is there, else LibreOffice. The
environment variable ``ORSHEET_PDF`` (``auto``/``word``/``libreoffice``) or the
``engine`` argument overrides the choice; ``ORSHEET_SOFFICE`` names the
LibreOffice program. Both embed the fonts in the PDF. Without either the
result carries a Dutch reason instead of files.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from orsheet.errors import os_reason

ENGINES = ("auto", "word", "libreoffice")
ENGINE_VARIABLE = "ORSHEET_PDF"
SOFFICE_VARIABLE = "ORSHEET_SOFFICE"
SOFFICE_NAMES = ("soffice", "libreoffice")
TIMEOUT_SECONDS = 180  # per call; a call converts every file in one LibreOffice run
_MAC_WORD = Path("/Applications/Microsoft Word.app")


@dataclass
class PdfResult:
    """The PDFs made (in the order of the sources), or a Dutch reason why none were."""

    paths: list[Path] = field(default_factory=list)
    reason: str = ""
    engine: str = ""

    @property
    def path(self) -> Path | None:
        return self.paths[0] if self.paths else None


def find_soffice() -> str | None:
    """The LibreOffice executable: $ORSHEET_SOFFICE, else soffice/libreoffice on PATH."""
    configured = os.environ.get(SOFFICE_VARIABLE)
    if configured:
        return configured if Path(configured).exists() or shutil.which(configured) else None
    for name in SOFFICE_NAMES:
        found = shutil.which(name)
        if found:
            return found
    return None


def word_available() -> bool:
    """Whether Microsoft Word and docx2pdf can make PDFs on this computer."""
    if sys.platform not in ("win32", "darwin"):
        return False
    try:
        import docx2pdf  # noqa: F401
    except ImportError:
        return False
    if sys.platform == "darwin":
        return _MAC_WORD.exists()
    try:
        import winreg

        winreg.CloseKey(winreg.OpenKey(winreg.HKEY_CLASSES_ROOT, "Word.Application"))
    except OSError:
        return False
    return True


def choose_engine(engine: str | None = None, soffice: str | None = None) -> tuple[str | None, str]:
    """(engine, reason): the engine to use, or None and a Dutch reason why there is none."""
    wanted = (engine or os.environ.get(ENGINE_VARIABLE) or "auto").strip().lower()
    if wanted not in ENGINES:
        return None, (f"geen PDF gemaakt: onbekende PDF-maker \"{wanted}\" "
                      f"(kies {', '.join(ENGINES)}; zie {ENGINE_VARIABLE})")
    if wanted in ("auto", "word") and word_available():
        return "word", ""
    if wanted == "word":
        return None, ("geen PDF gemaakt: Microsoft Word is op deze computer niet gevonden "
                      "(PDF via Word kan alleen op Windows en macOS met Word en docx2pdf)")
    if soffice or find_soffice():
        return "libreoffice", ""
    if wanted == "libreoffice":
        return None, "geen PDF gemaakt: LibreOffice (soffice) is niet gevonden; installeer LibreOffice"
    return None, ("geen PDF gemaakt: Word en LibreOffice (soffice) zijn niet gevonden; "
                  "installeer LibreOffice of maak de PDF vanuit Word")


def convert_to_pdf(sources: Sequence[Path], folder: Path, *, engine: str | None = None,
                   soffice: str | None = None, timeout: float = TIMEOUT_SECONDS) -> PdfResult:
    """PDF copies of ``sources`` (``<stem>.pdf``) in ``folder``.

    Either every file is converted or none is: on any failure the PDFs made so
    far are removed and the result has a Dutch reason.
    """
    if not sources:
        return PdfResult()
    chosen, reason = choose_engine(engine, soffice)
    if chosen is None:
        return PdfResult(reason=reason)
    targets = [folder / f"{source.stem}.pdf" for source in sources]
    if chosen == "word":
        failure = _with_word(sources, targets, timeout)
    else:
        failure = _with_libreoffice(soffice or find_soffice() or "soffice", sources, folder, timeout)
    missing = [target.name for target in targets if not target.exists()]
    if failure or missing:
        for target in targets:
            target.unlink(missing_ok=True)
        detail = failure or f"geen PDF van {', '.join(missing)}"
        name = "Word" if chosen == "word" else "LibreOffice"
        return PdfResult(reason=f"geen PDF gemaakt: {name} kon het bestand niet omzetten ({detail})", engine=chosen)
    return PdfResult(targets, engine=chosen)


def _with_libreoffice(soffice: str, sources: Sequence[Path], folder: Path, timeout: float) -> str:
    """Run one LibreOffice for all ``sources``; "" on success, else what went wrong."""
    with tempfile.TemporaryDirectory(prefix="orsheet-pdf-") as profile:
        command = [soffice, f"-env:UserInstallation={Path(profile).as_uri()}", "--headless", "--norestore",
                   "--nologo", "--nolockcheck", "--convert-to", "pdf", "--outdir", str(folder),
                   *map(str, sources)]
        return _run_tree(command, timeout, env={**os.environ, "HOME": profile})


def _with_word(sources: Sequence[Path], targets: Sequence[Path], timeout: float) -> str:
    """Word's own export through docx2pdf, in a child process so a hung Word can be stopped."""
    script = ("import sys\nfrom docx2pdf import convert\n"
              "for source, target in zip(sys.argv[1::2], sys.argv[2::2]):\n    convert(source, target)\n")
    pairs = [str(path) for pair in zip(sources, targets) for path in pair]
    return _run_tree([sys.executable, "-c", script, *pairs], timeout)


def _run_tree(command: list[str], timeout: float, env: dict | None = None) -> str:
    """Run ``command`` in its own process group; kill the whole group on time-out and afterwards.

    Output goes to a file, not a pipe: a child that outlives the program (soffice.bin)
    would otherwise keep the pipe open and make us wait for it.
    """
    with tempfile.TemporaryFile("w+") as output:
        options: dict = {"stdout": output, "stderr": subprocess.STDOUT, "stdin": subprocess.DEVNULL, "env": env}
        if os.name == "nt":
            options["creationflags"] = subprocess.CREATE_NEW_PROCESS_GROUP
        else:
            options["start_new_session"] = True
        try:
            process = subprocess.Popen(command, **options)
        except OSError as error:
            return os_reason(error)
        try:
            process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            _kill_tree(process)
            process.wait()
            return f"na {timeout:.0f} seconden afgebroken"
        finally:
            _kill_tree(process)
        if process.returncode != 0:
            # The program's own output is English (and varies by version): the user gets its exit code.
            return f"het programma stopte met foutcode {process.returncode}"
    return ""


def _kill_tree(process: subprocess.Popen) -> None:
    """Stop the process and every child it started (soffice starts soffice.bin)."""
    if os.name == "nt":
        if process.poll() is None:
            subprocess.run(["taskkill", "/F", "/T", "/PID", str(process.pid)], capture_output=True, check=False)
        return
    try:
        os.killpg(process.pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass
