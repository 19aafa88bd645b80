"""The VBA project writer: what Excel stores is what macros/ holds."""

from __future__ import annotations

import re
from pathlib import Path

import olefile
import pytest
from oletools.olevba import VBA_Parser, decompress_stream

from orsheet.ooxml import ovba
from orsheet.ooxml.cfb import write_cfb
from orsheet.build.macro_workbook import MACROS_DIR, source_modules
from orsheet.build.vba_project import CLASS_IMPORT_LINES, build_vba_project, crlf, stored_class_source
from orsheet.ooxml.vba_records import document_module
from tests.excel_support import build_plain_and_macro

CLASS_HEADER = re.compile(r"\AVERSION 1\.0 CLASS\r\nBEGIN\r\n.*?\r\nEND\r\n", re.DOTALL)


@pytest.fixture(scope="module")
def built_workbook(tmp_path_factory) -> Path:
    return build_plain_and_macro(tmp_path_factory.mktemp("vba"))[1]


def olevba_modules(path: Path) -> dict[str, str]:
    parser = VBA_Parser(str(path))
    try:
        return {Path(name).stem: code for _, _, name, code in parser.extract_macros()}
    finally:
        parser.close()


def expected_source(path: Path) -> str:
    return CLASS_HEADER.sub("", crlf(path.read_bytes().decode("cp1252")), count=1)


def test_olevba_reads_back_every_module_of_macros_folder_unchanged(built_workbook):
    found = olevba_modules(built_workbook)
    for path in sorted(MACROS_DIR.glob("*.bas")):
        assert crlf(found[path.stem]) == crlf(path.read_bytes().decode("cp1252")), path.name
    for path in sorted(MACROS_DIR.glob("*.cls")):
        stored = crlf(found[path.stem])
        for line in CLASS_IMPORT_LINES:  # added as the VBA editor adds them on import
            assert stored.count(line) == 1, (path.name, line)
            stored = stored.replace(line, "")
        assert stored == expected_source(path), path.name


def test_class_modules_are_stored_with_the_attributes_the_vba_editor_adds():
    stored = stored_class_source((MACROS_DIR / "Dictionary.cls").read_text(encoding="cp1252"))
    lines = stored.split("\r\n")
    assert lines[:2] == ['Attribute VB_Name = "Dictionary"', 'Attribute VB_Base = "0{FCFB3D2A-A0FA-1068-A738-08002B3371B5}"']
    assert lines[5:8] == ["Attribute VB_Exposed = True", "Attribute VB_TemplateDerived = False", "Attribute VB_Customizable = False"]


def test_vba_project_passes_olefiles_strictest_checks(built_workbook):
    import io

    ole = olefile.OleFileIO(io.BytesIO(_vba_bin(built_workbook)), raise_defects=olefile.DEFECT_POTENTIAL)
    assert ole.parsing_issues == []
    assert ["VBA", "dir"] in ole.listdir() and ["PROJECTwm"] in ole.listdir()


def test_vba_project_has_document_modules_for_workbook_and_every_sheet(built_workbook):
    found = olevba_modules(built_workbook)
    assert {"ThisWorkbook", *(f"Sheet{n}" for n in range(1, 11))} <= set(found)


def test_xlwings_module_keeps_its_licence_header():
    text = (MACROS_DIR / "xlwings.bas").read_text(encoding="cp1252")
    assert "xlwings is distributed under a BSD 3-clause license." in text
    assert "License: MIT" in (MACROS_DIR / "Dictionary.cls").read_text(encoding="cp1252")


def test_vba_project_build_is_byte_for_byte_repeatable():
    modules = [document_module("ThisWorkbook", True), *source_modules()]
    assert build_vba_project(modules) == build_vba_project(modules)


def test_compression_round_trips_through_oletools_decompressor():
    samples = [b"", b"a", b"Attribute VB_Name = \"x\"\r\n" * 500, bytes(range(256)) * 20, (MACROS_DIR / "xlwings.bas").read_bytes()]
    for sample in samples:
        packed = ovba.compress(sample)
        assert bytes(decompress_stream(bytearray(packed))) == sample
        assert ovba.decompress(packed) == sample


def test_compression_uses_length_mask_from_bit_count_not_the_buggy_shift():
    # ms-ovba 0.0.1 computed the maximum length as 0xFFFF << bit_count + 3; the
    # right value lets a run of one byte become long copy tokens.
    packed = ovba.compress(b"x" * 4096)
    assert len(packed) < 40
    assert ovba.decompress(packed) == b"x" * 4096


def test_project_protection_values_decrypt_to_unprotected_visible_project(built_workbook):
    ole = olefile.OleFileIO(_vba_bin(built_workbook))
    text = ole.openstream("PROJECT").read().decode("cp1252")
    values = dict(re.findall(r'^(CMG|DPB|GC)="([0-9A-F]+)"', text, re.MULTILINE))
    assert ovba.decrypt(values["CMG"]) == bytes(4)
    assert ovba.decrypt(values["DPB"]) == b"\0"
    assert ovba.decrypt(values["GC"]) == b"\xff"


def test_decrypt_reads_values_written_by_real_excel():
    # From the PROJECT stream of xlwings' quickstart.xlsm, saved by Excel.
    assert ovba.decrypt("A7A58C2B7CDD73E173E173E173E1") == bytes(4)
    assert ovba.decrypt("A2A089308531853185") == b"\0"
    assert ovba.decrypt("9D9FB6314A2D4B2D4BD2") == b"\xff"


