"""The xlwings Lite path needs nothing Pyodide cannot give it.

* In a Python where python-calamine, pandas, numpy and xlwings' Rust
  extension cannot be imported, every script still runs (the live backend
  reads through the book, not the file).
* orsheet's requirements, evaluated for Pyodide, leave those packages out.
* Where Node.js and the ``pyodide`` npm package are there, numbering and
  closing run in a real Pyodide and ask Excel for exactly what they ask in
  CPython. (Document generation needs lxml from the Pyodide distribution,
  which cannot be fetched here, so the smoke test stops at numbering and
  closing.) ``.ci/run`` installs the package into ``.cache/pyodide``.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from orsheet import schema
from tests.excel_support import payload_from_file
from tests.lite_support import demo_workbook, payload_for_script, press_lite, script_meta

ROOT = Path(__file__).resolve().parent.parent
NOT_IN_PYODIDE = ("python_calamine", "pandas", "numpy", "xlwingslib")
PYODIDE_ENV = {"sys_platform": "emscripten", "platform_system": "Emscripten", "platform_machine": "wasm32",
               "os_name": "posix", "implementation_name": "cpython", "python_version": "3.12"}

BLOCKED_RUN = r"""
import importlib.abc, json, shutil, sys
from pathlib import Path

BLOCKED = set(sys.argv[1].split(","))

class NotInPyodide(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] in BLOCKED:
            raise ModuleNotFoundError(f"No module named {name!r} (not in Pyodide)")
        return None

sys.meta_path.insert(0, NotInPyodide())
sys.path.insert(0, sys.argv[2])
from tests.excel_support import FakeExcelClient
from tests.lite_support import press_lite, result_text

client = FakeExcelClient(json.loads(Path(sys.argv[3]).read_text()))
shutil.copyfile(sys.argv[4], Path(sys.argv[5]) / Path(sys.argv[4]).name)
presses = [("number_actions", []), ("close_finished_actions", []), ("make_agenda", ["2023-10-26"]),
           ("update_overview", []), ("make_year_plan", [2027, True]), ("woo_export", []),
           ("process_minutes", []), ("apply_proposal", [])]
results = {}
for name, args in presses:
    press_lite(client, name, *args)
    results[name] = result_text(client)
