# Two entry points for a new machine: `make demo` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test bench template docs clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[test]"
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/orsheet demo demo-output

test: $(STAMP)
	$(BIN)/ruff check --select F,E9 orsheet tests benchmarks tools
	$(BIN)/python -m pytest -q

bench: $(STAMP)
	$(BIN)/python benchmarks/bench.py

docs: $(STAMP)
	$(BIN)/python -m cogapp -r -I . docs/cli.md

template: $(STAMP)
	$(BIN)/python tools/build_workbook.py

clean:
	rm -rf $(VENV) demo-output .pytest_cache
