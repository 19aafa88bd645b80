"""Is this file an Excel workbook at all? A Dutch answer before anything reads it.

:func:`require_workbook_file` tells a folder, an empty file, an old ``.xls``
or a password-protected workbook, a Word document renamed ``.xlsm``, a zip
without the parts of a workbook and a truncated file apart, each with its
own Dutch message (and the newest backup, where there is one). Only cheap
checks: the zip directory, ``[Content_Types].xml`` and the package
relationships; damage inside a sheet is found by the reader.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

from orsheet.errors import WorkbookError, os_error
from orsheet.workbook.safe_save import BACKUP_FOLDER, backups_of

__all__ = ["require_workbook_file"]

_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_OFFICE_DOCUMENT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"
_CONTENT_TYPES_NS = "{http://schemas.openxmlformats.org/package/2006/content-types}"
_OTHER_OFFICE_FILES = {"wordprocessingml": "een Word-document", "presentationml": "een PowerPoint-presentatie"}


def require_workbook_file(path: Path) -> None:
    """Raise a Dutch ``WorkbookError`` unless ``path`` is a readable Excel workbook package.

    Cheap checks only (the zip directory, ``[Content_Types].xml`` and the
    package relationships); a workbook damaged inside a sheet is found by
    the reader.
    """
    path = Path(path)
    name = path.name
    if path.is_dir():
        raise WorkbookError(f"{path} is een map, geen Excel-werkmap.")
    if not path.exists():
        raise WorkbookError(f"werkmap {path} niet gevonden")
    try:
        with open(path, "rb") as stream:
            head = stream.read(8)
    except OSError as error:
        raise os_error(error, f"{name} kan niet worden gelezen", outcome="") from None
    if not head:
        raise WorkbookError(f"{name} is leeg (0 bytes) en dus geen Excel-werkmap.{_backup_hint(path)}")
    if head == _OLE_MAGIC:
        raise WorkbookError(
            f"{name} is een Excel-bestand in de oude vorm (.xls) of met een wachtwoord beveiligd; orsheet leest "
            "alleen .xlsm en .xlsx zonder wachtwoord. Sla het in Excel op als .xlsm (zonder wachtwoord)."
        )
    problem = _package_problem(path)
    if problem:
        raise WorkbookError(f"{name} {problem}{_backup_hint(path)}")


def _package_problem(path: Path) -> str | None:
    """What keeps ``path`` from being a workbook package, as the rest of a Dutch sentence."""
    from xml.etree import ElementTree

    try:
        with zipfile.ZipFile(path) as archive:
            names = set(archive.namelist())
            if "[Content_Types].xml" not in names or "_rels/.rels" not in names:
                return "is een zip-bestand, maar geen Excel-werkmap (de onderdelen van een werkmap ontbreken)."
            types = ElementTree.fromstring(archive.read("[Content_Types].xml"))
            relationships = ElementTree.fromstring(archive.read("_rels/.rels"))
    except (zipfile.BadZipFile, OSError, ValueError, ElementTree.ParseError, EOFError, RuntimeError):
        return "is geen geldige Excel-werkmap: beschadigd (onvolledig opgeslagen?) of een ander soort bestand."
    main = next((r.get("Target", "") for r in relationships if r.get("Type") == _OFFICE_DOCUMENT), None)
    if main is None:
        return "is geen Excel-werkmap (er is geen werkmap-onderdeel in het bestand)."
    main = main.lstrip("/")
    overrides = {o.get("PartName", "").lstrip("/"): o.get("ContentType", "") for o in types.iter(f"{_CONTENT_TYPES_NS}Override")}
    content_type = overrides.get(main, "")
    for marker, kind in _OTHER_OFFICE_FILES.items():
        if marker in content_type:
            return f"is {kind}, geen Excel-werkmap (alleen de naam eindigt op {path.suffix})."
    if "spreadsheetml" not in content_type and "ms-excel" not in content_type:
        return "is geen Excel-werkmap (het hoofdonderdeel is geen werkmap)."
    if main not in names:
        return f"is beschadigd: het werkmap-onderdeel {main} ontbreekt."
    return None


def _backup_hint(path: Path) -> str:
    kept = backups_of(path)
    if not kept:
        return ""
    return f" De nieuwste reservekopie is {BACKUP_FOLDER}/{kept[-1].name}."