results["imported"] = sorted(m for m in BLOCKED if m in sys.modules)
print(json.dumps(results))
"""


@pytest.fixture(scope="module")
def demo_payload(tmp_path_factory) -> dict:
    return payload_from_file(demo_workbook(tmp_path_factory.mktemp("lite-pyodide") / "orsheet.xlsx"))


def test_every_script_runs_with_calamine_pandas_numpy_and_xlwings_rust_code_unimportable(demo_payload, tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    payload = tmp_path / "payload.json"
    payload.write_text(json.dumps(demo_payload), encoding="utf-8")
    minutes = ROOT / "tests" / "data" / "minutes" / "notulen-2023-10-26.txt"
    env = {**os.environ, "ORSHEET_LITE_DATA": str(data)}
    done = subprocess.run([sys.executable, "-c", BLOCKED_RUN, ",".join(NOT_IN_PYODIDE), str(ROOT), str(payload),
                           str(minutes), str(data)], capture_output=True, text=True, env=env, cwd=ROOT, timeout=240)
    assert done.returncode == 0, done.stderr[-3000:]
    results = json.loads(done.stdout.strip().splitlines()[-1])
    assert results.pop("imported") == []
    failed = {name: text for name, text in results.items() if "Klaar" not in text.splitlines()[0]}
    # The demo's minutes of 26 Oct name actions the demo list does not have: a located Dutch refusal, not a crash.
    assert set(failed) <= {"apply_proposal"} and "onverwachte fout" not in "".join(results.values())
    assert (data / "Agenda's" / "Agenda OR-vergadering 2023-10-26.docx").is_file()


def _requirement_names(environment: dict) -> set[str]:
    from packaging.requirements import Requirement

    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    wanted = set()
    for line in project["dependencies"]:
        requirement = Requirement(line)
        if requirement.marker is None or requirement.marker.evaluate(environment):
            wanted.add(requirement.name.replace("_", "-").lower())
    return wanted


def test_on_pyodide_orsheet_requires_no_calamine_and_no_pandas_and_leaves_xlwings_unpinned():
    from packaging.requirements import Requirement

    on_pyodide = _requirement_names(PYODIDE_ENV)
    assert "python-calamine" not in on_pyodide and "pandas" not in on_pyodide
    assert {"python-calamine", "pandas"} <= _requirement_names({**PYODIDE_ENV, "sys_platform": "linux"})
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    xlwings = [Requirement(r) for r in project["dependencies"] if r.startswith("xlwings")]
    assert [str(r.specifier) for r in xlwings if r.marker.evaluate(PYODIDE_ENV)] == [">=0.37"]


def pyodide_folder() -> Path | None:
    """The ``pyodide`` npm package: $ORSHEET_PYODIDE, else .cache/pyodide in the repository (see .ci/run)."""
    candidates = [Path(os.environ["ORSHEET_PYODIDE"])] if os.environ.get("ORSHEET_PYODIDE") else []
    candidates.append(ROOT / ".cache" / "pyodide" / "node_modules" / "pyodide")
    return next((c for c in candidates if (c / "pyodide.mjs").is_file()), None)


def run_in_pyodide(presses: list[list], folder: Path) -> dict:
    """Press (script name, payload as sent, options) in a real Pyodide, each on its own payload; see
    tests/support/pyodide_press.py for the options (what the add-in reports and refuses)."""
    node, pyodide = shutil.which("node"), pyodide_folder()
    if node is None or pyodide is None:
        pytest.skip("no Node.js or no pyodide npm package (npm install --prefix .cache/pyodide pyodide; see .ci/run)")
    import xlwings

    request = folder / "input.json"
    request.write_text(json.dumps({"presses": presses}), encoding="utf-8")
    packages = f"{Path(xlwings.__file__).parent}:{ROOT / 'orsheet'}"
    done = subprocess.run([node, str(ROOT / "tests/support/pyodide_run.mjs"), str(pyodide), packages,
                           str(ROOT / "tests/support/pyodide_press.py"), str(request)],
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-3000:]
    return json.loads(done.stdout)


PLAIN = ("number_actions", "close_finished_actions")
PROTECTED = {"code": "AccessDenied", "message": "The cell or chart you're trying to change is on a protected sheet."}


def unnumbered_row(payload: dict) -> int:
    acties = next(s for s in payload["sheets"] if s["name"] == schema.ACTIONS.name)["values"]
    return next(n for n, row in enumerate(acties[1:], start=2) if row[0] == "" and any(row))


@pytest.fixture(scope="module")
def in_pyodide(demo_payload, tmp_path_factory) -> dict:
    """One real Pyodide (its start-up is most of the time) for every press below: the plain
    presses first, then a formula in Nr, Excel refusing the changes, an add-in without formulas."""
    sent = {name: payload_for_script(demo_payload, script_meta(name)) for name in PLAIN}
    formula = {schema.ACTIONS.name: {f"A{unnumbered_row(sent['number_actions'])}": '=IF(TRUE,"",1)'}}
    return run_in_pyodide([[name, sent[name]] for name in PLAIN] + [
        ["number_actions", sent["number_actions"], {"formulas": formula}],
        ["close_finished_actions", sent["close_finished_actions"], {"refuse": PROTECTED}],
        ["number_actions", sent["number_actions"], {"no_range_data": True}],
    ], tmp_path_factory.mktemp("pyodide"))


@pytest.mark.slow
def test_numbering_and_closing_run_in_a_real_pyodide_and_ask_excel_for_the_same_as_cpython(demo_payload, in_pyodide,
                                                                                          tmp_path, monkeypatch):
    assert in_pyodide["platform"] == "emscripten" and in_pyodide["compiled"] == []
    monkeypatch.setenv("ORSHEET_LITE_DATA", str(tmp_path))
    for name, actions in zip(PLAIN, in_pyodide["pressed"]):
        client = lite_client_from(demo_payload)
        in_cpython = press_lite(client, name)["actions"]
        assert _without_result_cell(actions) == _without_result_cell(json.loads(json.dumps(in_cpython, default=str)))
        assert any(a["func"] == "setValues" and a["sheet_position"] == 1 for a in actions)  # Acties changed


def lite_client_from(payload: dict):
    import copy

    from tests.excel_support import FakeExcelClient

    return FakeExcelClient(copy.deepcopy(payload))


def _without_result_cell(actions: list[dict]) -> list[dict]:
    """The actions without the result message on Start (it carries the clock time)."""
    return [a for a in actions if not (a["func"] == "setValues" and a["sheet_position"] == 0)]


def result_of(actions: list[dict]) -> str:
    """The result message the press wrote on Start (its last write there)."""
    return [a for a in actions if a["func"] == "setValues" and a["sheet_position"] == 0][-1]["values"][0][0]


@pytest.mark.slow
def test_in_xlwings_lite_a_formula_in_nr_is_refused_as_on_a_file_and_excels_refusal_comes_in_dutch(demo_payload,
                                                                                                  in_pyodide):
    formula, refused, unknown = in_pyodide["pressed"][len(PLAIN):]
    unnumbered = unnumbered_row(payload_for_script(demo_payload, script_meta("number_actions")))
    assert [a for a in formula if a["sheet_position"] != 0] == []  # Acties untouched: nothing numbered over
    message = result_of(formula)
    assert "Niet gelukt" in message and f"Acties!A{unnumbered} (Nr): Nr wordt berekend met een formule" in message

    message = result_of(refused)
    assert "Niet gelukt" in message and "Excel heeft een wijziging" in message and "beveiligd" in message
    assert "protected" not in message and "AccessDenied" not in message and "onverwachte fout" not in message

    # an add-in that cannot fetch formulas: they are unknown (as on xlwings Server), the press works
    assert "Klaar" in result_of(unknown).splitlines()[0]
    assert any(a["func"] == "setValues" and a["sheet_position"] == 1 for a in unknown)


LXML_FREE_RUN = r"""
import importlib.abc, json, sys
from pathlib import Path

