"""The import layering holds: the contracts in pyproject.toml ([tool.importlinter]) are kept.

The contracts cover every module of the package (the layers contract is
exhaustive): build -> edges -> services -> documents/records/workbook -> domain ->
vocabulary; the domain imports no I/O library; ``orsheet --help`` imports
neither pandas nor openpyxl; only the Excel edge imports xlwings; no runtime
module imports build-time code (``orsheet.build``).
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


def _contract(contract_id: str) -> dict:
    import tomllib

    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["importlinter"]
    [contract] = [c for c in config["contracts"] if c["id"] == contract_id]
    return contract


def _top_level_modules() -> set[str]:
    return {p.stem if p.is_file() else p.name for p in (ROOT / "orsheet").iterdir()
            if (p.suffix == ".py" and p.stem != "__init__") or (p / "__init__.py").is_file()}


def test_a_new_top_level_module_must_be_placed_in_a_layer():
    layers = _contract("layers")
    placed = {name.strip() for layer in layers["layers"] for name in layer.split(":")}
    assert layers["exhaustive"] is True
    assert _top_level_modules() == placed


def test_every_runtime_module_is_kept_off_the_build_package():
    build_apart = _contract("build-apart")
    assert build_apart["forbidden_modules"] == ["orsheet.build"]
    assert {m.removeprefix("orsheet.") for m in build_apart["source_modules"]} == _top_level_modules() - {"build"}


def test_only_macros_uses_the_xlwings_caller_api():
    users = [p for p in (ROOT / "orsheet").rglob("*.py") if "Book.caller" in p.read_text(encoding="utf-8")]
    assert [p.name for p in users] in ([], ["macros.py"])
