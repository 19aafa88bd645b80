"""The import layering holds: the contracts in pyproject.toml ([tool.importlinter]) are kept.

The contracts cover every module of the package (the layers contract is
exhaustive): edges -> services -> documents/records/workbook -> domain ->
vocabulary; the domain imports no I/O library; ``orsheet --help`` imports
neither pandas nor openpyxl; only the Excel edge imports xlwings; runtime code
does not import build-time code.
"""

from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_every_import_linter_contract_is_kept(capsys):
    from importlinter.cli import lint_imports

    cwd = os.getcwd()
    os.chdir(ROOT)  # lint-imports reads ./pyproject.toml
    try:
        status = lint_imports(no_cache=True)
    finally:
        os.chdir(cwd)
    assert status == 0, capsys.readouterr().out


def test_a_new_top_level_module_must_be_placed_in_a_layer():
    import tomllib

    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["importlinter"]
    [layers] = [c for c in config["contracts"] if c["id"] == "layers"]
    placed = {name.strip() for layer in layers["layers"] for name in layer.split(":")}
    found = {p.stem if p.is_file() else p.name for p in (ROOT / "orsheet").iterdir()
             if (p.suffix == ".py" and p.stem != "__init__") or (p / "__init__.py").is_file()}
    assert layers["exhaustive"] is True
    assert found == placed


def test_only_macros_uses_the_xlwings_caller_api():
    users = [p for p in (ROOT / "orsheet").rglob("*.py") if "Book.caller" in p.read_text(encoding="utf-8")]
    assert [p.name for p in users] in ([], ["macros.py"])