def test_compound_file_with_large_and_small_streams_reads_back_with_olefile(tmp_path):
    streams = {f"S/{n:02d}": bytes([n]) * (n * 700) for n in range(1, 20)}
    streams["top"] = b"abc"
    path = tmp_path / "x.bin"
    path.write_bytes(write_cfb(streams))
    ole = olefile.OleFileIO(str(path))
    for name, data in streams.items():
        assert ole.openstream(name).read() == data


def _vba_bin(workbook: Path) -> bytes:
    import zipfile

    with zipfile.ZipFile(workbook) as archive:
        return archive.read("xl/vbaProject.bin")


def test_compound_file_directory_trees_are_sorted_red_black_trees(tmp_path):
    import struct

    names = [f"Module{n}" for n in range(1, 12)] + ["dir", "_VBA_PROJECT", "ThisWorkbook"]
    data = write_cfb({f"VBA/{n}": b"x" * 10 for n in names})
    directory_start = struct.unpack_from("<I", data, 48)[0]
    entries = []
    offset = 512 * (directory_start + 1)
    while offset + 128 <= len(data):
        name_length, kind, color, left, right, child = struct.unpack_from("<HBBIII", data, offset + 64)
        if kind == 0:
            break
        entries.append((data[offset : offset + name_length - 2].decode("utf-16-le"), color, left, right, child))
        offset += 128
    by_name = {e[0]: e for e in entries}

    def walk(index):  # -> (in-order names, black height)
        if index == 0xFFFFFFFF:
            return [], 1
        name, color, left, right, _ = entries[index]
        left_names, left_height = walk(left)
        right_names, right_height = walk(right)
        assert left_height == right_height, name
        if color == 0:  # red: children are black
            assert all(c == 0xFFFFFFFF or entries[c][1] == 1 for c in (left, right)), name
        return left_names + [name] + right_names, left_height + (color == 1)

    in_order, _ = walk(by_name["VBA"][4])
    assert in_order == sorted(names, key=lambda n: (len(n), n.upper()))


def test_compound_file_marks_unused_mini_fat_entries_free():
    import struct

    data = write_cfb({"a": b"x" * 100, "b": b"y" * 10})
    first_mini_fat, count = struct.unpack_from("<II", data, 60)
    assert count == 1
    entries = struct.unpack_from("<128I", data, 512 * (first_mini_fat + 1))
    assert entries[:3] == (1, 0xFFFFFFFE, 0xFFFFFFFE)  # "a": two mini sectors, "b": one
    assert set(entries[3:]) == {0xFFFFFFFF}


def test_vba_project_stream_has_reserved3_as_excel_writes_it():
    import olefile

    from orsheet.template_file import template_path

    with olefile.OleFileIO(_vba_bin(template_path())) as ole:
        data = ole.openstream("VBA/_VBA_PROJECT").read()
    assert data == bytes.fromhex("CC61FFFF000100")  # Reserved1, Version 0xFFFF, Reserved2, Reserved3 = 0x0001


def test_button_shapes_sit_right_of_start_column_a_at_its_real_width():
    import re
    import zipfile

    from orsheet.build.form_buttons import column_points
    from orsheet.build.contract_workbook import START_TITLE_HEIGHT, START_WIDTH
    from orsheet.template_file import template_path

    with zipfile.ZipFile(template_path()) as archive:
        vml = next(archive.read(n).decode() for n in archive.namelist() if n.endswith(".vml"))
    lefts = [float(x) for x in re.findall(r"margin-left:([\d.]+)pt", vml)]
    tops = [float(x) for x in re.findall(r"margin-top:([\d.]+)pt", vml)]
    assert lefts and set(lefts) == {column_points(START_WIDTH)}  # not 48 pt: column A is 100 characters
    assert tops[0] == START_TITLE_HEIGHT  # below the taller title row
    assert tops[1] - tops[0] == 45  # three default rows further down


def _modules(workbook: Path) -> dict[str, str]:
    from oletools.olevba import VBA_Parser

    parser = VBA_Parser(str(workbook))
    try:
        return {name.rsplit(".", 1)[0]: code for _, _, name, code in parser.extract_macros()}
    finally:
        parser.close()


def test_every_sheet_orsheet_adds_gets_a_code_name_and_an_empty_document_module(tmp_path):
    import zipfile
    from datetime import date

    import olefile

    from orsheet.services.agenda import generate_agenda
    from orsheet.services.overview import overview
    from orsheet.workbook.file import FileBackend
    from tests.agenda_support import filled_workbook

    workbook = filled_workbook(tmp_path)
    before = _modules(workbook)
    generate_agenda(FileBackend(workbook), workbook, date(2023, 9, 14), pdf=False)  # adds the sheet Agenda
    overview(FileBackend(workbook), date(2023, 11, 1), None, False, True)  # adds Overzicht
    after = _modules(workbook)
    from orsheet.ooxml.package import Package

    package = Package(workbook)
    main = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
    code_names = {}
    for name, part in package.sheet_parts().items():
        properties = package.xml(part).find(f"{main}sheetPr")
        code_names[name] = None if properties is None else properties.get("codeName")
    with zipfile.ZipFile(workbook) as archive, olefile.OleFileIO(archive.read("xl/vbaProject.bin")) as ole:
        project = ole.openstream("PROJECT").read().decode("cp1252")
    assert code_names["Agenda"] == "Sheet11" and code_names["Overzicht"] == "Sheet12"
    assert len(set(code_names.values())) == len(code_names)  # every sheet its own code name
    for name in ("Sheet11", "Sheet12"):
        assert f"Document={name}/&H00000000" in project
        assert 'Attribute VB_Base = "0{00020820-0000-0000-C000-000000000046}"' in after[name]
    assert {k: v for k, v in after.items() if k not in ("Sheet11", "Sheet12")} == before  # the rest untouched
