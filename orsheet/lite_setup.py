"""``orsheet lite-code``: the two files to paste into xlwings Lite's editor.

``main.py`` stays a few lines: it imports the scripts of :mod:`orsheet.lite`,
so an update of orsheet is a new wheel, not new code to paste. orsheet is not
on PyPI (and the name is not the project's there), so there is no default:
``requirements.txt`` names the wheel at a URL the add-in can fetch (built with
``python -m build --wheel``), never ``orsheet==VERSION``, which would install
whatever package holds that name on PyPI, with access to the council's workbook.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from orsheet import __version__
from orsheet.documents.files import write_files
from orsheet.errors import InputError, os_error

MAIN_PY = '''\
"""orsheet in xlwings Lite: the buttons of the OR-secretariaat workbook.

Written by `orsheet lite-code`. The scripts themselves live in the orsheet
package (see requirements.txt); update orsheet there, not here.
"""

from orsheet.lite import *  # noqa: F401,F403 - the eight buttons, from Agenda maken to Woo-export
'''


def requirements_txt(wheel: str | None) -> str:
    """xlwings plus orsheet's wheel at ``wheel`` (a URL, or ``emfs:`` for the add-in's Files)."""
    orsheet = (wheel or "").strip()
    if not orsheet:
        raise InputError(
            "orsheet staat niet op PyPI, dus xlwings Lite kan het niet zelf ophalen: geef met --wheel de "
            "internetlocatie van het orsheet-wielbestand (.whl), bijvoorbeeld --wheel "
            f"https://intranet.example/orsheet-{__version__}-py3-none-any.whl. Het wiel maakt u met "
            "'python -m build --wheel' in een kopie van orsheet (het komt in de map dist); zet het op een webserver "
            "die de invoegtoepassing mag bereiken (zie docs/excel-lite.md). Er is niets geschreven.")
    if not (orsheet.startswith(("https://", "http://", "emfs:")) and orsheet.endswith(".whl")):
        raise InputError(f"{wheel}: geef de internetlocatie (https://...) van het orsheet-wielbestand (.whl)")
    return f"xlwings\n{orsheet}\n"


@dataclass
class LiteCode:
    main: Path
    requirements: Path


def write_lite_code(folder: Path, wheel: str | None, *, force: bool = False) -> LiteCode:
    """Write main.py and requirements.txt into ``folder`` (refusing to overwrite unless ``force``);
    ``wheel``: where the add-in fetches orsheet's wheel (required, see :func:`requirements_txt`)."""
    folder = Path(folder)
    files = LiteCode(folder / "main.py", folder / "requirements.txt")
    contents = {files.main: MAIN_PY, files.requirements: requirements_txt(wheel)}
    existing = [p.name for p in contents if p.exists()]
    if existing and not force:
        raise InputError(f"{', '.join(existing)} bestaat al in {folder}; kies een andere map of gebruik --force")
    created = not folder.exists()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        write_files({path: text.encode("utf-8") for path, text in contents.items()})
    except OSError as error:
        if created and folder.is_dir() and not any(folder.iterdir()):
            folder.rmdir()
        raise os_error(error, f"Het schrijven van main.py en requirements.txt in {folder} is niet gelukt",
                       name_file=False) from None
    return files
