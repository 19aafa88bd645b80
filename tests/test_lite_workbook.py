"""``orsheet new --lite`` and ``orsheet lite-code``: the workbook and the code for xlwings Lite."""

from __future__ import annotations

import importlib.util
import io
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from orsheet import schema
from orsheet.lite_buttons import BUTTONS, RESULT_CELL
from orsheet.build.lite_workbook import SETUP_STEPS, build_lite_workbook
from tests.excel_support import licensed
from tests.support.parts import read_parts
from tests.lite_support import lite_client, press_lite, result_text
from tests.support.cli import run

XLSX_MAIN = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"
XDR = "{http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing}"
A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"


@pytest.fixture(scope="module")
def lite_xlsx(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("lite-book") / "or-secretariaat.xlsx"
    assert run("new", "--lite", path).exit_code == 0
    return path


def test_new_lite_copies_the_shipped_lite_workbook_without_building_one(lite_xlsx):
    from orsheet.template_file import lite_template_path

    assert lite_xlsx.read_bytes() == lite_template_path().read_bytes()


def test_new_lite_writes_a_plain_xlsx_without_vba_ribbon_or_macro_content_type(lite_xlsx):
    from tests.support.ooxml_validate import assert_valid_ooxml

    assert_valid_ooxml(lite_xlsx)
    parts = read_parts(lite_xlsx)
    assert not [name for name in parts if "vba" in name.lower() or "customUI" in name]
    types = parts["[Content_Types].xml"].decode()
    assert f'PartName="/xl/workbook.xml" ContentType="{XLSX_MAIN}"' in types and "macroEnabled" not in types


def test_the_lite_workbook_has_every_sheet_and_table_of_the_macro_workbook_but_no_xlwings_conf(lite_xlsx):
    import openpyxl

    from orsheet.template_file import template_path

    lite, macro = openpyxl.load_workbook(lite_xlsx), openpyxl.load_workbook(template_path())
    assert lite.sheetnames == [name for name in macro.sheetnames if name != "xlwings.conf"]
    for name in lite.sheetnames[1:]:
        assert {t.name: t.ref for t in lite[name].tables.values()} == {t.name: t.ref for t in macro[name].tables.values()}
        assert [c.value for c in lite[name][1]] == [c.value for c in macro[name][1]]


def _shapes(parts: dict[str, bytes]) -> dict[str, str]:
    """Shape name -> the place its hyperlink points to, read from the Start sheet's drawing."""
    rels = etree.fromstring(parts["xl/worksheets/_rels/sheet1.xml.rels"])
    [drawing] = [r.get("Target") for r in rels if r.get("Type").endswith("/drawing")]
    part = "xl/" + drawing.removeprefix("../")
    links = {r.get("Id"): r.get("Target") for r in etree.fromstring(parts[part.replace("drawings/", "drawings/_rels/") + ".rels"])}
    out = {}
    for shape in etree.fromstring(parts[part]).iter(f"{XDR}cNvPr"):
        out[shape.get("name")] = links[shape.find(f"{A}hlinkClick").get(R)]
    return out


def test_every_script_button_is_a_shape_named_and_linked_as_its_button_reference_expects(lite_xlsx):
    with licensed():
        import xlwings.server as server

        import orsheet.lite as lite

        references = sorted(m["button"] for m in server.custom_scripts_meta(lite))
    shapes = _shapes(read_parts(lite_xlsx))
    assert sorted(f"[{name}]{target.removeprefix('#')}" for name, target in shapes.items()) == references
    assert len(references) == len(BUTTONS) == 8


def test_the_start_sheet_explains_the_three_set_up_steps_and_leaves_the_result_cell_free(lite_xlsx):
    import openpyxl

    start = openpyxl.load_workbook(lite_xlsx)[schema.START.name]
    text = [c.value for c in start["A"] if c.value]
    joined = " ".join(text)
    assert [step[:2] for step in SETUP_STEPS] == ["1.", "2.", "3."] and all(step in joined for step in SETUP_STEPS)
    assert "orsheet lite-code" in joined and "Files > Import/Export" in joined
    assert start[RESULT_CELL].value is None
    assert not any("lint" in line or "Python) nodig" in line for line in text)


def test_building_the_lite_workbook_twice_gives_the_same_bytes(tmp_path):
    assert build_lite_workbook(tmp_path / "a.xlsx").read_bytes() == build_lite_workbook(tmp_path / "b.xlsx").read_bytes()


def test_a_button_pressed_on_a_new_lite_workbook_numbers_and_writes_its_result_on_start(lite_xlsx, tmp_path,
                                                                                        monkeypatch):
    monkeypatch.setenv("ORSHEET_LITE_DATA", str(tmp_path))
    client = lite_client(lite_xlsx)
    acties = next(s for s in client.payload["sheets"] if s["name"] == schema.ACTIONS.name)["values"]
    acties[1][1] = "Zaal reserveren"
    press_lite(client, "number_actions")
    assert acties[1][0] == 1
    assert result_text(client).splitlines()[0].startswith("Acties nummeren – Klaar")
    assert result_text(client).splitlines()[1] == "1 actie(s) genummerd: 1."


def test_new_lite_wants_the_xlsx_extension_and_says_so_in_dutch(tmp_path):
    result = run("new", "--lite", tmp_path / "or.xlsm")
    assert result.exit_code == 1 and "xlwings Lite heeft de extensie .xlsx" in result.output
    assert not (tmp_path / "or.xlsm").exists()


@pytest.mark.libreoffice
def test_libreoffice_opens_the_lite_workbook_and_prints_the_set_up_on_start(lite_xlsx, tmp_path):
    soffice = shutil.which("soffice")
    if soffice is None:
        pytest.skip("LibreOffice (soffice) not installed")
    copy = tmp_path / "lite.xlsx"
    shutil.copyfile(lite_xlsx, copy)
    subprocess.run([soffice, "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path), str(copy)],
                   capture_output=True, timeout=180, check=True)
    text = subprocess.run(["pdftotext", "-layout", str(tmp_path / "lite.pdf"), "-"], capture_output=True, text=True).stdout
    assert "Eenmalig instellen" in text and "Files > Import/Export" in text
    assert all(step.split()[0] in text for step in SETUP_STEPS)  # the buttons themselves do not print


WHEEL = "https://example.org/dist/orsheet-0.1.0-py3-none-any.whl"


def test_lite_code_writes_a_short_main_py_that_imports_the_eight_scripts(tmp_path):
    assert run("lite-code", tmp_path, "--wheel", WHEEL).exit_code == 0
    main = tmp_path / "main.py"
    assert len(main.read_text(encoding="utf-8").splitlines()) < 10
    spec = importlib.util.spec_from_file_location("main", main)
    module = importlib.util.module_from_spec(spec)
    with licensed():
        import xlwings.server

        spec.loader.exec_module(module)
        names = sorted(m["name"] for m in xlwings.server.custom_scripts_meta(module))
    assert names == sorted(b.action.label for b in BUTTONS)


def test_lite_code_requirements_name_xlwings_and_the_orsheet_wheel(tmp_path):
    assert run("lite-code", tmp_path, "--wheel", WHEEL).exit_code == 0
    assert (tmp_path / "requirements.txt").read_text(encoding="utf-8").splitlines() == ["xlwings", WHEEL]
    newer = WHEEL.replace("0.1.0", "0.2.0")
    assert run("lite-code", tmp_path, "--wheel", newer).exit_code == 1  # the files are there: no silent overwrite
    assert run("lite-code", tmp_path, "--wheel", newer, "--force").exit_code == 0
    assert (tmp_path / "requirements.txt").read_text(encoding="utf-8").splitlines() == ["xlwings", newer]


def test_lite_code_without_a_wheel_names_no_package_on_pypi_and_says_how_to_get_the_wheel(tmp_path):
    # orsheet is not on PyPI: "orsheet==0.1.0" would fail in the add-in, or install whatever holds the name (review E7)
    result = run("lite-code", tmp_path)
    assert result.exit_code == 1
    assert "orsheet staat niet op PyPI" in result.output and "--wheel" in result.output
    assert "python -m build --wheel" in result.output and "Er is niets geschreven" in result.output
    assert "Traceback" not in result.output
    assert list(tmp_path.iterdir()) == []


def test_lite_code_refuses_a_wheel_that_is_no_address_of_a_whl_file(tmp_path):
    result = run("lite-code", tmp_path, "--wheel", "orsheet.zip")
    assert result.exit_code == 1 and ".whl" in result.output
    assert not (tmp_path / "main.py").exists()


@pytest.mark.slow
def test_the_orsheet_wheel_carries_the_lite_modules_and_asks_pyodide_for_no_compiled_extras(tmp_path):
    """What the add-in installs (about 9 s: pip builds the wheel with hatchling)."""
    import sys

    from packaging.requirements import Requirement

    root = Path(__file__).resolve().parent.parent
    built = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(tmp_path), str(root)],
                           capture_output=True, text=True, timeout=300)
    if built.returncode != 0:
        pytest.skip(f"pip could not build the wheel here (offline?): {built.stderr[-300:]}")
    [wheel] = tmp_path.glob("orsheet-*.whl")
    archive = zipfile.ZipFile(io.BytesIO(wheel.read_bytes()))
    assert {"orsheet/lite.py", "orsheet/lite_buttons.py", "orsheet/macros.py"} <= set(archive.namelist())
    for name in ("orsheet.xlsm", "orsheet-lite.xlsx"):  # what `orsheet new` and `new --lite` copy
        assert archive.read(f"orsheet/data/{name}") == (root / "workbooks" / name).read_bytes()
    assert not [n for n in archive.namelist() if n.startswith("orsheet/build/")], "build-time code is not shipped"
    [metadata] = [n for n in archive.namelist() if n.endswith(".dist-info/METADATA")]
    pyodide = {"sys_platform": "emscripten", "platform_system": "Emscripten", "extra": ""}
    needed = [Requirement(line.split(":", 1)[1].strip()) for line in archive.read(metadata).decode().splitlines()
              if line.startswith("Requires-Dist:")]
    names = {r.name for r in needed if r.marker is None or r.marker.evaluate(pyodide)}
    assert "python-calamine" not in names and "pandas" not in names and "xlwings" in names
