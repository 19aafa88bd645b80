"""The public Python API: a deliberate surface, each name the service the CLI and buttons use, loaded lazily."""

from __future__ import annotations

import subprocess
import sys

import pytest

import orsheet


def test_the_public_names_are_the_documented_ones():
    assert orsheet.__all__ == [
        "MemoryBackend", "OrsheetError", "check_workbook", "close_actions", "generate_agenda", "list_actions",
        "load_agenda", "number_actions", "open_workbook", "plan_year", "process_minutes", "__version__",
    ]  # fmt: skip


@pytest.mark.parametrize("name", [n for n in orsheet.__all__ if n != "__version__"])
def test_each_public_name_is_the_one_home_of_its_job(name):
    value = getattr(orsheet, name)
    assert value.__module__ == orsheet._EXPORTS[name]
    assert name in dir(orsheet)


def test_an_unknown_name_is_an_attribute_error():
    with pytest.raises(AttributeError, match="no attribute 'nummer'"):
        orsheet.nummer  # noqa: B018


def test_import_orsheet_loads_no_service_and_no_heavy_library():
    code = "import sys, orsheet; print(sorted(m for m in ('pandas', 'openpyxl', 'orsheet.services', 'docx') if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_the_literal_all_names_exactly_the_lazy_exports():
    import orsheet

    assert sorted(orsheet.__all__) == sorted([*orsheet._EXPORTS, "__version__"])
