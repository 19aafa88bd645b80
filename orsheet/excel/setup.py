"""``orsheet setup-excel``: point a workbook's xlwings.conf sheet at this Python.

Only the cells of the ``xlwings.conf`` sheet change; every other part of the
workbook (VBA, buttons, ribbon, data) is carried over unchanged, and the file
is replaced atomically with a backup, like every other orsheet write.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Mapping

from lxml import etree

from orsheet.errors import InputError, WorkbookError
from orsheet.excel import conf_sheet
from orsheet.ooxml.markup import MAIN as MAIN_NS
from orsheet.ooxml.package import Package

WINDOWS, MAC = "win", "mac"
_KEYS = {WINDOWS: conf_sheet.INTERPRETER_WIN, MAC: conf_sheet.INTERPRETER_MAC}


@dataclass
class SetupResult:
    path: Path
    settings: dict[str, str]
    notes: list[str] = field(default_factory=list)

    def summary(self) -> str:
        lines = [f"{self.path.name}: xlwings.conf bijgewerkt."]
        lines += [f"  {key} = {value}" for key, value in self.settings.items()]
        lines += self.notes
        lines.append("Open de werkmap in Excel en schakel macro's in; de knoppen op Start gebruiken deze Python.")
        return "\n".join(lines)


def current_platform(name: str = sys.platform) -> str:
    if name == "win32":
        return WINDOWS
    if name == "darwin":
        return MAC
    raise InputError(
        "setup-excel stelt Excel op Windows of Mac in; op dit systeem is geen Excel. "
        "Geef --platform win of --platform mac en --interpreter met het pad op die computer."
    )


def default_interpreter(platform: str, executable: str = sys.executable) -> str:
    """This Python; on Windows its ``pythonw.exe`` (no console window) when present."""
    path = Path(executable)
    if platform == WINDOWS:
        windowless = path.with_name("pythonw.exe")
        if windowless.is_file():
            return str(windowless)
    return str(path)


def setup_excel(path: Path, platform: str | None = None, interpreter: str | None = None,
                pythonpath: str | None = None) -> SetupResult:
    platform = platform or current_platform()
    settings = {_KEYS[platform]: interpreter or default_interpreter(platform)}
    if pythonpath:
        settings["PYTHONPATH"] = pythonpath
    set_conf_values(Path(path), settings)
    result = SetupResult(Path(path), settings)
    if platform == MAC and sys.platform == "darwin":
        result.notes.append(install_mac_runpython())
    return result


def install_mac_runpython() -> str:
    """Excel for Mac runs Python through an AppleScript that xlwings ships; put it in place."""
    from xlwings.cli import runpython_install

    runpython_install(None)
    return "RunPython voor Excel op de Mac is geïnstalleerd (xlwings runpython install)."


def set_conf_values(path: Path, values: Mapping[str, str]) -> None:
    from orsheet.workbook.safe_save import WorkbookFile, ensure_writable
    from orsheet.workbook.workbook_check import require_workbook_file

    require_workbook_file(path)
    ensure_writable(path)
    workbook = WorkbookFile(path)  # one orsheet at a time, from this read to the save
    workbook.reading()
    try:
        _set_conf_values(workbook, path, values)
    finally:
        workbook.release()


def _set_conf_values(workbook, path: Path, values: Mapping[str, str]) -> None:
    package = Package(path.read_bytes())
    parts = package.sheet_parts()
    if conf_sheet.SHEET_NAME not in parts:
        raise WorkbookError(
            f"{path.name} heeft geen blad {conf_sheet.SHEET_NAME}; maak een nieuwe werkmap met 'orsheet new' "
            "of voeg het blad toe zoals in de xlwings-documentatie."
        )
    part = parts[conf_sheet.SHEET_NAME]
    sheet = package.xml(part)
    strings = _shared_strings(package)
    for key, value in values.items():
        _set_value(sheet, strings, key, value)
    workbook.save(lambda temp: temp.write_bytes(package.to_bytes()))


def _q(tag: str) -> str:
    return f"{{{MAIN_NS}}}{tag}"


def _shared_strings(package: Package) -> list[str]:
    if not package.has("xl/sharedStrings.xml"):
        return []
    return ["".join(item.itertext()) for item in package.xml("xl/sharedStrings.xml").iter(_q("si"))]


def _cell_text(cell: etree._Element, strings: list[str]) -> str | None:
    kind = cell.get("t")
    if kind == "inlineStr":
        return "".join(cell.find(_q("is")).itertext())
    value = cell.find(_q("v"))
    if value is None or value.text is None:
        return None
    return strings[int(value.text)] if kind == "s" else value.text


def _set_value(sheet: etree._Element, strings: list[str], key: str, value: str) -> None:
    data = sheet.find(_q("sheetData"))
    rows = {int(r.get("r")): r for r in data.iter(_q("row"))}
    number = 1
    while number in rows:  # xlwings reads keys from A1 down to the first empty A cell
        cell = rows[number].find(f"{_q('c')}[@r='A{number}']")
        text = None if cell is None else _cell_text(cell, strings)
        if text is None or text == "":
            break
        if text.strip().upper() == key.upper():
            _put(rows[number], f"B{number}", value)
            return
        number += 1
    row = rows.get(number)
    if row is None:
        row = etree.Element(_q("row"), r=str(number))
        later = [r for n, r in sorted(rows.items()) if n > number]
        later[0].addprevious(row) if later else data.append(row)
    _put(row, f"A{number}", key)
    _put(row, f"B{number}", value)


def _put(row: etree._Element, reference: str, text: str) -> None:
    new = etree.fromstring(
        f'<c xmlns="{MAIN_NS}" r="{reference}" t="inlineStr"><is><t xml:space="preserve"></t></is></c>'
    )
    new.find(f"{_q('is')}/{_q('t')}").text = text
    old = row.find(f"{_q('c')}[@r='{reference}']")
    if old is not None:
        if old.get("s"):
            new.set("s", old.get("s"))
        old.addprevious(new)
        row.remove(old)
        return
    column = reference.rstrip("0123456789")
    later = [c for c in row.iter(_q("c")) if _column_key(c.get("r", "").rstrip("0123456789")) > _column_key(column)]
    later[0].addprevious(new) if later else row.append(new)


def _column_key(letters: str) -> tuple[int, str]:
    return (len(letters), letters)
