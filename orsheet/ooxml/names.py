"""Names inside a workbook (tables, defined names), without lxml: the live path (xlwings Lite in
Pyodide, where lxml is only loaded for documents) uses them too."""

from __future__ import annotations

from collections.abc import Iterable


def free_name(base: str, taken: Iterable[str]) -> str:
    """``base``, or ``base_1``, ``base_2``, ...: the first not in ``taken`` (table and defined names,
    which Excel compares ignoring case)."""
    taken = {t.casefold() for t in taken}
    name, number = base, 1
    while name.casefold() in taken:
        name, number = f"{base}_{number}", number + 1
    return name
