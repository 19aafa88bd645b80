# Two entry points for a new machine: `make demo` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test bench template docs mutate clean

$(STAMP): pyproject.toml constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -c constraints.txt -e ".[test]"
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/orsheet demo demo-output

test: $(STAMP)
	$(BIN)/ruff check --select F,E9 orsheet tests benchmarks tools
	$(BIN)/python -m pytest -q

bench: $(STAMP)
	$(BIN)/python benchmarks/bench.py

# Mutation testing of the pure core (minutes, not part of `make test`): kill rate per module.
mutate: $(STAMP)
	$(BIN)/python -m pip install --quiet -c constraints.txt -e ".[test,mutate]"
	rm -rf mutants  # mutmut caches verdicts per function; new tests must re-judge every mutant
	$(BIN)/mutmut run
	$(BIN)/python tools/mutation_report.py

docs: $(STAMP)
	$(BIN)/python -m cogapp -r -I . docs/cli.md

# The files orsheet ships, from orsheet/build (tests check the committed ones are up to date).
template: $(STAMP)
	$(BIN)/python tools/build_workbook.py
	$(BIN)/python -m orsheet.build.word_templates

clean:
	rm -rf $(VENV) demo-output .pytest_cache mutants