class NoLxml(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] in {"lxml", "python_calamine", "pandas", "numpy", "xlwingslib"}:
            raise ModuleNotFoundError(f"No module named {name!r}")
        return None

sys.path.insert(0, sys.argv[1])
from tests.excel_support import FakeExcelClient  # the test's Excel (built with lxml) ...

for loaded in [m for m in sys.modules if m.split(".")[0] in ("orsheet", "lxml", "docx", "docxtpl", "openpyxl")]:
    del sys.modules[loaded]  # ... then orsheet afresh, as in Pyodide, where lxml is not loaded for these buttons
sys.meta_path.insert(0, NoLxml())
from tests.lite_support import press_lite, result_text

client = FakeExcelClient(json.loads(Path(sys.argv[2]).read_text()))
results = {}
for name in ("number_actions", "close_finished_actions"):
    press_lite(client, name)
    results[name] = result_text(client)
print(json.dumps(results))
"""


def test_numbering_and_closing_in_lite_need_no_lxml(demo_payload, tmp_path):
    """Pyodide loads lxml only for documents: the buttons that edit the sheets must run without it."""
    payload = tmp_path / "payload.json"
    payload.write_text(json.dumps(demo_payload), encoding="utf-8")
    env = {**os.environ, "ORSHEET_LITE_DATA": str(tmp_path)}
    done = subprocess.run([sys.executable, "-c", LXML_FREE_RUN, str(ROOT), str(payload)], capture_output=True,
                          text=True, env=env, cwd=ROOT, timeout=240)
    assert done.returncode == 0, done.stderr[-3000:]
    results = json.loads(done.stdout.strip().splitlines()[-1])
    assert all("Klaar" in text.splitlines()[0] for text in results.values()), results
