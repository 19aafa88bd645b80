"""Is this file an Excel workbook at all? A Dutch answer before anything reads it.

:func:`require_workbook_file` tells a folder, an empty file, an old ``.xls``
or a password-protected workbook, a Word document renamed ``.xlsm``, a zip
without the parts of a workbook and a truncated file apart, each with its
own Dutch message (and the newest backup, where there is one). It reads the
package through the one package layer (:mod:`orsheet.ooxml.package`): every
entry of the zip, ``[Content_Types].xml`` and the package relationships;
damage inside a sheet is found by the reader.
"""

from __future__ import annotations

import zipfile
import zlib
from pathlib import Path

from orsheet.errors import WorkbookError, os_error
from orsheet.workbook.safe_save import BACKUP_FOLDER, backups_of

__all__ = ["require_workbook_file"]

_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_OTHER_OFFICE_FILES = {"wordprocessingml": "een Word-document", "presentationml": "een PowerPoint-presentatie"}


def require_workbook_file(path: Path):
    """The :class:`~orsheet.ooxml.package.Package` of ``path``, read whole; a Dutch ``WorkbookError``
    unless it is a readable Excel workbook package.

    The package only (its entries, ``[Content_Types].xml`` and the package
    relationships); a workbook damaged inside a sheet is found by the reader.
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
    package, problem = _package_problem(path)
    if problem:
        raise WorkbookError(f"{name} {problem}{_backup_hint(path)}")
    return package


def _package_problem(path: Path):
    """(the package, None), or (None, what keeps ``path`` from being a workbook package, as the rest
    of a Dutch sentence)."""
    from lxml import etree

    from orsheet.ooxml.checks import ContentTypes
    from orsheet.ooxml.opc import CONTENT_TYPES
    from orsheet.ooxml.package import Package

    try:
        package = Package(path)  # reads every part: a truncated or damaged entry shows here
        if not package.has(CONTENT_TYPES) or not package.has("_rels/.rels"):
            return None, "is een zip-bestand, maar geen Excel-werkmap (de onderdelen van een werkmap ontbreken)."
        types = ContentTypes(package)
        main = package.workbook_part
    except WorkbookError:  # the package relationships name no main part
        return None, "is geen Excel-werkmap (er is geen werkmap-onderdeel in het bestand)."
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, RuntimeError, zlib.error, etree.LxmlError):
        return None, "is geen geldige Excel-werkmap: beschadigd (onvolledig opgeslagen?) of een ander soort bestand."
    content_type = types.overrides.get(main, "")
    for marker, kind in _OTHER_OFFICE_FILES.items():
        if marker in content_type:
            return None, f"is {kind}, geen Excel-werkmap (alleen de naam eindigt op {path.suffix})."
    if "spreadsheetml" not in content_type and "ms-excel" not in content_type:
        return None, "is geen Excel-werkmap (het hoofdonderdeel is geen werkmap)."
    if not package.has(main):
        return None, f"is beschadigd: het werkmap-onderdeel {main} ontbreekt."
    return package, None


def _backup_hint(path: Path) -> str:
    kept = backups_of(path)
    if not kept:
        return ""
    return f" De nieuwste reservekopie is {BACKUP_FOLDER}/{kept[-1].name}."
