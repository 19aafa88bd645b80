from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

import pytest
from hypothesis import settings

from orsheet.template_file import template_path
from orsheet.workbook.memory import MemoryBackend

# CI runs the property tests on a fixed seed (.ci/run sets HYPOTHESIS_PROFILE=ci), so that what lands
# does not depend on luck; runs elsewhere keep drawing new examples and find new failures there.
settings.register_profile("ci", derandomize=True, print_blob=True)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))


@pytest.fixture
def template_copy(tmp_path: Path) -> Path:
    """A fresh copy of the shipped template workbook, as `orsheet new` makes it."""
    path = tmp_path / "or.xlsm"
    shutil.copyfile(template_path(), path)
    return path


@pytest.fixture(scope="session")
def demo_original(tmp_path_factory) -> Path:
    """The demo workbook as ``orsheet demo`` leaves it, without its documents (tests/support/demo_book.py);
    never changed: a test changes its copy, ``demo``."""
    from tests.support.demo_book import build_demo

    return build_demo(tmp_path_factory.mktemp("demo") / "orsheet-demo.xlsm")


@pytest.fixture
def demo(demo_original: Path, tmp_path: Path) -> Path:
    """A fresh copy of the demo workbook, to change one part of."""
    return Path(shutil.copyfile(demo_original, tmp_path / "orsheet-demo.xlsm"))


@pytest.fixture
def memory_backend() -> MemoryBackend:
    return MemoryBackend.new()


@pytest.fixture(autouse=True)
def _pytests_unraisable_hook_back_after_each_test(monkeypatch):
    """Both edges (cli.run, macros.outcome) send late errors to the bug log through sys.unraisablehook,
    for the rest of the process; in the test process pytest's own hook is put back after each test."""
    monkeypatch.setattr(sys, "unraisablehook", sys.unraisablehook)
