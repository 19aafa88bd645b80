"""Kill rate per module after ``mutmut run`` (``make mutate`` runs both).

Reads mutmut's result files (``mutants/**/*.py.meta``) and prints, per mutated
module: mutants, killed (a timeout counts as killed: the mutant hung the
tests), survivors, survivors listed as equivalent in
docs/mutation-survivors.md, and the kill rate over the non-equivalent
mutants. Exits 1 when a module is below the target, listing its survivors
so ``mutmut show NAME`` can be run on each.
"""

from __future__ import annotations

import json
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGET = 0.90
KILLED = {1, 3, 24, -24, 36, 152, 255}
SURVIVED = {0}
NO_TESTS = {5, 33}


def equivalent_mutants() -> set[str]:
    """Mutant names listed (in backticks, at the start of a list item) in docs/mutation-survivors.md."""
    text = (ROOT / "docs" / "mutation-survivors.md").read_text(encoding="utf-8")
    return set(re.findall(r"^\s*[-*] `([\w.ǁ]+__mutmut_\d+)`", text, re.M))


def results() -> dict[str, dict[str, int | None]]:
    found = {}
    for meta in sorted((ROOT / "mutants").rglob("*.py.meta")):
        module = meta.relative_to(ROOT / "mutants").as_posix().removesuffix(".meta")
        found[module] = json.loads(meta.read_text(encoding="utf-8"))["exit_code_by_key"]
    return found


def main() -> int:
    equivalent = equivalent_mutants()
    below = []
    print(f"{'module':32} {'mutants':>7} {'killed':>7} {'survived':>8} {'equiv.':>6} {'no test':>7} {'kill rate':>9}")
    for module, codes in results().items():
        counts = Counter(
            "killed" if code in KILLED else "equivalent" if key in equivalent and code in SURVIVED
            else "survived" if code in SURVIVED else "no tests" if code in NO_TESTS else "other"
            for key, code in codes.items()
        )
        if not codes or all(code is None for code in codes.values()):
            print(f"{module:32} {len(codes):7}  not run")
            continue
        judged = counts["killed"] + counts["survived"] + counts["no tests"]
        rate = counts["killed"] / judged if judged else 1.0
        flag = "" if rate >= TARGET else f"  < {TARGET:.0%}"
        print(f"{module:32} {len(codes):7} {counts['killed']:7} {counts['survived']:8} {counts['equivalent']:6} "
              f"{counts['no tests']:7} {rate:9.1%}{flag}")
        if rate < TARGET:
            below.append((module, sorted(k for k, c in codes.items() if c in SURVIVED | NO_TESTS and k not in equivalent)))
    for module, survivors in below:
        print(f"\n{module}: {len(survivors)} survivors (mutmut show NAME):")
        print("\n".join(f"  {name}" for name in survivors))
    return 1 if below else 0


if __name__ == "__main__":
    sys.exit(main())
