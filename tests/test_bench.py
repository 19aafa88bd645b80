"""The benchmark runs end to end on a small workbook (figures are not asserted)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_benchmark_at_200_actions_reports_every_figure_and_target_as_json():
    result = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "bench.py"), "--actions", "200", "--sizes", "100,200",
         "--repeat", "1", "--json"],
        capture_output=True, text=True, check=True, timeout=300,
    )
    report = json.loads(result.stdout)
    figures = report["figures"]
    assert figures["actions"] == 200
    for key in ("read_orsheet_s", "read_floor_s", "save_close10_s", "save_openpyxl_s", "help_seconds",
                "actions_json_seconds", "peak_memory_mb"):
        assert figures[key] > 0, key
    assert set(report["targets_met"]) >= {"read_ratio", "agenda_seconds", "save_ratio", "help_seconds",
                                          "peak_memory_mb", "no_heavy_imports_at_help"}
    assert [row["actions"] for row in report["scaling"]] == [100, 200]
    assert "pandas" not in figures["heavy_imports_at_help"]


def test_generated_benchmark_workbook_is_a_valid_orsheet_workbook_with_the_asked_sizes(tmp_path):
    sys.path.insert(0, str(ROOT))
    from benchmarks.bench import generate, read_model
    from orsheet import schema
    from orsheet.workbook.file import FileBackend

    path = generate(tmp_path / "raad.xlsm", 300)
    tables = FileBackend(path).read([schema.ACTIONS.name, schema.ARCHIVE.name, schema.DECISIONS.name])
    assert len(tables[schema.ACTIONS.name].rows) + len(tables[schema.ARCHIVE.name].rows) == 300
    assert len(tables[schema.DECISIONS.name].rows) == 60
    assert read_model(path) > 300
    assert generate(tmp_path / "nog een keer.xlsm", 300).read_bytes() == path.read_bytes()
