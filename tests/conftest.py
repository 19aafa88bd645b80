from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from orsheet.template_file import template_path
from orsheet.workbook.memory import MemoryBackend


@pytest.fixture
def template_copy(tmp_path: Path) -> Path:
    """A fresh copy of the shipped template workbook, as `orsheet new` makes it."""
    path = tmp_path / "or.xlsm"
    shutil.copyfile(template_path(), path)
    return path


@pytest.fixture
def memory_backend() -> MemoryBackend:
    return MemoryBackend.new()
