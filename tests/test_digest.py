"""One fingerprint function reproduces every fingerprint already stored in users' workbooks."""

from __future__ import annotations

import hashlib

from orsheet.digest import fingerprint


def test_year_plan_markers_are_six_hex_digits_of_sha1_over_the_cells_joined_by_unit_separators():
    cells = ["2024-01-04", "OR-vergadering", "10:00", "11:30"]
    expected = hashlib.sha1("\x1f".join(cells).encode("utf-8")).hexdigest()[:6]
    assert fingerprint(cells, length=6, algorithm="sha1") == expected


def test_logboek_keys_of_processed_minutes_are_sixteen_hex_digits_of_sha256_over_date_and_text():
    text = "Actie 325 is afgerond.\nDe OR besluit ..."
    expected = hashlib.sha256(f"2023-10-12\n{text}".encode()).hexdigest()[:16]
    assert fingerprint(["2023-10-12", text], length=16, separator="\n") == expected


def test_a_changed_part_changes_the_fingerprint():
    assert fingerprint(["a", "b"], length=16) != fingerprint(["a", "c"], length=16)
    assert fingerprint(["ab", ""], length=16) != fingerprint(["a", "b"], length=16)
